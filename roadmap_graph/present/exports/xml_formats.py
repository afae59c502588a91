"""XML exports: GraphML (Gephi, Cytoscape, yEd, igraph) and GEXF 1.2 (Gephi).

Both are written by networkx from a flat copy of the graph (see :mod:`.attributes`): lists
and dicts become ``<key>_json`` text, ``None`` is left out, each key has one type, and
``label`` holds the display name in the chosen language (Gephi shows it; yEd shows it after
mapping the ``label`` property to the node label in its Properties Mapper).

Traps handled here (checked against networkx 3.6):

* ``nx.generate_graphml`` and ``str(GEXFWriter)`` serialise to ASCII and turn every Hangul
  syllable into a ``&#44032;`` character reference; writing to a UTF-8 byte stream instead
  keeps Korean readable in the file.
* ``write_graphml(named_key_ids=True)`` gives a node key and an edge key of the same name
  (``label``, ``provenance``) the same XML id; the default ``d0, d1, ...`` ids are kept.
* GEXF: networkx turns attributes named ``start``/``end``/``spells`` into timeline data and
  ``id``/``pid``/``viz``/``weight``/``type`` into structure; such attributes are renamed with
  a ``_`` suffix. networkx also writes ``<graph name="">``, which the GEXF 1.2 schema does
  not allow; it is removed.

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> H = nx.read_graphml(io.BytesIO(to_graphml(G).encode("utf-8")))
>>> H.nodes["bio_synthetic_biology"]["label"], H.nodes["bio_synthetic_biology"]["kind"]
('합성생물학', 'core_technology')
"""

from __future__ import annotations

import io
import re

import networkx as nx

from ...vocabulary import check_lang
from .attributes import edge_table, flat_rows, node_table, without_none

_GEXF_NODE_KEYS = frozenset({"id", "pid", "parents", "viz", "start", "end", "spells", "slices"})
_GEXF_EDGE_KEYS = frozenset({"id", "weight", "type", "key", "start", "end", "spells", "slices"})
_GEXF_EMPTY_NAME = re.compile(r'(<graph\b[^>]*?) name=""')


def _flat_copy(G: nx.DiGraph, *, lang: str, node_keys: frozenset[str] = frozenset(),
               edge_keys: frozenset[str] = frozenset(), graph_attrs: bool = True) -> nx.DiGraph:
    H = nx.DiGraph() if G.is_directed() else nx.Graph()
    if graph_attrs:
        H.graph.update(without_none(flat_rows([G.graph])[0]))
    for n, row in node_table(G, lang=lang, reserved=node_keys):
        H.add_node(str(n), **without_none(row))
    for u, v, row in edge_table(G, lang=lang, reserved=edge_keys):
        H.add_edge(str(u), str(v), **without_none(row))
    return H


def to_graphml(G: nx.DiGraph, *, lang: str = "ko") -> str:
    """GraphML text (UTF-8) of ``G``, flat attributes with one declared type per key.

    The graph attributes (``roadmap``, ``fields``) become ``roadmap_json`` and
    ``fields_json``. Node ids are the roadmap ids, unchanged.
    """
    check_lang(lang)
    buffer = io.BytesIO()
    nx.write_graphml(_flat_copy(G, lang=lang), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")


def to_gexf(G: nx.DiGraph, *, lang: str = "ko") -> str:
    """GEXF 1.2 text (UTF-8) of ``G``: static, labels set, flat attributes.

    GEXF has no graph attributes, so the roadmap header and the field table are not in it
    (use GraphML or node-link JSON for those).
    """
    check_lang(lang)
    H = _flat_copy(G, lang=lang, node_keys=_GEXF_NODE_KEYS, edge_keys=_GEXF_EDGE_KEYS, graph_attrs=False)
    buffer = io.BytesIO()
    nx.write_gexf(H, buffer, encoding="utf-8", prettyprint=True, version="1.2draft")
    return _GEXF_EMPTY_NAME.sub(r"\1", buffer.getvalue().decode("utf-8"), count=1)
