"""The prerequisite chain against brute force, and by hand on the bundled roadmap."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import roadmap_graph as rg
from roadmap_graph.errors import UnknownNodeError

from .conftest import raises_en
from .strategies import roadmaps


def reachable_by_brute_force(G, start):
    seen, stack = {start}, [start]
    while stack:
        for v in G.succ[stack.pop()]:
            if v not in seen:
                seen.add(v)
                stack.append(v)
    return seen


def longest_paths_by_enumeration(G, start):
    """Length of the longest path from ``start`` to each node, by walking every path."""
    best = {start: 0}

    def walk(u, length):
        for v in G.succ[u]:
            if best.get(v, -1) < length + 1:
                best[v] = length + 1
            walk(v, length + 1)

    walk(start, 0)
    return best


@given(roadmaps(rich=False), st.data())
def test_chain_matches_brute_force(roadmap, data):
    G = rg.to_networkx(roadmap)
    missions = [n.id for n in roadmap.nodes if n.kind == "mission"]
    if not missions:
        return
    mission = data.draw(st.sampled_from(missions))
    chain = rg.prerequisite_chain(G, mission)
    reach = reachable_by_brute_force(G, mission)
    depth = longest_paths_by_enumeration(G, mission)
    assert {n.id for n in chain.nodes} == reach
    assert {n.id: n.depth for n in chain.nodes} == depth
    assert chain.nodes[0].id == mission and chain.nodes[0].depth == 0
    expected_edges = {(u, v) for u, v in G.edges if u in reach}
    assert {(e.source, e.target) for e in chain.edges} == expected_edges
    for e in chain.edges:
        assert e.relation == G.edges[e.source, e.target]["relation"]
        assert e.group == G.edges[e.source, e.target]["group"]
    # Depth counts requirement paths: no requirement edge goes up or stays level.
    by_id = {n.id: n.depth for n in chain.nodes}
    assert all(by_id[e.target] > by_id[e.source] for e in chain.edges)


def test_chain_json_shape_keeps_its_keys_and_only_gains(G):
    # The contract of issue 2, plus what the tree and the report show: link provenance, the
    # mission's gateways and targets; issue 10: each node's evidence, the stated gateways.
    chain = rg.prerequisite_chain(G, "bio_mission_vaccine")
    data = chain.to_dict()
    assert set(data) == {"mission", "nodes", "edges", "gateways", "targets", "stated_gateways"}
    assert all(set(n) == {"id", "kind", "field", "name", "name_en", "depth", "evidence"} for n in data["nodes"])
    assert all(set(e) == {"source", "target", "relation", "group", "provenance"} for e in data["edges"])
    assert data["gateways"] == list(rg.gateways(G).by_mission["bio_mission_vaccine"])
    assert data["targets"] == G.nodes["bio_mission_vaccine"]["targets"]


def test_bundled_gene_cell_therapy_chain_by_hand(G):
    # 임상 진입 → 유전자·세포치료 → {유전물질 전달 → {RNA 플랫폼, 바이러스 벡터}, 차세대 세포치료제};
    # the core technology is supported by joint research and regulatory science. The two
    # delivery routes are examples (등), plain parts of gene delivery, not alternatives.
    chain = rg.prerequisite_chain(G, "bio_mission_gene_cell_therapy")
    assert {n.id: n.depth for n in chain.nodes} == {
        "bio_mission_gene_cell_therapy": 0,
        "bio_gene_cell_therapy": 1,
        "bio_gene_delivery": 2,
        "next_gen_cell_therapy": 2,
        "bio_global_joint_research": 2,
        "bio_regulatory_science": 2,
        "rna_platform": 3,
        "viral_vector": 3,
    }
    routes = {(e.target, e.group, e.provenance) for e in chain.edges if e.source == "bio_gene_delivery"}
    assert routes == {("rna_platform", None, "stated"), ("viral_vector", None, "stated")}
    tree = chain.tree("ko")
    assert "다음 중 하나" not in tree and "RNA 플랫폼" in tree and "바이러스 벡터" in tree
    # only the two routes are stated; the mission → core → technology links are inferred
    assert {(e.source, e.target) for e in chain.edges if e.provenance == "stated"} == {
        ("bio_gene_delivery", "rna_platform"),
        ("bio_gene_delivery", "viral_vector"),
    }


def test_bundled_depth_is_the_longest_path(G):
    # 생성형 AI is reached at depth 3 (mission → 헬스데이터 → 신약후보 분석 → 생성형 AI), and
    # 한국인 바이오 빅데이터 both directly (depth 2) and through 신약후보 분석 (depth 3):
    # the longest path wins. bio_ai_workforce supports generative_ai, one level below it.
    depth = {n.id: n.depth for n in rg.prerequisite_chain(G, "bio_mission_health_data").nodes}
    assert depth["generative_ai"] == 3
    assert depth["korean_bio_big_data"] == 3
    assert depth["bio_ai_workforce"] == 4
    assert depth["cloud_optimization"] == 3


def test_bundled_industrial_ai_chain_is_just_its_core_and_measure(G):
    ids = [n.id for n in rg.prerequisite_chain(G, "ai_mission_industrial_ai").nodes]
    assert ids == ["ai_mission_industrial_ai", "ai_industrial_ai", "ai_literacy_education"]


def test_unknown_mission_gets_did_you_mean(G):
    with raises_en(UnknownNodeError, "did you mean 'bio_mission_synbio'"):
        rg.prerequisite_chain(G, "bio_mision_synbio")


def test_non_mission_is_refused_with_the_list_of_missions(G):
    with raises_en(UnknownNodeError, "is a core technology, not a mission; missions: ai_mission_agi"):
        rg.prerequisite_chain(G, "bio_synthetic_biology")
