"""The requirement structure of a roadmap graph, shared by every analysis.

*Requirement edges* are the ``requires`` edges, plain or alternatives (``any_of``);
``supported_by`` edges are support, not requirements. A node's requirements form groups in
conjunctive normal form: the node needs every group, and a group is met by any one of its
members. A plain requirement is a group of one; the alternatives of one ``any_of`` group
are one group.

*Foundations* are the nodes with no outgoing requirement edge (a measure, an enabling
technology nothing further is asked of, or a core technology the roadmap leaves empty).

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> requirement_groups(G, "bio_gene_delivery")
[['rna_platform', 'viral_vector']]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from ..errors import UnknownNodeError
from ..vocabulary import Message, did_you_mean, verbatim

REQUIRES = "requires"
SUPPORTED_BY = "supported_by"


def is_requirement(data: dict[str, Any]) -> bool:
    """True for the attributes of a requirement edge (plain or alternative)."""
    return data["relation"] == REQUIRES


def requirement_groups(G: nx.DiGraph, node: str) -> list[list[str]]:
    """The requirement groups of ``node``: plain requirements first (one each), then any_of groups."""
    plain: list[list[str]] = []
    groups: dict[int, list[str]] = {}
    for child, data in G.succ[node].items():
        if data["relation"] != REQUIRES:
            continue
        if data.get("group") is None:
            plain.append([child])
        else:
            groups.setdefault(data["group"], []).append(child)
    return plain + [groups[g] for g in sorted(groups)]


def requirement_children(G: nx.DiGraph, node: str) -> list[str]:
    """Every node ``node`` requires, plain or as an alternative."""
    return [c for c, d in G.succ[node].items() if d["relation"] == REQUIRES]


def missions(G: nx.DiGraph) -> list[str]:
    """The missions of ``G``, sorted by id."""
    return sorted(n for n, kind in G.nodes(data="kind") if kind == "mission")


def foundations(G: nx.DiGraph) -> set[str]:
    """Nodes with no outgoing requirement edge."""
    return {n for n in G if not any(d["relation"] == REQUIRES for d in G.succ[n].values())}


def reached_from(G: nx.DiGraph, starts: Iterable[str], *, blocked: Iterable[str] = ()) -> set[str]:
    """Every node reachable over any edge from ``starts`` (included), avoiding ``blocked``."""
    avoid = set(blocked)
    seen = {s for s in starts if s not in avoid}
    stack = list(seen)
    while stack:
        for v in G.succ[stack.pop()]:
            if v not in seen and v not in avoid:
                seen.add(v)
                stack.append(v)
    return seen


def topological_order(G: nx.DiGraph) -> list[str]:
    """All nodes, every node before the nodes it links to (dependents before prerequisites).

    The loader guarantees a DAG (requirement cycles are errors, and support edges end at
    measures, which link to nothing), so this never fails on a loaded roadmap.
    """
    return list(nx.topological_sort(G))


def check_nodes(G: nx.DiGraph, nodes: Iterable[str], *, kind: str | None = None) -> list[str]:
    """Return ``nodes`` as a list, raising :class:`UnknownNodeError` for any that is not in ``G``
    (or, with ``kind``, not of that kind), with a did-you-mean."""
    out = []
    for node in nodes:
        if node not in G or (kind is not None and G.nodes[node]["kind"] != kind):
            raise UnknownNodeError(node, unknown_node_message(G, node, kind))
        out.append(node)
    return out


def unknown_node_message(G: nx.DiGraph, node: str, kind: str | None = None) -> Message:
    """Why ``node`` is not a node of ``G`` (of ``kind``): the closest id, or what it is instead
    and the ids of that kind. The one wording for every command that takes node ids."""
    choices = sorted(n for n, k in G.nodes(data="kind") if kind is None or k == kind)
    if node in G and kind is not None:
        return Message(
            "error.wrong_kind",
            node=verbatim(node),
            kind=Message(f"kind.{G.nodes[node]['kind']}"),
            wanted=Message(f"kind.{kind}"),
            kinds=Message(f"kinds.{kind}"),
            choices=verbatim(", ".join(choices)),
        )
    if kind is None:
        return Message("error.unknown_node", node=verbatim(node), hint=did_you_mean(node, choices))
    return Message(
        "error.unknown_node_of_kind",
        node=verbatim(node),
        hint=did_you_mean(node, choices),
        kinds=Message(f"kinds.{kind}"),
        choices=verbatim(", ".join(choices)),
    )
