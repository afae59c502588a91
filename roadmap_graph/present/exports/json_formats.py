"""JSON exports: networkx node-link (exact round trip) and Cytoscape.js elements.

Both keep lists and dicts as JSON (no flattening) and Korean as Korean.

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> data = to_node_link(G)
>>> sorted(data)
['directed', 'edges', 'graph', 'multigraph', 'nodes']
>>> nx.utils.graphs_equal(nx.node_link_graph(data, edges="edges"), G)
True
>>> to_cytoscape(G, lang="en")["elements"]["nodes"][0]["data"]["label"]
'Cut the data, computing and power burden of AI training by at least half'
"""

from __future__ import annotations

import copy
from typing import Any

import networkx as nx

from ...vocabulary import check_lang
from .attributes import edge_labels, json_text, node_label, roadmap_title

#: The key node-link data keeps its edges under. Always passed explicitly: networkx < 3.6
#: used ``"links"`` (with a FutureWarning), 3.6 uses ``"edges"``.
NODE_LINK_EDGES = "edges"

# Keys Cytoscape gives a meaning of its own (``parent`` makes compound nodes, ``value`` is the
# node id for ``nx.cytoscape_graph``); an attribute of that name is kept with a ``_`` suffix.
_CYTOSCAPE_KEYS = frozenset({"id", "value", "label", "source", "target", "parent"})


def to_node_link(G: nx.DiGraph) -> dict[str, Any]:
    """The node-link data of ``G``, edges under ``"edges"``; every attribute kept as is.

    ``nx.node_link_graph(data, edges="edges")`` gives back a graph equal to ``G`` in nodes,
    edges and all attributes. The result is a deep copy: changing it leaves ``G`` alone.
    """
    return copy.deepcopy(nx.node_link_data(G, edges=NODE_LINK_EDGES))


def to_cytoscape(G: nx.DiGraph, *, lang: str = "ko") -> dict[str, Any]:
    """Cytoscape.js JSON: ``{"data", "directed", "multigraph", "elements": {"nodes", "edges"}}``.

    Each node's ``data`` has ``id`` and ``value`` (the roadmap id), ``label`` (the name in
    ``lang``) and every node attribute; each edge's ``data`` has ``id`` (``"source->target"``,
    never equal to a node id), ``source``, ``target``, ``label`` and every edge attribute.
    The graph ``data`` holds the graph attributes and ``name`` (the roadmap title, which
    Cytoscape desktop shows as the network name). ``nx.cytoscape_graph`` reads it back.
    """
    check_lang(lang)
    graph_data = {_key(k): v for k, v in G.graph.items()}
    title = roadmap_title(G, lang)
    if title is not None and "name" not in graph_data:
        graph_data["name"] = title
    nodes = []
    for n, attrs in G.nodes(data=True):
        data = {"id": str(n), "value": str(n), "label": node_label(n, attrs, lang)}
        data.update((_key(k), v) for k, v in attrs.items())
        nodes.append({"data": data})
    taken = {str(n) for n in G}
    labels = edge_labels(G, lang)
    edges = []
    for u, v, attrs in G.edges(data=True):
        edge_id = f"{u}->{v}"
        while edge_id in taken:
            edge_id += "'"
        taken.add(edge_id)
        data = {"id": edge_id, "source": str(u), "target": str(v), "label": labels[u, v]}
        data.update((_key(k), val) for k, val in attrs.items())
        edges.append({"data": data})
    return copy.deepcopy(
        {
            "data": graph_data,
            "directed": G.is_directed(),
            "multigraph": G.is_multigraph(),
            "elements": {"nodes": nodes, "edges": edges},
        }
    )


def _key(name: Any) -> str:
    return f"{name}_" if name in _CYTOSCAPE_KEYS else str(name)


def json_document(data: Any) -> str:
    """``data`` as indented JSON text ending with a newline, Korean kept as Korean."""
    return json_text(data, indent=2) + "\n"
