"""Hostile and broken files: every one is a located load problem, fast, never a crash.

Each repro of issue 9 (reading bytes and turning YAML/JSON into data) is a regression case
here, in YAML and in JSON where both apply; then the limits and their overrides, the
refusal of special files, and a property over random tagged scalars.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

import roadmap_graph as rg
from roadmap_graph.cli import _LoadProgress, cli
from roadmap_graph.fileformat.limits import ENVIRONMENT_VARIABLE, Limits

from .conftest import examples

YAML = """\
schema_version: 1
roadmap: {id: demo, title: 데모}
fields: [{id: ai, name: 인공지능}]
nodes:
  - {id: m1, kind: mission, field: ai, name: 임무, requires: [t1]}
  - {id: t1, kind: core_technology, field: ai, name: NAME, targets: [{metric: m, value: VALUE}]}
"""
# Where NAME and VALUE stand in YAML (line 6; columns of the values written there).
NAME_AT = (6, 54)


def yaml_with(name: str = "기술", value: str = "1") -> str:
    return YAML.replace("NAME", name).replace("VALUE", value)


def json_with(name: str = '"기술"', value: str = "1") -> str:
    text = (
        '{"schema_version": 1, "roadmap": {"id": "demo", "title": "t"},\n'
        '"fields": [{"id": "ai", "name": "AI"}],\n'
        '"nodes": [{"id": "t1", "kind": "core_technology", "field": "ai",\n'
        '  "name": NAME, "targets": [{"metric": "m", "value": VALUE}]}]}\n'
    )
    return text.replace("NAME", name).replace("VALUE", value)


def problems(path: str, **kwargs) -> list[tuple[int | None, int | None, str]]:
    """The problems of loading ``path`` as (line, column, English message)."""
    with pytest.raises(rg.RoadmapLoadError) as info:
        rg.load_roadmap(path, **kwargs)
    return [(p.location.line, p.location.column, p.message.text("en")) for p in info.value.problems]


def only(path: str, **kwargs) -> tuple[int | None, int | None, str]:
    found = problems(path, **kwargs)
    assert len(found) == 1, found
    return found[0]


def test_valid_files_still_load(write):
    assert len(rg.load_roadmap(write("ok.yaml", yaml_with())).nodes) == 2
    assert len(rg.load_roadmap(write("ok.json", json_with())).nodes) == 1


# --- tags --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("!foo bar", r"the tag !foo is not allowed"),
        ("!!python/object/apply:os.system [b]", r"the tag !!python/object/apply:os\.system is not allowed"),
        ("!!python/object/apply:os.system {a: b}", r"the tag !!python/object/apply:os\.system is not allowed"),
        ("!!python/name:os.system x", r"the tag !!python/name:os\.system is not allowed"),
        ("!!set {a, b}", r"the tag !!set is not allowed"),
        ("!!binary aGVsbG8=", r"the tag !!binary is not allowed"),
        ("!!int abc", r"'abc' is not a valid !!int value"),
        ("!!float abc", r"'abc' is not a valid !!float value"),
        ("!!bool maybe", r"'maybe' is not a valid !!bool value"),
        ("!!bool yes", r"'yes' is not a valid !!bool value"),
        ("!!null nothing", r"'nothing' is not a valid !!null value"),
    ],
)
def test_unknown_dangerous_and_bad_tags_are_located_errors(write, name, message):
    line, column, text = only(write("t.yaml", yaml_with(name=name)))
    assert (line, column) == NAME_AT
    assert re.search(message, text), text


def test_a_tag_on_a_collection_is_not_dropped(write):
    """The issue's repro: the tag of a list was dropped and ``[b]`` read."""
    path = write("t.yaml", YAML + "extra: !!python/object/apply:os.system [b]\n")
    found = problems(path)
    assert (7, 8) in [(line, col) for line, col, _ in found]
    assert any("!!python/object/apply:os.system is not allowed" in m for _, _, m in found)


def test_a_tag_on_a_key_is_an_error(write):
    path = write("t.yaml", YAML.replace("{id: demo,", "{!!python/name:os.system id: demo,"))
    assert any("!!python/name:os.system is not allowed" in m for _, _, m in problems(path))


def test_core_tags_are_read(write):
    path = write("t.yaml", yaml_with(name="!!str 2030", value="!!float 1"))
    node = rg.load_roadmap(path).node("t1")
    assert node.name == "2030" and node.targets[0].value == 1.0


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize("date", ["2023-02-30", "2023-10-31T25:00:00", "2023-13-01"])
def test_impossible_dates_are_located_errors(write, date):
    path = write("d.yaml", yaml_with().replace("title: 데모}", f"title: 데모, published: {date}}}"))
    line, column, text = only(path)
    assert (line, column) == (2, 43)
    assert "must be a date written YYYY-MM-DD" in text


def test_a_date_is_a_date_where_dates_are_allowed_and_text_elsewhere(write):
    path = write("d.yaml", yaml_with(name="2023-10-31").replace("title: 데모}", "title: 데모, published: 2023-10-31}"))
    roadmap = rg.load_roadmap(path)
    assert str(roadmap.roadmap.published) == "2023-10-31"
    assert roadmap.node("t1").name == "2023-10-31"


# --- numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [".nan", ".NaN", ".inf", "-.inf", "1e999", "!!float .nan"])
def test_nan_and_infinity_are_refused_in_yaml(write, value):
    line, _, text = only(write("n.yaml", yaml_with(value=value)))
    assert line == 6 and "not a finite number" in text


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_nan_and_infinity_are_refused_in_json(write, value):
    line, column, text = only(write("n.json", json_with(value=value)))
    assert (line, column) == (4, 54) and "not a finite number" in text, text


@pytest.mark.parametrize("value", ['"NaN"', '"inf"', '"Infinity"'])
def test_nan_as_text_is_not_a_number(write, value):
    line, _, text = only(write("n.yaml", yaml_with(value=value)))
    assert line == 6 and "must be a number" in text


def test_the_models_refuse_nan_and_infinity():
    for bad in (float("nan"), float("inf")):
        with pytest.raises(ValidationError):
            rg.Target(metric="m", value=bad)


@pytest.mark.parametrize("kind", ["yaml", "json"])
def test_a_5000_digit_number_is_a_located_limit_error(write, kind):
    digits = "9" * 5000
    path = write(f"n.{kind}", yaml_with(value=digits) if kind == "yaml" else json_with(value=digits))
    line, _, text = only(path)
    assert line in (4, 6)
    assert "too many digits (5000)" in text and "int_digits = 100" in text and "--limit int_digits=" in text


def test_beyond_pythons_digit_limit_is_still_a_located_error(write):
    path = write("n.yaml", yaml_with(value="9" * 5000))
    line, _, text = only(path, limits=Limits(int_digits=10_000))
    assert line == 6 and "not a valid !!int value" in text


# --- characters ------------------------------------------------------------------------------


def test_an_escape_beyond_unicode_is_a_located_error(write):
    line, column, text = only(write("e.yaml", yaml_with(name='"\\U00110000"')))
    assert (line, column) == (6, 57)
    assert "the escape \\U00110000 names no Unicode character" in text


@pytest.mark.parametrize("code", [0x00, 0x01, 0x08, 0x0B, 0x1F, 0x7F, 0xD800, 0xDFFF, 0xFFFE, 0xFFFF])
def test_control_characters_and_surrogates_are_refused_in_any_string(write, code):
    escape = f"\\u{code:04x}"
    line, column, text = only(write("c.yaml", yaml_with(name=f'"a{escape}b"')))
    assert (line, column) == NAME_AT and f"U+{code:04X}" in text
    line, column, text = only(write("c.json", json_with(name=f'"a{escape}b"')))
    assert (line, column) == (4, 11) and f"U+{code:04X}" in text


def test_tab_newline_and_carriage_return_are_text(write):
    assert rg.load_roadmap(write("c.yaml", yaml_with(name='"a\\tb\\nc\\rd"'))).node("t1").name == "a\tb\nc\rd"
    assert rg.load_roadmap(write("c.json", json_with(name='"a\\tb\\nc"'))).node("t1").name == "a\tb\nc"


def test_a_control_character_in_a_key_is_refused(write):
    path = write("c.yaml", YAML.replace("{id: demo,", '{"i\\x01d": demo, id: demo,'))
    assert any("U+0001" in m for _, _, m in problems(path))


@pytest.mark.parametrize("raw", ["\x00", "\x01", "\x7f", "\ufffe"])
@pytest.mark.parametrize("kind", ["yaml", "json"])
def test_raw_bad_characters_give_line_and_column(write, raw, kind):
    """The issue's repro: a raw NUL said "position 44" of "<unicode string>"."""
    text = yaml_with(name=f"a{raw}b") if kind == "yaml" else json_with(name=f'"a{raw}b"')
    line, column, message = only(write(f"r.{kind}", text.encode()))
    assert (line, column) == ((6, 55) if kind == "yaml" else (4, 13)), message
    assert f"U+{ord(raw):04X}" in message


def test_a_lone_surrogate_in_text_given_to_loads_roadmap(write):
    for path, text in (("s.yaml", yaml_with(name="a\ud800")), ("s.json", json_with(name='"a\ud800"'))):
        with pytest.raises(rg.RoadmapLoadError) as info:
            rg.loads_roadmap(text, path=path)
        (problem,) = info.value.problems
        assert problem.location.line is not None and "U+D800" in problem.message.text("en")


# --- nesting -----------------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [65, 500, 100_000])
@pytest.mark.parametrize("kind", ["yaml", "json"])
def test_deep_nesting_stops_at_the_depth_limit(write, depth, kind):
    """The issue's repro: lists nested 500 deep raised RecursionError."""
    lists = "[" * depth + "]" * depth
    text = f"a: {lists}\n" if kind == "yaml" else f'{{"a": {lists}}}'
    line, column, message = only(write(f"d.{kind}", text))
    assert (line, column) == ((1, 68) if kind == "yaml" else (1, 71))
    assert "nest too deeply" in message and "depth = 64" in message and "--limit depth=" in message


def test_depth_64_is_allowed(write):
    text = "a: " + "[" * 63 + "]" * 63 + "\n"
    assert "nest too deeply" not in " ".join(m for _, _, m in problems(write("d.yaml", text)))


def test_deep_block_nesting_is_located(write):
    text = "a:\n" + "".join(" " * i + "- \n" for i in range(200))
    line, column, message = only(write("d.yaml", text))
    assert (line, column) == (66, 65) and "nest too deeply" in message


def test_brackets_inside_text_are_text(write):
    name = '"' + "[" * 100 + '"'
    assert rg.load_roadmap(write("b.yaml", yaml_with(name=name))).node("t1").name == "[" * 100


def test_aliases_cannot_nest_deeper_than_the_limit(write):
    inner = "[" * 40 + "x" + "]" * 40
    text = f"a: &deep {inner}\nb: " + "[" * 40 + "*deep" + "]" * 40 + "\n"
    assert "nest too deeply" in only(write("d.yaml", text))[2]


def test_a_depth_raised_beyond_pythons_stack_is_still_located(write):
    text = "a: " + "[" * 5000 + "]" * 5000 + "\n"
    line, column, message = only(write("d.yaml", text), limits=Limits(depth=100_000))
    assert line == 1 and column is not None and "nest" in message


# --- aliases -------------------------------------------------------------------------------------

BOMB = "\n".join(
    ["a0: &a0 [lol]"] + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
) + "\n"


def test_the_alias_bomb_fails_fast_in_little_memory(tmp_path):
    """The issue's repro: nine anchors, each a list of nine aliases of the one before
    (9^9 values) ran out of 12 GB. Memory is measured in a fresh process: its VmHWM where
    there is /proc (Linux's ru_maxrss keeps the peak of the process it was forked from,
    pytest's here), else getrusage."""
    path = tmp_path / "bomb.yaml"
    path.write_text(BOMB)
    assert len(BOMB.encode()) < 600
    code = textwrap.dedent(
        f"""
        import resource, sys
        import roadmap_graph as rg
        try:
            rg.load_roadmap({str(path)!r})
        except rg.RoadmapLoadError as err:
            print(err.render("en"))
        try:
            with open("/proc/self/status") as status:
                print(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
        except OSError:
            print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // (1024 if sys.platform == "darwin" else 1))
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True).stdout
    message, peak_kib = out.strip().rsplit("\n", 1)
    assert "alias bomb" in message and "alias_expansions = 100000" in message
    assert re.match(rf"{re.escape(str(path))}:\d+:\d+: error:", message)
    assert int(peak_kib) < 200 * 1024


def test_a_few_aliases_are_fine(write):
    text = yaml_with().replace("requires: [t1]", "requires: &req [t1]") + "  - {id: m2, kind: mission, field: ai, name: 둘, requires: *req}\n"
    assert rg.load_roadmap(write("a.yaml", text)).node("m2").requires[0].id == "t1"


def test_alias_expansions_limit_can_be_raised(write):
    text = "\n".join(["a0: &a0 [x]"] + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 4)}]" for i in range(1, 6)]) + "\n"
    assert "alias bomb" in only(write("a.yaml", text), limits=Limits(alias_expansions=100))[2]
    assert "alias bomb" not in " ".join(m for _, _, m in problems(write("a.yaml", text)))


# --- text length, nodes, links, file size ------------------------------------------------------


@pytest.mark.parametrize("kind", ["yaml", "json"])
def test_a_text_beyond_the_limit_is_located(write, kind):
    long = '"' + "가" * 100_001 + '"'
    path = write(f"s.{kind}", yaml_with(name=long) if kind == "yaml" else json_with(name=long))
    line, column, message = only(path)
    assert (line, column) == (NAME_AT if kind == "yaml" else (4, 11))
    assert "too long (100001 characters)" in message and "string_chars = 100000" in message
    assert rg.load_roadmap(path, limits=Limits(string_chars=200_000)).node("t1").name == "가" * 100_001


@pytest.mark.parametrize("quote", ["", '"', "'"])
def test_a_text_of_millions_of_characters_is_refused_before_the_scanner_reads_it(write, quote):
    # ruamel reads a text a character at a time: five million take seconds before anything
    # could count them, so such a run is found first, and its place given.
    huge = quote + "가" * 5_000_000 + quote
    line, column, message = only(write("h.yaml", yaml_with(name=huge)))
    assert (line, column) == NAME_AT
    assert "too long (5000000 characters)" in message


def test_a_long_line_of_short_texts_is_not_a_long_text(write):
    # One line of 30,000 ids in a flow list is longer than the limit; no text in it is.
    ids = ", ".join(f"t{i}" for i in range(30_000))
    text = yaml_with().replace("targets:", f"requires: [{ids}]\n    targets:", 1)
    found = problems(write("l.yaml", text))
    assert found and all("too long" not in message for _, _, message in found)


def test_too_many_nodes_points_at_the_first_one_beyond(write):
    line, column, message = only(write("n.yaml", yaml_with()), limits=Limits(nodes=1))
    assert (line, column) == (6, 5)
    assert "too many nodes" in message and "nodes = 1" in message and "--limit nodes=10" in message
    assert f"{ENVIRONMENT_VARIABLE}=nodes=10" in message


def test_the_node_limit_counts_every_file(write):
    first = write("a.yaml", yaml_with())
    second = write("b.yaml", yaml_with().replace("m1", "m9").replace("t1", "t9"))
    assert len(rg.load_roadmap([first, second], limits=Limits(nodes=4)).nodes) == 4
    found = problems([first, second], limits=Limits(nodes=3))
    assert any("too many nodes" in m for _, _, m in found)


def test_too_many_links(write):
    """requires, members of any_of and supported_by count; here 1 + 2 links."""
    text = YAML.replace("requires: [t1]", "requires: [t1], any_of: [[t2, t3]]").replace("NAME", "기술").replace("VALUE", "1")
    text += "".join(f"  - {{id: {t}, kind: core_technology, field: ai, name: 기술}}\n" for t in ("t2", "t3"))
    path = write("l.yaml", text)
    assert len(rg.load_roadmap(path, limits=Limits(links=3)).nodes) == 4
    line, column, message = only(path, limits=Limits(links=2))
    assert (line, column) == (5, 5)
    assert "too many links" in message and "links = 2" in message


def test_too_many_links_in_json(write):
    path = write("l.json", json_with().replace('"field": "ai",', '"field": "ai", "requires": ["t1", "t1"],'))
    assert "too many links" in only(path, limits=Limits(links=1))[2]


def test_a_file_beyond_the_size_limit_is_not_read(write):
    path = write("big.yaml", yaml_with())
    assert only(path, limits=Limits(file_bytes=100)) == (
        None,
        None,
        "the file is too large: beyond the limit file_bytes = 100; if the roadmap is really this large, "
        f"raise it with the option --limit file_bytes=1000 or the environment variable {ENVIRONMENT_VARIABLE}=file_bytes=1000",
    )


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_a_file_that_says_it_is_empty_is_read_only_to_the_limit():
    """Files in /proc say they are 0 bytes: the read itself stops at the limit."""
    assert "the file is too large" in only("/proc/self/status", limits=Limits(file_bytes=10))[2]


def test_loads_roadmap_applies_the_size_limit():
    with pytest.raises(rg.RoadmapLoadError, match="file_bytes"):
        rg.loads_roadmap(yaml_with(), limits=Limits(file_bytes=100))


# --- special files ----------------------------------------------------------------------------


def test_a_folder_is_refused(tmp_path):
    assert only(str(tmp_path))[2] == "this is a folder, not a regular file; give the path of a roadmap file"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_dev_zero_is_refused_at_once():
    assert only("/dev/zero")[2] == "this is a device, not a regular file; give the path of a roadmap file"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_and_does_not_hang(tmp_path):
    fifo = tmp_path / "roadmap.yaml"
    os.mkfifo(fifo)
    run = subprocess.run(
        [sys.executable, "-m", "roadmap_graph", "--lang", "en", "-g", str(fifo), "validate"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 3
    assert run.stderr.strip() == f"{fifo}: error: this is a FIFO (named pipe), not a regular file; give the path of a roadmap file"


def test_a_missing_file_is_still_cannot_read(tmp_path):
    assert "cannot read the file" in only(str(tmp_path / "missing.yaml"))[2]


# --- JSON syntax --------------------------------------------------------------------------------


def test_json_syntax_errors_carry_line_and_column(write):
    line, column, message = only(write("s.json", json_with(value="1,,")))
    assert (line, column) == (4, 56) and "syntax error" in message


def test_duplicate_json_keys_are_located(write):
    text = json_with().replace('"name": "기술"', '"name": "a", "name": "b"')
    line, _, message = only(write("k.json", text))
    assert line == 4 and "duplicate key 'name'" in message


# --- the limits themselves -----------------------------------------------------------------------


def test_limit_specs():
    limits = Limits().with_spec("nodes=2M, file_bytes=1GB,links=3_000_000")
    assert (limits.nodes, limits.file_bytes, limits.links) == (2_000_000, 10**9, 3_000_000)
    assert Limits().with_spec(["depth=100", "string_chars=1k", "file_bytes=64MiB"]) == Limits(
        depth=100, string_chars=1000, file_bytes=64 * 2**20
    )
    assert Limits().with_spec("") == Limits()


@pytest.mark.parametrize("spec", ["nodes", "node=5", "nodes=", "nodes=-1", "nodes=0", "nodes=1.5", "nodes=5X", "=5"])
def test_bad_limit_specs_are_clear_option_errors(spec):
    with pytest.raises(rg.InvalidOptionError) as info:
        Limits().with_spec(spec)
    assert re.search(r"limit", info.value.render("en"))


def test_bad_limit_values_in_code():
    with pytest.raises(rg.InvalidOptionError):
        Limits(nodes=0)


def test_the_environment_variable_sets_the_limits(write, monkeypatch):
    path = write("e.yaml", yaml_with())
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, "nodes=1")
    assert "too many nodes" in only(path)[2]
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, "nodes=oops")
    with pytest.raises(rg.InvalidOptionError):
        rg.load_roadmap(path)


def test_the_limit_option_and_the_environment(write, monkeypatch):
    path = write("c.yaml", yaml_with())
    runner = CliRunner()
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, "nodes=1")
    result = runner.invoke(cli, ["--lang", "en", "-g", path, "validate"])
    assert result.exit_code == 3 and "too many nodes" in result.output
    result = runner.invoke(cli, ["--lang", "en", "--limit", "nodes=2", "-g", path, "validate"])
    assert result.exit_code == 0, result.output
    monkeypatch.delenv(ENVIRONMENT_VARIABLE)
    result = runner.invoke(cli, ["--lang", "en", "--limit", "depth=2", "--limit", "nodes=1", "-g", path, "validate"])
    assert result.exit_code == 3 and "nest too deeply" in result.output
    result = runner.invoke(cli, ["--lang", "en", "--limit", "nodez=1", "-g", path, "validate"])
    assert result.exit_code == 2 and "cannot read the limit 'nodez=1'" in result.output


# --- progress ------------------------------------------------------------------------------------


def test_load_reports_its_phases(write):
    seen: list[str] = []
    rg.load_roadmap(write("p.yaml", yaml_with()), progress=lambda m: seen.append(m.text("en")))
    assert [s.split()[0] for s in seen] == ["reading", "parsing", "validating", "checking"]
    assert seen[-1] == "checking references (2 nodes, 1 links)"


def test_the_cli_shows_progress_only_on_a_terminal_and_only_after_a_while(monkeypatch, capsys):
    phase = rg.fileformat.loading.Message("load.progress.checking", nodes=1, links=2)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    with _LoadProgress("en") as progress:
        progress(phase)
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    with _LoadProgress("en") as progress:  # a quick load
        progress(phase)
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(_LoadProgress, "DELAY", 0.0)
    with _LoadProgress("en") as progress:
        progress(phase)
        progress._show_latest()  # what the timer does once the delay is over
        progress(phase)
    assert capsys.readouterr().err == "… checking references (1 nodes, 2 links)\n" * 2


# --- the property --------------------------------------------------------------------------------

TAGS = ["", "!!str ", "!!int ", "!!float ", "!!bool ", "!!null ", "!!timestamp ", "!!binary ", "!foo ", "!!map ", "!!seq ", "!!python/none "]


def located_or_loads(text: str, path: str) -> None:
    """Load ``text``; a failure must be the package's error, every problem with a line."""
    try:
        rg.loads_roadmap(text, path=path)
    except rg.RoadmapLoadError as err:
        unlocated = [p for p in err.problems if p.location is None or p.location.line is None]
        problems = err.problems
    else:
        return
    assert problems and not unlocated, unlocated


@examples(300)
@given(tag=st.sampled_from(TAGS), scalar=st.text(max_size=30), quoted=st.booleans())
def test_random_tagged_scalars_load_or_give_a_located_error(tag, scalar, quoted):
    value = json.dumps(scalar) if quoted else scalar
    located_or_loads(yaml_with(name=tag + value), "p.yaml")
    located_or_loads(yaml_with(value=tag + value), "p.yaml")


@examples(300)
@given(value=st.one_of(st.integers(), st.floats(), st.text(max_size=20), st.booleans(), st.none()))
def test_random_json_values_load_or_give_a_located_error(value):
    located_or_loads(json_with(value=json.dumps(value)), "p.json")


def test_a_long_text_in_a_json_list_or_key_is_caught_too(write):
    """The fast JSON reading checks only mapping values; ids in lists and keys fail the
    schema when that long, and the re-reading with positions locates them."""
    long = "a" * 100_001
    in_list = json_with().replace('"field": "ai",', f'"field": "ai", "requires": ["{long}"],')
    assert "string_chars = 100000" in only(write("l.json", in_list))[2]
    as_key = json_with().replace('"field": "ai",', f'"field": "ai", "{long}": 1,')
    line, _, message = only(write("k.json", as_key))  # found before YAML's 1024-character key rule
    assert line == 3 and "too long (100001 characters)" in message
