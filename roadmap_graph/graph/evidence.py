"""The roadmap on the ministry's own words: the graph without its inferred links.

Every node and link of a roadmap carries a ``provenance``: ``stated`` (a quoted sentence
states it), ``inferred`` (an analyst's reading) or ``None`` (the file does not say; kept as
stated, since nothing marks it inferred). :func:`stated_only` drops every inferred link and
keeps everything else, so any analysis can be run on what the source itself says, and a
finding can say whether it still holds there (its *evidence*):

* every node stays, with its attributes (an inferred node stays too: the nodes are what the
  roadmap names; the links are the claims);
* every link whose provenance is ``inferred`` goes: plain ``requires``, each member of an
  ``any_of`` group, ``supported_by``;
* an ``any_of`` group left with no member goes with its last member (the node no longer
  asks for one of them); the groups left are numbered again from 0, in their order;
* the graph's attributes are kept (``roadmap``, ``fields``), and ``evidence`` is set to
  ``"stated"`` so that outputs can say which graph they were computed on.

:func:`stated_index` gives the index of that graph for an index of the full one, built once
and shared by every analysis run on the same index (and the index itself when the graph has
no inferred link, e.g. when it is already the stated-only graph: ``--evidence stated`` does
not pay for it twice).

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> S = rg.stated_only(G)
>>> set(S) == set(G), S.graph["evidence"]
(True, 'stated')
>>> any(d["provenance"] == "inferred" for _, _, d in S.edges(data=True))
False
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from .index import GraphLike, RoadmapIndex, as_index

#: The value of ``G.graph["evidence"]`` on a stated-only graph.
STATED = "stated"
#: The provenance that marks a link as an analyst's inference.
INFERRED = "inferred"
#: The choices of ``--evidence``: all links, or the stated ones alone.
EVIDENCE = ("all", "stated")


def is_inferred(data: dict[str, Any]) -> bool:
    """Whether the link with these edge attributes is marked inferred."""
    return data.get("provenance") == INFERRED


def stated_only(G: nx.DiGraph) -> nx.DiGraph:
    """A new graph: ``G`` without its inferred links (see the module docstring).

    ``G`` is not changed. Node attribute dicts and edge attribute dicts are new (shallow
    copies), so changing the result leaves ``G`` as it was.
    """
    S = nx.DiGraph()
    S.graph.update(G.graph)
    S.graph["evidence"] = STATED
    S.add_nodes_from((n, dict(attrs)) for n, attrs in G.nodes(data=True))
    edges: list[tuple[Any, Any, dict[str, Any]]] = []
    for u, out in G.adj.items():
        kept = [(v, dict(data)) for v, data in out.items() if not is_inferred(data)]
        # The groups that keep a member, numbered again from 0 in their order.
        groups = sorted({d["group"] for _, d in kept if d.get("group") is not None})
        if groups != list(range(len(groups))):
            renumber = {old: new for new, old in enumerate(groups)}
            for _, d in kept:
                if d.get("group") is not None:
                    d["group"] = renumber[d["group"]]
        edges.extend((u, v, d) for v, d in kept)
    S.add_edges_from(edges)
    return S


def has_inferred_links(G: nx.DiGraph) -> bool:
    """Whether any link of ``G`` is marked inferred."""
    if G.graph.get("evidence") == STATED:
        return False
    return any(is_inferred(d) for out in G.adj.values() for d in out.values())


def stated_index(G: GraphLike) -> RoadmapIndex:
    """The index of ``stated_only`` of ``G``'s graph, built once per index and shared (the
    index itself when the graph has no inferred link)."""
    index = as_index(G)

    def build() -> RoadmapIndex:
        if not has_inferred_links(index.G):
            return index
        return RoadmapIndex(stated_only(index.G))

    return index.shared("stated_index", build)


def is_stated_index(index: RoadmapIndex) -> bool:
    """Whether ``index`` is its own stated-only index (no inferred link to drop)."""
    return stated_index(index) is index
