"""Temporary: old display-word keys of text.py, report.py and cli.py, looked up in the catalogue.

Removed when those modules render results from their table descriptions.
"""

from types import SimpleNamespace

from .. import vocabulary

_OLD = {
    "flag_critical": "flag.critical", "flag_no_measure": "flag.no_measure",
    "flag_no_alternative": "flag.no_alternative", "flag_cross_field": "flag.cross_field",
    "gateways_title": "note.gateways", "gateways_nearest_first": "col.gateways",
    "redundancy_title": "note.redundancy", "redundancy_one": "word.redundancy_one",
    "redundancy_many": "word.redundancy_many", "redundancy_none": "word.redundancy_none",
    "removed": "title.removed", "infeasible_missions": "title.infeasible_missions",
    "orphaned": "title.orphaned", "unsupported": "title.unsupported", "weakened": "title.weakened",
    "bottlenecks_title": "title.bottlenecks", "bottlenecks_legend": "note.bottlenecks",
    "critical": "col.critical_for", "cross_field_edges": "title.cross_field_edges",
    "convergence_points": "title.convergence_points", "field_matrix": "title.field_matrix",
    "meeting_points": "title.meeting_points", "counts": "title.counts", "more": "word.more_rows",
    "findings": "word.findings_tally", "silenced": "word.silenced_tally",
    "at_a_glance": "report.at_a_glance", "fields": "report.fields", "gateways": "title.gateways",
    "bottlenecks": "title.bottlenecks", "convergence": "title.convergence", "gaps": "title.gaps",
    "sources": "report.sources", "explorer": "report.explorer", "chain": "title.chain",
    "redundancy": "title.redundancy", "no_gateway": "report.no_gateway", "generated": "report.generated",
    "no_source": "report.no_source", "sort_hint": "report.sort_hint", "code": "col.code",
    "severity": "col.severity", "target_node": "col.node_or_field", "message": "col.message",
    "fix": "col.fix", "location": "col.location", "missions": "col.missions", "none": "word.none",
    "no_target": "word.no_target", "total": "word.total", "published": "word.published",
    "horizon": "word.horizon",
}


def word(key: str, lang: str) -> str:
    if key in _OLD:
        params = {"n": ""} if _OLD[key] in ("title.cross_field_edges", "title.convergence_points", "title.meeting_points", "word.more_rows") else {}
        if _OLD[key] in ("word.findings_tally",):
            return ""
        if _OLD[key] == "word.silenced_tally":
            return vocabulary.text(_OLD[key], lang, n="").strip()
        return vocabulary.text(_OLD[key], lang, **params).replace(" ()", "").replace("…  ", "")
    for prefix in ("kind", "relation", "provenance", "severity", "col", "word"):
        if f"{prefix}.{key}" in vocabulary.catalogue.CATALOGUE:
            return vocabulary.text(f"{prefix}.{key}", lang)
    raise KeyError(key)


labels = SimpleNamespace(
    word=word, node_name=vocabulary.node_name, format_target=vocabulary.format_target, LANGS=vocabulary.LANGS
)
