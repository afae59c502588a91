"""Bottleneck components against brute force; ranking; bundled cases by hand."""

from __future__ import annotations

import networkx as nx
from hypothesis import assume, given
from hypothesis import strategies as st

import roadmap_graph as rg
from roadmap_graph.analyses.bottlenecks import BINDING, bottlenecks, path_counts
from roadmap_graph.graph.index import RoadmapIndex

from .oracles import killed_missions, missions_of, requirement_graph
from .strategies import roadmaps


@given(roadmaps(rich=False))
def test_components_match_brute_force(roadmap):
    G = rg.to_networkx(roadmap)
    R = requirement_graph(G)
    ms = missions_of(G)
    foundations = [n for n in R if R.out_degree(n) == 0]
    all_paths = [p for m in ms for f in foundations for p in (nx.all_simple_paths(R, m, f) if m != f else [[m]])]
    ranked = bottlenecks(G)
    assert {b.id for b in ranked} == {n for n, k in G.nodes(data="kind") if k in ("core_technology", "enabling_technology")}
    for b in ranked:
        dependents = {m for m in ms if b.id in nx.descendants(R, m)}
        assert b.mission_reach == len(dependents)
        assert sum(b.reach_by_field.values()) == len(dependents)
        assert set(b.critical_missions) == killed_missions(G, {b.id})
        through = sum(1 for p in all_paths if b.id in p)
        assert abs(b.path_share - (through / len(all_paths) if all_paths else 0)) < 1e-12
        sole = sum(
            1
            for u in G
            for group in _groups(G, u)
            if group == [b.id]
        )
        assert b.sole_provider_for == sole
        assert ("no_measure" in b.flags) == (not any(d["relation"] == "supported_by" for d in G.succ[b.id].values()))
        assert ("cross_field" in b.flags) == any(G.nodes[m]["field"] != b.field for m in dependents)
    keys = [(-b.binding, -b.mission_reach, -b.path_share, b.id) for b in ranked]
    assert keys == sorted(keys)


def _groups(G, u):
    groups: dict[object, list[str]] = {}
    for c, d in G.succ[u].items():
        if d["relation"] == "requires":
            groups.setdefault(("plain", c) if d["group"] is None else d["group"], []).append(c)
    return list(groups.values())


@given(roadmaps(rich=False), st.data())
def test_adding_an_edge_never_removes_a_dependent_mission(roadmap, data):
    G = rg.to_networkx(roadmap)
    techs = [n for n, k in G.nodes(data="kind") if k != "ecosystem_measure"]
    order = list(nx.topological_sort(G))
    pairs = [(u, v) for u in techs for v in techs if order.index(u) < order.index(v) and not G.has_edge(u, v) and G.nodes[v]["kind"] != "mission"]
    assume(pairs)
    u, v = data.draw(st.sampled_from(pairs))
    H = G.copy()
    H.add_edge(u, v, relation="requires", group=None, provenance=None, sources=[], note=None)
    before, after = RoadmapIndex(G), RoadmapIndex(H)
    assert before.missions == after.missions  # the same missions, so the same bits
    for n in G:
        assert before.mission_reach[before.at[n]] & ~after.mission_reach[after.at[n]] == 0


def test_path_counts_on_a_diamond():
    # m → a, m → b, a → c, b → c: two paths, both through c, one through each of a and b.
    roadmap = rg.loads_roadmap(
        """
schema_version: 1
roadmap: {id: x, title: t}
fields: [{id: ai, name: 인공지능}]
nodes:
  - {id: m, kind: mission, field: ai, name: 임무, requires: [a, b]}
  - {id: a, kind: core_technology, field: ai, name: 가, requires: [c]}
  - {id: b, kind: core_technology, field: ai, name: 나, requires: [c]}
  - {id: c, kind: enabling_technology, field: ai, name: 다}
"""
    )
    index = RoadmapIndex(rg.to_networkx(roadmap))
    up, down, total = path_counts(index)
    at = index.at
    assert total == 2 and up[at["c"]] == 2 and down[at["m"]] == 2 and up[at["a"]] * down[at["a"]] == 1


def test_bundled_bottlenecks_by_hand(G):
    ranked = {b.id: b for b in bottlenecks(G)}
    # 클라우드 최적화 serves an AI mission directly and a bio mission through the (inferred)
    # cloud analysis infrastructure: critical for both, no measure, no alternative.
    cloud = ranked["cloud_optimization"]
    assert cloud.reach_by_field == {"ai": 1, "bio": 1}
    assert set(cloud.flags) == {"critical", "no_measure", "no_alternative", "cross_field"}
    assert bottlenecks(G)[0].id == "cloud_optimization"
    # The release names the viral vector and the RNA platform as examples (등) of gene
    # delivery, not alternatives: each is a plain part of it, so each is critical for the
    # clinical-entry mission and the only provider of gene delivery's need for it.
    viral = ranked["viral_vector"]
    assert viral.critical_missions == ("bio_mission_gene_cell_therapy",) and viral.sole_provider_for == 1
    assert set(viral.flags) & set(BINDING) == {"critical", "no_measure", "no_alternative"}
    rna = ranked["rna_platform"]  # also under the mRNA platform: gene therapy and vaccines
    assert rna.critical_missions == ("bio_mission_gene_cell_therapy", "bio_mission_vaccine") and rna.sole_provider_for == 2
    # the top three are unchanged by the corrections: they rest on inferred links (issue 10)
    assert [b.id for b in bottlenecks(G)[:3]] == ["cloud_optimization", "data_robustness", "rna_platform"]
    # 합성생물학 is supported by the bio–AI workforce measure.
    assert "no_measure" not in ranked["bio_synthetic_biology"].flags
