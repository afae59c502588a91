"""Draw a figure of a roadmap graph and save it: the one entry point behind ``roadmap-graph draw``.

:func:`save_figure` draws a figure of one graph; :func:`save_diff_figure` the figure of two
versions of a roadmap (``draw diff OLD NEW``); :func:`save_portfolio_figure` the figure of a
portfolio laid over a roadmap (``draw portfolio FILE``).

The figure functions (:func:`~roadmap_graph.figures.roadmap.plot_roadmap` and the others) draw
on matplotlib Axes and never save; this module picks one by name, lets it make its own
figure, renders it in memory in the format its extension names (SVG, PNG or PDF) and
hands the bytes to the one writer, :func:`roadmap_graph.outputs.write_file`: the file is
written atomically and never over an input roadmap file.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import InvalidOptionError
from ..outputs import check_outputs, write_file
from ..vocabulary import Message, check_choice, verbatim

KINDS = ("roadmap", "chain", "convergence", "coverage", "overview")
#: The figures of two versions of a roadmap (:func:`save_diff_figure`).
TWO_GRAPH_KINDS = ("diff",)
#: The figures of a roadmap with a portfolio over it (:func:`save_portfolio_figure`).
PORTFOLIO_KINDS = ("portfolio",)
#: The parameters of each figure that an analysis's parameters can set (the report passes
#: a run's parameters on to the figure of its section).
FIGURE_PARAMETERS: dict[str, tuple[str, ...]] = {
    "roadmap": (),
    "chain": ("mission",),
    "convergence": ("fields",),
    "coverage": ("columns",),
    "overview": (),
}
FORMATS = {".svg": "svg", ".png": "png", ".pdf": "pdf"}


def draw(G: nx.DiGraph, kind: str, *, lang: str = "ko", mission: str | None = None, **options: Any) -> Any:
    """Draw figure ``kind`` on a new figure and return its Axes (the caller closes it)."""
    if kind == "roadmap":
        from .roadmap import plot_roadmap

        return plot_roadmap(G, lang=lang, **options)
    if kind == "chain":
        if mission is None:
            raise InvalidOptionError(Message("error.figure_needs_mission"))
        from .chain import plot_chain

        return plot_chain(G, mission, lang=lang, **options)
    if kind == "convergence":
        from .convergence import plot_convergence

        return plot_convergence(G, lang=lang, **options)
    if kind == "coverage":
        from .coverage import plot_coverage

        return plot_coverage(G, lang=lang, **options)
    if kind == "overview":
        from .overview import plot_overview

        return plot_overview(G, lang=lang, **options)
    check_choice(kind, KINDS, "error.what_figure")
    raise AssertionError(kind)  # pragma: no cover - check_choice raised


def save_figure(
    G: nx.DiGraph,
    kind: str,
    path: str | os.PathLike[str],
    *,
    lang: str = "ko",
    mission: str | None = None,
    protect: Iterable[str | os.PathLike[str]] = (),
    **options: Any,
) -> Path:
    """Draw figure ``kind`` and write it to ``path`` (.svg, .png or .pdf), atomically.

    ``protect`` names files the figure must not replace, besides the roadmap files read.

    Raises
    ------
    InvalidOptionError
        For an unknown figure or file extension.
    OutputPathError
        When ``path`` is refused (an input roadmap file, a folder, a device); nothing is
        written.
    OutputError
        When writing fails; an old file at ``path`` is left as it was.
    """
    target = _checked_target(path, protect)
    return _write_figure(draw(G, kind, lang=lang, mission=mission, **options), target, protect)


def save_diff_figure(
    old_G: nx.DiGraph,
    new_G: nx.DiGraph,
    path: str | os.PathLike[str],
    *,
    lang: str = "ko",
    protect: Iterable[str | os.PathLike[str]] = (),
    **options: Any,
) -> Path:
    """Draw the diff figure of two versions of a roadmap
    (:func:`~roadmap_graph.figures.diff.plot_diff`) and write it to ``path`` (.svg, .png or
    .pdf), atomically, as :func:`save_figure` (the same errors)."""
    target = _checked_target(path, protect)
    from .diff import plot_diff

    return _write_figure(plot_diff(old_G, new_G, lang=lang, **options), target, protect)


def save_portfolio_figure(
    G: nx.DiGraph,
    report: Any,
    path: str | os.PathLike[str],
    *,
    lang: str = "ko",
    protect: Iterable[str | os.PathLike[str]] = (),
    **options: Any,
) -> Path:
    """Draw the portfolio figure of ``report`` (a
    :class:`~roadmap_graph.analyses.portfolio.PortfolioReport` of ``G``;
    :func:`~roadmap_graph.figures.portfolio.plot_portfolio`) and write it to ``path`` (.svg,
    .png or .pdf), atomically, as :func:`save_figure` (the same errors). ``protect`` should
    name the portfolio file read, too."""
    target = _checked_target(path, protect)
    from .portfolio import plot_portfolio

    return _write_figure(plot_portfolio(G, report, lang=lang, **options), target, protect)


def _checked_target(path: str | os.PathLike[str], protect: Iterable[str | os.PathLike[str]]) -> Path:
    """``path`` when it names a figure format and may be written, before anything is drawn."""
    target = Path(path)
    if target.suffix.lower() not in FORMATS:
        raise InvalidOptionError(Message("error.figure_format", path=verbatim(target), formats=verbatim(", ".join(FORMATS))))
    check_outputs([target], protect=protect)
    return target


def _write_figure(ax: Any, target: Path, protect: Iterable[str | os.PathLike[str]]) -> Path:
    """Render the figure of ``ax`` in ``target``'s format and write it through the one writer
    (the figure is closed either way)."""
    import matplotlib.pyplot as plt

    from .style import figure_style

    fmt = FORMATS[target.suffix.lower()]
    fig = ax.figure
    buffer = io.BytesIO()
    try:
        with figure_style():  # Hangul fallback while laying out text
            fig.savefig(buffer, format=fmt, bbox_inches="tight", dpi=200 if fmt == "png" else None)
    finally:
        plt.close(fig)
    return write_file(target, buffer.getvalue(), protect=protect)
