"""The fuzz harness: mutated roadmap files against the loader, the analyses and the exports.

Every input must either load or raise :class:`~roadmap_graph.errors.RoadmapLoadError` whose
problems are each located at ``path:line:col``; no other exception, no load over
:data:`SLOW_LOAD` seconds of CPU, no more than :data:`MEMORY_BUDGET` of memory. A roadmap
that loads then goes through a few analyses and exports, which may raise only the
package's own errors, must write strict JSON (no ``NaN``) and well-formed XML, and must
survive the writer's round trip (``dump_roadmap`` then load gives the same roadmap).

Inputs are made from the bundled roadmap (``graphs/kr_nst_roadmap_2_ai_bio.yaml``), most
often a random part of it so that a case is cheap:

* **structure-aware** mutations of the parsed data: keys and list items deleted,
  duplicated, swapped and renamed; values of the wrong type; extreme numbers and strings
  (huge, negative, NaN, control characters, odd Unicode); ids that dangle or collide;
  cycles; YAML features written as text (tags, anchors, aliases, alias bombs, merge keys,
  bad dates, deep nesting, several documents); written back as YAML or JSON;
* **byte-level** mutations of that text: bit flips, inserted, deleted and duplicated
  chunks, truncation, NUL, invalid UTF-8, byte order marks, CR/CRLF line ends.

Each case runs in a worker subprocess with an address-space limit (``RLIMIT_AS``) and a
wall-clock timeout, restarted when it dies, so a hang or a memory bomb is a failure
recorded, not a dead harness. Cases are deterministic: case ``i`` of seed ``s`` is made
from ``random.Random(f"{s}:{i}")`` alone. Failures are grouped into *classes* (what went
wrong, exception type, innermost frame), the first case of each class is minimised
(delta debugging on lines, then bytes) and saved with a ``.txt`` note beside it.

A long campaign (one worker; the machine is shared)::

    .venv/bin/python tests/fuzzing.py --cases 100000 --seed 1 --save-dir fuzz-crashes

``tests/test_fuzz.py`` runs a budget of ``ROADMAP_GRAPH_FUZZ_CASES`` cases (default 200;
``.ci/run`` sets 2000). A problem may lack a line number only when it is about the file as
a whole and no position in it exists (see :data:`WHOLE_FILE_MESSAGES`).
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import datetime as dt
import json
import math
import os
import pickle
import random
import re
import select
import signal
import struct
import subprocess
import sys
import tempfile
import time
import traceback
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: A load may take this much CPU time (seconds) before it counts as a failure. CPU, not wall
#: time, so that a busy machine does not make a case fail.
SLOW_LOAD = 2.0
#: Wall-clock seconds after which a case is a hang: the worker is killed and restarted.
TIMEOUT = 5.0
#: The worker's address-space limit (``RLIMIT_AS``): a memory bomb stops here.
ADDRESS_SPACE = 1 << 30
#: Peak resident memory a case may add to the worker's baseline (the issue's 200 MB).
MEMORY_BUDGET = 200 << 20
#: The longest line a problem may render to: messages quote a bounded excerpt of a value.
MAX_MESSAGE_CHARS = 4000
#: Catalogue keys of problems that concern the whole file, where no line exists: the file
#: cannot be read at all (an OS error, not a regular file) or breaches a limit counted over
#: the whole file (its size; its nodes or links, counted before any position is read).
#: Every other problem must carry a line number.
WHOLE_FILE_MESSAGES = frozenset({"load.cannot_read", "load.not_regular", "load.limit"})


# --- the inputs -----------------------------------------------------------------------


@dataclass(frozen=True)
class Raw:
    """Text written into the output as it is: YAML syntax the data cannot express (a tag,
    an alias, a bomb), with its JSON form where it has one (else the YAML text is used)."""

    yaml: str
    json: str | None = None


@dataclass
class Pairs:
    """A mapping written with its keys in this order, repeats allowed (a duplicate key)."""

    items: list[tuple[Any, Any]]


@dataclass
class Anchored:
    """A value written with an anchor ``&name`` in front (in flow style)."""

    name: str
    value: Any


@dataclass(frozen=True)
class Case:
    """One input: its files (name, bytes) and how it is loaded: ``"file"`` passes the paths
    to ``load_roadmap``, ``"text"`` passes the one file's text to ``loads_roadmap``."""

    files: tuple[tuple[str, bytes], ...]
    mode: str = "file"
    recipe: str = ""


_PLAIN_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_YAML_WORDS = frozenset({"true", "false", "null", "yes", "no", "on", "off", "y", "n"})


def _scalar_yaml(value: Any) -> str:
    if isinstance(value, Raw):
        return value.yaml
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        return repr(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    text = str(value)
    if _PLAIN_ID.match(text) and text not in _YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


def _is_block(value: Any) -> bool:
    if isinstance(value, Pairs):
        return bool(value.items)
    return isinstance(value, (dict, list)) and bool(value)


def _items(value: Any) -> list[tuple[Any, Any]]:
    return value.items if isinstance(value, Pairs) else list(value.items())


def _block_yaml(value: Any, indent: int) -> list[str]:
    """A non-empty mapping or list as block YAML lines at ``indent``."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, (dict, Pairs)):
        for key, item in _items(value):
            written = _scalar_yaml(key)
            if _is_block(item):
                lines.append(f"{pad}{written}:")
                lines += _block_yaml(item, indent + 2)
            else:
                lines.append(f"{pad}{written}: {_inline_yaml(item)}")
        return lines
    for item in value:
        if _is_block(item):
            inner = _block_yaml(item, indent + 2)
            lines.append(f"{pad}- {inner[0][indent + 2 :]}")
            lines += inner[1:]
        else:
            lines.append(f"{pad}- {_inline_yaml(item)}")
    return lines


def _inline_yaml(value: Any) -> str:
    """A value in flow style (an empty container, a scalar, an anchored value)."""
    if isinstance(value, Anchored):
        return f"&{value.name} {_inline_yaml(value.value)}"
    if isinstance(value, (dict, Pairs)):
        return "{" + ", ".join(f"{_scalar_yaml(k)}: {_inline_yaml(v)}" for k, v in _items(value)) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_inline_yaml(v) for v in value) + "]"
    return _scalar_yaml(value)


def to_yaml(data: Any) -> str:
    """``data`` (with :class:`Raw`, :class:`Pairs`, :class:`Anchored` in it) as YAML text."""
    if _is_block(data):
        return "\n".join(_block_yaml(data, 0)) + "\n"
    return _inline_yaml(data) + "\n"


def to_json(data: Any, indent: int | None = 2) -> str:
    """``data`` as JSON text; :class:`Raw` parts as their JSON (or YAML) text, NaN as ``NaN``."""
    sep = "\n" + " " * indent if indent else ""

    def write(value: Any, depth: int) -> str:
        inner = sep + (" " * (indent or 0)) * depth if indent else ""
        outer = sep + (" " * (indent or 0)) * (depth - 1) if indent else ""
        if isinstance(value, Raw):
            return value.json if value.json is not None else value.yaml
        if isinstance(value, Anchored):
            return write(value.value, depth)
        if isinstance(value, (dict, Pairs)):
            parts = [f"{inner}{write(k if isinstance(k, Raw) else str(k), depth + 1)}: {write(v, depth + 1)}" for k, v in _items(value)]
            return "{" + ",".join(parts) + (outer if parts else "") + "}"
        if isinstance(value, list):
            parts = [f"{inner}{write(v, depth + 1)}" for v in value]
            return "[" + ",".join(parts) + (outer if parts else "") + "]"
        if isinstance(value, (dt.date, dt.datetime)):
            return json.dumps(value.isoformat())
        return json.dumps(value, ensure_ascii=False)

    return write(data, 1) + "\n"


def encode(text: str) -> bytes:
    """UTF-8, with lone surrogates written as their (invalid) three bytes."""
    return text.encode("utf-8", "surrogatepass")


_BASE: dict[str, Any] | None = None


def bundled_data() -> dict[str, Any]:
    """The bundled roadmap as plain data (a fresh copy each time)."""
    global _BASE
    if _BASE is None:
        from ruamel.yaml import YAML

        from roadmap_graph.fileformat.bundled import bundled_roadmap_paths

        (path,) = bundled_roadmap_paths()
        _BASE = _plain(YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8")))
    return copy.deepcopy(_BASE)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _link_id(link: Any) -> Any:
    return link.get("id") if isinstance(link, dict) else link


def part_of_bundled(rng: random.Random, nodes: int) -> dict[str, Any]:
    """A valid roadmap made of ``nodes`` random nodes of the bundled one: links to nodes
    left out are dropped (a mutation may add them back)."""
    data = bundled_data()
    kept = rng.sample(data["nodes"], min(nodes, len(data["nodes"])))
    ids = {n["id"] for n in kept}
    for node in kept:
        for key in ("requires", "supported_by"):
            if key in node:
                node[key] = [x for x in node[key] if _link_id(x) in ids]
                if not node[key]:
                    del node[key]
        if "any_of" in node:
            groups = [[x for x in g if _link_id(x) in ids] for g in node["any_of"]]
            node["any_of"] = [g for g in groups if g]
            if not node["any_of"]:
                del node["any_of"]
    data["nodes"] = [n for n in data["nodes"] if n["id"] in ids]  # file order kept
    return data


# --- structure-aware mutations --------------------------------------------------------

Slot = tuple[Any, Any]  # (container, key or index): a place that holds a value


def _slots(data: Any) -> list[Slot]:
    out: list[Slot] = []
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            for k, v in value.items():
                out.append((value, k))
                stack.append(v)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                out.append((value, i))
                stack.append(v)
    return out


def _containers(data: Any, kind: type) -> list[Any]:
    found = [data] if isinstance(data, kind) else []
    return found + [c[k] for c, k in _slots(data) if isinstance(c[k], kind)]


def _ids(data: Any) -> list[str]:
    return sorted({c[k] for c, k in _slots(data) if k == "id" and isinstance(c[k], str)})


def _typo(rng: random.Random, word: str) -> str:
    if not word:
        return "x"
    i = rng.randrange(len(word))
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1 :] or "x"
    if kind == 1:
        return word[:i] + rng.choice("abcxyz_") + word[i:]
    if kind == 2 and len(word) > 1:
        j = min(i + 1, len(word) - 1)
        chars = list(word)
        chars[i], chars[j] = chars[j], chars[i]
        return "".join(chars)
    return word + rng.choice(["_x", "s", "2", "_new"])


def nested(depth: int, kind: str) -> Raw:
    """Lists (``[[[...]]]``) or mappings (``{a: {a: ...}}``) nested ``depth`` deep."""
    if kind == "list":
        text = "[" * depth + "]" * depth
        return Raw(text, text)
    return Raw("{a: " * depth + "1" + "}" * depth, '{"a": ' * depth + "1" + "}" * depth)


def alias_bomb(levels: int, width: int) -> Raw:
    """``levels`` anchors, each a list of ``width`` aliases of the one before: width**levels
    leaves in about 10·levels·width bytes."""
    parts = [f"&b0 [{', '.join(['lol'] * width)}]"]
    for level in range(1, levels):
        parts.append(f"&b{level} [{', '.join([f'*b{level - 1}'] * width)}]")
    return Raw("[" + ", ".join(parts) + "]")


def extreme_value(rng: random.Random) -> Any:
    """A number or a string at an edge: huge, negative, not a number, control characters,
    odd Unicode, very long, markup or formula text."""
    return rng.choice(
        [
            lambda: 0,
            lambda: -1,
            lambda: -(2**63),
            lambda: 2**64 + 1,
            lambda: rng.choice([1899, 1900, 2200, 2201, 99999, -2030]),
            lambda: Raw("9" * rng.choice([20, 400, 4300, 4301, 5000])),
            lambda: float("nan"),
            lambda: float("inf"),
            lambda: float("-inf"),
            lambda: 1e308,
            lambda: -0.0,
            lambda: 5e-324,
            lambda: Raw("1e999", "1e999"),
            lambda: Raw(".NaN", "NaN"),
            lambda: Raw("-.Inf", "-Infinity"),
            lambda: "",
            lambda: " ",
            lambda: "a" * rng.choice([121, 1000, 20_000, 200_000]),
            lambda: rng.choice(["ai_", "x_"]) + "z" * rng.choice([100, 119, 120, 5000]),
            lambda: rng.choice(["\x00", "\x01", "\x07", "\x1b[31m", "\x7f", "\x85", "\u2028", "\u2029"]) + "이름",
            lambda: rng.choice(["\u202e", "\ufeff", "\u200b", "\u200d", "e\u0301", "\u1100\u1161", "\U0001f680", "\uffff", "\U0010ffff"]),
            lambda: "\ud800",
            lambda: Raw('"\\U00110000"', '"\\ud800"'),
            lambda: Raw('"\\udfff\\ud800"', '"\\udfff\\ud800"'),
            lambda: Raw('"\\x"'),
            lambda: Raw('"\\e\\N\\_\\L\\P\\0"'),
            lambda: rng.choice(["=cmd|' /C calc'!A0", "+1", "@SUM(1)", "-1+2", "\t=1"]),
            lambda: rng.choice(["javascript:alert(1)", "<script>alert(1)</script>", "]]><x>", "&amp;&#0;", "'\"`"]),
            lambda: rng.choice(["{0}", "{key}", "%s%n", "{!r}", "}{"]),
            lambda: "a\nb\r\nc\rd",
            lambda: "../../etc/passwd",
        ]
    )()


def wrong_type(rng: random.Random, value: Any) -> Any:
    """``value`` as another type: text ↔ number ↔ list ↔ mapping ↔ null ↔ boolean."""
    choices: list[Callable[[], Any]] = [
        lambda: None,
        lambda: [value],
        lambda: {"id": value},
        dict,
        list,
        lambda: rng.choice([True, False]),
        lambda: str(value),
        lambda: 1.5,
    ]
    if isinstance(value, str):
        choices.append(lambda: len(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        choices.append(lambda: -value)
    return rng.choice(choices)()


#: YAML written as text: tags (unknown, Python, standard with bad content), dates, special
#: numbers and words, escapes, aliases to nothing.
YAML_FEATURES: tuple[str, ...] = (
    "!foo bar",
    "!foo",
    "!!python/object/apply:os.system [b]",
    "!!python/name:os.system",
    "!!python/object:builtins.dict {}",
    "!!python/tuple [1, 2]",
    "!!int abc",
    "!!float abc",
    "!!bool maybe",
    "!!null x",
    "!!str 1",
    "!!int 0x1F",
    "!!timestamp 2023-02-30",
    "!!timestamp x",
    "2023-02-30",
    "2023-10-31T25:00:00",
    "2023-13-01",
    "0000-00-00",
    "9999-12-31",
    "2023-10-31T10:00:00Z",
    "2023-10-31 10:00:00 +09:00",
    "!!binary aGVsbG8=",
    "!!binary ***",
    "!!set {a, b}",
    "!!omap [{a: 1}]",
    "!!pairs [{a: 1}]",
    "!!map [1, 2]",
    "!!seq {a: 1}",
    "!<tag:yaml.org,2002:str> x",
    "!<!> x",
    "!!merge x",
    "*nowhere",
    ".nan",
    ".inf",
    "-.inf",
    "0o17",
    "0x1F",
    "1_000",
    "+12",
    "~",
    "yes",
    "NO",
    "'single ''quoted'''",
    '"\\U00110000"',
    '"\\ud800"',
    '"\\x00"',
    '"\\0"',
    '"\\xff\\xfe"',
    '"\\u202e"',
    "@reserved",
    "`backtick",
    "%percent",
    "[a, [b, {c: d}]]",
    "{? a, b: c}",
)


def _random_value_slot(rng: random.Random, data: Any) -> Slot | None:
    slots = _slots(data)
    return rng.choice(slots) if slots else None


def _replace(rng: random.Random, data: Any, make: Callable[[Any], Any]) -> str:
    slot = _random_value_slot(rng, data)
    if slot is None:
        return "none"
    container, key = slot
    container[key] = make(container[key])
    return str(key)


def m_delete(rng: random.Random, data: Any) -> str:
    slot = _random_value_slot(rng, data)
    if slot is None:
        return "none"
    container, key = slot
    del container[key]
    return str(key)


def m_duplicate_item(rng: random.Random, data: Any) -> str:
    lists = [c for c in _containers(data, list) if c]
    if not lists:
        return "none"
    chosen = rng.choice(lists)
    chosen.insert(rng.randrange(len(chosen) + 1), copy.deepcopy(rng.choice(chosen)))
    return "item"


def m_duplicate_key(rng: random.Random, data: Any) -> str:
    slot = _random_value_slot(rng, data)
    if slot is None or not isinstance(slot[0], dict):
        return "none"
    container, key = slot
    items = list(container.items())
    again = copy.deepcopy(container[key]) if rng.random() < 0.5 else extreme_value(rng)
    items.insert(rng.randrange(len(items) + 1), (key, again))
    # A Pairs cannot stay in a dict slot of the tree walk; put it where the dict was.
    for parent, k in _slots(data):
        if parent[k] is container:
            parent[k] = Pairs(items)
            return str(key)
    return "none"


def m_swap(rng: random.Random, data: Any) -> str:
    slots = _slots(data)
    if len(slots) < 2:
        return "none"
    (a, ka), (b, kb) = rng.sample(slots, 2)
    if _holds(a[ka], b) or _holds(b[kb], a):
        return "none"  # one slot inside the other's value: swapping would make a loop
    a[ka], b[kb] = b[kb], a[ka]
    return f"{ka}<->{kb}"


def _holds(value: Any, container: Any) -> bool:
    """Whether ``container`` is ``value`` or somewhere inside it."""
    return value is container or any(c is container for c, _ in _slots(value))


def m_move_key(rng: random.Random, data: Any) -> str:
    dicts = [d for d in _containers(data, dict) if d]
    if len(dicts) < 2:
        return "none"
    source, target = rng.sample(dicts, 2)
    key = rng.choice(list(source))
    target[key] = copy.deepcopy(source[key])
    return key


def m_shuffle(rng: random.Random, data: Any) -> str:
    lists = [c for c in _containers(data, list) if len(c) > 1]
    if not lists:
        return "none"
    rng.shuffle(rng.choice(lists))
    return "list"


def m_wrong_type(rng: random.Random, data: Any) -> str:
    return _replace(rng, data, lambda v: wrong_type(rng, v))


def m_extreme(rng: random.Random, data: Any) -> str:
    return _replace(rng, data, lambda v: extreme_value(rng))


def m_yaml_feature(rng: random.Random, data: Any) -> str:
    feature = rng.choice(YAML_FEATURES)
    _replace(rng, data, lambda v: Raw(feature))
    return feature


def m_colliding_id(rng: random.Random, data: Any) -> str:
    ids = _ids(data)
    targets = [(c, k) for c, k in _slots(data) if k in ("id", "source", "field")]
    if not ids or not targets:
        return "none"
    container, key = rng.choice(targets)
    container[key] = rng.choice(ids)
    return container[key]


def m_dangling(rng: random.Random, data: Any) -> str:
    ids = _ids(data) or ["x"]
    lists = [(n, k) for n in _containers(data, dict) for k in ("requires", "supported_by", "converges_with") if k in n]
    missing = _typo(rng, rng.choice(ids)) if rng.random() < 0.7 else rng.choice(["zz_missing", "a", "ai_" + "q" * 30])
    if lists and rng.random() < 0.7:
        node, key = rng.choice(lists)
        if isinstance(node[key], list):
            node[key].append(missing)
            return missing
    nodes = data.get("nodes") if isinstance(data, dict) else None
    if isinstance(nodes, list) and nodes and isinstance(nodes[0], dict):
        node = rng.choice(nodes)
        if isinstance(node, dict):
            node[rng.choice(["requires", "supported_by", "field"])] = [missing] if rng.random() < 0.5 else missing
    return missing


def m_many_dangling(rng: random.Random, data: Any) -> str:
    nodes = data.get("nodes") if isinstance(data, dict) else None
    if not isinstance(nodes, list) or not nodes or not isinstance(nodes[0], dict):
        return "none"
    count = rng.choice([50, 200, 500])
    nodes[0]["requires"] = [f"missing_{i}_{rng.randrange(10**6)}" for i in range(count)]
    return str(count)


def m_cycle(rng: random.Random, data: Any) -> str:
    nodes = data.get("nodes") if isinstance(data, dict) else None
    nodes = nodes if isinstance(nodes, list) else []
    pairs = []
    for node in nodes:
        if isinstance(node, dict) and isinstance(node.get("requires"), list):
            pairs += [(node, _link_id(x)) for x in node["requires"]]
    by_id = {n["id"]: n for n in nodes if isinstance(n, dict) and isinstance(n.get("id"), str)}
    pairs = [(a, b) for a, b in pairs if b in by_id]
    if pairs:
        a, b = rng.choice(pairs)
        by_id[b].setdefault("requires", []).append(a.get("id"))
        return f"{a.get('id')}<->{b}"
    if by_id:
        node = rng.choice(list(by_id.values()))
        node["requires"] = [node.get("id")]  # requires itself
        return "self"
    return "none"


def m_unknown_key(rng: random.Random, data: Any) -> str:
    dicts = _containers(data, dict)
    if not dicts:
        return "none"
    target = rng.choice(dicts)
    key = _typo(rng, rng.choice(list(target))) if target and rng.random() < 0.7 else rng.choice(["x", "", "__proto__", "id ", "ID"])
    target[key] = extreme_value(rng) if rng.random() < 0.3 else "v"
    return key


def m_rename_key(rng: random.Random, data: Any) -> str:
    dicts = [d for d in _containers(data, dict) if d]
    if not dicts:
        return "none"
    target = rng.choice(dicts)
    key = rng.choice(list(target))
    target[_typo(rng, key)] = target.pop(key)
    return key


def m_odd_key(rng: random.Random, data: Any) -> str:
    dicts = [d for d in _containers(data, dict) if d]
    if not dicts:
        return "none"
    target = rng.choice(dicts)
    key = rng.choice([Raw("[a, b]"), Raw("{a: 1}"), Raw("null"), Raw("1"), Raw("true"), Raw("!foo k"), Raw('"\\0"'), Raw("<<")])
    value = Raw(rng.choice(["*nowhere", "{id: x}", "[1]", "v"]))
    items = [*target.items(), (key, value)]
    for parent, k in _slots(data):
        if parent[k] is target:
            parent[k] = Pairs(items)
            return key.yaml
    return "none"


def m_anchor_alias(rng: random.Random, data: Any) -> str:
    """An anchored value used again by an alias; sometimes the alias sits inside its own
    anchor (a recursive alias), sometimes before it (undefined), sometimes as a merge key."""
    slots = [s for s in _slots(data) if isinstance(s[0][s[1]], (dict, list))]
    if not slots:
        return "none"
    container, key = rng.choice(slots)
    value = container[key]
    name = f"a{rng.randrange(100)}"
    how = rng.randrange(4)
    if how == 1 and value:  # recursive
        if isinstance(value, list):
            value.append(Raw(f"*{name}"))
        else:
            value["self"] = Raw(f"*{name}")
    container[key] = Anchored(name, value)
    others = _slots(data)
    if how == 3 and isinstance(value, dict):
        for parent, k in others:
            if isinstance(parent[k], dict) and parent[k] is not value:
                parent[k] = Pairs([(Raw("<<"), Raw(f"*{name}")), *parent[k].items()])
                break
        return "merge"
    if others:
        parent, k = rng.choice(others)
        if parent[k] is not container[key]:
            parent[k] = Raw(f"*{name}")
    return ["alias", "recursive", "alias-any", "merge"][how]


def m_bomb(rng: random.Random, data: Any) -> str:
    levels, width = rng.choice([(3, 3), (4, 5), (5, 5), (6, 6), (9, 9)])
    _replace(rng, data, lambda v: alias_bomb(levels, width))
    return f"{levels}x{width}"


def m_deep(rng: random.Random, data: Any) -> str:
    depth = rng.choice([50, 99, 100, 101, 500, 1000, 5000])
    kind = rng.choice(["list", "mapping"])
    _replace(rng, data, lambda v: nested(depth, kind))
    return f"{kind}{depth}"


def m_schema_version(rng: random.Random, data: Any) -> str:
    if not isinstance(data, dict):
        return "none"
    value = rng.choice([True, 1.0, "1", 0, 2, -1, None, Raw("!!int 1"), Raw("0x1"), Raw("1.0"), Raw("+1"), Raw("0o1")])
    data["schema_version"] = value
    return repr(value)


STRUCTURE_MUTATORS: tuple[Callable[[random.Random, Any], str], ...] = (
    m_delete,
    m_duplicate_item,
    m_duplicate_key,
    m_swap,
    m_move_key,
    m_shuffle,
    m_wrong_type,
    m_wrong_type,
    m_extreme,
    m_extreme,
    m_extreme,
    m_yaml_feature,
    m_yaml_feature,
    m_yaml_feature,
    m_colliding_id,
    m_dangling,
    m_many_dangling,
    m_cycle,
    m_unknown_key,
    m_rename_key,
    m_odd_key,
    m_anchor_alias,
    m_bomb,
    m_deep,
    m_schema_version,
)


def document_text(rng: random.Random, text: str) -> tuple[str, str]:
    """YAML document-level features added to ``text``: several documents, directives,
    comments, tabs. Returns the new text and what was done."""
    how = rng.randrange(7)
    if how == 0:
        return text + "---\n" + text, "two-documents"
    if how == 1:
        return "%YAML 1.1\n---\n" + text, "yaml-1.1"
    if how == 2:
        return "%TAG ! tag:example.com,2000:\n---\n" + text, "tag-directive"
    if how == 3:
        return "---\n" + text + "...\n---\nmore: 1\n", "document-after-end"
    if how == 4:
        return text.replace("\n  ", "\n\t", rng.randrange(1, 4)), "tabs"
    if how == 5:
        lines = text.split("\n")
        lines.insert(rng.randrange(len(lines) + 1), "# " + extreme_value(rng).__str__())
        return "\n".join(lines), "comment"
    return "--- |\n  just text\n" if rng.random() < 0.5 else "", "not-a-roadmap"


# --- byte-level mutations -------------------------------------------------------------

INTERESTING_BYTES: tuple[bytes, ...] = (
    b"\x00", b"\xff", b"\xc3\x28", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xef\xbb\xbf",
    b"\xfe\xff", b"\xff\xfe", b"\r", b"\t", b"\x1b", b"\xc2\x85", b"\xe2\x80\xa8", b"{", b"[", b"&a ", b"*a ",
    b"!", b"%", b"---\n", b"...\n", b"- ", b": ", b"#", b"'", b'"', b"\\", b"\\U00110000", b"? ", b"|", b">",
)


def mutate_bytes(rng: random.Random, raw: bytes) -> tuple[bytes, str]:
    """One byte-level mutation of ``raw``; returns the bytes and what was done."""
    data = bytearray(raw)
    n = len(data)
    how = rng.randrange(10)
    if how == 0 and n:
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(n)] ^= 1 << rng.randrange(8)
        return bytes(data), "bitflip"
    if how == 1:
        at = rng.randrange(n + 1)
        chunk = rng.choice(INTERESTING_BYTES) if rng.random() < 0.7 else rng.randbytes(rng.randint(1, 16))
        return bytes(data[:at] + chunk + data[at:]), "insert"
    if how == 2 and n:
        at = rng.randrange(n)
        size = rng.randint(1, max(1, n // 10))
        return bytes(data[:at] + data[at + size :]), "delete"
    if how == 3 and n:
        at = rng.randrange(n)
        chunk = data[at : at + rng.randint(1, max(1, n // 4))]
        to = rng.randrange(n + 1)
        return bytes(data[:to] + chunk * rng.randint(1, 3) + data[to:]), "duplicate"
    if how == 4:
        return bytes(data[: rng.randrange(n + 1)]), "truncate"
    if how == 5 and n:
        data[rng.randrange(n)] = 0
        return bytes(data), "nul"
    if how == 6:
        bom = rng.choice([b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"])
        return bom + bytes(data), "bom"
    if how == 7:
        text = raw.decode("utf-8", "surrogateescape")
        encoding = rng.choice(["utf-16", "utf-16-le", "utf-32", "latin-1", "cp949"])
        try:
            return text.encode(encoding, "replace"), encoding
        except UnicodeError:
            return raw, "none"
    if how == 8:
        end = rng.choice([b"\r\n", b"\r", b"\n\n", b"\x85", b"\xe2\x80\xa8"])
        return raw.replace(b"\n", end), "line-ends"
    if n:
        at = rng.randrange(n)
        data[at : at + 1] = rng.choice([b"\xff", b"\x80", b"\xc3", b"\xe2\x82"])
        return bytes(data), "invalid-utf8"
    return raw, "none"


# --- making a case --------------------------------------------------------------------


def make_case(seed: int, index: int) -> Case:
    """Case ``index`` of campaign ``seed``: the same two numbers always give the same case."""
    rng = random.Random(f"{seed}:{index}")
    recipe: list[str] = []
    if rng.random() < 0.05:
        data = bundled_data()
        recipe.append("whole")
    else:
        count = rng.choice([1, 2, 3, 5, 8, 12])
        data = part_of_bundled(rng, count)
        recipe.append(f"part{count}")
    as_json = rng.random() < 0.3
    pair = rng.random() < 0.08
    documents = [data]
    if pair:
        other = copy.deepcopy(data)
        half = len(data["nodes"]) // 2
        data["nodes"], other["nodes"] = data["nodes"][:half], data["nodes"][half:]
        if rng.random() < 0.5:
            other["roadmap"][rng.choice(["horizon", "published", "title", "id"])] = rng.choice([2035, "2024-01-01", "다른 제목", "other"])
        documents.append(other)
        recipe.append("pair")
    target = rng.choice(documents)
    for _ in range(rng.choice([0, 1, 1, 1, 2, 2, 3, 5])):
        mutator = rng.choice(STRUCTURE_MUTATORS)
        try:
            done = mutator(rng, target)
        except (TypeError, ValueError, KeyError, IndexError, AttributeError) as err:
            # A mutator met what an earlier one left (a mapping as an id, say): the case
            # goes on with what was done so far, and a campaign never dies in the harness.
            done = f"stopped: {type(err).__name__}"
        recipe.append(f"{mutator.__name__[2:]}({done[:40]})")
    files = []
    for d, doc in enumerate(documents):
        if as_json:
            text = to_json(doc, indent=rng.choice([2, None]))
        else:
            text = to_yaml(doc)
            if doc is target and rng.random() < 0.1:
                text, what = document_text(rng, text)
                recipe.append(what)
        raw = encode(text)
        if doc is target:
            roll = rng.random()
            if roll < 0.25:
                for _ in range(rng.choice([1, 1, 2, 3])):
                    raw, what = mutate_bytes(rng, raw)
                    recipe.append(what)
        suffix = ".json" if as_json != (rng.random() < 0.03) else rng.choice([".yaml", ".yml"])
        files.append((f"f{d}{suffix}", raw))
    mode = "text" if not pair and rng.random() < 0.15 else "file"
    if mode == "text":
        recipe.append("text")
    return Case(tuple(files), mode, " ".join(recipe))


# --- running a case (in the worker) ---------------------------------------------------


@dataclass
class Outcome:
    """What one case did. ``failure`` is ``None`` when the case kept the property; else
    ``(what, exception type, innermost frame)``, the failure's class, with ``detail``."""

    status: str  # "loaded", "refused" (RoadmapLoadError), "failed"
    failure: tuple[str, str, str] | None = None
    detail: str = ""
    cpu: float = 0.0
    wall: float = 0.0
    rss: int = 0  # peak resident bytes of the worker so far
    fatal: bool = False  # the worker must be restarted
    problems: list[str] = field(default_factory=list)  # a refusal's first lines, in English


def _frame(tb: traceback.StackSummary) -> str:
    if not tb:
        return "?"
    last = tb[-1]
    path = last.filename
    for marker in ("roadmap_graph/", "site-packages/", "lib/python"):
        if marker in path:
            path = re.sub(r"^\d+\.\d+/", "", path.split(marker, 1)[1])  # lib/python3.11/json -> json
            break
    return f"{path}:{last.name}"


def _crash(stage: str, err: BaseException) -> Outcome:
    tb = traceback.extract_tb(err.__traceback__)
    ours = [f for f in tb if "roadmap_graph" in f.filename]
    where = _frame(tb)
    if isinstance(err, RecursionError):
        # Where the stack ran out is chance; the library it ran out in is not.
        where = where.split("/")[0]
    if ours and ours[-1] is not tb[-1]:
        where += f" (via {_frame(traceback.StackSummary.from_list([ours[-1]]))})"
    lines = traceback.format_list(tb[-12:])
    text = f"{type(err).__name__}: {str(err)[:300]}\n" + "".join(lines)
    fatal = isinstance(err, MemoryError)
    return Outcome("failed", (stage, type(err).__name__, where), text, fatal=fatal)


def _violation(stage: str, what: str, detail: str) -> Outcome:
    return Outcome("failed", (stage, what, ""), detail)


def check_refusal(err: Any, paths: set[str]) -> Outcome | None:
    """A RoadmapLoadError must name at least one problem, each located at a line (unless
    about the whole file), in one of the loaded files, and render in both languages within
    :data:`MAX_MESSAGE_CHARS`."""
    if not err.problems:
        return _violation("load", "RoadmapLoadError without problems", "")
    for problem in err.problems:
        key = getattr(problem.message, "key", "?")
        try:
            lines = [problem.render("ko"), problem.render("en")]
        except Exception as render_err:  # any failure to write the message is the finding
            return _crash(f"message {key}", render_err)
        loc = problem.location
        if loc is None:
            return _violation("load", f"problem without location: {key}", lines[1][:500])
        if loc.line is None and key not in WHOLE_FILE_MESSAGES:
            # A .json file read on the fast path has no positions at all: one class per
            # family of messages there, not one per message.
            what = f"{key.split('.')[0]}.* in a .json file" if loc.path.lower().endswith(".json") else key
            return _violation("load", f"problem without line: {what}", lines[1][:500])
        if loc.path not in paths:
            return _violation("load", f"problem in another file: {key}", lines[1][:500])
        if max(len(line) for line in lines) > MAX_MESSAGE_CHARS:
            return _violation("load", f"message over {MAX_MESSAGE_CHARS} chars: {key}", lines[1][:500])
    return None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"JSON constant {name} is not JSON")


def check_outputs(roadmap: Any) -> Outcome | None:
    """Analyses and exports of a loaded roadmap: only the package's errors, strict JSON,
    well-formed XML, and the writer's round trip gives the same roadmap back."""
    import xml.etree.ElementTree as ET

    import roadmap_graph as rg
    from roadmap_graph.present.export import render

    stage = "to_networkx"
    try:
        G = rg.to_networkx(roadmap)
        for name, run in (("summarize", rg.summarize), ("gateways", rg.gateways), ("find_gaps", rg.find_gaps)):
            stage = name
            run(G)
        for fmt in ("node-link", "cytoscape"):
            stage = f"export {fmt}"
            (text,) = render(G, fmt, lang="en")
            try:
                json.loads(text, parse_constant=_reject_constant)
            except ValueError as err:
                return _violation(stage, "not strict JSON", str(err)[:300])
        for fmt in ("graphml", "gexf"):
            stage = f"export {fmt}"
            (text,) = render(G, fmt, lang="en")
            try:
                ET.fromstring(text.encode("utf-8"))
            except ET.ParseError as err:
                return _violation(stage, "XML not well-formed", str(err)[:300])
        stage = "dump_roadmap"
        dumped = rg.dump_roadmap(roadmap)
        stage = "reload dump"
        again = rg.loads_roadmap(dumped, path="dumped.yaml")
        if again != roadmap:
            return _violation(stage, "round trip changed the roadmap", dumped[:300])
    except rg.RoadmapGraphError as err:
        if stage == "reload dump":  # the writer wrote what the loader refuses
            return _violation(stage, "dump does not load", str(err)[:500])
        return None
    except RecursionError as err:
        return _crash(stage, err)
    except Exception as err:  # any other exception is the finding
        return _crash(stage, err)
    return None


def run_case(case: Case, folder: Path) -> Outcome:
    """Load ``case`` (its files written into ``folder``) and check the property."""
    import resource

    import roadmap_graph as rg

    paths = []
    for name, raw in case.files:
        path = folder / name
        path.write_bytes(raw)
        paths.append(str(path))
    cpu, wall = time.process_time(), time.perf_counter()
    roadmap = refusal = None
    stage = "load"
    try:
        if case.mode == "text":
            name, raw = case.files[0]
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("utf-8", "replace")
            paths = [name]
            roadmap = rg.loads_roadmap(text, path=name)
        else:
            roadmap = rg.load_roadmap(paths)
    except rg.RoadmapLoadError as err:
        refusal = err
    except MemoryError as err:
        # The traceback's frames hold what filled the memory: drop them before anything else.
        err.__traceback__ = None
        del err
        outcome = Outcome("failed", ("load", "MemoryError", ""), f"at the address-space limit ({ADDRESS_SPACE >> 20} MiB)", fatal=True)
    except Exception as err:  # any other exception is the finding
        outcome = _crash(stage, err)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    if roadmap is None and refusal is None:
        pass
    elif cpu > SLOW_LOAD:
        outcome = _violation("load", f"load over {SLOW_LOAD:g} s CPU", f"{cpu:.2f} s CPU")
    elif refusal is not None:
        outcome = check_refusal(refusal, set(paths)) or Outcome("refused")
        outcome.problems = [p.render("en")[:300] for p in refusal.problems[:20]] if outcome.status == "refused" else []
    else:
        outcome = check_outputs(roadmap) or Outcome("loaded")
    outcome.cpu, outcome.wall = cpu, wall
    outcome.rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return outcome


# --- the worker process ----------------------------------------------------------------


def _send(stream: Any, obj: Any) -> None:
    # Only plain data crosses: the worker runs this file as __main__, the parent may know it
    # as tests.fuzzing, so a class of this module would not unpickle on the other side.
    if isinstance(obj, (Case, Outcome)):
        obj = dataclasses.asdict(obj)
    blob = pickle.dumps(obj)
    stream.write(struct.pack(">Q", len(blob)) + blob)
    stream.flush()


def _receive(stream: Any) -> Any:
    head = stream.read(8)
    if len(head) < 8:
        return None
    (size,) = struct.unpack(">Q", head)
    return pickle.loads(stream.read(size))


def worker_main(address_space: int) -> None:
    """Run cases sent on stdin, one outcome each on stdout, under an address-space limit."""
    import resource

    # Imported before the limit and the first case: an import is not a case's cost.
    import roadmap_graph.present.export  # noqa: F401

    resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    warnings.simplefilter("ignore")  # ruamel's warnings (a reused anchor) would flood stderr
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not break the protocol
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    _send(stdout, baseline)
    with tempfile.TemporaryDirectory(prefix="roadmap-fuzz-") as tmp:
        n = 0
        while True:
            fields = _receive(stdin)
            if fields is None:
                return
            case = Case(**fields)
            folder = Path(tmp) / str(n)
            folder.mkdir()
            n += 1
            try:
                outcome = run_case(case, folder)
            except MemoryError as err:
                outcome = _crash("harness", err)
            _send(stdout, outcome)
            if outcome.fatal:
                return


class Worker:
    """A worker subprocess; :meth:`run` restarts it after a hang, a death or a memory bomb."""

    def __init__(self, address_space: int = ADDRESS_SPACE, timeout: float = TIMEOUT) -> None:
        self.address_space = address_space
        self.timeout = timeout
        self.proc: subprocess.Popen[bytes] | None = None
        self.baseline = 0

    def _start(self) -> subprocess.Popen[bytes]:
        env = dict(os.environ, PYTHONHASHSEED="0", MPLBACKEND="Agg")
        proc = subprocess.Popen(
            [sys.executable, __file__, "--worker", "--address-space", str(self.address_space)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        self.proc = proc
        baseline = self._read(proc, 120.0)
        if not isinstance(baseline, int):
            raise RuntimeError("the fuzz worker did not start")
        self.baseline = baseline
        return proc

    def _read(self, proc: subprocess.Popen[bytes], timeout: float) -> Any:
        assert proc.stdout is not None
        fd = proc.stdout.fileno()
        buf = b""
        deadline = time.monotonic() + timeout
        need = 8
        size = None
        while len(buf) < need:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError
            chunk = os.read(fd, max(need - len(buf), 65536) if size is None else need - len(buf))
            if not chunk:
                raise EOFError
            buf += chunk
            if size is None and len(buf) >= 8:
                (size,) = struct.unpack(">Q", buf[:8])
                need = 8 + size
        return pickle.loads(buf[8:need])

    def stop(self) -> None:
        if self.proc is not None:
            if self.proc.poll() is None:
                self.proc.kill()
            self.proc.wait()
            for stream in (self.proc.stdin, self.proc.stdout):
                if stream is not None:
                    stream.close()
            self.proc = None

    def run(self, case: Case) -> Outcome:
        proc = self.proc if self.proc is not None and self.proc.poll() is None else self._start()
        assert proc.stdin is not None
        try:
            _send(proc.stdin, case)
            outcome = Outcome(**self._read(proc, self.timeout))
        except TimeoutError:
            self.stop()
            return Outcome("failed", ("load", f"hang over {self.timeout:g} s", ""), "killed", wall=self.timeout)
        except (EOFError, BrokenPipeError):
            code = proc.wait()
            self.stop()
            what = f"worker killed by {signal.Signals(-code).name}" if code < 0 else f"worker exited {code}"
            return Outcome("failed", ("load", what, ""), "")
        if outcome.fatal:
            self.stop()
        elif outcome.status != "failed" and outcome.rss - self.baseline > MEMORY_BUDGET:
            outcome.status = "failed"
            outcome.failure = ("load", f"memory over {MEMORY_BUDGET >> 20} MiB", "")
            outcome.detail = f"peak RSS {outcome.rss >> 20} MiB, baseline {self.baseline >> 20} MiB"
        if outcome.rss - self.baseline > MEMORY_BUDGET // 2:
            self.stop()  # ru_maxrss never falls: start afresh so the next case is measured alone
        return outcome


# --- minimising and the campaign ------------------------------------------------------


def _ddmin(units: list[bytes], still_fails: Callable[[list[bytes]], bool], spend: Callable[[], bool]) -> list[bytes]:
    """Delta debugging (complements only): drop chunks of ``units`` while the failure stays."""
    n = 2
    while len(units) >= 2 and spend():
        size = math.ceil(len(units) / n)
        for start in range(0, len(units), size):
            candidate = units[:start] + units[start + size :]
            if not spend():
                return units
            if candidate and still_fails(candidate):
                units = candidate
                n = max(n - 1, 2)
                break
        else:
            if n >= len(units):
                break
            n = min(len(units), n * 2)
    return units


def minimise(worker: Worker, case: Case, failure: tuple[str, str, str], *, trials: int = 200, seconds: float = 30.0) -> Case:
    """A smaller case that fails the same way: lines, then bytes, of each file dropped."""
    used = [0]
    deadline = time.monotonic() + seconds

    def spend() -> bool:
        return used[0] < trials and time.monotonic() < deadline

    files = list(case.files)
    for f, (name, raw) in enumerate(files):

        def fails(parts: list[bytes], f: int = f, name: str = name) -> bool:
            used[0] += 1
            trial = [*files]
            trial[f] = (name, b"".join(parts))
            return worker.run(Case(tuple(trial), case.mode, case.recipe)).failure == failure

        lines = raw.splitlines(keepends=True)
        files[f] = (name, b"".join(_ddmin(lines, fails, spend)))
        chars = [bytes([b]) for b in files[f][1]]
        files[f] = (name, b"".join(_ddmin(chars, fails, spend)))
    return Case(tuple(files), case.mode, case.recipe + " (minimised)")


@dataclass
class Report:
    """A campaign's result: every failure class with its count, first case and repro."""

    cases: int = 0
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)
    classes: dict[tuple[str, str, str], dict[str, Any]] = field(default_factory=dict)
    slowest: tuple[float, str] = (0.0, "")
    peak_rss: tuple[int, str] = (0, "")

    def lines(self) -> Iterator[str]:
        yield f"{self.cases} cases in {self.seconds:.0f} s: " + ", ".join(f"{k} {v}" for k, v in sorted(self.counts.items()))
        yield f"slowest load: {self.slowest[0]:.2f} s CPU ({self.slowest[1]})"
        yield f"peak RSS: {self.peak_rss[0] >> 20} MiB ({self.peak_rss[1]})"
        yield f"{len(self.classes)} failure classes:"
        for (stage, what, where), info in sorted(self.classes.items(), key=lambda kv: -kv[1]["count"]):
            yield f"  [{info['count']}x] {stage}: {what} {where}".rstrip()
            yield f"      repro: {info.get('repro', '(not saved)')}  (case {info['case']}: {info['recipe'][:120]})"


def _slug(failure: tuple[str, str, str]) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", " ".join(failure)).strip("-")[:90].lower()


def save(case: Case, failure: tuple[str, str, str], detail: str, folder: Path, note: str) -> Path:
    """Write ``case``'s files as ``<class>.<ext>`` (several files: ``<class>-<n>.<ext>``)
    with a ``<class>.txt`` that says what failed and how to run it again."""
    folder.mkdir(parents=True, exist_ok=True)
    slug = _slug(failure)
    written = []
    for n, (name, raw) in enumerate(case.files):
        if case.mode == "text":  # what loads_roadmap was given, so that the file replays it
            raw = raw.decode("utf-8", "replace").encode("utf-8")
        suffix = Path(name).suffix
        target = folder / (f"{slug}{suffix}" if len(case.files) == 1 else f"{slug}-{n + 1}{suffix}")
        target.write_bytes(raw)
        written.append(target)
    (folder / f"{slug}.txt").write_text(
        f"class: {' | '.join(failure)}\nmode: {case.mode}\n{note}\nrecipe: {case.recipe}\n\n{detail}\n", encoding="utf-8"
    )
    return written[0]


def campaign(
    cases: int,
    seed: int = 0,
    *,
    first: int = 0,
    save_dir: Path | None = None,
    minimise_trials: int = 200,
    minimise_seconds: float = 30.0,
    minimise_if: Callable[[tuple[str, str, str]], bool] = lambda failure: True,
    log: Callable[[str], None] | None = None,
    worker: Worker | None = None,
) -> Report:
    """Run ``cases`` cases of ``seed`` from case ``first``; save one repro per failure
    class, minimised when ``minimise_if(failure)``."""
    worker = worker or Worker()
    report = Report()
    started = time.monotonic()
    try:
        for i in range(first, first + cases):
            try:
                case = make_case(seed, i)
            except Exception as err:  # a bug of the harness: counted, and the campaign goes on
                case, outcome = Case(()), _crash("making the case", err)
            else:
                outcome = worker.run(case)
            report.cases += 1
            report.counts[outcome.status] = report.counts.get(outcome.status, 0) + 1
            if outcome.cpu > report.slowest[0]:
                report.slowest = (outcome.cpu, f"case {i}: {case.recipe[:80]}")
            if outcome.rss > report.peak_rss[0]:
                report.peak_rss = (outcome.rss, f"case {i}: {case.recipe[:80]}")
            if outcome.failure is not None:
                info = report.classes.get(outcome.failure)
                if info is None:
                    info = report.classes[outcome.failure] = {"count": 0, "case": i, "recipe": case.recipe}
                    if log:
                        log(f"case {i}: new class {' | '.join(outcome.failure)}")
                    if save_dir is not None:
                        small = case
                        if minimise_trials and minimise_if(outcome.failure):
                            small = minimise(worker, case, outcome.failure, trials=minimise_trials, seconds=minimise_seconds)
                        note = f"found by: python tests/fuzzing.py --seed {seed} --case {i}"
                        info["repro"] = save(small, outcome.failure, outcome.detail, save_dir, note)
                info["count"] += 1
            if log and (i + 1) % 500 == 0:
                log(f"{i + 1} cases, {len(report.classes)} classes, {time.monotonic() - started:.0f} s")
    finally:
        worker.stop()
        report.seconds = time.monotonic() - started
    return report


def main(argv: list[str] | None = None) -> int:
    """The command line: a campaign, one case (``--case``), or a worker (internal)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=1000, help="how many cases to run")
    parser.add_argument("--seed", type=int, default=0, help="the campaign's seed")
    parser.add_argument("--first", type=int, default=0, help="the first case (to resume a campaign)")
    parser.add_argument("--case", type=int, help="run only this case of the seed, and write its files to --save-dir")
    parser.add_argument("--save-dir", type=Path, help="where to save minimised repros")
    parser.add_argument("--minimise-trials", type=int, default=200, help="loads spent minimising each class (0: none)")
    parser.add_argument("--address-space", type=int, default=ADDRESS_SPACE, help=argparse.SUPPRESS)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker_main(args.address_space)
        return 0
    if args.case is not None:
        case = make_case(args.seed, args.case)
        worker = Worker()
        try:
            outcome = worker.run(case)
        finally:
            worker.stop()
        print(f"recipe: {case.recipe}\nstatus: {outcome.status} {outcome.failure or ''}\n{outcome.detail}")
        if args.save_dir:
            for name, raw in case.files:
                args.save_dir.mkdir(parents=True, exist_ok=True)
                (args.save_dir / name).write_bytes(raw)
        return 1 if outcome.failure else 0
    report = campaign(
        args.cases, args.seed, first=args.first, save_dir=args.save_dir, minimise_trials=args.minimise_trials, log=lambda s: print(s, flush=True)
    )
    for line in report.lines():
        print(line)
    return 1 if report.classes else 0


if __name__ == "__main__":
    sys.exit(main())
