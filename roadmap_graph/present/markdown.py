"""Result tables as Markdown: for a pull-request comment, a review memo or a wiki page.

:func:`markdown_result` renders any result (:mod:`roadmap_graph.analyses.result`) from the
same table description as the text, CSV and HTML views: its heading as a level-2 heading,
each table under a level-3 heading as a pipe table (GitHub-flavoured), its note below in
italics. Cells are escaped so that a ``|``, a backtick or a line break in a name cannot
break the table; ids and codes are set in code spans.

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> print(markdown_result(rg.redundancy(G, ["bio_mission_vaccine"]), G, "en").splitlines()[0])
| mission | name | κ | meaning | gateways, nearest first |
"""

from __future__ import annotations

import networkx as nx

from ..analyses.result import Column, Table, Tabular
from ..vocabulary import Message
from .tables import header, shown

_CODE = frozenset({"id", "code", "location", "nodes"})


def cell(column: Column, value: object, G: nx.DiGraph, lang: str) -> str:
    """One cell as Markdown: escaped, on one line; ids and codes as code spans."""
    return escape(shown(column, value, G, lang), code=column.kind in _CODE)


def escape(content: str, *, code: bool = False) -> str:
    """``content`` on one line, safe inside a pipe table: a code span, or text whose
    Markdown marks are escaped."""
    content = " ".join(content.split())
    if not content:
        return ""
    if code:
        return "`" + content.replace("`", "'").replace("|", "\\|") + "`"
    for mark in ("\\", "|", "*", "_", "`", "<", "[", "]"):
        content = content.replace(mark, "\\" + mark)
    return content


def markdown_table(table: Table, G: nx.DiGraph, lang: str) -> str:
    """The table under its title (level 3), with its note; numbers aligned right."""
    keep = table.shown("display")
    columns = [table.columns[i] for i in keep]
    parts = []
    if table.title is not None:
        parts.append(f"### {table.title.text(lang)}")
    if table.rows:
        rule = ["---:" if c.numeric else "---" for c in columns]
        lines = ["| " + " | ".join(escape(header(c, G, lang)) for c in columns) + " |"]
        lines.append("| " + " | ".join(rule) + " |")
        lines += ["| " + " | ".join(cell(c, row[i], G, lang) for c, i in zip(columns, keep)) + " |" for row in table.rows]
        parts.append("\n".join(lines))
    else:
        parts.append((table.empty or Message("word.none")).text(lang))
    if table.note is not None:
        parts.append(f"_{table.note.text(lang)}_")
    return "\n\n".join(parts)


def markdown_result(result: Tabular, G: nx.DiGraph, lang: str) -> str:
    """Every table of ``result`` as Markdown under its heading, ending in a newline."""
    heading = result.heading()
    parts = [f"## {heading.text(lang)}"] if heading is not None else []
    parts += [markdown_table(t, G, lang) for t in result.tables()]
    return "\n\n".join(parts) + "\n"

