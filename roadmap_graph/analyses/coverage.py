"""The coverage matrix: missions (rows) against measure categories or technologies (columns).

A mission *covers* a column when the column's nodes are in the mission's prerequisite chain,
that is reachable from the mission over any edge (requirement or support), as in
:mod:`roadmap_graph.chain`.

``columns="categories"``
    One column per ecosystem-measure category (:data:`roadmap_graph.fileformat.model.MEASURE_CATEGORIES`,
    then ``"uncategorised"`` when some measure has no category); a cell is the number of
    measures of that category in the mission's chain.
``columns="technologies"``
    One column per technology (core and enabling), grouped by field, each core technology
    followed by the enabling technologies it leads to; a cell is ``0`` when the technology
    is not in the mission's chain, ``1`` when it is, and ``2`` when it is also a *gateway*
    of the mission (:func:`roadmap_graph.gateways`: every requirement path from
    the mission to the foundations passes through it).

In both, a zero cell is a gap (:func:`roadmap_graph.plot_coverage` draws it hatched with a ``×``).

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> rows, cols, matrix = coverage_matrix(G)
>>> cols
['workforce', 'regulation_standards', 'data', 'international_cooperation', 'infrastructure', 'public_literacy']
>>> dict(zip(cols, matrix[rows.index("bio_mission_health_data")]))["data"]
1
>>> rows, cols, matrix = coverage_matrix(G, columns="technologies")
>>> matrix[rows.index("bio_mission_vaccine")][cols.index("mrna_platform")]  # a gateway
2
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..fileformat.model import MEASURE_CATEGORIES, TECHNOLOGY_KINDS
from ..graph.fields import field_order, missions_by_field
from ..graph.index import GraphLike, as_index, bit_indices
from ..vocabulary import Message, check_choice
from .registry import Analysis, Param
from .result import Column, Table, Tabular

#: The choices of ``columns``.
COLUMNS = ("categories", "technologies")
#: The column id of measures without a category (present only when such measures exist).
UNCATEGORISED = "uncategorised"


@dataclass(frozen=True)
class Coverage(Tabular):
    """The coverage matrix (see the module docstring): ``rows`` (mission ids), ``columns``
    (category or technology ids) and ``matrix[i][j]``; ``columns_of`` says which columns."""

    columns_of: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    matrix: tuple[tuple[int, ...], ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: ``{"columns_of", "rows", "columns", "matrix"}``."""
        return {
            "columns_of": self.columns_of,
            "rows": list(self.rows),
            "columns": list(self.columns),
            "matrix": [list(r) for r in self.matrix],
        }

    def gaps(self) -> list[tuple[str, str]]:
        """The zero cells: ``(mission, column)`` pairs."""
        return [(m, c) for m, row in zip(self.rows, self.matrix) for c, v in zip(self.columns, row) if v == 0]

    def tables(self) -> tuple[Table, ...]:
        if self.columns_of == "categories":
            cells = tuple(Column(c, f"category.{c}", "int") for c in self.columns)
            title = Message("title.coverage_categories")
        else:
            cells = tuple(Column(c, f"node:{c}", "int") for c in self.columns)
            title = Message("title.coverage_technologies")
        columns = (Column("mission", "col.id", "id"), Column("name", "col.name", "name", show="display"), *cells)
        rows = tuple((m, m, *row) for m, row in zip(self.rows, self.matrix))
        return (Table("coverage", columns, rows, title=title, note=Message("note.coverage")),)


def coverage(G: GraphLike, *, columns: str = "categories") -> Coverage:
    """The coverage matrix of ``G`` as a result (see :func:`coverage_matrix`)."""
    rows, cols, matrix = coverage_matrix(G, columns=columns)
    return Coverage(columns, tuple(rows), tuple(cols), tuple(tuple(r) for r in matrix))


def coverage_matrix(G: GraphLike, *, columns: str = "categories") -> tuple[list[str], list[str], list[list[int]]]:
    """The numbers behind :func:`roadmap_graph.plot_coverage`: ``(row_ids, column_ids, matrix)``.

    Rows are the missions (by field in the roadmap's order, then id); ``matrix[i][j]`` is
    the cell of ``row_ids[i]`` and ``column_ids[j]`` (see the module docstring for what the
    cells count). The work is linear in the size of the graph plus the size of the matrix.

    Raises
    ------
    InvalidOptionError
        When ``columns`` is not ``"categories"`` or ``"technologies"``.
    """
    check_choice(columns, COLUMNS, "error.what_columns")
    index = as_index(G)
    G = index.G
    rows = missions_by_field(G)
    row_of_bit = [rows.index(index.ids[m]) for m in index.missions]  # bit j → row
    served = index.mission_served

    def mission_rows(node: str) -> list[int]:
        return [row_of_bit[j] for j in bit_indices(served[index.at[node]])]

    if columns == "categories":
        measures = [n for n, k in G.nodes(data="kind") if k == "ecosystem_measure"]
        cols = list(MEASURE_CATEGORIES)
        if any(G.nodes[v].get("category") is None for v in measures):
            cols.append(UNCATEGORISED)
        at = {c: j for j, c in enumerate(cols)}
        matrix = [[0] * len(cols) for _ in rows]
        for v in measures:
            j = at[G.nodes[v].get("category") or UNCATEGORISED]
            for i in mission_rows(v):
                matrix[i][j] += 1
        return rows, cols, matrix
    cols = _technology_columns(G)
    matrix = [[0] * len(cols) for _ in rows]
    for j, t in enumerate(cols):
        for i in mission_rows(t):
            matrix[i][j] = 1
    at = {t: j for j, t in enumerate(cols)}
    for i, m in enumerate(rows):
        for g in index.names(index.dominators(index.at[m])):
            if g in at:
                matrix[i][at[g]] = 2
    return rows, cols, matrix


def _technology_columns(G: nx.DiGraph) -> list[str]:
    """Technologies by field; each core technology (by id) followed by the not yet placed
    technologies of its field that it leads to (depth first, by id); then the rest."""
    placed: list[str] = []
    seen: set[str] = set()
    for field in field_order(G):
        techs = sorted(
            n for n, d in G.nodes(data=True) if d["field"] == field and d["kind"] in TECHNOLOGY_KINDS
        )
        for core in (t for t in techs if G.nodes[t]["kind"] == "core_technology"):
            stack = [core]
            while stack:
                u = stack.pop()
                if u in seen:
                    continue
                seen.add(u)
                placed.append(u)
                below = [
                    v
                    for v in G.succ[u]
                    if v not in seen and G.nodes[v]["field"] == field and G.nodes[v]["kind"] in TECHNOLOGY_KINDS
                ]
                stack.extend(sorted(below, reverse=True))
        for t in techs:
            if t not in seen:
                seen.add(t)
                placed.append(t)
    return placed



ANALYSIS = Analysis(
    name="coverage",
    title="title.coverage",
    summary="Which measure categories (or technologies) each mission's chain covers, and the gaps.",
    description=(
        "A cell counts the measures of a category in the mission's prerequisite chain (or, with "
        '--columns technologies, 1 for a technology in the chain and 2 for a gateway); 0 is a gap. '
        'JSON: {"columns_of", "rows", "columns", "matrix"}.'
    ),
    run=coverage,
    params=(
        Param(
            "columns", "Measure categories or technologies as columns.", kind="choice", flag="--columns",
            choices=COLUMNS, default="categories",
        ),
    ),
    figure="coverage",
)
