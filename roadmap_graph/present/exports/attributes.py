"""What every export carries: flat scalar attributes, and the display labels.

GraphML, GEXF, CSV and Neo4j properties hold scalars only, while a roadmap graph carries lists
of dicts (``targets``, ``sources``, ``ignore``) and ``None``. :func:`flat_rows` turns the
attribute dicts of all nodes (or all edges) into flat rows by these rules, so that nothing is
lost and every key has one type:

* a key that holds a list or a dict anywhere becomes ``<key>_json``, and each of its values
  is the JSON text of the original (``ensure_ascii=False``, so Korean stays Korean);
* dates and times become ISO text;
* ``None`` (and a key a row does not have) stays ``None``: GraphML and GEXF leave the value
  out, CSV writes an empty cell, Cypher sets no property;
* each key gets **one type across all rows**: bool, int or str when all values agree, float
  when ints and floats mix, else str. GraphML needs this (networkx writes a second ``<key>``
  of the same name for a second type, and igraph then refuses the file);
* a key a format reserves for itself (``label``, GEXF's ``start``/``end``) gets a ``_``
  suffix, so the format's meaning never swallows a roadmap attribute.

>>> flat_rows([{"a": 1, "t": [{"x": "가"}], "n": None}, {"a": 2.5, "t": []}])
[{'a': 1.0, 't_json': '[{"x": "가"}]', 'n': None}, {'a': 2.5, 't_json': '[]', 'n': None}]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Hashable, Mapping, Sequence
from typing import Any

import networkx as nx

from ...vocabulary import node_name, text
from ..jsondata import excerpt, json_text

JSON_SUFFIX = "_json"


def _is_nested(value: Any) -> bool:
    return isinstance(value, (list, tuple, dict, set, frozenset))


def _scalar_text(value: Any) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def _one_type(values: list[Any]) -> list[Any]:
    present = {type(v) for v in values if v is not None}
    if len(present) <= 1 and present <= {bool, int, float, str}:
        return values
    if present <= {int, float}:
        return [None if v is None else float(v) for v in values]
    return [None if v is None else _scalar_text(v) for v in values]


def flat_rows(
    rows: Sequence[Mapping[str, Any]], *, reserved: Collection[str] = (), names: Sequence[str] = ()
) -> list[dict[str, Any]]:
    """Flatten attribute dicts to scalar rows with one type per key (see the module docstring).

    Every output row has the same keys, in first-seen order. ``names`` (one per row: a node
    id, an edge) say in a message which row holds a value JSON cannot carry.
    """
    renamed = [{(f"{k}_" if k in reserved else str(k)): v for k, v in row.items()} for row in rows]
    out: list[dict[str, Any]] = [{} for _ in renamed]
    for key in dict.fromkeys(k for row in renamed for k in row):
        values = [row.get(key) for row in renamed]
        values = [v.isoformat() if isinstance(v, (dt.date, dt.time)) else v for v in values]
        if any(_is_nested(v) for v in values):
            places = [f"{names[i]}.{key}" if i < len(names) else key for i in range(len(values))]
            column = [None if v is None else json_text(v, where=place) for v, place in zip(values, places)]
            name = key + JSON_SUFFIX
        else:
            name, column = key, _one_type(values)
        for row_out, value in zip(out, column):
            row_out[name] = value
    return out


def without_none(row: Mapping[str, Any]) -> dict[str, Any]:
    """``row`` without its ``None`` values (for formats where a missing value is left out)."""
    return {k: v for k, v in row.items() if v is not None}


def node_label(node: Hashable, attrs: Mapping[str, Any], lang: str) -> str:
    """A node's display label: its name in ``lang`` (Korean where no English one), else its id."""
    return node_name(attrs, lang) if attrs.get("name") else str(node)


def edge_label(attrs: Mapping[str, Any], lang: str, *, alternatives: tuple[int, int, int] | None = None) -> str:
    """An edge's display label: ``요구``/``requires``, ``지원``/``supported by``, and for an
    alternative of an ``any_of`` group what it is to a reader, never the group's internal
    number: ``2개 중 하나``/``one of 2``, or ``2개 중 하나 (묶음 1/2)``/``one of 2 (set 1 of 2)``
    when its node has more than one group. ``alternatives`` is ``(size of the group, its
    place among the node's groups from 1, how many groups the node has)``
    (:func:`edge_labels` works it out for a whole graph); without it, ``다음 중 하나``/``one of``.

    >>> edge_label({"relation": "requires", "group": 0}, "en", alternatives=(2, 1, 1))
    'one of 2'
    >>> edge_label({"relation": "requires", "group": 1}, "ko", alternatives=(3, 2, 2))
    '3개 중 하나 (묶음 2/2)'
    """
    relation = attrs.get("relation")
    if relation == "supported_by":
        return text("relation.supported_by", lang)
    if relation == "requires":
        if attrs.get("group") is None:
            return text("relation.requires", lang)
        if alternatives is None:
            return text("word.one_of", lang)
        size, place, groups = alternatives
        if groups > 1:
            return text("word.one_of_n_set", lang, n=size, set=place, sets=groups)
        return text("word.one_of_n", lang, n=size)
    return "" if relation is None else str(relation)


def alternative_places(G: nx.DiGraph) -> dict[tuple[Any, Any], tuple[int, int, int]]:
    """For each edge of an ``any_of`` group: ``(size of its group, the group's place among its
    node's groups from 1, in the order of their numbers, how many groups the node has)``."""
    members: dict[Any, dict[Any, list[Any]]] = {}
    for u, v, group in G.edges(data="group"):
        if group is not None and G.edges[u, v].get("relation", "requires") == "requires":
            members.setdefault(u, {}).setdefault(group, []).append(v)
    places: dict[tuple[Any, Any], tuple[int, int, int]] = {}
    for u, groups in members.items():
        for place, group in enumerate(sorted(groups, key=lambda g: (not isinstance(g, int), g if isinstance(g, int) else str(g))), start=1):
            for v in groups[group]:
                places[u, v] = (len(groups[group]), place, len(groups))
    return places


def edge_labels(G: nx.DiGraph, lang: str) -> dict[tuple[Any, Any], str]:
    """The display label of every edge of ``G`` (:func:`edge_label`)."""
    places = alternative_places(G)
    return {(u, v): edge_label(d, lang, alternatives=places.get((u, v))) for u, v, d in G.edges(data=True)}


def field_label(G: nx.DiGraph, field: Any, lang: str) -> str:
    """A field's display name in ``lang`` from ``G.graph["fields"]``, else its id."""
    info = G.graph.get("fields", {}).get(field)
    return node_label(field, info, lang) if isinstance(info, Mapping) else str(field)


def roadmap_title(G: nx.DiGraph, lang: str) -> str | None:
    """The roadmap's title in ``lang`` (Korean where no English one), or ``None``."""
    info = G.graph.get("roadmap")
    if not isinstance(info, Mapping):
        return None
    title = info.get("title_en") if lang == "en" and info.get("title_en") else info.get("title")
    return None if title is None else str(title)


def node_table(G: nx.DiGraph, *, lang: str, reserved: Collection[str] = ()) -> list[tuple[Any, dict[str, Any]]]:
    """``(node, row)`` per node: ``label`` first, then the flat attributes."""
    rows = flat_rows([G.nodes[n] for n in G], reserved={"label", *reserved}, names=[f"nodes[id={excerpt(n)}]" for n in G])
    return [(n, {"label": node_label(n, G.nodes[n], lang), **row}) for n, row in zip(G, rows)]


def edge_table(G: nx.DiGraph, *, lang: str, reserved: Collection[str] = ()) -> list[tuple[Any, Any, dict[str, Any]]]:
    """``(source, target, row)`` per edge: ``label`` first, then the flat attributes."""
    edges = list(G.edges(data=True))
    names = [f"edges[{excerpt(u)}->{excerpt(v)}]" for u, v, _ in edges]
    rows = flat_rows([d for _, _, d in edges], reserved={"label", *reserved}, names=names)
    labels = edge_labels(G, lang)
    return [(u, v, {"label": labels[u, v], **row}) for (u, v, _), row in zip(edges, rows)]
