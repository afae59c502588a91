"""The portfolio overlay against brute-force recomputation on random roadmaps and portfolios,
its invariants, its JSON contract, and the ``portfolio`` command; the bundled roadmap by hand
with the made-up test portfolio (tests/portfolio_demo.yaml)."""

from __future__ import annotations

import csv
import io
import json
import math
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import roadmap_graph as rg
from roadmap_graph.analyses import REGISTRY
from roadmap_graph.analyses.portfolio import VIEWS, load, portfolio_overlay
from roadmap_graph.analyses.registry import year_range
from roadmap_graph.cli import cli
from roadmap_graph.errors import InvalidOptionError, UnknownNodeError
from roadmap_graph.fileformat.portfolio import Portfolio
from roadmap_graph.graph.index import RoadmapIndex

from .conftest import examples
from .portfolios import YEARS, brute_force, portfolios
from .strategies import roadmaps
from .test_registry import user_strings, without

DEMO = str(Path(__file__).parent / "portfolio_demo.yaml")
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
CLOSE = {"rel_tol": 1e-9, "abs_tol": 1e-6}


@st.composite
def overlays(draw):
    """A random roadmap, a random portfolio over its nodes, and selected years (or none)."""
    roadmap = draw(roadmaps())
    G = rg.to_networkx(roadmap)
    portfolio = draw(portfolios(sorted(G)))
    years = draw(st.none() | st.tuples(st.sampled_from(YEARS), st.sampled_from(YEARS)).map(lambda t: tuple(sorted(t))))
    return G, portfolio, years


@given(overlays())
@examples(300)
def test_overlay_matches_brute_force(case):
    G, portfolio, years = case
    report = portfolio_overlay(G, portfolio, years=years)
    expected = brute_force(G, portfolio, years)
    assert [m.id for m in report.missions] == sorted(expected["touching"])
    for m in report.missions:
        assert math.isclose(m.touching, expected["touching"][m.id], **CLOSE), m.id
        assert math.isclose(m.apportioned, expected["apportioned"][m.id], **CLOSE), m.id
        assert math.isclose(m.importance, expected["importance"][m.id], **CLOSE), m.id
        assert m.programmes == tuple(sorted(p for p, ms in expected["serves"].items() if m.id in ms))
    assert {u.id: list(u.missions) for u in report.unfunded} == expected["unfunded"]
    assert report.funded == {f.id for p in portfolio.programmes for f in p.funds}
    assert list(report.orphans) == expected["orphans"]
    assert {(t.programme, t.mission, t.issue, t.year, t.deadline) for t in report.timing} == expected["timing"]
    assert dict(report.dry_years) == expected["dry"]
    assert list(report.unknown_money) == expected["unknown"]
    assert report.years == (years or portfolio.years())
    assert {p.id: set(p.missions) for p in report.programmes} == expected["serves"]


@given(overlays())
@examples(300)
def test_apportioned_adds_up_to_the_money_reaching_missions(case):
    G, portfolio, years = case
    report = portfolio_overlay(G, portfolio, years=years)
    expected = brute_force(G, portfolio, years)
    total = sum(m.apportioned for m in report.missions)
    assert math.isclose(total, report.reaching, **CLOSE)
    assert math.isclose(total, expected["reaching"], **CLOSE)
    assert report.reaching <= report.total + 1e-6
    # and the money per funded node adds up to all the money of programmes that fund something
    funding = sum(p.money or 0 for p in report.programmes if p.nodes)
    assert math.isclose(sum(report.technologies.values()), funding, **CLOSE)
    assert math.isclose(sum(report.fields.values()), funding, **CLOSE)
    shares = [m.money_share for m in report.missions]
    assert not any(shares) or math.isclose(sum(shares), 1, **CLOSE)


@given(overlays())
@examples(200)
def test_alignment_follows_its_thresholds(case):
    G, portfolio, years = case
    for m in portfolio_overlay(G, portfolio, years=years).missions:
        if m.touching == 0:
            assert m.alignment == "unfunded"
        elif m.money_share < m.importance_share / 2:
            assert m.alignment == "under"
        elif m.money_share > 2 * m.importance_share:
            assert m.alignment == "over"
        else:
            assert m.alignment == "in_line"


@given(roadmaps(), st.integers(1, 500), st.booleans())
@examples(200)
def test_equal_money_per_technology_gives_money_share_equal_to_importance_share(roadmap, amount, one_programme):
    G = rg.to_networkx(roadmap)
    technologies = sorted(n for n, k in G.nodes(data="kind") if k in ("core_technology", "enabling_technology"))
    if one_programme:  # one programme, equal shares over every technology
        budget = {2025: float(amount * len(technologies))}
        programmes = [{"id": "p", "name": "사업", "budget": budget, "funds": technologies}] if technologies else []
    else:  # one programme per technology, each with the same money
        programmes = [{"id": f"p_{t}", "name": "사업", "budget": {2025: float(amount)}, "funds": [t]} for t in technologies]
    portfolio = Portfolio.model_validate(
        {"schema_version": 1, "portfolio": {"id": "x", "title": "균등", "unit": "억원"}, "programmes": programmes}
    )
    report = portfolio_overlay(G, portfolio)
    for m in report.missions:
        assert math.isclose(m.money_share, m.importance_share, **CLOSE), m.id
        assert math.isclose(m.apportioned, amount * m.importance, **CLOSE)
        if m.importance:
            assert m.alignment == "in_line"


@given(overlays(), st.sampled_from(YEARS))
@examples(200)
def test_years_sum_only_those_years(case, year):
    G, portfolio, _ = case
    report = portfolio_overlay(G, portfolio, years=(year, year))
    # the same portfolio with every other year's budget taken out gives the same money
    only = portfolio.model_copy(
        update={
            "programmes": tuple(
                p.model_copy(update={"budget": None if p.budget is None else {y: v for y, v in p.budget.items() if y == year}})
                for p in portfolio.programmes
            )
        }
    )
    alone = portfolio_overlay(G, only, years=(year, year))
    for a, b in zip(report.missions, alone.missions):
        assert math.isclose(a.touching, b.touching, **CLOSE) and math.isclose(a.apportioned, b.apportioned, **CLOSE)
    for p in report.programmes:
        budget = portfolio.programme(p.id).budget
        assert p.money == (None if budget is None else budget.get(year, 0.0))
    if report.per_year:
        assert list(report.per_year) == [year]
        total, by_mission = report.per_year[year]
        assert math.isclose(total, sum((p.budget or {}).get(year, 0.0) for p in portfolio.programmes), **CLOSE)
        for m in report.missions:
            assert math.isclose(by_mission[m.id], m.touching, **CLOSE)


@given(overlays())
@examples(200)
def test_json_keeps_the_contract_and_its_order(case):
    G, portfolio, years = case
    data = json.loads(json.dumps(portfolio_overlay(G, portfolio, years=years).to_dict()))
    assert list(data)[:5] == ["unit", "years", "missions", "unfunded", "orphans"]
    assert [m["id"] for m in data["missions"]] == sorted(m["id"] for m in data["missions"])
    assert all(list(m) == ["id", "touching", "apportioned", "unfunded_gateways"] for m in data["missions"])
    assert all(list(u) == ["id", "kind", "field", "missions"] for u in data["unfunded"])
    order = [(-len(u["missions"]), u["id"]) for u in data["unfunded"]]
    assert order == sorted(order)
    assert data["orphans"] == sorted(data["orphans"])
    selected = years or portfolio.years()
    assert data["years"] == (list(selected) if selected else None)


@given(overlays())
@examples(100)
def test_every_view_describes_its_tables(case):
    G, portfolio, years = case
    for by in VIEWS:
        report = portfolio_overlay(G, portfolio, years=years, by=by)
        tables = report.tables()
        assert tables and report.table() is not None
        assert tables[0].name == {"mission": "missions", "technology": "technologies", "field": "fields", "year": "years"}[by]


def test_unknown_money_counts_zero_and_is_listed(G):
    portfolio = Portfolio.model_validate(
        {
            "schema_version": 1,
            "portfolio": {"id": "x", "title": "x", "unit": "억원"},
            "programmes": [
                {"id": "known", "name": "a", "budget": {2025: 10.0}, "funds": ["mrna_platform"]},
                {"id": "unknown", "name": "b", "funds": ["mrna_platform", "ai_advanced_modeling"]},
            ],
        }
    )
    report = portfolio_overlay(G, portfolio)
    assert report.unknown_money == ("unknown",)
    assert report.mission("bio_mission_vaccine").touching == 10.0
    agi = report.mission("ai_mission_agi")
    assert agi.touching == 0.0 and agi.alignment == "unfunded" and agi.programmes == ("unknown",)
    assert "ai_advanced_modeling" in report.funded  # a programme is behind it, of unknown money
    assert "ai_advanced_modeling" not in agi.unfunded_gateways
    assert [p.money for p in report.programmes] == [10.0, None]
    note = report.table("missions").note
    assert note is not None and "unknown" in note.text("en")


def test_a_funded_node_that_is_not_in_the_roadmap_is_refused(G):
    portfolio = Portfolio.model_validate(
        {"schema_version": 1, "portfolio": {"id": "x", "title": "x", "unit": "억원"},
         "programmes": [{"id": "p", "name": "a", "funds": ["mrna_platfrom"]}]}
    )  # fmt: skip
    with pytest.raises(UnknownNodeError) as info:
        portfolio_overlay(G, portfolio)
    assert "mrna_platform" in info.value.render("en")


@pytest.mark.parametrize(
    ("text", "expected"), [("2024-2030", (2024, 2030)), ("2025", (2025, 2025)), (" 2024 – 2026 ", (2024, 2026)), (None, None)]
)
def test_year_ranges(text, expected):
    assert year_range(text) == expected


@pytest.mark.parametrize("text", ["x", "2030-2024", "24-30", "2024-", "2024-2025-2026", "２０２４", "2024,2025", ""])
def test_bad_year_ranges(text):
    with pytest.raises(InvalidOptionError):
        year_range(text)


def test_the_default_report_does_not_run_it(G):
    assert REGISTRY["portfolio"].report_runs is not None and list(REGISTRY["portfolio"].report_runs(RoadmapIndex(G))) == []


# --- the bundled roadmap, by hand, with the made-up test portfolio -------------------------------


@pytest.fixture(scope="module")
def demo(G) -> rg.PortfolioReport:
    return portfolio_overlay(G, load(DEMO, sorted(G)))


def test_bundled_demo_money_per_mission(demo):
    # p_data: 600 (2024–2025), 0.75 to bio_digital_health_data (health data's chain only),
    # 0.25 to explainable_ai (trustworthy AI's chain only); p_vaccine 500 to mrna_platform
    # (the vaccine mission's chain only); p_late 40 to cloud_optimization, in the chains of
    # efficient learning and health data; p_unknown: unknown money.
    money = {m.id: (m.touching, m.apportioned) for m in demo.missions}
    assert money == {
        "ai_mission_agi": (0, 0),
        "ai_mission_efficient_learning": (40, 20),
        "ai_mission_industrial_ai": (0, 0),
        "ai_mission_trustworthy": (600, 150),
        "bio_mission_gene_cell_therapy": (0, 0),
        "bio_mission_health_data": (640, 450 + 20),
        "bio_mission_synbio": (0, 0),
        "bio_mission_vaccine": (500, 500),
    }
    assert demo.total == 1150 and demo.reaching == 1140  # p_orphan's 10 reaches no mission
    assert demo.years == (2024, 2031)
    alignment = {m.id: m.alignment for m in demo.missions}
    assert alignment["bio_mission_vaccine"] == "over" and alignment["ai_mission_efficient_learning"] == "under"
    assert alignment["ai_mission_trustworthy"] == "in_line"
    assert alignment["bio_mission_gene_cell_therapy"] == "unfunded"  # only p_unknown touches it


def test_bundled_demo_unfunded_orphans_timing(demo):
    assert demo.orphans == ("p_orphan",)
    assert demo.unknown_money == ("p_unknown",)
    assert demo.mission("ai_mission_agi").unfunded_gateways == ("ai_advanced_modeling",)
    assert demo.mission("bio_mission_health_data").unfunded_gateways == ()  # its gateway is funded
    unfunded = {u.id: u for u in demo.unfunded}
    assert "mrna_platform" not in unfunded and "cloud_optimization" not in unfunded
    assert unfunded["data_robustness"].missions == ("ai_mission_efficient_learning", "ai_mission_trustworthy")
    assert demo.unfunded[0].id == "data_robustness"  # the one unfunded technology in two chains
    assert unfunded["ai_advanced_modeling"].gateway_of == ("ai_mission_agi",)
    assert unfunded["ai_advanced_modeling"].critical_for == ("ai_mission_agi",)
    assert unfunded["data_robustness"].bottleneck_rank == 2
    assert {(t.programme, t.mission, t.issue) for t in demo.timing} == {
        ("p_data", "ai_mission_trustworthy", "ends_before"),
        ("p_data", "bio_mission_health_data", "ends_before"),
        ("p_late", "ai_mission_efficient_learning", "starts_after"),
        ("p_late", "bio_mission_health_data", "starts_after"),
        ("p_vaccine", "bio_mission_vaccine", "ends_before"),
    }
    assert demo.dry_years["bio_mission_vaccine"] == (2024, 2029, 2030)
    assert demo.dry_years["ai_mission_agi"] == tuple(range(2024, 2031))  # to its deadline, not 2031


# --- the command --------------------------------------------------------------------------------


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_the_command_prints_json_csv_and_tables_in_both_languages(demo):
    out = invoke("portfolio", DEMO, "--format", "json")
    assert out.exit_code == 0, out.stderr
    assert json.loads(out.stdout) == json.loads(json.dumps(demo.to_dict()))
    for lang in ("ko", "en"):
        for by in VIEWS:
            table = invoke("--lang", lang, "portfolio", DEMO, "--by", by)
            assert table.exit_code == 0, table.stderr
            rows = list(csv.reader(io.StringIO(invoke("--lang", lang, "portfolio", DEMO, "--by", by, "--format", "csv").stdout)))
            assert rows and rows[0][0] in ("id", "field", "year")
    csv_rows = list(csv.DictReader(io.StringIO(invoke("portfolio", DEMO, "--format", "csv").stdout)))
    assert [r["id"] for r in csv_rows] == sorted(r["id"] for r in csv_rows) and len(csv_rows) == 8
    assert {r["id"]: float(r["apportioned"]) for r in csv_rows}["bio_mission_vaccine"] == 500


def test_english_output_has_no_hangul_but_the_authors_words(bundled):
    strings = sorted({*user_strings(bundled), *user_strings(load(DEMO, []))}, key=len, reverse=True)
    for by in VIEWS:
        for fmt in ("table", "csv", "markdown"):
            out = invoke("--lang", "en", "portfolio", DEMO, "--by", by, "--format", fmt)
            assert out.exit_code == 0, out.stderr
            rest = without(out.stdout + out.stderr, strings)
            assert not HANGUL.search(rest), (by, fmt, HANGUL.findall(rest)[:10])


def test_years_option_sums_only_those_years():
    data = json.loads(invoke("portfolio", DEMO, "--years", "2025", "--format", "json").stdout)
    assert data["years"] == [2025, 2025]
    money = {m["id"]: m["touching"] for m in data["missions"]}
    assert money["bio_mission_vaccine"] == 100 and money["ai_mission_trustworthy"] == 300
    assert money["ai_mission_efficient_learning"] == 0  # p_late starts in 2031
    assert data["per_year"] == [{"year": 2025, "money": 400.0, "missions": {m: money[m] for m in sorted(money)}}]


@pytest.mark.parametrize("years", ["x", "2030-2024", "2024-", "24"])
def test_a_bad_years_option_is_a_usage_error(years):
    for lang in ("ko", "en"):
        out = invoke("--lang", lang, "portfolio", DEMO, "--years", years)
        assert out.exit_code == 2 and "Traceback" not in out.stderr
    assert "2024-2030" in invoke("--lang", "en", "portfolio", DEMO, "--years", years).stderr


def test_a_bad_portfolio_is_an_error_not_a_traceback(write, tmp_path):
    missing = invoke("portfolio", str(tmp_path / "none.yaml"))
    assert missing.exit_code == 3 and "none.yaml" in missing.stderr
    bad = write("bad.yaml", "schema_version: 1\nportfolio: {id: x, title: x, unit: 억원}\nprogrammes: [{id: p, name: a, funds: [mrna_platfrom]}]\n")
    out = invoke("--lang", "en", "portfolio", bad)
    # the overlay refuses the id (4); the portfolio loader, once it lands, refuses it at load time (3)
    assert out.exit_code in (3, 4) and "mrna_platform" in out.stderr and "Traceback" not in out.stderr
    out = invoke("portfolio", DEMO, "--by", "ministry")
    assert out.exit_code == 2
