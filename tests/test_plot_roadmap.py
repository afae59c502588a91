"""The layered roadmap figure: what is drawn where, in which colour, with which words."""

from __future__ import annotations

import io
import itertools
import warnings

import matplotlib
import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pytest
from matplotlib.colors import to_hex, to_rgba

import roadmap_graph as rg
from roadmap_graph.analyses.gateways import gateways
from roadmap_graph.errors import InvalidOptionError, UnknownNodeError
from roadmap_graph.figures.layout import Dummy, count_crossings, layer_of
from roadmap_graph.figures.roadmap import HIGHLIGHT_COLOUR, plot_roadmap
from roadmap_graph.figures.style import (
    KIND_MARKERS,
    field_colours,
    figure_style,
)
from roadmap_graph.vocabulary import (
    node_name,
    text,
)
from roadmap_graph.vocabulary.visual import (
    CROSS_FIELD,
    DEEP_GATEWAY_RING,
    HIGHLIGHT,
    INFERRED,
    INK,
    TRIVIAL_GATEWAY_RING,
)

# Any missing glyph (Hangul drawn as boxes) fails the test (the project turns every warning
# into an error already; this says it for the figure tests explicitly).
pytestmark = pytest.mark.filterwarnings("error:Glyph")

from .conftest import raises_en


def by_gid(ax, prefix: str) -> dict[str, object]:
    """The artists of ``ax`` whose gid starts with ``prefix``, by the rest of the gid."""
    found = {}
    for artist in [*ax.lines, *ax.patches, *ax.texts]:
        gid = artist.get_gid() or ""
        if gid.startswith(prefix):
            found[gid[len(prefix):]] = artist
    return found


def draw(G: nx.DiGraph, **kwargs):
    ax = plot_roadmap(G, **kwargs)
    ax.figure.canvas.draw()
    return ax


@pytest.fixture(scope="module")
def drawn():
    """The bundled roadmap drawn once per language (closed at the end of the module)."""
    G = rg.to_networkx(rg.load_roadmap())
    out = {lang: draw(G, lang=lang, highlight=["cloud_optimization", "rna_platform"]) for lang in ("ko", "en")}
    yield G, out
    for ax in out.values():
        plt.close(ax.figure)


@pytest.fixture
def figure(drawn):
    """The module's drawings (pyplot forgets them after each test; the figures stay)."""
    return drawn


def _boxes(ax, artists):
    renderer = ax.figure.canvas.get_renderer()
    return {key: a.get_window_extent(renderer) for key, a in artists.items()}


# --- layout on the page -----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a4_landscape_and_no_text_overlaps(lang: str) -> None:
    G = rg.to_networkx(rg.load_roadmap())
    ax = draw(G, lang=lang)
    assert tuple(ax.figure.get_size_inches()) == pytest.approx((11.69, 8.27))
    texts = {a.get_gid(): a for a in ax.texts}
    assert len([g for g in texts if g.startswith("label:")]) == G.number_of_nodes()
    boxes = _boxes(ax, texts)
    for (g1, b1), (g2, b2) in itertools.combinations(boxes.items(), 2):
        assert not b1.overlaps(b2), (g1, g2)
    # every text inside the figure
    fig_box = ax.figure.bbox
    for g, b in boxes.items():
        assert fig_box.x0 <= b.x0 and b.x1 <= fig_box.x1 and fig_box.y0 <= b.y0 and b.y1 <= fig_box.y1, g
    # the legend covers no node and no label
    legend = ax.get_legend().get_window_extent(ax.figure.canvas.get_renderer())
    for g, b in boxes.items():
        assert not legend.overlaps(b), g
    for g, b in _boxes(ax, by_gid(ax, "node:")).items():
        assert not legend.overlaps(b), g
        assert not any(b.overlaps(t) for t in (boxes[f"label:{n}"] for n in G if n != g)), g


def test_markers_by_row_kind_and_field(figure) -> None:
    G, axes = figure
    ax = axes["ko"]
    colours = field_colours(["ai", "bio"])
    nodes = by_gid(ax, "node:")
    assert set(nodes) == set(G)
    y = {n: line.get_ydata()[0] for n, line in nodes.items()}
    layers = layer_of(G)
    for u in G:
        for v in G:
            if layers[u] < layers[v]:
                assert y[u] > y[v]  # rows from the top: missions first
    for n, line in nodes.items():
        assert line.get_marker() == KIND_MARKERS[G.nodes[n]["kind"]]
        assert to_hex(line.get_markerfacecolor()) == colours[G.nodes[n]["field"]]
    # field bands: one per field, side by side, each holding its nodes
    bands = by_gid(ax, "band:")
    assert set(bands) == {"ai", "bio"}
    spans = {f: (b.get_x(), b.get_x() + b.get_width()) for f, b in bands.items()}
    assert spans["ai"][1] < spans["bio"][0]
    for n, line in nodes.items():
        lo, hi = spans[G.nodes[n]["field"]]
        assert lo < line.get_xdata()[0] < hi
    assert {f: to_hex(b.get_facecolor()) for f, b in bands.items()} == colours
    assert by_gid(ax, "band-label:")["ai"].get_text() == "인공지능"
    assert by_gid(axes["en"], "band-label:")["bio"].get_text() == "Advanced biotechnology"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_label_texts_are_the_wrapped_names(figure, lang: str) -> None:
    G, axes = figure
    labels = by_gid(axes[lang], "label:")
    for n, label in labels.items():
        name = node_name(G.nodes[n], lang)
        drawn_text = label.get_text()
        assert drawn_text.replace("\n", "").replace(" ", "") == name.replace(" ", "")
        assert len(drawn_text.split("\n")) <= 8
    assert labels["cloud_optimization"].get_text() == ("클라우드 최적화" if lang == "ko" else "Cloud optimisation")


def test_row_titles_and_legend_speak_the_language(figure) -> None:
    _, axes = figure
    ko = [t.get_text() for t in by_gid(axes["ko"], "row-title:").values()]
    en = [t.get_text() for t in by_gid(axes["en"], "row-title:").values()]
    assert [t.replace("\n", " ") for t in ko] == ["임무", "중점기술", "세부기술", "생태계 조성방안"]
    assert [t.replace("\n", " ") for t in en] == ["mission", "core technology", "enabling technology", "ecosystem measure"]
    legend_ko = [t.get_text() for t in axes["ko"].get_legend().get_texts()]
    legend_en = [t.get_text() for t in axes["en"].get_legend().get_texts()]
    G = rg.to_networkx(rg.load_roadmap())
    ranked = len(rg.bottlenecks(G))
    for lang, legend in (("ko", legend_ko), ("en", legend_en)):
        for key in ("gateway_deep", "gateway_trivial", "cross_field", "highlight", "requires", "inferred_link",
                    "inferred_support"):
            assert text(f"fig.{key}", lang) in legend, key
        assert text("fig.bottleneck_rule", lang, k=3, n=ranked) in legend
        # every link of the bundled roadmap's ecosystem measures is inferred: no stated support entry
        assert text("fig.supported_by", lang) not in legend
    # the bundled roadmap has no alternatives (its "RNA 플랫폼·바이러스 벡터 등" are examples):
    # the legend names only what is drawn
    assert text("fig.alternatives", "ko") not in legend_ko and text("fig.alternatives", "en") not in legend_en
    assert "인공지능" in legend_ko and "Artificial intelligence" in legend_en


def link_style_ok(patch, d: dict, crossing: bool) -> None:
    """The one encoding of links: requires solid, supported_by dotted and thinner; stated ink,
    inferred grey and dashed; a cross-field requirement vermillion and thicker (dashed when
    inferred)."""
    colour = to_hex(patch.get_edgecolor())
    _offset, dashes = patch.get_linestyle() if isinstance(patch.get_linestyle(), tuple) else (0, None)
    inferred = d.get("provenance") == "inferred"
    if d["relation"] == "supported_by":
        assert dashes is not None and max(dashes) < 2.5  # dots
        assert colour == (INFERRED if inferred else INK)
        return
    if crossing:
        assert colour == CROSS_FIELD
    else:
        assert colour == (INFERRED if inferred else INK)
    if inferred:
        assert dashes is not None and max(dashes) >= 3  # dashes, not dots
    else:
        assert dashes is None


def test_edges_cross_field_gateways_bottlenecks_highlights(figure) -> None:
    G, axes = figure
    ax = axes["en"]
    edges = by_gid(ax, "edge:")
    assert set(edges) == {f"{u}->{v}" for u, v in G.edges()}
    cross = {f"{u}->{v}" for u, v in G.edges() if G.nodes[u]["field"] != G.nodes[v]["field"]}
    assert cross == {"bio_cloud_analysis_infra->cloud_optimization"}  # the one cross-field link
    for key, patch in edges.items():
        u, v = key.split("->")
        link_style_ok(patch, G.edges[u, v], key in cross)
        if key in cross:
            assert patch.get_linewidth() > max(p.get_linewidth() for k, p in edges.items() if k not in cross)
    assert set(by_gid(ax, "alternatives:")) == set()
    halos = by_gid(ax, "highlight:")
    assert set(halos) == {"cloud_optimization", "rna_platform"}
    assert all(to_hex(h.get_markerfacecolor()) == HIGHLIGHT == HIGHLIGHT_COLOUR for h in halos.values())
    labels = by_gid(ax, "label:")
    assert to_hex(labels["rna_platform"].get_bbox_patch().get_facecolor()) == HIGHLIGHT
    assert labels["viral_vector"].get_bbox_patch() is None


def test_bundled_gateway_rings_deep_and_trivial(figure) -> None:
    """The 8 core technologies are each a mission's only direct requirement (a thin ring);
    mRNA and RNA platforms are where several of a mission's paths meet (a thick ring)."""
    G, axes = figure
    for ax in axes.values():
        rings = by_gid(ax, "gateway:")
        assert set(rings) == {g.id for g in gateways(G).gateways}
        deep = set(by_gid(ax, "gateway-deep:"))
        trivial = set(by_gid(ax, "gateway-trivial:"))
        assert deep == {"mrna_platform", "rna_platform"}
        assert trivial == {n for n, k in G.nodes(data="kind") if k == "core_technology"} and len(trivial) == 8
        assert all(to_hex(r.get_markeredgecolor()) == INK for r in rings.values())
        assert {rings[n].get_markeredgewidth() for n in deep} == {DEEP_GATEWAY_RING}
        assert {rings[n].get_markeredgewidth() for n in trivial} == {TRIVIAL_GATEWAY_RING}


def test_bundled_bottleneck_badges_numbered_in_rank_order(figure) -> None:
    G, axes = figure
    ranking = rg.bottlenecks(G)
    badges = by_gid(axes["en"], "bottleneck:")
    assert set(badges) == set(ranking.marked()) == {"cloud_optimization", "data_robustness", "rna_platform"}
    assert {n: badges[n].get_text() for n in badges} == {n: str(i + 1) for i, n in enumerate(ranking.marked())}
    assert all(to_hex(b.get_bbox_patch().get_facecolor()) == INK for b in badges.values())
    # each badge at its node's upper right
    nodes = by_gid(axes["en"], "node:")
    for n, b in badges.items():
        x, y = b.get_position()
        assert x > nodes[n].get_xdata()[0] and y > nodes[n].get_ydata()[0]
    # show_bottlenecks=k: the first k, the legend says "top k of N"
    ax = draw(G, lang="en", show_bottlenecks=5)
    badges = by_gid(ax, "bottleneck:")
    assert sorted(badges.values(), key=lambda b: int(b.get_text())) and {b.get_text() for b in badges.values()} == {"1", "2", "3", "4", "5"}
    assert [b.id for b in ranking[:5]] == sorted(badges, key=lambda n: int(badges[n].get_text()))
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert f"bottleneck rank (top 5 of {len(ranking)} ranked)" in legend
    plt.close(ax.figure)


def test_drawn_order_has_the_counted_crossings() -> None:
    """A small fixed roadmap: by id its two chains cross; the figure draws them apart."""
    G = nx.DiGraph(fields={"f": {"name": "분야", "name_en": "Field"}})
    nodes = {
        "m_a": "mission", "m_b": "mission",
        "c_a": "core_technology", "c_b": "core_technology",
        "e_a": "enabling_technology", "e_b": "enabling_technology",
    }
    for n, kind in nodes.items():
        G.add_node(n, kind=kind, field="f", name=f"노드 {n}", name_en=f"node {n}")
    for u, v in [("m_a", "c_b"), ("m_b", "c_a"), ("c_a", "e_b"), ("c_b", "e_a")]:
        G.add_edge(u, v, relation="requires", group=None)
    ax = draw(G, lang="en", title="")
    x = {n: line.get_xdata()[0] for n, line in by_gid(ax, "node:").items()}
    layers = layer_of(G)
    rows = [sorted((n for n in G if layers[n] == r), key=x.get) for r in range(3)]
    assert count_crossings(G, layers, rows) == 0
    assert count_crossings(G, layers, [["m_a", "m_b"], ["c_a", "c_b"], ["e_a", "e_b"]]) == 2
    # a long edge is drawn through the place its dummy was given
    G.add_node("x", kind="ecosystem_measure", field="f", name="조성", name_en="measure")
    G.add_edge("m_a", "x", relation="supported_by", group=None)
    ax = draw(G, lang="en", title="")
    path = by_gid(ax, "edge:")["m_a->x"].get_path()
    assert path.vertices[0][0] == pytest.approx(by_gid(ax, "node:")["m_a"].get_xdata()[0])
    assert path.vertices[-1][0] == pytest.approx(by_gid(ax, "node:")["x"].get_xdata()[0])


# --- Hangul and global state -------------------------------------------------------------


def _render(text: str, styled: bool) -> np.ndarray:
    def make() -> np.ndarray:
        fig = plt.figure(figsize=(1, 1), dpi=50)
        fig.text(0.5, 0.5, text, fontsize=30, ha="center", va="center")
        fig.canvas.draw()
        pixels = np.asarray(fig.canvas.buffer_rgba()).copy()
        plt.close(fig)
        return pixels

    if styled:
        with figure_style():
            return make()
    return make()


def test_two_hangul_syllables_render_differently() -> None:
    assert not np.array_equal(_render("반", styled=True), _render("도", styled=True))


@pytest.mark.filterwarnings("ignore:Glyph")
def test_without_the_style_hangul_is_tofu() -> None:
    # without the fallback font, both syllables are the same empty box
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        a, b = _render("반", styled=False), _render("도", styled=False)
    assert any("Glyph" in str(w.message) for w in caught)
    assert np.array_equal(a, b)


def test_saving_outside_the_style_has_every_glyph(tmp_path) -> None:
    G = rg.to_networkx(rg.load_roadmap())
    ax = plot_roadmap(G)  # the style ends with the call; the texts keep their fonts
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax.figure.savefig(tmp_path / "roadmap.png", dpi=80)
        ax.figure.savefig(io.BytesIO(), format="svg")
    assert (tmp_path / "roadmap.png").stat().st_size > 10_000


def test_rcparams_are_left_unchanged() -> None:
    G = rg.to_networkx(rg.load_roadmap())
    plt.figure()  # make sure pyplot has settled its backend before the snapshot
    before = dict(matplotlib.rcParams)
    ax = plot_roadmap(G, lang="en")
    ax.figure.canvas.draw()
    after = dict(matplotlib.rcParams)
    assert after == before


# --- options -----------------------------------------------------------------------------


def test_on_a_given_axes() -> None:
    G = rg.to_networkx(rg.load_roadmap())
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 5))
    assert plot_roadmap(G, ax=left, legend=False, title="") is left
    H = G.subgraph(n.id for n in rg.prerequisite_chain(G, "bio_mission_health_data").nodes)
    assert plot_roadmap(H, ax=right, lang="en") is right
    assert plt.get_fignums() == [fig.number]
    assert left.get_legend() is None and right.get_legend() is not None
    assert set(by_gid(right, "node:")) == set(H)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    for ax in (left, right):
        labels = [t.get_window_extent(renderer) for t in ax.texts]
        for a, b in itertools.combinations(labels, 2):
            assert not a.overlaps(b)
        box = ax.get_window_extent(renderer)
        for t in labels:
            assert box.x0 - 1 <= t.x0 and t.x1 <= box.x1 + 1


def test_fields_and_switches() -> None:
    G = rg.to_networkx(rg.load_roadmap())
    ax = draw(G, fields=["bio"], show_gateways=False, show_bottlenecks=2, legend=False)
    assert set(by_gid(ax, "node:")) == {n for n in G if G.nodes[n]["field"] == "bio"}
    assert by_gid(ax, "gateway:") == {}
    assert set(by_gid(ax, "bottleneck:")) == set(rg.bottlenecks(G).marked(2)) & set(by_gid(ax, "node:"))
    assert ax.get_legend() is None
    assert set(by_gid(ax, "band:")) == {"bio"}
    assert by_gid(ax, "title:") == {} and ax.texts[-1].get_gid() == "title"
    ax = draw(G, show_bottlenecks=False, title="")
    assert by_gid(ax, "bottleneck:") == {}
    assert not any(t.get_gid() == "title" for t in ax.texts)


def test_bad_options() -> None:
    G = rg.to_networkx(rg.load_roadmap())
    with raises_en(UnknownNodeError, "rna_platfrom"):
        plot_roadmap(G, highlight=["rna_platfrom"])
    with raises_en(InvalidOptionError, "no field 'bioo'"):
        plot_roadmap(G, fields=["bioo"])
    with raises_en(InvalidOptionError, "no language .jp.; languages: ko, en"):
        plot_roadmap(G, lang="jp")
    assert plt.get_fignums() == []  # nothing drawn before the options were checked


def test_colours_are_matplotlib_colours() -> None:
    for colour in (HIGHLIGHT_COLOUR, INK, INFERRED, CROSS_FIELD):
        to_rgba(colour)


def test_dummies_are_not_nodes() -> None:
    assert Dummy("a", "b", 1) != ("a", "b", 1)


@pytest.mark.parametrize("dpi", [72, 150, 300])
def test_no_overlap_at_other_resolutions(dpi: int) -> None:
    G = rg.to_networkx(rg.load_roadmap())
    ax = plot_roadmap(G, lang="ko")
    ax.figure.set_dpi(dpi)
    ax.figure.canvas.draw()
    boxes = _boxes(ax, {a.get_gid(): a for a in ax.texts})
    for (g1, b1), (g2, b2) in itertools.combinations(boxes.items(), 2):
        assert not b1.overlaps(b2), (g1, g2)


# --- the visual language on random and generated roadmaps -------------------------------------

from hypothesis import given
from hypothesis import strategies as st

from roadmap_graph.figures.roadmap import ARC_MAX_RADIUS, alternatives_arc

from .conftest import examples
from .strategies import roadmaps


def expected_legend(G: nx.DiGraph, lang: str, gateways_on: bool, top) -> set[str]:
    """The legend a drawing of ``G`` must carry, worked out from the graph alone."""
    out = {text(f"kind.{k}", lang) for _, k in G.nodes(data="kind")}
    out |= {str(G.graph["fields"][f].get("name_en") if lang == "en" and G.graph["fields"][f].get("name_en")
                else G.graph["fields"][f]["name"]) for _, f in G.nodes(data="field")}
    groups: dict = {}
    for u, v, d in G.edges(data=True):
        inferred = d.get("provenance") == "inferred"
        if d["relation"] == "supported_by":
            out.add(text("fig.inferred_support" if inferred else "fig.supported_by", lang))
            continue
        if G.nodes[u]["field"] != G.nodes[v]["field"]:
            out.add(text("fig.cross_field", lang))
            if inferred:
                out.add(text("fig.inferred_link", lang))
        else:
            out.add(text("fig.inferred_link" if inferred else "fig.requires", lang))
        if d.get("group") is not None:
            groups[(u, d["group"])] = groups.get((u, d["group"]), 0) + 1
    if any(k > 1 for k in groups.values()):
        out.add(text("fig.alternatives", lang))
    found = gateways(G).gateways if gateways_on else ()
    out |= {text("fig.gateway_deep" if g.deep else "fig.gateway_trivial", lang) for g in found}
    ranking = rg.bottlenecks(G)
    marked = ranking.marked(top)
    if marked:
        key = "fig.bottleneck_rule" if top is True else "fig.bottleneck_top"
        out.add(text(key, lang, k=len(marked), n=len(ranking)))
    inferred_gw = any(g.evidence() == "inferred" for g in found)
    if inferred_gw or any(ranking.evidence_of(n) == "inferred" for n in marked):
        out.add(text("fig.rests_on_inference", lang))
    return out


def inside_axes(ax) -> list[str]:
    """The gids of drawn artists that reach outside the axes (a point of slack)."""
    renderer = ax.figure.canvas.get_renderer()
    box = ax.get_window_extent(renderer)
    out = []
    for artist in [*ax.patches, *ax.lines, *ax.texts]:
        gid = artist.get_gid()
        if not gid or (hasattr(artist, "get_xdata") and len(artist.get_xdata()) == 0):
            continue
        b = artist.get_window_extent(renderer)
        if b.x0 < box.x0 - 1 or b.x1 > box.x1 + 1 or b.y0 < box.y0 - 1 or b.y1 > box.y1 + 1:
            out.append(gid)
    return out


@examples(60)
@given(roadmaps(), st.sampled_from(["ko", "en"]), st.sampled_from([True, False, 1, 3]), st.booleans())
def test_marks_and_legend_on_random_roadmaps(roadmap, lang, top, gateways_on) -> None:
    """Every link in the one encoding; the legend names exactly the marks drawn; gateways
    thick or thin as they are deep; bottleneck badges numbered by rank; nothing leaves the
    axes."""
    G = rg.to_networkx(roadmap)
    ax = plot_roadmap(G, lang=lang, show_bottlenecks=top, show_gateways=gateways_on)
    try:
        ax.figure.canvas.draw()
        for key, patch in by_gid(ax, "edge:").items():
            u, v = key.split("->")
            link_style_ok(patch, G.edges[u, v], G.nodes[u]["field"] != G.nodes[v]["field"])
        legend = {t.get_text() for t in ax.get_legend().get_texts()}
        assert legend == expected_legend(G, lang, gateways_on, top)
        found = {g.id: g for g in gateways(G).gateways} if gateways_on else {}
        assert set(by_gid(ax, "gateway-deep:")) == {n for n, g in found.items() if g.deep}
        assert set(by_gid(ax, "gateway-trivial:")) == {n for n, g in found.items() if not g.deep}
        ranking = rg.bottlenecks(G)
        rank = {b.id: i + 1 for i, b in enumerate(ranking)}
        badges = by_gid(ax, "bottleneck:")
        assert {n: int(b.get_text()) for n, b in badges.items()} == {n: rank[n] for n in ranking.marked(top)}
        if top is not True and top:
            assert sorted(int(b.get_text()) for b in badges.values()) == list(range(1, min(top, len(ranking)) + 1))
        assert inside_axes(ax) == []
    finally:
        plt.close(ax.figure)


@examples(200)
@given(
    st.floats(-50, 50), st.floats(0.3, 3.0), st.floats(0.05, 2.0),
    st.lists(st.floats(-5000, 5000), min_size=2, max_size=8, unique=True),
)
def test_alternatives_arc_stays_in_its_gap(x0, y0, depth, ends) -> None:
    """However far apart the alternatives land (a 2,000-node roadmap spreads them over tens of
    inches), the arc stays within the gap below its dependent and near it."""
    top, bottom = y0, y0 - depth
    routes = [((x0, top + 0.2), (x0, top), (x, bottom), (x, bottom - 0.3)) for x in ends]
    arc = alternatives_arc(routes)
    if sum(abs(x - x0) > 1e-9 for x in ends) < 2:
        return
    assert arc is not None
    (cx, cy), radius, theta1, theta2 = arc
    assert (cx, cy) == (x0, top)
    assert 0 < radius <= min(ARC_MAX_RADIUS, depth / 2) + 1e-12
    assert 0 <= theta1 <= theta2 < 360


def test_generated_300_nodes_nothing_leaves_the_plot(tmp_path) -> None:
    """A generated 300-node roadmap: every edge, arrow, arc, mark and label inside the axes."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("benchmark_generate", Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    path = generate.write_json(generate.synthetic_data(300, seed=1), tmp_path / "g300.json")
    G = rg.to_networkx(rg.load_roadmap(path))
    ax = plot_roadmap(G, lang="en")
    try:
        ax.figure.canvas.draw()
        assert by_gid(ax, "alternatives:")  # the case that escaped the plot
        assert inside_axes(ax) == []
    finally:
        plt.close(ax.figure)
