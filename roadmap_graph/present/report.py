"""The HTML report: the one page a policy analyst opens.

``write_report(G, folder)`` writes ``index.html`` (and the interactive ``explorer.html``)
into a folder it owns. The page opens from disk with no network: figures are inline SVG
sized to the column (a ``viewBox``, no fixed size) with real, selectable and searchable
``<text>``; the fonts they name are embedded, subset to the characters the figures use
(:mod:`.webfonts`), so Hangul renders with no Korean font installed. Styles and the small
table-sorting script are inline.

Scale: where the layered roadmap figure cannot be read at page width (text under 8 px at
1,400 px, or an aspect ratio beyond 16:9), the summary shows the overview
(:func:`~roadmap_graph.figures.overview.plot_overview`) and one figure per field instead,
with a note saying so. An analysis the report runs many times (each mission's chain, each
bottleneck's failure) shows at most :data:`MAX_RUNS` runs, and says "showing N of M" with
the command that gives the rest.

The page has one section per registered analysis (:data:`roadmap_graph.analyses.REGISTRY`),
in registry order: its title, its figure, its tables (rendered by the same code as the
command line's tables) and their notes. An analysis that the report shows several times
(each mission's chain, the failure of each marked bottleneck) has one article per run. A
section then holds every source quote (of the roadmap header, each field, each node, its
targets and its links); every node name links there. Where a source keeps its text beside
the roadmap file (a source's ``file``), a last section shows that text with numbered lines,
the quoted passages marked, and each quote links to the line where it begins.
A new analysis needs nothing here: registering it adds its section.

With a portfolio (``portfolio=``, :class:`~roadmap_graph.fileformat.portfolio.Portfolio`),
a section ``#portfolio`` follows the summary (or the "changes since" section): the
portfolio's title, unit and years, its own note (the bundled example says it is an
illustration from public figures, not the government's full portfolio), the portfolio
figure (:func:`~roadmap_graph.figures.portfolio.plot_portfolio`), the overlay's tables
(:func:`~roadmap_graph.analyses.portfolio.portfolio_overlay`) and each programme's sources
(only ``http(s)`` addresses become links). The registered ``portfolio`` analysis, which
needs a portfolio, has no section without one. The explorer then shows each node's
programmes.

A folder is only ever overwritten if this module made it (it leaves a marker file there),
unless ``force=True``: a report never clobbers someone's files.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from ..analyses import REGISTRY
from ..analyses.registry import Analysis
from ..errors import InvalidOptionError, OutputError, OutputPathError
from ..fileformat.portfolio import Portfolio
from ..fileformat.sourcetext import SourceText, find_quote, find_source_texts
from ..graph.index import RoadmapIndex
from ..outputs import check_outputs, write_files
from ..vocabulary import Message, check_lang, localized, node_name, text, verbatim
from .tables import html_table
from .templates import asset_text, render

MARKER = ".roadmap-graph-report"
#: The analysis that needs a portfolio: its section is the portfolio section, shown only
#: when the report is given a portfolio.
PORTFOLIO_SECTION = "portfolio"
Progress = Callable[[Message], None]
#: The most runs of one analysis the report shows (the rest: the analysis's own command).
MAX_RUNS = 12
#: The largest roadmap (nodes) whose full layered figure the report tries: beyond it the
#: figure cannot be read at page width, and laying it out takes minutes.
FULL_FIGURE_MAX_NODES = 150
#: The largest mission chain (nodes below the mission) the report draws a figure of; a
#: larger one gets a note with the command that draws it.
CHAIN_FIGURE_MAX_NODES = 40



def write_report(
    G: nx.DiGraph,
    folder: str | os.PathLike[str] = "roadmap-report",
    *,
    lang: str = "ko",
    force: bool = False,
    progress: Progress | None = None,
    protect: Iterable[str | os.PathLike[str]] = (),
    baseline: nx.DiGraph | None = None,
    portfolio: Portfolio | None = None,
) -> Path:
    """Write the report into ``folder`` (``index.html``, ``explorer.html`` and the marker
    file) through the one writer, all or nothing; return the path of ``index.html``.

    ``baseline``: an earlier version of the roadmap; the page then has a "changes since"
    section after the summary (see :func:`report_html`). ``portfolio``: R&D programmes
    laid over the roadmap; the page then has a portfolio section, and the explorer shows each
    node's programmes.

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
    page = report_html(G, lang=lang, progress=say, baseline=baseline, portfolio=portfolio)
    say(Message("report.step_build", path=verbatim("explorer.html")))
    from .explorer import explorer_html

    explorer = explorer_html(G, lang=lang, portfolio=portfolio)
    say(Message("report.step_write", path=verbatim(out)))
    contents = ("roadmap-graph report folder\n", page, explorer)
    write_files([(out / name, content) for name, content in zip(names, contents)], protect=protect, follow_links=False)
    return out / "index.html"


def report_html(
    G: nx.DiGraph,
    *,
    lang: str = "ko",
    progress: Progress | None = None,
    baseline: nx.DiGraph | None = None,
    portfolio: Portfolio | None = None,
) -> str:
    """The report page as one self-contained HTML string (see the module docstring).

    With a ``baseline`` (an earlier version of the roadmap, as a graph), a section
    ``#changes`` follows the summary: "changes since <the baseline's title>", with the diff
    figure (:func:`~roadmap_graph.figures.diff.plot_diff`) and the tables of what changed;
    the page's contents link to it.

    With a ``portfolio``, a section ``#portfolio`` follows (see the module docstring).
    """
    from markupsafe import Markup

    check_lang(lang)
    say = progress or (lambda message: None)
    index = RoadmapIndex(G)
    # an analysis whose report runs are none (it needs an input, e.g. a portfolio) has no section
    shown = [a for a in REGISTRY.values() if a.report_runs is None or a.report_runs(index)]
    sections = [_section(analysis, index, lang, say) for analysis in shown]
    if baseline is not None:
        sections.insert(min(1, len(sections)), _changes_section(baseline, G, lang, say))
    if portfolio is not None:
        sections.insert(min(2 if baseline is not None else 1, len(sections)), _portfolio_section(portfolio, index, lang, say))
    info = G.graph.get("roadmap", {})
    texts = _texts(G)
    return render(
        "report.html",
        lang=lang,
        title=localized(info, "title").text(lang),
        sections=sections,
        sources=_sources(G, lang, texts),
        texts=[_text_view(sid, t, G, texts) for sid, t in texts.items()],
        words={
            key: text(f"report.{key}", lang)
            for key in ("sources", "explorer", "generated", "sort_hint", "source_texts", "in_text", "origin", "line")
        },
        evidence=text("report.evidence_stated" if G.graph.get("evidence") == "stated" else "note.evidence", lang),
        evidence_mark=text("evidence.inferred", lang),
        # our own files (and base64 fonts): nothing in them closes <style> or <script>
        stylesheet=Markup(asset_text("report.css") + "\n" + _fonts(sections)),
        script=Markup(asset_text("report.js")),
    )


def _fonts(sections: list[dict[str, Any]]) -> str:
    """The ``@font-face`` rules of the faces the sections' figures use."""
    from .webfonts import figure_characters, font_face_css

    return font_face_css(figure_characters([str(run.figure) for s in sections for run in s["runs"] if run.figure]))


@dataclass
class _Run:
    heading: str | None = None
    anchor: str | None = None
    figure: Any = None
    figure_missing: str | None = None
    figure_note: str | None = None
    tables: list[dict[str, Any]] = field(default_factory=list)


def _section(analysis: Analysis, index: RoadmapIndex, lang: str, say: Progress) -> dict[str, Any]:
    """One analysis's section: a run for each of its report parameter sets."""
    from markupsafe import Markup

    say(Message("report.step_analysis", name=Message(analysis.title)))
    runs = []
    every = analysis.report_runs(index) if analysis.report_runs else [{}]
    note = None
    if len(every) > MAX_RUNS:
        note = text("report.runs_capped", lang, shown=MAX_RUNS, total=len(every),
                    command=verbatim(f"roadmap-graph {analysis.name} --help"))  # fmt: skip
        every = every[:MAX_RUNS]
    for params in every:
        result = analysis(index, lang=lang, **params)
        heading = result.heading() if analysis.report_runs else None  # one run: the section title says it
        run = _Run(heading=heading.text(lang) if heading is not None else None)
        if analysis.report_runs:
            run.anchor = f"{analysis.name}-" + "-".join(str(v) for value in params.values() for v in _values(value))
        if analysis.figure == "roadmap":
            run.figure, run.figure_note = _roadmap_figures(index.G, lang, say)
        elif analysis.figure == "chain" and len(nx.descendants(index.G, params.get("mission"))) > CHAIN_FIGURE_MAX_NODES:
            mission = params.get("mission")
            run.figure_note = text("report.chain_figure_left_out", lang, nodes=len(nx.descendants(index.G, mission)),
                                   command=verbatim(f"roadmap-graph draw chain --mission {mission} -o chain.svg"))  # fmt: skip
        elif analysis.figure:
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
    return {"id": analysis.name, "title": text(analysis.title, lang), "nav": None, "runs": runs, "note": note}


def _changes_section(baseline: nx.DiGraph, G: nx.DiGraph, lang: str, say: Progress) -> dict[str, Any]:
    """The "changes since" section: the diff figure and the tables of what changed."""
    from markupsafe import Markup

    from ..analyses.diff import diff_roadmaps
    from ..figures.diff import plot_diff

    info = baseline.graph.get("roadmap") or {}
    title = verbatim(localized(info, "title").text(lang))
    heading = (
        text("report.changes_since_dated", lang, title=title, published=verbatim(info["published"]))
        if info.get("published")
        else text("report.changes_since", lang, title=title)
    )
    result = diff_roadmaps(baseline, G, lang=lang)
    say(Message("report.step_figure", name=Message("report.figure_diff")))
    run = _Run(figure=Markup(_svg_of(plot_diff(baseline, G, lang=lang, changes=result.changes))))
    for table in result.tables():
        run.tables.append(
            {
                "title": table.title.text(lang) if table.title is not None else None,
                "html": Markup(html_table(table, G, lang)),
                "note": table.note.text(lang) if table.note is not None else None,
                "detail": table.detail,
                "rows": len(table.rows),
            }
        )
    return {"id": "changes", "title": heading, "nav": text("report.changes_nav", lang), "runs": [run]}


def _portfolio_section(portfolio: Portfolio, index: RoadmapIndex, lang: str, say: Progress) -> dict[str, Any]:
    """The portfolio section: what the portfolio is (its own note), the figure, the overlay's
    tables and the programmes' sources."""
    from markupsafe import Markup

    from ..analyses.portfolio import portfolio_overlay
    from ..figures.portfolio import plot_portfolio, unit_of
    from .explorer import web_url

    say(Message("report.step_analysis", name=Message("report.portfolio_title")))
    result = portfolio_overlay(index, portfolio)
    info = portfolio.portfolio
    intro = [
        text(
            "report.portfolio_about",
            lang,
            title=verbatim(localized(info.model_dump(), "title").text(lang)),
            programmes=len(portfolio.programmes),
            unit=verbatim(unit_of(result, lang)),
            years=text("fig.portfolio_years", lang, first=result.years[0], last=result.years[1])
            if result.years
            else text("word.none", lang),
        )
    ]
    note = (info.note_en if lang == "en" and info.note_en else info.note) or (info.note_en or "")
    if note:
        intro.append(note)
    if result.unknown_money:
        intro.append(text("report.portfolio_unknown_money", lang, count=len(result.unknown_money)))
    say(Message("report.step_figure", name=Message("report.figure_portfolio")))
    # two figures, each scaled to the page on its own: the bars stay readable beside a wide roadmap
    bars = _svg_of(plot_portfolio(index, result, lang=lang, parts="bars"))
    run = _Run(figure=Markup(bars + _svg_of(plot_portfolio(index, result, lang=lang, parts="roadmap"))))
    run.tables = _table_entries(result.tables(), index.G, lang)
    programmes = []
    for p in portfolio.programmes:
        name = p.name_en if lang == "en" and p.name_en else p.name
        ministry = (p.ministry_en if lang == "en" and p.ministry_en else p.ministry) or ""
        sources = [
            {
                "title": s.title or s.url or "",
                "href": web_url(s.url),
                "url": s.url if web_url(s.url) is None else None,
                "quote": s.quote,
                "date": s.date,
            }
            for s in p.sources
        ]
        programmes.append({"id": p.id, "name": name, "ministry": ministry, "sources": sources})
    return {
        "id": PORTFOLIO_SECTION,
        "title": text("report.portfolio_title", lang),
        "nav": text("report.portfolio_nav", lang),
        "intro": intro,
        "programmes": programmes,
        "words": {"programme_sources": text("report.portfolio_sources", lang), "none": text("report.no_source", lang)},
        "runs": [run],
    }


def _table_entries(tables: Iterable[Any], G: nx.DiGraph, lang: str) -> list[dict[str, Any]]:
    from markupsafe import Markup

    return [
        {
            "title": table.title.text(lang) if table.title is not None else None,
            "html": Markup(html_table(table, G, lang)),
            "note": table.note.text(lang) if table.note is not None else None,
            "detail": table.detail,
            "rows": len(table.rows),
        }
        for table in tables
    ]


def _values(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _svg(G: nx.DiGraph, kind: str, lang: str, params: Mapping[str, Any], say: Progress) -> str:
    from ..figures import FIGURE_PARAMETERS, draw

    say(Message("report.step_figure", name=Message(f"report.figure_{kind}")))
    options = {k: params[k] for k in FIGURE_PARAMETERS[kind] if k in params}
    return _svg_of(draw(G, kind, lang=lang, **options))


def readable(ax: Any) -> bool:
    """Whether the figure of ``ax`` can be read at page width: every text at least
    :data:`~roadmap_graph.figures.overview.MIN_LABEL_PX` px when the figure is shown
    :data:`~roadmap_graph.figures.overview.DISPLAY_WIDTH` px wide, and width/height and
    height/width both within 16/9."""
    from ..figures.overview import DISPLAY_WIDTH, MAX_ASPECT, MIN_LABEL_PX

    fig = ax.figure
    width, height = fig.get_size_inches()
    sizes = [t.get_fontsize() for a in fig.axes for t in a.texts if t.get_text().strip()]
    scale = DISPLAY_WIDTH / (width * 72)
    return min(sizes, default=MIN_LABEL_PX) * scale >= MIN_LABEL_PX and max(width / height, height / width) <= MAX_ASPECT


def _roadmap_figures(G: nx.DiGraph, lang: str, say: Progress) -> tuple[Any, str | None]:
    """The summary's figure: the layered roadmap when it can be read at page width
    (:func:`readable`), else the overview and a layered figure of each field that can be
    read (a note says which, and how to get the full figure)."""
    import matplotlib.pyplot as plt
    from markupsafe import Markup

    from ..figures import draw
    from ..figures.overview import plot_overview
    from ..graph.fields import field_order

    say(Message("report.step_figure", name=Message("report.figure_roadmap")))
    if len(G) <= FULL_FIGURE_MAX_NODES:
        ax = draw(G, "roadmap", lang=lang)
        if readable(ax):
            return Markup(_svg_of(ax)), None
        plt.close(ax.figure)
    say(Message("report.step_figure", name=Message("report.figure_overview")))
    svgs = [_svg_of(plot_overview(G, lang=lang))]
    for f in field_order(G):
        members = [n for n, d in G.nodes(data="field") if d == f]
        if len(members) > FULL_FIGURE_MAX_NODES:
            continue
        ax = draw(G, "roadmap", lang=lang, fields=[f], title="")
        if readable(ax):
            svgs.append(_svg_of(ax))
        else:
            plt.close(ax.figure)
    return Markup("".join(svgs)), text("report.overview_note", lang, nodes=len(G), fields=len(svgs) - 1)


_SIZE = re.compile(r'^(<svg\b[^>]*?)\s(?:width|height)="[^"]*"')


def _svg_of(ax: Any) -> str:
    """The figure of ``ax`` as inline SVG, sized to the column (its ``viewBox`` only) with
    real ``<text>`` (the figure is closed)."""
    import matplotlib.pyplot as plt

    from ..figures.style import figure_style

    buffer = io.StringIO()
    try:
        with figure_style({"svg.fonttype": "none"}):
            ax.figure.savefig(buffer, format="svg", bbox_inches="tight")
    finally:
        plt.close(ax.figure)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]  # drop the XML prolog and doctype: inline SVG
    for _ in range(2):  # no width or height: the column sets the width, the viewBox the shape
        svg = _SIZE.sub(r"\1", svg, count=1)
    return svg


def _texts(G: nx.DiGraph) -> dict[str, SourceText]:
    """The texts of the roadmap's sources that keep one beside the roadmap file."""
    files = [str(d["location"]).rsplit(":", 2)[0] for _, d in G.nodes(data=True) if d.get("location")]
    files += [str(f["location"]).rsplit(":", 2)[0] for f in G.graph.get("fields", {}).values() if f.get("location")]
    return find_source_texts(G.graph.get("roadmap", {}).get("sources") or [], dict.fromkeys(files))


def _all_quotes(G: nx.DiGraph) -> list[dict[str, Any]]:
    info = G.graph.get("roadmap", {})
    refs = [s for key in ("decision", "framing", "use", "review") for s in (info.get(key) or {}).get("sources") or []]
    refs += [s for emphasis in info.get("emphases") or [] for s in emphasis.get("sources") or []]
    for f in G.graph.get("fields", {}).values():
        refs += list(f.get("sources") or []) + list((f.get("focus") or {}).get("sources") or [])
    for _, d in G.nodes(data=True):
        refs += list(d.get("sources") or []) + [s for t in d.get("targets") or [] for s in t.get("sources") or []]
    for *_, d in G.edges(data=True):
        refs += list(d.get("sources") or [])
    return refs


def _href(ref: Mapping[str, Any], texts: Mapping[str, SourceText]) -> tuple[str | None, bool]:
    """The link to the line where the quote begins in its source's text, and whether the
    source has a text at all (a quote not found in a text it has is marked)."""
    source_text = texts.get(ref.get("source") or "")
    if source_text is None or not ref.get("quote"):
        return None, False
    line = source_text.line_of(ref["quote"])
    return (f"#text-{ref['source']}-{line}" if line is not None else None), True


def _quote(ref: Mapping[str, Any], titles: Mapping[str, Any], texts: Mapping[str, SourceText], lang: str, label: str | None = None) -> dict[str, Any]:
    href, has_text = _href(ref, texts)
    return {
        "label": label,
        "quote": ref.get("quote") or "",
        "source": (titles.get(ref["source"]) or {}).get("title") or ref["source"],
        "href": href,
        "missing": text("report.not_in_text", lang) if has_text and href is None else None,
    }


def _sources(G: nx.DiGraph, lang: str, texts: Mapping[str, SourceText] | None = None) -> list[dict[str, Any]]:
    """Every source quote, by what it is about: the roadmap as a whole, each field, each
    node with its targets' and links' quotes; each quote links to its place in the source's
    text where there is one."""
    texts = texts or {}
    info = G.graph.get("roadmap", {})
    titles = {s["id"]: s for s in info.get("sources", [])}
    entries = []
    header = []
    for key in ("decision", "framing", "use", "review"):
        for ref in (info.get(key) or {}).get("sources") or []:
            header.append(_quote(ref, titles, texts, lang, text(f"about.{key}", lang)))
    for i, emphasis in enumerate(info.get("emphases") or [], 1):
        header += [_quote(ref, titles, texts, lang, text("about.emphasis", lang, n=i)) for ref in emphasis.get("sources") or []]
    if header:
        entries.append({"id": "roadmap", "name": localized(info, "title").text(lang), "provenance": text("report.roadmap_entry", lang), "quotes": header})
    for f, attrs in G.graph.get("fields", {}).items():
        quotes = [_quote(ref, titles, texts, lang) for ref in attrs.get("sources") or []]
        focus = (attrs.get("focus") or {}).get("sources") or []
        quotes += [_quote(ref, titles, texts, lang, text("about.focus", lang, field=node_name(attrs, lang))) for ref in focus]
        entries.append({"id": f, "name": node_name(attrs, lang), "provenance": text("report.field", lang), "quotes": quotes})
    for n in sorted(G):
        attrs = G.nodes[n]
        quotes = [_quote(ref, titles, texts, lang) for ref in attrs.get("sources") or []]
        for t in attrs.get("targets") or []:
            quotes += [_quote(ref, titles, texts, lang, text("report.quote_target", lang)) for ref in t.get("sources") or []]
        for _, v, d in G.out_edges(n, data=True):
            label = text(
                "report.quote_link",
                lang,
                name=verbatim(node_name(G.nodes[v], lang)),
                provenance=Message(f"provenance.{d.get('provenance') or 'unknown'}"),
            )
            quotes += [_quote(ref, titles, texts, lang, label) for ref in d.get("sources") or []]
        entries.append(
            {
                "id": n,
                "name": node_name(attrs, lang),
                "provenance": text(f"provenance.{attrs.get('provenance') or 'unknown'}", lang),
                "quotes": quotes,
            }
        )
    for entry in entries:
        entry["none"] = text("report.no_source", lang)
    return entries


def _text_view(sid: str, source_text: SourceText, G: nx.DiGraph, texts: Mapping[str, SourceText]) -> dict[str, Any]:
    """A source's text as numbered lines, each a list of ``(text, quoted)`` pieces, with the
    lines where a quote begins marked as anchors."""
    body = source_text.body
    quoted = bytearray(len(body) + 1)
    for ref in _all_quotes(G):
        if ref.get("source") == sid and ref.get("quote"):
            found = find_quote(body, ref["quote"])
            if found is not None:
                quoted[found[0] : found[1]] = b"\x01" * (found[1] - found[0])
    lines = []
    offset = 0
    for n, line in enumerate(body.split("\n"), source_text.first_line):
        pieces: list[tuple[str, bool]] = []
        for i, ch in enumerate(line):
            mark = bool(quoted[offset + i])
            if pieces and pieces[-1][1] == mark:
                pieces[-1] = (pieces[-1][0] + ch, mark)
            else:
                pieces.append((ch, mark))
        offset += len(line) + 1
        if pieces:  # the text's own indentation is not shown: the line numbers align it
            pieces[0] = (pieces[0][0].lstrip(), pieces[0][1])
        if line.strip():
            lines.append({"n": n, "pieces": pieces})
    info = {s["id"]: s for s in G.graph.get("roadmap", {}).get("sources", [])}.get(sid) or {}
    return {"id": sid, "title": info.get("title") or sid, "url": info.get("url"), "header": "\n".join(source_text.header), "lines": lines}
