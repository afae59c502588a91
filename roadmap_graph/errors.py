"""The package's one error hierarchy, and the pieces its messages are made of.

::

    RoadmapGraphError             anything roadmap-graph refuses to do            exit 1
    ├── RoadmapLoadError          input files that cannot become a valid roadmap;  exit 3
    │                             carries every Problem found, one line each
    ├── InvalidOptionError        an option value no analysis accepts (a rule      exit 2
    │                             code that matches no rule, a field that does
    │                             not exist, a language that is not ko or en)
    ├── UnknownNodeError          a node id that is not in the roadmap (also a     exit 4
    │                             KeyError)
    └── OutputError               an output that cannot be written: the disk is    exit 6
        │                         full, a folder is read-only, a file stands
        │                         where a folder is needed; old files stay
        ├── OutputPathError       an output path refused before anything is
        │                         written: an input roadmap file, a folder, a
        │                         device or a FIFO where a file is needed
        └── OutputValueError      a value the output's format cannot carry (NaN
                                  or infinity in JSON); nothing is written

A problem *in* a roadmap that is still a valid file (a gap, a missing measure) is not an
exception: the analyses return it as a finding. Exceptions are for input that cannot be
analysed at all.

Every message is a :class:`~roadmap_graph.vocabulary.Message`: a catalogue key and its
parameters, written out in Korean or English only when shown. ``str(err)`` is the message in
the default language (Korean); ``err.render("en")`` is the same message in English. The
command line shows ``err.render(lang)`` for ``--lang`` and exits with ``err.exit_code``, so
scripts can tell the cases apart (5 is taken by ``gaps --fail-on``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol


class Text(Protocol):
    """Something that can be written out in a language: a message, or a plain string
    wrapped by :func:`~roadmap_graph.vocabulary.verbatim`."""

    def text(self, lang: str) -> str:
        """The text in ``lang`` (``"ko"`` or ``"en"``)."""
        ...


@dataclass(frozen=True, order=True)
class Location:
    """Where something was read: a file path with a 1-based line and column.

    ``line`` and ``column`` are ``None`` when the problem concerns the whole file (it
    cannot be read, it is empty). A cell of a spreadsheet is a location too: its path is
    ``file.xlsx:sheet!D17`` and it has no line.
    """

    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return self.path
        if self.column is None:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file: where, what, and what to do about it.

    Written ``path:line:col: error: message`` in every language: editors and CI read that
    shape, so only the message after ``error:`` is translated.
    """

    location: Location | None
    message: Text

    def render(self, lang: str) -> str:
        """The problem as one line, its message in ``lang``."""
        where = f"{self.location}: " if self.location is not None else ""
        return f"{where}error: {self.message.text(lang)}"

    def __str__(self) -> str:
        return self.render(_DEFAULT_LANG)


_DEFAULT_LANG = "ko"  # the vocabulary's DEFAULT_LANG; errors sit below it and cannot import it


class RoadmapGraphError(Exception):
    """Base class of every error roadmap-graph raises on purpose."""

    exit_code = 1

    def __init__(self, message: Text) -> None:
        self.message = message
        super().__init__(message)

    def render(self, lang: str) -> str:
        """The message in ``lang``."""
        return self.message.text(lang)

    def __str__(self) -> str:
        return self.render(_DEFAULT_LANG)


class RoadmapLoadError(RoadmapGraphError):
    """Raised when input files cannot become a valid roadmap.

    ``problems`` holds every problem found (all of them, not just the first), in file
    and line order; ``render(lang)`` gives one ``path:line:col: error: ...`` line per problem.
    """

    exit_code = 3

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        Exception.__init__(self, self.problems)
        self.message = _Lines(self.problems)


@dataclass(frozen=True)
class _Lines:
    problems: tuple[Problem, ...]

    def text(self, lang: str) -> str:
        return "\n".join(p.render(lang) for p in self.problems)


class InvalidOptionError(RoadmapGraphError, ValueError):
    """Raised when an option names something that does not exist (a rule code, a field, a
    language)."""

    exit_code = 2


class UnknownNodeError(RoadmapGraphError, KeyError):
    """Raised when a node id asked for is not in the roadmap (or is not of the kind asked)."""

    exit_code = 4

    def __init__(self, node: str, message: Text) -> None:
        self.node = node
        super().__init__(message)

    def __str__(self) -> str:  # KeyError would print the message in quotes
        return self.render(_DEFAULT_LANG)


class OutputError(RoadmapGraphError):
    """Raised when an output (figure, export, page, schema) cannot be written; files that
    were there before are left as they were. ``path`` is the output that failed."""

    exit_code = 6

    def __init__(self, path: str, message: Text) -> None:
        self.path = path
        super().__init__(message)


class OutputPathError(OutputError):
    """Raised when an output path is refused before anything is written: it is an input
    roadmap file (also through a link), or a folder, device or FIFO where a file is needed,
    or a file where a folder is needed."""


class OutputValueError(OutputError):
    """Raised when the data holds a value an output format cannot carry as it is (a NaN or
    an infinite number in JSON, which ``JSON.parse`` rejects); ``path`` is where in the
    data it is (``nodes[id=ai_m].targets[0].value``). Nothing is written."""
