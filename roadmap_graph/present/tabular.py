"""Writing results for people and for programs: aligned tables, JSON and CSV.

Tables align Korean correctly (Hangul is twice as wide as Latin in a terminal). JSON keeps
Korean as Korean (``ensure_ascii=False``) and ends with a newline. CSV has a header row.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Sequence
from typing import Any


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: 2 for wide (Hangul, CJK) characters, else 1."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], *, right: Sequence[int] = ()) -> str:
    """Render ``rows`` under ``headers`` as aligned text columns.

    ``right`` lists the indexes of columns to align right (numbers).
    """
    cells = [[str(h) for h in headers], *[["" if c is None else str(c) for c in r] for r in rows]]
    widths = [max(display_width(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        parts = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - display_width(cell))
            parts.append(pad + cell if i in right else cell + pad)
        return "  ".join(parts).rstrip()

    rule = "  ".join("─" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *(line(r) for r in cells[1:])])


def to_json(value: Any) -> str:
    """``value`` as indented JSON with Korean kept readable, ending in a newline."""
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def to_csv(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """``rows`` as CSV text with a header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(["" if c is None else c for c in row] for row in rows)
    return buffer.getvalue()
