"""Random revisions of random roadmaps, with what a diff must report written from the edit log.

:func:`revisions` draws a roadmap (:func:`tests.strategies.roadmaps`), applies a random
sequence of edits at the model level and returns ``(old, new, expected)``. Each edit writes
down, as it is made, the changes it must cause (``expected``), including the ones it implies:
removing a node removes every link into and out of it; changing a node's provenance changes
the provenance of its bare links (a bare link under an inferred node is ``inferred``, else
unknown: the graph's convention in :mod:`roadmap_graph.graph.build`).

The oracle never asks :mod:`roadmap_graph.analyses.changes` anything. It only reads the two
models for what an edit's change *is* (a link's ``any_of`` group index in each version, a
target as the graph stores it). To keep the oracle exact without re-implementing the diff,
each edit touches elements (a node attribute, a link, a target, a field attribute, a metadata
key) no earlier edit touched, and the edits avoid the few cases whose answer is a matter of
convention rather than of fact:

* a link moves into a new ``any_of`` group of its own or out of its group; it never moves
  between two groups (which group "stayed" is then a matter of matching);
* a node's targets have distinct metrics, and a node gets targets added or removed, never
  both (an unmatched old and new target pair up as one edited target).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st

import roadmap_graph as rg

from .strategies import hangul, latin, roadmaps

BOUND_COMPARATOR = {"at_least": ">=", "up_to": "<=", "exactly": "==", "milestone": None}
COMPARATOR_BOUND = {">=": "at_least", "<=": "up_to", "==": "exactly"}
TECHNOLOGIES = ("core_technology", "enabling_technology")

EDITS = (
    "add_node",
    "remove_node",
    "node_attribute",
    "node_provenance",
    "add_link",
    "remove_link",
    "into_group",
    "out_of_group",
    "link_attribute",
    "target_value",
    "target_by",
    "target_bound",
    "add_target",
    "remove_target",
    "add_field",
    "remove_field",
    "field_attribute",
    "metadata",
)


@dataclass
class Expected:
    """What the diff of ``old`` and ``new`` must say, as sets of plain tuples.

    ``links_added``/``links_removed`` hold ``(source, target, relation)`` and
    ``link_groups`` holds ``(source, target)`` of links moved into or out of a group: their
    group indices are read from the models (:meth:`resolve`).
    """

    nodes_added: set[str] = field(default_factory=set)
    nodes_removed: set[str] = field(default_factory=set)
    nodes_changed: list[tuple[str, str, Any, Any]] = field(default_factory=list)
    links_added: set[tuple[str, str, str]] = field(default_factory=set)
    links_removed: set[tuple[str, str, str]] = field(default_factory=set)
    links_changed: list[tuple[str, str, str, str, Any, Any]] = field(default_factory=list)
    link_groups: set[tuple[str, str]] = field(default_factory=set)
    fields_added: set[str] = field(default_factory=set)
    fields_removed: set[str] = field(default_factory=set)
    fields_changed: list[tuple[str, str, Any, Any]] = field(default_factory=list)
    roadmap_changed: list[tuple[str, Any, Any]] = field(default_factory=list)
    #: target changes as the diff's effects must sort them: (direction, node, metric,
    #: attribute, old, new), direction tightened, loosened or changed
    targets: list[tuple[str, str, str, str, Any, Any]] = field(default_factory=list)
    log: list[str] = field(default_factory=list)

    def resolve(self, old: rg.Roadmap, new: rg.Roadmap) -> dict[str, Any]:
        """The expectation with every value in the form the diff lists it (canonical
        tuples, comparable as sets)."""
        g_old, g_new = link_groups(old), link_groups(new)
        moved = [
            (u, v, "requires", "group", g_old[u, v][1], g_new[u, v][1])
            for u, v in sorted(self.link_groups)
        ]
        return {
            "nodes_added": sorted(self.nodes_added),
            "nodes_removed": sorted(self.nodes_removed),
            "nodes_changed": canonical_set(self.nodes_changed),
            "links_added": sorted((u, v, rel, g_new[u, v][1]) for u, v, rel in self.links_added),
            "links_removed": sorted((u, v, rel, g_old[u, v][1]) for u, v, rel in self.links_removed),
            "links_changed": canonical_set(self.links_changed + moved),
            "fields_added": sorted(self.fields_added),
            "fields_removed": sorted(self.fields_removed),
            "fields_changed": canonical_set(self.fields_changed),
            "roadmap_changed": canonical_set(self.roadmap_changed),
        }


def observed(changes: Any) -> dict[str, Any]:
    """A :class:`~roadmap_graph.analyses.changes.Changes` in the form of :meth:`Expected.resolve`."""
    return {
        "nodes_added": list(changes.nodes_added),
        "nodes_removed": list(changes.nodes_removed),
        "nodes_changed": canonical_set((c.id, c.attribute, c.old, c.new) for c in changes.nodes_changed),
        "links_added": [(x.source, x.target, x.relation, x.group) for x in changes.links_added],
        "links_removed": [(x.source, x.target, x.relation, x.group) for x in changes.links_removed],
        "links_changed": canonical_set(
            (c.source, c.target, c.relation, c.attribute, c.old, c.new) for c in changes.links_changed
        ),
        "fields_added": list(changes.fields_added),
        "fields_removed": list(changes.fields_removed),
        "fields_changed": canonical_set((c.id, c.attribute, c.old, c.new) for c in changes.fields_changed),
        "roadmap_changed": canonical_set((c.attribute, c.old, c.new) for c in changes.roadmap_changed),
    }


def canonical(value: Any) -> str:
    """One string per roadmap value: lists as sets (sorted), 1.0 as 1, keys sorted."""

    def walk(x: Any) -> Any:
        if isinstance(x, dict):
            return {k: walk(v) for k, v in x.items()}
        if isinstance(x, (list, tuple)):
            return sorted((walk(v) for v in x), key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
        if isinstance(x, float) and x.is_integer():
            return int(x)
        return x

    return json.dumps(walk(value), sort_keys=True, ensure_ascii=False, default=str)


def canonical_set(rows: Any) -> list[tuple[str, ...]]:
    """Rows of ids and values as sorted tuples of strings: a multiset one can compare."""
    return sorted(tuple(x if isinstance(x, str) and i < n_ids(row) else canonical(x) for i, x in enumerate(row)) for row in rows)


def n_ids(row: tuple[Any, ...]) -> int:
    """How many leading items of a change row are names (ids, relation, attribute)."""
    return len(row) - 2


def link_groups(roadmap: rg.Roadmap) -> dict[tuple[str, str], tuple[str, int | None]]:
    """Every link of ``roadmap`` as ``(source, target) -> (relation, any_of group index)``."""
    return {(node.id, link.id): (relation, group) for node in roadmap.nodes for relation, group, link in node.links()}


def graph_target(target: dict[str, Any]) -> dict[str, Any]:
    """A target as the graph stores it: the model's JSON form with ``bound`` filled in and
    ``comparator`` agreeing (documented in :mod:`roadmap_graph.graph.build`)."""
    model = rg.Target.model_validate(target)
    kind = model.kind
    return {**model.model_dump(mode="json"), "bound": kind, "comparator": BOUND_COMPARATOR[kind]}


def effective(link: dict[str, Any], node_provenance: str | None) -> str | None:
    """A link's provenance as the graph holds it: its own, else ``inferred`` under an
    inferred node, else unknown."""
    return link["provenance"] or ("inferred" if node_provenance == "inferred" else None)


class _State:
    """The roadmap being edited (as the model's plain dicts) and what the edits touched."""

    def __init__(self, roadmap: rg.Roadmap) -> None:
        self.data = _lists(roadmap.model_dump())
        self.original = {n["id"]: n for n in _lists(roadmap.model_dump())["nodes"]}
        self.position = {n["id"]: i for i, n in enumerate(self.data["nodes"])}
        self.original_fields = {f["id"] for f in self.data["fields"]}
        self.touched: set[tuple[str, ...]] = set()
        self.target_edits: dict[str, set[str]] = {}  # node -> {"add", "remove"}
        self.fresh = 0
        self.expected = Expected()

    # --- reading -------------------------------------------------------------------------

    def nodes(self) -> list[dict[str, Any]]:
        return self.data["nodes"]

    def node(self, node_id: str) -> dict[str, Any]:
        return next(n for n in self.nodes() if n["id"] == node_id)

    def kinds(self) -> dict[str, str]:
        return {n["id"]: n["kind"] for n in self.nodes()}

    def out_links(self, node: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
        links = [("requires", x) for x in node["requires"]] + [("supported_by", x) for x in node["supported_by"]]
        return links + [("requires", x) for group in node["any_of"] for x in group]

    def in_links(self, node_id: str) -> list[tuple[str, str]]:
        return [(n["id"], rel) for n in self.nodes() for rel, x in self.out_links(n) if x["id"] == node_id]

    def kept(self, node_id: str) -> bool:
        """An original node still present."""
        return node_id in self.original and node_id not in self.expected.nodes_removed

    def original_link(self, u: str, v: str) -> bool:
        return self.kept(u) and any(x["id"] == v for _, x in self.out_links(self.original[u]))

    def untouched_link(self, u: str, v: str) -> bool:
        return ("link", u, v) not in self.touched and self.original_link(u, v)

    def node_untouched(self, node_id: str) -> bool:
        return not any(t[:2] in (("node", node_id), ("target", node_id)) for t in self.touched)

    def new_id(self, prefix: str) -> str:
        self.fresh += 1
        return f"{prefix}{self.fresh}"

    # --- writing -------------------------------------------------------------------------

    def drop_link(self, node: dict[str, Any], target: str) -> None:
        node["requires"] = [x for x in node["requires"] if x["id"] != target]
        node["supported_by"] = [x for x in node["supported_by"] if x["id"] != target]
        groups = [[x for x in g if x["id"] != target] for g in node["any_of"]]
        node["any_of"] = [g for g in groups if g]  # an emptied group goes

    def result(self) -> rg.Roadmap:
        return rg.Roadmap.model_validate(self.data)


def _lists(value: Any) -> Any:
    """The model's dump with every tuple a list, to edit in place."""
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_lists(v) for v in value]
    return value


def bare(node_id: str) -> dict[str, Any]:
    return {"id": node_id, "provenance": None, "note": None, "sources": ()}


# --- the edits: each returns False when it does not apply to the roadmap as it is ----------


def add_node(draw: Any, s: _State) -> bool:
    fields = [f["id"] for f in s.data["fields"]]
    if not fields:  # every field removed (after every node): a node needs one
        return False
    kind = draw(st.sampled_from(["mission", *TECHNOLOGIES, "ecosystem_measure"]))
    node_id = s.new_id("x")
    s.nodes().append(
        {
            "id": node_id, "kind": kind, "field": draw(st.sampled_from(fields)), "name": draw(hangul),
            "name_en": None, "description": None, "description_en": None, "category": None,
            "requires": [], "any_of": [], "supported_by": [], "targets": [], "sources": [],
            "provenance": draw(st.sampled_from([None, "stated", "inferred"])), "ignore": [],
        }
    )
    s.position[node_id] = len(s.position)
    s.expected.nodes_added.add(node_id)
    s.touched.add(("node", node_id))
    s.expected.log.append(f"add {kind} {node_id}")
    return True


def remove_node(draw: Any, s: _State) -> bool:
    candidates = [
        n["id"]
        for n in s.nodes()
        if s.kept(n["id"])
        and s.node_untouched(n["id"])
        and all(("link", n["id"], x["id"]) not in s.touched for _, x in s.out_links(n))
        and all(("link", u, n["id"]) not in s.touched for u, _ in s.in_links(n["id"]))
    ]
    if not candidates:
        return False
    victim = draw(st.sampled_from(candidates))
    node = s.node(victim)
    implied = [(victim, x["id"], rel) for rel, x in s.out_links(node)] + [(u, victim, rel) for u, rel in s.in_links(victim)]
    for u, _ in s.in_links(victim):
        s.drop_link(s.node(u), victim)
    s.data["nodes"] = [n for n in s.nodes() if n["id"] != victim]
    s.expected.nodes_removed.add(victim)
    s.expected.links_removed |= set(implied)  # implied: its links go with it
    s.touched |= {("link", u, v) for u, v, _ in implied} | {("node", victim)}
    s.expected.log.append(f"remove {victim} and its links {implied}")
    return True


NODE_ATTRIBUTES = ("name", "name_en", "description", "description_en", "field", "category", "sources")


def node_attribute(draw: Any, s: _State) -> bool:
    attribute = draw(st.sampled_from(NODE_ATTRIBUTES))
    candidates = [
        n["id"] for n in s.nodes()
        if s.kept(n["id"]) and ("node", n["id"], attribute) not in s.touched and ("node", n["id"]) not in s.touched
        and (attribute != "category" or n["kind"] == "ecosystem_measure")
    ]
    if not candidates:
        return False
    node = s.node(draw(st.sampled_from(candidates)))
    old = node[attribute]
    if attribute == "name":
        new: Any = draw(hangul)
    elif attribute == "field":
        new = draw(st.sampled_from([f["id"] for f in s.data["fields"]]))
    elif attribute == "category":
        new = draw(st.sampled_from([None, *rg.fileformat.model.MEASURE_CATEGORIES]))
    elif attribute == "sources":
        new = [*old, {"source": "src", "quote": draw(hangul), "note": None}]
    else:
        new = draw(st.none() | latin)
    node[attribute] = new
    s.touched.add(("node", node["id"], attribute))
    as_graph = [dict(x) for x in new] if attribute == "sources" else new
    was = [dict(x) for x in old] if attribute == "sources" else old
    if canonical(was) != canonical(as_graph):
        s.expected.nodes_changed.append((node["id"], attribute, was, as_graph))
    s.expected.log.append(f"{node['id']}.{attribute}: {old!r} -> {new!r}")
    return True


def node_provenance(draw: Any, s: _State) -> bool:
    candidates = [
        n["id"] for n in s.nodes()
        if s.kept(n["id"]) and ("node", n["id"], "provenance") not in s.touched and ("node", n["id"]) not in s.touched
        and all(("link", n["id"], x["id"]) not in s.touched for _, x in s.out_links(n))
    ]
    if not candidates:
        return False
    node = s.node(draw(st.sampled_from(candidates)))
    old, new = node["provenance"], draw(st.sampled_from([None, "stated", "inferred"]))
    node["provenance"] = new
    s.touched.add(("node", node["id"], "provenance"))
    if old != new:
        s.expected.nodes_changed.append((node["id"], "provenance", old, new))
    for rel, link in s.out_links(node):
        s.touched.add(("link", node["id"], link["id"]))
        # implied: a bare link's provenance follows its node's (inferred or unknown)
        if effective(link, old) != effective(link, new):
            s.expected.links_changed.append((node["id"], link["id"], rel, "provenance", effective(link, old), effective(link, new)))
    s.expected.log.append(f"{node['id']}.provenance: {old} -> {new}")
    return True


def add_link(draw: Any, s: _State) -> bool:
    kinds = s.kinds()
    how = draw(st.sampled_from(["requires", "new_group", "old_group", "supported_by"]))
    pairs = []
    for n in s.nodes():
        if n["kind"] == "ecosystem_measure" or n["id"] in s.expected.nodes_removed:
            continue
        linked = {x["id"] for _, x in s.out_links(n)}
        for v, k in kinds.items():
            if v == n["id"] or v in linked or ("link", n["id"], v) in s.touched:
                continue
            support = how == "supported_by" and k == "ecosystem_measure"
            # a requirement points to a later technology (so no cycle); into a group needs one
            requirement = how != "supported_by" and k in TECHNOLOGIES and s.position[v] > s.position[n["id"]]
            if support or (requirement and (how != "old_group" or n["any_of"])):
                pairs.append((n["id"], v))
    if not pairs:
        return False
    u, v = draw(st.sampled_from(pairs))
    node = s.node(u)
    link = bare(v) if draw(st.booleans()) else {**bare(v), "provenance": draw(st.sampled_from(["stated", "inferred"]))}
    if how == "supported_by":
        node["supported_by"] = [*node["supported_by"], link]
    elif how == "requires":
        node["requires"] = [*node["requires"], link]
    elif how == "new_group":
        node["any_of"] = [*node["any_of"], [link]]
    else:
        g = draw(st.integers(0, len(node["any_of"]) - 1))
        node["any_of"] = [[*group, link] if i == g else group for i, group in enumerate(node["any_of"])]
    relation = "supported_by" if how == "supported_by" else "requires"
    s.expected.links_added.add((u, v, relation))
    s.touched.add(("link", u, v))
    s.expected.log.append(f"add link {u} -> {v} ({how})")
    return True


def _pick_link(draw: Any, s: _State, where: str) -> tuple[dict[str, Any], dict[str, Any], str] | None:
    """An original, untouched link of ``where`` (``any``, ``plain`` requires, ``group``)."""
    found = []
    for n in s.nodes():
        if not s.kept(n["id"]):
            continue
        plain = [("requires", x) for x in n["requires"]]
        grouped = [("requires", x) for g in n["any_of"] for x in g]
        links = {"plain": plain, "group": grouped, "any": s.out_links(n)}[where]
        found += [(n["id"], x["id"], rel) for rel, x in links if s.untouched_link(n["id"], x["id"])]
    if not found:
        return None
    u, v, rel = draw(st.sampled_from(found))
    node = s.node(u)
    link = next(x for _, x in s.out_links(node) if x["id"] == v)
    return node, link, rel


def remove_link(draw: Any, s: _State) -> bool:
    picked = _pick_link(draw, s, "any")
    if picked is None:
        return False
    node, link, rel = picked
    s.drop_link(node, link["id"])
    s.expected.links_removed.add((node["id"], link["id"], rel))
    s.touched.add(("link", node["id"], link["id"]))
    s.expected.log.append(f"remove link {node['id']} -> {link['id']}")
    return True


def into_group(draw: Any, s: _State) -> bool:
    picked = _pick_link(draw, s, "plain")
    if picked is None:
        return False
    node, link, _ = picked
    node["requires"] = [x for x in node["requires"] if x["id"] != link["id"]]
    node["any_of"] = [*node["any_of"], [link]]  # a new group of its own
    s.expected.link_groups.add((node["id"], link["id"]))
    s.touched.add(("link", node["id"], link["id"]))
    s.expected.log.append(f"move {node['id']} -> {link['id']} into a new any_of group")
    return True


def out_of_group(draw: Any, s: _State) -> bool:
    picked = _pick_link(draw, s, "group")
    if picked is None:
        return False
    node, link, _ = picked
    s.drop_link(node, link["id"])
    node["requires"] = [*node["requires"], link]
    s.expected.link_groups.add((node["id"], link["id"]))
    s.touched.add(("link", node["id"], link["id"]))
    s.expected.log.append(f"move {node['id']} -> {link['id']} out of its any_of group")
    return True


def link_attribute(draw: Any, s: _State) -> bool:
    picked = _pick_link(draw, s, "any")
    if picked is None:
        return False
    node, link, rel = picked
    attribute = draw(st.sampled_from(["provenance", "note", "sources"]))
    old = dict(link)
    if attribute == "provenance":
        link["provenance"] = draw(st.sampled_from([None, "stated", "inferred"]))
        was, now = effective(old, node["provenance"]), effective(link, node["provenance"])
    elif attribute == "note":
        link["note"] = draw(st.none() | latin)
        was, now = old["note"], link["note"]
    else:
        link["sources"] = [*old["sources"], {"source": "src", "quote": draw(hangul), "note": None}]
        was, now = [dict(x) for x in old["sources"]], [dict(x) for x in link["sources"]]
    if canonical(was) != canonical(now):
        s.expected.links_changed.append((node["id"], link["id"], rel, attribute, was, now))
    s.touched.add(("link", node["id"], link["id"]))
    s.expected.log.append(f"{node['id']} -> {link['id']}.{attribute}: {was!r} -> {now!r}")
    return True


def _targets(s: _State, *, valued: bool = False) -> list[tuple[str, int]]:
    """(node, index) of original, untouched targets of nodes whose metrics are distinct."""
    out = []
    for n in s.nodes():
        metrics = [t["metric"] for t in n["targets"]]
        if not s.kept(n["id"]) or len(set(metrics)) != len(metrics) or ("node", n["id"]) in s.touched:
            continue
        original = {t["metric"] for t in s.original[n["id"]]["targets"]}
        for i, t in enumerate(n["targets"]):
            fresh = t["metric"] in original and ("target", n["id"], t["metric"]) not in s.touched
            if fresh and (not valued or t["value"] is not None):
                out.append((n["id"], i))
    return out


def _target_edit(draw: Any, s: _State, attribute: str) -> bool:
    found = _targets(s, valued=attribute in ("value", "bound"))
    if not found:
        return False
    node_id, i = draw(st.sampled_from(found))
    node = s.node(node_id)
    target = dict(node["targets"][i])
    before = graph_target(target)
    if attribute == "value":
        target["value"] = draw(st.floats(0, 10**6, allow_nan=False, allow_infinity=False))
    elif attribute == "by":
        choices = st.integers(2024, 2040) if target["value"] is None else st.none() | st.integers(2024, 2040)
        target["by"] = draw(choices)
    else:
        target["bound"], target["comparator"] = draw(st.sampled_from(["at_least", "up_to", "exactly"])), None
    node["targets"] = [target if j == i else t for j, t in enumerate(node["targets"])]
    after = graph_target(target)
    a, b = before[attribute], after[attribute]
    if canonical(a) != canonical(b):
        s.expected.nodes_changed.append((node_id, f"targets[{target['metric']}].{attribute}", a, b))
        s.expected.targets.append((direction(before["bound"], attribute, a, b), node_id, target["metric"], attribute, a, b))
    s.touched.add(("target", node_id, target["metric"]))
    s.expected.log.append(f"{node_id} target {target['metric']}.{attribute}: {before[attribute]} -> {after[attribute]}")
    return True


def direction(bound: str, attribute: str, old: Any, new: Any) -> str:
    """Whether one attribute's change makes a target tighter or looser, by the issue's rules:
    for at least a lower value is looser, for up to a higher one; a later deadline, or none,
    is looser; a new bound cannot be ordered."""
    if attribute == "value" and bound in ("at_least", "up_to"):
        return "loosened" if (new < old) == (bound == "at_least") else "tightened"
    if attribute == "by":
        return "loosened" if new is None or (old is not None and new > old) else "tightened"
    return "changed"


def target_value(draw: Any, s: _State) -> bool:
    return _target_edit(draw, s, "value")


def target_by(draw: Any, s: _State) -> bool:
    return _target_edit(draw, s, "by")


def target_bound(draw: Any, s: _State) -> bool:
    return _target_edit(draw, s, "bound")


def add_target(draw: Any, s: _State) -> bool:
    candidates = [
        n["id"] for n in s.nodes()
        if s.kept(n["id"]) and "remove" not in s.target_edits.get(n["id"], set()) and ("node", n["id"]) not in s.touched
        and n["kind"] != "ecosystem_measure"
    ]
    if not candidates:
        return False
    node = s.node(draw(st.sampled_from(candidates)))
    metric = s.new_id("지표")
    value = draw(st.none() | st.integers(0, 100).map(float))
    target = {
        "metric": metric, "metric_en": None, "value": value, "unit": draw(st.none() | st.just("%")), "unit_en": None,
        "bound": None, "comparator": draw(st.none() | st.sampled_from([">=", "<="])) if value is not None else None,
        "by": 2030 if value is None else draw(st.none() | st.integers(2024, 2040)), "note": None, "sources": [],
    }
    node["targets"] = [*node["targets"], target]
    s.target_edits.setdefault(node["id"], set()).add("add")
    s.touched.add(("target", node["id"], metric))
    s.expected.nodes_changed.append((node["id"], f"targets[{metric}]", None, graph_target(target)))
    s.expected.targets.append(("tightened", node["id"], metric, "target", None, graph_target(target)))
    s.expected.log.append(f"{node['id']} add target {metric}")
    return True


def remove_target(draw: Any, s: _State) -> bool:
    found = [(n, i) for n, i in _targets(s) if "add" not in s.target_edits.get(n, set())]
    if not found:
        return False
    node_id, i = draw(st.sampled_from(found))
    node = s.node(node_id)
    target = node["targets"][i]
    node["targets"] = [t for j, t in enumerate(node["targets"]) if j != i]
    s.target_edits.setdefault(node_id, set()).add("remove")
    s.touched.add(("target", node_id, target["metric"]))
    s.expected.nodes_changed.append((node_id, f"targets[{target['metric']}]", graph_target(target), None))
    s.expected.targets.append(("loosened", node_id, target["metric"], "target", graph_target(target), None))
    s.expected.log.append(f"{node_id} remove target {target['metric']}")
    return True


def add_field(draw: Any, s: _State) -> bool:
    field_id = s.new_id("f")
    s.data["fields"] = [*s.data["fields"], {**_empty_field(field_id), "name": draw(hangul)}]
    s.expected.fields_added.add(field_id)
    s.touched.add(("field", field_id))
    s.expected.log.append(f"add field {field_id}")
    return True


def _empty_field(field_id: str) -> dict[str, Any]:
    return {
        "id": field_id, "name": field_id, "name_en": None, "goal": None, "goal_en": None,
        "converges_with": [], "focus": None, "sources": [], "ignore": [],
    }


def remove_field(draw: Any, s: _State) -> bool:
    used = {n["field"] for n in s.nodes()} | {o for f in s.data["fields"] for o in f["converges_with"]}
    candidates = [
        f["id"] for f in s.data["fields"]
        if f["id"] in s.original_fields and f["id"] not in used and not any(t[:2] == ("field", f["id"]) for t in s.touched)
    ]
    if not candidates:
        return False
    victim = draw(st.sampled_from(candidates))
    s.data["fields"] = [f for f in s.data["fields"] if f["id"] != victim]
    s.expected.fields_removed.add(victim)
    s.touched.add(("field", victim))
    s.expected.log.append(f"remove field {victim}")
    return True


def field_attribute(draw: Any, s: _State) -> bool:
    attribute = draw(st.sampled_from(["name", "name_en", "goal", "goal_en", "converges_with"]))
    candidates = [
        f["id"] for f in s.data["fields"]
        if f["id"] in s.original_fields and ("field", f["id"]) not in s.touched and ("field", f["id"], attribute) not in s.touched
    ]
    if not candidates:
        return False
    field_id = draw(st.sampled_from(candidates))
    info = next(f for f in s.data["fields"] if f["id"] == field_id)
    old = info[attribute]
    if attribute == "name":
        new: Any = draw(hangul)
    elif attribute == "converges_with":
        others = [f["id"] for f in s.data["fields"] if f["id"] != field_id]
        new = draw(st.lists(st.sampled_from(others), unique=True)) if others else []
    else:
        new = draw(st.none() | latin)
    info[attribute] = new
    s.touched.add(("field", field_id, attribute))
    if canonical(old) != canonical(new):
        s.expected.fields_changed.append((field_id, attribute, old, new))
    s.expected.log.append(f"field {field_id}.{attribute}: {old!r} -> {new!r}")
    return True


def metadata(draw: Any, s: _State) -> bool:
    attribute = draw(st.sampled_from(["title", "title_en", "published", "horizon"]))
    if ("meta", attribute) in s.touched:
        return False
    header = s.data["roadmap"]
    old = header[attribute]
    if attribute == "title":
        new: Any = draw(hangul)
    elif attribute == "title_en":
        new = draw(st.none() | latin)
    elif attribute == "published":
        new = draw(st.none() | st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)))
    else:
        new = draw(st.none() | st.integers(2025, 2045))
    header[attribute] = new
    s.touched.add(("meta", attribute))

    def as_json(x: Any) -> Any:
        return x.isoformat() if isinstance(x, dt.date) else x

    if as_json(old) != as_json(new):
        s.expected.roadmap_changed.append((attribute, as_json(old), as_json(new)))
    s.expected.log.append(f"roadmap.{attribute}: {old!r} -> {new!r}")
    return True


APPLY = {name: globals()[name] for name in EDITS}


@st.composite
def revisions(draw: Any, *, max_edits: int = 8, max_nodes: int = 9) -> tuple[rg.Roadmap, rg.Roadmap, Expected]:
    """``(old, new, expected)``: a random roadmap, the same after a random edit sequence,
    and what the edits must show in the diff (see the module docstring)."""
    old = draw(roadmaps(max_nodes=max_nodes))
    s = _State(old)
    for name in draw(st.lists(st.sampled_from(EDITS), max_size=max_edits)):
        APPLY[name](draw, s)
    return old, s.result(), s.expected
