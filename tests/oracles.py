"""Brute-force answers, computed the slow, obvious way, to check the fast algorithms against."""

from __future__ import annotations

from itertools import combinations

import networkx as nx


def requirement_graph(G: nx.DiGraph) -> nx.DiGraph:
    R = nx.DiGraph()
    R.add_nodes_from(G)
    R.add_edges_from((u, v) for u, v, d in G.edges(data=True) if d["relation"] == "requires")
    return R


def reaches_a_foundation(G: nx.DiGraph, start: str, removed: set[str]) -> bool:
    R = requirement_graph(G)
    foundations = {n for n in R if R.out_degree(n) == 0}
    if start in foundations:
        return start not in removed
    H = R.subgraph(set(R) - removed)
    return start in H and bool((nx.descendants(H, start) | {start}) & foundations)


def gateways_of(G: nx.DiGraph, start: str) -> set[str]:
    """Nodes whose removal leaves ``start`` with no requirement path to a foundation."""
    R = requirement_graph(G)
    if R.out_degree(start) == 0:
        return set()
    return {x for x in nx.descendants(R, start) if not reaches_a_foundation(G, start, {x})}


def redundancy_of(G: nx.DiGraph, mission: str) -> int | None:
    R = requirement_graph(G)
    if R.out_degree(mission) == 0:
        return None
    others = sorted(nx.descendants(R, mission))
    for size in range(1, len(others) + 1):
        for cut in combinations(others, size):
            if not reaches_a_foundation(G, mission, set(cut)):
                return size
    raise AssertionError("a mission with requirements can always be cut off")


def is_feasible(G: nx.DiGraph, v: str, removed: set[str]) -> bool:
    """Feasibility straight from the definition, by recursion."""
    if v in removed:
        return False
    groups: dict[object, list[str]] = {}
    for c, d in G.succ[v].items():
        if d["relation"] == "requires":
            groups.setdefault(("plain", c) if d["group"] is None else d["group"], []).append(c)
    return all(any(is_feasible(G, c, removed) for c in g) for g in groups.values())


def missions_of(G: nx.DiGraph) -> list[str]:
    return sorted(n for n, k in G.nodes(data="kind") if k == "mission")


def killed_missions(G: nx.DiGraph, removed: set[str]) -> set[str]:
    return {m for m in missions_of(G) if is_feasible(G, m, set()) and not is_feasible(G, m, removed)}


def stated_graph(G: nx.DiGraph) -> nx.DiGraph:
    """``G`` without its inferred links, built the obvious way: copy, then delete each edge
    marked inferred (an ``any_of`` group left empty has no edge left, so it is gone)."""
    S = G.copy()
    S.remove_edges_from([(u, v) for u, v, d in G.edges(data=True) if d.get("provenance") == "inferred"])
    return S


def chain_of(G: nx.DiGraph, mission: str) -> set[str]:
    """The mission and every node it reaches over any edge."""
    return {mission} | nx.descendants(G, mission)


def convergence_points_of(G: nx.DiGraph) -> set[str]:
    """Nodes serving missions (reached from them over any edge, themselves excluded) of
    another field than their own, or of two or more fields."""
    out = set()
    for n in G:
        fields = {G.nodes[m]["field"] for m in nx.ancestors(G, n) if G.nodes[m]["kind"] == "mission"}
        if fields and len(fields | {G.nodes[n]["field"]}) >= 2:
            out.add(n)
    return out
