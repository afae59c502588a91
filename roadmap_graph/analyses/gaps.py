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

import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from operator import itemgetter
from string import Formatter
from typing import Any

from ..errors import InvalidOptionError
from ..fileformat.model import EXPECTED_MEASURE_CATEGORIES, MEASURE_CATEGORIES, TECHNOLOGY_KINDS
from ..gcpause import paused_gc
from ..graph.index import GraphLike, RoadmapIndex, as_index
from ..vocabulary import DEFAULT_LANG, Message, check_lang, node_name, template, text, verbatim
from .convergence import field_counts, served_fields
from .registry import Analysis, Param
from .result import Column, Table, Tabular

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
        """The JSON shape: ``{"code", "severity", "node", "message", "fix", "location"}``;
        ``message`` ends with the suggested fix, which ``fix`` also gives alone."""
        return {
            "code": self.code,
            "severity": self.severity,
            "node": self.node,
            "message": f"{self.message}; {self.fix}",
            "fix": self.fix,
            "location": self.location,
        }


@dataclass(frozen=True)
class GapReport(Tabular):
    """The findings of :func:`find_gaps` (messages in ``lang``), and those silenced in the
    file, with the reason."""

    findings: tuple[Finding, ...]
    silenced: tuple[tuple[Finding, str], ...]
    lang: str = DEFAULT_LANG

    def failed(self, fail_on: str = "error") -> bool:
        """True when a finding is at or above ``fail_on`` (``"error"`` or ``"warning"``)."""
        if fail_on not in ("error", "warning"):
            raise InvalidOptionError(Message("error.fail_on", value=verbatim(repr(fail_on))))
        limit = SEVERITIES.index(fail_on)
        return any(SEVERITIES.index(f.severity) <= limit for f in self.findings)

    def to_dict(self) -> list[dict[str, Any]]:
        """The JSON shape: a list of findings (:meth:`Finding.to_dict`)."""
        return [f.to_dict() for f in self.findings]

    to_list = to_dict

    def tally(self) -> Message:
        """How many findings of each severity (and how many silenced)."""
        counts = {s: sum(f.severity == s for f in self.findings) for s in SEVERITIES}
        message = Message(
            "word.findings_tally", n=len(self.findings), errors=counts["error"], warnings=counts["warning"], infos=counts["info"]
        )
        if self.silenced:
            return Message("word.tally_and_silenced", tally=message, silenced=Message("word.silenced_tally", n=len(self.silenced)))
        return message

    def tables(self) -> tuple[Table, ...]:
        columns = (
            Column("location", "col.location", "location"),
            Column("code", "col.code", "code"),
            Column("severity", "col.severity", "word", vocab="severity"),
            Column("node", "col.node_or_field", "id"),
            Column("message", "col.message"),
            Column("fix", "col.fix"),
        )
        rows = tuple((f.location, f.code, f.severity, f.node, f.message, f.fix) for f in self.findings)
        return (Table("findings", columns, rows, note=self.tally()),)

    def lines(self, lang: str) -> str:
        """Linter lines: ``location: CODE [severity] message``, the fix indented below, and
        the tally. (Messages are in the language the report was made in.)"""
        out = []
        for f in self.findings:
            out.append(f"{short_location(f.location) or f.node}: {f.code} [{text('severity.' + f.severity, lang)}] {f.message}")
            out.append(f"    → {f.fix}")
        out.append(self.tally().text(lang))
        return "\n".join(out)


def short_location(location: str | None) -> str | None:
    """A location relative to the working folder when it lies inside it (as linters print)."""
    if location is None or not os.path.isabs(location):
        return location
    relative = os.path.relpath(location)
    return location if relative.startswith("..") else relative


def _matches(code: str, patterns: Iterable[str]) -> bool:
    return any(code.startswith(p.strip().upper()) for p in patterns if p.strip())


def find_gaps(
    G: GraphLike,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    lang: str = DEFAULT_LANG,
) -> GapReport:
    """Run the gap rules over ``G``; messages in ``lang`` (``"ko"`` or ``"en"``).

    ``select`` and ``ignore`` take rule codes or prefixes (``RG2`` means every RG2xx rule),
    as ruff does. Raises :class:`InvalidOptionError` for a code that matches no rule.
    """
    index = as_index(G)
    select = list(select) if select is not None else None
    ignore = list(ignore or ())
    for pattern in [*(select or []), *ignore]:
        if not any(code.startswith(pattern.strip().upper()) for code in RULES):
            raise InvalidOptionError(Message("error.unknown_rule", pattern=verbatim(pattern), rules=verbatim(", ".join(RULES))))
    check_lang(lang)
    active = {c for c in RULES if (select is None or _matches(c, select)) and not _matches(c, ignore)}
    with paused_gc():  # tens of thousands of findings on a large roadmap
        # Sorted before they are written (a stable sort: a node's findings of one rule keep
        # the order the rule gives them).
        gaps = sorted((gap for gap in _all_gaps(index, active) if gap[0] in active), key=itemgetter(0, 1))
        found = _Writer(index, lang).write(gaps)
        del gaps  # before the GC resumes: it would scan them once more
        silences = _silences(index)
        if not silences:
            return GapReport(tuple(found), (), lang)
        findings, silenced = [], []
        for f in found:
            reason = silences.get((f.code, f.node))
            if reason is None:
                findings.append(f)
            else:
                silenced.append((f, reason))
    return GapReport(tuple(findings), tuple(silenced), lang)


def _attrs(index: RoadmapIndex, node: str) -> Mapping[str, Any]:
    """A node's attributes, or a field's (field-level rules name a field)."""
    i = index.at.get(node)
    if i is not None:
        return index.attrs[i]
    return index.G.graph.get("fields", {}).get(node) or {"name": node}


def _silences(index: RoadmapIndex) -> dict[tuple[str, str], str]:
    """The rules the file silences, with the reason: ``(code, node or field) → reason``."""
    found: dict[tuple[str, str], str] = {}
    fields = index.G.graph.get("fields", {})
    for node, attrs in [*zip(index.ids, index.attrs), *fields.items()]:
        ignore = attrs.get("ignore")
        if ignore:
            for entry in ignore:
                found.setdefault((entry["code"], node), str(entry["reason"]))
    return found


class _Writer:
    """Writes findings in one language; a large roadmap has tens of thousands, so each
    rule's templates are looked up once, each parameter is written once, and each fix,
    which seldom names the node, is written once per rule and parameters it uses."""

    def __init__(self, index: RoadmapIndex, lang: str) -> None:
        self.index, self.lang = index, lang
        self.label = template("gap.label", lang)
        self.rules = {  # code → severity, message template, fix template, what the fix names
            code: (rule.severity, template(f"gap.{code}.message", lang), fix, _names(fix))
            for code, rule in RULES.items()
            for fix in [template(f"gap.{code}.fix", lang)]
        }
        # the values to write, as file syntax (quoted), each with its name in ``lang``
        self.categories = ", ".join(text("gap.category_choice", lang, id=c, name=text(f"category.{c}", lang)) for c in MEASURE_CATEGORIES)
        self.written: dict[Any, Any] = {}  # a parameter (Message, Verbatim) → its text
        self.fixes: dict[Any, str] = {}  # code, or (code, the values its fix names) → fix

    def write(self, gaps: Iterable[Gap]) -> list[Finding]:
        """The findings of ``gaps`` (code, node or field, message parameters), in order."""
        at, attrs_of, lang, label = self.index.at, self.index.attrs, self.lang, self.label
        found = []
        for code, node, params in gaps:
            i = at.get(node)
            attrs = attrs_of[i] if i is not None else _attrs(self.index, node)
            values = {k: self._write(v) for k, v in params.items()} if params else {}
            values["label"] = label.format_map({"name": node_name(attrs, lang), "id": node})
            values["categories"] = self.categories
            severity, message, fix, names = self.rules[code]
            key = (code, *map(values.__getitem__, names)) if names else code
            written = self.fixes.get(key)
            if written is None:
                written = self.fixes[key] = fix.format_map(values)
            found.append(Finding(code, severity, node, message.format_map(values), written, attrs.get("location")))
        return found

    def _write(self, value: Any) -> Any:
        if not hasattr(value, "text"):
            return value
        written = self.written.get(value)
        if written is None:
            written = self.written[value] = value.text(self.lang)
        return written


def _names(form: str) -> tuple[str, ...]:
    """The parameters a template names (``{n:,}`` names ``n``), in order."""
    return tuple(dict.fromkeys(re.split(r"[.\[]", name)[0] for _, name, _, _ in Formatter().parse(form) if name))


Gap = tuple[str, str, dict[str, Any]]  # code, node or field, message parameters


def _all_gaps(index: RoadmapIndex, active: set[str]) -> Iterator[Gap]:
    ids, kind, attrs = index.ids, index.kind, index.attrs
    for m in index.missions:
        targets = attrs[m].get("targets") or []
        if not index.req[m]:
            yield "RG101", ids[m], {}
        if not any(t.get("value") is not None for t in targets):
            yield "RG102", ids[m], {}
        if not any(t.get("by") is not None for t in targets):
            yield "RG103", ids[m], {}
    for v, k in enumerate(kind):
        if k == "core_technology" and not any(kind[c] == "enabling_technology" for c in index.req[v]):
            yield "RG201", ids[v], {}
        if k in TECHNOLOGY_KINDS and not index.support[v]:
            yield "RG202", ids[v], {}
        if k == "ecosystem_measure" and not attrs[v].get("category"):
            yield "RG402", ids[v], {}
    if "RG203" in active:
        gateway_of: dict[int, int] = {}
        for m in index.missions:
            for x in index.dominators(m):
                gateway_of[x] = gateway_of.get(x, 0) + 1
        for x in sorted(gateway_of, key=lambda x: (-gateway_of[x], ids[x])):
            if not index.support[x] and kind[x] in TECHNOLOGY_KINDS:
                yield "RG203", ids[x], {"n": gateway_of[x]}
    served = served_fields(index)  # shared with convergence: nonzero when a mission is served
    kind_names: dict[str, Message] = {}
    for v, k in enumerate(kind):
        if not served[v] and k != "mission":
            name = kind_names.get(k) or kind_names.setdefault(k, Message(f"kind.{k}"))
            yield "RG301", ids[v], {"kind": name}
    yield from _category_gaps(index)
    yield from _convergence_gaps(index)
    yield from _inferred_only_gaps(index)


def _category_gaps(index: RoadmapIndex) -> Iterator[Gap]:
    at = {f: s for s, f in enumerate(field_counts(index).fields)}
    with_missions = {index.field[m] for m in index.missions}
    served = served_fields(index)  # the fields of the missions each node serves, as bits
    categories = [(index.attrs[v].get("category"), served[v]) for v, k in enumerate(index.kind) if k == "ecosystem_measure"]
    for field in index.G.graph.get("fields", {}):
        if field not in with_missions:
            continue
        bit = 1 << at[field]
        present = {category for category, bits in categories if bits & bit}
        for category in EXPECTED_MEASURE_CATEGORIES:
            if category not in present:
                yield "RG401", field, {"category": Message(f"category.{category}"), "category_id": verbatim(category)}


def _convergence_gaps(index: RoadmapIndex) -> Iterator[Gap]:
    counts = field_counts(index)  # shared with convergence: the edges between fields
    fields = counts.fields
    linked = {
        frozenset((fields[a], fields[b])) for a, row in enumerate(counts.links) for b, n in enumerate(row) if n and a != b
    }
    for f, info in index.G.graph.get("fields", {}).items():
        for other in info.get("converges_with") or []:
            if frozenset((f, other)) not in linked:
                yield "RG501", f, {"other": verbatim(other)}


def _inferred_only_gaps(index: RoadmapIndex) -> Iterator[Gap]:
    # stated_below(v): some requirement link in v's chain is not marked inferred: one of
    # its own, or one below a child
    req = index.req
    stated_below = [not all(inferred) for inferred in index.req_inferred]
    for v in reversed(index.order):
        if not stated_below[v] and req[v]:
            stated_below[v] = any(stated_below[c] for c in req[v])
    for m in index.missions:
        if req[m] and not stated_below[m]:
            yield "RG601", index.ids[m], {}


def _fail_status(report: GapReport, params: Mapping[str, Any]) -> int:
    return GAPS_FOUND if report.failed(params.get("fail_on") or "error") else 0


#: The exit status of ``roadmap-graph gaps`` when findings at or above ``--fail-on`` remain.
GAPS_FOUND = 5

ANALYSIS = Analysis(
    name="gaps",
    title="title.gaps",
    summary="Coverage gaps, as a linter: rule code, severity, file:line, message and fix.",
    description=(
        "A node or field silences a rule in the file: ignore: [{code: RG202, reason: ...}]. "
        'JSON: a list of {"code", "severity", "node", "message", "fix", "location"}. Exit status 5 '
        "when a finding at or above --fail-on remains."
    ),
    run=find_gaps,
    takes_lang=True,
    params=(
        Param("select", "Only these rule codes or prefixes (comma-separated or repeated), e.g. RG2.", kind="list", flag="--select"),
        Param("ignore", "Skip these rule codes or prefixes.", kind="list", flag="--ignore"),
        Param(
            "fail_on", "Exit with status 5 when a finding at or above this severity remains.", kind="choice",
            flag="--fail-on", choices=("error", "warning"), default="error", display=True,
        ),
    ),
    exit_status=_fail_status,
    text_view="lines",
)
