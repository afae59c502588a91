"""The portfolio figure: is the money where the missions are?

:func:`plot_portfolio` draws one figure from a portfolio overlay
(:func:`roadmap_graph.analyses.portfolio.portfolio_overlay`) in two parts:

* **top: money per mission**, grouped horizontal bars, one group per mission (its name at
  the left): ``touching`` (the money of every programme that funds some node of its chain,
  solid) beside ``apportioned`` (each programme's money split over the nodes it funds and
  then over the missions that need them, hatched ``//``). The unit is in the axis label.
  A mission flagged ``under`` (its share of the money below half its share of importance)
  or ``unfunded`` (no money behind its chain: no programme, or only programmes of unknown
  money) is said so in words at the end of its
  bars, and its row is laid on a grey cross-hatched ground: marked by words and pattern,
  never by colour alone. Programmes of unknown money (counted as 0) are named below.
* **bottom: the roadmap figure** (:func:`~roadmap_graph.figures.roadmap.plot_roadmap`,
  reused as it is) with each **funded** node carrying a money badge (a white ``₩`` on ink)
  at its upper right, each **unfunded technology** a hollow ``!`` badge (ink on white) at
  its upper left, and each **unfunded gateway** (a technology no programme funds that every
  requirement path of some mission passes through: the most telling gap) a filled ``!``
  badge (white on ink) and its gateway ring (thick where several paths meet, thin for a
  mission's only direct requirement, as in every figure). Each mark has its legend entry.
  Bottlenecks are not marked here; links keep the roadmap figure's encoding.

The figure follows the one visual language (:mod:`roadmap_graph.vocabulary.visual`): colour
is field, and only field; the portfolio's own marks are ink, told apart by glyph, fill and
hatching (``touching`` solid ink, ``apportioned`` white hatched in ink). Hangul renders
through :func:`~roadmap_graph.figures.style.figure_style`.

Every mark carries a ``gid``: ``funded:<id>`` (the badge), ``unfunded:<id>`` (the hollow ``!`` badge of an unfunded technology; an unfunded gateway's
ring), ``unfunded-gateway:<id>`` (the filled ``!`` badge of an unfunded gateway), ``bar-touching:<mission>``,
``bar-apportioned:<mission>``, ``flag:<mission>`` (the words of a flagged mission),
``flag-ground:<mission>`` (its hatched row), ``mission-label:<mission>``, and the roadmap's
own (``node:<id>``, ``label:<id>``, ...).

>>> import matplotlib
>>> matplotlib.use("Agg")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import networkx as nx

from ..graph.index import GraphLike, as_graph
from ..vocabulary import check_choice, check_lang, node_name, text
from ..vocabulary.visual import INK
from .layout import wrap_lines
from .roadmap import plot_roadmap
from .style import badge, badge_legend, figure_style, gateway_legend, gateway_ring

if TYPE_CHECKING:  # matplotlib is imported only when drawing
    from matplotlib.axes import Axes

    from ..analyses.portfolio import PortfolioReport

__all__ = [
    "APPORTIONED_COLOUR",
    "FUNDED_COLOUR",
    "TOUCHING_COLOUR",
    "UNFUNDED_COLOUR",
    "PortfolioMarks",
    "plot_portfolio",
    "portfolio_marks",
]

#: Ink: money touching a mission's chain (solid bars).
TOUCHING_COLOUR = INK
#: White hatched in ink: money apportioned to a mission.
APPORTIONED_COLOUR = "#ffffff"
#: Ink: the money badge of a funded node.
FUNDED_COLOUR = INK
#: Ink: the ``!`` badge of an unfunded technology (hollow) or gateway (filled).
UNFUNDED_COLOUR = INK
#: The ground and words of a flagged mission.
FLAG_GROUND = "#EEEEEE"
FLAG_HATCH = "xx"
FLAG_TEXT = "#333333"
APPORTIONED_HATCH = "////"
#: The badge's sign.
MONEY_SIGN = "\u20a9"
GAP_SIGN = "!"
#: What :func:`plot_portfolio` draws.
PARTS = ("both", "bars", "roadmap")
#: Alignments flagged in the bars.
FLAGGED = ("under", "unfunded")

_ROW_INCHES = 0.5
_BARS_MARGIN = 1.25  # inches above and below the bars (title, axis label, note)
_BARS_MAX_INCHES = 11.0  # the widest the bars get, however wide the roadmap


class PortfolioMarks:
    """What the roadmap part marks: funded nodes, unfunded technologies, unfunded gateways."""

    def __init__(self, funded: frozenset[str], unfunded: frozenset[str], gateways: frozenset[str]) -> None:
        self.funded = funded
        self.unfunded = unfunded
        self.gateways = gateways

    def gids(self) -> set[str]:
        """The gid of every mark drawn for these sets."""
        out = {f"funded:{n}" for n in self.funded} | {f"unfunded:{n}" for n in self.unfunded}
        return out | {f"unfunded-gateway:{n}" for n in self.gateways}


def portfolio_marks(G: GraphLike, report: PortfolioReport) -> PortfolioMarks:
    """The marks of ``report`` on the nodes of ``G``: every funded node, every unfunded
    technology, and those of them that are a gateway of some mission."""
    nodes = set(as_graph(G))
    unfunded = {u.id for u in report.unfunded if u.id in nodes}
    gateways = {u.id for u in report.unfunded if u.id in nodes and u.gateway_of}
    return PortfolioMarks(frozenset(set(report.funded) & nodes), frozenset(unfunded), frozenset(gateways))


def plot_portfolio(
    G: GraphLike,
    report: PortfolioReport,
    *,
    lang: str = "ko",
    title: str | None = None,
    legend: bool = True,
    parts: str = "both",
    **kwargs: Any,
) -> Axes:
    """Draw the portfolio figure of ``report`` over ``G`` (see the module docstring).

    Parameters
    ----------
    G
        The roadmap graph the report was computed on (or its index).
    report
        The portfolio overlay.
    lang
        ``"ko"`` or ``"en"``: names, words and the legend.
    title
        The roadmap part's title; ``None``: the roadmap's title, ``""`` none.
    legend
        Draw the roadmap's legend with one entry per portfolio mark used.
    parts
        ``"both"`` (the bars above the marked roadmap), ``"bars"`` (the money per mission
        alone, on a figure of its own: it stays readable however wide the roadmap is) or
        ``"roadmap"`` (the marked roadmap alone).
    **kwargs
        Passed to :func:`~roadmap_graph.figures.roadmap.plot_roadmap` (``fields``,
        ``fontsize``, ...).

    Returns
    -------
    matplotlib.axes.Axes
        The roadmap's axes; the bars are on the figure's axes with gid ``money`` (with
        ``parts="bars"``, that axes is returned). Nothing is shown or saved; the caller
        closes the figure.

    Raises
    ------
    InvalidOptionError
        When ``lang`` or ``parts`` is unknown.
    """
    check_lang(lang)
    H = as_graph(G)
    marks = portfolio_marks(H, report)
    kwargs.setdefault("show_gateways", False)
    kwargs.setdefault("show_bottlenecks", False)
    check_choice(parts, PARTS, "error.what_figure")
    with figure_style():
        if parts == "bars":
            import matplotlib.pyplot as plt

            fig = plt.figure(figsize=(_BARS_MAX_INCHES + 6.5, 1.0))
            return _add_bars(fig, 0.0, H, report, lang)
        deep = _gateway_depth(H, marks)
        ax = plot_roadmap(H, lang=lang, title=title, legend=legend,
                          legend_extra=portfolio_legend(marks, lang, deep) if legend else (), **kwargs)  # fmt: skip
        _mark(ax, marks, deep)
        if parts == "both":
            root: Any = ax.figure.figure
            _add_bars(root, float(root.get_size_inches()[1]), H, report, lang, below=ax)
    return ax


def portfolio_legend(marks: PortfolioMarks, lang: str, deep: dict[str, bool] | None = None) -> list[Any]:
    """The legend entries of the marks used (one per kind of mark); ``deep`` (unfunded
    gateway → whether it is deep) names the gateway rings drawn."""
    from matplotlib.lines import Line2D

    handles: list[Any] = []
    if marks.funded:
        handles.append(Line2D([], [], linestyle="none", marker="o", markersize=8, markerfacecolor=FUNDED_COLOUR,
                              markeredgecolor="white", label=text("fig.portfolio_funded", lang)))  # fmt: skip
    if marks.unfunded - marks.gateways:
        handles.append(badge_legend(GAP_SIGN, text("fig.portfolio_unfunded", lang), face="white", ink=INK, edge=INK))
    if marks.gateways:
        handles.append(badge_legend(GAP_SIGN, text("fig.portfolio_unfunded_gateway", lang)))
        kinds = set((deep or {}).values())
        handles += [gateway_legend(lang, deep=d) for d in (True, False) if d in kinds]
    return handles


def _gateway_depth(G: nx.DiGraph, marks: PortfolioMarks) -> dict[str, bool]:
    """Unfunded gateway → whether it is a deep gateway (several paths meet there)."""
    from ..analyses.gateways import gateways

    return {g.id: g.deep for g in gateways(G).gateways if g.id in marks.gateways}


# --- the roadmap's marks ----------------------------------------------------------------------


def _mark(ax: Axes, marks: PortfolioMarks, deep: dict[str, bool]) -> None:
    drawn: dict[str, Any] = {str(a.get_gid()): a for a in ax.lines if str(a.get_gid() or "").startswith("node:")}
    labels = [a for a in ax.texts if str(a.get_gid() or "").startswith("label:")]
    fontsize = float(labels[0].get_fontsize()) if labels else 7.0
    pt = 1 / 72  # inches per point: the roadmap's data units are inches
    for n in sorted(marks.unfunded):
        node = drawn.get(f"node:{n}")
        if node is None:  # not drawn (a field left out)
            continue
        (x,), (y,) = node.get_xdata(), node.get_ydata()
        ms = node.get_markersize()
        r = ms * 0.8 * pt
        if n in marks.gateways:
            ring, _ = gateway_ring(ax, x, y, ms * 1.75, deep=deep.get(n, True), node=n)
            ring.set_gid(f"unfunded:{n}")
            badge(ax, x - r, y + r * 0.7, GAP_SIGN, fontsize * 0.95, f"unfunded-gateway:{n}")
        else:
            badge(ax, x - r, y + r * 0.7, GAP_SIGN, fontsize * 0.95, f"unfunded:{n}", face="white", ink=INK, edge=INK)
    for n in sorted(marks.funded):
        node = drawn.get(f"node:{n}")
        if node is None:
            continue
        (x,), (y,) = node.get_xdata(), node.get_ydata()
        r = node.get_markersize() * 0.8 * pt
        badge(ax, x + r, y + r * 0.7, MONEY_SIGN, fontsize * 0.95, f"funded:{n}")


# --- the bars ---------------------------------------------------------------------------------


def unit_of(report: PortfolioReport, lang: str) -> str:
    """The money unit in ``lang`` (the unit as the portfolio wrote it when it gives none in
    English)."""
    return (report.unit_en if lang == "en" and report.unit_en else report.unit) or ""


def _money(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 10 or value == int(value) else f"{value:,.1f}"


def _add_bars(fig: Any, height: float, G: nx.DiGraph, report: PortfolioReport, lang: str, below: Any = None) -> Any:
    """Grow ``fig`` upwards by the bars' height and draw the money per mission above its
    ``height`` inches of content (``below``, the roadmap's axes, keeps its place)."""
    width = float(fig.get_size_inches()[0])
    missions = list(report.missions)
    bars_h = _BARS_MARGIN + max(len(missions), 1) * _ROW_INCHES + (0.3 if report.unknown_money else 0.0)
    total = height + bars_h
    fig.set_size_inches(width, total)
    if below is not None:
        below.set_position((0.0, 0.0, 1.0, height / total))
    fontsize = 8.5
    names = {m.id: wrap_lines(node_name(G.nodes[m.id], lang) if m.id in G else m.id, 44, 2) for m in missions}
    left = min(max(2.2, 0.3 + max((_label_inches(s, fontsize) for s in names.values()), default=1.0)), width * 0.4)
    right = min(3.2, width * 0.3)  # room for the flags' words
    span = min(max(width - left - right, 1.0), _BARS_MAX_INCHES)  # a wide roadmap keeps bars one can read
    bx = fig.add_axes((left / width, (height + 0.75) / total, span / width, (bars_h - _BARS_MARGIN) / total),
                            gid="money")  # fmt: skip
    rows = list(reversed(missions))  # the first mission on top
    top = max([m.touching for m in missions] + [m.apportioned for m in missions] + [0.0])
    reach = top * 1.02 if top > 0 else 1.0
    h = 0.36
    for i, m in enumerate(rows):
        if m.alignment in FLAGGED:
            bx.axhspan(i - 0.48, i + 0.48, facecolor=FLAG_GROUND, edgecolor="#BBBBBB", hatch=FLAG_HATCH, lw=0.0,
                       zorder=0.2, gid=f"flag-ground:{m.id}")  # fmt: skip
        bx.barh(i + h / 2, m.touching, height=h, color=TOUCHING_COLOUR, edgecolor=TOUCHING_COLOUR, zorder=2,
                gid=f"bar-touching:{m.id}")  # fmt: skip
        bx.barh(i - h / 2, m.apportioned, height=h, color=APPORTIONED_COLOUR, edgecolor=INK, hatch=APPORTIONED_HATCH,
                lw=0.6, zorder=2, gid=f"bar-apportioned:{m.id}")  # fmt: skip
        for value, dy, key in ((m.touching, h / 2, "t"), (m.apportioned, -h / 2, "a")):
            if value > 0:
                bx.text(value + reach * 0.008, i + dy, _money(value), va="center", ha="left", fontsize=fontsize * 0.85,
                        color="#222222", parse_math=False, zorder=3, gid=f"value-{key}:{m.id}")  # fmt: skip
        if m.alignment in FLAGGED:
            flag = "unknown" if m.alignment == "unfunded" and m.programmes else m.alignment
            words = text(f"fig.portfolio_flag_{flag}", lang, money=f"{m.money_share:.0%}",
                         importance=f"{m.importance_share:.0%}")  # fmt: skip
            bx.text(1.01, i, words, transform=bx.get_yaxis_transform(), va="center", ha="left", fontsize=fontsize,
                    color=FLAG_TEXT, parse_math=False, clip_on=False, gid=f"flag:{m.id}")  # fmt: skip
    bx.set_ylim(-0.6, len(rows) - 0.4)
    bx.set_xlim(0, reach * 1.12)
    bx.set_yticks(range(len(rows)))
    bx.set_yticklabels([names[m.id] for m in rows], fontsize=fontsize)
    for tick, m in zip(bx.get_yticklabels(), rows):
        tick.set_gid(f"mission-label:{m.id}")
    bx.tick_params(axis="x", labelsize=fontsize * 0.9)
    bx.spines[["top", "right"]].set_visible(False)
    bx.grid(axis="x", color="#DDDDDD", lw=0.6, zorder=0)
    bx.set_axisbelow(True)
    unit = unit_of(report, lang)
    bx.set_xlabel(text("fig.portfolio_money_axis", lang, unit=unit), fontsize=fontsize)
    years = text("fig.portfolio_years", lang, first=report.years[0], last=report.years[1]) if report.years else ""
    bx.set_title(text("fig.portfolio_bars_title", lang, years=years).strip(), fontsize=fontsize * 1.25, loc="left",
                 pad=18)  # fmt: skip
    from matplotlib.patches import Patch

    handles = [
        Patch(facecolor=TOUCHING_COLOUR, edgecolor=TOUCHING_COLOUR, label=text("fig.portfolio_touching", lang)),
        Patch(facecolor=APPORTIONED_COLOUR, edgecolor=INK, hatch=APPORTIONED_HATCH,
              label=text("fig.portfolio_apportioned", lang)),
    ]  # fmt: skip
    if any(m.alignment in FLAGGED for m in missions):
        handles.append(Patch(facecolor=FLAG_GROUND, edgecolor="#BBBBBB", hatch=FLAG_HATCH, label=text("fig.portfolio_flagged", lang)))
    bx.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=len(handles), frameon=False,
              fontsize=fontsize * 0.9, borderaxespad=0.1)  # fmt: skip
    if report.unknown_money:
        named = {p.id: (p.name_en if lang == "en" and p.name_en else p.name) for p in report.programmes}
        note = text("fig.portfolio_unknown_money", lang, count=len(report.unknown_money),
                    programmes=", ".join([named.get(p, p) for p in report.unknown_money[:6]]
                                         + (["…"] if len(report.unknown_money) > 6 else [])))  # fmt: skip
        fig.text(left / width, (height + 0.12) / total, note, fontsize=fontsize * 0.9, color="#444444",
                 parse_math=False, gid="unknown-money")  # fmt: skip
    return bx


def _label_inches(label: str, fontsize: float) -> float:
    """About how wide ``label`` is, in inches (Hangul and other wide letters count twice)."""
    import unicodedata

    widest = max(label.split("\n"), key=len, default="")
    units = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in widest)
    return units * fontsize * 0.55 / 72
