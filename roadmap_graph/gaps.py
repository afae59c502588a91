"""Coverage gaps: a linter for roadmaps, with stable rule codes.

Each finding has a rule code (stable, like a linter's), a severity, the node or field it is
about, where that was defined (``file:line:col``), a message and a suggested fix. A finding
is a result about a valid roadmap, not an exception: a broken file raises while loading.

A node or field silences a rule with a reason, in the file::

    ignore: [{code: RG201, reason: 산업활용·혁신AI의 세부기술은 후속 계획에서 정한다}]

Silenced findings are not dropped: they are kept, with the reason, in ``GapReport.silenced``.

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> [f.node for f in find_gaps(G, select=["RG201"]).findings]
['ai_industrial_ai']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import networkx as nx

from .errors import InvalidOptionError
from .frames import to_frame
from .model import MEASURE_CATEGORIES, TECHNOLOGY_KINDS
from .requirements import REQUIRES, SUPPORTED_BY, missions, requirement_children, topological_order

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Rule:
    """A gap rule: its code, severity and what it looks for."""

    code: str
    severity: str
    title: str


RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule("RG101", "error", "mission without requirements"),
        Rule("RG102", "warning", "mission without a quantified target"),
        Rule("RG103", "warning", "mission without a deadline"),
        Rule("RG201", "warning", "core technology with no enabling technology"),
        Rule("RG202", "info", "technology no ecosystem measure supports"),
        Rule("RG203", "warning", "gateway technology no ecosystem measure supports"),
        Rule("RG301", "warning", "technology or measure that serves no mission"),
        Rule("RG401", "warning", "field whose missions lack a kind of ecosystem measure"),
        Rule("RG402", "info", "ecosystem measure without a category"),
        Rule("RG501", "error", "fields said to converge with no link between them"),
        Rule("RG601", "warning", "mission whose chain rests on inferred links only"),
    )
}


@dataclass(frozen=True)
class Finding:
    """One gap: ``node`` is a node id, or a field id for field-level rules (RG401, RG501)."""

    code: str
    severity: str
    node: str
    message: str
    fix: str
    location: str | None

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: ``{"code", "severity", "node", "message", "location"}``;
        the message ends with the suggested fix."""
        return {
            "code": self.code,
            "severity": self.severity,
            "node": self.node,
            "message": f"{self.message}; {self.fix}",
            "location": self.location,
        }


@dataclass(frozen=True)
class GapReport:
    """The findings of :func:`find_gaps`, and those silenced in the file (with the reason)."""

    findings: tuple[Finding, ...]
    silenced: tuple[tuple[Finding, str], ...]

    def failed(self, fail_on: str = "error") -> bool:
        """True when a finding is at or above ``fail_on`` (``"error"`` or ``"warning"``)."""
        if fail_on not in ("error", "warning"):
            raise InvalidOptionError(f"fail_on must be 'error' or 'warning', not {fail_on!r}")
        limit = SEVERITIES.index(fail_on)
        return any(SEVERITIES.index(f.severity) <= limit for f in self.findings)

    def to_list(self) -> list[dict[str, Any]]:
        """The JSON shape: a list of findings."""
        return [f.to_dict() for f in self.findings]

    def to_frame(self) -> Any:
        """The findings as a pandas DataFrame."""
        rows = [{**f.to_dict(), "message": f.message, "fix": f.fix} for f in self.findings]
        return to_frame(rows, ["code", "severity", "node", "message", "fix", "location"])


def _matches(code: str, patterns: Iterable[str]) -> bool:
    return any(code.startswith(p.strip().upper()) for p in patterns if p.strip())


def find_gaps(
    G: nx.DiGraph,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
) -> GapReport:
    """Run the gap rules over ``G``.

    ``select`` and ``ignore`` take rule codes or prefixes (``RG2`` means every RG2xx rule),
    as ruff does. Raises :class:`InvalidOptionError` for a code that matches no rule.
    """
    select = list(select) if select is not None else None
    ignore = list(ignore)
    for pattern in [*(select or []), *ignore]:
        if not any(code.startswith(pattern.strip().upper()) for code in RULES):
            raise InvalidOptionError(
                f"no gap rule matches '{pattern}'; rules: {', '.join(RULES)}"
            )
    active = {c for c in RULES if (select is None or _matches(c, select)) and not _matches(c, ignore)}
    found = [f for f in _all_findings(G, active) if f.code in active]
    findings, silenced = [], []
    for f in sorted(found, key=lambda f: (f.code, f.node)):
        reason = _silence_reason(G, f)
        if reason is None:
            findings.append(f)
        else:
            silenced.append((f, reason))
    return GapReport(tuple(findings), tuple(silenced))


def _silence_reason(G: nx.DiGraph, finding: Finding) -> str | None:
    if finding.node in G:
        entries = G.nodes[finding.node].get("ignore") or []
    else:
        entries = (G.graph.get("fields", {}).get(finding.node) or {}).get("ignore") or []
    for entry in entries:
        if entry["code"] == finding.code:
            return str(entry["reason"])
    return None


def _finding(G: nx.DiGraph, code: str, node: str, message: str, fix: str) -> Finding:
    if node in G:
        location = G.nodes[node].get("location")
    else:
        location = (G.graph.get("fields", {}).get(node) or {}).get("location")
    return Finding(code, RULES[code].severity, node, message, fix, location)


def _label(G: nx.DiGraph, node: str) -> str:
    return f"'{G.nodes[node]['name']}' ({node})"


def _all_findings(G: nx.DiGraph, active: set[str]) -> Iterator[Finding]:
    mission_ids = missions(G)
    for m in mission_ids:
        targets = G.nodes[m].get("targets") or []
        if not requirement_children(G, m):
            yield _finding(
                G, "RG101", m, f"mission {_label(G, m)} requires nothing",
                "name the core technologies it needs in its requires",
            )
        if not any(t.get("value") is not None for t in targets):
            yield _finding(
                G, "RG102", m, f"mission {_label(G, m)} has no quantified target",
                "add a target with a value and unit, or silence RG102 with a reason if the "
                "source gives no number",
            )
        if not any(t.get("by") is not None for t in targets):
            yield _finding(
                G, "RG103", m, f"mission {_label(G, m)} has no deadline",
                "add a target with a year in 'by'",
            )
    supported = {u for u, _, d in G.edges(data=True) if d["relation"] == SUPPORTED_BY}
    for v, attrs in G.nodes(data=True):
        kind = attrs["kind"]
        if kind == "core_technology" and not any(
            G.nodes[c]["kind"] == "enabling_technology" for c in requirement_children(G, v)
        ):
            yield _finding(
                G, "RG201", v, f"core technology {_label(G, v)} has no enabling technology",
                "name the enabling technologies it requires, or silence RG201 with a reason "
                "if the roadmap leaves them open",
            )
        if kind in TECHNOLOGY_KINDS and v not in supported:
            yield _finding(
                G, "RG202", v, f"no ecosystem measure supports {_label(G, v)}",
                "link the measures that support it in its supported_by",
            )
        if kind == "ecosystem_measure" and not attrs.get("category"):
            yield _finding(
                G, "RG402", v, f"ecosystem measure {_label(G, v)} has no category",
                f"declare its category: one of {', '.join(MEASURE_CATEGORIES)}",
            )
    if "RG203" in active:
        from .gateways import gateways

        for g in gateways(G).gateways:
            if g.id not in supported and g.kind in TECHNOLOGY_KINDS:
                yield _finding(
                    G, "RG203", g.id,
                    f"gateway {_label(G, g.id)} of {len(g.missions)} mission(s) has no "
                    "supporting ecosystem measure",
                    "every route to these missions passes through it: link a measure in its supported_by",
                )
    served = _reached_from(G, mission_ids)
    for v, attrs in G.nodes(data=True):
        if attrs["kind"] != "mission" and v not in served:
            yield _finding(
                G, "RG301", v, f"{attrs['kind'].replace('_', ' ')} {_label(G, v)} serves no mission",
                "link it from the technology or mission that needs it, or remove it",
            )
    yield from _category_findings(G, mission_ids)
    yield from _convergence_findings(G)
    yield from _inferred_only_findings(G, mission_ids)


def _reached_from(G: nx.DiGraph, starts: list[str]) -> set[str]:
    seen = set(starts)
    stack = list(starts)
    while stack:
        for v in G.succ[stack.pop()]:
            if v not in seen:
                seen.add(v)
                stack.append(v)
    return seen


def _category_findings(G: nx.DiGraph, mission_ids: list[str]) -> Iterator[Finding]:
    fields = G.graph.get("fields", {})
    for field in fields:
        own = [m for m in mission_ids if G.nodes[m]["field"] == field]
        if not own:
            continue
        present = {
            G.nodes[v].get("category")
            for v in _reached_from(G, own)
            if G.nodes[v]["kind"] == "ecosystem_measure"
        }
        name = fields[field].get("name", field)
        for category in MEASURE_CATEGORIES:
            if category not in present:
                yield _finding(
                    G, "RG401", field,
                    f"no {category} measure supports the missions of field '{name}' ({field})",
                    f"add an ecosystem measure with category: {category} and link it from the "
                    "technologies it supports, or silence RG401 on the field with a reason",
                )


def _convergence_findings(G: nx.DiGraph) -> Iterator[Finding]:
    fields = G.graph.get("fields", {})
    linked = {
        frozenset((G.nodes[u]["field"], G.nodes[v]["field"]))
        for u, v in G.edges
        if G.nodes[u]["field"] != G.nodes[v]["field"]
    }
    for field, info in fields.items():
        for other in info.get("converges_with") or []:
            if frozenset((field, other)) not in linked:
                yield _finding(
                    G, "RG501", field,
                    f"the roadmap says fields '{field}' and '{other}' converge, but no link "
                    "joins their technologies",
                    "add the requires or supported_by links through which they converge",
                )


def _inferred_only_findings(G: nx.DiGraph, mission_ids: list[str]) -> Iterator[Finding]:
    # stated_below(v): some requirement link in v's chain is not marked inferred
    stated_below: dict[str, bool] = {}
    for v in reversed(topological_order(G)):
        stated_below[v] = any(
            d.get("provenance") != "inferred" or stated_below[c]
            for c, d in G.succ[v].items()
            if d["relation"] == REQUIRES
        )
    for m in mission_ids:
        if requirement_children(G, m) and not stated_below[m]:
            yield _finding(
                G, "RG601", m,
                f"every requirement link in the chain of mission {_label(G, m)} is inferred",
                "find a source that states these links, or read the mission's chain as an "
                "analyst's reconstruction",
            )
