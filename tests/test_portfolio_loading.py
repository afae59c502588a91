"""The portfolio loader: YAML, CSV and XLSX give one model; every bad input is a located
problem, all of a file's problems in one run; the published schema; the bundled example."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml import YAML

import roadmap_graph as rg
from roadmap_graph.cli import cli
from roadmap_graph.fileformat.bundled import graphs_dir
from roadmap_graph.fileformat.parsing import parse_text
from roadmap_graph.fileformat.portfolio import Citation, Funding, Portfolio, PortfolioInfo, Programme
from roadmap_graph.fileformat.portfolio_loading import bundled_portfolio_names, load_portfolio, resolve_portfolio
from roadmap_graph.fileformat.schema import json_schema_text, portfolio_json_schema

from .conftest import examples
from .portfolio_sheets import DATA, EXAMPLE, csv_text, write_csv, write_xlsx

HANGUL = re.compile(r"[\uac00-\ud7a3]")
NODES = ("alpha", "beta", "gamma", "delta_two", "epsilon")


def problems(path: str | Path, **kwargs) -> list[str]:
    """The English lines of the load error ``path`` gives."""
    with pytest.raises(rg.RoadmapLoadError) as info:
        load_portfolio(path, **kwargs)
    lines = info.value.render("en").splitlines()
    assert len(lines) == len(info.value.problems)
    return lines


def only(lines: list[str], pattern: str) -> str:
    """The one line whose text (every path's folders left out: a temporary folder such as
    ``pytest-303`` would match ``-3``) matches ``pattern``."""
    found = [line for line in lines if re.search(pattern, re.sub(r"\S*/", "", line))]
    assert len(found) == 1, (pattern, lines)
    return found[0]


def yaml_text(portfolio: Portfolio) -> str:
    stream = io.StringIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.dump(portfolio.model_dump(exclude_none=True), stream)
    return stream.getvalue()


# --- the three formats give one model -------------------------------------------------


def test_bundled_example_is_the_same_in_yaml_csv_and_xlsx():
    yaml = load_portfolio(resolve_portfolio(EXAMPLE))
    assert load_portfolio(DATA / f"{EXAMPLE}.csv") == yaml
    assert load_portfolio(DATA / f"{EXAMPLE}.xlsx") == yaml


def test_checked_in_sheets_are_the_generated_ones(tmp_path):
    """The CSV twin is what ``tests/portfolio_sheets.py`` writes today (the XLSX is a zip
    with its own timestamps: it is compared by what it loads to, above)."""
    yaml = load_portfolio(resolve_portfolio(EXAMPLE))
    assert (DATA / f"{EXAMPLE}.csv").read_bytes() == csv_text(yaml, thousands=True, bom=True).encode("utf-8")
    write_xlsx(yaml, tmp_path / "again.xlsx")
    assert load_portfolio(tmp_path / "again.xlsx") == yaml


_TEXT = st.text(alphabet="abcxyz가나다 ,;\"'-1", min_size=1, max_size=8).filter(lambda s: s.strip() == s)
_YEAR = st.integers(2020, 2035)
# money in hundredths (a spreadsheet program keeps 15 significant digits: so do budgets)
_MONEY = st.integers(0, 10**9).map(lambda cents: cents / 100)


@st.composite
def programmes(draw: st.DrawFn, pid: str) -> Programme:
    start = draw(st.none() | _YEAR)
    end = draw(st.none() | st.integers(start or 2020, 2040))
    low, high = start or 2018, end or 2040
    budget = draw(st.none() | st.dictionaries(st.integers(low, high), _MONEY, min_size=1, max_size=4))
    funded = draw(st.lists(st.sampled_from(NODES), unique=True, max_size=3))
    funds = [Funding(id=n) for n in funded]
    if funded and draw(st.booleans()):
        weights = draw(st.lists(st.integers(1, 9), min_size=len(funded), max_size=len(funded)))
        shares = [w / sum(weights) for w in weights]
        shares[-1] = 1 - sum(shares[:-1])  # in (0, 1]: the last weight is at least 1 of the sum
        funds = [Funding(id=n, share=s) for n, s in zip(funded, shares)]
    sources = ()
    if draw(st.booleans()):
        sources = (
            Citation(
                url=draw(st.none() | st.just("https://example.org/p?a=1&b=2")),
                title=draw(_TEXT),
                quote=draw(st.none() | _TEXT),
                date=draw(st.none() | st.just("2024-05-06")),
            ),
        )
    return Programme(
        id=pid,
        name=draw(_TEXT),
        name_en=draw(st.none() | _TEXT),
        ministry=draw(st.none() | _TEXT),
        budget=budget,
        start=start,
        end=end,
        funds=tuple(funds),
        provenance=draw(st.none() | st.sampled_from(["stated", "inferred"])),
        note=draw(st.none() | _TEXT),
        sources=sources,
    )


@st.composite
def portfolios(draw: st.DrawFn) -> Portfolio:
    ids = draw(st.lists(st.sampled_from(["p1", "p2", "prog_three", "p4", "q"]), unique=True, min_size=1, max_size=4))
    info = PortfolioInfo(
        id=draw(st.sampled_from(["demo", "포트폴리오"])),
        title=draw(_TEXT),
        title_en=draw(st.none() | _TEXT),
        unit=draw(st.sampled_from(["억원", "million USD"])),
        unit_en=draw(st.none() | st.just("100 million KRW")),
        roadmap=draw(st.none() | st.just("demo")),
        note=draw(st.none() | _TEXT),
    )
    return Portfolio(schema_version=1, portfolio=info, programmes=tuple(draw(programmes(pid)) for pid in ids))


@examples(100)
@given(portfolio=portfolios(), thousands=st.booleans(), bom=st.booleans())
def test_random_portfolios_are_the_same_in_yaml_csv_and_xlsx(tmp_path_factory, portfolio, thousands, bom):
    folder = tmp_path_factory.mktemp("p")
    (folder / "p.yaml").write_text(yaml_text(portfolio), encoding="utf-8")
    write_csv(portfolio, folder / "p.csv", thousands=thousands, bom=bom)
    write_xlsx(portfolio, folder / "p.xlsx", thousands=thousands)
    for name in ("p.yaml", "p.csv", "p.xlsx"):
        assert load_portfolio(folder / name, nodes=NODES) == portfolio, name


# --- every bad input: located, all in one run -----------------------------------------

BAD_YAML = """\
schema_version: 1
portfolio: {id: demo, title: 데모, unit: 억원}
programmes:
  - id: p1
    name: 하나
    budget: {2025: 10, twenty: 5, 2026: -3}
    funds: [alpha, betta]
  - id: p1
    name: 둘
    start: 2027
    end: 2025
    funds: [{id: alpha, share: 1.5}]
  - id: p3
    name: 셋
    funds: [{id: alpha, share: 0.5}, {id: beta, share: 0.4}]
    budgte: {2025: 1}
  - id: p4
    funds: [gamma]
"""


def test_bad_yaml_every_problem_located_in_one_run(write):
    path = write("bad.yaml", BAD_YAML)
    lines = problems(path, nodes=NODES)
    assert all(line.startswith(f"{path}:") for line in lines)
    assert re.match(rf"{re.escape(path)}:6:24: error: .*budget's keys are years.*'twenty'", only(lines, "twenty"))
    assert only(lines, "-3").startswith(f"{path}:6:41: error: ") and "amount of 0 or more" in only(lines, "-3")
    assert only(lines, "betta").startswith(f"{path}:7:20: error: ") and "did you mean 'beta'" in only(lines, "betta")
    assert only(lines, "used twice").startswith(f"{path}:8:9: error: programme id 'p1'")
    assert f"first at {path}:4:9" in only(lines, "used twice")
    assert only(lines, "before start").startswith(f"{path}:11:10: error: end 2025 is before start 2027")
    assert only(lines, "share is a number").startswith(f"{path}:12:32: error: ")
    assert only(lines, "add up to").startswith(f"{path}:15:12: error: the shares add up to 0.9")
    assert only(lines, "budgte").startswith(f"{path}:16:5: error: unknown key 'budgte'") and "did you mean 'budget'" in only(lines, "budgte")
    assert only(lines, "missing required key 'name'").startswith(f"{path}:17:5: error: ")
    assert len(lines) == 9


def test_bad_yaml_without_nodes_checks_no_references(write):
    lines = problems(write("bad.yaml", BAD_YAML))
    assert not any("betta" in line for line in lines) and len(lines) == 8


def test_unreadable_yaml_files(write, tmp_path):
    assert problems(write("syntax.yaml", "portfolio: [\n"))[0].startswith(f"{tmp_path}/syntax.yaml:")
    assert "must be a mapping" in problems(write("list.yaml", "- 1\n"))[0] or "mapping" in problems(write("list.yaml", "- 1\n"))[0]
    assert "cannot read the file" in problems(tmp_path / "nowhere.yaml")[0]
    assert "not UTF-8" in problems(write("latin.yaml", "name: caf\xe9\n".encode("latin-1")))[0]


BAD_ROWS = [
    ["id", "nmae", "unit", "funds", "start", "end", "2025", "2026", "Provenance"],
    ["p1", "하나", "억원", "alpha;betta", "", "", "6,065", "12x", "inferred"],
    ["p1", "둘", "억원", "alpha=1.5", "2027", "2025", "", "", ""],
    ["p3", "셋", "million USD", "alpha=0.5;beta=0.4", "", "", "1", "", "maybe"],
    ["p4", "넷", "", "gamma;=0.5", "", "", "", "", "", "stray"],
]


def test_bad_csv_every_problem_located_in_one_run(write):
    text = "\n".join(",".join(f'"{c}"' if "," in str(c) else str(c) for c in row) for row in BAD_ROWS) + "\n"
    path = write("bad.csv", text)
    lines = problems(path, nodes=NODES)
    assert all(line.startswith(f"{path}:") for line in lines), lines
    assert only(lines, "nmae").startswith(f"{path}:1:2: error: unknown column 'nmae' (did you mean 'name'?)")
    assert only(lines, "no 'name' column").startswith(f"{path}:1:1: error: ")
    assert only(lines, "'12x'").startswith(f"{path}:2:8: error: '12x' in column 2026 is not a number")
    assert only(lines, "betta").startswith(f"{path}:2:4: error: programme 'p1' funds 'betta'")
    assert only(lines, "used twice").startswith(f"{path}:3:1: error: programme id 'p1' is used twice (first at {path}:2:1)")
    assert only(lines, "share is a number").startswith(f"{path}:3:4: error: ")
    assert only(lines, "before start").startswith(f"{path}:3:6: error: end 2025 is before start 2027")
    assert only(lines, "add up to").startswith(f"{path}:4:4: error: the shares add up to 0.9")
    assert only(lines, "unit is").startswith(f"{path}:4:3: error: unit is 'million USD' here but '억원' at {path}:2:3")
    assert only(lines, "maybe").startswith(f"{path}:4:9: error: ")
    assert only(lines, "cannot read '=0.5'").startswith(f"{path}:5:4: error: ")
    assert only(lines, "10 cells").startswith(f"{path}:5:10: error: this row has 10 cells but the header row has 9")
    assert len(lines) == 12
    # the column names are read without case: 'Provenance' is provenance (p3's 'maybe' is its value)


def test_csv_reads_thousands_separators_bom_and_empty_years(write):
    rows = "id,name,unit,funds,2024,2025,2026\np,사업,억원,alpha;beta,\"6,065.8\",,0\nq,미상,억원,gamma,,,\n"
    for name, raw in (("plain.csv", rows.encode()), ("bom.csv", b"\xef\xbb\xbf" + rows.encode())):
        portfolio = load_portfolio(write(name, raw), nodes=NODES)
        p, q = portfolio.programmes
        assert p.budget == {2024: 6065.8, 2026: 0} and p.money() == 6065.8
        assert q.budget is None and q.money() is None  # every year empty: unknown, not zero
        assert [f.id for f in p.funds] == ["alpha", "beta"] and p.shares() == {"alpha": 0.5, "beta": 0.5}
        assert portfolio.portfolio.id == Path(name).stem and portfolio.portfolio.unit == "억원"


def test_bad_sheets_as_a_whole(write):
    assert "no header row" in problems(write("empty.csv", "\n\n"))[0]
    assert "no row gives the unit" in only(problems(write("nounit.csv", "id,name,unit,funds\np,n,,alpha\n")), "unit")
    assert "not UTF-8" in problems(write("cp949.csv", "id,name,unit,funds\np,사업,억원,a\n".encode("cp949")))[0]
    assert "save the sheet as .xlsx or CSV" in problems(write("old.xls", b"\xd0\xcf\x11\xe0"))[0]
    (line,) = problems(write("quote.csv", 'id,name,unit,funds,2025\np,"unterminated,u,a,1\n'))
    assert re.search(r"quote\.csv:2:1: error: CSV error: ", line)
    lines = problems(write("unnamed.csv", "id,name,unit,funds,\np,n,u,alpha,5\n"))
    assert only(lines, "no name").startswith(f"{Path(write('unnamed.csv', 'x')).parent}/unnamed.csv:1:5:")


def test_bad_xlsx_every_problem_located_in_one_run(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    worksheet = book.active
    worksheet.title = "사업"
    for row in BAD_ROWS:
        worksheet.append(row)
    worksheet["H4"] = "=1+1"  # a formula never calculated: no saved value
    path = tmp_path / "bad.xlsx"
    book.save(path)
    lines = problems(path, nodes=NODES)
    where = f"{path}:사업!"
    assert all(line.startswith(where) for line in lines), lines
    assert only(lines, "nmae").startswith(f"{where}B1: error: unknown column 'nmae'")
    assert only(lines, "'12x'").startswith(f"{where}H2: error: ")
    assert only(lines, "betta").startswith(f"{where}D2: error: ")
    assert only(lines, "used twice").startswith(f"{where}A3: error: programme id 'p1' is used twice (first at {where}A2)")
    assert only(lines, "formula").startswith(f"{where}H4: error: the cell's formula (=1+1) has no saved value")
    # a sheet is as wide as its widest row: the stray cell's column has an empty header
    assert only(lines, "no name").startswith(f"{where}J1: error: a column with no name holds values")
    assert len(lines) == 13
    # in reading order: row by row, then column by column
    cells = [re.match(rf"{re.escape(where)}([A-Z]+)([0-9]+)", line).groups() for line in lines]  # type: ignore[union-attr]
    assert cells == sorted(cells, key=lambda c: (int(c[1]), len(c[0]), c[0]))


def test_xlsx_formulas_count_as_their_saved_values(tmp_path):
    """A workbook saved by a spreadsheet program keeps each formula's value beside it."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["id", "name", "unit", "funds", 2025])
    book.active.append(["p", "사업", "억원", "alpha", "=1263/5"])
    path = tmp_path / "f.xlsx"
    book.save(path)
    # openpyxl writes no saved value; put one in the sheet's XML as a spreadsheet program would
    import zipfile

    with zipfile.ZipFile(path) as zin:
        parts = {name: zin.read(name) for name in zin.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = parts[sheet].replace(b"<f>1263/5</f><v></v>", b"<f>1263/5</f><v>252.6</v>").replace(
        b"<f>1263/5</f><v />", b"<f>1263/5</f><v>252.6</v>"
    )
    assert b"<v>252.6</v>" in parts[sheet], parts[sheet]
    with zipfile.ZipFile(path, "w") as zout:
        for name, data in parts.items():
            zout.writestr(name, data)
    assert load_portfolio(path).programmes[0].budget == {2025: 252.6}


def test_xlsx_without_openpyxl_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl now raises ImportError
    path = tmp_path / "p.xlsx"
    path.write_bytes(b"PK\x03\x04")
    (line,) = problems(path)
    assert line.startswith(f"{path}: error: ") and "pip install 'roadmap-graph[xlsx]'" in line


def test_a_file_that_is_no_workbook(tmp_path):
    pytest.importorskip("openpyxl")
    path = tmp_path / "p.xlsx"
    path.write_text("id,name\n", encoding="utf-8")
    (line,) = problems(path)
    assert line.startswith(f"{path}: error: cannot read the file as an XLSX workbook")


def test_english_messages_have_no_hangul_but_the_authors(write):
    lines = problems(write("bad.yaml", BAD_YAML.replace("하나", "one").replace("둘", "two").replace("셋", "three").replace("데모", "demo").replace("억원", "KRW")), nodes=NODES)
    assert lines and not any(HANGUL.search(line) for line in lines)
    with pytest.raises(rg.RoadmapLoadError) as info:
        load_portfolio(write("bad2.yaml", BAD_YAML), nodes=NODES)
    assert all(HANGUL.search(p.render("ko")) for p in info.value.problems)


def test_resolve_portfolio_finds_files_and_bundled_names(write):
    assert EXAMPLE in bundled_portfolio_names()
    assert resolve_portfolio(EXAMPLE) == graphs_dir() / "portfolios" / f"{EXAMPLE}.yaml"
    assert resolve_portfolio(f"{EXAMPLE}.yaml") == resolve_portfolio(EXAMPLE)
    path = write("mine.csv", "id,name,unit,funds\n")
    assert resolve_portfolio(path) == Path(path)
    with pytest.raises(rg.RoadmapLoadError) as info:
        resolve_portfolio("kr_nst_roadmap_2_portfolio_exampel")
    assert f"did you mean '{EXAMPLE}'?" in info.value.render("en")


# --- the schema -----------------------------------------------------------------------


def test_checked_in_portfolio_schema_is_the_generated_one():
    checked_in = json.loads((graphs_dir() / "portfolio.schema.json").read_text(encoding="utf-8"))
    assert checked_in == portfolio_json_schema(), "run: roadmap-graph schema --portfolio -o graphs/portfolio.schema.json"
    result = CliRunner().invoke(cli, ["schema", "--portfolio"])
    assert result.exit_code == 0 and result.output == json_schema_text(portfolio=True)


def test_bundled_example_validates_against_the_schema_and_carries_the_modeline():
    path = resolve_portfolio(EXAMPLE)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../portfolio.schema.json\n")
    data = json.loads(json.dumps(parse_text(str(path), text).data))
    jsonschema.Draft202012Validator(portfolio_json_schema()).validate(data)


def test_schema_rejects_what_the_loader_rejects():
    validator = jsonschema.Draft202012Validator(portfolio_json_schema())
    bad = {
        "schema_version": 1,
        "portfolio": {"id": "x", "title": "t", "unit": "u"},
        "programmes": [{"id": "P-1", "name": "n", "budget": {"20x5": 1}, "funds": ["ok", {"id": "b", "share": 2}]}],
    }
    messages = " ".join(e.message for e in validator.iter_errors(bad))
    assert "P-1" in messages and "20x5" in messages and "2" in messages


# --- the bundled example ---------------------------------------------------------------


def test_bundled_example_loads_over_the_bundled_roadmap(bundled):
    portfolio = load_portfolio(resolve_portfolio(EXAMPLE), nodes=[n.id for n in bundled.nodes])
    assert portfolio.portfolio.roadmap == bundled.roadmap.id
    for programme in portfolio.programmes:
        assert programme.sources, programme.id
        for source in programme.sources:
            assert source.url and source.quote and source.title and source.date, programme.id
        assert programme.provenance == "inferred" and programme.note, programme.id
        if programme.budget is not None:  # spread evenly over the years it runs, and the note says so
            assert set(programme.budget) == set(range(programme.start, programme.end + 1)), programme.id
            assert len(set(programme.budget.values())) == 1, programme.id
            assert "똑같이 나누었다" in programme.note and "spread evenly" in programme.note


def test_bundled_example_totals_are_the_quoted_figures():
    """Each total is the figure its source quotes (억원); the AGI figure is only proposed, so
    that programme has no budget."""
    portfolio = load_portfolio(resolve_portfolio(EXAMPLE))
    totals = {p.id: p.money() for p in portfolio.programmes}
    assert totals == pytest.approx(
        {
            "national_bio_big_data": 6065.8,
            "biofoundry_infrastructure": 1263,
            "mrna_vaccine_pandemic": 5052,
            "human_centred_ai": 3018,
            "agi_core_technology": None,
        }
    )
    quoted = {"national_bio_big_data": "6065억8000만원", "biofoundry_infrastructure": "1263억원", "mrna_vaccine_pandemic": "5052억",
              "human_centred_ai": "3018억원", "agi_core_technology": "9313억원"}
    for programme in portfolio.programmes:
        assert quoted[programme.id] in (programme.sources[0].quote or ""), programme.id
    assert portfolio.years() == (2022, 2029)


def test_bundled_example_header_says_it_is_an_illustration():
    text = resolve_portfolio(EXAMPLE).read_text(encoding="utf-8")
    assert "ILLUSTRATION BUILT FROM PUBLIC FIGURES ONLY, not the\n# government's full portfolio" in text
    assert "정부의 전체 연구개발 포트폴리오가\n# 아니다" in text


def test_the_example_portfolio_ships_in_the_wheel_config():
    pyproject = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    assert '"graphs" = "roadmap_graph/graphs"' in pyproject and 'xlsx = ["openpyxl' in pyproject


def test_loader_needs_no_openpyxl_for_yaml_and_csv():
    code = (
        "import sys; sys.modules['openpyxl'] = None; import roadmap_graph as rg; "
        f"p = rg.load_portfolio(rg.resolve_portfolio({EXAMPLE!r})); print(len(p.programmes))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "5"
