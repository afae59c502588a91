"""Single points of failure: for every node at once, the missions it alone can make infeasible.

Feasibility follows AND/alternative rules (:mod:`.impact`). Instead of removing nodes one by
one, :func:`criticality` builds, bottom-up, the *kill graph* K: an edge v → c for each
feasible plain requirement c of v, and for each ``any_of`` group an edge v → d for the nodes
d that every feasible alternative of the group depends on (the common part of their kill
sets, whose top elements suffice). Then x alone kills v exactly when x is reachable from v
in K — the single-point-of-failure recursion S(v) = {v} ∪ ⋃_groups ⋂_{live members c} S(c)
of AND/OR planning graphs — and one top-down pass of mission bitsets over K gives every
node's missions. Cost O(m + Σ_groups cone of the alternatives) for K, and
O(m_K · missions / 64) word operations for the bitsets.

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> sorted(criticality(G).missions("rna_platform"))
['bio_mission_gene_cell_therapy', 'bio_mission_vaccine']
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..graph.index import GraphLike, RoadmapIndex, as_index
from ..vocabulary import Message
from .registry import Analysis
from .result import Column, Table, Tabular


@dataclass(frozen=True)
class Criticality(Tabular):
    """For every node, the missions it alone can make infeasible (its single-point failures).

    A mission is critical to itself. Read it like a mapping: ``crit.missions(node)`` (a
    frozenset), ``crit.count(node)``, ``for node, ms in crit.items()`` (nodes with at least
    one mission). Sets are kept as bitsets over the index's missions and turned into ids
    only when asked.
    """

    index: RoadmapIndex
    bits: tuple[int, ...]

    def missions(self, node: str) -> frozenset[str]:
        """The missions ``node`` alone can make infeasible."""
        i = self.index.at.get(node)
        return frozenset(self.index.mission_ids(self.bits[i])) if i is not None else frozenset()

    def count(self, node: str) -> int:
        """How many missions ``node`` alone can make infeasible."""
        i = self.index.at.get(node)
        return self.bits[i].bit_count() if i is not None else 0

    def items(self) -> Iterator[tuple[str, frozenset[str]]]:
        """``(node, missions)`` for every node that can make at least one mission infeasible,
        in id order."""
        for i, b in enumerate(self.bits):
            if b:
                yield self.index.ids[i], frozenset(self.index.mission_ids(b))

    def to_dict(self) -> dict[str, list[str]]:
        """The JSON shape: ``{node: [sorted mission ids]}`` for every node with at least one
        mission (a mission lists itself)."""
        return {node: sorted(ms) for node, ms in self.items()}

    def tables(self) -> tuple[Table, ...]:
        index = self.index
        found = sorted(
            (i for i, b in enumerate(self.bits) if b and index.kind[i] != "mission"),
            key=lambda i: (-self.bits[i].bit_count(), index.ids[i]),
        )
        columns = (
            Column("id", "col.id", "id"),
            Column("name", "col.name", "name", show="display"),
            Column("kind", "col.kind", "kind"),
            Column("n_missions", "col.n_missions", "int"),
            Column("missions", "col.missions", "nodes"),
        )
        rows = tuple(
            (index.ids[i], index.ids[i], index.kind[i], self.bits[i].bit_count(), tuple(index.mission_ids(self.bits[i])))
            for i in found
        )
        return (Table("critical", columns, rows, note=Message("note.criticality")),)


def kill_graph(index: RoadmapIndex) -> tuple[list[Sequence[int] | None], list[bool]]:
    """The kill graph K (node → the nodes whose failure alone kills it, topmost only; ``None``
    for an infeasible node) and the feasibility of every node. x kills v exactly when x is
    reachable from v in K (or x = v)."""
    kill: list[Sequence[int] | None] = [None] * len(index.ids)
    ok = [False] * len(index.ids)
    plain, alternatives = index.plain, index.alternatives
    for v in reversed(index.order):
        if not all(map(ok.__getitem__, plain[v])):
            continue
        if not alternatives[v]:  # the plain requirements, as the index holds them
            ok[v] = True
            kill[v] = plain[v]
            continue
        edges = list(plain[v])
        alive = True
        for group in alternatives[v]:
            live = [c for c in group if ok[c]]
            if not live:
                alive = False
                break
            if len(live) == 1:
                edges.append(live[0])
            else:
                edges.extend(_common_top(kill, live))
        if alive:
            ok[v] = True
            kill[v] = list(dict.fromkeys(edges))
    return kill, ok


def _common_top(kill: list[Sequence[int] | None], members: list[int]) -> list[int]:
    """The top elements of ⋂ S(c) over ``members`` (S(c) = c and all it reaches in K)."""
    common: set[int] | None = None
    for c in members:
        reach = {c}  # all of S(c): a common node may lie below nodes that are not common
        stack = [c]
        while stack:
            for d in kill[stack.pop()] or ():
                if d not in reach:
                    reach.add(d)
                    stack.append(d)
        common = reach if common is None else common & reach
        if not common:
            return []
    assert common is not None
    below = {d for x in common for d in kill[x] or ()}
    return sorted(common - below)


def criticality(G: GraphLike) -> Criticality:
    """Which missions each node alone can make infeasible, for the whole graph in one pass
    (computed once per index: bottlenecks build on it)."""
    index = as_index(G)
    return index.shared("criticality", lambda: _criticality(index))


def _criticality(index: RoadmapIndex) -> Criticality:
    kill, ok = kill_graph(index)
    bits = [0] * len(index.ids)
    for j, m in enumerate(index.missions):
        if ok[m]:
            bits[m] = 1 << j
    for v in index.order:
        b = bits[v]
        targets = kill[v]
        if b and targets:
            for c in targets:
                bits[c] |= b
    return Criticality(index, tuple(bits))


ANALYSIS = Analysis(
    name="criticality",
    title="title.criticality",
    summary="Single points of failure: the missions each node alone makes infeasible.",
    description=(
        "Alternatives (any_of) are taken into account: a node is critical for a mission when its "
        "failure alone makes the mission infeasible. JSON: {node: [missions]} for every node with "
        "at least one (a mission lists itself)."
    ),
    run=criticality,
)
