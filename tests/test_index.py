"""The shared index: its pieces against networkx and brute force on random roadmaps."""

from __future__ import annotations

import networkx as nx
from hypothesis import given

import roadmap_graph as rg
from roadmap_graph.graph.index import ROOT, RoadmapIndex

from .conftest import examples
from .oracles import requirement_graph
from .strategies import roadmaps


def served_by_brute_force(G) -> dict[str, int]:
    missions = [n for n, k in G.nodes(data="kind") if k == "mission"]
    reach = {m: nx.descendants(G, m) for m in missions}
    return {n: sum(n in r for r in reach.values()) for n in G}


def test_bundled_missions_served(G):
    assert served_counts(G) == served_by_brute_force(G)


@examples(100)
@given(roadmaps(rich=False))
def test_missions_served_random(roadmap):
    G = rg.to_networkx(roadmap)
    assert served_counts(G) == served_by_brute_force(G)


def served_counts(G) -> dict[str, int]:
    index = RoadmapIndex(G)
    return {n: b.bit_count() for n, b in zip(index.ids, index.mission_served)}


@given(roadmaps())
def test_order_reach_and_groups(roadmap):
    G = rg.to_networkx(roadmap)
    index = RoadmapIndex(G)
    position = {index.ids[v]: i for i, v in enumerate(index.order)}
    assert all(position[u] < position[v] for u, v in G.edges)  # dependents first
    R = requirement_graph(G)
    missions = sorted(n for n, k in G.nodes(data="kind") if k == "mission")
    assert index.names(index.missions) == missions
    for n in G:
        expected = {m for m in missions if m == n or n in nx.descendants(R, m)}
        assert set(index.mission_ids(index.mission_reach[index.at[n]])) == expected
        groups = [sorted(index.names(g)) for g in index.groups[index.at[n]]]
        assert sorted(c for g in groups for c in g) == sorted(R.successors(n))


@given(roadmaps())
def test_idom_is_a_tree_of_dominators(roadmap):
    G = rg.to_networkx(roadmap)
    index = RoadmapIndex(G)
    for v, d in enumerate(index.idom):
        assert d == ROOT or d != v
        assert d == ROOT or index.ids[d] in nx.descendants(requirement_graph(G), index.ids[v])
