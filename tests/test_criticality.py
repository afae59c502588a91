"""Criticality (single points of failure) against removing each node, metamorphic checks,
and bundled cases by hand."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

import roadmap_graph as rg
from roadmap_graph.analyses.criticality import criticality

from .oracles import killed_missions
from .strategies import roadmaps


@given(roadmaps(rich=False))
def test_criticality_matches_removing_each_node(roadmap):
    G = rg.to_networkx(roadmap)
    crit = criticality(G)
    for x in G:
        assert crit.missions(x) == killed_missions(G, {x}), x
        assert crit.count(x) == len(crit.missions(x))


@given(roadmaps(rich=False), st.data())
def test_adding_an_alternative_never_adds_a_failure_point(roadmap, data):
    G = rg.to_networkx(roadmap)
    groups = sorted({(u, d["group"]) for u, _, d in G.edges(data=True) if d["group"] is not None})
    assume(groups)
    owner, group = data.draw(st.sampled_from(groups))
    # a brand-new foundation as another alternative in that group
    H = G.copy()
    H.add_node("extra", kind="enabling_technology", field=G.nodes[owner]["field"], name="새 대안")
    H.add_edge(owner, "extra", relation="requires", group=group, provenance=None, sources=[], note=None)
    before, after = criticality(G), criticality(H)
    for x in G:
        assert after.missions(x) <= before.missions(x)


def test_common_prerequisite_of_alternatives_below_a_non_common_node():
    # m needs a OR b; a needs (c OR d); b needs c; c needs d. S(a) = {a, d} (c and d are
    # alternatives, but c itself needs d), S(b) = {b, c, d}: d alone kills both alternatives,
    # though it lies below c, which only b's side depends on. Found by hypothesis.
    roadmap = rg.loads_roadmap(
        """
schema_version: 1
roadmap: {id: x, title: t}
fields: [{id: ai, name: 인공지능}]
nodes:
  - {id: m, kind: mission, field: ai, name: 임무, any_of: [[a, b]]}
  - {id: a, kind: core_technology, field: ai, name: 가, any_of: [[c, d]]}
  - {id: b, kind: core_technology, field: ai, name: 나, requires: [c]}
  - {id: c, kind: enabling_technology, field: ai, name: 다, requires: [d]}
  - {id: d, kind: enabling_technology, field: ai, name: 라}
"""
    )
    G = rg.to_networkx(roadmap)
    crit = criticality(G)
    assert crit.missions("d") == {"m"}
    assert crit.missions("c") == frozenset() and crit.missions("a") == frozenset()


def test_bundled_criticality_by_hand(G):
    crit = criticality(G)
    assert crit.missions("data_robustness") == {"ai_mission_efficient_learning", "ai_mission_trustworthy"}
    # the viral vector is a plain part of gene delivery (the release's "등" lists examples,
    # not alternatives): losing it breaks the clinical-entry mission; a measure breaks nothing
    assert crit.missions("viral_vector") == {"bio_mission_gene_cell_therapy"} and crit.count("bio_ai_workforce") == 0
    assert crit.missions("rna_platform") == {"bio_mission_gene_cell_therapy", "bio_mission_vaccine"}
    # The table leaves the missions out (each is critical to itself) and ranks by missions broken.
    rows = crit.table().rows
    assert all(r[2] != "mission" for r in rows) and [r[0] for r in rows[:2]] == ["cloud_optimization", "data_robustness"]
