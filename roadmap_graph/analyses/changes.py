"""What changed between two versions of a roadmap, element by element, matched by id.

:func:`compare` reads two roadmap graphs (:func:`roadmap_graph.to_networkx`) and lists

* **nodes** added and removed (by id), and changed attribute by attribute: ``name``,
  ``name_en``, ``kind``, ``field``, ``description``, ``description_en``, ``category``,
  ``provenance``, ``sources``, ``ignore``, and each target's ``metric``, ``metric_en``,
  ``value``, ``unit``, ``unit_en``, ``bound`` (the comparator: at_least ``>=``, up_to ``<=``,
  exactly ``==``, milestone), ``by``, ``note`` and ``sources``, as
  ``targets[<metric>].<attribute>``; a target added or removed is ``targets[<metric>]``
  with ``null`` on the side where it is missing;
* **links** added and removed, each with its ``source``, ``target``, ``relation`` and
  ``group`` (the ``any_of`` group it belongs to, counted from 0 within its node in its own
  version; ``None`` for a plain requirement or a support link); and links in both versions
  whose ``provenance``, ``note``, ``sources`` or ``group`` changed;
* **fields** added, removed and changed (``name``, ``goal``, ``converges_with``, ...);
* the **roadmap**'s metadata changed (``title``, ``published``, ``decision.date``,
  ``sources[<id>]``, ...).

What counts as the same
    Nodes, fields and sources match by id, so a renamed node (same id, new name) is a
    change of ``name``, not a removal and an addition. Targets match by metric, then, among
    those left, in order (so an edited metric is a change of ``metric``). A node's
    ``any_of`` groups match by their members (the pairs sharing most members first), so
    reordering groups is no change and a member moving between groups is a change of
    ``group``. Lists (sources, ``converges_with``, ``ignore``...) compare as sets: their
    order is no change. Because the graph is compared, not the text, reordering lines or
    nodes, comments, quoting, flow or block style and writing a link as a bare id or as
    ``{id: ...}`` are no change either; where a node is defined (``location``) is ignored.

A link's provenance is compared as the graph holds it: a bare id under an inferred node is
``inferred`` (:mod:`roadmap_graph.graph.build`), so a node turning inferred also changes the
provenance of its bare links, and the diff says so.

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> H = G.copy()
>>> H.nodes["rna_platform"]["name_en"] = "RNA platforms"
>>> H.remove_edge("bio_gene_delivery", "viral_vector")
>>> c = compare(G, H)
>>> [(x.id, x.attribute, x.new) for x in c.nodes_changed]
[('rna_platform', 'name_en', 'RNA platforms')]
>>> [(x.source, x.target) for x in c.links_removed]
[('bio_gene_delivery', 'viral_vector')]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeGuard

import networkx as nx

from ..graph.index import GraphLike, as_graph

#: The node attributes compared, in the order changes are listed.
NODE_ATTRIBUTES = (
    "name",
    "name_en",
    "kind",
    "field",
    "description",
    "description_en",
    "category",
    "provenance",
    "sources",
    "ignore",
)
#: The target attributes compared; ``comparator`` is the older spelling of ``bound``.
TARGET_ATTRIBUTES = ("metric", "metric_en", "value", "unit", "unit_en", "bound", "by", "note", "sources")
#: The link attributes compared (besides ``group``, which is matched by members).
LINK_ATTRIBUTES = ("provenance", "note", "sources")


@dataclass(frozen=True, order=True)
class LinkRef:
    """A link as it is listed: dependent, prerequisite, relation and ``any_of`` group
    (``None`` outside ``any_of``), and its provenance in its version (stated, inferred or
    ``None``: not said; not part of its identity). Sorts by source, target, relation."""

    source: str
    target: str
    relation: str
    group: int | None = None
    provenance: str | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """``{"source", "target", "relation", "group"}`` (the diff's JSON contract; the
        provenance is shown in its tables and CSV)."""
        return {"source": self.source, "target": self.target, "relation": self.relation, "group": self.group}


@dataclass(frozen=True)
class NodeChange:
    """One changed attribute of a node (or of a field: ``id`` is then the field's id)."""

    id: str
    attribute: str
    old: Any
    new: Any

    def to_dict(self) -> dict[str, Any]:
        """``{"id", "attribute", "old", "new"}``."""
        return {"id": self.id, "attribute": self.attribute, "old": self.old, "new": self.new}


@dataclass(frozen=True)
class LinkChange:
    """One changed attribute of a link that is in both versions."""

    source: str
    target: str
    relation: str
    attribute: str
    old: Any
    new: Any

    def to_dict(self) -> dict[str, Any]:
        """``{"source", "target", "relation", "attribute", "old", "new"}``."""
        return {
            "source": self.source,
            "target": self.target,
            "relation": self.relation,
            "attribute": self.attribute,
            "old": self.old,
            "new": self.new,
        }


@dataclass(frozen=True)
class MetadataChange:
    """One changed attribute of the roadmap's header (``decision.date``, ``sources[msit]``)."""

    attribute: str
    old: Any
    new: Any

    def to_dict(self) -> dict[str, Any]:
        """``{"attribute", "old", "new"}``."""
        return {"attribute": self.attribute, "old": self.old, "new": self.new}


@dataclass(frozen=True)
class Changes:
    """Everything :func:`compare` found; every list sorted (ids; links by source, target,
    relation; a node's changes in attribute order)."""

    nodes_added: tuple[str, ...] = ()
    nodes_removed: tuple[str, ...] = ()
    nodes_changed: tuple[NodeChange, ...] = ()
    links_added: tuple[LinkRef, ...] = ()
    links_removed: tuple[LinkRef, ...] = ()
    links_changed: tuple[LinkChange, ...] = ()
    fields_added: tuple[str, ...] = ()
    fields_removed: tuple[str, ...] = ()
    fields_changed: tuple[NodeChange, ...] = ()
    roadmap_changed: tuple[MetadataChange, ...] = ()

    def __bool__(self) -> bool:
        return any(getattr(self, name) for name in self.__dataclass_fields__)

    def changed_nodes(self) -> set[str]:
        """The ids of the nodes in both versions with some attribute changed."""
        return {c.id for c in self.nodes_changed}

    def to_dict(self) -> dict[str, Any]:
        """``{"nodes": {"added", "removed", "changed"}, "links": {...}, "fields": {...},
        "roadmap": {"changed"}}`` (the parts of the diff's JSON contract)."""
        return {
            "nodes": {
                "added": list(self.nodes_added),
                "removed": list(self.nodes_removed),
                "changed": [c.to_dict() for c in self.nodes_changed],
            },
            "links": {
                "added": [x.to_dict() for x in self.links_added],
                "removed": [x.to_dict() for x in self.links_removed],
                "changed": [c.to_dict() for c in self.links_changed],
            },
            "fields": {
                "added": list(self.fields_added),
                "removed": list(self.fields_removed),
                "changed": [c.to_dict() for c in self.fields_changed],
            },
            "roadmap": {"changed": [c.to_dict() for c in self.roadmap_changed]},
        }


def compare(old: GraphLike, new: GraphLike) -> Changes:
    """What changed from ``old`` to ``new`` (see the module docstring)."""
    A, B = as_graph(old), as_graph(new)
    kept = [n for n in A if n in B]
    nodes_changed = [c for n in sorted(kept) for c in _node_changes(n, A.nodes[n], B.nodes[n])]
    added_links, removed_links, changed_links = _links(A, B)
    fields_a, fields_b = A.graph.get("fields") or {}, B.graph.get("fields") or {}
    fields_changed = [
        NodeChange(f, attribute, x, y)
        for f in sorted(set(fields_a) & set(fields_b))
        for attribute, x, y in _mapping_changes(_without_location(fields_a[f]), _without_location(fields_b[f]))
    ]
    roadmap_changed = [
        MetadataChange(attribute, x, y)
        for attribute, x, y in _mapping_changes(A.graph.get("roadmap") or {}, B.graph.get("roadmap") or {})
    ]
    return Changes(
        nodes_added=tuple(sorted(n for n in B if n not in A)),
        nodes_removed=tuple(sorted(n for n in A if n not in B)),
        nodes_changed=tuple(nodes_changed),
        links_added=tuple(sorted(added_links)),
        links_removed=tuple(sorted(removed_links)),
        links_changed=tuple(sorted(changed_links, key=lambda c: (c.source, c.target, c.relation))),
        fields_added=tuple(sorted(set(fields_b) - set(fields_a))),
        fields_removed=tuple(sorted(set(fields_a) - set(fields_b))),
        fields_changed=tuple(fields_changed),
        roadmap_changed=tuple(roadmap_changed),
    )


# --- nodes and targets -----------------------------------------------------------------------


def _node_changes(node: str, a: Mapping[str, Any], b: Mapping[str, Any]) -> Iterator[NodeChange]:
    for attribute in NODE_ATTRIBUTES:
        x, y = a.get(attribute), b.get(attribute)
        if not same(x, y):
            yield NodeChange(node, attribute, x, y)
    for label, x, y in matched_targets(a.get("targets") or [], b.get("targets") or []):
        if x is None or y is None:
            yield NodeChange(node, f"targets[{label}]", x, y)
            continue
        for attribute in TARGET_ATTRIBUTES:
            if not same(x.get(attribute), y.get(attribute)):
                yield NodeChange(node, f"targets[{label}].{attribute}", x.get(attribute), y.get(attribute))


def matched_targets(
    old: list[Mapping[str, Any]], new: list[Mapping[str, Any]]
) -> list[tuple[str, Mapping[str, Any] | None, Mapping[str, Any] | None]]:
    """The targets of one node paired across versions, as ``(label, old, new)``: by metric
    first, then the rest in order; ``None`` where a target has no partner. ``label`` is the
    old target's metric (the new one's for an added target), with ``#2``, ``#3``... for a
    metric the node states more than once."""
    left = list(range(len(old)))
    pairs: list[tuple[int | None, int | None]] = []
    unmatched_new = []
    for j, t in enumerate(new):
        i = next((i for i in left if old[i].get("metric") == t.get("metric")), None)
        if i is None:
            unmatched_new.append(j)
        else:
            left.remove(i)
            pairs.append((i, j))
    while left and unmatched_new:
        pairs.append((left.pop(0), unmatched_new.pop(0)))
    pairs += [(i, None) for i in left] + [(None, j) for j in unmatched_new]
    pairs.sort(key=lambda p: (p[0] if p[0] is not None else len(old) + (p[1] or 0)))
    labels = _labels([old[i].get("metric") if i is not None else new[j].get("metric") for i, j in pairs])  # type: ignore[index]
    return [
        (label, old[i] if i is not None else None, new[j] if j is not None else None)
        for label, (i, j) in zip(labels, pairs)
    ]


def _labels(metrics: list[Any]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for metric in metrics:
        metric = str(metric)
        seen[metric] = seen.get(metric, 0) + 1
        out.append(metric if seen[metric] == 1 else f"{metric}#{seen[metric]}")
    return out


# --- links ---------------------------------------------------------------------------------


def _links(A: nx.DiGraph, B: nx.DiGraph) -> tuple[list[LinkRef], list[LinkRef], list[LinkChange]]:
    added, removed, changed = [], [], []
    for u in sorted(set(A) | set(B)):
        out_a = A._adj.get(u, {})
        out_b = B._adj.get(u, {})
        if out_a == out_b:  # most nodes: nothing to compare
            continue
        group_map = match_groups(_groups(out_a), _groups(out_b))
        for v in sorted(set(out_a) | set(out_b)):
            x, y = out_a.get(v), out_b.get(v)
            if x is None or y is None or x["relation"] != y["relation"]:
                if x is not None:
                    removed.append(LinkRef(u, v, x["relation"], x.get("group"), x.get("provenance")))
                if y is not None:
                    added.append(LinkRef(u, v, y["relation"], y.get("group"), y.get("provenance")))
                continue
            gx, gy = x.get("group"), y.get("group")
            # a link leaving a dropped group for a plain requirement moved too (the map has no
            # partner for its old group, and None must not read as "plain")
            if (gx is None) != (gy is None) or (gx is not None and group_map.get(gx) != gy):
                changed.append(LinkChange(u, v, y["relation"], "group", gx, gy))
            for attribute in LINK_ATTRIBUTES:
                if not same(x.get(attribute), y.get(attribute)):
                    changed.append(LinkChange(u, v, y["relation"], attribute, x.get(attribute), y.get(attribute)))
    return added, removed, changed


def _groups(out: Mapping[str, Mapping[str, Any]]) -> dict[int, set[str]]:
    groups: dict[int, set[str]] = {}
    for v, attrs in out.items():
        if attrs.get("group") is not None:
            groups.setdefault(attrs["group"], set()).add(v)
    return groups


def match_groups(old: Mapping[int, set[str]], new: Mapping[int, set[str]]) -> dict[int, int]:
    """Which new ``any_of`` group each old group of one node became: the pairs sharing most
    members first (ties: the lower indices), each group used once. An old group with no
    member in any unused new group has no partner (it was dropped)."""
    pairs = sorted(
        ((len(members & new[j]), i, j) for i, members in old.items() for j in new if members & new[j]),
        key=lambda p: (-p[0], p[1], p[2]),
    )
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in pairs:
        if i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


# --- values ----------------------------------------------------------------------------------


def same(x: Any, y: Any) -> bool:
    """Equal as roadmap values: lists compare as sets (order is no change), mappings key by
    key, ``1`` equals ``1.0``."""
    return x == y or _canonical(x) == _canonical(y)


def _canonical(value: Any) -> Any:
    if isinstance(value, Mapping):
        return tuple(sorted((k, _canonical(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(sorted((_canonical(v) for v in value), key=_sort_key))
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _sort_key(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)


def _without_location(attrs: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in attrs.items() if k != "location"}


def _mapping_changes(a: Mapping[str, Any], b: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any, Any]]:
    """Changed keys of two mappings, nested mappings flattened (``decision.date``) and
    lists of mappings with ids keyed by id (``sources[msit]``)."""
    for key in _ordered_keys(a, b):
        x, y = a.get(key), b.get(key)
        name = f"{prefix}{key}"
        if same(x, y):
            continue
        if isinstance(x, Mapping) and isinstance(y, Mapping):
            yield from _mapping_changes(x, y, f"{name}.")
        elif _keyed(x) and _keyed(y):
            xs, ys = {i["id"]: i for i in x}, {i["id"]: i for i in y}
            for item in _ordered_keys(xs, ys):
                if not same(xs.get(item), ys.get(item)):
                    yield f"{name}[{item}]", xs.get(item), ys.get(item)
        else:
            yield name, x, y


def _keyed(value: Any) -> TypeGuard[list[Mapping[str, Any]]]:
    return isinstance(value, list) and all(isinstance(i, Mapping) and isinstance(i.get("id"), str) for i in value)


def _ordered_keys(a: Mapping[str, Any], b: Mapping[str, Any]) -> Iterable[str]:
    return list(a) + [k for k in b if k not in a]
