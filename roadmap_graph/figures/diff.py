"""The diff figure: the new roadmap's layered figure with what changed since an old version
marked so that the eye finds it.

:func:`plot_diff` lays out the *union* of the two versions (:func:`union_graph`: the new
graph, plus the removed nodes and links with their old attributes) with
:func:`~roadmap_graph.figures.roadmap.plot_roadmap`, one layout for everything, so a removed
node stands where it stood and every other node where the roadmap figure of the union puts
it. Over that drawing, every change :func:`~roadmap_graph.analyses.changes.compare` finds is
marked by glyph and ink (:mod:`roadmap_graph.vocabulary.visual`), never by a colour that
means something else in the other figures:

* a node added: a solid ink box around its marker and label, and a ``+`` badge (white on
  ink);
* a node changed (any attribute, a target included): an ink box drawn dash-dotted, and a
  ``~`` badge;
* a node removed: *ghosted* — its marker and label in :data:`~roadmap_graph.vocabulary.visual.GHOST`
  grey and faint — inside a dashed ghost box, with a ``−`` badge (ink on ghost grey);
* a link added: a broad soft ink band under it and a ``+`` badge at its middle; a link
  changed (provenance, note, sources, ``any_of`` group): a dash-dotted band and a ``~``
  badge; a link removed: drawn ghosted (ghost grey, dashed) where it ran, with a ``−`` badge;
* behind every marked node a soft disc (ink, or ghost grey for a removed one), which still
  shows when a large roadmap's figure is seen whole.

Links keep the roadmap figure's encoding (stated ink, inferred grey and dashed, cross-field
vermillion); each link is drawn on its own route (no support trunks), so that a changed
link is marked alone. Gateways and bottlenecks are not marked: the figure is about the
changes.

A legend entry names each mark used, and the title line counts the changes.

Every mark carries a ``gid``: ``added:<id>``, ``changed:<id>``, ``removed:<id>`` (the
boxes), ``edge-added:<u>-><v>``, ``edge-changed:<u>-><v>`` (the bands),
``edge-removed:<u>-><v>`` and ``arrow-removed:<u>-><v>`` (the ghosted link itself: it is no
edge of the new roadmap, so it has no ``edge:`` gid), and ``badge:<mark>`` for each badge
(``badge:added:<id>``, ``badge:edge-removed:<u>-><v>``, ...) and ``halo:<mark>:<id>`` for the
discs. The roadmap figure's own gids
(``node:<id>``, ``label:<id>``, ``edge:<u>-><v>``, ...) stay, a removed node's ``node:`` and
``label:`` ghosted.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> import roadmap_graph as rg
>>> old = rg.to_networkx(rg.load_roadmap())
>>> new = old.copy()
>>> new.remove_edge("bio_gene_delivery", "viral_vector")
>>> ax = plot_diff(old, new, lang="en")
>>> sorted(a.get_gid() for a in ax.patches if (a.get_gid() or "").startswith("edge-removed:"))
['edge-removed:bio_gene_delivery->viral_vector']
>>> plt.close(ax.figure)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..analyses.changes import Changes, compare
from ..graph.index import GraphLike, as_graph
from ..vocabulary import check_lang, localized, text
from ..vocabulary.visual import GHOST, INK
from .roadmap import plot_roadmap
from .style import badge, badge_legend, figure_style

if TYPE_CHECKING:  # matplotlib is imported only when drawing
    from matplotlib.axes import Axes

__all__ = ["ADDED_COLOUR", "CHANGED_COLOUR", "GHOST_COLOUR", "DiffMarks", "diff_legend", "diff_marks", "plot_diff", "union_graph"]

#: Ink: what was added and what changed (told apart by the box's line and the badge's glyph).
ADDED_COLOUR = INK
CHANGED_COLOUR = INK
#: Ghost grey: what was removed, drawn ghosted.
GHOST_COLOUR = GHOST
#: The face of a removed node's marker.
GHOST_FACE = "#e6e6e6"
#: How faint a removed node's marker and label are.
GHOST_ALPHA = 0.55
#: The dashes of a removed node's box and of a removed link.
GHOST_DASH = (0, (3.0, 2.0))
#: The dashes of a changed node's box and of a changed link's band.
CHANGED_DASH = (0, (5.0, 1.5, 1.5, 1.5))
#: The badge of each mark.
BADGES = {"added": "+", "changed": "~", "removed": "\u2212"}
COLOURS = {"added": ADDED_COLOUR, "changed": CHANGED_COLOUR, "removed": GHOST_COLOUR}
#: How strong the soft band under a marked link and the disc behind a marked node are.
BAND_ALPHA = {"added": 0.22, "changed": 0.22, "removed": 0.45}


@dataclass(frozen=True)
class DiffMarks:
    """What the figure marks: node ids and ``(u, v)`` links, by mark."""

    nodes_added: frozenset[str]
    nodes_removed: frozenset[str]
    nodes_changed: frozenset[str]
    links_added: frozenset[tuple[str, str]]
    links_removed: frozenset[tuple[str, str]]
    links_changed: frozenset[tuple[str, str]]

    def gids(self) -> set[str]:
        """The gid of every mark (the boxes, bands and ghosted links; not the badges)."""
        out = {f"{mark}:{n}" for mark, nodes in self._nodes() for n in nodes}
        return out | {f"edge-{mark}:{u}->{v}" for mark, links in self._links() for u, v in links}

    def count(self) -> dict[str, int]:
        """How many of each: ``nodes_added``, ..., ``links_changed``."""
        return {name: len(getattr(self, name)) for name in self.__dataclass_fields__}

    def _nodes(self) -> Iterator[tuple[str, frozenset[str]]]:
        yield from (("added", self.nodes_added), ("removed", self.nodes_removed), ("changed", self.nodes_changed))

    def _links(self) -> Iterator[tuple[str, frozenset[tuple[str, str]]]]:
        yield from (("added", self.links_added), ("removed", self.links_removed), ("changed", self.links_changed))


def diff_marks(changes: Changes) -> DiffMarks:
    """The marks of ``changes``: each node added, removed or with some attribute changed, and
    each link added, removed or changed (a link whose relation changed is both removed and
    added)."""

    def pairs(links: Any) -> frozenset[tuple[str, str]]:
        return frozenset((x.source, x.target) for x in links)

    return DiffMarks(
        nodes_added=frozenset(changes.nodes_added),
        nodes_removed=frozenset(changes.nodes_removed),
        nodes_changed=frozenset(changes.changed_nodes()),
        links_added=pairs(changes.links_added),
        links_removed=pairs(changes.links_removed),
        links_changed=pairs(changes.links_changed),
    )


def union_graph(old: GraphLike, new: GraphLike, changes: Changes | None = None) -> nx.DiGraph:
    """The new graph plus what ``old`` had and ``new`` lost: the removed nodes and links with
    their old attributes (the fields of removed nodes too), so one layout places both
    versions. A removed link whose pair of nodes is linked in ``new`` (its relation changed)
    or that would close a cycle with the new links is left out (the figure draws it straight).
    A removed ``any_of`` link keeps its group apart from the new groups of its node."""
    A, B = as_graph(old), as_graph(new)
    changes = changes if changes is not None else compare(A, B)
    U = B.copy()
    fields = dict(B.graph.get("fields") or {})
    for f, attrs in (A.graph.get("fields") or {}).items():
        fields.setdefault(f, attrs)
    U.graph = {**B.graph, "fields": fields}
    for n in changes.nodes_removed:
        U.add_node(n, **A.nodes[n])
    for link in changes.links_removed:
        u, v = link.source, link.target
        if U.has_edge(u, v) or nx.has_path(U, v, u):
            continue
        attrs = dict(A.edges[u, v])
        if attrs.get("group") is not None:  # apart from the new groups of the node
            groups = [d["group"] for _, _, d in B.out_edges(u, data=True) if d.get("group") is not None]
            attrs["group"] = attrs["group"] + max(groups, default=-1) + 1
        U.add_edge(u, v, **attrs)
    return U


def diff_legend(marks: DiffMarks, lang: str) -> list[Any]:
    """The legend entries of the marks used (one per kind of mark): the badge and the box
    or line of each."""
    from matplotlib.legend_handler import HandlerTuple
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from .style import _Labelled

    handles: list[Any] = []
    boxes: dict[str, tuple[Any, float]] = {"added": ("solid", 1.6), "changed": (CHANGED_DASH, 1.6), "removed": (GHOST_DASH, 1.2)}
    for mark, nodes in marks._nodes():
        if nodes:
            style, lw = boxes[mark]
            box = Patch(facecolor="none", edgecolor=COLOURS[mark], linestyle=style, lw=lw)
            sign = badge_legend(BADGES[mark], "", **_badge_colours(mark))
            handles.append(_Labelled((box, sign.handle), text(f"fig.diff_node_{mark}", lang),
                                     {tuple: HandlerTuple(ndivide=None), **sign.handler_map}))  # fmt: skip
    for mark, links in marks._links():
        if not links:
            continue
        if mark == "removed":
            line = Line2D([], [], color=GHOST_COLOUR, lw=1.0, linestyle=GHOST_DASH)
        else:
            line = Line2D([], [], color=COLOURS[mark], lw=4.0, alpha=BAND_ALPHA[mark], linestyle="solid" if mark == "added" else CHANGED_DASH)
        sign = badge_legend(BADGES[mark], "", **_badge_colours(mark))
        handles.append(_Labelled((line, sign.handle), text(f"fig.diff_link_{mark}", lang),
                                 {tuple: HandlerTuple(ndivide=None), **sign.handler_map}))  # fmt: skip
    return handles


def _badge_colours(mark: str) -> dict[str, str]:
    """A badge white on ink; a removed one's ink on ghost grey."""
    return {"face": GHOST, "ink": INK, "edge": "white"} if mark == "removed" else {"face": INK, "ink": "white", "edge": "white"}


def diff_title(new: nx.DiGraph, marks: DiffMarks, lang: str) -> str:
    """The title line: the new roadmap's title and the counts of changes."""
    info = new.graph.get("roadmap") or {}
    count = marks.count()
    return text(
        "fig.diff_title",
        lang,
        title=localized(info, "title").text(lang) if info else "",
        na=count["nodes_added"],
        nr=count["nodes_removed"],
        nc=count["nodes_changed"],
        la=count["links_added"],
        lr=count["links_removed"],
        lc=count["links_changed"],
    ).lstrip(" —:")


def plot_diff(
    old_G: GraphLike,
    new_G: GraphLike,
    *,
    ax: Axes | None = None,
    lang: str = "ko",
    title: str | None = None,
    legend: bool = True,
    changes: Changes | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw the new roadmap with what changed since ``old_G`` marked (see the module
    docstring).

    Parameters
    ----------
    old_G, new_G
        The two versions (:func:`roadmap_graph.to_networkx` graphs, or their indexes).
    ax
        The axes to draw on; by default a new figure, as
        :func:`~roadmap_graph.figures.roadmap.plot_roadmap`.
    lang
        ``"ko"`` or ``"en"``.
    title
        The title; ``None``: the new roadmap's title and the counts of changes, ``""`` none.
    legend
        Draw the legend (the roadmap's entries and one per mark used).
    changes
        ``compare(old_G, new_G)``, when the caller has it already (the report, which has
        the diff); computed otherwise.
    **kwargs
        Passed to :func:`~roadmap_graph.figures.roadmap.plot_roadmap` (``fields``,
        ``highlight``, ``fontsize``, ...). Gateways and bottlenecks are not marked: the
        figure is about the changes; support links are not bundled.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on. Nothing is shown or saved.
    """
    check_lang(lang)
    A, B = as_graph(old_G), as_graph(new_G)
    changes = changes if changes is not None else compare(A, B)
    marks = diff_marks(changes)
    U = union_graph(A, B, changes)
    if title is None:
        title = diff_title(B, marks, lang)
    kwargs.setdefault("show_gateways", False)
    kwargs.setdefault("show_bottlenecks", False)
    kwargs.setdefault("bundle_support", False)  # each link marked alone
    with figure_style():
        ax = plot_roadmap(U, ax=ax, lang=lang, title=title, legend=legend,
                          legend_extra=diff_legend(marks, lang) if legend else (), **kwargs)  # fmt: skip
        _mark(ax, B, marks)
    return ax


# --- drawing the marks -----------------------------------------------------------------------


def _artists(ax: Axes) -> dict[str, Any]:
    return {str(a.get_gid()): a for a in [*ax.lines, *ax.patches, *ax.texts] if a.get_gid()}


def _mark(ax: Axes, B: nx.DiGraph, marks: DiffMarks) -> None:
    drawn = _artists(ax)
    fig: Any = ax.figure.figure
    renderer = fig.canvas.get_renderer()
    to_data = ax.transData.inverted()
    pt = 1 / 72  # inches per point; the roadmap's data units are inches
    fontsize = next((a.get_fontsize() for g, a in drawn.items() if g.startswith("label:")), 7.0)
    for mark, nodes in marks._nodes():
        for n in sorted(nodes):
            node = drawn.get(f"node:{n}")
            if node is None:  # not drawn (a field left out)
                continue
            label = drawn.get(f"label:{n}")
            (x,), (y,) = node.get_xdata(), node.get_ydata()
            r = node.get_markersize() * pt * 0.75
            x0, y0, x1, y1 = x - r, y - r, x + r, y + r
            if label is not None:
                (lx0, ly0), (lx1, ly1) = to_data.transform(label.get_window_extent(renderer).get_points())
                x0, y0, x1, y1 = min(x0, lx0), min(y0, ly0), max(x1, lx1), max(y1, ly1)
            if mark == "removed":
                node.set_markerfacecolor(GHOST_FACE)
                node.set_alpha(GHOST_ALPHA)
                if label is not None:
                    label.set_color(GHOST_COLOUR)
                    label.set_alpha(GHOST_ALPHA + 0.2)
            _box(ax, (x0, y0, x1, y1), mark, fontsize, f"{mark}:{n}")
            ax.plot([x], [y], linestyle="none", marker="o", markersize=node.get_markersize() * 3.2, markeredgecolor="none",
                    markerfacecolor=COLOURS[mark], alpha=BAND_ALPHA[mark] * 0.6, zorder=0.95, gid=f"halo:{mark}:{n}")  # fmt: skip
            _badge(ax, x0, y1, mark, fontsize, f"badge:{mark}:{n}")
    for mark, links in marks._links():
        for u, v in sorted(links):
            edge = drawn.get(f"edge:{u}->{v}")
            if mark == "removed":
                _ghost_link(ax, drawn, u, v, None if B.has_edge(u, v) else edge, fontsize)
                continue
            if edge is None:
                continue
            from matplotlib.patches import PathPatch

            style: Any = "solid" if mark == "added" else CHANGED_DASH
            ax.add_patch(PathPatch(edge.get_path(), facecolor="none", edgecolor=COLOURS[mark], lw=4.2, alpha=BAND_ALPHA[mark],
                                   linestyle=style, capstyle="round", zorder=0.9, gid=f"edge-{mark}:{u}->{v}"))  # fmt: skip
            mx, my = _middle(edge.get_path())
            _badge(ax, mx, my, mark, fontsize * 0.85, f"badge:edge-{mark}:{u}->{v}", centred=True)


def _ghost_link(ax: Axes, drawn: dict[str, Any], u: str, v: str, edge: Any, fontsize: float) -> None:
    """A removed link, ghosted: the union's drawing of it restyled, or (when the new roadmap
    links the same pair, or it would close a cycle) a straight line between the two nodes."""
    from matplotlib.patches import FancyArrowPatch, PathPatch
    from matplotlib.path import Path

    arrow = drawn.get(f"arrow:{u}->{v}")
    if edge is not None:
        edge.set_edgecolor(GHOST_COLOUR)
        edge.set_linestyle(GHOST_DASH)
        edge.set_linewidth(1.0)
        edge.set_zorder(0.8)
        edge.set_gid(f"edge-removed:{u}->{v}")
        if arrow is not None:
            arrow.set_color(GHOST_COLOUR)
            arrow.set_gid(f"arrow-removed:{u}->{v}")
        path = edge.get_path()
    else:
        ends = [drawn[f"node:{n}"] for n in (u, v) if f"node:{n}" in drawn]
        if len(ends) < 2:
            return
        points = [(e.get_xdata()[0], e.get_ydata()[0]) for e in ends]
        path = Path(points)
        ax.add_patch(PathPatch(path, facecolor="none", edgecolor=GHOST_COLOUR, lw=1.0, linestyle=GHOST_DASH,
                               zorder=0.8, gid=f"edge-removed:{u}->{v}"))  # fmt: skip
        ax.add_patch(FancyArrowPatch(points[0], points[1], arrowstyle="-|>", mutation_scale=5, color=GHOST_COLOUR, lw=0.6,
                                     shrinkA=4, shrinkB=4, zorder=0.8, gid=f"arrow-removed:{u}->{v}"))  # fmt: skip
    mx, my = _middle(path)
    _badge(ax, mx, my, "removed", fontsize * 0.85, f"badge:edge-removed:{u}->{v}", centred=True)


def _box(ax: Axes, box: tuple[float, float, float, float], mark: str, fontsize: float, gid: str) -> None:
    from matplotlib.patches import FancyBboxPatch

    x0, y0, x1, y1 = box
    pad = fontsize * 0.35 / 72
    style: Any = {"added": "solid", "changed": CHANGED_DASH, "removed": GHOST_DASH}[mark]
    ax.add_patch(FancyBboxPatch((x0, y0), x1 - x0, y1 - y0, boxstyle=f"round,pad={pad:.4f},rounding_size={2 * pad:.4f}",
                                facecolor="none", edgecolor=COLOURS[mark], lw=1.2 if mark == "removed" else 1.6,
                                linestyle=style, zorder=2.4, gid=gid))  # fmt: skip


def _badge(ax: Axes, x: float, y: float, mark: str, fontsize: float, gid: str, *, centred: bool = False) -> None:
    """A small round badge (``+``, ``~``, ``−``) at the top left corner of a box, or centred
    on a point of a link."""
    dx = 0.0 if centred else -fontsize * 0.2 / 72
    badge(ax, x + dx, y, BADGES[mark], fontsize * 1.1, gid, **_badge_colours(mark))


def _middle(path: Any) -> tuple[float, float]:
    """The point halfway along a path (its curves flattened)."""
    import math

    points = [tuple(p) for poly in path.to_polygons(closed_only=False) for p in poly]
    if len(points) < 2:
        return (float(points[0][0]), float(points[0][1])) if points else (0.0, 0.0)
    lengths = [math.dist(a, b) for a, b in zip(points, points[1:])]
    half = sum(lengths) / 2
    for (a, b), step in zip(zip(points, points[1:]), lengths):
        if half <= step and step > 0:
            t = half / step
            return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))
        half -= step
    return (float(points[-1][0]), float(points[-1][1]))
