"""Bottlenecks: technologies where high demand meets a binding constraint, with the reasons.

A gateway is about structure (no way around it); a bottleneck is where many missions lean on
a technology *and* something binds: its failure alone breaks missions, nothing supports it,
or its dependents have no alternative to it. Each component is reported on its own, and the
ranking is stated, not hidden in one opaque score:

* ``mission_reach`` — missions that depend on it through requirements, by field;
* ``critical_missions`` — missions its failure alone makes infeasible (AND/alternative rules);
* ``path_share`` — the share of all mission-to-foundation requirement paths through it
  (exact, two linear passes; shortest-path betweenness means little in a dependency DAG and
  is cubic in networkx, so it is not used);
* flags: ``critical`` (breaks a mission alone), ``no_measure`` (no ecosystem measure
  supports it), ``no_alternative`` (some dependent requires it with no alternative),
  ``cross_field`` (missions of another field depend on it).

Ranking: by the number of binding flags (``critical``, ``no_measure``, ``no_alternative``),
then mission reach, then path share, then id.

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> top = bottlenecks(G)[0]
>>> top.id, top.flags
('cloud_optimization', ('critical', 'no_measure', 'no_alternative', 'cross_field'))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from .frames import to_frame
from ..fileformat.model import TECHNOLOGY_KINDS
from ..graph.requirements import (
    REQUIRES,
    SUPPORTED_BY,
    missions,
    requirement_groups,
    topological_order,
)
from .whatif import criticality

BINDING = ("critical", "no_measure", "no_alternative")


@dataclass(frozen=True)
class Bottleneck:
    """One technology's demand and constraints (see the module docstring)."""

    id: str
    kind: str
    field: str
    mission_reach: int
    reach_by_field: dict[str, int]
    critical_missions: tuple[str, ...]
    path_share: float
    supporting_measures: int
    sole_provider_for: int
    cross_field_reach: int
    flags: tuple[str, ...]

    @property
    def binding(self) -> int:
        """How many binding constraints hold."""
        return sum(flag in BINDING for flag in self.flags)

    def to_dict(self) -> dict[str, Any]:
        """A flat dict (JSON and CSV friendly apart from ``reach_by_field``)."""
        return {
            "id": self.id,
            "kind": self.kind,
            "field": self.field,
            "mission_reach": self.mission_reach,
            "reach_by_field": dict(self.reach_by_field),
            "critical_missions": list(self.critical_missions),
            "path_share": self.path_share,
            "supporting_measures": self.supporting_measures,
            "sole_provider_for": self.sole_provider_for,
            "cross_field_reach": self.cross_field_reach,
            "flags": list(self.flags),
        }


def mission_reach(G: nx.DiGraph, *, order: Sequence[str] | None = None) -> dict[str, int]:
    """For every node, the missions that depend on it through requirements, as a bitset over
    :func:`roadmap_graph.requirements.missions` (bit i = the i-th mission). One pass;
    ``order`` is a topological order of ``G`` the caller already has (computed if ``None``)."""
    index = {m: i for i, m in enumerate(missions(G))}
    bits = {m: 1 << i for m, i in index.items()}
    for u in order if order is not None else topological_order(G):
        b = bits.get(u)
        if not b:
            continue
        for v, d in G.succ[u].items():
            if d["relation"] == REQUIRES:
                bits[v] = bits.get(v, 0) | b
    return bits


def path_counts(
    G: nx.DiGraph, *, order: Sequence[str] | None = None
) -> tuple[dict[str, int], dict[str, int], int]:
    """Requirement paths: ``up[v]`` from any mission to v, ``down[v]`` from v to any
    foundation, and the total number of mission-to-foundation paths (exact integers);
    ``order`` as for :func:`mission_reach`."""
    if order is None:
        order = topological_order(G)
    is_mission = {n for n, k in G.nodes(data="kind") if k == "mission"}
    up = dict.fromkeys(G, 0)
    for u in order:
        if u in is_mission:
            up[u] += 1
        for v, d in G.succ[u].items():
            if d["relation"] == REQUIRES:
                up[v] += up[u]
    down: dict[str, int] = {}
    for v in reversed(order):
        children = [c for c, d in G.succ[v].items() if d["relation"] == REQUIRES]
        down[v] = sum(down[c] for c in children) if children else 1
    total = sum(down[m] for m in is_mission)
    return up, down, total


class Ranking(tuple[Bottleneck, ...]):
    """The bottleneck ranking: a tuple of :class:`Bottleneck`, best ranked first."""

    def to_list(self) -> list[dict[str, Any]]:
        """The JSON shape: one dict per technology, in rank order."""
        return [b.to_dict() for b in self]

    def to_frame(self) -> Any:
        """The ranking as a pandas DataFrame, one row per technology, in rank order."""
        columns = [
            "id", "kind", "field", "mission_reach", "reach_by_field", "critical_missions",
            "path_share", "supporting_measures", "sole_provider_for", "cross_field_reach", "flags",
        ]
        return to_frame(self.to_list(), columns)


def bottlenecks(G: nx.DiGraph) -> Ranking:
    """Rank the technologies of ``G`` as bottlenecks, with every component shown."""
    field_mask: dict[str, int] = {}
    for i, m in enumerate(missions(G)):
        field = G.nodes[m]["field"]
        field_mask[field] = field_mask.get(field, 0) | 1 << i
    order = topological_order(G)  # one order for the three passes below
    reach = mission_reach(G, order=order)
    crit = criticality(G, order=order)
    up, down, total = path_counts(G, order=order)
    sole: dict[str, int] = {}
    for u in G:
        for group in requirement_groups(G, u):
            if len(group) == 1:
                sole[group[0]] = sole.get(group[0], 0) + 1
    result = []
    for v, attrs in G.nodes(data=True):
        if attrs["kind"] not in TECHNOLOGY_KINDS:
            continue
        bits = reach.get(v, 0)
        by_field = {f: n for f, mask in field_mask.items() if (n := (bits & mask).bit_count())}
        measures = sum(1 for d in G.succ[v].values() if d["relation"] == SUPPORTED_BY)
        cross = sum(n for f, n in by_field.items() if f != attrs["field"])
        critical = tuple(sorted(crit.missions(v)))
        flags = tuple(
            name
            for name, on in (
                ("critical", bool(critical)),
                ("no_measure", measures == 0),
                ("no_alternative", sole.get(v, 0) > 0),
                ("cross_field", cross > 0),
            )
            if on
        )
        result.append(
            Bottleneck(
                id=v,
                kind=attrs["kind"],
                field=attrs["field"],
                mission_reach=bits.bit_count(),
                reach_by_field=dict(sorted(by_field.items())),  # fields with no reach left out
                critical_missions=critical,
                path_share=(up[v] * down[v] / total) if total else 0.0,
                supporting_measures=measures,
                sole_provider_for=sole.get(v, 0),
                cross_field_reach=cross,
                flags=flags,
            )
        )
    result.sort(key=lambda b: (-b.binding, -b.mission_reach, -b.path_share, b.id))
    return Ranking(result)
