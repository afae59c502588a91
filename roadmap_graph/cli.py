"""The ``roadmap-graph`` command line: a thin layer over the library.

Each command parses its options, calls one library function and formats the result as a
table, JSON or CSV. Results go to stdout, messages to stderr.

Exit status: 0 success; 1 unexpected failure; 2 bad command line; 3 a roadmap that does not
load (one ``path:line:col: error: ...`` line per problem on stderr); 4 an id that is not in
the roadmap; 5 ``gaps`` found findings at or above ``--fail-on``; 6 an output that could not
be written or was refused (an input roadmap file, a folder or device where a file is needed,
a full disk); files there before are left as they were; 7 ``diff`` found a ``--fail-on``
condition.
"""

from __future__ import annotations

import functools
import os
import sys
import threading
from dataclasses import dataclass, replace
from typing import Any

import click

from .analyses import REGISTRY
from .analyses.diff import REVISION_FAILED
from .analyses.registry import Analysis, Param
from .errors import RoadmapGraphError, RoadmapLoadError
from .vocabulary import DEFAULT_LANG, LANGS, Message, text, verbatim

FORMATS = ("table", "json", "csv", "markdown")
#: How many problems of a roadmap that does not load are shown by default (--max-problems).
MAX_PROBLEMS = 100


@dataclass
class _Settings:
    graphs: tuple[str, ...]
    lang: str
    max_problems: int = MAX_PROBLEMS
    limits: tuple[str, ...] = ()
    evidence: str = "all"

    def load(self, files: tuple[str, ...] = ()) -> Any:
        from .fileformat.limits import Limits
        from .fileformat.loading import load_roadmap

        paths = files or self.graphs
        limits = Limits.from_environment().with_spec(self.limits)
        with _LoadProgress(self.lang) as progress:
            return load_roadmap(paths or None, limits=limits, progress=progress)

    def graph(self) -> Any:
        """The roadmap graph; with ``--evidence stated``, without its inferred links."""
        from .graph.build import to_networkx

        return self.evidence_view(to_networkx(self.load()))

    def evidence_view(self, G: Any) -> Any:
        """``G`` as ``--evidence`` asks: with ``stated``, without its inferred links."""
        if self.evidence == "stated":
            from .graph.evidence import stated_only

            G = stated_only(G)
        return G

    def revision(self, specs: tuple[str, ...]) -> Any:
        """The graph of one version of a roadmap: files or git revisions ``REV:path``
        (:mod:`roadmap_graph.fileformat.revisions`); with ``--evidence stated``, without its
        inferred links."""
        from .fileformat.limits import Limits
        from .fileformat.revisions import load_revision
        from .graph.build import to_networkx

        limits = Limits.from_environment().with_spec(self.limits)
        with _LoadProgress(self.lang) as progress:
            G = to_networkx(load_revision(specs, limits=limits, progress=progress))
        if self.evidence == "stated":
            from .graph.evidence import stated_only

            G = stated_only(G)
        return G

    def inputs(self) -> tuple[str, ...]:
        """The roadmap files read, which no output may overwrite."""
        return self.graphs

    def override(self, graphs: tuple[str, ...], lang: str | None, evidence: str | None = None) -> _Settings:
        """Options given after the command name win over those given before it."""
        return replace(self, graphs=graphs or self.graphs, lang=lang or self.lang, evidence=evidence or self.evidence)


def _version_inputs(specs: tuple[str, ...]) -> tuple[str, ...]:
    """The files among the revision specs ``specs`` (which no output may overwrite)."""
    return tuple(s for s in specs if os.path.isfile(s))


class _LoadProgress:
    """Shows the phases of a load on stderr, when stderr is a terminal and only once the
    load has run for :attr:`DELAY` seconds: a quick load prints nothing."""

    DELAY = 2.0

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.shown = False
        self.latest: Message | None = None
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()
        self.active = sys.stderr.isatty()

    def __enter__(self) -> _LoadProgress:
        if self.active:
            self.timer = threading.Timer(self.DELAY, self._show_latest)
            self.timer.daemon = True
            self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        with self.lock:
            self.active = False
        if self.timer is not None:
            self.timer.cancel()

    def __call__(self, phase: Message) -> None:
        with self.lock:
            self.latest = phase
            if self.active and self.shown:
                self._echo(phase)

    def _show_latest(self) -> None:
        with self.lock:
            if self.active and self.latest is not None:
                self.shown = True
                self._echo(self.latest)

    def _echo(self, phase: Message) -> None:
        click.echo(text("cli.step", self.lang, step=phase), err=True)


class _Group(click.Group):
    """Turns the package's errors into messages and exit codes, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RoadmapLoadError as err:
            click.echo(_load_error_text(err, _lang(ctx), _max_problems(ctx)), err=True)
            ctx.exit(err.exit_code)
        except RoadmapGraphError as err:
            click.echo(err.render(_lang(ctx)), err=True)
            ctx.exit(err.exit_code)
        except BrokenPipeError:  # the reader (head, less) left early: not an error
            _silence_stdout()
            ctx.exit(0)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as err:  # a bug: say so in one line, keep the traceback on request
            if os.environ.get("ROADMAP_GRAPH_DEBUG"):
                raise
            detail = verbatim(f"{type(err).__name__}: {err}")
            click.echo(text("cli.internal_error", _lang(ctx), error=detail), err=True)
            ctx.exit(1)


_EVIDENCE = ("all", "stated")
_EVIDENCE_HELP = (
    "all: every link; each finding says whether it holds on stated links alone. "
    "stated: drop every inferred link first (the ministry's stated links only)."
)
_GRAPH_HELP = (
    "Roadmap file (YAML or JSON); repeat to load several files as one roadmap. "
    "Default: the bundled roadmap (Ⅱ), AI and advanced bio."
)


def _roadmap_options(f: Any) -> Any:
    """Accept -g/--graph, --lang and --evidence after the command name too, and pass the
    settings."""

    def wrapper(
        settings: _Settings, /, graphs: tuple[str, ...], lang: str | None, evidence: str | None, **kwargs: Any
    ) -> Any:
        settings = settings.override(graphs, lang, evidence)
        click.get_current_context().find_root().obj = settings  # errors are shown in this language
        return f(settings, **kwargs)

    functools.update_wrapper(wrapper, f)
    options = click.option("-g", "--graph", "graphs", multiple=True, type=click.Path(dir_okay=False), help=_GRAPH_HELP)
    language = click.option("--lang", type=click.Choice(LANGS), default=None, help="Language of names and labels.")
    evidence = click.option("--evidence", type=click.Choice(_EVIDENCE), default=None, help=_EVIDENCE_HELP)
    return options(language(evidence(click.pass_obj(wrapper))))


def _lang(ctx: click.Context) -> str:
    """The language asked for (the command's --lang wins over the group's)."""
    settings = ctx.find_root().obj
    return settings.lang if isinstance(settings, _Settings) else DEFAULT_LANG


def _max_problems(ctx: click.Context) -> int:
    settings = ctx.find_root().obj
    return settings.max_problems if isinstance(settings, _Settings) else MAX_PROBLEMS


def _load_error_text(err: RoadmapLoadError, lang: str, limit: int) -> str:
    """The first ``limit`` problems (all with 0), one ``path:line:col: error:`` line each,
    then how many more there are; ``err.problems`` keeps them all."""
    shown = err.problems if limit == 0 else err.problems[:limit]
    lines = [p.render(lang) for p in shown]
    rest = len(err.problems) - len(shown)
    if rest:
        lines.append(text("cli.more_problems", lang, rest=rest, total=len(err.problems)))
    return "\n".join(lines)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _format_option(f: Any) -> Any:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="table for people; json or csv for programs and spreadsheets; markdown for a review or wiki page.",
    )(f)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "-g",
    "--graph",
    "graphs",
    multiple=True,
    type=click.Path(dir_okay=False),
    help=_GRAPH_HELP,
)
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    default="ko",
    show_default=True,
    help="Language of names and labels.",
)
@click.option(
    "--max-problems",
    type=click.IntRange(min=0),
    default=MAX_PROBLEMS,
    show_default=True,
    help="Show at most this many problems of a roadmap that does not load (0: all).",
)
@click.option(
    "--limit",
    "limits",
    multiple=True,
    metavar="NAME=VALUE",
    help="Raise a limit of what a roadmap file may hold, e.g. --limit nodes=2M --limit file_bytes=1GB "
    "(names: file_bytes, nodes, links, depth, string_chars, int_digits, alias_expansions; "
    "also the environment variable ROADMAP_GRAPH_LIMITS=nodes=2M,file_bytes=1GB).",
)
@click.option("--evidence", type=click.Choice(_EVIDENCE), default="all", show_default=True, help=_EVIDENCE_HELP)
@click.version_option(package_name="roadmap-graph")
@click.pass_context
def cli(
    ctx: click.Context, graphs: tuple[str, ...], lang: str, max_problems: int, limits: tuple[str, ...], evidence: str
) -> None:
    """Analyse mission-oriented R&D roadmaps as dependency graphs.

    Exit status: 0 ok, 1 internal error, 2 bad usage, 3 invalid roadmap, 4 unknown id,
    5 gap findings at or above --fail-on, 6 output not written (refused or failed),
    7 diff: a --fail-on condition holds.
    """
    if not sys.stdout.isatty() and hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")  # a Korean-Windows pipe would be cp949
    ctx.obj = _Settings(graphs, lang, max_problems, limits, evidence)
    if limits or os.environ.get("ROADMAP_GRAPH_LIMITS"):
        from .fileformat.limits import Limits

        Limits.from_environment().with_spec(limits)  # a bad limit is an error now, not at the first load


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option(
    "--max-problems",
    type=click.IntRange(min=0),
    default=None,
    help=f"Show at most this many problems (0: all). Default: {MAX_PROBLEMS}.",
)
@_roadmap_options
def validate(settings: _Settings, files: tuple[str, ...], max_problems: int | None) -> None:
    """Check roadmap FILES (default: -g files, else the bundled roadmap) and report every problem."""
    if max_problems is not None:
        settings.max_problems = max_problems
    roadmap = settings.load(files)
    links = sum(len(node.links()) for node in roadmap.nodes)
    names = verbatim(", ".join(files or settings.graphs)) if files or settings.graphs else Message("cli.bundled")
    click.echo(text("cli.valid", settings.lang, names=names, nodes=len(roadmap.nodes), links=links))


def _analysis_command(analysis: Analysis) -> click.Command:
    """The command of a registered analysis: its parameters, ``--format``, ``-g`` and
    ``--lang``; it runs the analysis on one shared index and prints the result."""

    def command(settings: _Settings, fmt: str, **params: Any) -> None:
        from .graph.index import RoadmapIndex
        from .present.tables import csv_table, text_result, to_json

        for p in analysis.params:  # comma-separated lists, and empty ones as None
            if p.kind == "list":
                values = [v.strip() for value in params[p.name] for v in value.split(",") if v.strip()]
                params[p.name] = values or None
        index = RoadmapIndex(settings.graph())
        result = analysis(index, lang=settings.lang, **params)
        if fmt == "json":
            click.echo(to_json(result.to_dict()), nl=False)
        elif fmt == "csv":
            click.echo(csv_table(result.table(), index.G, settings.lang), nl=False)
        elif fmt == "markdown":
            from .present.markdown import markdown_result

            click.echo(markdown_result(result, index.G, settings.lang), nl=False)
        elif analysis.text_view:
            click.echo(getattr(result, analysis.text_view)(settings.lang))
        else:
            limit = next((params[p.name] for p in analysis.params if p.display and p.kind == "int"), None)
            click.echo(text_result(result, index.G, settings.lang, limit=limit))
        status = analysis.exit_status(result, params) if analysis.exit_status else 0
        if status:
            raise click.exceptions.Exit(status)

    command.__name__ = analysis.name
    decorated = _format_option(_roadmap_options(command))
    for param in reversed(analysis.params):
        decorated = _click_param(param)(decorated)
    help_text = f"{analysis.summary}\n\n{analysis.description}" if analysis.description else analysis.summary
    return click.command(analysis.name, help=help_text, short_help=analysis.summary)(decorated)


class _YearRange(click.ParamType):
    """A year range, ``2024-2030``, or one year, ``2025``, as ``(first, last)``; anything else
    is a usage error (exit status 2)."""

    name = "years"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from .analyses.registry import year_range
        from .errors import InvalidOptionError

        try:
            return year_range(value)
        except InvalidOptionError as err:
            self.fail(err.render(_lang(ctx) if ctx is not None else DEFAULT_LANG), param, ctx)


def _click_param(param: Param) -> Any:
    """The click argument or option of an analysis parameter."""
    if param.flag is None:
        metavar = {"mission": "MISSION_ID", "nodes": "NODES", "file": "FILE"}.get(param.kind, param.name.upper())
        nargs = -1 if param.kind == "nodes" else 1
        return click.argument(param.name, nargs=nargs, required=param.required, metavar=metavar)
    kinds: dict[str, Any] = {
        "choice": {"type": click.Choice(param.choices), "default": param.default, "show_default": True},
        "int": {"type": click.IntRange(min=param.minimum), "default": param.default, "show_default": True},
        "list": {"multiple": True},
        "flag": {"is_flag": True},
        "years": {"type": _YearRange(), "default": param.default, "metavar": "FIRST-LAST"},
    }
    options = kinds.get(param.kind, {"default": param.default})
    return click.option(param.flag, param.name, help=param.help, required=param.required, **options)


for _analysis in REGISTRY.values():
    cli.add_command(_analysis_command(_analysis))


_FAIL_ON_HELP = (
    "Exit with status 7 when one of these holds (comma-separated or repeated): any (something changed), "
    "removed-mission, infeasible-mission (a mission became infeasible), loosened-target (a target loosened "
    "or removed), new-error-gap, new-warning-gap (a new gap finding at or above that severity)."
)


@cli.command()
@click.argument("sides", nargs=-1, metavar="OLD NEW")
@click.option("--old", "old_files", multiple=True, help="A file of the old version (repeat for a multi-file roadmap); FILE or REV:path.")
@click.option("--new", "new_files", multiple=True, help="A file of the new version (repeat for a multi-file roadmap); FILE or REV:path.")
@click.option("--rank-threshold", type=click.IntRange(min=0), default=3, show_default=True, help="List bottlenecks whose rank moved by more than this.")
@click.option("--fail-on", "fail_on", multiple=True, metavar="CONDITIONS", help=_FAIL_ON_HELP)
@_format_option
@_roadmap_options
def diff(
    settings: _Settings,
    sides: tuple[str, ...],
    old_files: tuple[str, ...],
    new_files: tuple[str, ...],
    rank_threshold: int,
    fail_on: tuple[str, ...],
    fmt: str,
) -> None:
    """What changed between two versions of a roadmap, and what that changes downstream.

    OLD and NEW are roadmap files, or files at a git revision, REV:path (read with git show,
    path relative to the repository's top): roadmap-graph diff HEAD~3:graphs/x.yaml graphs/x.yaml.
    --old/--new (repeatable) give multi-file versions. Lists nodes, links, fields and metadata
    added (+), changed (~) and removed (-), then the effects: missions whose chain, gateways,
    redundancy or feasibility changed, bottlenecks that moved, convergence points and gap
    findings gained and lost, targets tightened and loosened. JSON: {"old", "new", "nodes",
    "links", "fields", "roadmap", "effects"}. Exit status 7 when a --fail-on condition holds.
    """
    from .analyses.diff import check_fail_on, diff_roadmaps
    from .present.tables import csv_table, text_result, to_json

    conditions = check_fail_on(v.strip() for value in fail_on for v in value.split(",") if v.strip())
    if settings.graphs:
        raise click.UsageError(text("cli.diff_no_graph", settings.lang))
    old, new = _diff_sides(sides, old_files, new_files, settings.lang)
    G = settings.revision(new)
    result = diff_roadmaps(settings.revision(old), G, rank_threshold=rank_threshold, lang=settings.lang)
    if fmt == "json":
        click.echo(to_json(result.to_dict()), nl=False)
    elif fmt == "csv":
        click.echo(csv_table(result.table(), G, settings.lang), nl=False)
    elif fmt == "markdown":
        from .present.markdown import markdown_result

        click.echo(markdown_result(result, G, settings.lang), nl=False)
    else:
        click.echo(text_result(result, G, settings.lang))
    failed = result.failures(conditions)
    if failed:
        click.echo(text("cli.diff_failed", settings.lang, conditions=verbatim(", ".join(failed))), err=True)
        raise click.exceptions.Exit(REVISION_FAILED)


def _diff_sides(
    sides: tuple[str, ...], old: tuple[str, ...], new: tuple[str, ...], lang: str
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The old and new version's files, from the positional arguments and --old/--new."""
    rest = list(sides)
    if not old and rest:
        old = (rest.pop(0),)
    if not new and rest:
        new = (rest.pop(0),)
    if rest or not old or not new:
        raise click.UsageError(text("cli.diff_sides", lang))
    return old, new


@cli.command()
@click.argument("kind", type=click.Choice(["roadmap", "chain", "convergence", "coverage", "overview", "diff", "portfolio"]))
@click.argument("versions", nargs=-1, metavar="[OLD NEW | FILE]")
@click.option("--mission", help="The mission, for the chain figure.")
@click.option(
    "--columns",
    type=click.Choice(["categories", "technologies"]),
    default="categories",
    show_default=True,
    help="Coverage figure: measure categories or technologies as columns.",
)
@click.option("--old", "old", multiple=True, metavar="FILE", help="diff: a file of the old version (repeat for a multi-file roadmap); FILE or REV:path.")
@click.option("--new", "new", multiple=True, metavar="FILE", help="diff: a file of the new version (repeat for a multi-file roadmap); FILE or REV:path.")
@click.option("-o", "--output", required=True, type=click.Path(), help="File to write: .svg, .png or .pdf.")
@_roadmap_options
def draw(
    settings: _Settings,
    kind: str,
    versions: tuple[str, ...],
    mission: str | None,
    columns: str,
    old: tuple[str, ...],
    new: tuple[str, ...],
    output: str,
) -> None:
    """Draw a figure: the layered roadmap, a mission's chain, the convergence map, the
    coverage matrix, the diff of two versions (draw diff OLD NEW, each a file or REV:path:
    the new roadmap with what was added, removed and changed marked), or a portfolio laid
    over the roadmap (draw portfolio FILE, a portfolio file or a bundled portfolio's name:
    money per mission, funded and unfunded technologies marked). The extension of -o picks
    SVG, PNG or PDF."""
    from .figures import save_diff_figure, save_figure

    if mission is not None and kind != "chain":
        raise click.BadParameter(text("error.mission_only_for_chain", settings.lang), param_hint="--mission")
    if kind == "portfolio":
        if len(versions) != 1 or old or new:
            raise click.UsageError(text("cli.portfolio_file", settings.lang))
        from .figures import save_portfolio_figure

        G, report, portfolio_path = _portfolio_overlay(settings, versions[0])
        protect = (*settings.inputs(), str(portfolio_path))
        path = save_portfolio_figure(G, report, output, lang=settings.lang, protect=protect)
    elif kind != "diff":
        for given, what in ((versions, "OLD NEW"), (old, "--old"), (new, "--new")):
            if given:
                raise click.UsageError(text("error.diff_only", settings.lang, what=verbatim(what)))
        options = {"columns": columns} if kind == "coverage" else {}
        path = save_figure(
            settings.graph(), kind, output, lang=settings.lang, mission=mission, protect=settings.inputs(), **options
        )
    else:
        if settings.graphs:
            raise click.UsageError(text("cli.diff_no_graph", settings.lang))
        old_specs, new_specs = _diff_sides(versions, old, new, settings.lang)
        protect = settings.inputs() + _version_inputs(old_specs + new_specs)
        old_G, new_G = settings.revision(old_specs), settings.revision(new_specs)
        path = save_diff_figure(old_G, new_G, output, lang=settings.lang, protect=protect)
    click.echo(text("cli.wrote", settings.lang, path=path), err=True)


def _portfolio(settings: _Settings, G: Any, spec: str) -> tuple[Any, Any]:
    """The portfolio ``spec`` names (a file, or a bundled portfolio's name), loaded against
    the nodes of ``G``, and its path."""
    from .fileformat.limits import Limits
    from .fileformat.portfolio_loading import load_portfolio, resolve_portfolio

    path = resolve_portfolio(spec)
    limits = Limits.from_environment().with_spec(settings.limits)
    return load_portfolio(path, nodes=set(G), limits=limits), path


def _portfolio_overlay(settings: _Settings, spec: str) -> tuple[Any, Any, Any]:
    """The roadmap graph, the overlay of the portfolio ``spec`` on it, and its file."""
    from .analyses.portfolio import portfolio_overlay

    G = settings.graph()
    portfolio, path = _portfolio(settings, G, spec)
    return G, portfolio_overlay(G, portfolio), path


@cli.command()
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(["node-link", "graphml", "gexf", "cytoscape", "dot", "mermaid", "graph-csv", "cypher", "csv", "xlsx"]),
    help="node-link (JSON), graphml (Gephi, Cytoscape, yEd), gexf (Gephi), cytoscape (Cytoscape.js), "
    "dot (Graphviz), mermaid (Markdown), graph-csv (a folder with nodes.csv and edges.csv, for Gephi and pandas), "
    "cypher (Neo4j); xlsx (a workbook) and csv (a folder, one CSV per sheet): the roadmap laid out for a person "
    "to edit, read back by roadmap-graph import.",
)
@click.option("-o", "--output", required=True, type=click.Path(), help="File to write (a folder for csv and graph-csv).")
@_roadmap_options
def export(settings: _Settings, fmt: str, output: str) -> None:
    """Write the roadmap graph in a format analysts' tools read, or the roadmap as a workbook."""
    from .present.export import SHEET_FORMATS, export_graph, export_sheets

    if fmt in SHEET_FORMATS:
        if settings.evidence == "stated":
            raise click.UsageError(text("sheets.evidence", settings.lang))
        paths = export_sheets(settings.load(), fmt, output, protect=settings.inputs())
    else:
        paths = export_graph(settings.graph(), fmt, output, lang=settings.lang, protect=settings.inputs())
    for path in paths:
        click.echo(text("cli.wrote", settings.lang, path=path), err=True)


@cli.command("import")
@click.argument("source", type=click.Path(), metavar="FILE.xlsx|FOLDER")
@click.option("-o", "--output", required=True, type=click.Path(), help="The roadmap YAML file to write.")
@click.option("--lang", type=click.Choice(LANGS), default=None, help="Language of messages.")
@click.pass_obj
def import_(settings: _Settings, source: str, output: str, lang: str | None) -> None:
    """Read a roadmap workbook (.xlsx) or a folder of CSV files, one per sheet (as export
    --format xlsx/csv writes them), check it like validate, and write it as roadmap YAML.
    Every problem is reported at its cell (file.xlsx:nodes!D17, nodes.csv:17:4); exit
    status 3 when there is one."""
    from .fileformat.limits import Limits
    from .fileformat.sheets import import_roadmap

    if lang:
        settings.lang = lang
    limits = Limits.from_environment().with_spec(settings.limits)
    path = import_roadmap(source, output, limits=limits, protect=settings.inputs())
    click.echo(text("cli.wrote", settings.lang, path=path), err=True)


_PORTFOLIO_HELP = "A portfolio of R&D programmes (YAML, CSV or XLSX file, or a bundled portfolio's name)"


@cli.command()
@click.option("-o", "--output", default="explorer.html", show_default=True, type=click.Path(), help="The page to write.")
@click.option("--portfolio", metavar="FILE", help=_PORTFOLIO_HELP + ": the node panel shows the programmes funding each node.")
@_roadmap_options
def explore(settings: _Settings, output: str, portfolio: str | None) -> None:
    """Write the interactive explorer: one self-contained HTML page, no network needed."""
    from .present.explorer import write_explorer

    G = settings.graph()
    protect = settings.inputs()
    loaded = None
    if portfolio is not None:
        loaded, portfolio_path = _portfolio(settings, G, portfolio)
        protect = (*protect, str(portfolio_path))
    path = write_explorer(G, output, lang=settings.lang, protect=protect, portfolio=loaded)
    click.echo(text("cli.wrote", settings.lang, path=path), err=True)


@cli.command()
@click.option("-o", "--output", default="roadmap-report", show_default=True, type=click.Path(), help="Folder to write index.html and explorer.html into.")
@click.option("--force", is_flag=True, help="Write into a non-empty folder roadmap-graph did not make.")
@click.option(
    "--baseline",
    multiple=True,
    metavar="FILE",
    help="An earlier version of the roadmap, FILE or REV:path (repeat for a multi-file roadmap): the "
    "report adds a section on what changed since it.",
)
@click.option("--portfolio", metavar="FILE", help=_PORTFOLIO_HELP + ": the report adds a section on it.")
@_roadmap_options
def report(settings: _Settings, output: str, force: bool, baseline: tuple[str, ...], portfolio: str | None) -> None:
    """The main job: an offline HTML report (index.html) with every analysis, and the explorer."""
    from .present.report import write_report

    G = settings.graph()
    old_G = settings.revision(baseline) if baseline else None
    loaded, portfolio_inputs = None, tuple[str, ...]()
    if portfolio is not None:
        loaded, portfolio_path = _portfolio(settings, G, portfolio)
        portfolio_inputs = (str(portfolio_path),)
    def say(step: Message) -> None:
        click.echo(text("cli.step", settings.lang, step=step), err=True)

    protect = settings.inputs() + _version_inputs(baseline) + portfolio_inputs
    page = write_report(G, output, lang=settings.lang, force=force, progress=say, protect=protect, baseline=old_G,
                        portfolio=loaded)  # fmt: skip
    click.echo(text("cli.wrote", settings.lang, path=page), err=True)


@cli.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="Write the schema to this file instead of stdout.",
)
@click.option("--portfolio", is_flag=True, help="The schema of the portfolio file format instead (graphs/portfolio.schema.json).")
@click.pass_obj
def schema(settings: _Settings, output: str | None, portfolio: bool) -> None:
    """The JSON Schema of the roadmap file format (for editors and CI checks)."""
    from .fileformat.schema import json_schema_text

    schema_text = json_schema_text(portfolio=portfolio)
    if output is None:
        click.echo(schema_text, nl=False)
        return
    from .outputs import write_file

    path = write_file(output, schema_text, protect=settings.inputs())
    click.echo(text("cli.wrote", settings.lang, path=path), err=True)


@cli.command()
@click.argument("folder", default=".", type=click.Path(file_okay=False))
@click.pass_obj
def init(settings: _Settings, folder: str) -> None:
    """Start your own roadmap: write a starter roadmap.yaml (it validates as it is, every key
    explained in Korean and English) and roadmap.schema.json beside it, into FOLDER (default:
    here; made if missing). Never replaces a file."""
    from pathlib import Path

    from .fileformat.scaffold import write_starter

    roadmap, schema_file = write_starter(folder)
    click.echo(text("init.next", settings.lang, roadmap=verbatim(str(roadmap)), schema=verbatim(str(schema_file)),
                    folder=verbatim(str(Path(folder)))))  # fmt: skip


def main() -> None:
    """Entry point of the ``roadmap-graph`` console script."""
    cli(prog_name="roadmap-graph")
