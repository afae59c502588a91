"""The layered roadmap figure: missions at the top, measures at the bottom, fields as bands.

:func:`plot_roadmap` draws a roadmap graph (or any subgraph of one) with
:func:`roadmap_graph.layout.layered_layout`:

* rows by kind (titled at the left), fields as light coloured vertical bands (named at the
  top), node order chosen to cut edge crossings, labels wrapped and never overlapping;
* nodes: marker shape by kind (:data:`~roadmap_graph.style.KIND_MARKERS`), colour by field;
* links in the one visual language (:mod:`roadmap_graph.vocabulary.visual`,
  :func:`~roadmap_graph.figures.style.link_style`), drawn through the gaps kept for them:
  ``requires`` solid, ``supported_by`` thin and dotted; stated links in ink, inferred ones
  grey and dashed; cross-field requirements thicker, in vermillion; the alternatives of an
  ``any_of`` group tied by an arc just below their dependent (the AND/OR-graph sign for "one
  of these suffices"), bounded so that it stays in that gap; a technology's support links
  bundled into one trunk per evidence tone that fans out above the measures' row;
* gateways (:func:`roadmap_graph.gateways.gateways`: a node every requirement path of some
  mission passes through) in an ink ring: thick for a deep gateway, thin for a trivial one
  (a mission's only direct requirement, :attr:`~roadmap_graph.analyses.gateways.Gateway.deep`);
* bottlenecks (:func:`roadmap_graph.bottlenecks.bottlenecks`) in a numbered ink badge with
  their rank, the legend stating the cut-off: by default those with all three binding flags
  (critical, no measure, no alternative) that *more than one* mission depends on — high
  demand meeting every binding constraint; ``show_bottlenecks=k`` marks the top k of the
  ranking instead;
* gateways and bottlenecks whose finding rests on inference (a gateway of some mission only
  through inferred links; a bottleneck whose standing weakens without them) in the one mark
  of such findings, a dark dashed ring (:func:`~roadmap_graph.figures.style.inference_ring`);
* ``highlight``: nodes drawn over a yellow halo, their labels on a yellow ground;
* a legend below, in the chosen language.

Every artist carries a ``gid`` so that tests and callers can find it: ``node:<id>`` (the
marker), ``label:<id>``, ``gateway:<id>`` (the ring) with ``gateway-deep:<id>`` or
``gateway-trivial:<id>`` saying which, ``bottleneck:<id>`` (the rank badge), ``highlight:<id>``
(the halo), ``inferred:<id>`` (the dashed ring), ``edge:<u>-><v>`` (for a support link, its
branch), ``support-trunk:<u>`` and ``support-trunk-inferred:<u>``,
``arrow:<u>-><v>``, ``alternatives:<id>:<group>``, ``band:<field>``, ``band-label:<field>``,
``row-title:<row>``, ``title``.

Everything is drawn inside :func:`roadmap_graph.style.figure_style`, so Hangul renders with
the bundled NanumGothic as a per-glyph fallback and no rcParams are left changed.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> ax = plot_roadmap(G, lang="en", highlight=["cloud_optimization"])
>>> [a.get_gid() for a in ax.texts if a.get_gid() == "label:cloud_optimization"]
['label:cloud_optimization']
>>> plt.close(ax.figure)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..analyses.bottlenecks import bottlenecks
from ..analyses.gateways import gateways
from ..graph.fields import check_fields, field_order
from ..graph.requirements import REQUIRES, check_nodes
from ..vocabulary import check_lang, text
from .layout import A4_LANDSCAPE, KIND_ROWS, Layout, layered_layout, matplotlib_measure
from .style import (
    HIGHLIGHT_COLOUR,
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

__all__ = ["HIGHLIGHT_COLOUR", "plot_roadmap"]



def plot_roadmap(
    G: nx.DiGraph,
    *,
    ax: Axes | None = None,
    lang: str = "ko",
    highlight: Iterable[str] | None = None,
    show_gateways: bool = True,
    show_bottlenecks: bool | int = True,
    fields: Iterable[str] | None = None,
    legend: bool = True,
    title: str | None = None,
    layout: Layout | None = None,
    legend_extra: Iterable[Any] = (),
    show_cross_field: bool = True,
    bundle_support: bool = True,
    **kwargs: Any,
) -> Axes:
    """Draw the layered roadmap of ``G`` (see the module docstring).

    Parameters
    ----------
    G
        A roadmap graph (:func:`roadmap_graph.to_networkx`) or a subgraph of one.
    ax
        The axes to draw on; by default a new figure the size of an A4 sheet in landscape
        (larger when the roadmap cannot fit it), with the axes filling it. On a given axes,
        the font shrinks until the roadmap fits the axes. Labels are measured with the Agg
        renderer at the figure's dpi (and at 288 dpi), so they do not overlap when drawn at
        that resolution or finer (at 72 dpi and up for the default figure).
    lang
        ``"ko"`` or ``"en"``: node names, row titles, field names and the legend.
    highlight
        Node ids to emphasise.
    show_gateways
        Ring the gateways of the missions.
    show_bottlenecks
        ``True``, an int k or ``False``: see :meth:`roadmap_graph.Bottlenecks.marked`.
    fields
        Draw only these fields' nodes (in the roadmap's field order). Default: all.
    legend
        Draw a legend below the roadmap.
    title
        The title; ``None`` uses the roadmap's title (``G.graph["roadmap"]``), ``""`` none.
    layout
        A :func:`~roadmap_graph.layout.layered_layout` to use instead of computing one (its
        size should match the axes).
    legend_extra
        More legend entries (matplotlib handles with labels), after the roadmap's own: a
        figure that draws marks of its own over the roadmap (the diff figure) names them
        here, so the layout leaves room for them.
    show_cross_field
        Draw cross-field links thicker, in :data:`~roadmap_graph.style.CROSS_FIELD_COLOUR`
        (``False``: as the others, for a figure whose own marks need the colour).
    bundle_support
        Draw a technology's support links to the measures as one dotted trunk (one for its
        stated links, one for its inferred ones) that fans out to the measures in the gap
        above their row (``False``: each link on its own route, as the diff figure wants).
    **kwargs
        Passed to :func:`~roadmap_graph.layout.layered_layout` (``fontsize``,
        ``max_label_chars``, ``min_label_chars``, ``sweeps``, ...).

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on. Nothing is shown or saved.

    Raises
    ------
    InvalidOptionError
        When ``lang`` or a field in ``fields`` is unknown.
    UnknownNodeError
        When a highlighted node is not in ``G``.
    """
    check_lang(lang)
    chosen = check_fields(fields, field_order(G))
    emphasis = set(check_nodes(G, highlight or ()))
    H = G if fields is None else G.subgraph(n for n, f in G.nodes(data="field") if f in chosen)
    if title is None:
        info = G.graph.get("roadmap") or {}
        title = (info.get("title_en") if lang == "en" else None) or info.get("title") or ""
    with figure_style():
        return _draw(G, H, ax, lang, emphasis, show_gateways, show_bottlenecks, chosen, legend, title, layout,
                     list(legend_extra), show_cross_field, bundle_support, kwargs)


def _legend_handles(H: nx.DiGraph, lang: str, fields: list[str], colours: dict[str, str], marks: dict[str, Any]) -> list[Any]:
    """One entry per kind of mark drawn, and none for a mark not drawn."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Any] = []
    kinds = [k for k in KIND_ROWS if any(k == K for _, K in H.nodes(data="kind"))]
    for k in kinds:
        handles.append(
            Line2D([], [], linestyle="none", marker=KIND_MARKERS[k], markersize=6, markerfacecolor="#999999",
                   markeredgecolor="white", label=text(f"kind.{k}", lang))
        )
    info = H.graph.get("fields", {})
    for f in fields:
        name = (info.get(f) or {}).get("name_en" if lang == "en" else "name") or (info.get(f) or {}).get("name") or f
        handles.append(Patch(facecolor=colours[f], edgecolor=colours[f], alpha=0.8, label=str(name)))
    handles += link_legend(lang, **marks["links"])
    if marks["deep"]:
        handles.append(gateway_legend(lang, deep=True))
    if marks["trivial"]:
        handles.append(gateway_legend(lang, deep=False))
    if marks["ranks"]:
        handles.append(bottleneck_legend(lang, marks["ranks"], marks["ranked"], marks["top"]))
    if marks["highlight"]:
        handles.append(Line2D([], [], linestyle="none", marker="o", markersize=10, markerfacecolor=HIGHLIGHT_COLOUR,
                              markeredgecolor="none", alpha=0.8, label=text("fig.highlight", lang)))
    return handles


def drawn_links(H: nx.DiGraph, show_cross_field: bool = True) -> dict[str, bool]:
    """Which kinds of link a drawing of ``H`` shows (the flags of
    :func:`~roadmap_graph.figures.style.link_legend`)."""
    found = dict.fromkeys(("stated", "inferred", "support", "inferred_support", "crossing", "alternatives"), False)
    for u, v, d in H.edges(data=True):
        inferred = d.get("provenance") == "inferred"
        if d["relation"] != REQUIRES:
            found["inferred_support" if inferred else "support"] = True
            continue
        if d.get("group") is not None:
            found["alternatives"] = True
        if show_cross_field and H.nodes[u]["field"] != H.nodes[v]["field"]:
            found["crossing"] = True
            found["inferred"] |= inferred
        else:
            found["inferred" if inferred else "stated"] = True
    if found["alternatives"]:  # an arc needs two alternatives of one group drawn
        groups: dict[tuple[Any, Any], int] = {}
        for u, _, d in H.edges(data=True):
            if d["relation"] == REQUIRES and d.get("group") is not None:
                groups[(u, d["group"])] = groups.get((u, d["group"]), 0) + 1
        found["alternatives"] = any(k > 1 for k in groups.values())
    return found


def _draw(
    G: nx.DiGraph,
    H: nx.DiGraph,
    ax: Axes | None,
    lang: str,
    emphasis: set[str],
    show_gateways: bool,
    show_bottlenecks: bool | int,
    fields: list[str],
    legend: bool,
    title: str,
    layout: Layout | None,
    extra: list[Any],
    show_cross_field: bool,
    bundle_support: bool,
    options: dict[str, Any],
) -> Axes:
    import matplotlib.pyplot as plt

    own = ax is None
    if ax is None:
        ax = plt.figure(figsize=A4_LANDSCAPE).add_axes((0.0, 0.0, 1.0, 1.0))
    fig: Any = ax.figure.figure  # the root figure, also for an axes in a subfigure
    page = (round(ax.bbox.width / fig.dpi, 4), round(ax.bbox.height / fig.dpi, 4))
    fontsize = float(options.pop("fontsize", 7.0))

    found_gateways = gateways(G).gateways
    deep = {g.id: g.deep for g in found_gateways if g.id in H} if show_gateways else {}
    gateway_nodes = set(deep)
    ranking = bottlenecks(G)
    rank_of = {b.id: i + 1 for i, b in enumerate(ranking)}
    bottleneck_nodes = {n: rank_of[n] for n in ranking.marked(show_bottlenecks) if n in H}
    # The marks whose finding rests on inference: a gateway of some mission only through
    # inferred links, a bottleneck whose standing weakens without them.
    inferred_nodes = {g.id for g in found_gateways if g.id in gateway_nodes and g.evidence() == "inferred"}
    inferred_nodes |= {n for n in bottleneck_nodes if ranking.evidence_of(n) == "inferred"}
    colours = field_colours(field_order(G))
    marks = {"links": drawn_links(H, show_cross_field), "deep": any(deep.values()),
             "trivial": not all(deep.values()), "ranks": sorted(bottleneck_nodes.values()), "ranked": len(ranking),
             "top": show_bottlenecks, "highlight": bool(emphasis)}  # fmt: skip

    handles = _legend_handles(H, lang, fields, colours, marks) if legend else []
    if legend and inferred_nodes:
        handles.append(inference_legend(lang))
    if legend:
        handles += extra
    legend_artist = None
    measure = matplotlib_measure(fig.dpi) if layout is None else None
    given = layout
    # On a given axes, shrink the font until the roadmap fits (the legend shrinks with it).
    for _ in range(5):
        if given is not None:
            fontsize = given.label_fontsize
        legend_artist = _place_legend(ax, handles, fontsize, page[0], legend_artist)
        legend_h = legend_artist.get_window_extent().height / fig.dpi if legend_artist is not None else 0.0
        title_h = fontsize * 1.5 * 1.5 / 72 + 0.1 if title else 0.0
        margins = (0.2, 0.2, 0.15 + title_h, 0.15 + legend_h)
        if given is not None:
            layout = given
            break
        layout = layered_layout(H, lang=lang, fontsize=fontsize, page=page, margins=margins, fields=fields,
                                measure=measure, **options)
        if own:
            break
        scale = min(page[0] / layout.size[0], page[1] / layout.size[1])
        if scale >= 0.999:
            break
        fontsize *= scale * 0.97
    assert layout is not None
    if own and layout.size != page:
        fig.set_size_inches(layout.size)
    width, height = layout.size
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.set_axis_off()
    _draw_bands(ax, layout, colours)
    draw_row_titles(ax, layout)
    _draw_edges(ax, H, layout, show_cross_field, bundle_support)
    _draw_nodes(ax, H, layout, colours, deep, bottleneck_nodes, emphasis, inferred_nodes)
    if title:
        ax.text(width / 2, height - 0.12, title, ha="center", va="top", fontsize=layout.label_fontsize * 1.5,
                parse_math=False, gid="title")
    return ax


def _place_legend(ax: Axes, handles: list[Any], fontsize: float, width: float, old: Any) -> Any:
    """The legend below the roadmap, in as many columns as fit ``width`` inches."""
    if old is not None:
        old.remove()
    if not handles:
        return None
    dpi = ax.figure.figure.dpi
    artist = None
    entries, labels, handler_map = legend_parts(handles)
    for ncol in range(len(handles), 0, -1):
        if artist is not None:
            artist.remove()
        artist = ax.legend(
            entries, labels, handler_map=handler_map, loc="lower center", bbox_to_anchor=(0.5, 0.0), ncol=ncol, frameon=False,
            fontsize=fontsize, handlelength=2.4, columnspacing=1.4, borderaxespad=0.3,
        )
        if artist.get_window_extent().width / dpi <= width - 0.2:
            break
    return artist


def _draw_bands(ax: Axes, L: Layout, colours: dict[str, str]) -> None:
    from matplotlib.patches import Rectangle

    fs = L.label_fontsize
    for f, (x0, x1) in L.bands.items():
        ax.add_patch(
            Rectangle((x0, L.band_bottom), x1 - x0, L.band_top - L.band_bottom, facecolor=colours[f], alpha=0.07,
                      edgecolor="none", zorder=0, gid=f"band:{f}")
        )
        ax.add_patch(
            Rectangle((x0, L.band_bottom), x1 - x0, L.band_top - L.band_bottom, facecolor="none",
                      edgecolor=colours[f], alpha=0.35, lw=0.8, zorder=0.1)
        )
        ax.text((x0 + x1) / 2, L.band_top - fs * 0.5 / 72, L.band_labels[f], ha="center", va="top", fontsize=fs * 1.15,
                color=colours[f], parse_math=False, gid=f"band-label:{f}", zorder=4)


def draw_row_titles(ax: Axes, L: Layout, *, rules: bool = True) -> None:
    """Write each kind's title beside its rows; ``rules`` draws a light line between kinds."""
    x0, x1 = L.row_title_x
    if x1 <= x0:
        return
    kinds = L.row_kinds
    r = 0
    while r < len(kinds):
        last = r
        while last + 1 < len(kinds) and kinds[last + 1] == kinds[r]:
            last += 1
        y = (L.row_extents[r][1] + L.row_extents[last][0]) / 2
        ax.text(x0, y, L.row_titles[r], ha="left", va="center", rotation=90, fontsize=L.label_fontsize * 1.1,
                color="#444444", parse_math=False, gid=f"row-title:{r}")
        if rules and r > 0:
            yl = (L.row_extents[r - 1][0] + L.row_extents[r][1]) / 2
            right = max((b[1] for b in L.bands.values()), default=x1)
            ax.plot([x0, right], [yl, yl], color="#cccccc", lw=0.5, linestyle=(0, (2, 3)), zorder=0.2)
        r = last + 1


def route_path(points: tuple[tuple[float, float], ...]) -> Any:
    """A path through the route's points: straight vertical runs, S-curves between rows."""
    from matplotlib.path import Path

    verts = [points[0]]
    codes = [Path.MOVETO]
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        if abs(x1 - x0) < 1e-9:
            verts.append((x1, y1))
            codes.append(Path.LINETO)
        else:
            k = (y1 - y0) / 2
            verts += [(x0, y0 + k), (x1, y1 - k), (x1, y1)]
            codes += [Path.CURVE4] * 3
    return Path(verts, codes)


def _first_curve(
    points: tuple[tuple[float, float], ...],
) -> tuple[tuple[float, float], Callable[[float], tuple[float, float]]] | None:
    """The route's first curve as a point function ``t -> (x, y)`` on the cubic Bézier that
    leaves its first vertical run (vertical tangents at both ends), with its start; ``None``
    for a route with no curve."""
    k = 0
    while k + 1 < len(points) and abs(points[k + 1][0] - points[k][0]) < 1e-9:
        k += 1
    if k + 1 >= len(points):
        return None
    (x0, y0), (x1, y1) = points[k], points[k + 1]
    c = (y1 - y0) / 2

    def at(t: float) -> tuple[float, float]:
        s = 1 - t
        return (s**3 * x0 + 3 * s * s * t * x0 + 3 * s * t * t * x1 + t**3 * x1,
                s**3 * y0 + 3 * s * s * t * (y0 + c) + 3 * s * t * t * (y1 - c) + t**3 * y1)  # fmt: skip

    return (x0, y0), at


def route_divergence(points: tuple[tuple[float, float], ...], t: float = 0.45) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """Where a route leaves its first vertical run, and its point at ``t`` along the curve
    that follows (``None`` for a route with no curve)."""
    curve = _first_curve(points)
    return None if curve is None else (curve[0], curve[1](t))


def _curve(points: tuple[tuple[float, float], ...]) -> list[tuple[float, float]] | None:
    """The first curve of a route (where it leaves its first vertical run), flattened."""
    curve = _first_curve(points)
    return None if curve is None else [curve[1](i / 64) for i in range(65)]


#: The largest radius of the alternatives arc, inches.
ARC_MAX_RADIUS = 0.32


def alternatives_arc(
    routes: list[tuple[tuple[float, float], ...]], t: float = 0.45, max_radius: float = ARC_MAX_RADIUS
) -> tuple[tuple[float, float], float, float, float] | None:
    """The arc joining the routes of one any_of group where they part: (centre, radius,
    theta1, theta2) in degrees, or ``None`` when fewer than two routes curve away.

    The centre is where the routes part; the radius is that of the point ``t`` along their
    curves, but never more than ``max_radius`` nor half the depth of the gap the routes
    cross (so the arc stays in the gap below its dependent, however far apart the
    alternatives land), and the arc spans the angles at which the routes cross it."""
    found = [p for p in (route_divergence(points, t) for points in routes) if p is not None]
    curves = [c for c in (_curve(points) for points in routes) if c is not None]
    if len(found) < 2 or len(curves) < 2:
        return None
    centre = found[0][0]
    radius = sum(math.dist(centre, p) for _, p in found) / len(found)
    depth = min(abs(c[-1][1] - c[0][1]) for c in curves)
    radius = min(radius, max_radius, 0.5 * depth)
    angles = []
    for c in curves:
        hit = next((p for p in c if math.dist(centre, p) >= radius), c[-1])
        angles.append(math.degrees(math.atan2(hit[1] - centre[1], hit[0] - centre[0])) % 360)
    return centre, radius, min(angles), max(angles)


def support_bundles(
    H: nx.DiGraph, L: Layout
) -> dict[tuple[Any, bool], tuple[tuple[tuple[float, float], ...], dict[tuple[Any, Any], tuple[tuple[float, float], ...]]]]:
    """The support links of each technology as one trunk and its branches:
    ``(technology, inferred)`` → ``(trunk, {(u, m): branch})``. The trunk is the route of
    the middle one of its links down to the gap above the measures' row (where that route
    makes its last turn); each branch runs from there to its measure. Only technologies with
    two or more support links of one evidence are bundled; a link whose route makes no turn
    is left alone."""
    links: dict[tuple[Any, bool], list[tuple[Any, Any]]] = {}
    for (u, v), points in L.routes.items():
        d = H.edges[u, v]
        if d["relation"] != REQUIRES and len(points) >= 2:
            links.setdefault((u, d.get("provenance") == "inferred"), []).append((u, v))
    out = {}
    for key, edges in links.items():
        if len(edges) < 2:
            continue
        edges.sort(key=lambda e: (L.routes[e][-1][0], str(e[1])))
        trunk = L.routes[edges[(len(edges) - 1) // 2]]
        turn = max((j for j in range(len(trunk) - 1) if abs(trunk[j + 1][0] - trunk[j][0]) > 1e-9), default=None)
        if turn is None:
            continue
        fan = trunk[turn]
        branches = {}
        for e in edges:
            route = L.routes[e]
            k = len(route) - 1  # the route's last vertical run: route[k:]
            while k > 0 and abs(route[k - 1][0] - route[k][0]) < 1e-9:
                k -= 1
            if route[k][1] >= fan[1] - 1e-9:
                break  # a route that ends above the fan: draw them apart
            branches[e] = (fan, *route[k:])
        else:
            out[key] = (trunk[: turn + 1], branches)
    return out


def _draw_edges(ax: Axes, H: nx.DiGraph, L: Layout, show_cross_field: bool = True, bundle_support: bool = True) -> None:
    from matplotlib.patches import Arc, FancyArrowPatch, PathPatch

    from .style import INK

    bundles = support_bundles(H, L) if bundle_support else {}
    branch_of = {e: b for _, branches in bundles.values() for e, b in branches.items()}
    for (u, inferred), (trunk, _) in sorted(bundles.items(), key=lambda kv: (str(kv[0][0]), kv[0][1])):
        ax.add_patch(PathPatch(route_path(trunk), facecolor="none", zorder=0.9, capstyle="butt",
                               gid=f"support-trunk{'-inferred' if inferred else ''}:{u}",
                               **link_style(support=True, inferred=inferred)))  # fmt: skip
    groups: dict[tuple[Any, int], list[tuple[Any, Any]]] = {}
    for (u, v), points in L.routes.items():
        d = H.edges[u, v]
        crossing = show_cross_field and H.nodes[u]["field"] != H.nodes[v]["field"]
        support = d["relation"] != REQUIRES
        inferred = d.get("provenance") == "inferred"
        if not support and d.get("group") is not None:
            groups.setdefault((u, d["group"]), []).append((u, v))
        style = link_style(support=support, inferred=inferred, crossing=crossing and not support)
        z = 1.5 if crossing and not support else (0.9 if support else 1.0)
        points = branch_of.get((u, v), points)
        ax.add_patch(PathPatch(route_path(points), facecolor="none", zorder=z, gid=f"edge:{u}->{v}", capstyle="butt",
                               **style))  # fmt: skip
        (xe, ye), (_, yp) = points[-1], points[-2]
        direction = 1.0 if yp > ye else -1.0  # arrow pointing down (1) or up (-1)
        head = 0.055
        big = crossing and not support
        ax.add_patch(FancyArrowPatch((xe, ye + direction * head), (xe, ye), arrowstyle="-|>", mutation_scale=5 + 2 * big,
                                     color=style["edgecolor"], lw=0.6, shrinkA=0, shrinkB=0, zorder=z, gid=f"arrow:{u}->{v}"))
    for (u, g), edges in sorted(groups.items()):
        arc = alternatives_arc([L.routes[e] for e in edges])
        if arc is None:
            continue
        centre, radius, theta1, theta2 = arc
        ax.add_patch(Arc(centre, 2 * radius, 2 * radius, theta1=theta1, theta2=theta2, color=INK,
                         lw=1.2, zorder=1.6, gid=f"alternatives:{u}:{g}"))


def ring_size(deep: bool | None) -> float:
    """The diameter of the inference ring, in marker sizes: clear of a gateway's ring
    (``deep`` True or False), close round a node without one (``None``)."""
    return 1.7 if deep is None else (2.4 if deep else 2.2)


def _draw_nodes(
    ax: Axes,
    H: nx.DiGraph,
    L: Layout,
    colours: dict[str, str],
    deep: dict[str, bool],
    ranks: dict[str, int],
    emphasis: set[str],
    inferred_nodes: set[str],
) -> None:
    ms = L.marker_size
    fs = L.label_fontsize
    for n, (x, y) in L.positions.items():
        attrs = H.nodes[n]
        if n in inferred_nodes:
            inference_ring(ax, x, y, ms * ring_size(deep.get(n)), f"inferred:{n}")
        if n in emphasis:
            ax.plot([x], [y], linestyle="none", marker="o", markersize=ms * 2.1, markerfacecolor=HIGHLIGHT_COLOUR,
                    markeredgecolor="none", alpha=0.8, zorder=2.5, gid=f"highlight:{n}")
        if n in deep:
            gateway_ring(ax, x, y, ms * 1.75, deep=deep[n], node=n)
        shape = KIND_MARKERS[attrs["kind"]]
        size = ms * (0.85 if attrs["kind"] == "core_technology" else 1.0)
        ax.plot([x], [y], linestyle="none", marker=shape, markersize=size, markerfacecolor=colours[attrs["field"]],
                markeredgecolor="white", markeredgewidth=0.6, zorder=3, gid=f"node:{n}")
        if n in ranks:
            rank_badge(ax, x, y, ms * 1.75, ranks[n], fs, n)
        x0, _, x1, y1 = L.label_boxes[n]
        text_kw: dict[str, Any] = {}
        if n in emphasis:
            text_kw["bbox"] = {"boxstyle": "round,pad=0.15", "facecolor": HIGHLIGHT_COLOUR, "edgecolor": "none", "alpha": 0.8}
        ax.text((x0 + x1) / 2, y1, L.labels[n], ha="center", va="top", fontsize=fs, color="#222222",
                parse_math=False, zorder=4, gid=f"label:{n}", **text_kw)
