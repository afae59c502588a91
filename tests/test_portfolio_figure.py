"""The portfolio figure (``draw portfolio FILE``), the report's portfolio section and the
explorer's programmes (issue 12, part C).

The marks are checked against the funded and unfunded sets recomputed here from the
portfolio file alone (every node some programme lists; every technology none lists), and the
bars against the overlay's numbers, on the example portfolio and on random roadmaps with
random portfolios.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import roadmap_graph as rg
from roadmap_graph.analyses.portfolio import portfolio_overlay
from roadmap_graph.cli import cli
from roadmap_graph.figures.portfolio import FLAGGED, plot_portfolio, portfolio_legend, portfolio_marks
from roadmap_graph.fileformat.portfolio import Portfolio
from roadmap_graph.fileformat.portfolio_loading import load_portfolio, resolve_portfolio
from roadmap_graph.present.explorer import explorer_data, explorer_html
from roadmap_graph.present.report import report_html
from roadmap_graph.vocabulary import text

from .browser import chromium, open_page  # noqa: F401  (chromium is a fixture)
from .conftest import examples
from .strategies import roadmaps

pytestmark = pytest.mark.filterwarnings("error:Glyph")

#: The bundled example portfolio (its name: ``draw portfolio NAME`` takes a name or a file).
BUNDLED = "kr_nst_roadmap_2_portfolio_example"
#: A small portfolio whose sources hold a ``javascript:`` address and markup in a title.
HOSTILE_SOURCES = Path(__file__).resolve().parent / "portfolio_hostile_sources.yaml"
HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
TECHNOLOGIES = ("core_technology", "enabling_technology")


@pytest.fixture(scope="module")
def example(G: nx.DiGraph) -> Portfolio:
    return load_portfolio(resolve_portfolio(BUNDLED), nodes=set(G))


@pytest.fixture(scope="module")
def hostile(G: nx.DiGraph) -> Portfolio:
    return load_portfolio(HOSTILE_SOURCES, nodes=set(G))


# --- oracles: from the portfolio file alone ---------------------------------------------------


def funded_oracle(G: nx.DiGraph, portfolio: Portfolio) -> set[str]:
    return {f.id for p in portfolio.programmes for f in p.funds if f.id in G}


def unfunded_oracle(G: nx.DiGraph, portfolio: Portfolio) -> set[str]:
    funded = funded_oracle(G, portfolio)
    return {n for n, k in G.nodes(data="kind") if k in TECHNOLOGIES and n not in funded}


def gids(ax: Any, prefix: str) -> set[str]:
    artists = [a for axes in ax.figure.axes for a in [*axes.lines, *axes.patches, *axes.texts]]
    return {str(a.get_gid())[len(prefix) :] for a in artists if str(a.get_gid() or "").startswith(prefix)}


def bars(ax: Any, kind: str) -> dict[str, float]:
    [money] = [a for a in ax.figure.axes if a.get_gid() == "money"]
    prefix = f"bar-{kind}:"
    return {str(p.get_gid())[len(prefix) :]: p.get_width() for p in money.patches if str(p.get_gid() or "").startswith(prefix)}


def check_figure(G: nx.DiGraph, portfolio: Portfolio, ax: Any) -> None:
    """The marks are the funded and unfunded sets; the bars are the overlay's numbers."""
    report = portfolio_overlay(G, portfolio)
    assert gids(ax, "funded:") == funded_oracle(G, portfolio)
    assert gids(ax, "unfunded:") == unfunded_oracle(G, portfolio)
    gateways = {u.id for u in report.unfunded if u.gateway_of}
    assert gids(ax, "unfunded-gateway:") == gateways
    assert gateways == {g for m in report.missions for g in m.unfunded_gateways}
    assert bars(ax, "touching") == pytest.approx({m.id: m.touching for m in report.missions})
    assert bars(ax, "apportioned") == pytest.approx({m.id: m.apportioned for m in report.missions})
    assert gids(ax, "flag:") == {m.id for m in report.missions if m.alignment in FLAGGED}
    assert gids(ax, "flag-ground:") == {m.id for m in report.missions if m.alignment in FLAGGED}


# --- random roadmaps and portfolios -----------------------------------------------------------


@st.composite
def roadmaps_with_portfolios(draw: Any) -> tuple[nx.DiGraph, Portfolio]:
    G = rg.to_networkx(draw(roadmaps(max_nodes=8)))
    nodes = sorted(G)
    programmes = []
    for i in range(draw(st.integers(0, 4))):
        funds = draw(st.lists(st.sampled_from(nodes), unique=True, max_size=3))
        start = draw(st.integers(2024, 2027))
        years = draw(st.lists(st.integers(start, start + 3), unique=True, min_size=1, max_size=4))
        budget = None if draw(st.booleans()) and i % 2 else {y: float(draw(st.integers(0, 500))) for y in years}
        programmes.append(
            {"id": f"p{i}", "name": f"사업 {i}", "name_en": f"Programme {i}", "ministry": "부처", "funds": funds,
             "start": start, "end": start + 3, **({"budget": budget} if budget is not None else {})}
        )
    portfolio = Portfolio.model_validate(
        {"schema_version": 1, "portfolio": {"id": "r", "title": "무작위", "unit": "억원", "unit_en": "KRW 100M"},
         "programmes": programmes}
    )
    return G, portfolio


@examples(60)
@given(roadmaps_with_portfolios(), st.sampled_from(["ko", "en"]))
def test_marks_and_bars_agree_with_the_portfolio_on_random_roadmaps(case: tuple[nx.DiGraph, Portfolio], lang: str) -> None:
    import matplotlib.pyplot as plt

    G, portfolio = case
    ax = plot_portfolio(G, portfolio_overlay(G, portfolio), lang=lang)
    try:
        check_figure(G, portfolio, ax)
        marks = portfolio_marks(G, portfolio_overlay(G, portfolio))
        labels = {h.get_label() for h in portfolio_legend(marks, lang)}
        legend = {t.get_text() for axes in ax.figure.axes if axes.get_legend() for t in axes.get_legend().get_texts()}
        assert labels <= legend  # one legend entry per kind of mark used
    finally:
        plt.close(ax.figure)


# --- the example portfolio over the bundled roadmap -------------------------------------------


def test_bundled_example_figure_marks_and_bars(G: nx.DiGraph, example: Portfolio) -> None:
    ax = plot_portfolio(G, portfolio_overlay(G, example), lang="en")
    check_figure(G, example, ax)
    assert gids(ax, "funded:") == {
        "korean_bio_big_data", "ai_robot_automation", "bio_core_equipment_sw", "mrna_platform", "commonsense_reasoning",
        "multimodal_ai", "explainable_ai", "ai_advanced_modeling",
    }  # fmt: skip
    # the core technology of every mission but AGI is a gateway no programme funds; so is the RNA platform
    assert gids(ax, "unfunded-gateway:") == {
        "rna_platform", "ai_efficient_learning", "ai_industrial_ai", "ai_safe_trustworthy", "bio_digital_health_data",
        "bio_gene_cell_therapy", "bio_synthetic_biology", "bio_vaccine",
    }  # fmt: skip
    touching = bars(ax, "touching")
    assert touching["bio_mission_health_data"] == pytest.approx(5 * 1213.16)  # the bio big-data project, phase 1
    assert touching["bio_mission_vaccine"] == pytest.approx(5052)
    assert touching["ai_mission_efficient_learning"] == 0
    # flagged in words: no programme behind two AI missions and gene and cell therapy; synthetic biology under-funded
    flags = {str(t.get_gid())[5:]: t.get_text() for axes in ax.figure.axes for t in axes.texts if str(t.get_gid()).startswith("flag:")}
    assert flags == {
        "ai_mission_efficient_learning": text("fig.portfolio_flag_unfunded", "en"),
        "ai_mission_industrial_ai": text("fig.portfolio_flag_unfunded", "en"),
        "bio_mission_gene_cell_therapy": text("fig.portfolio_flag_unfunded", "en"),
        "bio_mission_synbio": "under-funded: 8% of money, 18% of importance",
    }


def test_bundled_example_figure_speaks_the_visual_language(G: nx.DiGraph, example: Portfolio) -> None:
    """The portfolio's marks are ink, told apart by glyph and fill; an unfunded gateway keeps
    the gateway ring of every figure (thick: mRNA/RNA platforms; thin: a mission's only
    direct requirement); no mark takes a colour that means field, cross-field or highlight."""
    from matplotlib.colors import to_hex

    from roadmap_graph.vocabulary.visual import (
        CROSS_FIELD,
        DEEP_GATEWAY_RING,
        FIELD_PALETTE,
        HIGHLIGHT,
        INK,
        TRIVIAL_GATEWAY_RING,
    )

    ax = plot_portfolio(G, portfolio_overlay(G, example), lang="en")
    found = {str(a.get_gid()): a for a in [*ax.lines, *ax.texts]}
    taken = {*FIELD_PALETTE, CROSS_FIELD, HIGHLIGHT}
    for gid, a in found.items():
        if gid.startswith(("funded:", "unfunded-gateway:")):
            assert to_hex(a.get_bbox_patch().get_facecolor()) == INK and a.get_color() == "white"
        elif gid.startswith("unfunded:") and hasattr(a, "get_bbox_patch"):  # a hollow badge
            assert to_hex(a.get_bbox_patch().get_facecolor()) == "#ffffff" and to_hex(a.get_color()) == INK
        elif gid.startswith("unfunded:"):  # an unfunded gateway's ring
            n = gid.split(":", 1)[1]
            assert to_hex(a.get_markeredgecolor()) == INK
            assert a.get_markeredgewidth() == (DEEP_GATEWAY_RING if n == "rna_platform" else TRIVIAL_GATEWAY_RING)
    bars = [p for axes in ax.figure.axes for p in axes.patches if str(p.get_gid() or "").startswith("bar-")]
    assert bars and all(to_hex(p.get_facecolor()) not in taken for p in bars)
    legend = {t.get_text() for t in ax.get_legend().get_texts()}
    assert {text("fig.gateway_deep", "en"), text("fig.gateway_trivial", "en"), text("fig.portfolio_unfunded_gateway", "en")} <= legend
    import matplotlib.pyplot as plt

    plt.close(ax.figure)


def test_bundled_example_english_figure_has_no_hangul(G: nx.DiGraph, example: Portfolio) -> None:
    ax = plot_portfolio(G, portfolio_overlay(G, example), lang="en")
    words = [t.get_text() for axes in ax.figure.axes for t in axes.texts]
    words += [t.get_text() for axes in ax.figure.axes for t in axes.get_yticklabels()]
    words += [t.get_text() for axes in ax.figure.axes if axes.get_legend() for t in axes.get_legend().get_texts()]
    words += [axes.get_xlabel() for axes in ax.figure.axes] + [t.get_text() for t in ax.figure.texts]
    assert [w for w in words if HANGUL.search(w)] == []
    assert any("100 million KRW" in w for w in words)  # the unit in the axis label
    assert any("Artificial General Intelligence (AGI) Core Source Technology Project" in w for w in words)  # unknown money


def test_bundled_example_figure_in_korean_names_the_unit(G: nx.DiGraph, example: Portfolio) -> None:
    ax = plot_portfolio(G, portfolio_overlay(G, example), lang="ko")
    [money] = [a for a in ax.figure.axes if a.get_gid() == "money"]
    assert "억원" in money.get_xlabel()
    assert {str(t.get_gid()) for t in money.get_yticklabels()} == {f"mission-label:{m}" for m in ("ai_mission_agi",
        "ai_mission_efficient_learning", "ai_mission_industrial_ai", "ai_mission_trustworthy", "bio_mission_gene_cell_therapy",
        "bio_mission_health_data", "bio_mission_synbio", "bio_mission_vaccine")}  # fmt: skip


# --- the command line -------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".svg", ".png"])
def test_cli_draw_portfolio(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"portfolio{suffix}"
    result = CliRunner().invoke(cli, ["--lang", "en", "draw", "portfolio", BUNDLED, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 10_000
    if suffix == ".svg":
        assert "bar-touching:bio_mission_vaccine" in out.read_text(encoding="utf-8")


def test_cli_draw_portfolio_needs_one_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--lang", "en", "draw", "portfolio", "-o", str(tmp_path / "x.svg")])
    assert result.exit_code == 2
    assert "one portfolio" in result.output
    assert not (tmp_path / "x.svg").exists()


def test_cli_draw_portfolio_never_writes_over_the_portfolio(tmp_path: Path) -> None:
    copy = tmp_path / "p.svg"
    copy.write_text(HOSTILE_SOURCES.read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--lang", "en", "draw", "portfolio", str(copy), "-o", str(copy)])
    assert result.exit_code != 0
    assert copy.read_text(encoding="utf-8") == HOSTILE_SOURCES.read_text(encoding="utf-8")


# --- the report -------------------------------------------------------------------------------


def section(page: str, anchor: str) -> str:
    start = page.index(f'<section id="{anchor}">')
    return page[start : page.index("</section>", start)]


def test_report_section_only_with_a_portfolio(G: nx.DiGraph, example: Portfolio) -> None:
    assert 'id="portfolio"' not in report_html(G, lang="en")
    page = report_html(G, lang="en", portfolio=example)
    ids = re.findall(r'<section id="([^"]+)">', page)
    assert ids[:2] == ["summary", "portfolio"]  # after the summary
    part = section(page, "portfolio")
    assert "An illustration from public figures, not the government&#39;s full portfolio." in part
    assert "<svg" in part and "bar-apportioned:bio_mission_synbio" in part and "funded:mrna_platform" in part
    assert part.count("<table") == sum(1 for t in portfolio_overlay(G, example).tables() if t.rows)  # an empty one says so
    assert 'href="https://news1.kr/bio/general/5730896"' in part  # a programme's source
    assert '<a href="#portfolio">' in page  # the contents link to it


def test_report_links_only_web_sources(G: nx.DiGraph, hostile: Portfolio) -> None:
    part = section(report_html(G, lang="en", portfolio=hostile), "portfolio")
    assert 'href="https://www.dailysecu.com/news/articleView.html?idxno=147457"' in part
    assert 'href="javascript:' not in part
    assert "&lt;b&gt;뉴데일리&lt;/b&gt;" in part  # the author's title, escaped


def test_report_section_after_the_changes(G: nx.DiGraph, example: Portfolio) -> None:
    old = G.copy()
    old.remove_node("bio_ai_workforce")
    page = report_html(G, lang="en", baseline=old, portfolio=example)
    assert re.findall(r'<section id="([^"]+)">', page)[:3] == ["summary", "changes", "portfolio"]


def test_cli_report_with_a_portfolio_writes_its_explorer_too(tmp_path: Path) -> None:
    out = tmp_path / "report"
    result = CliRunner().invoke(cli, ["--lang", "en", "report", "--portfolio", BUNDLED, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert 'id="portfolio"' in (out / "index.html").read_text(encoding="utf-8")
    assert "mrna_vaccine_pandemic" in (out / "explorer.html").read_text(encoding="utf-8")
    plain = tmp_path / "plain"
    assert CliRunner().invoke(cli, ["report", "-o", str(plain)]).exit_code == 0
    assert 'id="portfolio"' not in (plain / "index.html").read_text(encoding="utf-8")


# --- the explorer -----------------------------------------------------------------------------


def test_explorer_data_carries_each_nodes_programmes(G: nx.DiGraph, example: Portfolio, hostile: Portfolio) -> None:
    assert explorer_data(G)["portfolio"] is None
    data = explorer_data(G, portfolio=example)["portfolio"]
    expected = {n: sorted(p.id for p in example.programmes if any(f.id == n for f in p.funds)) for n in G}
    assert {n: sorted(ps) for n, ps in data["by_node"].items()} == expected
    assert set(data["unfunded"]) == unfunded_oracle(G, example)
    assert data["programmes"]["mrna_vaccine_pandemic"]["money"] == pytest.approx(5052)
    assert data["programmes"]["mrna_vaccine_pandemic"]["years"] == [2025, 2028]
    assert data["programmes"]["agi_core_technology"]["money"] is None  # unknown, not 0
    assert data["unit"] == {"ko": "억원", "en": "100 million KRW"}
    assert data["missions"]["bio_mission_health_data"] == ["national_bio_big_data"]
    assert data["missions"]["ai_mission_agi"] == ["agi_core_technology", "human_centred_ai"]
    sources = explorer_data(G, portfolio=hostile)["portfolio"]["programmes"]["biofoundry"]["sources"]
    assert sources[0]["href"] is None  # javascript: is no link


@examples(60)
@given(roadmaps_with_portfolios())
def test_explorer_programmes_agree_with_the_portfolio_on_random_roadmaps(case: tuple[nx.DiGraph, Portfolio]) -> None:
    G, portfolio = case
    data = explorer_data(G, portfolio=portfolio)["portfolio"]
    funded = {n for n, ps in data["by_node"].items() if ps}
    assert funded == funded_oracle(G, portfolio)
    assert set(data["unfunded"]) == unfunded_oracle(G, portfolio)


def test_explorer_escapes_programme_names() -> None:
    G = rg.to_networkx(rg.load_roadmap())
    hostile = Portfolio.model_validate(
        {"schema_version": 1, "portfolio": {"id": "h", "title": "</script><b>x", "unit": "억원"},
         "programmes": [{"id": "p1", "name": "</script><script>alert(1)</script>", "funds": ["rna_platform"]}]}
    )
    page = explorer_html(G, portfolio=hostile)
    assert "<script>alert(1)" not in page
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)" in page


def test_bundled_explorer_panel_lists_programmes(chromium, tmp_path: Path, example: Portfolio) -> None:  # noqa: F811
    G = rg.to_networkx(rg.load_roadmap())
    path = tmp_path / "explorer.html"
    path.write_text(explorer_html(G, lang="en", portfolio=example), encoding="utf-8")
    log = open_page(chromium, path)
    page = log.page
    assert log.errors() == [] and log.foreign_requests() == []
    page.evaluate("window.roadmapExplorer.select('mrna_platform')")
    assert page.evaluate("window.roadmapExplorer.programmes()") == ["mrna_vaccine_pandemic"]
    panel = page.inner_text("#panel")
    assert "mRNA Vaccine Development Support for Pandemic Preparedness" in panel
    assert "5,052 100 million KRW" in panel and "2025–2028" in panel
    assert page.locator("#panel a[href='https://news1.kr/bio/general/5730896']").count() == 1
    page.evaluate("window.roadmapExplorer.select('rna_platform')")
    assert page.evaluate("window.roadmapExplorer.programmes()") == []
    assert "no programme" in page.inner_text("#panel")
    page.evaluate("window.roadmapExplorer.select('ai_mission_agi')")
    assert page.evaluate("window.roadmapExplorer.programmes()") == ["agi_core_technology", "human_centred_ai"]
    assert "money unknown" in page.inner_text("#panel")


def test_parts_draw_the_bars_or_the_marked_roadmap_alone(G: nx.DiGraph, example: Portfolio) -> None:
    report = portfolio_overlay(G, example)
    bars_only = plot_portfolio(G, report, lang="en", parts="bars")
    assert bars_only.get_gid() == "money" and len(bars_only.figure.axes) == 1
    assert bars(bars_only, "touching") == pytest.approx({m.id: m.touching for m in report.missions})
    assert gids(bars_only, "funded:") == set()
    roadmap_only = plot_portfolio(G, report, lang="en", parts="roadmap")
    assert [a.get_gid() for a in roadmap_only.figure.axes if a.get_gid() == "money"] == []
    assert gids(roadmap_only, "funded:") == funded_oracle(G, example)
    with pytest.raises(rg.InvalidOptionError):
        plot_portfolio(G, report, parts="table")
