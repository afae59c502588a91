"""The bundled roadmap (Ⅱ) is faithful to the ministry's text, which ships beside it
(``graphs/sources/``): every quote is checked against it in every clone and CI run."""

from __future__ import annotations

import networkx as nx
import pytest

import roadmap_graph as rg
from roadmap_graph.fileformat.bundled import bundled_roadmap_paths, bundled_source_text_paths
from roadmap_graph.fileformat.sourcetext import find_source_texts, normalised, read_source_text


@pytest.fixture(scope="module")
def release():
    (path,) = bundled_source_text_paths()
    text = read_source_text(path)
    assert text is not None, path  # it ships with the package: never skipped
    return text


@pytest.fixture(scope="module")
def ministry_text(release) -> str:
    return normalised(release.body)


def all_source_refs(roadmap):
    info = roadmap.roadmap
    for key in ("decision", "framing", "use", "review"):
        part = getattr(info, key)
        for ref in part.sources if part else ():
            yield f"roadmap {key}", ref
    for i, emphasis in enumerate(info.emphases):
        for ref in emphasis.sources:
            yield f"roadmap emphasis {i + 1}", ref
    for f in roadmap.fields:
        for ref in f.sources + (f.focus.sources if f.focus else ()):
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
    assert len(refs) > 100
    kinds = {who.split()[0] for who, _ in refs}
    assert {"roadmap", "field"} <= kinds  # metadata and fields are checked too
    assert any("→" in who for who, _ in refs) and any(who.endswith("target") for who, _ in refs)
    for who, ref in refs:
        assert ref.source == "msit_release", who  # nothing rests on the blog rewrite alone
        assert ref.quote, who
        assert normalised(ref.quote) in ministry_text, (who, ref.quote)


def test_the_source_text_ships_with_its_origin(bundled, release):
    (source,) = [s for s in bundled.roadmap.sources if s.file]
    assert source.id == "msit_release"
    (roadmap_file,) = bundled_roadmap_paths()
    assert find_source_texts([source.model_dump(mode="json")], [str(roadmap_file)])["msit_release"].path == release.path
    header = "\n".join(release.header)
    assert source.url in header and "2023-10-31" in header and "Ministry of Science and ICT" in header
    assert release.body.lstrip().startswith("미래혁신을 이끌 초격차 기술 확보전략")
    assert "-----이하 생략" in release.body  # the reprint's own cut is kept, and said


def test_bundled_metadata_the_release_states(bundled, G):
    info = bundled.roadmap
    assert info.decision is not None
    assert (info.decision.body, info.decision.meeting, info.decision.action) == (
        "국가과학기술자문회의 국가전략기술 특별위원회",
        "제4차 회의",
        "심의·의결",
    )
    assert str(info.decision.date) == "2023-10-31" == str(info.published)
    assert info.use and "투자·평가 등의 주요 기준" in info.use.sources[0].quote
    assert info.review and "검토·조정" in info.review.sources[0].quote
    assert info.framing and "투자·정책방향" in info.framing.text
    assert [e.text.split()[0] for e in info.emphases] == ["기술분야간", "신속한", "범부처"]
    assert "신격차 창출" in info.emphases[1].text
    focus = {f.id: f.focus for f in bundled.fields}
    assert focus["ai"] is None and focus["bio"] is not None
    assert focus["bio"].text == "디지털·바이오 융합을 통한 난제해결"
    # every statement says it in English too, and the summary's JSON carries it
    for part in (info.framing, info.use, info.review, *info.emphases, focus["bio"]):
        assert part.text_en and part.sources
    data = rg.summarize(G).to_dict()
    assert data["roadmap"]["decision"]["meeting"] == "제4차 회의"
    assert data["fields"]["bio"]["focus"]["text"] == "디지털·바이오 융합을 통한 난제해결"


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
        (m, t["value"], t["unit"], t["bound"], t["by"])
        for m, ts in targets.items()
        for t in ts
        if t["value"] is not None
    }
    assert numbers == {
        ("ai_mission_efficient_learning", 50, "%", "at_least", 2030),  # 50% 이상 경량화
        ("ai_mission_trustworthy", 90, "%", "at_least", 2030),  # 탐지율 90% 이상
        ("bio_mission_synbio", 10, "배", "up_to", 2030),  # 최대 10배, 10배까지
        ("bio_mission_health_data", 1_000_000, "명", "at_least", 2030),  # 100만 명 이상
    }
    clinical = targets["bio_mission_gene_cell_therapy"]
    assert [(t["value"], t["bound"], t["by"]) for t in clinical] == [(None, "milestone", 2030)]  # ’30년까지 임상 진입
    # every mission is due in 2030 ("2030년까지 달성해야 할 국가임무"), the silent one too
    assert all(ts and all(t["by"] == 2030 for t in ts) for ts in targets.values())
    (industrial,) = targets["ai_mission_industrial_ai"]
    assert (industrial["value"], industrial["bound"]) == (None, "milestone")  # no number: none invented
    assert [s["quote"] for s in industrial["sources"]] == ["2030년까지 달성해야 할 국가임무"]
    for m, ts in targets.items():
        for t in ts:
            assert t["sources"], m
            if t["value"] is not None:
                quoted = " ".join(s["quote"] for s in t["sources"])
                number = "100만" if t["value"] == 1_000_000 else f"{int(t['value'])}"
                assert number in quoted, (m, t)


def test_industrial_ai_is_left_silent(G):
    # its one link is a support the release does not state; it has no technology below it
    assert list(G.successors("ai_industrial_ai")) == ["ai_literacy_education"]
    assert G.edges["ai_industrial_ai", "ai_literacy_education"]["provenance"] == "inferred"
    assert G.edges["ai_mission_industrial_ai", "ai_industrial_ai"]["provenance"] == "stated"  # 중점기술별 임무


def test_every_link_is_written_out_with_its_own_evidence(bundled):
    """No link leans on its node: each says its provenance; a stated one quotes the sentence
    that states it, an inferred one says why."""
    for node in bundled.nodes:
        for _, _, link in node.links():
            assert not link.is_bare and link.provenance is not None, (node.id, link.id)
            if link.provenance == "stated":
                assert link.sources and all(ref.quote for ref in link.sources), (node.id, link.id)
            else:
                assert link.note, (node.id, link.id)


STATED_LINKS = {
    ("ai_mission_industrial_ai", "ai_industrial_ai"),  # ▲산업활용·혁신AI … 4개 중점기술별 임무
    ("bio_mission_synbio", "bio_synthetic_biology"),  # 합성생물학의 경우, … 10배까지
    ("bio_synthetic_biology", "ai_robot_automation"),  # 합성생물학의 경우, AI·로봇을 적용해
    ("bioparts_screening", "bio_core_equipment_sw"),  # 이를 뒷받침할 핵심 장비·SW
    ("bioprocess_culture_purification", "bio_core_equipment_sw"),
    ("bioprocess_culture_purification", "biomanufacturing_digital_twin"),
    ("bio_gene_delivery", "rna_platform"),  # 유전물질 전달(RNA 플랫폼·바이러스 벡터 등)
    ("bio_gene_delivery", "viral_vector"),
    ("genai_drug_diagnosis", "generative_ai"),  # 생성형 AI를 적용한 신약후보 분석·질병진단
}


def test_bundled_stated_links_are_exactly_those_a_sentence_states(G):
    stated = {(u, v) for u, v, p in G.edges(data="provenance") if p == "stated"}
    assert stated == STATED_LINKS
    assert G.number_of_edges() == 51 and sum(1 for *_, p in G.edges(data="provenance") if p == "inferred") == 42
    # the release never says which core technology a mission belongs to, except by definition
    for m, d in G.nodes(data=True):
        if d["kind"] == "mission" and m not in ("ai_mission_industrial_ai", "bio_mission_synbio"):
            (core,) = G.successors(m)
            assert G.edges[m, core]["provenance"] == "inferred" and G.edges[m, core]["note"], m
    # the two missions of the same kind are treated alike (the inconsistency)
    for m, core in (("ai_mission_efficient_learning", "ai_efficient_learning"), ("ai_mission_agi", "ai_advanced_modeling")):
        assert G.edges[m, core]["provenance"] == "inferred"


def test_a_bare_link_never_inherits_stated(write):
    path = write(
        "r.yaml",
        "schema_version: 1\nroadmap: {id: r, title: 로드맵}\nfields: [{id: ai, name: 인공지능}]\nnodes:\n"
        "  - {id: m, kind: mission, field: ai, name: 임무, provenance: stated, requires: [c]}\n"
        "  - {id: c, kind: core_technology, field: ai, name: 기술, provenance: inferred, requires: [e]}\n"
        "  - {id: e, kind: enabling_technology, field: ai, name: 세부, requires: [{id: f, provenance: stated}]}\n"
        "  - {id: f, kind: enabling_technology, field: ai, name: 세부2}\n",
    )
    G = rg.to_networkx(rg.load_roadmap(path))
    assert G.edges["m", "c"]["provenance"] is None  # unknown: the node's quote is not the link's
    assert G.edges["m", "c"]["sources"] == []
    assert G.edges["c", "e"]["provenance"] == "inferred"  # no surer than its node
    assert G.edges["e", "f"]["provenance"] == "stated"  # only when the link says so


def test_a_node_is_filed_under_the_section_that_names_it(G):
    # AI·로봇 and 생성형 AI appear only in the bio section, as AI applied to bio
    for n in ("ai_robot_automation", "generative_ai"):
        assert G.nodes[n]["field"] == "bio", n
        assert G.nodes[n]["description_en"] and "bio" in G.nodes[n]["description_en"]
    assert G.nodes["ai_robot_automation"]["description"].count("첨단바이오") == 1  # Korean text in Korean


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


def test_delivery_routes_are_examples_not_alternatives(G):
    # "유전물질 전달(RNA 플랫폼·바이러스 벡터 등)": examples (등), not "either suffices"
    edges = {v: G.edges["bio_gene_delivery", v] for v in G.successors("bio_gene_delivery")}
    assert set(edges) == {"rna_platform", "viral_vector"}
    for d in edges.values():
        assert d["relation"] == "requires" and d["group"] is None and d["provenance"] == "stated"
        assert "(등)" in d["note"] and "not as alternatives" in d["note"]
    assert not any(d["group"] is not None for *_, d in G.edges(data=True))  # no alternatives left anywhere


def test_every_measure_is_linked_with_its_category(G):
    measures = {n: d for n, d in G.nodes(data=True) if d["kind"] == "ecosystem_measure"}
    assert {(d["field"], d["category"]) for d in measures.values()} == {
        ("ai", "regulation_standards"),
        ("ai", "public_literacy"),  # 비전문가·디지털 소외계층 리터러시: not the training of specialists
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
    # AI·로봇 and 생성형 AI are bio nodes (named only in the bio section): the one link
    # between the fields is an analyst's reading
    assert cross == {("bio_cloud_analysis_infra", "cloud_optimization"): "inferred"}


def test_roadmap_is_acyclic(G):
    assert nx.is_directed_acyclic_graph(G)
