"""Gateway technologies (길목기술) and the redundancy level of each mission.

A node x is a *gateway* of mission M when every requirement path from M down to a
foundation passes through x: lose x and M loses every route to the ground. Requirement
edges are ``requires`` edges, plain or alternative; support edges do not count. This is
reachability ("any one chain suffices") semantics; :mod:`roadmap_graph.whatif` answers the
stricter AND/alternative question.

All gateways of all missions come from one dominator tree: reverse the requirement edges,
add a virtual root above every foundation, and the dominators of M are its gateways, nearest
first. On a DAG the tree is built in one pass in topological order: the immediate dominator
of a node is the lowest common ancestor, in the tree built so far, of the nodes it requires
(Cooper, Harvey & Kennedy's intersection, which needs no iteration on a DAG). That costs
O(m·d), d being the depth of the dominator tree (a handful of levels in a roadmap).

The *redundancy level* κ(M) is the smallest number of nodes whose loss cuts M off from every
foundation: 1 when M has a gateway, otherwise the number of node-disjoint requirement paths
from M to the foundations (Menger), found by unit-capacity augmenting paths inside M's cone.

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> gateways(G).by_mission["bio_mission_gene_cell_therapy"]
('bio_gene_cell_therapy',)
>>> redundancy(G)["bio_mission_gene_cell_therapy"]
1
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from .frames import to_frame
from ..graph.requirements import check_nodes, missions, requirement_children, topological_order

_ROOT = ("__virtual__", "root")  # cannot clash with a node id, which is always a str


@dataclass(frozen=True)
class Gateway:
    """A node that is a gateway of at least one mission."""

    id: str
    kind: str
    field: str
    missions: tuple[str, ...]


@dataclass(frozen=True)
class Gateways:
    """The gateways of every mission.

    ``by_mission[M]`` lists M's gateways from the nearest (just below M) to the farthest
    (nearest the foundations); it is empty when M has none. ``gateways`` lists every node
    that is a gateway of at least one mission, by number of missions (most first), then id.
    """

    by_mission: dict[str, tuple[str, ...]]
    gateways: tuple[Gateway, ...]

    def to_list(self) -> list[dict[str, Any]]:
        """The JSON shape: ``[{"id", "kind", "field", "missions": [sorted ids]}]``."""
        return [
            {"id": g.id, "kind": g.kind, "field": g.field, "missions": list(g.missions)}
            for g in self.gateways
        ]

    def to_frame(self) -> Any:
        """The gateways as a pandas DataFrame (one row per gateway)."""
        rows = [{**row, "n_missions": len(row["missions"])} for row in self.to_list()]
        return to_frame(rows, ["id", "kind", "field", "n_missions", "missions"])


def immediate_dominators(G: nx.DiGraph) -> dict[str, Any]:
    """The immediate dominator of every node in the reversed requirement graph.

    The virtual root (above all foundations) is represented by a private sentinel that is
    never a node id; a foundation's immediate dominator is that sentinel.
    """
    idom: dict[str, Any] = {}
    depth: dict[Any, int] = {_ROOT: 0}
    for v in reversed(topological_order(G)):
        children = requirement_children(G, v)
        if not children:
            idom[v] = _ROOT
            depth[v] = 1
            continue
        x = children[0]
        for c in children[1:]:
            x = _intersect(x, c, idom, depth)
        idom[v] = x
        depth[v] = depth[x] + 1
    return idom


def _intersect(a: Any, b: Any, idom: dict[str, Any], depth: dict[Any, int]) -> Any:
    while a != b:
        if depth[a] > depth[b]:
            a = idom[a]
        elif depth[b] > depth[a]:
            b = idom[b]
        else:
            a, b = idom[a], idom[b]
    return a


def gateways(G: nx.DiGraph) -> Gateways:
    """Return the gateways of every mission of ``G`` (see the module docstring)."""
    idom = immediate_dominators(G)
    by_mission: dict[str, tuple[str, ...]] = {}
    served: dict[str, list[str]] = {}
    for m in missions(G):
        chain = []
        x = idom[m]
        while x != _ROOT:
            chain.append(x)
            served.setdefault(x, []).append(m)
            x = idom[x]
        by_mission[m] = tuple(chain)
    found = sorted(
        (
            Gateway(x, G.nodes[x]["kind"], G.nodes[x]["field"], tuple(sorted(ms)))
            for x, ms in served.items()
        ),
        key=lambda g: (-len(g.missions), g.id),
    )
    return Gateways(by_mission=by_mission, gateways=tuple(found))


def redundancy(G: nx.DiGraph, of: Iterable[str] | None = None) -> dict[str, int | None]:
    """The redundancy level κ of each mission (all missions, or those in ``of``).

    κ(M) is the smallest number of nodes whose loss cuts M off from every foundation; it
    is 1 when M has a gateway. It is ``None`` for a mission that requires nothing (it is a
    foundation itself, and no loss can cut it off). Foundations count as nodes that can be
    lost. Cost: O(κ · cone) per mission without a gateway.
    """
    chosen = missions(G) if of is None else check_nodes(G, of, kind="mission")
    idom = immediate_dominators(G)
    result: dict[str, int | None] = {}
    for m in chosen:
        if not requirement_children(G, m):
            result[m] = None
        elif idom[m] != _ROOT:
            result[m] = 1
        else:
            result[m] = _disjoint_paths(G, m)
    return result


def _disjoint_paths(G: nx.DiGraph, mission: str) -> int:
    """Node-disjoint requirement paths from ``mission`` to the foundations (max flow).

    Every node but the mission is split into an entry and an exit joined by an arc of
    capacity 1; requirement edges and foundation→sink arcs have capacity 1 too, which does
    not limit the flow because each node passes at most one unit.
    """
    sink = ("__virtual__", "sink")
    residual: dict[Any, dict[Any, int]] = {}

    def arc(u: Any, v: Any) -> None:
        residual.setdefault(u, {})[v] = 1
        residual.setdefault(v, {}).setdefault(u, 0)

    source = ("out", mission)
    seen = {mission}
    stack = [mission]
    while stack:
        u = stack.pop()
        out = ("out", u)
        if u != mission:
            arc(("in", u), out)
        children = requirement_children(G, u)
        if not children:
            arc(out, sink)
        for c in children:
            arc(out, ("in", c))
            if c not in seen:
                seen.add(c)
                stack.append(c)
    flow = 0
    while True:
        parent: dict[Any, Any] = {source: None}
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
        while parent[v] is not None:
            u = parent[v]
            residual[u][v] -= 1
            residual[v][u] += 1
            v = u
        flow += 1
