"""The visual language's palette stays readable under colour-vision deficiency.

Every pair of category colours (field fills, the two mark colours, ink and ghost grey) must
differ by at least ``MIN_DELTA_E`` in CAM02-UCS under normal vision and under simulated
deuteranopia, protanopia and tritanopia at full severity (colorspacious implements Machado
et al. 2009). ΔE ≈ 2 is a just-noticeable difference for patches side by side; 11 keeps
small marks (a ring, a 6-px node) apart at a glance.
"""

from __future__ import annotations

import itertools

import pytest

from roadmap_graph.vocabulary import visual

colorspacious = pytest.importorskip("colorspacious")

DEFICIENCIES = ("deuteranomaly", "protanomaly", "tritanomaly")


def _rgb(colour: str) -> tuple[float, float, float]:
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return (r, g, b)


def _seen(colour: str, deficiency: str | None) -> tuple[float, float, float]:
    rgb = _rgb(colour)
    if deficiency is None:
        return rgb
    space = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}
    seen = colorspacious.cspace_convert(rgb, space, "sRGB1")
    return tuple(min(1.0, max(0.0, float(c))) for c in seen)  # type: ignore[return-value]


@pytest.mark.parametrize("deficiency", [None, *DEFICIENCIES])
def test_category_colours_stay_apart(deficiency: str | None) -> None:
    close = []
    for a, b in itertools.combinations(visual.CATEGORY_COLOURS, 2):
        distance = float(colorspacious.deltaE(_seen(a, deficiency), _seen(b, deficiency), input_space="sRGB1"))
        if distance < visual.MIN_DELTA_E:
            close.append((a, b, round(distance, 1)))
    assert not close, f"under {deficiency or 'normal vision'}: {close}"


def test_the_check_can_fail() -> None:
    """The old palette failed it: its red bottleneck ring and bio green merge under
    deuteranopia, its AI blue and quantum purple under protanopia."""

    def apart(a: str, b: str, deficiency: str) -> float:
        return float(colorspacious.deltaE(_seen(a, deficiency), _seen(b, deficiency), input_space="sRGB1"))

    assert apart("#d62728", "#2ca02c", "deuteranomaly") < visual.MIN_DELTA_E
    assert apart("#1f77b4", "#9467bd", "protanomaly") < visual.MIN_DELTA_E


def test_category_colours_are_distinct_and_valid() -> None:
    assert len({c.upper() for c in visual.CATEGORY_COLOURS}) == len(visual.CATEGORY_COLOURS)
    for colour in visual.CATEGORY_COLOURS:
        assert len(colour) == 7 and colour[0] == "#"
        int(colour[1:], 16)


def test_field_colours_repeat_lighter_beyond_the_palette() -> None:
    n = len(visual.FIELD_PALETTE)
    colours = [visual.field_colour(i) for i in range(3 * n)]
    assert colours[:n] == list(visual.FIELD_PALETTE)
    assert len(set(colours)) == 3 * n
    for i in range(n, 3 * n):  # a tint: every channel at least as light as the base colour
        assert all(c >= b for c, b in zip(_rgb(colours[i]), _rgb(colours[i - n])))


def test_explorer_style_is_json_ready() -> None:
    import json

    style = visual.explorer_style()
    assert json.loads(json.dumps(style)) == style
    assert set(style["shapes"]) == set(visual.KIND_SHAPES)
