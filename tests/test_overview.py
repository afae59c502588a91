"""The overview figure and the convergence map at scale: readable at page width (text
≥ 8 px at 1,400 px), within 16:9 both ways, no two labels overlapping, nothing outside the
figure; the folding counts every node once; the report's figures are column-wide SVG with
real text and the fonts they need."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import networkx as nx
import pytest
from hypothesis import given

import roadmap_graph as rg
from roadmap_graph.figures.checks import figure_checks
from roadmap_graph.figures.convergence import plot_convergence
from roadmap_graph.figures.layout.fold import fold_roadmap
from roadmap_graph.figures.overview import plot_overview

from .browser import chromium, open_page  # noqa: F401  (chromium is a fixture)
from .conftest import examples
from .strategies import roadmaps

matplotlib.use("Agg")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from generate import synthetic_data


@pytest.fixture(scope="module")
def G300() -> nx.DiGraph:
    return rg.to_networkx(rg.Roadmap.model_validate(synthetic_data(300, seed=0)))


def assert_readable(fig) -> dict:
    found = figure_checks(fig)
    assert found["min_label_px"] >= 8.0, found
    assert found["aspect"] <= 16 / 9 + 1e-3 and 1 / found["aspect"] <= 16 / 9 + 1e-3, found
    assert found["label_overlaps"] == 0, found
    assert found["outside"] == 0, found
    return found


def fold_oracle(G: nx.DiGraph) -> dict[str, str | None]:
    """Each folded node's home by brute force: the nearest core technology that reaches it
    without passing another mission or core, its own field's first."""
    kinds = nx.get_node_attributes(G, "kind")
    walk = G.subgraph(n for n in G if kinds[n] not in ("mission", "core_technology"))
    homes: dict[str, str | None] = {}
    for n in walk:
        if kinds[n] in ("mission", "core_technology"):
            continue
        homes[n] = None
        for same in (True, False):
            best = None
            for c in (c for c in G if kinds[c] == "core_technology"):
                if same and G.nodes[c]["field"] != G.nodes[n]["field"]:
                    continue
                sub = walk.subgraph([*(m for m in walk if not same or G.nodes[m]["field"] == G.nodes[c]["field"])]).copy()
                sub.add_node(c)
                sub.add_edges_from((c, v) for v in G.successors(c) if v in sub)
                if n in sub and nx.has_path(sub, c, n):
                    best = c if best is None else best
                    break
            if best is not None:
                homes[n] = best
                break
    return homes


@given(roadmaps(max_nodes=9))
@examples(200)
def test_fold_counts_every_node_once(roadmap):
    G = rg.to_networkx(roadmap)
    folded = fold_roadmap(G)
    seen = list(folded.drawn)
    seen += [n for f in folded.folds.values() for n in (*f.enabling, *f.measures)]
    seen += [n for e, m in folded.loose.values() for n in (*e, *m)]
    assert sorted(seen) == sorted(G)
    oracle = fold_oracle(G)
    for n, home in oracle.items():
        assert (folded.home.get(n) is None) == (home is None)  # reached by some core or by none
    lanes = [c for lanes in folded.lanes.values() for lane in lanes for c in lane.cores]
    assert sorted(lanes) == sorted(n for n, k in G.nodes(data="kind") if k == "core_technology")


@given(roadmaps(max_nodes=9))
@examples(60)
def test_overview_of_random_roadmaps_is_readable(roadmap):
    G = rg.to_networkx(roadmap)
    for lang in ("ko", "en"):
        ax = plot_overview(G, lang=lang)
        try:
            assert_readable(ax.figure)
        finally:
            plt.close(ax.figure)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_overview_of_300_nodes_is_readable(G300, lang):
    ax = plot_overview(G300, lang=lang)
    found = assert_readable(ax.figure)
    gids = {str(a.get_gid()) for a in ax.figure.findobj() if a.get_gid()}
    cores = {n for n, k in G300.nodes(data="kind") if k == "core_technology"}
    assert {f"label:{c}" for c in cores} <= gids  # 24 core technologies: every one drawn
    assert found["labels"] > len(cores)
    plt.close(ax.figure)


def test_bundled_overview_counts_and_marks(G):
    ax = plot_overview(G, lang="en")
    texts = {t.get_gid(): t.get_text() for t in ax.texts}
    folded = fold_roadmap(G)
    for core, fold in folded.folds.items():
        assert texts[f"badge:{core}"].replace("\n", " ") == f"+{len(fold.enabling)} enabling · {len(fold.measures)} measures"
    rings = {a.get_gid(): a for a in ax.collections if str(a.get_gid()).startswith("ring:")}
    # every core technology of the bundled roadmap is a gateway: all trivial (thin ring)
    assert set(rings) == {f"ring:{c}" for c in folded.folds}
    assert_readable(ax.figure)
    plt.close(ax.figure)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_convergence_of_300_nodes_any_fields_top_k(G300, lang):
    ax = plot_convergence(G300, lang=lang, top_k=10)
    assert_readable(ax.figure)
    found = rg.convergence(G300)
    rings = {str(a.get_gid())[5:] for a in ax.collections if str(a.get_gid()).startswith("ring:")}
    assert 0 < len(rings) <= 10 and rings <= {p.id for p in found.convergence_points}
    sides = {str(t.get_gid())[5:] for t in ax.texts if str(t.get_gid()).startswith("side:")}
    assert sides == set(G300.graph["fields"])  # all four fields, not two
    cutoff = next(t.get_text() for t in ax.texts if t.get_gid() == "cutoff")
    assert str(len(found.convergence_points)) in cutoff and str(len(rings)) in cutoff
    plt.close(ax.figure)


def test_report_uses_the_overview_at_scale(G300):
    from roadmap_graph.present.report import _roadmap_figures

    figure, note = _roadmap_figures(G300, "en", lambda m: None)
    assert note and "300" in note
    assert 'id="panel:ai"' in figure
    assert "<text" in figure and not re.match(r"<svg[^>]*\swidth=", figure)


def test_bundled_report_figures_are_column_wide_text(G, tmp_path, chromium):  # noqa: F811
    from roadmap_graph.present.report import write_report

    index = write_report(G, tmp_path / "r", lang="ko")
    page = index.read_text(encoding="utf-8")
    svgs = re.findall(r"<svg\b[^>]*>", page)
    assert svgs and all("viewBox" in s and " width=" not in s for s in svgs)
    assert "@font-face{font-family:'NanumGothic'" in page
    log = open_page(chromium, index)
    name = G.nodes["cloud_optimization"]["name"]
    found = log.page.locator("figure svg text", has_text=name)
    assert found.count() >= 1
    box = found.first.bounding_box()
    assert box and box["height"] >= 8  # drawn, at a readable size at 1,400 px
    width = log.page.evaluate("document.querySelector('figure svg').getBoundingClientRect().width")
    column = log.page.evaluate("document.querySelector('figure').getBoundingClientRect().width")
    assert width == pytest.approx(column, abs=2)
    assert log.page.evaluate("document.fonts.check(\"12px 'NanumGothic'\")")
    assert log.errors() == [] and log.foreign_requests() == []
