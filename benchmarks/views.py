"""Acceptance numbers of the views at scale (issue 13): the figures the report shows, on the
bundled roadmap and generated roadmaps of 300 and 2,000 nodes, and the report's time and size.

For each roadmap: the report's summary figure (the full layered roadmap when it can be read
at page width, else the overview, ``roadmap_graph.figures.overview.plot_overview``) and the
convergence figure, measured by ``roadmap_graph.figures.checks.figure_checks`` (pixel size at
72 dpi, aspect ratio, the smallest text in px when shown 1,400 px wide, label overlaps,
artists outside the figure); the report page alone (``report_html``, in process: seconds and
MB); then ``roadmap-graph report`` run as a user runs it (wall seconds, which include the
explorer, ``index.html`` MB, ``explorer.html`` MB, and the 1-minute load average after it).

    python benchmarks/views.py [--sizes 300,2000] [--no-report] [-o benchmarks/views.json]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def figures(G, lang: str) -> dict[str, dict]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from roadmap_graph.figures import draw
    from roadmap_graph.figures.checks import figure_checks
    from roadmap_graph.figures.convergence import plot_convergence
    from roadmap_graph.figures.overview import plot_overview
    from roadmap_graph.present.report import FULL_FIGURE_MAX_NODES, readable

    out = {}
    ax = draw(G, "roadmap", lang=lang) if len(G) <= FULL_FIGURE_MAX_NODES else None
    if ax is not None and readable(ax):
        out["roadmap"] = figure_checks(ax.figure)
    else:
        if ax is not None:
            plt.close(ax.figure)
        t = time.perf_counter()
        ax = plot_overview(G, lang=lang)
        out["overview"] = {**figure_checks(ax.figure), "seconds": round(time.perf_counter() - t, 2)}
    plt.close(ax.figure)
    t = time.perf_counter()
    ax = plot_convergence(G, lang=lang)
    out["convergence"] = {**figure_checks(ax.figure), "seconds": round(time.perf_counter() - t, 2)}
    plt.close(ax.figure)
    return out


def report(path: str | None, lang: str) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        cmd = [sys.executable, "-m", "roadmap_graph", "report", "-o", folder, "--force", "--lang", lang]
        if path:
            cmd += ["-g", path]
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        seconds = time.perf_counter() - t
        page = Path(folder) / "index.html"
        explorer = Path(folder) / "explorer.html"
        return {
            "seconds": round(seconds, 1),
            "index_mb": round(page.stat().st_size / 1e6, 2),
            "explorer_mb": round(explorer.stat().st_size / 1e6, 2),
            "load": os.getloadavg()[0],
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="300,2000")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--no-report", action="store_true")
    parser.add_argument("-o", "--output", default=str(HERE / "views.json"))
    args = parser.parse_args()
    from generate import synthetic_data

    import roadmap_graph as rg

    results = {}
    with tempfile.TemporaryDirectory() as folder:
        cases: list[tuple[str, str | None]] = [("bundled", None)]
        for n in (int(s) for s in args.sizes.split(",") if s):
            path = str(Path(folder) / f"g{n}.json")
            Path(path).write_text(json.dumps(synthetic_data(n, seed=0)), encoding="utf-8")
            cases.append((str(n), path))
        for name, path in cases:
            G = rg.to_networkx(rg.load_roadmap(path) if path else rg.load_roadmap())
            entry = {"nodes": len(G), "figures": figures(G, args.lang)}
            from roadmap_graph.present.report import report_html

            t = time.perf_counter()
            page = report_html(G, lang=args.lang)
            entry["page"] = {"seconds": round(time.perf_counter() - t, 1), "index_mb": round(len(page.encode()) / 1e6, 2)}
            if not args.no_report:
                entry["report"] = report(path, args.lang)
            results[name] = entry
            print(name, json.dumps(entry), flush=True)
    Path(args.output).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
