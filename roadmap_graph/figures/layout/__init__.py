"""A layered (Sugiyama) layout of a roadmap graph: rows by kind, order to cut crossings, no
overlapping labels. Pure Python: nothing here imports matplotlib (but for the optional
measuring of text with matplotlib's renderer, :func:`.text.matplotlib_measure`).

Four steps, each a public function that works on any roadmap graph or subgraph (a mission's
chain, one field, ...), in four modules: :mod:`.rows`, :mod:`.ordering`, :mod:`.text`
(wrapping and measuring labels) and :mod:`.placement` (coordinates).

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
>>> L = layered_layout(G, lang="ko")
>>> L.size
(11.69, 8.27)
"""

from .ordering import SIFT_MAX, count_crossings, order_layers
from .placement import A4_LANDSCAPE, Layout, layered_layout
from .rows import KIND_ROWS, Dummy, layer_of, row_kinds
from .text import estimate_text_size, matplotlib_measure, text_units, wrap_label, wrap_lines

__all__ = [
    "A4_LANDSCAPE",
    "KIND_ROWS",
    "SIFT_MAX",
    "Dummy",
    "Layout",
    "count_crossings",
    "estimate_text_size",
    "layer_of",
    "layered_layout",
    "matplotlib_measure",
    "order_layers",
    "row_kinds",
    "text_units",
    "wrap_label",
    "wrap_lines",
]
