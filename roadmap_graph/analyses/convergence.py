"""Cross-field links and convergence points (e.g. AI ↔ bio): where the fields of a roadmap meet.

Four views of one question; graph conventions as in :mod:`roadmap_graph.graph`.

*Cross-field edges and the field matrix*
    Every edge whose ends lie in different fields, and the number of edges from each field
    to each field (same-field and zero cells included).
*Convergence points* (shared enablers)
    Nodes that serve missions of another field, or of two or more fields. A node *serves*
    the missions from which it is reachable over any edge (requirement or support), itself
    excluded, so a mission is never a point.
*Integration and meeting points*
    A node *integrates* fields when it and everything it requires (requirement edges only)
    span two or more fields; a *meeting point* is an integration node none of whose
    requirement children integrates: the first node where two fields' chains meet.
*Participation and brokerage*
    The participation coefficient (Guimerà & Amaral 2005) of each node's neighbourhood,
    normalised by its maximum 1 − 1/K for K fields, and the Gould–Fernandez brokerage roles
    on the flow of capability (prerequisite → dependent: the reverse of every edge).

Field sets are int bitsets pushed along a topological order, once each way, so the work is
linear in nodes and edges, except brokerage, which is O(Σ in-degree × out-degree).

>>> import roadmap_graph as rg
>>> c = convergence(rg.to_networkx(rg.load_roadmap()))
>>> [(p.id, p.fields) for p in c.convergence_points]
[('ai_robot_automation', ('bio',)), ('cloud_optimization', ('ai', 'bio')), ('generative_ai', ('bio',))]
>>> c.field_matrix
{'ai': {'ai': 19, 'bio': 1}, 'bio': {'ai': 3, 'bio': 28}}
>>> c.meeting_points
('bio_cloud_analysis_infra', 'bio_synthetic_biology', 'genai_drug_diagnosis')
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from ..gcpause import paused_gc
from ..graph.fields import all_fields, check_fields
from ..graph.index import GraphLike, RoadmapIndex, as_index
from ..vocabulary import Message
from .registry import Analysis, Param
from .result import Column, Table, Tabular

ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")


@dataclass(frozen=True)
class CrossFieldEdge:
    """An edge (dependent → prerequisite) whose ends lie in different fields; ``provenance``
    is the link's (stated, inferred, or ``None`` when the file does not say)."""

    source: str
    target: str
    source_field: str
    target_field: str
    relation: str
    provenance: str | None = None


@dataclass(frozen=True)
class ConvergencePoint:
    """A node serving missions of another field or of several: ``fields`` are the sorted
    fields of all the missions it serves (whatever ``fields=`` says)."""

    id: str
    field: str
    kind: str
    name: str
    name_en: str | None
    fields: tuple[str, ...]


@dataclass(frozen=True)
class IntegrationPoint:
    """A node building on two or more fields: ``fields`` are the sorted fields of the node
    and all it requires; ``meeting`` is true when no requirement child integrates."""

    id: str
    field: str
    kind: str
    fields: tuple[str, ...]
    meeting: bool


@dataclass(frozen=True)
class Participation:
    """A node's participation coefficients, normalised: P / (1 − 1/K), in [0, 1].

    ``participation`` is over all ``degree`` neighbours; ``participation_in`` over the
    in-neighbours (dependents) and ``participation_out`` over the out-neighbours
    (prerequisites), following the graph's edge direction. 0: all neighbours in one field
    (also for no neighbours, or a one-field roadmap); 1: spread evenly over all K fields.
    P looks at the neighbours only, not at the node's own field.
    """

    id: str
    field: str
    degree: int
    participation: float
    participation_in: float
    participation_out: float


@dataclass(frozen=True)
class Brokerage:
    """Gould–Fernandez role counts of node v over the open 2-paths a → v → b of capability
    flow: a a prerequisite of v, b a dependent of v, and b not linked to a directly.

    coordinator: a, v, b in one field. itinerant: a and b in one field, v in another.
    representative: v carries its field out (f(a) = f(v) ≠ f(b)). gatekeeper: v takes
    another field in (f(a) ≠ f(v) = f(b)). liaison: three different fields.
    """

    id: str
    field: str
    coordinator: int
    itinerant: int
    representative: int
    gatekeeper: int
    liaison: int

    @property
    def total(self) -> int:
        """The number of open 2-paths through the node."""
        return self.coordinator + self.itinerant + self.representative + self.gatekeeper + self.liaison


_RECORDS = {
    "points": ConvergencePoint,
    "edges": CrossFieldEdge,
    "integration": IntegrationPoint,
    "participation": Participation,
    "brokerage": Brokerage,
}


@dataclass(frozen=True)
class Convergence(Tabular):
    """Cross-field structure of a roadmap graph (see the module docstring).

    ``fields`` are the fields analysed, in the roadmap's order (all, or those asked for).
    Points are sorted by id, edges by (source, target). ``participation`` maps every node,
    by id, to its :class:`Participation`; ``brokerage`` maps the nodes with at least one
    open 2-path to their :class:`Brokerage`. Those two cover every field regardless.
    """

    fields: tuple[str, ...]
    cross_field_edges: tuple[CrossFieldEdge, ...]
    convergence_points: tuple[ConvergencePoint, ...]
    field_matrix: Mapping[str, Mapping[str, int]]
    integration_points: tuple[IntegrationPoint, ...]
    participation: Mapping[str, Participation]
    brokerage: Mapping[str, Brokerage]

    primary: ClassVar[str | None] = "points"

    @property
    def meeting_points(self) -> tuple[str, ...]:
        """The ids of the minimal integration points, sorted."""
        return tuple(p.id for p in self.integration_points if p.meeting)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: ``fields``; ``cross_field_edges`` (source, target, source_field,
        target_field, relation, provenance); ``convergence_points`` (id, field, kind,
        fields); ``field_matrix`` (source field → target field → count);
        ``integration_points`` (id, field, fields, meeting); ``meeting_points`` (ids);
        ``participation`` and ``brokerage`` (lists of the per-node records)."""
        return {
            "fields": list(self.fields),
            "cross_field_edges": self.rows("edges"),
            "convergence_points": [
                {"id": p.id, "field": p.field, "kind": p.kind, "fields": list(p.fields)} for p in self.convergence_points
            ],
            "field_matrix": {a: dict(row) for a, row in self.field_matrix.items()},
            "integration_points": [
                {"id": p.id, "field": p.field, "fields": list(p.fields), "meeting": p.meeting}
                for p in self.integration_points
            ],
            "meeting_points": list(self.meeting_points),
            "participation": self.rows("participation"),
            "brokerage": [dict(vars(b)) for b in self.brokerage.values()],
        }

    def rows(self, table: str = "points") -> list[dict[str, Any]]:
        """One flat dict per row of a table, for CSV or a text table.

        ``"points"`` (convergence points: id, field, kind, name, name_en, fields),
        ``"edges"``, ``"matrix"`` (``{"field": a, b: count, ...}`` per source field),
        ``"integration"``, ``"participation"`` or ``"brokerage"`` (role counts and
        ``total``). Keys are the record's attributes; field lists are joined by ", ".
        """
        if table == "matrix":
            return [{"field": a, **row} for a, row in self.field_matrix.items()]
        if table not in _RECORDS:
            raise ValueError(f"no table {table!r}; tables: {', '.join(_RECORDS)}, matrix")
        records = {
            "points": self.convergence_points,
            "edges": self.cross_field_edges,
            "integration": self.integration_points,
            "participation": self.participation.values(),
            "brokerage": self.brokerage.values(),
        }[table]
        rows = [dict(vars(r)) for r in records]
        for row in rows:
            if isinstance(row.get("fields"), tuple):
                row["fields"] = ", ".join(row["fields"])
            if table == "brokerage":
                row["total"] = sum(row[r] for r in ROLES)
        return rows

    def point_rows(self) -> list[dict[str, Any]]:
        """``rows("points")``: one flat dict per convergence point."""
        return self.rows("points")

    def tables(self) -> tuple[Table, ...]:
        edges = Table(
            "edges",
            (
                Column("source", "col.dependent", "node"),
                Column("source_field", "col.source_field", "field"),
                Column("target", "col.prerequisite", "node"),
                Column("target_field", "col.target_field", "field"),
                Column("relation", "col.relation", "word", vocab="relation"),
                Column("provenance", "col.provenance", "word", vocab="provenance"),
            ),
            tuple((e.source, e.source_field, e.target, e.target_field, e.relation, e.provenance or "unknown") for e in self.cross_field_edges),
            title=Message("title.cross_field_edges", n=len(self.cross_field_edges)),
        )
        points = Table(
            "points",
            (
                Column("id", "col.id", "id"),
                Column("name", "col.name", "name", show="display"),
                Column("field", "col.field", "field"),
                Column("kind", "col.kind", "kind"),
                Column("name", "col.name", show="data"),
                Column("name_en", "col.name_en", show="data"),
                Column("fields", "col.serves_fields", "fields"),
            ),
            tuple((p.id, p.id, p.field, p.kind, p.name, p.name_en, p.fields) for p in self.convergence_points),
            title=Message("title.convergence_points", n=len(self.convergence_points)),
        )
        meeting = [p for p in self.integration_points if p.meeting]
        meeting_table = Table(
            "meeting",
            (
                Column("id", "col.id", "id"),
                Column("name", "col.name", "name", show="display"),
                Column("field", "col.field", "field"),
                Column("fields", "col.builds_on", "fields"),
            ),
            tuple((p.id, p.id, p.field, p.fields) for p in meeting),
            title=Message("title.meeting_points", n=len(meeting)),
        )
        matrix = Table(
            "matrix",
            (Column("field", "col.from_to", "id"), *(Column(b, f"field:{b}", "int") for b in self.fields)),
            tuple((a, *(row.get(b, 0) for b in self.fields)) for a, row in self.field_matrix.items()),
            title=Message("title.field_matrix"),
        )
        return edges, points, meeting_table, matrix

    def data_tables(self) -> tuple[Table, ...]:
        integration = Table(
            "integration",
            (
                Column("id", "col.id", "id"),
                Column("field", "col.field", "field"),
                Column("kind", "col.kind", "kind"),
                Column("fields", "col.builds_on", "fields"),
                Column("meeting", "col.meeting", "int"),
            ),
            tuple((p.id, p.field, p.kind, p.fields, p.meeting) for p in self.integration_points),
        )
        participation = Table(
            "participation",
            (
                Column("id", "col.id", "id"),
                Column("field", "col.field", "field"),
                Column("degree", "col.degree", "int"),
                Column("participation", "col.participation", "float"),
                Column("participation_in", "col.participation_in", "float"),
                Column("participation_out", "col.participation_out", "float"),
            ),
            tuple(tuple(vars(p).values()) for p in self.participation.values()),
            title=Message("title.participation"),
        )
        brokerage = Table(
            "brokerage",
            (
                Column("id", "col.id", "id"),
                Column("field", "col.field", "field"),
                *(Column(r, f"col.{r}", "int") for r in ROLES),
                Column("total", "col.total", "int"),
            ),
            tuple((*vars(b).values(), b.total) for b in self.brokerage.values()),
            title=Message("title.brokerage"),
        )
        return (*self.tables(), integration, participation, brokerage)


def convergence(G: GraphLike, *, fields: Iterable[str] | str | None = None) -> Convergence:
    """Find the cross-field links and convergence points of the roadmap graph ``G``.

    Parameters
    ----------
    G
        A roadmap graph (:func:`roadmap_graph.to_networkx`), or its index: a DAG whose
        nodes carry ``kind`` and ``field``.
    fields
        Field ids to look between (e.g. ``["ai", "bio"]``, or one id as a string); ``None``
        means every field: those of ``G.graph["fields"]``, then any other on a node. With
        fields, cross-field edges keep both ends in them, the field matrix their rows and
        columns, and a convergence (integration) point needs two of them among its own
        field and its served mission fields (among the fields it builds on).
        Participation and brokerage always cover every field.

    Returns
    -------
    Convergence

    Raises
    ------
    InvalidOptionError
        When a field in ``fields`` is not in the roadmap (with a did-you-mean).
    networkx.NetworkXUnfeasible
        When ``G`` has a cycle (a loaded roadmap never has).
    """
    index = as_index(G)
    every = all_fields(index.G)
    chosen = check_fields(fields, every)
    with paused_gc():  # many small objects: the cyclic GC would rescan the graph again and again
        return _convergence(index, every, chosen)


def _convergence(g: RoadmapIndex, all_fields: list[str], chosen: list[str]) -> Convergence:
    ids, succ, req = g.ids, g.succ, g.req
    at = {f: i for i, f in enumerate(all_fields)}
    fld = [at[f] for f in g.field]
    K, nodes = len(all_fields), range(len(ids))
    mask = sum(1 << at[f] for f in chosen)
    own = [1 << f for f in fld]
    order = g.order

    # Fields of the missions served: each mission's bit is pushed down to its prerequisites,
    # so a node holds the fields of the missions above it, never its own bit by itself.
    served = [0] * len(ids)
    for u in order:
        push = served[u] | own[u] if g.kind[u] == "mission" else served[u]
        if push:
            for v in succ[u]:
                served[v] |= push
    # Fields built on: the node's own and those of everything it requires.
    down = own[:]
    for u in reversed(order):
        for v in req[u]:
            down[u] |= down[v]

    names: dict[int, tuple[str, ...]] = {}  # bitset → sorted field ids; at most 2^K entries

    def listed(bits: int) -> tuple[str, ...]:
        if bits not in names:
            names[bits] = tuple(sorted(f for i, f in enumerate(all_fields) if bits >> i & 1))
        return names[bits]

    data = g.G.nodes
    points = tuple(
        ConvergencePoint(
            ids[i], all_fields[fld[i]], g.kind[i], data[ids[i]].get("name", ids[i]),
            data[ids[i]].get("name_en"), listed(served[i]),
        )
        for i in nodes
        if ((served[i] | own[i]) & mask).bit_count() >= 2
    )  # fmt: skip
    wide = [(bits & mask).bit_count() >= 2 for bits in down]
    integration = tuple(
        IntegrationPoint(ids[i], all_fields[fld[i]], g.kind[i], listed(down[i]), not any(wide[v] for v in req[i]))
        for i in nodes
        if wide[i]
    )
    pairs = Counter(fld[u] * K + fld[v] for u in nodes for v in succ[u])
    matrix = {a: {b: pairs[at[a] * K + at[b]] for b in chosen} for a in chosen}
    keep = [bool(mask >> f & 1) for f in range(K)]
    # Indices follow the ids' order, so sorting index pairs sorts by (source, target).
    crossing = sorted((u, v) for u in nodes if keep[fld[u]] for v in succ[u] if fld[v] != fld[u] and keep[fld[v]])
    adj = g.G.adj
    edges = tuple(
        CrossFieldEdge(
            ids[u], ids[v], all_fields[fld[u]], all_fields[fld[v]], adj[ids[u]][ids[v]]["relation"],
            adj[ids[u]][ids[v]].get("provenance"),
        )
        for u, v in crossing
    )  # fmt: skip
    return Convergence(
        fields=tuple(chosen),
        cross_field_edges=edges,
        convergence_points=points,
        field_matrix=matrix,
        integration_points=integration,
        participation=_participation(g, fld, all_fields),
        brokerage=_brokerage(g, fld, all_fields),
    )


def _participation(g: RoadmapIndex, fld: list[int], all_fields: list[str]) -> dict[str, Participation]:
    K = len(all_fields)

    def score(k: int, squares: int) -> float:
        # (1 − Σ (k_s/k)²) / (1 − 1/K) as one ratio of integers: rounding never passes 1.
        return (k * k - squares) * K / (k * k * (K - 1)) if k and K > 1 else 0.0

    # Count each neighbour's field in one integer: field s adds 1 << (s * _BITS), so summing
    # the neighbours (in C) counts every field at once. Nodes with the same counts get the
    # same scores, and there are few distinct counts: each is scored once.
    one_hot = [1 << (f * _BITS) for f in fld]
    mask = (1 << _BITS) - 1
    shifts = [s * _BITS for s in range(K)]
    hot = one_hot.__getitem__
    scored: dict[tuple[int, int], tuple[int, float, float, float]] = {}
    out = {}
    for n, f, ins, outs in zip(g.ids, fld, g.pred, g.succ):
        key = (sum(map(hot, ins)), sum(map(hot, outs)))
        scores = scored.get(key)
        if scores is None:
            c_in = [key[0] >> s & mask for s in shifts]
            c_out = [key[1] >> s & mask for s in shifts]
            sq_in = sum(c * c for c in c_in)
            sq_out = sum(c * c for c in c_out)
            # In a DAG the in- and out-neighbours are disjoint: Σ_s (in_s + out_s)².
            sq = sq_in + sq_out + 2 * sum(a * b for a, b in zip(c_in, c_out))
            k_in, k_out = len(ins), len(outs)
            scores = scored[key] = (k_in + k_out, score(k_in + k_out, sq), score(k_in, sq_in), score(k_out, sq_out))
        out[n] = Participation(n, all_fields[f], *scores)
    return out


#: Bits per field when counting a node's neighbours by field (degrees below 2**40).
_BITS = 40


def _role(fa: int, fv: int, fb: int) -> int:
    """The index in :data:`ROLES` of the 2-path a → v → b with these fields."""
    return 0 if fa == fv == fb else 1 if fa == fb else 2 if fa == fv else 3 if fv == fb else 4


def _brokerage(g: RoadmapIndex, fld: list[int], all_fields: list[str]) -> dict[str, Brokerage]:
    K, ids = len(all_fields), g.ids
    role = [_role(fa, fv, fb) for fa in range(K) for fv in range(K) for fb in range(K)]
    out = {}
    linked: dict[int, set[int]] = {}  # a dependent's prerequisites, as a set, made when first needed
    for v, fv, prereqs, dependents in zip(ids, fld, g.succ, g.pred):
        if not prereqs or not dependents:
            continue
        # Flow: prerequisite a → v → dependent b; an edge b → a is the flow a → b: not open.
        sources = [(a, (fld[a] * K + fv) * K) for a in prereqs]
        counts = [0] * len(ROLES)
        for b in dependents:
            fb = fld[b]
            direct = linked.get(b)
            if direct is None:
                direct = linked[b] = set(g.succ[b])
            for a, at in sources:
                if a not in direct:
                    counts[role[at + fb]] += 1
        if any(counts):
            out[v] = Brokerage(v, all_fields[fv], *counts)
    return out


ANALYSIS = Analysis(
    name="convergence",
    title="title.convergence",
    summary="Where fields meet: cross-field links, convergence points and the field matrix.",
    description=(
        'JSON: {"fields", "cross_field_edges", "convergence_points", "field_matrix", '
        '"integration_points", "meeting_points", "participation", "brokerage"}.'
    ),
    run=convergence,
    params=(
        Param(
            "fields", "Comma-separated field ids to look between, e.g. ai,bio (default: all).", kind="list", flag="--fields"
        ),
    ),
    figure="convergence",
)
