"""Every way a roadmap file can be wrong gets one clear line: path:line:col, what, what to do."""

from __future__ import annotations

import json
import re

import pytest

import roadmap_graph as rg
from roadmap_graph.errors import RoadmapLoadError

from .conftest import HEADER


def problems_of(path: str | list[str]) -> list[str]:
    with pytest.raises(RoadmapLoadError) as info:
        rg.load_roadmap(path)
    return [p.render("en") for p in info.value.problems]


def one_problem(path: str) -> str:
    found = problems_of(path)
    assert len(found) == 1, found
    return found[0]


NODES = HEADER + "nodes:\n"

# (file text, where the problem must be reported: the first occurrence of this text,
#  words the message must contain)
CASES = {
    "duplicate_key": (
        NODES + "  - id: a\n    kind: mission\n    field: ai\n    name: 임무\n    name: 또\n",
        "name: 또", ["duplicate key 'name'", "line 10"],
    ),
    "not_a_mapping": ("- a\n- b\n", "- a", ["must be a mapping", "list"]),
    "unknown_schema_version": (
        "schema_version: 2\nroadmap: {id: x, title: t}\n", "2\nroadmap",
        ["unknown schema_version 2", "schema_version 1"],
    ),
    "unknown_key": (
        NODES + "  - {id: a, kind: mission, field: ai, name: 임무, requirs: [b]}\n",
        "requirs", ["unknown key 'requirs'", "did you mean 'requires'", "allowed keys:"],
    ),
    "missing_required_key": (
        NODES + "  - {id: a, kind: mission, field: ai}\n", "{id: a, kind", ["missing required key 'name'"],
    ),
    "missing_roadmap_title": (
        "schema_version: 1\nroadmap:\n  id: x\n", "id: x", ["missing required key 'title'", "roadmap"],
    ),
    "bad_kind": (
        NODES + "  - {id: a, kind: core_tech, field: ai, name: 기술}\n",
        "core_tech,", ["kind must be one of", "'core_technology'", "'core_tech'"],
    ),
    "bad_field": (
        NODES + "  - {id: a, kind: mission, field: bi, name: 임무}\n",
        "bi,", ["field 'bi'", "not declared", "did you mean"],
    ),
    "bad_id": (NODES + "  - {id: AI-1, kind: mission, field: ai, name: 임무}\n", "AI-1", ["'AI-1'", "not a valid id"]),
    "unknown_reference": (
        NODES
        + "  - {id: m, kind: mission, field: ai, name: 임무, requires: [ai_efficent_learning]}\n"
        + "  - {id: ai_efficient_learning, kind: core_technology, field: ai, name: 기술}\n",
        "ai_efficent_learning", ["unknown node 'ai_efficent_learning'", "did you mean 'ai_efficient_learning'"],
    ),
    "unknown_source": (
        NODES + "  - {id: a, kind: mission, field: ai, name: 임무, sources: [{source: scr}]}\n",
        "scr}", ["unknown source 'scr'", "did you mean 'src'"],
    ),
    "duplicate_id": (
        NODES
        + "  - {id: a, kind: mission, field: ai, name: 임무}\n"
        + "  - {id: a, kind: mission, field: bio, name: 다른 임무}\n",
        "a, kind: mission, field: bio", ["node id 'a' is defined twice", ":7:5)"],
    ),
    "requires_a_mission": (
        NODES
        + "  - {id: a, kind: mission, field: ai, name: 임무, requires: [b]}\n"
        + "  - {id: b, kind: mission, field: ai, name: 임무2}\n",
        "b]}", ["nothing may require a mission"],
    ),
    "measure_in_requires": (
        NODES
        + "  - {id: t, kind: core_technology, field: ai, name: 기술, requires: [m]}\n"
        + "  - {id: m, kind: ecosystem_measure, field: ai, name: 방안}\n",
        "m]}", ["ecosystem measure 'm'", "move it to 'supported_by'"],
    ),
    "measure_requires": (
        NODES
        + "  - {id: m, kind: ecosystem_measure, field: ai, name: 방안, requires: [t]}\n"
        + "  - {id: t, kind: core_technology, field: ai, name: 기술}\n",
        "[t]}", ["is an ecosystem measure", "leaf"],
    ),
    "supported_by_technology": (
        NODES
        + "  - {id: t, kind: core_technology, field: ai, name: 기술, supported_by: [u]}\n"
        + "  - {id: u, kind: enabling_technology, field: ai, name: 세부}\n",
        "u]}", ["'supported_by' names ecosystem measures only", "the enabling technology 'u'"],
    ),
    "target_without_number_or_year": (
        NODES + "  - {id: a, kind: mission, field: ai, name: 임무, targets: [{metric: 탐지율}]}\n",
        "{metric: 탐지율}", ["a target needs a number (value) or a year (by)"],
    ),
    "year_not_a_number": (
        NODES + "  - {id: a, kind: mission, field: ai, name: 임무, targets: [{metric: x, by: '2030'}]}\n",
        "'2030'", ["whole number", "'2030'"],
    ),
    "bad_comparator": (
        NODES
        + "  - {id: a, kind: mission, field: ai, name: 임무, targets: [{metric: x, value: 1, comparator: '>'}]}\n",
        "'>'", ["comparator must be one of", "'>='"],
    ),
    "cycle": (
        NODES
        + "  - {id: a, kind: core_technology, field: ai, name: 가, requires: [b]}\n"
        + "  - {id: b, kind: enabling_technology, field: ai, name: 나, requires: [c]}\n"
        + "  - {id: c, kind: enabling_technology, field: bio, name: 다, requires: [a]}\n",
        "a, kind", ["requirement cycle: a → b → c → a"],
    ),
    "self_reference": (
        NODES + "  - {id: a, kind: core_technology, field: ai, name: 가, requires: [a]}\n",
        "a]}", ["names itself"],
    ),
    "listed_twice": (
        NODES
        + "  - {id: a, kind: core_technology, field: ai, name: 가, requires: [b], any_of: [[b, c]]}\n"
        + "  - {id: b, kind: enabling_technology, field: ai, name: 나}\n"
        + "  - {id: c, kind: enabling_technology, field: ai, name: 다}\n",
        "b, c]]", ["names 'b' twice"],
    ),
    "category_on_technology": (
        NODES + "  - {id: a, kind: core_technology, field: ai, name: 가, category: data}\n",
        "data}", ["the core technology 'a' has a 'category'; only an ecosystem measure has one"],
    ),
    "link_not_id_or_mapping": (
        NODES + "  - {id: a, kind: core_technology, field: ai, name: 가, requires: [[b]]}\n",
        "[b]]", ["must be a node id or a mapping"],
    ),
}


def position_of(text: str, anchor: str) -> tuple[int, int]:
    """1-based line and column of the first occurrence of ``anchor`` in ``text``."""
    index = text.index(anchor)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_error_has_its_message_and_position(write, case):
    text, anchor, words = CASES[case]
    path = write("roadmap.yaml", text)
    message = one_problem(path)
    line, column = position_of(text, anchor)
    assert message.startswith(f"{path}:{line}:{column}: error: "), message
    for w in words:
        assert w in message, (w, message)


def test_yaml_syntax_error_has_the_line(write):
    path = write("r.yaml", "schema_version: 1\nroadmap: {id: x, title: t\nnodes: []\n")
    message = one_problem(path)
    assert message.startswith(f"{path}:3:") and "YAML syntax error" in message


def test_empty_file(write):
    path = write("empty.yaml", "# only a comment\n")
    assert one_problem(path).startswith(f"{path}:1:1: error: the file is empty")


def test_not_utf8_points_at_the_byte(write):
    path = write("cp949.yaml", b"schema_version: 1\nroadmap: {id: x, title: " + "한글".encode("cp949") + b"}\n")
    message = one_problem(path)
    assert message.startswith(f"{path}:2:25: error: the file is not UTF-8")


def test_missing_file_is_a_problem_not_a_traceback(tmp_path):
    path = str(tmp_path / "nope.yaml")
    assert "cannot read the file" in one_problem(path)


def test_yes_no_stay_strings(write):
    path = write("r.yaml", HEADER + "nodes:\n  - {id: a, kind: mission, field: ai, name: NO, name_en: yes}\n")
    node = rg.load_roadmap(path).node("a")
    assert (node.name, node.name_en) == ("NO", "yes")


def test_all_problems_of_a_file_at_once(write):
    path = write(
        "r.yaml",
        HEADER
        + "nodes:\n"
        + "  - {id: a, kind: misson, field: ai, name: 가}\n"
        + "  - {id: b, kind: mission, field: ai}\n"
        + "  - {id: c, kind: mission, field: ai, name: 다, colour: red}\n",
    )
    found = problems_of(path)
    assert [int(re.match(rf"{re.escape(path)}:(\d+):", p).group(1)) for p in found] == [7, 8, 9]


def test_reference_problems_all_reported(write):
    path = write(
        "r.yaml",
        HEADER
        + "nodes:\n"
        + "  - {id: a, kind: mission, field: ai, name: 가, requires: [x, y]}\n"
        + "  - {id: b, kind: mission, field: nope, name: 나, requires: [a]}\n",
    )
    found = problems_of(path)
    assert len(found) == 4, found


def test_duplicate_id_across_files_names_both_places(write):
    a = write("a.yaml", HEADER + "nodes:\n  - {id: t, kind: core_technology, field: ai, name: 가}\n")
    b = write("b.yaml", HEADER + "nodes:\n  - {id: t, kind: core_technology, field: bio, name: 나}\n")
    (message,) = problems_of([a, b])
    assert message.startswith(f"{b}:7:10: error: node id 't' is defined twice (first at {a}:7:5)")


def test_field_conflict_across_files(write):
    a = write("a.yaml", HEADER)
    b = write("b.yaml", HEADER.replace("name: 인공지능", "name: AI"))
    (message,) = problems_of([a, b])
    assert message.startswith(f"{b}:4:") and "field 'ai' has a different name" in message


def test_problems_of_several_files_come_together(write):
    a = write("a.yaml", "schema_version: 1\nroadmap: {id: x}\n")
    b = write("b.yaml", "")
    found = problems_of([a, b])
    assert [p.split(":")[0] for p in found] == [a.split(":")[0], b.split(":")[0]]


def test_json_roadmap_errors_have_positions(write):
    path = write(
        "r.json",
        '{"schema_version": 1,\n "roadmap": {"id": "x", "title": "t"},\n "fields": [{"id": "ai", "name": "인공지능"}],\n'
        ' "nodes": [{"id": "a", "kind": "mision", "field": "ai", "name": "가"}]}\n',
    )
    message = one_problem(path)
    assert message.startswith(f"{path}:4:") and "kind must be one of" in message


def test_json_duplicate_key_is_an_error(write):
    path = write("r.json", '{"schema_version": 1, "roadmap": {"id": "x", "title": "t", "title": "u"}}\n')
    assert "duplicate key 'title'" in one_problem(path)


def test_built_in_code_roadmap_is_checked_by_to_networkx():
    roadmap = rg.Roadmap.model_validate(
        {
            "schema_version": 1,
            "roadmap": {"id": "x", "title": "t"},
            "fields": [{"id": "ai", "name": "인공지능"}],
            "nodes": [{"id": "a", "kind": "mission", "field": "ai", "name": "가", "requires": ["zz"]}],
        }
    )
    with pytest.raises(RoadmapLoadError) as info:
        rg.to_networkx(roadmap)
    assert "unknown node 'zz'" in info.value.render("en")
    assert "알 수 없는 노드 'zz'" in str(info.value)  # Korean unless asked otherwise


def test_valid_json_loads_without_pretending_to_know_lines(write, bundled):
    path = write("r.json", json.dumps(bundled.model_dump(mode="json"), ensure_ascii=False))
    roadmap = rg.load_roadmap(path)
    assert roadmap == bundled
    assert str(roadmap.node_locations["rna_platform"]) == path


def test_schema_and_reference_problems_come_in_one_run(write):
    # An unknown key on one node, a bad kind on another, and a dangling reference on a
    # third: all three in one run. A reference to the node whose kind is bad is not also
    # reported as unknown: that node exists, it is broken.
    text = (
        HEADER
        + "nodes:\n"
        + "  - {id: a, kind: mission, field: ai, name: 가, colour: red, requires: [b]}\n"
        + "  - {id: b, kind: core_tech, field: ai, name: 나}\n"
        + "  - {id: c, kind: mission, field: ai, name: 다, requires: [zz]}\n"
        + "  - {id: d, kind: core_technology, field: bi, name: 라}\n"
    )
    path = write("r.yaml", text)
    found = problems_of(path)
    assert len(found) == 4, found
    assert "unknown key 'colour'" in found[0] and found[0].startswith(f"{path}:7:")
    assert "kind must be one of" in found[1] and found[1].startswith(f"{path}:8:")
    assert "unknown node 'zz'" in found[2] and found[2].startswith(f"{path}:9:")
    assert "field 'bi'" in found[3] and found[3].startswith(f"{path}:10:")


def test_links_of_a_node_with_a_broken_target_are_still_checked(write):
    text = (
        HEADER
        + "nodes:\n"
        + "  - {id: m, kind: mission, field: ai, name: 임무, requires: [core, cor], targets: [{metric: 탐지율}]}\n"
        + "  - {id: core, kind: core_tech, field: ai, name: 중점}\n"
    )
    path = write("r.yaml", text)
    found = problems_of(path)
    assert len(found) == 3, found
    assert "unknown node 'cor'" in found[0] and "did you mean 'core'" in found[0]
    assert "a target needs a number" in found[1] and "kind must be one of" in found[2]
