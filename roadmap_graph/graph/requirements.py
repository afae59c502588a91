"""The requirement structure of a roadmap graph, and checking the ids a user asks about.

*Requirement edges* are the ``requires`` edges, plain or alternatives (``any_of``);
``supported_by`` edges are support, not requirements. A node's requirements form groups in
conjunctive normal form: the node needs every group, and a group is met by any one of its
members. A plain requirement is a group of one; the alternatives of one ``any_of`` group
are one group.

*Foundations* are the nodes with no outgoing requirement edge (a measure, an enabling
technology nothing further is asked of, or a core technology the roadmap leaves empty).

The analyses read this structure from the shared index (:class:`~.index.RoadmapIndex`:
``plain``, ``alternatives``, ``groups``, ``req``):

>>> import roadmap_graph as rg
>>> index = rg.RoadmapIndex(rg.to_networkx(rg.load_roadmap()))
>>> [index.names(g) for g in index.groups[index.at["bio_gene_delivery"]]]  # two plain requirements
[['rna_platform'], ['viral_vector']]
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from ..errors import UnknownNodeError
from ..vocabulary import Message, did_you_mean, verbatim

REQUIRES = "requires"
SUPPORTED_BY = "supported_by"


def missions(G: nx.DiGraph) -> list[str]:
    """The missions of ``G``, sorted by id."""
    return sorted(n for n, kind in G.nodes(data="kind") if kind == "mission")


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
