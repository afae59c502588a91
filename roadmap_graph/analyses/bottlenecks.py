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
>>> bottlenecks(G).marked()
['cloud_optimization', 'data_robustness', 'rna_platform']
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, overload

from ..fileformat.model import TECHNOLOGY_KINDS
from ..gcpause import paused_gc
from ..graph.evidence import stated_index
from ..graph.index import GraphLike, RoadmapIndex, as_index
from ..vocabulary import Message
from .criticality import criticality
from .registry import Analysis, Param
from .result import Column, Table, Tabular

BINDING = ("critical", "no_measure", "no_alternative")
_FLAG_NAMES = ("critical", "no_measure", "no_alternative", "cross_field")
#: The flags of every combination, by a 4-bit code (critical is the highest bit).
_FLAGS = tuple(tuple(name for i, name in enumerate(_FLAG_NAMES) if code >> (3 - i) & 1) for code in range(16))
#: The number of binding flags of each combination.
_BINDING = tuple(sum(flag in BINDING for flag in flags) for flags in _FLAGS)


@dataclass(frozen=True)
class Bottleneck:
    """One technology's demand and constraints (see the module docstring)."""

    id: str
    kind: str
    field: str
    mission_reach: int
    reach_by_field: Mapping[str, int]
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


@dataclass(frozen=True)
class Bottlenecks(Tabular):
    """The bottleneck ranking, best ranked first; reads like a tuple of :class:`Bottleneck`.

    ``stated_ranks[i]`` is the rank of ``ranking[i]`` on stated links alone
    (:func:`roadmap_graph.stated_only`; ``None`` when it is not ranked there) and
    ``evidence[i]`` is ``"inferred"`` when its standing rests on inferred links (on stated
    links alone it reaches fewer missions or has fewer binding flags), else ``"stated"``.
    Both are empty for a ranking built without them.
    """

    ranking: tuple[Bottleneck, ...]
    stated_ranks: tuple[int | None, ...] = ()
    evidence: tuple[str, ...] = ()

    def __iter__(self) -> Iterator[Bottleneck]:
        return iter(self.ranking)

    def __len__(self) -> int:
        return len(self.ranking)

    @overload
    def __getitem__(self, i: int) -> Bottleneck: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[Bottleneck, ...]: ...
    def __getitem__(self, i: int | slice) -> Bottleneck | tuple[Bottleneck, ...]:
        return self.ranking[i]

    def marked(self, top: bool | int = True) -> list[str]:
        """The bottlenecks worth marking in a figure or a report, in rank order.

        ``True``: those with every binding flag (critical, no measure, no alternative) that
        more than one mission depends on. An int k: the first k of the ranking. ``False``
        or 0: none.
        """
        if top is False or top is None:
            return []
        if top is True:
            return [b.id for b in self.ranking if b.binding == len(BINDING) and b.mission_reach > 1]
        return [b.id for b in self.ranking[: int(top)]]

    def stated_rank(self, node: str) -> int | None:
        """The rank of ``node`` on stated links alone (``None``: not ranked there)."""
        return self._stated().get(node, (None, "stated"))[0]

    def evidence_of(self, node: str) -> str:
        """``"inferred"`` when the standing of ``node`` rests on inferred links, else ``"stated"``."""
        return self._stated().get(node, (None, "stated"))[1]

    def _stated(self) -> dict[str, tuple[int | None, str]]:
        return {b.id: (r, e) for b, r, e in zip(self.ranking, self.stated_ranks, self.evidence)}

    def to_dict(self) -> list[dict[str, Any]]:
        """The JSON shape: one dict per technology, in rank order: the record's keys
        (:meth:`Bottleneck.to_dict`), then ``"stated_rank"`` (its rank on stated links
        alone, ``null`` when not ranked there) and ``"evidence"`` (``"inferred"`` when its
        standing rests on inferred links, else ``"stated"``)."""
        if not self.stated_ranks:
            return [b.to_dict() for b in self.ranking]
        return [
            {**b.to_dict(), "stated_rank": r, "evidence": e}
            for b, r, e in zip(self.ranking, self.stated_ranks, self.evidence)
        ]

    to_list = to_dict

    def tables(self) -> tuple[Table, ...]:
        columns = (
            Column("rank", "col.rank", "int"),
            Column("id", "col.id", "id"),
            Column("name", "col.name", "name", show="display"),
            Column("kind", "col.kind", "kind", show="data"),
            Column("field", "col.field", "field", show="data"),
            Column("mission_reach", "col.reach", "int"),
            Column("reach_by_field", "col.by_field", "counts"),
            Column("critical_missions", "col.critical_for", "nodes", show="data"),
            Column("n_critical", "col.critical_for", "int", show="display"),
            Column("path_share", "col.path_share", "percent"),
            Column("supporting_measures", "col.measures", "int"),
            Column("sole_provider_for", "col.sole_provider_for", "int", show="data"),
            Column("cross_field_reach", "col.cross_field_reach", "int", show="data"),
            Column("flags", "col.flags", "words", vocab="flag"),
            Column("stated_rank", "col.stated_rank", "int"),
            Column("evidence", "col.evidence", "word", vocab="evidence"),
        )
        stated = self.stated_ranks or (None,) * len(self.ranking)
        evidence = self.evidence or ("stated",) * len(self.ranking)
        rows = tuple(
            (
                i + 1, b.id, b.id, b.kind, b.field, b.mission_reach, b.reach_by_field, b.critical_missions,
                len(b.critical_missions), b.path_share, b.supporting_measures, b.sole_provider_for,
                b.cross_field_reach, b.flags, stated[i], evidence[i],
            )
            for i, b in enumerate(self.ranking)
        )  # fmt: skip
        return (Table("bottlenecks", columns, rows, note=Message("note.bottlenecks")),)


def path_counts(index: RoadmapIndex) -> tuple[list[int], list[int], int]:
    """Requirement paths: ``up[v]`` from any mission to v, ``down[v]`` from v to any
    foundation, and the total number of mission-to-foundation paths (exact integers)."""
    up = [0] * len(index.ids)
    for m in index.missions:
        up[m] = 1
    req = index.req
    for u in index.order:
        paths = up[u]
        if paths:
            for v in req[u]:
                up[v] += paths
    down = [1] * len(index.ids)
    for v in reversed(index.order):
        if req[v]:
            down[v] = sum(map(down.__getitem__, req[v]))
    total = sum(down[m] for m in index.missions)
    return up, down, total


def sole_provider_counts(index: RoadmapIndex) -> list[int]:
    """For every node, how many dependents require it with no alternative (as a plain
    requirement, or as the only member of an ``any_of`` group)."""
    sole = [0] * len(index.ids)
    for plain in index.plain:
        for c in plain:
            sole[c] += 1
    for alternatives in index.alternatives:
        for group in alternatives:
            if len(group) == 1:
                sole[group[0]] += 1
    return sole


def bottlenecks(G: GraphLike) -> Bottlenecks:
    """Rank the technologies of ``G`` as bottlenecks, with every component shown, and each
    one's rank and evidence on stated links alone (:class:`Bottlenecks`)."""
    index = as_index(G)
    ranking = ranked(index)
    stated = stated_index(index)
    if stated is index:
        return Bottlenecks(ranking, tuple(range(1, len(ranking) + 1)), ("stated",) * len(ranking))
    on_stated = {b.id: (i + 1, b) for i, b in enumerate(ranked(stated))}
    ranks: list[int | None] = []
    evidence: list[str] = []
    for b in ranking:
        rank, there = on_stated.get(b.id, (None, None))
        ranks.append(rank)
        weaker = there is None or there.mission_reach < b.mission_reach or there.binding < b.binding
        evidence.append("inferred" if weaker else "stated")
    return Bottlenecks(ranking, tuple(ranks), tuple(evidence))


def ranked(index: RoadmapIndex) -> tuple[Bottleneck, ...]:
    """The ranking of the technologies of ``index`` (computed once per index)."""
    return index.shared("bottlenecks", lambda: _ranked(index))


def _ranked(index: RoadmapIndex) -> tuple[Bottleneck, ...]:
    ids, field = index.ids, index.field
    field_mask = dict.fromkeys(sorted(set(field)), 0)
    for j, m in enumerate(index.missions):
        field_mask[field[m]] |= 1 << j
    masks = list(field_mask.items())
    reach = index.mission_reach
    crit = criticality(index).bits
    up, down, total = path_counts(index)
    sole = sole_provider_counts(index)
    found: list[Bottleneck] = []  # in id order (node indices follow the ids)
    rank: list[int] = []  # the binding flags, then the mission reach, as one number
    shares: list[float] = []
    weight = len(index.missions) + 1  # above any mission reach
    mission_field = [field[m] for m in index.missions]
    mission_id = index.names(index.missions)
    # Most technologies reach no mission or one: one mission's bit is found by the bit
    # length alone, where masking costs the length of the whole bitset (as many words as
    # missions / 64 each time). (No dict keyed by bitsets: an int hashes modulo 2**61 - 1,
    # so the one-mission bitsets 1 << j, the commonest, would collide every 61 missions.)
    with paused_gc():  # one record per technology: the cyclic GC would rescan the index each time
        for v, kind in enumerate(index.kind):
            if kind not in TECHNOLOGY_KINDS:
                continue
            bits = reach[v]
            reached = bits.bit_count()
            own = field[v]
            # fields with no reach left out, in id order
            if reached == 1:
                by_field = {mission_field[bits.bit_length() - 1]: 1}
            elif reached:
                by_field = {f: n for f, mask in masks if (n := (bits & mask).bit_count())}
            else:
                by_field = {}
            cross = reached - by_field.get(own, 0)
            lost = crit[v]
            if not lost:
                critical: tuple[str, ...] = ()
            elif lost.bit_count() > 1:  # in mission id order
                critical = tuple(index.mission_ids(lost))
            else:
                critical = (mission_id[lost.bit_length() - 1],)
            measures = len(index.support[v])
            code = bool(critical) << 3 | (measures == 0) << 2 | (sole[v] > 0) << 1 | (cross > 0)
            share = (up[v] * down[v] / total) if total else 0.0
            # Positional, in the order of the fields (keywords cost a third more per record).
            found.append(
                Bottleneck(
                    ids[v], kind, own, reached, by_field, critical, share, measures, sole[v], cross, _FLAGS[code]
                )
            )
            rank.append(_BINDING[code] * weight + reached)
            shares.append(share)
    # Two stable sorts on plain numbers (ties keep the order before: id order first):
    # by path share, then by binding flags and mission reach; all descending.
    ranking = sorted(range(len(found)), key=shares.__getitem__, reverse=True)
    ranking.sort(key=rank.__getitem__, reverse=True)
    return tuple(map(found.__getitem__, ranking))


ANALYSIS = Analysis(
    name="bottlenecks",
    title="title.bottlenecks",
    summary="Bottleneck technologies: demand (missions reached) meeting binding constraints.",
    description=(
        "Shows every component (reach by field, missions its failure alone breaks, share of "
        "mission-to-foundation paths, supporting measures) and the flags, not one opaque score. "
        'JSON adds "stated_rank" (the rank on stated links alone, null when not ranked there) and '
        '"evidence" ("inferred" when the standing rests on inferred links).'
    ),
    run=bottlenecks,
    params=(
        Param(
            "top", "Rows in the table (0: all); JSON and CSV give all.", kind="int", flag="--top", default=20, minimum=0,
            display=True,
        ),
    ),
)
