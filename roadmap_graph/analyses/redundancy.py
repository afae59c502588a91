"""Redundancy κ: how many nodes it takes to cut a mission off from every foundation.

κ(M) is the smallest number of nodes whose loss cuts mission M off from every foundation:
1 when M has a gateway (:mod:`.gateways`); otherwise the number of node-disjoint requirement
paths from M to the foundations (Menger's theorem), found by unit-capacity augmenting paths
inside M's cone. A mission that requires nothing has no κ (``None``): it is a foundation
itself, and no loss can cut it off. Foundations count as nodes that can be lost.

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> redundancy(G)["bio_mission_gene_cell_therapy"]
1
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..graph.index import ROOT, GraphLike, RoadmapIndex, as_index
from ..graph.requirements import check_nodes
from ..vocabulary import Message
from .registry import Analysis, Param
from .result import Column, Table, Tabular


@dataclass(frozen=True)
class Redundancy(Tabular):
    """The redundancy level κ of missions, and their gateways nearest first.

    Reads like a mapping from mission id to κ: ``result["m"]``, ``dict(result.items())``.
    """

    levels: Mapping[str, int | None]
    gateways: Mapping[str, tuple[str, ...]]

    def __getitem__(self, mission: str) -> int | None:
        return self.levels[mission]

    def __iter__(self) -> Iterator[str]:
        return iter(self.levels)

    def __len__(self) -> int:
        return len(self.levels)

    def items(self) -> Iterable[tuple[str, int | None]]:
        """``(mission, κ)`` pairs, missions in id order."""
        return self.levels.items()

    def to_dict(self) -> list[dict[str, Any]]:
        """The JSON shape: ``[{"mission", "kappa", "gateways": [ids, nearest first]}]``."""
        return [{"mission": m, "kappa": k, "gateways": list(self.gateways[m])} for m, k in self.levels.items()]

    def tables(self) -> tuple[Table, ...]:
        columns = (
            Column("mission", "col.mission", "id"),
            Column("name", "col.name", "name", show="display"),
            Column("kappa", "col.kappa", "kappa"),
            Column("meaning", "col.meaning", "word", vocab="redundancy", show="display"),
            Column("gateways", "col.gateways", "nodes"),
        )
        rows = tuple(
            (m, m, k, "none" if k is None else "one" if k == 1 else "many", self.gateways[m]) for m, k in self.levels.items()
        )
        return (Table("redundancy", columns, rows, note=Message("note.redundancy")),)


def redundancy(G: GraphLike, of: Iterable[str] | None = None) -> Redundancy:
    """The redundancy level κ of each mission of ``G`` (all missions, or those in ``of``).

    Cost: one shared dominator tree, then O(κ · cone) per mission without a gateway.

    Raises
    ------
    UnknownNodeError
        When an id in ``of`` is not a mission.
    """
    index = as_index(G)
    if of is None:
        chosen = index.missions
    else:
        chosen = [index.at[m] for m in check_nodes(index.G, of, kind="mission")]
    levels: dict[str, int | None] = {}
    gates: dict[str, tuple[str, ...]] = {}
    for m in chosen:
        mission = index.ids[m]
        gates[mission] = tuple(index.names(index.dominators(m)))
        if not index.req[m]:
            levels[mission] = None
        elif index.idom[m] != ROOT:
            levels[mission] = 1
        else:
            levels[mission] = _disjoint_paths(index, m)
    return Redundancy(levels, gates)


def _disjoint_paths(index: RoadmapIndex, mission: int) -> int:
    """Node-disjoint requirement paths from ``mission`` to the foundations (max flow).

    Every node but the mission is split into an entry (``2v``) and an exit (``2v + 1``)
    joined by an arc of capacity 1; requirement edges and foundation→sink arcs have
    capacity 1 too, which does not limit the flow because each node passes at most one unit.
    """
    sink = -1
    residual: dict[int, dict[int, int]] = {}

    def arc(u: int, v: int) -> None:
        residual.setdefault(u, {})[v] = 1
        residual.setdefault(v, {}).setdefault(u, 0)

    req = index.req
    source = 2 * mission + 1
    seen = {mission}
    stack = [mission]
    while stack:
        u = stack.pop()
        if u != mission:
            arc(2 * u, 2 * u + 1)
        if not req[u]:
            arc(2 * u + 1, sink)
        for c in req[u]:
            arc(2 * u + 1, 2 * c)
            if c not in seen:
                seen.add(c)
                stack.append(c)
    flow = 0
    while True:
        parent: dict[int, int | None] = {source: None}
        queue = deque([source])
        while queue and sink not in parent:
            u = queue.popleft()
            for v, cap in residual[u].items():
                if cap > 0 and v not in parent:
                    parent[v] = u
                    queue.append(v)
        if sink not in parent:
            return flow
        v = sink
        while (step := parent[v]) is not None:
            residual[step][v] -= 1
            residual[v][step] += 1
            v = step
        flow += 1


def _levels_of(index: RoadmapIndex, mission: str | None = None) -> Redundancy:
    return redundancy(index, None if mission is None else [mission])


ANALYSIS = Analysis(
    name="redundancy",
    title="title.redundancy",
    summary="Each mission's redundancy level κ: the fewest nodes whose loss cuts it off.",
    description=(
        'κ is 1 when the mission has a gateway. JSON: a list of {"mission", "kappa", "gateways"}, '
        "gateways nearest first; kappa is null for a mission that requires nothing."
    ),
    run=_levels_of,
    params=(Param("mission", "Only this mission.", kind="mission", flag="--mission"),),
)
