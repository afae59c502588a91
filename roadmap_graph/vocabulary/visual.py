"""The one visual language of roadmap-graph: what every colour, mark and line means.

Every figure (matplotlib), the HTML report (CSS) and the explorer (cytoscape.js, which reads
:func:`explorer_style` from the page's data) take their colours, marks and line styles
from here, so that a mark means one thing everywhere. ``docs/visual-language.md`` is the
reader's version of this module.

Rules
-----
* **Colour means field, and only field**, for node fills and field bands
  (:data:`FIELD_PALETTE`, in the roadmap's field order). Field is never shown by colour alone:
  the band a node stands in (figures) or its label and panel (explorer) say it too.
* **Two mark colours** besides the fields, each with one meaning:
  :data:`CROSS_FIELD` (vermillion) marks what *joins fields*: a requirement link between two
  fields, and a convergence point where links from several fields meet;
  :data:`HIGHLIGHT` (yellow) is *what you asked for*: highlighted or selected nodes, as a
  halo behind them.
* **Everything else is ink** (:data:`INK`) and told apart by shape, never by colour:
  a *deep* gateway is a thick solid ring; a *trivial* gateway (a mission's only direct
  requirement, which every mission with one core technology has) a thin solid ring;
  a bottleneck a numbered badge (its rank), with the cut-off in the legend ("top 3 of 40");
  a finding that rests on inference a dashed ring.
* **Node kind is shape**: :data:`KIND_SHAPES` (square mission, diamond core technology,
  circle enabling technology, triangle measure).
* **Line style is relation, line tone is evidence**: ``requires`` solid, ``supported_by``
  dotted and thinner; a link the ministry states is drawn in :data:`INK`, a link an analyst
  inferred in :data:`INFERRED` grey *and* dashed (two cues), with a legend entry wherever
  one is drawn. The alternatives of an ``any_of`` group are tied by an arc below their
  dependent (one of them suffices); the arc, not the line style, says "alternatives".

Colour-vision deficiency: every pair of :data:`CATEGORY_COLOURS` differs by at least
:data:`MIN_DELTA_E` in CAM02-UCS under normal vision and under full-severity simulated
deuteranopia, protanopia and tritanopia (Machado et al. 2009, as ``colorspacious``
implements it); ``tests/test_visual_language.py`` checks it. With more than
``len(FIELD_PALETTE)`` fields the colours repeat, in a lighter tint (:func:`field_colour`),
and the band labels carry the difference.

>>> field_colour(0), field_colour(1)
('#0072b2', '#009e73')
>>> explorer_style()["marks"]["cross_field"]
'#d55e00'
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "CATEGORY_COLOURS",
    "CROSS_FIELD",
    "FIELD_PALETTE",
    "GHOST",
    "HIGHLIGHT",
    "INFERRED",
    "INK",
    "KIND_SHAPES",
    "MIN_DELTA_E",
    "explorer_style",
    "field_colour",
    "field_colours",
]

#: Node fills and band tints of the fields, in the roadmap's field order (Okabe–Ito blue,
#: bluish green, orange, sky blue; Tol indigo and wine).
FIELD_PALETTE = ("#0072b2", "#009e73", "#e69f00", "#56b4e9", "#332288", "#882255")
#: What joins fields: cross-field requirement links, convergence points.
CROSS_FIELD = "#d55e00"
#: What the reader asked for: highlighted and selected nodes (a halo), search hits.
HIGHLIGHT = "#f0e442"
#: Ink: stated links, gateway rings, bottleneck badges, the inference ring, text.
INK = "#222222"
#: Inferred links (always dashed too).
INFERRED = "#8c8c8c"
#: Removed or filtered-away things, drawn as ghosts (with a glyph or note saying which).
GHOST = "#bbbbbb"
#: The colours that name a category; pairwise distinguishable under colour-vision deficiency.
CATEGORY_COLOURS = (*FIELD_PALETTE, CROSS_FIELD, HIGHLIGHT, INK, GHOST)
#: The least CAM02-UCS distance between two category colours, under normal vision and each
#: simulated deficiency (the palette reaches 11.7: blue and bluish green under tritanopia).
MIN_DELTA_E = 11.0

#: Shape of each node kind: matplotlib marker and cytoscape.js shape.
KIND_SHAPES = {
    "mission": ("s", "round-rectangle"),
    "core_technology": ("D", "diamond"),
    "enabling_technology": ("o", "ellipse"),
    "ecosystem_measure": ("^", "triangle"),
}

#: Line widths (points) and dash patterns shared by the figures; the explorer scales them.
REQUIRES_WIDTH = 1.1
SUPPORT_WIDTH = 0.8
CROSS_FIELD_WIDTH = 1.8
INFERRED_DASH = (0, (4.5, 2.5))
SUPPORT_DOTS = (0, (1, 1.8))
INFERENCE_RING_DASH = (0, (2.2, 1.6))
DEEP_GATEWAY_RING = 2.4
TRIVIAL_GATEWAY_RING = 0.9


def _tint(colour: str, amount: float = 0.45) -> str:
    """``colour`` mixed with white (``amount`` of white)."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (255 - c) * amount):02x}" for c in rgb)


def field_colour(position: int) -> str:
    """The colour of the field at ``position`` in the roadmap's field order: the palette,
    then the palette again in a lighter tint, and so on."""
    rounds, at = divmod(position, len(FIELD_PALETTE))
    colour = FIELD_PALETTE[at]
    return colour if rounds == 0 else _tint(colour, min(0.75, 0.35 * rounds))


def field_colours(fields: list[str]) -> dict[str, str]:
    """A colour for each field id, in the given order."""
    return {f: field_colour(i) for i, f in enumerate(fields)}


def explorer_style() -> dict[str, Any]:
    """The visual language as the explorer's script reads it (JSON-ready)."""
    return {
        "palette": list(FIELD_PALETTE),
        "shapes": {kind: shapes[1] for kind, shapes in KIND_SHAPES.items()},
        "marks": {
            "cross_field": CROSS_FIELD, "highlight": HIGHLIGHT, "ink": INK,
            "inferred": INFERRED, "ghost": GHOST,
        },
        "widths": {
            "requires": REQUIRES_WIDTH, "support": SUPPORT_WIDTH, "cross_field": CROSS_FIELD_WIDTH,
            "deep_gateway": DEEP_GATEWAY_RING, "trivial_gateway": TRIVIAL_GATEWAY_RING,
        },
    }  # fmt: skip
