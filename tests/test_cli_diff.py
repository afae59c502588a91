"""``roadmap-graph diff`` on the command line: sides, formats, review gates, git revisions."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from roadmap_graph.analyses.diff import FAIL_ON, REVISION_FAILED
from roadmap_graph.cli import cli

from .conftest import HEADER

OLD = HEADER + """\
nodes:
  - {id: m1, kind: mission, field: ai, name: 임무 하나, name_en: Mission one, requires: [t1],
     targets: [{metric: 정확도, value: 90, unit: "%", bound: at_least, by: 2030}]}
  - {id: m2, kind: mission, field: bio, name: 임무 둘, requires: [t1]}
  - {id: t1, kind: core_technology, field: ai, name: 기술, requires: [e1, {id: e2, provenance: inferred}]}
  - {id: e1, kind: enabling_technology, field: ai, name: 세부 하나}
  - {id: e2, kind: enabling_technology, field: ai, name: 세부 둘}
"""


def write(tmp_path: Path, name: str, content: str) -> str:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return str(path)


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def all_lists_empty(value: object) -> bool:
    if isinstance(value, dict):
        return all(all_lists_empty(v) for v in value.values())
    if isinstance(value, list):
        return not value
    return True


def test_a_roadmap_against_itself_is_empty_in_every_format(tmp_path):
    old = write(tmp_path, "old.yaml", OLD)
    out = run("diff", old, old, "--format", "json")
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert set(data) >= {"old", "new", "nodes", "links", "effects"}
    assert data["old"] == data["new"] == {"id": "demo", "title": "데모 로드맵"}
    assert all_lists_empty({k: v for k, v in data.items() if k not in ("old", "new")})
    for fmt in ("table", "csv", "markdown"):
        assert run("diff", old, old, "--format", fmt, "--fail-on", ",".join(FAIL_ON)).exit_code == 0


def test_the_same_roadmap_in_json_and_another_order_is_no_change(tmp_path):
    old = write(tmp_path, "old.yaml", OLD)
    body = OLD.split("nodes:\n")[1].rstrip().splitlines()
    shuffled = HEADER + "# reordered, bare ids spelled as mappings\nnodes:\n" + "\n".join(reversed(_joined(body)))
    shuffled = shuffled.replace("requires: [t1]", "requires: [{id: t1}]")
    new = write(tmp_path, "new.yaml", shuffled)
    data = json.loads(run("diff", old, new, "--format", "json").stdout)
    assert all_lists_empty({k: v for k, v in data.items() if k not in ("old", "new")})


def _joined(lines: list[str]) -> list[str]:
    """The node items of a flow-style list, each item with its continuation lines."""
    items: list[str] = []
    for line in lines:
        if line.lstrip().startswith("- "):
            items.append(line)
        else:
            items[-1] += "\n" + line
    return items


def test_a_loosened_target_fails_the_gate_with_its_own_status(tmp_path):
    old = write(tmp_path, "old.yaml", OLD)
    new = write(tmp_path, "new.yaml", OLD.replace("value: 90", "value: 80"))
    quiet = run("diff", old, new, "--format", "json")
    assert quiet.exit_code == 0
    data = json.loads(quiet.stdout)
    assert data["nodes"]["changed"] == [{"id": "m1", "attribute": "targets[정확도].value", "old": 90, "new": 80}]
    assert data["effects"]["targets"]["loosened"] == [{"id": "m1", "metric": "정확도", "attribute": "value", "old": 90, "new": 80}]
    gate = run("--lang", "en", "diff", old, new, "--fail-on", "removed-mission,loosened-target")
    assert gate.exit_code == REVISION_FAILED == 7
    assert "loosened-target" in gate.stderr and "removed-mission" not in gate.stderr
    assert run("diff", old, new, "--fail-on", "removed-mission").exit_code == 0
    tighter = write(tmp_path, "tighter.yaml", OLD.replace("value: 90", "value: 95"))
    assert run("diff", old, tighter, "--fail-on", "loosened-target").exit_code == 0
    assert run("diff", tighter, old, "--fail-on", "loosened-target").exit_code == 7


def test_a_removed_mission_and_an_infeasible_one(tmp_path):
    old = write(tmp_path, "old.yaml", OLD)
    cut = OLD.replace("  - {id: m2, kind: mission, field: bio, name: 임무 둘, requires: [t1]}\n", "")
    cut = cut.replace("requires: [e1, {id: e2, provenance: inferred}]", "requires: []")
    new = write(tmp_path, "new.yaml", cut)
    out = run("diff", old, new, "--format", "json")
    data = json.loads(out.stdout)
    assert data["nodes"]["removed"] == ["m2"]
    assert [(x["source"], x["target"]) for x in data["links"]["removed"]] == [("m2", "t1"), ("t1", "e1"), ("t1", "e2")]
    missions = {m["id"]: m for m in data["effects"]["missions"]}
    assert missions["m2"]["status"] == "removed" and missions["m2"]["feasible"] == {"old": True, "new": None}
    assert missions["m1"]["feasible"] == {"old": True, "new": False}  # t1 has no path down now
    assert missions["m1"]["chain"] == {"entered": [], "left": ["e1", "e2"]}
    assert [(g["code"], g["node"]) for g in data["effects"]["gaps"]["new"]][:1] == [("RG201", "t1")]
    for condition in ("removed-mission", "infeasible-mission", "any"):
        assert run("diff", old, new, "--fail-on", condition).exit_code == 7, condition
    assert run("diff", new, old, "--fail-on", "removed-mission,infeasible-mission").exit_code == 0


def test_stated_evidence_compares_the_stated_links_only(tmp_path):
    old = write(tmp_path, "old.yaml", OLD)
    new = write(tmp_path, "new.yaml", OLD.replace(", {id: e2, provenance: inferred}", ""))
    every = json.loads(run("diff", old, new, "--format", "json").stdout)
    assert [(x["source"], x["target"]) for x in every["links"]["removed"]] == [("t1", "e2")]
    stated = json.loads(run("diff", old, new, "--format", "json", "--evidence", "stated").stdout)
    assert stated["links"]["removed"] == []


def test_csv_is_one_long_table_and_markdown_has_sections(tmp_path):
    old = write(tmp_path, "old.yaml", OLD)
    new = write(tmp_path, "new.yaml", OLD.replace("name: 기술,", "name: 핵심 기술, name_en: Core tech,").replace("value: 90", "value: 95"))
    rows = list(csv.DictReader(io.StringIO(run("diff", old, new, "--format", "csv").stdout)))
    assert {(r["section"], r["change"], r["id"], r["attribute"]) for r in rows} == {
        ("node", "changed", "t1", "name"),
        ("node", "changed", "t1", "name_en"),
        ("node", "changed", "m1", "targets[정확도].value"),
        ("target", "tightened", "m1", "targets[정확도].value"),
    }
    md = run("--lang", "en", "diff", old, new, "--format", "markdown").stdout
    assert md.startswith("## ") and "### Summary" in md and "### Targets tightened and loosened" in md
    assert "| `t1` |" in md and "---:" in md  # ids as code, numbers aligned right
    hangul = re.compile("[가-힣]")
    names = ("데모 로드맵", "핵심 기술", "기술", "정확도", "임무 하나")
    stripped = md
    for name in names:
        stripped = stripped.replace(name, "")
    assert not hangul.search(stripped)


def test_sides_must_be_two_versions(tmp_path):
    old = write(tmp_path, "old.yaml", OLD)
    assert run("diff", old).exit_code == 2
    assert run("diff", old, old, old).exit_code == 2
    assert run("diff", "--old", old, "--new", old, old).exit_code == 2
    assert run("diff", "--old", old, old).exit_code == 0
    assert run("-g", old, "diff", old, old).exit_code == 2  # -g is not a version: never ignored
    assert run("diff", old, old, "-g", old).exit_code == 2
    bad = run("--lang", "en", "diff", old, old, "--fail-on", "loosend-target")
    assert bad.exit_code == 2 and "loosened-target" in bad.stderr  # did you mean


def test_multi_file_versions(tmp_path):
    old = write(tmp_path, "old.yaml", OLD)
    extra = write(tmp_path, "extra.yaml", "schema_version: 1\nroadmap: {id: demo, title: 데모 로드맵}\n"
                  "nodes:\n  - {id: e3, kind: enabling_technology, field: ai, name: 세부 셋}\n")
    data = json.loads(run("diff", "--old", old, "--new", old, "--new", extra, "--format", "json").stdout)
    assert data["nodes"]["added"] == ["e3"]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed (CI installs it)")
def test_git_revisions(tmp_path, monkeypatch):
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "t")
    (tmp_path / "graphs").mkdir()
    path = tmp_path / "graphs" / "x.yaml"
    path.write_text(OLD, encoding="utf-8")
    git("add", ".")
    git("commit", "-qm", "one")
    path.write_text(OLD.replace("value: 90", "value: 99"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = run("diff", "HEAD:graphs/x.yaml", "graphs/x.yaml", "--format", "json")
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["effects"]["targets"]["tightened"][0]["new"] == 99
    missing = run("--lang", "en", "diff", "HEAD~5:graphs/x.yaml", "graphs/x.yaml")
    assert missing.exit_code == 3
    assert missing.stderr.startswith("HEAD~5:graphs/x.yaml: error: git cannot show this revision")
    broken = run("diff", "HEAD:graphs/nothing.yaml", "graphs/x.yaml")
    assert broken.exit_code == 3 and "Traceback" not in broken.output
