"""What-if: which missions fail when technologies or measures fail, under AND/alternative rules.

A node is *feasible* when it has not failed, every plain requirement is feasible and every
``any_of`` group has at least one feasible member; foundations are feasible unless they
fail. A failed measure makes nothing infeasible by itself (support is not a requirement);
it shows as technologies left without support.

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> impact(G, ["cloud_optimization"]).infeasible_missions   # one mission in each field
('ai_mission_efficient_learning', 'bio_mission_health_data')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

from ..graph.evidence import stated_index
from ..graph.index import GraphLike, RoadmapIndex, as_index
from ..graph.requirements import check_nodes
from ..vocabulary import Message, joined, localized
from .registry import Analysis, Param
from .result import Column, Table, Tabular

#: How a node can be affected, in the order the tables show them.
STATUSES = ("removed", "infeasible_mission", "orphaned", "unsupported", "weakened")
_TITLES = ("title.removed", "title.infeasible_missions", "title.orphaned", "title.unsupported", "title.weakened")


def feasible_indices(index: RoadmapIndex, failed: set[int]) -> list[bool]:
    """Feasibility of every node once the ``failed`` nodes have failed (see the module
    docstring), in one pass from the foundations up."""
    ok = [False] * len(index.ids)
    plain, alternatives = index.plain, index.alternatives
    for v in reversed(index.order):
        if v in failed or not all(ok[c] for c in plain[v]):
            continue
        if all(any(ok[c] for c in group) for group in alternatives[v]):
            ok[v] = True
    return ok


def feasible(G: GraphLike, removed: Iterable[str] = ()) -> set[str]:
    """The nodes of ``G`` that are feasible once the nodes in ``removed`` have failed."""
    index = as_index(G)
    ok = feasible_indices(index, {index.at[n] for n in check_nodes(index.G, removed)})
    return {n for n, good in zip(index.ids, ok) if good}


def grounded(G: GraphLike) -> set[str]:
    """The nodes whose requirements reach down to enabling technologies: a roadmap that
    names, for every requirement, how it is to be built.

    A node is *grounded* when every plain requirement is grounded and each ``any_of`` group
    has a grounded member; a node that requires nothing is grounded only if it is an
    enabling technology (a core technology or mission with nothing below it has no path
    down: gap rules RG201 and RG101). A mission that is not grounded is what the revision
    diff calls *infeasible*: some technology in its chain has no path down. Measures are
    not requirements and do not count.

    >>> import roadmap_graph as rg
    >>> G = rg.to_networkx(rg.load_roadmap())
    >>> sorted(m for m, k in G.nodes(data="kind") if k == "mission" and m not in grounded(G))
    ['ai_mission_industrial_ai']
    """
    index = as_index(G)
    kind, req = index.kind, index.req
    leaves = {v for v in range(len(index.ids)) if not req[v] and kind[v] != "enabling_technology"}
    return {n for n, ok in zip(index.ids, feasible_indices(index, leaves)) if ok}


@dataclass(frozen=True)
class Impact(Tabular):
    """What failing the ``removed`` nodes does.

    ``infeasible_missions``: missions no longer feasible (a removed mission included).
    ``orphaned``: non-mission nodes, other than the removed ones, that some mission reached
    (over any edge) before and no feasible mission reaches once the removed nodes are gone.
    ``unsupported``: technologies whose every supporting measure was removed;
    ``weakened``: technologies that lost some but not all of their supporting measures.
    ``infeasible_on_stated``: those of the ``infeasible_missions`` that also fail on stated
    links alone (:func:`roadmap_graph.stated_only`); the others fail only through inferred
    links.
    """

    removed: tuple[str, ...]
    infeasible_missions: tuple[str, ...]
    orphaned: tuple[str, ...]
    unsupported: tuple[str, ...]
    weakened: tuple[str, ...]
    removed_names: tuple[Any, ...] = ()
    infeasible_on_stated: tuple[str, ...] = ()

    primary: ClassVar[str | None] = "affected"

    def _groups(self) -> tuple[tuple[str, ...], ...]:
        return self.removed, self.infeasible_missions, self.orphaned, self.unsupported, self.weakened

    def to_dict(self) -> dict[str, list[str]]:
        """The JSON shape: ``{"removed", "infeasible_missions", "orphaned", "unsupported",
        "weakened", "infeasible_on_stated"}``, each a list of node ids
        (``infeasible_on_stated``: the infeasible missions that fail on stated links alone)."""
        keys = ("removed", "infeasible_missions", "orphaned", "unsupported", "weakened")
        out = {k: list(nodes) for k, nodes in zip(keys, self._groups())}
        out["infeasible_on_stated"] = list(self.infeasible_on_stated)
        return out

    def evidence(self, mission: str) -> str:
        """``"stated"`` when the infeasible ``mission`` fails on stated links alone too,
        else ``"inferred"``."""
        return "stated" if mission in self.infeasible_on_stated else "inferred"

    def heading(self) -> Message:
        return Message("title.impact_of", nodes=joined(self.removed_names or self.removed))

    def tables(self) -> tuple[Table, ...]:
        columns = (
            Column("id", "col.id", "id"),
            Column("name", "col.name", "name"),
            Column("kind", "col.kind", "kind_of"),
            Column("field", "col.field", "field_of"),
        )
        evidence = Column("evidence", "col.evidence", "word", vocab="evidence")
        return tuple(
            Table(
                status, (*columns, evidence), tuple((n, n, n, n, self.evidence(n)) for n in nodes),
                title=Message(title, n=len(nodes)),
            )
            if status == "infeasible_mission" else
            Table(
                status, columns, tuple((n, n, n, n) for n in nodes), title=Message(title, n=len(nodes)),
                note=Message("note.impact") if status == STATUSES[-1] else None,
            )
            for status, title, nodes in zip(STATUSES, _TITLES, self._groups())
        )  # fmt: skip

    def data_tables(self) -> tuple[Table, ...]:
        affected = Table(
            "affected",
            (
                Column("status", "col.status", "word", vocab="status"),
                Column("id", "col.id", "id"),
                Column("kind", "col.kind", "kind_of"),
                Column("field", "col.field", "field_of"),
                Column("name", "col.name", "name"),
            ),
            tuple((s, n, n, n, n) for s, nodes in zip(STATUSES, self._groups()) for n in nodes),
        )
        return (affected, *self.tables())


def impact(G: GraphLike, removed: Iterable[str]) -> Impact:
    """Fail the nodes in ``removed`` and report what the roadmap loses.

    Raises
    ------
    UnknownNodeError
        When a removed id is not in the roadmap.
    """
    index = as_index(G)
    gone = check_nodes(index.G, dict.fromkeys(removed))
    failed = {index.at[n] for n in gone}
    ok = feasible_indices(index, failed)
    missions = index.missions
    infeasible = tuple(index.ids[m] for m in missions if not ok[m])
    before = index.reach(missions)
    after = index.reach([m for m in missions if ok[m]], blocked=failed)
    kind = index.kind
    orphaned = tuple(index.ids[n] for n in sorted(before - after) if n not in failed and kind[n] != "mission")
    unsupported: list[str] = []
    weakened: list[str] = []
    for v, measures in enumerate(index.support):
        if v in failed or not measures:
            continue
        lost = sum(c in failed for c in measures)
        if lost:
            (unsupported if lost == len(measures) else weakened).append(index.ids[v])
    names = tuple(localized(index.G.nodes[n]) for n in gone)
    stated = stated_index(index)
    if stated is not index:  # the same nodes, so the same indices
        ok = feasible_indices(stated, failed)
    on_stated = tuple(index.ids[m] for m in missions if not ok[m] and index.ids[m] in infeasible)
    return Impact(tuple(gone), infeasible, orphaned, tuple(unsupported), tuple(weakened), names, on_stated)


def _each_marked_bottleneck(index: RoadmapIndex) -> list[dict[str, Any]]:
    from .bottlenecks import bottlenecks  # bottlenecks build on impact's feasibility

    return [{"removed": [b]} for b in bottlenecks(index).marked()]


ANALYSIS = Analysis(
    name="impact",
    title="title.impact",
    summary="What failing NODES costs: missions made infeasible, nodes orphaned, support lost.",
    description=(
        "A node is feasible when all its requires are feasible and each any_of group keeps one "
        'feasible member. JSON: {"removed", "infeasible_missions", "orphaned", "unsupported", '
        '"weakened", "infeasible_on_stated"} (the infeasible missions that fail on stated links '
        'alone too). The report shows what the failure of each marked bottleneck costs.'
    ),
    run=impact,
    params=(Param("removed", "The ids of the nodes that fail.", kind="nodes", required=True),),
    report_runs=_each_marked_bottleneck,
)
