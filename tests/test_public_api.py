"""The public API is deliberate: __all__ lists exactly the public names, sorted."""

import roadmap_graph as rg


def test_all_is_sorted_and_complete():
    public = {name for name in vars(rg) if not name.startswith("_") and not isinstance(getattr(rg, name), type(rg))}
    assert set(rg.__all__) == public
    assert rg.__all__ == sorted(rg.__all__, key=lambda n: (not n.isupper(), n))
