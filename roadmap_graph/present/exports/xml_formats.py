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
* XML 1.0 cannot hold most control characters (U+0000 to U+001F but tab, line feed and
  carriage return), U+FFFE, U+FFFF or a lone surrogate, not even as ``&#1;``; networkx
  writes them as they are, and the file is not XML. A roadmap file cannot hold them (the
  loader refuses them), but a graph built in code can. **The rule**: in ids, keys and
  values, a control character becomes its Unicode *control picture* (U+0001 becomes ``␁``,
  U+2401: ``chr(0x2400 + code)``), and U+FFFE, U+FFFF and lone surrogates become U+FFFD
  ``�``. Nothing is dropped silently: a comment after the XML declaration says how many
  characters were replaced and by what rule. Two node ids (or two attribute names) that
  become the same are refused
  (:class:`~roadmap_graph.errors.OutputValueError`), never merged.
* A carriage return is allowed but every XML reader turns it into a line feed; it is
  written as ``&#13;`` so that it is read back as it was.

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> H = nx.read_graphml(io.BytesIO(to_graphml(G).encode("utf-8")))
>>> H.nodes["bio_synthetic_biology"]["label"], H.nodes["bio_synthetic_biology"]["kind"]
('합성생물학', 'core_technology')
"""

from __future__ import annotations

import io
import re
from typing import Any

import networkx as nx

from ...errors import OutputValueError
from ...vocabulary import Message, check_lang, text, verbatim
from ..jsondata import excerpt
from .attributes import edge_table, flat_rows, node_table, without_none

_GEXF_NODE_KEYS = frozenset({"id", "pid", "parents", "viz", "start", "end", "spells", "slices"})
_GEXF_EDGE_KEYS = frozenset({"id", "weight", "type", "key", "start", "end", "spells", "slices"})
_GEXF_EMPTY_NAME = re.compile(r'(<graph\b[^>]*?) name=""')
#: What XML 1.0 cannot hold in any form.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_XML_DECLARATION = re.compile(r"<\?xml[^>]*\?>\n?")


class _Replacer:
    """Replaces what XML 1.0 cannot hold (see the module docstring), counting each one."""

    def __init__(self) -> None:
        self.count = 0

    def text(self, value: str) -> str:
        return _NOT_XML.sub(self._one, value)

    def value(self, value: Any) -> Any:
        return self.text(value) if isinstance(value, str) else value

    def row(self, row: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        originals: dict[str, Any] = {}
        for key, value in row.items():
            name = self.unique(str(key), originals, "attribute")
            out[name] = self.value(value)
        return out

    def unique(self, value: str, seen: dict[str, Any], where: str) -> str:
        """``value`` replaced, refused when another one in ``seen`` became the same."""
        safe = self.text(value)
        if safe in seen and seen[safe] != value:
            message = Message("output.xml_name_clash", first=verbatim(excerpt(repr(seen[safe]))),
                              second=verbatim(excerpt(repr(value))), name=verbatim(excerpt(safe)))
            raise OutputValueError(f"{where}[{excerpt(safe)}]", message)
        seen[safe] = value
        return safe

    def _one(self, match: re.Match[str]) -> str:
        self.count += 1
        code = ord(match.group())
        return chr(0x2400 + code) if code < 0x20 else "\ufffd"


def _flat_copy(G: nx.DiGraph, *, lang: str, node_keys: frozenset[str] = frozenset(),
               edge_keys: frozenset[str] = frozenset(), graph_attrs: bool = True) -> tuple[nx.DiGraph, int]:
    """The flat copy of ``G`` the XML writers get, with what XML cannot hold replaced, and
    how many characters were replaced."""
    safe = _Replacer()
    H = nx.DiGraph() if G.is_directed() else nx.Graph()
    if graph_attrs:
        H.graph.update(safe.row(without_none(flat_rows([G.graph])[0])))
    ids: dict[str, Any] = {}
    for n, row in node_table(G, lang=lang, reserved=node_keys):
        H.add_node(safe.unique(str(n), ids, "nodes"), **safe.row(without_none(row)))
    for u, v, row in edge_table(G, lang=lang, reserved=edge_keys):
        H.add_edge(safe.text(str(u)), safe.text(str(v)), **safe.row(without_none(row)))
    return H, safe.count


def _finish(document: str, replaced: int, lang: str) -> str:
    """Carriage returns as ``&#13;``, and a comment saying what was replaced, if anything."""
    document = document.replace("\r", "&#13;")
    if not replaced:
        return document
    note = text("output.xml_replaced", lang, count=replaced).replace("--", "- -")
    declaration = _XML_DECLARATION.match(document)
    at = declaration.end() if declaration else 0
    return f"{document[:at]}<!-- {note} -->\n{document[at:]}"


def to_graphml(G: nx.DiGraph, *, lang: str = "ko") -> str:
    """GraphML text (UTF-8) of ``G``, flat attributes with one declared type per key.

    The graph attributes (``roadmap``, ``fields``) become ``roadmap_json`` and
    ``fields_json``. Node ids are the roadmap ids, unchanged.
    """
    check_lang(lang)
    H, replaced = _flat_copy(G, lang=lang)
    buffer = io.BytesIO()
    nx.write_graphml(H, buffer, encoding="utf-8", prettyprint=True)
    return _finish(buffer.getvalue().decode("utf-8"), replaced, lang)


def to_gexf(G: nx.DiGraph, *, lang: str = "ko") -> str:
    """GEXF 1.2 text (UTF-8) of ``G``: static, labels set, flat attributes.

    GEXF has no graph attributes, so the roadmap header and the field table are not in it
    (use GraphML or node-link JSON for those).
    """
    check_lang(lang)
    H, replaced = _flat_copy(G, lang=lang, node_keys=_GEXF_NODE_KEYS, edge_keys=_GEXF_EDGE_KEYS, graph_attrs=False)
    buffer = io.BytesIO()
    nx.write_gexf(H, buffer, encoding="utf-8", prettyprint=True, version="1.2draft")
    document = _GEXF_EMPTY_NAME.sub(r"\1", buffer.getvalue().decode("utf-8"), count=1)
    return _finish(document, replaced, lang)
