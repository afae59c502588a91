"""No word of one language inside the other's text: every message and table cell of every
analysis, on the bundled roadmap and on random roadmaps, in both languages.

Korean text must not carry the file format's English ids (measure categories, node kinds,
relations, evidence, severities) as words: ``데이터 방안``, never ``data 방안``. English text must
carry no Hangul. The only exceptions are what the roadmap's author wrote (names, quotes,
ids) and file syntax a message tells the reader to type, which the catalogue always puts in
single quotes (``'category: data'``).

Field ids never stand for a field in the display: a ``field``, ``fields`` or ``counts`` cell
and a ``field:<id>`` header show the field's name (CSV keeps the id).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given

import roadmap_graph as rg
from roadmap_graph.analyses import REGISTRY
from roadmap_graph.analyses.gaps import SEVERITIES
from roadmap_graph.analyses.result import Column
from roadmap_graph.fileformat.model import KINDS, MEASURE_CATEGORIES
from roadmap_graph.graph.index import RoadmapIndex
from roadmap_graph.present.tables import csv_table, header, html_table, shown, text_result
from roadmap_graph.vocabulary import field_name

from .browser import chromium, open_page  # noqa: F401  (chromium is a fixture)
from .conftest import examples
from .strategies import roadmaps
from .test_registry import HANGUL, runs, user_strings

#: The file format's English ids that a Korean reader must see in Korean.
VOCABULARY_IDS = (
    *MEASURE_CATEGORIES, "uncategorised", *KINDS, "requires", "supported_by", "any_of",
    "stated", "inferred", *SEVERITIES,
)  # fmt: skip
ENGLISH_ID = re.compile(r"(?<![A-Za-z0-9_])(" + "|".join(sorted(VOCABULARY_IDS, key=len, reverse=True)) + r")(?![A-Za-z0-9_])")
#: An id of several words (``core_technology``): never shown to an English reader either.
SNAKE_ID = re.compile(r"(?<![A-Za-z0-9_])(" + "|".join(i for i in VOCABULARY_IDS if "_" in i) + r")(?![A-Za-z0-9_])")
#: File syntax in quotes, and command-line options with their value (``--evidence stated``).
LITERAL = re.compile(r"'[a-z_][a-z0-9_]*(?:: [a-z0-9_]+)?'|--[a-z][a-z-]*(?:[ =][a-z_]+)?")
TAG = re.compile(r"<[^>]+>")


def masked(text: str, authored: list[str]) -> str:
    """``text`` with the author's strings (longest first) and then the quoted file syntax
    and command-line options blanked out, keeping every other character where it was."""
    if authored:  # whole words only (a name "a" must not hide the "a" of "data"), longest first
        words = "|".join(re.escape(s) for s in sorted(authored, key=len, reverse=True))
        text = re.sub(rf"(?<![A-Za-z0-9_-])(?:{words})(?![A-Za-z0-9_-])", lambda m: "\0" * len(m.group()), text)
    return LITERAL.sub(lambda m: "\0" * len(m.group()), text)


def leaks(text: str, lang: str, authored: list[str]) -> list[str]:
    """The foreign words of ``text`` (in ``lang``) outside the author's strings and quotes."""
    rest = masked(text, authored)
    found = list({"ko": ENGLISH_ID, "en": HANGUL}[lang].finditer(rest))
    if lang == "en":
        found += list(SNAKE_ID.finditer(rest))
    out = []
    for m in found:
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        out.append(f"{m.group()!r} in {text[line_start:line_end if line_end != -1 else None]!r}")
    return out


def report_runs(analysis: Any, index: RoadmapIndex) -> list[dict[str, Any]]:
    """The runs the report shows of ``analysis`` on this roadmap (none for a portfolio: it
    needs one made for the roadmap at hand; the registry tests read the bundled example's)."""
    if analysis.report_runs is None:
        return [{}]
    return [dict(p) for p in analysis.report_runs(index)]


def outputs(index: RoadmapIndex, lang: str) -> Iterator[tuple[str, str]]:
    """Every text a reader sees of every analysis: the text view (tables, headings, notes,
    messages), the linter lines, and the HTML tables (tags dropped)."""
    G = index.G
    for name, analysis in REGISTRY.items():
        for params in report_runs(analysis, index):
            result = analysis(index, lang=lang, **params)
            yield name, text_result(result, G, lang)
            if analysis.text_view:
                yield name, getattr(result, analysis.text_view)(lang)
            for table in result.tables():
                yield name, html.unescape(TAG.sub(" ", html_table(table, G, lang)))


def check(roadmap: rg.Roadmap, lang: str) -> list[str]:
    # (a name of punctuation alone, "'" or "-", hides no word but could eat a quote)
    authored = [s for s in user_strings(roadmap) if any(c.isalnum() for c in s)]
    index = RoadmapIndex(rg.to_networkx(roadmap))
    return [f"{name}: {leak}" for name, out in outputs(index, lang) for leak in leaks(out, lang, authored)]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_bundled_output_speaks_one_language(bundled, lang):
    assert check(bundled, lang) == []


@given(roadmaps(max_nodes=8))
@examples(40)
def test_random_roadmaps_output_speaks_one_language(roadmap):
    for lang in ("ko", "en"):
        assert check(roadmap, lang) == [], lang


def test_the_leak_finder_finds_leaks():
    assert leaks("분야 '인공지능' (ai)의 임무를 지원하는 data 방안이 없다", "ko", ["인공지능"]) == [
        "'data' in \"분야 '인공지능' (ai)의 임무를 지원하는 data 방안이 없다\""
    ]
    assert leaks("category: data인 방안을 추가한다", "ko", []) == ["'data' in 'category: data인 방안을 추가한다'"]
    assert leaks("'category: data'인 방안을 추가한다 (--evidence stated)", "ko", []) == []
    assert leaks("core_technology ai_mission_agi 중점기술", "ko", ["ai_mission_agi"]) == ["'core_technology' in 'core_technology ai_mission_agi 중점기술'"]
    assert leaks("no data measure for '인공지능' (ai)", "en", ["인공지능"]) == []
    assert leaks("kind 중점기술", "en", []) and leaks("a core_technology", "en", [])


# --- field names, not ids ------------------------------------------------------------------


def field_cells(result: Any) -> Iterator[tuple[Column, Any]]:
    for table in result.tables():
        for i in table.shown("display"):
            column = table.columns[i]
            if column.kind in ("field", "fields", "counts") or column.label.startswith("field:"):
                for row in table.rows:
                    yield column, row[i]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_bundled_field_cells_show_names(G, lang):
    index = RoadmapIndex(G)
    fields = G.graph["fields"]
    seen = set()
    for name, analysis in REGISTRY.items():
        for params in runs(analysis, index):
            result = analysis(index, lang=lang, **params)
            for column, value in field_cells(result):
                if hasattr(value, "text"):  # a message in place of a field (a total row)
                    continue
                cell = shown(column, value, G, lang)
                seen.add(column.kind)
                if column.kind == "counts":
                    assert cell == ", ".join(f"{field_name(fields, f, lang)} {n}" for f, n in value.items())
                elif column.kind == "fields":
                    assert cell == ", ".join(field_name(fields, f, lang) for f in value)
                elif column.kind == "field":
                    assert cell == field_name(fields, value, lang)
                assert not re.search(r"(?<![A-Za-z])(ai|bio)(?![A-Za-z])", cell), (name, column.key, cell)
            for table in result.tables():
                for column in table.columns:
                    if column.label.startswith("field:") and column.label[6:] in fields:
                        assert header(column, G, lang) == field_name(fields, column.label[6:], lang)
    assert {"field", "fields", "counts"} <= seen


def test_bundled_by_field_column_reads_names(G):
    table = rg.bottlenecks(G).table()
    text = text_result(rg.bottlenecks(G), G, "ko")
    assert "인공지능 1, 첨단바이오 1" in text and "ai 1" not in text
    assert "Artificial intelligence 1, Advanced biotechnology 1" in text_result(rg.bottlenecks(G), G, "en")
    assert "ai=1;bio=1" in csv_table(table, G, "ko")  # CSV keeps the ids


def test_bundled_convergence_matrix_names_fields(G):
    out = text_result(rg.convergence(G), G, "ko")
    matrix = out[out.index("분야 간 연결 행렬"):]
    assert "인공지능" in matrix and "첨단바이오" in matrix
    assert not re.search(r"(?<![A-Za-z])(ai|bio)(?![A-Za-z])", matrix), matrix


def test_catalogue_entries_quote_every_file_id():
    """Every Korean entry (errors and checks too, which no analysis shows): a file id is
    either a placeholder's value or quoted file syntax; no English entry spells a
    snake_case id outside quotes."""
    from roadmap_graph.vocabulary.catalogue import CATALOGUE

    placeholder = re.compile(r"\{[^}]*\}")
    bad = []
    for key, (ko, en) in CATALOGUE.items():
        bad += [f"{key}: {leak}" for leak in leaks(placeholder.sub(" ", ko), "ko", [])]
        bad += [f"{key}: {leak}" for leak in leaks(placeholder.sub(" ", en), "en", [])]
    assert bad == []


def test_bundled_category_gap_messages_name_categories_in_korean(G):
    report = rg.find_gaps(G, select=["RG401", "RG402"], lang="ko")
    messages = [f.message for f in report.findings]
    assert "분야 '인공지능' (ai)의 임무를 지원하는 데이터 방안이 없다" in messages
    assert "분야 '첨단바이오' (bio)의 임무를 지원하는 인프라 방안이 없다" in messages
    fixes = {f.fix for f in report.findings}
    assert "'category: infrastructure'인 생태계 조성방안을 추가해 지원하는 기술과 연결하거나, 분야에서 사유와 함께 RG401을 제외한다" in fixes


def test_category_fix_lists_values_with_their_names():
    roadmap = rg.loads_roadmap(
        "schema_version: 1\nroadmap: {id: x, title: 시험}\nfields: [{id: ai, name: 인공지능}]\n"
        "nodes:\n  - {id: m, kind: mission, field: ai, name: 임무, requires: [t], supported_by: [w]}\n"
        "  - {id: t, kind: core_technology, field: ai, name: 기술, supported_by: [w]}\n"
        "  - {id: w, kind: ecosystem_measure, field: ai, name: 방안}\n",
        path="x.yaml",
    )
    G = rg.to_networkx(roadmap)
    ko = rg.find_gaps(G, select=["RG402"], lang="ko").findings[0].fix
    en = rg.find_gaps(G, select=["RG402"], lang="en").findings[0].fix
    assert "'workforce'(인력), 'regulation_standards'(규제·표준), 'data'(데이터)" in ko
    assert "'workforce' (workforce), 'regulation_standards' (regulation & standards)" in en
    assert leaks(ko, "ko", []) == [] and leaks(en, "en", []) == []


# --- severities never wrap in the report ------------------------------------------------------


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_bundled_severity_cells_stay_on_one_line_in_a_narrow_report(chromium, tmp_path, G, lang):  # noqa: F811
    """The findings table with the report's style, in a window narrow enough to squeeze every
    column: each severity (and each short column's header) is one line box."""
    from importlib.resources import files

    css = files("roadmap_graph.present").joinpath("assets/report.css").read_text(encoding="utf-8")
    table = html_table(rg.find_gaps(G, lang=lang).table(), G, lang)
    page = tmp_path / "findings.html"
    page.write_text(f'<!doctype html><meta charset="utf-8"><style>{css}</style><main>{table}</main>', encoding="utf-8")
    log = open_page(chromium, page, viewport=(360, 640))
    lines = log.page.evaluate(
        """() => Array.from(document.querySelectorAll('td.w-severity, th.short')).map(el => {
             const r = document.createRange(); r.selectNodeContents(el);
             const tops = new Set(Array.from(r.getClientRects()).map(b => Math.round(b.top)));
             return [el.textContent, tops.size]; })"""
    )
    severities = [t for t, _ in lines]
    assert {"경고", "참고"} <= set(severities) if lang == "ko" else {"warning", "info"} <= set(severities)
    assert [x for x in lines if x[1] != 1] == []
