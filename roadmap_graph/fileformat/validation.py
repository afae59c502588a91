"""Checks that need the whole roadmap: references, layers and requirement cycles.

:mod:`roadmap_graph.model` checks the shape of each document; this module checks what only
the merged roadmap can show. It returns problems as ``(path, message)`` pairs, where
``path`` is a pydantic-style location in the merged roadmap (``("nodes", 3, "requires",
0)``); the loader turns paths into ``file:line:col``.

The layer rules:

* nothing requires a mission;
* an ecosystem measure requires nothing, is supported by nothing, and is named only in
  ``supported_by``;
* ``supported_by`` names only ecosystem measures;
* technologies (core or enabling) may require any technology of any field: cross-field
  links often run from one field's enabling technology to another field's core technology.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..vocabulary import Listing, Message, Suggester, listing, verbatim
from .model import TECHNOLOGY_KINDS, Link, Node, Roadmap, Silence, SourceRef
from .parsing import PathKey

Finding = tuple[PathKey, Message]

# The kinds a link of each key may point to (the layer rules above).
_ALLOWED_TARGETS: dict[str, frozenset[str]] = {
    "requires": TECHNOLOGY_KINDS,
    "any_of": TECHNOLOGY_KINDS,
    "supported_by": frozenset({"ecosystem_measure"}),
}


def find_problems(roadmap: Roadmap, *, known: dict[str, set[str]] | None = None) -> list[Finding]:
    """Return every cross-reference, layer and cycle problem of ``roadmap``.

    ``known`` names ids (by part: ``"nodes"``, ``"fields"``, ``"sources"``) that exist in the
    files but did not validate: references to them are not reported as unknown, since the
    problem with them is already reported.

    One pass over the nodes with set and dict lookups; messages (and their did-you-mean
    hints) are made only for what is wrong, and the hints come from one :class:`Suggester`
    per kind of id, so ten thousand dangling links cost ten thousand lookups, not ten
    thousand scans of every id. Each listing of ids is built once and shared.
    """
    known = known or {}
    problems: list[Finding] = []
    kind_of = {node.id: node.kind for node in roadmap.nodes}
    field_ids = [f.id for f in roadmap.fields]
    source_ids = [s.id for s in roadmap.roadmap.sources]
    broken_nodes = known.get("nodes", set()) - kind_of.keys()
    broken_fields = known.get("fields", set()) - set(field_ids)
    declared_fields = set(field_ids)
    known_sources = set(source_ids) | known.get("sources", set())  # not unknown, at least
    fields = _Ids(field_ids)
    sources = _Ids(source_ids)
    nodes = _Ids([*kind_of, *broken_nodes])

    for f, field in enumerate(roadmap.fields):
        problems += _source_problems(field.sources, ("fields", f, "sources"), sources, known_sources)
        if field.ignore:
            problems += _silenced_twice(field.ignore, ("fields", f, "ignore"), field.id)
        for k, other in enumerate(field.converges_with):
            if other in broken_fields:
                continue
            if other == field.id or other not in declared_fields:
                if other == field.id:
                    message = Message("check.converges_itself", field=verbatim(field.id), fields=fields.listing)
                else:
                    message = Message(
                        "check.converges_unknown",
                        field=verbatim(field.id),
                        other=verbatim(other),
                        hint=fields.suggester.hint(other, besides=field.id),
                        fields=fields.listing,
                    )
                problems.append((("fields", f, "converges_with", k), message))

    for i, node in enumerate(roadmap.nodes):
        if node.field not in declared_fields and node.field not in broken_fields:
            message = Message(
                "check.field_undeclared",
                node=verbatim(node.id),
                field=verbatim(node.field),
                hint=fields.suggester.hint(node.field),
                fields=fields.listing,
            )
            problems.append((("nodes", i, "field"), message))
        if node.category is not None and node.kind != "ecosystem_measure":
            message = Message("check.category_not_measure", node=verbatim(node.id), kind=Message(f"kind.{node.kind}"))
            problems.append((("nodes", i, "category"), message))
        if node.sources:
            problems += _source_problems(node.sources, ("nodes", i, "sources"), sources, known_sources)
        for t, target in enumerate(node.targets):
            if target.sources:
                path = ("nodes", i, "targets", t, "sources")
                problems += _source_problems(target.sources, path, sources, known_sources)
        if node.ignore:
            problems += _silenced_twice(node.ignore, ("nodes", i, "ignore"), node.id)
        if node.requires or node.any_of or node.supported_by:
            problems += _link_problems(node, ("nodes", i), kind_of, broken_nodes, nodes, sources, known_sources)
    problems += _cycle_problems(roadmap)
    return problems


class _Ids:
    """The ids of one kind (nodes, fields, sources) as messages name them: a suggester for
    misspellings and a listing, each made when first needed and then shared."""

    def __init__(self, ids: list[str]) -> None:
        self.ids = ids
        self._suggester: Suggester | None = None
        self._listing: Listing | Message | None = None

    @property
    def suggester(self) -> Suggester:
        if self._suggester is None:
            self._suggester = Suggester(self.ids)
        return self._suggester

    @property
    def listing(self) -> Listing | Message:
        if self._listing is None:
            self._listing = listing(self.ids) if self.ids else Message("check.none_declared")
        return self._listing


def _silenced_twice(silences: tuple[Silence, ...], path: PathKey, owner: str) -> list[Finding]:
    """A rule silenced twice for one node or field: only one reason would be shown."""
    problems: list[Finding] = []
    first: dict[str, int] = {}
    for k, silence in enumerate(silences):
        if silence.code in first:
            message = Message("check.silenced_twice", code=verbatim(silence.code), owner=verbatim(owner))
            problems.append(((*path, k, "code"), message))
        first.setdefault(silence.code, k)
    return problems


def _source_problems(refs: tuple[SourceRef, ...], path: PathKey, ids: _Ids, known: set[str]) -> list[Finding]:
    return [
        (
            (*path, k, "source"),
            Message(
                "check.unknown_source",
                source=verbatim(ref.source),
                hint=ids.suggester.hint(ref.source),
                sources=ids.listing,
            ),
        )
        for k, ref in enumerate(refs)
        if ref.source not in known
    ]


def _link_paths(node: Node) -> Iterator[tuple[str, PathKey, Link]]:
    """Every link of ``node`` as ``(key, path within the node, link)``."""
    for k, link in enumerate(node.requires):
        yield "requires", ("requires", k), link
    for g, group in enumerate(node.any_of):
        for k, link in enumerate(group):
            yield "any_of", ("any_of", g, k), link
    for k, link in enumerate(node.supported_by):
        yield "supported_by", ("supported_by", k), link


def _link_problems(
    node: Node,
    here: PathKey,
    kind_of: Mapping[str, str],
    broken_nodes: set[str],
    node_ids: _Ids,
    source_ids: _Ids,
    known_sources: set[str],
) -> list[Finding]:
    problems: list[Finding] = []
    if node.kind == "ecosystem_measure":
        for key in ("requires", "any_of", "supported_by"):
            if getattr(node, key):
                problems.append(((*here, key), Message("check.measure_is_leaf", node=verbatim(node.id), key=verbatim(key))))
        return problems
    for g, group in enumerate(node.any_of):
        if not group:
            problems.append(((*here, "any_of", g), Message("check.empty_any_of")))
    seen: dict[str, str] = {}
    for key, where, link in _link_paths(node):
        if link.sources:
            problems += _source_problems(link.sources, (*here, *where, "sources"), source_ids, known_sources)
        first = seen.get(link.id)
        if first is not None:
            message = Message(
                "check.link_twice", node=verbatim(node.id), target=verbatim(link.id), first=verbatim(first), second=verbatim(key)
            )
            problems.append(((*here, *where), message))
            continue
        seen[link.id] = key
        kind = kind_of.get(link.id)
        if link.id == node.id:
            problems.append(((*here, *where), Message("check.self_link", node=verbatim(node.id), key=verbatim(key))))
        elif kind is None and link.id not in broken_nodes:
            message = Message(
                "check.unknown_node",
                node=verbatim(node.id),
                key=verbatim(key),
                target=verbatim(link.id),
                hint=node_ids.suggester.hint(link.id),
            )
            problems.append(((*here, *where), message))
        elif kind is not None and kind not in _ALLOWED_TARGETS[key]:
            problems.append(((*here, *where), _layer_message(node.id, key, link.id, kind)))
    return problems


def _layer_message(node: str, key: str, target: str, kind: str) -> Message:
    """Why the link ``key`` of ``node`` may not point to ``target``, a node of ``kind``."""
    if key == "supported_by":
        return Message("check.supported_by_not_measure", node=verbatim(node), target=verbatim(target), kind=Message(f"kind.{kind}"))
    if kind == "mission":
        return Message("check.requires_mission", node=verbatim(node), target=verbatim(target))
    return Message("check.measure_in_requires", node=verbatim(node), key=verbatim(key), target=verbatim(target))


def _cycle_problems(roadmap: Roadmap) -> list[Finding]:
    """One problem per cycle of requirements (``requires`` and ``any_of`` links).

    Kahn's algorithm on node positions: whatever cannot be peeled off lies on or above a
    cycle. Only then are the cycles themselves found, with networkx, among those nodes.
    """
    nodes = roadmap.nodes
    index = {node.id: i for i, node in enumerate(nodes)}  # a duplicate id: its last node
    get = index.get
    children: list[list[int]] = []
    indegree = [0] * len(nodes)
    for i, node in enumerate(nodes):
        # an unknown id (reported apart) counts as the node itself, and a link to itself is no edge
        out = [get(link.id, i) for link in node.requires]
        for group in node.any_of:
            out += [get(link.id, i) for link in group]
        if i in out:
            out = [c for c in out if c != i]
        children.append(out)
        for c in out:
            indegree[c] += 1
    ready = [i for i, d in enumerate(indegree) if d == 0]
    for u in ready:  # grows while peeling
        for c in children[u]:
            indegree[c] -= 1
            if indegree[c] == 0:
                ready.append(c)
    stuck = [i for i, d in enumerate(indegree) if d > 0]
    if not stuck:
        return []
    import networkx as nx

    graph = nx.DiGraph(
        (nodes[u].id, nodes[v].id) for u in stuck for v in children[u] if indegree[v] > 0
    )
    problems: list[Finding] = []
    for component in nx.strongly_connected_components(graph):
        if len(component) < 2:
            continue
        start = min(component, key=index.__getitem__)
        cycle = [u for u, _ in nx.find_cycle(graph.subgraph(component), source=start)]
        path_text = " → ".join([*cycle, cycle[0]])
        problems.append((("nodes", index[cycle[0]], "id"), Message("check.cycle", cycle=verbatim(path_text))))
    return problems
