"""The benchmark runner of benchmarks/: its rows find every analysis, its rewind gives every
timed run the same index, and igraph's dominator tree is the index's."""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

import pytest

import roadmap_graph as rg

_BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"benchmark_{name}", _BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


run = _load("run")
generate = _load("generate")


@pytest.fixture(scope="module")
def graph():
    return rg.to_networkx(generate.synthetic_roadmap(1500, seed=3))


def _context(G) -> object:
    index = rg.RoadmapIndex(G)
    missions = [index.ids[m] for m in index.missions]
    hub = max(range(len(index.ids)), key=lambda i: len(index.pred[i]))
    return run.Context(G=G, index=index, mission=missions[0], hub=index.ids[hub])


def test_every_row_finds_its_analysis(graph) -> None:
    ctx = _context(graph)
    names = [name for name, _ in run.ANALYSES]
    assert names[: len(run.SUITE)] == run.SUITE  # the suite's rows first, in its order
    for name, factory in run.ANALYSES:
        call = factory(ctx)
        assert call is not None, name  # n/a would mean a stale module path
        assert call() is not None


def test_rewind_repeats_the_same_work(graph) -> None:
    ctx = _context(graph)
    index = ctx.index
    rg.gateways(index)  # a row above: what it computed stays
    state = run.index_state(index)
    kept = index.idom
    first = rg.bottlenecks(index).to_dict()
    assert "criticality" in index._shared
    run.rewind(index, state)
    assert "criticality" not in index._shared and "mission_reach" not in vars(index)
    assert index.idom is kept
    assert rg.bottlenecks(index).to_dict() == first


def test_igraph_dominator_is_the_index_tree(graph) -> None:
    pytest.importorskip("igraph")
    index = rg.RoadmapIndex(graph)
    built = run.igraph_dominator(index)
    assert built is not None
    g, root = built
    dominators = g.dominator(root, mode="out")
    assert [-1 if d == root else d for d in dominators[:root]] == index.idom


def test_suite_and_report(graph, tmp_path: Path) -> None:
    run.run_suite(graph)
    step = {"status": "ok", "time": 2.0, "cpu": 1.0, "runs": 1, "mem": None, "rss_total": None}
    results = [
        {
            "n": n,
            "steps": {**{s: dict(step) for s in run.all_steps()}, "six analyses": dict(step, cpu=0.5 * n / 1000)},
            "facts": {"nodes": n, "igraph_agrees": True},
        }
        for n in (1000, 100_000)
    ]
    args = argparse.Namespace(memory="none", markdown=True, clock="cpu")
    text = run.report(results, None, args)
    assert "| six analyses |" in text and "| igraph dominator |" in text
    assert "gateways / igraph dominator (cpu): 10^3: 1.0× (same tree)" in text
    assert "six analyses 10^5 < 3 s: 50.00 s  MISSED" in text
    assert "load + build 10^5 < 3 s: 1.00 s  ok" in text
    wall = run.report(results, None, argparse.Namespace(memory="none", markdown=False, clock="wall"))
    assert "load + build 10^5 < 3 s: 2.00 s  ok" in wall
