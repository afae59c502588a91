"""The overview of a roadmap too large for the layered figure to be read at page width.

:func:`plot_overview` draws what :func:`~roadmap_graph.figures.layout.fold.fold_roadmap`
keeps: each field a panel (its band tint and name), in it one *lane* per mission (the
mission, then the core technologies it requires directly), and a last lane of the core
technologies no mission requires. Each core technology is a card: its diamond, its name,
and what is folded under it, as a badge ("+23 enabling · 5 measures") over a mini-bar, and
the gateways and marked bottlenecks among them ("2 gateways · 1 bottleneck"). The core's
own marks follow the visual language (:mod:`roadmap_graph.vocabulary.visual`): a deep
gateway a thick ink ring, a trivial one a thin ring, a marked bottleneck its numbered rank,
a finding that rests on inference a dashed ring. Cross-field requirement links are
aggregated between the drawn nodes they fold into and drawn in
:data:`~roadmap_graph.vocabulary.visual.CROSS_FIELD`, their width by count; the figure
shows the ``max_links`` strongest pairs and says "top N of M". Nothing is dropped
silently: each panel counts the nodes no core technology reaches, and the title counts
the whole roadmap.

Sizing: the figure is at most :data:`MAX_WIDTH` inches wide, so that its smallest text
(:data:`SMALL_FONT` points) is at least 8 px when the figure is shown 1,400 px wide; the
panels are wrapped onto rows, and the width chosen, so that width/height and height/width
both stay within 16/9. Every label is placed in a box kept for it (measured with the
renderer), so no two labels overlap.

Every artist carries a gid: ``panel:<field>``, ``field:<field>``, ``node:<id>``,
``label:<id>``, ``badge:<id>``, ``bar:<id>``, ``ring:<id>``, ``bottleneck:<id>``,
``inferred:<id>``, ``lane:<field>:<k>``, ``loose:<field>``, ``cross:<u>-><v>``, ``title``,
``legend``.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> ax = plot_overview(G, lang="en")
>>> w, h = ax.figure.get_size_inches()
>>> bool(w <= MAX_WIDTH and 9 / 16 <= h / w <= 16 / 9)
True
>>> plt.close(ax.figure)
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..analyses.bottlenecks import bottlenecks
from ..analyses.gateways import gateways
from ..graph.fields import check_fields, field_order
from ..vocabulary import check_lang, field_name, node_name, text
from ..vocabulary.visual import (
    CROSS_FIELD,
    DEEP_GATEWAY_RING,
    INFERENCE_RING_DASH,
    INK,
    KIND_SHAPES,
    TRIVIAL_GATEWAY_RING,
    field_colour,
)
from .layout.fold import Folded, fold_roadmap
from .layout.text import estimate_text_size, matplotlib_measure, wrap_lines
from .style import figure_style

if TYPE_CHECKING:  # matplotlib is imported only when drawing
    from matplotlib.axes import Axes

__all__ = ["DISPLAY_WIDTH", "MAX_WIDTH", "MIN_LABEL_PX", "plot_overview"]

#: The page width the overview is made for, in CSS px, and the least size of its text there.
DISPLAY_WIDTH = 1400
MIN_LABEL_PX = 8.0
LABEL_FONT = 7.6
SMALL_FONT = 6.8
HEAD_FONT = 9.5
#: The widest figure whose smallest text stays at least MIN_LABEL_PX at DISPLAY_WIDTH.
MAX_WIDTH = DISPLAY_WIDTH * SMALL_FONT / (72 * MIN_LABEL_PX)
MAX_ASPECT = 16 / 9
#: The narrowest overview: its legend's three columns fit.
MIN_WIDTH = 10.0
PT = 1 / 72
CARD_W = 1.72  # inches: a core technology's card
MISSION_W = 1.6  # the lane's mission column
PAD = 0.12
GAP = 0.22  # between panels
BAR_H = 0.05


@dataclass
class _Card:
    node: str
    label: str
    badge: str
    marks: str
    h: float  # inches
    label_h: float = 0.0  # the measured height of the label, and of the badge
    badge_h: float = 0.0


@dataclass
class _Panel:
    field: str
    lanes: list[tuple[str | None, str, list[_Card], str]]  # mission, its label, cards, "also" line
    loose: str


def plot_overview(
    G: nx.DiGraph,
    *,
    lang: str = "ko",
    fields: Iterable[str] | None = None,
    max_links: int = 12,
    title: str | None = None,
) -> Axes:
    """Draw the overview of ``G`` on a new figure sized for it (see the module docstring).

    ``fields``: only these fields' panels (a per-field detail of a large roadmap); the
    folding is still that of the whole roadmap. ``max_links``: how many aggregated
    cross-field links to draw (the strongest; the figure says how many there are).
    ``title``: ``None`` for the roadmap's title, ``""`` for none.
    """
    check_lang(lang)
    chosen = check_fields(fields, field_order(G))
    with figure_style({"svg.fonttype": "none"}):
        return _draw(G, lang, chosen, max_links, title)


def _names(G: nx.DiGraph, lang: str) -> dict[str, str]:
    return {n: node_name(G.nodes[n], lang) for n in G}


def _cards(G: nx.DiGraph, folded: Folded, lang: str, measure: Any, label_w: float) -> tuple[dict[str, _Card], dict[str, Any]]:
    found = gateways(G).gateways
    gate = {g.id: g for g in found}
    ranking = bottlenecks(G)
    marked = ranking.marked(True)
    rank = {n: i + 1 for i, n in enumerate(marked)}
    info = {"gate": gate, "rank": rank, "marked": marked, "ranked": len(ranking), "fold_of": folded.folds}
    cards: dict[str, _Card] = {}
    for core, fold in folded.folds.items():
        label = _fit(node_name(G.nodes[core], lang), LABEL_FONT, label_w, 3, measure)
        badge = _fit(text("fig.overview_folded", lang, enabling=len(fold.enabling), measures=len(fold.measures)), SMALL_FONT, label_w, 2, measure)
        under = fold.enabling + fold.measures
        g = sum(1 for n in under if n in gate)
        b = sum(1 for n in under if n in rank)
        marks = _fit(text("fig.overview_marks", lang, gateways=g, bottlenecks=b), SMALL_FONT, label_w, 2, measure) if g or b else ""
        label_h = measure(label, LABEL_FONT)[1] * PT
        badge_h = measure(badge, SMALL_FONT)[1] * PT
        marks_h = measure(marks, SMALL_FONT)[1] * PT if marks else 0.0
        h = 0.09 + label_h + 0.03 + badge_h + 0.02 + BAR_H + 0.03 + marks_h + 0.1
        cards[core] = _Card(core, label, badge, marks, h, label_h, badge_h)
    return cards, info


_FITTED: dict[tuple[str, float, float, int, int], str] = {}


def _fit(name: str, fontsize: float, width: float, max_lines: int, measure: Any) -> str:
    """``name`` wrapped to fit ``width`` inches in at most ``max_lines`` lines (shortened
    with … when it cannot)."""
    key = (name, fontsize, width, max_lines, id(measure))
    if key not in _FITTED:
        if len(_FITTED) > 20000:
            _FITTED.clear()
        _FITTED[key] = _fitted(name, fontsize, width, max_lines, measure)
    return _FITTED[key]


def _fitted(name: str, fontsize: float, width: float, max_lines: int, measure: Any) -> str:
    if measure(name, fontsize)[0] * PT <= width:
        return name
    start = int(width / (fontsize * 0.5 * PT)) + 2  # a line of narrow letters
    for chars in range(start, 5, -2):
        wrapped = wrap_lines(name, chars, max_lines)
        if wrapped.count("\n") >= max_lines or estimate_text_size(wrapped, fontsize)[0] * PT > width * 1.25:
            continue  # clearly too wide: no need to ask the renderer
        if measure(wrapped, fontsize)[0] * PT <= width:
            return wrapped
    words = name
    while len(words) > 4:
        words = words[: max(4, min(len(words) - 1, int(len(words) * 0.9)))]
        wrapped = wrap_lines(words + "…", 8, max_lines)
        if wrapped.count("\n") < max_lines and measure(wrapped, fontsize)[0] * PT <= width:
            return wrapped
    return words + "…"


def _panel_height(panel: _Panel, width: float) -> float:
    cols = max(1, int((width - MISSION_W - 2 * PAD) // CARD_W))
    h = HEAD_FONT * 1.6 * PT + 2 * PAD
    for _, mlabel, cards, also in panel.lanes:
        rows = [cards[i : i + cols] for i in range(0, len(cards), cols)] or [[]]
        grid = sum(max((c.h for c in row), default=0.35) for row in rows)
        grid += (also.count("\n") + 1) * SMALL_FONT * 1.4 * PT + 0.1 if also else 0.0
        h += max(grid, (mlabel.count("\n") + 1) * LABEL_FONT * 1.3 * PT + 0.3) + 0.14
    if panel.loose:
        h += SMALL_FONT * 1.4 * PT + 0.06
    return h


def _arrange(panels: list[_Panel], legend_h: float, head_h: float) -> tuple[float, float, int]:
    """Width, height and panels per row: the widest figure (up to MAX_WIDTH, so its text is
    large enough) whose aspect ratio stays within 16:9 both ways, preferring a landscape
    page; panels of one row share its height."""
    best: tuple[float, float, float, int] | None = None
    widest_needed = MISSION_W + CARD_W + 2 * PAD
    for per_row in range(1, len(panels) + 1):
        for step in range(14):
            W = MAX_WIDTH * (1 - 0.05 * step)
            if W < MIN_WIDTH:
                break
            pw = (W - GAP * (per_row + 1)) / per_row
            if pw < widest_needed:
                break
            rows = [panels[i : i + per_row] for i in range(0, len(panels), per_row)]
            H = head_h + legend_h + sum(max(_panel_height(p, pw) for p in row) for row in rows) + GAP * (len(rows) + 1)
            H = max(H, W / MAX_ASPECT)  # a short roadmap: a page no wider than 16:9
            ratio = H / W
            if ratio > MAX_ASPECT:
                continue
            score = abs(math.log(ratio / 0.7)) - 0.15 * (W / MAX_WIDTH)
            if best is None or score < best[0]:
                best = (score, W, H, per_row)
    if best is None:  # too tall even as one column of full width: the caller folds further
        W = MAX_WIDTH
        pw = (W - GAP * 2)
        H = head_h + legend_h + sum(_panel_height(p, pw) for p in panels) + GAP * (len(panels) + 1)
        return W, H, 1
    return best[1], best[2], best[3]


def _draw(G: nx.DiGraph, lang: str, fields: list[str], max_links: int, title: str | None) -> Axes:
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch, Rectangle

    measure = matplotlib_measure(72.0)
    folded = fold_roadmap(G)
    shown_fields = [f for f in fields if f in folded.fields]
    label_w = CARD_W - 0.55
    cards, info = _cards(G, folded, lang, measure, label_w)
    names = _names(G, lang)
    finfo = G.graph.get("fields", {})
    order = {f: i for i, f in enumerate(field_order(G))}
    def build(limit: int | None) -> list[_Panel]:
        panels: list[_Panel] = []
        for f in shown_fields:
            lanes = []
            for lane in folded.lanes[f]:
                if lane.mission is None:
                    mlabel = _fit(text("fig.overview_no_mission", lang), LABEL_FONT, MISSION_W - 0.4, 3, measure)
                else:
                    mlabel = _fit(names[lane.mission], LABEL_FONT, MISSION_W - 0.5, 4, measure)
                notes = []
                if lane.shared:
                    listed = ", ".join(names[c] for c in lane.shared[:3])
                    more = len(lane.shared) - 3
                    notes.append(text("fig.overview_also", lang, names=listed) + (text("fig.overview_more", lang, n=more) if more > 0 else ""))
                shown = list(lane.cores)
                if limit is not None and len(shown) > limit:
                    size = {c: len(folded.folds[c].enabling) + len(folded.folds[c].measures) for c in shown}
                    keep = set(sorted(shown, key=lambda c: (-size[c], c))[:limit])
                    rest = [c for c in shown if c not in keep]
                    shown = [c for c in shown if c in keep]
                    notes.append(text("fig.overview_hidden", lang, shown=len(shown), total=len(lane.cores),
                                      enabling=sum(len(folded.folds[c].enabling) for c in rest),
                                      measures=sum(len(folded.folds[c].measures) for c in rest)))  # fmt: skip
                also = "\n".join(_fit(line, SMALL_FONT, CARD_W - 0.1, 5, measure) for line in notes)
                lanes.append((lane.mission, mlabel, [cards[c] for c in shown], also))
            enabling, measures = folded.loose[f]
            loose = text("fig.overview_loose", lang, enabling=len(enabling), measures=len(measures)) if enabling or measures else ""
            panels.append(_Panel(f, lanes, loose))
        return panels

    info_roadmap = G.graph.get("roadmap") or {}
    if title is None:
        title = (info_roadmap.get("title_en") if lang == "en" else None) or info_roadmap.get("title") or ""
    kinds = Counter(G.nodes[n].get("kind") for n in G)
    subtitle = text(
        "fig.overview_subtitle", lang, nodes=len(G), missions=kinds["mission"], cores=kinds["core_technology"],
        enabling=kinds["enabling_technology"], measures=kinds["ecosystem_measure"],
    )  # fmt: skip
    # Cross-field links, aggregated between the drawn nodes they fold into.
    pairs: Counter[tuple[str, str]] = Counter()
    unshown = 0
    for u, v, d in G.edges(data=True):
        if d.get("relation") != "requires" or G.nodes[u].get("field") == G.nodes[v].get("field"):
            continue
        a, b = folded.home.get(u), folded.home.get(v)
        if a is None or b is None or a == b:
            unshown += 1
            continue
        pairs[(a, b)] += 1
    full = build(None)
    visible = {c.node for p in full for _, _, cs, _ in p.lanes for c in cs} | {m for p in full for m, *_ in p.lanes if m}
    pairs = Counter({k: n for k, n in pairs.items() if k[0] in visible and k[1] in visible})
    top_pairs = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:max_links]

    # Legend entries (drawn as one legend at the bottom).
    grey = "#8c8c8c"
    handles: list[Any] = [
        Line2D([], [], linestyle="none", marker=KIND_SHAPES[k][0], markersize=7, markerfacecolor=grey,
               markeredgecolor="white", label=text(f"kind.{k}", lang))
        for k in ("mission", "core_technology")
    ]  # fmt: skip
    handles.append(Rectangle((0, 0), 1, 1, facecolor=grey, alpha=0.55, label=text("fig.overview_bar", lang)))
    handles.append(Line2D([], [], linestyle="none", marker="D", markersize=12, markerfacecolor="none", markeredgecolor=INK,
                          markeredgewidth=DEEP_GATEWAY_RING, label=text("fig.overview_deep_gateway", lang)))  # fmt: skip
    handles.append(Line2D([], [], linestyle="none", marker="D", markersize=12, markerfacecolor="none", markeredgecolor=INK,
                          markeredgewidth=TRIVIAL_GATEWAY_RING, label=text("fig.overview_trivial_gateway", lang)))  # fmt: skip
    if info["marked"]:
        handles.append(Line2D([], [], linestyle="none", marker="$1$", markersize=8, color=INK,
                              label=text("fig.overview_bottleneck_rank", lang, shown=len(info["marked"]), total=info["ranked"])))  # fmt: skip
    if pairs:
        handles.append(Line2D([], [], color=CROSS_FIELD, lw=2.4,
                              label=text("fig.overview_cross", lang, shown=len(top_pairs), total=len(pairs),
                                         links=sum(pairs.values()))))  # fmt: skip
    legend_cols = 3
    legend_h = math.ceil(len(handles) / legend_cols) * SMALL_FONT * 2.3 * PT + 0.2
    head_h = (HEAD_FONT * 1.5 + SMALL_FONT * 1.6) * PT + 0.3

    for limit in (None, 12, 9, 6, 4, 3, 2, 1):
        panels = build(limit)
        W, H, per_row = _arrange(panels, legend_h, head_h)
        if H / W <= MAX_ASPECT:
            break
    fig = plt.figure(figsize=(W, H))
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_xlim(0, W)
    ax.set_ylim(0, H)
    ax.set_axis_off()
    ax.text(GAP, H - 0.15, title or "", ha="left", va="top", fontsize=HEAD_FONT * 1.25, weight="bold", color=INK,
            parse_math=False, gid="title")  # fmt: skip
    ax.text(GAP, H - 0.15 - HEAD_FONT * 1.25 * 1.5 * PT, wrap_lines(subtitle, 200, 2), ha="left", va="top",
            fontsize=SMALL_FONT, color="#444444", parse_math=False, gid="subtitle")  # fmt: skip
    pw = (W - GAP * (per_row + 1)) / per_row
    centre: dict[str, Any] = {}
    top = H - head_h
    rows = [panels[i : i + per_row] for i in range(0, len(panels), per_row)]
    for row in rows:
        row_h = max(_panel_height(p, pw) for p in row)
        for k, panel in enumerate(row):
            x0 = GAP + k * (pw + GAP)
            _draw_panel(ax, G, panel, x0, top, pw, row_h, lang, info, centre, finfo, order)
        top -= row_h + GAP
    # Aggregated cross-field links: under the cards (which have an opaque ground), above the panels.
    most = max((n for _, n in top_pairs), default=1)
    for (a, b), n in top_pairs:
        if a not in centre or b not in centre:
            continue
        (pa, patch_a), (pb, patch_b) = centre[a], centre[b]
        ax.add_patch(
            FancyArrowPatch(pa, pb, arrowstyle="-|>", mutation_scale=9 + 4 * n / most, color=CROSS_FIELD,
                            lw=0.9 + 2.6 * n / most, alpha=0.75, connectionstyle="arc3,rad=0.18", patchA=patch_a,
                            patchB=patch_b, shrinkA=2, shrinkB=2, zorder=2.5, gid=f"cross:{a}->{b}")
        )  # fmt: skip
    legend = ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(GAP / W, 0.02), ncol=legend_cols, frameon=False,
                       fontsize=SMALL_FONT, handlelength=2.2, columnspacing=1.4, borderaxespad=0.0)  # fmt: skip
    legend.set_gid("legend")
    return ax


def _draw_panel(ax: Any, G: nx.DiGraph, panel: _Panel, x0: float, top: float, pw: float, row_h: float, lang: str,
                info: dict[str, Any], centre: dict[str, Any], finfo: Any, order: dict[str, int]) -> None:  # fmt: skip
    from matplotlib.patches import Rectangle

    colour = field_colour(order.get(panel.field, 0))
    ax.add_patch(Rectangle((x0, top - row_h), pw, row_h, facecolor=colour, alpha=0.07, edgecolor=colour, lw=0.8,
                           zorder=0.5, gid=f"panel:{panel.field}"))  # fmt: skip
    ax.text(x0 + PAD, top - PAD, field_name(finfo, panel.field, lang), ha="left", va="top", fontsize=HEAD_FONT,
            weight="bold", color=colour, parse_math=False, gid=f"field:{panel.field}")  # fmt: skip
    cols = max(1, int((pw - MISSION_W - 2 * PAD) // CARD_W))
    y = top - HEAD_FONT * 1.6 * PT - 2 * PAD
    most = max((len(f.enabling) + len(f.measures) for f in info["fold_of"].values()), default=1) or 1
    for k, (mission, mlabel, cards, also) in enumerate(panel.lanes):
        rows = [cards[i : i + cols] for i in range(0, len(cards), cols)] or [[]]
        grid = sum(max((c.h for c in row), default=0.35) for row in rows)
        grid += (also.count("\n") + 1) * SMALL_FONT * 1.4 * PT + 0.1 if also else 0.0
        lane_h = max(grid, (mlabel.count("\n") + 1) * LABEL_FONT * 1.3 * PT + 0.3)
        mx = x0 + PAD + 0.12
        if mission is not None:
            ax.scatter([mx], [y - 0.12], s=60, marker=KIND_SHAPES["mission"][0], c=[colour], edgecolors="white",
                       linewidths=0.6, zorder=3, gid=f"node:{mission}")  # fmt: skip
            centre[mission] = ((mx, y - 0.12), None)
            ax.text(mx + 0.16, y - 0.04, mlabel, ha="left", va="top", fontsize=LABEL_FONT, color=INK,
                    parse_math=False, gid=f"label:{mission}")  # fmt: skip
        else:
            ax.text(mx - 0.08, y - 0.04, mlabel, ha="left", va="top", fontsize=LABEL_FONT, style="italic", color="#555555",
                    parse_math=False, gid=f"label:lane:{panel.field}")  # fmt: skip
        gx = x0 + PAD + MISSION_W
        ax.plot([gx - 0.1, gx - 0.1], [y - 0.02, y - lane_h + 0.06], color=colour if mission else "#bbbbbb", lw=1.2,
                zorder=1, gid=f"lane:{panel.field}:{k}")  # fmt: skip
        cy = y
        for row in rows:
            rh = max((c.h for c in row), default=0.35)
            for j, card in enumerate(row):
                _draw_card(ax, G, card, gx + j * CARD_W, cy, rh, colour, info, centre, most, lang)
            cy -= rh
        if also:
            ax.text(gx, cy - 0.02, also, ha="left", va="top", fontsize=SMALL_FONT, style="italic", color="#444444",
                    parse_math=False, gid=f"also:{panel.field}:{k}")  # fmt: skip
        y -= lane_h + 0.14
    if panel.loose:
        ax.text(x0 + PAD, top - row_h + 0.06, panel.loose, ha="left", va="bottom", fontsize=SMALL_FONT, color="#444444",
                parse_math=False, gid=f"loose:{panel.field}")  # fmt: skip


def _draw_card(ax: Any, G: nx.DiGraph, card: _Card, x: float, y: float, rh: float, colour: str, info: dict[str, Any],
               centre: dict[str, Any], most: int, lang: str) -> None:  # fmt: skip
    from matplotlib.patches import Rectangle

    n = card.node
    box = Rectangle((x + 0.03, y - rh + 0.05), CARD_W - 0.08, rh - 0.08, facecolor="white", edgecolor="#d0d0d0", lw=0.5,
                    zorder=2, gid=f"card:{n}")  # fmt: skip
    ax.add_patch(box)
    mx, my = x + 0.17, y - 0.17
    centre[n] = ((x + CARD_W / 2, y - rh / 2), box)
    gate = info["gate"].get(n)
    if gate is not None:
        width = DEEP_GATEWAY_RING if gate.deep else TRIVIAL_GATEWAY_RING
        ax.scatter([mx], [my], s=150, marker="D", facecolors="none", edgecolors=INK, linewidths=width, zorder=2.9,
                   gid=f"ring:{n}")  # fmt: skip
        if gate.evidence() == "inferred":
            ax.scatter([mx], [my], s=260, marker="o", facecolors="none", edgecolors=INK, linewidths=1.0,
                       linestyle=INFERENCE_RING_DASH, zorder=2.95, gid=f"inferred:{n}")  # fmt: skip
    ax.scatter([mx], [my], s=48, marker=KIND_SHAPES["core_technology"][0], c=[colour], edgecolors="white", linewidths=0.6,
               zorder=3, gid=f"node:{n}")  # fmt: skip
    rank = info["rank"].get(n)
    if rank is not None:
        ax.text(mx, my - 0.2, str(rank), ha="center", va="top", fontsize=SMALL_FONT, weight="bold", color="white",
                bbox={"boxstyle": "circle,pad=0.15", "facecolor": INK, "edgecolor": "none"}, zorder=3.1,
                gid=f"bottleneck:{n}")  # fmt: skip
    tx = x + 0.36
    ax.text(tx, y - 0.09, card.label, ha="left", va="top", fontsize=LABEL_FONT, color=INK, parse_math=False, zorder=3,
            gid=f"label:{n}")  # fmt: skip
    by = y - 0.09 - card.label_h - 0.03
    ax.text(tx, by, card.badge, ha="left", va="top", fontsize=SMALL_FONT, color="#333333", parse_math=False, zorder=3,
            gid=f"badge:{n}")  # fmt: skip
    by -= card.badge_h + 0.02
    fold = info["fold_of"].get(n)
    if fold is not None:
        full = CARD_W - 0.5
        e_w = full * len(fold.enabling) / most
        m_w = full * len(fold.measures) / most
        ax.add_patch(Rectangle((tx, by - BAR_H), e_w, BAR_H, facecolor=colour, alpha=0.75, lw=0, zorder=3, gid=f"bar:{n}"))
        ax.add_patch(Rectangle((tx + e_w, by - BAR_H), m_w, BAR_H, facecolor=colour, alpha=0.3, lw=0, zorder=3,
                               gid=f"bar-measures:{n}"))  # fmt: skip
    by -= BAR_H + 0.03
    if card.marks:
        ax.text(tx, by, card.marks, ha="left", va="top", fontsize=SMALL_FONT, color="#333333", parse_math=False, zorder=3,
                gid=f"marks:{n}")  # fmt: skip
