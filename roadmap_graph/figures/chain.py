"""One mission's prerequisite chain as a figure: the chain alone, top-down, mission first.

:func:`plot_chain` lays out the mission and the technologies of its chain
(:func:`roadmap_graph.chain.prerequisite_chain`) with
:func:`roadmap_graph.layout.layered_layout` (rows by kind, fields as bands, order chosen to
cut crossings, labels that never overlap), and draws:

* links in the one visual language (:func:`~roadmap_graph.figures.style.link_style`):
  requirements solid, stated in ink and inferred grey and dashed; the alternatives of one
  ``any_of`` group tied by an arc just below their dependent and marked "one of" (any one
  suffices);
* the mission's gateways (:func:`roadmap_graph.gateways.gateways`) in an ink ring, thick for
  a deep gateway and thin for the mission's only direct requirement; the chain's bottlenecks
  in a numbered rank badge, the legend stating the cut-off;
* nodes only inferred links bring into the chain (their evidence rests on inference) in the
  one mark of such findings, a dark dashed ring (:func:`~roadmap_graph.figures.style.inference_ring`);
* ecosystem measures in a column beside the technologies, each near the nodes it supports,
  joined to each by a dotted connector that leaves the node below its label, runs in a lane
  of the gap below that row and along a channel of its own measure, crossing no label,
  arrowhead or marker.

Every artist carries a gid: ``node:<id>``, ``label:<id>``, ``gateway:<id>``,
``bottleneck:<id>`` (the rank badge), ``inferred:<id>`` (the dashed ring), ``edge:<u>-><v>``
(requirements and the support connectors' branches alike), ``support-trunk:<m>``, ``arrow:<u>-><v>``,
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

from ..analyses.bottlenecks import bottlenecks
from ..analyses.chain import prerequisite_chain
from ..analyses.gateways import gateways
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
from .roadmap import alternatives_arc, draw_row_titles, ring_size, route_path
from .style import (
    INK,
    KIND_MARKERS,
    bottleneck_legend,
    field_colours,
    figure_style,
    gateway_legend,
    gateway_ring,
    inference_legend,
    inference_ring,
    legend_parts,
    link_legend,
    link_style,
    rank_badge,
)

if TYPE_CHECKING:  # matplotlib is imported only when drawing
    from matplotlib.axes import Axes

__all__ = ["plot_chain"]

#: The gap between a measure's marker and its label, and between two measures, inches.
_MEASURE_PAD = 0.07
#: How far apart the dotted connectors run in a gap between rows and beside the column.
_LANE_STEP = 0.05

def plot_chain(
    G: nx.DiGraph,
    mission: str,
    *,
    ax: Axes | None = None,
    lang: str = "ko",
    show_measures: bool = True,
    show_gateways: bool = True,
    show_bottlenecks: bool | int = True,
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
        Ring the mission's gateways: thick where several of its paths meet, thin for its
        only direct requirement.
    show_bottlenecks
        Mark the chain's bottlenecks with their rank: ``True``, an int k or ``False``, as
        :meth:`roadmap_graph.Bottlenecks.marked` (the legend states the cut-off).
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
    found = {g.id: g for g in gateways(G).gateways}
    deep = {n: mission not in found[n].sole_missions for n in chain.gateways if n in found} if show_gateways else {}
    ranking = bottlenecks(G)
    marked = ranking.marked(show_bottlenecks)
    rank_of = {b.id: i + 1 for i, b in enumerate(ranking)}
    ranks = {n: rank_of[n] for n in marked if n in H}
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
        handles = _legend_handles(G, H, measures, ids, lang, colours, order, deep) if legend else []
        if legend and ranks:
            handles.append(bottleneck_legend(lang, [rank_of[n] for n in marked], len(ranking), show_bottlenecks))
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
                page_w = max(axes_w - _column_width(G, measures, boxes, fontsize * 1.4, pt), 1.0)
                page_h = axes_h
            margins = (0.2, 0.2, 0.15 + title_h, 0.15 + legend_h)
            L = layered_layout(H, lang=lang, fontsize=fontsize, page=(page_w, page_h), margins=margins,
                               fields=_chain_fields(G, H, mission), **kwargs)  # fmt: skip
            placed = _place_measures(G, H, L, measures, boxes, pt)
            connectors = _connectors(G, H, L, placed, pt)
            half = L.marker_size * pt / 2
            width = max([L.size[0]] + [x + half + _MEASURE_PAD + w + 0.2 for x, _, w, _ in placed.values()])
            bottoms = [y - max(h, 2 * half) / 2 for _, y, _, h in placed.values()]
            bottoms += [p[1] for points in connectors[0].values() for p in points]
            low = min([0.0] + [b - legend_h - 0.3 for b in bottoms])
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
        _draw_nodes(ax, H, L, colours, deep, ranks, inferred_nodes)
        if measures:
            _draw_measures(ax, G, H, L, placed, connectors, texts, colours, fontsize, lang, pt, inferred_nodes)
        if title:
            ax.text(width / 2, L.size[1] - 0.12, title_text, ha="center", va="top", fontsize=fontsize * 1.45,
                    parse_math=False, gid="title")  # fmt: skip
    return ax


def _chain_fields(G: nx.DiGraph, H: nx.DiGraph, mission: str) -> list[str]:
    """The chain's fields, the mission's first, then the roadmap's order."""
    present = {f for _, f in H.nodes(data="field")}
    first = G.nodes[mission]["field"]
    return [first] + [f for f in field_order(G) if f in present and f != first]


def _column_width(G: nx.DiGraph, measures: list[str], boxes: dict[str, tuple[float, float]], marker: float, pt: float) -> float:
    """A generous width of the measure column and the channel of connectors beside it, inches."""
    if not measures:
        return 0.0
    links = sum(1 for m in measures for _ in G.pred[m])
    widest = max(boxes[m][0] for m in measures) * pt
    return 0.3 + _LANE_STEP * (links + 1) + marker * pt + _MEASURE_PAD + widest + 0.2


def _place_measures(
    G: nx.DiGraph, H: nx.DiGraph, L: Layout, measures: list[str], boxes: dict[str, tuple[float, float]], pt: float
) -> dict[str, tuple[float, float, float, float]]:
    """Measure → ``(x, y, width, height)``: marker centre and label size, inches (the label
    stands to the right of the marker, centred on it).

    The measures stand in one column right of the chain, one below the other, each as near
    as it can to the middle of the nodes it supports (top to bottom in that order), so that
    its connectors are short; a measure that would overlap the one above moves down.
    """
    if not measures:
        return {}
    right = max((b[1] for b in L.bands.values()), default=L.size[0] - 0.2)
    right = max([right] + [box[2] for box in L.label_boxes.values()])
    links = sum(1 for m in measures for u in G.pred[m] if u in H)
    x = right + 0.3 + _LANE_STEP * (links + 1) + L.marker_size * pt / 2  # room for the channel
    ms = L.marker_size * pt

    def wanted(m: str) -> float:
        ys = [L.positions[u][1] for u in G.pred[m] if u in H]
        return sum(ys) / len(ys) if ys else L.band_top

    placed: dict[str, tuple[float, float, float, float]] = {}
    floor = L.band_top - 0.3  # the column starts below its title
    for m in sorted(measures, key=lambda m: (-wanted(m), m)):
        w, h = boxes[m][0] * pt, boxes[m][1] * pt
        tall = max(h, ms)
        y = min(wanted(m), floor - tall / 2)
        placed[m] = (x, y, w, h)
        floor = y - tall / 2 - _MEASURE_PAD * 1.5
    return placed


def _connectors(
    G: nx.DiGraph, H: nx.DiGraph, L: Layout, placed: dict[str, tuple[float, float, float, float]], pt: float
) -> tuple[dict[tuple[str, str], tuple[tuple[float, float], ...]], dict[str, tuple[tuple[float, float], ...]]]:
    """The dotted connectors of the measures: ``({(u, m): branch}, {m: trunk})``.

    A branch leaves the bottom edge of the label of ``u`` (right of where its requirement
    links leave), drops into the gap below its row, just above the next row's arrowheads,
    and runs along that gap to the channel of its measure beside the column; the trunk runs
    along that channel from the highest to the lowest branch and on to the level of the
    measure, and across to the left edge of its marker. Branches of one gap run in lanes
    apart; each measure has its own channel. So no connector crosses a label or an
    arrowhead, and none starts on a requirement link.
    """
    if not placed:
        return {}, {}
    half = L.marker_size * pt / 2
    x_left = min(x - half for x, _, _, _ in placed.values())
    order = sorted(placed, key=lambda m: -placed[m][1])
    channel = {m: x_left - 0.3 - _LANE_STEP * i for i, m in enumerate(order)}
    links = sorted(((u, m) for m in placed for u in G.pred[m] if u in H),
                   key=lambda e: (L.rows[e[0]], L.positions[e[0]][0], order.index(e[1])))  # fmt: skip
    last = len(L.row_kinds) - 1
    per_row: dict[int, list[tuple[str, str]]] = {}
    for e in links:
        per_row.setdefault(L.rows[e[0]], []).append(e)
    branches: dict[tuple[str, str], tuple[tuple[float, float], ...]] = {}
    for r, edges in per_row.items():
        top = L.row_extents[r][0] - 0.06  # below the row's lowest label
        bottom = (L.row_extents[r + 1][1] + 0.12) if r < last else top - 0.06 - _LANE_STEP * (len(edges) + 1)
        step = min(_LANE_STEP, max(top - bottom, 0.0) / (len(edges) + 1))
        # The branch to the rightmost channel runs lowest, so that lanes do not cross.
        for i, (u, m) in enumerate(sorted(edges, key=lambda e: channel[e[1]])):
            xu, _ = L.positions[u]
            x0, y0, x1, _ = L.label_boxes[u]
            sx = xu + min(0.12, max((x1 - x0) / 2 - 0.04, 0.03))
            lane = bottom + step * (i + 1)
            branches[(u, m)] = ((sx, y0), (sx, lane), (channel[m], lane))
    trunks: dict[str, tuple[tuple[float, float], ...]] = {}
    for m, (xm, ym, _, _) in placed.items():
        ys = [b[-1][1] for (_, n), b in branches.items() if n == m] + [ym]
        cx = channel[m]
        trunks[m] = ((cx, max(ys)), (cx, min(ys)), (cx, ym), (xm - half * 1.15, ym))
    return branches, trunks


def _legend_handles(
    G: nx.DiGraph,
    H: nx.DiGraph,
    measures: list[str],
    ids: list[str],
    lang: str,
    colours: dict[str, str],
    fields: list[str],
    deep: dict[str, bool],
) -> list[Any]:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from .roadmap import drawn_links

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
    found = drawn_links(G.subgraph([*H, *measures]), show_cross_field=False)
    handles += link_legend(lang, **found)
    if any(deep.values()):
        handles.append(gateway_legend(lang, deep=True))
    if not all(deep.values()):
        handles.append(gateway_legend(lang, deep=False))
    return handles


def _place_legend(ax: Axes, handles: list[Any], fontsize: float) -> Any:
    """The legend at the bottom, in columns of at most three rows."""
    ncol = max(1, math.ceil(len(handles) / 3))
    entries, labels, handler_map = legend_parts(handles)
    artist = ax.legend(entries, labels, handler_map=handler_map, loc="lower center", bbox_to_anchor=(0.5, 0.0), ncol=ncol, frameon=False,
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
        if d["relation"] == REQUIRES and d.get("group") is not None:
            groups.setdefault((u, d["group"]), []).append((u, v))
        style = link_style(support=d["relation"] != REQUIRES, inferred=d.get("provenance") == "inferred")
        ax.add_patch(PathPatch(route_path(points), facecolor="none", zorder=1, gid=f"edge:{u}->{v}", capstyle="butt",
                               **style))  # fmt: skip
        (xe, ye), (_, yp) = points[-1], points[-2]
        direction = 1.0 if yp > ye else -1.0
        ax.add_patch(FancyArrowPatch((xe, ye + direction * 0.06), (xe, ye), arrowstyle="-|>", mutation_scale=6,
                                     color=style["edgecolor"], lw=0.6, shrinkA=0, shrinkB=0, zorder=1,
                                     gid=f"arrow:{u}->{v}"))  # fmt: skip
    fs = L.label_fontsize
    for (u, g), edges in sorted(groups.items()):
        arc = alternatives_arc([L.routes[e] for e in edges], t=0.4)
        if arc is None:
            continue
        centre, radius, theta1, theta2 = arc
        ax.add_patch(Arc(centre, 2 * radius, 2 * radius, theta1=theta1, theta2=theta2, color=INK,
                         lw=1.2, zorder=1.2, gid=f"alternatives:{u}:{g}"))  # fmt: skip
        # left of the arc's foot: a measure's connector leaves the dependent right of centre
        ax.text(centre[0] - 0.02, centre[1] - radius - fs * 0.3 / 72, text("word.one_of_short", lang), ha="right", va="top",
                fontsize=fs * 0.9, color=INK, zorder=4.5, parse_math=False, gid=f"one-of:{u}:{g}",
                bbox={"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": "none", "alpha": 0.9})  # fmt: skip


def _draw_nodes(
    ax: Axes, H: nx.DiGraph, L: Layout, colours: dict[str, str], deep: dict[str, bool], ranks: dict[str, int],
    inferred_nodes: set[str],
) -> None:
    ms = L.marker_size
    for n, (x, y) in L.positions.items():
        attrs = H.nodes[n]
        if n in inferred_nodes:
            inference_ring(ax, x, y, ms * ring_size(deep.get(n)), f"inferred:{n}")
        if n in deep:
            gateway_ring(ax, x, y, ms * 1.75, deep=deep[n], node=n)
        size = ms * (0.85 if attrs["kind"] == "core_technology" else 1.0)
        ax.plot([x], [y], linestyle="none", marker=KIND_MARKERS[attrs["kind"]], markersize=size,
                markerfacecolor=colours[attrs["field"]], markeredgecolor="white", markeredgewidth=0.6, zorder=3,
                gid=f"node:{n}")  # fmt: skip
        if n in ranks:
            rank_badge(ax, x, y, ms * 1.75, ranks[n], L.label_fontsize, n)
        x0, _, x1, y1 = L.label_boxes[n]
        ax.text((x0 + x1) / 2, y1, L.labels[n], ha="center", va="top", fontsize=L.label_fontsize, color="#222222",
                parse_math=False, zorder=4, gid=f"label:{n}")  # fmt: skip


def _draw_measures(
    ax: Axes,
    G: nx.DiGraph,
    H: nx.DiGraph,
    L: Layout,
    placed: dict[str, tuple[float, float, float, float]],
    connectors: tuple[dict[tuple[str, str], tuple[tuple[float, float], ...]], dict[str, tuple[tuple[float, float], ...]]],
    texts: dict[str, str],
    colours: dict[str, str],
    fontsize: float,
    lang: str,
    pt: float,
    inferred_nodes: frozenset[str] | set[str] = frozenset(),
) -> None:
    """The measures in their column, and their dotted connectors (:func:`_connectors`): a
    branch per supported node (gid ``edge:<u>-><m>``, in the tone of its evidence) and a
    trunk per measure (gid ``support-trunk:<m>``: ink when any of its links is stated)."""
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path

    ms = L.marker_size
    half = ms * pt / 2
    x_left = min(x - half for x, _, _, _ in placed.values())
    ax.text(x_left, L.band_top - fontsize * 0.5 * pt, text("fig.measures_column", lang), ha="left",
            va="top", fontsize=fontsize * 1.15, color="#444444", parse_math=False, gid="measures-title")  # fmt: skip
    branches, trunks = connectors
    for (u, m), points in sorted(branches.items()):
        style = link_style(support=True, inferred=G.edges[u, m].get("provenance") == "inferred")
        ax.add_patch(PathPatch(Path(points), facecolor="none", zorder=0.8, gid=f"edge:{u}->{m}", **style))
    for m, points in sorted(trunks.items()):
        stated = any(G.edges[u, m].get("provenance") != "inferred" for (u, n) in branches if n == m)
        ax.add_patch(PathPatch(Path(points), facecolor="none", zorder=0.8, gid=f"support-trunk:{m}",
                               **link_style(support=True, inferred=not stated)))  # fmt: skip
    for m, (x, y, _, _) in placed.items():
        if m in inferred_nodes:
            inference_ring(ax, x, y, ms * 1.7, f"inferred:{m}")
        ax.plot([x], [y], linestyle="none", marker=KIND_MARKERS["ecosystem_measure"], markersize=ms,
                markerfacecolor=colours[G.nodes[m]["field"]], markeredgecolor="white", markeredgewidth=0.6, zorder=3,
                gid=f"node:{m}")  # fmt: skip
        ax.text(x + half * 1.7 + _MEASURE_PAD, y, texts[m], ha="left", va="center", fontsize=fontsize, color="#222222",
                parse_math=False, zorder=4, gid=f"label:{m}")  # fmt: skip
