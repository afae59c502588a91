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

from collections.abc import Iterator
from typing import Any

from ..vocabulary import Message, did_you_mean, verbatim
from .model import Link, Node, Roadmap, SourceRef
from .parsing import PathKey

Finding = tuple[PathKey, Message]


def find_problems(roadmap: Roadmap, *, known: dict[str, set[str]] | None = None) -> list[Finding]:
    """Return every cross-reference, layer and cycle problem of ``roadmap``.

    ``known`` names ids (by part: ``"nodes"``, ``"fields"``, ``"sources"``) that exist in the
    files but did not validate: references to them are not reported as unknown, since the
    problem with them is already reported.
    """
    known = known or {}
    problems: list[Finding] = []
    by_id = {node.id: node for node in roadmap.nodes}
    field_ids = [f.id for f in roadmap.fields]
    source_ids = [s.id for s in roadmap.roadmap.sources]
    broken_nodes = known.get("nodes", set()) - by_id.keys()
    broken_fields = known.get("fields", set()) - set(field_ids)
    broken_sources = known.get("sources", set()) - set(source_ids)

    for f, field in enumerate(roadmap.fields):
        problems += _source_problems(field.sources, ("fields", f, "sources"), source_ids, broken_sources)
        for k, other in enumerate(field.converges_with):
            if other in broken_fields:
                continue
            if other == field.id or other not in field_ids:
                fields = verbatim(", ".join(field_ids))
                if other == field.id:
                    message = Message("check.converges_itself", field=verbatim(field.id), fields=fields)
                else:
                    hint = did_you_mean(other, [i for i in field_ids if i != field.id])
                    message = Message(
                        "check.converges_unknown", field=verbatim(field.id), other=verbatim(other), hint=hint, fields=fields
                    )
                problems.append((("fields", f, "converges_with", k), message))

    for i, node in enumerate(roadmap.nodes):
        here: PathKey = ("nodes", i)
        if node.field not in field_ids and node.field not in broken_fields:
            message = Message(
                "check.field_undeclared",
                node=verbatim(node.id),
                field=verbatim(node.field),
                hint=did_you_mean(node.field, field_ids),
                fields=_listing(field_ids),
            )
            problems.append(((*here, "field"), message))
        if node.category is not None and node.kind != "ecosystem_measure":
            message = Message("check.category_not_measure", node=verbatim(node.id), kind=verbatim(node.kind))
            problems.append(((*here, "category"), message))
        problems += _source_problems(node.sources, (*here, "sources"), source_ids, broken_sources)
        for t, target in enumerate(node.targets):
            problems += _source_problems(
                target.sources, (*here, "targets", t, "sources"), source_ids, broken_sources
            )
        problems += _link_problems(node, here, by_id, source_ids, broken_nodes, broken_sources)
    problems += _cycle_problems(roadmap)
    return problems


def _source_problems(
    refs: tuple[SourceRef, ...], path: PathKey, ids: list[str], broken: set[str]
) -> list[Finding]:
    return [
        (
            (*path, k, "source"),
            Message(
                "check.unknown_source", source=verbatim(ref.source), hint=did_you_mean(ref.source, ids), sources=_listing(ids)
            ),
        )
        for k, ref in enumerate(refs)
        if ref.source not in ids and ref.source not in broken
    ]


def _listing(ids: list[str]) -> Message | Any:
    return verbatim(", ".join(ids)) if ids else Message("check.none_declared")


def _link_paths(node: Node, here: PathKey) -> Iterator[tuple[PathKey, str, Link]]:
    for k, link in enumerate(node.requires):
        yield (*here, "requires", k), "requires", link
    for g, group in enumerate(node.any_of):
        for k, link in enumerate(group):
            yield (*here, "any_of", g, k), "any_of", link
    for k, link in enumerate(node.supported_by):
        yield (*here, "supported_by", k), "supported_by", link


def _link_problems(
    node: Node,
    here: PathKey,
    by_id: dict[str, Node],
    source_ids: list[str],
    broken_nodes: set[str],
    broken_sources: set[str],
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
    for path, key, link in _link_paths(node, here):
        problems += _source_problems(link.sources, (*path, "sources"), source_ids, broken_sources)
        if link.id in seen:
            message = Message(
                "check.link_twice", node=verbatim(node.id), target=verbatim(link.id), first=verbatim(seen[link.id]), second=verbatim(key)
            )
            problems.append((path, message))
            continue
        seen[link.id] = key
        if link.id == node.id:
            problems.append((path, Message("check.self_link", node=verbatim(node.id), key=verbatim(key))))
            continue
        target = by_id.get(link.id)
        if target is None and link.id in broken_nodes:
            continue
        if target is None:
            message = Message(
                "check.unknown_node",
                node=verbatim(node.id),
                key=verbatim(key),
                target=verbatim(link.id),
                hint=did_you_mean(link.id, [*by_id, *broken_nodes]),
            )
            problems.append((path, message))
            continue
        problems += _layer_problems(node, key, target, path)
    return problems


def _layer_problems(node: Node, key: str, target: Node, path: PathKey) -> list[Finding]:
    if key == "supported_by":
        if target.kind != "ecosystem_measure":
            message = Message(
                "check.supported_by_not_measure", node=verbatim(node.id), target=verbatim(target.id), kind=verbatim(target.kind)
            )
            return [(path, message)]
        return []
    if target.kind == "mission":
        return [(path, Message("check.requires_mission", node=verbatim(node.id), target=verbatim(target.id)))]
    if target.kind == "ecosystem_measure":
        message = Message("check.measure_in_requires", node=verbatim(node.id), key=verbatim(key), target=verbatim(target.id))
        return [(path, message)]
    return []


def _cycle_problems(roadmap: Roadmap) -> list[Finding]:
    index = {node.id: i for i, node in enumerate(roadmap.nodes)}
    children: dict[str, list[str]] = {}
    indegree = dict.fromkeys(index, 0)
    for node in roadmap.nodes:
        out = [
            link.id
            for relation, _, link in node.links()
            if relation == "requires" and link.id in index and link.id != node.id
        ]
        children[node.id] = out
        for c in out:
            indegree[c] += 1
    # Kahn's algorithm: whatever cannot be peeled off lies on or above a cycle.
    ready = [n for n, d in indegree.items() if d == 0]
    while ready:
        for c in children[ready.pop()]:
            indegree[c] -= 1
            if indegree[c] == 0:
                ready.append(c)
    stuck = [n for n, d in indegree.items() if d > 0]
    if not stuck:
        return []
    import networkx as nx

    graph = nx.DiGraph((u, v) for u in stuck for v in children[u] if v in indegree and indegree[v] > 0)
    problems: list[Finding] = []
    for component in nx.strongly_connected_components(graph):
        if len(component) < 2:
            continue
        start = min(component, key=index.__getitem__)
        cycle = [u for u, _ in nx.find_cycle(graph.subgraph(component), source=start)]
        path_text = " → ".join([*cycle, cycle[0]])
        problems.append((("nodes", index[cycle[0]], "id"), Message("check.cycle", cycle=verbatim(path_text))))
    return problems
