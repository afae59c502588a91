"""CSV text: the one way the package writes CSV (the ``csv`` export and ``--format csv``).

**Formula injection.** A spreadsheet (Excel, LibreOffice, Google Sheets) runs a cell that
begins with ``=``, ``+``, ``-`` or ``@`` as a formula, and a tab or carriage return in front
can hide one; a roadmap's names and notes are text someone else wrote. As OWASP recommends,
every **text** cell that begins with one of those six characters gets a ``'`` in front
(``=HYPERLINK(...)`` is written ``'=HYPERLINK(...)``): the spreadsheet shows the text and runs
nothing. Header cells are text too. **Numbers stay numbers**: an ``int`` or ``float``
(``-3``, ``-0.5``) is written as it is, since a number is never a formula. A program that
reads the CSV back gets the ``'`` as part of the text; strip a leading ``'`` from a text
cell whose second character is one of the six to undo it.

>>> print(csv_text(["name", "value"], [["=1+1", -3], ["-x", 2.5], ["a-b", None]]), end="")
name,value
'=1+1,-3
'-x,2.5
a-b,
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["FORMULA_STARTS", "csv_text", "safe_cell"]

#: The first characters that make a spreadsheet read a text cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` as a CSV cell: ``None`` empty, text beginning like a formula with ``'`` in
    front, anything else (numbers) as it is."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(header: Sequence[Any], rows: Iterable[Sequence[Any]], *, lineterminator: str = "\n") -> str:
    """``header`` and ``rows`` as CSV text, every cell through :func:`safe_cell`.

    Quoting is RFC 4180's: a field is quoted when it holds a comma, a double quote, a line
    feed or a carriage return (the :mod:`csv` module quotes a carriage return only when it
    is part of ``lineterminator``, so with ``"\n"`` a cell's ``\r`` would end the row for
    every reader).
    """
    lines = [_row(header), *(_row(row) for row in rows)]
    return "".join(line + lineterminator for line in lines)


def _row(cells: Sequence[Any]) -> str:
    fields = [_field(safe_cell(c)) for c in cells]
    return '""' if fields == [""] else ",".join(fields)


def _field(value: Any) -> str:
    text = value if isinstance(value, str) else str(value)
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text
