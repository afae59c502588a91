"""What-if: which missions fail when technologies or measures fail, under AND/alternative rules.

A node is *feasible* when it has not failed, every plain requirement is feasible and every
``any_of`` group has at least one feasible member; foundations are feasible unless they
fail. A failed measure makes nothing infeasible by itself (support is not a requirement);
it shows as technologies left without support.

:func:`criticality` answers, for every node at once, which missions it alone can make
infeasible. It does not remove nodes one by one. It builds, bottom-up, the *kill graph* K:
an edge v → c for each feasible plain requirement c of v, and for each ``any_of`` group an
edge v → d for the nodes d that every feasible alternative of the group depends on (the
common part of their kill sets, whose top elements suffice). Then x alone kills v exactly
when x is reachable from v in K — the single-point-of-failure recursion
S(v) = {v} ∪ ⋃_groups ⋂_{live members c} S(c) of AND/OR planning graphs — and one top-down
pass of mission bitsets over K gives every node's missions. Cost O(m + Σ_groups cone of the
alternatives) for K, and O(m_K · missions / 64) word operations for the bitsets.

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> impact(G, ["rna_platform"]).infeasible_missions   # viral vectors still deliver genes
('bio_mission_vaccine',)
>>> sorted(criticality(G).missions("rna_platform"))
['bio_mission_vaccine']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from .frames import to_frame
from ..graph.requirements import (
    SUPPORTED_BY,
    check_nodes,
    missions,
    reached_from,
    requirement_groups,
    topological_order,
)


def feasible(G: nx.DiGraph, removed: Iterable[str] = ()) -> set[str]:
    """The nodes of ``G`` that are feasible once the nodes in ``removed`` have failed."""
    failed = set(removed)
    ok: set[str] = set()
    for v in reversed(topological_order(G)):
        if v in failed:
            continue
        if all(any(c in ok for c in group) for group in requirement_groups(G, v)):
            ok.add(v)
    return ok


@dataclass(frozen=True)
class Impact:
    """What failing the ``removed`` nodes does.

    ``infeasible_missions``: missions no longer feasible (a removed mission included).
    ``orphaned``: non-mission nodes, other than the removed ones, that some mission reached
    (over any edge) before and no feasible mission reaches once the removed nodes are gone.
    ``unsupported``: technologies whose every supporting measure was removed;
    ``weakened``: technologies that lost some but not all of their supporting measures.
    """

    removed: tuple[str, ...]
    infeasible_missions: tuple[str, ...]
    orphaned: tuple[str, ...]
    unsupported: tuple[str, ...]
    weakened: tuple[str, ...]

    def to_dict(self) -> dict[str, list[str]]:
        """The JSON shape: ``{"removed", "infeasible_missions", "orphaned"}``."""
        return {
            "removed": list(self.removed),
            "infeasible_missions": list(self.infeasible_missions),
            "orphaned": list(self.orphaned),
        }

    def to_frame(self) -> Any:
        """One row per affected node, with how it is affected (a pandas DataFrame)."""
        rows = [
            {"id": n, "status": status}
            for status, nodes in (
                ("removed", self.removed),
                ("infeasible_mission", self.infeasible_missions),
                ("orphaned", self.orphaned),
                ("unsupported", self.unsupported),
                ("weakened", self.weakened),
            )
            for n in nodes
        ]
        return to_frame(rows, ["id", "status"])


def impact(G: nx.DiGraph, removed: Iterable[str]) -> Impact:
    """Fail the nodes in ``removed`` and report what the roadmap loses.

    Raises
    ------
    UnknownNodeError
        When a removed id is not in the roadmap.
    """
    gone = check_nodes(G, dict.fromkeys(removed))
    gone_set = set(gone)
    ok = feasible(G, gone_set)
    all_missions = missions(G)
    infeasible = tuple(m for m in all_missions if m not in ok)
    before = reached_from(G, all_missions)
    after = reached_from(G, [m for m in all_missions if m in ok], blocked=gone_set)
    is_mission = set(all_missions)
    orphaned = tuple(sorted(n for n in before - after if n not in gone_set and n not in is_mission))
    unsupported, weakened = [], []
    for v in sorted(G):
        if v in gone_set:
            continue
        measures = [c for c, d in G.succ[v].items() if d["relation"] == SUPPORTED_BY]
        lost = [c for c in measures if c in gone_set]
        if lost:
            (unsupported if len(lost) == len(measures) else weakened).append(v)
    return Impact(tuple(gone), infeasible, orphaned, tuple(unsupported), tuple(weakened))


class Criticality:
    """For every node, the missions it alone can make infeasible (its single-point failures).

    A mission is critical to itself. Read it like a mapping: ``crit.missions(node)`` (a
    frozenset), ``crit.count(node)``, ``for node, ms in crit.items()`` (nodes with at least
    one mission). Sets are kept as bitsets and turned into frozensets only when asked.
    """

    def __init__(self, mission_ids: list[str], bits: dict[str, int]) -> None:
        self._missions = mission_ids
        self._bits = bits

    def missions(self, node: str) -> frozenset[str]:
        """The missions ``node`` alone can make infeasible."""
        return frozenset(_set_bits(self._bits.get(node, 0), self._missions))

    def count(self, node: str) -> int:
        """How many missions ``node`` alone can make infeasible."""
        return self._bits.get(node, 0).bit_count()

    def items(self) -> Iterator[tuple[str, frozenset[str]]]:
        """``(node, missions)`` for every node that can make at least one mission infeasible."""
        for node in sorted(self._bits):
            if self._bits[node]:
                yield node, self.missions(node)

    def to_dict(self) -> dict[str, list[str]]:
        """``{node: [sorted mission ids]}`` for nodes with at least one mission."""
        return {node: sorted(ms) for node, ms in self.items()}

    def to_frame(self) -> Any:
        """One row per critical node: id, number of missions, the missions."""
        rows = [{"id": n, "n_missions": len(ms), "missions": sorted(ms)} for n, ms in self.items()]
        return to_frame(rows, ["id", "n_missions", "missions"])


def _set_bits(bits: int, names: list[str]) -> Iterator[str]:
    """The names whose bit is set, in O(number of set bits)."""
    while bits:
        low = bits & -bits
        yield names[low.bit_length() - 1]
        bits ^= low


def kill_graph(
    G: nx.DiGraph, *, order: Sequence[str] | None = None
) -> tuple[dict[str, list[str]], set[str]]:
    """The kill graph K (node → the nodes whose failure alone kills it, topmost only) and
    the feasible nodes. x kills v exactly when x is reachable from v in K (or x = v).

    ``order``: a topological order of ``G`` the caller already has (computed if ``None``).
    """
    kill: dict[str, list[str]] = {}
    ok: set[str] = set()
    for v in reversed(order if order is not None else topological_order(G)):
        edges: list[str] = []
        alive = True
        for group in requirement_groups(G, v):
            live = [c for c in group if c in ok]
            if not live:
                alive = False
                break
            if len(live) == 1:
                edges.append(live[0])
            else:
                edges.extend(_common_top(kill, live))
        if alive:
            ok.add(v)
            kill[v] = list(dict.fromkeys(edges))
    return kill, ok


def _common_top(kill: dict[str, list[str]], members: list[str]) -> list[str]:
    """The top elements of ⋂ S(c) over ``members`` (S(c) = c and all it reaches in K)."""
    common: set[str] | None = None
    for c in members:
        reach = {c}  # all of S(c): a common node may lie below nodes that are not common
        stack = [c]
        while stack:
            for d in kill[stack.pop()]:
                if d not in reach:
                    reach.add(d)
                    stack.append(d)
        common = reach if common is None else common & reach
        if not common:
            return []
    assert common is not None
    below = {d for x in common for d in kill[x]}
    return sorted(common - below)


def criticality(G: nx.DiGraph, *, order: Sequence[str] | None = None) -> Criticality:
    """Which missions each node alone can make infeasible, for the whole graph in one pass.

    ``order``: a topological order of ``G`` the caller already has (computed if ``None``).
    """
    if order is None:
        order = topological_order(G)
    kill, ok = kill_graph(G, order=order)
    mission_ids = [m for m in missions(G) if m in ok]
    bits: dict[str, int] = {m: 1 << i for i, m in enumerate(mission_ids)}
    for v in order:
        b = bits.get(v)
        if not b or v not in kill:
            continue
        for c in kill[v]:
            bits[c] = bits.get(c, 0) | b
    return Criticality(mission_ids, bits)


