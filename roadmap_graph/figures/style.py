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

KOREAN_FAMILY = "NanumGothic"
FONT_FILES = ("NanumGothic.ttf", "NanumGothicBold.ttf")

#: Colours of the first fields, in the roadmap's field order; further fields cycle on.
FIELD_COLOURS = ("#1f77b4", "#2ca02c", "#9467bd", "#d62728", "#8c564b", "#e377c2", "#17becf", "#bcbd22")
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


def field_colours(fields: list[str]) -> dict[str, str]:
    """A colour for each field id, in the given order."""
    return {f: FIELD_COLOURS[i % len(FIELD_COLOURS)] for i, f in enumerate(fields)}


def use_korean_font() -> None:
    """For notebooks: make Hangul render in every later figure (changes global rcParams)."""
    import matplotlib as mpl

    mpl.rcParams["font.family"] = font_family()
