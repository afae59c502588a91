"""The bundled roadmap (Ⅱ) is faithful to the ministry's text: checked against the seeds."""

from __future__ import annotations

import re
import unicodedata

import networkx as nx
import pytest

from .conftest import SEEDS

MINISTRY_SEED = SEEDS / "000_f79f5a9e81fca838.txt"


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


@pytest.fixture(scope="module")
def ministry_text() -> str:
    if not MINISTRY_SEED.exists():
        pytest.skip(f"the seed articles are not beside the checkout ({MINISTRY_SEED})")
    return normalised(MINISTRY_SEED.read_text(encoding="utf-8"))


def all_source_refs(roadmap):
    for f in roadmap.fields:
        for ref in f.sources:
            yield f"field {f.id}", ref
    for n in roadmap.nodes:
        for ref in n.sources:
            yield n.id, ref
        for t in n.targets:
            for ref in t.sources:
                yield f"{n.id} target", ref
        for _, _, link in n.links():
            for ref in link.sources:
                yield f"{n.id} → {link.id}", ref


def test_every_quote_is_verbatim_in_the_ministry_text(bundled, ministry_text):
    refs = list(all_source_refs(bundled))
    assert len(refs) > 60
    for who, ref in refs:
        assert ref.source == "msit_release", who  # nothing rests on the blog rewrite alone
        assert ref.quote, who
        assert normalised(ref.quote) in ministry_text, (who, ref.quote)


def test_fields_and_goals(bundled, ministry_text):
    fields = {f.id: f for f in bundled.fields}
    assert set(fields) == {"ai", "bio"}
    assert fields["ai"].name == "인공지능" and fields["bio"].name == "첨단바이오"
    for f in fields.values():
        assert f.goal and normalised(f.goal) in ministry_text and f.goal_en


CORE = {
    "ai": {"효율적 학습 및 AI인프라 고도화", "첨단 모델링·의사결정", "산업활용·혁신AI", "안전·신뢰AI"},
    "bio": {"합성생물학", "유전자·세포치료", "감염병 백신·치료", "디지털 헬스데이터 분석·활용"},
}


def test_the_eight_core_technologies_with_one_mission_each(G):
    for field, names in CORE.items():
        core = {n for n, d in G.nodes(data=True) if d["kind"] == "core_technology" and d["field"] == field}
        assert {G.nodes[n]["name"] for n in core} == names
        for n in core:
            missions = [m for m in G.predecessors(n) if G.nodes[m]["kind"] == "mission"]
            assert len(missions) == 1, n
    for m, d in G.nodes(data=True):
        if d["kind"] == "mission":
            assert [G.nodes[v]["kind"] for v in G.successors(m)] == ["core_technology"]


def test_targets_exactly_as_stated_and_no_invented_numbers(G):
    targets = {m: d["targets"] for m, d in G.nodes(data=True) if d["kind"] == "mission"}
    numbers = {
        (m, t["value"], t["unit"], t["comparator"], t["by"])
        for m, ts in targets.items()
        for t in ts
        if t["value"] is not None
    }
    assert numbers == {
        ("ai_mission_efficient_learning", 50, "%", ">=", 2030),  # 50% 이상 경량화
        ("ai_mission_trustworthy", 90, "%", ">=", 2030),  # 탐지율 90% 이상
        ("bio_mission_synbio", 10, "배", "<=", 2030),  # 최대 10배, 10배까지
        ("bio_mission_health_data", 1_000_000, "명", ">=", 2030),  # 100만 명 이상
    }
    clinical = targets["bio_mission_gene_cell_therapy"]
    assert [(t["value"], t["by"]) for t in clinical] == [(None, 2030)]  # ’30년까지 임상 진입
    assert targets["ai_mission_industrial_ai"] == []  # the sources are silent: so are we
    for m, ts in targets.items():
        for t in ts:
            assert t["sources"], m
            if t["value"] is not None:
                quoted = " ".join(s["quote"] for s in t["sources"])
                number = "100만" if t["value"] == 1_000_000 else f"{int(t['value'])}"
                assert number in quoted, (m, t)


def test_industrial_ai_is_left_silent(G):
    assert list(G.successors("ai_industrial_ai")) == ["ai_literacy_education"]
    assert G.edges["ai_industrial_ai", "ai_literacy_education"]["provenance"] == "inferred"


def test_every_node_and_edge_has_provenance(G):
    for n, d in G.nodes(data=True):
        assert d["provenance"] in ("stated", "inferred"), n
        if d["provenance"] == "stated":
            assert d["sources"] and all(s["quote"] for s in d["sources"]), n
    for u, v, d in G.edges(data=True):
        assert d["provenance"] in ("stated", "inferred"), (u, v)
        if d["provenance"] == "stated":
            assert d["sources"], (u, v)
        else:
            assert d["note"], (u, v)  # an inference says why


KEY_TECHNOLOGIES = {
    "ai_efficient_learning": {"비정제데이터 기반 학습", "분산·병렬형 학습", "클라우드 최적화"},
    "ai_advanced_modeling": {"초소량 데이터 학습", "AI 모델 상호간 협업", "상식추론", "멀티모달", "뇌신경망 모사"},
    "ai_safe_trustworthy": {
        "AI 생성 컨텐츠 권리침해 자동탐지",
        "편향·오염된 데이터에 대한 모델 강건성",
        "설명가능한 AI(XAI)",
    },
    "bio_synthetic_biology": {"바이오부품 초고속 발굴(스크리닝)", "배양·정제 등 공정 기술", "AI·로봇 적용 설계·생산 자동화"},
    "bio_gene_cell_therapy": {"유전물질 전달", "안전성이 확보된 차세대 세포치료제"},
    "bio_vaccine": {"mRNA 백신플랫폼"},
    "bio_digital_health_data": {"한국인 바이오 빅데이터", "클라우드 기반 분석 인프라", "생성형 AI 적용 신약후보 분석·질병진단"},
}


def test_key_technologies_under_each_core_technology(G):
    for core, names in KEY_TECHNOLOGIES.items():
        found = {G.nodes[v]["name"] for v in G.successors(core) if G.edges[core, v]["relation"] == "requires"}
        assert found == names, core
    below_synbio = nx.descendants(G, "bio_synthetic_biology")
    assert {"bio_core_equipment_sw", "biomanufacturing_digital_twin"} <= below_synbio


def test_delivery_routes_are_alternatives(G):
    groups = {v: G.edges["bio_gene_delivery", v]["group"] for v in G.successors("bio_gene_delivery")}
    assert groups == {"rna_platform": 0, "viral_vector": 0}


def test_every_measure_is_linked_with_its_category(G):
    measures = {n: d for n, d in G.nodes(data=True) if d["kind"] == "ecosystem_measure"}
    assert {(d["field"], d["category"]) for d in measures.values()} == {
        ("ai", "regulation_standards"),
        ("ai", "workforce"),
        ("bio", "workforce"),
        ("bio", "international_cooperation"),
        ("bio", "data"),
        ("bio", "regulation_standards"),
    }
    for n in measures:
        assert G.in_degree(n) >= 1, n
        assert G.out_degree(n) == 0, n
    high_risk = G.nodes["ai_global_norms_trust"]["description"]
    for area in ("생체정보 인식", "딥페이크", "에너지·교통", "채용·대출·평가", "공공활용", "원자력"):
        assert area in high_risk


def test_ai_bio_links(G):
    cross = {(u, v): d["provenance"] for u, v, d in G.edges(data=True) if G.nodes[u]["field"] != G.nodes[v]["field"]}
    assert cross == {
        ("bio_synthetic_biology", "ai_robot_automation"): "stated",  # AI·로봇을 적용해
        ("genai_drug_diagnosis", "generative_ai"): "stated",  # 생성형 AI를 적용한
        ("bio_cloud_analysis_infra", "cloud_optimization"): "inferred",
        ("generative_ai", "bio_ai_workforce"): "inferred",
    }


def test_roadmap_is_acyclic(G):
    assert nx.is_directed_acyclic_graph(G)
