"""One mission's prerequisite chain as a figure: the chain alone, top-down, mission first.

:func:`plot_chain` lays out the mission and the technologies of its chain
(:func:`roadmap_graph.chain.prerequisite_chain`) with
:func:`roadmap_graph.layout.layered_layout` (rows by kind, fields as bands, order chosen to
cut crossings, labels that never overlap), and draws:

* plain requirements as solid lines; the alternatives of one ``any_of`` group dashed, tied
  by an arc just below their dependent and marked "one of" (any one suffices);
* links the sources do not state (provenance ``inferred``) in a lighter grey;
* the mission's gateways (:func:`roadmap_graph.gateways.gateways`) ringed in
  :data:`~roadmap_graph.style.GATEWAY_COLOUR`;
* nodes only inferred links bring into the chain (their evidence rests on inference) in the
  one mark of such findings, a dark dashed ring (:func:`~roadmap_graph.figures.style.inference_ring`);
* ecosystem measures in a column to the right of the technologies, each level with the
  highest node it supports, joined to every node it supports by a thin dotted line that
  runs just above that node's row and down a channel beside the column.

Every artist carries a gid: ``node:<id>``, ``label:<id>``, ``gateway:<id>``,
``inferred:<id>`` (the dashed ring), ``edge:<u>-><v>`` (requirements and dotted support lines alike), ``arrow:<u>-><v>``,
``alternatives:<id>:<group>`` (the arc) and ``one-of:<id>:<group>`` (its text),
``band:<field>``, ``row-title:<row>``, ``measures-title``, ``title``, ``legend``.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> ax = plot_chain(G, "bio_mission_gene_cell_therapy", lang="en")
>>> sorted(a.get_gid() for a in ax.get_children() if str(a.get_gid()).startswith("gateway:"))
['gateway:bio_gene_cell_therapy']
>>> plt.close(ax.figure)
"""

from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..analyses.chain import prerequisite_chain
from ..graph.fields import field_order
from ..graph.requirements import REQUIRES, check_nodes
from ..vocabulary import check_lang, node_name, text
from .layout import (
    KIND_ROWS,
    Layout,
    estimate_text_size,
    layer_of,
    layered_layout,
    wrap_label,
)
from .roadmap import alternatives_arc, draw_row_titles, route_path
from .style import (
    ALTERNATIVE_DASH,
    EDGE_COLOUR,
    GATEWAY_COLOUR,
    KIND_MARKERS,
    SUPPORT_COLOUR,
    SUPPORT_DOTS,
    field_colours,
    figure_style,
    inference_legend,
    inference_ring,
)

if TYPE_CHECKING:  # matplotlib is imported only when drawing
    from matplotlib.axes import Axes

__all__ = ["plot_chain"]

INFERRED_COLOUR = "#a8a8a8"
SUPPORT_INFERRED_COLOUR = "#b0b0b0"

def plot_chain(
    G: nx.DiGraph,
    mission: str,
    *,
    ax: Axes | None = None,
    lang: str = "ko",
    show_measures: bool = True,
    show_gateways: bool = True,
    legend: bool = True,
    title: str | None = None,
    fontsize: float = 7.5,
    measure_chars: int = 24,
    **kwargs: Any,
) -> Axes:
    """Draw the prerequisite chain of ``mission`` (see the module docstring).

    Parameters
    ----------
    G
        A roadmap graph (:func:`roadmap_graph.to_networkx`).
    mission
        The id of a mission of ``G``.
    ax
        The axes to draw on; ``None`` creates a figure sized to the chain, with the axes
        filling it (one data unit is one inch). On a given axes the chain is laid out for
        that axes' size; the labels keep their size in points.
    lang
        ``"ko"`` or ``"en"``: node names, row titles, field names, title and legend.
    show_measures
        Draw the chain's ecosystem measures beside the nodes they support.
    show_gateways
        Ring the mission's gateways.
    legend
        Draw a legend below the chain.
    title
        The title; ``None`` for "Prerequisite chain: <mission name>" in ``lang``, ``""`` for
        none.
    fontsize
        Size of the node labels, in points.
    measure_chars
        Wrap measure labels at this many narrow characters (a Hangul syllable counts two).
    **kwargs
        Passed to :func:`~roadmap_graph.layout.layered_layout` (``max_label_chars``,
        ``min_label_chars``, ``sweeps``, ...).

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    UnknownNodeError
        When ``mission`` is not a node of ``G`` or not a mission.
    InvalidOptionError
        When ``lang`` is unknown.
    """
    import matplotlib.pyplot as plt

    check_nodes(G, [mission], kind="mission")
    check_lang(lang)
    chain = prerequisite_chain(G, mission)
    ids = [n.id for n in chain.nodes]
    measures = [n for n in ids if G.nodes[n]["kind"] == "ecosystem_measure"] if show_measures else []
    H = G.subgraph(n for n in ids if G.nodes[n]["kind"] != "ecosystem_measure")
    gateway_nodes = set(chain.gateways) if show_gateways else set()
    inferred_nodes = {n.id for n in chain.nodes if n.evidence == "inferred"}
    colours = field_colours(field_order(G))
    pt = 1 / 72
    if title is None:
        title = f"{text('title.chain', lang)}: {node_name(G.nodes[mission], lang)}"

    with figure_style():
        own = ax is None
        if ax is None:
            ax = plt.figure(figsize=(8.0, 6.0)).add_axes((0.0, 0.0, 1.0, 1.0))
        fig: Any = ax.figure.figure
        order = _chain_fields(G, H, mission)
        order += [f for f in field_order(G) if f not in order and any(G.nodes[m]["field"] == f for m in measures)]
        handles = _legend_handles(G, H, measures, ids, lang, colours, order, bool(gateway_nodes)) if legend else []
        if legend and inferred_nodes & (set(H) | set(measures)):
            handles.append(inference_legend(lang))
        layers = layer_of(H)
        rows_needed = max(layers.values(), default=0) + 1
        widest_row = max(Counter(layers.values()).values(), default=1)
        axes_w, axes_h = ax.bbox.width / fig.dpi, ax.bbox.height / fig.dpi
        legend_artist = None
        # On a given axes, shrink the font until the chain fits it (labels keep their size
        # in points, so the drawing cannot simply be scaled).
        for _ in range(6):
            if legend_artist is not None:
                legend_artist.remove()
            legend_artist = _place_legend(ax, handles, fontsize) if handles else None
            legend_h = legend_artist.get_window_extent().height / fig.dpi + 0.1 if legend_artist is not None else 0.0
            title_text = wrap_label(title, 90) if title else ""
            title_h = (title_text.count("\n") + 1) * fontsize * 1.45 * 1.3 * pt + 0.15 if title else 0.0
            # The measure column: sizes first, to leave its width out of the layout's page.
            texts = {m: wrap_label(node_name(G.nodes[m], lang), measure_chars) for m in measures}
            boxes = {m: estimate_text_size(texts[m], fontsize) for m in measures}
            if own:
                page_w = min(11.69, max(5.0, 1.75 * widest_row + 1.2))
                page_h = min(8.27, max(3.0, 1.3 * rows_needed)) + title_h + legend_h
            else:
                page_w = max(axes_w - _column_width(measures, boxes, pt) - 0.45 - 0.06 * len(measures), 1.0)
                page_h = axes_h
            margins = (0.2, 0.2, 0.15 + title_h, 0.15 + legend_h)
            L = layered_layout(H, lang=lang, fontsize=fontsize, page=(page_w, page_h), margins=margins,
                               fields=_chain_fields(G, H, mission), **kwargs)  # fmt: skip
            placed = _place_measures(G, H, L, measures, boxes, pt)
            width = max([L.size[0]] + [x + w / 2 + 0.25 for x, _, w, _ in placed.values()])
            low = min([0.0] + [y - h - legend_h - 0.35 for _, y, _, h in placed.values()])
            height = L.size[1] - low
            scale = min(axes_w / width, axes_h / height)
            if own or scale >= 0.999:
                break
            fontsize *= scale * 0.97
        if own:
            fig.set_size_inches(width, height)
            ax.set_xlim(0, width)
            ax.set_ylim(low, L.size[1])
        else:  # one data unit one inch, the chain at the top left
            ax.set_xlim(0, max(width, axes_w))
            ax.set_ylim(L.size[1] - max(height, axes_h), L.size[1])
        ax.set_axis_off()

        _draw_bands(ax, L, colours)
        draw_row_titles(ax, L, rules=False)
        _draw_edges(ax, H, L, lang)
        _draw_nodes(ax, H, L, colours, gateway_nodes, inferred_nodes)
        if measures:
            _draw_measures(ax, G, H, L, placed, texts, colours, fontsize, lang, pt, inferred_nodes)
        if title:
            ax.text(width / 2, L.size[1] - 0.12, title_text, ha="center", va="top", fontsize=fontsize * 1.45,
                    parse_math=False, gid="title")  # fmt: skip
    return ax


def _chain_fields(G: nx.DiGraph, H: nx.DiGraph, mission: str) -> list[str]:
    """The chain's fields, the mission's first, then the roadmap's order."""
    present = {f for _, f in H.nodes(data="field")}
    first = G.nodes[mission]["field"]
    return [first] + [f for f in field_order(G) if f in present and f != first]


def _column_width(measures: list[str], boxes: dict[str, tuple[float, float]], pt: float) -> float:
    """A generous width of the measure column (all measures side by side), inches."""
    return sum(boxes[m][0] * pt + 0.15 for m in measures)


def _place_measures(
    G: nx.DiGraph, H: nx.DiGraph, L: Layout, measures: list[str], boxes: dict[str, tuple[float, float]], pt: float
) -> dict[str, tuple[float, float, float, float]]:
    """Measure → ``(x, y, width, height)``: marker centre and label size, inches.

    Each measure sits level with the highest row among the nodes it supports; measures of
    one row go side by side, left to right by the x of their highest supported node; a
    measure whose label would run into the one above moves down.
    """
    if not measures:
        return {}
    right = max((b[1] for b in L.bands.values()), default=L.size[0] - 0.2)
    right = max([right] + [box[2] for box in L.label_boxes.values()])
    x0 = right + 0.45 + 0.06 * len(measures)  # room for the channel of the dotted lines
    ms = L.marker_size * pt
    by_row: dict[int, list[tuple[float, str]]] = {}
    for m in measures:
        supported = [u for u in G.pred[m] if u in H]
        top = min(supported, key=lambda u: (L.rows[u], L.positions[u][0]))
        by_row.setdefault(L.rows[top], []).append((L.positions[top][0], m))
    placed: dict[str, tuple[float, float, float, float]] = {}
    floor = math.inf  # the lowest label bottom so far
    for r in sorted(by_row):
        group = [m for _, m in sorted(by_row[r])]
        y = L.row_extents[r][1] - ms / 2
        if y + ms / 2 > floor - 0.12:
            y = floor - 0.12 - ms / 2
        x = x0
        lowest = y
        for m in group:
            w, h = boxes[m][0] * pt, boxes[m][1] * pt
            w = max(w, ms)
            placed[m] = (x + w / 2, y, w, h)
            x += w + 0.15
            lowest = min(lowest, y - ms * 0.95 - h)
        floor = lowest
    return placed


def _legend_handles(
    G: nx.DiGraph,
    H: nx.DiGraph,
    measures: list[str],
    ids: list[str],
    lang: str,
    colours: dict[str, str],
    fields: list[str],
    gateway: bool,
) -> list[Any]:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Any] = []
    kinds = [k for k in KIND_ROWS if any(G.nodes[n]["kind"] == k for n in list(H) + measures)]
    for k in kinds:
        handles.append(Line2D([], [], linestyle="none", marker=KIND_MARKERS[k], markersize=6, markerfacecolor="#999999",
                              markeredgecolor="white", label=text(f"kind.{k}", lang)))  # fmt: skip
    info = G.graph.get("fields", {})
    for f in fields:
        data = info.get(f) or {}
        name = (data.get("name_en") if lang == "en" else None) or data.get("name") or f
        handles.append(Patch(facecolor=colours[f], edgecolor=colours[f], alpha=0.8, label=str(name)))
    edges = [(u, v, d) for u, v, d in G.edges(ids, data=True) if v in H or v in measures]
    if any(d["relation"] == REQUIRES and d.get("group") is None and d.get("provenance") != "inferred" for _, _, d in edges):
        handles.append(Line2D([], [], color=EDGE_COLOUR, lw=1.0, label=text("fig.requires", lang)))
    if any(d["relation"] == REQUIRES and d.get("group") is not None for _, _, d in edges):
        handles.append(Line2D([], [], color=EDGE_COLOUR, lw=1.0, linestyle=ALTERNATIVE_DASH, label=text("fig.alternatives", lang)))
    if any(d.get("provenance") == "inferred" for _, _, d in edges):
        handles.append(Line2D([], [], color=INFERRED_COLOUR, lw=1.0, label=text("fig.inferred_link", lang)))
    if measures:
        handles.append(Line2D([], [], color=SUPPORT_COLOUR, lw=0.9, linestyle=SUPPORT_DOTS, label=text("fig.supported_by", lang)))
    if gateway:
        handles.append(Line2D([], [], linestyle="none", marker="o", markersize=9, markerfacecolor="none",
                              markeredgecolor=GATEWAY_COLOUR, markeredgewidth=1.5, label=text("fig.gateway_of_mission", lang)))  # fmt: skip
    return handles


def _place_legend(ax: Axes, handles: list[Any], fontsize: float) -> Any:
    """The legend at the bottom, in columns of at most three rows."""
    ncol = max(1, math.ceil(len(handles) / 3))
    artist = ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.0), ncol=ncol, frameon=False,
                       fontsize=fontsize, handlelength=2.6, columnspacing=1.5, borderaxespad=0.3)  # fmt: skip
    artist.set_gid("legend")
    return artist


def _draw_bands(ax: Axes, L: Layout, colours: dict[str, str]) -> None:
    from matplotlib.patches import Rectangle

    fs = L.label_fontsize
    for f, (x0, x1) in L.bands.items():
        ax.add_patch(Rectangle((x0, L.band_bottom), x1 - x0, L.band_top - L.band_bottom, facecolor=colours[f],
                               alpha=0.06, edgecolor=colours[f], lw=0.6, zorder=0, gid=f"band:{f}"))  # fmt: skip
        ax.text((x0 + x1) / 2, L.band_top - fs * 0.5 / 72, L.band_labels[f], ha="center", va="top", fontsize=fs * 1.15,
                color=colours[f], parse_math=False, zorder=4, gid=f"band-label:{f}")  # fmt: skip


def _draw_edges(ax: Axes, H: nx.DiGraph, L: Layout, lang: str) -> None:
    from matplotlib.patches import Arc, FancyArrowPatch, PathPatch

    groups: dict[tuple[Any, int], list[tuple[Any, Any]]] = {}
    for (u, v), points in L.routes.items():
        d = H.edges[u, v]
        alternative = d["relation"] == REQUIRES and d.get("group") is not None
        if alternative:
            groups.setdefault((u, d["group"]), []).append((u, v))
        inferred = d.get("provenance") == "inferred"
        colour = INFERRED_COLOUR if inferred else EDGE_COLOUR
        style: Any = ALTERNATIVE_DASH if alternative else "solid"
        ax.add_patch(PathPatch(route_path(points), facecolor="none", edgecolor=colour, lw=1.0, linestyle=style,
                               zorder=1, gid=f"edge:{u}->{v}", capstyle="butt"))  # fmt: skip
        (xe, ye), (_, yp) = points[-1], points[-2]
        direction = 1.0 if yp > ye else -1.0
        ax.add_patch(FancyArrowPatch((xe, ye + direction * 0.06), (xe, ye), arrowstyle="-|>", mutation_scale=6,
                                     color=colour, lw=0.6, shrinkA=0, shrinkB=0, zorder=1, gid=f"arrow:{u}->{v}"))  # fmt: skip
    fs = L.label_fontsize
    for (u, g), edges in sorted(groups.items()):
        arc = alternatives_arc([L.routes[e] for e in edges], t=0.4)
        if arc is None:
            continue
        centre, radius, theta1, theta2 = arc
        ax.add_patch(Arc(centre, 2 * radius, 2 * radius, theta1=theta1, theta2=theta2, color=EDGE_COLOUR,
                         lw=1.1, zorder=1.2, gid=f"alternatives:{u}:{g}"))  # fmt: skip
        ax.text(centre[0], centre[1] - radius - fs * 0.3 / 72, text("word.one_of_short", lang), ha="center", va="top",
                fontsize=fs * 0.9, color=EDGE_COLOUR, zorder=4.5, parse_math=False, gid=f"one-of:{u}:{g}",
                bbox={"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": "none", "alpha": 0.9})  # fmt: skip


def _draw_nodes(
    ax: Axes, H: nx.DiGraph, L: Layout, colours: dict[str, str], gateway_nodes: set[str], inferred_nodes: set[str]
) -> None:
    ms = L.marker_size
    for n, (x, y) in L.positions.items():
        attrs = H.nodes[n]
        if n in inferred_nodes:
            inference_ring(ax, x, y, ms * (2.05 if n in gateway_nodes else 1.7), f"inferred:{n}")
        if n in gateway_nodes:
            ax.plot([x], [y], linestyle="none", marker="o", markersize=ms * 1.75, markerfacecolor="none",
                    markeredgecolor=GATEWAY_COLOUR, markeredgewidth=1.5, zorder=2.9, gid=f"gateway:{n}")  # fmt: skip
        size = ms * (0.85 if attrs["kind"] == "core_technology" else 1.0)
        ax.plot([x], [y], linestyle="none", marker=KIND_MARKERS[attrs["kind"]], markersize=size,
                markerfacecolor=colours[attrs["field"]], markeredgecolor="white", markeredgewidth=0.6, zorder=3,
                gid=f"node:{n}")  # fmt: skip
        x0, _, x1, y1 = L.label_boxes[n]
        ax.text((x0 + x1) / 2, y1, L.labels[n], ha="center", va="top", fontsize=L.label_fontsize, color="#222222",
                parse_math=False, zorder=4, gid=f"label:{n}")  # fmt: skip


def _draw_measures(
    ax: Axes,
    G: nx.DiGraph,
    H: nx.DiGraph,
    L: Layout,
    placed: dict[str, tuple[float, float, float, float]],
    texts: dict[str, str],
    colours: dict[str, str],
    fontsize: float,
    lang: str,
    pt: float,
    inferred_nodes: frozenset[str] | set[str] = frozenset(),
) -> None:
    """The measures in their column, and a dotted line from every node each supports: up
    from the node to just above its row, along to the channel left of the column, up or
    down to just above the measure, along, and down onto it."""
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path

    ms = L.marker_size
    half = ms * pt / 2
    x_left = min(x - w / 2 for x, _, w, _ in placed.values())
    top = max(y for _, y, _, _ in placed.values())
    ax.text(x_left, max(top + half + 0.3, L.band_top - fontsize * 0.5 * pt), text("fig.measures_column", lang), ha="left",
            va="top", fontsize=fontsize * 1.15, color="#444444", parse_math=False, gid="measures-title")  # fmt: skip
    links = sorted(
        ((u, m) for m in placed for u in G.pred[m] if u in H),
        key=lambda e: (L.rows[e[0]], L.positions[e[0]][0], e[1]),
    )
    lane: dict[int, int] = {}  # row → dotted lines already running beside it
    last_row = len(L.row_kinds) - 1
    for k, (u, m) in enumerate(links):
        xu, yu = L.positions[u]
        xm, ym, _, _ = placed[m]
        r = L.rows[u]
        step = 0.045 * lane.get(r, 0)
        lane[r] = lane.get(r, 0) + 1
        if r == last_row and r > 0:  # below the lowest row nothing else runs
            start, bus_u = (xu, L.label_boxes[u][1]), min(L.row_extents[r][0], L.band_bottom) - 0.08 - step
        else:
            start, bus_u = (xu, yu + half), L.row_extents[r][1] + 0.13 + step
        bus_m = ym + half + 0.13
        channel = x_left - 0.25 - 0.05 * k
        if abs(L.row_extents[r][1] - half - ym) < 1e-6 and bus_u > ym:  # level with u's row, from above
            points = [start, (xu, bus_u), (xm, bus_u), (xm, ym + half)]
        else:
            points = [start, (xu, bus_u), (channel, bus_u), (channel, bus_m), (xm, bus_m), (xm, ym + half)]
        inferred = G.edges[u, m].get("provenance") == "inferred"
        ax.add_patch(PathPatch(Path(points), facecolor="none", edgecolor=SUPPORT_INFERRED_COLOUR if inferred else SUPPORT_COLOUR,
                               lw=0.9, linestyle=SUPPORT_DOTS, zorder=0.8, gid=f"edge:{u}->{m}"))  # fmt: skip
    for m, (x, y, _, _) in placed.items():
        if m in inferred_nodes:
            inference_ring(ax, x, y, ms * 1.8, f"inferred:{m}")
        ax.plot([x], [y], linestyle="none", marker=KIND_MARKERS["ecosystem_measure"], markersize=ms,
                markerfacecolor=colours[G.nodes[m]["field"]], markeredgecolor="white", markeredgewidth=0.6, zorder=3,
                gid=f"node:{m}")  # fmt: skip
        ax.text(x, y - ms * 0.95 * pt, texts[m], ha="center", va="top", fontsize=fontsize, color="#222222",
                parse_math=False, zorder=4, gid=f"label:{m}")  # fmt: skip
