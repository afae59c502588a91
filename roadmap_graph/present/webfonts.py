"""Fonts for the report's figures: their SVG keeps real, searchable ``<text>``, so the page
carries the faces it names, subset to the characters the figures use, as ``@font-face``
data URLs (WOFF): the page opens offline and Hangul renders where no Korean font is
installed.

The figures name ``'DejaVu Sans', 'NanumGothic'`` (matplotlib's default face, then the
bundled NanumGothic as the per-glyph fallback, :mod:`roadmap_graph.figures.style`); the
faces embedded are DejaVu Sans (regular and bold, from matplotlib) and NanumGothic
(regular, bundled; the browser emboldens it for bold Hangul, which keeps the page smaller),
each subset to the characters it has among those used.

>>> css = font_face_css("로드맵 AI")
>>> css.count("@font-face") >= 2 and "NanumGothic" in css
True
"""

from __future__ import annotations

import base64
import html
import io
import re
from importlib.resources import files
from pathlib import Path

__all__ = ["figure_characters", "font_face_css"]

_TEXT = re.compile(r"<text\b[^>]*>([^<]*)</text>")


def figure_characters(svgs: list[str]) -> str:
    """Every character inside the ``<text>`` elements of ``svgs``."""
    chars: set[str] = set()
    for svg in svgs:
        for found in _TEXT.findall(svg):
            chars.update(html.unescape(found))
    return "".join(sorted(chars))


def _faces() -> list[tuple[str, str, Path]]:
    import matplotlib

    dejavu = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    nanum = Path(str(files("roadmap_graph.figures").joinpath("fonts")))
    return [
        ("DejaVu Sans", "400", dejavu / "DejaVuSans.ttf"),
        ("DejaVu Sans", "700", dejavu / "DejaVuSans-Bold.ttf"),
        ("NanumGothic", "400", nanum / "NanumGothic.ttf"),
    ]


def font_face_css(characters: str) -> str:
    """``@font-face`` rules embedding each face subset to ``characters`` (faces that have
    none of them are left out)."""
    import logging

    from fontTools import subset  # type: ignore[import-untyped]
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # "table not subset; dropped": wanted
    wanted = {ord(c) for c in characters if not c.isspace()}
    rules = []
    for family, weight, path in _faces():
        if not wanted or not path.exists():
            continue
        font = TTFont(str(path))
        have = wanted & set(font.getBestCmap())
        if not have:
            continue
        options = subset.Options()
        options.flavor = "woff"
        options.layout_features = ["kern", "liga"]
        options.name_IDs = [1, 2]
        options.notdef_outline = True
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(have))
        subsetter.subset(font)
        buffer = io.BytesIO()
        font.flavor = "woff"
        font.save(buffer)
        data = base64.b64encode(buffer.getvalue()).decode("ascii")
        rules.append(
            f"@font-face{{font-family:'{family}';font-weight:{weight};font-style:normal;"
            f"src:url(data:font/woff;base64,{data}) format('woff')}}"
        )
    return "\n".join(rules)
