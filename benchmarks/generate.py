"""Seeded synthetic roadmaps shaped like real ones, for benchmarks and scale tests.

The shape follows the national mission-oriented roadmaps roadmap-graph models (see
``graphs/kr_nst_roadmap_2_ai_bio.yaml``), scaled up:

* **layers** (share of the nodes): ~2 % missions, ~8 % core technologies, ~75 % enabling
  technologies in three sub-layers E1, E2, E3 (25 %, 30 % and 45 % of them: deeper layers
  are larger, so each receives about as many requirement edges as it has nodes), ~15 %
  ecosystem measures, each with a ``category``. Nodes are spread evenly over the fields;
  ids are ``<field>_m_<k>``, ``<field>_core_<k>``, ``<field>_e1_<k>`` … ``<field>_eco_<k>``.
* **requirements** only point to deeper layers, so there are no cycles: a mission requires
  1–3 core technologies; a core technology 2–5 enabling technologies (E1 70 %, E2 20 %,
  E3 10 %); an E1 technology 1–3 of E2 (70 %) or E3 (30 %); an E2 technology 0–3 of E3;
  E3 technologies are foundations. Chains are therefore 3–5 nodes deep (mission → core →
  E1 [→ E2 [→ E3]]), plus the measures below them.
* **cross-field**: each requirement target is taken from another field with probability
  0.1, so ~10 % of requirement edges cross fields.
* **alternatives**: ~10 % of the nodes with requirements get one ``any_of`` group of 2–3
  alternatives from the same layers (distinct from their ``requires``).
* **high fan-in enabling technologies**: ``max(3, round(0.001 * n))`` foundational
  enabling technologies (ids ``<field>_platform_<k>``, spread over the fields) receive 20 %
  of the requirement picks into enabling technologies: ~40–70 dependents each at 10^3
  nodes, ~250 at 10^4 to 10^6.
* **support**: every technology is ``supported_by`` 0–2 ecosystem measures (~10 % from
  another field).
* Targets are drawn from each (field, layer) pool by a shuffled deck (80 %: every node is
  picked about equally often, so most nodes have a dependent) or uniformly (20 %: some
  spread in fan-in). Still, ~6 % of the enabling technologies (in E1) and, as the shares
  imply (missions × 2 requirements ≈ cores / 2), half of the core technologies are
  required by nothing.

Everything is drawn from one ``random.Random(seed)``: the same ``(n_nodes, seed, fields)``
gives the same roadmap on every run and machine.

Building the :class:`~roadmap_graph.Roadmap`: :func:`synthetic_data` makes the plain,
JSON-ready document (as a file would hold it: links as bare ids, default values left out).
:func:`synthetic_roadmap` validates it once with ``Roadmap.model_validate`` (the model
validation the loader applies, with the cyclic GC paused as the loader does). That is
faster than ``model_construct`` node by node, which runs Python code for every node and
link while pydantic-core validates in Rust (0.05 s against 0.11 s at 10^4 nodes). Measured
on the project machine: 0.4 s + 0.6 s (document + validation) at 10^5 nodes, 4.5 s + 7.2 s
and ~3 GiB peak RSS at 10^6. The result is not marked as checked (only
:func:`roadmap_graph.load_roadmap` marks it), so :func:`roadmap_graph.to_networkx` runs
the cross-reference, layer and cycle checks on it. The benchmark (``benchmarks/run.py``)
never builds a Roadmap here: it writes the document as JSON and loads it with
:func:`roadmap_graph.load_roadmap`, as a user would.

Command line::

    python benchmarks/generate.py 100000 -o big.json [--seed 0] [--fields ai,bio,quantum,semis]
    python benchmarks/generate.py 1000 -o small.yaml

>>> data = synthetic_data(200, seed=1)
>>> len(data["nodes"]), data["nodes"][0]["kind"]
(200, 'mission')
>>> synthetic_data(200, seed=1) == data
True
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

__all__ = [
    "main",
    "synthetic_data",
    "synthetic_roadmap",
    "write_json",
    "write_roadmap",
    "write_yaml",
]

DEFAULT_FIELDS = ("ai", "bio", "quantum", "semis")

# Layer shares of the nodes; enabling technologies take the rest (~75 %).
MISSION_SHARE = 0.02
CORE_SHARE = 0.08
MEASURE_SHARE = 0.15
HUB_SHARE = 0.001  # high fan-in enabling technologies (at least MIN_HUBS)
MIN_HUBS = 3
CROSS_FIELD = 0.10  # probability that a requirement target comes from another field
ANY_OF_SHARE = 0.10  # share of nodes with requirements that get one any_of group
HUB_PULL = 0.20  # share of requirement picks into enabling layers that go to a hub
DECK_SHARE = 0.80  # picks from the shuffled deck (even coverage); the rest are uniform
# Shares of the enabling technologies in sub-layers E1 and E2 (E3 takes the rest). Deeper
# layers are larger, so that each receives about as many requirement edges as it has nodes.
E1_SHARE = 0.25
E2_SHARE = 0.30

# Where each kind of node takes its requirement targets: (layer, weight) pairs.
TARGET_LAYERS: dict[str, tuple[tuple[str, float], ...]] = {
    "mission": (("core", 1.0),),
    "core": (("e1", 0.7), ("e2", 0.2), ("e3", 0.1)),
    "e1": (("e2", 0.7), ("e3", 0.3)),
    "e2": (("e3", 1.0),),
}
OUT_DEGREE = {"mission": (1, 3), "core": (2, 5), "e1": (1, 3), "e2": (0, 3), "e3": (0, 0)}
KIND = {
    "mission": "mission",
    "core": "core_technology",
    "e1": "enabling_technology",
    "e2": "enabling_technology",
    "e3": "enabling_technology",
    "eco": "ecosystem_measure",
}
CATEGORIES = (
    "workforce",
    "regulation_standards",
    "data",
    "international_cooperation",
    "infrastructure",
)
FIELD_NAMES = {
    "ai": ("인공지능", "Artificial intelligence"),
    "bio": ("첨단바이오", "Advanced bio"),
    "quantum": ("양자", "Quantum"),
    "semis": ("반도체·디스플레이", "Semiconductors and displays"),
    "battery": ("이차전지", "Secondary batteries"),
    "mobility": ("첨단모빌리티", "Advanced mobility"),
    "space": ("우주항공·해양", "Aerospace and ocean"),
    "hydrogen": ("수소", "Hydrogen"),
    "cyber": ("사이버보안", "Cybersecurity"),
    "energy": ("차세대 원자력", "Next-generation nuclear"),
    "robotics": ("첨단로봇·제조", "Advanced robotics and manufacturing"),
    "network": ("차세대 통신", "Next-generation communications"),
}
LAYER_NAMES = {
    "mission": ("임무", "mission"),
    "core": ("중점기술", "core technology"),
    "e1": ("세부기술", "enabling technology"),
    "e2": ("요소기술", "component technology"),
    "e3": ("기반기술", "foundational technology"),
    "platform": ("공통 플랫폼 기술", "common platform technology"),
    "eco": ("생태계 조성방안", "ecosystem measure"),
}


def _split(total: int, parts: int) -> list[int]:
    """``total`` spread over ``parts`` as evenly as possible (the first ones get the rest)."""
    return [total // parts + (i < total % parts) for i in range(parts)]


class _Pool:
    """The nodes of one (field, layer): drawn by a shuffled deck or uniformly."""

    __slots__ = ("deck", "ids", "pos", "rng")

    def __init__(self, ids: list[str], rng: random.Random) -> None:
        self.ids = ids
        self.deck: list[str] = []
        self.pos = 0
        self.rng = rng

    def draw(self) -> str:
        rng = self.rng
        if rng.random() >= DECK_SHARE:
            return self.ids[int(rng.random() * len(self.ids))]
        if self.pos >= len(self.deck):
            self.deck = self.ids[:]
            rng.shuffle(self.deck)
            self.pos = 0
        self.pos += 1
        return self.deck[self.pos - 1]


def synthetic_data(
    n_nodes: int, *, seed: int = 0, fields: Sequence[str] = DEFAULT_FIELDS
) -> dict[str, Any]:
    """Return a synthetic roadmap of ``n_nodes`` nodes as a plain, JSON-ready document.

    The document has the file format's shape (``schema_version``, ``roadmap``, ``fields``,
    ``nodes``; links as bare ids; default values left out), so ``json.dump`` of it is a
    roadmap file that :func:`roadmap_graph.load_roadmap` reads. Deterministic in
    ``(n_nodes, seed, fields)``. See the module docstring for the shape.
    """
    fields = tuple(fields)
    if n_nodes < 10:
        raise ValueError(f"n_nodes must be at least 10, not {n_nodes}")
    if not fields or len(set(fields)) != len(fields):
        raise ValueError(f"fields must be distinct and not empty: {fields!r}")
    rng = random.Random(f"roadmap-graph-synthetic:{n_nodes}:{seed}:{','.join(fields)}")
    random_ = rng.random

    # --- how many nodes of each layer, and their ids -----------------------------------
    n_mission = max(1, round(MISSION_SHARE * n_nodes))
    n_core = max(1, round(CORE_SHARE * n_nodes))
    n_eco = max(1, round(MEASURE_SHARE * n_nodes))
    n_enabling = n_nodes - n_mission - n_core - n_eco
    n_hub = min(max(MIN_HUBS, round(HUB_SHARE * n_nodes)), n_enabling // 3)
    n_e1 = round(E1_SHARE * n_enabling)
    n_e2 = round(E2_SHARE * n_enabling)
    counts = {
        "mission": n_mission,
        "core": n_core,
        "e1": n_e1,
        "e2": n_e2,
        "e3": n_enabling - n_e1 - n_e2 - n_hub,
        "platform": n_hub,
        "eco": n_eco,
    }
    layer_ids: dict[str, list[list[str]]] = {}  # layer -> per field -> ids
    for layer, count in counts.items():
        prefix = "m" if layer == "mission" else layer
        layer_ids[layer] = [
            [f"{field}_{prefix}_{k}" for k in range(per_field)]
            for field, per_field in zip(fields, _split(count, len(fields)))
        ]

    def pools(layer: str, *, borrow: bool = True) -> list[_Pool | None]:
        out: list[_Pool | None] = []
        everything = [i for ids in layer_ids[layer] for i in ids] if borrow else []
        for ids in layer_ids[layer]:
            # A field with no node in this layer borrows the whole layer (tiny roadmaps).
            ids = ids or everything
            out.append(_Pool(ids, rng) if ids else None)
        return out

    layer_pools = {layer: pools(layer) for layer in ("core", "e1", "e2", "e3", "eco")}
    hub_pools = pools("platform", borrow=False)  # fewer hubs than fields: some have none
    n_fields = len(fields)

    def target_field(f: int) -> int:
        if n_fields > 1 and random_() < CROSS_FIELD:
            other = int(random_() * (n_fields - 1))
            return other + (other >= f)
        return f

    def pick(layers: tuple[tuple[str, float], ...], f: int) -> str | None:
        r = random_()
        for layer, weight in layers:  # noqa: B007 (the layer the loop stops at is the one picked)
            r -= weight
            if r < 0:
                break
        g = target_field(f)
        if layer != "core" and random_() < HUB_PULL and hub_pools[g] is not None:
            return hub_pools[g].draw()  # type: ignore[union-attr]
        pool = layer_pools[layer][g]
        if pool is None:  # the whole layer is empty (tiny roadmaps)
            return None
        return pool.draw()

    def pick_distinct(layers: tuple[tuple[str, float], ...], f: int, k: int, taken: set[str]) -> list[str]:
        out: list[str] = []
        tries = 0
        while len(out) < k and tries < 4 * k + 8:
            tries += 1
            target = pick(layers, f)
            if target is not None and target not in taken:
                taken.add(target)
                out.append(target)
        return out

    # --- header and fields --------------------------------------------------------------
    field_records = []
    for field in fields:
        name, name_en = FIELD_NAMES.get(field, (field, field))
        field_records.append({"id": field, "name": name, "name_en": name_en})
    field_names = [FIELD_NAMES.get(field, (field, field)) for field in fields]

    # --- nodes: layer by layer, field by field --------------------------------------------
    nodes: list[dict[str, Any]] = []
    for layer in ("mission", "core", "e1", "e2", "e3", "platform", "eco"):
        kind = KIND.get(layer, "enabling_technology")
        layer_ko, layer_en = LAYER_NAMES[layer]
        targets_of = TARGET_LAYERS.get(layer)
        low, high = OUT_DEGREE.get(layer, (0, 0))
        technology = kind in ("core_technology", "enabling_technology")
        for f, ids in enumerate(layer_ids[layer]):
            field_ko, field_en = field_names[f]
            for k, node_id in enumerate(ids):
                node: dict[str, Any] = {
                    "id": node_id,
                    "kind": kind,
                    "field": fields[f],
                    "name": f"{field_ko} {layer_ko} {k + 1}",
                    "name_en": f"{field_en} {layer_en} {k + 1}",
                }
                if layer == "eco":
                    node["category"] = CATEGORIES[int(random_() * len(CATEGORIES))]
                if targets_of is not None:
                    taken: set[str] = set()
                    degree = low + int(random_() * (high - low + 1))
                    requires = pick_distinct(targets_of, f, degree, taken)
                    if requires:
                        node["requires"] = requires
                        if random_() < ANY_OF_SHARE:
                            size = 2 + int(random_() * 2)
                            group = pick_distinct(targets_of, f, size, taken)
                            if len(group) >= 2:
                                node["any_of"] = [group]
                if technology:
                    n_support = int(random_() * 3)
                    support = []
                    for _ in range(n_support):
                        pool = layer_pools["eco"][target_field(f)]
                        if pool is not None:
                            measure = pool.draw()
                            if measure not in support:
                                support.append(measure)
                    if support:
                        node["supported_by"] = support
                if layer == "mission":
                    node["targets"] = [
                        {
                            "metric": f"{field_ko} 임무 {k + 1} 달성도",
                            "metric_en": f"{field_en} mission {k + 1} attainment",
                            "value": float(50 + int(random_() * 50)),
                            "unit": "%",
                            "by": 2030,
                        }
                    ]
                nodes.append(node)

    return {
        "schema_version": 1,
        "roadmap": {
            "id": f"synthetic_{n_nodes}_{seed}",
            "title": f"합성 로드맵 ({n_nodes:,}개 노드, seed {seed})",
            "title_en": f"Synthetic roadmap ({n_nodes:,} nodes, seed {seed})",
            "horizon": 2030,
        },
        "fields": field_records,
        "nodes": nodes,
    }


def roadmap_from_data(data: dict[str, Any]) -> Any:
    """Build a :class:`roadmap_graph.Roadmap` from a :func:`synthetic_data` document.

    One ``Roadmap.model_validate`` over the whole document, with the cyclic GC paused (as
    the loader does). This is faster than ``model_construct`` node by node: pydantic-core
    validates in Rust, while ``model_construct`` runs Python code for every node and link
    (measured at 10^4 nodes: 0.05 s against 0.11 s). It does not run the cross-reference,
    layer and cycle checks; :func:`roadmap_graph.to_networkx` does, because the roadmap is
    not marked as checked (only :func:`roadmap_graph.load_roadmap` marks it).
    """
    from roadmap_graph.fileformat.model import Roadmap
    from roadmap_graph.gcpause import paused_gc

    with paused_gc():
        return Roadmap.model_validate(data)


def synthetic_roadmap(
    n_nodes: int,
    *,
    seed: int = 0,
    fields: Sequence[str] = DEFAULT_FIELDS,
) -> Any:
    """Return a synthetic :class:`roadmap_graph.Roadmap` of ``n_nodes`` nodes.

    Deterministic for ``(n_nodes, seed, fields)``; see the module docstring for the shape
    and :func:`roadmap_from_data` for how it is built. The roadmap loads through the real
    loader unchanged: ``load_roadmap`` of :func:`write_json`'s file equals it.
    """
    return roadmap_from_data(synthetic_data(n_nodes, seed=seed, fields=fields))


def _as_data(roadmap_or_data: Any) -> dict[str, Any]:
    if isinstance(roadmap_or_data, dict):
        return roadmap_or_data
    data = roadmap_or_data.model_dump(mode="json", exclude_defaults=True)
    data["schema_version"] = roadmap_or_data.schema_version
    return data


def write_json(roadmap_or_data: Any, path: str | Path) -> Path:
    """Write a roadmap (a ``Roadmap`` or a :func:`synthetic_data` document) as JSON.

    Same schema as the YAML files; :func:`roadmap_graph.load_roadmap` reads ``.json``
    files (the loader chooses JSON by the suffix).
    """
    path = Path(path)
    text = json.dumps(_as_data(roadmap_or_data), ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
    return path


def write_yaml(roadmap_or_data: Any, path: str | Path) -> Path:
    """Write a roadmap as YAML with :func:`roadmap_graph.dump_roadmap` (slow beyond ~10^4 nodes)."""
    import roadmap_graph as rg

    roadmap = roadmap_or_data
    if isinstance(roadmap, dict):
        roadmap = roadmap_from_data(roadmap)
    path = Path(path)
    path.write_text(rg.dump_roadmap(roadmap), encoding="utf-8")
    return path


def write_roadmap(roadmap_or_data: Any, path: str | Path) -> Path:
    """Write as JSON or YAML, chosen by the suffix (``.json``, ``.yaml``/``.yml``)."""
    suffix = Path(path).suffix.lower()
    if suffix == ".json":
        return write_json(roadmap_or_data, path)
    if suffix in (".yaml", ".yml"):
        return write_yaml(roadmap_or_data, path)
    raise ValueError(f"write .json, .yaml or .yml, not {suffix or 'a file without suffix'}")


def limits_for(n_nodes: int, *paths: str | Path) -> Any:
    """Loader limits (:class:`roadmap_graph.Limits`) under which the generated roadmap of
    ``n_nodes`` nodes in ``paths`` loads: the defaults, raised where the roadmap needs more.

    The defaults (200,000 nodes, 2,000,000 links, 64 MiB a file) stop hostile files; the
    benchmark's 10^6 nodes (about 5 links each, 200 MB of JSON) go beyond them on purpose.
    """
    import roadmap_graph as rg

    base = rg.Limits()
    size = max((Path(p).stat().st_size for p in paths), default=0)
    return replace(
        base,
        file_bytes=max(base.file_bytes, 2 * size),
        nodes=max(base.nodes, 2 * n_nodes),
        links=max(base.links, 20 * n_nodes),
    )


def _size(text: str) -> int:
    value = text.lower().replace("_", "").replace(",", "")
    if value.startswith(("1e", "10^")):
        value = "1" + "0" * int(value.split("e" if "e" in value else "^")[1])
    return int(value)


def main(argv: Sequence[str] | None = None) -> int:
    """``python benchmarks/generate.py N -o FILE.json|.yaml [--seed S] [--fields a,b]``."""
    parser = argparse.ArgumentParser(
        description="Write a seeded synthetic roadmap of N nodes as JSON or YAML."
    )
    parser.add_argument("n_nodes", type=_size, help="number of nodes, e.g. 1000, 1e5 or 10^6")
    parser.add_argument("-o", "--output", required=True, help="FILE.json, FILE.yaml or FILE.yml")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--fields",
        default=",".join(DEFAULT_FIELDS),
        help=f"comma-separated field ids (default {','.join(DEFAULT_FIELDS)})",
    )
    args = parser.parse_args(argv)
    suffix = Path(args.output).suffix.lower()
    if suffix not in (".json", ".yaml", ".yml"):
        parser.error("the output must end in .json, .yaml or .yml")
    fields = tuple(f.strip() for f in args.fields.split(",") if f.strip())
    try:
        data = synthetic_data(args.n_nodes, seed=args.seed, fields=fields)
    except ValueError as err:
        parser.error(str(err))
    write_roadmap(data, args.output)
    n_links = sum(
        len(n.get("requires", ())) + sum(map(len, n.get("any_of", ()))) + len(n.get("supported_by", ()))
        for n in data["nodes"]
    )
    print(f"{args.output}: {len(data['nodes']):,} nodes, {n_links:,} links", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    raise SystemExit(main())
