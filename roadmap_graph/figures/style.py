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

from ..vocabulary.visual import FIELD_PALETTE as FIELD_COLOURS  # noqa: F401  (the figures' names)
from ..vocabulary.visual import field_colours  # noqa: F401

KOREAN_FAMILY = "NanumGothic"
FONT_FILES = ("NanumGothic.ttf", "NanumGothicBold.ttf")

#: Marker shape of each node kind.
KIND_MARKERS = {"mission": "s", "core_technology": "D", "enabling_technology": "o", "ecosystem_measure": "^"}
#: Highlight colours.
GATEWAY_COLOUR = "#ff7f0e"
BOTTLENECK_COLOUR = "#d62728"
CROSS_FIELD_COLOUR = "#e6550d"
#: Links: "requires" solid, one-of alternatives dashed, "supported by" dotted and lighter.
EDGE_COLOUR = "#555555"
SUPPORT_COLOUR = "#7a7a7a"
ALTERNATIVE_DASH = (0, (4, 2))
SUPPORT_DOTS = (0, (1, 1.5))
#: The one mark of a finding that rests on inference (it does not hold on the stated links
#: alone): a dark dashed ring around the node, the same in every figure, with one legend
#: entry (:func:`inference_legend`); tables and the report mark it with the same words.
INFERENCE_COLOUR = "#222222"
INFERENCE_DASH = (0, (2.2, 1.6))


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
