"""Safe outputs (issue 9): what a hostile or careless graph or folder cannot make an output do.

* no NaN or Infinity in any JSON (exports, the explorer's data, ``--format json``);
* every XML export well-formed, whatever the strings hold;
* no CSV cell a spreadsheet runs as a formula;
* only ``http(s)`` source addresses become links;
* the writer never replaces a device, never writes through a link at a file it named itself,
  keeps an existing file's permissions, and a SIGKILL at any moment leaves each output
  wholly old or wholly new, the set consistent, and no temporary file (see the kill tests
  at the end, and the one window :mod:`roadmap_graph.outputs.writer` documents).

A roadmap file can hold none of NaN, Infinity or control characters (the loader refuses
them), so those cases build the graph in code, as a notebook can.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import stat
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st

import roadmap_graph as rg
from roadmap_graph.cli import cli
from roadmap_graph.errors import OutputError, OutputPathError, OutputValueError
from roadmap_graph.fileformat.sheets import SHEETS
from roadmap_graph.outputs import write_file, write_files, writer
from roadmap_graph.present.csvtext import FORMULA_STARTS, csv_text
from roadmap_graph.present.explorer import explorer_data, explorer_html, script_json, web_url, write_explorer
from roadmap_graph.present.export import export_graph, render
from roadmap_graph.present.exports import to_gexf, to_graphml
from roadmap_graph.present.jsondata import json_text
from roadmap_graph.present.report import MARKER
from roadmap_graph.present.tables import to_json

from .browser import chromium, open_page  # noqa: F401  (chromium is a fixture)
from .conftest import HEADER, examples, raises_en

TINY = HEADER + """\
nodes:
  - {id: ai_m, kind: mission, field: ai, name: 임무, requires: [ai_t]}
  - {id: ai_t, kind: core_technology, field: ai, name: 기술}
"""

EVIL = """\
schema_version: 1
roadmap:
  id: evil
  title: 악성 로드맵
  sources:
    - {id: js, title: 자바스크립트 출처, url: "javascript:alert(1)"}
    - {id: data, title: 데이터 출처, url: "data:text/html,<script>alert(1)</script>"}
    - {id: web, title: 웹 출처, url: "https://www.msit.go.kr/roadmap"}
    - {id: spaced, title: 공백 출처, url: " https://www.msit.go.kr/x"}
fields:
  - {id: ai, name: 인공지능}
nodes:
  - id: ai_m
    kind: mission
    field: ai
    name: '=HYPERLINK("http://evil.example","click")'
    requires: [ai_t]
    sources: [{source: js, quote: 가}, {source: data, quote: 나}, {source: web, quote: 다}, {source: spaced, quote: 라}]
  - {id: ai_t, kind: core_technology, field: ai, name: "@SUM(1+1)", requires: [ai_e]}
  - {id: ai_e, kind: enabling_technology, field: ai, name: "-2+3", description: "+cmd|' /C calc'!A0"}
"""


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, ["--lang", "en", *map(str, args)])


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def roadmap(tmp_path: Path) -> Path:
    path = tmp_path / "my.yaml"
    path.write_text(TINY, encoding="utf-8")
    return path


@pytest.fixture
def evil(tmp_path: Path) -> Path:
    path = tmp_path / "evil.yaml"
    path.write_text(EVIL, encoding="utf-8")
    return path


def tiny_graph() -> nx.DiGraph:
    return rg.to_networkx(rg.load_roadmap(_tiny_file()))


def _tiny_file() -> str:
    import tempfile

    folder = tempfile.mkdtemp()
    path = Path(folder) / "tiny.yaml"
    path.write_text(TINY, encoding="utf-8")
    return str(path)


# --- NaN and Infinity ---------------------------------------------------------------------------


def non_finite_graph(number: float = math.nan) -> nx.DiGraph:
    """The tiny roadmap with a target whose value is ``number``, as a notebook could make it."""
    G = tiny_graph()
    G.nodes["ai_m"]["targets"] = [{"metric": "정확도", "value": number, "unit": "%"}]
    return G


@pytest.mark.parametrize("number", [math.nan, math.inf, -math.inf])
@pytest.mark.parametrize("fmt", ["node-link", "cytoscape", "graphml", "gexf", "graph-csv"])
def test_no_export_writes_nan_or_infinity(fmt, number, tmp_path):
    """``value: .nan`` put ``NaN`` into the node-link and Cytoscape JSON (issue 9); the
    ``*_json`` cells of GraphML, GEXF and CSV are JSON too."""
    out = tmp_path / "out"
    with raises_en(OutputValueError, r"\[id=ai_m\]\.targets\[0\]\.value holds -?(NaN|Infinity): JSON cannot carry") as info:
        export_graph(non_finite_graph(number), fmt, out)
    assert info.value.exit_code == 6
    assert not out.exists()


def test_a_non_finite_value_is_refused_and_the_old_file_stays(tmp_path):
    out = tmp_path / "g.json"
    out.write_text("old", encoding="utf-8")
    with pytest.raises(OutputValueError):
        export_graph(non_finite_graph(), "node-link", out)
    assert out.read_text(encoding="utf-8") == "old" and names(tmp_path) == ["g.json"]


def test_the_explorer_and_report_refuse_nan(tmp_path):
    """explorer.html used to embed ``NaN``, which ``JSON.parse`` rejects: the page stayed blank."""
    G = non_finite_graph()
    with raises_en(OutputValueError, r"nodes\[id=ai_m\]\.targets\[0\]\.value holds NaN"):
        explorer_html(G)
    with pytest.raises(OutputValueError):
        write_explorer(G, tmp_path / "explorer.html")
    with pytest.raises(OutputValueError):
        rg.write_report(G, tmp_path / "report")
    assert names(tmp_path) == []


def test_analysis_json_refuses_nan():
    with raises_en(OutputValueError, r"gaps\[0\]\.value holds Infinity"):
        to_json({"gaps": [{"value": math.inf}]})


def test_a_long_id_is_quoted_as_an_excerpt():
    G = non_finite_graph()
    nx.relabel_nodes(G, {"ai_m": "m" * 100_000}, copy=False)
    with pytest.raises(OutputValueError) as info:
        render(G, "node-link")
    assert len(info.value.render("en")) < 300


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["id", "a", "b"]) | st.text(max_size=3), inner, max_size=4),
    max_leaves=20,
)


def _strict(text: str) -> Any:
    def refuse(word: str) -> Any:
        raise AssertionError(f"{word} in JSON")

    return json.loads(text, parse_constant=refuse)


@examples(500)
@given(JSON_VALUES)
def test_json_is_strict_json_or_refused_naming_the_number(value):
    """Every JSON the package writes parses as strict JSON (no ``NaN``/``Infinity`` words),
    or is refused with a message that names the number."""
    has_non_finite = any(isinstance(v, float) and not math.isfinite(v) for v in _floats(value))
    if has_non_finite:
        with raises_en(OutputValueError, "holds -?(NaN|Infinity)") as info:
            json_text(value)
        assert info.value.path
    else:
        assert _strict(json_text(value)) == json.loads(json.dumps(value))  # the same data, strictly written


def _floats(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [f for v in value.values() for f in _floats(v)]
    if isinstance(value, list):
        return [f for v in value for f in _floats(v)]
    return [value]


HOSTILE = st.text(
    st.characters() | st.sampled_from(["<", ">", "&", "/", "!", "-", "\u2028", "\u2029", "\x00", "\x1f"]), max_size=30
) | st.sampled_from(["</script><script>alert(1)</script>", "<!--<script>", "\u2028\u2029", "</SCRIPT >"])


@examples(500)
@given(HOSTILE)
def test_script_json_is_safe_inside_a_script_element(name):
    text = script_json({"name": name, "list": [name]})
    lowered = text.lower()
    assert "</" not in lowered and "<!--" not in lowered and "<script" not in lowered
    assert "\u2028" not in text and "\u2029" not in text
    assert _strict(text) == {"name": name, "list": [name]}


# --- XML -------------------------------------------------------------------------------------

_XML_CHAR = re.compile("[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_rule(text: str) -> str:
    """The documented rule: control characters become control pictures; U+FFFE, U+FFFF and
    lone surrogates become U+FFFD; everything else stays."""
    out = []
    for c in text:
        if _XML_CHAR.fullmatch(c):
            out.append(c)
        else:
            out.append(chr(0x2400 + ord(c)) if ord(c) < 0x20 else "\ufffd")
    return "".join(out)


NASTY = st.text(
    st.characters(exclude_categories=[]) | st.sampled_from(["\x00", "\x01", "\x0b", "\x1f", "\r", "\t", "\ud800", "\udfff", "\ufffe", "\uffff", "]", ">", "&", "<"]),
    min_size=1,
    max_size=12,
)


@examples(300)
@given(ids=st.lists(NASTY, min_size=1, max_size=3, unique_by=xml_rule), name=NASTY, note=NASTY)
def test_xml_exports_are_well_formed_and_keep_the_text_by_the_rule(ids, name, note):
    """A control character in a name made the GraphML and GEXF exports ill-formed (issue 9)."""
    G = nx.DiGraph()
    for i, n in enumerate(ids):
        G.add_node(n, kind="mission", name=name, note=note, rank=i)
    if len(ids) > 1:
        G.add_edge(ids[0], ids[1], relation="requires", note=note)
    for lang in ("ko", "en"):
        graphml = to_graphml(G, lang=lang)
        gexf = to_gexf(G, lang=lang)
        for document in (graphml, gexf):
            ET.fromstring(document.encode("utf-8"))  # well-formed XML
        H = nx.read_graphml(io.BytesIO(graphml.encode("utf-8")))
        assert sorted(H) == sorted(xml_rule(n) for n in ids)
        for n in ids:
            assert H.nodes[xml_rule(n)]["name"] == xml_rule(name)
            assert H.nodes[xml_rule(n)]["note"] == xml_rule(note)  # a carriage return too
        replaced = any(xml_rule(s) != s for s in [*ids, name, note])
        assert ("characters XML 1.0 cannot hold were replaced" in graphml) == (replaced and lang == "en")


def test_xml_says_what_it_replaced():
    G = nx.DiGraph()
    G.add_node("a", name="x\x01y")
    text = to_graphml(G, lang="en")  # in the name and in the label made from it
    assert "<!-- roadmap-graph: 2 characters XML 1.0 cannot hold were replaced" in text
    assert "x\u2401y" in text


def test_xml_refuses_two_ids_that_become_one():
    G = nx.DiGraph()
    G.add_nodes_from(["a\x01", "a\u2401"])
    for export in (to_graphml, to_gexf):
        with raises_en(OutputValueError, "both become a\u2401"):
            export(G)


# --- CSV -------------------------------------------------------------------------------------


def test_csv_export_neutralises_formulas_and_keeps_numbers(evil, tmp_path):
    G = rg.to_networkx(rg.load_roadmap(str(evil)))
    G.nodes["ai_e"]["weight"] = -3
    G.nodes["ai_t"]["weight"] = 2
    export_graph(G, "graph-csv", tmp_path / "t")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "t" / "nodes.csv").read_text(encoding="utf-8-sig"))))
    by_id = {r["id"]: r for r in rows}
    assert by_id["ai_m"]["name"] == """'=HYPERLINK("http://evil.example","click")"""
    assert by_id["ai_t"]["name"] == "'@SUM(1+1)"
    assert by_id["ai_e"]["name"] == "'-2+3" and by_id["ai_e"]["description"] == "'+cmd|' /C calc'!A0"
    assert by_id["ai_e"]["weight"] == "-3"  # a number stays a number


@pytest.mark.parametrize("analysis", ["summary", "gateways", "bottlenecks", "criticality", "gaps", "coverage"])
def test_analysis_csv_neutralises_formulas(analysis, evil):
    result = run("-g", evil, analysis, "--format", "csv")
    assert result.exit_code in (0, 5), result.output
    for row in csv.reader(io.StringIO(result.stdout)):
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), (analysis, cell)


@examples(500)
@given(st.lists(st.lists(st.text(max_size=8) | st.integers() | st.floats(allow_nan=False), min_size=2, max_size=2), max_size=5))
def test_csv_cells_never_start_a_formula(rows):
    text = csv_text(["a", "b"], rows)
    parsed = list(csv.reader(io.StringIO(text)))[1:]
    for row, back in zip(rows, parsed):
        for value, cell in zip(row, back):
            if isinstance(value, str):
                assert not cell.startswith(FORMULA_STARTS)  # the rule is undone by dropping the one quote added
                assert (cell[1:] if value.startswith(FORMULA_STARTS) else cell) == value
            else:
                assert cell == str(value)


# --- links -----------------------------------------------------------------------------------


def test_only_web_addresses_become_links(evil, tmp_path):
    """A source ``url: javascript:…`` became a live link in the explorer's panel (issue 9)."""
    G = rg.to_networkx(rg.load_roadmap(str(evil)))
    sources = explorer_data(G)["sources"]
    assert {sid: s["href"] for sid, s in sources.items()} == {
        "js": None, "data": None, "web": "https://www.msit.go.kr/roadmap", "spaced": None,
    }  # fmt: skip
    assert sources["js"]["url"] == "javascript:alert(1)"  # still shown, as text
    assert run("-g", evil, "report", "-o", tmp_path / "r").exit_code == 0
    for page in ("index.html", "explorer.html"):
        html = (tmp_path / "r" / page).read_text(encoding="utf-8").lower()
        assert not re.search(r"href\s*=\s*[\"']?\s*(javascript|data:text)", html), page


def test_web_url_rule():
    assert web_url("HTTPS://A.B/c?d=e") == "HTTPS://A.B/c?d=e"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:x", "data:,x", "file:///etc/passwd", "//evil", "http://a b",
                "https://a\nb", None, 3, "vbscript:x", "http:/x"):  # fmt: skip
        assert web_url(bad) is None, bad


def test_the_explorer_script_checks_links_again():
    """explorer.js links only what matches its own http(s) check, whatever the data says."""
    from roadmap_graph.present.templates import asset_text

    script = asset_text("explorer.js")
    assert "href: src.url" not in script and "webUrl(src.href)" in script


def test_the_panel_shows_a_javascript_url_as_text(chromium, evil, tmp_path):  # noqa: F811
    G = rg.to_networkx(rg.load_roadmap(str(evil)))
    G.nodes["ai_t"]["name"] = "</script><script>window.pwned=1</script><!--\u2028\u2029\x01"
    page = write_explorer(G, tmp_path / "explorer.html")
    log = open_page(chromium, page, ready="window.roadmapExplorer && window.roadmapExplorer.ready")
    try:
        assert log.errors() == []
        assert log.page.evaluate("window.pwned") is None
        assert log.page.evaluate("id => window.roadmapExplorer.select(id)", "ai_m")
        hrefs = log.page.evaluate("Array.from(document.querySelectorAll('#panel a')).map(a => a.getAttribute('href'))")
        assert hrefs == ["https://www.msit.go.kr/roadmap"]
        panel = log.page.evaluate("document.getElementById('panel').textContent")
        assert "javascript:alert(1)" in panel
    finally:
        log.page.close()


# --- the writer: devices, links, permissions, temporaries ---------------------------------------


@pytest.mark.parametrize("device", ["/dev/null", "/dev/full"])
def test_devices_are_refused_not_replaced(device):
    before = os.stat(device)
    for call in (lambda: write_file(device, "x"), lambda: write_files([(device, "x")], follow_links=False)):
        with raises_en(OutputPathError, f"refusing to write {device}: it is a character device"):
            call()
    after = os.stat(device)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev and after.st_ino == before.st_ino


@pytest.mark.parametrize("fmt", ["node-link", "graphml", "graph-csv"])
def test_export_to_dev_full_is_refused(fmt, roadmap):
    """As root, ``export --format node-link -o /dev/full`` replaced the device (issue 9)."""
    result = run("-g", roadmap, "export", "--format", fmt, "-o", "/dev/full")
    assert result.exit_code == 6 and "/dev/full" in result.stderr, result.output
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


@pytest.mark.parametrize("name", ["index.html", "explorer.html"])
def test_report_force_never_overwrites_a_loaded_roadmap(name, tmp_path):
    """``report -o DIR --force`` overwrote a roadmap named explorer.html inside DIR (issue 9)."""
    folder = tmp_path / "report"
    folder.mkdir()
    roadmap = folder / name
    roadmap.write_text(TINY, encoding="utf-8")
    result = run("-g", roadmap, "report", "-o", folder, "--force")
    assert result.exit_code == 6 and "is the input roadmap file" in result.stderr, result.output
    assert roadmap.read_text(encoding="utf-8") == TINY and names(folder) == [name]


@pytest.mark.parametrize("name", [MARKER, "index.html", "explorer.html"])
def test_report_refuses_a_link_where_it_names_a_file(name, roadmap, tmp_path):
    folder = tmp_path / "report"
    assert run("-g", roadmap, "report", "-o", folder).exit_code == 0
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("someone's file", encoding="utf-8")
    (folder / name).unlink()
    (folder / name).symlink_to(elsewhere)
    result = run("-g", roadmap, "report", "-o", folder)
    assert result.exit_code == 6 and "it is a symbolic link" in result.stderr, result.output
    assert elsewhere.read_text(encoding="utf-8") == "someone's file" and (folder / name).is_symlink()


@pytest.mark.parametrize("name", ["nodes.csv", "edges.csv"])
def test_csv_export_refuses_a_link_where_it_names_a_file(name, roadmap, tmp_path):
    folder = tmp_path / "tables"
    folder.mkdir()
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("someone's file", encoding="utf-8")
    (folder / name).symlink_to(elsewhere)
    result = run("-g", roadmap, "export", "--format", "graph-csv", "-o", folder)
    assert result.exit_code == 6 and "it is a symbolic link" in result.stderr, result.output
    assert elsewhere.read_text(encoding="utf-8") == "someone's file" and names(folder) == [name]


def test_a_link_the_user_named_is_still_followed(roadmap, tmp_path):
    real = tmp_path / "real.html"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.html"
    link.symlink_to(real)
    assert run("-g", roadmap, "explore", "-o", link).exit_code == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_report_folder_given_as_a_link_is_followed(roadmap, tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert run("-g", roadmap, "report", "-o", tmp_path / "link").exit_code == 0
    assert names(tmp_path / "real") == sorted([MARKER, "explorer.html", "index.html"])


#: Each command that writes, with the files it writes, as a function of a folder.
COMMANDS = {
    "draw": (lambda d: ["draw", "coverage", "-o", d / "f.svg"], ["f.svg"]),
    "export node-link": (lambda d: ["export", "--format", "node-link", "-o", d / "g.json"], ["g.json"]),
    "export graphml": (lambda d: ["export", "--format", "graphml", "-o", d / "g.graphml"], ["g.graphml"]),
    "export graph-csv": (lambda d: ["export", "--format", "graph-csv", "-o", d], ["edges.csv", "nodes.csv"]),
    "export csv": (lambda d: ["export", "--format", "csv", "-o", d], sorted(f"{s}.csv" for s in SHEETS)),
    "export xlsx": (lambda d: ["export", "--format", "xlsx", "-o", d / "r.xlsx"], ["r.xlsx"]),
    "explore": (lambda d: ["explore", "-o", d / "e.html"], ["e.html"]),
    "schema": (lambda d: ["schema", "-o", d / "s.json"], ["s.json"]),
    "report": (lambda d: ["report", "-o", d], [MARKER, "explorer.html", "index.html"]),
}


@pytest.mark.parametrize("mode", [0o600, 0o640])
@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_keeps_an_existing_outputs_permissions(command, mode, roadmap, tmp_path):
    """An existing 0600 output became 0644 (issue 9)."""
    args, files = COMMANDS[command]
    folder = tmp_path / "out"
    assert run("-g", roadmap, *args(folder)).exit_code == 0
    for name in files:
        (folder / name).chmod(mode)
        os.utime(folder / name, (0, 0))
    old = os.umask(0o022)
    try:
        result = run("-g", roadmap, *args(folder))
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    for name in files:
        info = (folder / name).stat()
        assert info.st_mtime > 0, name  # rewritten, not left alone
        assert stat.S_IMODE(info.st_mode) == mode, name
    assert names(folder) == sorted(files)


def test_no_named_temporary_file_while_data_is_written(tmp_path, monkeypatch):
    """With O_TMPFILE the data goes to a file with no name: a kill leaves nothing behind."""
    if writer._O_TMPFILE is None:
        pytest.skip("this system has no O_TMPFILE")
    (tmp_path / "a.txt").write_text("old", encoding="utf-8")
    seen: list[list[str]] = []
    real = writer._write_data

    def write_data(fd: int, item: Any) -> None:
        real(fd, item)
        seen.append(names(tmp_path))

    monkeypatch.setattr(writer, "_write_data", write_data)
    write_files([(tmp_path / "a.txt", "new a"), (tmp_path / "b.txt", "new b")])
    assert seen == [["a.txt"], ["a.txt"]]
    assert names(tmp_path) == ["a.txt", "b.txt"]


def test_named_temporaries_where_there_is_no_o_tmpfile(tmp_path, monkeypatch):
    monkeypatch.setattr(writer, "_O_TMPFILE", None)
    seen: list[list[str]] = []
    real = writer._write_data

    def write_data(fd: int, item: Any) -> None:
        real(fd, item)
        seen.append(names(tmp_path))

    monkeypatch.setattr(writer, "_write_data", write_data)
    write_files([(tmp_path / "a.txt", "a"), (tmp_path / "b.txt", "b")])
    assert len(seen[1]) == 2 and all(writer.TEMPORARY_NAME.fullmatch(n) for n in seen[1])
    assert names(tmp_path) == ["a.txt", "b.txt"]


def test_when_an_unnamed_file_cannot_be_linked_a_named_one_is_written(tmp_path, monkeypatch):
    def no_link(fd: int, name: Path) -> None:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(writer, "_link_descriptor", no_link)
    monkeypatch.setattr(writer, "_O_TMPFILE", writer._O_TMPFILE)  # restored after the test
    write_files([(tmp_path / "a.txt", "a"), (tmp_path / "b.txt", "b")])
    assert [p.read_text(encoding="utf-8") for p in sorted(tmp_path.iterdir())] == ["a", "b"]


def dead_pid() -> int:
    """The id of a process that has ended."""
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    return int(proc.stdout)


def test_stale_temporaries_of_a_killed_run_are_removed_on_the_next_write(tmp_path):
    stale = tmp_path / f".roadmap-graph-{dead_pid()}-0123456789ab.tmp"
    live = tmp_path / f".roadmap-graph-{os.getpid()}-0123456789ab.tmp"
    other = tmp_path / ".roadmap-graph-1-notatempfile.tmp"
    folder_like = tmp_path / f".roadmap-graph-{dead_pid()}-ba9876543210.tmp"
    for path in (stale, live, other):
        path.write_text("x", encoding="utf-8")
    folder_like.mkdir()
    write_file(tmp_path / "out.txt", "new")
    assert not stale.exists()
    assert live.exists() and other.exists() and folder_like.is_dir()  # only a dead run's files


def test_a_target_that_turns_into_a_fifo_before_the_commit_is_refused(tmp_path, monkeypatch):
    target = tmp_path / "out.txt"
    real = writer._write_data

    def write_data(fd: int, item: Any) -> None:
        real(fd, item)
        os.mkfifo(target)  # someone puts a FIFO there while the data is written

    monkeypatch.setattr(writer, "_write_data", write_data)
    with raises_en(OutputPathError, "it is a FIFO"):
        write_file(target, "x")
    assert stat.S_ISFIFO(os.lstat(target).st_mode) and names(tmp_path) == ["out.txt"]


def test_a_target_that_turns_into_a_link_before_the_commit_is_refused(tmp_path, monkeypatch):
    target, elsewhere = tmp_path / "nodes.csv", tmp_path / "elsewhere"
    elsewhere.write_text("keep", encoding="utf-8")
    real = writer._write_data

    def write_data(fd: int, item: Any) -> None:
        real(fd, item)
        target.symlink_to(elsewhere)

    monkeypatch.setattr(writer, "_write_data", write_data)
    with raises_en(OutputPathError, "it is a symbolic link"):
        write_file(target, "x", follow_links=False)
    assert elsewhere.read_text(encoding="utf-8") == "keep" and target.is_symlink()


def test_check_outputs_and_errors_are_one_family():
    assert issubclass(OutputValueError, OutputError)


# --- SIGKILL mid-write ---------------------------------------------------------------------------
#
# A child process runs the command line with markers at each step of the writer (through a
# pipe), and stops at the chosen one: the test SIGKILLs it exactly there. "start" kills it as
# it starts, "compute" half a second later (while a report loads and computes), "plan:F" once
# every page is made and nothing written. Then the folder must hold the
# whole old set or the whole new set, and no temporary file. The one documented window (a
# kill between two renames of the commit) is checked for what it leaves, and for the next
# run putting everything right.

CHILD = """\
import os, sys, time
from roadmap_graph.outputs import writer

marker_fd, kill_at, args = int(sys.argv[1]), sys.argv[2], sys.argv[3:]

def mark(what):
    os.write(marker_fd, (what + "\\n").encode())
    if what == kill_at:
        time.sleep(600)  # the parent kills the process here

real_plan, real_write, real_commit, real_replace = writer._plan, writer._write_data, writer._commit, os.replace

def plan(path, *args):
    mark("plan:" + path.name)
    return real_plan(path, *args)

def write_data(fd, item):
    half = len(item.data) // 2
    writer._write_data_part(fd, item.data[:half])
    mark("half:" + item.real.name)
    writer._write_data_part(fd, item.data[half:])

def commit(staged):
    mark("staged")
    real_commit(staged)
    mark("committed")

def replace(src, dst, **kwargs):
    real_replace(src, dst, **kwargs)
    mark("renamed:" + os.path.basename(dst))

def write_part(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]

writer._write_data_part = write_part
writer._plan, writer._write_data, writer._commit, os.replace = plan, write_data, commit, replace
if os.environ.get("ROADMAP_GRAPH_TEST_NAMED"):
    writer._O_TMPFILE = None
mark("start")
from roadmap_graph.cli import cli
cli.main(args, prog_name="roadmap-graph")
"""


def _generate() -> Any:
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py"
    spec = importlib.util.spec_from_file_location("benchmark_generate", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def kill_at(child: Path, args: list[str | Path], moment: str, *, named: bool = False) -> None:
    """Run ``roadmap-graph ARGS`` in a child and SIGKILL it at ``moment`` (a marker)."""
    import signal
    import subprocess
    import sys
    import time

    read, write = os.pipe()
    env = {**os.environ, "ROADMAP_GRAPH_TEST_NAMED": "1" if named else ""}
    with open(child.with_suffix(".err"), "wb") as err:
        proc = subprocess.Popen(
            [sys.executable, str(child), str(write), moment, "--lang", "en", *map(str, args)],
            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=err, env=env,
        )
    os.close(write)
    seen = []
    try:
        with os.fdopen(read, encoding="utf-8") as markers:
            for line in markers:
                seen.append(line.strip())
                if seen[-1] == moment or (moment == "compute" and seen[-1] == "start"):
                    if moment == "compute":
                        time.sleep(0.5)
                    assert proc.poll() is None, "the child ended before the kill"
                    proc.send_signal(signal.SIGKILL)
                    break
            else:
                raise AssertionError(f"never reached {moment}: {seen} {child.with_suffix('.err').read_text()}")
    finally:
        proc.kill()
        proc.wait(timeout=120)
    assert proc.returncode == -signal.SIGKILL


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def versions(folder: Path, old: dict[str, bytes], is_new: Any) -> dict[str, str]:
    """Which version each file of ``folder`` is: ``"old"`` (the same bytes as before) or
    ``"new"`` (a whole file of the new roadmap); anything else fails the test."""
    out = {}
    for name, data in snapshot(folder).items():
        if writer.TEMPORARY_NAME.fullmatch(name) or (name == MARKER and data == old.get(name)):
            continue  # temporaries are counted apart; the marker is the same in every report
        if name in old and data == old[name]:
            out[name] = "old"
        else:
            assert is_new(name, data), f"{name} is neither the old file nor a whole new one"
            out[name] = "new"
    return out


def temporaries(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if writer.TEMPORARY_NAME.fullmatch(p.name)]


def check_consistent(folder: Path, old: dict[str, bytes], is_new: Any, files: list[str]) -> str:
    assert temporaries(folder) == [], "temporary files left behind"
    assert names(folder) == sorted(files)
    found = set(versions(folder, old, is_new).values())
    assert len(found) == 1, f"a mix of old and new files: {versions(folder, old, is_new)}"
    return found.pop()


REPORT_MOMENTS = ["compute", "plan:index.html", "half:index.html", "half:explorer.html", "staged", "committed"]


def report_roadmap(path: Path, title: str) -> Path:
    path.write_text(TINY.replace("데모 로드맵", title), encoding="utf-8")
    return path


def test_a_kill_during_report_leaves_the_old_or_the_new_report(tmp_path):
    """A kill during ``report`` could leave a new index.html beside an old explorer.html (issue 9)."""
    child = tmp_path / "child.py"
    child.write_text(CHILD, encoding="utf-8")
    old_map = report_roadmap(tmp_path / "old.yaml", "OLDTITLE")
    new_map = report_roadmap(tmp_path / "new.yaml", "NEWTITLE")
    folder = tmp_path / "report"
    assert run("-g", old_map, "report", "-o", folder).exit_code == 0
    old = snapshot(folder)
    files = sorted(old)

    def is_new(name: str, data: bytes) -> bool:
        return b"NEWTITLE" in data and b"OLDTITLE" not in data and data.endswith(b"</html>\n")

    outcomes = {}
    for moment in REPORT_MOMENTS:
        kill_at(child, ["-g", new_map, "report", "-o", folder, "--force"], moment)
        outcomes[moment] = check_consistent(folder, old, is_new, files)
        if outcomes[moment] == "new":  # back to the old report for the next kill
            for name, data in old.items():
                (folder / name).write_bytes(data)
    assert outcomes == {**dict.fromkeys(REPORT_MOMENTS[:-1], "old"), "committed": "new"}

    # Named temporary files (no O_TMPFILE): a kill while writing leaves one, which the next
    # run removes.
    kill_at(child, ["-g", new_map, "report", "-o", folder, "--force"], "half:explorer.html", named=True)
    assert len(temporaries(folder)) == 3 and set(versions(folder, old, is_new).values()) == {"old"}
    # The one window: between the renames of the commit (microseconds without the pause
    # this test adds). Each file is whole; the set is mixed until the next run.
    kill_at(child, ["-g", new_map, "report", "-o", folder, "--force"], "renamed:index.html")
    assert versions(folder, old, is_new)["index.html"] == "new"
    assert versions(folder, old, is_new)["explorer.html"] == "old"
    assert run("-g", new_map, "report", "-o", folder).exit_code == 0
    assert check_consistent(folder, old, is_new, files) == "new"


CSV_MOMENTS = ["start", "plan:nodes.csv", "half:nodes.csv", "half:edges.csv", "staged", "committed"]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    generate = _generate()
    folder = tmp_path_factory.mktemp("synthetic")
    return (
        generate.write_json(generate.synthetic_data(2000, seed=1), folder / "old.json"),
        generate.write_json(generate.synthetic_data(2000, seed=2), folder / "new.json"),
    )


def csv_versions(synthetic: tuple[Path, Path], tmp_path: Path) -> tuple[dict[str, bytes], dict[str, bytes]]:
    old_map, new_map = synthetic
    for name, path in (("old", old_map), ("new", new_map)):
        assert run("-g", path, "export", "--format", "graph-csv", "-o", tmp_path / name).exit_code == 0
    return snapshot(tmp_path / "old"), snapshot(tmp_path / "new")


def test_a_kill_during_csv_export_leaves_the_old_or_the_new_tables(synthetic, tmp_path):
    child = tmp_path / "child.py"
    child.write_text(CHILD, encoding="utf-8")
    old, new = csv_versions(synthetic, tmp_path)
    folder = tmp_path / "tables"
    outcomes = {}
    for moment in CSV_MOMENTS:
        folder.mkdir(exist_ok=True)
        for name, data in old.items():
            (folder / name).write_bytes(data)
        kill_at(child, ["-g", synthetic[1], "export", "--format", "graph-csv", "-o", folder], moment)
        outcomes[moment] = check_consistent(folder, old, lambda name, data: new[name] == data, sorted(old))
    assert outcomes == {**dict.fromkeys(CSV_MOMENTS[:-1], "old"), "committed": "new"}


def test_kills_at_arbitrary_moments_of_a_real_csv_export(synthetic, tmp_path):
    """No hooks: the real command, killed at moments spread over its run time."""
    import signal
    import subprocess
    import sys
    import time

    old, new = csv_versions(synthetic, tmp_path)
    folder = tmp_path / "tables"
    command = [sys.executable, "-m", "roadmap_graph", "--lang", "en", "-g", str(synthetic[1]), "export", "--format", "graph-csv", "-o", str(folder)]
    folder.mkdir()
    start = time.monotonic()
    subprocess.run(command, check=True, capture_output=True)
    duration = time.monotonic() - start
    outcomes = []
    for fraction in (0.3, 0.6, 0.8, 0.9, 0.95, 1.0):
        for name, data in old.items():
            (folder / name).write_bytes(data)
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(duration * fraction)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=120)
        outcomes.append(check_consistent(folder, old, lambda name, data: new[name] == data, sorted(old)))
    assert set(outcomes) <= {"old", "new"}
