"""What a revision changes downstream: the analyses run on both versions, compared.

:func:`effects` takes the two versions of a roadmap and what changed between them
(:func:`~roadmap_graph.analyses.changes.compare`) and reports the knock-on effects a
reviewer asks about:

* **missions** whose prerequisite chain, gateways, redundancy κ or feasibility differ:
  the nodes entering and leaving the chain (:func:`~roadmap_graph.prerequisite_chain`, the
  mission itself left out), the gateways gained and lost and κ before and after
  (:func:`~roadmap_graph.redundancy`), and feasibility before and after: a mission is
  *feasible* when its requirements reach down to enabling technologies
  (:func:`~roadmap_graph.analyses.impact.grounded`); a mission whose chain now holds a
  technology with no path down is infeasible. A mission added or removed is listed with
  ``None`` on the side where it does not exist. Only the missions whose cone holds a node
  whose links or kind changed are recomputed; the others cannot differ. Each says whether
  it rests on inference: the same change on the two versions' stated links alone is
  ``stated``, anything else ``inferred``;
* **bottlenecks** (:func:`~roadmap_graph.bottlenecks`) whose rank moved by more than
  ``rank_threshold`` places (nodes in both versions), and those entering or leaving the
  marked set (:meth:`~roadmap_graph.Bottlenecks.marked`);
* **convergence points** (:func:`~roadmap_graph.convergence`, through
  :func:`~.convergence.point_ids`) gained and lost;
* **gap findings** (:func:`~roadmap_graph.find_gaps`) new and resolved, matched by rule
  code and node (and message, where a rule finds one field more than once: RG401 per
  missing category);
* **targets** tightened, loosened or changed. For an ``at_least`` target (``>=``) a lower
  value is looser; for ``up_to`` (``<=``) a higher value is looser; a later ``by`` is looser
  and a deadline dropped is looser, one set is tighter; a target removed from a node that
  stays is looser, one added tighter. A value that changes under ``exactly``, or together
  with its bound or unit, cannot be ordered: it is *changed*, as is a change of bound or
  unit alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..graph.evidence import stated_index
from ..graph.index import RoadmapIndex
from ..vocabulary import DEFAULT_LANG
from .bottlenecks import Bottlenecks, ranked
from .changes import Changes, matched_targets, same
from .convergence import point_ids
from .gaps import find_gaps
from .impact import grounded
from .redundancy import redundancy

#: How far a bottleneck's rank must move to be listed, by default.
RANK_THRESHOLD = 3
#: How a target change reads: the sense of each list of :class:`Effects`.
DIRECTIONS = ("tightened", "loosened", "changed")


@dataclass(frozen=True)
class MissionEffect:
    """How one mission differs between the versions (see the module docstring).

    ``status`` is ``"added"``, ``"removed"`` or ``"changed"``; ``kappa_*`` and
    ``feasible_*`` are ``None`` on the side where the mission does not exist (κ is ``None``
    too for a mission that requires nothing). ``evidence`` is ``"stated"`` when the same
    change shows on the two versions' stated links alone
    (:func:`~roadmap_graph.graph.evidence.stated_index`), else ``"inferred"``: the effect
    rests on inferred links (of either version).
    """

    id: str
    status: str
    chain_entered: tuple[str, ...] = ()
    chain_left: tuple[str, ...] = ()
    gateways_gained: tuple[str, ...] = ()
    gateways_lost: tuple[str, ...] = ()
    kappa_old: int | None = None
    kappa_new: int | None = None
    feasible_old: bool | None = None
    feasible_new: bool | None = None
    evidence: str = "stated"

    @property
    def became_infeasible(self) -> bool:
        """Feasible before (or new) and infeasible now."""
        return self.feasible_new is False and self.feasible_old is not False

    @property
    def became_feasible(self) -> bool:
        """Infeasible before and feasible now."""
        return self.feasible_old is False and self.feasible_new is True

    def to_dict(self) -> dict[str, Any]:
        """``{"id", "status", "chain": {"entered", "left"}, "gateways": {"gained", "lost"},
        "kappa": {"old", "new"}, "feasible": {"old", "new"}, "evidence"}``."""
        return {
            "id": self.id,
            "status": self.status,
            "chain": {"entered": list(self.chain_entered), "left": list(self.chain_left)},
            "gateways": {"gained": list(self.gateways_gained), "lost": list(self.gateways_lost)},
            "kappa": {"old": self.kappa_old, "new": self.kappa_new},
            "feasible": {"old": self.feasible_old, "new": self.feasible_new},
            "evidence": self.evidence,
        }


@dataclass(frozen=True)
class RankMove:
    """A bottleneck whose rank (1 = first) moved."""

    id: str
    old_rank: int
    new_rank: int

    def to_dict(self) -> dict[str, Any]:
        """``{"id", "old_rank", "new_rank"}``."""
        return {"id": self.id, "old_rank": self.old_rank, "new_rank": self.new_rank}


@dataclass(frozen=True)
class GapChange:
    """A gap finding that is new or resolved; ``message`` from the version it is in."""

    code: str
    severity: str
    node: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        """``{"code", "severity", "node", "message"}``."""
        return {"code": self.code, "severity": self.severity, "node": self.node, "message": self.message}


@dataclass(frozen=True)
class TargetChange:
    """One change of a target: ``attribute`` is ``value``, ``by``, ``bound``, ``unit`` or
    ``target`` (the whole target added or removed; ``old``/``new`` hold it or ``None``)."""

    id: str
    metric: str
    attribute: str
    old: Any
    new: Any
    metric_en: str | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """``{"id", "metric", "attribute", "old", "new"}`` (``metric_en`` names it in the
        English tables)."""
        return {"id": self.id, "metric": self.metric, "attribute": self.attribute, "old": self.old, "new": self.new}


@dataclass(frozen=True)
class Effects:
    """The knock-on effects of a revision (see the module docstring); lists sorted by id
    (gap findings by code, then node; target changes by node, metric, attribute)."""

    missions: tuple[MissionEffect, ...] = ()
    rank_threshold: int = RANK_THRESHOLD
    bottlenecks_moved: tuple[RankMove, ...] = ()
    top_entered: tuple[str, ...] = ()
    top_left: tuple[str, ...] = ()
    convergence_gained: tuple[str, ...] = ()
    convergence_lost: tuple[str, ...] = ()
    gaps_new: tuple[GapChange, ...] = ()
    gaps_resolved: tuple[GapChange, ...] = ()
    targets_tightened: tuple[TargetChange, ...] = ()
    targets_loosened: tuple[TargetChange, ...] = ()
    targets_changed: tuple[TargetChange, ...] = ()

    def __bool__(self) -> bool:
        return any(getattr(self, name) for name in self.__dataclass_fields__ if name != "rank_threshold")

    def to_dict(self) -> dict[str, Any]:
        """``{"missions": [MissionEffect…], "bottlenecks": {"threshold", "moved": [{"id",
        "old_rank", "new_rank"}…], "top": {"entered", "left"}}, "convergence": {"gained",
        "lost"}, "gaps": {"new": [{"code", "severity", "node", "message"}…], "resolved"},
        "targets": {"tightened": [{"id", "metric", "attribute", "old", "new"}…], "loosened",
        "changed"}}``."""
        return {
            "missions": [m.to_dict() for m in self.missions],
            "bottlenecks": {
                "threshold": self.rank_threshold,
                "moved": [m.to_dict() for m in self.bottlenecks_moved],
                "top": {"entered": list(self.top_entered), "left": list(self.top_left)},
            },
            "convergence": {"gained": list(self.convergence_gained), "lost": list(self.convergence_lost)},
            "gaps": {"new": [g.to_dict() for g in self.gaps_new], "resolved": [g.to_dict() for g in self.gaps_resolved]},
            "targets": {
                "tightened": [t.to_dict() for t in self.targets_tightened],
                "loosened": [t.to_dict() for t in self.targets_loosened],
                "changed": [t.to_dict() for t in self.targets_changed],
            },
        }


def effects(
    old: RoadmapIndex,
    new: RoadmapIndex,
    changes: Changes,
    *,
    rank_threshold: int = RANK_THRESHOLD,
    lang: str = DEFAULT_LANG,
) -> Effects:
    """The knock-on effects of going from ``old`` to ``new`` (see the module docstring);
    ``lang`` is the language of the gap messages."""
    ranks_old, ranks_new = _bottlenecks(old), _bottlenecks(new)
    moved = tuple(
        RankMove(n, ranks_old[n], ranks_new[n])
        for n in sorted(set(ranks_old) & set(ranks_new))
        if abs(ranks_old[n] - ranks_new[n]) > rank_threshold
    )
    top_old, top_new = set(_marked(old)), set(_marked(new))
    points_old, points_new = _points(old), _points(new)
    gaps_new, gaps_resolved = _gaps(old, new, lang)
    tightened, loosened, changed = _targets(old, new, changes)
    return Effects(
        missions=tuple(_missions(old, new, changes)),
        rank_threshold=rank_threshold,
        bottlenecks_moved=moved,
        top_entered=tuple(sorted(top_new - top_old)),
        top_left=tuple(sorted(top_old - top_new)),
        convergence_gained=tuple(sorted(points_new - points_old)),
        convergence_lost=tuple(sorted(points_old - points_new)),
        gaps_new=gaps_new,
        gaps_resolved=gaps_resolved,
        targets_tightened=tightened,
        targets_loosened=loosened,
        targets_changed=changed,
    )


# --- missions ----------------------------------------------------------------------------


def _missions(old: RoadmapIndex, new: RoadmapIndex, changes: Changes) -> Iterator[MissionEffect]:
    touched = _touched(old, new, changes)
    affected = sorted(_missions_above(old, touched) | _missions_above(new, touched))
    if not affected:
        return
    found = _mission_effects(old, new, affected)
    stated_old, stated_new = stated_index(old), stated_index(new)
    on_stated = found if stated_old is old and stated_new is new else _mission_effects(stated_old, stated_new, affected)
    for m in affected:
        effect = found[m]
        if effect.status == "changed" and not _differs(effect):
            continue
        if not _same_effect(effect, on_stated[m]):
            effect = replace(effect, evidence="inferred")
        yield effect


def _mission_effects(old: RoadmapIndex, new: RoadmapIndex, affected: list[str]) -> dict[str, MissionEffect]:
    # a mission in one version only by its kind (a node re-classified) is added or removed
    in_old = [m for m in affected if _is_mission(old, m)]
    in_new = [m for m in affected if _is_mission(new, m)]
    kappa_old, kappa_new = redundancy(old, in_old), redundancy(new, in_new)
    grounded_old, grounded_new = grounded(old), grounded(new)
    out = {}
    for m in affected:
        a, b = m in in_old, m in in_new
        chain_old = _chain(old, m) if a else set()
        chain_new = _chain(new, m) if b else set()
        gates_old = set(kappa_old.gateways[m]) if a else set()
        gates_new = set(kappa_new.gateways[m]) if b else set()
        out[m] = MissionEffect(
            id=m,
            status="changed" if a and b else "added" if b else "removed",
            chain_entered=tuple(sorted(chain_new - chain_old)),
            chain_left=tuple(sorted(chain_old - chain_new)),
            gateways_gained=tuple(sorted(gates_new - gates_old)),
            gateways_lost=tuple(sorted(gates_old - gates_new)),
            kappa_old=kappa_old[m] if a else None,
            kappa_new=kappa_new[m] if b else None,
            feasible_old=(m in grounded_old) if a else None,
            feasible_new=(m in grounded_new) if b else None,
        )
    return out


def _same_effect(a: MissionEffect, b: MissionEffect) -> bool:
    """The same change of chain, gateways, κ and feasibility (evidence aside)."""
    return replace(a, evidence="stated") == replace(b, evidence="stated")


def _is_mission(index: RoadmapIndex, node: str) -> bool:
    return node in index.at and index.kind[index.at[node]] == "mission"


def _differs(e: MissionEffect) -> bool:
    return bool(
        e.chain_entered or e.chain_left or e.gateways_gained or e.gateways_lost
        or e.kappa_old != e.kappa_new or e.feasible_old != e.feasible_new
    )  # fmt: skip


def _touched(old: RoadmapIndex, new: RoadmapIndex, changes: Changes) -> set[str]:
    """The nodes whose outgoing links or kind changed, and those added or removed: a
    mission whose cone holds none of them has the same chain, gateways and κ."""
    out = {*changes.nodes_added, *changes.nodes_removed}
    out.update(x.source for x in (*changes.links_added, *changes.links_removed))
    out.update(c.source for c in changes.links_changed if c.attribute == "group")
    out.update(c.id for c in changes.nodes_changed if c.attribute == "kind")
    return out


def _missions_above(index: RoadmapIndex, nodes: Iterable[str]) -> set[str]:
    """The missions of ``index`` that reach one of ``nodes`` (a mission among them too)."""
    above = index.reach((index.at[n] for n in nodes if n in index.at), up=True)
    return {index.ids[v] for v in above if index.kind[v] == "mission"}


def _chain(index: RoadmapIndex, mission: str) -> set[str]:
    """The nodes of the mission's prerequisite chain (everything it reaches), itself left out."""
    start = index.at[mission]
    return {index.ids[v] for v in index.reach([start]) if v != start}


# --- bottlenecks, convergence, gaps ------------------------------------------------------------


def _ranking(index: RoadmapIndex) -> Bottlenecks:
    return Bottlenecks(ranked(index))  # the ranking alone: evidence is not compared


def _bottlenecks(index: RoadmapIndex) -> dict[str, int]:
    return {b.id: rank for rank, b in enumerate(_ranking(index), start=1)}


def _marked(index: RoadmapIndex) -> list[str]:
    return _ranking(index).marked()


def _points(index: RoadmapIndex) -> set[str]:
    return set(point_ids(index))


def _gaps(old: RoadmapIndex, new: RoadmapIndex, lang: str) -> tuple[tuple[GapChange, ...], tuple[GapChange, ...]]:
    """New and resolved findings, matched by rule code and node; where a rule finds a node
    (a field) more than once in either version (RG401: one finding per missing category),
    the findings of that code and node are told apart by their message."""
    findings = [[GapChange(f.code, f.severity, f.node, f.message) for f in find_gaps(index, lang=lang).findings] for index in (old, new)]
    repeated: set[tuple[str, str]] = set()
    for found in findings:
        seen: set[tuple[str, str]] = set()
        for g in found:
            (repeated if (g.code, g.node) in seen else seen).add((g.code, g.node))

    def key(g: GapChange) -> tuple[str, str, str]:
        return g.code, g.node, g.message if (g.code, g.node) in repeated else ""

    before, after = ({key(g): g for g in found} for found in findings)
    return (
        tuple(after[k] for k in sorted(after.keys() - before.keys())),
        tuple(before[k] for k in sorted(before.keys() - after.keys())),
    )


# --- targets -----------------------------------------------------------------------------------


def _targets(
    old: RoadmapIndex, new: RoadmapIndex, changes: Changes
) -> tuple[tuple[TargetChange, ...], tuple[TargetChange, ...], tuple[TargetChange, ...]]:
    out: dict[str, list[TargetChange]] = {d: [] for d in DIRECTIONS}
    for node in sorted(changes.changed_nodes()):
        pairs = matched_targets(old.G.nodes[node].get("targets") or [], new.G.nodes[node].get("targets") or [])
        for label, x, y in pairs:
            for direction, change in _target_changes(node, label, x, y):
                out[direction].append(change)

    def listed(direction: str) -> tuple[TargetChange, ...]:  # by node, metric, attribute, as documented
        return tuple(sorted(out[direction], key=lambda t: (t.id, t.metric, t.attribute)))

    return listed("tightened"), listed("loosened"), listed("changed")


def _target_changes(
    node: str, label: str, x: Mapping[str, Any] | None, y: Mapping[str, Any] | None
) -> Iterator[tuple[str, TargetChange]]:
    if x is None or y is None:
        yield ("tightened" if x is None else "loosened"), TargetChange(node, label, "target", x, y, _metric_en(x, y))
        return
    comparable = x.get("bound") == y.get("bound") and same(x.get("unit"), y.get("unit"))
    for attribute in ("bound", "unit"):
        if not same(x.get(attribute), y.get(attribute)):
            yield "changed", TargetChange(node, label, attribute, x.get(attribute), y.get(attribute), _metric_en(x, y))
    a, b = x.get("value"), y.get("value")
    if not same(a, b):
        change = TargetChange(node, label, "value", a, b, _metric_en(x, y))
        bound = y.get("bound")
        if not comparable or a is None or b is None or bound not in ("at_least", "up_to"):
            yield "changed", change
        elif (b < a) == (bound == "at_least"):
            yield "loosened", change
        else:
            yield "tightened", change
    a, b = x.get("by"), y.get("by")
    if a != b:
        change = TargetChange(node, label, "by", a, b, _metric_en(x, y))
        yield ("loosened" if b is None or (a is not None and b > a) else "tightened"), change


def _metric_en(x: Mapping[str, Any] | None, y: Mapping[str, Any] | None) -> str | None:
    return (x or {}).get("metric_en") or (y or {}).get("metric_en")
