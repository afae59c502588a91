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


# Message and fix of each rule, in Korean and English; {label} is "'name' (id)".
_TEXTS: dict[str, dict[str, tuple[str, str]]] = {
    "RG101": {
        "en": ("mission {label} requires nothing", "name the core technologies it needs in its requires"),
        "ko": ("임무 {label}에 요구 기술이 없다", "필요한 중점기술을 requires에 적는다"),
    },
    "RG102": {
        "en": ("mission {label} has no quantified target",
               "add a target with a value and unit, or silence RG102 with a reason if the source gives no number"),
        "ko": ("임무 {label}에 정량 목표가 없다",
               "값과 단위가 있는 목표를 적거나, 출처에 수치가 없으면 사유와 함께 RG102를 제외한다"),
    },
    "RG103": {
        "en": ("mission {label} has no deadline", "add a target with a year in 'by'"),
        "ko": ("임무 {label}에 달성 기한이 없다", "목표의 'by'에 연도를 적는다"),
    },
    "RG201": {
        "en": ("core technology {label} has no enabling technology",
               "name the enabling technologies it requires, or silence RG201 with a reason if the roadmap leaves them open"),
        "ko": ("중점기술 {label}에 세부기술이 없다",
               "필요한 세부기술을 requires에 적거나, 로드맵이 정하지 않았다면 사유와 함께 RG201을 제외한다"),
    },
    "RG202": {
        "en": ("no ecosystem measure supports {label}", "link the measures that support it in its supported_by"),
        "ko": ("{label}을(를) 지원하는 생태계 조성방안이 없다", "지원하는 방안을 supported_by에 적는다"),
    },
    "RG203": {
        "en": ("gateway {label} of {n} mission(s) has no supporting ecosystem measure",
               "every route to these missions passes through it: link a measure in its supported_by"),
        "ko": ("임무 {n}개의 길목기술 {label}을(를) 지원하는 생태계 조성방안이 없다",
               "이 임무들로 가는 모든 경로가 이 기술을 지나므로, 지원 방안을 supported_by에 적는다"),
    },
    "RG301": {
        "en": ("{kind} {label} serves no mission",
               "link it from the technology or mission that needs it, or remove it"),
        "ko": ("{kind} {label}이(가) 어느 임무에도 쓰이지 않는다",
               "이를 필요로 하는 기술이나 임무에서 연결하거나 삭제한다"),
    },
    "RG401": {
        "en": ("no {category} measure supports the missions of field {label}",
               "add an ecosystem measure with category: {category} and link it from the technologies it "
               "supports, or silence RG401 on the field with a reason"),
        "ko": ("분야 {label}의 임무를 지원하는 {category} 방안이 없다",
               "category: {category}인 생태계 조성방안을 추가해 지원하는 기술과 연결하거나, 분야에서 사유와 함께 RG401을 제외한다"),
    },
    "RG402": {
        "en": ("ecosystem measure {label} has no category", "declare its category: one of {categories}"),
        "ko": ("생태계 조성방안 {label}에 분류(category)가 없다", "분류를 적는다: {categories} 중 하나"),
    },
    "RG501": {
        "en": ("the roadmap says fields {label} and '{other}' converge, but no link joins their technologies",
               "add the requires or supported_by links through which they converge"),
        "ko": ("로드맵은 분야 {label}와(과) '{other}'의 융합을 말하지만 두 분야의 기술을 잇는 연결이 없다",
               "융합이 일어나는 requires 또는 supported_by 연결을 적는다"),
    },
    "RG601": {
        "en": ("every requirement link in the chain of mission {label} is inferred",
               "find a source that states these links, or read the mission's chain as an analyst's reconstruction"),
        "ko": ("임무 {label}의 요구 연결이 모두 추론(inferred)이다",
               "연결을 밝힌 출처를 찾거나, 이 임무의 체인을 분석자의 재구성으로 읽는다"),
    },
}


def find_gaps(
    G: nx.DiGraph,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    lang: str = "en",
) -> GapReport:
    """Run the gap rules over ``G``; messages in ``lang`` (``"en"`` or ``"ko"``).

    ``select`` and ``ignore`` take rule codes or prefixes (``RG2`` means every RG2xx rule),
    as ruff does. Raises :class:`InvalidOptionError` for a code that matches no rule.
    """
    select = list(select) if select is not None else None
    ignore = list(ignore)
    for pattern in [*(select or []), *ignore]:
        if not any(code.startswith(pattern.strip().upper()) for code in RULES):
            raise InvalidOptionError(f"no gap rule matches '{pattern}'; rules: {', '.join(RULES)}")
    if lang not in _TEXTS["RG101"]:
        raise InvalidOptionError(f"lang must be 'en' or 'ko', not {lang!r}")
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
        location = G.nodes[node].get("location")
        name = G.nodes[node]["name"] if lang == "ko" else G.nodes[node].get("name_en") or G.nodes[node]["name"]
    else:
        info = G.graph.get("fields", {}).get(node) or {}
        location = info.get("location")
        name = info.get("name", node) if lang == "ko" else info.get("name_en") or info.get("name", node)
    message, fix = _TEXTS[code][lang]
    values = {"label": f"'{name}' ({node})", "categories": ", ".join(MEASURE_CATEGORIES), **params}
    return Finding(code, RULES[code].severity, node, message.format(**values), fix.format(**values), location)


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
            yield "RG301", v, {"kind": attrs["kind"].replace("_", " ")}
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
                yield "RG401", field, {"category": category}


def _convergence_gaps(G: nx.DiGraph) -> Iterator[Gap]:
    linked = {
        frozenset((G.nodes[u]["field"], G.nodes[v]["field"]))
        for u, v in G.edges
        if G.nodes[u]["field"] != G.nodes[v]["field"]
    }
    for field, info in G.graph.get("fields", {}).items():
        for other in info.get("converges_with") or []:
            if frozenset((field, other)) not in linked:
                yield "RG501", field, {"other": other}


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
