"""Load a portfolio file (YAML, CSV, or the first sheet of an XLSX workbook) into one
validated :class:`~roadmap_graph.fileformat.portfolio.Portfolio`.

The three formats give the same model, and the same loader standards as roadmaps apply:
every problem of the file is reported in one run, each at its place, as a
:class:`~roadmap_graph.errors.RoadmapLoadError` (exit status 3 on the command line):

* YAML (or JSON): ``file:line:col``, read by :mod:`.parsing` with the roadmap's defences
  (:class:`~.limits.Limits`, tags, duplicate keys, ...). Budget years are the keys of
  ``budget`` (``{2025: 120}``); money is a plain number (``6065``, not ``"6,065"``).
* CSV (UTF-8, with or without a byte-order mark): ``file:row:col``, the row counted with
  the header as row 1 and the column counted from 1 (the same as line and column while no
  cell holds a line break).
* XLSX (the first sheet; needs the optional ``openpyxl``, ``pip install
  'roadmap-graph[xlsx]'``): ``file:Sheet!C7``. A formula cell counts as the value the
  workbook saved with it.

A spreadsheet has one header row and one row per programme. Its columns:

=====================  =================================================================
``id``, ``name``       required: the programme's id (a slug) and name
``unit``               required: the currency unit, e.g. ``억원``: one unit for the whole
                       file (a row may leave the cell empty; two different units are an
                       error)
``funds``              required: the roadmap node ids it pays for, separated by ``;``,
                       each with an optional share: ``a;b`` or ``a=0.6;b=0.4``
``2024``, ``2025``...  one column per year, holding that year's budget. An empty cell is
                       no money that year; a programme whose year cells are all empty has
                       an *unknown* budget (no public figure), never zero. A number may
                       carry thousands separators: ``6,065`` is read as 6065.
optional               ``name_en``, ``ministry``, ``ministry_en``, ``start``, ``end``,
                       ``provenance`` (stated | inferred), ``note``; one source per row in
                       ``source_url``, ``source_title``, ``source_quote``,
                       ``source_date``, ``source_note``; the portfolio's header in
                       ``portfolio_id``, ``portfolio_title`` (both default to the file's
                       name), ``portfolio_title_en``, ``unit_en``, ``portfolio_roadmap``,
                       ``portfolio_note``, ``portfolio_note_en`` (like ``unit``: one value
                       for the file)
=====================  =================================================================

Column names are read without case or surrounding spaces. An unknown column is an error
(with a did-you-mean), never dropped; so are a cell that is not a number where one is
needed, a duplicate programme id, a share outside (0, 1] or shares not adding up to 1, an
end before the start, and, when the roadmap's ``nodes`` are given, a funded node id that
is not one of them (with a did-you-mean). Fully empty rows are skipped.

>>> portfolio = load_portfolio(resolve_portfolio("kr_nst_roadmap_2_portfolio_example"))
>>> portfolio.portfolio.unit
'억원'
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import os
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..errors import Location, Problem, RoadmapLoadError
from ..outputs import protect_file
from ..vocabulary import Message, Suggester, Verbatim, did_you_mean, verbatim
from .limits import Limits
from .loading import _refused_parts, translate_errors, value_message
from .parsing import PathKey, clean_text, decode, parse_text, read_file
from .portfolio import Citation, Funding, Portfolio, PortfolioInfo, Programme

PathLike = str | os.PathLike[str]

#: The folder of the bundled portfolios, inside the bundled graphs folder.
PORTFOLIO_FOLDER = "portfolios"

#: The columns a portfolio spreadsheet must have (besides its year columns).
REQUIRED_COLUMNS = ("id", "name", "unit", "funds")
_PROGRAMME_COLUMNS = ("id", "name", "name_en", "ministry", "ministry_en", "start", "end", "provenance", "note")
#: Source columns and the key of the programme's one source each fills.
SOURCE_COLUMNS = {
    "source_url": "url",
    "source_title": "title",
    "source_quote": "quote",
    "source_date": "date",
    "source_note": "note",
}
#: Header columns (one value for the whole file) and the key of ``portfolio`` each fills.
HEADER_COLUMNS = {
    "unit": "unit",
    "unit_en": "unit_en",
    "portfolio_id": "id",
    "portfolio_title": "title",
    "portfolio_title_en": "title_en",
    "portfolio_roadmap": "roadmap",
    "portfolio_note": "note",
    "portfolio_note_en": "note_en",
}
#: Every named column a portfolio spreadsheet may have, in the order a writer puts them.
COLUMNS: tuple[str, ...] = (
    *_PROGRAMME_COLUMNS[:5],
    "funds",
    *_PROGRAMME_COLUMNS[5:],
    *SOURCE_COLUMNS,
    *HEADER_COLUMNS,
)
_YEAR_COLUMN = re.compile(r"^[0-9]{4}$")
_THOUSANDS = re.compile(r"^[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$")
_SLUG = re.compile(r"^[a-z][a-z0-9_]*$")


def load_portfolio(path: PathLike, *, nodes: Collection[str] | None = None, limits: Limits | None = None) -> Portfolio:
    """Load the portfolio in ``path``: YAML (``.yaml``, ``.yml``, ``.json``), CSV (``.csv``)
    or the first sheet of an XLSX workbook (``.xlsx``, ``.xlsm``), chosen by its extension.

    ``nodes``, the ids of the roadmap the portfolio is laid over, makes a funded id that is
    not among them a problem (with a did-you-mean). ``limits`` are those of
    :func:`~roadmap_graph.fileformat.loading.load_roadmap` (``nodes`` bounds the rows).

    Raises
    ------
    RoadmapLoadError
        With every problem of the file, each located.
    """
    name = os.fspath(path)
    limits = limits or Limits.from_environment()
    suffix = Path(name).suffix.lower()
    if suffix == ".xls":
        raise RoadmapLoadError([Problem(Location(name), Message("portfolio.load.xls_old"))])
    raw, problems = read_file(name, limits)
    if raw is None:
        raise RoadmapLoadError(problems)
    protect_file(name)
    if suffix in (".xlsx", ".xlsm"):
        sheet = _xlsx_sheet(name, raw, limits)
    else:
        text, problems = decode(name, raw)
        if text is None:
            raise RoadmapLoadError(problems)
        if suffix != ".csv":
            return _load_yaml(name, text, limits, nodes)
        sheet = _csv_sheet(name, text, limits)
    return _load_sheet(sheet, limits, nodes)


def bundled_portfolio_names() -> tuple[str, ...]:
    """The names of the bundled portfolios (their file names without ``.yaml``)."""
    from .bundled import graphs_dir

    folder = graphs_dir() / PORTFOLIO_FOLDER
    return tuple(sorted(p.stem for p in folder.glob("*.yaml"))) if folder.is_dir() else ()


def bundled_portfolio_path(name: str) -> Path:
    """The file of the bundled portfolio ``name`` (see :func:`bundled_portfolio_names`)."""
    from .bundled import graphs_dir

    return graphs_dir() / PORTFOLIO_FOLDER / f"{name}.yaml"


def resolve_portfolio(spec: str) -> Path:
    """The portfolio file ``spec`` names: a path, or the name of a bundled portfolio.

    A path that exists is returned as it is (loading says what is wrong with it); otherwise
    ``spec`` (with or without ``.yaml``) must name a bundled portfolio.

    Raises
    ------
    RoadmapLoadError
        When ``spec`` is neither, with a did-you-mean among the bundled names.
    """
    if os.path.lexists(spec):
        return Path(spec)
    names = bundled_portfolio_names()
    stem = spec[: -len(".yaml")] if spec.endswith(".yaml") else spec
    if stem in names:
        return bundled_portfolio_path(stem)
    message = Message(
        "portfolio.load.not_found", spec=verbatim(spec), hint=did_you_mean(stem, names), names=verbatim(", ".join(names))
    )
    raise RoadmapLoadError([Problem(Location(spec), message)])


# --- YAML -------------------------------------------------------------------------------


def _load_yaml(path: str, text: str, limits: Limits, nodes: Collection[str] | None) -> Portfolio:
    parsed = parse_text(path, text, limits)
    if parsed.data is None:
        raise RoadmapLoadError(parsed.problems)
    data = parsed.data
    if not isinstance(data, dict):
        from .loading import describe_type

        raise RoadmapLoadError([*parsed.problems, Problem(parsed.locate(()), Message("load.not_mapping", what=describe_type(data)))])
    _budget_years_as_numbers(data)

    def locate(loc: PathKey, key: bool) -> Location:
        # pydantic names a budget year by the number it read, the parser by the text written
        parts = [str(p) if i == 3 and loc[2:3] == ("budget",) else p for i, p in enumerate(loc)]
        if parts[-1:] == ["[key]"]:
            parts, key = parts[:-1], True
        return parsed.locate(tuple(parts), key=key)

    def order(problem: Problem) -> tuple[int, int]:
        where = problem.location
        return (where.line or 0, where.column or 0) if where else (0, 0)

    portfolio, problems = _validate(
        data, locate=locate, describe=lambda loc: _describe_yaml(data, loc), nodes=nodes, skip=_refused_parts(parsed)
    )
    problems = parsed.problems + problems
    if problems:
        raise RoadmapLoadError(sorted(dict.fromkeys(problems), key=order))
    assert portfolio is not None
    return portfolio


def _budget_years_as_numbers(data: dict[str, Any]) -> None:
    """``budget: {2025: 120}``: the parser keeps every key as the text written; a year is a number."""
    programmes = data.get("programmes")
    for programme in programmes if isinstance(programmes, list) else []:
        budget = programme.get("budget") if isinstance(programme, dict) else None
        if isinstance(budget, dict):
            programme["budget"] = {int(k) if k.isascii() and k.isdigit() else k: v for k, v in budget.items()}


def _describe_yaml(data: Any, loc: PathKey) -> str:
    """``programmes[2] (p_id).budget.2025``: a path a person can find in the file."""
    text = ""
    for i, part in enumerate(loc):
        if part == "[key]":
            continue
        if isinstance(part, int) and not (i == 3 and loc[2:3] == ("budget",)):
            text += f"[{part}]"
            if i == 1 and loc[0] == "programmes":
                item = data["programmes"][part] if isinstance(data.get("programmes"), list) and part < len(data["programmes"]) else None
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    text += f" ({item['id']})"
        else:
            text += f".{part}" if text else str(part)
    return text


# --- what every format shares -----------------------------------------------------------


def _model_at(loc: PathKey) -> type[BaseModel] | None:
    """The model that validates the mapping at ``loc`` (its keys are the allowed ones)."""
    names = [p for p in loc if isinstance(p, str)]
    if not names:
        return Portfolio
    if names == ["portfolio"]:
        return PortfolioInfo
    if names == ["programmes"] and isinstance(loc[-1], int):
        return Programme
    if isinstance(loc[-1], int) and names[-1] == "funds":
        return Funding
    if isinstance(loc[-1], int) and names[-1] == "sources":
        return Citation
    return None


#: The field a programme-wide rule is about, where its problem is shown.
_RULE_FIELD = {
    "programme_years": "end",
    "budget_before_start": "start",
    "budget_after_end": "end",
    "share_some": "funds",
    "share_total": "funds",
    "funds_twice": "funds",
}


def _value_message(kind: str, error: Any, loc: PathKey, what: Verbatim) -> Message:
    """Pydantic's error on a portfolio value, worded for a portfolio (money, shares, years)."""
    ctx = error.get("ctx") or {}
    got = verbatim(repr(error.get("input")))
    if kind in _RULE_FIELD or kind == "citation_empty":
        return Message(f"portfolio.load.{kind}", **{k: verbatim(v) for k, v in ctx.items()})
    in_budget = loc[2:3] == ("budget",)
    if in_budget and loc[-1] == "[key]":
        return Message("portfolio.load.budget_year", what=what, got=verbatim(repr(loc[-2])))
    if in_budget and kind == "greater_than_equal":
        return Message("portfolio.load.money", what=what, got=got)
    if loc[-1:] == ("share",) and kind in ("greater_than", "less_than_equal"):
        return Message("portfolio.load.share_range", what=what, got=got)
    return value_message(kind, error, loc, what)


def _validate(
    data: dict[str, Any],
    *,
    locate: Callable[[PathKey, bool], Location],
    describe: Callable[[PathKey], str],
    nodes: Collection[str] | None,
    skip: frozenset[PathKey] | set[PathKey] = frozenset(),
    reported: Collection[str] = (),
) -> tuple[Portfolio | None, list[Problem]]:
    """The portfolio ``data`` holds, and every problem of it: the schema's, a programme id
    used twice, a funded id that is not one of ``nodes``. A missing key named in
    ``reported`` is not a problem again (a spreadsheet without that column already is)."""

    def where(loc: PathKey, key: bool) -> Location:
        return locate(loc, key)

    problems: list[Problem] = []
    portfolio = None
    try:
        portfolio = Portfolio.model_validate(data)
    except ValidationError as err:
        errors = err.errors(include_url=False)
        errors += _rules_of_broken_programmes(data, errors)
        errors = [e for e in errors if not (e["type"] == "missing" and e["loc"][-1] in reported)]
        for error in errors:  # a rule over the whole programme is shown at the field it is about
            if error["type"] in _RULE_FIELD and len(error["loc"]) == 2:
                error["loc"] = (*error["loc"], _RULE_FIELD[error["type"]])
        problems += translate_errors(
            errors,
            locate=where,
            describe=describe,
            model_at=_model_at,
            skip=skip,
            word_value=_value_message,
        )
    problems += _reference_problems(data, nodes, where)
    return portfolio, problems


def _rules_of_broken_programmes(data: dict[str, Any], errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """The programme-wide rules (end before start, shares adding up, ...) of programmes with
    a broken field: pydantic checks them only on a programme whose every field is sound, so
    each such programme is checked again without its broken fields, to report every
    problem in one run."""
    broken: dict[int, set[str]] = {}
    for error in errors:
        loc = error["loc"]
        if len(loc) >= 3 and loc[0] == "programmes" and isinstance(loc[1], int) and isinstance(loc[2], str):
            broken.setdefault(loc[1], set()).add(loc[2])
    programmes = data.get("programmes")
    found: list[ErrorDetails] = []
    for i, keys in sorted(broken.items()):
        item = programmes[i] if isinstance(programmes, list) and i < len(programmes) else None
        if not isinstance(item, dict):
            continue
        sound = {k: v for k, v in item.items() if k not in keys and k in Programme.model_fields}
        sound.setdefault("id", "x")
        sound.setdefault("name", "x")
        try:
            Programme.model_validate(sound)
        except ValidationError as err:
            found += [{**e, "loc": ("programmes", i)} for e in err.errors(include_url=False) if not e["loc"]]
    return found


def _reference_problems(
    data: dict[str, Any], nodes: Collection[str] | None, locate: Callable[[PathKey, bool], Location]
) -> list[Problem]:
    """A programme id used twice; a funded id that is not a node of the roadmap."""
    problems: list[Problem] = []
    programmes = data.get("programmes")
    known = frozenset(nodes) if nodes is not None else None
    suggester = Suggester(sorted(known)) if known is not None else None
    first: dict[str, int] = {}
    for i, programme in enumerate(programmes if isinstance(programmes, list) else []):
        if not isinstance(programme, dict):
            continue
        pid = programme.get("id")
        if isinstance(pid, str):
            if pid in first:
                message = Message(
                    "portfolio.load.duplicate_programme", id=verbatim(pid), first=verbatim(locate(("programmes", first[pid], "id"), False))
                )
                problems.append(Problem(locate(("programmes", i, "id"), False), message))
            first.setdefault(pid, i)
        funds = programme.get("funds")
        if known is None or suggester is None or not isinstance(funds, list):
            continue
        for k, item in enumerate(funds):
            node = item.get("id") if isinstance(item, dict) else item
            if isinstance(node, str) and _SLUG.match(node) and node not in known:
                message = Message(
                    "portfolio.load.unknown_node",
                    programme=verbatim(pid if isinstance(pid, str) else f"#{i + 1}"),
                    node=verbatim(node),
                    hint=suggester.hint(node),
                )
                problems.append(Problem(locate(("programmes", i, "funds", k), False), message))
    return problems


# --- spreadsheets: CSV and XLSX ---------------------------------------------------------


@dataclass
class _Sheet:
    """A spreadsheet read as rows of cells, each cell ``(value, location)``; the rows keep
    their number (the header is row 1)."""

    path: str
    rows: list[tuple[int, list[tuple[Any, Location]]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: the (row, column) of each location, to put problems in reading order
    order: dict[Location, tuple[int, int]] = field(default_factory=dict)

    def cell(self, row: int, column: int, value: Any, where: Location) -> tuple[Any, Location]:
        self.order[where] = (row, column)
        return value, where


def _csv_sheet(path: str, text: str, limits: Limits) -> _Sheet:
    sheet = _Sheet(path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    number = 0
    try:
        for record in reader:
            number += 1
            if number > limits.nodes + 1:
                sheet.problems.append(Problem(Location(path, number, 1), Message("portfolio.load.too_many_rows", limit=limits.nodes)))
                break
            cells = [sheet.cell(number, j + 1, value, Location(path, number, j + 1)) for j, value in enumerate(record)]
            sheet.rows.append((number, cells))
    except csv.Error as err:  # the text is not CSV from here on: what follows would only mislead
        raise RoadmapLoadError([Problem(Location(path, number + 1, 1), Message("portfolio.load.csv_error", detail=verbatim(err)))]) from None
    return sheet


def _xlsx_sheet(path: str, raw: bytes, limits: Limits) -> _Sheet:
    """The first sheet of the workbook ``raw`` (see :func:`xlsx_sheets`)."""
    return xlsx_sheets(path, raw, limits, first_only=True)[0][1]


def xlsx_sheets(path: str, raw: bytes, limits: Limits, *, first_only: bool = False) -> list[tuple[str, _Sheet]]:
    """Every sheet of the XLSX workbook ``raw`` as ``(title, sheet)``, in the workbook's
    order, each cell located ``file.xlsx:Sheet!C7``. A formula cell counts as the value the
    workbook saved with it (a problem when there is none); a text cell that merely begins
    with ``=`` is text. At most ``limits.nodes`` rows per sheet are read.

    Raises
    ------
    RoadmapLoadError
        When openpyxl is missing (``pip install 'roadmap-graph[xlsx]'``) or the file is not
        a workbook with at least one sheet.
    """
    try:
        import openpyxl
    except ImportError:
        raise RoadmapLoadError([Problem(Location(path), Message("portfolio.load.xlsx_missing"))]) from None
    import warnings

    from openpyxl.utils import get_column_letter

    def read(values_only: bool) -> list[tuple[str, list[list[tuple[Any, bool]]]]]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns of styles and extensions it skips
            book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=values_only)
            try:
                sheets = []
                for worksheet in book.worksheets[:1] if first_only else book.worksheets:
                    rows = []
                    for row in worksheet.iter_rows(min_row=1, min_col=1):
                        rows.append([(c.value, getattr(c, "data_type", None) == "f") for c in row])
                        if len(rows) > limits.nodes + 1:
                            break
                    sheets.append((str(worksheet.title), rows))
                if not sheets:
                    raise ValueError("the workbook has no sheet")
                return sheets
            finally:
                book.close()

    try:
        formulas = read(False)
        has_formula = any(f for _, rows in formulas for row in rows for _, f in row)
        saved = read(True) if has_formula else formulas
    except MemoryError:
        raise
    except Exception as err:  # a zip that is not a workbook, a broken part, no sheet at all
        detail = verbatim(f"{type(err).__name__}: {err}")
        raise RoadmapLoadError([Problem(Location(path), Message("portfolio.load.xlsx_unreadable", detail=detail))]) from None
    out = []
    for (title, rows), (_, kept_rows) in zip(formulas, saved, strict=True):
        sheet = _Sheet(path)
        for i, row in enumerate(rows):
            number = i + 1
            if number > limits.nodes + 1:
                where = Location(f"{path}:{title}!A{number}")
                sheet.problems.append(Problem(where, Message("portfolio.load.too_many_rows", limit=limits.nodes)))
                break
            cells = []
            for j, (value, formula) in enumerate(row):
                where = Location(f"{path}:{title}!{get_column_letter(j + 1)}{number}")
                if formula:
                    kept = kept_rows[i][j][0] if i < len(kept_rows) and j < len(kept_rows[i]) else None
                    if kept is None:
                        sheet.problems.append(Problem(where, Message("portfolio.load.formula_no_value", formula=verbatim(value))))
                    value = kept
                cells.append(sheet.cell(number, j + 1, value, where))
            sheet.rows.append((number, cells))
        out.append((title, sheet))
    return out


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _as_text(value: Any) -> str:
    """A cell as the text it shows: ``2025`` not ``2025.0``, a date as ``YYYY-MM-DD``."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _as_number(value: Any) -> float | int | None:
    """A budget cell as a number (``6,065`` is 6065), or ``None`` when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value if math.isfinite(value) else None
    text = _as_text(value).replace(" ", "")
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    if not re.fullmatch(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", text):
        return None
    number = float(text)
    if not math.isfinite(number):
        return None
    return int(number) if number.is_integer() and re.fullmatch(r"[+-]?[0-9]+", text) else number


def _as_year(value: Any) -> Any:
    """A ``start``/``end`` cell as a whole number when it is one; else as written, for the
    schema to say what is wrong with it."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*[0-9]+\s*", value):
        return int(value)
    return value


def _load_sheet(sheet: _Sheet, limits: Limits, nodes: Collection[str] | None) -> Portfolio:
    data, places, problems, absent = _sheet_data(sheet, limits)
    problems = sheet.problems + problems

    def locate(loc: PathKey, key: bool) -> Location:
        probe = tuple(p for p in loc if p != "[key]")
        while probe:
            if probe in places:
                return places[probe][1]
            probe = probe[:-1]
        return Location(sheet.path)

    def describe(loc: PathKey) -> str:
        probe = tuple(p for p in loc if p != "[key]")
        while probe:
            place = places.get(probe)
            if place is not None and place[0]:
                return place[0]
            probe = probe[:-1]
        return _describe_yaml(data, loc)

    portfolio, found = _validate(data, locate=locate, describe=describe, nodes=nodes, reported=absent)
    problems += found
    if problems:

        def order(problem: Problem) -> tuple[int, int]:
            where = problem.location
            if where is None:
                return (0, 0)
            return sheet.order.get(where) or (where.line or 0, where.column or 0)

        raise RoadmapLoadError(sorted(dict.fromkeys(problems), key=order))
    assert portfolio is not None
    return portfolio


def _sheet_data(
    sheet: _Sheet, limits: Limits
) -> tuple[dict[str, Any], dict[PathKey, tuple[str, Location]], list[Problem], set[str]]:
    """The portfolio a sheet holds, as the data a YAML file would give; where each value
    came from (``places[loc]``: its column's name and its cell); the problems of the sheet's
    own shape (columns, numbers, the one unit); the required keys no column gives (their
    absence is reported once, not once per row)."""
    problems: list[Problem] = []
    places: dict[PathKey, tuple[str, Location]] = {}
    stem = Path(sheet.path).stem
    rows = [(n, cells) for n, cells in sheet.rows if not all(_is_empty(v) for v, _ in cells)]
    if not rows:
        problems.append(Problem(Location(sheet.path), Message("portfolio.load.no_header")))
        return {"schema_version": 1, "portfolio": {"id": stem, "title": stem}}, places, problems, set(REQUIRED_COLUMNS)
    (_, header), body = rows[0], rows[1:]
    used = {j for _, cells in body for j, (v, _) in enumerate(cells) if not _is_empty(v)}

    def text(value: Any, where: Location) -> str | None:
        cleaned, problem = clean_text(_as_text(value), limits)
        if problem is not None:
            problems.append(Problem(where, problem))
        return cleaned

    # the header row: what each column is
    columns: dict[int, str | int] = {}
    first: dict[str | int, Location] = {}
    suggester = Suggester(COLUMNS)
    for j, (value, where) in enumerate(header):
        if _is_empty(value):
            if j in used:
                problems.append(Problem(where, Message("portfolio.load.unnamed_column")))
            continue
        written = text(value, where)
        if written is None:  # not text at all (the problem is recorded)
            continue
        name = written.lower()
        kind: str | int
        if _YEAR_COLUMN.match(name):
            kind = int(name)
        elif name in COLUMNS:
            kind = name
        else:
            hint = suggester.hint(name)
            message = Message("portfolio.load.unknown_column", column=verbatim(name), hint=hint, allowed=verbatim(", ".join(COLUMNS)))
            problems.append(Problem(where, message))
            continue
        if kind in first:
            problems.append(Problem(where, Message("portfolio.load.duplicate_column", column=verbatim(name), first=verbatim(first[kind]))))
            continue
        first[kind] = where
        columns[j] = kind
    start = header[0][1] if header else Location(sheet.path)
    for name in REQUIRED_COLUMNS:
        if name not in first:
            message = Message("portfolio.load.missing_column", column=verbatim(name), required=verbatim(", ".join(REQUIRED_COLUMNS)))
            problems.append(Problem(start, message))

    # the rows: one programme each; the header columns give one value for the file
    info: dict[str, Any] = {}
    programmes: list[dict[str, Any]] = []
    for _, cells in body:
        i = len(programmes)
        base: PathKey = ("programmes", i)

        def at(*parts: str | int, base: PathKey = base) -> PathKey:
            return base + parts
        places[base] = ("", cells[0][1])
        programme: dict[str, Any] = {}
        budget: dict[int, Any] = {}
        source: dict[str, Any] = {}
        extra = [j for j, (v, _) in enumerate(cells) if j >= len(header) and not _is_empty(v)]
        if extra:
            message = Message("portfolio.load.extra_cells", count=max(extra) + 1, columns=len(header))
            problems.append(Problem(cells[extra[0]][1], message))
        for j, kind in columns.items():
            if j >= len(cells) or _is_empty(cells[j][0]):
                continue
            value, where = cells[j]
            column = str(kind)
            if isinstance(kind, int):
                amount = _as_number(value)
                if amount is None:
                    problems.append(Problem(where, Message("portfolio.load.not_number", value=verbatim(_as_text(value)), column=verbatim(column))))
                    continue
                budget[kind] = amount
                places[at("budget", kind)] = (column, where)
            elif kind == "funds":
                places[at("funds")] = (column, where)
                programme["funds"] = _funds(text(value, where) or "", where, problems)
                for k in range(len(programme["funds"])):
                    places[at("funds", k)] = (column, where)
                    places[at("funds", k, "share")] = (column, where)
            elif kind in ("start", "end"):
                programme[kind] = _as_year(value)
                places[at(kind)] = (column, where)
            elif kind in SOURCE_COLUMNS:
                key = SOURCE_COLUMNS[kind]
                source[key] = text(value, where)
                places[at("sources", 0, key)] = (column, where)
                places.setdefault(at("sources", 0), (column, where))
                places.setdefault(at("sources"), (column, where))
            elif kind in HEADER_COLUMNS:
                key = HEADER_COLUMNS[kind]
                written = text(value, where)
                if key not in info:
                    info[key] = written
                    places[("portfolio", key)] = (column, where)
                elif written != info[key]:
                    message = Message(
                        "portfolio.load.header_conflict",
                        column=verbatim(column),
                        value=verbatim(written),
                        other=verbatim(info[key]),
                        first=verbatim(places[("portfolio", key)][1]),
                    )
                    problems.append(Problem(where, message))
            else:
                programme[kind] = text(value, where)
                places[at(kind)] = (column, where)
        if budget:
            programme["budget"] = budget
            places.setdefault(at("budget"), (str(min(budget)), places[at("budget", min(budget))][1]))
        if source:
            programme["sources"] = [source]
        programmes.append(programme)
    absent = {name for name in REQUIRED_COLUMNS if name not in first}
    if "unit" not in info and "unit" in first:
        problems.append(Problem(first["unit"], Message("portfolio.load.no_unit")))
        absent.add("unit")
    info.setdefault("id", stem)
    info.setdefault("title", stem)
    return {"schema_version": 1, "portfolio": info, "programmes": programmes}, places, problems, absent


def _funds(value: str, where: Location, problems: list[Problem]) -> list[Any]:
    """``a;b`` or ``a=0.6;b=0.4`` as the ``funds`` list of YAML (bare ids or ``{id, share}``)."""
    funds: list[Any] = []
    for part in value.split(";"):
        if not part.strip():
            continue
        node, equals, share = (p.strip() for p in part.partition("="))
        if not equals:
            funds.append(node)
            continue
        number = _as_number(share)
        if not node or number is None:
            problems.append(Problem(where, Message("portfolio.load.bad_funds", part=verbatim(part.strip()))))
            continue
        funds.append({"id": node, "share": float(number)})
    return funds
