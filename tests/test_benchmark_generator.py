"""The synthetic roadmap generator of benchmarks/: valid, shaped as specified, deterministic."""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

import roadmap_graph as rg

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py"
_spec = importlib.util.spec_from_file_location("benchmark_generate", _PATH)
assert _spec is not None and _spec.loader is not None
generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate)


@pytest.fixture(scope="module", params=[200, 1000, 3000])
def loaded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    n = request.param
    data = generate.synthetic_data(n, seed=7)
    path = generate.write_json(data, tmp_path_factory.mktemp("synthetic") / f"r{n}.json")
    return n, data, rg.load_roadmap(path)


def _requirement_edges(roadmap: rg.Roadmap) -> list[tuple[str, str]]:
    return [
        (node.id, link.id)
        for node in roadmap.nodes
        for relation, _, link in node.links()
        if relation == "requires"
    ]


def test_loads_through_the_real_loader(loaded) -> None:
    n, data, roadmap = loaded
    assert len(roadmap.nodes) == n
    assert roadmap == generate.roadmap_from_data(data)
    G = rg.to_networkx(roadmap)
    assert G.number_of_nodes() == n
    mission = min(v for v, k in G.nodes(data="kind") if k == "mission")
    chain = rg.prerequisite_chain(G, mission)
    assert 3 <= max(node.depth for node in chain.nodes) + 1 <= 6  # 3–5 deep, plus measures


def test_layer_shares(loaded) -> None:
    n, _, roadmap = loaded
    kinds = Counter(node.kind for node in roadmap.nodes)
    assert kinds["mission"] == pytest.approx(0.02 * n, abs=1)
    assert kinds["core_technology"] == pytest.approx(0.08 * n, abs=1)
    assert kinds["ecosystem_measure"] == pytest.approx(0.15 * n, abs=1)
    assert kinds["enabling_technology"] == pytest.approx(0.75 * n, abs=3)
    assert all(
        node.category is not None
        for node in roadmap.nodes
        if node.kind == "ecosystem_measure"
    )


def test_cross_field_alternatives_and_hubs(loaded) -> None:
    _, _, roadmap = loaded
    field = {node.id: node.field for node in roadmap.nodes}
    edges = _requirement_edges(roadmap)
    cross = sum(field[u] != field[v] for u, v in edges) / len(edges)
    assert 0.05 <= cross <= 0.16
    with_requirements = [node for node in roadmap.nodes if node.requires]
    share = sum(bool(node.any_of) for node in with_requirements) / len(with_requirements)
    assert 0.03 <= share <= 0.2
    assert all(2 <= len(g) <= 3 for node in roadmap.nodes for g in node.any_of)
    fan_in = Counter(v for _, v in edges)
    hubs = [v for v in fan_in if "_platform_" in v]
    assert len(hubs) >= 3
    typical = sorted(fan_in.values())[len(fan_in) // 2]
    assert min(fan_in[h] for h in hubs) >= 3 * typical
    assert all(
        len(node.supported_by) <= 2
        for node in roadmap.nodes
        if node.kind in ("core_technology", "enabling_technology")
    )


def test_deterministic_for_a_seed() -> None:
    first = json.dumps(generate.synthetic_data(500, seed=3))
    assert json.dumps(generate.synthetic_data(500, seed=3)) == first
    assert json.dumps(generate.synthetic_data(500, seed=4)) != first


def test_yaml_round_trip(tmp_path: Path) -> None:
    roadmap = generate.synthetic_roadmap(200, seed=1)
    path = generate.write_roadmap(roadmap, tmp_path / "r.yaml")
    assert rg.load_roadmap(path) == roadmap


def test_cli_writes_a_loadable_file(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    assert generate.main(["300", "-o", str(out), "--seed", "2"]) == 0
    assert len(rg.load_roadmap(out).nodes) == 300
