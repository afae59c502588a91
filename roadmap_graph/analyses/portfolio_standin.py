"""STAND-IN for Part B's :mod:`roadmap_graph.analyses.portfolio` (issue 12), so the figure,
the report section and the explorer can be built before it lands. It follows the shared
design's field names; replaced by the real module at merge (delete this file).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..fileformat.portfolio import Portfolio
from ..graph.index import GraphLike, as_graph
from ..vocabulary import Message
from .result import Column, Table, Tabular


@dataclass(frozen=True)
class MissionFunding:
    id: str
    touching: float
    apportioned: float
    money_share: float
    importance: float
    importance_share: float
    alignment: str
    unfunded_gateways: tuple[str, ...]
    programmes: tuple[str, ...]


@dataclass(frozen=True)
class UnfundedTechnology:
    id: str
    kind: str
    field: str
    missions: tuple[str, ...]
    gateway_of: tuple[str, ...]
    bottleneck_rank: int | None
    critical_for: tuple[str, ...]


@dataclass(frozen=True)
class ProgrammeFunding:
    id: str
    name: str
    name_en: str | None
    ministry: str | None
    money: float | None
    nodes: tuple[str, ...]
    missions: tuple[str, ...]
    provenance: str | None


@dataclass(frozen=True)
class TimingIssue:
    programme: str
    mission: str
    issue: str
    year: int
    deadline: int


@dataclass(frozen=True)
class PortfolioReport(Tabular):
    unit: str
    unit_en: str | None
    years: tuple[int, int] | None
    missions: tuple[MissionFunding, ...]
    unfunded: tuple[UnfundedTechnology, ...]
    orphans: tuple[str, ...]
    programmes: tuple[ProgrammeFunding, ...]
    timing: tuple[TimingIssue, ...] = ()
    dry_years: dict[str, tuple[int, ...]] = field(default_factory=dict)
    unknown_money: tuple[str, ...] = ()
    funded: frozenset[str] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        return {"unit": self.unit, "years": list(self.years or ()), "missions": [m.__dict__ for m in self.missions]}

    def tables(self) -> tuple[Table, ...]:
        cols = (Column("mission", "col.mission", "node"), Column("touching", "col.value", "float"),
                Column("apportioned", "col.value", "float"))  # fmt: skip
        rows = tuple((m.id, m.touching, m.apportioned) for m in self.missions)
        unf = tuple((u.id, u.kind) for u in self.unfunded)
        return (
            Table("missions", cols, rows, title=Message("title.summary")),
            Table("unfunded", (Column("technology", "col.id", "node"), Column("kind", "col.kind", "kind")), unf),
        )


def _chain(G: Any, m: str) -> set[str]:
    import networkx as nx

    return {m} | set(nx.descendants(G, m))


def portfolio_overlay(G: GraphLike, portfolio: Portfolio, *, years: tuple[int, int] | None = None) -> PortfolioReport:
    from .gateways import gateways

    G = as_graph(G)
    missions = sorted(n for n, k in G.nodes(data="kind") if k == "mission")
    chains = {m: _chain(G, m) for m in missions}
    holders: dict[str, list[str]] = {}
    for m, c in chains.items():
        for n in c:
            holders.setdefault(n, []).append(m)
    techs = [n for n, k in G.nodes(data="kind") if k in ("core_technology", "enabling_technology")]
    funded = frozenset(f.id for p in portfolio.programmes for f in p.funds if f.id in G)
    money = {p.id: p.money(years) or 0.0 for p in portfolio.programmes}
    app = dict.fromkeys(missions, 0.0)
    for p in portfolio.programmes:
        for n, s in p.shares().items():
            ms = holders.get(n, [])
            for m in ms:
                app[m] += money[p.id] * s / len(ms)
    imp = {m: sum(1 / len(holders[t]) for t in chains[m] if t in techs) for m in missions}
    gws = gateways(G).by_mission
    total_imp = sum(imp.values()) or 1.0
    total_app = sum(app.values()) or 1.0
    out = []
    for m in missions:
        progs = tuple(sorted(p.id for p in portfolio.programmes if any(f.id in chains[m] for f in p.funds)))
        touching = sum(money[p] for p in progs)
        msh, isx = app[m] / total_app, imp[m] / total_imp
        align = "unfunded" if touching == 0 else "under" if msh < isx / 2 else "over" if msh > 2 * isx else "in_line"
        out.append(MissionFunding(m, touching, app[m], msh, imp[m], isx, align,
                                  tuple(g for g in gws.get(m, ()) if g not in funded and g in techs), progs))  # fmt: skip
    unfunded = sorted(
        (UnfundedTechnology(t, G.nodes[t]["kind"], G.nodes[t]["field"], tuple(sorted(holders.get(t, []))),
                            tuple(sorted(m for m in missions if t in gws.get(m, ()))), None, ())
         for t in techs if t not in funded),
        key=lambda u: (-len(u.missions), u.id),
    )
    programmes = tuple(
        ProgrammeFunding(p.id, p.name, p.name_en, p.ministry, p.money(years), tuple(f.id for f in p.funds),
                         tuple(m for m in missions if any(f.id in chains[m] for f in p.funds)),
                         p.provenance)
        for p in portfolio.programmes
    )
    return PortfolioReport(
        unit=portfolio.portfolio.unit, unit_en=portfolio.portfolio.unit_en, years=years or portfolio.years(),
        missions=tuple(out), unfunded=tuple(unfunded), orphans=tuple(p.id for p in programmes if not p.missions),
        programmes=programmes, unknown_money=tuple(p.id for p in portfolio.programmes if p.budget is None),
        funded=funded,
    )  # fmt: skip


def load_portfolio(path: Path, *, nodes: Any = None, limits: Any = None) -> Portfolio:
    from ruamel.yaml import YAML

    return Portfolio.model_validate(YAML(typ="safe").load(Path(path).read_text("utf-8")))


def resolve_portfolio(spec: str) -> Path:
    path = Path(spec)
    if path.is_file():
        return path
    from ..fileformat.bundled import graphs_dir

    return graphs_dir() / "portfolios" / f"{spec}.yaml"
