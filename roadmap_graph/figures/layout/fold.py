"""Folding a roadmap into what an overview draws: missions and core technologies, with
everything below each core technology folded into counts (:func:`fold_roadmap`).

Pure Python over the graph (no matplotlib). Every node lands in exactly one place, so the
counts an overview shows add up to the roadmap:

* a **mission** and a **core technology** are drawn;
* an **enabling technology** or **ecosystem measure** is folded under one core technology,
  its *home*: the nearest core technology of its own field that reaches it (over
  ``requires`` and ``supported_by``, not through another mission or core technology), else
  the nearest core technology of any field, ties broken by the cores' order; a node no core
  technology reaches is *loose* and counted for its field.

Each field's core technologies are grouped into *lanes*, one per mission of the field (in
the roadmap's order): the cores the mission requires directly that no earlier lane took; a
core a mission requires that an earlier lane (or another field) holds is listed as
``shared``. The cores no mission requires form a last lane with ``mission=None``.

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> folded = fold_roadmap(G)
>>> sum(len(f.enabling) + len(f.measures) for f in folded.folds.values()) + sum(
...     len(e) + len(m) for e, m in folded.loose.values()) + len(folded.drawn) == len(G)
True
>>> [lane.cores for lane in folded.lanes["bio"]][:1]
[('bio_gene_cell_therapy',)]
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import networkx as nx

from ...graph.fields import field_order

__all__ = ["Fold", "Folded", "Lane", "fold_roadmap"]

DRAWN_KINDS = ("mission", "core_technology")


@dataclass(frozen=True)
class Fold:
    """What is folded under one core technology."""

    core: str
    enabling: tuple[str, ...]
    measures: tuple[str, ...]


@dataclass(frozen=True)
class Lane:
    """A mission (``None``: the cores no mission requires) and the cores drawn beside it."""

    mission: str | None
    cores: tuple[str, ...]
    shared: tuple[str, ...] = ()


@dataclass(frozen=True)
class Folded:
    """The overview of a roadmap: ``fields`` in order, each field's ``lanes``, the ``folds``
    of each core technology, the ``loose`` (enabling, measures) of each field, ``home``
    (every node → the drawn node it is shown as: itself, or its core technology; loose nodes
    are absent) and ``drawn`` (missions and core technologies)."""

    fields: list[str]
    lanes: dict[str, list[Lane]]
    folds: dict[str, Fold]
    loose: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]
    home: dict[str, str] = field(default_factory=dict)
    drawn: tuple[str, ...] = ()


def fold_roadmap(G: nx.DiGraph) -> Folded:
    """Fold ``G`` (see the module docstring)."""
    fields = list(field_order(G))
    fields += sorted({str(f) for _, f in G.nodes(data="field") if f not in fields})
    rank = {f: i for i, f in enumerate(fields)}
    nodes = sorted(G, key=lambda n: (rank.get(G.nodes[n].get("field"), len(rank)), str(n)))
    kind = {n: G.nodes[n].get("kind") for n in G}
    cores = [n for n in nodes if kind[n] == "core_technology"]
    missions = [n for n in nodes if kind[n] == "mission"]
    home: dict[str, str] = {n: n for n in nodes if kind[n] in DRAWN_KINDS}

    def spread(same_field: bool) -> None:
        queue = deque((c, c) for c in cores)
        while queue:
            at, core = queue.popleft()
            for nxt in G.successors(at):
                if kind[nxt] in DRAWN_KINDS or nxt in home:
                    continue
                if same_field and G.nodes[nxt].get("field") != G.nodes[core].get("field"):
                    continue
                home[nxt] = core
                queue.append((nxt, core))

    spread(True)
    spread(False)
    under: dict[str, tuple[list[str], list[str]]] = {c: ([], []) for c in cores}
    loose: dict[str, tuple[list[str], list[str]]] = {f: ([], []) for f in fields}
    for n in nodes:
        if kind[n] in DRAWN_KINDS:
            continue
        measure = kind[n] == "ecosystem_measure"
        bucket = under[home[n]] if n in home else loose[G.nodes[n].get("field")]
        bucket[1 if measure else 0].append(n)
    placed: set[str] = set()
    lanes: dict[str, list[Lane]] = {f: [] for f in fields}
    for m in missions:
        f = G.nodes[m].get("field")
        required = [v for v in G.successors(m) if kind[v] == "core_technology"]
        required.sort(key=lambda v: (rank.get(G.nodes[v].get("field"), len(rank)), str(v)))
        own = tuple(v for v in required if v not in placed and G.nodes[v].get("field") == f)
        placed.update(own)
        shared = tuple(v for v in required if v not in own)
        lanes[f].append(Lane(m, own, shared))
    for f in fields:
        rest = tuple(c for c in cores if c not in placed and G.nodes[c].get("field") == f)
        if rest:
            lanes[f].append(Lane(None, rest))
    return Folded(
        fields=[f for f in fields if lanes[f] or any(loose[f])],
        lanes=lanes,
        folds={c: Fold(c, tuple(e), tuple(m)) for c, (e, m) in under.items()},
        loose={f: (tuple(e), tuple(m)) for f, (e, m) in loose.items()},
        home=home,
        drawn=tuple(n for n in nodes if kind[n] in DRAWN_KINDS),
    )
