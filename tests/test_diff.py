"""``compare`` and ``diff_roadmaps`` on random roadmaps: the diff recovers exactly the edits made,
mirrors when its sides swap, is empty between a roadmap and itself however it is written, and
lists everything sorted. The expectations come from the edit log (:mod:`tests.edits`), never
from the implementation."""

from __future__ import annotations

import io
import json
import random
import re
from typing import Any

import networkx as nx
from hypothesis import assume, given, note
from hypothesis import strategies as st

import roadmap_graph as rg
from roadmap_graph.analyses.changes import Changes, compare
from roadmap_graph.analyses.diff import FAIL_ON, diff_roadmaps
from roadmap_graph.analyses.effects import DIRECTIONS
from roadmap_graph.analyses.impact import grounded

from .conftest import examples
from .edits import canonical_set, effective, link_groups, observed, revisions
from .oracles import missions_of
from .strategies import roadmaps


def changes_of(old: rg.Roadmap, new: rg.Roadmap) -> Changes:
    return compare(rg.to_networkx(old), rg.to_networkx(new))


def empty_dict(d: dict[str, Any]) -> bool:
    """Every list in the nested ``to_dict()`` is empty."""
    return all(empty_dict(v) if isinstance(v, dict) else v == [] for v in d.values())


# --- the diff recovers the edits -----------------------------------------------------------


@examples(500)
@given(revisions())
def test_compare_recovers_exactly_the_edits(revision):
    old, new, expected = revision
    for line in expected.log:
        note(line)
    assert observed(changes_of(old, new)) == expected.resolve(old, new)


@examples(300)
@given(revisions(max_edits=1))
def test_one_edit_at_a_time(revision):
    old, new, expected = revision
    note(expected.log)
    assert observed(changes_of(old, new)) == expected.resolve(old, new)


def test_a_link_leaving_a_group_of_its_own_is_a_change_both_ways():
    head = "schema_version: 1\nroadmap: {id: d, title: 로드맵}\nfields: [{id: ai, name: 인공지능}]\nnodes:\n"
    tech = "  - {id: t, kind: core_technology, field: ai, name: 기술}\n"
    grouped = rg.loads_roadmap(head + "  - {id: m, kind: mission, field: ai, name: 임무, any_of: [[t]]}\n" + tech)
    plain = rg.loads_roadmap(head + "  - {id: m, kind: mission, field: ai, name: 임무, requires: [t]}\n" + tech)
    out = changes_of(grouped, plain).links_changed
    back = changes_of(plain, grouped).links_changed
    assert [(c.source, c.target, c.attribute, c.old, c.new) for c in out] == [("m", "t", "group", 0, None)]
    assert [(c.source, c.target, c.attribute, c.old, c.new) for c in back] == [("m", "t", "group", None, 0)]


# --- mirror and identity -------------------------------------------------------------------


def mirrored(c: Changes) -> dict[str, Any]:
    """What the diff from the other side must say: added and removed swap, old and new swap."""
    flip = {
        "nodes_added": "nodes_removed", "nodes_removed": "nodes_added",
        "links_added": "links_removed", "links_removed": "links_added",
        "fields_added": "fields_removed", "fields_removed": "fields_added",
    }
    out = observed(c)
    swapped = {flip.get(k, k): v for k, v in out.items()}
    # a target is labelled by its metric on the old side: where the metric itself changed,
    # the other side's label is the new metric
    relabel = {
        (x.id, f"targets[{m.group(1)}]"): f"targets[{x.new}]"
        for x in c.nodes_changed
        if (m := re.fullmatch(r"targets\[(.*)\]\.metric", x.attribute))
    }

    def label(node: str, attribute: str) -> str:
        head, dot, rest = attribute.partition("].")
        return relabel.get((node, head + "]"), head + "]")[:-1] + dot + rest if dot else attribute

    swapped["nodes_changed"] = canonical_set((x.id, label(x.id, x.attribute), x.new, x.old) for x in c.nodes_changed)
    swapped["links_changed"] = canonical_set(
        (x.source, x.target, x.relation, x.attribute, x.new, x.old) for x in c.links_changed
    )
    swapped["fields_changed"] = canonical_set((x.id, x.attribute, x.new, x.old) for x in c.fields_changed)
    swapped["roadmap_changed"] = canonical_set((x.attribute, x.new, x.old) for x in c.roadmap_changed)
    return swapped


@examples(300)
@given(revisions())
def test_swapping_the_sides_mirrors_the_diff(revision):
    old, new, _ = revision
    assert observed(changes_of(new, old)) == mirrored(changes_of(old, new))


def distinct_metrics(roadmap: rg.Roadmap) -> bool:
    return all(len({t.metric for t in n.targets}) == len(n.targets) for n in roadmap.nodes)


@examples(300)
@given(roadmaps(), roadmaps())
def test_two_unrelated_roadmaps_mirror_too(a, b):
    # a metric a node states twice is labelled #2 in the order of the old side: no mirror
    assume(distinct_metrics(a) and distinct_metrics(b))
    assert observed(changes_of(b, a)) == mirrored(changes_of(a, b))


@given(roadmaps())
def test_a_roadmap_against_itself_is_empty(roadmap):
    G = rg.to_networkx(roadmap)
    for c in (compare(G, G), compare(G, G.copy()), changes_of(roadmap, roadmap)):
        assert not c
        assert c.to_dict() == {
            "nodes": {"added": [], "removed": [], "changed": []},
            "links": {"added": [], "removed": [], "changed": []},
            "fields": {"added": [], "removed": [], "changed": []},
            "roadmap": {"changed": []},
        }


def test_the_bundled_roadmap_against_itself_is_empty(G):
    assert empty_dict(compare(G, G).to_dict())
    assert not compare(G, rg.to_networkx(rg.load_roadmap()))


# --- the same roadmap written another way is no change ---------------------------------------


def rewritten(roadmap: rg.Roadmap, rng: random.Random, *, flow: bool, mappings: bool) -> Any:
    """``roadmap`` as plain data in another order and style: nodes, fields, sources,
    requires, any_of groups and their members, support, targets (when their metrics are
    distinct), ``converges_with`` shuffled; links as bare ids or as ``{id: ...}`` mappings."""

    def shuffled(items: list[Any]) -> list[Any]:
        items = list(items)
        rng.shuffle(items)
        return items

    def link(x: rg.Link) -> Any:
        if x.is_bare and not mappings:
            return x.id
        out = x.model_dump(mode="json", exclude_defaults=True)
        if "sources" in out:
            out["sources"] = shuffled(out["sources"])
        return out

    data = roadmap.model_dump(mode="json", exclude_defaults=True)
    data["schema_version"] = 1
    data["roadmap"]["sources"] = shuffled(data["roadmap"].get("sources", []))
    for f in data.get("fields", []):
        if "converges_with" in f:
            f["converges_with"] = shuffled(f["converges_with"])
    data["fields"] = shuffled(data.get("fields", []))
    for node, out in zip(roadmap.nodes, data.get("nodes", []), strict=True):
        for key in ("requires", "supported_by"):
            if getattr(node, key):
                out[key] = shuffled([link(x) for x in getattr(node, key)])
        if node.any_of:
            out["any_of"] = shuffled([shuffled([link(x) for x in group]) for group in node.any_of])
        metrics = [t.metric for t in node.targets]
        if len(set(metrics)) == len(metrics) and "targets" in out:
            out["targets"] = shuffled(out["targets"])
        if "sources" in out:
            out["sources"] = shuffled(out["sources"])
    data["nodes"] = shuffled(data.get("nodes", []))
    return data


def quoted(value: Any) -> Any:
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if isinstance(value, dict):
        return {k: quoted(v) for k, v in value.items()}
    if isinstance(value, list):
        return [quoted(v) for v in value]
    if isinstance(value, str) and not re.fullmatch(r"[a-z][a-z0-9_]*", value):
        return DoubleQuotedScalarString(value)
    return value


def yaml_text(data: Any, *, flow: bool, comments: bool) -> str:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    yaml = YAML(typ="rt")
    yaml.allow_unicode = True
    yaml.default_flow_style = flow
    stream = io.StringIO()
    if flow:
        # ruamel writes a plain ':x' inside a flow mapping, which it cannot read back: quote
        # every string that is not an id (quoting is style too)
        data = quoted(data)
    if comments:
        data = CommentedMap(data)
        data.yaml_set_start_comment("다시 쓴 로드맵 (rewritten roadmap)")
        for key in list(data):
            data.yaml_add_eol_comment(f"comment on {key}", key)
    yaml.dump(data, stream)
    return stream.getvalue()


def with_lists(roadmap: rg.Roadmap) -> rg.Roadmap:
    """``roadmap`` with longer lists whose order must not count: three quotes on every node
    and link with sources, two silenced rules per node, every field converging with the
    others, three documents in the header."""
    quotes = tuple(rg.SourceRef(source=s, quote=q) for s, q in (("src", "가"), ("src", "나"), ("doc", "다")))
    silences = (rg.Silence(code="RG202", reason="이유"), rg.Silence(code="RG301", reason="사유"))
    ids = [f.id for f in roadmap.fields]

    def link(x: rg.Link) -> rg.Link:
        return x.model_copy(update={"sources": quotes}) if x.sources else x

    nodes = tuple(
        n.model_copy(
            update={
                "sources": quotes, "ignore": silences,
                "requires": tuple(map(link, n.requires)), "supported_by": tuple(map(link, n.supported_by)),
                "any_of": tuple(tuple(map(link, g)) for g in n.any_of),
            }
        )
        for n in roadmap.nodes
    )
    fields = tuple(f.model_copy(update={"converges_with": tuple(i for i in ids if i != f.id)}) for f in roadmap.fields)
    header = roadmap.roadmap.model_copy(
        update={"sources": (*roadmap.roadmap.sources, rg.Source(id="doc", title="문서"), rg.Source(id="web", url="https://example.org"))}
    )
    return rg.Roadmap.model_validate(
        {"schema_version": 1, "roadmap": header.model_dump(), "fields": [f.model_dump() for f in fields], "nodes": [n.model_dump() for n in nodes]}
    )


@examples(300)
@given(roadmaps().map(with_lists), st.randoms(use_true_random=False), st.booleans(), st.booleans(), st.booleans())
def test_another_order_or_style_is_no_change(roadmap, rng, flow, mappings, comments):
    data = rewritten(roadmap, rng, flow=flow, mappings=mappings)
    G = rg.to_networkx(roadmap)
    texts = {
        "again.yaml": yaml_text(data, flow=flow, comments=comments),
        "again.json": json.dumps(data, ensure_ascii=False, indent=None if flow else 2),
        "dumped.yaml": rg.dump_roadmap(roadmap),
    }
    for path, text in texts.items():
        note(text)
        again = rg.loads_roadmap(text, path=path)
        assert empty_dict(compare(G, rg.to_networkx(again)).to_dict()), path


def test_the_bundled_roadmap_rewritten_is_no_change(G, bundled):
    rng = random.Random(11)
    data = rewritten(bundled, rng, flow=False, mappings=True)
    again = rg.loads_roadmap(json.dumps(data, ensure_ascii=False), path="again.json")
    assert empty_dict(compare(G, rg.to_networkx(again)).to_dict())
    again = rg.loads_roadmap(yaml_text(rewritten(bundled, rng, flow=True, mappings=False), flow=True, comments=True), path="a.yaml")
    assert empty_dict(compare(G, rg.to_networkx(again)).to_dict())


# --- everything listed sorted ----------------------------------------------------------------


@examples(300)
@given(revisions())
def test_every_list_is_sorted_and_group_is_null_outside_any_of(revision):
    old, new, _ = revision
    c = changes_of(old, new)
    d = c.to_dict()
    for part in ("nodes", "fields"):
        assert d[part]["added"] == sorted(d[part]["added"])
        assert d[part]["removed"] == sorted(d[part]["removed"])
        ids = [c["id"] for c in d[part]["changed"]]
        assert ids == sorted(ids)
    for part in ("added", "removed", "changed"):
        keys = [(x["source"], x["target"], x["relation"]) for x in d["links"][part]]
        assert keys == sorted(keys)
    groups_old, groups_new = link_groups(old), link_groups(new)
    for part, groups in (("added", groups_new), ("removed", groups_old)):
        for x, ref in zip(d["links"][part], getattr(c, f"links_{part}")):
            relation, group = groups[x["source"], x["target"]]
            assert (x["relation"], x["group"]) == (relation, group)
            version = new if part == "added" else old
            node = version.node(x["source"])
            link = next(y for _, _, y in node.links() if y.id == x["target"])
            assert ref.provenance == effective(link.model_dump(), node.provenance)  # shown in tables and CSV
            assert x["group"] is None or relation == "requires"
    # the JSON keys are the contract's, and the whole thing is JSON
    assert set(d) >= {"nodes", "links"}
    assert all(set(c) == {"id", "attribute", "old", "new"} for c in d["nodes"]["changed"])
    assert all(set(x) == {"source", "target", "relation", "group"} for p in ("added", "removed") for x in d["links"][p])
    assert all(set(c) == {"source", "target", "relation", "attribute", "old", "new"} for c in d["links"]["changed"])
    json.dumps(d, allow_nan=False)


# --- the effects are the analyses run on both versions --------------------------------------


def grounded_by_definition(G: nx.DiGraph, v: str) -> bool:
    """A node is grounded when every plain requirement is grounded and each ``any_of`` group
    has a grounded member; a node that requires nothing is grounded only when it is an
    enabling technology. Straight from the definition, by recursion."""
    groups: dict[object, list[str]] = {}
    for c, d in G.succ[v].items():
        if d["relation"] == "requires":
            groups.setdefault(("plain", c) if d["group"] is None else d["group"], []).append(c)
    if not groups:
        return G.nodes[v]["kind"] == "enabling_technology"
    return all(any(grounded_by_definition(G, c) for c in g) for g in groups.values())


def analysed(G: nx.DiGraph, lang: str) -> dict[str, Any]:
    """Each analysis the diff compares, run on one version on its own."""
    missions = missions_of(G)
    kappa = rg.redundancy(G)
    ranking = rg.bottlenecks(G)
    findings: dict[tuple[str, str], list[Any]] = {}
    for f in rg.find_gaps(G, lang=lang).findings:
        findings.setdefault((f.code, f.node), []).append(f)
    return {
        "missions": missions,
        "chain": {m: {x.id for x in rg.prerequisite_chain(G, m).nodes} - {m} for m in missions},
        "gateways": {m: set(kappa.gateways[m]) for m in missions},
        "kappa": {m: kappa[m] for m in missions},
        "grounded": {m for m in missions if grounded_by_definition(G, m)},
        "rank": {b.id: r for r, b in enumerate(ranking, start=1)},
        "top": set(ranking.marked()),
        "points": {p.id for p in rg.convergence(G).convergence_points},
        "gaps": findings,
    }


def without_inferred(G: nx.DiGraph) -> nx.DiGraph:
    """``G`` on its stated links alone: every link marked inferred dropped."""
    S = G.copy()
    S.remove_edges_from([(u, v) for u, v, p in G.edges(data="provenance") if p == "inferred"])
    return S


def mission_entry(a: dict[str, Any], b: dict[str, Any], m: str) -> dict[str, Any]:
    before, after = m in a["missions"], m in b["missions"]
    chain_a, chain_b = a["chain"].get(m, set()), b["chain"].get(m, set())
    gates_a, gates_b = a["gateways"].get(m, set()), b["gateways"].get(m, set())
    return {
        "id": m,
        "status": "changed" if before and after else "added" if after else "removed",
        "chain": {"entered": sorted(chain_b - chain_a), "left": sorted(chain_a - chain_b)},
        "gateways": {"gained": sorted(gates_b - gates_a), "lost": sorted(gates_a - gates_b)},
        "kappa": {"old": a["kappa"].get(m), "new": b["kappa"].get(m)},
        "feasible": {"old": m in a["grounded"] if before else None, "new": m in b["grounded"] if after else None},
    }


def expected_effects(A: nx.DiGraph, B: nx.DiGraph, *, threshold: int, lang: str) -> dict[str, Any]:
    """The effects part of the JSON contract, from :func:`analysed` on each version
    (targets and gap messages apart: see the tests). A mission's effect is ``stated`` when
    the same effect shows on the two versions' stated links alone."""
    a, b = analysed(A, lang), analysed(B, lang)
    sa, sb = analysed(without_inferred(A), lang), analysed(without_inferred(B), lang)
    missions = []
    for m in sorted(set(a["missions"]) | set(b["missions"])):
        entry = mission_entry(a, b, m)
        unchanged = entry["status"] == "changed" and all(
            not entry[k][x] for k, x in (("chain", "entered"), ("chain", "left"), ("gateways", "gained"), ("gateways", "lost"))
        ) and entry["kappa"]["old"] == entry["kappa"]["new"] and entry["feasible"]["old"] == entry["feasible"]["new"]
        if not unchanged:
            entry["evidence"] = "stated" if mission_entry(sa, sb, m) == entry else "inferred"
            missions.append(entry)
    both = sorted(set(a["rank"]) & set(b["rank"]))
    return {
        "missions": missions,
        "bottlenecks": {
            "threshold": threshold,
            "moved": [
                {"id": n, "old_rank": a["rank"][n], "new_rank": b["rank"][n]}
                for n in both
                if abs(a["rank"][n] - b["rank"][n]) > threshold
            ],
            "top": {"entered": sorted(b["top"] - a["top"]), "left": sorted(a["top"] - b["top"])},
        },
        "convergence": {"gained": sorted(b["points"] - a["points"]), "lost": sorted(a["points"] - b["points"])},
        "gaps": gap_changes(a["gaps"], b["gaps"]),
        "_found": (a["gaps"], b["gaps"]),
        "_grounded": (a["grounded"], b["grounded"]),
    }


def gap_changes(a: dict[tuple[str, str], list[Any]], b: dict[tuple[str, str], list[Any]]) -> dict[str, list[Any]]:
    """New and resolved findings by rule code and node; where a rule finds the same node
    more than once in either version (RG401, one per missing category), by message too."""
    new: list[Any] = []
    resolved: list[Any] = []
    for key in a.keys() | b.keys():
        before, after = a.get(key, []), b.get(key, [])
        if len(before) <= 1 and len(after) <= 1:
            new += after if not before else []
            resolved += before if not after else []
        else:
            new += [f for f in after if f.message not in {g.message for g in before}]
            resolved += [f for f in before if f.message not in {g.message for g in after}]
    return {
        "new": sorted((f.code, f.severity, f.node) for f in new),
        "resolved": sorted((f.code, f.severity, f.node) for f in resolved),
    }


def check_effects(old: rg.Roadmap, new: rg.Roadmap, expected: Any, *, threshold: int, lang: str) -> None:
    A, B = rg.to_networkx(old), rg.to_networkx(new)
    d = diff_roadmaps(A, B, rank_threshold=threshold, lang=lang)
    got = d.to_dict()["effects"]
    want = expected_effects(A, B, threshold=threshold, lang=lang)
    assert got["missions"] == want["missions"]
    assert got["bottlenecks"] == want["bottlenecks"]
    assert got["convergence"] == want["convergence"]
    found_old, found_new = want["_found"]
    for part, found in (("new", found_new), ("resolved", found_old)):
        assert [(g["code"], g["severity"], g["node"]) for g in got["gaps"][part]] == want["gaps"][part]
        for g in got["gaps"][part]:  # the message of one of the findings with that code and node
            assert g["message"] in {f.message for f in found[g["code"], g["node"]]}
    # the grounded missions are those of impact.grounded
    grounded_old, grounded_new = want["_grounded"]
    assert grounded_old == {m for m in grounded(A) if A.nodes[m]["kind"] == "mission"}
    assert grounded_new == {m for m in grounded(B) if B.nodes[m]["kind"] == "mission"}
    if expected is not None:
        targets = {
            direction: canonical_set(
                (node, metric, attribute, x, y) for dr, node, metric, attribute, x, y in expected.targets if dr == direction
            )
            for direction in DIRECTIONS
        }
        shown = {
            direction: canonical_set((t["id"], t["metric"], t["attribute"], t["old"], t["new"]) for t in got["targets"][direction])
            for direction in DIRECTIONS
        }
        assert shown == targets
        for direction in DIRECTIONS:
            keys = [(t["id"], t["metric"], t["attribute"]) for t in got["targets"][direction]]
            assert keys == sorted(keys)
    # --fail-on holds exactly when the oracle says
    removed_missions = {m["id"] for m in want["missions"] if m["status"] == "removed"}
    holds = {
        "any": bool(compare(A, B)),
        "removed-mission": bool(removed_missions),
        "infeasible-mission": any(m["feasible"]["new"] is False and m["feasible"]["old"] is not False for m in want["missions"]),
        "loosened-target": bool(got["targets"]["loosened"]) if expected is None else any(t[0] == "loosened" for t in expected.targets),
        "new-error-gap": any(severity == "error" for _, severity, _ in want["gaps"]["new"]),
        "new-warning-gap": any(severity in ("error", "warning") for _, severity, _ in want["gaps"]["new"]),
    }
    assert d.failures(FAIL_ON) == [c for c in FAIL_ON if holds[c]]
    for condition in FAIL_ON:
        assert d.failures([condition]) == ([condition] if holds[condition] else [])


@examples(300)
@given(revisions(), st.integers(0, 4), st.sampled_from(["ko", "en"]))
def test_effects_are_the_analyses_run_on_both_versions(revision, threshold, lang):
    old, new, expected = revision
    for line in expected.log:
        note(line)
    check_effects(old, new, expected, threshold=threshold, lang=lang)


@examples(100)
@given(roadmaps(), roadmaps(), st.integers(0, 4))
def test_effects_of_two_unrelated_roadmaps(a, b, threshold):
    check_effects(a, b, None, threshold=threshold, lang="en")


@given(roadmaps())
def test_a_diff_against_itself_has_no_effects_and_fails_nothing(roadmap):
    G = rg.to_networkx(roadmap)
    d = diff_roadmaps(G, G)
    assert not d and not d.effects
    data = d.to_dict()
    assert data["old"] == data["new"] == {"id": "random", "title": "무작위 로드맵"}
    assert empty_dict({k: v for k, v in data.items() if k not in ("old", "new") and k != "effects"})
    effects = data["effects"]
    assert effects["bottlenecks"].pop("threshold") == 3
    assert empty_dict(effects)
    assert d.failures(FAIL_ON) == []


def test_a_node_reclassified_as_a_mission_is_a_mission_added():
    head = "schema_version: 1\nroadmap: {id: d, title: 로드맵}\nfields: [{id: ai, name: 인공지능}]\nnodes:\n"
    tech = "  - {id: t, kind: enabling_technology, field: ai, name: 기술}\n"
    core = rg.loads_roadmap(head + "  - {id: m, kind: core_technology, field: ai, name: 임무, requires: [t]}\n" + tech)
    mission = rg.loads_roadmap(head + "  - {id: m, kind: mission, field: ai, name: 임무, requires: [t]}\n" + tech)
    A, B = rg.to_networkx(core), rg.to_networkx(mission)
    added = diff_roadmaps(A, B).effects.missions
    assert [(m.id, m.status, m.chain_entered, m.kappa_old, m.kappa_new, m.feasible_old, m.feasible_new) for m in added] == [
        ("m", "added", ("t",), None, 1, None, True)
    ]
    removed = diff_roadmaps(B, A)
    assert [(m.id, m.status, m.chain_left, m.feasible_old, m.feasible_new) for m in removed.effects.missions] == [
        ("m", "removed", ("t",), True, None)
    ]
    assert removed.failures(["removed-mission"]) == ["removed-mission"]
    assert [(c.id, c.attribute, c.old, c.new) for c in compare(A, B).nodes_changed] == [("m", "kind", "core_technology", "mission")]
