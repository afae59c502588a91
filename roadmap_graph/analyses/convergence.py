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
[('cloud_optimization', ('ai', 'bio'))]
>>> c.field_matrix
{'ai': {'ai': 19, 'bio': 0}, 'bio': {'ai': 1, 'bio': 31}}
>>> c.meeting_points
('bio_cloud_analysis_infra',)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from ..gcpause import paused_gc
from ..graph.evidence import stated_index
from ..graph.fields import check_fields
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
    fields of all the missions it serves (whatever ``fields=`` says); ``stated`` is true when
    it is still a convergence point on stated links alone (:func:`roadmap_graph.stated_only`)."""

    id: str
    field: str
    kind: str
    name: str
    name_en: str | None
    fields: tuple[str, ...]
    stated: bool = True

    @property
    def evidence(self) -> str:
        """``"stated"`` or ``"inferred"`` (a point only through inferred links)."""
        return "stated" if self.stated else "inferred"


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
        fields, stated: still a convergence point on stated links alone); ``field_matrix`` (source field → target field → count);
        ``integration_points`` (id, field, fields, meeting); ``meeting_points`` (ids);
        ``participation`` and ``brokerage`` (lists of the per-node records)."""
        return {
            "fields": list(self.fields),
            "cross_field_edges": self.rows("edges"),
            "convergence_points": [
                {"id": p.id, "field": p.field, "kind": p.kind, "fields": list(p.fields), "stated": p.stated}
                for p in self.convergence_points
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
                Column("evidence", "col.evidence", "word", vocab="evidence"),
            ),
            tuple((p.id, p.id, p.field, p.kind, p.name, p.name_en, p.fields, p.evidence) for p in self.convergence_points),
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
            (Column("field", "col.from_to", "field"), *(Column(b, f"field:{b}", "int") for b in self.fields)),
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
    counts = field_counts(index)
    chosen = check_fields(fields, counts.fields)
    with paused_gc():  # many small objects: the cyclic GC would rescan the graph again and again
        return _convergence(index, counts, chosen)


#: Bits per field when counting a node's neighbours by field (degrees below 2**40).
_BITS = 40


@dataclass(frozen=True)
class FieldCounts:
    """The fields of an index's nodes and of their neighbours, computed once per index
    (:func:`field_counts`).

    ``fields`` are every field, in the roadmap's order (:func:`~roadmap_graph.graph.fields.all_fields`);
    ``field[v]`` is node v's field as a position in ``fields``. ``ins[v]`` and ``outs[v]``
    count v's in- and out-neighbours by field, packed in one integer: field s adds
    ``1 << (s * _BITS)`` (:meth:`unpack`). ``links[a][b]`` is the number of edges (any
    relation) from field ``fields[a]`` to field ``fields[b]``.
    """

    fields: list[str]
    field: list[int]
    ins: list[int]
    outs: list[int]
    links: list[list[int]]

    def unpack(self, packed: int) -> list[int]:
        """Counts by field, from a packed sum."""
        mask = (1 << _BITS) - 1
        return [packed >> (s * _BITS) & mask for s in range(len(self.fields))]


def field_counts(index: RoadmapIndex) -> FieldCounts:
    """The :class:`FieldCounts` of ``index`` (computed once per index: the gap rules use
    the links between fields too)."""
    return index.shared("field_counts", lambda: _field_counts(index))


def _field_counts(index: RoadmapIndex) -> FieldCounts:
    # The fields as all_fields(G) gives them, from the index's list of fields.
    declared = list(index.G.graph.get("fields", {}))
    fields = declared + sorted(set(index.field).difference(declared))
    at = {f: i for i, f in enumerate(fields)}
    field = [at[f] for f in index.field]
    one_hot = [1 << (f * _BITS) for f in field]
    hot = one_hot.__getitem__
    with paused_gc():
        # Summing the neighbours' one-hot integers (in C) counts every field at once.
        ins = [sum(map(hot, vs)) if vs else 0 for vs in index.pred]
        outs = [sum(map(hot, vs)) if vs else 0 for vs in index.succ]
        by_source = [0] * len(fields)
        for f, packed in zip(field, outs):
            by_source[f] += packed
    counts = FieldCounts(fields, field, ins, outs, [])
    counts.links.extend(counts.unpack(packed) for packed in by_source)
    return counts


def served_fields(index: RoadmapIndex) -> list[int]:
    """For every node, the fields of the missions it serves, as bits (bit s is
    ``field_counts(index).fields[s]``); computed once per index (the gap rules use it too).

    A node serves the missions from which it is reachable over any edge, itself excluded:
    each mission's field bit is pushed down to its prerequisites, so a node holds the fields
    of the missions above it, never its own bit by itself. (Field bits, not the index's
    mission bitsets: a few bits each, where those have as many as there are missions.)
    """
    return index.shared("served_fields", lambda: _served_fields(index))


def _served_fields(index: RoadmapIndex) -> list[int]:
    field = field_counts(index).field
    mission_bit = [0] * len(index.ids)
    for m in index.missions:
        mission_bit[m] = 1 << field[m]
    return index.served_by(mission_bit)


def point_ids(G: GraphLike) -> list[str]:
    """The ids of the convergence points of ``G`` over all its fields, sorted: the ids of
    ``convergence(G).convergence_points`` without the rest of the analysis (the revision
    diff compares them)."""
    index = as_index(G)
    own = field_counts(index).field
    return [
        index.ids[v] for v, bits in enumerate(served_fields(index)) if bits and (bits | 1 << own[v]).bit_count() >= 2
    ]


def _convergence(g: RoadmapIndex, counts: FieldCounts, chosen: list[str]) -> Convergence:
    ids, succ, req, kind, attrs = g.ids, g.succ, g.req, g.kind, g.attrs
    all_fields, fld = counts.fields, counts.field
    at = {f: i for i, f in enumerate(all_fields)}
    n = len(ids)
    mask = sum(1 << at[f] for f in chosen)
    own = [1 << f for f in fld]
    order = g.order

    served = served_fields(g)
    stated = served_fields(stated_index(g))  # the same nodes, so the same indices

    def point(i: int, bits: int) -> bool:
        return bool(bits) and ((bits | own[i]) & mask).bit_count() >= 2
    # Fields built on: the node's own and those of everything it requires.
    down = own[:]
    for u in reversed(order):
        children = req[u]
        if children:
            bits = down[u]
            for v in children:
                bits |= down[v]
            down[u] = bits

    names: dict[int, tuple[str, ...]] = {}  # bitset → sorted field ids; at most 2^K entries

    def listed(bits: int) -> tuple[str, ...]:
        if bits not in names:
            names[bits] = tuple(sorted(f for i, f in enumerate(all_fields) if bits >> i & 1))
        return names[bits]

    # A node serving no mission has only its own field: no point.
    points = tuple(
        ConvergencePoint(
            ids[i], all_fields[fld[i]], kind[i], attrs[i].get("name", ids[i]), attrs[i].get("name_en"), listed(bits),
            bits == stated[i] or point(i, stated[i]),
        )
        for i, bits in enumerate(served)
        if point(i, bits)
    )  # fmt: skip
    wide = [(bits & mask).bit_count() >= 2 for bits in down]
    integration = tuple(
        IntegrationPoint(ids[i], all_fields[fld[i]], kind[i], listed(down[i]), not any(wide[v] for v in req[i]))
        for i in range(n)
        if wide[i]
    )
    matrix = {a: {b: counts.links[at[a]][at[b]] for b in chosen} for a in chosen}
    keep = [bool(mask >> f & 1) for f in range(len(all_fields))]
    # Indices follow the ids' order, so index pairs in order are sorted by (source, target).
    # A node whose out-neighbours all share its field (outs counts them all in that field)
    # has no cross-field edge.
    crossing = [
        (u, v)
        for u, outs in enumerate(counts.outs)
        if keep[fld[u]] and outs != len(succ[u]) << (fld[u] * _BITS)
        for v in sorted(succ[u])
        if fld[v] != fld[u] and keep[fld[v]]
    ]
    adjacency = getattr(g.G, "_adj", None) or g.G.adj
    edges = tuple(
        CrossFieldEdge(
            ids[u], ids[v], all_fields[fld[u]], all_fields[fld[v]], adjacency[ids[u]][ids[v]]["relation"],
            adjacency[ids[u]][ids[v]].get("provenance"),
        )
        for u, v in crossing
    )  # fmt: skip
    return Convergence(
        fields=tuple(chosen),
        cross_field_edges=edges,
        convergence_points=points,
        field_matrix=matrix,
        integration_points=integration,
        participation=_participation(g, counts),
        brokerage=_brokerage(g, counts),
    )


def _participation(g: RoadmapIndex, counts: FieldCounts) -> dict[str, Participation]:
    K, fields = len(counts.fields), counts.fields

    def score(k: int, squares: int) -> float:
        # (1 − Σ (k_s/k)²) / (1 − 1/K) as one ratio of integers: rounding never passes 1.
        return (k * k - squares) * K / (k * k * (K - 1)) if k and K > 1 else 0.0

    # Nodes with the same neighbour counts get the same scores, and there are few distinct
    # counts: each is scored once.
    scored: dict[tuple[int, int], tuple[int, float, float, float]] = {}
    out = {}
    for n, f, packed_in, packed_out in zip(g.ids, counts.field, counts.ins, counts.outs):
        key = (packed_in, packed_out)
        scores = scored.get(key)
        if scores is None:
            c_in, c_out = counts.unpack(packed_in), counts.unpack(packed_out)
            sq_in = sum(c * c for c in c_in)
            sq_out = sum(c * c for c in c_out)
            # In a DAG the in- and out-neighbours are disjoint: Σ_s (in_s + out_s)².
            sq = sq_in + sq_out + 2 * sum(a * b for a, b in zip(c_in, c_out))
            k_in, k_out = sum(c_in), sum(c_out)
            scores = scored[key] = (k_in + k_out, score(k_in + k_out, sq), score(k_in, sq_in), score(k_out, sq_out))
        out[n] = Participation(n, fields[f], *scores)
    return out


def _role(fa: int, fv: int, fb: int) -> int:
    """The index in :data:`ROLES` of the 2-path a → v → b with these fields."""
    return 0 if fa == fv == fb else 1 if fa == fb else 2 if fa == fv else 3 if fv == fb else 4


def _brokerage(g: RoadmapIndex, counts: FieldCounts) -> dict[str, Brokerage]:
    """Every 2-path a → v → b by role from the field counts of v's neighbours, less the
    closed ones (b links to a directly), which are found as triangles."""
    fields, fld, succ = counts.fields, counts.field, g.succ
    K = len(fields)
    role = [_role(fa, fv, fb) for fa in range(K) for fv in range(K) for fb in range(K)]
    # Closed 2-paths a → v → b: b links to both v and a, and v to a.
    closed: dict[int, list[int]] = {}
    for b, links in enumerate(succ):
        if len(links) < 2:
            continue
        direct: set[int] | None = None
        for v in links:
            below = succ[v]
            if not below:
                continue
            if direct is None:
                direct = set(links)
            if direct.isdisjoint(below):
                continue
            tally = closed.setdefault(v, [0] * len(ROLES))
            for a in below:
                if a in direct:
                    tally[role[(fld[a] * K + fld[v]) * K + fld[b]]] += 1
    # All 2-paths by role, from the fields of v's prerequisites (a) and dependents (b);
    # nodes with the same field and counts have the same, computed once.
    totals: dict[tuple[int, int, int], list[int]] = {}
    out = {}
    for v, (n, fv, packed_in, packed_out) in enumerate(zip(g.ids, fld, counts.ins, counts.outs)):
        if not packed_in or not packed_out:
            continue
        key = (fv, packed_in, packed_out)
        total = totals.get(key)
        if total is None:
            total = totals[key] = [0] * len(ROLES)
            prereqs, dependents = counts.unpack(packed_out), counts.unpack(packed_in)
            for fa, na in enumerate(prereqs):
                if na:
                    for fb, nb in enumerate(dependents):
                        if nb:
                            total[role[(fa * K + fv) * K + fb]] += na * nb
        shut = closed.get(v)
        if shut is None:  # v has a prerequisite and a dependent: one open 2-path at least
            out[n] = Brokerage(n, fields[fv], *total)
        else:
            found = [t - c for t, c in zip(total, shut)]
            if any(found):
                out[n] = Brokerage(n, fields[fv], *found)
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
