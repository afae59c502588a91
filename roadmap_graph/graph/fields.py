"""The fields of a roadmap graph (분야), in the roadmap's order.

The roadmap file declares its fields in an order (AI before bio in roadmap (Ⅱ)); tables,
figures and the report keep that order, and put a field that is only named on a node
after the declared ones.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from ..errors import InvalidOptionError
from ..vocabulary import Message, did_you_mean, verbatim


def field_order(G: nx.DiGraph) -> list[str]:
    """The fields of ``G`` that have a node: those of ``G.graph["fields"]``, in order, then
    any other field of a node, sorted."""
    present = {f for _, f in G.nodes(data="field")}
    known = [f for f in G.graph.get("fields", {}) if f in present]
    return known + sorted((f for f in present if f not in known), key=str)


def all_fields(G: nx.DiGraph) -> list[str]:
    """Every field of ``G``: the declared ones (with or without nodes), in order, then any
    other field of a node, sorted."""
    declared = list(G.graph.get("fields", {}))
    return declared + sorted({f for _, f in G.nodes(data="field")} - set(declared))


def missions_by_field(G: nx.DiGraph) -> list[str]:
    """The missions of ``G`` by field (in :func:`field_order`), then id."""
    rank = {f: i for i, f in enumerate(field_order(G))}
    return sorted((n for n, k in G.nodes(data="kind") if k == "mission"), key=lambda m: (rank[G.nodes[m]["field"]], m))


def check_fields(fields: Iterable[str] | str | None, all_fields: list[str]) -> list[str]:
    """The fields asked for, in the roadmap's order (``all_fields``); all when ``None``.

    Raises :class:`InvalidOptionError` for a field that is not in the roadmap.
    """
    if fields is None:
        return all_fields
    asked = {fields} if isinstance(fields, str) else set(fields)
    for f in sorted(asked):
        if f not in all_fields:
            raise InvalidOptionError(
                Message(
                    "error.unknown_field", field=verbatim(f), hint=did_you_mean(f, all_fields), fields=verbatim(", ".join(all_fields))
                )
            )
    return [f for f in all_fields if f in asked]
