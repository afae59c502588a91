"""Sensitivity to inference: the conclusions that change when the inferred links are dropped.

Every link of a roadmap is ``stated`` (a quoted sentence of the source states it) or
``inferred`` (an analyst's reading). This analysis runs the other analyses twice, on every
link and on the stated links alone (:func:`roadmap_graph.stated_only`), and lists each
conclusion that does not survive, one line each, in words a policy reader can quote:

* ``no_stated_need`` — a mission that requires technologies, none of them through a stated
  link: on the ministry's words alone it needs nothing;
* ``chain`` — a mission whose chain holds nodes only inferred links bring in;
* ``gateway`` — a gateway of some missions only through inferred links; ``stated_gateway``
  a gateway of some missions only on stated links (inferred links offered a way around it);
* ``bottleneck`` — a technology in the top ``top`` bottlenecks only through inferred links
  (on stated links alone it ranks below); ``stated_bottleneck`` the reverse;
* ``critical`` — a technology whose failure alone breaks missions only through inferred
  links; ``stated_critical`` the reverse (an inferred alternative covered for it);
  gateways and single points of failure of a mission that needs nothing on stated links
  are left to its ``no_stated_need`` line;
* ``convergence`` — a convergence point only through inferred links.

On a graph with no inferred link (``--evidence stated``) nothing changes and the list is
empty. The same nodes are in both graphs, so node indices agree.

>>> import roadmap_graph as rg
>>> s = sensitivity(rg.to_networkx(rg.load_roadmap()))
>>> "bottleneck" in {c.finding for c in s.changes}
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..fileformat.model import TECHNOLOGY_KINDS
from ..graph.evidence import stated_index
from ..graph.index import GraphLike, RoadmapIndex, as_index
from ..vocabulary import Message, joined, localized
from .bottlenecks import ranked
from .convergence import field_counts, served_fields
from .criticality import criticality
from .registry import Analysis, Param
from .result import Column, Table, Tabular

#: The kinds of change, in the order they are listed.
FINDINGS = (
    "no_stated_need",
    "chain",
    "bottleneck",
    "stated_bottleneck",
    "gateway",
    "stated_gateway",
    "critical",
    "stated_critical",
    "convergence",
)
#: How many nodes a line names before it counts the rest.
NAMED = 5


@dataclass(frozen=True)
class Change:
    """One conclusion that changes on stated links alone.

    ``finding`` is one of :data:`FINDINGS`; ``id`` the node it is about (the mission, for
    ``no_stated_need`` and ``chain``); ``nodes`` the missions (or, for ``chain``, the nodes)
    it concerns, sorted; ``rank`` and ``stated_rank`` a bottleneck's rank on all links and
    on stated links alone (``None`` elsewhere).
    """

    finding: str
    id: str
    nodes: tuple[str, ...] = ()
    rank: int | None = None
    stated_rank: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "finding": self.finding,
            "id": self.id,
            "nodes": list(self.nodes),
            "rank": self.rank,
            "stated_rank": self.stated_rank,
        }


@dataclass(frozen=True)
class Sensitivity(Tabular):
    """The conclusions that change when inferred links are dropped (see the module
    docstring); ``names`` maps every node a change names to its name, for the sentences;
    ``stated_only`` is true when the graph had no inferred link to drop."""

    changes: tuple[Change, ...]
    names: dict[str, Any]
    top: int
    stated_only: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: ``{"top", "stated_only", "changes": [{"finding", "id", "nodes",
        "rank", "stated_rank"}]}`` (see :class:`Change`)."""
        return {"top": self.top, "stated_only": self.stated_only, "changes": [c.to_dict() for c in self.changes]}

    def sentence(self, change: Change) -> Message:
        """The change in words."""
        names = self.names
        shown = [names.get(n, n) for n in change.nodes[:NAMED]]
        rest = len(change.nodes) - len(shown)
        listed: Any = joined(shown)
        if rest > 0:
            listed = Message("word.and_more", shown=listed, rest=rest)
        r = change.stated_rank
        return Message(
            f"sensitivity.{change.finding}",
            node=names.get(change.id, change.id),
            nodes=listed,
            n=len(change.nodes),
            rank=change.rank if change.rank is not None else "—",
            stated=r if r is not None else "—",
            stated_rank=Message("sensitivity.ranks", rank=r) if r is not None else Message("sensitivity.unranked"),
            top=self.top,
        )

    def tables(self) -> tuple[Table, ...]:
        columns = (
            Column("finding", "col.finding", "word", vocab="finding", show="data"),
            Column("id", "col.id", "id"),
            Column("conclusion", "col.conclusion", "text"),
            Column("nodes", "col.nodes", "nodes", show="data"),
            Column("rank", "col.rank", "int", show="data"),
            Column("stated_rank", "col.stated_rank", "int", show="data"),
        )
        rows = tuple(
            (c.finding, c.id, self.sentence(c), c.nodes, c.rank, c.stated_rank) for c in self.changes
        )
        empty = Message("sensitivity.none_stated_only" if self.stated_only else "sensitivity.none")
        return (Table("changes", columns, rows, note=Message("note.sensitivity"), empty=empty),)


def sensitivity(G: GraphLike, *, top: int = 5) -> Sensitivity:
    """The conclusions about ``G`` that change on stated links alone (see the module
    docstring); ``top`` is how many of the bottleneck ranking count as its top."""
    index = as_index(G)
    stated = stated_index(index)
    if stated is index:
        return Sensitivity((), {}, top, stated_only=True)
    changes: list[Change] = []
    changes += _needs(index, stated)
    changes += _bottlenecks(index, stated, top)
    # A mission that needs nothing on stated links has lost every gateway and every single
    # point of failure: its one line says so, not one line per node.
    covered = 0
    for j, m in enumerate(index.missions):
        if index.req[m] and not stated.req[m]:
            covered |= 1 << j
    changes += _gateways(index, stated, covered)
    changes += _critical(index, stated, covered)
    changes += _convergence(index, stated)
    order = {f: i for i, f in enumerate(FINDINGS)}
    changes.sort(key=lambda c: order[c.finding])
    named = {c.id for c in changes} | {n for c in changes for n in c.nodes[:NAMED]}
    names: dict[str, Any] = {n: localized(info) for n, info in index.G.graph.get("fields", {}).items()}
    names.update((n, localized(index.G.nodes[n])) for n in sorted(named) if n in index.G)
    return Sensitivity(tuple(changes), names, top)


def _needs(index: RoadmapIndex, stated: RoadmapIndex) -> list[Change]:
    """Missions that need nothing on stated links, and nodes only inferred links bring into
    a mission's chain."""
    out = []
    for m in index.missions:
        if index.req[m] and not stated.req[m]:
            out.append(Change("no_stated_need", index.ids[m], tuple(index.names(sorted(index.req[m])))))
        extra = index.reach([m]) - stated.reach([m])
        if extra:
            out.append(Change("chain", index.ids[m], tuple(index.names(sorted(extra)))))
    return out


def _bottlenecks(index: RoadmapIndex, stated: RoadmapIndex, top: int) -> list[Change]:
    full = [b.id for b in ranked(index)]
    on_stated = [b.id for b in ranked(stated)]
    rank = {n: i + 1 for i, n in enumerate(full)}
    stated_rank = {n: i + 1 for i, n in enumerate(on_stated)}
    out = []
    for n in full[:top]:
        r = stated_rank.get(n)
        if r is None or r > top:
            out.append(Change("bottleneck", n, rank=rank[n], stated_rank=r))
    for n in on_stated[:top]:
        if rank.get(n, top + 1) > top:
            out.append(Change("stated_bottleneck", n, rank=rank.get(n), stated_rank=stated_rank[n]))
    return out


def _gateways(index: RoadmapIndex, stated: RoadmapIndex, covered: int) -> list[Change]:
    def served(g: RoadmapIndex) -> dict[int, int]:
        bits: dict[int, int] = {}
        for j, m in enumerate(g.missions):
            for x in g.dominators(m):
                bits[x] = bits.get(x, 0) | 1 << j
        return bits

    full, on_stated = served(index), served(stated)
    out = []
    for x in sorted(full.keys() | on_stated.keys()):
        only_inferred = full.get(x, 0) & ~on_stated.get(x, 0) & ~covered
        only_stated = on_stated.get(x, 0) & ~full.get(x, 0)
        if only_inferred:
            out.append(Change("gateway", index.ids[x], tuple(index.mission_ids(only_inferred))))
        if only_stated:
            out.append(Change("stated_gateway", index.ids[x], tuple(index.mission_ids(only_stated))))
    return out


def _critical(index: RoadmapIndex, stated: RoadmapIndex, covered: int) -> list[Change]:
    full, on_stated = criticality(index).bits, criticality(stated).bits
    out = []
    for v, kind in enumerate(index.kind):
        if kind not in TECHNOLOGY_KINDS:
            continue
        only_inferred = full[v] & ~on_stated[v] & ~covered
        only_stated = on_stated[v] & ~full[v]
        if only_inferred:
            out.append(Change("critical", index.ids[v], tuple(index.mission_ids(only_inferred))))
        if only_stated:
            out.append(Change("stated_critical", index.ids[v], tuple(index.mission_ids(only_stated))))
    return out


def _convergence(index: RoadmapIndex, stated: RoadmapIndex) -> list[Change]:
    """Convergence points (serving missions of another field, or of two or more) only
    through inferred links; ``nodes`` are the fields of the missions they serve."""
    fields, own = field_counts(index).fields, field_counts(index).field
    full, on_stated = served_fields(index), served_fields(stated)

    def point(v: int, bits: int) -> bool:
        return bool(bits) and (bits | 1 << own[v]).bit_count() >= 2

    return [
        Change("convergence", index.ids[v], tuple(sorted(f for s, f in enumerate(fields) if bits >> s & 1)))
        for v, bits in enumerate(full)
        if point(v, bits) and not point(v, on_stated[v])
    ]


ANALYSIS = Analysis(
    name="sensitivity",
    title="title.sensitivity",
    summary="The conclusions that change when inferred links are dropped, one line each.",
    description=(
        "Runs the analyses on every link and on the stated links alone and lists what does not "
        "survive: missions that need nothing on stated links, chain nodes, bottlenecks (top N), "
        "gateways, single points of failure and convergence points that rest on inferred links. "
        'JSON: {"top", "stated_only", "changes": [{"finding", "id", "nodes", "rank", "stated_rank"}]}.'
    ),
    run=sensitivity,
    params=(
        Param("top", "How many of the bottleneck ranking count as its top.", kind="int", flag="--top", default=5, minimum=1),
    ),
)
