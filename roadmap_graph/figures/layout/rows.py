"""Rows: which row of the layered layout each node goes on (:func:`layer_of`), and the
:class:`Dummy` that stands for an edge where it passes a row between its two ends."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass

import networkx as nx

#: The kinds, top row first.
KIND_ROWS = ("mission", "core_technology", "enabling_technology", "ecosystem_measure")

Node = Hashable


@dataclass(frozen=True)
class Dummy:
    """Where the edge ``source → target`` passes row ``row`` between its two ends."""

    source: Hashable
    target: Hashable
    row: int


def layer_of(G: nx.DiGraph) -> dict[Node, int]:
    """The row of every node: 0 for missions, then core technologies, enabling technologies
    (in sub-rows by depth among themselves) and ecosystem measures (see the module docstring).

    >>> G = nx.DiGraph()
    >>> G.add_nodes_from([("m", {"kind": "mission"}), ("e1", {"kind": "enabling_technology"}),
    ...                   ("e2", {"kind": "enabling_technology"})])
    >>> G.add_edges_from([("m", "e1"), ("e1", "e2")])
    >>> layer_of(G)
    {'m': 0, 'e1': 1, 'e2': 2}

    Raises
    ------
    ValueError
        When a node has no known ``kind``.
    networkx.NetworkXUnfeasible
        When the nodes of one kind require each other in a cycle.
    """
    by_kind: dict[str, list[Node]] = {k: [] for k in KIND_ROWS}
    for n, kind in G.nodes(data="kind"):
        if kind not in by_kind:
            raise ValueError(f"node {n!r} has kind {kind!r}; kind must be one of {', '.join(KIND_ROWS)}")
        by_kind[kind].append(n)
    rows: dict[Node, int] = {}
    offset = 0
    for kind in KIND_ROWS:
        nodes = by_kind[kind]
        if not nodes:
            continue
        depth = dict.fromkeys(nodes, 0)
        inside = G.subgraph(nodes)
        for u in nx.topological_sort(inside):
            for v in inside.succ[u]:
                depth[v] = max(depth[v], depth[u] + 1)
        for n in G:  # keep G's node order
            if n in depth:
                rows[n] = offset + depth[n]
        offset += max(depth.values()) + 1
    return {n: rows[n] for n in G}


def row_kinds(G: nx.DiGraph, layers: Mapping[Node, int]) -> list[str]:
    """The kind of each row of ``layers`` (rows are numbered from 0 without gaps)."""
    kinds: dict[int, str] = {}
    for n, r in layers.items():
        kinds.setdefault(r, G.nodes[n].get("kind", ""))
    return [kinds.get(r, "") for r in range(max(kinds, default=-1) + 1)]
