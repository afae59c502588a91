"""Fuzzing in CI: a budget of mutated roadmaps, and every crash found kept as a regression case.

The harness is ``tests/fuzzing.py`` (its docstring says what a case is and what it must
do). ``ROADMAP_GRAPH_FUZZ_CASES`` sets the budget (default 200; ``.ci/run`` sets 2000),
``ROADMAP_GRAPH_FUZZ_SEED`` the seed (default 0) and ``ROADMAP_GRAPH_FUZZ_SAVE_DIR`` where
repros of the failures go (default: a pytest temporary folder, named in the failure).

Failures that issue 9 already lists and that are not fixed yet are in :data:`KNOWN_OPEN`:
they make the budget test an expected failure, not a red build, while a new kind of failure
fails it. ``ROADMAP_GRAPH_FUZZ_STRICT=1`` counts the known ones too. Remove an entry when
its fix lands (and the ``xfail`` of its regression case, which then fails as XPASS).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from . import fuzzing

CORPUS = Path(__file__).parent / "fuzz_regressions"

#: Failure classes (a pattern on ``"stage | what | where"``) that issue 9 lists and that
#: are still open, with the part of the issue that fixes them.
KNOWN_OPEN: dict[str, str] = {}


def known(failure: tuple[str, str, str]) -> str | None:
    """The issue-9 item a failure class belongs to, or ``None`` for a new kind of failure."""
    text = " | ".join(failure)
    return next((item for pattern, item in KNOWN_OPEN.items() if re.search(pattern, text)), None)


def test_fuzz_budget(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every mutated roadmap loads or is refused with located problems, and what loads
    analyses and exports cleanly; the failures are listed with a repro file each."""
    cases = int(os.environ.get("ROADMAP_GRAPH_FUZZ_CASES", "200"))
    seed = int(os.environ.get("ROADMAP_GRAPH_FUZZ_SEED", "0"))
    strict = os.environ.get("ROADMAP_GRAPH_FUZZ_STRICT") == "1"
    save_dir = Path(os.environ.get("ROADMAP_GRAPH_FUZZ_SAVE_DIR") or tmp_path_factory.mktemp("fuzz-crashes"))
    report = fuzzing.campaign(
        cases,
        seed,
        save_dir=save_dir,
        minimise_if=lambda failure: strict or known(failure) is None,
        minimise_trials=100,
        minimise_seconds=20.0,
    )
    assert report.cases == cases
    summary = "\n".join(report.lines())
    new = [f for f in report.classes if strict or known(f) is None]
    assert not new, f"fuzzing (seed {seed}) found failures; repros in {save_dir}\n{summary}"
    if report.classes:
        pytest.xfail(f"issue 9 still open for these failure classes:\n{summary}")


# --- the regression corpus ------------------------------------------------------------

LOCATED = re.compile(r":\d+:\d+: error: ")


def _file(name: str) -> tuple[tuple[str, bytes], ...]:
    return ((name, (CORPUS / name).read_bytes()),)


def _generated() -> dict[str, tuple[tuple[tuple[str, bytes], ...], bool]]:
    header = (CORPUS / "unknown_tag.yaml").read_text(encoding="utf-8").split("nodes:")[0]
    node = "nodes:\n  - id: m1\n    kind: mission\n    field: ai\n    name: 임무\n"
    target = "    targets:\n      - metric: 정확도\n        value: {}\n"
    deep_yaml = header + node + "    description: " + "[" * 500 + "]" * 500 + "\n"
    deep_json = (
        '{"schema_version": 1, "roadmap": {"id": "d", "title": "t"}, "fields": [{"id": "ai", "name": "n"}], "nodes": '
        + "[" * 500 + "]" * 500 + "}\n"
    )
    dangling = header + "nodes:\n" + "".join(
        f"  - {{id: tech_{i:04d}, kind: enabling_technology, field: ai, name: 기술, requires: [tech_{i:04d}_x]}}\n"
        for i in range(1000)
    )
    long_id = header + "nodes:\n  - id: " + "a" * 5_000_000 + "\n    kind: mission\n    field: ai\n    name: 임무\n"
    return {
        "big_int": ((("big_int.yaml", (header + node + target.format("9" * 5000)).encode()),), True),
        "deep_yaml": ((("deep.yaml", deep_yaml.encode()),), True),
        "deep_json": ((("deep.json", deep_json.encode()),), True),
        "many_dangling": ((("dangling.yaml", dangling.encode()),), True),
        "long_id": ((("long_id.yaml", long_id.encode()),), True),
    }


MUST_REFUSE = {
    "alias_bomb.yaml", "unknown_tag.yaml", "bad_date.yaml", "bad_datetime.yaml", "int_abc.yaml", "float_abc.yaml",
    "bool_maybe.yaml", "escape_110000.yaml", "unknown_node.json", "nul_byte.yaml", "duplicate_source_ids.yaml",
    "python_tag.yaml", "schema_version_true.yaml", "schema_version_float.yaml", "nan_value.yaml",
    "control_char_name.yaml", "horizon_a.yaml", "found_yaml_directive.json", "found_tag_directive.yml",
}  # fmt: skip
PAIRS = {"horizon_a.yaml": "horizon_b.yaml"}

#: Cases that fail today, with the issue that fixes them (strict: an XPASS fails, so the
#: mark goes when the fix lands). Empty: every case of the corpus passes.
OPEN: dict[str, str] = {}


def _corpus() -> dict[str, tuple[tuple[tuple[str, bytes], ...], bool]]:
    cases: dict[str, tuple[tuple[tuple[str, bytes], ...], bool]] = {}
    for path in sorted(CORPUS.iterdir()):
        if path.suffix == ".txt" or path.name in PAIRS.values():
            continue
        files = _file(path.name) + (_file(PAIRS[path.name]) if path.name in PAIRS else ())
        cases[path.stem] = (files, path.name in MUST_REFUSE)
    return cases


#: The corpus: case name -> (files, must it be refused?). ``True``: issue 9 says the input
#: is an error, so it must be refused with a ``line:col`` location; ``False``: it may load
#: or be refused, but must keep the harness's property either way. Big inputs are made here
#: rather than committed.
CASES = {**_corpus(), **_generated()}


@pytest.fixture(scope="module")
def worker():
    worker = fuzzing.Worker()
    yield worker
    worker.stop()


@pytest.mark.parametrize(
    "name",
    [pytest.param(name, marks=pytest.mark.xfail(reason=OPEN[name], strict=True)) if name in OPEN else name for name in CASES],
)
def test_regression(worker: fuzzing.Worker, name: str) -> None:
    """Each input loads or is refused with located problems; those issue 9 calls errors
    are refused, the first problem at ``path:line:col``."""
    files, must_refuse = CASES[name]
    outcome = worker.run(fuzzing.Case(files))
    assert outcome.failure is None, f"{' | '.join(outcome.failure)}\n{outcome.detail}"
    if must_refuse:
        assert outcome.status == "refused", "loaded, but issue 9 says this is an error"
        assert LOCATED.search(outcome.problems[0]), outcome.problems[0]


# --- the harness itself ---------------------------------------------------------------


def test_cases_are_deterministic() -> None:
    """A case is made from its seed and index alone."""
    assert fuzzing.make_case(7, 123) == fuzzing.make_case(7, 123)
    assert fuzzing.make_case(7, 123) != fuzzing.make_case(8, 123)


def test_mutators_survive_their_own_output() -> None:
    """Making a case never fails, whatever an earlier mutation left (a Raw where a list
    was, a mapping with duplicate keys): a long campaign must not die in the harness.
    Seed 1, cases 2713 and 6557 once did."""
    for index in [2713, 6557, *range(300)]:
        case = fuzzing.make_case(1, index)
        assert case.files and all(raw is not None for _, raw in case.files)


@pytest.mark.parametrize("to_text", [fuzzing.to_yaml, fuzzing.to_json])
def test_writers_keep_the_roadmap(to_text, tmp_path: Path) -> None:
    """The harness's YAML and JSON writers give back the bundled roadmap unchanged, so a
    failure comes from the mutation, not from the writer."""
    import roadmap_graph as rg

    suffix = ".yaml" if to_text is fuzzing.to_yaml else ".json"
    path = tmp_path / f"bundled{suffix}"
    path.write_bytes(fuzzing.encode(to_text(fuzzing.bundled_data())))
    assert rg.load_roadmap(path) == rg.load_roadmap()


def test_worker_survives_a_hang() -> None:
    """A case over the timeout is a recorded failure, and the next case runs in a new worker."""
    from roadmap_graph.fileformat.bundled import bundled_roadmap_paths

    (path,) = bundled_roadmap_paths()
    case = fuzzing.Case((("bundled.yaml", path.read_bytes()),))
    worker = fuzzing.Worker(timeout=0.001)
    try:
        assert worker.run(case).failure == ("load", "hang over 0.001 s", "")
        assert worker.proc is None
        worker.timeout = 60
        outcome = worker.run(case)
        assert (outcome.status, outcome.failure) == ("loaded", None)
    finally:
        worker.stop()


def test_unlocated_problems_are_failures() -> None:
    """A refusal with a problem lacking a line fails the property, unless it is about the
    whole file."""
    from roadmap_graph.errors import Location, Problem, RoadmapLoadError
    from roadmap_graph.vocabulary import Message, verbatim

    def refusal(key: str, location: Location) -> RoadmapLoadError:
        params = {"reason": verbatim("x")} if key == "load.cannot_read" else {}
        return RoadmapLoadError([Problem(location, Message(key, **params))])

    assert fuzzing.check_refusal(refusal("load.empty", Location("a.yaml", 1, 1)), {"a.yaml"}) is None
    assert fuzzing.check_refusal(refusal("load.cannot_read", Location("a.yaml")), {"a.yaml"}) is None
    failed = fuzzing.check_refusal(refusal("load.empty", Location("a.yaml")), {"a.yaml"})
    assert failed is not None and failed.failure == ("load", "problem without line: load.empty", "")


def test_ddmin_finds_the_failing_part() -> None:
    """Delta debugging keeps only what the failure needs: here the one line that holds it,
    then the nine bytes of it."""
    raw = (CORPUS / "int_abc.yaml").read_bytes()
    trials = [0]

    def fails(parts: list[bytes]) -> bool:
        trials[0] += 1
        return b"!!int abc" in b"".join(parts)

    lines = fuzzing._ddmin(raw.splitlines(keepends=True), fails, lambda: True)
    assert lines == [b"    name: !!int abc\n"]
    chars = fuzzing._ddmin([bytes([b]) for b in lines[0]], fails, lambda: trials[0] < 1000)
    assert b"".join(chars) == b"!!int abc"
