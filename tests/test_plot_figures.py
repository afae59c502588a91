"""The chain, convergence and coverage figures: what was drawn, not how the pixels look.

Each figure's artists carry gids (``node:<id>``, ``label:<id>``, ``edge:<u>-><v>``, ...);
the tests find them and check positions, colours, styles and texts against the analyses,
and the coverage numbers against brute force.
"""

from __future__ import annotations

import io
import logging
import warnings

import matplotlib
import matplotlib.pyplot as plt
import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib import colors as mcolors

import roadmap_graph as rg
from roadmap_graph.analyses.coverage import coverage_matrix
from roadmap_graph.errors import InvalidOptionError, UnknownNodeError
from roadmap_graph.figures.chain import plot_chain
from roadmap_graph.figures.convergence import FADED_ALPHA, missions_served, plot_convergence
from roadmap_graph.figures.coverage import GAP_FACE, GAP_HATCH, plot_coverage
from roadmap_graph.figures.layout import count_crossings, layer_of
from roadmap_graph.figures.style import CROSS_FIELD_COLOUR, field_colours
from roadmap_graph.vocabulary import node_name
from roadmap_graph.vocabulary.visual import DEEP_GATEWAY_RING, INFERRED, INFERRED_DASH, INK, TRIVIAL_GATEWAY_RING

from .strategies import roadmaps

GENE = "bio_mission_gene_cell_therapy"
HEALTH = "bio_mission_health_data"

from .conftest import examples, raises_en


def artists(ax, prefix: str) -> dict[str, object]:
    """Artists of ``ax``'s figure whose gid starts with ``prefix``, by the rest of the gid."""
    found = {}
    for a in ax.figure.findobj(lambda a: str(a.get_gid() or "").startswith(prefix)):
        found[a.get_gid()[len(prefix) :]] = a
    return found


def xy(artist) -> tuple[float, float]:
    """The data position of a one-point marker (Line2D or scatter)."""
    if hasattr(artist, "get_xydata"):
        x, y = artist.get_xydata()[0]
    else:
        x, y = artist.get_offsets()[0]
    return float(x), float(y)


def squash(text: str) -> str:
    return "".join(text.split())


def small_roadmap() -> rg.Roadmap:
    """m requires core c; c requires e1 and one of e2, e3 (e3 inferred); e1 is supported by
    the measure w; a second field's technology x is required by e1."""
    N, L = rg.Node, rg.Link
    nodes = (
        N(id="m", kind="mission", field="ai", name="임무 하나", name_en="One mission", requires=(L(id="c"),)),
        N(id="c", kind="core_technology", field="ai", name="중점 기술", name_en="Core tech",
          requires=(L(id="e1"),), any_of=((L(id="e2"), L(id="e3", provenance="inferred")),)),
        N(id="e1", kind="enabling_technology", field="ai", name="세부 하나", name_en="Enabler one",
          requires=(L(id="x"),), supported_by=(L(id="w", provenance="inferred"),)),
        N(id="e2", kind="enabling_technology", field="ai", name="세부 둘", name_en="Enabler two"),
        N(id="e3", kind="enabling_technology", field="ai", name="세부 셋", name_en="Enabler three"),
        N(id="x", kind="enabling_technology", field="bio", name="바이오 기술", name_en="Bio tech"),
        N(id="w", kind="ecosystem_measure", field="ai", name="인력 양성", name_en="Training", category="workforce"),
        N(id="m2", kind="mission", field="bio", name="바이오 임무", name_en="Bio mission", requires=(L(id="x"),)),
    )  # fmt: skip
    return rg.Roadmap(
        schema_version=1,
        roadmap=rg.RoadmapInfo(id="small", title="작은 로드맵", sources=(rg.Source(id="src", title="출처"),)),
        fields=(rg.FieldInfo(id="ai", name="인공지능", name_en="AI"), rg.FieldInfo(id="bio", name="바이오", name_en="Bio")),
        nodes=nodes,
    )


@pytest.fixture(scope="module")
def small() -> nx.DiGraph:
    return rg.to_networkx(small_roadmap())


# --------------------------------------------------------------------------------------
# The prerequisite chain


@pytest.mark.parametrize("mission", [GENE, HEALTH])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_chain_draws_exactly_the_chain(G, mission, lang):
    ax = plot_chain(G, mission, lang=lang)
    chain = rg.prerequisite_chain(G, mission)
    assert set(artists(ax, "node:")) == {n.id for n in chain.nodes}
    drawn = set(artists(ax, "edge:"))
    assert drawn == {f"{e.source}->{e.target}" for e in chain.edges}
    labels = artists(ax, "label:")
    assert set(labels) == {n.id for n in chain.nodes}
    for n, text in labels.items():
        assert squash(text.get_text()) == squash(node_name(G.nodes[n], lang))


def test_chain_without_measures(G):
    ax = plot_chain(G, HEALTH, show_measures=False)
    chain = rg.prerequisite_chain(G, HEALTH)
    assert set(artists(ax, "node:")) == {n.id for n in chain.nodes if n.kind != "ecosystem_measure"}


@pytest.mark.parametrize("mission", sorted(n for n, k in rg.to_networkx(rg.load_roadmap()).nodes(data="kind") if k == "mission"))
def test_chain_rings_the_missions_gateways(G, mission):
    ax = plot_chain(G, mission, legend=False)
    rings = artists(ax, "gateway:")
    assert set(rings) == set(rg.gateways(G).by_mission[mission])
    found = {g.id: g for g in rg.gateways(G).gateways}
    for n, ring in rings.items():
        assert mcolors.same_color(ring.get_markeredgecolor(), INK)
        assert xy(ring) == pytest.approx(xy(artists(ax, f"node:{n}")[""]))
        deep = mission not in found[n].sole_missions  # several of this mission's paths meet there
        assert ring.get_markeredgewidth() == (DEEP_GATEWAY_RING if deep else TRIVIAL_GATEWAY_RING)
        assert (n in artists(ax, "gateway-deep:")) == deep and (n in artists(ax, "gateway-trivial:")) == (not deep)


def test_chain_positions_by_row(G):
    ax = plot_chain(G, GENE)
    nodes = {n: xy(a) for n, a in artists(ax, "node:").items()}
    ys = {n.id: nodes[n.id][1] for n in rg.prerequisite_chain(G, GENE).nodes if n.kind != "ecosystem_measure"}
    layers = layer_of(G.subgraph(ys))
    for u in ys:
        for v in ys:
            if layers[u] < layers[v]:
                assert ys[u] > ys[v]  # top-down: the mission highest
            elif layers[u] == layers[v]:
                assert ys[u] == pytest.approx(ys[v], abs=0.6)
    assert max(ys, key=ys.get) == GENE


def test_chain_alternatives_drawn_as_a_group(G):
    # the bundled roadmap has no alternatives (its delivery routes are examples, "등"):
    # make the two routes one any_of group, as an older reading of the text did
    G = G.copy()
    for target in ("rna_platform", "viral_vector"):
        G.edges["bio_gene_delivery", target]["group"] = 0
    ax = plot_chain(G, GENE, lang="en")
    edges = artists(ax, "edge:")
    for target in ("rna_platform", "viral_vector"):  # stated: solid (a dash says inferred), the arc ties them
        assert edges[f"bio_gene_delivery->{target}"].get_linestyle() == "solid"
    assert "bio_gene_delivery:0" in artists(ax, "alternatives:")
    assert artists(ax, "one-of:")["bio_gene_delivery:0"].get_text() == "one of"
    assert "alternatives: any one of the links the arc ties suffices" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_chain_inferred_links_are_lighter(G):
    ax = plot_chain(G, HEALTH, lang="ko")
    edges = artists(ax, "edge:")
    assert G.edges["genai_drug_diagnosis", "korean_bio_big_data"]["provenance"] == "inferred"
    assert G.edges["genai_drug_diagnosis", "generative_ai"]["provenance"] == "stated"  # 생성형 AI를 적용한
    inferred = edges["genai_drug_diagnosis->korean_bio_big_data"]
    stated = edges["genai_drug_diagnosis->generative_ai"]
    assert mcolors.same_color(inferred.get_edgecolor(), INFERRED) and inferred.get_linestyle()[1] is not None
    assert mcolors.same_color(stated.get_edgecolor(), INK) and stated.get_linestyle() == "solid"
    assert sum(mcolors.to_rgb(INFERRED)) > sum(mcolors.to_rgb(INK))
    assert "추론된 연결 (원문에 없음)" in [t.get_text() for t in ax.get_legend().get_texts()]


@pytest.mark.parametrize("mission", [GENE, HEALTH, "bio_mission_synbio", "ai_mission_trustworthy"])
def test_chain_measures_beside_their_technologies(G, mission):
    ax = plot_chain(G, mission)
    nodes = {n: xy(a) for n, a in artists(ax, "node:").items()}
    measures = [n for n in nodes if G.nodes[n]["kind"] == "ecosystem_measure"]
    assert measures
    right = max(x for n, (x, _) in nodes.items() if n not in measures)
    edges = artists(ax, "edge:")
    for m in measures:
        supported = [u for u in G.pred[m] if u in nodes]
        top = max(nodes[u][1] for u in supported)
        assert nodes[m][0] > right  # to the right of every technology
        assert nodes[m][1] <= top + 1e-9  # never above the highest node it supports
        for u in supported:
            link = edges[f"{u}->{m}"]
            assert link.get_linestyle() != "solid"  # dotted
            assert link.get_linewidth() < 1.0  # thin


def test_chain_on_a_small_roadmap(small):
    ax = plot_chain(small, "m", lang="en")
    nodes = {n: xy(a) for n, a in artists(ax, "node:").items()}
    assert set(nodes) == {"m", "c", "e1", "e2", "e3", "x", "w"}  # not m2, outside the chain
    assert set(artists(ax, "gateway:")) == {"c"}
    # Drawn order of each row: no crossings (one exists without them).
    H = small.subgraph(["m", "c", "e1", "e2", "e3", "x"])
    layers = layer_of(H)
    order = [sorted((n for n in H if layers[n] == r), key=lambda n: nodes[n][0]) for r in range(max(layers.values()) + 1)]
    assert count_crossings(H, layers, order) == 0
    # The measure beside e1, level with it; the inferred alternative lighter, still dashed.
    assert nodes["w"][0] > max(x for n, (x, _) in nodes.items() if n != "w")
    assert nodes["w"][1] == pytest.approx(nodes["e1"][1])
    edges = artists(ax, "edge:")
    assert edges["c->e3"].get_linestyle()[1] == pytest.approx(INFERRED_DASH[1])  # inferred: dashed
    assert mcolors.same_color(edges["c->e3"].get_edgecolor(), INFERRED)
    assert mcolors.same_color(edges["c->e2"].get_edgecolor(), INK) and edges["c->e2"].get_linestyle() == "solid"
    # Colours by field.
    colours = field_colours(["ai", "bio"])
    assert mcolors.same_color(artists(ax, "node:x")[""].get_markerfacecolor(), colours["bio"])
    assert mcolors.same_color(artists(ax, "node:e1")[""].get_markerfacecolor(), colours["ai"])


def connector_crossings(ax) -> list[tuple[str, str]]:
    """(connector, what it crosses): every dotted connector of the measures (branches and
    trunks) against every label box, arrowhead and node marker it does not end at, measured
    with the renderer in display space."""
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    obstacles = {}
    for a in ax.texts:
        gid = str(a.get_gid() or "")
        if gid.startswith(("label:", "one-of:", "band-label:", "title", "row-title:", "measures-title", "bottleneck:")):
            obstacles[gid] = a.get_window_extent(renderer)
    for a in ax.patches:
        if str(a.get_gid() or "").startswith("arrow:"):
            obstacles[a.get_gid()] = a.get_window_extent(renderer)
    for a in ax.lines:
        if str(a.get_gid() or "").startswith("node:"):
            obstacles[a.get_gid()] = a.get_window_extent(renderer)
    out = []
    for a in ax.patches:
        gid = str(a.get_gid() or "")
        if not gid.startswith(("support-trunk:", "edge:")):
            continue
        if gid.startswith("edge:") and ax._roadmap_kinds.get(gid.split("->")[1]) != "ecosystem_measure":
            continue
        path = a.get_path().transformed(a.get_transform())
        ends = {f"node:{gid.split('->')[1]}"} if gid.startswith("edge:") else {f"node:{gid.split(':', 1)[1]}"}
        if gid.startswith("edge:"):
            ends |= {f"node:{gid[5:].split('->')[0]}"}
        for name, box in obstacles.items():
            if name in ends:
                continue
            if path.intersects_bbox(box.padded(-0.5), filled=False):
                out.append((gid, name))
    return out


@pytest.mark.parametrize("mission", sorted(n for n, k in rg.to_networkx(rg.load_roadmap()).nodes(data="kind") if k == "mission"))
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_bundled_chain_connectors_cross_no_label_or_arrowhead(G, mission, lang):
    """The measures' connectors leave their node below its label, run through the gaps and
    beside the column: no label box, arrowhead or other marker crossed (renderer measured)."""
    ax = plot_chain(G, mission, lang=lang)
    ax._roadmap_kinds = dict(G.nodes(data="kind"))
    measures = {n.id for n in rg.prerequisite_chain(G, mission).nodes if n.kind == "ecosystem_measure"}
    assert set(artists(ax, "support-trunk:")) == measures
    assert connector_crossings(ax) == []
    # a branch starts on the bottom edge of its node's label, never on a requirement link
    labels = artists(ax, "label:")
    renderer = ax.figure.canvas.get_renderer()
    for key, patch in artists(ax, "edge:").items():
        u, m = key.split("->")
        if G.nodes[m]["kind"] != "ecosystem_measure":
            continue
        (x0, y0) = ax.transData.transform(patch.get_path().vertices[0])
        box = labels[u].get_window_extent(renderer)
        assert box.x0 <= x0 <= box.x1 and 0 <= box.y0 - y0 < 8  # just below the drawn label (its measured box)
        assert abs(x0 - (box.x0 + box.x1) / 2) > 2  # apart from the requirement links' start
    plt.close(ax.figure)


@examples(30)
@given(roadmaps(), st.data())
def test_chain_connectors_on_random_roadmaps(roadmap, data):
    G = rg.to_networkx(roadmap)
    missions = sorted(n for n, k in G.nodes(data="kind") if k == "mission")
    if not missions:
        return
    ax = plot_chain(G, data.draw(st.sampled_from(missions)), lang=data.draw(st.sampled_from(["ko", "en"])))
    try:
        ax._roadmap_kinds = dict(G.nodes(data="kind"))
        assert connector_crossings(ax) == []
    finally:
        plt.close(ax.figure)


def test_bundled_chain_marks_its_bottlenecks_by_rank(G):
    ranking = rg.bottlenecks(G)
    rank = {b.id: i + 1 for i, b in enumerate(ranking)}
    ax = plot_chain(G, GENE, lang="en")
    badges = artists(ax, "bottleneck:")
    assert {n: b.get_text() for n, b in badges.items()} == {"rna_platform": str(rank["rna_platform"])}
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert f"bottleneck rank (3 of {len(ranking)} ranked: all three binding flags, 2+ missions)" in legend
    assert "gateway: a mission's only direct requirement" in legend
    assert "gateway where several paths meet" not in legend  # this chain has no deep gateway
    plt.close(ax.figure)
    ax = plot_chain(G, GENE, lang="en", show_bottlenecks=False)
    assert artists(ax, "bottleneck:") == {}
    plt.close(ax.figure)


def test_chain_refuses_unknown_and_non_missions(G):
    with raises_en(UnknownNodeError, "did you mean"):
        plot_chain(G, "bio_mission_gene_cell_therap")
    with raises_en(UnknownNodeError, "not a mission"):
        plot_chain(G, "bio_gene_cell_therapy")
    with pytest.raises(InvalidOptionError):
        plot_chain(G, GENE, lang="fr")


# --------------------------------------------------------------------------------------
# The convergence map


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_convergence_sizes_sides_and_cross_links(G, lang):
    ax = plot_convergence(G, lang=lang)
    nodes = artists(ax, "node:")
    assert set(nodes) == {n for n, f in G.nodes(data="field") if f in ("ai", "bio")}
    served = missions_served(G)
    sizes = {n: float(a.get_sizes()[0]) for n, a in nodes.items()}
    for a in nodes:
        for b in nodes:
            if served[a] < served[b]:
                assert sizes[a] < sizes[b]
            elif served[a] == served[b]:
                assert sizes[a] == pytest.approx(sizes[b])
    found = rg.convergence(G, fields=["ai", "bio"])
    cross = artists(ax, "cross:")
    assert set(cross) == {f"{e.source}->{e.target}" for e in found.cross_field_edges}
    assert len(cross) == len(found.cross_field_edges) == 1  # bio cloud analysis → AI cloud optimisation
    for arrow in cross.values():
        assert mcolors.same_color(arrow.get_edgecolor(), CROSS_FIELD_COLOUR)
    xs = {n: xy(a)[0] for n, a in nodes.items()}
    assert max(x for n, x in xs.items() if G.nodes[n]["field"] == "ai") < min(
        x for n, x in xs.items() if G.nodes[n]["field"] == "bio"
    )
    points = {p.id for p in found.convergence_points}
    assert set(artists(ax, "ring:")) == points
    strong = points | {n for e in found.cross_field_edges for n in (e.source, e.target)}
    for n, a in nodes.items():
        assert a.get_alpha() == (1.0 if n in strong else FADED_ALPHA)
    labels = artists(ax, "label:")
    assert set(labels) == strong
    for n, text in labels.items():
        assert squash(text.get_text()) == squash(node_name(G.nodes[n], lang))
    colours = field_colours(["ai", "bio"])
    for n, a in nodes.items():
        assert mcolors.same_color(a.get_facecolor()[0][:3], mcolors.to_rgb(colours[G.nodes[n]["field"]]))


def test_convergence_fields_in_the_order_asked(G):
    ax = plot_convergence(G, fields=["bio", "ai"], labels="none")
    xs = {n: xy(a)[0] for n, a in artists(ax, "node:").items()}
    assert all((x > 0) == (G.nodes[n]["field"] == "ai") for n, x in xs.items())
    assert not artists(ax, "label:")


def test_convergence_on_a_small_roadmap(small):
    ax = plot_convergence(small, lang="en")
    # x is required by e1 (ai) and by m2 (bio): it serves missions of both fields.
    assert set(artists(ax, "ring:")) == {"x"}
    assert set(artists(ax, "cross:")) == {"e1->x"}
    sizes = {n: float(a.get_sizes()[0]) for n, a in artists(ax, "node:").items()}
    assert sizes["x"] == max(sizes.values())  # serves two missions


def test_convergence_refuses_bad_fields(G, small):
    with raises_en(InvalidOptionError, "did you mean"):
        plot_convergence(G, fields=["ai", "bioo"])
    with raises_en(InvalidOptionError, "two different fields"):
        plot_convergence(G, fields=["ai"])
    with pytest.raises(InvalidOptionError):
        plot_convergence(G, labels="some")
    one = small.subgraph(n for n, f in small.nodes(data="field") if f == "ai")
    with raises_en(InvalidOptionError, "two fields"):
        plot_convergence(one)


# --------------------------------------------------------------------------------------
# The coverage matrix


@pytest.mark.parametrize("columns", ["categories", "technologies"])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_coverage_cells_and_gaps(G, columns, lang):
    rows, cols, matrix = coverage_matrix(G, columns=columns)
    ax = plot_coverage(G, columns=columns, lang=lang)
    cells, gaps = artists(ax, "cell:"), artists(ax, "gap:")
    marks, counts = artists(ax, "gapmark:"), artists(ax, "count:")
    for i, m in enumerate(rows):
        for j, c in enumerate(cols):
            key = f"{m}:{c}"
            if matrix[i][j] == 0:
                assert key in gaps and key not in cells
                assert gaps[key].get_hatch() == GAP_HATCH
                assert mcolors.same_color(gaps[key].get_facecolor(), GAP_FACE)
                assert marks[key].get_text() == "×"
                assert gaps[key].get_xy() == (j, i)
            else:
                assert key in cells and key not in gaps
                assert cells[key].get_hatch() is None
                assert not mcolors.same_color(cells[key].get_facecolor(), GAP_FACE)
                if columns == "categories":
                    assert counts[key].get_text() == str(matrix[i][j])
    if columns == "technologies":  # gateways stand out from the other chain members
        gateway = [cells[f"{m}:{c}"] for i, m in enumerate(rows) for j, c in enumerate(cols) if matrix[i][j] == 2]
        member = [cells[f"{m}:{c}"] for i, m in enumerate(rows) for j, c in enumerate(cols) if matrix[i][j] == 1]
        assert gateway and member
        assert all(mcolors.same_color(a.get_facecolor(), INK) for a in gateway)
        assert not any(mcolors.same_color(a.get_facecolor(), INK) for a in member)
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert [squash(t) for t in ticks] == [squash(node_name(G.nodes[m], lang)) for m in rows]
    legend_texts = [t.get_text() for t in ax.figure.findobj(lambda a: a.get_gid() == "legend")[0].get_texts()]
    assert legend_texts == [f"× {'공백 (없음)' if lang == 'ko' else 'gap (none)'}"]
    if columns == "categories":
        words = [squash(t.get_text()) for t in ax.get_xticklabels()]
        assert words == (["인력", "규제·표준", "데이터", "국제협력", "인프라", "대국민리터러시"] if lang == "ko" else
                         ["workforce", "regulation&standards", "data", "internationalcooperation", "infrastructure",
                          "publicliteracy"])  # fmt: skip


# --------------------------------------------------------------------------------------
# Every figure


FIGURES = [
    pytest.param(lambda G, **kw: plot_chain(G, GENE, **kw), id="chain-gene"),
    pytest.param(lambda G, **kw: plot_chain(G, HEALTH, **kw), id="chain-health"),
    pytest.param(lambda G, **kw: plot_convergence(G, **kw), id="convergence"),
    pytest.param(lambda G, **kw: plot_coverage(G, **kw), id="coverage-categories"),
    pytest.param(lambda G, **kw: plot_coverage(G, columns="technologies", **kw), id="coverage-technologies"),
]


@pytest.mark.parametrize("draw", FIGURES)
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_no_global_change_and_no_missing_glyph(G, draw, lang, caplog):
    before = dict(matplotlib.rcParams)
    figures = len(plt.get_fignums())
    with caplog.at_level(logging.WARNING, logger="matplotlib.font_manager"):
        ax = draw(G, lang=lang)
        assert dict(matplotlib.rcParams) == before
        assert len(plt.get_fignums()) == figures + 1
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a missing glyph is a UserWarning at draw time
            for fmt in ("png", "svg"):
                ax.figure.savefig(io.BytesIO(), format=fmt)
    assert not [r for r in caplog.records if "findfont" in r.getMessage()]
    assert dict(matplotlib.rcParams) == before


@pytest.mark.parametrize("draw", FIGURES)
def test_draws_on_the_axes_given(G, draw):
    fig, ax = plt.subplots(figsize=(9, 7))
    ax.set_title("before")
    fig.canvas.draw()  # the axes' own texts and ticks exist, in the user's font
    assert draw(G, ax=ax) is ax
    assert plt.get_fignums() == [fig.number]
    fig.savefig(io.BytesIO(), format="png")


@examples(25)
@given(roadmaps(), st.data())
def test_figures_on_random_roadmaps(roadmap, data):
    G = rg.to_networkx(roadmap)
    lang = data.draw(st.sampled_from(["ko", "en"]))
    missions = sorted(n for n, k in G.nodes(data="kind") if k == "mission")
    if missions:
        mission = data.draw(st.sampled_from(missions))
        ax = plot_chain(G, mission, lang=lang)
        assert set(artists(ax, "node:")) == {n.id for n in rg.prerequisite_chain(G, mission).nodes}
        ax.figure.savefig(io.BytesIO(), format="png", dpi=40)
    fields = {f for _, f in G.nodes(data="field")}
    if len(fields) >= 2:
        ax = plot_convergence(G, lang=lang)
        ax.figure.savefig(io.BytesIO(), format="png", dpi=40)
    if missions:
        ax = plot_coverage(G, lang=lang, columns=data.draw(st.sampled_from(["categories", "technologies"])))
        ax.figure.savefig(io.BytesIO(), format="png", dpi=40)
    plt.close("all")
