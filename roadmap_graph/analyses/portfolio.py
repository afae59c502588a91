"""The R&D portfolio overlay: is the money where the missions are?

A portfolio (:mod:`roadmap_graph.fileformat.portfolio`) lists programmes, their money per
year and the roadmap nodes each one funds. :func:`portfolio_overlay` lays it over the
roadmap and answers, per mission and per technology:

*chain(m)*
    The mission m and every node m reaches over any edge (requirements and support): its
    prerequisite chain (:func:`roadmap_graph.prerequisite_chain`).
*money(p)*
    A programme's budget summed over the selected years (``years``, default the
    portfolio's own first to last year). A programme whose budget no public source gives
    counts 0 and is listed in ``unknown_money``: its money is never guessed.
``touching(m)``
    Σ money(p) over the programmes that fund any node of chain(m). A programme touching
    several missions counts whole for each, so touching adds up to more than the money.
``apportioned(m)``
    Each programme's money is split over the nodes it funds (its shares, else equal
    parts), then each node's part equally over the missions whose chain holds it. A node in
    no mission's chain keeps its part out of every mission. So Σ_m apportioned(m) is
    exactly the money that reaches some mission (``reaching``).
*importance(m)*
    Σ over the technologies t (core and enabling) of chain(m) of 1 / (the number of
    missions whose chain holds t): the build effort the mission stands for, a shared
    technology split between the missions it serves. A portfolio that gives every
    technology the same money has, for every mission, money share == importance share.
*alignment*
    money share = apportioned(m) / Σ apportioned; importance share = importance(m) /
    Σ importance. ``unfunded`` when touching(m) == 0; else ``under`` when money share <
    importance share / 2; ``over`` when money share > 2 × importance share; else
    ``in_line``.
*unfunded technologies*
    Technologies no programme lists in its ``funds`` (whatever its money), with the
    missions whose chain holds them, the missions whose gateway they are
    (:func:`roadmap_graph.gateways`), their bottleneck rank (:func:`roadmap_graph.bottlenecks`)
    and the missions their failure alone makes infeasible (:func:`roadmap_graph.criticality`).
*orphans*
    Programmes none of whose funded nodes is in any mission's chain (also a programme
    funding nothing).
*timing*
    A mission's deadline is the latest ``by`` of its targets. A programme serving the
    mission ``ends_before`` the deadline when its end (else its last budget year) is
    earlier, and ``starts_after`` it when its start (else its first budget year) is later.
    A mission's *dry years* are the selected years up to its deadline in which no programme
    funding its chain has money.

>>> import roadmap_graph as rg
>>> from roadmap_graph.fileformat.portfolio import Portfolio
>>> demo = Portfolio.model_validate({"schema_version": 1,
...     "portfolio": {"id": "demo", "title": "데모", "unit": "억원"},
...     "programmes": [{"id": "p1", "name": "사업", "budget": {2025: 100},
...                     "funds": ["rna_platform", "explainable_ai"]}]})
>>> report = portfolio_overlay(rg.to_networkx(rg.load_roadmap()), demo)
>>> {m.id: m.apportioned for m in report.missions if m.apportioned}  # rna_platform serves two missions
{'ai_mission_trustworthy': 50.0, 'bio_mission_gene_cell_therapy': 25.0, 'bio_mission_vaccine': 25.0}
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from ..fileformat.model import TECHNOLOGY_KINDS
from ..fileformat.portfolio import Portfolio
from ..graph.index import GraphLike, RoadmapIndex, as_index, bit_indices
from ..graph.requirements import check_nodes
from ..vocabulary import Localized, Message, check_choice, verbatim
from .bottlenecks import ranked
from .criticality import criticality
from .registry import Analysis, Param, year_range
from .result import Column, Table, Tabular

#: The views of ``--by``.
VIEWS = ("mission", "technology", "field", "year")
Alignment = Literal["under", "over", "in_line", "unfunded"]
Issue = Literal["ends_before", "starts_after"]


@dataclass(frozen=True)
class MissionFunding:
    """One mission's money (see the module docstring): ``programmes`` are those touching it,
    by id; ``unfunded_gateways`` its gateways no programme funds, nearest first."""

    id: str
    touching: float
    apportioned: float
    money_share: float
    importance: float
    importance_share: float
    alignment: Alignment
    unfunded_gateways: tuple[str, ...]
    programmes: tuple[str, ...]


@dataclass(frozen=True)
class UnfundedTechnology:
    """A technology no programme funds, and its standing: the missions whose chain holds it,
    those it is a gateway of, its bottleneck rank (1 is first) and the missions its failure
    alone makes infeasible."""

    id: str
    kind: str
    field: str
    missions: tuple[str, ...]
    gateway_of: tuple[str, ...]
    bottleneck_rank: int | None
    critical_for: tuple[str, ...]


@dataclass(frozen=True)
class ProgrammeFunding:
    """One programme as the overlay sees it: ``money`` over the selected years (``None``:
    unknown), the nodes it funds (in the file's order) and the missions it serves (by id)."""

    id: str
    name: str
    name_en: str | None
    ministry: str | None
    money: float | None
    nodes: tuple[str, ...]
    missions: tuple[str, ...]
    provenance: str | None
    ministry_en: str | None = None


@dataclass(frozen=True)
class TimingIssue:
    """A programme whose years miss the deadline of a mission it serves: ``year`` is its end
    (``ends_before``) or its start (``starts_after``)."""

    programme: str
    mission: str
    issue: Issue
    year: int
    deadline: int


@dataclass(frozen=True)
class PortfolioReport(Tabular):
    """The portfolio laid over the roadmap (see the module docstring).

    ``missions`` are sorted by id; ``unfunded`` by number of missions (most first), then id;
    ``orphans`` and ``unknown_money`` are programme ids, sorted; ``timing`` is sorted by
    programme, then mission; ``dry_years`` maps each mission with a dry year to its dry
    years. ``technologies`` maps each funded node to the money apportioned to it, ``fields``
    each field to the money of its funded nodes, ``per_year`` each selected year to
    ``(all programmes' money, {mission: touching that year})``. ``by`` is the view the tables
    show first (``--by``).
    """

    unit: str
    unit_en: str | None
    years: tuple[int, int] | None
    missions: tuple[MissionFunding, ...]
    unfunded: tuple[UnfundedTechnology, ...]
    orphans: tuple[str, ...]
    programmes: tuple[ProgrammeFunding, ...]
    timing: tuple[TimingIssue, ...]
    dry_years: Mapping[str, tuple[int, ...]]
    unknown_money: tuple[str, ...]
    funded: frozenset[str]
    total: float = 0.0
    reaching: float = 0.0
    technologies: Mapping[str, float] = field(default_factory=dict)
    fields: Mapping[str, float] = field(default_factory=dict)
    per_year: Mapping[int, tuple[float, Mapping[str, float]]] = field(default_factory=dict)
    by: str = "mission"
    portfolio_id: str = ""
    title: str = ""
    title_en: str | None = None

    primary: ClassVar[str | None] = None  # the first table: the view --by asks for

    def mission(self, mission: str) -> MissionFunding:
        """The funding of ``mission``; :class:`KeyError` when it is not a mission."""
        for m in self.missions:
            if m.id == mission:
                return m
        raise KeyError(mission)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape (issue 12's contract, then added sections)::

            {"unit", "years": [first, last] (null: no budget at all),
             "missions": [{"id", "touching", "apportioned", "unfunded_gateways"}] (by id),
             "unfunded": [{"id", "kind", "field", "missions"}] (most missions first, then id),
             "orphans": [programme ids],
             "unit_en", "portfolio", "total", "reaching",
             "alignment": [{"mission", "money_share", "importance", "importance_share", "alignment"}],
             "standing": [{"id", "gateway_of", "bottleneck_rank", "critical_for"}] (as unfunded),
             "programmes": [{"id", "name", "name_en", "ministry", "ministry_en", "money",
                             "nodes", "missions", "provenance"}],
             "timing": [{"programme", "mission", "issue", "year", "deadline"}],
             "dry_years": {mission: [years]}, "unknown_money": [programme ids],
             "technologies": [{"id", "money"}], "fields": [{"field", "money"}],
             "per_year": [{"year", "money", "missions": {mission: touching}}]}

        ``total`` is every programme's known money, ``reaching`` the part that reaches some
        mission (Σ apportioned)."""
        return {
            "unit": self.unit,
            "years": list(self.years) if self.years else None,
            "missions": [
                {"id": m.id, "touching": m.touching, "apportioned": m.apportioned, "unfunded_gateways": list(m.unfunded_gateways)}
                for m in self.missions
            ],
            "unfunded": [{"id": u.id, "kind": u.kind, "field": u.field, "missions": list(u.missions)} for u in self.unfunded],
            "orphans": list(self.orphans),
            "unit_en": self.unit_en,
            "portfolio": self.portfolio_id,
            "total": self.total,
            "reaching": self.reaching,
            "alignment": [
                {
                    "mission": m.id, "money_share": m.money_share, "importance": m.importance,
                    "importance_share": m.importance_share, "alignment": m.alignment,
                }
                for m in self.missions
            ],
            "standing": [
                {"id": u.id, "gateway_of": list(u.gateway_of), "bottleneck_rank": u.bottleneck_rank, "critical_for": list(u.critical_for)}
                for u in self.unfunded
            ],
            "programmes": [
                {
                    "id": p.id, "name": p.name, "name_en": p.name_en, "ministry": p.ministry, "ministry_en": p.ministry_en,
                    "money": p.money, "nodes": list(p.nodes), "missions": list(p.missions), "provenance": p.provenance,
                }
                for p in self.programmes
            ],
            "timing": [
                {"programme": t.programme, "mission": t.mission, "issue": t.issue, "year": t.year, "deadline": t.deadline}
                for t in self.timing
            ],
            "dry_years": {m: list(ys) for m, ys in self.dry_years.items()},
            "unknown_money": list(self.unknown_money),
            "technologies": [{"id": n, "money": v} for n, v in self.technologies.items()],
            "fields": [{"field": f, "money": v} for f, v in self.fields.items()],
            "per_year": [{"year": y, "money": t, "missions": dict(ms)} for y, (t, ms) in self.per_year.items()],
        }  # fmt: skip

    def heading(self) -> Message | None:
        years = Message("portfolio.years", first=self.years[0], last=self.years[1]) if self.years else Message("portfolio.no_years")
        return Message(
            "title.portfolio_of",
            title=Localized(self.title or self.portfolio_id, self.title_en),
            id=verbatim(self.portfolio_id),
            years=years,
            unit=self._unit(),
        )

    def _unit(self) -> Localized:
        return Localized(self.unit, self.unit_en)

    def _note(self, key: str) -> Message:
        """A table's note, with the programmes of unknown money named when there are some."""
        note = Message(key, unit=self._unit())
        if not self.unknown_money:
            return note
        return Message("note.portfolio_unknown", note=note, programmes=verbatim(", ".join(self.unknown_money)))

    def tables(self) -> tuple[Table, ...]:
        views = {
            "mission": self._mission_tables,
            "technology": self._technology_tables,
            "field": self._field_tables,
            "year": self._year_tables,
        }
        return views[self.by]()

    def _mission_tables(self) -> tuple[Table, ...]:
        money = Column("touching", "col.touching", "money")
        missions = Table(
            "missions",
            (
                Column("id", "col.id", "id"),
                Column("name", "col.name", "name", show="display"),
                money,
                Column("apportioned", "col.apportioned", "money"),
                Column("money_share", "col.money_share", "percent"),
                Column("importance", "col.importance", "float", show="data"),
                Column("importance_share", "col.importance_share", "percent"),
                Column("alignment", "col.alignment", "word", vocab="alignment"),
                Column("unfunded_gateways", "col.unfunded_gateways", "nodes"),
                Column("programmes", "col.programmes", "nodes"),
            ),
            tuple(
                (m.id, m.id, m.touching, m.apportioned, m.money_share, m.importance, m.importance_share, m.alignment,
                 m.unfunded_gateways, m.programmes)
                for m in self.missions
            ),
            title=Message("title.portfolio_missions", unit=self._unit()),
            note=self._note("note.portfolio_missions"),
        )
        # each mission's unfunded gateways first (the most missions first), then the rest
        unfunded = sorted(self.unfunded, key=lambda u: (not u.gateway_of, -len(u.gateway_of)))
        technologies = Table(
            "unfunded",
            (
                Column("id", "col.id", "id"),
                Column("name", "col.name", "name", show="display"),
                Column("kind", "col.kind", "kind"),
                Column("field", "col.field", "field", show="data"),
                Column("n_missions", "col.n_missions", "int"),
                Column("missions", "col.missions", "nodes", show="data"),
                Column("gateway_of", "col.gateway_of", "nodes"),
                Column("bottleneck_rank", "col.bottleneck_rank", "int"),
                Column("critical_for", "col.critical_for", "nodes", show="data"),
                Column("n_critical", "col.critical_for", "int", show="display"),
            ),
            tuple(
                (u.id, u.id, u.kind, u.field, len(u.missions), u.missions, u.gateway_of, u.bottleneck_rank, u.critical_for,
                 len(u.critical_for))
                for u in unfunded
            ),
            title=Message("title.portfolio_unfunded"),
            note=Message("note.portfolio_unfunded"),
            empty=Message("portfolio.none_unfunded"),
        )
        programmes = {p.id: p for p in self.programmes}
        orphans = Table(
            "orphans",
            (
                Column("programme", "col.programme", "id"),
                Column("programme_name", "col.name", "text", show="display"),
                Column("money", "col.money", "money"),
                Column("nodes", "col.funds", "nodes"),
            ),
            tuple((p, _name(programmes[p]), programmes[p].money, programmes[p].nodes) for p in self.orphans),
            title=Message("title.portfolio_orphans"),
            empty=Message("portfolio.none_orphans"),
        )
        timing = Table(
            "timing",
            (
                Column("programme", "col.programme", "id"),
                Column("mission", "col.mission", "id"),
                Column("name", "col.name", "name", show="display"),
                Column("issue", "col.timing", "word", vocab="timing"),
                Column("year", "col.year", "int"),
                Column("deadline", "col.by", "int"),
            ),
            tuple((t.programme, t.mission, t.mission, t.issue, t.year, t.deadline) for t in self.timing),
            title=Message("title.portfolio_timing"),
            note=Message("note.portfolio_timing"),
            empty=Message("portfolio.none_timing"),
            detail=True,
        )
        touched = {m.id for m in self.missions if m.touching}
        dry = Table(
            "dry_years",
            (
                Column("mission", "col.mission", "id"),
                Column("name", "col.name", "name", show="display"),
                Column("years", "col.dry_years", "text"),
            ),
            tuple((m, m, verbatim(_year_runs(ys))) for m, ys in self.dry_years.items() if m in touched),
            title=Message("title.portfolio_dry"),
            note=Message("note.portfolio_dry"),
            empty=Message("portfolio.none_dry"),
            detail=True,
        )
        return (missions, technologies, orphans, timing, dry, self._programme_table())

    def _programme_table(self) -> Table:
        return Table(
            "programmes",
            (
                Column("programme", "col.programme", "id"),
                Column("programme_name", "col.name", "text"),
                Column("ministry", "col.ministry", "text"),
                Column("money", "col.money", "money"),
                Column("nodes", "col.funds", "nodes"),
                Column("missions", "col.missions", "nodes"),
                Column("provenance", "col.provenance", "word", vocab="provenance"),
            ),
            tuple(
                (p.id, _name(p), Localized(p.ministry, p.ministry_en) if p.ministry else None,
                 p.money, p.nodes, p.missions, p.provenance or "unknown")
                for p in self.programmes
            ),
            title=Message("title.portfolio_programmes", unit=self._unit()),
            note=self._note("note.portfolio_programmes"),
            detail=True,
        )

    def _technology_tables(self) -> tuple[Table, ...]:
        by_node: dict[str, list[str]] = {}
        for p in self.programmes:
            for n in p.nodes:
                by_node.setdefault(n, []).append(p.id)
        table = Table(
            "technologies",
            (
                Column("id", "col.id", "id"),
                Column("name", "col.name", "name", show="display"),
                Column("kind", "col.kind", "kind_of"),
                Column("money", "col.apportioned", "money"),
                Column("programmes", "col.programmes", "nodes"),
            ),
            tuple((n, n, n, v, tuple(by_node.get(n, ()))) for n, v in self.technologies.items()),
            title=Message("title.portfolio_by_technology", unit=self._unit()),
            note=self._note("note.portfolio_by_technology"),
            empty=Message("portfolio.none_funded"),
        )
        return (table,)

    def _field_tables(self) -> tuple[Table, ...]:
        table = Table(
            "fields",
            (Column("field", "col.field", "id"), Column("field_name", "col.name", "field", show="display"), Column("money", "col.money", "money")),
            tuple((f, f, v) for f, v in self.fields.items()),
            title=Message("title.portfolio_by_field", unit=self._unit()),
            note=self._note("note.portfolio_by_field"),
            empty=Message("portfolio.none_funded"),
        )
        return (table,)

    def _year_tables(self) -> tuple[Table, ...]:
        missions = [m.id for m in self.missions]
        table = Table(
            "years",
            (
                Column("year", "col.year", "int"),
                Column("money", "col.money", "money"),
                *(Column(m, f"field:{m}", "money") for m in missions),  # a mission id as header: names are too wide
            ),
            tuple((y, t, *(ms.get(m, 0.0) for m in missions)) for y, (t, ms) in self.per_year.items()),
            title=Message("title.portfolio_by_year", unit=self._unit()),
            note=self._note("note.portfolio_by_year"),
            empty=Message("portfolio.no_years"),
        )
        return (table,)


def _name(p: ProgrammeFunding) -> Localized:
    return Localized(p.name, p.name_en)


def _year_runs(years: tuple[int, ...]) -> str:
    """Years as runs: ``2024–2026, 2029``."""
    runs: list[list[int]] = []
    for y in years:
        if runs and runs[-1][1] == y - 1:
            runs[-1][1] = y
        else:
            runs.append([y, y])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def chain_bits(index: RoadmapIndex) -> list[int]:
    """For every node, the bitset of the missions whose chain holds it (a mission's chain
    holds the mission itself): computed once per index."""

    def compute() -> list[int]:
        own = [0] * len(index.ids)
        for j, m in enumerate(index.missions):
            own[m] = 1 << j
        return [s | o for s, o in zip(index.mission_served, own)]

    return index.shared("portfolio.chains", compute)


def deadline(attrs: Mapping[str, Any]) -> int | None:
    """A mission's deadline: the latest ``by`` of its targets (``None``: none given)."""
    years = [t["by"] for t in attrs.get("targets") or () if t.get("by") is not None]
    return max(years) if years else None


def portfolio_overlay(
    G: GraphLike, portfolio: Portfolio, *, years: tuple[int, int] | str | None = None, by: str = "mission"
) -> PortfolioReport:
    """Lay ``portfolio`` over the roadmap ``G`` (see the module docstring); money summed over
    ``years`` (first, last; inclusive; default the portfolio's own years); ``by`` picks the
    view the tables show (:data:`VIEWS`).

    Raises
    ------
    UnknownNodeError
        When a programme funds a node that is not in ``G``.
    InvalidOptionError
        When ``years`` or ``by`` is not valid.
    """
    index = as_index(G)
    check_choice(by, VIEWS, "error.what_view")
    selected = year_range(years) or portfolio.years()
    check_nodes(index.G, dict.fromkeys(f.id for p in portfolio.programmes for f in p.funds))
    ids, at, n_missions = index.ids, index.at, len(index.missions)
    mission_id = index.names(index.missions)
    chain = chain_bits(index)

    touching = [0.0] * n_missions
    apportioned = [0.0] * n_missions
    touched_by: list[list[str]] = [[] for _ in range(n_missions)]
    node_money: dict[str, float] = {}
    programmes: list[ProgrammeFunding] = []
    orphans: list[str] = []
    unknown: list[str] = []
    total = reaching = 0.0
    serves: dict[str, int] = {}
    for p in portfolio.programmes:
        known = p.money(selected) if selected else p.money()
        known = None if known is None else float(known)
        money = known or 0.0
        if known is None:
            unknown.append(p.id)
        total += money
        bits = 0
        for node, share in p.shares().items():
            part = money * share
            node_money[node] = node_money.get(node, 0.0) + part
            b = chain[at[node]]
            bits |= b
            if b:
                reaching += part
                served = bit_indices(b)
                for j in served:
                    apportioned[j] += part / len(served)
        serves[p.id] = bits
        for j in bit_indices(bits):
            touching[j] += money
            touched_by[j].append(p.id)
        if not bits:
            orphans.append(p.id)
        programmes.append(
            ProgrammeFunding(
                p.id, p.name, p.name_en, p.ministry, known, tuple(f.id for f in p.funds),
                tuple(sorted(mission_id[j] for j in bit_indices(bits))), p.provenance, p.ministry_en,
            )
        )  # fmt: skip

    # importance: each technology's unit of build effort split over the missions it serves
    importance = [0.0] * n_missions
    for v, kind in enumerate(index.kind):
        if kind in TECHNOLOGY_KINDS and chain[v]:
            served = bit_indices(chain[v])
            for j in served:
                importance[j] += 1 / len(served)
    money_total, importance_total = sum(apportioned), sum(importance)

    funded = frozenset(f.id for p in portfolio.programmes for f in p.funds)
    gateway_of: dict[str, list[str]] = {}
    missions: list[MissionFunding] = []
    for j, m in enumerate(index.missions):
        gateways = index.names(index.dominators(m))
        for g in gateways:
            gateway_of.setdefault(g, []).append(mission_id[j])
        money_share = apportioned[j] / money_total if money_total else 0.0
        importance_share = importance[j] / importance_total if importance_total else 0.0
        alignment: Alignment
        if touching[j] == 0:
            alignment = "unfunded"
        elif money_share < importance_share / 2:
            alignment = "under"
        elif money_share > 2 * importance_share:
            alignment = "over"
        else:
            alignment = "in_line"
        missions.append(
            MissionFunding(
                mission_id[j], touching[j], apportioned[j], money_share, importance[j], importance_share, alignment,
                tuple(g for g in gateways if g not in funded), tuple(sorted(touched_by[j])),
            )
        )  # fmt: skip
    missions.sort(key=lambda m: m.id)  # missions are numbered in id order already; kept explicit

    rank = {b.id: i + 1 for i, b in enumerate(ranked(index))}
    crit = criticality(index)
    unfunded = sorted(
        (
            UnfundedTechnology(
                ids[v], index.kind[v], index.field[v], tuple(sorted(mission_id[j] for j in bit_indices(chain[v]))),
                tuple(sorted(gateway_of.get(ids[v], ()))), rank.get(ids[v]), tuple(sorted(crit.missions(ids[v]))),
            )
            for v, kind in enumerate(index.kind)
            if kind in TECHNOLOGY_KINDS and ids[v] not in funded
        ),
        key=lambda u: (-len(u.missions), u.id),
    )  # fmt: skip

    deadlines = {mission_id[j]: deadline(index.attrs[m]) for j, m in enumerate(index.missions)}
    timing: list[TimingIssue] = []
    for p in sorted(portfolio.programmes, key=lambda p: p.id):
        start, end = p.span()
        for j in bit_indices(serves[p.id]):
            due = deadlines[mission_id[j]]
            if due is None:
                continue
            if end is not None and end < due:
                timing.append(TimingIssue(p.id, mission_id[j], "ends_before", end, due))
            elif start is not None and start > due:
                timing.append(TimingIssue(p.id, mission_id[j], "starts_after", start, due))
    timing.sort(key=lambda t: (t.programme, t.mission))

    per_year: dict[int, tuple[float, dict[str, float]]] = {}
    dry: dict[str, tuple[int, ...]] = {}
    if selected:
        for y in range(selected[0], selected[1] + 1):
            that_year = dict.fromkeys(mission_id, 0.0)
            for p in portfolio.programmes:
                amount = (p.budget or {}).get(y, 0.0)
                if amount:
                    for j in bit_indices(serves[p.id]):
                        that_year[mission_id[j]] += amount
            per_year[y] = (sum((p.budget or {}).get(y, 0.0) for p in portfolio.programmes), that_year)
        for mission in mission_id:
            due = deadlines[mission]
            last = selected[1] if due is None else min(selected[1], due)
            dry_years = tuple(y for y in range(selected[0], last + 1) if not per_year[y][1][mission])
            if dry_years:
                dry[mission] = dry_years

    fields: dict[str, float] = {}
    for node, amount in sorted(node_money.items()):
        f = index.field[at[node]]
        fields[f] = fields.get(f, 0.0) + amount
    return PortfolioReport(
        unit=portfolio.portfolio.unit,
        unit_en=portfolio.portfolio.unit_en,
        years=selected,
        missions=tuple(missions),
        unfunded=tuple(unfunded),
        orphans=tuple(sorted(orphans)),
        programmes=tuple(programmes),
        timing=tuple(timing),
        dry_years=dry,
        unknown_money=tuple(sorted(unknown)),
        funded=funded,
        total=total,
        reaching=reaching,
        technologies=dict(sorted(node_money.items(), key=lambda kv: (-kv[1], kv[0]))),
        fields=dict(sorted(fields.items(), key=lambda kv: (-kv[1], kv[0]))),
        per_year=per_year,
        by=by,
        portfolio_id=portfolio.portfolio.id,
        title=portfolio.portfolio.title,
        title_en=portfolio.portfolio.title_en,
    )


def load(spec: str, nodes: Collection[str] | None = None) -> Portfolio:
    """The portfolio ``spec`` names (a file: YAML, CSV or XLSX, or a bundled portfolio's
    name), its funded ids checked against ``nodes``
    (:func:`~roadmap_graph.fileformat.portfolio_loading.load_portfolio`)."""
    from ..fileformat.portfolio_loading import load_portfolio, resolve_portfolio

    return load_portfolio(resolve_portfolio(spec), nodes=nodes)


def run(
    index: RoadmapIndex, *, portfolio: str | Portfolio, by: str = "mission", years: tuple[int, int] | str | None = None
) -> PortfolioReport:
    """The command's run: load ``portfolio`` (a file or a bundled name) when it is not loaded
    yet, then :func:`portfolio_overlay`."""
    if not isinstance(portfolio, Portfolio):
        portfolio = load(portfolio, index.ids)
    return portfolio_overlay(index, portfolio, years=years, by=by)


ANALYSIS = Analysis(
    name="portfolio",
    title="title.portfolio",
    summary="An R&D portfolio laid over the roadmap: money per mission, unfunded technologies, orphans, timing.",
    description=(
        "FILE is a portfolio (YAML, CSV or XLSX) or the name of a bundled one. touching: the money of the "
        "programmes funding any node of the mission's chain; apportioned: each programme's money split "
        "equally (or by its shares) over its funded nodes, then each node's part equally over the missions "
        "whose chain holds it (over all missions it adds up to the money reaching any mission). Alignment "
        "compares each mission's share of the apportioned money with its share of importance (its chain's "
        "technologies, each shared one split between its missions): under below half, over above double. "
        'JSON: {"unit", "years", "missions": [{"id", "touching", "apportioned", "unfunded_gateways"}], '
        '"unfunded": [{"id", "kind", "field", "missions"}], "orphans", ...} (see the README).'
    ),
    run=run,
    params=(
        Param("portfolio", "A portfolio file or a bundled portfolio's name.", kind="file", required=True),
        Param(
            "by", "The view: money per mission (with every table), per funded node, per field or per year.",
            kind="choice", flag="--by", choices=VIEWS, default="mission",
        ),
        Param("years", "Sum the money over these years: 2024-2030, or one year (default: the portfolio's own).", kind="years", flag="--years"),
    ),
    report_runs=lambda index: [],  # no portfolio by default: `report --portfolio FILE` shows it
)
