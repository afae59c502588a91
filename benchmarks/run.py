"""Time and measure memory of loading, graph building and every analysis at several sizes.

Usage::

    python benchmarks/run.py [--sizes 1000,10000,100000,1000000] [--repeat 3] [--markdown]
                             [--memory tracemalloc|rss|none] [--time-limit 300] [--seed 0]
                             [--yaml-max 10000] [--no-cli] [--clock cpu|wall] [--json results.json]

For each size a fresh worker process (this script with ``--worker``) generates a synthetic
roadmap (:mod:`generate`), writes it as JSON (and as YAML up to ``--yaml-max`` nodes), loads
it with :func:`roadmap_graph.load_roadmap`, builds the graph with
:func:`roadmap_graph.to_networkx` and one :class:`roadmap_graph.RoadmapIndex`, and runs every
analysis of :data:`ANALYSES` on that index, as the command line and the report do. Then it
times the whole suite as one call (:data:`SUITE`), and igraph's dominator tree beside the
gateways. The parent prints one table: a row per step, time and peak memory per size, and
the scaling exponent. See ``benchmarks/README.md`` for what each row and column means.

Measured as a user gets it: the cyclic GC stays enabled (the loader and the analyses pause
it by themselves where it pays), ``gc.collect()`` runs before every measured call, and
nothing is cached between runs of a step except what the step returns (the roadmap for
``to_networkx``, the graph for the index) and what the steps before it computed on the
shared index (an analysis row is its cost in the suite, after the rows above it).
"""

from __future__ import annotations

import argparse
import ctypes
import functools
import gc
import importlib
import json
import math
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


# --- what to time ------------------------------------------------------------------------


@dataclass
class Context:
    """What the analyses are called with (built once per size, not timed)."""

    G: Any  # the networkx.DiGraph
    index: Any  # its roadmap_graph.RoadmapIndex, shared by every analysis row
    mission: str  # the first mission by id
    hub: str  # the node with the most requirement dependents (a high fan-in technology)


def bind(module: str, name: str, *args: Any, **kwargs: Any) -> Callable[[], Any] | None:
    """``module.name(*args, **kwargs)`` as a call with no arguments; ``None`` if it does not exist.

    A missing module or function means "not written yet" (the table says n/a); any other
    import error is a bug and propagates (the table says error).
    """
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as err:
        if err.name and (module == err.name or module.startswith(err.name + ".")):
            return None
        raise
    fn = getattr(mod, name, None)
    if fn is None:
        return None
    return lambda: fn(*args, **kwargs)


# The analyses: (row name, factory). A factory gets the Context and returns a call with no
# arguments, or None when the function does not exist (n/a). Every call gets the one shared
# index, as the command line and the report give it. The suite's six come first, in the
# suite's order: each row is that analysis's cost after the rows above it (what they put
# in the index stays; see rewind()), so the six rows add up to the suite less the index.
ANALYSES: list[tuple[str, Callable[[Context], Callable[[], Any] | None]]] = [
    ("gateways", lambda c: bind("roadmap_graph.analyses.gateways", "gateways", c.index)),
    ("redundancy", lambda c: bind("roadmap_graph.analyses.redundancy", "redundancy", c.index)),
    ("criticality", lambda c: bind("roadmap_graph.analyses.criticality", "criticality", c.index)),
    ("bottlenecks", lambda c: bind("roadmap_graph.analyses.bottlenecks", "bottlenecks", c.index)),
    ("convergence", lambda c: bind("roadmap_graph.analyses.convergence", "convergence", c.index)),
    ("find_gaps", lambda c: bind("roadmap_graph.analyses.gaps", "find_gaps", c.index)),
    ("prerequisite_chain", lambda c: bind("roadmap_graph.analyses.chain", "prerequisite_chain", c.index, c.mission)),
    ("impact", lambda c: bind("roadmap_graph.analyses.impact", "impact", c.index, [c.hub])),
    ("coverage", lambda c: bind("roadmap_graph.analyses.coverage", "coverage", c.index)),
    ("sensitivity", lambda c: bind("roadmap_graph.analyses.sensitivity", "sensitivity", c.index)),
    ("diff (1% edited)", lambda c: bind("roadmap_graph.analyses.diff", "diff_roadmaps", c.G, edited(c.G))),
]


def edited(G: Any, share: float = 0.01, seed: int = 0) -> Any:
    """A copy of ``G`` as a revision might leave it (built untimed): a ``share`` of the
    requirement links dropped, as many nodes renamed, and one new enabling technology under
    each of as many technologies."""
    import random

    rnd = random.Random(seed)
    H = G.copy()
    requires = sorted((u, v) for u, v, r in G.edges(data="relation") if r == "requires")
    k = max(1, int(len(requires) * share))
    H.remove_edges_from(rnd.sample(requires, k))
    for node in rnd.sample(sorted(G), min(k, len(G))):
        H.nodes[node]["name"] = str(H.nodes[node]["name"]) + " (개정)"
    technologies = sorted(n for n, kind in G.nodes(data="kind") if kind in ("core_technology", "enabling_technology"))
    for i, parent in enumerate(rnd.sample(technologies, min(k, len(technologies)))):
        new = f"zz_revision_{i}"
        H.add_node(new, **{**G.nodes[parent], "kind": "enabling_technology", "name": new, "targets": []})
        H.add_edge(parent, new, relation="requires", group=None, provenance="inferred", sources=[], note=None)
    return H
#: The analyses of the suite, in its order (the first rows of ANALYSES).
SUITE = ["gateways", "redundancy", "criticality", "bottlenecks", "convergence", "find_gaps"]
LOAD_STEPS = ["load YAML", "load JSON", "to_networkx", "RoadmapIndex"]
# The whole suite, each timed as one call (see worker()).
SUITE_STEPS = ["six analyses", "load + build", "suite"]
IGRAPH_STEP = "igraph dominator"

# Goals of the issues: (step, size, seconds). The "six analyses" row is RoadmapIndex plus
# the six analyses of SUITE on one graph; "load + build" is load JSON plus to_networkx.
GOALS: list[tuple[str, int, float]] = [
    ("load YAML", 1_000, 1.0),
    ("load JSON", 100_000, 5.0),
    ("load + build", 100_000, 3.0),
    ("six analyses", 100_000, 3.0),
    ("six analyses", 1_000_000, 45.0),
]
# Every analysis row on its own: (size, seconds).
GOALS_ANALYSIS = [(100_000, 5.0), (1_000_000, 60.0)]
GOAL_CLI = 0.4


def rewind(index: Any, state: tuple[set[str], set[str]]) -> None:
    """Drop what ``index`` computed since ``state`` (:func:`index_state`): its cached pieces
    and shared results, so every timed run of a row starts from the same index."""
    attrs, shared = state
    for key in set(vars(index)) - attrs:
        delattr(index, key)  # a cached_property's value
    for key in set(index._shared) - shared:  # results one analysis shares with another
        del index._shared[key]


def index_state(index: Any) -> tuple[set[str], set[str]]:
    """What ``index`` holds now (see :func:`rewind`)."""
    return set(vars(index)), set(index._shared)


def run_suite(G: Any) -> None:
    """RoadmapIndex and the six analyses of SUITE on ``G``, as the report runs them."""
    import roadmap_graph as rg

    index = rg.RoadmapIndex(G)
    rg.gateways(index)
    rg.redundancy(index)
    rg.criticality(index)
    rg.bottlenecks(index)
    rg.convergence(index)
    rg.find_gaps(index)


def igraph_dominator(index: Any) -> tuple[Any, int] | None:
    """The reversed requirement graph of ``index`` with a virtual root above every foundation,
    as an igraph graph (vertex i is node i; the root is the last vertex); ``None`` when igraph
    is not installed."""
    try:
        import igraph
    except ImportError:
        return None
    n = len(index.ids)
    edges = [(c, u) for u, children in enumerate(index.req) for c in children]
    edges += [(n, v) for v, children in enumerate(index.req) if not children]
    return igraph.Graph(n=n + 1, edges=edges, directed=True), n


# --- measuring one step ----------------------------------------------------------------------


class TimeLimit(BaseException):
    """Raised by SIGALRM inside a step that runs past ``--time-limit``."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise TimeLimit


_libc: Any = None


def _trim() -> None:
    """Collect garbage and give free heap memory back to the OS (glibc), for RSS deltas."""
    global _libc
    gc.collect()
    if _libc is None:
        try:
            _libc = ctypes.CDLL("libc.so.6")
        except OSError:
            _libc = False
    if _libc:
        _libc.malloc_trim(0)


def _status_mib(key: str) -> float | None:
    try:
        text = Path("/proc/self/status").read_text()
    except OSError:
        return None
    found = re.search(rf"^{key}:\s+(\d+) kB", text, re.M)
    return int(found.group(1)) / 1024 if found else None


def _reset_peak_rss() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM (Linux ≥ 4.0)
        return True
    except OSError:
        return False


@dataclass
class Measured:
    status: str = "ok"  # ok | n/a | skip | >limit | error: ...
    time: float | None = None  # best of the timed runs, wall seconds
    cpu: float | None = None  # best of the timed runs, CPU seconds of the worker (process_time)
    runs: int = 0
    mem: float | None = None  # MiB (see --memory)
    rss_total: float | None = None  # the worker's RSS after the step, MiB


def measure(
    fn: Callable[[], Any],
    *,
    repeat: int,
    budget: float,
    limit: float,
    memory: str,
    memory_max_time: float = 120.0,
    setup: Callable[[], None] | None = None,
) -> tuple[Measured, Any]:
    """Time ``fn`` (best of up to ``repeat`` runs, no new run once ``budget`` s are used)
    and measure its peak memory; return the measurement and the last run's result.

    Only one result is alive at a time: the previous run's result is dropped before the
    next run starts, so every run starts from the same heap. With ``memory="tracemalloc"``
    a separate, untimed run under :mod:`tracemalloc` gives the peak (skipped when the timed
    run took over ``memory_max_time`` s: tracemalloc makes a run 2–4 times slower).
    """
    m = Measured()
    result: Any = None
    spent = 0.0
    times = []
    cpu_times = []
    rss_ok = False
    before: float | None = None
    signal.signal(signal.SIGALRM, _on_alarm)
    for i in range(max(1, repeat)):
        if i and spent >= budget:
            break
        result = None
        if setup is not None:
            setup()
        _trim()
        rss_mode = memory == "rss" and i == 0
        if rss_mode:
            before = _status_mib("VmRSS")
            rss_ok = _reset_peak_rss() and before is not None
        signal.setitimer(signal.ITIMER_REAL, limit)
        try:
            t0, c0 = time.perf_counter(), time.process_time()
            result = fn()
            elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        except TimeLimit:
            m.status = ">limit"
            return m, None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        if rss_mode and rss_ok:
            peak = _status_mib("VmHWM")
            m.mem = None if peak is None or before is None else max(0.0, peak - before)
        times.append(elapsed)
        cpu_times.append(cpu)
        spent += elapsed
    m.time = min(times)
    m.cpu = min(cpu_times)
    m.runs = len(times)
    if memory == "tracemalloc" and m.time <= memory_max_time:
        result = None
        if setup is not None:
            setup()
        _trim()
        tracemalloc.start()
        signal.setitimer(signal.ITIMER_REAL, limit)
        try:
            result = fn()
            m.mem = tracemalloc.get_traced_memory()[1] / 2**20
        except TimeLimit:
            m.mem = None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            tracemalloc.stop()
    m.rss_total = _status_mib("VmRSS")
    return m, result


# --- one size, in its own process ----------------------------------------------------------


def _log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def graph_facts(G: Any) -> dict[str, Any]:
    """Node and edge counts, cross-field share, alternatives and fan-in of ``G``."""
    field = dict(G.nodes(data="field"))
    requirement = [
        (u, v, d["group"]) for u, v, d in G.edges(data=True) if d["relation"] == "requires"
    ]
    indeg: dict[str, int] = {}
    for _, v, _ in requirement:
        indeg[v] = indeg.get(v, 0) + 1
    cross = sum(field[u] != field[v] for u, v, _ in requirement)
    groups = {(u, g) for u, _, g in requirement if g is not None}
    kinds: dict[str, int] = {}
    for _, k in G.nodes(data="kind"):
        kinds[k] = kinds.get(k, 0) + 1
    top = sorted(indeg.values(), reverse=True)
    hubs = max(3, round(0.001 * G.number_of_nodes()))
    return {
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "requirement_edges": len(requirement),
        "cross_field_share": cross / len(requirement) if requirement else 0.0,
        "any_of_groups": len(groups),
        "max_fan_in": top[0] if top else 0,
        "median_fan_in_of_hubs": statistics.median(top[:hubs]) if top else 0,
        "kinds": kinds,
    }


def worker(n: int, args: argparse.Namespace, skip: set[str], out: Path) -> None:
    sys.path.insert(0, str(HERE))
    import generate

    import roadmap_graph as rg

    results: dict[str, Any] = {"n": n, "steps": {}, "facts": {}}

    def save() -> None:
        out.write_text(json.dumps(results))

    def record(name: str, m: Measured) -> None:
        results["steps"][name] = m.__dict__
        shown = f"{m.cpu:.3f} s CPU, {m.time:.3f} s wall" if m.time is not None else m.status
        mem = f", {m.mem:.1f} MiB" if m.mem is not None else ""
        _log(f"  [{n:,}] {name}: {shown}{mem} ({m.runs} run(s))")
        save()

    opts = {
        "repeat": args.repeat,
        "budget": args.budget,
        "limit": args.time_limit,
        "memory": args.memory,
        "memory_max_time": args.memory_max_time,
    }
    tmp = Path(args.workdir)
    t0 = time.perf_counter()
    data = generate.synthetic_data(n, seed=args.seed)
    results["facts"]["generate_s"] = time.perf_counter() - t0
    json_path = tmp / f"synthetic_{n}_{args.seed}.json"
    generate.write_json(data, json_path)
    results["facts"]["json_mb"] = json_path.stat().st_size / 1e6
    yaml_path = None
    if n <= args.yaml_max and "load YAML" not in skip:
        yaml_path = tmp / f"synthetic_{n}_{args.seed}.yaml"
        generate.write_yaml(data, yaml_path)
        results["facts"]["yaml_mb"] = yaml_path.stat().st_size / 1e6
    del data
    _log(f"  [{n:,}] generated in {results['facts']['generate_s']:.2f} s")
    # 10^6 nodes go beyond the loader's default limits: raise them for these files only.
    limits = generate.limits_for(n, *(p for p in (json_path, yaml_path) if p is not None))

    if yaml_path is None:
        results["steps"]["load YAML"] = Measured(status="–").__dict__  # beyond --yaml-max
    else:
        m, _ = measure(lambda: rg.load_roadmap(yaml_path, limits=limits), **opts)
        record("load YAML", m)
    m, roadmap = measure(lambda: rg.load_roadmap(json_path, limits=limits), **opts)
    record("load JSON", m)
    if roadmap is None:
        save()
        return
    m, G = measure(functools.partial(rg.to_networkx, roadmap), **opts)
    record("to_networkx", m)
    if G is None:
        save()
        return
    del roadmap
    facts = graph_facts(G)
    results["facts"].update(facts)
    m, index = measure(lambda: rg.RoadmapIndex(G), **opts)
    record("RoadmapIndex", m)
    if index is None:
        save()
        return
    indeg: dict[str, int] = {}
    for _, v, r in G.edges(data="relation"):
        if r == "requires":
            indeg[v] = indeg.get(v, 0) + 1
    missions = sorted(v for v, k in G.nodes(data="kind") if k == "mission")
    ctx = Context(G=G, index=index, mission=missions[0], hub=max(sorted(indeg), key=indeg.__getitem__))
    del indeg
    for name, factory in ANALYSES:
        if name in skip:
            results["steps"][name] = Measured(status="skip").__dict__
            continue
        try:
            call = factory(ctx)
        except Exception as err:  # an import that fails for another reason than absence
            record(name, Measured(status=f"error: {type(err).__name__}: {err}"))
            continue
        if call is None:
            results["steps"][name] = Measured(status="n/a").__dict__
            continue
        state = index_state(index)  # each run starts from the index the rows above left
        try:
            m, _ = measure(call, setup=functools.partial(rewind, index, state), **opts)
        except Exception as err:
            import traceback

            traceback.print_exc()
            m = Measured(status=f"error: {type(err).__name__}: {err}")
        record(name, m)

    # igraph's dominator tree on the same reversed requirement graph, built untimed.
    built = igraph_dominator(index) if IGRAPH_STEP not in skip else None
    if built is None:
        results["steps"][IGRAPH_STEP] = Measured(status="skip" if IGRAPH_STEP in skip else "n/a").__dict__
    else:
        graph, root = built
        m, dominators = measure(lambda: graph.dominator(root, mode="out"), **opts)
        record(IGRAPH_STEP, m)
        if dominators is not None:
            idom = [-1 if d == root else d for d in dominators[:root]]
            results["facts"]["igraph_agrees"] = idom == index.idom
        del graph, dominators
    del ctx, index

    # The suite, each part timed as one call; nothing returned, so nothing stays alive.
    def six_analyses() -> None:
        run_suite(G)

    def load_and_build() -> None:
        rg.to_networkx(rg.load_roadmap(json_path, limits=limits))

    def suite() -> None:
        run_suite(rg.to_networkx(rg.load_roadmap(json_path, limits=limits)))

    suite_steps = {"six analyses": six_analyses, "load + build": load_and_build, "suite": suite}
    for name, call in suite_steps.items():
        if name == "load + build":
            del G  # one graph alive at a time
        if name in skip:
            results["steps"][name] = Measured(status="skip").__dict__
            continue
        m, _ = measure(call, **opts)
        record(name, m)
    results["facts"]["peak_rss_mib"] = _status_mib("VmHWM")
    save()


# --- the CLI cold start ----------------------------------------------------------------------


def cli_cold_start(rounds: int = 5) -> dict[str, Any]:
    """Wall time of ``python -m roadmap_graph summary`` and ``chain <first mission>``."""
    import roadmap_graph as rg

    first = sorted(n.id for n in rg.load_roadmap().nodes if n.kind == "mission")[0]
    commands = {"summary": ["summary"], f"chain {first}": ["chain", first]}
    out: dict[str, Any] = {}
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "0"}
    for label, argv in commands.items():
        cmd = [sys.executable, "-m", "roadmap_graph", *argv]
        subprocess.run(cmd, capture_output=True, env=env, cwd=ROOT, check=True)  # warm caches
        times = []
        for _ in range(rounds):
            t0 = time.perf_counter()
            subprocess.run(cmd, capture_output=True, env=env, cwd=ROOT, check=True)
            times.append(time.perf_counter() - t0)
        probe = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "roadmap_graph", *argv],
            capture_output=True, text=True, env=env, cwd=ROOT, check=True,
        )
        imported = set()
        for line in probe.stderr.splitlines():
            if line.startswith("import time:") and "|" in line:
                imported.add(line.rsplit("|", 1)[1].strip().split(".")[0])
        out[label] = {
            "best": min(times),
            "median": statistics.median(times),
            "heavy_imports": sorted(imported & {"matplotlib", "pandas", "numpy", "scipy"}),
            "modules": len(imported),
        }
    return out


# --- the table -----------------------------------------------------------------------------


def fmt_time(t: float | None, status: str) -> str:
    if t is None:
        return status if status != "ok" else "–"
    if t < 1e-3:
        return f"{t * 1e6:.0f} µs"
    if t < 1:
        return f"{t * 1e3:.1f} ms"
    return f"{t:.2f} s"


def fmt_size(n: int) -> str:
    e = round(math.log10(n))
    return f"10^{e}" if 10**e == n else f"{n:,}"


def exponent(points: list[tuple[int, float]]) -> float | None:
    """Least-squares slope of log t against log n over points with t ≥ 1 ms."""
    pts = [(math.log(n), math.log(t)) for n, t in points if t is not None and t >= 1e-3]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sxx if sxx else None


def render(rows: list[list[str]], markdown: bool) -> str:
    if markdown:
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "|".join(["---"] * len(rows[0])) + "|"]
        lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        return "\n".join(lines)
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for j, r in enumerate(rows):
        cells = [c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))]
        lines.append("  ".join(cells))
        if j == 0:
            lines.append("  ".join("─" * w for w in widths))
    return "\n".join(lines)


def all_steps() -> list[str]:
    """Every row of the table, in order."""
    return [*LOAD_STEPS, *(name for name, _ in ANALYSES), IGRAPH_STEP, *SUITE_STEPS]


def shown_time(m: dict[str, Any], clock: str) -> float | None:
    """The step's time on ``clock`` (results from before CPU times were kept: wall)."""
    return m.get("cpu", m["time"]) if clock == "cpu" else m["time"]


def report(results: list[dict[str, Any]], cli: dict[str, Any] | None, args: argparse.Namespace) -> str:
    sizes = [r["n"] for r in results]
    steps = all_steps()
    clock = args.clock
    mem_label = {"rss": "MiB", "tracemalloc": "MiB", "none": None}[args.memory]
    header = ["step"]
    for n in sizes:
        header.append(f"{fmt_size(n)} {'CPU' if clock == 'cpu' else 'wall'}")
        if mem_label:
            header.append(f"{fmt_size(n)} {mem_label}")
    header += ["b (fit)", "b (last)"]
    rows = [header]
    for step in steps:
        row = [step]
        points = []
        for r in results:
            m = r["steps"].get(step, {"status": "–", "time": None, "mem": None})
            t = shown_time(m, clock)
            row.append(fmt_time(t, m["status"]))
            if mem_label:
                row.append(f"{m['mem']:.1f}" if m.get("mem") is not None else "–")
            if t is not None:
                points.append((r["n"], t))
        b = exponent(points)
        last = exponent(points[-2:]) if len(points) >= 2 else None
        row.append(f"{b:.2f}" if b is not None else "–")
        row.append(f"{last:.2f}" if last is not None and len(points) > 2 else "–")
        rows.append(row)

    facts = [["graph"] + [fmt_size(n) for n in sizes]]
    keys = [
        ("nodes", "nodes", "{:,}"),
        ("edges", "edges (all relations)", "{:,}"),
        ("requirement_edges", "requirement edges", "{:,}"),
        ("cross_field_share", "cross-field requirement edges", "{:.1%}"),
        ("any_of_groups", "any_of groups", "{:,}"),
        ("max_fan_in", "max requirement fan-in", "{:,}"),
        ("median_fan_in_of_hubs", "median fan-in of the top 0.1 % (≥ 3)", "{:,.0f}"),
        ("json_mb", "JSON file", "{:.1f} MB"),
        ("yaml_mb", "YAML file", "{:.1f} MB"),
        ("generate_s", "generate document (s)", "{:.2f}"),
        ("peak_rss_mib", "worker peak RSS", "{:,.0f} MiB"),
    ]
    for key, label, spec in keys:
        facts.append([label] + [spec.format(r["facts"][key]) if key in r["facts"] else "–" for r in results])

    out = [render(facts, args.markdown), "", render(rows, args.markdown)]
    if cli:
        cli_rows = [["CLI cold start (bundled roadmap)", "best of 5", "median", "matplotlib/pandas/numpy/scipy imported"]]
        for label, c in cli.items():
            cli_rows.append(
                [f"python -m roadmap_graph {label}", fmt_time(c["best"], "ok"), fmt_time(c["median"], "ok"), ", ".join(c["heavy_imports"]) or "none"]
            )
        out += ["", render(cli_rows, args.markdown)]
    out += ["", *ratios(results, clock), "", *goals(results, cli, clock)]
    return "\n".join(out)


def ratios(results: list[dict[str, Any]], clock: str) -> list[str]:
    """The gateways row against igraph's dominator tree, per size."""
    cells = []
    for r in results:
        g, i = r["steps"].get("gateways"), r["steps"].get(IGRAPH_STEP)
        tg, ti = (shown_time(g, clock) if g else None), (shown_time(i, clock) if i else None)
        if tg and ti:
            agrees = r["facts"].get("igraph_agrees")
            note = "" if agrees is None else " (same tree)" if agrees else " (TREES DIFFER)"
            cells.append(f"{fmt_size(r['n'])}: {tg / ti:.1f}×{note}")
    return [f"gateways / igraph dominator ({clock}): " + ("; ".join(cells) or "–")]


def goals(results: list[dict[str, Any]], cli: dict[str, Any] | None, clock: str = "wall") -> list[str]:
    by_n = {r["n"]: r["steps"] for r in results}
    lines = [f"Goals ({clock} time):"]

    def check(label: str, m: dict[str, Any] | None, limit: float) -> None:
        if m is None:
            return
        t = shown_time(m, clock)
        verdict = "ok" if t is not None and t < limit else "MISSED"
        if t is None and m["status"] in ("n/a", "–"):
            verdict = m["status"]
        elif t is None and m["status"] == "skip":
            verdict = "MISSED (not run: the smaller sizes predict more than --time-limit)"
        lines.append(f"  {label} < {limit:g} s: {fmt_time(t, m['status'])}  {verdict}")

    for step, n, limit in GOALS:
        if n in by_n:
            check(f"{step} {fmt_size(n)}", by_n[n].get(step), limit)
    for n, limit in GOALS_ANALYSIS:
        if n in by_n:
            for name, _ in ANALYSES:
                check(f"{name} {fmt_size(n)}", by_n[n].get(name), limit)
    if cli:
        for label, c in cli.items():
            ok = c["best"] < GOAL_CLI and not set(c["heavy_imports"]) & {"matplotlib", "pandas"}
            lines.append(
                f"  {label} cold start < {GOAL_CLI:g} s without matplotlib/pandas: "
                f"{fmt_time(c['best'], 'ok')}, imports {', '.join(c['heavy_imports']) or 'none'}  "
                f"{'ok' if ok else 'MISSED'}"
            )
    return lines


# --- main --------------------------------------------------------------------------------------


def _predicted_over(results: list[dict[str, Any]], step: str, n: int, limit: float) -> bool:
    """True when the smaller sizes predict that ``step`` takes over ``limit`` at ``n``
    (or it already failed or ran out of time at a smaller size)."""
    points = []
    for r in results:
        m = r["steps"].get(step)
        if m is None:
            continue
        if m["status"] == ">limit" or m["status"].startswith("error"):
            return True
        if m["time"] is not None:
            points.append((r["n"], m["time"]))
    if not points:
        return False
    b = max(1.0, exponent(points) or 1.0)
    n0, t0 = points[-1]
    return t0 * (n / n0) ** b > limit


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="1000,10000,100000,1000000", help="comma-separated node counts")
    p.add_argument("--repeat", type=int, default=3, help="timed runs per step, best taken (default 3)")
    p.add_argument("--budget", type=float, default=10.0, help="no new timed run of a step once it has used this many seconds (default 10)")
    p.add_argument("--time-limit", type=float, default=300.0, help="stop a run after this many seconds (default 300); larger sizes predicted to exceed it are skipped")
    p.add_argument("--memory", choices=("tracemalloc", "rss", "none"), default="tracemalloc", help="how to measure peak memory: tracemalloc in a separate run (default), rss (no extra run, a lower bound) or none; see benchmarks/README.md")
    p.add_argument("--memory-max-time", type=float, default=120.0, help="no tracemalloc run for a step whose timed run took longer (default 120 s)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--yaml-max", type=int, default=10_000, help="time 'load YAML' up to this many nodes (default 10000)")
    p.add_argument("--markdown", action="store_true", help="print Markdown tables")
    p.add_argument("--clock", choices=("cpu", "wall"), default="cpu", help="the time shown and checked against the goals: the worker's CPU time (default; steadier on a shared machine) or wall time")
    p.add_argument("--no-cli", action="store_true", help="do not time the CLI cold start")
    p.add_argument("--json", help="also write the raw results to this file")
    p.add_argument("--keep", help="keep the generated files in this folder")
    p.add_argument("--from-json", help="print the tables of a results file written by --json, without running")
    p.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    p.add_argument("--skip", default="", help=argparse.SUPPRESS)
    p.add_argument("--out", help=argparse.SUPPRESS)
    p.add_argument("--workdir", help=argparse.SUPPRESS)
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.worker:
        worker(args.worker, args, set(filter(None, args.skip.split("|"))), Path(args.out))
        return 0
    if args.from_json:
        saved = json.loads(Path(args.from_json).read_text())
        args.memory = saved.get("memory", args.memory)
        print(report(saved["results"], saved["cli"], args))
        return 0
    sizes = [int(float(s)) for s in args.sizes.split(",") if s.strip()]
    results: list[dict[str, Any]] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="roadmap-bench-") as tmp:
        workdir = args.keep or tmp
        Path(workdir).mkdir(parents=True, exist_ok=True)
        for n in sizes:
            steps = all_steps()
            skip = [s for s in steps if _predicted_over(results, s, n, args.time_limit)]
            out = Path(tmp) / f"result_{n}.json"
            _log(f"size {n:,}" + (f" (skipping {', '.join(skip)})" if skip else ""))
            cmd = [
                sys.executable, str(Path(__file__).resolve()), "--worker", str(n),
                "--skip", "|".join(skip), "--out", str(out), "--workdir", workdir,
                "--repeat", str(args.repeat), "--budget", str(args.budget),
                "--time-limit", str(args.time_limit), "--memory", args.memory,
                "--memory-max-time", str(args.memory_max_time),
                "--seed", str(args.seed), "--yaml-max", str(args.yaml_max),
            ]
            proc = subprocess.run(cmd, cwd=ROOT)
            result = json.loads(out.read_text()) if out.exists() else {"n": n, "steps": {}, "facts": {}}
            if proc.returncode:
                _log(f"  worker for {n:,} exited with status {proc.returncode}")
            for s in skip:
                result["steps"].setdefault(s, Measured(status="skip").__dict__)
            results.append(result)
    cli = None if args.no_cli else cli_cold_start()
    total = time.perf_counter() - started
    if args.json:
        Path(args.json).write_text(json.dumps(
                {"results": results, "cli": cli, "seconds": total, "memory": args.memory}, indent=1
            ))
    print(report(results, cli, args))
    print(f"\n(total {total:.0f} s; python {sys.version.split()[0]}; {os.cpu_count()} CPUs; memory: {args.memory}; times: {args.clock})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
