"""Write a portfolio as the spreadsheets the loader reads (CSV, XLSX), for the tests.

Run as a script, it regenerates the CSV and XLSX twins of the bundled example portfolio in
``tests/data/`` (``test_portfolio_loading.py`` checks that the three load to one model)::

    .venv/bin/python tests/portfolio_sheets.py
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from roadmap_graph.fileformat.portfolio import Portfolio
from roadmap_graph.fileformat.portfolio_loading import COLUMNS, HEADER_COLUMNS, SOURCE_COLUMNS

DATA = Path(__file__).resolve().parent / "data"
EXAMPLE = "kr_nst_roadmap_2_portfolio_example"



def table(portfolio: Portfolio, *, thousands: bool = False) -> tuple[list[str], list[list[Any]]]:
    """The header and rows of ``portfolio`` as a sheet: raw values (numbers stay numbers;
    ``None`` for an empty cell). ``thousands`` writes budgets of 1,000 or more with
    thousands separators, as text (the loader reads ``6,065`` as 6065)."""
    years = sorted({y for p in portfolio.programmes for y in (p.budget or {})})
    header = [*COLUMNS, *map(str, years)]
    info = portfolio.portfolio
    rows = []
    for p in portfolio.programmes:
        if len(p.sources) > 1:
            raise ValueError(f"{p.id}: a sheet holds one source per programme")
        source = p.sources[0] if p.sources else None
        if p.funds and p.funds[0].share is not None:
            funds = ";".join(f"{f.id}={f.share!r}" for f in p.funds)
        else:
            funds = ";".join(f.id for f in p.funds)
        cells: dict[str, Any] = {
            "id": p.id,
            "name": p.name,
            "name_en": p.name_en,
            "ministry": p.ministry,
            "ministry_en": p.ministry_en,
            "funds": funds or None,
            "start": p.start,
            "end": p.end,
            "provenance": p.provenance,
            "note": p.note,
        }
        for column, key in SOURCE_COLUMNS.items():
            cells[column] = getattr(source, key) if source else None
        for column, key in HEADER_COLUMNS.items():
            cells[column] = getattr(info, key)
        for year in years:
            amount = (p.budget or {}).get(year)
            if amount is not None and thousands and amount >= 1000:
                amount = f"{amount:,}"
            cells[str(year)] = amount
        rows.append([cells[c] for c in header])
    return header, rows


def csv_text(portfolio: Portfolio, *, thousands: bool = False, bom: bool = False) -> str:
    """``portfolio`` as CSV text (UTF-8; with a byte-order mark when ``bom``)."""
    header, rows = table(portfolio, thousands=thousands)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else repr(v) if isinstance(v, float) else v for v in row])
    return ("\ufeff" if bom else "") + out.getvalue()


def write_csv(portfolio: Portfolio, path: Path, *, thousands: bool = False, bom: bool = False) -> None:
    path.write_bytes(csv_text(portfolio, thousands=thousands, bom=bom).encode("utf-8"))


def write_xlsx(portfolio: Portfolio, path: Path, *, thousands: bool = False, sheet: str = "programmes") -> None:
    """``portfolio`` as the first sheet of an XLSX workbook (needs openpyxl)."""
    import openpyxl

    header, rows = table(portfolio, thousands=thousands)
    book = openpyxl.Workbook()
    book.properties.created = book.properties.modified = dt.datetime(2025, 1, 1)
    worksheet = book.active
    worksheet.title = sheet
    worksheet.append([int(h) if h.isdigit() else h for h in header])  # year headers as numbers, as Excel keeps them
    for row in rows:
        worksheet.append(row)
    book.save(path)


def main() -> None:
    from roadmap_graph.fileformat.portfolio_loading import load_portfolio, resolve_portfolio

    portfolio = load_portfolio(resolve_portfolio(EXAMPLE))
    DATA.mkdir(exist_ok=True)
    write_csv(portfolio, DATA / f"{EXAMPLE}.csv", thousands=True, bom=True)
    write_xlsx(portfolio, DATA / f"{EXAMPLE}.xlsx")
    print(f"wrote {DATA / EXAMPLE}.csv and .xlsx")


if __name__ == "__main__":
    main()
