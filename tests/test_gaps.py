"""The gap linter: each rule on a fixture that triggers it, oracles on random roadmaps,
silencing, selection and the bundled roadmap's known gaps."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given

import roadmap_graph as rg
from roadmap_graph.analyses.gaps import RULES, find_gaps
from roadmap_graph.errors import InvalidOptionError

from .oracles import gateways_of, missions_of, requirement_graph
from .strategies import roadmaps

CLEAN = """
schema_version: 1
roadmap: {id: clean, title: 빈틈없는 로드맵}
fields:
  - {id: ai, name: 인공지능, converges_with: [bio]}
  - {id: bio, name: 첨단바이오}
nodes:
  - {id: m1, kind: mission, field: ai, name: 임무1, requires: [c1],
     targets: [{metric: 탐지율, value: 90, unit: '%', by: 2030}], provenance: stated}
  - {id: m2, kind: mission, field: bio, name: 임무2, requires: [c2],
     targets: [{metric: 규모, value: 100, by: 2030}]}
  - {id: c1, kind: core_technology, field: ai, name: 중점1, requires: [e1], supported_by: [w, r, d, i, s]}
  - {id: c2, kind: core_technology, field: bio, name: 중점2, requires: [e1], supported_by: [w, r, d, i, s]}
  - {id: e1, kind: enabling_technology, field: ai, name: 세부1, supported_by: [w]}
  - {id: w, kind: ecosystem_measure, field: ai, name: 인력, category: workforce}
  - {id: r, kind: ecosystem_measure, field: ai, name: 규제, category: regulation_standards}
  - {id: d, kind: ecosystem_measure, field: ai, name: 데이터, category: data}
  - {id: i, kind: ecosystem_measure, field: bio, name: 국제협력, category: international_cooperation}
  - {id: s, kind: ecosystem_measure, field: bio, name: 인프라, category: infrastructure}
"""

from .conftest import raises_en


def load(text: str) -> nx.DiGraph:
    return rg.to_networkx(rg.loads_roadmap(text, path="fixture.yaml"))


def test_clean_fixture_has_no_findings():
    report = find_gaps(load(CLEAN))
    assert report.findings == () and not report.failed("warning")


BROKEN = {
    # code: (edit of the clean fixture, the node the finding must be about)
    "RG101": (("requires: [c2],", "requires: [],"), "m2"),
    "RG102": (("metric: 규모, value: 100, by: 2030", "metric: 규모, by: 2030"), "m2"),
    "RG103": (("metric: 규모, value: 100, by: 2030", "metric: 규모, value: 100"), "m2"),
    "RG201": (("name: 중점2, requires: [e1],", "name: 중점2,"), "c2"),
    "RG202": (("name: 세부1, supported_by: [w]}", "name: 세부1}"), "e1"),
    "RG301": (
        ("  - {id: w, kind", "  - {id: x, kind: enabling_technology, field: ai, name: 고아, supported_by: [w]}\n  - {id: w, kind"),
        "x",
    ),
    "RG402": (("name: 인프라, category: infrastructure", "name: 인프라"), "s"),
    "RG601": (
        ("requires: [c1],", "requires: [{id: c1, provenance: inferred}],"),
        ("name: 중점1, requires: [e1],", "name: 중점1, provenance: inferred, requires: [e1],"),
        "m1",
    ),
}


@pytest.mark.parametrize("code", sorted(BROKEN))
def test_each_rule_fires_on_its_fixture(code):
    *edits, node = BROKEN[code]
    text = CLEAN
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    report = find_gaps(load(text), select=[code])
    assert [(f.code, f.node) for f in report.findings] == [(code, node)]
    finding = report.findings[0]
    assert finding.severity == RULES[code].severity
    assert finding.location and finding.location.startswith("fixture.yaml:")
    assert finding.fix


def test_rg501_declared_convergence_without_a_link():
    text = """
schema_version: 1
roadmap: {id: x, title: t}
fields:
  - {id: ai, name: 인공지능, converges_with: [bio]}
  - {id: bio, name: 첨단바이오}
nodes:
  - {id: m1, kind: mission, field: ai, name: 임무1, requires: [c1]}
  - {id: c1, kind: core_technology, field: ai, name: 중점1}
  - {id: m2, kind: mission, field: bio, name: 임무2, requires: [c2]}
  - {id: c2, kind: core_technology, field: bio, name: 중점2}
"""
    report = find_gaps(load(text), select=["RG501"])
    assert [(f.code, f.node, f.severity) for f in report.findings] == [("RG501", "ai", "error")]
    linked = text.replace("name: 중점2}", "name: 중점2, requires: [c1]}")
    assert find_gaps(load(linked), select=["RG501"]).findings == ()


def test_rg203_gateway_without_measure_and_rg401_missing_category():
    text = CLEAN.replace("supported_by: [w, r, d, i, s]}\n  - {id: c2", "supported_by: [w, r, d, i]}\n  - {id: c2", 1)
    text = text.replace("name: 중점1, requires: [e1], supported_by: [w, r, d, i]}", "name: 중점1, requires: [e1]}")
    report = find_gaps(load(text), select=["RG203", "RG401"])
    assert {(f.code, f.node) for f in report.findings} >= {("RG203", "c1")}
    assert ("RG401", "ai") in {(f.code, f.node) for f in report.findings}
    messages = [f.message for f in report.findings if f.code == "RG401"]
    assert all("ai" in m for m in messages)


def test_silencing_keeps_the_finding_with_its_reason():
    text = CLEAN.replace("name: 중점2, requires: [e1],", "name: 중점2, ignore: [{code: RG201, reason: 후속 계획에서 정함}],")
    report = find_gaps(load(text), select=["RG201"])
    assert report.findings == ()
    ((finding, reason),) = report.silenced
    assert finding.node == "c2" and reason == "후속 계획에서 정함"


def test_select_ignore_and_fail_on():
    G = load(CLEAN.replace("requires: [c2],", "requires: [],"))
    assert find_gaps(G).failed("error")  # RG101 is an error
    assert not find_gaps(G, ignore=["RG1"]).failed("error")
    assert {f.code for f in find_gaps(G, select=["RG1"]).findings} == {"RG101", "RG201"} - {"RG201"}
    with raises_en(InvalidOptionError, "no gap rule matches 'RG9'"):
        find_gaps(G, select=["RG9"])


@given(roadmaps())
def test_rules_match_direct_predicates(roadmap):
    G = rg.to_networkx(roadmap)
    got: dict[str, set[str]] = {}
    for f in find_gaps(G).findings:
        got.setdefault(f.code, set()).add(f.node)
    R = requirement_graph(G)
    ms = missions_of(G)
    served = set().union(*(nx.descendants(G, m) for m in ms)) if ms else set()
    tech = {n for n, k in G.nodes(data="kind") if k in ("core_technology", "enabling_technology")}
    supported = {u for u, v, d in G.edges(data=True) if d["relation"] == "supported_by"}
    all_gateways = set().union(*(gateways_of(G, m) for m in ms)) if ms else set()

    def chain_edges(m):
        cone = nx.descendants(R, m) | {m}
        return [G.edges[u, v] for u, v in R.edges if u in cone]

    expected = {
        "RG101": {m for m in ms if R.out_degree(m) == 0},
        "RG201": {n for n, k in G.nodes(data="kind") if k == "core_technology" and not any(G.nodes[c]["kind"] == "enabling_technology" for c in R.successors(n))},
        "RG202": tech - supported,
        "RG203": (all_gateways & tech) - supported,
        "RG301": {n for n, k in G.nodes(data="kind") if k != "mission"} - served,
        "RG601": {m for m in ms if R.out_degree(m) and all(d["provenance"] == "inferred" for d in chain_edges(m))},
    }
    for code, nodes in expected.items():
        assert got.get(code, set()) == nodes, code


def test_bundled_roadmap_gaps_by_hand(G):
    report = find_gaps(G, lang="en")
    by_code: dict[str, list[str]] = {}
    for f in report.findings:
        by_code.setdefault(f.code, []).append(f.node)
    # The sources name 산업활용·혁신AI and nothing else: no enabling technology, no number;
    # its mission has the deadline the release sets for every mission (2030), so no RG103.
    assert by_code["RG201"] == ["ai_industrial_ai"]
    assert "RG103" not in by_code
    # Missions with no number in the sources: AGI, industrial AI, clinical entry, mRNA.
    assert by_code["RG102"] == ["ai_mission_agi", "ai_mission_industrial_ai", "bio_mission_gene_cell_therapy", "bio_mission_vaccine"]
    # Missions whose whole chain rests on inferred links: the release never says which core
    # technology a mission belongs to, and these chains hold no stated link further down
    # (gene therapy keeps its stated delivery routes, health data 생성형 AI를 적용한, synbio
    # and industrial AI their stated mission links).
    assert by_code["RG601"] == ["ai_mission_agi", "ai_mission_efficient_learning", "ai_mission_trustworthy", "bio_mission_vaccine"]
    # AI's two measures are norms/trust and public literacy: no workforce, data, cooperation or
    # infrastructure; bio's four cover all but infrastructure (public literacy is optional).
    rg401 = sorted((f.node, f.message.split(" measure")[0].removeprefix("no ")) for f in report.findings if f.code == "RG401")
    assert rg401 == [
        ("ai", "data"),
        ("ai", "infrastructure"),
        ("ai", "international cooperation"),
        ("ai", "workforce"),
        ("bio", "infrastructure"),
    ]
    assert "RG501" not in by_code and "RG301" not in by_code and "RG101" not in by_code
    assert not report.failed("error") and report.failed("warning")
    assert all(set(row) == {"code", "severity", "node", "message", "fix", "location"} for row in report.to_list())
