"""The ``roadmap-graph`` command line: a thin layer over the library.

Each command parses its options, calls one library function and formats the result as a
table, JSON or CSV. Results go to stdout, messages to stderr.

Exit status: 0 success; 1 unexpected failure; 2 bad command line; 3 a roadmap that does not
load (one ``path:line:col: error: ...`` line per problem on stderr); 4 an id that is not in
the roadmap.
"""

from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass, replace
from typing import Any

import click

from . import labels
from .errors import RoadmapGraphError

FORMATS = ("table", "json", "csv")


@dataclass
class _Settings:
    graphs: tuple[str, ...]
    lang: str

    def load(self, files: tuple[str, ...] = ()) -> Any:
        from .loading import load_roadmap

        paths = files or self.graphs
        return load_roadmap(paths or None)

    def graph(self) -> Any:
        from .graph import to_networkx

        return to_networkx(self.load())

    def override(self, graphs: tuple[str, ...], lang: str | None) -> _Settings:
        """Options given after the command name win over those given before it."""
        return replace(self, graphs=graphs or self.graphs, lang=lang or self.lang)


class _Group(click.Group):
    """Turns the package's errors into messages and exit codes, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RoadmapGraphError as err:
            click.echo(str(err), err=True)
            ctx.exit(err.exit_code)
        except BrokenPipeError:  # the reader (head, less) left early: not an error
            _silence_stdout()
            ctx.exit(0)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as err:  # a bug: say so in one line, keep the traceback on request
            if os.environ.get("ROADMAP_GRAPH_DEBUG"):
                raise
            click.echo(
                f"internal error: {type(err).__name__}: {err}\n"
                "This is a bug in roadmap-graph; run again with ROADMAP_GRAPH_DEBUG=1 for the "
                "details and report them.",
                err=True,
            )
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
        return f(settings.override(graphs, lang), **kwargs)

    return wrapper


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

    Exit status: 0 ok, 1 internal error, 2 bad usage, 3 invalid roadmap, 4 unknown id.
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
    names = ", ".join(files or settings.graphs) or "bundled roadmap"
    click.echo(f"ok: {names}: {len(roadmap.nodes)} nodes, {links} links, no problems")


@cli.command()
@_format_option
@_roadmap_options
def summary(settings: _Settings, fmt: str) -> None:
    """Counts by field and kind, and the missions with their targets and deadlines."""
    from .output import table, to_csv, to_json
    from .summary import summarize

    result = summarize(settings.graph())
    lang = settings.lang
    if fmt == "json":
        click.echo(to_json(result.to_dict()), nl=False)
        return
    mission_rows = []
    for m in result.missions:
        name = labels.node_name({"name": m.name, "name_en": m.name_en}, lang)
        targets = m.targets or ({},)
        for t in targets:
            mission_rows.append((m.field, m.id, name, t))
    if fmt == "csv":
        headers = ["field", "mission", "name", "metric", "comparator", "value", "unit", "by"]
        rows = [
            (f, i, n, t.get("metric"), t.get("comparator"), t.get("value"), t.get("unit"), t.get("by"))
            for f, i, n, t in mission_rows
        ]
        click.echo(to_csv(headers, rows), nl=False)
        return
    info = result.roadmap
    title = info.get("title_en") if lang == "en" and info.get("title_en") else info.get("title")
    dates = [
        f"{labels.word(key, lang)} {info[key]}" for key in ("published", "horizon") if info.get(key)
    ]
    click.echo(f"{title}" + (f"  ({', '.join(dates)})" if dates else ""))
    click.echo()
    kinds = ("mission", "core_technology", "enabling_technology", "ecosystem_measure")
    field_names = {
        f: labels.node_name(d, lang) for f, d in result.fields.items()
    }
    rows = [
        [field_names[f], *(result.count(f, k) for k in kinds), result.count(f)]
        for f in result.fields
    ]
    rows.append([labels.word("total", lang), *(result.count(None, k) for k in kinds), result.count()])
    headers = [labels.word("field", lang), *(labels.word(k, lang) for k in kinds), labels.word("total", lang)]
    click.echo(labels.word("counts", lang))
    click.echo(table(headers, rows, right=range(1, 6)))
    click.echo()
    click.echo(f"{labels.word('missions', lang)} ({len(result.missions)})")
    target_rows = [
        (
            field_names.get(f, f),
            i,
            n,
            labels.format_target(t, lang) if t else labels.word("no_target", lang),
        )
        for f, i, n, t in mission_rows
    ]
    headers = [labels.word(k, lang) for k in ("field", "id", "name", "target")]
    click.echo(table(headers, target_rows))


@cli.command()
@click.argument("mission_id")
@_format_option
@_roadmap_options
def chain(settings: _Settings, mission_id: str, fmt: str) -> None:
    """The prerequisite chain of MISSION_ID: everything it needs, all the way down."""
    from .chain import prerequisite_chain
    from .output import to_csv, to_json

    result = prerequisite_chain(settings.graph(), mission_id)
    if fmt == "json":
        click.echo(to_json(result.to_dict()), nl=False)
    elif fmt == "csv":
        headers = ["id", "kind", "field", "name", "name_en", "depth"]
        rows = [(n.id, n.kind, n.field, n.name, n.name_en, n.depth) for n in result.nodes]
        click.echo(to_csv(headers, rows), nl=False)
    else:
        click.echo(result.tree(settings.lang))


@cli.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write the schema to this file instead of stdout.",
)
def schema(output: str | None) -> None:
    """The JSON Schema of the roadmap file format (for editors and CI checks)."""
    from .schema import json_schema_text

    text = json_schema_text()
    if output is None:
        click.echo(text, nl=False)
        return
    from .atomic import write_text_atomic

    write_text_atomic(output, text)
    click.echo(f"wrote {output}", err=True)


def main() -> None:
    """Entry point of the ``roadmap-graph`` console script."""
    cli(prog_name="roadmap-graph")
