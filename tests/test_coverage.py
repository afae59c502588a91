"""The coverage matrix (which measure categories and technologies each mission's chain holds)
against brute force, and its result views."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

import roadmap_graph as rg
from roadmap_graph.analyses.coverage import coverage, coverage_matrix
from roadmap_graph.errors import InvalidOptionError
from roadmap_graph.fileformat.model import MEASURE_CATEGORIES

from .conftest import examples, raises_en
from .strategies import roadmaps


def coverage_by_brute_force(G, columns):
    missions = sorted((n for n, k in G.nodes(data="kind") if k == "mission"))
    reach = {m: nx.descendants(G, m) for m in missions}
    if columns == "categories":
        measures = [n for n, k in G.nodes(data="kind") if k == "ecosystem_measure"]
        cats = list(MEASURE_CATEGORIES) + (["uncategorised"] if any(G.nodes[v]["category"] is None for v in measures) else [])
        return {
            (m, c): sum(1 for v in measures if v in reach[m] and (G.nodes[v]["category"] or "uncategorised") == c)
            for m in missions
            for c in cats
        }
    R = G.edge_subgraph((u, v) for u, v, d in G.edges(data=True) if d["relation"] == "requires").copy()
    R.add_nodes_from(G)
    foundations = {n for n in R if R.out_degree(n) == 0}
    techs = [n for n, k in G.nodes(data="kind") if k in ("core_technology", "enabling_technology")]
    out = {}
    for m in missions:
        below = nx.descendants(R, m)
        for t in techs:
            value = 1 if t in reach[m] else 0
            if t in below:  # a gateway: without t, m reaches no foundation
                rest = R.copy()
                rest.remove_node(t)
                if not (nx.descendants(rest, m) & foundations):
                    value = 2
            out[(m, t)] = value
    return out


def check_matrix(G, columns):
    rows, cols, matrix = coverage_matrix(G, columns=columns)
    expected = coverage_by_brute_force(G, columns)
    assert sorted(rows) == sorted(n for n, k in G.nodes(data="kind") if k == "mission")
    assert len(matrix) == len(rows) and all(len(r) == len(cols) for r in matrix)
    assert {(m, c): matrix[i][j] for i, m in enumerate(rows) for j, c in enumerate(cols)} == expected


@pytest.mark.parametrize("columns", ["categories", "technologies"])
def test_bundled_coverage_matrix(G, columns):
    check_matrix(G, columns)


@examples(100)
@given(roadmaps(), st.sampled_from(["categories", "technologies"]))
def test_coverage_matrix_random(roadmap, columns):
    check_matrix(rg.to_networkx(roadmap), columns)



def test_coverage_refuses_unknown_columns(G):
    with raises_en(InvalidOptionError, "columns"):
        coverage_matrix(G, columns="fields")


def test_result_views_agree_with_the_matrix(G):
    result = coverage(G, columns="technologies")
    rows, cols, matrix = coverage_matrix(G, columns="technologies")
    assert result.to_dict() == {"columns_of": "technologies", "rows": rows, "columns": cols, "matrix": matrix}
    json.dumps(result.to_dict())
    assert set(result.gaps()) == {(m, c) for m, row in zip(rows, matrix) for c, v in zip(cols, row) if v == 0}
    table = result.table()
    assert [r[0] for r in table.rows] == rows
