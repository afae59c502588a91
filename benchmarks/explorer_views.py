"""How fast the explorer is ready, and how big its page is, at the bundled roadmap's size
and on generated roadmaps of 300 and 2,000 nodes (issue 13: ready in <= 2 s at 2,000).

"Ready" is measured in headless Chromium (``/usr/bin/chromium`` through playwright, a
1440×900 window): from the start of navigation to the first frame cytoscape.js draws, with
the data parsed, the graph built and the page interactive (``window.roadmapExplorer.timing``:
``parsed``, ``built`` and ``drawn``, in milliseconds since navigation started). Building the
page in Python (``explorer_html``) is timed too. Each size is run ``--repeat`` times; the
table shows the median. The machine's load average is printed: the project machine has two
cores shared with other work, and a loaded machine is slower.

    python benchmarks/explorer_views.py [--sizes 300,2000] [--repeat 3] [--json out.json]
    python benchmarks/explorer_views.py --screenshots docs/img   # the README's pictures

``--screenshots DIR`` writes ``explorer_bundled.png`` (the first view), ``explorer_selected.png``
(a technology selected: its prerequisites below, the missions depending on it above) and
``explorer_2000.png`` (the 2,000-node roadmap's first view, folded into core technologies),
all at 1440×900.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import roadmap_graph as rg
from roadmap_graph.present.explorer import explorer_html

_HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("benchmark_generate", _HERE / "generate.py")
assert _spec is not None and _spec.loader is not None
generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate)

CHROMIUM = os.environ.get("ROADMAP_GRAPH_CHROMIUM", "/usr/bin/chromium")
READY = "window.roadmapExplorer && window.roadmapExplorer.ready && window.roadmapExplorer.timing.drawn"


def graph_of(size: str) -> Any:
    if size == "bundled":
        return rg.to_networkx(rg.load_roadmap())
    return rg.to_networkx(generate.synthetic_roadmap(int(size), seed=0))


def measure(size: str, repeat: int, browser: Any, folder: Path) -> dict[str, Any]:
    G = graph_of(size)
    builds, pages = [], []
    for _ in range(repeat):
        t = time.perf_counter()
        page = explorer_html(G)
        builds.append(time.perf_counter() - t)
    path = folder / f"explorer_{size}.html"
    path.write_text(page, encoding="utf-8")
    for _ in range(repeat):
        tab = browser.new_page(viewport={"width": 1440, "height": 900})
        errors: list[str] = []
        tab.on("console", lambda m, errors=errors: errors.append(m.text) if m.type in ("error", "warning") else None)
        tab.goto(path.as_uri())
        tab.wait_for_function(READY, timeout=120_000)
        timing = tab.evaluate("window.roadmapExplorer.timing")
        pages.append({**timing, "errors": errors, "zoom": tab.evaluate("window.roadmapExplorer.cy.zoom()"),
                      "collapsed": tab.evaluate("window.roadmapExplorer.collapsed()")})  # fmt: skip
        tab.close()
    return {
        "size": size,
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "page_mb": round(len(page.encode("utf-8")) / 1e6, 2),
        "build_s": round(statistics.median(builds), 2),
        "parsed_s": round(statistics.median(p["parsed"] for p in pages) / 1000, 2),
        "built_s": round(statistics.median(p["built"] for p in pages) / 1000, 2),
        "ready_s": round(statistics.median(p["drawn"] for p in pages) / 1000, 2),
        "first_zoom": round(pages[0]["zoom"], 3),
        "opens_folded": pages[0]["collapsed"],
        "console": sorted({e for p in pages for e in p["errors"]}),
    }


def _quantise(path: Path) -> None:
    """Rewrite the PNG with a 256-colour palette (a third of the size; flat colours survive)."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def screenshots(folder: Path, browser: Any, tmp: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    shots = []
    for size, name, script in (
        ("bundled", "explorer_bundled.png", None),
        ("bundled", "explorer_selected.png", "window.roadmapExplorer.focus('mrna_platform')"),
        ("2000", "explorer_2000.png", None),
    ):
        path = tmp / f"shot_{size}.html"
        if not path.exists():
            path.write_text(explorer_html(graph_of(size)), encoding="utf-8")
        tab = browser.new_page(viewport={"width": 1440, "height": 900})
        tab.goto(path.as_uri())
        tab.wait_for_function(READY, timeout=120_000)
        if script:
            tab.evaluate(script)
        tab.wait_for_timeout(400)
        tab.screenshot(path=str(folder / name))
        tab.close()
        _quantise(folder / name)
        shots.append(folder / name)
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="bundled,300,2000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--screenshots", type=Path, help="write the explorer's screenshots into this folder instead")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    if args.screenshots:
        with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            try:
                for shot in screenshots(args.screenshots, browser, Path(tmp)):
                    print(f"{shot}: {shot.stat().st_size / 1000:.0f} KB")
            finally:
                browser.close()
        return 0

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            for size in args.sizes.split(","):
                rows.append(measure(size.strip(), args.repeat, browser, Path(tmp)))
        finally:
            browser.close()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; median of {args.repeat}")
    head = ("size", "nodes", "edges", "page_mb", "build_s", "parsed_s", "built_s", "ready_s", "first_zoom", "opens_folded")
    print(" | ".join(head))
    for r in rows:
        print(" | ".join(str(r[k]) for k in head) + (f"  console: {r['console']}" if r["console"] else ""))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
