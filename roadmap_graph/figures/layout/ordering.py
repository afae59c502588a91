"""Order inside each row: barycenter and median sweeps, transposition and sifting from
several starting orders (:func:`order_layers`), and the number of crossings they minimise
(:func:`count_crossings`). See the package docstring for the method."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import networkx as nx

from .rows import Dummy, Node

#: Rows longer than this are not sifted (sifting a row costs its length squared).
SIFT_MAX = 600


class LayeredGraph:
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
        return [sorted(row[::-1], key=lambda i: self.group[i]) for row in rows]  # noqa: C415 (stable: ties stay reversed)

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
    proper = LayeredGraph(G, layers, groups, group_order)
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
