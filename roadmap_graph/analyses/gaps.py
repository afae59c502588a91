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

from ..errors import InvalidOptionError
from ..vocabulary import DEFAULT_LANG, Message, check_lang, node_name, text, verbatim
from .frames import to_frame
from ..fileformat.model import MEASURE_CATEGORIES, TECHNOLOGY_KINDS
from ..graph.requirements import (
    REQUIRES,
    SUPPORTED_BY,
    missions,
    reached_from,
    requirement_children,
    topological_order,
)

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Rule:
    """A gap rule: its code, severity and what it looks for (:meth:`describe`)."""

    code: str
    severity: str

    @property
    def title(self) -> str:
        """What the rule looks for, in English."""
        return self.describe("en")

    def describe(self, lang: str) -> str:
        """What the rule looks for, in ``lang``."""
        return text(f"gap.{self.code}.title", lang)


RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule("RG101", "error"),
        Rule("RG102", "warning"),
        Rule("RG103", "warning"),
        Rule("RG201", "warning"),
        Rule("RG202", "info"),
        Rule("RG203", "warning"),
        Rule("RG301", "warning"),
        Rule("RG401", "warning"),
        Rule("RG402", "info"),
        Rule("RG501", "error"),
        Rule("RG601", "warning"),
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
            raise InvalidOptionError(Message("error.fail_on", value=verbatim(repr(fail_on))))
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
    lang: str = DEFAULT_LANG,
) -> GapReport:
    """Run the gap rules over ``G``; messages in ``lang`` (``"en"`` or ``"ko"``).

    ``select`` and ``ignore`` take rule codes or prefixes (``RG2`` means every RG2xx rule),
    as ruff does. Raises :class:`InvalidOptionError` for a code that matches no rule.
    """
    select = list(select) if select is not None else None
    ignore = list(ignore)
    for pattern in [*(select or []), *ignore]:
        if not any(code.startswith(pattern.strip().upper()) for code in RULES):
            raise InvalidOptionError(Message("error.unknown_rule", pattern=verbatim(pattern), rules=verbatim(", ".join(RULES))))
    check_lang(lang)
    active = {c for c in RULES if (select is None or _matches(c, select)) and not _matches(c, ignore)}
    found = [_finding(G, code, node, lang, params) for code, node, params in _all_gaps(G, active) if code in active]
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


def _finding(G: nx.DiGraph, code: str, node: str, lang: str, params: dict[str, Any]) -> Finding:
    if node in G:
        attrs = G.nodes[node]
    else:
        attrs = G.graph.get("fields", {}).get(node) or {"name": node}
    values = {
        "label": Message("gap.label", name=verbatim(node_name(attrs, lang)), id=verbatim(node)),
        "categories": verbatim(", ".join(MEASURE_CATEGORIES)),
        **params,
    }
    message = text(f"gap.{code}.message", lang, **values)
    fix = text(f"gap.{code}.fix", lang, **values)
    return Finding(code, RULES[code].severity, node, message, fix, attrs.get("location"))


Gap = tuple[str, str, dict[str, Any]]  # code, node or field, message parameters


def _all_gaps(G: nx.DiGraph, active: set[str]) -> Iterator[Gap]:
    mission_ids = missions(G)
    for m in mission_ids:
        targets = G.nodes[m].get("targets") or []
        if not requirement_children(G, m):
            yield "RG101", m, {}
        if not any(t.get("value") is not None for t in targets):
            yield "RG102", m, {}
        if not any(t.get("by") is not None for t in targets):
            yield "RG103", m, {}
    supported = {u for u, _, d in G.edges(data=True) if d["relation"] == SUPPORTED_BY}
    for v, attrs in G.nodes(data=True):
        kind = attrs["kind"]
        if kind == "core_technology" and not any(
            G.nodes[c]["kind"] == "enabling_technology" for c in requirement_children(G, v)
        ):
            yield "RG201", v, {}
        if kind in TECHNOLOGY_KINDS and v not in supported:
            yield "RG202", v, {}
        if kind == "ecosystem_measure" and not attrs.get("category"):
            yield "RG402", v, {}
    if "RG203" in active:
        from .gateways import gateways

        for g in gateways(G).gateways:
            if g.id not in supported and g.kind in TECHNOLOGY_KINDS:
                yield "RG203", g.id, {"n": len(g.missions)}
    served = reached_from(G, mission_ids)
    for v, attrs in G.nodes(data=True):
        if attrs["kind"] != "mission" and v not in served:
            yield "RG301", v, {"kind": Message(f"kind.{attrs['kind']}")}
    yield from _category_gaps(G, mission_ids)
    yield from _convergence_gaps(G)
    yield from _inferred_only_gaps(G, mission_ids)


def _category_gaps(G: nx.DiGraph, mission_ids: list[str]) -> Iterator[Gap]:
    for field in G.graph.get("fields", {}):
        own = [m for m in mission_ids if G.nodes[m]["field"] == field]
        if not own:
            continue
        present = {
            G.nodes[v].get("category")
            for v in reached_from(G, own)
            if G.nodes[v]["kind"] == "ecosystem_measure"
        }
        for category in MEASURE_CATEGORIES:
            if category not in present:
                yield "RG401", field, {"category": Message(f"category.{category}"), "category_id": verbatim(category)}


def _convergence_gaps(G: nx.DiGraph) -> Iterator[Gap]:
    linked = {
        frozenset((G.nodes[u]["field"], G.nodes[v]["field"]))
        for u, v in G.edges
        if G.nodes[u]["field"] != G.nodes[v]["field"]
    }
    for field, info in G.graph.get("fields", {}).items():
        for other in info.get("converges_with") or []:
            if frozenset((field, other)) not in linked:
                yield "RG501", field, {"other": verbatim(other)}


def _inferred_only_gaps(G: nx.DiGraph, mission_ids: list[str]) -> Iterator[Gap]:
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
            yield "RG601", m, {}
