"""Edge crossings of roadmap_graph's layered order against Graphviz ``dot`` on the same rows.

Usage (from the repository root, with the project's Python; needs the ``dot`` program,
Debian package ``graphviz``)::

    python benchmarks/crossings.py [--sizes 100,300,1000] [--seed 0] [--markdown]

For the bundled roadmap and synthetic roadmaps (:func:`generate.synthetic_roadmap`) of the
given sizes, the script computes the rows with :func:`roadmap_graph.figures.layout.layer_of` and
counts crossings (:func:`roadmap_graph.figures.layout.count_crossings`: pairs of crossing segments
between adjacent rows, every edge that spans rows cut at each row it passes) for

* **ours, free**: :func:`~roadmap_graph.figures.layout.order_layers` with no constraint;
* **ours, bands**: the same with the fields kept contiguous in each row (what the figure
  draws: fields as bands);
* **dot**: Graphviz ``dot`` on the *same rows*, compared with *ours, free*: one ``rank=same`` group per row, every edge
  written from its upper to its lower end with ``minlen`` = the number of rows it spans, so
  dot's network-simplex ranking reproduces the rows exactly (checked on dot's output: each
  row's nodes share one y, rows in order). Dot's order within rows is read from its layout
  (``-Tplain``): real nodes by x, and where an edge passes an intermediate row, the x at
  which its spline crosses that row's y stands for dot's virtual node. The same
  ``count_crossings`` then counts both, so the definitions match;
* **dot clusters**: the same with each field's nodes in a ``subgraph cluster_<field>``
  (``newrank=true``), dot's way of keeping a field together. Dot chooses the order of the
  clusters, while the figure keeps the roadmap's field order (*ours, bands*), so the fair
  comparison is *ours, bands in dot's field order* (read off dot's layout).

The ratios are ours / dot (below 1: fewer crossings than dot). Times are wall-clock for one
ordering (ours in-process; dot's whole run, including its layout and spline routing).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import Any

import networkx as nx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import roadmap_graph as rg  # noqa: E402
from roadmap_graph.figures.layout import Dummy, count_crossings, layer_of, order_layers  # noqa: E402
from roadmap_graph.graph.fields import field_order  # noqa: E402


def dot_source(
    G: nx.DiGraph, layers: dict[Hashable, int], *, clusters: bool = False
) -> tuple[str, dict[str, Hashable], list[tuple[Hashable, Hashable]]]:
    """DOT text forcing ``layers`` as dot's ranks; the id map and the edges written. With
    ``clusters``, each field's nodes form a cluster (``newrank=true`` lets rank=same cross
    clusters), so dot keeps each field together as the figure's bands do."""
    ids = {n: f"n{k}" for k, n in enumerate(sorted(layers, key=str))}
    back = {v: k for k, v in ids.items()}
    lines = ["digraph G {", "  node [shape=box, width=0.3, height=0.2, fixedsize=true, label=\"\"];"]
    if clusters:
        lines.append("  newrank=true;")
        for f in field_order(G):
            members = " ".join(ids[n] for n in sorted(layers, key=str) if G.nodes[n].get("field") == f)
            lines.append(f"  subgraph cluster_{f} {{ {members} }}")
    rows: dict[int, list[Hashable]] = {}
    for n, r in layers.items():
        rows.setdefault(r, []).append(n)
    for r in sorted(rows):
        lines.append("  { rank=same; " + " ".join(ids[n] for n in sorted(rows[r], key=str)) + " }")
    edges = []
    for u, v in sorted(G.edges(), key=lambda e: (str(e[0]), str(e[1]))):
        if u not in layers or v not in layers or layers[u] == layers[v]:
            continue
        a, b = (u, v) if layers[u] < layers[v] else (v, u)
        lines.append(f"  {ids[a]} -> {ids[b]} [minlen={layers[b] - layers[a]}];")
        edges.append((u, v))
    lines.append("}")
    return "\n".join(lines) + "\n", back, edges


def _bezier_x_at(points: list[tuple[float, float]], y: float) -> float | None:
    """The x where a piecewise cubic Bezier (dot's spline) first reaches height ``y``."""
    for k in range(0, len(points) - 3, 3):
        p = points[k : k + 4]
        ys = [q[1] for q in p]
        if not (min(ys) - 1e-6 <= y <= max(ys) + 1e-6):
            continue

        def at(t: float, p: list[tuple[float, float]] = p) -> tuple[float, float]:
            s = 1 - t
            return (
                s**3 * p[0][0] + 3 * s * s * t * p[1][0] + 3 * s * t * t * p[2][0] + t**3 * p[3][0],
                s**3 * p[0][1] + 3 * s * s * t * p[1][1] + 3 * s * t * t * p[2][1] + t**3 * p[3][1],
            )

        # dot's splines run downwards: y decreases along a segment; bisect on it
        lo, hi = 0.0, 1.0
        falling = at(0)[1] >= at(1)[1]
        if not (min(at(0)[1], at(1)[1]) - 1e-6 <= y <= max(at(0)[1], at(1)[1]) + 1e-6):
            continue
        for _ in range(60):
            mid = (lo + hi) / 2
            if (at(mid)[1] > y) == falling:
                lo = mid
            else:
                hi = mid
        return at((lo + hi) / 2)[0]
    return None


def dot_order(
    G: nx.DiGraph, layers: dict[Hashable, int], *, clusters: bool = False
) -> tuple[list[list[Hashable]], float]:
    """Dot's order within the rows (with a :class:`Dummy` where an edge passes a row), and
    the seconds dot took."""
    source, back, edges = dot_source(G, layers, clusters=clusters)
    start = time.perf_counter()
    out = subprocess.run(["dot", "-Tplain"], input=source, capture_output=True, text=True, check=True).stdout
    seconds = time.perf_counter() - start
    xy: dict[Hashable, tuple[float, float]] = {}
    splines: dict[tuple[Hashable, Hashable], list[tuple[float, float]]] = {}
    for line in out.splitlines():
        parts = line.split()
        if parts[0] == "node":
            xy[back[parts[1]]] = (float(parts[2]), float(parts[3]))
        elif parts[0] == "edge":
            n = int(parts[3])
            nums = [float(v) for v in parts[4 : 4 + 2 * n]]
            splines[(back[parts[1]], back[parts[2]])] = list(zip(nums[::2], nums[1::2]))
    n_rows = max(layers.values()) + 1
    row_y: list[float] = []
    for r in range(n_rows):
        ys = {round(xy[n][1], 3) for n in layers if layers[n] == r}
        if len(ys) != 1:
            raise RuntimeError(f"dot put the nodes of row {r} at several heights: {sorted(ys)}")
        row_y.append(ys.pop())
    if any(a <= b for a, b in zip(row_y, row_y[1:])):
        raise RuntimeError(f"dot's ranks are not in the order of the rows: {row_y}")
    placed: list[list[tuple[float, Hashable]]] = [[] for _ in range(n_rows)]
    for n, r in layers.items():
        placed[r].append((xy[n][0], n))
    for u, v in edges:
        a, b = (u, v) if layers[u] < layers[v] else (v, u)
        points = splines[(a, b)]
        for r in range(layers[a] + 1, layers[b]):
            x = _bezier_x_at(points, row_y[r])
            if x is None:
                raise RuntimeError(f"dot's spline of {a} -> {b} does not reach row {r}")
            placed[r].append((x, Dummy(u, v, r)))
    return [[n for _, n in sorted(row, key=lambda p: (p[0], str(p[1])))] for row in placed], seconds


def field_sequence(G: nx.DiGraph, order: list[list[Hashable]]) -> list[str]:
    """The fields left to right in ``order`` (by the mean position of their nodes in their rows)."""
    spots: dict[str, list[float]] = {}
    for row in order:
        real = [n for n in row if not isinstance(n, Dummy)]
        for k, n in enumerate(real):
            spots.setdefault(G.nodes[n]["field"], []).append(k / max(len(real) - 1, 1))
    return sorted(spots, key=lambda f: sum(spots[f]) / len(spots[f]))


def measure(name: str, G: nx.DiGraph) -> dict[str, Any]:
    layers = layer_of(G)
    t = time.perf_counter()
    free = order_layers(G, layers)
    t_free = time.perf_counter() - t
    t = time.perf_counter()
    bands = order_layers(G, layers, groups="field", group_order=field_order(G))
    t_bands = time.perf_counter() - t
    initial = order_layers(G, layers, groups="field", group_order=field_order(G), sweeps=0)
    dot, t_dot = dot_order(G, layers)
    dot_bands, t_dot_bands = dot_order(G, layers, clusters=True)
    dot_fields = field_sequence(G, dot_bands)
    same = order_layers(G, layers, groups="field", group_order=dot_fields)
    return {
        "graph": name,
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "rows": max(layers.values()) + 1,
        "dummies": sum(isinstance(n, Dummy) for row in free for n in row),
        "initial": count_crossings(G, layers, initial),
        "ours_free": count_crossings(G, layers, free),
        "ours_bands": count_crossings(G, layers, bands),
        "dot": count_crossings(G, layers, dot),
        "dot_bands": count_crossings(G, layers, dot_bands),
        "dot_fields": ",".join(dot_fields),
        "ours_dot_fields": count_crossings(G, layers, same),
        "t_free": t_free,
        "t_bands": t_bands,
        "t_dot": t_dot,
        "t_dot_bands": t_dot_bands,
    }


def _ratio(a: int, b: int) -> str:
    if b == 0:
        return "—" if a else "1.00"
    return f"{a / b:.2f}"


def table(results: list[dict[str, Any]], markdown: bool) -> str:
    head = ["graph", "nodes", "edges", "rows", "dummies", "by id", "ours free", "dot", "ratio",
            "ours bands", "dot's field order", "ours bands same order", "dot clusters", "ratio",
            "t ours free", "t dot", "t ours bands", "t dot clusters"]
    rows = [
        [r["graph"], r["nodes"], r["edges"], r["rows"], r["dummies"], r["initial"], r["ours_free"], r["dot"],
         _ratio(r["ours_free"], r["dot"]), r["ours_bands"], r["dot_fields"], r["ours_dot_fields"], r["dot_bands"],
         _ratio(r["ours_dot_fields"], r["dot_bands"]),
         f"{r['t_free']:.3f} s", f"{r['t_dot']:.3f} s", f"{r['t_bands']:.3f} s", f"{r['t_dot_bands']:.3f} s"]
        for r in results
    ]
    cells = [head] + [[str(c) for c in row] for row in rows]
    if markdown:
        out = ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * len(head)]
        out += ["| " + " | ".join(row) + " |" for row in cells[1:]]
        return "\n".join(out)
    widths = [max(len(row[k]) for row in cells) for k in range(len(head))]
    return "\n".join("  ".join(c.rjust(w) if k else c.ljust(w) for k, (c, w) in enumerate(zip(row, widths))) for row in cells)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,300", help="synthetic roadmap sizes, comma-separated (default 100,300)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)
    from generate import synthetic_roadmap

    graphs = [("bundled", rg.to_networkx(rg.load_roadmap()))]
    for size in (int(float(s)) for s in args.sizes.split(",") if s.strip()):
        graphs.append((f"synthetic {size} (seed {args.seed})", rg.to_networkx(synthetic_roadmap(size, seed=args.seed))))
    results = [measure(name, G) for name, G in graphs]
    print(table(results, args.markdown))
    print(
        "\nby id: the starting order (fields contiguous, then id). ours free vs dot: no constraint.\n"
        "ours bands: fields contiguous in every row, in the roadmap's field order (what the figure draws).\n"
        "ours bands same order: the same constraint in the field order dot chose with one cluster per\n"
        "field (dot clusters). Ratios: ours / dot; below 1 means fewer crossings than dot."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
