"""Gateway technologies (길목기술): the nodes every route from a mission down must pass.

A node x is a *gateway* of mission M when every requirement path from M down to a
foundation passes through x: lose x and M loses every route to the ground. Requirement
edges are ``requires`` edges, plain or alternative; support edges do not count. This is
reachability ("any one chain suffices") semantics; :func:`roadmap_graph.impact` answers the
stricter AND/alternative question, and :func:`roadmap_graph.redundancy` how many nodes it
takes to cut a mission off when it has no gateway.

All gateways of all missions come from one dominator tree, shared through the index
(:attr:`roadmap_graph.RoadmapIndex.idom`): reverse the requirement edges, add a virtual root
above every foundation, and the dominators of M are its gateways, nearest first.

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> gateways(G).by_mission["bio_mission_gene_cell_therapy"]
('bio_gene_cell_therapy',)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from ..graph.evidence import stated_index
from ..graph.index import GraphLike, RoadmapIndex, as_index
from ..graph.requirements import check_nodes
from ..vocabulary import Message, localized
from .registry import Analysis, Param
from .result import Column, Table, Tabular


@dataclass(frozen=True)
class Gateway:
    """A node that is a gateway of at least one mission; ``stated_missions`` are the
    missions it is a gateway of on stated links alone (:func:`roadmap_graph.stated_only`),
    sorted (they may include missions it is not a gateway of on all links).

    ``sole_missions`` are the missions whose *only* direct requirement it is: a gateway of
    those trivially (every mission with one core technology has one). It is a *deep*
    gateway (:attr:`deep`) when it is a gateway of some mission besides those: a meeting
    point of several of the mission's paths, which the roadmap's top level does not show.
    """

    id: str
    kind: str
    field: str
    missions: tuple[str, ...]
    stated_missions: tuple[str, ...] = ()
    sole_missions: tuple[str, ...] = ()

    @property
    def deep(self) -> bool:
        """Whether it is a gateway of some mission it is not the only direct requirement of."""
        return len(self.sole_missions) < len(self.missions)

    def evidence(self, mission: str | None = None) -> str:
        """``"stated"`` when the node is a gateway of ``mission`` (of each of its missions,
        with ``None``) on stated links alone, else ``"inferred"``."""
        wanted = self.missions if mission is None else (mission,)
        return "stated" if set(wanted) <= set(self.stated_missions) else "inferred"


@dataclass(frozen=True)
class Gateways(Tabular):
    """The gateways of every mission.

    ``by_mission[M]`` lists M's gateways from the nearest (just below M) to the farthest
    (nearest the foundations); it is empty when M has none. ``gateways`` lists every node
    that is a gateway of at least one mission, by number of missions (most first), then id;
    for a result narrowed to one mission (:meth:`for_mission`, ``mission`` set), that
    mission's gateways, nearest first.
    """

    by_mission: Mapping[str, tuple[str, ...]]
    gateways: tuple[Gateway, ...]
    mission: str | None = None
    mission_name: Any = None

    def for_mission(self, mission: str) -> Gateways:
        """The gateways of ``mission`` alone, nearest first (the same records)."""
        if mission not in self.by_mission:
            raise KeyError(mission)
        found = {g.id: g for g in self.gateways}
        return replace(self, gateways=tuple(found[x] for x in self.by_mission[mission]), mission=mission)

    def to_dict(self) -> list[dict[str, Any]]:
        """The JSON shape: ``[{"id", "kind", "field", "missions": [sorted ids],
        "stated_missions": [sorted ids], "sole_missions": [sorted ids], "deep": bool}]``:
        ``stated_missions`` are the missions the node is a gateway of on stated links alone;
        ``sole_missions`` those whose only direct requirement it is (trivially a gateway);
        ``deep``: a gateway of some other mission too."""
        return [
            {
                "id": g.id, "kind": g.kind, "field": g.field, "missions": list(g.missions),
                "stated_missions": list(g.stated_missions), "sole_missions": list(g.sole_missions),
                "deep": g.deep,
            }
            for g in self.gateways
        ]  # fmt: skip

    to_list = to_dict

    def heading(self) -> Message | None:
        if self.mission is None:
            return None
        return Message("title.gateways_of", mission=self.mission_name, id=self.mission)

    def tables(self) -> tuple[Table, ...]:
        first = Column("rank", "col.number" if self.mission else "col.rank", "int", show="display")
        columns = (
            first,
            Column("id", "col.id", "id"),
            Column("name", "col.name", "name", show="display"),
            Column("kind", "col.kind", "kind"),
            Column("field", "col.field", "field", show="data"),
            Column("n_missions", "col.n_missions", "int"),
            Column("missions", "col.missions", "nodes"),
            Column("stated_missions", "col.stated_missions", "nodes", show="data"),
            Column("depth", "col.gateway_depth", "word", vocab="gateway_depth"),
            Column("evidence", "col.evidence", "word", vocab="evidence"),
        )
        rows = tuple(
            (i + 1, g.id, g.id, g.kind, g.field, len(g.missions), g.missions, g.stated_missions, "deep" if g.deep else "sole", g.evidence(self.mission))
            for i, g in enumerate(self.gateways)
        )
        return (Table("gateways", columns, rows, note=Message("note.gateways")),)


def gateways(G: GraphLike, *, mission: str | None = None) -> Gateways:
    """The gateways of every mission of ``G`` (see the module docstring); with ``mission``,
    that mission's gateways only, nearest first.

    Raises
    ------
    UnknownNodeError
        When ``mission`` is not a mission of ``G``.
    """
    index = as_index(G)
    if mission is not None:
        check_nodes(index.G, [mission], kind="mission")
    by_mission: dict[str, tuple[str, ...]] = {}
    served = _served(index)
    for m in index.missions:
        by_mission[index.ids[m]] = tuple(index.names(index.dominators(m)))
    stated = _served(stated_index(index))  # the same nodes, so the same indices
    found = sorted(
        (
            Gateway(
                index.ids[x], index.kind[x], index.field[x], tuple(sorted(ms)), tuple(sorted(stated.get(x, ()))),
                tuple(sorted(index.ids[m] for m in index.missions if index.req[m] == (x,))),
            )
            for x, ms in served.items()
        ),
        key=lambda g: (-len(g.missions), g.id),
    )
    result = Gateways(by_mission=by_mission, gateways=tuple(found))
    if mission is None:
        return result
    return replace(result.for_mission(mission), mission_name=localized(index.G.nodes[mission]))


def _served(index: RoadmapIndex) -> dict[int, list[str]]:
    """Every gateway (by index) and the ids of the missions it is a gateway of."""
    served: dict[int, list[str]] = {}
    for m in index.missions:
        for x in index.dominators(m):
            served.setdefault(x, []).append(index.ids[m])
    return served


ANALYSIS = Analysis(
    name="gateways",
    title="title.gateways",
    summary="Gateway technologies (길목기술): nodes every path from a mission down passes through.",
    description=(
        'JSON: a list of {"id", "kind", "field", "missions", "stated_missions", "sole_missions", "deep"} '
        "(stated_missions: the missions it is a gateway of on stated links alone; sole_missions: those "
        "whose only direct requirement it is, a trivial gateway; deep: a gateway of some other mission "
        "too), by number of missions, then id; with "
        "--mission, that mission's gateways, nearest first. Each mission's redundancy level is "
        "`roadmap-graph redundancy`."
    ),
    run=gateways,
    params=(Param("mission", "Only this mission's gateways, nearest first.", kind="mission", flag="--mission"),),
)
