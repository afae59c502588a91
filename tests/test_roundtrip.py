"""Load → dump → load gives an equal roadmap, and Korean text is normalised to NFC."""

from __future__ import annotations

import unicodedata

from hypothesis import given

import roadmap_graph as rg

from .strategies import roadmaps


@given(roadmaps())
def test_dump_then_load_gives_an_equal_roadmap(roadmap):
    text = rg.dump_roadmap(roadmap)
    again = rg.loads_roadmap(text, path="dumped.yaml")
    assert again == roadmap
    assert rg.dump_roadmap(again) == text


def test_bundled_roadmap_round_trips(bundled):
    again = rg.loads_roadmap(rg.dump_roadmap(bundled), path="dumped.yaml")
    assert again == bundled
    assert len(again.nodes) == len(bundled.nodes)


def test_equality_ignores_where_a_roadmap_was_read(bundled):
    again = rg.loads_roadmap(rg.dump_roadmap(bundled), path="elsewhere.yaml")
    assert again.node_locations["ai_industrial_ai"] != bundled.node_locations["ai_industrial_ai"]
    assert again == bundled


def test_korean_is_normalised_to_nfc(write):
    decomposed = unicodedata.normalize("NFD", "인공지능")
    assert decomposed != "인공지능"
    path = write(
        "nfd.yaml",
        f"schema_version: 1\nroadmap: {{id: x, title: {decomposed}}}\n"
        f"fields: [{{id: ai, name: {decomposed}}}]\n",
    )
    roadmap = rg.load_roadmap(path)
    assert roadmap.roadmap.title == "인공지능" == roadmap.fields[0].name


def test_several_files_load_as_one_roadmap(write, bundled):
    text = rg.dump_roadmap(bundled)
    head, _, nodes = text.partition("\nnodes:\n")
    lines = nodes.split("\n  - id: ")
    first = head + "\nnodes:\n" + "\n  - id: ".join(lines[:20])
    second = head + "\nnodes:\n  - id: " + "\n  - id: ".join(lines[20:])
    merged = rg.load_roadmap([write("a.yaml", first), write("b.yaml", second)])
    assert merged == bundled
    assert merged.node_locations[bundled.nodes[-1].id].path.endswith("b.yaml")


def test_a_json_file_and_a_yaml_file_load_as_one_roadmap_with_each_nodes_location(write, bundled):
    import json

    data = bundled.model_dump(mode="json")
    first = {**data, "nodes": data["nodes"][:20]}
    text = rg.dump_roadmap(bundled)
    head, _, nodes = text.partition("\nnodes:\n")
    second = head + "\nnodes:\n  - id: " + "\n  - id: ".join(nodes.split("\n  - id: ")[20:])
    a = write("a.json", json.dumps(first, ensure_ascii=False))
    b = write("b.yaml", second)
    merged = rg.load_roadmap([a, b])
    assert merged == bundled
    assert str(merged.node_locations[bundled.nodes[0].id]) == a  # valid JSON: no line is known
    last = merged.node_locations[bundled.nodes[-1].id]
    assert last.path == b and last.line is not None
    assert str(merged.field_locations["ai"]) == a
    G = rg.to_networkx(merged)
    assert G.nodes[bundled.nodes[-1].id]["location"] == str(last)
