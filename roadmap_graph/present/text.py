"""How results look in a terminal and in a spreadsheet: text tables and CSV rows.

The analyses return typed results; this module turns each into the aligned text a person
reads (Korean or English) and into the flat rows CSV needs. The CLI picks one; notebooks use
the results directly (or their ``to_frame()``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import networkx as nx

from ._legacy_words import labels
from .tabular import table

Rows = tuple[list[str], list[Sequence[Any]]]


def _name(G: nx.DiGraph, node: str, lang: str) -> str:
    return labels.node_name(G.nodes[node], lang)


def _field_name(G: nx.DiGraph, field: str, lang: str) -> str:
    info = G.graph.get("fields", {}).get(field)
    return labels.node_name(info, lang) if info else field


# --- summary ------------------------------------------------------------------------------


def summary_rows(result: Any, lang: str) -> Rows:
    """One row per mission target (a mission without targets gets one empty row)."""
    headers = ["field", "mission", "name", "metric", "comparator", "value", "unit", "by"]
    rows: list[Sequence[Any]] = []
    for m in result.missions:
        name = labels.node_name({"name": m.name, "name_en": m.name_en}, lang)
        for t in m.targets or ({},):
            rows.append(
                (m.field, m.id, name, t.get("metric"), t.get("comparator"), t.get("value"), t.get("unit"), t.get("by"))
            )
    return headers, rows


def summary_text(result: Any, lang: str) -> str:
    """Title, counts by field and kind, then every mission with its targets."""
    info = result.roadmap
    title = info.get("title_en") if lang == "en" and info.get("title_en") else info.get("title")
    dates = [f"{labels.word(k, lang)} {info[k]}" for k in ("published", "horizon") if info.get(k)]
    kinds = ("mission", "core_technology", "enabling_technology", "ecosystem_measure")
    names = {f: labels.node_name(d, lang) for f, d in result.fields.items()}
    counts = [[names[f], *(result.count(f, k) for k in kinds), result.count(f)] for f in result.fields]
    counts.append([labels.word("total", lang), *(result.count(None, k) for k in kinds), result.count()])
    targets = []
    for m in result.missions:
        name = labels.node_name({"name": m.name, "name_en": m.name_en}, lang)
        for t in m.targets or ({},):
            text = labels.format_target(t, lang) if t else labels.word("no_target", lang)
            targets.append((names.get(m.field, m.field), m.id, name, text))
    return "\n".join(
        [
            f"{title}" + (f"  ({', '.join(dates)})" if dates else ""),
            "",
            labels.word("counts", lang),
            table(
                [labels.word("field", lang), *(labels.word(k, lang) for k in kinds), labels.word("total", lang)],
                counts,
                right=range(1, 6),
            ),
            "",
            f"{labels.word('missions', lang)} ({len(result.missions)})",
            table([labels.word(k, lang) for k in ("field", "id", "name", "target")], targets),
        ]
    )


# --- gateways -----------------------------------------------------------------------------


def gateway_rows(rows: list[dict[str, Any]]) -> Rows:
    """CSV rows of the gateway list (missions joined with ';')."""
    return ["id", "kind", "field", "n_missions", "missions"], [
        (r["id"], r["kind"], r["field"], len(r["missions"]), ";".join(r["missions"])) for r in rows
    ]


def gateways_text(
    G: nx.DiGraph, rows: list[dict[str, Any]], levels: dict[str, int | None], lang: str, mission: str | None
) -> str:
    """The gateway table, and the missions' redundancy levels."""
    w = labels.word
    body = [
        (i + 1, r["id"], _name(G, r["id"], lang), w(r["kind"], lang), len(r["missions"]), ", ".join(r["missions"]))
        for i, r in enumerate(rows)
    ]
    first = "#" if mission else w("rank", lang)
    parts = []
    if mission:
        parts.append(f"{_name(G, mission, lang)} ({mission}): {w('gateways_nearest_first', lang)}")
    else:
        parts.append(w("gateways_title", lang))
    if body:
        parts.append(table([first, "id", w("name", lang), w("kind", lang), w("n_missions", lang), w("missions", lang)], body, right=[0, 4]))
    else:
        parts.append(w("none", lang))
    level_rows = [
        (m, _name(G, m, lang), "—" if k is None else k, w("redundancy_" + ("none" if k is None else "one" if k == 1 else "many"), lang))
        for m, k in levels.items()
    ]
    parts += ["", w("redundancy_title", lang), table([w("mission", lang), w("name", lang), "κ", ""], level_rows, right=[2])]
    return "\n".join(parts)


# --- impact -------------------------------------------------------------------------------


def impact_rows(G: nx.DiGraph, result: Any, lang: str) -> Rows:
    """One row per affected node: how it is affected."""
    rows: list[Sequence[Any]] = []
    for status, nodes in (
        ("removed", result.removed),
        ("infeasible_mission", result.infeasible_missions),
        ("orphaned", result.orphaned),
        ("unsupported", result.unsupported),
        ("weakened", result.weakened),
    ):
        rows += [(status, n, G.nodes[n]["kind"], G.nodes[n]["field"], _name(G, n, lang)) for n in nodes]
    return ["status", "id", "kind", "field", "name"], rows


def impact_text(G: nx.DiGraph, result: Any, lang: str) -> str:
    """What failing the removed nodes costs, section by section."""
    w = labels.word
    parts = []
    for key, nodes in (
        ("removed", result.removed),
        ("infeasible_missions", result.infeasible_missions),
        ("orphaned", result.orphaned),
        ("unsupported", result.unsupported),
        ("weakened", result.weakened),
    ):
        parts.append(f"{w(key, lang)} ({len(nodes)})")
        if nodes:
            parts.append(
                table(
                    ["id", w("name", lang), w("kind", lang), w("field", lang)],
                    [(n, _name(G, n, lang), w(G.nodes[n]["kind"], lang), _field_name(G, G.nodes[n]["field"], lang)) for n in nodes],
                )
            )
        parts.append("")
    return "\n".join(parts).rstrip()


# --- bottlenecks --------------------------------------------------------------------------


def bottleneck_rows(ranked: Sequence[Any]) -> Rows:
    """CSV rows: every component of every technology, in rank order."""
    headers = [
        "rank", "id", "kind", "field", "mission_reach", "reach_by_field", "critical_missions",
        "path_share", "supporting_measures", "sole_provider_for", "cross_field_reach", "flags",
    ]
    rows = [
        (
            i + 1, b.id, b.kind, b.field, b.mission_reach,
            ";".join(f"{f}={n}" for f, n in b.reach_by_field.items()),
            ";".join(b.critical_missions), round(b.path_share, 6), b.supporting_measures,
            b.sole_provider_for, b.cross_field_reach, ";".join(b.flags),
        )
        for i, b in enumerate(ranked)
    ]
    return headers, rows


def bottlenecks_text(G: nx.DiGraph, ranked: Sequence[Any], lang: str, top: int | None) -> str:
    """The ranking with its components and flags, and how it is ranked."""
    w = labels.word
    shown = ranked[:top] if top else ranked
    rows = [
        (
            i + 1,
            b.id,
            _name(G, b.id, lang),
            b.mission_reach,
            ", ".join(f"{f} {n}" for f, n in b.reach_by_field.items()),
            len(b.critical_missions),
            f"{100 * b.path_share:.1f}%",
            b.supporting_measures,
            " ".join(w("flag_" + f, lang) for f in b.flags),
        )
        for i, b in enumerate(shown)
    ]
    headers = [
        w("rank", lang), "id", w("name", lang), w("reach", lang), w("by_field", lang),
        w("critical", lang), w("path_share", lang), w("measures", lang), w("flags", lang),
    ]
    more = f"\n… {len(ranked) - len(shown)} {w('more', lang)}" if len(shown) < len(ranked) else ""
    return "\n".join([w("bottlenecks_title", lang), table(headers, rows, right=[0, 3, 5, 6, 7]) + more, "", w("bottlenecks_legend", lang)])


# --- convergence --------------------------------------------------------------------------


def convergence_rows(G: nx.DiGraph, data: dict[str, Any], lang: str) -> Rows:
    """CSV rows: one per convergence point."""
    return ["id", "kind", "field", "name", "serves_fields"], [
        (p["id"], G.nodes[p["id"]]["kind"], p["field"], _name(G, p["id"], lang), ";".join(p["fields"]))
        for p in data["convergence_points"]
    ]


def convergence_text(G: nx.DiGraph, data: dict[str, Any], lang: str) -> str:
    """Cross-field links, convergence points and the field mixing matrix."""
    w = labels.word
    edges = [
        (e["source"], e["source_field"], "→", e["target"], e["target_field"], w(e["relation"], lang),
         w(G.edges[e["source"], e["target"]].get("provenance") or "unknown", lang))
        for e in data["cross_field_edges"]
    ]
    points = [
        (p["id"], _name(G, p["id"], lang), w(G.nodes[p["id"]]["kind"], lang), p["field"], ", ".join(p["fields"]))
        for p in data["convergence_points"]
    ]
    matrix = data["field_matrix"]
    fields = list(matrix)
    cols = sorted({c for row in matrix.values() for c in row} | set(fields))
    matrix_rows = [[f, *(matrix[f].get(c, 0) for c in cols)] for f in fields]
    parts = [
        f"{w('cross_field_edges', lang)} ({len(edges)})",
        table([w("dependent", lang), w("field", lang), "", w("prerequisite", lang), w("field", lang), w("relation", lang), w("provenance", lang)], edges) if edges else w("none", lang),
        "",
        f"{w('convergence_points', lang)} ({len(points)})",
        table(["id", w("name", lang), w("kind", lang), w("field", lang), w("serves_fields", lang)], points) if points else w("none", lang),
        "",
        f"{w('meeting_points', lang)} ({len(data['meeting_points'])})",
        table(
            ["id", w("name", lang), w("field", lang), w("builds_on", lang)],
            [(p["id"], _name(G, p["id"], lang), p["field"], ", ".join(p["fields"])) for p in data["integration_points"] if p["meeting"]],
        ) if data["meeting_points"] else w("none", lang),
        "",
        w("field_matrix", lang),
        table([w("from_to", lang), *cols], matrix_rows, right=range(1, len(cols) + 1)),
    ]
    return "\n".join(parts)


# --- gaps ---------------------------------------------------------------------------------


def gap_rows(report: Any) -> Rows:
    """CSV rows: one per finding."""
    return ["code", "severity", "node", "message", "fix", "location"], [
        (f.code, f.severity, f.node, f.message, f.fix, f.location) for f in report.findings
    ]


def _short(location: str | None) -> str | None:
    """A location relative to the working folder when it lies inside it (as linters print)."""
    if location is None or not os.path.isabs(location):
        return location
    relative = os.path.relpath(location)
    return location if relative.startswith("..") else relative


def gaps_text(report: Any, lang: str) -> str:
    """Linter-style lines: ``location: CODE [severity] message``, the fix indented below."""
    w = labels.word
    lines = []
    for f in report.findings:
        lines.append(f"{_short(f.location) or f.node}: {f.code} [{w(f.severity, lang)}] {f.message}")
        lines.append(f"    → {f.fix}")
    counts = {s: sum(f.severity == s for f in report.findings) for s in ("error", "warning", "info")}
    tally = ", ".join(f"{w(s, lang)} {n}" for s, n in counts.items())
    lines.append(f"{len(report.findings)} {w('findings', lang)} ({tally})" + (
        f"; {len(report.silenced)} {w('silenced', lang)}" if report.silenced else ""
    ))
    return "\n".join(lines)
