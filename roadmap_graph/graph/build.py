"""The roadmap as a ``networkx.DiGraph``: the conventions every analysis relies on.

Edges point from the dependent to its prerequisite, for every relation::

    mission ──requires──▶ core technology ──requires──▶ enabling technology
        technology ──supported_by──▶ ecosystem measure

Capability flows the other way (from prerequisite to dependent); analyses that reason about
flow say so.

Node attributes
    ``kind`` (mission | core_technology | enabling_technology | ecosystem_measure),
    ``field`` (a field id), ``name`` (Korean), ``name_en`` (or ``None``), ``description``,
    ``description_en``, ``category`` (measures only, else ``None``), ``targets`` (a list of
    dicts: metric, metric_en, value, unit, unit_en, bound, comparator, by, note, sources;
    ``bound`` is always filled in: at_least, up_to, exactly or milestone, and
    ``comparator`` agrees with it: >=, <=, == or ``None`` for a milestone), ``provenance``
    (stated | inferred | ``None`` when the file does not say), ``sources`` (a list of dicts:
    source, quote, note), ``location`` (``"path:line:col"`` where the node was defined, or
    ``None`` for a roadmap built in code), ``ignore`` (the gap rules silenced for this node,
    a list of dicts: code, reason).

Edge attributes
    ``relation``: ``"requires"`` or ``"supported_by"``. ``group``: for the alternatives of an
    ``any_of`` group, the index of that group within the dependent node (edges out of one
    node with the same ``group`` are alternatives: one of them suffices); ``None`` for a
    plain requirement, which is needed on its own, and for support. ``provenance``: the
    link's own; a link that does not say (a bare id) is ``"inferred"`` when its node is
    inferred and ``None`` (unknown) otherwise: a link is never ``"stated"`` by inheriting
    its node's provenance. ``sources``: the link's own quotes (never the node's).
    ``note``: the link's note or ``None``.
    *Requirement edges* are those with ``relation == "requires"``; support edges are not
    requirements.

Graph attributes
    ``roadmap`` (the header as a dict), ``fields`` (field id → dict of name, name_en, goal,
    goal_en, converges_with, sources, ignore, location).

>>> import roadmap_graph as rg
>>> G = rg.to_networkx(rg.load_roadmap())
>>> G.nodes["bio_synthetic_biology"]["kind"], G.nodes["bio_synthetic_biology"]["field"]
('core_technology', 'bio')
>>> G.edges["bio_gene_delivery", "rna_platform"]["group"], G.edges["bio_gene_delivery", "rna_platform"]["provenance"]
(None, 'stated')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx
from pydantic import BaseModel

from ..errors import Problem, RoadmapLoadError
from ..fileformat.model import COMPARATOR_BOUND, Roadmap, Target
from ..fileformat.validation import find_problems
from ..gcpause import paused_gc
from ..vocabulary import Message, verbatim


def to_networkx(roadmap: Roadmap) -> nx.DiGraph:
    """Build the dependency graph of ``roadmap`` (see the module docstring for conventions).

    A roadmap loaded from files is already checked; one built in code is checked here, so
    the graph is always acyclic over requirement edges and every link resolves.

    Raises
    ------
    RoadmapLoadError
        When a roadmap built in code has broken references, layer errors or cycles.
    """
    with paused_gc():  # hundreds of thousands of small dicts; see gcpause
        if not roadmap._checked:
            problems = find_problems(roadmap)
            if problems:
                raise RoadmapLoadError(
                    Problem(None, Message("check.at_path", path=verbatim(".".join(map(str, path))), message=message))
                    for path, message in problems
                )
        return _graph(roadmap)


def _graph(roadmap: Roadmap) -> nx.DiGraph:
    field_locations = roadmap.field_locations
    fields = {}
    for f in roadmap.fields:
        fields[f.id] = f.model_dump(mode="json", exclude={"id"})
        fields[f.id]["location"] = str(field_locations[f.id]) if f.id in field_locations else None
    G = nx.DiGraph(roadmap=roadmap.roadmap.model_dump(mode="json"), fields=fields)
    # One add of each kind, fed one item at a time: networkx copies each attribute dict, so
    # ours is dropped at once and its memory reused for the next.
    G.add_nodes_from(_nodes(roadmap))
    G.add_edges_from(_edges(roadmap))
    return G


def _nodes(roadmap: Roadmap) -> Iterator[tuple[str, dict[str, Any]]]:
    locations = roadmap.node_locations
    for node in roadmap.nodes:
        location = locations.get(node.id)
        yield node.id, {
            "kind": node.kind,
            "field": node.field,
            "name": node.name,
            "name_en": node.name_en,
            "description": node.description,
            "description_en": node.description_en,
            "category": node.category,
            "targets": [_target(t) for t in node.targets] if node.targets else [],
            "provenance": node.provenance,
            "sources": _dicts(node.sources) if node.sources else [],
            "location": str(location) if location else None,
            "ignore": _dicts(node.ignore) if node.ignore else [],
        }


def _edges(roadmap: Roadmap) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for node in roadmap.nodes:
        # a link without its own provenance is no surer than its node, and never stated
        default = "inferred" if node.provenance == "inferred" else None
        for relation, group, link in node.links():
            yield node.id, link.id, {
                "relation": relation,
                "group": group,
                "provenance": link.provenance or default,
                "sources": _dicts(link.sources) if link.sources else [],
                "note": link.note,
            }


def _target(target: Target) -> dict[str, Any]:
    # bound and comparator always filled in and agreeing, however the file spelled them
    bound = target.kind
    comparator = next((c for c, b in COMPARATOR_BOUND.items() if b == bound), None)
    return {**target.model_dump(mode="json"), "bound": bound, "comparator": comparator}


def _dicts(models: Iterable[BaseModel]) -> list[dict[str, Any]]:
    return [m.model_dump(mode="json") for m in models]
