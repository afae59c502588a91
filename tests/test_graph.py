"""to_networkx: the attributes and conventions the analyses rely on."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given

import roadmap_graph as rg

from .strategies import roadmaps


@given(roadmaps())
def test_one_edge_per_link_pointing_to_the_prerequisite(roadmap):
    G = rg.to_networkx(roadmap)
    assert set(G) == {n.id for n in roadmap.nodes}
    expected = {}
    for node in roadmap.nodes:
        for relation, group, link in node.links():
            expected[(node.id, link.id)] = (relation, group, link.provenance or node.provenance)
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


def test_bare_link_inherits_the_declaring_nodes_provenance_and_sources(G):
    edge = G.edges["ai_safe_trustworthy", "explainable_ai"]
    assert edge["provenance"] == "stated"
    assert edge["sources"] == G.nodes["ai_safe_trustworthy"]["sources"]
    explicit = G.edges["mrna_platform", "rna_platform"]
    assert explicit["provenance"] == "inferred" and explicit["note"]
