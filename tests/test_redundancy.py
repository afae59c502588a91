"""Redundancy κ against brute force (the smallest cut by enumeration), and its result."""

from __future__ import annotations

from hypothesis import given

import roadmap_graph as rg
from roadmap_graph.analyses.gateways import gateways
from roadmap_graph.analyses.redundancy import redundancy
from roadmap_graph.errors import UnknownNodeError

from .conftest import raises_en
from .oracles import missions_of, redundancy_of
from .strategies import roadmaps


@given(roadmaps(rich=False, max_nodes=8))
def test_redundancy_matches_brute_force(roadmap):
    G = rg.to_networkx(roadmap)
    levels = redundancy(G)
    for m in missions_of(G):
        assert levels[m] == redundancy_of(G, m)
        assert (levels[m] == 1) == bool(gateways(G).by_mission[m])


def test_redundancy_above_one():
    # M needs T, which needs A and B (each a foundation): no single node cuts M off... except
    # T. Give M a second core technology U needing C: then T and U are both needed (AND) but
    # every path M→foundation goes through T or U, so κ = 2 and there is no gateway.
    roadmap = rg.loads_roadmap(
        """
schema_version: 1
roadmap: {id: x, title: t}
fields: [{id: ai, name: 인공지능}]
nodes:
  - {id: m, kind: mission, field: ai, name: 임무, requires: [t, u]}
  - {id: t, kind: core_technology, field: ai, name: 가, requires: [a, b]}
  - {id: u, kind: core_technology, field: ai, name: 나, requires: [c]}
  - {id: a, kind: enabling_technology, field: ai, name: 다}
  - {id: b, kind: enabling_technology, field: ai, name: 라}
  - {id: c, kind: enabling_technology, field: ai, name: 마}
"""
    )
    G = rg.to_networkx(roadmap)
    assert gateways(G).by_mission["m"] == ()
    assert dict(redundancy(G).items()) == {"m": 2}
    assert redundancy(G, ["m"]).to_dict() == [{"mission": "m", "kappa": 2, "gateways": []}]
    with raises_en(UnknownNodeError, "not a mission"):
        redundancy(G, ["t"])


def test_bundled_redundancy(G):
    # Every mission of roadmap (Ⅱ) needs exactly one core technology: κ = 1 everywhere.
    result = redundancy(G)
    assert set(result.levels.values()) == {1}
    assert result.to_dict()[-1] == {
        "mission": "bio_mission_vaccine", "kappa": 1, "gateways": ["bio_vaccine", "mrna_platform", "rna_platform"],
    }
