"""The ``roadmap-graph`` command line: a thin layer over the library.

Each command parses its options, calls one library function and formats the result as a
table, JSON or CSV. Results go to stdout, messages to stderr.

Exit status: 0 success; 1 unexpected failure; 2 bad command line; 3 a roadmap that does not
load (one ``path:line:col: error: ...`` line per problem on stderr); 4 an id that is not in
the roadmap; 5 ``gaps`` found findings at or above ``--fail-on``; 6 an output that could not
be written or was refused (an input roadmap file, a folder or device where a file is needed,
a full disk); files there before are left as they were.
"""

from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass, replace
from typing import Any

import click

from . import vocabulary as labels
from .vocabulary import DEFAULT_LANG, Message, text, verbatim
from .errors import RoadmapGraphError

FORMATS = ("table", "json", "csv")
GAPS_FOUND = 5  # exit status of `gaps` when findings at or above --fail-on remain


@dataclass
class _Settings:
    graphs: tuple[str, ...]
    lang: str

    def load(self, files: tuple[str, ...] = ()) -> Any:
        from .fileformat.loading import load_roadmap

        paths = files or self.graphs
        return load_roadmap(paths or None)

    def graph(self) -> Any:
        from .graph.build import to_networkx

        return to_networkx(self.load())

    def inputs(self) -> tuple[str, ...]:
        """The roadmap files read, which no output may overwrite."""
        return self.graphs

    def override(self, graphs: tuple[str, ...], lang: str | None) -> _Settings:
        """Options given after the command name win over those given before it."""
        return replace(self, graphs=graphs or self.graphs, lang=lang or self.lang)


class _Group(click.Group):
    """Turns the package's errors into messages and exit codes, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
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


_GRAPH_HELP = (
    "Roadmap file (YAML or JSON); repeat to load several files as one roadmap. "
    "Default: the bundled roadmap (Ⅱ), AI and advanced bio."
)


def _roadmap_options(f: Any) -> Any:
    """Accept -g/--graph and --lang after the command name too, and pass the settings."""

    @click.option("-g", "--graph", "graphs", multiple=True, type=click.Path(dir_okay=False), help=_GRAPH_HELP)
    @click.option("--lang", type=click.Choice(labels.LANGS), default=None, help="Language of names and labels.")
    @click.pass_obj
    @functools.wraps(f)
    def wrapper(settings: _Settings, graphs: tuple[str, ...], lang: str | None, **kwargs: Any) -> Any:
        settings = settings.override(graphs, lang)
        click.get_current_context().find_root().obj = settings  # errors are shown in this language
        return f(settings, **kwargs)

    return wrapper


def _lang(ctx: click.Context) -> str:
    """The language asked for (the command's --lang wins over the group's)."""
    settings = ctx.find_root().obj
    return settings.lang if isinstance(settings, _Settings) else DEFAULT_LANG


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
        help="table for people; json or csv for programs and spreadsheets.",
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
    type=click.Choice(labels.LANGS),
    default="ko",
    show_default=True,
    help="Language of names and labels.",
)
@click.version_option(package_name="roadmap-graph")
@click.pass_context
def cli(ctx: click.Context, graphs: tuple[str, ...], lang: str) -> None:
    """Analyse mission-oriented R&D roadmaps as dependency graphs.

    Exit status: 0 ok, 1 internal error, 2 bad usage, 3 invalid roadmap, 4 unknown id,
    5 gap findings at or above --fail-on, 6 output not written (refused or failed).
    """
    if not sys.stdout.isatty() and hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")  # a Korean-Windows pipe would be cp949
    ctx.obj = _Settings(graphs, lang)


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@_roadmap_options
def validate(settings: _Settings, files: tuple[str, ...]) -> None:
    """Check roadmap FILES (default: -g files, else the bundled roadmap) and report every problem."""
    roadmap = settings.load(files)
    links = sum(len(node.links()) for node in roadmap.nodes)
    names = verbatim(", ".join(files or settings.graphs)) if files or settings.graphs else Message("cli.bundled")
    click.echo(text("cli.valid", settings.lang, names=names, nodes=len(roadmap.nodes), links=links))


def _emit(fmt: str, *, data: Any, rows: Any, text: Any) -> None:
    """Write a result as JSON (``data``), CSV (``rows`` → headers, rows) or a text table.

    ``rows`` and ``text`` are called only for the format asked, so nothing is rendered twice.
    """
    from .present.tabular import to_csv, to_json

    if fmt == "json":
        click.echo(to_json(data() if callable(data) else data), nl=False)
    elif fmt == "csv":
        headers, body = rows()
        click.echo(to_csv(headers, body), nl=False)
    else:
        click.echo(text())


def _codes(values: tuple[str, ...]) -> list[str]:
    return [code for value in values for code in value.split(",") if code.strip()]


@cli.command()
@_format_option
@_roadmap_options
def summary(settings: _Settings, fmt: str) -> None:
    """Counts by field and kind, and the missions with their targets and deadlines."""
    from .present import text as render
    from .analyses.summary import summarize

    result = summarize(settings.graph())
    _emit(
        fmt,
        data=result.to_dict,
        rows=lambda: render.summary_rows(result, settings.lang),
        text=lambda: render.summary_text(result, settings.lang),
    )


@cli.command()
@click.argument("mission_id")
@_format_option
@_roadmap_options
def chain(settings: _Settings, mission_id: str, fmt: str) -> None:
    """The prerequisite chain of MISSION_ID: everything it needs, all the way down."""
    from .analyses.chain import prerequisite_chain

    result = prerequisite_chain(settings.graph(), mission_id)
    _emit(
        fmt,
        data=result.to_dict,
        rows=lambda: (
            ["id", "kind", "field", "name", "name_en", "depth"],
            [(n.id, n.kind, n.field, n.name, n.name_en, n.depth) for n in result.nodes],
        ),
        text=lambda: result.tree(settings.lang),
    )


@cli.command()
@click.option("--mission", "mission", help="Only this mission's gateways, nearest first.")
@_format_option
@_roadmap_options
def gateways(settings: _Settings, mission: str | None, fmt: str) -> None:
    """Gateway technologies (길목기술): nodes every path from a mission down passes through.

    JSON: a list of {"id", "kind", "field", "missions"}, by number of missions, then id; with
    --mission, that mission's gateways, nearest first. The table adds each mission's
    redundancy level κ (1 when a gateway exists).
    """
    from .present import text as render
    from .analyses.gateways import gateways as find_gateways
    from .analyses.gateways import redundancy
    from .graph.requirements import check_nodes

    G = settings.graph()
    result = find_gateways(G)
    rows = result.to_list()
    if mission is not None:
        check_nodes(G, [mission], kind="mission")
        by_id = {r["id"]: r for r in rows}
        rows = [by_id[x] for x in result.by_mission[mission]]
    _emit(
        fmt,
        data=rows,
        rows=lambda: render.gateway_rows(rows),
        text=lambda: render.gateways_text(G, rows, redundancy(G, [mission] if mission else None), settings.lang, mission),
    )


@cli.command()
@click.argument("nodes", nargs=-1, required=True)
@_format_option
@_roadmap_options
def impact(settings: _Settings, nodes: tuple[str, ...], fmt: str) -> None:
    """What failing NODES costs: missions made infeasible, nodes orphaned, support lost.

    A node is feasible when all its requires are feasible and each any_of group keeps one
    feasible member. JSON: {"removed", "infeasible_missions", "orphaned"}.
    """
    from .present import text as render
    from .analyses.whatif import impact as what_if

    G = settings.graph()
    result = what_if(G, nodes)
    _emit(
        fmt,
        data=result.to_dict,
        rows=lambda: render.impact_rows(G, result, settings.lang),
        text=lambda: render.impact_text(G, result, settings.lang),
    )


@cli.command()
@click.option("--top", type=click.IntRange(min=0), default=20, show_default=True, help="Rows in the table (0: all); JSON and CSV give all.")
@_format_option
@_roadmap_options
def bottlenecks(settings: _Settings, top: int, fmt: str) -> None:
    """Bottleneck technologies: demand (missions reached) meeting binding constraints.

    Shows every component (reach by field, missions its failure alone breaks, share of
    mission-to-foundation paths, supporting measures) and the flags, not one opaque score.
    """
    from .present import text as render
    from .analyses.bottlenecks import bottlenecks as rank

    G = settings.graph()
    ranked = rank(G)
    _emit(
        fmt,
        data=ranked.to_list,
        rows=lambda: render.bottleneck_rows(ranked),
        text=lambda: render.bottlenecks_text(G, ranked, settings.lang, top),
    )


@cli.command()
@click.option("--fields", "fields", help="Comma-separated field ids to look between, e.g. ai,bio (default: all).")
@_format_option
@_roadmap_options
def convergence(settings: _Settings, fields: str | None, fmt: str) -> None:
    """Where fields meet: cross-field links, convergence points and the field matrix.

    JSON: {"cross_field_edges", "convergence_points", "field_matrix", ...}.
    """
    from .present import text as render
    from .analyses.convergence import convergence as converge

    G = settings.graph()
    chosen = [f.strip() for f in fields.split(",") if f.strip()] if fields else None
    data = converge(G, fields=chosen).to_dict()
    _emit(
        fmt,
        data=data,
        rows=lambda: render.convergence_rows(G, data, settings.lang),
        text=lambda: render.convergence_text(G, data, settings.lang),
    )


@cli.command()
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (comma-separated or repeated), e.g. RG2.")
@click.option("--ignore", "ignored", multiple=True, help="Skip these rule codes or prefixes.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning"]),
    default="error",
    show_default=True,
    help="Exit with status 5 when a finding at or above this severity remains.",
)
@_format_option
@_roadmap_options
def gaps(settings: _Settings, select: tuple[str, ...], ignored: tuple[str, ...], fail_on: str, fmt: str) -> None:
    """Coverage gaps, as a linter: rule code, severity, file:line, message and fix.

    A node or field silences a rule in the file: ignore: [{code: RG202, reason: ...}].
    JSON: a list of {"code", "severity", "node", "message", "location"}.
    """
    from .present import text as render
    from .analyses.gaps import find_gaps

    report = find_gaps(
        settings.graph(), select=_codes(select) or None, ignore=_codes(ignored), lang=settings.lang
    )
    _emit(
        fmt,
        data=report.to_list,
        rows=lambda: render.gap_rows(report),
        text=lambda: render.gaps_text(report, settings.lang),
    )
    if report.failed(fail_on):
        raise click.exceptions.Exit(GAPS_FOUND)


@cli.command()
@click.argument("kind", type=click.Choice(["roadmap", "chain", "convergence", "coverage"]))
@click.option("--mission", help="The mission, for the chain figure.")
@click.option(
    "--columns",
    type=click.Choice(["categories", "technologies"]),
    default="categories",
    show_default=True,
    help="Coverage figure: measure categories or technologies as columns.",
)
@click.option("-o", "--output", required=True, type=click.Path(), help="File to write: .svg, .png or .pdf.")
@_roadmap_options
def draw(settings: _Settings, kind: str, mission: str | None, columns: str, output: str) -> None:
    """Draw a figure: the layered roadmap, a mission's chain, the convergence map or the
    coverage matrix. The extension of -o picks SVG, PNG or PDF."""
    from .figures import save_figure

    options = {"columns": columns} if kind == "coverage" else {}
    if mission is not None and kind != "chain":
        raise click.BadParameter(text("error.mission_only_for_chain", settings.lang), param_hint="--mission")
    path = save_figure(
        settings.graph(), kind, output, lang=settings.lang, mission=mission, protect=settings.inputs(), **options
    )
    click.echo(text("cli.wrote", settings.lang, path=path), err=True)


@cli.command()
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(["node-link", "graphml", "gexf", "cytoscape", "dot", "mermaid", "csv", "cypher"]),
    help="node-link (JSON), graphml (Gephi, Cytoscape, yEd), gexf (Gephi), cytoscape (Cytoscape.js), "
    "dot (Graphviz), mermaid (Markdown), csv (a folder with nodes.csv and edges.csv), cypher (Neo4j).",
)
@click.option("-o", "--output", required=True, type=click.Path(), help="File to write (a folder for csv).")
@_roadmap_options
def export(settings: _Settings, fmt: str, output: str) -> None:
    """Write the roadmap graph in a format analysts' tools read."""
    from .present.export import export_graph

    for path in export_graph(settings.graph(), fmt, output, lang=settings.lang, protect=settings.inputs()):
        click.echo(text("cli.wrote", settings.lang, path=path), err=True)


@cli.command()
@click.option("-o", "--output", default="explorer.html", show_default=True, type=click.Path(), help="The page to write.")
@_roadmap_options
def explore(settings: _Settings, output: str) -> None:
    """Write the interactive explorer: one self-contained HTML page, no network needed."""
    from .present.explorer import write_explorer

    path = write_explorer(settings.graph(), output, lang=settings.lang, protect=settings.inputs())
    click.echo(text("cli.wrote", settings.lang, path=path), err=True)


@cli.command()
@click.option("-o", "--output", default="roadmap-report", show_default=True, type=click.Path(), help="Folder to write index.html and explorer.html into.")
@click.option("--force", is_flag=True, help="Write into a non-empty folder roadmap-graph did not make.")
@_roadmap_options
def report(settings: _Settings, output: str, force: bool) -> None:
    """The main job: an offline HTML report (index.html) with every analysis, and the explorer."""
    from .present.report import write_report

    G = settings.graph()
    def say(step: str) -> None:
        click.echo(text("cli.step", settings.lang, step=step), err=True)

    page = write_report(G, output, lang=settings.lang, force=force, progress=say, protect=settings.inputs())
    click.echo(text("cli.wrote", settings.lang, path=page), err=True)


@cli.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="Write the schema to this file instead of stdout.",
)
@click.pass_obj
def schema(settings: _Settings, output: str | None) -> None:
    """The JSON Schema of the roadmap file format (for editors and CI checks)."""
    from .fileformat.schema import json_schema_text

    schema_text = json_schema_text()
    if output is None:
        click.echo(schema_text, nl=False)
        return
    from .outputs import write_file

    path = write_file(output, schema_text, protect=settings.inputs())
    click.echo(text("cli.wrote", settings.lang, path=path), err=True)


def main() -> None:
    """Entry point of the ``roadmap-graph`` console script."""
    cli(prog_name="roadmap-graph")
