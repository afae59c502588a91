"""Draw a figure of a roadmap graph and save it: the one entry point behind ``roadmap-graph draw``.

The figure functions (:func:`~roadmap_graph.plots.roadmap.plot_roadmap` and the others) draw
on matplotlib Axes and never save; this module picks one by name, lets it make its own
figure, and writes the file atomically in the format its extension names (SVG, PNG or
PDF). It refuses to write over an input roadmap file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from ..outputs.atomic import temporary_beside
from ..errors import InvalidOptionError, OutputError
from ..vocabulary import Message, check_choice, verbatim
from ..outputs.protect import refuse_inputs

KINDS = ("roadmap", "chain", "convergence", "coverage")
#: The parameters of each figure that an analysis's parameters can set (the report passes
#: a run's parameters on to the figure of its section).
FIGURE_PARAMETERS: dict[str, tuple[str, ...]] = {
    "roadmap": (),
    "chain": ("mission",),
    "convergence": ("fields",),
    "coverage": ("columns",),
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

    Raises
    ------
    InvalidOptionError
        For an unknown figure or file extension, or a path that is an input roadmap file.
    """
    target = Path(path)
    fmt = FORMATS.get(target.suffix.lower())
    if fmt is None:
        raise InvalidOptionError(Message("error.figure_format", path=verbatim(target), formats=verbatim(", ".join(FORMATS))))
    refuse_inputs([target], protect)
    import matplotlib.pyplot as plt

    from .style import figure_style

    ax = draw(G, kind, lang=lang, mission=mission, **options)
    fig = ax.figure
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = temporary_beside(target)
        try:
            with open(tmp, "xb") as handle, figure_style():  # Hangul fallback while laying out text
                fig.savefig(handle, format=fmt, bbox_inches="tight", dpi=200 if fmt == "png" else None)
            os.replace(tmp, target)
        except OSError as err:
            message = Message("output.cannot_write", path=verbatim(target), reason=verbatim(err.strerror or err))
            raise OutputError(str(target), message) from err
        finally:
            tmp.unlink(missing_ok=True)
    finally:
        plt.close(fig)
    return target
