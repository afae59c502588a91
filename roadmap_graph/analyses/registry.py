"""The registry: one registration per analysis gives it a command and a report section.

An analysis is a module in :mod:`roadmap_graph.analyses` with a function that returns a
result (:mod:`.result`) and one :class:`Analysis` record that says how to run it: its name
(the command ``roadmap-graph NAME`` and the report section ``#NAME``), its title, its
parameters and their help, and what the report shows of it. The command line builds each
command from the record (with ``--format table|json|csv``, ``-g`` and ``--lang``), and the
report renders each registered analysis's tables, in registry order. See CONTRIBUTING.md.

Parameters are declared without click (:class:`Param`), so this layer does not depend on
the command line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ..errors import InvalidOptionError
from ..graph.index import RoadmapIndex
from ..vocabulary import Message, verbatim

ParamKind = Literal["mission", "node", "nodes", "choice", "int", "list", "flag", "file", "years"]


@dataclass(frozen=True)
class Param:
    """A parameter of an analysis, as the command line offers it.

    ``flag`` is the option's name (``"--mission"``); ``None`` makes it a positional
    argument. Kinds: ``mission``/``node`` (one id), ``nodes`` (one or more ids, positional),
    ``choice`` (one of ``choices``), ``int`` (at least ``minimum``), ``list`` (comma-separated
    values, repeatable: ``--select RG1,RG2 --select RG3``), ``flag`` (on/off), ``file`` (a
    file's path or a bundled file's name, e.g. a portfolio), ``years`` (a year range,
    ``2024-2030``, or one year, ``2025``: passed as ``(first, last)``). ``display``
    parameters shape the text table only (``--top``) and are not passed to the analysis.
    ``help`` is the option's help text (English, like all of ``--help``).
    """

    name: str
    help: str
    kind: ParamKind = "choice"
    flag: str | None = None
    choices: tuple[str, ...] = ()
    default: Any = None
    required: bool = False
    minimum: int | None = None
    display: bool = False


Run = Callable[..., Any]
ReportRuns = Callable[[RoadmapIndex], Sequence[Mapping[str, Any]]]


@dataclass(frozen=True)
class Analysis:
    """How to run one analysis, show it on the command line and put it in the report.

    ``run(index, **params)`` returns the result (``lang=`` is passed too when
    ``takes_lang``). ``summary`` is the command's one-line help and ``description`` the
    rest of its help (English). ``figure`` names the figure the report draws in the
    section (drawn with the run's parameters). ``report_runs`` gives the parameter sets the
    report shows (e.g. every mission); ``None`` means one run with the defaults, and an empty
    list none (an analysis that needs an input the report does not have, e.g. a portfolio).
    ``exit_status(result, params)`` is the command's exit status (``gaps --fail-on``).
    ``text_view`` names a method of the result that replaces the text tables on the
    command line (``"tree"`` for the chain).
    """

    name: str
    title: str
    summary: str
    run: Run
    description: str = ""
    params: tuple[Param, ...] = ()
    takes_lang: bool = False
    figure: str | None = None
    report_runs: ReportRuns | None = None
    exit_status: Callable[[Any, Mapping[str, Any]], int] | None = None
    text_view: str | None = None

    def __call__(self, index: RoadmapIndex, *, lang: str, **params: Any) -> Any:
        """Run the analysis on ``index`` with the command line's parameters."""
        wanted = {p.name for p in self.params if not p.display}
        kwargs = {k: v for k, v in params.items() if k in wanted}
        if self.takes_lang:
            kwargs["lang"] = lang
        return self.run(index, **kwargs)


def registry(*analyses: Analysis) -> dict[str, Analysis]:
    """The analyses by name, in the given order; a name given twice is a bug."""
    out: dict[str, Analysis] = {}
    for a in analyses:
        if a.name in out:
            raise ValueError(f"analysis {a.name!r} registered twice")
        out[a.name] = a
    return out


def year_range(value: str | tuple[int, int] | None) -> tuple[int, int] | None:
    """``"2024-2030"`` as ``(2024, 2030)``, ``"2025"`` as ``(2025, 2025)``; a pair is checked
    and kept; ``None`` stays ``None``.

    Raises
    ------
    InvalidOptionError
        When it is not one year or two years (first ≤ last) joined by ``-``.
    """
    if value is None:
        return None
    if isinstance(value, tuple):
        first, last = value
    else:
        found = re.fullmatch(r"\s*(\d{4})\s*(?:[-–]\s*(\d{4})\s*)?", str(value), re.ASCII)
        if found is None:
            raise InvalidOptionError(Message("error.years", value=verbatim(value)))
        first, last = int(found[1]), int(found[2] or found[1])
    if first > last:
        raise InvalidOptionError(Message("error.years", value=verbatim(f"{first}-{last}")))
    return first, last
