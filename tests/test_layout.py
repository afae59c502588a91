"""The layered layout: rows, crossing reduction (against a brute-force count), labels, places."""

from __future__ import annotations

import importlib.util
import itertools
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

import roadmap_graph as rg
from roadmap_graph.figures.layout import (
    A4_LANDSCAPE,
    KIND_ROWS,
    Dummy,
    count_crossings,
    estimate_text_size,
    layer_of,
    layered_layout,
    order_layers,
    text_units,
    wrap_label,
)
from roadmap_graph.figures.layout.text import LATIN_WORD
from roadmap_graph.graph.fields import field_order
from roadmap_graph.vocabulary import node_name

from .conftest import examples
from .strategies import roadmaps

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py"
_spec = importlib.util.spec_from_file_location("benchmark_generate", _PATH)
assert _spec is not None and _spec.loader is not None
generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate)


# --- helpers ------------------------------------------------------------------------------


def brute_crossings(G: nx.DiGraph, layers: dict, order: list[list]) -> int:
    """Every pair of segments between adjacent rows, checked one by one."""
    pos = {n: k for row in order for k, n in enumerate(row)}
    segments = []
    for u, v in G.edges():
        if u not in layers or v not in layers or layers[u] == layers[v]:
            continue
        a, b = (u, v) if layers[u] < layers[v] else (v, u)
        chain = [a, *(Dummy(u, v, r) for r in range(layers[a] + 1, layers[b])), b]
        segments += [(layers[a] + k, s, t) for k, (s, t) in enumerate(zip(chain, chain[1:]))]
    count = 0
    for (r1, a, b), (r2, c, d) in itertools.combinations(segments, 2):
        if r1 == r2 and (pos[a] - pos[c]) * (pos[b] - pos[d]) < 0:
            count += 1
    return count


def graph(edges: list[tuple[str, str]], kinds: dict[str, str] | None = None, fields: dict[str, str] | None = None) -> nx.DiGraph:
    G = nx.DiGraph()
    for u, v in edges:
        G.add_edge(u, v, relation="requires", group=None)
    for n in G:
        G.nodes[n].update(kind=(kinds or {}).get(n, "enabling_technology"), field=(fields or {}).get(n, "f"), name=n, name_en=n)
    return G


@st.composite
def layered_graphs(draw, max_rows: int = 4, max_width: int = 5):
    """A random DAG already cut into rows (edges only go down, possibly over several rows),
    with a random order of every row (dummies included)."""
    n_rows = draw(st.integers(2, max_rows))
    widths = [draw(st.integers(1, max_width)) for _ in range(n_rows)]
    layers = {f"r{r}n{k}": r for r in range(n_rows) for k in range(widths[r])}
    nodes = list(layers)
    G = nx.DiGraph()
    G.add_nodes_from(nodes)
    pairs = [(u, v) for u in nodes for v in nodes if layers[u] < layers[v]]
    for u, v in draw(st.lists(st.sampled_from(pairs), max_size=14, unique=True)) if pairs else []:
        G.add_edge(u, v)
    rows: list[list] = [[n for n in nodes if layers[n] == r] for r in range(n_rows)]
    for u, v in G.edges():
        for r in range(layers[u] + 1, layers[v]):
            rows[r].append(Dummy(u, v, r))
    order = [draw(st.permutations(row)) for row in rows]
    return G, layers, order


# --- rows -----------------------------------------------------------------------------------


def test_bundled_rows(G: nx.DiGraph) -> None:
    layers = layer_of(G)
    kinds = {G.nodes[n]["kind"] for n in G}
    assert {layers[n] for n in G if G.nodes[n]["kind"] == "mission"} == {0}
    assert {layers[n] for n in G if G.nodes[n]["kind"] == "core_technology"} == {1}
    assert {layers[n] for n in G if G.nodes[n]["kind"] == "enabling_technology"} == {2, 3}
    assert {layers[n] for n in G if G.nodes[n]["kind"] == "ecosystem_measure"} == {4}
    assert kinds == set(KIND_ROWS)
    # every edge of the bundled roadmap points down; an enabling→enabling requirement too
    assert all(layers[v] > layers[u] for u, v in G.edges())
    # the first enabling sub-row holds exactly those no enabling technology requires
    for n in G:
        if G.nodes[n]["kind"] == "enabling_technology":
            required_by_enabling = any(G.nodes[p]["kind"] == "enabling_technology" for p in G.pred[n])
            assert layers[n] == (3 if required_by_enabling else 2)


@given(roadmaps(max_nodes=12, rich=False))
def test_rows_follow_kinds_and_in_kind_requirements(roadmap: rg.Roadmap) -> None:
    G = rg.to_networkx(roadmap)
    layers = layer_of(G)
    assert set(layers) == set(G)
    used = sorted(set(layers.values()))
    assert used == list(range(len(used)))  # no empty row
    rank = {k: i for i, k in enumerate(KIND_ROWS)}
    for u in G:
        for v in G:
            if rank[G.nodes[u]["kind"]] < rank[G.nodes[v]["kind"]]:
                assert layers[u] < layers[v]  # kinds stay in their bands, top to bottom
    for u, v in G.edges():
        if G.nodes[u]["kind"] == G.nodes[v]["kind"]:
            assert layers[v] > layers[u]  # a requirement inside a kind points to a lower row
        if G.edges[u, v]["relation"] == "supported_by" or G.nodes[u]["kind"] == "mission":
            assert layers[v] > layers[u]


def test_rows_of_a_subgraph_are_compact(G: nx.DiGraph) -> None:
    H = G.subgraph(["ai_mission_trustworthy", "ai_safe_trustworthy", "data_robustness", "unrefined_data_learning"])
    assert layer_of(H) == {
        "ai_mission_trustworthy": 0,
        "ai_safe_trustworthy": 1,
        "unrefined_data_learning": 2,
        "data_robustness": 3,
    }
    H = G.subgraph(["ai_mission_trustworthy", "ai_global_norms_trust"])
    assert layer_of(H) == {"ai_mission_trustworthy": 0, "ai_global_norms_trust": 1}


def test_unknown_kind_is_an_error() -> None:
    G = nx.DiGraph()
    G.add_node("x", kind="capability")
    with pytest.raises(ValueError, match="kind 'capability'; kind must be one of mission"):
        layer_of(G)


# --- crossings ------------------------------------------------------------------------------


@given(layered_graphs())
def test_count_crossings_matches_brute_force(case) -> None:
    G, layers, order = case
    assert count_crossings(G, layers, order) == brute_crossings(G, layers, order)


def test_count_crossings_on_hand_worked_cases() -> None:
    # two parallel edges, then the same drawn crossed
    G = graph([("a", "x"), ("b", "y")])
    layers = {"a": 0, "b": 0, "x": 1, "y": 1}
    assert count_crossings(G, layers, [["a", "b"], ["x", "y"]]) == 0
    assert count_crossings(G, layers, [["a", "b"], ["y", "x"]]) == 1
    # K2,2: one crossing in every order
    G = graph([("a", "x"), ("a", "y"), ("b", "x"), ("b", "y")])
    for top in (["a", "b"], ["b", "a"]):
        for bottom in (["x", "y"], ["y", "x"]):
            assert count_crossings(G, layers, [top, bottom]) == 1
    # segments that share an end never cross
    G = graph([("a", "x"), ("a", "y")])
    assert count_crossings(G, {"a": 0, "x": 1, "y": 1}, [["a"], ["y", "x"]]) == 0


def test_count_crossings_needs_the_dummies() -> None:
    G = graph([("a", "c")])
    layers = {"a": 0, "b": 1, "c": 2}
    with pytest.raises(ValueError, match="lacks Dummy"):
        count_crossings(G, layers, [["a"], ["b"], ["c"]])
    with pytest.raises(ValueError, match="belongs on row 1"):
        count_crossings(G, layers, [["a", "b"], [Dummy("a", "c", 1)], ["c"]])


def test_sweeps_find_the_crossing_free_order() -> None:
    # by id the order crosses (a–y over b–x); the sweep finds the order without crossings
    G = graph([("a", "y"), ("b", "x")])
    layers = {"a": 0, "b": 0, "x": 1, "y": 1}
    naive = order_layers(G, layers, sweeps=0)
    assert naive == [["a", "b"], ["x", "y"]]
    assert count_crossings(G, layers, naive) == 1
    best = order_layers(G, layers)
    assert count_crossings(G, layers, best) == 0


def test_sweeps_handle_long_edges_through_dummies() -> None:
    # a–e and b–d span two rows; by id their dummies cross below row 1. Best: 0.
    G = graph([("a", "e"), ("b", "d"), ("a", "c")])
    layers = {"a": 0, "b": 0, "c": 1, "d": 2, "e": 2}
    naive = order_layers(G, layers, sweeps=0)
    assert naive == [["a", "b"], ["c", Dummy("a", "e", 1), Dummy("b", "d", 1)], ["d", "e"]]
    assert count_crossings(G, layers, naive) == 1
    assert count_crossings(G, layers, order_layers(G, layers)) == 0


def test_k33_keeps_its_minimum() -> None:
    # K3,3 has (3 choose 2)^2 = 9 crossings in every two-row drawing
    G = graph([(u, v) for u in "abc" for v in "xyz"])
    layers = {**dict.fromkeys("abc", 0), **dict.fromkeys("xyz", 1)}
    assert count_crossings(G, layers, order_layers(G, layers)) == 9


def test_a_tree_is_drawn_without_crossings() -> None:
    # a binary tree, named so that the order by id is scrambled
    edges = [("r", "q1"), ("r", "b2"), ("q1", "z1"), ("q1", "a9"), ("b2", "m1"), ("b2", "c7")]
    G = graph(edges)
    layers = {"r": 0, "q1": 1, "b2": 1, "z1": 2, "a9": 2, "m1": 2, "c7": 2}
    assert count_crossings(G, layers, order_layers(G, layers, sweeps=0)) > 0
    assert count_crossings(G, layers, order_layers(G, layers)) == 0


@examples(120)
@given(layered_graphs(max_rows=4, max_width=6))
def test_sweeps_never_add_crossings(case) -> None:
    G, layers, _ = case
    start = order_layers(G, layers, sweeps=0)
    best = order_layers(G, layers)
    assert count_crossings(G, layers, best) <= count_crossings(G, layers, start)
    # the same nodes and dummies, each on its own row
    assert [sorted(map(str, row)) for row in best] == [sorted(map(str, row)) for row in start]
    for r, row in enumerate(best):
        for n in row:
            assert (n.row if isinstance(n, Dummy) else layers[n]) == r


@examples(100)
@given(roadmaps(max_nodes=12, rich=False))
def test_groups_stay_contiguous_in_their_order(roadmap: rg.Roadmap) -> None:
    G = rg.to_networkx(roadmap)
    layers = layer_of(G)
    fields = field_order(G)
    order = order_layers(G, layers, groups="field", group_order=fields)
    for row in order:
        seq = [G.nodes[n]["field"] for n in row if not isinstance(n, Dummy)]
        runs = [f for f, _ in itertools.groupby(seq)]
        assert runs == sorted(runs, key=fields.index)  # each field once, in the given order
    start = order_layers(G, layers, groups="field", group_order=fields, sweeps=0)
    assert count_crossings(G, layers, order) <= count_crossings(G, layers, start)


def test_order_is_deterministic_and_ignores_insertion_order(G: nx.DiGraph) -> None:
    layers = layer_of(G)
    first = order_layers(G, layers, groups="field", group_order=field_order(G))
    assert order_layers(G, layers, groups="field", group_order=field_order(G)) == first
    R = nx.DiGraph()
    R.add_nodes_from(reversed(list(G.nodes(data=True))))
    R.add_edges_from(reversed(list(G.edges(data=True))))
    assert order_layers(R, layer_of(R), groups="field", group_order=field_order(G)) == first


def test_bundled_crossings(G: nx.DiGraph) -> None:
    # The numbers benchmarks/crossings.py reports (dot on the same rows: 4 free, 12 with
    # one cluster per field); a regression here means the heuristic got worse.
    layers = layer_of(G)
    free = order_layers(G, layers)
    bands = order_layers(G, layers, groups="field", group_order=field_order(G))
    assert count_crossings(G, layers, free) <= 6
    assert count_crossings(G, layers, bands) <= 11
    assert count_crossings(G, layers, order_layers(G, layers, sweeps=0)) > 100


# --- labels ---------------------------------------------------------------------------------


def test_text_units() -> None:
    assert text_units("AI 반도체") == 2 + 1 + 6
    assert text_units("") == 0


@given(
    st.text(alphabet=st.sampled_from("가나다라마바사 ·-/abcdefghijklmnopqrstuvwxyz()"), max_size=60),
    st.integers(4, 30),
)
def test_wrap_label_keeps_the_text_and_the_width(text: str, width: int) -> None:
    wrapped = wrap_label(text, width)
    assert wrapped.replace("\n", "").replace(" ", "") == text.replace(" ", "")
    for line in wrapped.split("\n"):
        assert line == line.strip()
        # only a Latin word without a break point may overflow, up to LATIN_WORD units
        assert text_units(line) <= width or (" " not in line and text_units(line) <= max(width, LATIN_WORD))
    assert wrap_label(text, width) == wrapped


def test_wrap_label_examples() -> None:
    assert wrap_label("Generative AI", 30) == "Generative AI"
    assert wrap_label("바이오부품 초고속 발굴(스크리닝)", 20) == "바이오부품 초고속\n발굴(스크리닝)"
    assert wrap_label("Brain neural-network emulation", 14) == "Brain\nneural-network\nemulation"  # the word fits: not split at its hyphen
    assert wrap_label("Collaboration among AI models", 10) == "Collaboration\namong AI\nmodels"  # not "Collaboratio\nn"


def test_estimate_is_at_least_the_rendered_size(G: nx.DiGraph) -> None:
    """The default estimate (for callers without a renderer) never underestimates a name."""
    from roadmap_graph.figures.layout import matplotlib_measure
    from roadmap_graph.figures.style import figure_style

    with figure_style():
        measure = matplotlib_measure()
        for _, attrs in G.nodes(data=True):
            for lang in ("ko", "en"):
                text = wrap_label(node_name(attrs, lang), 20)
                real_w, real_h = measure(text, 7.0)
                est_w, est_h = estimate_text_size(text, 7.0)
                assert est_w >= real_w, (text, est_w, real_w)
                assert est_h >= real_h, (text, est_h, real_h)


# --- places ---------------------------------------------------------------------------------


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def check_layout(G: nx.DiGraph, L) -> None:
    """What every layout promises."""
    assert set(L.positions) == set(G)
    # labels never overlap, nor leave their band
    boxes = list(L.label_boxes.items())
    for (n, a), (m, b) in itertools.combinations(boxes, 2):
        assert not _overlap(a, b), (n, m)
    fields = list(L.fields)
    bands = [L.bands[f] for f in fields]
    assert all(b0[1] < b1[0] for b0, b1 in zip(bands, bands[1:]))  # left to right, apart
    for n, (_, y) in L.positions.items():
        x0, x1 = L.bands[G.nodes[n]["field"]]
        box = L.label_boxes[n]
        assert x0 <= box[0] and box[2] <= x1
        assert box[3] < y  # the label hangs below the marker
        assert box[0] >= 0 and box[2] <= L.size[0] and box[1] >= 0 and box[3] <= L.size[1]
    # rows: one y per row (two when staggered), rows from top to bottom
    ys = {}
    for n, (_, y) in L.positions.items():
        ys.setdefault(L.rows[n], set()).add(round(y, 9))
    for r, found in ys.items():
        assert len(found) <= (2 if r in L.staggered else 1)
        bottom, top = L.row_extents[r]
        assert all(bottom <= y <= top for y in found)
    assert all(L.row_extents[r][0] > L.row_extents[r + 1][1] for r in range(len(L.row_extents) - 1))
    # the order within rows is the x order
    for row in L.order:
        xs = [L.positions[n][0] for n in row]
        assert xs == sorted(xs)
    # edges: routed from end to end; vertical runs miss every other label, the turns lie
    # between rows
    for (u, v), route in L.routes.items():
        assert route[0][0] == pytest.approx(L.positions[u][0])
        assert route[-1][0] == pytest.approx(L.positions[v][0])
        for (xa, ya), (xb, yb) in zip(route, route[1:]):
            if abs(xa - xb) < 1e-9:
                lo, hi = min(ya, yb), max(ya, yb)
                for n, (x0, y0, x1, y1) in L.label_boxes.items():
                    if n not in (u, v) and x0 < xa < x1:
                        assert hi <= y0 or lo >= y1, ((u, v), n)
            else:
                lo, hi = min(ya, yb), max(ya, yb)
                for bottom, top in L.row_extents:
                    assert hi <= bottom + 1e-9 or lo >= top - 1e-9


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_bundled_layout(G: nx.DiGraph, lang: str) -> None:
    L = layered_layout(G, lang=lang)
    check_layout(G, L)
    if lang == "ko":
        assert L.size == A4_LANDSCAPE
    else:  # English labels keep to 3-4 lines (test_label_wrapping): by the generous estimate
        # they need a wider sheet; by the renderer's measure the figure is A4 (test_plot_roadmap)
        assert L.size[1] == A4_LANDSCAPE[1] and L.size[0] <= A4_LANDSCAPE[0] * 1.1
    assert L.fields == ("ai", "bio")
    assert L.row_kinds == ("mission", "core_technology", "enabling_technology", "enabling_technology", "ecosystem_measure")
    assert L.crossings == count_crossings(G, L.rows, L.slots)
    assert layered_layout(G, lang=lang) == L  # deterministic


def test_labels_are_the_names_in_the_language(G: nx.DiGraph) -> None:
    for lang in ("ko", "en"):
        L = layered_layout(G, lang=lang)
        for n in G:
            assert L.labels[n].replace("\n", "").replace(" ", "") == node_name(G.nodes[n], lang).replace(" ", "")


def test_a_chain_and_a_single_node(G: nx.DiGraph) -> None:
    chain = rg.prerequisite_chain(G, "bio_mission_health_data")
    H = G.subgraph(n.id for n in chain.nodes)
    L = layered_layout(H, page=(6.0, 4.0))
    check_layout(H, L)
    assert L.size[0] == 6.0 and L.size[1] >= 4.0
    one = G.subgraph(["rna_platform"])
    L = layered_layout(one)
    check_layout(one, L)
    assert L.order == (("rna_platform",),)


def test_too_small_a_page_grows(G: nx.DiGraph) -> None:
    L = layered_layout(G, lang="en", page=(4.0, 3.0))
    check_layout(G, L)
    assert L.size[0] > 4.0 and L.size[1] > 3.0


@pytest.mark.parametrize("n", [100, 300])
def test_synthetic_roadmaps_lay_out_clean(n: int) -> None:
    # How long it takes is measured in benchmarks/ (crossings.py), not asserted here.
    G = rg.to_networkx(generate.synthetic_roadmap(n, seed=3))
    check_layout(G, layered_layout(G, lang="en"))
