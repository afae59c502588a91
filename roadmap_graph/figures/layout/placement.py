"""Coordinates: where every node, label, edge route, row and field band goes, in inches
(:func:`layered_layout`). See the package docstring for the method."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import networkx as nx

from ... import vocabulary
from ...graph.fields import field_order
from ...vocabulary import field_name, node_name
from .ordering import LayeredGraph
from .rows import Dummy, Node, layer_of, row_kinds
from .text import LABEL_LINES, Measure, estimate_text_size, wrap_label, wrap_lines

#: Width and height of an A4 sheet in landscape, in inches.
A4_LANDSCAPE = (11.69, 8.27)


@dataclass(frozen=True)
class Layout:
    """Where everything goes, in inches from the lower left corner of a figure of ``size``.

    Attributes
    ----------
    positions
        Node → ``(x, y)``: the centre of its marker. The label hangs below it.
    rows
        Node → row (0 at the top).
    order
        The nodes of each row, left to right (no dummies).
    slots
        The same with the :class:`Dummy` points of long edges (as :func:`order_layers`).
    row_kinds
        The kind of each row.
    row_extents
        ``(bottom, top)`` of each row: from the top of its highest marker to the bottom of
        its lowest label.
    staggered
        The rows split into two sub-rows.
    labels
        Node → its wrapped name (lines joined by ``"\\n"``).
    label_boxes
        Node → ``(x0, y0, x1, y1)`` of its label as measured: the text is drawn centred at
        ``x``, its top at ``y1``.
    label_fontsize
        The label font size, in points.
    marker_size
        The marker diameter, in points.
    fields
        The fields, left to right.
    bands
        Field → ``(x0, x1)``, its band (bands never overlap).
    band_top
        The top of the bands (the field names sit just below it).
    band_bottom
        The bottom of the bands.
    row_title_x
        ``(x0, x1)`` of the column of row titles at the left.
    row_titles
        The title of each row (the kind's name, wrapped; ``""`` for a lower sub-row of a
        kind, whose title is on the kind's first row).
    band_labels
        Field → its name in ``lang``.
    routes
        ``(u, v)`` → the points an edge passes, from ``u`` to ``v``: the end of u (bottom of
        its label, or its top for an edge going up), a vertical run to the edge of u's row,
        a vertical run through each row it crosses, then v. Consecutive points with the same
        x are a vertical run; the others are the gaps between rows.
    size
        ``(width, height)`` of the figure.
    crossings
        :func:`count_crossings` of ``slots``.
    lang
        The language of the labels.
    """

    positions: dict[Node, tuple[float, float]]
    rows: dict[Node, int]
    order: tuple[tuple[Node, ...], ...]
    slots: tuple[tuple[Hashable, ...], ...]
    row_kinds: tuple[str, ...]
    row_extents: tuple[tuple[float, float], ...]
    staggered: frozenset[int]
    labels: dict[Node, str]
    label_boxes: dict[Node, tuple[float, float, float, float]]
    label_fontsize: float
    marker_size: float
    fields: tuple[str, ...]
    bands: dict[str, tuple[float, float]]
    band_top: float
    band_bottom: float
    row_title_x: tuple[float, float]
    row_titles: tuple[str, ...]
    band_labels: dict[str, str]
    routes: dict[tuple[Node, Node], tuple[tuple[float, float], ...]]
    size: tuple[float, float]
    crossings: int
    lang: str


def _isotonic(target: list[float], weight: list[float]) -> list[float]:
    """The non-decreasing sequence closest to ``target`` in weighted least squares (PAV)."""
    blocks: list[list[float]] = []  # [weighted sum, weight, count]
    for t, w in zip(target, weight):
        blocks.append([t * w, w, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s, w2, c = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += w2
            blocks[-1][2] += c
    out: list[float] = []
    for s, w, c in blocks:
        out.extend([s / w] * int(c))
    return out


def layered_layout(
    G: nx.DiGraph,
    *,
    lang: str = "ko",
    fontsize: float = 7.0,
    max_label_chars: int = 30,
    min_label_chars: int = 10,
    page: tuple[float, float] = A4_LANDSCAPE,
    margins: tuple[float, float, float, float] = (0.25, 0.25, 0.5, 0.75),
    fields: Sequence[str] | None = None,
    sweeps: int = 8,
    measure: Measure | None = None,
) -> Layout:
    """Lay ``G`` out in rows by kind and field bands, with no overlapping labels.

    Parameters
    ----------
    G
        A roadmap graph or any subgraph of one (nodes need ``kind``, ``field``, ``name``,
        and ``name_en`` for English).
    lang
        ``"ko"`` or ``"en"``: the names to wrap (:func:`roadmap_graph.labels.node_name`).
    fontsize
        Label size in points.
    max_label_chars, min_label_chars
        The widest and narrowest label lines, in :func:`text_units` (a Hangul syllable is
        2): labels wrap at the widest unless their row does not fit the page.
    page
        The size to fit, in inches (default A4 landscape). When the content cannot fit even
        with the narrowest labels and staggered rows, the layout is wider or taller than the
        page and ``size`` says so.
    margins
        ``(left, right, top, bottom)`` inches kept free (top for a title, bottom for a legend).
    fields
        The fields from left to right (default :func:`field_order`); other fields follow.
    sweeps
        Passed to :func:`order_layers`.
    measure
        ``measure(text, fontsize) -> (width, height)`` in points of a multi-line text;
        default :func:`estimate_text_size`. A figure passes its renderer's measure.
    """
    measure = measure or estimate_text_size
    layers = layer_of(G)
    kinds = row_kinds(G, layers)
    order_fields = list(fields or []) + [f for f in field_order(G) if f not in (fields or [])]
    order_fields = [f for f in order_fields if any(G.nodes[n].get("field") == f for n in G)]
    proper = LayeredGraph(G, layers, "field", order_fields)
    rows_idx = proper.minimise(sweeps)
    pos_idx = proper.positions(rows_idx, len(proper.items))
    crossings = proper.crossings(rows_idx, pos_idx)
    n_rows = proper.n_rows
    items = proper.items
    n_real = proper.n_real

    pt = 1 / 72  # inch per point
    ms = fontsize * 1.15  # marker diameter, points
    pad = fontsize * 1.1 * pt  # between two labels
    dummy_half = fontsize * 0.25 * pt
    dummy_pad = fontsize * 0.35 * pt
    label_drop = (ms * 0.95 + 1.0) * pt  # marker centre to label top: clear of a gateway ring
    min_half = ms * 1.15 * pt  # a node is at least as wide as its gateway ring or halo

    # Label options: size of each node's label at each wrap width (cached).
    sizes: dict[tuple[int, int], tuple[str, float, float]] = {}

    def label(i: int, width: int) -> tuple[str, float, float]:
        if (i, width) not in sizes:
            name = node_name(G.nodes[items[i]], lang)
            # at the preferred widths a label takes at most LABEL_LINES lines, at the
            # narrower ones (a crowded row's last resort) one more: widened to fit
            text = wrap_lines(name, width, LABEL_LINES if width >= mid else LABEL_LINES + 1)
            w, h = measure(text, fontsize)
            sizes[(i, width)] = (text, w * pt, h * pt)
        return sizes[(i, width)]

    # Segments: (row, field rank) → item indices left to right.
    segments: dict[tuple[int, int], list[int]] = {}
    for r, row in enumerate(rows_idx):
        for i in row:
            segments.setdefault((r, proper.group[i]), []).append(i)
    n_groups = len(order_fields)

    def half(i: int, width: int) -> float:
        if i >= n_real:
            return dummy_half
        return max(label(i, width)[1] / 2, min_half)

    def gaps(seg: list[int], stagger: bool, width: int) -> list[float]:
        out = []
        for a, b in zip(seg, seg[1:]):
            if a >= n_real and b >= n_real:
                out.append(2 * dummy_half + dummy_pad)
            elif a >= n_real or b >= n_real:
                out.append(half(a, width) + half(b, width) + dummy_pad)
            elif stagger:
                out.append(max(half(a, width), half(b, width)) + pad / 2)
            else:
                out.append(half(a, width) + half(b, width) + pad)
        return out

    def seg_width(seg: list[int], option: tuple[bool, int]) -> float:
        stagger, width = option
        return sum(gaps(seg, stagger, width)) + half(seg[0], width) + half(seg[-1], width)

    # The ways to fit a segment, most preferred first: narrower lines down to half-way,
    # then staggered from the widest lines, then the narrowest lines unstaggered.
    step = 2
    mid = max(min_label_chars, (max_label_chars + min_label_chars) // 2)
    options = (
        [(False, w) for w in range(max_label_chars, mid - 1, -step)]
        + [(True, w) for w in range(max_label_chars, min_label_chars - 1, -step)]
        + [(False, w) for w in range(mid - step, min_label_chars - 1, -step)]
    )
    choice: dict[tuple[int, int], int] = dict.fromkeys(segments, 0)  # index into options

    band_names = {f: field_name(G.graph.get("fields", {}), f, lang) for f in order_fields}
    band_name_w = {f: measure(band_names[f], fontsize * 1.15)[0] * pt for f in order_fields}
    titles = [wrap_label(vocabulary.text(f"kind.{k}", lang), 10) if k else "" for k in kinds]
    # Row titles are drawn turned a quarter left: the column is as wide as a title is high.
    title_w = max((measure(t, fontsize * 1.1)[1] * pt for t in titles if t), default=0.0)
    band_pad = fontsize * 0.6 * pt
    band_gap = fontsize * 1.2 * pt
    left, right, top, bottom = margins
    title_col = (left, left + title_w + band_gap if title_w else left)
    avail = page[0] - title_col[1] - right - n_groups * 2 * band_pad - max(n_groups - 1, 0) * band_gap

    def widest(g: int) -> tuple[float, tuple[int, int] | None]:
        best: tuple[float, tuple[int, int] | None] = (band_name_w[order_fields[g]], None)
        for key, seg in segments.items():
            if key[1] == g:
                w = seg_width(seg, options[choice[key]])
                if w > best[0]:
                    best = (w, key)
        return best

    # Squeeze: while the bands are too wide, take the band whose widest segment is the least
    # squeezed so far and move that segment to its next narrower option.
    demand = [widest(g) for g in range(n_groups)]
    while sum(d for d, _ in demand) > avail:
        candidates = []
        for g, (w, key) in enumerate(demand):
            if key is None:
                continue
            seg = segments[key]
            narrower = [k for k in range(choice[key] + 1, len(options)) if seg_width(seg, options[k]) < w - 1e-9]
            if narrower:
                candidates.append((choice[key], -w, g, key, narrower[0]))
        if not candidates:
            break
        _, _, g, key, k = min(candidates)
        choice[key] = k
        demand[g] = widest(g)
    demand_w = [d for d, _ in demand]
    spare = avail - sum(demand_w)
    total_demand = sum(demand_w)
    band_w = [d + (min(spare * d / total_demand, 0.6 * d) if spare > 0 and total_demand else 0.0) for d in demand_w]
    content_w = title_col[1] + sum(band_w) + n_groups * 2 * band_pad + max(n_groups - 1, 0) * band_gap + right
    width_in = max(page[0], content_w)
    shift = (width_in - content_w) / 2
    band_x: list[tuple[float, float]] = []
    x = title_col[1] + shift
    for g in range(n_groups):
        band_x.append((x, x + band_w[g] + 2 * band_pad))
        x += band_w[g] + 2 * band_pad + band_gap
    title_col = (title_col[0] + shift, title_col[1] + shift)

    # Sub-rows and vertical sizes.
    staggered = {r for (r, _), k in choice.items() if options[k][0]}
    width_of = {i: options[choice[(proper.row[i], proper.group[i])]][1] for i in range(n_real)}
    sub_of: dict[int, int] = {}
    for key, seg in segments.items():
        stag = options[choice[key]][0]
        k = 0
        for i in seg:
            if i < n_real:
                sub_of[i] = k % 2 if stag else 0
                k += 1
    text_h: dict[int, float] = {i: label(i, width_of[i])[2] for i in range(n_real)}
    sub_h: list[list[float]] = [[0.0, 0.0] for _ in range(n_rows)]
    for i in range(n_real):
        r = proper.row[i]
        sub_h[r][sub_of[i]] = max(sub_h[r][sub_of[i]], text_h[i])
    block = [[ms * pt / 2 + label_drop + h for h in sub_h[r]] for r in range(n_rows)]
    sub_gap = fontsize * 0.8 * pt
    row_h = [block[r][0] + ((sub_gap + block[r][1]) if r in staggered else 0.0) for r in range(n_rows)]
    band_head = fontsize * 1.15 * 1.5 * pt + band_pad
    fixed = top + bottom + band_head + 2 * band_pad + sum(row_h)
    gap_min, gap_max = 0.28, 1.25
    row_gap = min(gap_max, max(gap_min, (page[1] - fixed) / (n_rows - 1))) if n_rows > 1 else 0.0
    height_in = max(page[1], fixed + row_gap * max(n_rows - 1, 0))
    band_top = height_in - top - (height_in - fixed - row_gap * max(n_rows - 1, 0)) / 2
    y = band_top - band_head
    row_top: list[float] = []
    for r in range(n_rows):
        row_top.append(y)
        y -= row_h[r] + row_gap
    row_extents = tuple((row_top[r] - row_h[r], row_top[r]) for r in range(n_rows))
    band_bottom = row_extents[-1][0] - band_pad if n_rows else band_top

    # x positions: spread each segment over its band, then pull towards neighbours.
    xs = [0.0] * len(items)
    seg_params: dict[tuple[int, int], tuple[list[float], float, float]] = {}
    for key, seg in segments.items():
        stag, width = options[choice[key]]
        g = key[1]
        lo, hi = band_x[g][0] + band_pad, band_x[g][1] - band_pad
        gs = gaps(seg, stag, width)
        offsets = [half(seg[0], width)]
        for gp in gs:
            offsets.append(offsets[-1] + gp)
        total = offsets[-1] + half(seg[-1], width)
        slack = max(hi - lo - total, 0.0)
        extra = slack / (len(seg) + 1)
        for k, i in enumerate(seg):
            xs[i] = lo + offsets[k] + extra * (k + 1)
        seg_params[key] = (offsets, lo, max(hi - lo - total, 0.0))

    def place(use_up: bool, use_down: bool) -> None:
        rng = list(range(n_rows)) if use_up and not use_down else list(range(n_rows - 1, -1, -1))
        for r in rng:
            for g in range(n_groups):
                seg = segments.get((r, g))
                if not seg:
                    continue
                offsets, lo, upper = seg_params[(r, g)]
                target, weight = [], []
                for k, i in enumerate(seg):
                    s = wsum = 0.0
                    if use_up:
                        for j, w in zip(proper.up[i], proper.wup[i]):
                            s += xs[j] * w
                            wsum += w
                    if use_down:
                        for j, w in zip(proper.down[i], proper.wdown[i]):
                            s += xs[j] * w
                            wsum += w
                    if wsum:
                        target.append(s / wsum - lo - offsets[k])
                        weight.append(wsum)
                    else:
                        target.append(xs[i] - lo - offsets[k])
                        weight.append(0.05)
                fitted = _isotonic(target, weight)
                for k, i in enumerate(seg):
                    xs[i] = lo + offsets[k] + min(max(fitted[k], 0.0), upper)

    for it in range(12):
        place(it % 2 == 0, it % 2 == 1)
    for _ in range(2):
        place(True, True)

    # Where a squeezed row has room to spare around a node, wrap its label wider (fewer
    # lines): the spacing rules still hold against its neighbours' final places.
    for key, seg in segments.items():
        stag, seg_w = options[choice[key]]
        g = key[1]
        lo, hi = band_x[g][0] + band_pad, band_x[g][1] - band_pad
        halves = {i: half(i, seg_w) for i in seg}

        def need(a: int, b: int, halves: dict[int, float] = halves, stag: bool = stag) -> float:
            if a >= n_real and b >= n_real:
                return 2 * dummy_half + dummy_pad
            if a >= n_real or b >= n_real:
                return halves[a] + halves[b] + dummy_pad
            if stag:
                return max(halves[a], halves[b]) + pad / 2
            return halves[a] + halves[b] + pad

        for k, i in enumerate(seg):
            if i >= n_real:
                continue
            for wider in range(max_label_chars, width_of[i], -step):
                old = halves[i]
                halves[i] = max(label(i, wider)[1] / 2, min_half)
                fits = lo <= xs[i] - halves[i] and xs[i] + halves[i] <= hi
                fits = fits and (k == 0 or xs[i] - xs[seg[k - 1]] >= need(seg[k - 1], i) - 1e-9)
                fits = fits and (k + 1 == len(seg) or xs[seg[k + 1]] - xs[i] >= need(i, seg[k + 1]) - 1e-9)
                if fits and label(i, wider)[2] <= text_h[i] + 1e-9:
                    width_of[i] = wider
                    break
                halves[i] = old

    # y of each node, label boxes.
    positions: dict[Node, tuple[float, float]] = {}
    labels: dict[Node, str] = {}
    boxes: dict[Node, tuple[float, float, float, float]] = {}
    for i in range(n_real):
        r = proper.row[i]
        k = sub_of[i]
        y_marker = row_top[r] - ms * pt / 2 - (block[r][0] + sub_gap if k else 0.0)
        text, w, h = label(i, width_of[i])
        n = items[i]
        positions[n] = (xs[i], y_marker)
        labels[n] = text
        y1 = y_marker - label_drop
        boxes[n] = (xs[i] - w / 2, y1 - h, xs[i] + w / 2, y1)

    routes: dict[tuple[Node, Node], tuple[tuple[float, float], ...]] = {}
    for (u, v), chain in proper.chains.items():
        a, b = items[chain[0]], items[chain[-1]]
        pts = [(xs[chain[0]], boxes[a][1]), (xs[chain[0]], row_extents[layers[a]][0])]
        for d in chain[1:-1]:
            r = proper.row[d]
            pts += [(xs[d], row_extents[r][1]), (xs[d], row_extents[r][0])]
        top_b = positions[b][1] + ms * pt / 2
        pts += [(xs[chain[-1]], row_extents[layers[b]][1]), (xs[chain[-1]], top_b)]
        clean = [pts[0]]
        for p in pts[1:]:
            if abs(p[0] - clean[-1][0]) > 1e-9 or abs(p[1] - clean[-1][1]) > 1e-9:
                clean.append(p)
        if a != u:
            clean.reverse()
        routes[(u, v)] = tuple(clean)

    slots = tuple(tuple(items[i] for i in row) for row in rows_idx)
    return Layout(
        positions=positions,
        rows=dict(layers),
        order=tuple(tuple(n for n in row if not isinstance(n, Dummy)) for row in slots),
        slots=slots,
        row_kinds=tuple(kinds),
        row_extents=row_extents,
        staggered=frozenset(staggered),
        labels=labels,
        label_boxes=boxes,
        label_fontsize=fontsize,
        marker_size=ms,
        fields=tuple(order_fields),
        bands={f: band_x[g] for g, f in enumerate(order_fields)},
        band_top=band_top,
        band_bottom=band_bottom,
        row_title_x=title_col,
        row_titles=tuple(t if r == 0 or kinds[r - 1] != kinds[r] else "" for r, t in enumerate(titles)),
        band_labels=band_names,
        routes=routes,
        size=(round(width_in, 4), round(height_in, 4)),
        crossings=crossings,
        lang=lang,
    )
