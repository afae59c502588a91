"""The registry: every registered analysis has a command, a report section, words in both
languages, a test module, and outputs that agree with each other.

These tests walk :data:`roadmap_graph.analyses.REGISTRY`, so a new analysis is checked as
soon as it is registered.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import roadmap_graph as rg
from roadmap_graph.analyses import REGISTRY
from roadmap_graph.cli import cli
from roadmap_graph.graph.index import RoadmapIndex
from roadmap_graph.present.tables import csv_table, header, html_table, text_result
from roadmap_graph.vocabulary.catalogue import CATALOGUE

TESTS = Path(__file__).parent
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")


@pytest.fixture(scope="module")
def index(G) -> RoadmapIndex:
    return RoadmapIndex(G)


#: Parameter sets of the analyses the report runs none of (they need an input it is not given).
EXAMPLES: dict[str, list[dict[str, Any]]] = {"portfolio": [{"portfolio": str(TESTS / "portfolio_demo.yaml")}]}


def runs(analysis: Any, index: RoadmapIndex) -> list[dict[str, Any]]:
    """The parameter sets the report shows (one run with the defaults when none), or the
    examples of an analysis the report does not run."""
    if not analysis.report_runs:
        return [{}]
    return [dict(p) for p in analysis.report_runs(index)] or EXAMPLES[analysis.name]


def cli_args(analysis: Any, params: dict[str, Any]) -> list[str]:
    """The command line of one run."""
    args = [analysis.name]
    for p in analysis.params:
        if p.name not in params:
            continue
        values = params[p.name] if isinstance(params[p.name], (list, tuple)) else [params[p.name]]
        args += [str(v) for v in values] if p.flag is None else [p.flag, ",".join(map(str, values))]
    return args


@pytest.mark.parametrize("name", list(REGISTRY))
def test_every_analysis_has_its_command_words_and_tests(name):
    analysis = REGISTRY[name]
    assert name in cli.commands and cli.commands[name].help.startswith(analysis.summary)
    assert CliRunner().invoke(cli, [name, "--help"]).exit_code == 0
    assert analysis.title in CATALOGUE  # both languages: test_vocabulary
    module = analysis.run.__module__.rpartition(".")[2]
    assert (TESTS / f"test_{module}.py").is_file() or (TESTS / f"test_{name}.py").is_file()


@pytest.mark.parametrize("name", list(REGISTRY))
def test_results_are_typed_and_public(name, index):
    result = REGISTRY[name](index, lang="en", **runs(REGISTRY[name], index)[0])
    assert type(result).__name__ in rg.__all__
    with pytest.raises(AttributeError):  # frozen
        result.__setattr__(next(iter(result.__dataclass_fields__)), None)
    assert result.tables() and result.table() in result.data_tables()


@pytest.mark.parametrize("name", list(REGISTRY))
def test_json_carries_every_node_the_tables_show(name, index, G):
    analysis = REGISTRY[name]
    for params in runs(analysis, index):
        result = analysis(index, lang="en", **params)
        dumped = json.dumps(result.to_dict(), ensure_ascii=False)
        for table in result.tables():
            for i in table.shown("display"):
                column = table.columns[i]
                for row in table.rows:
                    value = row[i]
                    ids = value if column.kind == "nodes" else [value] if column.kind in ("id", "name", "node") else []
                    for node in ids:
                        if isinstance(node, str) and node in G:
                            assert f'"{node}"' in dumped, (name, table.name, column.key, node)


@pytest.mark.parametrize("name", list(REGISTRY))
def test_text_csv_and_html_come_from_one_table_description(name, index, G):
    analysis = REGISTRY[name]
    result = analysis(index, lang="en", **runs(analysis, index)[0])
    table = result.table()
    data = [table.columns[i] for i in table.shown("data")]
    rows = list(csv.reader(io.StringIO(csv_table(table, G, "en"))))
    assert rows[0] == [c.key for c in data] and len(rows) == len(table.rows) + 1
    first = result.tables()[0]
    shown = [first.columns[i] for i in first.shown("display")]
    for t in result.tables():
        page = html_table(t, G, "en")
        assert page.count("<tr>") == (len(t.rows) + 1 if t.rows else 0)
    text = text_result(result, G, "ko")
    for t in result.tables():
        if t.title is not None:
            assert t.title.text("ko") in text
    if first.rows and shown:
        assert all(header(c, G, "ko") in text for c in shown)


@pytest.mark.parametrize("name", list(REGISTRY))
def test_the_command_prints_the_library_result(name, index):
    analysis = REGISTRY[name]
    params = runs(analysis, index)[0]
    args = cli_args(analysis, params)
    out = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert out.exit_code in (0, 5), out.stderr
    assert json.loads(out.stdout) == json.loads(json.dumps(analysis(index, lang="ko", **params).to_dict()))
    for fmt in ("table", "csv"):
        assert CliRunner().invoke(cli, [*args, "--format", fmt]).exit_code in (0, 5)


def user_strings(roadmap: rg.Roadmap) -> list[str]:
    """Every string the roadmap's author wrote (names, quotes, units, notes, ids ...)."""
    found: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)

    walk(roadmap.model_dump(mode="json"))
    return sorted(set(found), key=len, reverse=True)


def without(text: str, strings: list[str]) -> str:
    for s in strings:
        text = text.replace(s, " ")
    return text


@pytest.mark.parametrize("name", list(REGISTRY))
def test_english_output_has_no_hangul_but_the_authors_words(name, index, bundled):
    analysis = REGISTRY[name]
    strings = user_strings(bundled)
    for params in runs(analysis, index):
        for fmt in ("table", "csv"):
            out = CliRunner().invoke(cli, ["--lang", "en", *cli_args(analysis, params), "--format", fmt])
            rest = without(out.stdout + out.stderr, strings)
            assert not HANGUL.search(rest), (name, fmt, HANGUL.findall(rest)[:10], rest[:400])


def test_english_messages_of_a_broken_file_have_no_hangul_but_the_authors_words(write):
    path = write(
        "broken.yaml",
        """\
        schema_version: 1
        roadmap: {id: x, title: 시험}
        fields: [{id: ai, name: 인공지능}]
        nodes:
          - {id: m, kind: misson, field: ai, name: 임무, requires: [t, zz]}
          - {id: t, kind: core_technology, field: bi, name: 기술, requirs: [m]}
          - {id: u, kind: enabling_technology, field: ai, name: 세부, targets: [{metric: 측정}]}
        """,
    )
    out = CliRunner().invoke(cli, ["--lang", "en", "validate", path])
    assert out.exit_code == 3
    rest = without(out.stderr, ["시험", "인공지능", "임무", "기술", "세부", "측정"])
    assert not HANGUL.search(rest), rest
    korean = CliRunner().invoke(cli, ["validate", path])
    assert korean.exit_code == 3 and korean.stderr.count("error:") == out.stderr.count("error:")
    assert [line.split(": error:")[0] for line in korean.stderr.splitlines()] == [
        line.split(": error:")[0] for line in out.stderr.splitlines()
    ]  # the same places, in either language
