"""The HTML report: the one page a policy analyst opens.

``write_report(G, folder)`` writes ``index.html`` (and the interactive ``explorer.html``)
into a folder it owns. The page opens from disk with no network: figures are inline SVG
(text drawn as paths, so Hangul needs no font), styles and the small table-sorting script
are inline. It holds the roadmap at a glance (layered figure, counts, fields and goals),
every mission with its targets, chain figure, gateways and redundancy level, then the
gateways, bottlenecks with their reasons, convergence points and cross-field links, and the
coverage gaps with their codes. Every node name links to its source quote.

A folder is only ever overwritten if this module made it (it leaves a marker file there),
unless ``force=True``: a report never clobbers someone's files.
"""

from __future__ import annotations

import html
import io
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from ._legacy_words import labels
from ..outputs import check_outputs, write_files
from ..errors import OutputError, OutputPathError
from ..vocabulary import Message, verbatim

MARKER = ".roadmap-graph-report"
Progress = Callable[[str], None]



def _w(key: str, lang: str) -> str:
    return labels.word(key, lang)


def write_report(
    G: nx.DiGraph,
    folder: str | os.PathLike[str] = "roadmap-report",
    *,
    lang: str = "ko",
    force: bool = False,
    progress: Progress | None = None,
    protect: Iterable[str | os.PathLike[str]] = (),
) -> Path:
    """Write the report into ``folder`` (``index.html``, ``explorer.html`` and the marker
    file) through the one writer, all or nothing; return the path of ``index.html``.

    Raises
    ------
    OutputPathError
        When ``folder`` is a file, or a non-empty folder this function did not make
        (pass ``force=True`` to write there anyway), or a file in it is refused (an input
        roadmap file, or one in ``protect``; a folder, a device). Nothing is written.
    OutputError
        When writing fails; the files there before are left as they were.
    """
    say = progress or (lambda message: None)
    out = Path(folder)
    if out.exists() and not out.is_dir():
        what = Message("output.what_report")
        raise OutputPathError(str(out), Message("output.folder_is_file", path=verbatim(out), what=what))
    try:
        foreign = out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists()
    except OSError as err:  # a folder it may not look into
        reason = verbatim(err.strerror or err)
        raise OutputError(str(out), Message("output.cannot_write", path=verbatim(out), reason=reason)) from err
    if foreign and not force:
        raise OutputPathError(str(out), Message("output.foreign_folder", path=verbatim(out)))
    names = (MARKER, "index.html", "explorer.html")  # the marker first: a folder with a page is marked
    check_outputs([out / name for name in reversed(names)], protect=protect)
    page = report_html(G, lang=lang, progress=say)
    say("building explorer.html")
    from .explorer import explorer_html

    explorer = explorer_html(G, lang=lang)
    say("writing index.html and explorer.html")
    contents = ("roadmap-graph report folder\n", page, explorer)
    write_files([(out / name, content) for name, content in zip(names, contents)], protect=protect)
    return out / "index.html"


def report_html(G: nx.DiGraph, *, lang: str = "ko", progress: Progress | None = None) -> str:
    """The report page as one self-contained HTML string."""
    from ..analyses.bottlenecks import bottlenecks
    from ..analyses.convergence import convergence
    from ..analyses.gaps import find_gaps
    from ..analyses.gateways import gateways, redundancy
    from ..analyses.summary import summarize

    say = progress or (lambda message: None)
    say("analysing")
    summary = summarize(G)
    gates = gateways(G)
    levels = redundancy(G)
    ranked = bottlenecks(G)
    conv = convergence(G)
    gaps = find_gaps(G, lang=lang)
    say("drawing the roadmap")
    sections = [
        _glance(G, summary, lang, _svg(G, "roadmap", lang)),
        _missions(G, summary, gates, levels, lang, say),
        _gateway_section(G, gates, lang),
        _bottleneck_section(G, ranked, lang),
        _convergence_section(G, conv, lang, _svg(G, "convergence", lang) if len(conv.fields) >= 2 else ""),
        _gap_section(gaps, lang),
        _sources_section(G, lang),
    ]
    info = G.graph.get("roadmap", {})
    title = info.get("title_en") if lang == "en" and info.get("title_en") else info.get("title", "")
    nav = "".join(
        f'<a href="#{key}">{html.escape(_w(key, lang))}</a>'
        for key in ("at_a_glance", "missions", "gateways", "bottlenecks", "convergence", "gaps", "sources")
    )
    return _PAGE.format(
        lang=lang,
        title=html.escape(title),
        nav=nav,
        explorer=html.escape(_w("explorer", lang)),
        body="\n".join(sections),
        footer=html.escape(_w("generated", lang)),
        style=_STYLE,
        script=_SCRIPT,
    )


def _svg(G: nx.DiGraph, kind: str, lang: str, **options: Any) -> str:
    import matplotlib.pyplot as plt

    from ..figures import draw
    from ..figures.style import figure_style

    ax = draw(G, kind, lang=lang, **options)
    buffer = io.StringIO()
    try:
        with figure_style():
            ax.figure.savefig(buffer, format="svg", bbox_inches="tight")
    finally:
        plt.close(ax.figure)
    text = buffer.getvalue()
    return text[text.index("<svg") :]  # drop the XML prolog and doctype: inline SVG


def _name(G: nx.DiGraph, node: str, lang: str) -> str:
    """A node's name linked to its source quotes."""
    return f'<a class="node" href="#src-{node}">{html.escape(labels.node_name(G.nodes[node], lang))}</a>'


def _table(headers: list[str], rows: list[list[str]], *, cls: str = "sortable") -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _glance(G: nx.DiGraph, summary: Any, lang: str, figure: str) -> str:
    kinds = ("mission", "core_technology", "enabling_technology", "ecosystem_measure")
    rows = [
        [html.escape(labels.node_name(info, lang)), *(str(summary.count(f, k)) for k in kinds), str(summary.count(f))]
        for f, info in summary.fields.items()
    ]
    counts = _table([labels.word("field", lang), *(labels.word(k, lang) for k in kinds), labels.word("total", lang)], rows)
    goals = "".join(
        f"<li><b>{html.escape(labels.node_name(info, lang))}</b>: "
        f"{html.escape((info.get('goal_en') if lang == 'en' else None) or info.get('goal') or '')}</li>"
        for info in summary.fields.values()
    )
    return (
        f'<section id="at_a_glance"><h2>{_w("at_a_glance", lang)}</h2>'
        f'<figure class="wide">{figure}</figure>{counts}'
        f'<h3>{_w("fields", lang)}</h3><ul>{goals}</ul></section>'
    )


def _missions(G: nx.DiGraph, summary: Any, gates: Any, levels: dict[str, int | None], lang: str, say: Progress) -> str:
    parts = [f'<section id="missions"><h2>{_w("missions", lang)}</h2>']
    for m in summary.missions:
        say(f"drawing the chain of {m.id}")
        targets = "".join(f"<li>{html.escape(labels.format_target(t, lang))}</li>" for t in m.targets) or (
            f"<li>{html.escape(labels.word('no_target', lang))}</li>"
        )
        chain = gates.by_mission[m.id]
        gateways = ", ".join(_name(G, g, lang) for g in chain) or html.escape(_w("no_gateway", lang))
        level = levels.get(m.id)
        parts.append(
            f'<article class="mission" id="m-{m.id}"><h3>{_name(G, m.id, lang)} <code>{m.id}</code></h3>'
            f"<ul>{targets}</ul>"
            f"<p><b>{_w('gateways', lang)}</b>: {gateways} · <b>{_w('redundancy', lang)}</b>: "
            f"{'—' if level is None else level}</p>"
            f'<details open><summary>{_w("chain", lang)}</summary><figure>{_svg(G, "chain", lang, mission=m.id)}</figure></details>'
            "</article>"
        )
    parts.append("</section>")
    return "".join(parts)


def _gateway_section(G: nx.DiGraph, gates: Any, lang: str) -> str:
    rows = [
        [_name(G, g.id, lang), f"<code>{g.id}</code>", html.escape(labels.word(g.kind, lang)), str(len(g.missions)),
         ", ".join(_name(G, m, lang) for m in g.missions)]
        for g in gates.gateways
    ]
    headers = [labels.word("name", lang), "id", labels.word("kind", lang), labels.word("n_missions", lang), labels.word("missions", lang)]
    return f'<section id="gateways"><h2>{_w("gateways", lang)}</h2><p>{html.escape(labels.word("gateways_title", lang))}</p>{_table(headers, rows)}</section>'


def _bottleneck_section(G: nx.DiGraph, ranked: Any, lang: str) -> str:
    rows = [
        [str(i + 1), _name(G, b.id, lang), str(b.mission_reach),
         html.escape(", ".join(f"{f} {n}" for f, n in b.reach_by_field.items())), str(len(b.critical_missions)),
         f"{100 * b.path_share:.1f}%", str(b.supporting_measures),
         html.escape(" ".join(labels.word("flag_" + f, lang) for f in b.flags))]
        for i, b in enumerate(ranked)
    ]
    headers = [labels.word(k, lang) for k in ("rank", "name", "reach", "by_field", "critical", "path_share", "measures", "flags")]
    return (
        f'<section id="bottlenecks"><h2>{_w("bottlenecks", lang)}</h2>'
        f"<p>{html.escape(labels.word('bottlenecks_legend', lang))} {html.escape(_w('sort_hint', lang))}</p>"
        f"{_table(headers, rows)}</section>"
    )


def _convergence_section(G: nx.DiGraph, conv: Any, lang: str, figure: str) -> str:
    edges = [
        [_name(G, e.source, lang), e.source_field, "→", _name(G, e.target, lang), e.target_field,
         html.escape(labels.word(e.relation, lang)),
         html.escape(labels.word(G.edges[e.source, e.target].get("provenance") or "unknown", lang))]
        for e in conv.cross_field_edges
    ]
    points = [
        [_name(G, p.id, lang), html.escape(labels.word(p.kind, lang)), p.field, ", ".join(p.fields)]
        for p in conv.convergence_points
    ]
    meeting = ", ".join(_name(G, n, lang) for n in conv.meeting_points) or labels.word("none", lang)
    return (
        f'<section id="convergence"><h2>{_w("convergence", lang)}</h2><figure class="wide">{figure}</figure>'
        f'<h3>{html.escape(labels.word("convergence_points", lang))}</h3>'
        + _table([labels.word("name", lang), labels.word("kind", lang), labels.word("field", lang), labels.word("serves_fields", lang)], points)
        + f'<h3>{html.escape(labels.word("cross_field_edges", lang))}</h3>'
        + _table([labels.word("dependent", lang), labels.word("field", lang), "", labels.word("prerequisite", lang),
                  labels.word("field", lang), labels.word("relation", lang), labels.word("provenance", lang)], edges)
        + f'<p><b>{html.escape(labels.word("meeting_points", lang))}</b>: {meeting}</p></section>'
    )


def _gap_section(gaps: Any, lang: str) -> str:
    rows = [
        [f"<code>{f.code}</code>", html.escape(labels.word(f.severity, lang)),
         f'<a href="#src-{f.node}">{html.escape(f.node)}</a>', html.escape(f.message), html.escape(f.fix),
         f"<code>{html.escape(os.path.basename(f.location or ''))}</code>"]
        for f in gaps.findings
    ]
    headers = [_w(k, lang) for k in ("code", "severity", "target_node", "message", "fix", "location")]
    return f'<section id="gaps"><h2>{_w("gaps", lang)}</h2>{_table(headers, rows)}</section>'


def _sources_section(G: nx.DiGraph, lang: str) -> str:
    titles = {s["id"]: s for s in G.graph.get("roadmap", {}).get("sources", [])}
    items = []
    entries = [(f, info, "field") for f, info in G.graph.get("fields", {}).items()]
    entries += [(n, G.nodes[n], "node") for n in sorted(G)]
    for node, attrs, what in entries:
        quotes = "".join(
            f"<blockquote>{html.escape(s.get('quote') or '')}<cite>{html.escape((titles.get(s['source']) or {}).get('title') or s['source'])}</cite></blockquote>"
            for s in attrs.get("sources") or []
        ) or f"<p>{html.escape(_w('no_source', lang))}</p>"
        provenance = html.escape(
            labels.word("field", lang) if what == "field" else labels.word(attrs.get("provenance") or "unknown", lang)
        )
        items.append(
            f'<div class="source" id="src-{node}"><h4>{html.escape(labels.node_name(attrs, lang))} '
            f"<code>{node}</code> · {provenance}</h4>{quotes}</div>"
        )
    return f'<section id="sources"><h2>{_w("sources", lang)}</h2>{"".join(items)}</section>'


_STYLE = """
body{font-family:"NanumGothic","Noto Sans CJK KR","Malgun Gothic","Apple SD Gothic Neo",sans-serif;margin:0;color:#222;line-height:1.5}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:.5em 1.5em;z-index:2}
header h1{font-size:1.25em;margin:.2em 0} nav a{margin-right:1em;text-decoration:none;color:#1f5fa8}
main{padding:0 1.5em 3em;max-width:1400px} section{margin-top:2em}
figure{margin:1em 0;overflow-x:auto} figure svg{max-width:100%;height:auto}
table{border-collapse:collapse;margin:.5em 0;font-size:.92em} th,td{border:1px solid #ddd;padding:.25em .5em;vertical-align:top}
th{background:#f3f5f8;cursor:pointer;user-select:none} th.asc::after{content:" ▲"} th.desc::after{content:" ▼"}
article.mission{border-left:4px solid #1f77b4;padding-left:1em;margin:1.5em 0}
blockquote{margin:.3em 0 .3em 1em;padding-left:.8em;border-left:3px solid #ccc}
cite{display:block;font-size:.85em;color:#666} a.node{color:#1f5fa8} code{font-size:.85em;color:#555}
.source:target{background:#fff7d6} section,article,.source{scroll-margin-top:6em}
"""

_SCRIPT = """
document.querySelectorAll("table.sortable").forEach(function(table){
  table.querySelectorAll("th").forEach(function(th, col){
    th.addEventListener("click", function(){
      var body = table.tBodies[0], rows = Array.from(body.rows);
      var asc = !th.classList.contains("asc");
      table.querySelectorAll("th").forEach(function(h){h.classList.remove("asc","desc");});
      th.classList.add(asc ? "asc" : "desc");
      rows.sort(function(a, b){
        var x = a.cells[col].innerText.trim(), y = b.cells[col].innerText.trim();
        var nx = parseFloat(x), ny = parseFloat(y);
        var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, "ko");
        return asc ? c : -c;
      });
      rows.forEach(function(r){body.appendChild(r);});
    });
  });
});
"""

_PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>{title}</title><style>{style}</style></head>
<body><header><h1>{title}</h1><nav>{nav}<a href="explorer.html">{explorer}</a></nav></header>
<main>{body}<p><small>{footer}</small></p></main><script>{script}</script></body></html>
"""
