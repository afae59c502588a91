"""The public API is deliberate: __all__ lists exactly the public names, sorted."""

import subprocess
import sys

import roadmap_graph as rg


def test_all_is_sorted_and_complete():
    eager = {name for name in vars(rg) if not name.startswith("_") and not isinstance(getattr(rg, name), type(rg))}
    assert set(rg.__all__) == eager | set(rg._LAZY)
    assert rg.__all__ == sorted(rg.__all__, key=lambda n: (not n.isupper(), n))


def test_lazy_names_resolve_and_keep_the_import_light():
    code = (
        "import sys, roadmap_graph as rg; heavy = {'matplotlib', 'pandas', 'jinja2'} & set(sys.modules); "
        "print(sorted(heavy)); print(all(callable(getattr(rg, n)) for n in rg._LAZY))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == "[]" and out[1] == "True"
