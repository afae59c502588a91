"""``roadmap-graph diff``: what changed between two versions of a roadmap, and what that changes.

:func:`diff_roadmaps` puts the two halves together: what changed, element by element
(:mod:`.changes`), and its knock-on effects, from the analyses run on both versions
(:mod:`.effects`). Its result reads like ``terraform plan``: ``+`` added, ``~`` changed,
``−`` removed, then what the change reaches downstream.

The JSON contract (``to_dict()``)::

    {"old": {"id", "title"}, "new": {"id", "title"},
     "nodes": {"added": [id…], "removed": [id…], "changed": [{"id", "attribute", "old", "new"}…]},
     "links": {"added": [{"source", "target", "relation", "group"}…], "removed": [same…],
               "changed": [{"source", "target", "relation", "attribute", "old", "new"}…]},
     "fields": {"added", "removed", "changed"}, "roadmap": {"changed": [{"attribute", "old", "new"}…]},
     "effects": {see Effects.to_dict}}

A review gate (``--fail-on``) asks :meth:`RoadmapDiff.failures` which of its conditions
hold (:data:`FAIL_ON`); the command exits with :data:`REVISION_FAILED` when one does.

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> diff_roadmaps(G, G).to_dict()["nodes"]
{'added': [], 'removed': [], 'changed': []}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

import networkx as nx

from ..graph.index import GraphLike, RoadmapIndex, as_index
from ..vocabulary import DEFAULT_LANG, Localized, Message, check_choice, check_lang, localized, verbatim
from .changes import Changes, compare
from .effects import RANK_THRESHOLD, Effects, effects
from .result import Column, Table, Tabular

#: The columns of every table of changes: what kind of change, which attribute, its values.
CHANGE = Column("change", "col.change", "word", vocab="change")
ATTRIBUTE = Column("attribute", "col.attribute", "code")
OLD = Column("old", "col.old", "value")
NEW = Column("new", "col.new", "value")

#: The conditions ``--fail-on`` can name, in the order they are checked.
FAIL_ON = ("any", "removed-mission", "infeasible-mission", "loosened-target", "new-error-gap", "new-warning-gap")
#: The exit status of ``roadmap-graph diff`` when a ``--fail-on`` condition holds.
REVISION_FAILED = 7


@dataclass(frozen=True)
class RoadmapDiff(Tabular):
    """The difference between two versions of a roadmap (see the module docstring).

    ``old`` and ``new`` are ``{"id", "title"}`` of each version; ``changes`` what changed
    (:class:`~.changes.Changes`), ``effects`` what it changes (:class:`~.effects.Effects`).
    """

    old: Mapping[str, Any]
    new: Mapping[str, Any]
    changes: Changes
    effects: Effects
    names: Mapping[str, Mapping[str, Any]] = field(default_factory=dict, repr=False, compare=False)

    primary: ClassVar[str | None] = "changes"

    def __bool__(self) -> bool:
        return bool(self.changes) or bool(self.effects)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract (see the module docstring)."""
        old, new = ({"id": v.get("id"), "title": v.get("title")} for v in (self.old, self.new))
        return {"old": old, "new": new, **self.changes.to_dict(), "effects": self.effects.to_dict()}

    def failures(self, conditions: Iterable[str]) -> list[str]:
        """Which of ``conditions`` (:data:`FAIL_ON`) hold, in :data:`FAIL_ON` order.

        ``any``: something changed; ``removed-mission``: a mission was removed;
        ``infeasible-mission``: a mission became infeasible (or was added infeasible);
        ``loosened-target``: a target was loosened or removed; ``new-error-gap`` and
        ``new-warning-gap``: a new gap finding at or above that severity.

        Raises
        ------
        InvalidOptionError
            For a condition that is not one of :data:`FAIL_ON`.
        """
        wanted = set(check_fail_on(conditions))
        e = self.effects
        holds = {
            "any": bool(self),
            "removed-mission": any(m.status == "removed" for m in e.missions),
            "infeasible-mission": any(m.became_infeasible for m in e.missions),
            "loosened-target": bool(e.targets_loosened),
            "new-error-gap": any(g.severity == "error" for g in e.gaps_new),
            "new-warning-gap": any(g.severity in ("error", "warning") for g in e.gaps_new),
        }
        return [c for c in FAIL_ON if c in wanted and holds[c]]

    def heading(self) -> Message:
        return Message("title.diff_of", old=_version(self.old), new=_version(self.new))

    # --- tables ----------------------------------------------------------------------------

    def name(self, node: str) -> Localized | str:
        """A node's name (from the new version, else the old), or its id."""
        attrs = self.names.get(node)
        return localized(attrs) if attrs else node

    def tables(self) -> tuple[Table, ...]:
        shown = [self._summary()]
        for make in (self._nodes, self._links, self._other, self._missions, self._bottlenecks, self._convergence, self._gaps, self._targets):
            table = make()
            if table.rows:
                shown.append(table)
        return tuple(shown)

    def data_tables(self) -> tuple[Table, ...]:
        return (self._rows(), *self.tables())

    def _summary(self) -> Table:
        c, e = self.changes, self.effects
        columns = (
            Column("part", "col.diff_part", "word", vocab="diffpart"),
            Column("added", "col.diff_added", "int"),
            Column("changed", "col.diff_changed", "int"),
            Column("removed", "col.diff_removed", "int"),
        )
        status = [m.status for m in e.missions]
        rows = (
            ("nodes", len(c.nodes_added), len(c.changed_nodes()), len(c.nodes_removed)),
            ("links", len(c.links_added), len({(x.source, x.target) for x in c.links_changed}), len(c.links_removed)),
            ("fields", len(c.fields_added), len({x.id for x in c.fields_changed}), len(c.fields_removed)),
            ("roadmap", 0, len(c.roadmap_changed), 0),
            ("missions_affected", status.count("added"), status.count("changed"), status.count("removed")),
        )
        note = Message(
            "note.diff_effects",
            infeasible=sum(m.became_infeasible for m in e.missions),
            moved=len(e.bottlenecks_moved),
            threshold=e.rank_threshold,
            gained=len(e.convergence_gained),
            lost=len(e.convergence_lost),
            new_gaps=len(e.gaps_new),
            resolved=len(e.gaps_resolved),
            tightened=len(e.targets_tightened),
            loosened=len(e.targets_loosened),
        )
        return Table("summary", columns, rows, title=Message("title.diff_summary"), note=note)

    def _nodes(self) -> Table:
        c = self.changes
        columns = (
            CHANGE,
            Column("id", "col.id", "id"),
            Column("name", "col.name"),
            ATTRIBUTE,
            OLD,
            NEW,
        )
        rows: list[tuple[Any, ...]] = [("added", n, self.name(n), "", "", "") for n in c.nodes_added]
        rows += [
            ("changed", x.id, self.name(x.id) if i == 0 or c.nodes_changed[i - 1].id != x.id else "", x.attribute, x.old, x.new)
            for i, x in enumerate(c.nodes_changed)
        ]  # the name once per node
        rows += [("removed", n, self.name(n), "", "", "") for n in c.nodes_removed]
        return Table("nodes", columns, tuple(rows), title=Message("title.diff_nodes"))

    def _links(self) -> Table:
        c = self.changes
        columns = (
            CHANGE,
            Column("source", "col.dependent", "id"),
            Column("target", "col.prerequisite", "id"),
            Column("relation", "col.relation", "word", vocab="relation"),
            Column("group", "col.group", "int"),
            Column("provenance", "col.provenance", "word", vocab="provenance"),
            ATTRIBUTE,
            OLD,
            NEW,
        )
        rows: list[tuple[Any, ...]] = [
            ("added", x.source, x.target, x.relation, x.group, x.provenance or "unknown", "", "", "") for x in c.links_added
        ]
        rows += [("changed", x.source, x.target, x.relation, None, None, x.attribute, x.old, x.new) for x in c.links_changed]
        rows += [
            ("removed", x.source, x.target, x.relation, x.group, x.provenance or "unknown", "", "", "") for x in c.links_removed
        ]
        return Table("links", columns, tuple(rows), title=Message("title.diff_links"), note=Message("note.diff_group"))

    def _other(self) -> Table:
        c = self.changes
        columns = (
            CHANGE,
            Column("where", "col.diff_where", "code"),
            ATTRIBUTE,
            OLD,
            NEW,
        )
        rows: list[tuple[Any, ...]] = [("added", f"fields[{f}]", "", "", "") for f in c.fields_added]
        rows += [("changed", f"fields[{x.id}]", x.attribute, x.old, x.new) for x in c.fields_changed]
        rows += [("removed", f"fields[{f}]", "", "", "") for f in c.fields_removed]
        rows += [("changed", "roadmap", x.attribute, x.old, x.new) for x in c.roadmap_changed]
        return Table("other", columns, tuple(rows), title=Message("title.diff_other"))

    def _missions(self) -> Table:
        columns = (
            Column("mission", "col.mission", "id"),
            Column("name", "col.name"),
            Column("status", "col.change", "word", vocab="change"),
            Column("chain_entered", "col.chain_entered", "nodes"),
            Column("chain_left", "col.chain_left", "nodes"),
            Column("gateways_gained", "col.gateways_gained", "nodes"),
            Column("gateways_lost", "col.gateways_lost", "nodes"),
            Column("kappa", "col.kappa_change", "value"),
            Column("feasible", "col.feasible_change", "value"),
            Column("evidence", "col.evidence", "word", vocab="evidence"),
        )
        rows = tuple(
            (
                m.id, self.name(m.id), m.status, m.chain_entered, m.chain_left, m.gateways_gained, m.gateways_lost,
                _before_after(m.kappa_old, m.kappa_new), _before_after(m.feasible_old, m.feasible_new), m.evidence,
            )
            for m in self.effects.missions
        )  # fmt: skip
        return Table("missions", columns, rows, title=Message("title.diff_missions"), note=Message("note.diff_missions"))

    def _bottlenecks(self) -> Table:
        e = self.effects
        columns = (
            Column("id", "col.id", "id"),
            Column("name", "col.name"),
            CHANGE,
            Column("old_rank", "col.old_rank", "int"),
            Column("new_rank", "col.new_rank", "int"),
        )
        rows: list[tuple[Any, ...]] = [(m.id, self.name(m.id), "moved", m.old_rank, m.new_rank) for m in e.bottlenecks_moved]
        rows += [(n, self.name(n), "entered_top", None, None) for n in e.top_entered]
        rows += [(n, self.name(n), "left_top", None, None) for n in e.top_left]
        return Table("bottlenecks", columns, tuple(rows), title=Message("title.diff_bottlenecks", threshold=e.rank_threshold))

    def _convergence(self) -> Table:
        e = self.effects
        columns = (
            CHANGE,
            Column("id", "col.id", "id"),
            Column("name", "col.name"),
        )
        rows = [("gained", n, self.name(n)) for n in e.convergence_gained]
        rows += [("lost", n, self.name(n)) for n in e.convergence_lost]
        return Table("convergence", columns, tuple(rows), title=Message("title.diff_convergence"))

    def _gaps(self) -> Table:
        e = self.effects
        columns = (
            CHANGE,
            Column("code", "col.code", "code"),
            Column("severity", "col.severity", "word", vocab="severity"),
            Column("node", "col.node_or_field", "id"),
            Column("message", "col.message"),
        )
        rows = [("new", g.code, g.severity, g.node, g.message) for g in e.gaps_new]
        rows += [("resolved", g.code, g.severity, g.node, g.message) for g in e.gaps_resolved]
        return Table("gaps", columns, tuple(rows), title=Message("title.diff_gaps"))

    def _targets(self) -> Table:
        e = self.effects
        columns = (
            CHANGE,
            Column("id", "col.id", "id"),
            Column("metric", "col.metric"),
            ATTRIBUTE,
            OLD,
            NEW,
        )
        rows = [
            (direction, t.id, Localized(t.metric, t.metric_en), t.attribute, t.old, t.new)
            for direction, changes in (("tightened", e.targets_tightened), ("loosened", e.targets_loosened), ("changed", e.targets_changed))
            for t in changes
        ]
        return Table("targets", columns, tuple(rows), title=Message("title.diff_targets"), note=Message("note.diff_targets"))

    def _rows(self) -> Table:
        """Every change and effect, one per row: the long table of the CSV output."""
        c, e = self.changes, self.effects
        columns = (
            Column("section", "col.diff_section", "code"),
            Column("change", "col.change", "code"),
            Column("id", "col.id", "id"),
            Column("target", "col.prerequisite", "id"),
            Column("relation", "col.relation", "code"),
            Column("group", "col.group", "int"),
            ATTRIBUTE,
            OLD,
            NEW,
            Column("evidence", "col.evidence", "code"),
        )
        rows: list[tuple[Any, ...]] = []
        rows += [("node", "added", n, None, None, None, None, None, None, None) for n in c.nodes_added]
        rows += [("node", "removed", n, None, None, None, None, None, None, None) for n in c.nodes_removed]
        rows += [("node", "changed", x.id, None, None, None, x.attribute, x.old, x.new, None) for x in c.nodes_changed]
        rows += [("link", "added", x.source, x.target, x.relation, x.group, None, None, None, x.provenance) for x in c.links_added]
        rows += [("link", "removed", x.source, x.target, x.relation, x.group, None, None, None, x.provenance) for x in c.links_removed]
        rows += [("link", "changed", x.source, x.target, x.relation, None, x.attribute, x.old, x.new, None) for x in c.links_changed]
        rows += [("field", "added", f, None, None, None, None, None, None, None) for f in c.fields_added]
        rows += [("field", "removed", f, None, None, None, None, None, None, None) for f in c.fields_removed]
        rows += [("field", "changed", x.id, None, None, None, x.attribute, x.old, x.new, None) for x in c.fields_changed]
        rows += [("roadmap", "changed", None, None, None, None, x.attribute, x.old, x.new, None) for x in c.roadmap_changed]
        for m in e.missions:
            for attribute, old, new in (
                ("chain_entered", None, list(m.chain_entered) or None),
                ("chain_left", list(m.chain_left) or None, None),
                ("gateways_gained", None, list(m.gateways_gained) or None),
                ("gateways_lost", list(m.gateways_lost) or None, None),
                ("kappa", m.kappa_old, m.kappa_new),
                ("feasible", m.feasible_old, m.feasible_new),
            ):
                if old != new:
                    rows.append(("mission", m.status, m.id, None, None, None, attribute, old, new, m.evidence))
        rows += [("bottleneck", "moved", m.id, None, None, None, "rank", m.old_rank, m.new_rank, None) for m in e.bottlenecks_moved]
        rows += [("bottleneck", "entered_top", n, None, None, None, None, None, None, None) for n in e.top_entered]
        rows += [("bottleneck", "left_top", n, None, None, None, None, None, None, None) for n in e.top_left]
        rows += [("convergence_point", "gained", n, None, None, None, None, None, None, None) for n in e.convergence_gained]
        rows += [("convergence_point", "lost", n, None, None, None, None, None, None, None) for n in e.convergence_lost]
        rows += [("gap", "new", g.node, None, None, None, g.code, None, g.message, None) for g in e.gaps_new]
        rows += [("gap", "resolved", g.node, None, None, None, g.code, g.message, None, None) for g in e.gaps_resolved]
        for direction, changes in (("tightened", e.targets_tightened), ("loosened", e.targets_loosened), ("changed", e.targets_changed)):
            for t in changes:
                attribute = f"targets[{t.metric}]" + ("" if t.attribute == "target" else f".{t.attribute}")
                rows.append(("target", direction, t.id, None, None, None, attribute, t.old, t.new, None))
        return Table("changes", columns, tuple(rows))


def check_fail_on(conditions: Iterable[str]) -> list[str]:
    """The ``--fail-on`` conditions, checked (:data:`FAIL_ON`).

    Raises
    ------
    InvalidOptionError
        For a condition that is not one of :data:`FAIL_ON` (with a did-you-mean).
    """
    return [check_choice(c, FAIL_ON, "error.what_fail_on") for c in conditions]


def _before_after(old: Any, new: Any) -> Any:
    """``old → new``, or the one value when they agree."""
    if old == new:
        return _shown(old)
    return Message("word.before_after", old=_shown(old), new=_shown(new))


def _shown(value: Any) -> Any:
    if value is None:
        return verbatim("—")
    if isinstance(value, bool):
        return Message("word.yes" if value else "word.no")
    return verbatim(value)


def diff_roadmaps(
    old: GraphLike,
    new: GraphLike,
    *,
    rank_threshold: int = RANK_THRESHOLD,
    lang: str = DEFAULT_LANG,
) -> RoadmapDiff:
    """Compare two versions of a roadmap: what changed and what it changes downstream
    (see the module docstring). ``lang`` is the language of the gap messages;
    ``rank_threshold`` how many places a bottleneck must move to be listed.

    >>> import roadmap_graph as rg
    >>> G = rg.to_networkx(rg.load_roadmap())
    >>> H = G.copy()
    >>> H.remove_edge("bio_gene_delivery", "viral_vector")
    >>> d = diff_roadmaps(G, H, lang="en")
    >>> [(x.source, x.target) for x in d.changes.links_removed]
    [('bio_gene_delivery', 'viral_vector')]
    >>> [(m.id, m.chain_left) for m in d.effects.missions]
    [('bio_mission_gene_cell_therapy', ('viral_vector',))]
    """
    check_lang(lang)
    a, b = as_index(old), as_index(new)
    changes = compare(a.G, b.G)
    return RoadmapDiff(
        old=_header(a.G),
        new=_header(b.G),
        changes=changes,
        effects=effects(a, b, changes, rank_threshold=rank_threshold, lang=lang),
        names=_names(a, b),
    )


def _version(info: Mapping[str, Any]) -> Message:
    return Message("word.version", title=localized(info, "title"), id=verbatim(info.get("id")))


def _header(G: nx.DiGraph) -> dict[str, Any]:
    info = G.graph.get("roadmap") or {}
    return {"id": info.get("id"), "title": info.get("title"), "title_en": info.get("title_en")}


def _names(old: RoadmapIndex, new: RoadmapIndex) -> dict[str, Mapping[str, Any]]:
    return {**dict(zip(old.ids, old.attrs)), **dict(zip(new.ids, new.attrs))}
