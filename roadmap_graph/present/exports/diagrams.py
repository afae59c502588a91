"""Diagram text: Graphviz DOT and Mermaid flowcharts, grouped by field.

Both draw the same picture. Nodes sit in one box per field and are shaped by kind; an edge
points from the dependent to its prerequisite. A plain requirement is a solid arrow, an
alternative of an ``any_of`` group a dashed arrow labelled by what it is to a reader,
``one of 2`` (``2개 중 하나``; ``one of 2 (set 1 of 2)`` when the node has several groups: see
:func:`~.attributes.edge_label`), never by the group's internal number, and support a dotted
line (DOT) or a circle-ended line (Mermaid) labelled ``supported by`` (``지원``). Only layout
attributes are written, never raw roadmap attributes, because DOT and Mermaid would read names
such as ``label``, ``color`` or ``pos`` as drawing instructions; the one exception is DOT's
``any_of_group`` on an alternative (the group's number, for a program that reads the file
back: Graphviz keeps an attribute it does not know and draws nothing with it).

Quoting is what matters here:

* DOT: every id and label is a double-quoted string, so an id with ``:`` stays one node
  (unquoted, ``a:b`` means port ``b`` of node ``a``) and Hangul passes through as UTF-8.
  The default font, NanumGothic, has Hangul. A line break becomes ``\n``; every other
  control character (and a lone surrogate) is dropped: Graphviz would draw it as a box or
  refuse the file.
* Mermaid: ids are generated (``n_`` + the roadmap id where that is a plain slug, so ``end``
  and ids starting with ``o``/``x`` cannot clash with the syntax), every label is quoted, and
  characters the Mermaid parser reads (``"#;[](){}|<>&`` and the backtick) become entity
  codes such as ``#quot;``; a line break becomes ``<br>`` and every other control character
  is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from typing import Any

import networkx as nx

from ...vocabulary import check_lang
from .attributes import alternative_places, edge_label, field_label, node_label, roadmap_title

DEFAULT_FONT = "NanumGothic"

_KIND_FILLS = {
    "mission": "#fde2e4",
    "core_technology": "#dbe7f6",
    "enabling_technology": "#e2f0d9",
    "ecosystem_measure": "#fff2cc",
}
_DOT_SHAPES = {
    "mission": ("box", "rounded,filled"),
    "core_technology": ("box", "filled"),
    "enabling_technology": ("ellipse", "filled"),
    "ecosystem_measure": ("note", "filled"),
}
_MERMAID_SHAPES = {
    "mission": ('(["', '"])'),
    "core_technology": ('["', '"]'),
    "enabling_technology": ('("', '")'),
    "ecosystem_measure": ('[/"', '"/]'),
}
#: Control characters (C0 but tab and line feed, DEL, C1, the Unicode line and paragraph
#: separators, lone surrogates): dropped from every label.
_CONTROL = dict.fromkeys([*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, *range(0xD800, 0xE000)])
_DOT_ESCAPES = str.maketrans({**_CONTROL, "\t": " ", "\\": "\\\\", '"': '\\"', "\n": "\\n"})
_MERMAID_ESCAPES = str.maketrans(
    {
        "#": "#35;",
        '"': "#quot;",
        "&": "#amp;",
        "<": "#lt;",
        ">": "#gt;",
        ";": "#59;",
        "[": "#91;",
        "]": "#93;",
        "(": "#40;",
        ")": "#41;",
        "{": "#123;",
        "}": "#125;",
        "|": "#124;",
        "`": "#96;",
        **_CONTROL,
        "\t": " ",
        "\n": "<br>",
    }
)
_PLAIN_ID = re.compile(r"[A-Za-z0-9_]+")


def dot_quote(text: Any) -> str:
    r"""``text`` as a DOT double-quoted string: backslash, quote and newline escaped.

    >>> print(dot_quote('tech:semi "HBM" \\ 반도체'))
    "tech:semi \"HBM\" \\ 반도체"
    """
    return '"' + str(text).translate(_DOT_ESCAPES) + '"'


def _groups(G: nx.DiGraph) -> dict[Any, list[Hashable]]:
    """Nodes by field, fields in the order of ``G.graph["fields"]`` then first appearance."""
    groups: dict[Any, list[Hashable]] = {f: [] for f in G.graph.get("fields", {})}
    for n, field in G.nodes(data="field"):
        groups.setdefault(field, []).append(n)
    return {f: nodes for f, nodes in groups.items() if nodes}


def to_dot(G: nx.DiGraph, *, lang: str = "ko", fontname: str = DEFAULT_FONT) -> str:
    """Graphviz DOT text of ``G``: one cluster per field, labels in ``lang``.

    Render it with ``dot -Tsvg roadmap.dot -o roadmap.svg``. ``fontname`` must name a font
    with Hangul for Korean labels to show in PNG output.
    """
    check_lang(lang)
    font = dot_quote(fontname)
    lines = [f"digraph {dot_quote(G.graph.get('roadmap', {}).get('id', 'roadmap'))} {{"]
    title = roadmap_title(G, lang)
    graph_attrs = f"fontname={font}, rankdir=\"TB\""
    if title:
        graph_attrs += f", label={dot_quote(title)}, labelloc=\"t\""
    lines += [
        f"  graph [{graph_attrs}];",
        f"  node [fontname={font}, shape=\"box\", style=\"filled\", fillcolor=\"white\"];",
        f"  edge [fontname={font}, fontsize=\"10\"];",
    ]
    for i, (field, nodes) in enumerate(_groups(G).items()):
        indent = "  "
        if field is not None:
            lines.append(f"  subgraph {dot_quote(f'cluster_{i}_{field}')} {{")
            lines.append(f"    label={dot_quote(field_label(G, field, lang))}; style=\"rounded\";")
            indent = "    "
        for n in nodes:
            lines.append(f"{indent}{dot_quote(n)} [{_dot_node_attrs(n, G.nodes[n], lang)}];")
        if field is not None:
            lines.append("  }")
    places = alternative_places(G)
    for u, v, d in G.edges(data=True):
        lines.append(f"  {dot_quote(u)} -> {dot_quote(v)}{_dot_edge_attrs(d, lang, places.get((u, v)))};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dot_node_attrs(n: Hashable, attrs: dict[str, Any], lang: str) -> str:
    label = node_label(n, attrs, lang)
    other = node_label(n, attrs, "ko" if lang == "en" else "en")
    tooltip = f"{n}\n{other}" if other != label else str(n)
    parts = [f"label={dot_quote(label)}", f"tooltip={dot_quote(tooltip)}"]
    if attrs.get("kind") in _DOT_SHAPES:
        shape, style = _DOT_SHAPES[attrs["kind"]]
        fill = _KIND_FILLS[attrs["kind"]]
        parts += [f"shape={dot_quote(shape)}", f"style={dot_quote(style)}", f"fillcolor={dot_quote(fill)}"]
    return ", ".join(parts)


def _dot_edge_attrs(d: dict[str, Any], lang: str, place: tuple[int, int, int] | None) -> str:
    if d.get("relation") == "supported_by":
        style = f'style="dotted", color="gray45", arrowhead="odot", label={dot_quote(edge_label(d, lang))}'
    elif d.get("group") is not None:
        label = dot_quote(edge_label(d, lang, alternatives=place))
        style = f'style="dashed", label={label}, any_of_group={dot_quote(d["group"])}'
    else:
        return ""
    return f" [{style}]"


def mermaid_text(text: Any) -> str:
    """``text`` with the characters Mermaid would parse replaced by entity codes.

    >>> mermaid_text('반도체 "초격차" [HBM] (a|b) #1; <x>')
    '반도체 #quot;초격차#quot; #91;HBM#93; #40;a#124;b#41; #35;1#59; #lt;x#gt;'
    """
    return str(text).translate(_MERMAID_ESCAPES)


def mermaid_ids(nodes: Iterable[Hashable], prefix: str = "n_") -> dict[Hashable, str]:
    """A valid, unique Mermaid id for each node: ``prefix`` + id, other characters as ``_``.

    >>> mermaid_ids(["end", "a:b", "a_b", "한글"])
    {'end': 'n_end', 'a:b': 'n_a_b_2', 'a_b': 'n_a_b', '한글': 'n___'}
    """
    nodes = list(nodes)
    ids: dict[Hashable, str] = {}
    plain = [n for n in nodes if _PLAIN_ID.fullmatch(str(n))]
    for n in plain:
        ids[n] = prefix + str(n)
    used = set(ids.values())
    for n in nodes:
        if n in ids:
            continue
        base = prefix + re.sub(r"[^A-Za-z0-9_]", "_", str(n))
        candidate, k = base, 2
        while candidate in used:
            candidate, k = f"{base}_{k}", k + 1
        ids[n] = candidate
        used.add(candidate)
    return {n: ids[n] for n in nodes}


def to_mermaid(G: nx.DiGraph, *, lang: str = "ko") -> str:
    """A Mermaid ``flowchart`` of ``G`` for Markdown: one ``subgraph`` per field.

    Paste it into a ```` ```mermaid ```` block (GitHub, GitLab and MkDocs render it).
    """
    check_lang(lang)
    ids = mermaid_ids(G)
    field_ids = mermaid_ids([f for f in _groups(G) if f is not None], prefix="f_")
    lines = ["flowchart TB"]
    title = roadmap_title(G, lang)
    if title:
        lines.append("  %% " + " ".join(title.translate(_CONTROL).split()))  # a comment: only a line break would end it
    for field, nodes in _groups(G).items():
        indent = "  "
        if field is not None:
            lines.append(f'  subgraph {field_ids[field]}["{mermaid_text(field_label(G, field, lang))}"]')
            indent = "    "
        for n in nodes:
            opening, closing = _MERMAID_SHAPES.get(G.nodes[n].get("kind"), ('["', '"]'))
            lines.append(f"{indent}{ids[n]}{opening}{mermaid_text(node_label(n, G.nodes[n], lang))}{closing}")
        if field is not None:
            lines.append("  end")
    places = alternative_places(G)
    for u, v, d in G.edges(data=True):
        if d.get("relation") == "supported_by":
            arrow = f'--o|"{mermaid_text(edge_label(d, lang))}"|'
        elif d.get("group") is not None:
            arrow = f'-.->|"{mermaid_text(edge_label(d, lang, alternatives=places.get((u, v))))}"|'
        else:
            arrow = "-->"
        lines.append(f"  {ids[u]} {arrow} {ids[v]}")
    for kind, fill in _KIND_FILLS.items():
        members = [ids[n] for n, k in G.nodes(data="kind") if k == kind]
        if members:
            lines.append(f"  classDef {kind} fill:{fill},stroke:#555")
            lines.append(f"  class {','.join(members)} {kind}")
    return "\n".join(lines) + "\n"
