"""The limits the loader enforces on what it reads, so that no file can exhaust the machine.

A hostile or broken file (a 556-byte YAML alias bomb, ``-g /dev/zero``, lists nested
100,000 deep, a 5,000-digit number) must fail fast with a located error instead of
running out of memory or crashing. Every such defence is one of the :class:`Limits`
below; none is a special case in the parser. The defaults are sized far beyond real
roadmaps (the bundled one is about 50 KB with 47 nodes), so only a user with a truly
large roadmap ever meets one, and the message says how to raise it:

* for the command line, ``roadmap-graph --limit nodes=2000000 --limit file_bytes=1GB ...``;
* for everything, the environment variable ``ROADMAP_GRAPH_LIMITS="nodes=2000000,file_bytes=1GB"``;
* for library users, ``load_roadmap(path, limits=Limits(nodes=2_000_000))``.

A value is a whole number, with ``_`` between digits if wanted, and an optional suffix:
``k``/``M``/``G`` (or ``KB``/``MB``/``GB``) for thousands, millions and billions,
``KiB``/``MiB``/``GiB`` for powers of 1024.

>>> Limits().nodes
200000
>>> Limits().with_spec("nodes=2M, file_bytes=1GiB").file_bytes
1073741824
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from typing import Any

from ..errors import InvalidOptionError
from ..vocabulary import Message, verbatim

#: The environment variable that raises (or lowers) limits, e.g. ``nodes=2000000,file_bytes=1GB``.
ENVIRONMENT_VARIABLE = "ROADMAP_GRAPH_LIMITS"

_SUFFIXES = {
    "": 1,
    "k": 10**3,
    "kb": 10**3,
    "m": 10**6,
    "mb": 10**6,
    "g": 10**9,
    "gb": 10**9,
    "kib": 2**10,
    "mib": 2**20,
    "gib": 2**30,
}
_VALUE = re.compile(r"^\s*([0-9](?:_?[0-9])*)\s*([A-Za-z]*)\s*$")


@dataclass(frozen=True)
class Limits:
    """What the loader accepts, each limit a positive whole number.

    ``file_bytes``
        the size of one roadmap file (64 MiB; the bundled roadmap is about 50 KB);
    ``nodes``
        the nodes of all files loaded together;
    ``links``
        the links of all files loaded together: ``requires``, members of ``any_of``
        groups and ``supported_by``;
    ``depth``
        how deeply lists and mappings nest (a roadmap needs 6);
    ``string_chars``
        the characters of one text value or key;
    ``int_digits``
        the digits of one whole number (Python refuses more than 4,300 anyway);
    ``alias_expansions``
        the values built by YAML aliases (``*name``), beyond the values written out: what
        stops an alias bomb, where a few hundred bytes expand to billions of values.
    """

    file_bytes: int = 64 * 2**20
    nodes: int = 200_000
    links: int = 2_000_000
    depth: int = 64
    string_chars: int = 100_000
    int_digits: int = 100
    alias_expansions: int = 100_000

    def __post_init__(self) -> None:
        for name in _names():
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise InvalidOptionError(Message("load.limit_value", name=verbatim(name), value=verbatim(repr(value))))

    def with_spec(self, spec: str | Iterable[str]) -> Limits:
        """These limits with those of ``spec`` changed: ``"nodes=2M,file_bytes=1GB"``, or
        several such strings (one per ``--limit`` option).

        Raises :class:`~roadmap_graph.errors.InvalidOptionError` for an unknown name or a
        value that is not a positive whole number.
        """
        items = [spec] if isinstance(spec, str) else list(spec)
        changes: dict[str, int] = {}
        for item in (part for text in items for part in text.split(",")):
            if not item.strip():
                continue
            name, sep, value = item.partition("=")
            name = name.strip()
            if not sep or name not in _names():
                known = ", ".join(_names())
                raise InvalidOptionError(Message("load.limit_spec", spec=verbatim(item.strip()), names=verbatim(known)))
            changes[name] = _parse_value(name, value)
        return replace(self, **changes)

    @classmethod
    def from_environment(cls) -> Limits:
        """The default limits, changed by the environment variable ``ROADMAP_GRAPH_LIMITS``."""
        return cls().with_spec(os.environ.get(ENVIRONMENT_VARIABLE, ""))


def _names() -> list[str]:
    return [f.name for f in fields(Limits)]


def _parse_value(name: str, value: str) -> int:
    match = _VALUE.match(value)
    factor = _SUFFIXES.get(match.group(2).lower()) if match else None
    if match is None or factor is None or int(match.group(1)) < 1:
        raise InvalidOptionError(Message("load.limit_value", name=verbatim(name), value=verbatim(repr(value.strip()))))
    return int(match.group(1)) * factor


def breach(name: str, limits: Limits, **found: object) -> Message:
    """The message for a value beyond the limit ``name``: the limit, its value and how to
    raise it. ``found`` says what was found, for the limits whose message shows it."""
    value = getattr(limits, name)
    how = verbatim(f"--limit {name}={value * 10}")
    env = verbatim(f"{ENVIRONMENT_VARIABLE}={name}={value * 10}")
    what = Message(f"load.limit_what.{name}", **found)
    return Message("load.limit", what=what, limit=verbatim(name), value=verbatim(value), option=how, env=env)


class Budget:
    """The nodes and links that the files loaded so far take of ``limits``.

    Counted on the parsed data, before it is validated (validation is where a large roadmap
    costs time), so a file beyond the limit is refused before that cost.
    """

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.nodes = 0
        self.links = 0
        self._before = (0, 0)

    def take(self, data: dict[str, Any]) -> tuple[tuple[str | int, ...], Message] | None:
        """Count the nodes and links of one file's ``data``; the path of the first node beyond
        a limit and the message, or ``None`` when the file fits."""
        self._before = (self.nodes, self.links)
        nodes = data.get("nodes")
        if not isinstance(nodes, list):
            return None
        if self.nodes + len(nodes) > self.limits.nodes:
            first = self.limits.nodes - self.nodes
            self.nodes += len(nodes)
            return ("nodes", first), breach("nodes", self.limits)
        self.nodes += len(nodes)
        for i, node in enumerate(nodes):
            if isinstance(node, dict):
                self.links += _links(node)
                if self.links > self.limits.links:
                    return ("nodes", i), breach("links", self.limits)
        return None

    def give_back(self) -> None:
        """Undo the last :meth:`take` (the file is read again, and counted again)."""
        self.nodes, self.links = self._before


def _links(node: dict[str, Any]) -> int:
    count = 0
    for key in ("requires", "supported_by"):
        value = node.get(key)
        count += len(value) if isinstance(value, list) else 0
    groups = node.get("any_of")
    if isinstance(groups, list):
        count += sum(len(group) for group in groups if isinstance(group, list))
    return count
