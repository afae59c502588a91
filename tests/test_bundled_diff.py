"""The hypothetical revision in ``graphs/examples/`` against the bundled roadmap, worked by hand.

The example changes three things (its header says so): the AI-training mission's target from
at least 50% to at least 60%, an invented enabling technology (biofoundry automation) under
synthetic biology with one supporting measure, and the inferred link mRNA vaccine platform →
RNA platform dropped. Worked out on the analyses by hand:

* biofoundry automation enters the chain of the synthetic-biology mission only (synthetic
  biology serves no other mission); it is a plain requirement beside three others, so it is
  no gateway and κ stays 1; it has a measure, so it opens no gap;
* without the mRNA → RNA link the vaccine mission's chain (vaccine → mRNA platform) no longer
  reaches the RNA platform, which was one of its gateways; the RNA platform still serves the
  gene-therapy mission (through gene delivery), so it falls from 3rd to 20th in the
  bottleneck ranking (one mission instead of two), leaves the marked bottlenecks, and its
  finding RG203 (a gateway without a measure) is resolved: it is a gateway of no mission now.
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import roadmap_graph as rg
from roadmap_graph.analyses.changes import LinkRef, MetadataChange, NodeChange, compare
from roadmap_graph.analyses.diff import FAIL_ON, REVISION_FAILED, diff_roadmaps
from roadmap_graph.analyses.effects import GapChange, MissionEffect, RankMove, TargetChange
from roadmap_graph.cli import cli
from roadmap_graph.fileformat.bundled import bundled_roadmap_paths

from .test_registry import user_strings

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "graphs" / "kr_nst_roadmap_2_ai_bio.yaml"
EXAMPLE = ROOT / "graphs" / "examples" / "kr_nst_roadmap_2_ai_bio_revision_hypothetical.yaml"
METRIC = "AI 학습에 필요한 데이터·컴퓨팅·전력 부담 경량화 (기존 대비)"
HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.fixture(scope="module")
def example() -> rg.Roadmap:
    return rg.load_roadmap(EXAMPLE)


@pytest.fixture(scope="module")
def H(example: rg.Roadmap):
    return rg.to_networkx(example)


def test_bundled_example_says_it_is_hypothetical(example):
    head = EXAMPLE.read_text(encoding="utf-8").split("schema_version:")[0]
    assert "HYPOTHETICAL REVISION" in head and "NOT a ministry document" in head
    assert "가상 개정안" in head and "정부 문서가 아니다" in head
    assert example.roadmap.id == "kr_nst_roadmap_2_hypothetical_revision"
    assert example.roadmap.title.endswith("(가상 개정안, 예시)")
    assert example.roadmap.title_en is not None and example.roadmap.title_en.endswith("(hypothetical revision, example)")
    invented = example.node("biofoundry_automation")
    assert invented.provenance == "inferred" and not invented.sources
    assert "Invented" in (invented.description_en or "") and "지어낸" in (invented.description or "")


def test_bundled_example_is_not_part_of_the_bundled_roadmap(bundled):
    assert [p.name for p in bundled_roadmap_paths()] == ["kr_nst_roadmap_2_ai_bio.yaml"]
    assert all("examples" not in p.parts for p in bundled_roadmap_paths())
    assert "biofoundry_automation" not in {n.id for n in bundled.nodes}
    assert bundled.roadmap.id == "kr_nst_roadmap_2"


def test_bundled_example_text_differs_only_in_the_three_edits():
    """A text diff shows the header, the marked title and the three edits; every other line
    is the bundled file's, byte for byte."""
    old = BUNDLED.read_text(encoding="utf-8").splitlines()
    new = EXAMPLE.read_text(encoding="utf-8").splitlines()
    removed, added = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag != "equal":
            removed += old[i1:i2]
            added += new[j1:j2]
    assert removed == [
        "# yaml-language-server: $schema=./roadmap.schema.json",
        "  id: kr_nst_roadmap_2",
        "  title: 국가전략기술 임무중심 전략로드맵(Ⅱ) - 미래혁신 분야",
        "  title_en: National Strategic Technology Mission-Oriented Strategic Roadmap (II) - Future Innovation Fields",
        "        value: 50",
        "    requires:",
        "      - id: rna_platform",
        "        provenance: inferred",
        "        note: >-",
        "          An mRNA vaccine is an RNA platform product; the release stresses mRNA's spill-over",
        "          to other fields but does not link the two.",
    ]
    # besides the header comment: the schema path from examples/, the marked title, the new
    # value, the new link and the new node
    assert [line for line in added if not line.startswith("#")] == [
        "  id: kr_nst_roadmap_2_hypothetical_revision",
        "  title: 국가전략기술 임무중심 전략로드맵(Ⅱ) - 미래혁신 분야 (가상 개정안, 예시)",
        "  title_en: National Strategic Technology Mission-Oriented Strategic Roadmap (II) - Future Innovation Fields"
        " (hypothetical revision, example)",
        "        value: 60",
        "      - id: biofoundry_automation",
        "        provenance: inferred",
        "        note: >-",
        "          Invented for the hypothetical revision; no source says it. An automated",
        "          biofoundry would carry the design and production of bio-parts at scale.",
        *_node_lines(),
    ]
    assert added[0] == "# yaml-language-server: $schema=../roadmap.schema.json"


def _node_lines() -> list[str]:
    text = EXAMPLE.read_text(encoding="utf-8")
    start = text.index("\n  - id: biofoundry_automation\n") + 1
    return text[start : text.index("\n  - id: bio_gene_delivery\n") + 1].splitlines()


def test_bundled_example_validates_from_the_command_line():
    out = CliRunner().invoke(cli, ["--lang", "en", "-g", str(EXAMPLE), "validate"])
    assert out.exit_code == 0, out.output
    assert "48 nodes" in out.output and "52 links" in out.output  # the bundled roadmap has 47 and 51


def test_bundled_example_changes_are_exactly_the_three_edits(G, H):
    c = compare(G, H)
    assert c.nodes_added == ("biofoundry_automation",)
    assert c.nodes_removed == ()
    assert c.nodes_changed == (NodeChange("ai_mission_efficient_learning", f"targets[{METRIC}].value", 50.0, 60.0),)
    assert c.links_added == (
        LinkRef("bio_synthetic_biology", "biofoundry_automation", "requires", None),
        LinkRef("biofoundry_automation", "bio_ai_workforce", "supported_by", None),
    )
    assert c.links_removed == (LinkRef("mrna_platform", "rna_platform", "requires", None),)
    assert c.links_changed == ()
    assert (c.fields_added, c.fields_removed, c.fields_changed) == ((), (), ())
    assert c.roadmap_changed == (
        MetadataChange("id", "kr_nst_roadmap_2", "kr_nst_roadmap_2_hypothetical_revision"),
        MetadataChange("title", G.graph["roadmap"]["title"], G.graph["roadmap"]["title"] + " (가상 개정안, 예시)"),
        MetadataChange(
            "title_en", G.graph["roadmap"]["title_en"], G.graph["roadmap"]["title_en"] + " (hypothetical revision, example)"
        ),
    )
    # the dropped link was an inferred one, and the added links are inferred too
    assert G.edges["mrna_platform", "rna_platform"]["provenance"] == "inferred"
    assert {H.edges[e]["provenance"] for e in [("bio_synthetic_biology", "biofoundry_automation"), ("biofoundry_automation", "bio_ai_workforce")]} == {"inferred"}


def test_bundled_example_knock_on_effects(G, H):
    e = diff_roadmaps(G, H, lang="en").effects
    # both rest on inferred links: the new link is inferred, and the dropped one was
    assert e.missions == (
        MissionEffect(
            "bio_mission_synbio", "changed", chain_entered=("biofoundry_automation",),
            kappa_old=1, kappa_new=1, feasible_old=True, feasible_new=True, evidence="inferred",
        ),
        MissionEffect(
            "bio_mission_vaccine", "changed", chain_left=("rna_platform",), gateways_lost=("rna_platform",),
            kappa_old=1, kappa_new=1, feasible_old=True, feasible_new=True, evidence="inferred",
        ),
    )  # fmt: skip
    assert e.bottlenecks_moved == (RankMove("rna_platform", 3, 20),)
    assert (e.top_entered, e.top_left) == ((), ("rna_platform",))
    assert (e.convergence_gained, e.convergence_lost) == ((), ())
    assert e.gaps_new == ()
    assert [(g.code, g.severity, g.node) for g in e.gaps_resolved] == [("RG203", "warning", "rna_platform")]
    assert e.targets_tightened == (TargetChange("ai_mission_efficient_learning", METRIC, "value", 50.0, 60.0),)
    assert (e.targets_loosened, e.targets_changed) == ((), ())
    # the RNA platform still serves the gene-therapy mission, through gene delivery
    chain = {n.id for n in rg.prerequisite_chain(H, "bio_mission_gene_cell_therapy").nodes}
    assert {"bio_gene_delivery", "rna_platform"} <= chain


def test_bundled_example_review_gates(G, H):
    forward, backward = diff_roadmaps(G, H), diff_roadmaps(H, G, lang="en")
    assert forward.failures(FAIL_ON) == ["any"]
    # undoing the revision loosens the target back to 50% and reopens RG203
    assert backward.effects.targets_loosened == (TargetChange("ai_mission_efficient_learning", METRIC, "value", 60.0, 50.0),)
    assert backward.effects.gaps_new == (
        GapChange("RG203", "warning", "rna_platform", backward.effects.gaps_new[0].message),
    )
    assert "rna_platform" in backward.effects.gaps_new[0].message
    assert backward.failures(FAIL_ON) == ["any", "loosened-target", "new-warning-gap"]


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_bundled_diff_against_itself_on_the_command_line():
    out = run("diff", str(BUNDLED), str(BUNDLED), "--format", "json", "--fail-on", ",".join(FAIL_ON))
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["old"] == data["new"] == {"id": "kr_nst_roadmap_2", "title": "국가전략기술 임무중심 전략로드맵(Ⅱ) - 미래혁신 분야"}

    def lists(value: object) -> list[object]:
        if isinstance(value, dict):
            return [x for v in value.values() for x in lists(v)]
        return [value] if isinstance(value, list) else []

    rest = {k: v for k, v in data.items() if k not in ("old", "new")}
    assert lists(rest) and all(x == [] for x in lists(rest))


def test_bundled_example_on_the_command_line():
    out = run("--lang", "en", "diff", str(BUNDLED), str(EXAMPLE), "--format", "json")
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["nodes"]["added"] == ["biofoundry_automation"]
    assert data["links"]["removed"] == [
        {"source": "mrna_platform", "target": "rna_platform", "relation": "requires", "group": None}
    ]
    assert data["effects"]["targets"]["tightened"] == [
        {"id": "ai_mission_efficient_learning", "metric": METRIC, "attribute": "value", "old": 50.0, "new": 60.0}
    ]
    # gates: a tightened target is no loosened one; any change is a change
    assert run("diff", str(BUNDLED), str(EXAMPLE), "--fail-on", "loosened-target").exit_code == 0
    assert run("diff", str(BUNDLED), str(EXAMPLE), "--fail-on", "any").exit_code == REVISION_FAILED
    assert run("diff", str(EXAMPLE), str(BUNDLED), "--fail-on", "loosened-target").exit_code == REVISION_FAILED
    # English text names the changes in English; Hangul only in what the authors wrote
    text = run("--lang", "en", "diff", str(BUNDLED), str(EXAMPLE)).output
    assert "biofoundry_automation" in text and "rna_platform" in text
    authored = sorted(_authored(BUNDLED) | _authored(EXAMPLE), key=len, reverse=True)
    for line in text.splitlines():
        for words in authored:
            line = line.replace(words, "")
        assert not HANGUL.search(line), line


def _authored(path: Path) -> set[str]:
    """Every text the authors wrote in a roadmap file (names, titles, metrics, ...), and
    each as a table cuts it (the first 59 characters)."""
    return {cut for s in user_strings(rg.load_roadmap(path)) if HANGUL.search(s) for cut in (s, s[:59])}
