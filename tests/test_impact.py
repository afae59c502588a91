"""What-if impact against brute force, and bundled cases by hand."""

from __future__ import annotations

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

import roadmap_graph as rg
from roadmap_graph.analyses.impact import feasible, impact
from roadmap_graph.errors import UnknownNodeError

from .conftest import raises_en
from .oracles import is_feasible, missions_of
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
        "infeasible_on_stated": list(result.infeasible_on_stated),
    }


def test_bundled_what_if_by_hand(G):
    # 클라우드 최적화 is needed (AND) by 효율적 학습 and — an inferred cross-field link — by the
    # bio cloud analysis infrastructure, so losing it costs one AI and one bio mission.
    result = impact(G, ["cloud_optimization"])
    assert result.infeasible_missions == ("ai_mission_efficient_learning", "bio_mission_health_data")
    # The release lists the viral vector and the RNA platform as examples (등) of gene
    # delivery, not as alternatives, so the file models each as a plain part: losing the
    # viral vector now reads as losing the clinical-entry mission (the link's note says how
    # far that reading goes). What served only that mission is left orphaned; the RNA
    # platform still serves the vaccine mission through the mRNA platform.
    viral = impact(G, ["viral_vector"])
    assert viral.infeasible_missions == ("bio_mission_gene_cell_therapy",)
    assert viral.orphaned == ("bio_gene_cell_therapy", "bio_gene_delivery", "next_gen_cell_therapy")
    # Losing both delivery routes stops gene therapy; the vaccine goes too (mRNA needs RNA).
    both = impact(G, ["viral_vector", "rna_platform"])
    assert both.infeasible_missions == ("bio_mission_gene_cell_therapy", "bio_mission_vaccine")
    # A failed measure breaks nothing by itself: it leaves technologies unsupported.
    workforce = impact(G, ["bio_ai_workforce"])
    assert workforce.infeasible_missions == () and workforce.orphaned == ()
    assert workforce.unsupported == ("bio_synthetic_biology", "bioprocess_culture_purification", "generative_ai")
    assert workforce.weakened == ("bio_digital_health_data",)


def test_unknown_node_is_refused(G):
    with raises_en(UnknownNodeError, "did you mean 'rna_platform'"):
        impact(G, ["rna_platfrom"])
