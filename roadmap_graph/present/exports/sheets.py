"""The roadmap as a workbook (``export --format xlsx``) or a folder of CSV files, one per
sheet (``export --format csv``), in the layout of :mod:`roadmap_graph.fileformat.sheets`:
``roadmap-graph import`` reads either back into an equal roadmap.

CSV text goes through :func:`~roadmap_graph.present.csvtext.csv_text` (a text cell that
begins like a formula gets a ``'`` in front, which the import takes off); the file writer
adds the byte order mark Excel needs to read UTF-8. In the workbook every text is a text
cell (a name beginning with ``=`` is not a formula) and numbers are numbers.

>>> import roadmap_graph as rg
>>> texts = to_sheet_csvs(rg.load_roadmap())
>>> texts[3].splitlines()[0]
'id,kind,field,name,name_en,description,description_en,category,provenance,requires,any_of,supported_by'
"""

from __future__ import annotations

import io

from ...errors import RoadmapGraphError
from ...fileformat.model import Roadmap
from ...fileformat.sheets import SHEETS, escape_csv_text, roadmap_tables
from ...vocabulary import Message
from ..csvtext import csv_text

#: The files a CSV export writes into its folder, one per sheet.
SHEET_FILES = tuple(f"{name}.csv" for name in SHEETS)


def to_sheet_csvs(roadmap: Roadmap) -> tuple[str, ...]:
    """The text of each CSV file of :data:`SHEET_FILES` (header row first, CRLF line ends)."""
    return tuple(
        csv_text(columns, ([escape_csv_text(c) for c in row] for row in rows), lineterminator="\r\n")
        for columns, rows in roadmap_tables(roadmap).values()
    )


def to_xlsx(roadmap: Roadmap) -> bytes:
    """The workbook: one sheet per sheet of the layout, the header row bold and frozen.

    Raises
    ------
    RoadmapGraphError
        When openpyxl is not installed (``pip install 'roadmap-graph[xlsx]'``).
    """
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter
    except ImportError:
        raise RoadmapGraphError(Message("sheets.xlsx_missing")) from None
    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for name, (columns, rows) in roadmap_tables(roadmap).items():
        sheet = book.create_sheet(name)
        sheet.append(list(columns))
        for cell in sheet[1]:
            cell.font = bold
        widths = [len(c) for c in columns]
        for r, row in enumerate(rows, start=2):
            for j, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, float) and float(f"{value:.16g}") != value:
                    value = repr(value)  # openpyxl writes 16 digits; the import reads the text as the number
                cell = sheet.cell(row=r, column=j + 1, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # text, even when it begins with '=': never a formula
                    widths[j] = max(widths[j], min(_width(value), 60))
                else:
                    widths[j] = max(widths[j], len(str(value)))
        sheet.freeze_panes = "A2"
        for j, width in enumerate(widths):
            sheet.column_dimensions[get_column_letter(j + 1)].width = width + 2
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _width(text: str) -> int:
    """How many columns ``text`` takes on screen: a Hangul or CJK character takes two."""
    return sum(2 if "\u1100" <= c <= "\uffdc" else 1 for c in text)
