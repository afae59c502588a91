"""One computed index of a roadmap graph, shared by every analysis run on it.

Analyses need the same few things again and again: a topological order, the requirement
groups of each node, which missions depend on each node, the dominator tree of the
requirement graph. Computing them per analysis costs more than the analyses themselves on
large roadmaps, and walking networkx's dicts of dicts is several times slower than walking
lists of integers. :class:`RoadmapIndex` holds the graph as integer-indexed lists and
computes each shared piece once, on first use.

Every analysis takes either a ``networkx.DiGraph`` or a :class:`RoadmapIndex`. Given a graph,
it builds a fresh index (always correct, also after the graph was changed); given an index,
it reuses what earlier analyses computed. The command line, the report and the benchmarks
build one index per graph::

    >>> import roadmap_graph as rg
    >>> index = rg.RoadmapIndex(rg.to_networkx(rg.load_roadmap()))
    >>> rg.gateways(index).by_mission["bio_mission_vaccine"]
    ('bio_vaccine', 'mrna_platform', 'rna_platform')
    >>> rg.bottlenecks(index)[0].id     # reuses the order and mission reach computed above
    'cloud_optimization'

An index describes the graph as it was when the index was built: change the graph, build a
new index.

Node ``i`` is ``ids[i]``; ids are sorted, so results come out in a stable order. Missions are
numbered too: bit ``j`` of a mission bitset is ``missions[j]``, the ``j``-th mission by id.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from functools import cached_property
from typing import Any, TypeAlias, TypeVar, cast

import networkx as nx

from ..gcpause import paused_gc
from .requirements import REQUIRES, SUPPORTED_BY

#: The virtual root of the dominator tree: above every foundation, never a node index.
ROOT = -1
#: The empty neighbour list (one tuple for all).
EMPTY: tuple[Any, ...] = ()
T = TypeVar("T")


class RoadmapIndex:
    """A roadmap graph as integer-indexed lists, and the pieces analyses share.

    Attributes (all lists are indexed by node index)
        ``G`` the graph; ``ids`` node ids, sorted; ``at`` id → index; ``attrs`` each node's
        attributes (the graph's own dict); ``kind`` and ``field`` of each node; ``succ`` all
        out-neighbours (dependent → prerequisite, requirement or support); ``pred`` all
        in-neighbours; ``req`` requirement children (plain and alternatives) and
        ``req_inferred`` whether each is marked inferred; ``plain`` the plain requirements
        (each needed) and ``alternatives`` the ``any_of`` groups (one member of each
        needed); ``support`` supporting measures; ``missions`` mission indices, in id order.
        The neighbour lists are tuples; every empty one is :data:`EMPTY`.

    Computed on first use: :attr:`order`, :attr:`groups`, :attr:`mission_reach`,
    :attr:`mission_served`, :attr:`idom`; and results analyses share (:meth:`shared`).
    """

    def __init__(self, G: nx.DiGraph) -> None:
        self.G = G
        # networkx's own dicts of dicts: several times faster to walk than its views, and
        # the same data (subgraph views have them too, filtered).
        adjacency = getattr(G, "_adj", None) or G.adj
        attributes = getattr(G, "_node", None) or G.nodes
        with paused_gc():  # many small tuples: the cyclic GC would rescan them repeatedly
            self.ids: list[str] = sorted(G)
            at = self.at = {n: i for i, n in enumerate(self.ids)}
            self.attrs: list[Mapping[str, Any]] = [attributes[n] for n in self.ids]
            self.kind: list[str] = [a["kind"] for a in self.attrs]
            self.field: list[str] = [a["field"] for a in self.attrs]
            n = len(self.ids)
            # Tuples, not lists: the cyclic GC stops tracking a tuple of ints once it has
            # seen it, so the index costs the collections run later (by analyses that build
            # many objects) nothing. Most are empty (measures link to nothing, most nodes
            # have no alternatives): those are all the one empty tuple.
            self.succ: list[tuple[int, ...]] = [EMPTY] * n
            self.req: list[tuple[int, ...]] = [EMPTY] * n
            self.plain: list[tuple[int, ...]] = [EMPTY] * n
            self.alternatives: list[tuple[tuple[int, ...], ...]] = [EMPTY] * n
            self.support: list[tuple[int, ...]] = [EMPTY] * n
            self.req_inferred: list[tuple[bool, ...]] = [EMPTY] * n
            find = at.__getitem__
            stated: dict[int, tuple[bool, ...]] = {}
            for u, node in enumerate(self.ids):
                out = adjacency[node]
                if not out:
                    continue
                succ = self.succ[u] = tuple(map(find, out))
                required: list[int] = []
                plain: list[int] = []
                inferred: list[bool] = []
                supported: list[int] = []
                groups: dict[int, list[int]] | None = None
                for v, data in zip(succ, out.values()):
                    if data["relation"] == REQUIRES:
                        required.append(v)
                        inferred.append(data.get("provenance") == "inferred")
                        group = data.get("group")
                        if group is None:
                            plain.append(v)
                        else:
                            if groups is None:
                                groups = {}
                            groups.setdefault(group, []).append(v)
                    elif data["relation"] == SUPPORTED_BY:
                        supported.append(v)
                if required:
                    self.req[u] = succ if len(required) == len(succ) else tuple(required)
                    if any(inferred):
                        self.req_inferred[u] = tuple(inferred)
                    else:  # one tuple for all the nodes with as many links, none inferred
                        k = len(inferred)
                        self.req_inferred[u] = stated.get(k) or stated.setdefault(k, (False,) * k)
                    if plain:
                        self.plain[u] = self.req[u] if len(plain) == len(required) else tuple(plain)
                    if groups:
                        self.alternatives[u] = tuple(tuple(groups[g]) for g in sorted(groups))
                if supported:
                    self.support[u] = succ if len(supported) == len(succ) else tuple(supported)
            pred: list[list[int]] = [[] for _ in range(n)]
            for u, vs in enumerate(self.succ):
                for v in vs:
                    pred[v].append(u)
            self.pred: list[tuple[int, ...]] = [tuple(p) if p else EMPTY for p in pred]
            del pred  # before the GC resumes: it would scan every list once more
        self.missions: list[int] = [i for i, k in enumerate(self.kind) if k == "mission"]
        self._shared: dict[str, Any] = {}

    @cached_property
    def groups(self) -> list[list[tuple[int, ...]]]:
        """Every node's requirement groups in conjunctive normal form: each plain
        requirement a group of one, then each ``any_of`` group in order."""
        return [[*((c,) for c in plain), *alternatives] for plain, alternatives in zip(self.plain, self.alternatives)]

    def shared(self, name: str, compute: Callable[[], T]) -> T:
        """The result of ``compute()``, computed once per index under ``name``: for analyses
        that build on another's result (bottlenecks on criticality)."""
        if name not in self._shared:
            self._shared[name] = compute()
        return cast(T, self._shared[name])

    def __len__(self) -> int:
        return len(self.ids)

    def __repr__(self) -> str:
        return f"<RoadmapIndex of {len(self.ids)} nodes, {len(self.missions)} missions>"

    def names(self, indices: Iterable[int]) -> list[str]:
        """The ids of ``indices``, in the same order."""
        ids = self.ids
        return [ids[i] for i in indices]

    def mission_ids(self, bits: int) -> Iterator[str]:
        """The ids of the missions whose bit is set in ``bits``, in id order."""
        missions, ids = self.missions, self.ids
        while bits:
            low = bits & -bits
            yield ids[missions[low.bit_length() - 1]]
            bits ^= low

    @cached_property
    def order(self) -> list[int]:
        """Every node before the nodes it links to (dependents before prerequisites).

        Kahn's algorithm over all edges. A loaded roadmap is acyclic (requirement cycles are
        load errors; support edges end at measures, which link to nothing).

        Raises ``networkx.NetworkXUnfeasible`` for a graph built in code with a cycle.
        """
        indegree = [len(p) for p in self.pred]
        order = [i for i, d in enumerate(indegree) if not d]
        succ = self.succ
        for u in order:  # the list grows while it is read
            for v in succ[u]:
                indegree[v] -= 1
                if not indegree[v]:
                    order.append(v)
        if len(order) < len(self.ids):
            raise nx.NetworkXUnfeasible("the roadmap graph has a cycle")
        return order

    @cached_property
    def mission_reach(self) -> list[int]:
        """For every node, the bitset of the missions that depend on it through requirement
        edges (a mission reaches itself)."""
        bits = [0] * len(self.ids)
        for j, m in enumerate(self.missions):
            bits[m] = 1 << j
        req = self.req
        for u in self.order:
            b = bits[u]
            if b:
                for v in req[u]:
                    bits[v] |= b
        return bits

    @cached_property
    def mission_served(self) -> list[int]:
        """For every node, the bitset of the missions it serves: those from which it is
        reachable over any edge (requirement or support), itself excluded, so a mission
        serves no mission but those above it (none, in a valid roadmap)."""
        own = [0] * len(self.ids)
        for j, m in enumerate(self.missions):
            own[m] = 1 << j
        with paused_gc():
            return self.served_by(own)

    def served_by(self, marks: list[int]) -> list[int]:
        """For every node, the union (bitwise or) of ``marks`` of the nodes above it over any
        edge (requirement or support), its own mark excluded: :attr:`mission_served` with
        one bit per mission, convergence's served fields with one bit per field."""
        bits = [0] * len(self.ids)
        succ = self.succ
        for u in self.order:
            push = bits[u] | marks[u]
            if push:
                for v in succ[u]:
                    bits[v] |= push
        return bits

    @cached_property
    def idom(self) -> list[int]:
        """The immediate dominator of every node in the reversed requirement graph, with a
        virtual root (:data:`ROOT`) above every foundation.

        x dominates v when every requirement path from v down to a foundation passes through
        x. On a DAG the tree is built in one pass in reverse topological order: the
        immediate dominator of v is the lowest common ancestor, in the tree built so far, of
        the nodes v requires (Cooper, Harvey & Kennedy's intersection, which needs no
        iteration on a DAG). Cost O(m · d), d the depth of the tree.
        """
        n = len(self.ids)
        idom = [ROOT] * n
        depth = [0] * n
        req = self.req
        for v in reversed(self.order):
            children = req[v]
            if not children:
                depth[v] = 1
                continue
            x = children[0]
            for c in children[1:]:
                y = c
                while x != y:
                    dx = depth[x] if x != ROOT else 0
                    dy = depth[y] if y != ROOT else 0
                    if dx > dy:
                        x = idom[x]
                    elif dy > dx:
                        y = idom[y]
                    else:
                        x, y = idom[x], idom[y]
                if x == ROOT:
                    break
            idom[v] = x
            depth[v] = (depth[x] if x != ROOT else 0) + 1
        return idom

    def reach(self, starts: Iterable[int], *, up: bool = False, blocked: Collection[int] = ()) -> set[int]:
        """Every node reachable from ``starts`` (included) over any edge: down to the
        prerequisites, or up to the dependents with ``up=True``; never entering ``blocked``
        (a blocked start is left out)."""
        step = self.pred if up else self.succ
        seen = {s for s in starts if s not in blocked}
        stack = list(seen)
        while stack:
            for v in step[stack.pop()]:
                if v not in seen and v not in blocked:
                    seen.add(v)
                    stack.append(v)
        return seen

    def dominators(self, v: int) -> list[int]:
        """The strict dominators of node ``v``, nearest first (its gateways if a mission)."""
        chain = []
        idom = self.idom
        x = idom[v]
        while x != ROOT:
            chain.append(x)
            x = idom[x]
        return chain


GraphLike: TypeAlias = "nx.DiGraph | RoadmapIndex"


def bit_indices(bits: int) -> list[int]:
    """The positions of the set bits of ``bits``, lowest first (``0b1010`` → ``[1, 3]``):
    the missions (or fields) a bitset of the index names."""
    out = []
    while bits:
        low = bits & -bits
        out.append(low.bit_length() - 1)
        bits ^= low
    return out


def as_index(G: GraphLike) -> RoadmapIndex:
    """``G`` itself when it is an index; else a new index of the graph ``G``."""
    return G if isinstance(G, RoadmapIndex) else RoadmapIndex(G)


def as_graph(G: GraphLike) -> nx.DiGraph:
    """The networkx graph behind ``G``."""
    return G.G if isinstance(G, RoadmapIndex) else G
