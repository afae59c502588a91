"""A mission's prerequisite chain: everything it needs, all the way down.

The chain of mission M is every node reachable from M over any edge (requirements and
support), with the edges among them. Each node's ``depth`` is the length of the longest
requirement path from M to it; a measure, which no requirement path reaches, sits one below
the deepest node it supports (the longest path over any edge, which is the same thing,
because support edges end at measures and measures have no outgoing edges).

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> chain = rg.prerequisite_chain(G, "bio_mission_gene_cell_therapy")
>>> [(n.id, n.depth) for n in chain.nodes][:3]
[('bio_mission_gene_cell_therapy', 0), ('bio_gene_cell_therapy', 1), ('bio_gene_delivery', 2)]
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, ClassVar

import networkx as nx

from ..graph.evidence import is_inferred, stated_only
from ..graph.index import GraphLike, RoadmapIndex, as_graph
from ..graph.requirements import check_nodes, missions
from ..vocabulary import Message, check_lang, localized, node_name, text
from .registry import Analysis, Param
from .result import Column, Table, Tabular


@dataclass(frozen=True)
class ChainNode:
    """A node of a chain and its depth below the mission; ``evidence`` is ``"stated"`` when
    the node is in the mission's chain on stated links alone, else ``"inferred"`` (only
    inferred links bring it in)."""

    id: str
    kind: str
    field: str
    name: str
    name_en: str | None
    depth: int
    evidence: str = "stated"


@dataclass(frozen=True)
class ChainEdge:
    """An edge of a chain; ``group`` is set for the alternatives of one ``any_of`` group;
    ``provenance`` is stated, inferred or ``None`` (the file does not say)."""

    source: str
    target: str
    relation: str
    group: int | None
    provenance: str | None = None


@dataclass(frozen=True)
class Chain(Tabular):
    """The prerequisite chain of one mission (see the module docstring).

    ``gateways`` are the mission's gateways, nearest first (:func:`roadmap_graph.gateways`);
    ``targets`` the mission's targets (dicts as in the graph); ``stated_gateways`` the
    mission's gateways on stated links alone (:func:`roadmap_graph.stated_only`), nearest
    first.
    """

    mission: str
    nodes: tuple[ChainNode, ...]
    edges: tuple[ChainEdge, ...]
    gateways: tuple[str, ...] = ()
    targets: tuple[dict[str, Any], ...] = ()
    stated_gateways: tuple[str, ...] = ()

    primary: ClassVar[str | None] = "nodes"

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: ``{"mission", "nodes": [{"id", "kind", "field", "name",
        "name_en", "depth", "evidence"}], "edges": [{"source", "target", "relation", "group",
        "provenance"}], "gateways": [ids, nearest first], "targets": [...],
        "stated_gateways": [ids, nearest first]}``. A node's ``evidence`` is ``"stated"`` when
        it is in the chain on stated links alone, else ``"inferred"``; an edge's
        ``provenance`` is the link's (``null`` when the file does not say)."""
        return {
            "mission": self.mission,
            "nodes": [asdict(n) for n in self.nodes],
            "edges": [
                {"source": e.source, "target": e.target, "relation": e.relation, "group": e.group, "provenance": e.provenance}
                for e in self.edges
            ],
            "gateways": list(self.gateways),
            "targets": [dict(t) for t in self.targets],
            "stated_gateways": list(self.stated_gateways),
        }

    def heading(self) -> Message:
        """The mission's name and id."""
        mission = next(n for n in self.nodes if n.id == self.mission)
        return Message("title.chain_of", mission=localized(asdict(mission)), id=self.mission)

    def tables(self) -> tuple[Table, ...]:
        gateways = set(self.gateways)
        targets = Table(
            "targets",
            (Column("target", "col.target", "target"),),
            tuple((t,) for t in self.targets) or ((None,),),
        )
        nodes = Table(
            "nodes",
            (
                Column("id", "col.id", "id"),
                Column("kind", "col.kind", "kind"),
                Column("field", "col.field", "field"),
                Column("name", "col.name", "name"),
                Column("name_en", "col.name_en", show="data"),
                Column("depth", "col.depth", "int"),
                Column("gateway", "fig.gateway", "text", show="display"),
                Column("evidence", "col.evidence", "word", vocab="evidence"),
            ),
            tuple(
                (n.id, n.kind, n.field, n.id, n.name_en, n.depth, "✓" if n.id in gateways else "", n.evidence)
                for n in self.nodes
            ),
            title=Message("title.chain_nodes", n=len(self.nodes)),
            detail=True,
        )
        return targets, nodes

    def tree(self, lang: str = "ko") -> str:
        """The chain as an indented tree that shows AND and alternative groups.

        A node needed in several places is expanded once; later it is marked as shown above.
        """
        check_lang(lang)
        nodes = {n.id: n for n in self.nodes}
        out_edges: dict[str, list[ChainEdge]] = {n.id: [] for n in self.nodes}
        inferred = set()
        for e in self.edges:
            out_edges[e.source].append(e)
            if e.provenance == "inferred":
                inferred.add((e.source, e.target))
        lines = [self._label(nodes[self.mission], lang)]
        expanded = {self.mission}

        def walk(node_id: str, prefix: str) -> None:
            edges = out_edges[node_id]
            plain = [e for e in edges if e.relation == "requires" and e.group is None]
            groups = sorted({e.group for e in edges if e.group is not None})
            support = [e for e in edges if e.relation == "supported_by"]
            items: list[tuple[str, Any]] = [("node", e.target) for e in plain]
            items += [("group", [e.target for e in edges if e.group == g]) for g in groups]
            if support:
                items.append(("support", [e.target for e in support]))
            for i, (what, value) in enumerate(items):
                last = i == len(items) - 1
                branch, indent = ("└── ", "    ") if last else ("├── ", "│   ")
                if what == "node":
                    child(node_id, value, prefix, branch, indent)
                    continue
                title = text("word.one_of" if what == "group" else "word.supported_by", lang)
                marker = "∨" if what == "group" else "+"
                lines.append(f"{prefix}{branch}{marker} {title}:")
                for j, target in enumerate(value):
                    sub_last = j == len(value) - 1
                    child(
                        node_id,
                        target,
                        prefix + indent,
                        "└── " if sub_last else "├── ",
                        "    " if sub_last else "│   ",
                    )

        def child(parent: str, node_id: str, prefix: str, branch: str, indent: str) -> None:
            label = self._label(nodes[node_id], lang)
            if (parent, node_id) in inferred:
                label += f"  ({text('provenance.inferred', lang)})"
            if nodes[node_id].evidence == "inferred" and node_id not in expanded:
                label += f"  {text('evidence.mark', lang)}"
            if node_id in expanded and out_edges[node_id]:
                lines.append(f"{prefix}{branch}{label}  ({text('word.seen_above', lang)})")
                return
            lines.append(f"{prefix}{branch}{label}")
            expanded.add(node_id)
            walk(node_id, prefix + indent)

        walk(self.mission, "")
        if any(n.evidence == "inferred" for n in self.nodes):
            lines += ["", f"{text('evidence.mark', lang)} {text('note.evidence_chain', lang)}"]
        return "\n".join(lines)

    @staticmethod
    def _label(node: ChainNode, lang: str) -> str:
        name = node_name({"name": node.name, "name_en": node.name_en}, lang)
        return f"{name}  [{text('kind.' + node.kind, lang)}] {node.id}"


def prerequisite_chain(G: GraphLike, mission: str) -> Chain:
    """Return the prerequisite chain of ``mission`` in ``G`` (a roadmap graph or its index).

    Nodes come in order of depth, then id; edges in order of the source's depth, then
    source, group and target. The work is linear in the size of the chain: the mission's
    gateways come from the dominator tree of the chain alone (every requirement path from
    the mission stays inside its chain).

    Raises
    ------
    UnknownNodeError
        When ``mission`` is not a node of ``G`` or is not a mission.
    """
    G = as_graph(G)
    check_nodes(G, [mission], kind="mission")
    reach = {mission} | nx.descendants(G, mission)
    stated_reach, stated_gateways = _stated_chain(G, mission)
    cone = RoadmapIndex(G.subgraph(reach))
    depth = dict.fromkeys(reach, 0)
    for u in cone.names(cone.order):
        for v in G.succ[u]:
            depth[v] = max(depth[v], depth[u] + 1)
    nodes = tuple(
        ChainNode(
            id=n,
            kind=G.nodes[n]["kind"],
            field=G.nodes[n]["field"],
            name=G.nodes[n]["name"],
            name_en=G.nodes[n].get("name_en"),
            depth=depth[n],
            evidence="stated" if n in stated_reach else "inferred",
        )
        for n in sorted(reach, key=lambda n: (depth[n], n))
    )
    edges = tuple(
        ChainEdge(u, v, d["relation"], d.get("group"), d.get("provenance"))
        for u, v, d in sorted(
            G.out_edges(reach, data=True),
            key=lambda e: (depth[e[0]], e[0], _group_key(e[2].get("group")), e[1]),
        )
    )
    gateways = tuple(cone.names(cone.dominators(cone.at[mission])))
    targets = tuple(G.nodes[mission].get("targets") or ())
    return Chain(
        mission=mission, nodes=nodes, edges=edges, gateways=gateways, targets=targets, stated_gateways=stated_gateways
    )


def _stated_chain(G: nx.DiGraph, mission: str) -> tuple[set[str], tuple[str, ...]]:
    """The mission's chain on stated links alone (the nodes it reaches over links not
    marked inferred) and its gateways there, nearest first: work linear in that chain."""
    reach = {mission}
    stack = [mission]
    adjacency = G.adj
    while stack:
        for v, data in adjacency[stack.pop()].items():
            if v not in reach and not is_inferred(data):
                reach.add(v)
                stack.append(v)
    cone = RoadmapIndex(stated_only(G.subgraph(reach)))
    return reach, tuple(cone.names(cone.dominators(cone.at[mission])))


def _group_key(group: int | None) -> int:
    return -1 if group is None else group


def _every_mission(index: RoadmapIndex) -> list[dict[str, Any]]:
    fields = list(index.G.graph.get("fields", {}))
    rank = {f: i for i, f in enumerate(fields)}
    return [{"mission": m} for m in sorted(missions(index.G), key=lambda m: (rank.get(index.G.nodes[m]["field"], len(rank)), m))]


ANALYSIS = Analysis(
    name="chain",
    title="title.chain",
    summary="The prerequisite chain of MISSION_ID: everything it needs, all the way down.",
    description=(
        "The tree shows alternatives (one of) and supporting measures (supported by), and marks "
        'inferred links. JSON: {"mission", "nodes": [{"id", "kind", "field", "name", "name_en", '
        '"depth", "evidence"}], "edges": [{"source", "target", "relation", "group", "provenance"}], '
        '"gateways", "targets", "stated_gateways"}. A node\'s evidence is "stated" when it is in '
        'the chain on stated links alone, else "inferred".'
    ),
    run=prerequisite_chain,
    params=(Param("mission", "The mission's id.", kind="mission", required=True),),
    figure="chain",
    report_runs=_every_mission,
    text_view="tree",
)
