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
    BOTTLENECK_COLOUR,
    CROSS_FIELD_COLOUR,
    GATEWAY_COLOUR,
    KIND_MARKERS,
    field_colours,
    figure_style,
)
from roadmap_graph.vocabulary import (
    node_name,
    text,
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
    for key in ("gateway", "bottleneck", "cross_field", "highlight"):
        assert text(f"fig.{key}", "ko") in legend_ko
        assert text(f"fig.{key}", "en") in legend_en
    # the bundled roadmap has no alternatives (its "RNA 플랫폼·바이러스 벡터 등" are examples):
    # the legend names only what is drawn
    assert text("fig.alternatives", "ko") not in legend_ko and text("fig.alternatives", "en") not in legend_en
    assert "인공지능" in legend_ko and "Artificial intelligence" in legend_en


def test_edges_cross_field_gateways_bottlenecks_highlights(figure) -> None:
    G, axes = figure
    ax = axes["en"]
    edges = by_gid(ax, "edge:")
    assert set(edges) == {f"{u}->{v}" for u, v in G.edges()}
    cross = {f"{u}->{v}" for u, v in G.edges() if G.nodes[u]["field"] != G.nodes[v]["field"]}
    assert cross == {"bio_cloud_analysis_infra->cloud_optimization"}  # the one cross-field link
    for key, patch in edges.items():
        u, v = key.split("->")
        coloured = to_hex(patch.get_edgecolor()) == CROSS_FIELD_COLOUR
        assert coloured == (key in cross), key
        d = G.edges[u, v]
        style = patch.get_linestyle()
        if d["relation"] == "supported_by" or d["group"] is not None:
            assert style not in ("-", "solid"), key  # dotted / dashed
        else:
            assert style in ("-", "solid"), key
        if key in cross:
            assert patch.get_linewidth() > max(p.get_linewidth() for k, p in edges.items() if k not in cross)
    assert set(by_gid(ax, "alternatives:")) == set()
    rings = by_gid(ax, "gateway:")
    assert set(rings) == {g.id for g in gateways(G).gateways}
    assert all(to_hex(r.get_markeredgecolor()) == GATEWAY_COLOUR for r in rings.values())
    marks = by_gid(ax, "bottleneck:")
    assert set(marks) == set(rg.bottlenecks(G).marked()) == {"cloud_optimization", "data_robustness", "rna_platform"}
    assert all(to_hex(m.get_markerfacecolor()) == BOTTLENECK_COLOUR for m in marks.values())
    halos = by_gid(ax, "highlight:")
    assert set(halos) == {"cloud_optimization", "rna_platform"}
    assert all(to_hex(h.get_markerfacecolor()) == HIGHLIGHT_COLOUR for h in halos.values())
    labels = by_gid(ax, "label:")
    assert to_hex(labels["rna_platform"].get_bbox_patch().get_facecolor()) == HIGHLIGHT_COLOUR
    assert labels["viral_vector"].get_bbox_patch() is None


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
    for colour in (HIGHLIGHT_COLOUR, GATEWAY_COLOUR, BOTTLENECK_COLOUR, CROSS_FIELD_COLOUR):
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
