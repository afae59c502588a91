"""Convergence analysis against brute-force oracles, and by hand on the bundled roadmap."""

from __future__ import annotations

import json
from fractions import Fraction
from itertools import permutations

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

import roadmap_graph as rg
from roadmap_graph.analyses.convergence import ROLES, Convergence, convergence
from roadmap_graph.errors import InvalidOptionError, RoadmapGraphError

# --- brute-force oracles: per node, by nx.ancestors / nx.descendants and plain enumeration ---
from .conftest import raises_en
from .strategies import roadmaps


def fields_of(G):
    declared = list(G.graph["fields"])
    return declared + sorted({f for _, f in G.nodes(data="field")} - set(declared))


def served_fields(G, node):
    """Fields of the missions from which ``node`` is reachable over any edge (not itself)."""
    return {G.nodes[m]["field"] for m in nx.ancestors(G, node) if G.nodes[m]["kind"] == "mission"}


def points_oracle(G, chosen):
    out = {}
    for n in G:
        served = served_fields(G, n)
        if len((served | {G.nodes[n]["field"]}) & set(chosen)) >= 2:
            out[n] = sorted(served)
    return out


def integration_oracle(G, chosen):
    """{node: (sorted fields built on, meeting?)} over the requirement subgraph only."""
    R = nx.DiGraph()
    R.add_nodes_from(G)
    R.add_edges_from((u, v) for u, v, r in G.edges(data="relation") if r == "requires")
    down = {n: {G.nodes[x]["field"] for x in nx.descendants(R, n) | {n}} for n in G}
    wide = {n for n in G if len(down[n] & set(chosen)) >= 2}
    return {n: (sorted(down[n]), not any(c in wide for c in R.successors(n))) for n in wide}


def matrix_oracle(G, chosen):
    return {
        a: {
            b: sum(1 for u, v in G.edges if G.nodes[u]["field"] == a and G.nodes[v]["field"] == b)
            for b in chosen
        }
        for a in chosen
    }


def participation_oracle(G, neighbours, K):
    """Normalised P = (1 − Σ_s (k_s/k)²) / (1 − 1/K), exactly, straight from the formula."""
    if not neighbours or K < 2:
        return Fraction(0)
    k = len(neighbours)
    shares = [Fraction(sum(1 for x in neighbours if G.nodes[x]["field"] == s), k) for s in fields_of(G)]
    return (1 - sum(p * p for p in shares)) / (1 - Fraction(1, K))


def role_of(fa, fv, fb):
    if fa == fv == fb:
        return "coordinator"
    if fa == fb:
        return "itinerant"
    if fa == fv:
        return "representative"
    if fv == fb:
        return "gatekeeper"
    return "liaison"


def brokerage_oracle(G):
    """Every ordered triple of distinct nodes, in flow orientation (the reversed graph)."""
    F = G.reverse(copy=True)
    f = dict(G.nodes(data="field"))
    counts: dict[str, dict[str, int]] = {}
    for a, v, b in permutations(F, 3):
        if F.has_edge(a, v) and F.has_edge(v, b) and not F.has_edge(a, b):
            role = role_of(f[a], f[v], f[b])
            counts.setdefault(v, dict.fromkeys(ROLES, 0))[role] += 1
    return counts


def check_against_oracles(G, c: Convergence, chosen):
    assert c.fields == tuple(chosen)
    assert {p.id: list(p.fields) for p in c.convergence_points} == points_oracle(G, chosen)
    assert [p.id for p in c.convergence_points] == sorted(p.id for p in c.convergence_points)
    assert {p.id: (list(p.fields), p.meeting) for p in c.integration_points} == integration_oracle(G, chosen)
    assert c.field_matrix == matrix_oracle(G, chosen)
    keep = set(chosen)
    expected_edges = sorted(
        (u, v, G.nodes[u]["field"], G.nodes[v]["field"], r)
        for u, v, r in G.edges(data="relation")
        if G.nodes[u]["field"] != G.nodes[v]["field"] and {G.nodes[u]["field"], G.nodes[v]["field"]} <= keep
    )
    assert [(e.source, e.target, e.source_field, e.target_field, e.relation) for e in c.cross_field_edges] == expected_edges


# --- property tests -----------------------------------------------------------------------


def check_node_measures(G, c: Convergence):
    K = len(fields_of(G))
    U = G.to_undirected(as_view=True)
    assert list(c.participation) == sorted(G)
    for n, p in c.participation.items():
        assert p.degree == U.degree(n)
        assert p.participation == pytest.approx(float(participation_oracle(G, list(U[n]), K)), abs=1e-12)
        assert p.participation_in == pytest.approx(float(participation_oracle(G, list(G.pred[n]), K)), abs=1e-12)
        assert p.participation_out == pytest.approx(float(participation_oracle(G, list(G.succ[n]), K)), abs=1e-12)
        for value in (p.participation, p.participation_in, p.participation_out):
            assert 0 <= value <= 1
        if len({G.nodes[x]["field"] for x in U[n]}) <= 1:
            assert p.participation == 0

    assert {v: {r: getattr(b, r) for r in ROLES} for v, b in c.brokerage.items()} == brokerage_oracle(G)
    for v in G:
        # Open 2-paths through v counted another way: every (prerequisite, dependent) pair
        # minus those already joined by an edge dependent → prerequisite. Nodes without
        # one are left out of c.brokerage.
        open_paths = sum(1 for a in G.succ[v] for d in G.pred[v] if not G.has_edge(d, a))
        assert (c.brokerage[v].total if v in c.brokerage else 0) == open_paths
        assert v not in c.brokerage or open_paths > 0
    if K == 1:
        assert not c.cross_field_edges and not c.convergence_points and not c.integration_points
        assert all(b.coordinator == b.total for b in c.brokerage.values())


@given(roadmaps(rich=False), st.data())
def test_matches_brute_force(roadmap, data):
    G = rg.to_networkx(roadmap)
    c = convergence(G)
    check_against_oracles(G, c, fields_of(G))
    check_node_measures(G, c)
    # A subset of the fields: every part restricted as documented.
    chosen = data.draw(st.lists(st.sampled_from(fields_of(G)), unique=True))
    sub = convergence(G, fields=chosen)
    check_against_oracles(G, sub, [f for f in fields_of(G) if f in chosen])
    assert sub.participation == c.participation and sub.brokerage == c.brokerage


@st.composite
def dags(draw, max_nodes=9):
    """Any DAG (i < j ⇒ edge i → j, labels shuffled), not only layered roadmaps: random
    kinds, fields and relations, so every brokerage pattern and odd shape turns up."""
    n = draw(st.integers(1, max_nodes))
    labels = draw(st.permutations([f"v{i}" for i in range(n)]))
    G = nx.DiGraph(fields={f: {} for f in ("ai", "bio", "quantum")})
    for label in labels:
        G.add_node(label, kind=draw(st.sampled_from(["mission", "core_technology", "ecosystem_measure"])),
                   field=draw(st.sampled_from(["ai", "bio", "quantum"])), name=label)  # fmt: skip
    for i in range(n):
        for j in range(i + 1, n):
            if draw(st.booleans()):
                G.add_edge(labels[i], labels[j], relation=draw(st.sampled_from(["requires", "supported_by"])))
    return G


@given(dags(), st.data())
def test_matches_brute_force_on_any_dag(G, data):
    c = convergence(G)
    check_against_oracles(G, c, fields_of(G))
    check_node_measures(G, c)
    chosen = data.draw(st.lists(st.sampled_from(fields_of(G)), min_size=1, unique=True))
    check_against_oracles(G, convergence(G, fields=chosen), [f for f in fields_of(G) if f in chosen])


@given(roadmaps(rich=False))
def test_to_dict_is_json_with_the_fixed_shape(roadmap):
    G = rg.to_networkx(roadmap)
    c = convergence(G)
    d = json.loads(json.dumps(c.to_dict()))
    assert {"cross_field_edges", "convergence_points", "field_matrix"} <= set(d)
    for e in d["cross_field_edges"]:
        assert set(e) == {"source", "target", "source_field", "target_field", "relation", "provenance"}
    for p in d["convergence_points"]:
        assert set(p) == {"id", "field", "kind", "fields", "stated"} and p["fields"] == sorted(p["fields"])
    fields = fields_of(G)
    assert list(d["field_matrix"]) == fields
    assert all(list(row) == fields for row in d["field_matrix"].values())
    assert sum(n for row in d["field_matrix"].values() for n in row.values()) == G.number_of_edges()
    assert d["meeting_points"] == [p["id"] for p in d["integration_points"] if p["meeting"]]
    assert [p["id"] for p in d["participation"]] == sorted(G)


# --- by hand on the bundled roadmap ---------------------------------------------------------


def test_convergence_points_of_the_bundled_roadmap(G):
    # Read off graphs/kr_nst_roadmap_2_ai_bio.yaml. AI·로봇 자동화 and 생성형 AI are bio nodes
    # (the release names them only in its bio section), so one link crosses the fields:
    # bio_cloud_analysis_infra → cloud_optimization (inferred). No AI node links to a bio
    # node, so no bio node serves an AI mission. The one AI node a bio node links to:
    # * cloud_optimization: required by ai_efficient_learning ← ai_mission_efficient_learning
    #   and by bio_cloud_analysis_infra ← bio_digital_health_data ← bio_mission_health_data
    #   → ['ai', 'bio'].
    # Every other AI node is reached from AI missions only; every other bio node from bio.
    c = convergence(G)
    # cloud_optimization serves bio only through its inferred link from bio_cloud_analysis_infra.
    assert c.to_dict()["convergence_points"] == [
        {"id": "cloud_optimization", "field": "ai", "kind": "enabling_technology", "fields": ["ai", "bio"], "stated": False},
    ]
    assert [p.kind for p in c.convergence_points] == ["enabling_technology"]
    assert c.convergence_points[0].name_en == "Cloud optimisation"


def test_cross_field_edges_and_matrix_of_the_bundled_roadmap(G):
    c = convergence(G)
    assert c.to_dict()["cross_field_edges"] == [
        {"source": "bio_cloud_analysis_infra", "target": "cloud_optimization",
         "source_field": "bio", "target_field": "ai", "relation": "requires", "provenance": "inferred"},
    ]  # fmt: skip
    # ai → ai, counted from the file: 4 mission links, ai_efficient_learning 3,
    # ai_advanced_modeling 5, ai_industrial_ai 1 (support), ai_safe_trustworthy 3 + 1
    # support, unrefined_data_learning 1, infringement_detection 1 (support) = 19.
    # bio → bio: 4 mission links, bio_synthetic_biology 3 + 1 support, bio_gene_cell_therapy
    # 2 + 2, bio_vaccine 1 + 2, bio_digital_health_data 3 + 2, bioparts_screening 1,
    # bioprocess_culture_purification 2 + 1, bio_gene_delivery 2, mrna_platform 1,
    # korean_bio_big_data 1 (support), bio_cloud_analysis_infra 0, genai_drug_diagnosis 2,
    # generative_ai 1 (support) = 31.
    # 19 + 31 + the 1 cross-field edge = 51 edges.
    assert c.field_matrix == {"ai": {"ai": 19, "bio": 0}, "bio": {"ai": 1, "bio": 31}}
    assert G.number_of_edges() == 51


def test_integration_and_meeting_points_of_the_bundled_roadmap(G):
    # One requirement edge crosses fields, bio → ai: bio_cloud_analysis_infra →
    # cloud_optimization. Its source builds on ai and bio and none of its requirement
    # children does: the one meeting point. Above it, bio_digital_health_data and the
    # mission bio_mission_health_data inherit both fields. No AI node requires anything from bio.
    c = convergence(G)
    assert {p.id: p.fields for p in c.integration_points} == dict.fromkeys(
        ["bio_cloud_analysis_infra", "bio_digital_health_data", "bio_mission_health_data"],
        ("ai", "bio"),
    )
    assert c.meeting_points == ("bio_cloud_analysis_infra",)


def test_brokerage_of_the_bundled_roadmap(G):
    c = convergence(G)

    def roles(node):
        return {r: getattr(c.brokerage[node], r) for r in ROLES if getattr(c.brokerage[node], r)}

    # Flow bio_ai_workforce → generative_ai → genai_drug_diagnosis, all bio now (generative_ai
    # is named only in the bio section), and genai_drug_diagnosis is not supported by
    # bio_ai_workforce: a coordinator.
    assert roles("generative_ai") == {"coordinator": 1}
    # cloud_optimization (ai) → bio_cloud_analysis_infra (bio) → bio_digital_health_data (bio):
    # bio takes AI's capability in, gatekeeper: the only cross-field role left.
    assert roles("bio_cloud_analysis_infra") == {"gatekeeper": 1}
    assert [n for n, b in c.brokerage.items() if b.gatekeeper + b.itinerant + b.representative + b.liaison] == [
        "bio_cloud_analysis_infra"
    ]
    # genai_drug_diagnosis has prerequisites generative_ai and korean_bio_big_data (both bio)
    # and one dependent, bio_digital_health_data, which also requires korean_bio_big_data
    # directly: that path is closed, only the generative-AI one counts.
    assert roles("genai_drug_diagnosis") == {"coordinator": 1}
    # bio_synthetic_biology: four prerequisites (screening, process, AI·로봇, the workforce
    # measure), all bio, into one dependent, bio_mission_synbio.
    assert roles("bio_synthetic_biology") == {"coordinator": 4}
    # Nodes at the ends of the flow broker nothing.
    assert {"cloud_optimization", "bio_ai_workforce", "bio_mission_synbio"}.isdisjoint(c.brokerage)
    assert sum(b.representative + b.liaison for b in c.brokerage.values()) == 0


def test_participation_of_the_bundled_roadmap(G):
    p = convergence(G).participation
    # cloud_optimization: one dependent in each field (ai_efficient_learning,
    # bio_cloud_analysis_infra): P = 1 − (½² + ½²) = ½, the maximum for K = 2 → 1.
    assert (p["cloud_optimization"].participation, p["cloud_optimization"].participation_in) == (1.0, 1.0)
    assert p["cloud_optimization"].participation_out == 0.0
    # bio_cloud_analysis_infra: one prerequisite (ai), one dependent (bio): 1.
    assert p["bio_cloud_analysis_infra"].participation == 1.0
    # generative_ai, bio_synthetic_biology and genai_drug_diagnosis have only bio neighbours now.
    for n in ("generative_ai", "bio_synthetic_biology", "genai_drug_diagnosis"):
        assert p[n].participation == 0.0, n
    assert p["bio_synthetic_biology"].degree == 5
    assert p["ai_mission_agi"].participation == 0.0 and p["ai_mission_agi"].degree == 1


# --- fields= and errors ---------------------------------------------------------------------


def test_bundled_fields_restrict_the_result(G):
    full = convergence(G)
    assert convergence(G, fields=["bio", "ai"]) == full
    assert full.fields == ("ai", "bio")
    only_ai = convergence(G, fields=["ai"])
    # One field cannot converge with itself: no points, no crossing edges, one matrix cell.
    assert only_ai.convergence_points == () and only_ai.cross_field_edges == ()
    assert only_ai.integration_points == ()
    assert only_ai.to_dict()["field_matrix"] == {"ai": {"ai": 19}}
    assert convergence(G, fields="bio").to_dict()["field_matrix"] == {"bio": {"bio": 31}}
    assert only_ai.participation == full.participation


def test_unknown_field_is_an_error_with_a_suggestion(G):
    with pytest.raises(InvalidOptionError) as err:
        convergence(G, fields=["ai", "bi"])
    assert err.value.render("en") == "no field 'bi' in the roadmap (did you mean 'bio'?); fields: ai, bio"
    assert isinstance(err.value, RoadmapGraphError)
    with raises_en(InvalidOptionError, r"^no field 'quantum' in the roadmap; fields: ai, bio$"):
        convergence(G, fields=["quantum"])


# --- small graphs built by hand: flow orientation and graphs without declared fields -------


@pytest.mark.parametrize(
    ("fields", "role"),
    [
        (("bio", "bio", "bio"), "coordinator"),
        (("bio", "ai", "bio"), "itinerant"),
        (("bio", "bio", "ai"), "gatekeeper"),  # mission in bio takes ai's capability in
        (("ai", "bio", "bio"), "representative"),  # bio core carries bio out to an ai mission
        (("quantum", "ai", "bio"), "liaison"),
    ],
)
def test_brokerage_follows_the_flow_of_capability(fields, role):
    # mission → core → enabling (edges point to prerequisites); capability flows
    # enabling → core → mission, so a = enabling, v = core, b = mission.
    G = nx.DiGraph()
    for node, kind, field in zip(("m", "c", "e"), ("mission", "core_technology", "enabling_technology"), fields):
        G.add_node(node, kind=kind, field=field, name=node)
    G.add_edge("m", "c", relation="requires")
    G.add_edge("c", "e", relation="requires")
    c = convergence(G)
    assert {r for r in ROLES if getattr(c.brokerage["c"], r)} == {role}
    assert c.fields == tuple(sorted(set(fields)))  # no declared fields: those on nodes, sorted
    G.add_edge("m", "e", relation="requires")  # now the path is closed
    assert convergence(G).brokerage == {}


def test_a_cycle_is_refused():
    G = nx.DiGraph()
    G.add_nodes_from("ab", kind="core_technology", field="ai")
    G.add_edge("a", "b", relation="requires")
    G.add_edge("b", "a", relation="requires")
    with pytest.raises(nx.NetworkXUnfeasible):
        convergence(G)


# --- tables ---------------------------------------------------------------------------------


def test_bundled_rows_and_frames(G):
    c = convergence(G)
    rows = c.point_rows()
    assert rows == [
        {
            "id": "cloud_optimization",
            "field": "ai",
            "kind": "enabling_technology",
            "name": "클라우드 최적화",
            "name_en": "Cloud optimisation",
            "fields": "ai, bio",
            "stated": False,
        }
    ]
    assert c.rows("matrix") == [{"field": "ai", "ai": 19, "bio": 0}, {"field": "bio", "ai": 1, "bio": 31}]
    assert [r["total"] for r in c.rows("brokerage") if r["id"] == "bio_synthetic_biology"] == [4]
    frame = c.to_frame()
    assert list(frame.columns) == ["id", "field", "kind", "name", "name_en", "fields", "evidence"]
    assert list(frame["id"]) == ["cloud_optimization"]
    assert len(c.to_frame("edges")) == 1 and len(c.to_frame("participation")) == 47
    assert list(c.to_frame("matrix").columns) == ["field", "ai", "bio"]
    assert list(c.to_frame("brokerage").columns)[-1] == "total"
    assert c.to_frame("integration")["meeting"].sum() == 1
    assert c.rows("integration")[0] == {
        "id": "bio_cloud_analysis_infra", "field": "bio", "kind": "enabling_technology",
        "fields": "ai, bio", "meeting": True,
    }  # fmt: skip
    with raises_en(InvalidOptionError, "no table 'nodes'.*points"):
        c.to_frame("nodes")
