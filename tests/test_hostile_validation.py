"""Hostile and careless inputs to validation and merging (issue 9): did-you-mean stays
linear, messages stay bounded, every problem is located and nothing is accepted silently."""

from __future__ import annotations

import difflib
import json
import re

import pytest
from click.testing import CliRunner
from hypothesis import assume, given
from hypothesis import strategies as st

import roadmap_graph as rg
from roadmap_graph.cli import MAX_PROBLEMS, cli
from roadmap_graph.errors import RoadmapLoadError
from roadmap_graph.fileformat.validation import find_problems
from roadmap_graph.vocabulary import (
    EXCERPT_LIMIT,
    LISTING_LIMIT,
    Suggester,
    listing,
    verbatim,
)

from .conftest import HEADER, examples


def problems_of(paths: str | list[str]) -> list[str]:
    with pytest.raises(RoadmapLoadError) as info:
        rg.load_roadmap(paths)
    return [p.render("en") for p in info.value.problems]


def dangling(n: int, target: str = "missing_{i:05d}_x") -> rg.Roadmap:
    """A roadmap of ``n`` nodes, each requiring one id that exists nowhere."""
    nodes = [
        {"id": f"node_{i:05d}", "kind": "core_technology", "field": "ai", "name": "n", "requires": [target.format(i=i)]}
        for i in range(n)
    ]
    data = {"schema_version": 1, "roadmap": {"id": "x", "title": "t"}, "fields": [{"id": "ai", "name": "가"}], "nodes": nodes}
    return rg.Roadmap.model_validate(data)


# --- did-you-mean: bounded work per link --------------------------------------------------


class _Counting(difflib.SequenceMatcher):
    compared = 0

    def set_seq1(self, a: str) -> None:  # type: ignore[override]
        type(self).compared += 1
        super().set_seq1(a)


def comparisons(monkeypatch: pytest.MonkeyPatch, roadmap: rg.Roadmap) -> tuple[int, int]:
    """(sequence comparisons, problems) of checking ``roadmap``."""
    _Counting.compared = 0
    monkeypatch.setattr(difflib, "SequenceMatcher", _Counting)
    found = find_problems(roadmap)
    return _Counting.compared, len(found)


@pytest.mark.parametrize("target", ["missing_{i:05d}_x", "node_{i:05d}x", "zz{i}"])
def test_did_you_mean_compares_a_bounded_number_of_ids_per_link(monkeypatch, target):
    # Before: every dangling link was compared with every id (n² comparisons).
    small, n_small = comparisons(monkeypatch, dangling(500, target))
    large, n_large = comparisons(monkeypatch, dangling(4000, target))
    assert n_small == 500 and n_large == 4000
    assert large <= 4000 * Suggester.SMALL
    assert large <= 8 * max(small, 1) + 8 * Suggester.SMALL  # linear, not quadratic, in links


def test_ten_thousand_dangling_links_all_reported_with_at_most_three_suggestions():
    found = find_problems(dangling(10_000, "node_{i:05d}x"))
    assert len(found) == 10_000
    for _, message in found[:: 97]:
        hint = dict(message.params)["hint"].text("en")
        assert hint.count("'") <= 2 * Suggester.MOST
    # a one-character slip gets the id it was meant to be
    assert "did you mean 'node_00007'?" in found[7][1].text("en")


def test_suggester_answers_a_repeated_word_once(monkeypatch):
    suggester = Suggester([f"id_{i}" for i in range(1000)])
    _Counting.compared = 0
    monkeypatch.setattr(difflib, "SequenceMatcher", _Counting)
    first = suggester.closest("id_12x")
    once = _Counting.compared
    assert suggester.closest("id_12x") == first and _Counting.compared == once
    assert "id_12" in first


def _edit_distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (ca != cb))
    return row[-1]


ids = st.text(alphabet="abcde_01", min_size=3, max_size=14).map(lambda s: "x" + s)


@st.composite
def typo_of_one(draw: st.DrawFn) -> tuple[list[str], str, str]:
    choices = draw(st.lists(ids, min_size=1, max_size=80, unique=True))
    intended = draw(st.sampled_from(choices))
    at = draw(st.integers(0, len(intended)))
    char = draw(st.sampled_from("abcde_01z"))
    edit = draw(st.sampled_from(["insert", "delete", "substitute"]))
    if edit == "insert":
        word = intended[:at] + char + intended[at:]
    elif edit == "delete":
        word = intended[:at] + intended[at + 1 :]
    else:
        word = intended[:at] + char + intended[at + 1 :]
    return choices, intended, word


@examples(600)
@given(typo_of_one(), st.booleans())
def test_a_one_edit_typo_suggests_the_id_meant(case, indexed):
    choices, intended, word = case
    distances = {c: _edit_distance(word, c) for c in choices}
    assume(len(word) >= 3 and distances[intended] == 1)
    assume(all(d >= 2 for c, d in distances.items() if c != intended))  # the unique closest
    suggester = Suggester(choices)
    if indexed:  # the trigram index, not the small-set scan
        suggester.SMALL = 0
    close = suggester.closest(word)
    assert intended in close
    assert len(close) <= Suggester.MOST


def test_suggestions_are_closest_first_and_at_most_three():
    choices = ["ai_vision", "ai_visions", "ai_vison_x", "ai_vis", "bio_vaccine"] + [f"filler_{i}" for i in range(50)]
    hint = Suggester(choices).hint("ai_visio").text("en")
    assert hint == " (did you mean 'ai_vision' or 'ai_vis'?)" or hint.startswith(" (did you mean 'ai_vision'")
    assert Suggester(choices).hint("qqqqqqqq").text("en") == ""


# --- messages: bounded excerpts, bounded listings, capped output -----------------------------


def test_a_five_million_character_id_gives_a_short_message(write, monkeypatch):
    huge = "A" * 5_000_000  # quoted back by the message: "kind must be one of ..., not 'AAA…'"
    path = write("huge.json", json.dumps({**_roadmap_json(), "nodes": [_node("a", kind=huge)]}))
    (message,) = problems_of(path)  # the string_chars limit refuses it first, briefly
    assert len(message) < 1000 and "string_chars" in message, len(message)
    monkeypatch.setenv("ROADMAP_GRAPH_LIMITS", "string_chars=10M")  # past the limit: the schema's message
    (message,) = problems_of(path)
    assert len(message) < 1000, len(message)
    assert "kind must be one of" in message and "5,000,002 characters" in message  # (with the quotes)
    assert re.match(rf"{re.escape(path)}:\d+:\d+: error: ", message)


def test_verbatim_quotes_an_excerpt_with_the_length():
    value = "x" * 70 + "y" * 300 + "z" * 50
    for lang in ("ko", "en"):
        shown = verbatim(value).text(lang)
        assert len(shown) <= EXCERPT_LIMIT + 40
        assert shown.startswith("x" * 70) and shown.endswith("z" * 40) and "420" in shown
    assert verbatim("short_id").text("en") == "short_id"
    assert verbatim(value).value == value  # the whole value is kept, only the text is bounded


def test_a_listing_names_its_first_items_and_counts_the_rest():
    items = [f"s{i}" for i in range(1000)]
    en, ko = listing(items).text("en"), listing(items).text("ko")
    assert en.startswith("s0, s1, ") and en.endswith(f"and {1000 - LISTING_LIMIT:,} more")
    assert f"s{LISTING_LIMIT - 1} and" in en and f"s{LISTING_LIMIT}," not in en
    assert "970" in ko and not re.search("[a-z]{3}", ko.replace("s", ""))


def test_unknown_source_among_many_lists_a_bounded_number(write):
    sources = ", ".join(f"{{id: src_{i}}}" for i in range(2000))
    text = f"schema_version: 1\nroadmap: {{id: x, title: t, sources: [{sources}]}}\nfields: [{{id: ai, name: 가}}]\n"
    text += "nodes:\n" + "".join(
        f"  - {{id: n{i}, kind: mission, field: ai, name: 가, sources: [{{source: nope_{i}}}]}}\n" for i in range(300)
    )
    found = problems_of(write("s.yaml", text))
    assert len(found) == 300
    assert max(map(len, found)) < 2000


def _dangling_file(write, n: int) -> str:
    return write("d.yaml", HEADER + "nodes:\n" + "".join(
        f"  - {{id: node_{i}, kind: core_technology, field: ai, name: n, requires: [gone_{i}_q]}}\n" for i in range(n)
    ))


@pytest.mark.parametrize(("lang", "more"), [("en", "and 150 more problems (250 in all)"), ("ko", "문제 150개 더 (모두 250개)")])
def test_cli_shows_the_first_problems_and_counts_the_rest(write, lang, more):
    path = _dangling_file(write, 250)
    result = CliRunner().invoke(cli, ["--lang", lang, "-g", path, "validate"], catch_exceptions=False)
    lines = result.stderr.strip().splitlines()
    assert result.exit_code == 3
    assert len(lines) == MAX_PROBLEMS + 1
    assert all(re.match(rf"{re.escape(path)}:\d+:\d+: error: ", line) for line in lines[:-1])
    assert more in lines[-1] and "--max-problems 0" in lines[-1]


@pytest.mark.parametrize("args", [["--max-problems", "0", "validate"], ["validate", "--max-problems", "0"]])
def test_max_problems_zero_shows_them_all(write, args):
    path = _dangling_file(write, 250)
    result = CliRunner().invoke(cli, ["-g", path, *args], catch_exceptions=False)
    assert result.exit_code == 3 and len(result.stderr.strip().splitlines()) == 250


def test_the_error_keeps_every_problem(write):
    path = _dangling_file(write, 250)
    assert len(problems_of(path)) == 250


# --- JSON read on the fast path: problems located like YAML's -------------------------------


def _roadmap_json(**header: object) -> dict:
    return {"schema_version": 1, "roadmap": {"id": "x", "title": "t", **header}, "fields": [{"id": "ai", "name": "인공지능"}]}


def _node(node_id: str, **more: object) -> dict:
    return {"id": node_id, "kind": "core_technology", "field": "ai", "name": "가", **more}


def test_unknown_node_in_valid_json_has_line_and_column(write):
    text = json.dumps({**_roadmap_json(), "nodes": [_node("a"), _node("b", requires=["zz"])]}, indent=1)
    path = write("r.json", text)
    (message,) = problems_of(path)
    line = text.splitlines().index(next(s for s in text.splitlines() if '"zz"' in s)) + 1
    assert message.startswith(f"{path}:{line}:"), message
    assert "unknown node 'zz'" in message


def test_json_and_yaml_problems_have_the_same_places(write):
    data = {**_roadmap_json(), "nodes": [_node("a", requires=["b"]), _node("b", requires=["a"]), _node("c", field="nope")]}
    as_json = write("r.json", json.dumps(data, indent=2))
    found = problems_of(as_json)
    assert len(found) == 2 and all(re.match(rf"{re.escape(as_json)}:\d+:\d+: error: ", f) for f in found)


def test_valid_json_still_loads_on_the_fast_path(write, bundled):
    path = write("r.json", json.dumps(bundled.model_dump(mode="json"), ensure_ascii=False))
    assert rg.load_roadmap(path) == bundled


# --- nothing accepted silently --------------------------------------------------------------


@pytest.mark.parametrize("version", ["true", "1.0", "'1'"])
def test_schema_version_must_be_the_integer_one(write, version):
    path = write("v.yaml", f"schema_version: {version}\nroadmap: {{id: x, title: t}}\n")
    (message,) = problems_of(path)
    assert message.startswith(f"{path}:1:17: error: unknown schema_version")


@pytest.mark.parametrize("version", ["true", "1.0"])
def test_schema_version_must_be_the_integer_one_in_json(write, version):
    path = write("v.json", f'{{"schema_version": {version},\n "roadmap": {{"id": "x", "title": "t"}}}}\n')
    (message,) = problems_of(path)
    assert message.startswith(f"{path}:1:20: error: unknown schema_version")


def test_schema_version_true_is_refused_in_code_too():
    with pytest.raises(ValueError):
        rg.Roadmap.model_validate({"schema_version": True, "roadmap": {"id": "x", "title": "t"}})


def test_two_sources_with_one_id_in_a_file_name_both_places(write):
    path = write(
        "s.yaml",
        "schema_version: 1\nroadmap:\n  id: x\n  title: t\n  sources:\n    - {id: src, title: 가}\n    - {id: src, title: 나}\n",
    )
    (message,) = problems_of(path)
    assert message.startswith(f"{path}:7:12: error: source id 'src' is defined twice in this file (first at {path}:6:7)")


def test_the_same_source_twice_in_one_file_is_an_error_even_when_equal(write):
    path = write("s.yaml", "schema_version: 1\nroadmap: {id: x, title: t, sources: [{id: s}, {id: s}]}\n")
    assert "defined twice" in problems_of(path)[0]


def test_the_same_source_in_two_files_merges(write):
    a = write("a.yaml", HEADER + "nodes:\n  - {id: a, kind: mission, field: ai, name: 가, sources: [{source: src}]}\n")
    b = write("b.yaml", HEADER + "nodes:\n  - {id: b, kind: mission, field: ai, name: 나, sources: [{source: src}]}\n")
    roadmap = rg.load_roadmap([a, b])
    assert [s.id for s in roadmap.roadmap.sources] == ["src"]


@pytest.mark.parametrize(
    ("key", "first", "second"),
    [("horizon", "2030", "2035"), ("published", "2023-10-31", "2024-01-02"), ("title", "가", "나"), ("id", "x", "y")],
)
def test_two_files_that_disagree_on_the_roadmap_are_an_error(write, key, first, second):
    def header(value: str) -> str:
        values = {"id": "x", "title": "t", key: value}
        return "schema_version: 1\nroadmap:\n" + "".join(f"  {k}: {v}\n" for k, v in values.items())

    a, b = write("a.yaml", header(first)), write("b.yaml", header(second))
    (message,) = problems_of([a, b])
    line = 3 + list({"id": 0, "title": 1, key: 2}).index(key)
    assert message.startswith(f"{b}:{line}:"), message
    assert f"roadmap's {key} here ({second}) differs from the one at {a}:{line}:" in message and f"({first})" in message


def test_a_key_one_file_leaves_out_comes_from_the_other(write):
    a = write("a.yaml", "schema_version: 1\nroadmap: {id: x, title: t, horizon: 2030}\n")
    b = write("b.yaml", "schema_version: 1\nroadmap: {id: x, title: t, published: 2023-10-31}\n")
    info = rg.load_roadmap([a, b]).roadmap
    assert info.horizon == 2030 and str(info.published) == "2023-10-31"



def test_a_rule_silenced_twice_is_an_error(write):
    path = write(
        "i.yaml",
        HEADER
        + "nodes:\n  - id: a\n    kind: mission\n    field: ai\n    name: 가\n    ignore:\n"
        + "      - {code: RG201, reason: 하나}\n      - {code: RG201, reason: 둘}\n",
    )
    (message,) = problems_of(path)
    assert message.startswith(f"{path}:13:16: error: rule RG201 is silenced twice in the ignore of 'a'")
