"""The convergence map of two fields (e.g. AI ↔ bio): where they meet, and how much it matters.

:func:`plot_convergence` draws the nodes of two fields apart, the first field on the left
and the second on the right, in rows by kind (missions at the top, measures at the bottom).
What :func:`roadmap_graph.convergence.convergence` finds between the two fields stands out,
the rest is faded:

* *convergence points* (nodes serving missions of the other field, or of both) ringed in
  :data:`~roadmap_graph.style.CROSS_FIELD_COLOUR`, placed nearest the middle and labelled;
  those that are points only through inferred links also in the one mark of a finding that
  rests on inference, a dark dashed ring (:func:`~roadmap_graph.figures.style.inference_ring`);
* *cross-field links* drawn as thick arrows (dependent → prerequisite) between them; their
  ends are drawn in full colour and labelled too;
* every node's marker area grows with the number of missions it serves (the missions from
  which it is reachable over any edge, itself excluded; :func:`missions_served`), with a
  size key in the legend.

Every artist carries a gid: ``node:<id>``, ``ring:<id>``, ``inferred:<id>``, ``label:<id>``,
``cross:<u>-><v>``, ``edges`` (the faded links), ``side:<field>`` (the field names),
``legend``.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> missions_served(G)["cloud_optimization"]
2
>>> ax = plot_convergence(G, lang="en")
>>> sorted(p.get_gid() for p in ax.patches if str(p.get_gid()).startswith("cross:"))[0]
'cross:bio_cloud_analysis_infra->cloud_optimization'
>>> plt.close(ax.figure)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..analyses.convergence import convergence
from ..errors import InvalidOptionError
from ..graph.fields import field_order
from ..graph.index import as_index
from ..vocabulary import Message, check_choice, check_lang, did_you_mean, text, verbatim
from ..vocabulary.visual import INFERRED, INFERRED_DASH
from .layout import KIND_ROWS, estimate_text_size, wrap_label
from .style import CROSS_FIELD_COLOUR, KIND_MARKERS, field_colours, figure_style, inference_legend, inference_ring

if TYPE_CHECKING:  # matplotlib is imported only when drawing
    from matplotlib.axes import Axes

__all__ = ["LABELS", "missions_served", "plot_convergence"]

#: Beyond this many nodes the map shows the strongest convergence points only.
SCALE_NODES = 150
#: The choices of ``labels``.
LABELS = ("highlighted", "all", "none")
FADED_ALPHA = 0.22
EDGE_COLOUR = "#b8b8b8"

def missions_served(G: nx.DiGraph) -> dict[str, int]:
    """The number of missions each node serves: the missions from which it is reachable
    over any edge (requirement or support), itself excluded (the index's mission bitsets)."""
    index = as_index(G)
    return {n: bits.bit_count() for n, bits in zip(index.ids, index.mission_served)}


def _fields(G: nx.DiGraph, fields: Iterable[str] | None) -> list[str]:
    """The fields to draw: two or more different fields of the roadmap (default: all)."""
    all_fields = list(G.graph.get("fields", {}))
    all_fields += [f for f in field_order(G) if f not in all_fields]
    if fields is None:
        chosen = field_order(G)
        if len(chosen) < 2:
            raise InvalidOptionError(Message("error.needs_two_fields", fields=verbatim(", ".join(chosen) or "-")))
        return chosen
    chosen = [fields] if isinstance(fields, str) else list(fields)
    for f in chosen:
        if f not in all_fields:
            raise InvalidOptionError(
                Message("error.unknown_field", field=verbatim(f), hint=did_you_mean(f, all_fields), fields=verbatim(", ".join(all_fields)))
            )
    if len(chosen) < 2 or len(set(chosen)) != len(chosen):
        raise InvalidOptionError(Message("error.two_fields", fields=verbatim(", ".join(chosen) or "-")))
    return chosen


def _size_steps(top: int) -> list[int]:
    """Up to three round counts for the size key, the largest ``top``."""
    if top <= 3:
        return list(range(1, top + 1))
    return sorted({1, max(2, round(top / 2)), top})


def plot_convergence(
    G: nx.DiGraph,
    *,
    ax: Axes | None = None,
    lang: str = "ko",
    fields: Iterable[str] | None = None,
    labels: str = "highlighted",
    max_size: float = 700.0,
    min_size: float = 24.0,
    fontsize: float = 8.0,
    legend: bool = True,
    title: str | None = None,
    top_k: int = 24,
    **kwargs: Any,
) -> Axes:
    """Draw the convergence map of the fields of ``G`` (see the module docstring).

    Parameters
    ----------
    G
        A roadmap graph (:func:`roadmap_graph.to_networkx`).
    ax
        The Axes to draw on; ``None`` creates a figure sized to the map (one data unit is
        one inch there).
    lang
        ``"ko"`` or ``"en"``: names, field names, row titles and legend.
    fields
        Two or more fields; default: every field of the roadmap. Two fields of a roadmap
        of up to :data:`SCALE_NODES` nodes get the two-sided map, left then right; more
        fields, or a larger roadmap, the map of the strongest convergence points
        (:func:`_plot_points`).
    top_k
        The most convergence points the map of points shows (fewer when the figure would
        be taller than 16:9); the figure says how many of how many.
    labels
        Which nodes get their name: ``"highlighted"`` (convergence points and the ends of
        cross-field links), ``"all"`` or ``"none"``.
    max_size, min_size
        Marker area in points² of the node serving the most missions, and of a node
        serving none; in between, the area grows linearly with the count.
    fontsize
        Size of the node labels, in points.
    legend
        Draw a legend (kinds, marks and the size key) below the map.
    title
        The title; ``None`` for the default in ``lang``, ``""`` for none.
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.scatter` for every node.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    InvalidOptionError
        When ``lang`` or ``labels`` is unknown, or ``fields`` does not name two fields of
        the roadmap.
    """
    import matplotlib as mpl
    import matplotlib.pyplot as plt
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    check_lang(lang)
    check_choice(labels, LABELS, "error.what_labels")
    chosen = _fields(G, fields)
    if len(chosen) > 2 or len(G) > SCALE_NODES:
        with figure_style({"svg.fonttype": "none"}):
            return _plot_points(G, chosen, lang, top_k, legend, title)
    left, right = chosen
    found = convergence(G, fields=[left, right])
    points = {p.id for p in found.convergence_points}
    inferred_points = {p.id for p in found.convergence_points if not p.stated}
    cross = [(e.source, e.target) for e in found.cross_field_edges]
    ends = {n for e in cross for n in e}
    links = dict.fromkeys(G, 0)
    for u, v in cross:
        links[u] += 1
        links[v] += 1
    strong = points | ends
    served = missions_served(G)
    nodes = [n for n, f in G.nodes(data="field") if f in (left, right)]
    top = max((served[n] for n in nodes), default=0)
    colours = field_colours(field_order(G))

    def area(n: str) -> float:
        return min_size + (max_size - min_size) * (served[n] / top if top else 0.0)

    def labelled(n: str) -> bool:
        return labels == "all" or (labels == "highlighted" and n in strong)

    pt = 1 / 72
    wrap = 22
    texts = {n: wrap_label(_name(G, n, lang), wrap) for n in nodes}
    sizes = {n: estimate_text_size(texts[n], fontsize) for n in nodes}

    # Rows by kind (empty kinds take no row); inside a row, each field's nodes run outwards
    # from the middle: first those that take part (convergence points and the ends of
    # cross-field links; most cross-field links first), then the rest, by missions served
    # (most first), then id.
    kinds = [k for k in KIND_ROWS if any(G.nodes[n]["kind"] == k for n in nodes)]
    gap = 0.55  # between the two sides, inches
    slot_pad = fontsize * 1.0 * pt
    positions: dict[str, tuple[float, float]] = {}
    row_y: list[float] = []
    y = 0.0
    extent = [0.0, 0.0]
    for kind in kinds:
        row_nodes = [n for n in nodes if G.nodes[n]["kind"] == kind]
        tallest = 0.0
        for side, sign in ((left, -1.0), (right, 1.0)):
            members = sorted(
                (n for n in row_nodes if G.nodes[n]["field"] == side),
                key=lambda n: (n not in strong, -links[n], n not in points, -served[n], n),
            )
            x = gap / 2
            for n in members:
                marker = (area(n) ** 0.5) * pt * 1.15
                width = max(sizes[n][0] * pt, marker) if labelled(n) else marker
                width += slot_pad
                positions[n] = (sign * (x + width / 2), y)
                x += width
                if labelled(n):
                    tallest = max(tallest, sizes[n][1] * pt)
            extent[0 if sign < 0 else 1] = max(extent[0 if sign < 0 else 1], x)
        row_y.append(y)
        drop = (max_size**0.5) * pt / 2 + 0.08
        y -= drop + tallest + 0.45 + (max_size**0.5) * pt / 2
    bottom = y + 0.45
    width_l, width_r = max(extent[0], 1.5), max(extent[1], 1.5)
    title_col = 0.9

    with figure_style():
        own = ax is None
        if ax is None:
            fig_w = width_l + width_r + title_col + 0.6
            fig_h = -bottom + 1.2 + (1.3 if legend else 0.2)
            _, ax = plt.subplots(figsize=(min(fig_w, 40.0), min(fig_h, 40.0)), layout="constrained")
        ax.set_xlim(-width_l - title_col, width_r + 0.2)
        ax.set_ylim(bottom, 0.75)
        ax.set_axis_off()
        # Row titles and light rules between rows.
        for r, (kind, ry) in enumerate(zip(kinds, row_y)):
            ax.text(-width_l - title_col + 0.05, ry, wrap_label(text(f"kind.{kind}", lang), 12), ha="left", va="center",
                    fontsize=fontsize * 1.1, color="#444444", parse_math=False, gid=f"row-title:{kind}")  # fmt: skip
            if r:
                yl = (row_y[r - 1] + ry) / 2 + 0.1
                ax.plot([-width_l - title_col, width_r], [yl, yl], color="#dddddd", lw=0.6, zorder=0)
        ax.axvline(0, color="#cccccc", lw=0.8, linestyle=(0, (3, 3)), zorder=0)
        info = G.graph.get("fields", {})
        names = {}
        for side, sign in ((left, -1), (right, 1)):
            names[side] = _field_name(info, side, lang)
            ax.text(sign * (gap / 2), 0.55, names[side], ha="right" if sign < 0 else "left", va="center",
                    fontsize=fontsize * 1.5, color=colours[side], parse_math=False, gid=f"side:{side}")  # fmt: skip
        # Faded links inside and between the fields; cross-field links on top.
        crossing = set(cross)
        segs = [
            (positions[u], positions[v])
            for u, v in G.edges()
            if u in positions and v in positions and (u, v) not in crossing
        ]
        ax.add_collection(LineCollection(segs, colors=EDGE_COLOUR, linewidths=0.6, alpha=0.6, zorder=1, gid="edges"))
        for u, v in cross:
            (x0, y0), (x1, y1) = positions[u], positions[v]
            # Bulge upwards, clear of the labels that hang below the nodes.
            bend = -(0.3 if abs(y0 - y1) < 1e-9 else 0.2)
            ax.add_patch(
                FancyArrowPatch(
                    positions[u], positions[v], arrowstyle="-|>", mutation_scale=14, color=CROSS_FIELD_COLOUR,
                    lw=2.2, connectionstyle=f"arc3,rad={bend if x0 < x1 else -bend}",
                    linestyle=INFERRED_DASH if G.edges[u, v].get("provenance") == "inferred" else "-",
                    shrinkA=(area(u) ** 0.5) / 2 + 2, shrinkB=(area(v) ** 0.5) / 2 + 2, zorder=2.5, gid=f"cross:{u}->{v}",
                )
            )  # fmt: skip
        # Nodes: faded unless they take part; rings on the convergence points.
        for n in nodes:
            x, y0 = positions[n]
            attrs = G.nodes[n]
            alpha = 1.0 if n in strong else FADED_ALPHA
            if n in points:
                ax.scatter([x], [y0], s=area(n) * 1.9 + 60, marker="o", facecolors="none", edgecolors=CROSS_FIELD_COLOUR,
                           linewidths=2.0, zorder=2.8, gid=f"ring:{n}")  # fmt: skip
            if n in inferred_points:  # the one mark of a finding that rests on inference
                inference_ring(ax, x, y0, (area(n) * 1.9 + 60) ** 0.5 + 6, f"inferred:{n}")
            options = {"edgecolors": "white", "linewidths": 0.8, **kwargs}
            ax.scatter([x], [y0], s=area(n), marker=KIND_MARKERS[attrs["kind"]], c=[colours[attrs["field"]]],
                       alpha=alpha, zorder=3, gid=f"node:{n}", **options)  # fmt: skip
            if labelled(n):
                drop = (area(n) * (1.9 if n in points else 1.0)) ** 0.5 * pt / 2 + 0.06
                ax.text(x, y0 - drop, texts[n], ha="center", va="top", fontsize=fontsize,
                        color="#222222" if n in strong else "#888888", zorder=4, parse_math=False, gid=f"label:{n}")  # fmt: skip
        if title is None:
            title = text("fig.convergence_title", lang, a=names[left], b=names[right])
        if title:
            ax.set_title(title, fontsize=fontsize * 1.6, parse_math=False, family=mpl.rcParams["font.family"])
        if legend:
            grey = "#8c8c8c"
            handles: list[Any] = [
                Line2D([], [], linestyle="none", marker=KIND_MARKERS[k], markersize=7, markerfacecolor=grey,
                       markeredgecolor="white", label=text(f"kind.{k}", lang))
                for k in kinds
            ]  # fmt: skip
            handles.append(Line2D([], [], linestyle="none", marker="o", markersize=11, markerfacecolor="none",
                                  markeredgecolor=CROSS_FIELD_COLOUR, markeredgewidth=2.0,
                                  label=text("fig.convergence_point", lang)))  # fmt: skip
            if inferred_points:
                handles.append(inference_legend(lang, 12.0))
            handles.append(Line2D([], [], color=CROSS_FIELD_COLOUR, lw=2.2, label=text("fig.cross_field_link", lang)))
            if any(G.edges[u, v].get("provenance") == "inferred" for u, v in cross):
                handles.append(Line2D([], [], color=INFERRED, lw=1.4, linestyle=INFERRED_DASH, label=text("fig.inferred_link", lang)))
            handles.append(Line2D([], [], linestyle="none", marker="o", markersize=7, markerfacecolor=grey,
                                  alpha=FADED_ALPHA + 0.1, markeredgecolor="none", label=text("fig.other_nodes", lang)))  # fmt: skip
            for k in _size_steps(top):
                s = min_size + (max_size - min_size) * k / top
                handles.append(Line2D([], [], linestyle="none", marker="o", markersize=s**0.5, markerfacecolor=grey,
                                      markeredgecolor="white", label=text("fig.serves_n", lang, k=k)))  # fmt: skip
            ncol = min(len(handles), 5)
            found_legend = ax.legend(
                handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=ncol, frameon=False,
                fontsize=fontsize, handlelength=2.4, columnspacing=1.6, labelspacing=1.3, borderaxespad=0.2,
            )  # fmt: skip
            found_legend.set_gid("legend")
            if own:  # a figure at least as wide as the legend
                fig: Any = ax.figure  # the Figure plt.subplots made above
                need = found_legend.get_window_extent(fig.canvas.get_renderer()).width / fig.dpi + 0.5
                if need > fig.get_figwidth():
                    fig.set_size_inches(need, fig.get_figheight())
        if own:  # no wider than 16:9 (the page's overview rule)
            fig = ax.figure
            if fig.get_figwidth() / fig.get_figheight() > 16 / 9:
                fig.set_size_inches(fig.get_figwidth(), fig.get_figwidth() * 9 / 16)
    return ax


def _name(G: nx.DiGraph, n: str, lang: str) -> str:
    from ..vocabulary import node_name

    return node_name(G.nodes[n], lang)


def _field_name(info: dict[str, Any], field: str, lang: str) -> str:
    data = info.get(field) or {}
    if lang == "en" and data.get("name_en"):
        return str(data["name_en"])
    return str(data.get("name") or field)


def _plot_points(G: nx.DiGraph, fields: list[str], lang: str, top_k: int, legend: bool, title: str | None) -> Axes:
    """The map of the strongest convergence points of any number of fields: a column per
    field, a row per kind; in each cell its points stacked, each with its name and the
    fields and number of missions it serves; a convergence point ringed in
    :data:`~roadmap_graph.vocabulary.visual.CROSS_FIELD` (plus the dashed ring when it is a
    point only through inferred links), the cross-field links among the points shown as
    vermillion arrows. At most ``top_k`` points (most fields served, then most missions),
    fewer when the figure would be taller than 16:9; the title line says how many of how
    many. Labels are stacked in their cells, so none overlap; the figure is at most
    :data:`~roadmap_graph.figures.overview.MAX_WIDTH` wide, so its text stays 8 px or more
    at 1,400 px. Gids as the two-sided map, and ``column:<field>``, ``cutoff``."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch, Rectangle

    from ..vocabulary import field_name
    from ..vocabulary.visual import CROSS_FIELD, INK, KIND_SHAPES, field_colour
    from .layout.text import matplotlib_measure
    from .overview import MAX_ASPECT, MAX_WIDTH, SMALL_FONT, _fit

    found = convergence(G, fields=fields)
    served = missions_served(G)
    order = {f: i for i, f in enumerate(field_order(G))}
    info = G.graph.get("fields", {})
    touching: dict[str, int] = {}
    for e in found.cross_field_edges:
        if e.relation == "requires":
            touching[e.source] = touching.get(e.source, 0) + 1
            touching[e.target] = touching.get(e.target, 0) + 1
    ranked = sorted(
        found.convergence_points,
        key=lambda p: (p.kind == "ecosystem_measure", -len(p.fields), -touching.get(p.id, 0), -served[p.id], p.id),
    )
    measure = matplotlib_measure(72.0)
    font = 7.6
    pt = 1 / 72
    kinds = [k for k in KIND_ROWS if any(p.kind == k for p in ranked)] or ["enabling_technology"]
    head_col = 1.1
    width = min(MAX_WIDTH, head_col + 0.3 + 3.1 * len(fields))
    col_w = (width - head_col - 0.3) / len(fields)
    label_w = col_w - 0.45

    def entry(p: Any) -> tuple[str, str, float]:
        label = _fit(_name(G, p.id, lang), font, label_w, 2, measure)
        names = ", ".join(field_name(info, f, lang) for f in p.fields)
        small = _fit(text("fig.convergence_serves", lang, fields=names, missions=served[p.id]), SMALL_FONT, label_w, 2, measure)
        h = (measure(label, font)[1] + measure(small, SMALL_FONT)[1]) * pt + 0.16
        return label, small, h

    entries = {p.id: entry(p) for p in ranked[: max(top_k, 0)]}
    head_h = 0.95
    legend_h = 0.75 if legend else 0.1
    while True:
        shown = ranked[: min(top_k, len(ranked))]
        kinds = [k for k in KIND_ROWS if any(p.kind == k for p in shown)] or ["enabling_technology"]
        cells: dict[tuple[str, str], list[Any]] = {}
        for p in shown:
            cells.setdefault((p.kind, p.field), []).append(p)
        row_h = {k: max([sum(entries[p.id][2] for p in cells.get((k, f), [])) for f in fields] + [0.35]) + 0.15 for k in kinds}
        height = head_h + legend_h + sum(row_h.values())
        if height / width <= MAX_ASPECT or top_k <= 1:
            break
        top_k -= 1
    height = max(height, width / MAX_ASPECT)
    fig = plt.figure(figsize=(width, height))
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.set_axis_off()
    names_of = [field_name(info, f, lang) for f in fields]
    if title is None:
        title = text("fig.convergence_title_many", lang, fields=verbatim(" ↔ ".join(names_of)))
    ax.text(0.15, height - 0.12, title or "", ha="left", va="top", fontsize=11, weight="bold", color=INK, parse_math=False,
            gid="title")  # fmt: skip
    cross_all = [e for e in found.cross_field_edges if e.relation == "requires"]
    ids = {p.id for p in shown}
    links = [e for e in cross_all if e.source in ids and e.target in ids]
    ax.text(0.15, height - 0.42, text("fig.convergence_cutoff", lang, shown=len(shown), total=len(ranked), links=len(links),
                                     all_links=len(cross_all)),
            ha="left", va="top", fontsize=SMALL_FONT, color="#444444", parse_math=False, gid="cutoff")  # fmt: skip
    top = height - head_h
    for j, f in enumerate(fields):
        x0 = head_col + j * col_w
        colour = field_colour(order.get(f, j))
        ax.add_patch(Rectangle((x0 + 0.04, legend_h), col_w - 0.08, top - legend_h + 0.3, facecolor=colour, alpha=0.07,
                               edgecolor="none", zorder=0, gid=f"column:{f}"))  # fmt: skip
        ax.text(x0 + 0.12, top + 0.22, names_of[j], ha="left", va="center", fontsize=9.5, weight="bold", color=colour,
                parse_math=False, gid=f"side:{f}")  # fmt: skip
    position: dict[str, tuple[float, float]] = {}
    y = top
    for k in kinds:
        ax.text(0.15, y - 0.08, _fit(text(f"kind.{k}", lang), font, head_col - 0.25, 3, measure), ha="left", va="top",
                fontsize=font, color="#444444", parse_math=False, gid=f"row-title:{k}")  # fmt: skip
        ax.plot([0.1, width - 0.1], [y, y], color="#dddddd", lw=0.6, zorder=0.5)
        for j, f in enumerate(fields):
            x0 = head_col + j * col_w
            cy = y - 0.1
            for p in cells.get((k, f), []):
                label, small, h = entries[p.id]
                mx, my = x0 + 0.22, cy - 0.09
                position[p.id] = (mx, my)
                colour = field_colour(order.get(p.field, 0))
                size = 30 + 60 * served[p.id] / max(served.values() or [1])
                ax.scatter([mx], [my], s=size * 3.2, marker="o", facecolors="none", edgecolors=CROSS_FIELD, linewidths=1.8,
                           zorder=2.8, gid=f"ring:{p.id}")  # fmt: skip
                if not p.stated:
                    inference_ring(ax, mx, my, (size * 3.2) ** 0.5 + 6, f"inferred:{p.id}")
                ax.scatter([mx], [my], s=size, marker=KIND_SHAPES[p.kind][0], c=[colour], edgecolors="white", linewidths=0.6,
                           zorder=3, gid=f"node:{p.id}")  # fmt: skip
                ax.text(mx + 0.2, cy - 0.02, label, ha="left", va="top", fontsize=font, color=INK, parse_math=False,
                        zorder=4, gid=f"label:{p.id}")  # fmt: skip
                ax.text(mx + 0.2, cy - 0.02 - measure(label, font)[1] * pt - 0.02, small, ha="left", va="top",
                        fontsize=SMALL_FONT, color="#444444", parse_math=False, zorder=4, gid=f"serves:{p.id}")  # fmt: skip
                cy -= h
        y -= row_h[k]
    for e in links:
        (x0, y0), (x1, y1) = position[e.source], position[e.target]
        ax.add_patch(FancyArrowPatch((x0, y0), (x1, y1), arrowstyle="-|>", mutation_scale=11, color=CROSS_FIELD, lw=1.6,
                                     alpha=0.85, linestyle="-" if e.provenance != "inferred" else INFERRED_DASH,
                                     connectionstyle="arc3,rad=0.2", shrinkA=7, shrinkB=7, zorder=2.5,
                                     gid=f"cross:{e.source}->{e.target}"))  # fmt: skip
    if legend:
        handles: list[Any] = [
            Line2D([], [], linestyle="none", marker=KIND_SHAPES[k][0], markersize=7, markerfacecolor="#8c8c8c",
                   markeredgecolor="white", label=text(f"kind.{k}", lang))
            for k in kinds
        ]  # fmt: skip
        handles.append(Line2D([], [], linestyle="none", marker="o", markersize=11, markerfacecolor="none",
                              markeredgecolor=CROSS_FIELD, markeredgewidth=1.8, label=text("fig.convergence_point", lang)))  # fmt: skip
        if any(not p.stated for p in shown):
            handles.append(inference_legend(lang, 12.0))
        if links:
            handles.append(Line2D([], [], color=CROSS_FIELD, lw=1.6, label=text("fig.cross_field_link", lang)))
        if any(e.provenance == "inferred" for e in links):
            handles.append(Line2D([], [], color=INFERRED, lw=1.4, linestyle=INFERRED_DASH, label=text("fig.inferred_link", lang)))
        found_legend = ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.15 / width, 0.02), ncol=3,
                                 frameon=False, fontsize=SMALL_FONT, handlelength=2.2, columnspacing=1.4, borderaxespad=0.0)  # fmt: skip
        found_legend.set_gid("legend")
    return ax
