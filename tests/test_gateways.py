"""Gateways against brute force and networkx's dominators, and by hand on the bundled roadmap."""

from __future__ import annotations

import networkx as nx
from hypothesis import given

import roadmap_graph as rg
from roadmap_graph.analyses.gateways import gateways
from roadmap_graph.analyses.redundancy import redundancy
from roadmap_graph.graph.index import ROOT, RoadmapIndex

from .oracles import gateways_of, missions_of, requirement_graph
from .strategies import roadmaps


@given(roadmaps(rich=False))
def test_gateways_match_brute_force(roadmap):
    G = rg.to_networkx(roadmap)
    result = gateways(G)
    for m in missions_of(G):
        chain = result.by_mission[m]
        assert set(chain) == gateways_of(G, m)
        for nearer, farther in zip(chain, chain[1:]):  # nearest first: each lies above the next
            assert farther in gateways_of(G, nearer)
    listed = {g.id: set(g.missions) for g in result.gateways}
    expected: dict[str, set[str]] = {}
    for m in missions_of(G):
        for x in gateways_of(G, m):
            expected.setdefault(x, set()).add(m)
    assert listed == expected
    for g in result.gateways:  # trivial: the mission's one and only direct requirement
        sole = {m for m in g.missions if {v for v, d in G[m].items() if d["relation"] == "requires"} == {g.id}}
        assert set(g.sole_missions) == sole
        assert g.deep == bool(set(g.missions) - sole)
    order = [(-len(g.missions), g.id) for g in result.gateways]
    assert order == sorted(order)


@given(roadmaps(rich=False))
def test_dominators_agree_with_networkx(roadmap):
    G = rg.to_networkx(roadmap)
    R = requirement_graph(G).reverse()
    root = "__root__"
    R.add_edges_from((root, f) for f in list(R) if R.in_degree(f) == 0)
    expected = nx.immediate_dominators(R, root)
    expected.pop(root, None)  # networkx >= 3.6 leaves the start out, older versions map it to itself
    index = RoadmapIndex(G)
    ours = {index.ids[v]: (root if d == ROOT else index.ids[d]) for v, d in enumerate(index.idom)}
    assert ours == expected


def test_bundled_gateways_by_hand(G):
    # Every mission needs exactly one core technology, so that core technology is always a
    # gateway. The vaccine mission goes further: 감염병 백신·치료 needs only the mRNA platform,
    # which (inferred) builds on the RNA platform, a foundation — three gateways in a row.
    # Gene and cell therapy stops at its core technology: below it, two requirements, one
    # with alternative delivery routes.
    by_mission = gateways(G).by_mission
    assert by_mission["bio_mission_vaccine"] == ("bio_vaccine", "mrna_platform", "rna_platform")
    assert by_mission["bio_mission_gene_cell_therapy"] == ("bio_gene_cell_therapy",)
    assert by_mission["ai_mission_industrial_ai"] == ("ai_industrial_ai",)
    assert all(len(chain) >= 1 for chain in by_mission.values())
    assert set(redundancy(G).levels.values()) == {1}


def test_bundled_gateways_json_shape(G):
    rows = gateways(G).to_list()
    assert all(set(r) == {"id", "kind", "field", "missions", "stated_missions", "sole_missions", "deep"} for r in rows)
    assert [r["id"] for r in rows if r["deep"]] == ["mrna_platform", "rna_platform"]
    assert all(r["sole_missions"] == r["missions"] for r in rows if r["kind"] == "core_technology")
    assert rows[-1]["id"] == "rna_platform"
