"""The package's one error hierarchy, and the pieces its messages are made of.

::

    RoadmapGraphError             anything roadmap-graph refuses to do
    ├── RoadmapLoadError          input files that cannot become a valid roadmap;
    │                             carries every Problem found, one line each
    ├── InvalidOptionError        an option value no analysis accepts (a rule code that
    │   │                         matches no rule, a field that does not exist)
    │   └── OutputPathError       an output path refused: an input roadmap file, or a
    │                             file where a folder is needed (or the other way round)
    ├── OutputError               an output that cannot be written (disk, permissions)
    └── UnknownNodeError          a node id that is not in the roadmap (also a KeyError)

A problem *in* a roadmap that is still a valid file (a gap, a missing measure) is not an
exception: the analyses return it as a finding. Exceptions are for input that cannot be
analysed at all.

Each class has an ``exit_code`` that the CLI uses, so scripts can tell the cases apart:
1 for an unexpected failure, 2 for a bad command line (click's own code, and
InvalidOptionError), 3 for a roadmap that does not load, 4 for an id that is not in the
roadmap.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Location:
    """Where something was read: a file path with a 1-based line and column.

    ``line`` and ``column`` are ``None`` when the problem concerns the whole file (it
    cannot be read, it is empty).
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
    """One thing wrong with an input file: where, what, and what to do about it."""

    location: Location | None
    message: str

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location is not None else ""
        return f"{where}error: {self.message}"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return ``" (did you mean 'x'?)"`` for the closest choice, or ``""`` when none is close.

    >>> did_you_mean("ai_efficent_learning", ["ai_efficient_learning", "bio_vaccine"])
    " (did you mean 'ai_efficient_learning'?)"
    """
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


class RoadmapGraphError(Exception):
    """Base class of every error roadmap-graph raises on purpose."""

    exit_code = 1


class RoadmapLoadError(RoadmapGraphError):
    """Raised when input files cannot become a valid roadmap.

    ``problems`` holds every problem found (all of them, not just the first), in file
    and line order; ``str()`` gives one ``path:line:col: error: ...`` line per problem.
    """

    exit_code = 3

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class InvalidOptionError(RoadmapGraphError, ValueError):
    """Raised when an option names something that does not exist (a rule code, a field)."""

    exit_code = 2


class OutputPathError(InvalidOptionError):
    """Raised when an output path is refused: it is an input roadmap file, or a file where a
    folder is needed (or the other way round). Nothing is written."""


class OutputError(RoadmapGraphError):
    """Raised when an output (export, figure, report) cannot be written; old files stay."""


class UnknownNodeError(RoadmapGraphError, KeyError):
    """Raised when a node id asked for is not in the roadmap (or is not of the kind asked)."""

    exit_code = 4

    def __init__(self, node: str, message: str) -> None:
        self.node = node
        self.message = message
        super().__init__(message)

    def __str__(self) -> str:  # KeyError would print the message in quotes
        return self.message
