"""What-if impact and criticality against brute force, metamorphic checks, bundled cases."""

from __future__ import annotations

import networkx as nx
from hypothesis import assume, given
from hypothesis import strategies as st

import roadmap_graph as rg
from roadmap_graph.analyses.criticality import criticality
from roadmap_graph.analyses.impact import feasible, impact
from roadmap_graph.errors import UnknownNodeError

from .conftest import raises_en
from .oracles import is_feasible, killed_missions, missions_of
from .strategies import roadmaps


@given(roadmaps(rich=False), st.data())
def test_feasibility_and_impact_match_brute_force(roadmap, data):
    G = rg.to_networkx(roadmap)
    removed = data.draw(st.sets(st.sampled_from(sorted(G)), max_size=3))
    assert feasible(G, removed) == {v for v in G if is_feasible(G, v, removed)}
    result = impact(G, sorted(removed))
    assert set(result.infeasible_missions) == {m for m in missions_of(G) if not is_feasible(G, m, removed)}
    ms = missions_of(G)
    before = set().union(*(nx.descendants(G, m) for m in ms)) if ms else set()
    H = G.subgraph(set(G) - removed)
    alive = [m for m in ms if is_feasible(G, m, removed)]
    after = set().union(*(nx.descendants(H, m) for m in alive)) if alive else set()
    assert set(result.orphaned) == {v for v in before - after - removed if G.nodes[v]["kind"] != "mission"}
    lost = {
        v: [c for c, d in G.succ[v].items() if d["relation"] == "supported_by"]
        for v in G
        if v not in removed
    }
    assert set(result.unsupported) == {v for v, ms_ in lost.items() if ms_ and set(ms_) <= removed}
    assert set(result.weakened) == {v for v, ms_ in lost.items() if set(ms_) & removed and not set(ms_) <= removed}
    assert result.to_dict() == {
        "removed": sorted(removed),
        "infeasible_missions": sorted(result.infeasible_missions),
        "orphaned": sorted(result.orphaned),
        "unsupported": sorted(result.unsupported),
        "weakened": sorted(result.weakened),
    }


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


def test_bundled_what_if_by_hand(G):
    # 클라우드 최적화 is needed (AND) by 효율적 학습 and — an inferred cross-field link — by the
    # bio cloud analysis infrastructure, so losing it costs one AI and one bio mission.
    result = impact(G, ["cloud_optimization"])
    assert result.infeasible_missions == ("ai_mission_efficient_learning", "bio_mission_health_data")
    # The viral vector is an alternative to the RNA platform: losing it costs nothing.
    assert impact(G, ["viral_vector"]).infeasible_missions == ()
    # Losing both delivery routes stops gene therapy; the vaccine goes too (mRNA needs RNA).
    both = impact(G, ["viral_vector", "rna_platform"])
    assert both.infeasible_missions == ("bio_mission_gene_cell_therapy", "bio_mission_vaccine")
    # A failed measure breaks nothing by itself: it leaves technologies unsupported.
    workforce = impact(G, ["bio_ai_workforce"])
    assert workforce.infeasible_missions == () and workforce.orphaned == ()
    assert workforce.unsupported == ("bio_synthetic_biology", "bioprocess_culture_purification", "generative_ai")
    assert workforce.weakened == ("bio_digital_health_data",)
    crit = criticality(G)
    assert crit.missions("data_robustness") == {"ai_mission_efficient_learning", "ai_mission_trustworthy"}
    assert crit.count("viral_vector") == 0 and crit.count("bio_ai_workforce") == 0


def test_unknown_node_is_refused(G):
    with raises_en(UnknownNodeError, "did you mean 'rna_platform'"):
        impact(G, ["rna_platfrom"])


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
