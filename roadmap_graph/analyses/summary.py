"""What a roadmap holds at a glance: counts by field and kind, and the missions' targets.

>>> import roadmap_graph as rg
>>> s = rg.summarize(rg.to_networkx(rg.load_roadmap()))
>>> s.count("ai", "core_technology"), s.count("bio", "core_technology")
(4, 4)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx

from ..fileformat.model import KINDS


@dataclass(frozen=True)
class MissionSummary:
    """A mission with its targets (each a dict: metric, value, unit, comparator, by, ...)."""

    id: str
    field: str
    name: str
    name_en: str | None
    targets: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Summary:
    """Counts and missions of a roadmap graph.

    ``counts`` maps ``(field, kind)`` to the number of nodes; ``edges`` maps each relation
    to its number of edges; ``inferred_edges`` counts the links marked inferred.
    """

    roadmap: dict[str, Any]
    fields: dict[str, dict[str, Any]]
    counts: dict[tuple[str, str], int]
    edges: dict[str, int]
    inferred_edges: int
    cross_field_edges: int
    missions: tuple[MissionSummary, ...]

    def count(self, field: str | None = None, kind: str | None = None) -> int:
        """Nodes of ``field`` and ``kind`` (``None`` means any)."""
        return sum(
            n
            for (f, k), n in self.counts.items()
            if (field is None or f == field) and (kind is None or k == kind)
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of the summary."""
        return {
            "roadmap": self.roadmap,
            "fields": self.fields,
            "counts": [
                {"field": f, "kind": k, "count": self.counts.get((f, k), 0)}
                for f in self.fields
                for k in KINDS
            ],
            "nodes": self.count(),
            "edges": self.edges,
            "inferred_edges": self.inferred_edges,
            "cross_field_edges": self.cross_field_edges,
            "missions": [asdict(m) for m in self.missions],
        }


def summarize(G: nx.DiGraph) -> Summary:
    """Summarise the roadmap graph ``G`` (built by :func:`roadmap_graph.to_networkx`)."""
    counts = Counter((d["field"], d["kind"]) for _, d in G.nodes(data=True))
    field = nx.get_node_attributes(G, "field")
    missions = tuple(
        MissionSummary(
            id=n,
            field=d["field"],
            name=d["name"],
            name_en=d.get("name_en"),
            targets=tuple(d.get("targets", ())),
        )
        for n, d in sorted(G.nodes(data=True), key=lambda item: (item[1]["field"], item[0]))
        if d["kind"] == "mission"
    )
    return Summary(
        roadmap=dict(G.graph.get("roadmap", {})),
        fields=dict(G.graph.get("fields", {})),
        counts=dict(counts),
        edges=dict(Counter(d["relation"] for _, _, d in G.edges(data=True))),
        inferred_edges=sum(1 for *_, p in G.edges(data="provenance") if p == "inferred"),
        cross_field_edges=sum(1 for u, v in G.edges if field[u] != field[v]),
        missions=missions,
    )
