"""What a roadmap holds at a glance: counts by field and kind, and the missions' targets.

>>> import roadmap_graph as rg
>>> s = rg.summarize(rg.to_networkx(rg.load_roadmap()))
>>> s.count("ai", "core_technology"), s.count("bio", "core_technology")
(4, 4)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any, ClassVar

from ..fileformat.model import KINDS
from ..graph.index import GraphLike, as_graph
from ..vocabulary import Message, joined, localized, verbatim
from .registry import Analysis
from .result import Column, Table, Tabular


@dataclass(frozen=True)
class MissionSummary:
    """A mission with its targets (each a dict: metric, value, unit, comparator, by, ...)."""

    id: str
    field: str
    name: str
    name_en: str | None
    targets: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Summary(Tabular):
    """Counts and missions of a roadmap graph, and what the sources say about the roadmap.

    ``counts`` maps ``(field, kind)`` to the number of nodes; ``edges`` maps each relation
    to its number of edges; ``inferred_edges`` counts the links marked inferred.
    ``roadmap`` is the header: besides id, title and dates, the optional ``decision`` (body,
    meeting, action, date), ``framing``, ``use``, ``review`` and ``emphases`` (each with
    ``text``, ``text_en`` and the ``sources`` that quote it); ``fields`` may carry a ``focus``.
    """

    roadmap: dict[str, Any]
    fields: dict[str, dict[str, Any]]
    counts: dict[tuple[str, str], int]
    edges: dict[str, int]
    inferred_edges: int
    cross_field_edges: int
    missions: tuple[MissionSummary, ...]
    stated_edges: int = 0

    primary: ClassVar[str | None] = "targets"

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
            "stated_edges": self.stated_edges,
        }

    def heading(self) -> Message:
        """The roadmap's title with its publication date and horizon."""
        info = self.roadmap
        dates = []
        if info.get("published"):
            dates.append(Message("word.published_on", date=verbatim(info["published"])))
        if info.get("horizon"):
            dates.append(Message("word.horizon_year", year=info["horizon"]))
        title = localized(info, "title")
        if not dates:
            return Message("word.plain", value=title)
        return Message("word.roadmap_title", title=title, dates=joined(dates))

    def tables(self) -> tuple[Table, ...]:
        counts = Table(
            "counts",
            (
                Column("field", "col.field", "field"),
                *(Column(k, f"kind.{k}", "int") for k in KINDS),
                Column("total", "col.total", "int"),
            ),
            (
                *((f, *(self.count(f, k) for k in KINDS), self.count(f)) for f in self.fields),
                (Message("word.total"), *(self.count(None, k) for k in KINDS), self.count()),
            ),
            title=Message("title.counts"),
        )
        goals = Table(
            "fields",
            (Column("field", "col.field", "field"), Column("goal", "col.goal")),
            tuple((f, localized(info, "goal")) for f, info in self.fields.items()),
            title=Message("title.fields"),
        )
        about = self._about()
        return (*((about,) if about.rows else ()), counts, goals, self._targets())

    def _about(self) -> Table:
        """What the sources say about the roadmap as a whole: who decided it, what it sets
        out, how it is used and reviewed, its emphases and each field's focus."""
        info = self.roadmap
        rows: list[tuple[Any, ...]] = []
        decision = info.get("decision")
        if decision:
            what = Message(
                "about.decision_at" if decision.get("meeting") else "about.decision_by",
                body=localized(decision, "body"),
                meeting=localized(decision, "meeting"),
                action=localized(decision, "action") if decision.get("action") else Message("about.decided"),
                date=verbatim(decision["date"]) if decision.get("date") else Message("about.no_date"),
            )
            rows.append((Message("about.decision"), what))
        for key in ("framing", "use", "review"):
            if info.get(key):
                rows.append((Message(f"about.{key}"), localized(info[key], "text")))
        for i, emphasis in enumerate(info.get("emphases") or (), 1):
            rows.append((Message("about.emphasis", n=i), localized(emphasis, "text")))
        for field_info in self.fields.values():
            if field_info.get("focus"):
                rows.append((Message("about.focus", field=localized(field_info)), localized(field_info["focus"], "text")))
        return Table(
            "about",
            (Column("what", "col.about_what"), Column("statement", "col.about_statement")),
            tuple(rows),
            title=Message("title.about"),
        )

    def _targets(self) -> Table:
        rows = [
            (m.field, m.id, m.id, t.get("metric"), t.get("comparator"), t.get("value"), t.get("unit"), t.get("by"), t.get("bound"), t or None)
            for m in self.missions
            for t in (m.targets or ({},))
        ]
        return Table(
            "targets",
            (
                Column("field", "col.field", "field"),
                Column("mission", "col.id", "id"),
                Column("name", "col.name", "name"),
                Column("metric", "col.metric", show="data"),
                Column("comparator", "col.comparator", show="data"),
                Column("value", "col.value", "float", show="data"),
                Column("unit", "col.unit", show="data"),
                Column("by", "col.by", "int", show="data"),
                Column("bound", "col.bound", show="data"),
                Column("target", "col.target", "target", show="display"),
            ),
            tuple(rows),
            title=Message("title.mission_targets", n=len(self.missions)),
        )


def summarize(G: GraphLike) -> Summary:
    """Summarise the roadmap graph ``G`` (a graph from :func:`roadmap_graph.to_networkx`, or
    its :class:`~roadmap_graph.RoadmapIndex`)."""
    G = as_graph(G)
    counts = Counter((d["field"], d["kind"]) for _, d in G.nodes(data=True))
    field = dict(G.nodes(data="field"))
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
        stated_edges=sum(1 for *_, p in G.edges(data="provenance") if p == "stated"),
        cross_field_edges=sum(1 for u, v in G.edges if field[u] != field[v]),
        missions=missions,
    )


ANALYSIS = Analysis(
    name="summary",
    title="title.summary",
    summary="Counts by field and kind, and the missions with their targets and deadlines.",
    run=summarize,
    figure="roadmap",
)
