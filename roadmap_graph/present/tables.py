"""Result tables as a person and a program read them: aligned text, CSV and HTML.

Every analysis describes its tables once (:mod:`roadmap_graph.analyses.result`); the three
renderers here read that description, so the terminal, the spreadsheet and the report show
the same columns with the same headers in the same language. A cell's *kind* says how it is
shown: in the display (text and HTML) a ``kind`` cell is a word (중점기술, core technology)
and a ``name`` cell a node's name; in CSV the same cells keep the raw id, lists are joined
with ``;`` and shares keep six decimals.

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> print(text_result(rg.gateways(G, mission="bio_mission_vaccine"), G, "en").splitlines()[0])
Advance infectious-disease response centred on mRNA (bio_mission_vaccine): gateways, nearest first
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Sequence
from typing import Any

import networkx as nx

from ..analyses.gaps import short_location
from ..analyses.result import Column, Table, Tabular
from ..vocabulary import Message, field_name, format_target, node_name, text
from .csvtext import csv_text
from .jsondata import json_text


def display_width(value: str) -> int:
    """Terminal columns ``value`` takes: 2 for wide (Hangul, CJK) characters, else 1."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in value)


def aligned(headers: Sequence[str], rows: Sequence[Sequence[str]], *, right: Sequence[bool] = ()) -> str:
    """``rows`` under ``headers`` as aligned text columns (Hangul counted twice as wide);
    ``right[i]`` aligns column ``i`` right."""
    cells = [list(headers), *[list(r) for r in rows]]
    widths = [max(display_width(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        parts = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - display_width(cell))
            parts.append(pad + cell if i < len(right) and right[i] else cell + pad)
        return "  ".join(parts).rstrip()

    rule = "  ".join("─" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *(line(r) for r in cells[1:])])


def to_json(value: Any) -> str:
    """``value`` as indented JSON with Korean kept readable, ending in a newline; a NaN or
    infinite number is refused (:func:`~roadmap_graph.present.jsondata.json_text`)."""
    return json_text(value, indent=2) + "\n"


# --- one cell ------------------------------------------------------------------------------


def header(column: Column, G: nx.DiGraph, lang: str) -> str:
    """The column's header in ``lang``: a catalogue key, a node's name (``"node:<id>"``) or a
    field's name (``"field:<id>"``; the id itself when no field has it)."""
    label = column.label
    if label.startswith("node:"):
        node = label[5:]
        return node_name(G.nodes[node], lang) if node in G else node
    if label.startswith("field:"):
        return field_name(G.graph.get("fields", {}), label[6:], lang)
    return text(label, lang)


def shown(column: Column, value: Any, G: nx.DiGraph, lang: str) -> str:
    """How a cell reads in a text table or a web page."""
    if hasattr(value, "text") and callable(value.text):  # a message or a user's text
        return str(value.text(lang))
    kind = column.kind
    if value is None:
        if kind == "target":
            return text("word.no_target", lang)
        return "—" if kind in ("kappa", "value") else ""
    if kind in ("name", "node"):
        return node_name(G.nodes[value], lang) if value in G else str(value)
    if kind == "kind_of":
        return text(f"kind.{G.nodes[value]['kind']}", lang)
    if kind == "field_of":
        return field_name(G.graph.get("fields", {}), G.nodes[value]["field"], lang)
    if kind == "kind":
        return text(f"kind.{value}", lang)
    if kind == "word":
        return text(f"{column.vocab}.{value}", lang)
    if kind == "words":
        return " ".join(text(f"{column.vocab}.{v}", lang) for v in value)
    if kind == "field":
        return field_name(G.graph.get("fields", {}), value, lang)
    if kind == "fields":
        fields = G.graph.get("fields", {})
        return ", ".join(field_name(fields, f, lang) for f in value)
    if kind == "nodes":
        return ", ".join(map(str, value))
    if kind == "counts":  # field → count: the field's name, as in every other display of a field
        fields = G.graph.get("fields", {})
        return ", ".join(f"{field_name(fields, k, lang)} {n}" for k, n in value.items())
    if kind == "percent":
        return f"{100 * value:.1f}%"
    if kind == "float":
        return f"{value:.3f}" if isinstance(value, float) else str(value)
    if kind == "money":
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    if kind == "target":
        return format_target(value, lang)
    if kind == "location":
        return str(short_location(value) or "")
    if kind == "value":
        return compact_value(value, lang)
    return str(value)


#: How many characters of a value a table cell shows (``"value"`` cells).
VALUE_CHARS = 60


def compact_value(value: Any, lang: str) -> str:
    """A value of a roadmap file in one short line: a target as a phrase, a list or
    mapping as compact JSON, anything past :data:`VALUE_CHARS` characters cut with ``…``."""
    if isinstance(value, dict) and "metric" in value:
        out = format_target(value, lang)
    elif isinstance(value, (list, dict)):
        out = json_text(value)
    elif isinstance(value, bool):
        out = "true" if value else "false"
    elif isinstance(value, float) and value.is_integer():
        out = str(int(value))  # 50, as the file says it, not 50.0
    else:
        out = str(value)
    out = " ".join(out.split())
    return out if len(out) <= VALUE_CHARS else out[: VALUE_CHARS - 1] + "…"


def data(column: Column, value: Any, G: nx.DiGraph, lang: str) -> Any:
    """How a cell reads in CSV: raw ids and words, lists joined with ``;``."""
    if hasattr(value, "text") and callable(value.text):
        return value.text(lang)
    if value is None:
        return ""
    kind = column.kind
    if kind == "name":
        return node_name(G.nodes[value], lang) if value in G else value
    if kind == "kind_of":
        return G.nodes[value]["kind"]
    if kind == "field_of":
        return G.nodes[value]["field"]
    if kind in ("nodes", "fields", "words"):
        return ";".join(map(str, value))
    if kind == "counts":
        return ";".join(f"{k}={n}" for k, n in value.items())
    if kind == "percent":
        return round(value, 6)
    if kind == "int" and isinstance(value, bool):
        return int(value)
    if kind == "value" and isinstance(value, (list, dict, bool)):
        return json_text(value)
    return value


# --- whole tables ----------------------------------------------------------------------------


def text_table(table: Table, G: nx.DiGraph, lang: str, *, limit: int | None = None) -> str:
    """The table as aligned text: its title, the rows (the first ``limit`` when given), the
    note."""
    keep = table.shown("display")
    columns = [table.columns[i] for i in keep]
    parts = []
    if table.title is not None:
        parts.append(table.title.text(lang))
    rows = table.rows[:limit] if limit else table.rows
    if rows:
        body = [[shown(c, row[i], G, lang) for c, i in zip(columns, keep)] for row in rows]
        parts.append(aligned([header(c, G, lang) for c in columns], body, right=[c.numeric for c in columns]))
        if len(rows) < len(table.rows):
            parts.append(text("word.more_rows", lang, n=len(table.rows) - len(rows)))
    else:
        parts.append((table.empty or Message("word.none")).text(lang))
    if table.note is not None:
        parts += ["", table.note.text(lang)]
    return "\n".join(parts)


def text_result(result: Tabular, G: nx.DiGraph, lang: str, *, limit: int | None = None) -> str:
    """Every table of ``result`` as text, under its heading; ``limit`` shortens the first."""
    heading = result.heading()
    parts = [heading.text(lang)] if heading is not None else []
    for i, table in enumerate(result.tables()):
        parts.append(text_table(table, G, lang, limit=limit if i == 0 else None))
    return "\n\n".join(parts)


def csv_table(table: Table, G: nx.DiGraph, lang: str) -> str:
    """The table's data columns as CSV text with a header row of column keys; text cells
    that a spreadsheet would run as a formula are neutralised
    (:func:`~roadmap_graph.present.csvtext.csv_text`)."""
    keep = table.shown("data")
    columns = [table.columns[i] for i in keep]
    rows = ([data(c, row[i], G, lang) for c, i in zip(columns, keep)] for row in table.rows)
    return csv_text([c.key for c in columns], rows)


def node_link(node: str, G: nx.DiGraph, lang: str) -> str:
    """A node's name as a link to its source quotes in the report (``#src-<id>``)."""
    if node not in G:  # a node of another version (a revision diff): no quotes here to link to
        return html.escape(node)
    return f'<a class="node" href="#src-{html.escape(node)}">{html.escape(node_name(G.nodes[node], lang))}</a>'


def html_cell(column: Column, value: Any, G: nx.DiGraph, lang: str) -> str:
    """A cell as HTML (escaped): node names link to their sources, ids are code."""
    if column.kind in ("name", "node") and value is not None and not hasattr(value, "text"):
        return node_link(value, G, lang)
    if column.kind == "nodes" and value:
        return ", ".join(node_link(v, G, lang) for v in value)
    content = html.escape(shown(column, value, G, lang))
    if column.kind in ("id", "code", "location") and content:
        return f"<code>{content}</code>"
    if column.vocab == "evidence" and value == "inferred":  # the one mark of a finding that rests on inference
        return f'<span class="rests-on-inference">{content}</span>'
    return content


def html_table(table: Table, G: nx.DiGraph, lang: str) -> str:
    """The table as a sortable HTML table (headers escaped, cells from :func:`html_cell`)."""
    keep = table.shown("display")
    columns = [table.columns[i] for i in keep]
    if not table.rows:
        return f"<p>{html.escape((table.empty or Message('word.none')).text(lang))}</p>"
    head = "".join(f'<th{_numeric(c)}>{html.escape(header(c, G, lang))}</th>' for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td{_numeric(c)}>{html_cell(c, row[i], G, lang)}</td>" for c, i in zip(columns, keep)) + "</tr>"
        for row in table.rows
    )
    return f'<table class="sortable" data-table="{html.escape(table.name)}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


_SHORT = frozenset({"id", "kind", "kind_of", "word", "words", "field", "field_of", "code", "location"})


def _numeric(column: Column) -> str:
    """The cell's class: numbers align right; short words and ids do not wrap; a column of
    vocabulary words also names its vocabulary (``w-severity``), so the report's style can
    hold one kind of word on one line whatever the table (a severity never wraps)."""
    if column.numeric:
        return ' class="num"'
    if column.kind not in _SHORT:
        return ""
    return f' class="short w-{html.escape(column.vocab)}"' if column.vocab else ' class="short"'
