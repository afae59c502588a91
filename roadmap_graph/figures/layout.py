"""A layered (Sugiyama) layout of a roadmap graph: rows by kind, order to cut crossings, no
overlapping labels. Pure Python: nothing here imports matplotlib.

Four steps, each a public function that works on any roadmap graph or subgraph (a mission's
chain, one field, ...):

:func:`layer_of` — rows
    Missions on row 0, then core technologies, then enabling technologies, then ecosystem
    measures at the bottom. A kind whose nodes require each other is split into sub-rows by
    depth (longest path from the kind's top over the edges among that kind), so such a
    requirement always points to a lower row; in the bundled roadmap that happens to the
    enabling technologies (two sub-rows). Kinds with no node take no row. An edge to a
    higher row (a technology requiring a core technology, which the layer rules allow) is
    drawn upwards.

:func:`order_layers` — order inside each row
    Every edge spanning more than one row is cut at each row it passes by a :class:`Dummy`
    (the standard Sugiyama construction), so that every edge becomes a chain of segments
    between adjacent rows. From eight starting orders (by group then id; depth-first from
    the top; breadth-first over both directions from the top and from the bottom, as dot
    starts; and each of these mirrored), rows are reordered by barycenter sweeps and by
    median sweeps (down, then up, up to ``sweeps`` passes, ending early after two passes
    without a gain), each sweep followed by *transposition* (swap two neighbours when that
    removes crossings; on every other pass also when it leaves them equal, dot's way off a
    plateau); the best ordering seen is then *sifted* (each node moved to its best place in
    its row, rows of up to :data:`SIFT_MAX`) while that helps. The ordering with the fewest
    crossings seen is kept. Optional *groups* (the fields) stay contiguous in each row, in a
    fixed order left to right; a dummy belongs to the group of the nearer end of its edge.
    Everything is deterministic (no randomness): ties keep the current order, and starting
    orders sort by id. A sweep costs O(E log V); a transposition pass O(V·d²) for degree d;
    sifting a row of n O(n²·d²). Measured against Graphviz dot on the same rows in
    ``benchmarks/crossings.py``.

:func:`count_crossings` — the measure
    The number of pairs of segments between adjacent rows that cross, after dummy insertion:
    segments ``a–b`` and ``c–d`` (``a``, ``c`` on row r, ``b``, ``d`` on row r+1) cross when
    ``a`` is left of ``c`` and ``b`` right of ``d``; segments sharing an end never cross.
    It is the count of a drawing with straight segments between consecutive rows, and what
    Graphviz ``dot``'s *mincross* phase minimises (with dot's virtual nodes as the
    dummies). Edges between two nodes of one row are not counted (:func:`layer_of` makes
    none). Exact, O(E log V).

:func:`layered_layout` — coordinates, in inches
    Labels are wrapped (:func:`wrap_label`, balanced lines), measured (``measure``; the
    default estimate counts a Hangul syllable about twice a Latin letter, and is slightly
    generous), and nodes are spaced so that no two label boxes intersect. Each field gets a
    vertical band, the fields side by side in a fixed order. When the bands do not fit the
    page width, the widest stretch (row × field) of the least squeezed band is squeezed
    one step at a time: its labels wrapped narrower, then the row *staggered* into two
    sub-rows (alternate nodes drop half a row; a node then only needs room for the wider
    of itself and its neighbour, as edges still pass between the labels), then narrower
    still. x positions pull each node towards its neighbours in the adjacent rows
    (weights 1, 2, 8 for real–real, real–dummy and dummy–dummy segments, as in dot, so
    long edges run straight) under the spacing constraints, solved exactly row by row by
    isotonic regression; a label then wraps wider where its neighbours left room. Edges
    are routed through their dummies: they cross each row vertically, in a corridor kept
    clear of labels, and turn only in the gaps between rows. Spare page height goes into
    the gaps between rows (up to 1.25 in), spare width into the bands (up to 60 %).

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> layers = layer_of(G)
>>> layers["ai_mission_agi"], layers["ai_advanced_modeling"], layers["rna_platform"]
(0, 1, 3)
>>> order = order_layers(G, layers, groups="field")
>>> count_crossings(G, layers, order) <= count_crossings(G, layers, order_layers(G, layers, groups="field", sweeps=0))
True
>>> L = layered_layout(G, lang="en")
>>> L.size
(11.69, 8.27)
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from .. import vocabulary
from ..graph.fields import field_order
from ..vocabulary import node_name

__all__ = [
    "A4_LANDSCAPE",
    "KIND_ROWS",
    "Dummy",
    "Layout",
    "count_crossings",
    "estimate_text_size",
    "field_order",
    "layer_of",
    "layered_layout",
    "order_layers",
    "row_kinds",
    "text_units",
    "wrap_label",
]

#: The kinds, top row first.
KIND_ROWS = ("mission", "core_technology", "enabling_technology", "ecosystem_measure")
#: Width and height of an A4 sheet in landscape, in inches.
A4_LANDSCAPE = (11.69, 8.27)

Node = Hashable
#: ``measure(text, fontsize) -> (width, height)`` of a (multi-line) text, in points.
Measure = Callable[[str, float], tuple[float, float]]


@dataclass(frozen=True)
class Dummy:
    """Where the edge ``source → target`` passes row ``row`` between its two ends."""

    source: Hashable
    target: Hashable
    row: int


# --------------------------------------------------------------------------------------
# Rows


def layer_of(G: nx.DiGraph) -> dict[Node, int]:
    """The row of every node: 0 for missions, then core technologies, enabling technologies
    (in sub-rows by depth among themselves) and ecosystem measures (see the module docstring).

    >>> G = nx.DiGraph()
    >>> G.add_nodes_from([("m", {"kind": "mission"}), ("e1", {"kind": "enabling_technology"}),
    ...                   ("e2", {"kind": "enabling_technology"})])
    >>> G.add_edges_from([("m", "e1"), ("e1", "e2")])
    >>> layer_of(G)
    {'m': 0, 'e1': 1, 'e2': 2}

    Raises
    ------
    ValueError
        When a node has no known ``kind``.
    networkx.NetworkXUnfeasible
        When the nodes of one kind require each other in a cycle.
    """
    by_kind: dict[str, list[Node]] = {k: [] for k in KIND_ROWS}
    for n, kind in G.nodes(data="kind"):
        if kind not in by_kind:
            raise ValueError(f"node {n!r} has kind {kind!r}; kind must be one of {', '.join(KIND_ROWS)}")
        by_kind[kind].append(n)
    rows: dict[Node, int] = {}
    offset = 0
    for kind in KIND_ROWS:
        nodes = by_kind[kind]
        if not nodes:
            continue
        depth = dict.fromkeys(nodes, 0)
        inside = G.subgraph(nodes)
        for u in nx.topological_sort(inside):
            for v in inside.succ[u]:
                depth[v] = max(depth[v], depth[u] + 1)
        for n in G:  # keep G's node order
            if n in depth:
                rows[n] = offset + depth[n]
        offset += max(depth.values()) + 1
    return {n: rows[n] for n in G}


def row_kinds(G: nx.DiGraph, layers: Mapping[Node, int]) -> list[str]:
    """The kind of each row of ``layers`` (rows are numbered from 0 without gaps)."""
    kinds: dict[int, str] = {}
    for n, r in layers.items():
        kinds.setdefault(r, G.nodes[n].get("kind", ""))
    return [kinds.get(r, "") for r in range(max(kinds, default=-1) + 1)]


# --------------------------------------------------------------------------------------
# Order within rows


#: Rows longer than this are not sifted (sifting a row costs its length squared).
SIFT_MAX = 600


class _Layered:
    """The proper layered graph: real nodes and dummies as integers, segments between
    adjacent rows, group ranks and the current order."""

    def __init__(
        self,
        G: nx.DiGraph,
        layers: Mapping[Node, int],
        groups: str | Mapping[Node, Hashable] | None,
        group_order: Sequence[Hashable] | None,
    ) -> None:
        for n in layers:
            if n not in G:
                raise ValueError(f"layers names {n!r}, which is not a node of the graph")
        if isinstance(groups, str):
            attr = groups
            group_of: Mapping[Node, Hashable] = {n: G.nodes[n].get(attr) for n in layers}
        elif groups is None:
            group_of = {}
        else:
            group_of = groups
        keys = list(group_order) if group_order is not None else []
        seen = set(keys)
        extra = sorted({group_of.get(n) for n in layers} - seen, key=str) if groups is not None else []
        rank = {g: i for i, g in enumerate(keys + extra)}
        self.n_rows = max(layers.values(), default=-1) + 1
        self.items: list[Node] = []
        self.row: list[int] = []
        self.group: list[int] = []
        self.key: list[tuple[Any, ...]] = []
        self.index: dict[Node, int] = {}
        for n in sorted(layers, key=lambda n: (layers[n], rank.get(group_of.get(n), 0), str(n))):
            self.index[n] = len(self.items)
            self.items.append(n)
            self.row.append(layers[n])
            self.group.append(rank.get(group_of.get(n), 0) if groups is not None else 0)
            self.key.append((0, str(n)))
        self.up: list[list[int]] = [[] for _ in self.items]
        self.down: list[list[int]] = [[] for _ in self.items]
        self.wup: list[list[float]] = [[] for _ in self.items]
        self.wdown: list[list[float]] = [[] for _ in self.items]
        self.chains: dict[tuple[Node, Node], list[int]] = {}
        edges = sorted(
            ((u, v) for u, v in G.edges() if u in self.index and v in self.index and layers[u] != layers[v]),
            key=lambda e: (str(e[0]), str(e[1])),
        )
        for u, v in edges:
            a, b = (u, v) if layers[u] < layers[v] else (v, u)
            ra, rb = layers[a], layers[b]
            chain = [self.index[a]]
            for r in range(ra + 1, rb):
                d = Dummy(u, v, r)
                near = a if r - ra <= rb - r else b
                self.index[d] = len(self.items)
                self.items.append(d)
                self.row.append(r)
                self.group.append(self.group[self.index[near]])
                self.key.append((1, str(u), str(v)))
                self.up.append([])
                self.down.append([])
                self.wup.append([])
                self.wdown.append([])
                chain.append(self.index[d])
            chain.append(self.index[b])
            self.chains[(u, v)] = chain
            for s, t in zip(chain, chain[1:]):
                w = 1.0 + (s >= len(layers)) + (t >= len(layers))
                w = 8.0 if w == 3.0 else w  # dummy–dummy
                self.down[s].append(t)
                self.wdown[s].append(w)
                self.up[t].append(s)
                self.wup[t].append(w)
        self.n_real = len(layers)
        self.rows: list[list[int]] = [[] for _ in range(self.n_rows)]
        for i in sorted(range(len(self.items)), key=lambda i: (self.group[i], self.key[i])):
            self.rows[self.row[i]].append(i)

    # orders -------------------------------------------------------------------------

    def dfs_order(self) -> list[list[int]]:
        """Depth-first from the top rows, children in (group, id) order, then grouped."""
        rows: list[list[int]] = [[] for _ in range(self.n_rows)]
        seen = [False] * len(self.items)
        for start in (i for row in self.rows for i in row):
            if seen[start]:
                continue
            seen[start] = True
            stack = [start]
            while stack:
                i = stack.pop()
                rows[self.row[i]].append(i)
                for j in sorted(self.down[i], key=lambda j: (self.group[j], self.key[j]), reverse=True):
                    if not seen[j]:
                        seen[j] = True
                        stack.append(j)
        return [sorted(row, key=lambda i: self.group[i]) for row in rows]

    def bfs_order(self, from_top: bool) -> list[list[int]]:
        """Breadth-first over segments in both directions (as dot's initial order), starting
        from the top row's (or the bottom row's) nodes in (group, id) order, then grouped.
        Nodes that share neighbours end up close, even across components of the tree."""
        rows: list[list[int]] = [[] for _ in range(self.n_rows)]
        seen = [False] * len(self.items)
        starts = [i for row in (self.rows if from_top else self.rows[::-1]) for i in row]
        key = lambda j: (self.group[j], self.key[j])  # noqa: E731
        for start in starts:
            if seen[start]:
                continue
            seen[start] = True
            queue = [start]
            head = 0
            while head < len(queue):
                i = queue[head]
                head += 1
                rows[self.row[i]].append(i)
                first, second = (self.down, self.up) if from_top else (self.up, self.down)
                for j in sorted(first[i], key=key) + sorted(second[i], key=key):
                    if not seen[j]:
                        seen[j] = True
                        queue.append(j)
        return [sorted(row, key=lambda i: self.group[i]) for row in rows]

    @staticmethod
    def positions(rows: list[list[int]], size: int) -> list[int]:
        pos = [0] * size
        for row in rows:
            for k, i in enumerate(row):
                pos[i] = k
        return pos

    # crossings ----------------------------------------------------------------------

    def crossings(self, rows: list[list[int]], pos: list[int]) -> int:
        total = 0
        for r in range(self.n_rows - 1):
            segs = sorted((pos[s], pos[t]) for s in rows[r] for t in self.down[s])
            total += _inversions([t for _, t in segs], len(rows[r + 1]))
        return total

    # heuristics ---------------------------------------------------------------------

    def sweep(self, rows: list[list[int]], pos: list[int], downwards: bool, median: bool) -> None:
        """One barycenter (or median) pass, each row ordered against the one above (or below);
        a node with no neighbour there keeps its place."""
        nbr = self.up if downwards else self.down
        rng = range(1, self.n_rows) if downwards else range(self.n_rows - 2, -1, -1)
        for r in rng:
            row = rows[r]
            movable = []
            slots = []
            for slot, i in enumerate(row):
                ps = [pos[j] for j in nbr[i]]
                if not ps:
                    continue
                if median:
                    ps.sort()
                    m = len(ps) // 2
                    value = ps[m] if len(ps) % 2 else (ps[m - 1] + ps[m]) / 2
                else:
                    value = sum(ps) / len(ps)
                movable.append((self.group[i], value, slot, i))
                slots.append(slot)
            movable.sort()
            for slot, (_, _, _, i) in zip(slots, movable):
                row[slot] = i
                pos[i] = slot

    def transpose(self, rows: list[list[int]], pos: list[int], reverse: bool = False) -> None:
        """Swap neighbours in a row while that removes crossings, revisiting only the rows
        next to a change (as dot does); with ``reverse``, also swap crossed pairs that stay
        as crossed (dot's way off a plateau)."""
        n = self.n_rows
        group = self.group
        both = (self.up, self.down)
        candidate = [True] * n
        for _ in range(50):
            delta = 0
            for r in range(n):
                if not candidate[r]:
                    continue
                candidate[r] = False
                row = rows[r]
                for k in range(len(row) - 1):
                    u, v = row[k], row[k + 1]
                    if group[u] != group[v]:
                        continue
                    uv = vu = 0
                    for nbr in both:
                        nu, nv = nbr[u], nbr[v]
                        if nu and nv:
                            for a in nu:
                                pa = pos[a]
                                for b in nv:
                                    pb = pos[b]
                                    if pa > pb:
                                        uv += 1
                                    elif pb > pa:
                                        vu += 1
                    if vu < uv or (reverse and uv > 0 and vu == uv):
                        row[k], row[k + 1] = v, u
                        pos[u], pos[v] = k + 1, k
                        delta += uv - vu
                        if r > 0:
                            candidate[r - 1] = True
                        if r + 1 < n:
                            candidate[r + 1] = True
            if delta < 1:
                return

    def sift(self, rows: list[list[int]], pos: list[int]) -> None:
        """Move each node of each row, one at a time, to the place in its group's stretch of
        the row where its segments cross the fewest others (the neighbouring rows fixed)."""
        for r in range(self.n_rows):
            row = rows[r]
            if len(row) < 3 or len(row) > SIFT_MAX:
                continue
            near = {i: ([pos[x] for x in self.up[i]], [pos[x] for x in self.down[i]]) for i in row}
            for u in list(row):
                k = row.index(u)
                del row[k]
                g = self.group[u]
                lo = k
                while lo > 0 and self.group[row[lo - 1]] == g:
                    lo -= 1
                hi = k
                while hi < len(row) and self.group[row[hi]] == g:
                    hi += 1
                uu, ud = near[u]
                pairs = []  # (crossings with u left of w, with w left of u)
                cost = 0
                for j in range(lo, hi):
                    wu_, wd = near[row[j]]
                    left = right = 0
                    for a_list, b_list in ((uu, wu_), (ud, wd)):
                        for a in a_list:
                            for b in b_list:
                                if a > b:
                                    left += 1
                                elif b > a:
                                    right += 1
                    pairs.append((left, right))
                    cost += left
                best_cost, best_at = cost, lo
                for j, (left, right) in enumerate(pairs, start=lo):
                    cost += right - left
                    if cost < best_cost or (cost == best_cost and abs(j + 1 - k) < abs(best_at - k)):
                        best_cost, best_at = cost, j + 1
                row.insert(best_at, u)
            for k, i in enumerate(row):
                pos[i] = k

    def mirrored(self, rows: list[list[int]]) -> list[list[int]]:
        """Each row reversed, groups kept in order."""
        return [sorted(row[::-1], key=lambda i: self.group[i]) for row in rows]

    def minimise(self, sweeps: int) -> list[list[int]]:
        """The ordering with the fewest crossings found (see the module docstring):
        from 8 starts (by id, depth-first, breadth-first from the top and from the bottom,
        and each mirrored), barycenter and median sweeps with transposition, then sifting
        on the best."""
        size = len(self.items)
        initial = [list(row) for row in self.rows]
        if sweeps <= 0:
            return initial
        best = initial
        best_c = self.crossings(best, self.positions(best, size))
        starts = [initial, self.dfs_order(), self.bfs_order(True), self.bfs_order(False)]
        starts += [self.mirrored(s) for s in starts]
        for start in starts:
            for median in (False, True):
                if best_c == 0:
                    return best
                rows = [list(row) for row in start]
                pos = self.positions(rows, size)
                c = self.crossings(rows, pos)
                if c < best_c:
                    best, best_c = [list(row) for row in rows], c
                stale = 0
                for sweep in range(sweeps):
                    improved = False
                    for downwards in (True, False):
                        self.sweep(rows, pos, downwards, median)
                        self.transpose(rows, pos, reverse=sweep % 2 == 1)
                        c = self.crossings(rows, pos)
                        if c < best_c:
                            best, best_c, improved = [list(row) for row in rows], c, True
                    if best_c == 0:
                        break
                    stale = 0 if improved else stale + 1
                    if stale >= 2:
                        break
        rows = [list(row) for row in best]
        pos = self.positions(rows, size)
        for _ in range(3):
            if best_c == 0:
                break
            self.sift(rows, pos)
            self.transpose(rows, pos)
            c = self.crossings(rows, pos)
            if c >= best_c:
                break
            best, best_c = [list(row) for row in rows], c
        return best


def _inversions(seq: list[int], size: int) -> int:
    """Pairs i < j with seq[i] > seq[j] (Fenwick tree over values 0..size-1)."""
    tree = [0] * (size + 1)
    count = 0
    for n_seen, x in enumerate(seq):
        # how many seen values are <= x
        i, le = x + 1, 0
        while i > 0:
            le += tree[i]
            i -= i & -i
        count += n_seen - le
        i = x + 1
        while i <= size:
            tree[i] += 1
            i += i & -i
    return count


def order_layers(
    G: nx.DiGraph,
    layers: Mapping[Node, int],
    *,
    groups: str | Mapping[Node, Hashable] | None = None,
    group_order: Sequence[Hashable] | None = None,
    sweeps: int = 8,
) -> list[list[Hashable]]:
    """Order the nodes of each row to reduce edge crossings (see the module docstring).

    Parameters
    ----------
    G
        The graph; every edge between two nodes of ``layers`` counts, whatever its relation
        or direction.
    layers
        The row of each node to order (e.g. :func:`layer_of`); rows are numbered from 0.
        Nodes of ``G`` not in ``layers`` are left out with their edges.
    groups
        Keep the nodes of each group contiguous in every row: a node attribute name (e.g.
        ``"field"``) or a mapping node → group. ``None``: no constraint.
    group_order
        The groups from left to right; groups not listed follow, sorted. Default: sorted.
    sweeps
        The most down-and-up passes from each start and method (fewer when two passes bring
        nothing). ``0`` returns the first starting order unchanged: by group, then
        ``str(node)``, dummies after nodes. The result never has more crossings than it.

    Returns
    -------
    list of list
        Row by row, left to right, the nodes *and* the :class:`Dummy` points of the edges
        that span several rows (``count_crossings`` needs them; drop them with
        ``[n for n in row if not isinstance(n, Dummy)]``).

    >>> G = nx.DiGraph([("a", "y"), ("b", "x")])
    >>> order_layers(G, {"a": 0, "b": 0, "x": 1, "y": 1})
    [['a', 'b'], ['y', 'x']]
    """
    proper = _Layered(G, layers, groups, group_order)
    rows = proper.minimise(sweeps)
    return [[proper.items[i] for i in row] for row in rows]


def count_crossings(G: nx.DiGraph, layers: Mapping[Node, int], order: Sequence[Sequence[Hashable]]) -> int:
    """The number of edge crossings of ``order`` (see the module docstring for the definition).

    ``order`` must hold, on the rows between the ends of every edge that spans several rows,
    the edge's :class:`Dummy` points, as :func:`order_layers` returns them.

    >>> G = nx.DiGraph([("a", "x"), ("b", "y")])
    >>> layers = {"a": 0, "b": 0, "x": 1, "y": 1}
    >>> count_crossings(G, layers, [["a", "b"], ["y", "x"]]), count_crossings(G, layers, [["a", "b"], ["x", "y"]])
    (1, 0)

    Raises
    ------
    ValueError
        When a node is on another row than ``layers`` says, or a needed dummy is missing.
    """
    pos: dict[Hashable, int] = {}
    row_of: dict[Hashable, int] = {}
    for r, row in enumerate(order):
        for k, n in enumerate(row):
            pos[n] = k
            row_of[n] = r
            expected = n.row if isinstance(n, Dummy) else layers.get(n)
            if expected != r:
                raise ValueError(f"{n!r} is on row {r} of the order but belongs on row {expected}")
    segments: list[list[tuple[int, int]]] = [[] for _ in order]
    for u, v in G.edges():
        if u not in layers or v not in layers or layers[u] == layers[v]:
            continue
        a, b = (u, v) if layers[u] < layers[v] else (v, u)
        chain = [a, *(Dummy(u, v, r) for r in range(layers[a] + 1, layers[b])), b]
        for s, t in zip(chain, chain[1:]):
            if s not in pos or t not in pos:
                missing = s if s not in pos else t
                raise ValueError(f"the order lacks {missing!r}")
            segments[row_of[s]].append((pos[s], pos[t]))
    total = 0
    for r, segs in enumerate(segments):
        if segs:
            segs.sort()
            total += _inversions([t for _, t in segs], len(order[r + 1]))
    return total


# --------------------------------------------------------------------------------------
# Labels


def text_units(text: str) -> int:
    """Width units of a line: 2 for a wide (Hangul, CJK, full-width) character, else 1."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


_SOFT_BREAKS = "·/-–"


#: A word without wide characters is cut between letters only beyond this many units.
LATIN_WORD = 16


def _pieces(word_: str, width: int) -> list[str]:
    """The pieces a line may break between: after each soft break (· / - –), and inside a
    piece wider than ``width`` units between characters (Hangul at ``width``; a Latin word
    only past ``max(width, LATIN_WORD)``, so that it overflows a little rather than breaks)."""
    parts: list[str] = []
    current = ""
    for c in word_:
        current += c
        if c in _SOFT_BREAKS:
            parts.append(current)
            current = ""
    if current:
        parts.append(current)
    out: list[str] = []
    for part in parts:
        limit = width if text_units(part) > len(part) else max(width, LATIN_WORD)
        while text_units(part) > limit:
            cut, units = 0, 0
            for k, c in enumerate(part):
                units += text_units(c)
                if units > limit:
                    cut = max(k, 1)
                    break
            out.append(part[:cut])
            part = part[cut:]
        out.append(part)
    return out


def _greedy(text: str, width: int) -> list[str]:
    tokens: list[tuple[str, bool]] = []  # (piece, preceded by a space)
    for w in text.split():
        for k, piece in enumerate(_pieces(w, width)):
            tokens.append((piece, k == 0))
    lines: list[str] = []
    line = ""
    for piece, spaced in tokens:
        candidate = (line + (" " if spaced else "") + piece) if line else piece
        if line and text_units(candidate) > width:
            lines.append(line)
            line = piece
        else:
            line = candidate
    if line or not lines:
        lines.append(line)
    return lines


def wrap_label(text: str, width: int = 30) -> str:
    """Wrap ``text`` into lines of at most ``width`` units (:func:`text_units`), as evenly as
    the same number of lines allows; break at spaces or after ``·`` ``/`` ``-`` ``–``, and
    inside a word only when it is wider than the line (:func:`_pieces`).

    >>> wrap_label("AI 학습의 데이터·컴퓨팅·전력 부담 50% 이상 경량화", 30)
    'AI 학습의 데이터·컴퓨팅·\\n전력 부담 50% 이상 경량화'
    >>> wrap_label("Generative AI", 24)
    'Generative AI'
    """
    lines = _greedy(" ".join(text.split()), width)
    n = len(lines)
    if n > 1:
        longest = max(text_units(p) for w in text.split() for p in _pieces(w, width))
        longest = min(longest, width)
        for narrower in range(longest, width):
            trial = _greedy(" ".join(text.split()), narrower)
            if len(trial) == n:
                lines = trial
                break
    return "\n".join(lines)


_NARROW = set(" .,:;'|!iljI()[]fJrt/-·")
_WIDE = set("mwMW%@#&—+=<>^~→≥≤")


def estimate_text_size(text: str, fontsize: float) -> tuple[float, float]:
    """A slightly generous estimate of a text's size in points, for DejaVu Sans with the
    NanumGothic fallback (a Hangul syllable is 0.94 em, a Latin letter about 0.6 em)."""
    lines = text.split("\n")
    widest = 0.0
    for line in lines:
        em = 0.0
        for c in line:
            if unicodedata.east_asian_width(c) in "WF":
                em += 0.96
            elif c in _NARROW:
                em += 0.40
            elif c in _WIDE:
                em += 1.0
            elif c.isupper():
                em += 0.80
            else:
                em += 0.65
        widest = max(widest, em)
    return widest * fontsize * 1.03, (1.25 * len(lines) + 0.2) * fontsize


# --------------------------------------------------------------------------------------
# Coordinates


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
    proper = _Layered(G, layers, "field", order_fields)
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
            text = wrap_label(node_name(G.nodes[items[i]], lang), width)
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

    band_names = {f: _field_name(G, f, lang) for f in order_fields}
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


def _field_name(G: nx.DiGraph, field: str, lang: str) -> str:
    info = G.graph.get("fields", {}).get(field) or {}
    if lang == "en" and info.get("name_en"):
        return str(info["name_en"])
    return str(info.get("name") or field)
