"""The command line, through click's runner and through a real process."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import roadmap_graph as rg
from roadmap_graph.cli import cli

from .conftest import HEADER


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_summary_table_in_korean_and_english():
    ko = run("summary")
    assert ko.exit_code == 0
    assert "인공지능" in ko.stdout and "첨단바이오" in ko.stdout
    assert "90% 이상" in ko.stdout and "최대 10배" in ko.stdout
    assert "(정량 목표·기한 없음)" not in ko.stdout  # every mission is due by 2030, the silent one too
    en = run("--lang", "en", "summary")
    assert "Artificial intelligence" in en.stdout and "up to 10×" in en.stdout
    assert "(no quantified target or deadline)" not in en.stdout
    assert run("summary", "--lang", "en").stdout == en.stdout  # options after the command too


def test_summary_json_and_csv():
    data = json.loads(run("summary", "--format", "json").stdout)
    assert data["nodes"] == 47 and len(data["missions"]) == 8
    csv_text = run("summary", "--format", "csv").stdout
    assert csv_text.splitlines()[0] == "field,mission,name,metric,comparator,value,unit,by,bound"
    assert "bio_mission_health_data" in csv_text and "1000000" in csv_text


def test_chain_json_is_the_library_answer(G):
    result = run("chain", "bio_mission_synbio", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == rg.prerequisite_chain(G, "bio_mission_synbio").to_dict()


def test_chain_tree_shows_alternatives_and_support(write):
    # the bundled roadmap has no alternatives (its "RNA 플랫폼·바이러스 벡터 등" are examples)
    path = write(
        "alt.yaml",
        "schema_version: 1\nroadmap: {id: r, title: 로드맵}\nfields: [{id: bio, name: 바이오}]\nnodes:\n"
        "  - {id: m, kind: mission, field: bio, name: 임무, requires: [c]}\n"
        "  - {id: c, kind: core_technology, field: bio, name: 중점, any_of: [[r, v]], supported_by: [w]}\n"
        "  - {id: r, kind: enabling_technology, field: bio, name: RNA, name_en: RNA platform}\n"
        "  - {id: v, kind: enabling_technology, field: bio, name: 벡터, name_en: Viral vector}\n"
        "  - {id: w, kind: ecosystem_measure, field: bio, name: 인력, category: workforce}\n",
    )
    out = run("-g", path, "chain", "m").stdout
    assert "∨ 다음 중 하나:" in out and "+ 지원:" in out
    out_en = run("--lang", "en", "-g", path, "chain", "m").stdout
    assert "one of:" in out_en and "Viral vector" in out_en
    bundled = run("--lang", "en", "chain", "bio_mission_gene_cell_therapy").stdout
    assert "one of:" not in bundled and "Viral vector" in bundled and "supported by:" in bundled


def test_chain_unknown_id_exits_4_with_did_you_mean():
    result = run("--lang", "en", "chain", "ai_mission_trustworthyy")
    assert result.exit_code == 4
    assert "did you mean 'ai_mission_trustworthy'" in result.stderr
    assert result.stdout == ""


def test_validate_ok_and_broken(write):
    assert run("validate").exit_code == 0
    bad = write("bad.yaml", HEADER + "nodes:\n  - {id: a, kind: mision, field: ai, name: 가, requires: [zz]}\n")
    result = run("validate", bad)
    assert result.exit_code == 3
    lines = result.stderr.strip().splitlines()
    assert lines and all(line.startswith(f"{bad}:7:") and ": error: " in line for line in lines)
    assert "Traceback" not in result.output


def test_graph_option_loads_several_files(write, bundled):
    text = rg.dump_roadmap(bundled)
    a = write("a.yaml", text)
    extra = write(
        "b.yaml",
        HEADER.replace("id: demo, title: 데모 로드맵", "id: kr_nst_roadmap_2, title: 국가전략기술 임무중심 전략로드맵(Ⅱ) - 미래혁신 분야")
        + "nodes:\n  - {id: x_new, kind: enabling_technology, field: ai, name: 새 기술}\n",
    )
    result = run("-g", a, "-g", extra, "summary", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["nodes"] == 48


def test_schema_command_prints_the_schema(tmp_path):
    assert json.loads(run("schema").stdout) == rg.json_schema()
    target = tmp_path / "s.json"
    assert run("schema", "-o", str(target)).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8")) == rg.json_schema()


def test_bad_format_is_a_usage_error():
    assert CliRunner().invoke(cli, ["summary", "--format", "xml"]).exit_code == 2


@pytest.mark.parametrize("command", [["summary"], ["chain", "ai_mission_agi"], ["validate"]])
def test_text_commands_do_not_import_matplotlib(command):
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "roadmap_graph", *command],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    imported = {line.split("|")[-1].strip().split(".")[0] for line in proc.stderr.splitlines() if "|" in line}
    assert "roadmap_graph" in imported
    assert not imported & {"matplotlib", "pandas", "numpy"}


def test_json_through_a_real_pipe_is_clean_utf8():
    proc = subprocess.run(
        [sys.executable, "-m", "roadmap_graph", "chain", "ai_mission_agi", "--format", "json"],
        capture_output=True,
        env={"PYTHONIOENCODING": "cp949", "PATH": ""},
        check=True,
    )
    assert json.loads(proc.stdout.decode("utf-8"))["mission"] == "ai_mission_agi"


def test_gateways_json_is_exactly_the_library_list(G):
    from roadmap_graph.analyses.gateways import gateways

    data = json.loads(run("gateways", "--format", "json").stdout)
    assert data == gateways(G).to_list()
    assert all(set(row) == {"id", "kind", "field", "missions", "stated_missions", "sole_missions", "deep"} for row in data)
    nearest_first = json.loads(run("gateways", "--mission", "bio_mission_vaccine", "--format", "json").stdout)
    assert [r["id"] for r in nearest_first] == ["bio_vaccine", "mrna_platform", "rna_platform"]
    # every mission has one core technology: those are trivial gateways; the deep ones are below
    assert [(r["sole_missions"], r["deep"]) for r in nearest_first] == [
        (["bio_mission_vaccine"], False), ([], True), ([], True),
    ]  # fmt: skip
    assert {r["id"] for r in data if r["deep"]} == {"mrna_platform", "rna_platform"}
    table_text = run("gateways").stdout
    assert "길목기술" in table_text and "rna_platform" in table_text
    levels = run("redundancy").stdout  # each mission's κ, with its gateways
    assert "κ" in levels and "bio_vaccine, mrna_platform, rna_platform" in levels
    assert run("gateways", "--mission", "bio_vaccine").exit_code == 4


def test_impact_json_contract_and_unknown_node():
    data = json.loads(run("impact", "cloud_optimization", "--format", "json").stdout)
    assert set(data) == {"removed", "infeasible_missions", "orphaned", "unsupported", "weakened", "infeasible_on_stated"}
    assert data["infeasible_missions"] == ["ai_mission_efficient_learning", "bio_mission_health_data"]
    unknown = run("--lang", "en", "impact", "cloud_optimisation")
    assert unknown.exit_code == 4 and "did you mean 'cloud_optimization'" in unknown.stderr
    measure = run("--lang", "en", "impact", "bio_data_standardization")
    assert "Technologies left with no supporting measure (1)" in measure.stdout


def test_bottlenecks_outputs():
    ranked = json.loads(run("bottlenecks", "--format", "json").stdout)
    assert ranked[0]["id"] == "cloud_optimization" and "critical" in ranked[0]["flags"]
    assert len(run("bottlenecks", "--format", "csv").stdout.strip().splitlines()) == len(ranked) + 1
    text = run("--lang", "en", "bottlenecks", "--top", "3").stdout
    assert "more (--top 0 shows all)" in text and "Ranked by the number of binding flags" in text


def test_gaps_exit_status_follows_fail_on():
    ok = run("gaps")
    assert ok.exit_code == 0 and "RG201" in ok.stdout
    strict = run("gaps", "--fail-on", "warning")
    assert strict.exit_code == 5
    rows = json.loads(run("gaps", "--format", "json", "--select", "RG201").stdout)
    assert rows == [
        {
            "code": "RG201",
            "severity": "warning",
            "node": "ai_industrial_ai",
            "message": rows[0]["message"],
            "fix": rows[0]["fix"],
            "location": rows[0]["location"],
        }
    ]
    assert rows[0]["message"].endswith(rows[0]["fix"])
    assert re.search(r"kr_nst_roadmap_2_ai_bio\.yaml:\d+:\d+$", rows[0]["location"])
    bad = run("gaps", "--lang", "en", "--select", "RG9")
    assert bad.exit_code == 2 and "no gap rule matches 'RG9'" in bad.stderr


def test_convergence_json_contract_and_fields_option(G):
    data = json.loads(run("convergence", "--format", "json").stdout)
    assert {"cross_field_edges", "convergence_points", "field_matrix"} <= set(data)
    assert all(set(e) == {"source", "target", "source_field", "target_field", "relation", "provenance"} for e in data["cross_field_edges"])
    # AI·로봇 and 생성형 AI are bio nodes (named only in the bio section): one convergence point
    assert [p["id"] for p in data["convergence_points"]] == ["cloud_optimization"]
    assert data["field_matrix"]["bio"]["ai"] == 1
    assert json.loads(run("convergence", "--fields", "ai,bio", "--format", "json").stdout)["convergence_points"] == data["convergence_points"]
    text = run("--lang", "en", "convergence").stdout
    assert "Where two fields' chains first meet (1)" in text
    bad = run("convergence", "--lang", "en", "--fields", "ai,bi")
    assert bad.exit_code == 2 and "did you mean 'bio'" in bad.stderr


def test_export_command_offers_every_format_and_protects_inputs(tmp_path, write, bundled):
    from roadmap_graph.cli import export
    from roadmap_graph.present.export import FORMATS, SHEET_FORMATS

    choices = next(p for p in export.params if p.name == "fmt").type.choices
    assert tuple(choices) == FORMATS + SHEET_FORMATS
    out = tmp_path / "g.graphml"
    result = run("export", "--format", "graphml", "-o", str(out))
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").startswith("<?xml")
    source = write("mine.yaml", rg.dump_roadmap(bundled))
    before = Path(source).read_bytes()
    refused = run("-g", source, "--lang", "en", "export", "--format", "dot", "-o", source)
    assert refused.exit_code == 6 and "refusing to write" in refused.stderr
    assert Path(source).read_bytes() == before
    refused = run("-g", source, "--lang", "en", "export", "--format", "xlsx", "-o", source)
    assert refused.exit_code == 6 and "refusing to write" in refused.stderr
    assert Path(source).read_bytes() == before
