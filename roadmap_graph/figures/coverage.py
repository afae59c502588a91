"""The coverage matrix drawn as a heatmap: missions (rows) against measure categories or
technologies (columns), gaps (zero cells) hatched with a ``×``.

Colour is field, and only field (:mod:`roadmap_graph.vocabulary.visual`): the row and column
names are in their field's colour; the cells are shades of grey (counts of measures), and a
technology's cell light grey when it is in the mission's chain and ink when it is a gateway
of the mission (gateway marks are ink in every figure).

The numbers come from :func:`roadmap_graph.analyses.coverage.coverage_matrix`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import networkx as nx

from ..analyses.coverage import coverage_matrix
from ..graph.fields import field_order
from ..vocabulary import check_lang, node_name, text
from ..vocabulary.visual import INK
from .layout import wrap_label, wrap_lines
from .style import field_colours, figure_style

if TYPE_CHECKING:  # matplotlib is imported only when drawing
    from matplotlib.axes import Axes

__all__ = ["plot_coverage"]

GAP_FACE = "#f0f0f0"
GAP_EDGE = "#b0b0b0"
GAP_MARK = "#707070"
GAP_HATCH = "////"
IN_CHAIN_COLOUR = "#c8c8c8"
GATEWAY_CELL_COLOUR = INK


def plot_coverage(
    G: nx.DiGraph,
    *,
    ax: Axes | None = None,
    lang: str = "ko",
    columns: str = "categories",
    annotate: bool | None = None,
    cbar: bool = True,
    cmap: Any = "Greys",
    title: str | None = None,
    wrap: int | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw the coverage matrix of ``G`` as a heatmap; gaps (zero cells) hatched with ``×``.

    Parameters
    ----------
    G
        A roadmap graph (:func:`roadmap_graph.to_networkx`).
    ax
        The Axes to draw on; ``None`` creates a figure sized to the matrix.
    lang
        ``"ko"`` or ``"en"``: names, column labels, title and legend.
    columns
        ``"categories"`` (measures per category) or ``"technologies"`` (1 in the chain,
        2 a gateway of the mission); see :func:`coverage_matrix`.
    annotate
        Write each non-zero cell's number; default: for categories only.
    cbar
        Draw a colour bar.
    cmap
        Colour map of the measure counts (categories only).
    title
        The title; ``None`` for the default in ``lang``, ``""`` for none.
    wrap
        Wrap column labels at this many narrow characters (Hangul counts two); default
        24 for categories and 28 for technologies. Row labels wrap at 40.
    **kwargs
        Passed to the :class:`matplotlib.patches.Rectangle` of every non-gap cell.

    Returns
    -------
    matplotlib.axes.Axes
        Cells are rectangles with gid ``"cell:<mission>:<column>"`` (gaps
        ``"gap:<mission>:<column>"``); their ``×`` texts have gid ``"gapmark:..."`` and the
        numbers ``"count:..."``.
    """
    import matplotlib as mpl
    import matplotlib.pyplot as plt
    from matplotlib import colors as mcolors
    from matplotlib.cm import ScalarMappable
    from matplotlib.patches import Patch, Rectangle

    check_lang(lang)
    rows, cols, matrix = coverage_matrix(G, columns=columns)
    if annotate is None:
        annotate = columns == "categories"
    wrap = wrap or (24 if columns == "categories" else 28)
    techs = columns == "technologies"
    fields = field_colours(field_order(G))

    if techs:
        colours = {1: IN_CHAIN_COLOUR, 2: GATEWAY_CELL_COLOUR}
        norm = mcolors.BoundaryNorm([0.5, 1.5, 2.5], 2)
        scale = mcolors.ListedColormap([colours[1], colours[2]])
    else:
        top = max(3, max((v for row in matrix for v in row), default=0))  # at least 1, 2, 3
        base = plt.get_cmap(cmap) if isinstance(cmap, str) else cmap
        scale = mcolors.ListedColormap([base(0.45 + 0.5 * k / max(top - 1, 1)) for k in range(top)])
        norm = mcolors.BoundaryNorm([k + 0.5 for k in range(top + 1)], top)

    with figure_style():
        # Texts an axes made before (its title, axis labels, ticks) keep their font: name it.
        family = mpl.rcParams["font.family"]
        if ax is None:
            width = 3.6 + len(cols) * (0.85 if not techs else 0.3) + (1.4 if cbar else 0.3)
            height = 1.4 + len(rows) * 0.5 + (0.8 if not techs else 2.2)
            _, ax = plt.subplots(figsize=(min(max(width, 6.0), 30.0), min(max(height, 3.5), 30.0)), layout="constrained")
        for i, m in enumerate(rows):
            for j, c in enumerate(cols):
                value = matrix[i][j]
                key = f"{m}:{c}"
                if value == 0:
                    ax.add_patch(
                        Rectangle(
                            (j, i), 1, 1, facecolor=GAP_FACE, edgecolor=GAP_EDGE, hatch=GAP_HATCH,
                            linewidth=0.5, gid=f"gap:{key}",
                        )
                    )  # fmt: skip
                    ax.text(
                        j + 0.5, i + 0.5, "×", ha="center", va="center", color=GAP_MARK,
                        fontsize=7 if techs else 11, gid=f"gapmark:{key}",
                    )  # fmt: skip
                    continue
                options = {"edgecolor": "white", "linewidth": 1.0, **kwargs}
                ax.add_patch(Rectangle((j, i), 1, 1, facecolor=scale(norm(value)), gid=f"cell:{key}", **options))
                if annotate:
                    shade = mcolors.to_rgb(scale(norm(value)))
                    ink = "white" if sum(shade) / 3 < 0.5 else "black"
                    ax.text(j + 0.5, i + 0.5, str(value), ha="center", va="center", color=ink, gid=f"count:{key}")
        ax.set_xlim(0, max(len(cols), 1))
        ax.set_ylim(max(len(rows), 1), 0)
        if not rows or not cols:  # nothing to cover, or no mission: say so
            ax.text(0.5, 0.5, text("word.none", lang), ha="center", va="center", color=GAP_MARK,
                    transform=ax.transAxes, gid="empty")  # fmt: skip
        ax.set_yticks([i + 0.5 for i in range(len(rows))])
        ax.set_yticklabels([wrap_lines(node_name(G.nodes[m], lang), 40, 3) for m in rows], fontsize=8.5, parse_math=False, family=family)
        for label, m in zip(ax.get_yticklabels(), rows):
            label.set_color(fields[G.nodes[m]["field"]])
        ax.set_xticks([j + 0.5 for j in range(len(cols))])
        if techs:
            names = [wrap_lines(node_name(G.nodes[t], lang), wrap, 2) for t in cols]
            ax.set_xticklabels(names, rotation=90, fontsize=8, linespacing=1.0, parse_math=False, family=family)
            for label, t in zip(ax.get_xticklabels(), cols):
                label.set_color(fields[G.nodes[t]["field"]])
        else:
            ax.set_xticklabels([wrap_label(text(f"category.{c}", lang), wrap // 2 if lang == "ko" else 15) for c in cols], fontsize=9, parse_math=False, family=family)
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        # Lines between fields (rows and, for technologies, columns).
        for i in range(1, len(rows)):
            if G.nodes[rows[i]]["field"] != G.nodes[rows[i - 1]]["field"]:
                ax.axhline(i, color="#404040", linewidth=1.2)
        if techs:  # fields apart; a thin line before each core technology's group
            for j in range(1, len(cols)):
                if G.nodes[cols[j]]["field"] != G.nodes[cols[j - 1]]["field"]:
                    ax.axvline(j, color="#404040", linewidth=1.2)
                elif G.nodes[cols[j]]["kind"] == "core_technology":
                    ax.axvline(j, color="#808080", linewidth=0.6)
        ax.set_xlabel(text("fig.technology" if techs else "fig.measure_category", lang), family=family)
        ax.set_ylabel(text("fig.missions", lang), family=family)
        if title is None:
            title = text("title.coverage_technologies" if techs else "title.coverage_categories", lang)
        if title:
            ax.set_title(title, fontsize=11, parse_math=False, family=family)
        gap = Patch(facecolor=GAP_FACE, edgecolor=GAP_EDGE, hatch=GAP_HATCH, label=f"× {text('fig.gap', lang)}")
        handles = [gap]
        if techs and not (cbar and rows and cols):
            handles = [
                Patch(facecolor=IN_CHAIN_COLOUR, label=text("fig.in_chain", lang)),
                Patch(facecolor=GATEWAY_CELL_COLOUR, label=text("fig.gateway", lang)),
                gap,
            ]
        where = ax
        bar_drawn = bool(cbar and rows and cols)
        if bar_drawn:
            mappable = ScalarMappable(norm=norm, cmap=scale)
            shrink = min(0.75, 0.1 + 0.09 * len(rows))
            bar = ax.figure.colorbar(mappable, ax=ax, shrink=shrink, pad=0.02, aspect=10, anchor=(0.0, 0.0))
            if techs:
                bar.set_ticks([1, 2], labels=[text("fig.in_chain", lang), text("fig.gateway", lang)])
            else:
                bar.set_ticks(list(range(1, top + 1)))
                bar.set_label(text("fig.n_measures", lang))
            bar.ax.tick_params(labelsize=8.5)
            bar.ax.set_gid("colorbar")
            where = bar.ax  # the gap key sits above the colour bar
        legend = where.legend(
            handles=handles, loc="lower left" if bar_drawn else "upper left",
            bbox_to_anchor=(0.0, 1.03) if bar_drawn else (1.02, 1.0),
            frameon=False, fontsize=8.5, borderaxespad=0.0, handlelength=1.6,
        )  # fmt: skip
        legend.set_gid("legend")
    return ax
