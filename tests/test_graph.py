"""to_networkx: the attributes and conventions the analyses rely on."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from hypothesis import given

import roadmap_graph as rg

from .conftest import HEADER, examples
from .strategies import roadmaps


@given(roadmaps())
def test_one_edge_per_link_pointing_to_the_prerequisite(roadmap):
    G = rg.to_networkx(roadmap)
    assert set(G) == {n.id for n in roadmap.nodes}
    expected = {}
    for node in roadmap.nodes:
        for relation, group, link in node.links():
            # a bare link is no surer than its node and never inherits stated
            expected[(node.id, link.id)] = (relation, group, link.provenance or ("inferred" if node.provenance == "inferred" else None))
    got = {(u, v): (d["relation"], d["group"], d["provenance"]) for u, v, d in G.edges(data=True)}
    assert got == expected
    for node in roadmap.nodes:
        d = G.nodes[node.id]
        assert (d["kind"], d["field"], d["name"], d["name_en"]) == (node.kind, node.field, node.name, node.name_en)


def test_node_attributes_on_the_bundled_roadmap(G, bundled):
    d = G.nodes["ai_mission_trustworthy"]
    assert d["kind"] == "mission" and d["field"] == "ai"
    assert d["targets"][0]["value"] == 90 and d["targets"][0]["by"] == 2030
    assert d["location"] == str(bundled.node_locations["ai_mission_trustworthy"])
    path, line, column = d["location"].rsplit(":", 2)
    text = Path(path).read_text(encoding="utf-8").splitlines()[int(line) - 1]
    assert text[int(column) - 1 :].startswith("id: ai_mission_trustworthy")
    assert G.graph["fields"]["bio"]["name"] == "첨단바이오"
    assert G.graph["roadmap"]["horizon"] == 2030


def test_a_link_carries_its_own_provenance_and_sources_not_its_nodes(G):
    edge = G.edges["ai_safe_trustworthy", "explainable_ai"]
    assert edge["provenance"] == "inferred" and edge["note"]  # the node is stated; the link is not
    assert edge["sources"] and edge["sources"] != G.nodes["ai_safe_trustworthy"]["sources"]
    explicit = G.edges["mrna_platform", "rna_platform"]
    assert explicit["provenance"] == "inferred" and explicit["note"]


def _plain_build(roadmap: rg.Roadmap) -> nx.DiGraph:
    """The graph built the obvious way, one dump and one add per part: the oracle."""
    fields = {}
    for f in roadmap.fields:
        location = roadmap.field_locations.get(f.id)
        fields[f.id] = {**f.model_dump(mode="json", exclude={"id"}), "location": str(location) if location else None}
    G = nx.DiGraph(roadmap=roadmap.roadmap.model_dump(mode="json"), fields=fields)
    for node in roadmap.nodes:
        location = roadmap.node_locations.get(node.id)
        G.add_node(
            node.id,
            kind=node.kind,
            field=node.field,
            name=node.name,
            name_en=node.name_en,
            description=node.description,
            description_en=node.description_en,
            category=node.category,
            targets=[
                {**t.model_dump(mode="json"), "bound": t.kind, "comparator": {"at_least": ">=", "up_to": "<=", "exactly": "=="}.get(t.kind)}
                for t in node.targets
            ],
            provenance=node.provenance,
            sources=[s.model_dump(mode="json") for s in node.sources],
            location=str(location) if location else None,
            ignore=[s.model_dump(mode="json") for s in node.ignore],
        )
    for node in roadmap.nodes:
        for relation, group, link in node.links():
            G.add_edge(
                node.id,
                link.id,
                relation=relation,
                group=group,
                provenance=link.provenance or ("inferred" if node.provenance == "inferred" else None),
                sources=[s.model_dump(mode="json") for s in link.sources],
                note=link.note,
            )
    return G


@examples(100)
@given(roadmaps())
def test_the_graph_is_the_plain_per_part_build(roadmap):
    G, expected = rg.to_networkx(roadmap), _plain_build(roadmap)
    assert G.graph == expected.graph
    assert list(G.nodes(data=True)) == list(expected.nodes(data=True))
    assert list(G.edges(data=True)) == list(expected.edges(data=True))


def test_the_bundled_graph_is_the_plain_per_part_build(G, bundled):
    expected = _plain_build(bundled)
    assert any(d["sources"] for _, d in expected.nodes(data=True))
    assert G.graph == expected.graph
    assert list(G.nodes(data=True)) == list(expected.nodes(data=True))
    assert list(G.edges(data=True)) == list(expected.edges(data=True))


def test_a_graph_with_every_kind_of_part_is_the_plain_per_part_build():
    roadmap = rg.loads_roadmap(
        HEADER
        + """\
nodes:
  - id: m
    kind: mission
    field: ai
    name: 임무
    provenance: stated
    sources: [{source: src, quote: 원문}]
    ignore: [{code: RG201, reason: 사유}]
    targets: [{metric: 지표, value: 1.0, sources: [{source: src}]}]
    requires: [a, {id: b, provenance: inferred, note: 메모, sources: [{source: src, note: n}]}]
    any_of: [[a2, b2]]
  - {id: a, kind: core_technology, field: ai, name: 가, supported_by: [e]}
  - {id: b, kind: core_technology, field: ai, name: 나}
  - {id: a2, kind: enabling_technology, field: bio, name: 다}
  - {id: b2, kind: enabling_technology, field: bio, name: 라}
  - {id: e, kind: ecosystem_measure, field: ai, name: 마, category: data}
""",
        path="every.yaml",
    )
    G, expected = rg.to_networkx(roadmap), _plain_build(roadmap)
    assert G.graph == expected.graph
    assert list(G.nodes(data=True)) == list(expected.nodes(data=True))
    assert list(G.edges(data=True)) == list(expected.edges(data=True))
    assert G.edges["m", "a"]["sources"] == [] and G.edges["m", "a"]["provenance"] is None  # bare: unknown
    assert G.nodes["m"]["targets"][0]["bound"] == "at_least"
