"""CSV tables: ``nodes.csv`` and ``edges.csv``, for spreadsheets and Gephi's importer.

One row per node and per edge, every attribute a column (see :mod:`.attributes`: lists and
dicts as ``*_json`` text, ``None`` as an empty cell). A text cell beginning with ``=``, ``+``,
``-``, ``@``, tab or carriage return gets a ``'`` in front, so that a spreadsheet does not run
it as a formula (see :mod:`roadmap_graph.present.csvtext`). The ``id``/``label`` and
``source``/``target`` columns are the names Gephi's spreadsheet importer looks for. The
texts returned here have no byte order mark; the file writer adds one (``utf-8-sig``) so
that Excel opens Korean correctly.

>>> import roadmap_graph as rg
>>> nodes, edges = to_csv_tables(rg.to_networkx(rg.load_roadmap()))
>>> nodes.splitlines()[0]
'id,label,kind,field,name,name_en,description,description_en,category,provenance,location,targets_json,sources_json,ignore_json'
>>> edges.splitlines()[0]
'source,target,label,relation,group,provenance,note,sources_json'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import networkx as nx

from ...vocabulary import check_lang
from ..csvtext import csv_text
from .attributes import edge_table, node_table

#: The files a CSV export writes into its folder.
CSV_FILES = ("nodes.csv", "edges.csv")
#: Encoding of the files: UTF-8 with a byte order mark, which Excel needs to read UTF-8.
CSV_ENCODING = "utf-8-sig"

NODE_COLUMNS = (
    "id", "label", "kind", "field", "name", "name_en", "description", "description_en",
    "category", "provenance", "location", "targets_json", "sources_json", "ignore_json",
)  # fmt: skip
EDGE_COLUMNS = ("source", "target", "label", "relation", "group", "provenance", "note", "sources_json")


def to_csv_tables(G: nx.DiGraph, *, lang: str = "ko") -> tuple[str, str]:
    """The text of ``nodes.csv`` and ``edges.csv`` (header row first, CRLF line ends).

    Columns are those of ``NODE_COLUMNS``/``EDGE_COLUMNS`` that the graph has, in that
    order, then any other attribute in order of appearance.
    """
    check_lang(lang)
    nodes = [{"id": n, **row} for n, row in node_table(G, lang=lang, reserved={"id"})]
    edges = [{"source": u, "target": v, **row} for u, v, row in edge_table(G, lang=lang, reserved={"source", "target"})]
    return _csv(nodes, NODE_COLUMNS), _csv(edges, EDGE_COLUMNS)


def _columns(rows: Sequence[dict[str, Any]], preferred: Iterable[str]) -> list[str]:
    present = dict.fromkeys(k for row in rows for k in row)
    return [c for c in preferred if c in present] + [c for c in present if c not in preferred]


def _csv(rows: Sequence[dict[str, Any]], preferred: Sequence[str]) -> str:
    columns = _columns(rows, preferred) if rows else list(preferred)
    return csv_text(columns, ([row.get(c) for c in columns] for row in rows), lineterminator="\r\n")
