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

from ..gcpause import paused_gc
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
    copies), so changing the result leaves ``G`` as it was. The adjacency is built directly
    (as networkx's own ``add_edges_from`` would, without its per-edge checks), with the
    cyclic GC paused: hundreds of thousands of small dicts.
    """
    S = nx.DiGraph()
    S.graph.update(G.graph)
    S.graph["evidence"] = STATED
    # networkx's own dicts of dicts (subgraph views have them too, filtered): walking them
    # is several times faster than walking the views.
    adjacency = getattr(G, "_adj", None) or G.adj
    attributes = getattr(G, "_node", None) or G.nodes
    with paused_gc():
        nodes = {n: dict(attrs) for n, attrs in attributes.items()}
        succ: dict[Any, dict[Any, dict[str, Any]]] = {n: {} for n in nodes}
        pred: dict[Any, dict[Any, dict[str, Any]]] = {n: {} for n in nodes}
        for u, out in adjacency.items():
            kept = succ[u]
            renumber = False
            for v, data in out.items():
                if data.get("provenance") == INFERRED:
                    if data.get("group") is not None:
                        renumber = True
                    continue
                kept[v] = pred[v][u] = dict(data)
            if renumber:
                # The groups that keep a member, numbered again from 0 in their order.
                groups = sorted({d["group"] for d in kept.values() if d.get("group") is not None})
                if groups != list(range(len(groups))):
                    new = {old: i for i, old in enumerate(groups)}
                    for d in kept.values():
                        if d.get("group") is not None:
                            d["group"] = new[d["group"]]
        # Into networkx's own storage, as add_nodes_from and add_edges_from would put them
        # (S._adj is S._succ).
        S._node.update(nodes)
        S._succ.update(succ)
        S._pred.update(pred)
    return S


def has_inferred_links(G: nx.DiGraph) -> bool:
    """Whether any link of ``G`` is marked inferred."""
    if G.graph.get("evidence") == STATED:
        return False
    adjacency = getattr(G, "_adj", None) or G.adj
    return any(d.get("provenance") == INFERRED for out in adjacency.values() for d in out.values())


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
