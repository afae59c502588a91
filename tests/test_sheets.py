"""Roadmap workbooks: ``export --format xlsx|csv`` and ``import`` give back an equal roadmap,
and every kind of bad cell is reported at its cell (roadmap_graph.fileformat.sheets)."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given

import roadmap_graph as rg
from roadmap_graph.cli import cli
from roadmap_graph.fileformat.sheets import COLUMNS, SHEETS, load_sheets
from roadmap_graph.present.export import export_sheets
from roadmap_graph.present.exports.sheets import SHEET_FILES, to_sheet_csvs, to_xlsx

from .conftest import examples
from .strategies import roadmaps

openpyxl = pytest.importorskip("openpyxl")

SMALL = """\
schema_version: 1
roadmap: {id: demo, title: 데모 로드맵, published: 2023-10-31, sources: [{id: src, title: 출처}]}
fields: [{id: bio_ai, name: 인공지능}]
nodes:
  - id: mission_one
    kind: mission
    field: bio_ai
    name: 임무
    requires: [{id: ai_cloud_opt, provenance: stated, sources: [{source: src, quote: 인용}]}]
    targets: [{metric: 정확도, value: 90, unit: "%", bound: at_least, by: 2030}]
  - {id: ai_cloud_opt, kind: core_technology, field: bio_ai, name: 클라우드, any_of: [[tech_two, tech_three]], supported_by: [measure_people]}
  - {id: tech_two, kind: enabling_technology, field: bio_ai, name: 기술 2}
  - {id: tech_three, kind: enabling_technology, field: bio_ai, name: 기술 3}
  - {id: measure_people, kind: ecosystem_measure, field: bio_ai, name: 인력, category: workforce}
"""


@pytest.fixture
def small() -> rg.Roadmap:
    return rg.loads_roadmap(SMALL, path="small.yaml")


def csv_folder(roadmap: rg.Roadmap, folder: Path) -> Path:
    export_sheets(roadmap, "csv", folder)
    return folder


def xlsx_file(roadmap: rg.Roadmap, path: Path) -> Path:
    export_sheets(roadmap, "xlsx", path)
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(rg.RoadmapLoadError) as info:
        load_sheets(path)
    return [p.render("en") for p in info.value.problems]


def edit_csv(folder: Path, sheet: str, row: int, column: str, value: str) -> None:
    """Set the cell of ``column`` in ``row`` (the header is row 1) of ``sheet``.csv."""
    path = folder / f"{sheet}.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    if row == 1:
        rows[0][rows[0].index(column)] = value
    else:
        rows[row - 1][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8-sig")


def drop_column(folder: Path, sheet: str, column: str) -> None:
    path = folder / f"{sheet}.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    j = rows[0].index(column)
    out = io.StringIO()
    csv.writer(out).writerows([r[:j] + r[j + 1 :] for r in rows])
    path.write_text(out.getvalue(), encoding="utf-8-sig")


def cell(sheet: str, row: int, column: str) -> str:
    """``nodes.csv:17:4``: where the loader says a CSV cell is."""
    return f"{sheet}.csv:{row}:{COLUMNS[sheet].index(column) + 1}"


# --- the round trip ----------------------------------------------------------------------


def test_bundled_round_trips_through_xlsx(bundled, tmp_path):
    again = load_sheets(xlsx_file(bundled, tmp_path / "roadmap.xlsx"))
    assert again == bundled
    assert rg.dump_roadmap(again) == rg.dump_roadmap(bundled)


def test_bundled_round_trips_through_csv(bundled, tmp_path):
    folder = csv_folder(bundled, tmp_path / "sheets")
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{s}.csv" for s in SHEETS)
    assert load_sheets(folder) == bundled


def test_bundled_workbook_has_no_json_in_cells(bundled, tmp_path):
    book = openpyxl.load_workbook(xlsx_file(bundled, tmp_path / "r.xlsx"))
    assert book.sheetnames == list(SHEETS)
    nodes = {row[0]: row for row in book["nodes"].iter_rows(min_row=2, values_only=True)}
    assert nodes["ai_mission_efficient_learning"][9] == "ai_efficient_learning"
    texts = [v for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)]
    assert not any(t.lstrip().startswith(("{", "[")) for t in texts)
    # a stated link keeps its evidence in the links sheet, its quotes in citations
    links = {(r[0], r[1]): r for r in book["links"].iter_rows(min_row=2, values_only=True)}
    assert links["ai_mission_industrial_ai", "ai_industrial_ai"][2:4] == ("requires", "stated")
    owners = [r[0] for r in book["citations"].iter_rows(min_row=2, values_only=True)]
    assert "ai_mission_industrial_ai > ai_industrial_ai" in owners and "ai_mission_agi #1" in owners


@examples(300)
@given(roadmaps())
def test_random_roadmaps_round_trip_through_csv(tmp_path_factory, roadmap):
    folder = tmp_path_factory.mktemp("csv")
    for name, text in zip(SHEET_FILES, to_sheet_csvs(roadmap), strict=True):
        (folder / name).write_text(text, encoding="utf-8-sig", newline="")  # as export_sheets does
    assert load_sheets(folder) == roadmap


@examples(200)
@given(roadmaps())
def test_random_roadmaps_round_trip_through_xlsx(tmp_path_factory, roadmap):
    path = tmp_path_factory.mktemp("xlsx") / "r.xlsx"
    path.write_bytes(to_xlsx(roadmap))
    assert load_sheets(path) == roadmap


def test_numbers_keep_every_digit(small, tmp_path):
    mission = small.nodes[0]
    for value in (0.1 + 0.2, 2.2250738585072014e-308, 123456789.12345679, 1e300, -5.0):
        target = mission.targets[0].model_copy(update={"value": value})
        roadmap = small.model_copy(update={"nodes": (mission.model_copy(update={"targets": (target,)}), *small.nodes[1:])})
        (tmp_path / "r.xlsx").write_bytes(to_xlsx(roadmap))
        assert load_sheets(tmp_path / "r.xlsx").nodes[0].targets[0].value == value


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_awkward_text_round_trips(small, tmp_path, fmt):
    """Text that looks like a formula, an escaped formula, spaces at the ends, line breaks,
    a number, separators; a float value; links with only a note or only a quote."""
    node = small.nodes[2]
    awkward = node.model_copy(
        update={
            "name": "=SUM(A1)",
            "name_en": "'=not a formula",
            "description": " 앞뒤 공백 ",
            "description_en": "line one\nline two, \"quoted\"; a | b",
            "provenance": "inferred",
        }
    )
    mission = small.nodes[0]
    target = mission.targets[0].model_copy(update={"value": 0.1 + 0.2, "note": "-3 %", "unit_en": "''"})
    measure = small.nodes[4].model_copy(update={"name": "2025", "name_en": "+82 2"})
    core = small.nodes[1]
    links = (rg.Link(id="tech_two", note="@only a note"), rg.Link(id="tech_three", sources=(rg.SourceRef(source="src", quote="'인용'"),)))
    core = core.model_copy(update={"any_of": (links,)})
    roadmap = small.model_copy(
        update={"nodes": (mission.model_copy(update={"targets": (target,)}), core, awkward, small.nodes[3], measure)}
    )
    roadmap = rg.loads_roadmap(rg.dump_roadmap(roadmap))  # a valid roadmap, as a file gives it
    path = csv_folder(roadmap, tmp_path / "s") if fmt == "csv" else xlsx_file(roadmap, tmp_path / "s.xlsx")
    assert load_sheets(path) == roadmap


def test_hangul_survives_excel(bundled, tmp_path):
    folder = csv_folder(bundled, tmp_path / "s")
    raw = (folder / "nodes.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    assert "AI 학습의 데이터·컴퓨팅·전력 부담 50% 이상 경량화" in raw.decode("utf-8-sig")
    book = openpyxl.load_workbook(xlsx_file(bundled, tmp_path / "r.xlsx"), read_only=True)
    names = [row[3] for row in book["nodes"].iter_rows(min_row=2, values_only=True)]
    assert "AI 학습의 데이터·컴퓨팅·전력 부담 50% 이상 경량화" in names
    # a workbook saved again by a spreadsheet program (openpyxl here) still reads the same
    again = openpyxl.load_workbook(tmp_path / "r.xlsx")
    again.save(tmp_path / "saved.xlsx")
    assert load_sheets(tmp_path / "saved.xlsx") == bundled


def test_a_workbook_a_person_fills_in(tmp_path):
    """Excel's types: numbers as numbers, a date as a date, a year as a float; spaces
    around ids; sheets in any order and letter case; empty rows; an any_of group."""
    import datetime as dt

    book = openpyxl.Workbook()
    nodes = book.active
    nodes.title = "Nodes"
    nodes.append(["ID", "kind", "field", "name", "requires", "any_of"])
    nodes.append([" m1 ", "mission", "ai", "임무", "c1", None])
    nodes.append([])
    nodes.append(["c1", "core_technology", "ai", "핵심", None, "e1 | e2; e3"])
    for e in ("e1", "e2", "e3"):
        nodes.append([e, "enabling_technology", "ai", f"기술 {e}"])
    head = book.create_sheet("roadmap", 0)
    for row in (["key", "value"], ["id", "mine"], ["title", "나의 로드맵"], ["published", dt.datetime(2024, 5, 1)], ["horizon", 2030.0]):
        head.append(row)
    book.create_sheet("fields").append(["id", "name"])
    book["fields"].append(["ai", "인공지능"])
    targets = book.create_sheet("targets")
    targets.append(["node", "metric", "value", "by"])
    targets.append(["m1", "정확도", 90, 2030])
    book.save(tmp_path / "mine.xlsx")
    roadmap = load_sheets(tmp_path / "mine.xlsx")
    assert roadmap.roadmap.published == dt.date(2024, 5, 1) and roadmap.roadmap.horizon == 2030
    assert [[x.id for x in g] for g in roadmap.node("c1").any_of] == [["e1", "e2"], ["e3"]]
    assert roadmap.node("m1").targets[0].value == 90 and roadmap.node("m1").requires[0].id == "c1"
    assert str(roadmap.node_locations["c1"]) == f"{tmp_path / 'mine.xlsx'}:Nodes!A4"


# --- the command line --------------------------------------------------------------------


def test_export_then_import_on_the_command_line(tmp_path):
    runner = CliRunner()
    for fmt, out in (("xlsx", tmp_path / "r.xlsx"), ("csv", tmp_path / "sheets")):
        result = runner.invoke(cli, ["--lang", "en", "export", "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        yaml_path = tmp_path / f"{fmt}.yaml"
        result = runner.invoke(cli, ["--lang", "en", "import", str(out), "-o", str(yaml_path)])
        assert result.exit_code == 0, result.output
        assert rg.load_roadmap(yaml_path) == rg.load_roadmap()


def test_import_never_writes_over_its_input(small, tmp_path):
    path = xlsx_file(small, tmp_path / "r.xlsx")
    before = path.read_bytes()
    result = CliRunner().invoke(cli, ["--lang", "en", "import", str(path), "-o", str(path)])
    assert result.exit_code == 6 and path.read_bytes() == before


def test_import_errors_exit_3_with_every_problem_and_no_traceback(small, tmp_path):
    folder = csv_folder(small, tmp_path / "s")
    edit_csv(folder, "nodes", 2, "kind", "misson")
    edit_csv(folder, "targets", 2, "value", "ninety")
    result = CliRunner().invoke(cli, ["--lang", "en", "import", str(folder), "-o", str(tmp_path / "r.yaml")])
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 2 and all(": error: " in line for line in lines)
    assert not (tmp_path / "r.yaml").exists()


def test_export_sheets_refuses_evidence_stated(tmp_path):
    result = CliRunner().invoke(cli, ["--lang", "en", "export", "--evidence", "stated", "--format", "xlsx", "-o", str(tmp_path / "r.xlsx")])
    assert result.exit_code == 2 and "without --evidence stated" in result.output


def test_graph_csv_keeps_the_analysts_tables(tmp_path):
    result = CliRunner().invoke(cli, ["export", "--format", "graph-csv", "-o", str(tmp_path / "g")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "g").iterdir()) == ["edges.csv", "nodes.csv"]


# --- every bad cell, located -------------------------------------------------------------


@pytest.fixture
def folder(small, tmp_path) -> Path:
    return csv_folder(small, tmp_path / "s")


def located(folder: Path, where: str, message: str) -> None:
    """The workbook fails with the problem ``where: error: message``."""
    lines = problems(folder)
    expected = f"{folder / where.split(':', 1)[0]}:{where.split(':', 1)[1]}: error: {message}" if ":" in where else f"{folder / where}: error: {message}"
    assert any(line.startswith(expected) for line in lines), "\n".join(lines)


def test_unknown_sheet(folder):
    shutil.move(folder / "ignore.csv", folder / "ignores.csv")
    located(folder, "ignores.csv", "unknown sheet 'ignores' (did you mean 'ignore'?)")


def test_unknown_column(folder):
    edit_csv(folder, "nodes", 1, "name_en", "nmae_en")
    located(folder, cell("nodes", 1, "name_en"), "unknown column 'nmae_en' in sheet nodes (did you mean 'name_en'?)")


def test_missing_required_column(folder):
    drop_column(folder, "nodes", "kind")
    located(folder, "nodes.csv:1:1", "the header row of sheet nodes has no 'kind' column; add it (required: id, kind, field, name)")


def test_missing_roadmap_sheet(folder):
    (folder / "roadmap.csv").unlink()
    lines = problems(folder)
    assert lines == [f"{folder}: error: there is no 'roadmap' sheet; add one with columns key and value giving id, title, …"]


def test_empty_id(folder):
    edit_csv(folder, "nodes", 4, "id", "")
    located(folder, cell("nodes", 4, "id"), "the id cell is empty; fill it in")


def test_duplicate_id(folder):
    edit_csv(folder, "nodes", 5, "id", "tech_two")
    located(folder, cell("nodes", 5, "id"), f"node id 'tech_two' is defined twice (first at {folder / 'nodes.csv'}:4:1); rename one")


@pytest.mark.parametrize(
    ("sheet", "row", "column", "bad", "hint", "allowed"),
    [
        ("nodes", 2, "kind", "misson", "mission", "mission, core_technology, enabling_technology, ecosystem_measure"),
        ("nodes", 6, "category", "workfrce", "workforce", "workforce, regulation_standards, data, international_cooperation, infrastructure, public_literacy"),
        ("nodes", 2, "provenance", "stated_", "stated", "stated, inferred"),
        ("links", 2, "provenance", "infered", "inferred", "stated, inferred"),
        ("targets", 2, "bound", "at_lest", "at_least", "at_least, up_to, exactly, milestone"),
    ],
)
def test_unknown_word(folder, sheet, row, column, bad, hint, allowed):
    edit_csv(folder, sheet, row, column, bad)
    located(folder, cell(sheet, row, column), f"{column} must be one of {allowed}, not '{bad}' (did you mean '{hint}'?)")


def test_unknown_field(folder):
    edit_csv(folder, "nodes", 3, "field", "bio_aj")
    located(folder, cell("nodes", 3, "field"), "node 'ai_cloud_opt' is in field 'bio_aj', which is not declared (did you mean 'bio_ai'?)")


@pytest.mark.parametrize(
    ("column", "row", "written", "key", "node"),
    [
        ("requires", 2, "ai_cloud", "requires", "mission_one"),
        ("supported_by", 3, "measure_peple", "supported_by", "ai_cloud_opt"),
        ("any_of", 3, "tech_two | tech_for", "any_of", "ai_cloud_opt"),
    ],
)
def test_unknown_node_in_a_link(folder, column, row, written, key, node):
    edit_csv(folder, "nodes", row, column, written)
    bad = written.split("|")[-1].strip()
    hint_text = {
        "ai_cloud": "(did you mean 'ai_cloud_opt'?)",
        "measure_peple": "(did you mean 'measure_people'?)",
        "tech_for": "(did you mean 'tech_two' or 'tech_three'?)",
    }[bad]
    located(folder, cell("nodes", row, column), f"unknown node '{bad}' in {key} of '{node}' {hint_text}")


def test_issue_example_in_a_workbook(small, tmp_path):
    path = xlsx_file(small, tmp_path / "file.xlsx")
    book = openpyxl.load_workbook(path)
    book["nodes"]["J2"] = "ai_cloud"
    book.save(path)
    lines = problems(path)
    assert f"{path}:nodes!J2: error: unknown node 'ai_cloud' in requires of 'mission_one' (did you mean 'ai_cloud_opt'?)" in "\n".join(lines)


@pytest.mark.parametrize(("sheet", "column"), [("links", "node"), ("targets", "node")])
def test_unknown_node_in_links_and_targets(folder, sheet, column):
    edit_csv(folder, sheet, 2, column, "mission_on")
    located(folder, cell(sheet, 2, column), "unknown node 'mission_on' (did you mean 'mission_one'?); define it in the nodes sheet or fix the id")


def test_unknown_node_in_citations(folder):
    edit_csv(folder, "citations", 2, "owner", "mission_on > ai_cloud_opt")
    located(folder, cell("citations", 2, "owner"), "unknown node 'mission_on' (did you mean 'mission_one'?)")


def test_malformed_any_of(folder):
    edit_csv(folder, "nodes", 3, "any_of", "tech_two | | tech_three")
    located(folder, cell("nodes", 3, "any_of"), "cannot read 'tech_two | | tech_three' in 'any_of'")


def test_target_value_not_a_number(folder):
    edit_csv(folder, "targets", 2, "value", "ninety")
    located(folder, cell("targets", 2, "value"), "'ninety' in column value is not a number")


def test_bad_date(folder):
    edit_csv(folder, "roadmap", 5, "value", "2023-13-45")  # published
    located(folder, "roadmap.csv:5:2", "published must be a date written YYYY-MM-DD, not '2023-13-45'")


def test_bad_year(folder):
    edit_csv(folder, "targets", 2, "by", "20x0")
    located(folder, cell("targets", 2, "by"), "by must be a whole number")


def test_link_row_not_in_nodes(folder):
    edit_csv(folder, "links", 2, "target", "tech_two")
    located(folder, cell("links", 2, "target"), "'mission_one' has no link to 'tech_two' in its 'requires', 'any_of' or 'supported_by' in the nodes sheet")


def test_link_row_with_another_relation(folder):
    edit_csv(folder, "links", 2, "relation", "supported_by")
    located(folder, cell("links", 2, "relation"), "the link 'mission_one' → 'ai_cloud_opt' is in requires in the nodes sheet, not supported_by")


def test_unknown_source_in_a_citation(folder):
    edit_csv(folder, "citations", 2, "source", "scr")
    located(folder, cell("citations", 2, "source"), "unknown source 'scr' (did you mean 'src'?)")


def test_unknown_roadmap_key(folder):
    edit_csv(folder, "roadmap", 3, "key", "titel")
    located(folder, "roadmap.csv:3:1", "unknown key 'titel' (did you mean 'title'?)")


def test_bad_owner_and_missing_target(folder):
    edit_csv(folder, "citations", 2, "owner", "mission_one #3")
    located(folder, cell("citations", 2, "owner"), "'mission_one' has no target 3 (it has 1 in the targets sheet)")


def test_formula_without_a_saved_value(small, tmp_path):
    path = xlsx_file(small, tmp_path / "f.xlsx")
    book = openpyxl.load_workbook(path)
    book["nodes"]["D2"] = '=CONCAT("임", "무")'  # openpyxl saves no value with it
    book.save(path)
    lines = problems(path)
    assert lines[0].startswith(f"{path}:nodes!D2: error: the cell's formula (=CONCAT(\"임\", \"무\")) has no saved value")


def test_every_problem_in_one_run_in_sheet_order(folder):
    edit_csv(folder, "targets", 2, "value", "ninety")
    edit_csv(folder, "nodes", 2, "kind", "misson")
    edit_csv(folder, "fields", 2, "name", "")
    lines = problems(folder)
    assert [line.split(": error:")[0] for line in lines] == [
        str(folder / cell("fields", 2, "name")),
        str(folder / cell("nodes", 2, "kind")),
        str(folder / cell("targets", 2, "value")),
    ]


def test_korean_messages_keep_the_location(folder):
    edit_csv(folder, "nodes", 2, "kind", "misson")
    with pytest.raises(rg.RoadmapLoadError) as info:
        load_sheets(folder)
    line = info.value.problems[0].render("ko")
    assert line.startswith(f"{folder / cell('nodes', 2, 'kind')}: error: ") and "mission" in line


def test_an_empty_extra_sheet_is_ignored_and_a_filled_one_is_not(small, tmp_path):
    path = xlsx_file(small, tmp_path / "r.xlsx")
    book = openpyxl.load_workbook(path)
    book.create_sheet("Sheet1")
    book.save(path)
    assert load_sheets(path) == small
    book["Sheet1"]["A1"] = "x"
    book.save(path)
    assert problems(path) == [f"{path}:Sheet1!A1: error: unknown sheet 'sheet1'; the sheets are {', '.join(SHEETS)}"]


RICH = SMALL.replace(
    "roadmap: {id: demo, title: 데모 로드맵, published: 2023-10-31, sources: [{id: src, title: 출처}]}",
    """roadmap:
  id: demo
  title: 데모 로드맵
  horizon: 2030
  sources: [{id: src, title: 출처, url: "https://example.org/a", date: 2023-10-31, note: 메모, file: sources/a.txt}]
  decision: {body: 위원회, meeting: 제4차, date: 2023-10-31, sources: [{source: src, quote: 의결}]}
  review: {text: 검토, sources: [{source: src}]}
  emphases: [{text: 첫째, text_en: first}, {text: 둘째, sources: [{source: src, quote: 둘, note: n}]}]""",
).replace(
    "fields: [{id: bio_ai, name: 인공지능}]",
    """fields:
  - {id: bio_ai, name: 인공지능, converges_with: [bio], focus: {text: 초점, sources: [{source: src, quote: 초점}]},
     ignore: [{code: RG401, reason: 이유}]}
  - {id: bio, name: 바이오, converges_with: [bio_ai], sources: [{source: src, quote: 바이오}]}""",
).replace(
    "{id: measure_people, kind: ecosystem_measure, field: bio_ai, name: 인력, category: workforce}",
    "{id: measure_people, kind: ecosystem_measure, field: bio, name: 인력, category: workforce, provenance: inferred,"
    " ignore: [{code: RG202, reason: 이유}, {code: RG301, reason: 둘}]}",
).replace(
    "supported_by: [measure_people]}",
    "supported_by: [{id: measure_people, provenance: inferred, note: 추정}], sources: [{source: src, quote: 클라우드}]}",
).replace(
    'targets: [{metric: 정확도, value: 90, unit: "%", bound: at_least, by: 2030}]',
    'targets: [{metric: 정확도, value: 90, unit: "%", comparator: "<=", by: 2030}, {metric: 이정표, by: 2028, sources: [{source: src}]}]',
)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_every_key_of_the_format_round_trips(tmp_path, fmt):
    roadmap = rg.loads_roadmap(RICH, path="rich.yaml")
    assert roadmap.roadmap.decision and roadmap.fields[0].ignore and roadmap.nodes[0].targets[1].sources
    path = csv_folder(roadmap, tmp_path / "s") if fmt == "csv" else xlsx_file(roadmap, tmp_path / "s.xlsx")
    again = load_sheets(path)
    assert again == roadmap
    assert rg.dump_roadmap(again) == rg.dump_roadmap(roadmap)
