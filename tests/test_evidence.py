"""Evidence: the stated-only graph, and every finding's evidence against a brute-force
recomputation on it, over random roadmaps with random provenance."""

from __future__ import annotations

import copy
import json

import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import roadmap_graph as rg
from roadmap_graph.cli import cli
from roadmap_graph.graph.evidence import has_inferred_links, stated_index
from roadmap_graph.graph.index import RoadmapIndex

from .conftest import examples
from .oracles import chain_of, convergence_points_of, gateways_of, is_feasible, missions_of, stated_graph
from .strategies import roadmaps


def groups(G: nx.DiGraph, n: str) -> set[frozenset[str]]:
    """A node's any_of groups as sets of members (whatever their numbers)."""
    found: dict[int, set[str]] = {}
    for v, d in G.succ[n].items():
        if d["relation"] == "requires" and d["group"] is not None:
            found.setdefault(d["group"], set()).add(v)
    return {frozenset(g) for g in found.values()}


# --- the stated-only graph ------------------------------------------------------------------


@given(roadmaps())
def test_stated_only_drops_exactly_the_inferred_links(roadmap):
    G = rg.to_networkx(roadmap)
    S = rg.stated_only(G)
    oracle = stated_graph(G)
    assert dict(S.nodes(data=True)) == dict(G.nodes(data=True))  # nodes stay, with their attributes
    assert set(S.edges()) == set(oracle.edges())
    assert all(d["provenance"] != "inferred" for _, _, d in S.edges(data=True))
    for u, v, d in S.edges(data=True):  # the links kept keep their attributes, but for the group number
        assert {k: x for k, x in d.items() if k != "group"} == {k: x for k, x in G.edges[u, v].items() if k != "group"}
        assert (d["group"] is None) == (G.edges[u, v]["group"] is None)
    for n in G:
        # Each group keeps its stated members; a group left empty is gone; numbers run from 0.
        assert groups(S, n) == {g for g in groups(oracle, n) if g}
        numbers = {d["group"] for d in S.succ[n].values() if d["group"] is not None}
        assert numbers == set(range(len(numbers)))
    assert S.graph["roadmap"] == G.graph["roadmap"] and S.graph["fields"] == G.graph["fields"]
    assert S.graph["evidence"] == "stated" and "evidence" not in G.graph
    assert not has_inferred_links(S)


@given(roadmaps())
def test_stated_only_leaves_the_graph_alone_and_is_idempotent(roadmap):
    G = rg.to_networkx(roadmap)
    before = copy.deepcopy((dict(G.nodes(data=True)), list(G.edges(data=True)), G.graph))
    S = rg.stated_only(G)
    for n in S:
        S.nodes[n]["name"] = "changed"
    for d in S.edges.values():
        d["relation"] = "changed"
    S.graph["roadmap"] = None
    assert (dict(G.nodes(data=True)), list(G.edges(data=True)), G.graph) == before
    T = rg.stated_only(rg.stated_only(G))
    assert set(T.edges()) == set(rg.stated_only(G).edges())


@given(roadmaps())
def test_stated_index_is_built_once_and_skipped_when_nothing_is_inferred(roadmap):
    G = rg.to_networkx(roadmap)
    index = RoadmapIndex(G)
    first = stated_index(index)
    assert stated_index(index) is first
    assert first.ids == index.ids  # the same nodes, so the same indices
    if not any(d["provenance"] == "inferred" for _, _, d in G.edges(data=True)):
        assert first is index
    S = RoadmapIndex(rg.stated_only(G))
    assert stated_index(S) is S  # --evidence stated does not build it again


# --- each finding's evidence --------------------------------------------------------------


@given(roadmaps())
def test_chain_evidence_matches_the_stated_chain(roadmap):
    G = rg.to_networkx(roadmap)
    S = stated_graph(G)
    for m in missions_of(G):
        chain = rg.prerequisite_chain(G, m)
        stated = chain_of(S, m)
        out = chain.to_dict()
        assert {n["id"]: n["evidence"] for n in out["nodes"]} == {
            n: "stated" if n in stated else "inferred" for n in chain_of(G, m)
        }
        assert all(e["provenance"] == G.edges[e["source"], e["target"]]["provenance"] for e in out["edges"])
        assert set(out["stated_gateways"]) == gateways_of(S, m)


@given(roadmaps())
def test_gateways_stated_missions_match_brute_force(roadmap):
    G = rg.to_networkx(roadmap)
    S = stated_graph(G)
    stated = {m: gateways_of(S, m) for m in missions_of(G)}
    result = rg.gateways(G)
    for item in result.to_dict():
        assert item["stated_missions"] == sorted(m for m, found in stated.items() if item["id"] in found)
    for g in result.gateways:
        assert g.evidence() == ("stated" if set(g.missions) <= set(g.stated_missions) else "inferred")


@given(roadmaps())
def test_bottleneck_stated_rank_matches_a_ranking_of_the_stated_graph(roadmap):
    G = rg.to_networkx(roadmap)
    on_stated = list(rg.bottlenecks(stated_graph(G)))
    rank = {b.id: i + 1 for i, b in enumerate(on_stated)}
    there = {b.id: b for b in on_stated}
    result = rg.bottlenecks(G)
    rows = result.to_dict()
    assert [r["id"] for r in rows] == [b.id for b in result]
    for row, b in zip(rows, result):
        assert row["stated_rank"] == rank.get(b.id)
        weaker = there[b.id].mission_reach < b.mission_reach or there[b.id].binding < b.binding
        assert row["evidence"] == ("inferred" if weaker else "stated")


@given(roadmaps(), st.data())
def test_convergence_stated_matches_brute_force(roadmap, data):
    G = rg.to_networkx(roadmap)
    stated = convergence_points_of(stated_graph(G))
    points = rg.convergence(G).to_dict()["convergence_points"]
    assert {p["id"] for p in points} == convergence_points_of(G)
    assert {p["id"]: p["stated"] for p in points} == {p["id"]: p["id"] in stated for p in points}


@given(roadmaps(), st.data())
def test_impact_infeasible_on_stated_matches_brute_force(roadmap, data):
    G = rg.to_networkx(roadmap)
    S = stated_graph(G)
    removed = data.draw(st.lists(st.sampled_from(sorted(G)), max_size=3, unique=True))
    result = rg.impact(G, removed).to_dict()
    assert result["infeasible_missions"] == [m for m in missions_of(G) if not is_feasible(G, m, set(removed))]
    assert result["infeasible_on_stated"] == [
        m for m in result["infeasible_missions"] if not is_feasible(S, m, set(removed))
    ]


@given(roadmaps())
def test_on_the_stated_graph_every_finding_is_stated(roadmap):
    S = rg.stated_only(rg.to_networkx(roadmap))
    for m in missions_of(S):
        assert all(n["evidence"] == "stated" for n in rg.prerequisite_chain(S, m).to_dict()["nodes"])
    assert all(g["stated_missions"] == g["missions"] for g in rg.gateways(S).to_dict())
    assert all(b["stated_rank"] == i + 1 and b["evidence"] == "stated" for i, b in enumerate(rg.bottlenecks(S).to_dict()))
    assert all(p["stated"] for p in rg.convergence(S).to_dict()["convergence_points"])


# --- the command line ---------------------------------------------------------------------


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("command", [["gateways"], ["bottlenecks"], ["convergence"], ["chain", "bio_mission_vaccine"]])
def test_evidence_option_before_or_after_the_command(G, command):
    before = run("--evidence", "stated", *command, "--format", "json")
    after = run(*command, "--format", "json", "--evidence", "stated")
    assert before == after
    assert before != run(*command, "--format", "json")
    assert run(*command, "--format", "json", "--evidence", "all") == run(*command, "--format", "json")


def test_evidence_stated_runs_on_the_stated_only_graph(G):
    S = rg.stated_only(G)
    assert json.loads(run("--evidence", "stated", "gateways", "--format", "json")) == rg.gateways(S).to_dict()
    assert json.loads(run("impact", "rna_platform", "--evidence", "stated", "--format", "json")) == rg.impact(
        S, ["rna_platform"]
    ).to_dict()


def test_evidence_option_is_checked(G):
    result = CliRunner().invoke(cli, ["--evidence", "some", "gateways"])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_evidence_stated_report_says_so(tmp_path):
    page = tmp_path / "report"
    CliRunner().invoke(cli, ["report", "-o", str(page), "--evidence", "stated", "--lang", "en"], catch_exceptions=False)
    html = (page / "index.html").read_text(encoding="utf-8")
    assert "computed on the stated links alone" in html
    assert 'class="rests-on-inference">rests on inference</span></td>' not in html


# --- the bundled roadmap --------------------------------------------------------------------


def test_bundled_evidence_of_the_headline_findings(G):
    # The top three bottlenecks reach their second mission only through inferred links.
    top = rg.bottlenecks(G)
    for b in top[:3]:
        assert top.evidence_of(b.id) == "inferred"
        assert (top.stated_rank(b.id) or 99) > 5
    # The RNA platform is a gateway of the vaccine mission only through an inferred link.
    found = {g.id: g for g in rg.gateways(G).gateways}
    assert "bio_mission_vaccine" not in found["rna_platform"].stated_missions
    assert rg.impact(G, ["rna_platform"]).infeasible_on_stated == ()


# --- the one mark in the figures ------------------------------------------------------------


def rings(ax) -> set[str]:
    return {str(a.get_gid())[9:] for a in ax.get_children() if str(a.get_gid()).startswith("inferred:")}


@examples(100)
@given(roadmaps())
def test_chain_figure_rings_exactly_the_nodes_resting_on_inference(roadmap):
    import matplotlib.pyplot as plt

    from roadmap_graph.figures.chain import plot_chain

    G = rg.to_networkx(roadmap)
    for m in missions_of(G)[:2]:
        ax = plot_chain(G, m, lang="en")
        expected = {n.id for n in rg.prerequisite_chain(G, m).nodes if n.evidence == "inferred"}
        assert rings(ax) == expected
        legend = ax.get_legend()
        labels = [t.get_text() for t in legend.get_texts()] if legend is not None else []
        plt.close(ax.figure)  # closed here: many examples run in one test
        assert ("rests on inference (fails on stated links)" in labels) == bool(expected)


def test_bundled_figures_share_the_one_mark(G):
    import matplotlib.pyplot as plt

    from roadmap_graph.figures.convergence import plot_convergence
    from roadmap_graph.figures.roadmap import plot_roadmap

    roadmap = plot_roadmap(G, lang="en")
    # The marked gateways and bottlenecks that rest on inference: the gateways of the six
    # missions whose one requirement (their core technology) is an inferred link, and the
    # two bottlenecks whose second mission comes through inferred links.
    assert rings(roadmap) == {
        "ai_advanced_modeling", "ai_efficient_learning", "ai_safe_trustworthy", "bio_gene_cell_therapy",
        "bio_digital_health_data", "bio_vaccine", "mrna_platform", "rna_platform",
        "cloud_optimization", "data_robustness",
    }  # fmt: skip
    convergence = plot_convergence(G, lang="en")
    assert rings(convergence) == {"cloud_optimization"}
    for ax in (roadmap, convergence):
        assert "rests on inference (fails on stated links)" in [t.get_text() for t in ax.get_legend().get_texts()]
    plt.close("all")


def test_draw_and_export_take_the_evidence_option(tmp_path):
    out = tmp_path / "graph.json"
    run("export", "--format", "node-link", "-o", str(out), "--evidence", "stated")
    data = json.loads(out.read_text(encoding="utf-8"))
    links = data.get("links") or data.get("edges")
    assert links and all(link.get("provenance") != "inferred" for link in links)
    run("--evidence", "stated", "draw", "chain", "--mission", "bio_mission_vaccine", "-o", str(tmp_path / "c.svg"))
    assert "inferred:" not in (tmp_path / "c.svg").read_text(encoding="utf-8")
