"""A Cypher script for Neo4j: ``MERGE`` statements that ``cypher-shell`` can run.

::

    cypher-shell -u neo4j -p PASSWORD --file roadmap.cypher

Every statement is on one line and ends with ``;``. The script first makes ``id`` unique on
``:Node``, then merges each node by id, gives it one kind label (``:Mission``,
``:CoreTechnology``, ``:EnablingTechnology``, ``:EcosystemMeasure``; a label from an earlier
run is removed) and adds its properties; then it merges each edge as ``REQUIRES`` or
``SUPPORTED_BY`` between the two nodes. Running it twice gives the same database.

Properties follow :mod:`.attributes`: lists and dicts as ``*_json`` text (Neo4j properties
cannot hold maps), ``None`` not set. ``SET n += {...}`` keeps properties added in Neo4j by
hand. Strings are single-quoted Cypher literals with ``\\``, ``'`` and control characters
escaped, so no value can end a string or a statement early.
"""

from __future__ import annotations

import math
import re
from typing import Any

import networkx as nx

from .attributes import edge_table, node_table, without_none

NODE_LABEL = "Node"
KIND_LABELS = {
    "mission": "Mission",
    "core_technology": "CoreTechnology",
    "enabling_technology": "EnablingTechnology",
    "ecosystem_measure": "EcosystemMeasure",
}
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_STRING_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def cypher_string(text: str) -> str:
    r"""``text`` as a single-quoted Cypher string literal.

    >>> print(cypher_string("O'Brien \\ 반도체"))
    'O\'Brien \\ 반도체'
    """
    out = []
    for char in text:
        if char in _STRING_ESCAPES:
            out.append(_STRING_ESCAPES[char])
        elif ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0 or char in "\u2028\u2029":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "'" + "".join(out) + "'"


def cypher_name(name: str) -> str:
    """A label, relationship type or property key, backquoted unless it is a plain name.

    >>> cypher_name("CoreTechnology"), cypher_name("my key")
    ('CoreTechnology', '`my key`')
    """
    return name if _NAME.fullmatch(name) else "`" + name.replace("`", "``") + "`"


def cypher_value(value: Any) -> str:
    """A scalar as a Cypher literal (strings quoted, booleans lowercase).

    >>> cypher_value(True), cypher_value(2), cypher_value(0.5), cypher_value("a")
    ('true', '2', '0.5', "'a'")
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and math.isfinite(value):
        return repr(value)
    return cypher_string(str(value))


def cypher_map(row: dict[str, Any]) -> str:
    """A Cypher map literal of ``row``'s non-``None`` values."""
    return "{" + ", ".join(f"{cypher_name(k)}: {cypher_value(v)}" for k, v in without_none(row).items()) + "}"


def _kind_label(kind: Any) -> str:
    if kind in KIND_LABELS:
        return KIND_LABELS[kind]
    return "".join(part.capitalize() for part in str(kind).split("_")) or "Unknown"


def to_cypher(G: nx.DiGraph) -> str:
    """The Cypher script (text) that loads ``G`` into Neo4j; see the module docstring."""
    node = cypher_name(NODE_LABEL)
    lines = [f"// roadmap-graph export: {G.number_of_nodes()} nodes, {G.number_of_edges()} relationships"]
    lines.append(f"CREATE CONSTRAINT roadmap_node_id IF NOT EXISTS FOR (n:{node}) REQUIRE n.id IS UNIQUE;")
    kinds = {_kind_label(k) for _, k in G.nodes(data="kind")} | set(KIND_LABELS.values())
    every_kind = ":".join(cypher_name(k) for k in sorted(kinds))
    for n, row in node_table(G, lang="ko", reserved={"id"}):
        row.pop("label")
        kind = cypher_name(_kind_label(G.nodes[n].get("kind")))
        lines.append(
            f"MERGE (n:{node} {{id: {cypher_string(str(n))}}}) "
            f"REMOVE n:{every_kind} SET n:{kind} SET n += {cypher_map(row)};"
        )
    for u, v, row in edge_table(G, lang="ko"):
        row.pop("label")
        rel = cypher_name(str(G.edges[u, v].get("relation", "related_to")).upper())
        lines.append(
            f"MATCH (a:{node} {{id: {cypher_string(str(u))}}}) MATCH (b:{node} {{id: {cypher_string(str(v))}}}) "
            f"MERGE (a)-[r:{rel}]->(b) SET r += {cypher_map(row)};"
        )
    return "\n".join(lines) + "\n"
