"""Targets read as a person writes them, in both languages: the kind of bound (at least, up
to, exactly, a milestone with no number), the number and its unit."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import roadmap_graph as rg
from roadmap_graph.cli import cli
from roadmap_graph.errors import RoadmapLoadError
from roadmap_graph.fileformat.model import BOUNDS, COMPARATOR_BOUND, Target
from roadmap_graph.vocabulary import UNITS, format_bound, format_quantity, format_target, target_bound, text

from .conftest import examples, raises_en

HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")


def target(**values) -> dict:
    """A target as the graph holds it (bound and comparator filled in by the build)."""
    return rg.to_networkx(_roadmap(Target(**values))).nodes["m"]["targets"][0]


def _roadmap(t: Target) -> rg.Roadmap:
    return rg.Roadmap(
        schema_version=1,
        roadmap=rg.RoadmapInfo(id="r", title="로드맵"),
        fields=(rg.FieldInfo(id="ai", name="인공지능"),),
        nodes=(rg.Node(id="m", kind="mission", field="ai", name="임무", targets=(t,)),),
    )


# --- every bound kind, both languages ----------------------------------------------------

CASES = [
    # (target, Korean, English)
    ({"metric": "규모", "metric_en": "Size", "value": 1_000_000, "unit": "명", "bound": "at_least", "by": 2030},
     "규모: 1,000,000명 이상 (기한 2030)", "Size: at least 1,000,000 people (by 2030)"),
    ({"metric": "효율", "metric_en": "Efficiency", "value": 10, "unit": "배", "bound": "up_to", "by": 2030},
     "효율: 최대 10배 (기한 2030)", "Efficiency: up to 10× (by 2030)"),
    ({"metric": "탐지율", "metric_en": "Detection rate", "value": 90, "unit": "%", "bound": "at_least"},
     "탐지율: 90% 이상", "Detection rate: at least 90%"),
    ({"metric": "과제", "metric_en": "Projects", "value": 5, "unit": "건", "bound": "exactly", "by": 2027},
     "과제: 5건 (기한 2027)", "Projects: exactly 5 cases (by 2027)"),
    ({"metric": "임상 진입", "metric_en": "Clinical entry", "by": 2030},
     "임상 진입 (기한 2030)", "Clinical entry (by 2030)"),
    ({"metric": "임상 진입", "metric_en": "Clinical entry", "bound": "milestone", "by": 2030},
     "임상 진입 (기한 2030)", "Clinical entry (by 2030)"),
    ({"metric": "에너지 밀도", "metric_en": "Energy density", "value": 350, "unit": "Wh/kg", "bound": "at_least"},
     "에너지 밀도: 350 Wh/kg 이상", "Energy density: at least 350 Wh/kg"),
    ({"metric": "비용", "metric_en": "Cost", "value": 1.5, "unit": "억원", "unit_en": "hundred million won", "bound": "up_to"},
     "비용: 최대 1.5억원", "Cost: up to 1.5 hundred million won"),
    ({"metric": "시험장", "metric_en": "Test sites", "value": 1, "unit": "곳", "bound": "at_least"},
     "시험장: 1곳 이상", "Test sites: at least 1 site"),
]


@pytest.mark.parametrize(("values", "ko", "en"), CASES)
def test_each_bound_reads_naturally(values, ko, en):
    t = target(**values)
    assert format_target(t, "ko") == ko
    assert format_target(t, "en") == en


@pytest.mark.parametrize(("comparator", "bound"), sorted(COMPARATOR_BOUND.items()))
def test_the_older_comparator_keeps_working(comparator, bound):
    t = target(metric="m", value=10, unit="배", comparator=comparator)
    assert t["bound"] == bound and t["comparator"] == comparator
    both = target(metric="m", value=10, unit="배", comparator=comparator, bound=bound)
    assert format_target(both, "en") == format_target(t, "en")
    # a target without bound or comparator is "at least" (the old default) and says so
    assert target(metric="m", value=10)["bound"] == "at_least"


def test_milestones_have_no_comparator_in_the_graph():
    assert target(metric="m", by=2030)["comparator"] is None
    assert target(metric="m", by=2030)["bound"] == "milestone"


@pytest.mark.parametrize("unit", sorted(UNITS))
def test_every_unit_has_both_languages(unit):
    ko_many, en_many = format_quantity(3, unit, "ko"), format_quantity(3, unit, "en")
    assert ko_many.startswith("3") and en_many.startswith("3")
    assert not HANGUL.search(en_many), (unit, en_many)
    assert ko_many == f"3{unit}"  # Korean units and symbols stick to the number
    one = format_quantity(1, unit, "en")
    assert not HANGUL.search(one) and (one != f"1 {en_many[2:]}" or unit in ("%", "배", "원"))


def test_units_that_are_symbols_stick_to_the_number_in_english():
    assert format_quantity(50, "%", "en") == "50%"
    assert format_quantity(10, "배", "en") == "10×"
    assert format_quantity(2, "명", "en") == "2 people" and format_quantity(1, "명", "en") == "1 person"
    assert format_quantity(1_000_000, "명", "ko") == "1,000,000명"
    assert format_quantity(2.5, None, "en") == "2.5"


def test_an_unknown_unit_is_the_authors_word_or_its_english():
    assert format_quantity(3, "대", "en") == "3대"  # the author's word, as written
    assert format_quantity(3, "대", "en", unit_en="vehicles") == "3 vehicles"
    assert format_quantity(3, "대", "ko", unit_en="vehicles") == "3대"


@given(
    value=st.integers(min_value=0, max_value=10**9) | st.floats(min_value=0.01, max_value=1e6, allow_nan=False),
    unit=st.sampled_from(sorted(UNITS)),
    bound=st.sampled_from(["at_least", "up_to", "exactly"]),
)
@examples(300)
def test_english_bounds_never_show_hangul_and_always_say_their_kind(value, unit, bound):
    t = {"metric": "지표", "metric_en": "metric", "value": value, "unit": unit, "bound": bound}
    en = format_target(t, "en")
    assert not HANGUL.search(en), en
    words = {"at_least": "at least ", "up_to": "up to ", "exactly": "exactly "}
    assert en.startswith(f"metric: {words[bound]}")
    ko = format_bound(t, "ko")
    assert ko.endswith(" 이상") if bound == "at_least" else ko.startswith("최대 ") if bound == "up_to" else " " not in ko or unit not in ("%", "배", "명")


def test_target_bound_reads_older_dicts():
    assert target_bound({"value": 1, "comparator": "<="}) == "up_to"
    assert target_bound({"value": 1}) == "at_least"
    assert target_bound({"value": None, "comparator": ">="}) == "milestone"
    assert set(BOUNDS) == {"at_least", "up_to", "exactly", "milestone"}
    for bound in BOUNDS:
        assert text(f"bound.{bound}", "en", quantity="x") and text(f"bound.{bound}", "ko", quantity="x")


# --- the file format: bound and comparator agree, milestones have no number ------------------

BAD = {
    "milestone_with_value": ("{metric: x, value: 3, bound: milestone, by: 2030}", "has no number (value)"),
    "bound_without_value": ("{metric: x, bound: up_to, by: 2030}", "bound: up_to needs a number (value)"),
    "disagreeing": ("{metric: x, value: 3, bound: up_to, comparator: '>='}", "bound: up_to and comparator: >= disagree"),
    "unknown_bound": ("{metric: x, value: 3, bound: at_most}", "at_least"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_bounds_are_located_and_explained(write, name):
    targets, expected = BAD[name]
    path = write(
        "r.yaml",
        "schema_version: 1\nroadmap: {id: r, title: 로드맵}\nfields: [{id: ai, name: 인공지능}]\nnodes:\n"
        f"  - {{id: m, kind: mission, field: ai, name: 임무, targets: [{targets}]}}\n",
    )
    with raises_en(RoadmapLoadError, re.escape(expected)) as info:
        rg.load_roadmap(path)
    message = info.value.render("en")
    assert message.startswith(f"{path}:5:")  # located on the target's line
    assert not HANGUL.search(message), message


def test_a_source_file_must_stay_beside_the_roadmap(write):
    for bad in ("/etc/passwd", "../secret.txt", "a/../../b.txt", "C:/x.txt"):
        path = write(
            "r.yaml",
            f"schema_version: 1\nroadmap: {{id: r, title: 로드맵, sources: [{{id: s, file: '{bad}'}}]}}\n",
        )
        with raises_en(RoadmapLoadError, "relative to the roadmap file's folder"):
            rg.load_roadmap(path)


# --- the bundled roadmap and the command line ----------------------------------------------


def test_bundled_targets_read_naturally(G):
    shown = {m: [format_target(t, lang) for t in d["targets"] for lang in ("ko", "en")] for m, d in G.nodes(data=True) if d["kind"] == "mission"}
    assert "바이오부품(유전체·단백질 등) 설계·생산효율 향상: 최대 10배 (기한 2030)" in shown["bio_mission_synbio"]
    assert any(s.endswith(": up to 10× (by 2030)") for s in shown["bio_mission_synbio"])
    assert "한국인 바이오 빅데이터 구축 규모: 1,000,000명 이상 (기한 2030)" in shown["bio_mission_health_data"]
    assert "Size of the Korean bio big data: at least 1,000,000 people (by 2030)" in shown["bio_mission_health_data"]
    assert any(s.endswith("at least 90% (by 2030)") for s in shown["ai_mission_trustworthy"])
    assert any(s.endswith("50% 이상 (기한 2030)") for s in shown["ai_mission_efficient_learning"])
    for lines in shown.values():
        assert not any("≤" in s or "≥" in s or " 배" in s or " 명" in s for s in lines)


def _authors_words(G) -> list[str]:
    """Everything the roadmap's author wrote that English output may quote as written."""
    words = []
    for _, d in G.nodes(data=True):
        words += [d["name"], d.get("description") or ""]
        for t in d.get("targets") or []:
            words += [t["metric"], t.get("unit") or ""]
    info = G.graph["roadmap"]
    words += [info["title"]]
    for f in G.graph["fields"].values():
        words += [f["name"], f.get("goal") or ""]
    return sorted((w for w in words if w), key=len, reverse=True)


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_bundled_summary_in_english_has_no_hangul_but_the_authors_words(G, fmt):
    result = CliRunner().invoke(cli, ["--lang", "en", "summary", "--format", fmt])
    assert result.exit_code == 0, result.output
    out = result.output
    if fmt == "json":  # the JSON carries the Korean data itself: only its keys are checked
        import json

        data = json.loads(out)
        assert "decision" in data["roadmap"] and data["stated_edges"] == 9
        assert [t["bound"] for m in data["missions"] for t in m["targets"]].count("milestone") == 4
        return
    for word in _authors_words(G):
        out = out.replace(word, "")
    assert not HANGUL.search(out), HANGUL.findall(out)[:20]
    if fmt == "table":
        assert "up to 10×" in result.output and "at least 1,000,000 people" in result.output
        assert "At the 4th meeting of the Special Committee on National Strategic Technologies" in result.output
