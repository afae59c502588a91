"""The HTML report: the one page a policy analyst opens.

``write_report(G, folder)`` writes ``index.html`` (and the interactive ``explorer.html``)
into a folder it owns. The page opens from disk with no network: figures are inline SVG
(text drawn as paths, so Hangul needs no font), styles and the small table-sorting script
are inline.

The page has one section per registered analysis (:data:`roadmap_graph.analyses.REGISTRY`),
in registry order: its title, its figure, its tables (rendered by the same code as the
command line's tables) and their notes. An analysis that the report shows several times
(each mission's chain, the failure of each marked bottleneck) has one article per run. A
last section holds every node's and field's source quotes; every node name links there.
A new analysis needs nothing here: registering it adds its section.

A folder is only ever overwritten if this module made it (it leaves a marker file there),
unless ``force=True``: a report never clobbers someone's files.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from ..analyses import REGISTRY
from ..analyses.registry import Analysis
from ..errors import InvalidOptionError, OutputError, OutputPathError
from ..graph.index import RoadmapIndex
from ..outputs import check_outputs, write_files
from ..vocabulary import Message, check_lang, localized, node_name, text, verbatim
from .tables import html_table
from .templates import asset_text, render

MARKER = ".roadmap-graph-report"
Progress = Callable[[Message], None]



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
        roadmap file, or one in ``protect``; a folder, a device; a symbolic link, since the
        file names are the report's own). Nothing is written.
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
    check_outputs([out / name for name in reversed(names)], protect=protect, follow_links=False)
    page = report_html(G, lang=lang, progress=say)
    say(Message("report.step_build", path=verbatim("explorer.html")))
    from .explorer import explorer_html

    explorer = explorer_html(G, lang=lang)
    say(Message("report.step_write", path=verbatim(out)))
    contents = ("roadmap-graph report folder\n", page, explorer)
    write_files([(out / name, content) for name, content in zip(names, contents)], protect=protect, follow_links=False)
    return out / "index.html"


def report_html(G: nx.DiGraph, *, lang: str = "ko", progress: Progress | None = None) -> str:
    """The report page as one self-contained HTML string (see the module docstring)."""
    from markupsafe import Markup

    check_lang(lang)
    say = progress or (lambda message: None)
    index = RoadmapIndex(G)
    sections = [_section(analysis, index, lang, say) for analysis in REGISTRY.values()]
    info = G.graph.get("roadmap", {})
    return render(
        "report.html",
        lang=lang,
        title=localized(info, "title").text(lang),
        sections=sections,
        sources=_sources(G, lang),
        words={key: text(f"report.{key}", lang) for key in ("sources", "explorer", "generated", "sort_hint")},
        evidence=text("report.evidence_stated" if G.graph.get("evidence") == "stated" else "note.evidence", lang),
        evidence_mark=text("evidence.inferred", lang),
        stylesheet=Markup(asset_text("report.css")),  # our own files: nothing in them closes <style> or <script>
        script=Markup(asset_text("report.js")),
    )


@dataclass
class _Run:
    heading: str | None = None
    anchor: str | None = None
    figure: Any = None
    figure_missing: str | None = None
    tables: list[dict[str, Any]] = field(default_factory=list)


def _section(analysis: Analysis, index: RoadmapIndex, lang: str, say: Progress) -> dict[str, Any]:
    """One analysis's section: a run for each of its report parameter sets."""
    from markupsafe import Markup

    say(Message("report.step_analysis", name=Message(analysis.title)))
    runs = []
    for params in analysis.report_runs(index) if analysis.report_runs else [{}]:
        result = analysis(index, lang=lang, **params)
        heading = result.heading() if analysis.report_runs else None  # one run: the section title says it
        run = _Run(heading=heading.text(lang) if heading is not None else None)
        if analysis.report_runs:
            run.anchor = f"{analysis.name}-" + "-".join(str(v) for value in params.values() for v in _values(value))
        if analysis.figure:
            try:
                run.figure = Markup(_svg(index.G, analysis.figure, lang, params, say))
            except InvalidOptionError as err:  # e.g. the convergence map of a one-field roadmap
                run.figure_missing = text("report.figure_missing", lang, reason=err.message)
        for table in result.tables():
            run.tables.append(
                {
                    "title": table.title.text(lang) if table.title is not None else None,
                    "html": Markup(html_table(table, index.G, lang)),
                    "note": table.note.text(lang) if table.note is not None else None,
                    "detail": table.detail,
                    "rows": len(table.rows),
                }
            )
        runs.append(run)
    return {"id": analysis.name, "title": text(analysis.title, lang), "runs": runs}


def _values(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _svg(G: nx.DiGraph, kind: str, lang: str, params: Mapping[str, Any], say: Progress) -> str:
    import matplotlib.pyplot as plt

    from ..figures import FIGURE_PARAMETERS, draw
    from ..figures.style import figure_style

    say(Message("report.step_figure", name=Message(f"report.figure_{kind}")))
    options = {k: params[k] for k in FIGURE_PARAMETERS[kind] if k in params}
    ax = draw(G, kind, lang=lang, **options)
    buffer = io.StringIO()
    try:
        with figure_style():
            ax.figure.savefig(buffer, format="svg", bbox_inches="tight")
    finally:
        plt.close(ax.figure)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]  # drop the XML prolog and doctype: inline SVG


def _sources(G: nx.DiGraph, lang: str) -> list[dict[str, Any]]:
    """Every field's and node's source quotes, with the title of each source document."""
    titles = {s["id"]: s for s in G.graph.get("roadmap", {}).get("sources", [])}
    entries = [(f, info, True) for f, info in G.graph.get("fields", {}).items()]
    entries += [(n, G.nodes[n], False) for n in sorted(G)]
    return [
        {
            "id": key,
            "name": node_name(attrs, lang),
            "provenance": text("report.field" if is_field else f"provenance.{attrs.get('provenance') or 'unknown'}", lang),
            "quotes": [
                {"quote": s.get("quote") or "", "source": (titles.get(s["source"]) or {}).get("title") or s["source"]}
                for s in attrs.get("sources") or []
            ],
            "none": text("report.no_source", lang),
        }
        for key, attrs, is_field in entries
    ]
