"""A roadmap as a workbook a person can fill in: sheets in and out, without loss.

``roadmap-graph export --format xlsx`` writes one workbook, ``--format csv`` a folder with
one CSV file per sheet (UTF-8 with a byte order mark, so that Excel shows Korean), and
``roadmap-graph import FILE.xlsx|FOLDER -o roadmap.yaml`` reads either back into a roadmap
file. ``export → import`` gives a roadmap equal to the original: every node, link, target,
source, quote, provenance, note and header key. No cell holds JSON.

The sheets (each has one header row of column names, then one row per item; a fully empty
row is skipped; column names are read without case or surrounding spaces):

``roadmap``   ``key``, ``value``: one row per header key: ``schema_version`` (1), ``id``,
              ``title``, ``title_en``, ``published`` (YYYY-MM-DD), ``horizon`` (a year), and
              the nested keys dotted: ``decision.body``, ``decision.body_en``,
              ``decision.meeting``, ``decision.meeting_en``, ``decision.action``,
              ``decision.action_en``, ``decision.date``, ``framing.text``,
              ``framing.text_en``, ``use.text``, ``use.text_en``, ``review.text``,
              ``review.text_en``, ``emphases.1.text``, ``emphases.1.text_en``,
              ``emphases.2.text``, ... (the emphases in the order of their numbers).
``sources``   the documents the roadmap is drawn from: ``id``, ``title``, ``url``, ``date``,
              ``note``, ``file``.
``fields``    ``id``, ``name``, ``name_en``, ``goal``, ``goal_en``, ``converges_with`` (field
              ids separated by ``;``), ``focus``, ``focus_en`` (the field's focus statement).
``nodes``     ``id``, ``kind``, ``field``, ``name``, ``name_en``, ``description``,
              ``description_en``, ``category``, ``provenance``, and the links:
              ``requires`` and ``supported_by`` as ids separated by ``;`` (``a; b``), and
              ``any_of`` as groups of alternatives: ``|`` between the alternatives of a
              group, ``;`` between groups (``a | b; c | d``: one of a and b, and one of c
              and d).
``links``     one row per link that carries evidence of its own: ``node``, ``target`` (the
              link from ``node`` to ``target``, which must be in that node's ``requires``,
              ``any_of`` or ``supported_by``), ``relation`` (written by the export:
              requires, any_of or supported_by; checked when given), ``provenance``,
              ``note``. A link with no row here is a bare id.
``targets``   one row per target, in order: ``node``, ``metric``, ``metric_en``, ``value``
              (a number), ``unit``, ``unit_en``, ``bound`` (at_least, up_to, exactly,
              milestone), ``comparator`` (the older >=, <=, ==), ``by`` (a year), ``note``.
``citations`` the quotes: ``owner``, ``source`` (a source id), ``quote``, ``note``; one row
              per quote, in order. ``owner`` says whose quote it is:
              ``ai_m`` (the node ai_m), ``ai_m > ai_t`` (the link from ai_m to ai_t),
              ``ai_m #2`` (ai_m's second target, counting its rows in ``targets``),
              ``field:ai``, ``field:ai.focus``, ``decision``, ``framing``, ``use``,
              ``review``, ``emphases.2``.
``ignore``    gap rules silenced: ``owner`` (a node id, or ``field:ai``), ``code``
              (RG202), ``reason``.

Only ``roadmap`` is required; a sheet that is not there is empty. In a folder, every
``.csv`` file is a sheet (named by the file); another sheet is an error (with a
did-you-mean), unless it is empty. Text is read as written
(leading and trailing spaces kept); ids, kinds and numbers are read without surrounding
spaces. In CSV a text cell that begins like a formula (``=``, ``+``, ``-``, ``@``) is written
with a ``'`` in front (see :mod:`roadmap_graph.present.csvtext`) and read without it.

Every problem of the workbook is reported in one run, each at its cell
(``roadmap.xlsx:nodes!D17`` or ``nodes.csv:17:4``), and the normal loader's checks
(references, layers, cycles) apply, as a :class:`~roadmap_graph.errors.RoadmapLoadError`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import Location, Problem, RoadmapLoadError
from ..outputs import protect_file, write_file
from ..vocabulary import Message, Suggester, did_you_mean, verbatim
from .limits import Limits
from .loading import _model_at, translate_errors
from .model import (
    BOUNDS,
    COMPARATOR_BOUND,
    KINDS,
    MEASURE_CATEGORIES,
    SCHEMA_VERSION,
    FieldInfo,
    Node,
    Roadmap,
    RoadmapInfo,
    Source,
)
from .parsing import PathKey, clean_text, decode, read_file
from .portfolio_loading import _as_number, _as_text, _as_year, _csv_sheet, _is_empty, _Sheet, xlsx_sheets
from .validation import find_problems

PathLike = str | os.PathLike[str]

#: The sheets, in the order the export writes them, and the columns of each.
COLUMNS: dict[str, tuple[str, ...]] = {
    "roadmap": ("key", "value"),
    "sources": ("id", "title", "url", "date", "note", "file"),
    "fields": ("id", "name", "name_en", "goal", "goal_en", "converges_with", "focus", "focus_en"),
    "nodes": (
        "id", "kind", "field", "name", "name_en", "description", "description_en", "category",
        "provenance", "requires", "any_of", "supported_by",
    ),
    "links": ("node", "target", "relation", "provenance", "note"),
    "targets": ("node", "metric", "metric_en", "value", "unit", "unit_en", "bound", "comparator", "by", "note"),
    "citations": ("owner", "source", "quote", "note"),
    "ignore": ("owner", "code", "reason"),
}  # fmt: skip
SHEETS: tuple[str, ...] = tuple(COLUMNS)
#: The columns a sheet must have, and whose cells may not be empty.
REQUIRED: dict[str, tuple[str, ...]] = {
    "roadmap": ("key", "value"),
    "sources": ("id",),
    "fields": ("id", "name"),
    "nodes": ("id", "kind", "field", "name"),
    "links": ("node", "target"),
    "targets": ("node", "metric"),
    "citations": ("owner", "source"),
    "ignore": ("owner", "code", "reason"),
}
#: The file extensions read as a workbook (anything else is a folder of CSV files).
XLSX_SUFFIXES = (".xlsx", ".xlsm")

_PROVENANCES = ("stated", "inferred")
_RELATIONS = ("requires", "any_of", "supported_by")
#: Columns whose value is one of a few words (checked with a did-you-mean).
_CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("nodes", "kind"): KINDS,
    ("nodes", "category"): MEASURE_CATEGORIES,
    ("nodes", "provenance"): _PROVENANCES,
    ("links", "provenance"): _PROVENANCES,
    ("links", "relation"): _RELATIONS,
    ("targets", "bound"): BOUNDS,
    ("targets", "comparator"): tuple(COMPARATOR_BOUND),
}
#: Columns read as words (ids, kinds, codes): without surrounding spaces.
_WORDS = frozenset(
    {
        ("sources", "id"), ("fields", "id"), ("nodes", "id"), ("nodes", "field"), ("links", "node"),
        ("links", "target"), ("targets", "node"), ("citations", "owner"), ("citations", "source"),
        ("ignore", "owner"), ("ignore", "code"), *_CHOICES,
    }
)  # fmt: skip
_ID_LISTS = frozenset({("fields", "converges_with"), ("nodes", "requires"), ("nodes", "supported_by")})
_DATES = frozenset({("sources", "date")})

_STATEMENTS = ("framing", "use", "review")
_DECISION_KEYS = ("body", "body_en", "meeting", "meeting_en", "action", "action_en", "date")
#: The keys of the ``roadmap`` sheet (besides ``emphases.N.text`` and ``emphases.N.text_en``).
HEADER_KEYS: tuple[str, ...] = (
    "schema_version", "id", "title", "title_en", "published", "horizon",
    *(f"decision.{k}" for k in _DECISION_KEYS),
    *(f"{s}.{k}" for s in _STATEMENTS for k in ("text", "text_en")),
)  # fmt: skip
_EMPHASIS_KEY = re.compile(r"^emphases\.([0-9]{1,4})\.(text|text_en)$")
_OWNER_LINK = re.compile(r"^([^\s>#]+)\s*>\s*([^\s>#]+)$")
_OWNER_TARGET = re.compile(r"^([^\s>#]+)\s*#\s*([0-9]{1,6})$")
#: What a spreadsheet runs as a formula (the same as :data:`roadmap_graph.present.csvtext.FORMULA_STARTS`).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Table = tuple[tuple[str, ...], list[list[Any]]]


# --- out: a roadmap as rows ----------------------------------------------------------------


def roadmap_tables(roadmap: Roadmap) -> dict[str, Table]:
    """The rows of each sheet of ``roadmap``'s workbook, by sheet name in :data:`SHEETS`
    order: ``(columns, rows)``, each cell a text, a number or ``None`` (empty)."""
    info = roadmap.roadmap
    header: list[list[Any]] = [["schema_version", roadmap.schema_version]]
    for key in ("id", "title", "title_en"):
        header.append([key, getattr(info, key)])
    header.append(["published", info.published.isoformat() if info.published else None])
    header.append(["horizon", info.horizon])
    citations: list[list[Any]] = []

    def cite(owner: str, refs: Iterable[Any]) -> None:
        citations.extend([owner, r.source, r.quote, r.note] for r in refs)

    if info.decision is not None:
        for key in _DECISION_KEYS:
            value = getattr(info.decision, key)
            header.append([f"decision.{key}", value.isoformat() if key == "date" and value else value])
        cite("decision", info.decision.sources)
    for name in _STATEMENTS:
        statement = getattr(info, name)
        if statement is not None:
            header += [[f"{name}.text", statement.text], [f"{name}.text_en", statement.text_en]]
            cite(name, statement.sources)
    for n, statement in enumerate(info.emphases, start=1):
        header += [[f"emphases.{n}.text", statement.text], [f"emphases.{n}.text_en", statement.text_en]]
        cite(f"emphases.{n}", statement.sources)
    sources = [[s.id, s.title, s.url, s.date.isoformat() if s.date else None, s.note, s.file] for s in info.sources]
    fields, ignore = [], []
    for f in roadmap.fields:
        focus = f.focus
        fields.append(
            [f.id, f.name, f.name_en, f.goal, f.goal_en, _ids(f.converges_with), focus.text if focus else None, focus.text_en if focus else None]
        )
        cite(f"field:{f.id}", f.sources)
        if focus is not None:
            cite(f"field:{f.id}.focus", focus.sources)
        ignore += [[f"field:{f.id}", s.code, s.reason] for s in f.ignore]
    nodes, links, targets = [], [], []
    for node in roadmap.nodes:
        nodes.append(
            [
                node.id, node.kind, node.field, node.name, node.name_en, node.description, node.description_en,
                node.category, node.provenance, _ids(x.id for x in node.requires),
                " ; ".join(" | ".join(x.id for x in group) for group in node.any_of) or None,
                _ids(x.id for x in node.supported_by),
            ]
        )  # fmt: skip
        cite(node.id, node.sources)
        for relation, group, link in node.links():
            if not link.is_bare:
                links.append([node.id, link.id, "any_of" if group is not None else relation, link.provenance, link.note])
                cite(f"{node.id} > {link.id}", link.sources)
        for t, target in enumerate(node.targets, start=1):
            targets.append(
                [
                    node.id, target.metric, target.metric_en, _number(target.value), target.unit, target.unit_en,
                    target.bound, target.comparator, target.by, target.note,
                ]
            )  # fmt: skip
            cite(f"{node.id} #{t}", target.sources)
        ignore += [[node.id, s.code, s.reason] for s in node.ignore]
    rows = {
        "roadmap": [row for row in header if row[1] is not None],
        "sources": sources,
        "fields": fields,
        "nodes": nodes,
        "links": links,
        "targets": targets,
        "citations": citations,
        "ignore": ignore,
    }
    return {name: (COLUMNS[name], rows[name]) for name in SHEETS}


def _ids(ids: Iterable[str]) -> str | None:
    return "; ".join(ids) or None


def _number(value: float | None) -> float | int | None:
    """A target's value as the number a person writes: ``50``, not ``50.0``."""
    return int(value) if value is not None and value.is_integer() else value


def escape_csv_text(value: Any) -> Any:
    """A text cell of a CSV as written: one that :func:`unescape_csv_text` would shorten
    (a ``'`` before a formula character or another ``'``) gets one more ``'``; the writer
    (:func:`~roadmap_graph.present.csvtext.csv_text`) puts one before formula characters."""
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1] in (*FORMULA_STARTS, "'"):
        return "'" + value
    return value


def unescape_csv_text(value: str) -> str:
    """A CSV text cell as the text it stands for: without the ``'`` the writer put in front
    of a formula character (or of another ``'``)."""
    if len(value) > 1 and value[0] == "'" and value[1] in (*FORMULA_STARTS, "'"):
        return value[1:]
    return value


# --- in: reading a workbook or a folder of CSV files ---------------------------------------


def load_sheets(path: PathLike, *, limits: Limits | None = None) -> Roadmap:
    """Read the roadmap in the workbook ``path`` (``.xlsx``) or the folder of CSV files
    ``path`` (``roadmap.csv``, ``nodes.csv``, ...), laid out as the module describes, and
    check it as :func:`~roadmap_graph.fileformat.loading.load_roadmap` does.

    Raises
    ------
    RoadmapLoadError
        With every problem of every sheet, each at its cell.
    """
    name = os.fspath(path)
    limits = limits or Limits.from_environment()
    book = _read_book(name, limits)
    return _Builder(book, limits).build()


def import_roadmap(
    path: PathLike, output: PathLike, *, limits: Limits | None = None, protect: Iterable[PathLike] = ()
) -> Path:
    """Read the workbook or CSV folder ``path`` (:func:`load_sheets`) and write it as a
    roadmap YAML file ``output`` (never over an input); return the file written."""
    from .writing import dump_roadmap

    roadmap = load_sheets(path, limits=limits)
    return write_file(output, dump_roadmap(roadmap), protect=protect)


@dataclass
class _Book:
    """The sheets read, by name, with the problems of reading them."""

    path: str
    csv: bool
    sheets: dict[str, _Sheet] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _read_book(path: str, limits: Limits) -> _Book:
    if os.path.isdir(path):
        return _read_folder(path, limits)
    if Path(path).suffix.lower() == ".xls":
        raise RoadmapLoadError([Problem(Location(path), Message("portfolio.load.xls_old"))])
    raw, problems = read_file(path, limits)
    if raw is None:
        raise RoadmapLoadError(problems)
    protect_file(path)
    book = _Book(path, csv=False)
    suggester = Suggester(SHEETS)
    for title, sheet in xlsx_sheets(path, raw, limits):
        name = title.strip().lower()
        _add_sheet(book, name, sheet, Location(f"{path}:{title}!A1"), suggester)
    return book


def _read_folder(path: str, limits: Limits) -> _Book:
    book = _Book(path, csv=True)
    suggester = Suggester(SHEETS)
    files = sorted(p for p in os.listdir(path) if p.lower().endswith(".csv"))
    if not files:
        raise RoadmapLoadError([Problem(Location(path), Message("sheets.no_csv"))])
    for file in files:
        where = os.path.join(path, file)
        raw, problems = read_file(where, limits)
        if raw is None:
            book.problems += problems
            continue
        protect_file(where)
        text, problems = decode(where, raw)
        if text is None:
            book.problems += problems
            continue
        _add_sheet(book, file[: -len(".csv")].strip().lower(), _csv_sheet(where, text, limits), Location(where), suggester)
    return book


def _add_sheet(book: _Book, name: str, sheet: _Sheet, where: Location, suggester: Suggester) -> None:
    if name not in COLUMNS:
        if all(_is_empty(v) for _, cells in sheet.rows for v, _ in cells):
            return  # an empty sheet a spreadsheet program added (Sheet1): nothing is lost
        hint = suggester.hint(name)
        book.problems.append(Problem(where, Message("sheets.unknown_sheet", sheet=verbatim(name), hint=hint, sheets=verbatim(", ".join(SHEETS)))))
        return
    if name in book.sheets:
        book.problems.append(Problem(where, Message("sheets.duplicate_sheet", sheet=verbatim(name))))
        return
    book.sheets[name] = sheet
    book.problems += sheet.problems


Cell = tuple[Any, Location]


@dataclass
class _Row:
    """One row of a sheet: its cells by column name (only the columns the sheet has)."""

    sheet: str
    cells: dict[str, Cell]
    first: Location

    def at(self, column: str) -> Location:
        cell = self.cells.get(column)
        return cell[1] if cell is not None else self.first


class _Builder:
    """Turns the rows of a workbook into the roadmap's data, remembering where each value
    came from (``places``: a path in the roadmap to its column and cell), then validates it."""

    def __init__(self, book: _Book, limits: Limits) -> None:
        self.book = book
        self.limits = limits
        self.problems: list[Problem] = list(book.problems)
        self.places: dict[PathKey, tuple[str, Location]] = {}
        self.order: dict[Location, tuple[int, int, int]] = {}
        self.reported: set[PathKey] = set()  # values already found wrong: no second problem
        for rank, name in enumerate(SHEETS):
            sheet = book.sheets.get(name)
            if sheet is not None:
                self.order.update({where: (rank, *rc) for where, rc in sheet.order.items()})

    # -- cells -------------------------------------------------------------------------

    def problem(self, where: Location, message: Message) -> None:
        self.problems.append(Problem(where, message))

    def rows(self, name: str) -> list[_Row]:
        """The rows of sheet ``name`` (none when the workbook lacks it), its columns checked."""
        sheet = self.book.sheets.get(name)
        if sheet is None:
            return []
        rows = [(n, cells) for n, cells in sheet.rows if not all(_is_empty(v) for v, _ in cells)]
        if not rows:
            return []
        (_, header), body = rows[0], rows[1:]
        columns: dict[int, str] = {}
        first: dict[str, Location] = {}
        suggester = Suggester(COLUMNS[name])
        used = {j for _, cells in body for j, (v, _) in enumerate(cells) if not _is_empty(v)}
        for j, (value, where) in enumerate(header):
            if _is_empty(value):
                if j in used:
                    self.problem(where, Message("portfolio.load.unnamed_column"))
                continue
            column = _as_text(value).lower()
            if column not in COLUMNS[name]:
                allowed = verbatim(", ".join(COLUMNS[name]))
                message = Message("sheets.unknown_column", column=verbatim(column), sheet=verbatim(name), hint=suggester.hint(column), allowed=allowed)
                self.problem(where, message)
                continue
            if column in first:
                self.problem(where, Message("portfolio.load.duplicate_column", column=verbatim(column), first=verbatim(first[column])))
                continue
            first[column] = where
            columns[j] = column
        start = header[0][1]
        missing = [c for c in REQUIRED[name] if c not in first]
        for column in missing:
            required = verbatim(", ".join(REQUIRED[name]))
            self.problem(start, Message("sheets.missing_column", column=verbatim(column), sheet=verbatim(name), required=required))
        out = []
        for _, cells in body:
            extra = [j for j, (v, _) in enumerate(cells) if j >= len(header) and not _is_empty(v)]
            if extra:
                self.problem(cells[extra[0]][1], Message("portfolio.load.extra_cells", count=max(extra) + 1, columns=len(header)))
            row = _Row(name, {c: cells[j] for j, c in columns.items() if j < len(cells)}, cells[0][1])
            for column in REQUIRED[name]:
                if column in first and self.raw(row, column) is None:
                    self.problem(row.at(column), Message("sheets.empty_cell", column=verbatim(column)))
            out.append(row)
        return out

    def raw(self, row: _Row, column: str) -> str | None:
        """The cell as text (``None`` when empty), exactly as written for text columns and
        without surrounding spaces for words."""
        cell = row.cells.get(column)
        if cell is None or cell[0] is None:
            return None
        value, where = cell
        if isinstance(value, str):
            text = unescape_csv_text(value) if self.book.csv else value
        else:
            text = _as_text(value)
        if (row.sheet, column) in _WORDS or (row.sheet, column) in _ID_LISTS or column == "any_of":
            text = text.strip()
        if text == "":
            return None
        cleaned, problem = clean_text(text, self.limits)
        if problem is not None:
            self.problem(where, problem)
            return None
        return cleaned

    def put(self, item: dict[str, Any], key: str, row: _Row, column: str, path: PathKey, kind: str = "text") -> None:
        """Copy the cell ``column`` of ``row`` into ``item[key]``, read as ``kind``; remember
        that ``path`` was written there."""
        cell = row.cells.get(column)
        required = (column in REQUIRED[row.sheet] and row.sheet != "roadmap") or (row.sheet == "roadmap" and path[1:] in (("id",), ("title",)))
        if cell is None:
            if required:
                self.reported.add(path)  # the missing column is said once
            return
        value, where = cell
        self.places[path] = (column, where)
        if required and _is_empty(value):
            self.reported.add(path)  # the empty cell is said by rows()
        if kind == "number":
            if _is_empty(value):
                return
            number = _as_number(value)
            if number is None:
                self.problem(where, Message("sheets.not_number", value=verbatim(_as_text(value)), column=verbatim(column)))
                self.reported.add(path)
                return
            item[key] = number
            return
        if kind == "year":
            if _is_empty(value):
                return
            item[key] = _as_year(value.strip() if isinstance(value, str) else value)
            return
        text = self.raw(row, column)
        if kind == "date" and text is not None:
            text = text.strip()
        if text is None:
            if not _is_empty(value):
                self.reported.add(path)  # refused as text (the problem is recorded)
            return
        choices = _CHOICES.get((row.sheet, column))
        if choices is not None and text not in choices:
            message = Message("sheets.one_of", column=verbatim(column), got=verbatim(text), hint=did_you_mean(text, choices), allowed=verbatim(", ".join(choices)))
            self.problem(where, message)
            self.reported.add(path)
            return
        item[key] = text

    # -- the roadmap ---------------------------------------------------------------------

    def build(self) -> Roadmap:
        header, emphases = self._header()
        _, sources = self._items("sources", ("roadmap", "sources"), ("id", "title", "url", "date", "note", "file"))
        _, fields = self._fields()
        _, nodes = self._nodes()
        header["sources"] = sources
        self.ids = {"nodes": [n.get("id") for n in nodes], "fields": [f.get("id") for f in fields]}
        self.node_suggester = Suggester([i for i in self.ids["nodes"] if isinstance(i, str)])
        self._links(nodes)
        self._targets(nodes)
        self._ignore(nodes, fields)
        self._citations(header, emphases, fields, nodes)
        if emphases:  # by their numbers; a path names an emphasis by its place from here on
            numbers = sorted(emphases)
            header["emphases"] = [emphases[n] for n in numbers]
            place = {n: k for k, n in enumerate(numbers)}
            for path in [p for p in self.places if p[:2] == ("roadmap", "emphases") and len(p) > 2]:
                moved: PathKey = (*path[:2], place[int(path[2])], *path[3:])
                self.places[moved] = self.places.pop(path)
            self.reported = {
                (*p[:2], place[p[2]], *p[3:]) if p[:2] == ("roadmap", "emphases") and len(p) > 2 and p[2] in place else p
                for p in self.reported
            }
        return self._validate(header, fields, nodes)

    def _header(self) -> tuple[dict[str, Any], dict[int, dict[str, Any]]]:
        header: dict[str, Any] = {}
        emphases: dict[int, dict[str, Any]] = {}
        sheet = self.book.sheets.get("roadmap")
        if sheet is not None and sheet.rows:
            self.places[("roadmap",)] = ("", sheet.rows[0][1][0][1] if sheet.rows[0][1] else Location(sheet.path))
        if "roadmap" not in self.book.sheets:
            self.problem(Location(self.book.path), Message("sheets.missing_sheet", sheet=verbatim("roadmap")))
            self.reported |= {("roadmap", "id"), ("roadmap", "title")}
            return header, emphases
        suggester = Suggester(HEADER_KEYS)
        seen: dict[str, Location] = {}
        for row in self.rows("roadmap"):
            key = (self.raw(row, "key") or "").lower()
            if not key:
                continue
            where = row.at("key")
            if key in seen:
                self.problem(where, Message("sheets.duplicate_key", key=verbatim(key), first=verbatim(seen[key])))
                continue
            seen[key] = where
            emphasis = _EMPHASIS_KEY.match(key)
            if emphasis:
                n = int(emphasis.group(1))
                item = emphases.setdefault(n, {})
                self.put(item, emphasis.group(2), row, "value", ("roadmap", "emphases", n, emphasis.group(2)))
                self.places.setdefault(("roadmap", "emphases", n), ("value", row.at("value")))
                continue
            if key not in HEADER_KEYS:
                hint = suggester.hint(key)
                self.problem(where, Message("sheets.unknown_key", key=verbatim(key), hint=hint, keys=verbatim(", ".join(HEADER_KEYS))))
                continue
            parts = key.split(".")
            target = header
            for part in parts[:-1]:
                target = target.setdefault(part, {})
                self.places.setdefault(("roadmap", *parts[:-1]), ("value", row.at("value")))
            kind = "year" if key == "horizon" else "date" if key in ("published", "decision.date") else "text"
            if key == "schema_version":
                value = self.raw(row, "value")
                if value != str(SCHEMA_VERSION):
                    message = Message("load.schema_version", version=verbatim(repr(value)), expected=SCHEMA_VERSION)
                    self.problem(row.at("value"), message)
                continue
            self.put(target, parts[-1], row, "value", ("roadmap", *parts), kind)
        return header, emphases

    def _items(self, sheet: str, base: PathKey, columns: tuple[str, ...]) -> tuple[list[_Row], list[dict[str, Any]]]:
        rows, items = self.rows(sheet), []
        for i, row in enumerate(rows):
            item: dict[str, Any] = {}
            key: PathKey = (*base, i)
            self.places[key] = ("", row.first)
            for column in columns:
                self.put(item, column, row, column, (*base, i, column), "date" if (sheet, column) in _DATES else "text")
            items.append(item)
        return rows, items

    def _fields(self) -> tuple[list[_Row], list[dict[str, Any]]]:
        rows, items = self._items("fields", ("fields",), ("id", "name", "name_en", "goal", "goal_en"))
        for i, (row, item) in enumerate(zip(rows, items, strict=True)):
            converges = self.raw(row, "converges_with")
            if converges is not None:
                item["converges_with"] = _split(converges, ";")
                for k in range(len(item["converges_with"])):
                    self.places[("fields", i, "converges_with", k)] = ("converges_with", row.at("converges_with"))
            focus: dict[str, Any] = {}
            self.put(focus, "text", row, "focus", ("fields", i, "focus", "text"))
            self.put(focus, "text_en", row, "focus_en", ("fields", i, "focus", "text_en"))
            if focus:
                item["focus"] = focus
                self.places[("fields", i, "focus")] = ("focus", row.at("focus"))
        return rows, items

    def _nodes(self) -> tuple[list[_Row], list[dict[str, Any]]]:
        simple = ("id", "kind", "field", "name", "name_en", "description", "description_en", "category", "provenance")
        rows, items = self._items("nodes", ("nodes",), simple)
        for i, (row, item) in enumerate(zip(rows, items, strict=True)):
            for key in ("requires", "supported_by"):
                written = self.raw(row, key)
                if written is None:
                    continue
                item[key] = [{"id": x} for x in _split(written, ";")]
                self.places[("nodes", i, key)] = (key, row.at(key))
                for k in range(len(item[key])):
                    self.places[("nodes", i, key, k)] = (key, row.at(key))
            written = self.raw(row, "any_of")
            if written is not None:
                groups = []
                for part in _split(written, ";"):
                    members = [m.strip() for m in part.split("|")]
                    if "" in members:
                        self.problem(row.at("any_of"), Message("sheets.bad_any_of", part=verbatim(part)))
                        self.reported.add(("nodes", i, "any_of"))
                        continue
                    groups.append([{"id": m} for m in members])
                item["any_of"] = groups
                self.places[("nodes", i, "any_of")] = ("any_of", row.at("any_of"))
                for g, group in enumerate(groups):
                    self.places[("nodes", i, "any_of", g)] = ("any_of", row.at("any_of"))
                    for k in range(len(group)):
                        self.places[("nodes", i, "any_of", g, k)] = ("any_of", row.at("any_of"))
        return rows, items

    def _node(self, nodes: list[dict[str, Any]], node_id: str, where: Location) -> int | None:
        """The index of node ``node_id``, or ``None`` (and a problem) when there is none."""
        for i, item in enumerate(nodes):
            if item.get("id") == node_id:
                return i
        if node_id not in self.ids["nodes"]:
            self.problem(where, Message("sheets.unknown_node", node=verbatim(node_id), hint=self.node_suggester.hint(node_id)))
        return None

    def _link(self, node: dict[str, Any], target: str) -> tuple[PathKey, dict[str, Any], str] | None:
        """The link of ``node`` to ``target``: its path within the node, the link, its relation."""
        for key in ("requires", "supported_by"):
            for k, link in enumerate(node.get(key, [])):
                if link["id"] == target:
                    return (key, k), link, key
        for g, group in enumerate(node.get("any_of", [])):
            for k, link in enumerate(group):
                if link["id"] == target:
                    return ("any_of", g, k), link, "any_of"
        return None

    def _links(self, nodes: list[dict[str, Any]]) -> None:
        seen: dict[tuple[str, str], Location] = {}
        for row in self.rows("links"):
            node_id, target = self.raw(row, "node"), self.raw(row, "target")
            if node_id is None or target is None:
                continue
            i = self._node(nodes, node_id, row.at("node"))
            if i is None:
                continue
            found = self._link(nodes[i], target)
            if found is None:
                self.problem(row.at("target"), Message("sheets.link_not_in_nodes", node=verbatim(node_id), target=verbatim(target)))
                continue
            if (node_id, target) in seen:
                self.problem(row.first, Message("sheets.duplicate_row", first=verbatim(seen[node_id, target])))
                continue
            seen[node_id, target] = row.first
            where, link, relation = found
            path = ("nodes", i, *where)
            check: dict[str, Any] = {}
            self.put(check, "relation", row, "relation", (*path, "relation"))
            if check.get("relation", relation) != relation:
                message = Message("sheets.link_relation", node=verbatim(node_id), target=verbatim(target), written=verbatim(check["relation"]), relation=verbatim(relation))
                self.problem(row.at("relation"), message)
            self.put(link, "provenance", row, "provenance", (*path, "provenance"))
            self.put(link, "note", row, "note", (*path, "note"))

    def _targets(self, nodes: list[dict[str, Any]]) -> None:
        columns = ("metric", "metric_en", "value", "unit", "unit_en", "bound", "comparator", "by", "note")
        for row in self.rows("targets"):
            node_id = self.raw(row, "node")
            i = self._node(nodes, node_id, row.at("node")) if node_id is not None else None
            if i is None:
                continue
            targets = nodes[i].setdefault("targets", [])
            t = len(targets)
            target: dict[str, Any] = {}
            self.places[("nodes", i, "targets", t)] = ("", row.first)
            for column in columns:
                kind = "number" if column == "value" else "year" if column == "by" else "text"
                self.put(target, column, row, column, ("nodes", i, "targets", t, column), kind)
            targets.append(target)

    def _ignore(self, nodes: list[dict[str, Any]], fields: list[dict[str, Any]]) -> None:
        for row in self.rows("ignore"):
            owner = self.raw(row, "owner")
            if owner is None:
                continue
            if owner.startswith("field:"):
                f = self._field(fields, owner[len("field:") :].strip(), row.at("owner"))
                if f is None:
                    continue
                item, base = fields[f], ("fields", f)
            else:
                i = self._node(nodes, owner, row.at("owner"))
                if i is None:
                    continue
                item, base = nodes[i], ("nodes", i)
            silences = item.setdefault("ignore", [])
            k = len(silences)
            silence: dict[str, Any] = {}
            key: PathKey = (*base, "ignore", k)
            self.places[key] = ("", row.first)
            self.put(silence, "code", row, "code", (*base, "ignore", k, "code"))
            self.put(silence, "reason", row, "reason", (*base, "ignore", k, "reason"))
            silences.append(silence)

    def _field(self, fields: list[dict[str, Any]], field_id: str, where: Location) -> int | None:
        for f, item in enumerate(fields):
            if item.get("id") == field_id:
                return f
        if field_id not in self.ids["fields"]:
            ids = [i for i in self.ids["fields"] if isinstance(i, str)]
            self.problem(where, Message("sheets.unknown_field", field=verbatim(field_id), hint=did_you_mean(field_id, ids)))
        return None

    def _citations(
        self, header: dict[str, Any], emphases: dict[int, dict[str, Any]], fields: list[dict[str, Any]], nodes: list[dict[str, Any]]
    ) -> None:
        for row in self.rows("citations"):
            owner = self.raw(row, "owner")
            if owner is None:
                continue
            found = self._owner(owner, row.at("owner"), header, emphases, fields, nodes)
            if found is None:
                continue
            item, path = found
            refs = item.setdefault("sources", [])
            k = len(refs)
            ref: dict[str, Any] = {}
            key: PathKey = (*path, "sources", k)
            self.places[key] = ("", row.first)
            for column in ("source", "quote", "note"):
                self.put(ref, column, row, column, (*path, "sources", k, column))
            refs.append(ref)

    def _owner(
        self,
        owner: str,
        where: Location,
        header: dict[str, Any],
        emphases: dict[int, dict[str, Any]],
        fields: list[dict[str, Any]],
        nodes: list[dict[str, Any]],
    ) -> tuple[dict[str, Any], PathKey] | None:
        """What the owner ``owner`` of a citation names: the item (its ``sources`` get the
        quote) and its path; ``None`` (and a problem) when it names nothing."""
        if owner in ("decision", *_STATEMENTS):
            if owner not in header:
                self.problem(where, Message("sheets.no_statement", owner=verbatim(owner)))
                return None
            return header[owner], ("roadmap", owner)
        if owner.startswith("emphases."):
            n = owner[len("emphases.") :]
            if not n.isdigit() or int(n) not in emphases:
                self.problem(where, Message("sheets.no_statement", owner=verbatim(owner)))
                return None
            return emphases[int(n)], ("roadmap", "emphases", int(n))
        if owner.startswith("field:"):
            name, dot, rest = owner[len("field:") :].strip().partition(".")
            f = self._field(fields, name, where)
            if f is None:
                return None
            if not dot:
                return fields[f], ("fields", f)
            if rest != "focus" or "focus" not in fields[f]:
                self.problem(where, Message("sheets.no_statement", owner=verbatim(owner)))
                return None
            return fields[f]["focus"], ("fields", f, "focus")
        link = _OWNER_LINK.match(owner)
        target = _OWNER_TARGET.match(owner)
        node_id = link.group(1) if link else target.group(1) if target else owner
        if not link and not target and not re.fullmatch(r"[^\s>#:]+", owner):
            self.problem(where, Message("sheets.bad_owner", owner=verbatim(owner)))
            return None
        i = self._node(nodes, node_id, where)
        if i is None:
            return None
        if link:
            found = self._link(nodes[i], link.group(2))
            if found is None:
                self.problem(where, Message("sheets.link_not_in_nodes", node=verbatim(node_id), target=verbatim(link.group(2))))
                return None
            return found[1], ("nodes", i, *found[0])
        if target:
            t = int(target.group(2))
            targets = nodes[i].get("targets", [])
            if not 1 <= t <= len(targets):
                self.problem(where, Message("sheets.no_target", node=verbatim(node_id), number=t, count=len(targets)))
                return None
            return targets[t - 1], ("nodes", i, "targets", t - 1)
        return nodes[i], ("nodes", i)

    # -- validation ----------------------------------------------------------------------

    def _validate(self, header: dict[str, Any], fields: list[dict[str, Any]], nodes: list[dict[str, Any]]) -> Roadmap:
        sources, source_index = self._valid(header.get("sources", []), Source, ("roadmap", "sources"))
        info_data = {**header, "sources": []}
        info: RoadmapInfo | None = None
        try:
            info = RoadmapInfo.model_validate(info_data)
        except ValidationError as err:
            self._translate(err, ("roadmap",))
        kept_fields, field_index = self._valid(fields, FieldInfo, ("fields",))
        kept_nodes, node_index = self._valid(nodes, Node, ("nodes",))
        self._duplicates("sources", ("roadmap", "sources"), header.get("sources", []))
        self._duplicates("fields", ("fields",), fields)
        self._duplicates("nodes", ("nodes",), nodes)
        info = (info or RoadmapInfo(id=self.book.path, title=self.book.path)).model_copy(update={"sources": tuple(sources)})
        roadmap = Roadmap.model_construct(schema_version=SCHEMA_VERSION, roadmap=info, fields=tuple(kept_fields), nodes=tuple(kept_nodes))
        known = {
            "nodes": {n["id"] for n in nodes if isinstance(n.get("id"), str)},
            "fields": {f["id"] for f in fields if isinstance(f.get("id"), str)},
            "sources": {s["id"] for s in header.get("sources", []) if isinstance(s.get("id"), str)},
        }
        index = {"nodes": node_index, "fields": field_index, "sources": source_index}
        for path, message in find_problems(roadmap, known=known):
            if path[:2] == ("roadmap", "sources") and len(path) > 2 and isinstance(path[2], int):
                path = (*path[:2], index["sources"][path[2]], *path[3:])
            elif path and path[0] in index and len(path) > 1 and isinstance(path[1], int):
                path = (path[0], index[str(path[0])][path[1]], *path[2:])
            self.problem(self.locate(path), message)
        if self.problems:
            raise RoadmapLoadError(sorted(dict.fromkeys(self.problems), key=self._rank))
        final = Roadmap(schema_version=SCHEMA_VERSION, roadmap=info, fields=tuple(kept_fields), nodes=tuple(kept_nodes))
        final._node_locations = {n.id: self.locate(("nodes", node_index[k])) for k, n in enumerate(kept_nodes)}
        final._field_locations = {f.id: self.locate(("fields", field_index[k])) for k, f in enumerate(kept_fields)}
        final._checked = True
        return final

    def _valid(self, items: list[dict[str, Any]], model: type[BaseModel], base: PathKey) -> tuple[list[Any], list[int]]:
        kept, index = [], []
        for i, item in enumerate(items):
            try:
                kept.append(model.model_validate(item))
                index.append(i)
            except ValidationError as err:
                self._translate(err, (*base, i))
        return kept, index

    def _translate(self, err: ValidationError, base: PathKey) -> None:
        errors = []
        holding = {p[:n] for p in self.reported for n in range(1, len(p))}
        for error in err.errors(include_url=False):
            loc = (*base, *error["loc"])
            if any(loc[:n] in self.reported for n in range(1, len(loc) + 1)):
                continue  # the cell's problem is already said
            if error["type"] not in ("missing", "extra_forbidden") and loc in holding:
                continue  # a rule over an item with a cell already found wrong would only repeat it
            errors.append({**error, "loc": loc})
        self.problems += translate_errors(
            errors,  # type: ignore[arg-type]
            locate=lambda loc, key: self.locate(loc),
            describe=self.describe,
            model_at=_model_at,
        )

    def _duplicates(self, part: str, base: PathKey, items: list[dict[str, Any]]) -> None:
        first: dict[str, int] = {}
        what = {"nodes": "load.what_node", "fields": "load.what_field", "sources": "sheets.what_source"}[part]
        for i, item in enumerate(items):
            item_id = item.get("id")
            if not isinstance(item_id, str):
                continue
            if item_id in first:
                where = self.locate((*base, first[item_id]))
                message = Message("sheets.duplicate_id", what=Message(what), id=verbatim(item_id), first=verbatim(where))
                self.problem(self.locate((*base, i, "id")), message)
            first.setdefault(item_id, i)

    def locate(self, path: PathKey) -> Location:
        """The cell where the value at ``path`` was written (or of the nearest part of it)."""
        probe = path
        while probe:
            if probe in self.places:
                return self.places[probe][1]
            probe = probe[:-1]
        return Location(self.book.path)

    def describe(self, path: PathKey) -> str:
        """How a person finds the value at ``path``: its column's name (the key, in the
        ``roadmap`` sheet)."""
        probe = path
        while probe:
            place = self.places.get(probe)
            if place is not None and place[0]:
                return ".".join(str(p) for p in probe[1:]) if probe[0] == "roadmap" else place[0]
            probe = probe[:-1]
        return ".".join(str(p) for p in path)

    def _rank(self, problem: Problem) -> tuple[int, int, int, str]:
        where = problem.location
        if where is None:
            return (-1, 0, 0, "")
        return (*self.order.get(where, (-1, where.line or 0, where.column or 0)), str(where))


def _split(text: str, separator: str) -> list[str]:
    return [part.strip() for part in text.split(separator) if part.strip()]


__all__ = [
    "COLUMNS",
    "REQUIRED",
    "SHEETS",
    "escape_csv_text",
    "import_roadmap",
    "load_sheets",
    "roadmap_tables",
    "unescape_csv_text",
]
