"""Hypothesis strategies for portfolios, and the overlay recomputed the slow, obvious way.

:func:`portfolios` draws a random valid portfolio over given node ids: a few programmes,
each with a budget over some of the years 2023–2029 (or none: unknown money), optional
start and end years around it, a few funded nodes (sometimes none), with shares or without.
:func:`brute_force` recomputes everything :func:`roadmap_graph.portfolio_overlay` answers
from the definitions, with networkx and sets, to check it against.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
from hypothesis import strategies as st

from roadmap_graph.fileformat.portfolio import Portfolio

YEARS = range(2023, 2030)
TECHNOLOGIES = ("core_technology", "enabling_technology")


@st.composite
def portfolios(draw: Any, nodes: list[str], *, max_programmes: int = 5) -> Portfolio:
    """A valid random portfolio funding some of ``nodes``."""
    programmes = []
    for i in range(draw(st.integers(0, max_programmes))):
        budget = None
        if draw(st.integers(0, 4)):  # one in five has unknown money
            years = draw(st.lists(st.sampled_from(YEARS), unique=True, max_size=4))
            money = st.integers(0, 1000).map(float) | st.floats(0, 1000, allow_nan=False, allow_infinity=False)
            budget = {y: draw(money) for y in sorted(years)}
        low, high = (min(budget), max(budget)) if budget else (2023, 2029)
        start = draw(st.none() | st.integers(2020, low))
        end = draw(st.none() | st.integers(max(high, start or high), 2033))
        funded = draw(st.lists(st.sampled_from(nodes), unique=True, max_size=4)) if nodes else []
        funds: list[Any] = list(funded)
        if funded and draw(st.booleans()):
            weights = draw(st.lists(st.integers(1, 5), min_size=len(funded), max_size=len(funded)))
            funds = [{"id": n, "share": w / sum(weights)} for n, w in zip(funded, weights)]
            funds[-1]["share"] = 1.0 - sum(f["share"] for f in funds[:-1])  # add up to 1 exactly enough
        programmes.append(
            {
                "id": f"p{i}", "name": f"사업 {i}", "budget": budget, "start": start, "end": end, "funds": funds,
                "provenance": draw(st.sampled_from([None, "stated", "inferred"])),
            }
        )  # fmt: skip
    return Portfolio.model_validate(
        {"schema_version": 1, "portfolio": {"id": "random", "title": "무작위", "unit": "억원"}, "programmes": programmes}
    )


def chains(G: nx.DiGraph) -> dict[str, set[str]]:
    """Every mission's chain: the mission and all it reaches over any edge."""
    return {m: {m} | nx.descendants(G, m) for m, k in G.nodes(data="kind") if k == "mission"}


def money(programme: Any, years: tuple[int, int] | None) -> float:
    """A programme's money over ``years`` (all years when ``None``); unknown counts 0."""
    return sum(v for y, v in (programme.budget or {}).items() if years is None or years[0] <= y <= years[1])


def brute_force(G: nx.DiGraph, portfolio: Portfolio, years: tuple[int, int] | None) -> dict[str, Any]:
    """The overlay's answers from the definitions (see :mod:`roadmap_graph.analyses.portfolio`)."""
    chain = chains(G)
    every = years or portfolio.years()
    touching = dict.fromkeys(chain, 0.0)
    apportioned = dict.fromkeys(chain, 0.0)
    reaching = 0.0
    serves: dict[str, set[str]] = {}
    for p in portfolio.programmes:
        funded = [f.id for f in p.funds]
        serves[p.id] = {m for m in chain if chain[m] & set(funded)}
        for m in serves[p.id]:
            touching[m] += money(p, years)
        shares = {f.id: (f.share if f.share is not None else 1 / len(funded)) for f in p.funds}
        for node, share in shares.items():
            holders = [m for m in chain if node in chain[m]]
            if holders:
                reaching += money(p, years) * share
            for m in holders:
                apportioned[m] += money(p, years) * share / len(holders)
    importance = dict.fromkeys(chain, 0.0)
    for t, kind in G.nodes(data="kind"):
        if kind in TECHNOLOGIES:
            holders = [m for m in chain if t in chain[m]]
            for m in holders:
                importance[m] += 1 / len(holders)
    funded_nodes = {f.id for p in portfolio.programmes for f in p.funds}
    unfunded = {
        t: sorted(m for m in chain if t in chain[m])
        for t, kind in G.nodes(data="kind")
        if kind in TECHNOLOGIES and t not in funded_nodes
    }
    orphans = sorted(p.id for p in portfolio.programmes if not serves[p.id])
    deadlines = {
        m: max((t["by"] for t in G.nodes[m].get("targets") or [] if t.get("by") is not None), default=None) for m in chain
    }
    timing = set()
    for p in portfolio.programmes:
        budget_years = sorted(p.budget or ())
        start = p.start if p.start is not None else (budget_years[0] if budget_years else None)
        end = p.end if p.end is not None else (budget_years[-1] if budget_years else None)
        for m in serves[p.id]:
            due = deadlines[m]
            if due is not None and end is not None and end < due:
                timing.add((p.id, m, "ends_before", end, due))
            if due is not None and start is not None and start > due:
                timing.add((p.id, m, "starts_after", start, due))
    dry: dict[str, tuple[int, ...]] = {}
    if every:
        for m in chain:
            last = every[1] if deadlines[m] is None else min(every[1], deadlines[m])
            found = tuple(
                y for y in range(every[0], last + 1)
                if not any((p.budget or {}).get(y, 0) > 0 for p in portfolio.programmes if m in serves[p.id])
            )  # fmt: skip
            if found:
                dry[m] = found
    return {
        "touching": touching, "apportioned": apportioned, "reaching": reaching, "importance": importance,
        "unfunded": unfunded, "orphans": orphans, "timing": timing, "dry": dry, "serves": serves,
        "unknown": sorted(p.id for p in portfolio.programmes if p.budget is None),
    }  # fmt: skip
