"""What every analysis returns: a typed result that describes its own tables once.

A result is a frozen dataclass with three views of the same answer:

* ``to_dict()``: its JSON contract (what ``--format json`` prints; a dict, or a list for
  the analyses whose contract is a list);
* ``tables()``: the tables a reader sees, in order. Each :class:`Table` lists its
  :class:`Column` s (a key, a header from the vocabulary, and what kind of cell it holds)
  and its rows of raw values. The text table, the CSV file and the report's HTML table are
  all rendered from this one description by shared code
  (:mod:`roadmap_graph.present.tables`), so they cannot drift apart;
* ``to_frame(name=None)``: a pandas DataFrame of one table's data columns.

``table(name)`` gives one table by name; ``table()`` is the *primary* table, the one CSV
and ``to_frame()`` use by default (a result names it in ``primary``).

Cells hold raw values (ids, numbers, lists of ids); what a reader sees is decided when the
table is rendered, in the reader's language: a ``"kind"`` cell holds ``"core_technology"``
and shows as 중점기술 or core technology, a ``"name"`` cell holds a node id and shows as the
node's name, a ``"nodes"`` cell holds a list of ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from ..errors import RoadmapGraphError
from ..vocabulary import Message, check_choice

CellKind = Literal[
    "text",  # a string shown as it is
    "id",  # a node or field id, shown as it is
    "name",  # a node id, shown as the node's name in the reader's language (CSV too)
    "node",  # a node id, shown as the node's name (a link in HTML); CSV keeps the id
    "nodes",  # a list of node ids
    "kind",  # a node kind, shown in words
    "kind_of",  # a node id, shown as the node's kind in words (CSV: the kind)
    "field_of",  # a node id, shown as the name of the node's field (CSV: the field id)
    "word",  # a vocabulary word: the column's ``vocab`` prefix + the value
    "words",  # a list of vocabulary words
    "field",  # a field id, shown as the field's name
    "fields",  # a list of field ids
    "counts",  # a mapping field id → count, e.g. missions reached by field
    "int",
    "float",
    "percent",  # a share in [0, 1], shown as 8.3%
    "target",  # a target mapping, shown as one phrase (…: 90% 이상 (기한 2030)); display only
    "code",  # a code or other literal, shown in monospace in HTML
    "location",  # file:line:col, shortened for display
    "kappa",  # a redundancy level, None shown as —
    "money",  # an amount of money, shown with thousands separators (6,065.8); CSV keeps the number
    "value",  # any value of a roadmap file (text, number, list, mapping), shown compactly; CSV: JSON
]
Show = Literal["all", "display", "data"]


@dataclass(frozen=True)
class Column:
    """One column of a result table.

    ``key`` names the column in CSV and DataFrames; ``label`` is the catalogue key of its
    header, or ``"node:<id>"`` / ``"field:<id>"`` for a header that is a node's name or a
    field's id; ``kind`` says how a cell is shown; ``vocab`` is the catalogue prefix of a
    ``"word"``/``"words"`` column (``"flag"`` shows ``critical`` as ``flag.critical``);
    ``show`` puts the column in the display (text and HTML), the data (CSV, DataFrame) or
    both.
    """

    key: str
    label: str
    kind: CellKind = "text"
    vocab: str | None = None
    show: Show = "all"

    @property
    def numeric(self) -> bool:
        """Numbers, aligned right."""
        return self.kind in ("int", "float", "percent", "kappa", "money")


@dataclass(frozen=True)
class Table:
    """A titled table of raw values; see the module docstring.

    ``title`` and ``note`` are messages (``None`` for none); ``empty`` is what to say when
    there are no rows; ``detail`` marks a table a reader may skip (the report folds it).
    """

    name: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]
    title: Message | None = None
    note: Message | None = None
    empty: Message | None = None
    detail: bool = False

    def __post_init__(self) -> None:
        width = len(self.columns)
        for row in self.rows:
            if len(row) != width:
                raise ValueError(f"table {self.name!r}: a row has {len(row)} cells for {width} columns")

    def shown(self, where: Literal["display", "data"]) -> list[int]:
        """The positions of the columns shown in the display or in the data."""
        return [i for i, c in enumerate(self.columns) if c.show in ("all", where)]

    def records(self) -> list[dict[str, Any]]:
        """The data columns of every row as dicts of raw values. Columns of kind ``name``,
        ``kind_of`` and ``field_of`` are left out: they are read off the graph when the table
        is rendered (the rows hold node ids there)."""
        keep = self.record_columns()
        keys = [self.columns[i].key for i in keep]
        return [dict(zip(keys, (row[i] for i in keep))) for row in self.rows]

    def record_columns(self) -> list[int]:
        """The positions of the columns :meth:`records` keeps."""
        return [i for i in self.shown("data") if self.columns[i].kind not in ("name", "kind_of", "field_of")]


class Tabular:
    """The table views every result shares; a result defines :meth:`tables` (and
    :meth:`data_tables` when some table is not displayed) and ``primary``."""

    primary: ClassVar[str | None] = None  # the table CSV and to_frame() use; None: the first

    def heading(self) -> Message | None:
        """A line shown above the tables (the roadmap's title, the mission of a chain)."""
        return None

    def tables(self) -> tuple[Table, ...]:
        """The tables a reader sees, in order."""
        raise NotImplementedError

    def data_tables(self) -> tuple[Table, ...]:
        """Every table, shown or not (a result may have a table only for CSV)."""
        return self.tables()

    def table(self, name: str | None = None) -> Table:
        """The table called ``name``; the primary table when ``name`` is ``None``."""
        tables = {t.name: t for t in self.data_tables()}
        wanted = name if name is not None else self.primary or next(iter(tables))
        return tables[check_choice(wanted, list(tables), "error.what_table")]

    def to_frame(self, name: str | None = None) -> Any:
        """A pandas DataFrame of a table's data columns (the primary table by default).

        Raises
        ------
        RoadmapGraphError
            When pandas is not installed.
        """
        table = self.table(name)
        return to_frame(table.records(), [table.columns[i].key for i in table.record_columns()])


def to_frame(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> Any:
    """A DataFrame of ``rows`` with ``columns`` in that order (also when ``rows`` is empty).
    pandas is optional and imported only here."""
    try:
        import pandas as pd
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise RoadmapGraphError(Message("error.pandas")) from err
    return pd.DataFrame(list(rows), columns=list(columns))
