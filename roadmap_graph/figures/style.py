"""How figures look: Hangul fonts, colours by field and kind, and a context that applies them.

matplotlib's default font has no Hangul and draws Korean as empty boxes. roadmap-graph
ships NanumGothic (regular and bold, SIL OFL 1.1, licence in ``fonts/OFL.txt``) and puts it
*behind* the default font as a per-glyph fallback, only while drawing: Latin letters,
arrows and symbols still come from the default font (NanumGothic's own arrows are poor),
and the user's rcParams are untouched afterwards.

>>> from roadmap_graph.figures.style import figure_style
>>> import matplotlib.pyplot as plt
>>> with figure_style():
...     fig, ax = plt.subplots()
...     _ = ax.set_title("인공지능 → AI")
...     fig.savefig(__import__("io").BytesIO())   # no missing-glyph warning
>>> plt.close(fig)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from importlib.resources import files
from typing import Any

from ..vocabulary import visual as _visual
from ..vocabulary.visual import (
    CROSS_FIELD,
    CROSS_FIELD_WIDTH,
    DEEP_GATEWAY_RING,
    INFERENCE_RING_DASH,
    INFERRED,
    INFERRED_DASH,
    INK,
    KIND_SHAPES,
    REQUIRES_WIDTH,
    SUPPORT_DOTS,
    SUPPORT_WIDTH,
    TRIVIAL_GATEWAY_RING,
    field_colours,  # noqa: F401
)
from ..vocabulary.visual import FIELD_PALETTE as FIELD_COLOURS  # noqa: F401  (the figures' names)

KOREAN_FAMILY = "NanumGothic"
FONT_FILES = ("NanumGothic.ttf", "NanumGothicBold.ttf")

#: Marker shape of each node kind (:data:`roadmap_graph.vocabulary.visual.KIND_SHAPES`).
KIND_MARKERS = {kind: shapes[0] for kind, shapes in KIND_SHAPES.items()}
#: What joins fields (:data:`~roadmap_graph.vocabulary.visual.CROSS_FIELD`), by the name the
#: figures import.
CROSS_FIELD_COLOUR = CROSS_FIELD
#: The one mark of a finding that rests on inference (it does not hold on the stated links
#: alone): a dark dashed ring around the node, the same in every figure, with one legend
#: entry (:func:`inference_legend`); tables and the report mark it with the same words.
INFERENCE_COLOUR = INK
INFERENCE_DASH = INFERENCE_RING_DASH
#: The ground behind highlighted nodes and their labels.
HIGHLIGHT_COLOUR = _visual.HIGHLIGHT


@cache
def register_fonts() -> str:
    """Register the bundled NanumGothic faces with matplotlib (once); return the family."""
    from matplotlib import font_manager

    folder = files("roadmap_graph.figures").joinpath("fonts")
    for name in FONT_FILES:
        font_manager.fontManager.addfont(str(folder.joinpath(name)))
    return KOREAN_FAMILY


def font_family(base: str | None = None) -> list[str]:
    """The family list to draw with: the default font first, NanumGothic as the fallback."""
    import matplotlib as mpl

    params: Any = mpl.rcParams  # read by names built at run time, which its types do not allow
    first = base or params["font.family"][0]
    if first in ("sans-serif", "serif", "monospace", "cursive", "fantasy"):
        first = params[f"font.{first}"][0]
    return [first, register_fonts()]


@contextmanager
def figure_style(rc: Mapping[str, Any] | None = None) -> Iterator[None]:
    """Apply roadmap-graph's figure style (Hangul fallback font) inside the block only.

    ``rc`` adds or overrides rcParams for the block.
    """
    import matplotlib as mpl

    settings: dict[str, Any] = {"font.family": font_family(), "svg.fonttype": "path"}
    settings.update(rc or {})
    with mpl.rc_context(settings):  # type: ignore[arg-type]  # matplotlib types rc keys as Literals
        yield


def use_korean_font() -> None:
    """For notebooks: make Hangul render in every later figure (changes global rcParams)."""
    import matplotlib as mpl

    mpl.rcParams["font.family"] = font_family()


def dashed_ring() -> Any:
    """The marker of :func:`inference_ring`: a circle drawn as twelve dashes (a path, so it
    looks the same as a node mark and as a legend entry)."""
    import math

    from matplotlib.path import Path

    vertices: list[tuple[float, float]] = []
    codes: list[int] = []
    dashes, steps = 12, 6
    for k in range(dashes):
        start = 2 * math.pi * k / dashes
        for i in range(steps + 1):
            angle = start + (2 * math.pi / dashes) * 0.6 * i / steps
            vertices.append((math.cos(angle), math.sin(angle)))
            codes.append(int(Path.MOVETO if i == 0 else Path.LINETO))
    return Path(vertices, codes)


def inference_ring(ax: Any, x: float, y: float, size: float, gid: str) -> Any:
    """Draw the mark of a finding that rests on inference around the node at ``(x, y)``:
    a dashed ring ``size`` points across, above the node's other rings."""
    return ax.plot([x], [y], linestyle="none", marker=dashed_ring(), markersize=size, markerfacecolor="none",
                   markeredgecolor=INFERENCE_COLOUR, markeredgewidth=1.3, zorder=2.95, gid=gid)[0]  # fmt: skip


def inference_legend(lang: str, size: float = 11.0) -> Any:
    """The legend entry of :func:`inference_ring` ("rests on inference")."""
    from matplotlib.lines import Line2D

    from ..vocabulary import text

    return Line2D([], [], linestyle="none", marker=dashed_ring(), markersize=size, markerfacecolor="none",
                  markeredgecolor=INFERENCE_COLOUR, markeredgewidth=1.3, label=text("fig.rests_on_inference", lang))  # fmt: skip


# --- the marks every figure shares (roadmap_graph.vocabulary.visual, drawn) -------------------


def link_style(*, support: bool, inferred: bool, crossing: bool = False) -> dict[str, Any]:
    """The line of a link (``edgecolor``, ``lw``, ``linestyle``): ``requires`` solid and
    ``supported_by`` dotted and thinner (relation is line style); stated in ink, inferred in
    grey *and* dashed (evidence is tone and dash; an inferred support link stays dotted, in
    grey); a cross-field requirement thicker, in vermillion (its dash kept when inferred)."""
    colour = INFERRED if inferred else INK
    if support:
        return {"edgecolor": colour, "lw": SUPPORT_WIDTH, "linestyle": SUPPORT_DOTS}
    style: Any = INFERRED_DASH if inferred else "solid"
    if crossing:
        return {"edgecolor": CROSS_FIELD, "lw": CROSS_FIELD_WIDTH, "linestyle": style}
    return {"edgecolor": colour, "lw": REQUIRES_WIDTH, "linestyle": style}


def link_legend(lang: str, *, stated: bool, inferred: bool, support: bool, inferred_support: bool,
                crossing: bool, alternatives: bool) -> list[Any]:
    """The legend entries of the links drawn: one per line style used, and the arc of an
    ``any_of`` group."""
    from matplotlib.lines import Line2D

    from ..vocabulary import text

    def line(key: str, **style: Any) -> Any:
        colour = style.pop("edgecolor")
        return Line2D([], [], color=colour, label=text(key, lang), **style)

    handles: list[Any] = []
    if stated:
        handles.append(line("fig.requires", **link_style(support=False, inferred=False)))
    if inferred:
        handles.append(line("fig.inferred_link", **link_style(support=False, inferred=True)))
    if crossing:
        handles.append(line("fig.cross_field", **link_style(support=False, inferred=False, crossing=True)))
    if alternatives:
        handles.append(Line2D([], [], linestyle="none", marker=arc_marker(), markersize=14, markerfacecolor="none",
                              markeredgecolor=INK, markeredgewidth=REQUIRES_WIDTH, label=text("fig.alternatives", lang)))  # fmt: skip
    if support:
        handles.append(line("fig.supported_by", **link_style(support=True, inferred=False)))
    if inferred_support:
        handles.append(line("fig.inferred_support", **link_style(support=True, inferred=True)))
    return handles


def arc_marker() -> Any:
    """The legend's picture of the alternatives arc: two lines parting, an arc across them."""
    import math

    from matplotlib.path import Path

    vertices: list[tuple[float, float]] = [(0.0, 1.0), (-0.8, -1.0), (0.0, 1.0), (0.8, -1.0)]
    codes = [Path.MOVETO, Path.LINETO, Path.MOVETO, Path.LINETO]
    for i in range(17):  # a bow that reaches past both lines, not a crossbar
        angle = math.radians(215 + (325 - 215) * i / 16)
        vertices.append((0.95 * math.cos(angle), 1.0 + 0.95 * math.sin(angle)))
        codes.append(Path.MOVETO if i == 0 else Path.LINETO)
    return Path(vertices, [int(c) for c in codes])


def gateway_ring(ax: Any, x: float, y: float, size: float, *, deep: bool, node: str) -> list[Any]:
    """The ring of a gateway around the node at ``(x, y)``: thick for a deep gateway (several
    of a mission's paths meet there), thin for a trivial one (a mission's only direct
    requirement). Its gid is ``gateway:<id>``; a second, empty artist says which
    (``gateway-deep:<id>`` or ``gateway-trivial:<id>``), so a reader of the SVG and tests can
    tell them apart."""
    width = DEEP_GATEWAY_RING if deep else TRIVIAL_GATEWAY_RING
    ring = ax.plot([x], [y], linestyle="none", marker="o", markersize=size, markerfacecolor="none",
                   markeredgecolor=INK, markeredgewidth=width, zorder=2.9, gid=f"gateway:{node}")[0]  # fmt: skip
    tag = ax.plot([], [], gid=f"gateway-{'deep' if deep else 'trivial'}:{node}")[0]
    return [ring, tag]


def gateway_legend(lang: str, *, deep: bool, size: float = 11.0) -> Any:
    """The legend entry of :func:`gateway_ring`, deep or trivial."""
    from matplotlib.lines import Line2D

    from ..vocabulary import text

    return Line2D([], [], linestyle="none", marker="o", markersize=size, markerfacecolor="none", markeredgecolor=INK,
                  markeredgewidth=DEEP_GATEWAY_RING if deep else TRIVIAL_GATEWAY_RING,
                  label=text("fig.gateway_deep" if deep else "fig.gateway_trivial", lang))  # fmt: skip


def badge(ax: Any, x: float, y: float, sign: str, fontsize: float, gid: str, *, face: str = INK,
          ink: str = "white", edge: str = "white") -> Any:
    """A small round badge with a sign (a rank, ``+``, ``₩``, ...): white on ink by default."""
    return ax.text(x, y, sign, ha="center", va="center", fontsize=fontsize, fontweight="bold",
                   fontfamily=font_family()[0], color=ink, parse_math=False, zorder=5, gid=gid,
                   bbox={"boxstyle": "circle,pad=0.16", "facecolor": face, "edgecolor": edge, "lw": 0.5})  # fmt: skip


def rank_badge(ax: Any, x: float, y: float, marker_size: float, rank: int, fontsize: float, node: str) -> Any:
    """The mark of a bottleneck: its rank in a white-on-ink badge at the upper right of the
    node at ``(x, y)`` (``marker_size`` points across; data units in inches). Its gid is
    ``bottleneck:<id>``, its text the rank."""
    r = marker_size * 0.62 / 72
    return badge(ax, x + r, y + r, str(rank), fontsize * 0.8, f"bottleneck:{node}")


def bottleneck_legend(lang: str, ranks: list[int], ranked: int, top: bool | int) -> Any:
    """The legend entry of :func:`rank_badge`: a badge "1" and the cut-off in words (the
    first k of N ranked, or the default rule's k of N)."""
    from ..vocabulary import text

    key = "fig.bottleneck_rule" if top is True else "fig.bottleneck_top"
    return badge_legend("1", text(key, lang, k=len(ranks), n=ranked))


def badge_legend(sign: str, label: str, *, face: str = INK, ink: str = "white", edge: str = "white") -> Any:
    """The legend entry of a :func:`badge` with ``sign``."""
    from matplotlib.legend_handler import HandlerTuple
    from matplotlib.lines import Line2D

    disc = Line2D([], [], linestyle="none", marker="o", markersize=9, markerfacecolor=face, markeredgecolor=edge,
                  markeredgewidth=0.8)  # fmt: skip
    glyph = Line2D([], [], linestyle="none", marker=f"${_mathtext(sign)}$", markersize=5, markerfacecolor=ink,
                   markeredgecolor=ink, markeredgewidth=0.3)  # fmt: skip
    return _Labelled(Overlay((disc, glyph)), label, {Overlay: HandlerTuple(ndivide=1, pad=0.0)})


class Overlay(tuple[Any, ...]):
    """Legend handles drawn over each other (a badge: its disc and its sign); a plain tuple
    of handles is drawn side by side."""


def _mathtext(sign: str) -> str:
    """``sign`` as mathtext for a marker (``~`` and ``−`` are not plain there)."""
    return {"~": r"\sim", "\u2212": "-", "\u20a9": r"\mathrm{W}"}.get(sign, sign)


class _Labelled:
    """A legend entry made of overlaid handles: ``handle`` (a tuple), its ``label`` and the
    handler map the legend needs (:func:`legend_parts`)."""

    def __init__(self, handle: Any, label: str, handler_map: dict[Any, Any]) -> None:
        self.handle = handle
        self.label = label
        self.handler_map = handler_map

    def get_label(self) -> str:
        """The entry's words (as a matplotlib handle's)."""
        return self.label


def legend_parts(entries: list[Any]) -> tuple[list[Any], list[str], dict[Any, Any]]:
    """Handles, labels and handler map for ``ax.legend`` from a list of handles with labels
    and :class:`_Labelled` entries."""
    handles: list[Any] = []
    labels: list[str] = []
    handler_map: dict[Any, Any] = {}
    for entry in entries:
        if isinstance(entry, _Labelled):
            handles.append(entry.handle)
            labels.append(entry.label)
            handler_map.update(entry.handler_map)
        else:
            handles.append(entry)
            labels.append(entry.get_label())
    return handles, labels, handler_map


def legend_sheet(lang: str = "en") -> Any:
    """A figure of every mark of the visual language with its legend words, in ``lang``
    (the picture of ``docs/visual-language.md``); the caller saves and closes it."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from ..vocabulary import text
    from .diff import DiffMarks, diff_legend
    from .portfolio import PortfolioMarks, portfolio_legend

    one = frozenset({"x"})
    link = frozenset({("x", "y")})
    groups: list[tuple[str, list[Any]]] = [
        ("visual.sheet_nodes", [
            *(Line2D([], [], linestyle="none", marker=KIND_MARKERS[k], markersize=7, markerfacecolor="#999999",
                     markeredgecolor="white", label=text(f"kind.{k}", lang)) for k in KIND_MARKERS),
            *(Patch(facecolor=c, edgecolor=c, alpha=0.8, label=f"{text('visual.sheet_field', lang)} {i + 1}  {c}")
              for i, c in enumerate(_visual.FIELD_PALETTE)),
        ]),
        ("visual.sheet_links", link_legend(lang, stated=True, inferred=True, support=True, inferred_support=True,
                                           crossing=True, alternatives=True)),
        ("visual.sheet_marks", [
            gateway_legend(lang, deep=True), gateway_legend(lang, deep=False),
            bottleneck_legend(lang, [1, 2, 3], 33, 3), inference_legend(lang),
            Line2D([], [], linestyle="none", marker="o", markersize=10, markerfacecolor=HIGHLIGHT_COLOUR,
                   markeredgecolor="none", alpha=0.8, label=text("fig.highlight", lang)),
        ]),
        ("visual.sheet_changes", [
            *diff_legend(DiffMarks(one, one, one, link, link, link), lang),
            *portfolio_legend(PortfolioMarks(one, frozenset({"x", "y"}), frozenset({"y"})), lang, {"y": True}),
        ]),
    ]  # fmt: skip
    fig = plt.figure(figsize=(10.0, 5.6))
    with figure_style():
        for i, (key, handles) in enumerate(groups):
            entries, labels, handler_map = legend_parts(handles)
            legend = fig.legend(entries, labels, handler_map=handler_map, loc="upper left", frameon=False,
                                bbox_to_anchor=(0.01 + (i % 2) * 0.5, 0.98 - (i // 2) * 0.5), fontsize=8, handlelength=2.6,
                                title=text(key, lang), title_fontsize=9.5, alignment="left")  # fmt: skip
            legend.set_gid(f"sheet:{key}")
    return fig
