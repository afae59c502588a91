"""Measuring a figure as a reader meets it (:func:`figure_checks`): its size, aspect ratio,
the smallest text when it is shown at page width, overlapping labels, and artists that
leave the figure. The tests and ``benchmarks/views.py`` hold every figure the report shows
at scale to these numbers.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> fig = plt.figure(figsize=(4, 3))
>>> _ = fig.text(0.1, 0.5, "a", fontsize=10); _ = fig.text(0.1, 0.5, "b", fontsize=10)
>>> figure_checks(fig)["label_overlaps"]
1
>>> plt.close(fig)
"""

from __future__ import annotations

from typing import Any

__all__ = ["figure_checks"]


def figure_checks(fig: Any, display_width: float = 1400.0, dpi: float = 72.0) -> dict[str, Any]:
    """``{"width_px", "height_px"`` (at ``dpi``), ``"aspect"`` (width/height),
    ``"min_label_px"`` (the smallest font size, in px, when the figure is shown
    ``display_width`` px wide), ``"labels"``, ``"label_overlaps"`` (pairs of text boxes, as
    the Agg renderer measures them, that intersect by more than half a point),
    ``"outside"`` (texts, patches and lines reaching more than a point beyond the figure)
    ``}``."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.lines import Line2D
    from matplotlib.text import Text

    from .style import figure_style

    with figure_style():
        fig.set_dpi(dpi)
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        renderer = canvas.get_renderer()
        width, height = fig.get_size_inches()
        drawn: list[Any] = list(fig.texts)
        for ax in fig.axes:  # the texts drawn: an axes' own, its titles, legend, and tick labels when its axis is on
            drawn += [*ax.texts, ax.title, ax._left_title, ax._right_title]
            if ax.get_legend() is not None:
                drawn += ax.get_legend().get_texts()
            if ax.axison:
                drawn += [*ax.get_xticklabels(), *ax.get_yticklabels(), ax.xaxis.label, ax.yaxis.label]
        texts = [t for t in drawn if isinstance(t, Text) and t.get_visible() and t.get_text().strip()]
        boxes = [t.get_window_extent(renderer) for t in texts]
        sizes = [t.get_fontsize() for t in texts]
        scale = display_width / (width * 72)
        order = sorted(range(len(boxes)), key=lambda i: boxes[i].x0)
        overlaps = 0
        tol = 0.5 * dpi / 72
        for a, i in enumerate(order):
            bi = boxes[i]
            for j in order[a + 1 :]:
                bj = boxes[j]
                if bj.x0 >= bi.x1 - tol:
                    break
                if min(bi.x1, bj.x1) - max(bi.x0, bj.x0) > tol and min(bi.y1, bj.y1) - max(bi.y0, bj.y0) > tol:
                    overlaps += 1
        W, H = width * dpi, height * dpi
        margin = dpi / 72
        outside = 0
        artists: list[Any] = list(texts)
        for ax in fig.axes:  # what is drawn: the axes' own artists and legend (not its hidden spines and ticks)
            artists += [*ax.patches, *ax.lines, *ax.collections]
            if ax.get_legend() is not None:
                artists.append(ax.get_legend())
        for artist in artists:
            if not artist.get_visible() or (isinstance(artist, Line2D) and not np.size(artist.get_xdata())):
                continue
            try:
                box = artist.get_window_extent(renderer)
            except (TypeError, ValueError, RuntimeError):  # pragma: no cover - an artist without extent
                continue
            if box.width <= 0 and box.height <= 0:
                continue
            if box.x0 < -margin or box.y0 < -margin or box.x1 > W + margin or box.y1 > H + margin:
                outside += 1
    return {
        "width_px": round(W),
        "height_px": round(H),
        "aspect": round(width / height, 3),
        "min_label_px": round(min(sizes, default=0.0) * scale, 2),
        "labels": len(texts),
        "label_overlaps": overlaps,
        "outside": outside,
    }
