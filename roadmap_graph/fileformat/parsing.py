"""Read roadmap text (YAML or JSON) into plain Python data that remembers where it came from.

The loader needs two things a plain ``yaml.safe_load`` cannot give: the line and column of
every key and value (so that any later problem is reported as ``path:line:col``) and an
error, not a silent choice, for a key written twice. This module walks ruamel.yaml's node
tree itself to get both. It reads YAML 1.2 in safe mode, so ``yes``/``no``/``NO`` stay
strings and no Python object can be constructed from the file. All text is normalised to
Unicode NFC, so Korean typed on different systems compares equal.

JSON is a subset of YAML 1.2, so a JSON roadmap goes through the same walk when positions
are needed; :func:`parse_json_fast` reads a large JSON file with the standard library first
and the caller asks for positions only when there is a problem to locate.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..errors import Location, Problem
from ..vocabulary import Message, verbatim

PathKey = tuple[str | int, ...]

_TAG_PREFIX = "tag:yaml.org,2002:"


@dataclass
class Parsed:
    """The result of reading one file.

    ``data`` is ``None`` when the text could not be read at all; ``problems`` then says why.
    ``values[path]`` is the (line, column) of the value at ``path`` (a tuple of keys and
    indexes, like pydantic's ``loc``), ``keys[path]`` that of the mapping key naming it.
    """

    path: str
    data: Any = None
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def locate(self, path: PathKey, *, key: bool = False) -> Location:
        """Return the location of ``path``, or of its nearest enclosing part that has one.

        With ``key=True`` the location of the key that names the value is preferred,
        which is where an editor would put the cursor for an unknown or duplicate key.
        A file read without positions (valid JSON takes the fast path) gives the path alone.
        """
        if not self.values:
            return Location(self.path)
        probe = tuple(path)
        while True:
            if key and probe in self.keys:
                return Location(self.path, *self.keys[probe])
            if probe in self.values:
                return Location(self.path, *self.values[probe])
            if not probe:
                return Location(self.path, 1, 1)
            probe = probe[:-1]


def decode(path: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    """Decode ``raw`` as UTF-8 (a leading BOM is allowed); say where it is not UTF-8."""
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        column = err.start - (before.rfind(b"\n") + 1) + 1
        message = Message("load.not_utf8", byte=f"{raw[err.start]:02x}")
        return None, [Problem(Location(path, line, column), message)]


def parse_text(path: str, text: str) -> Parsed:
    """Parse YAML (or JSON) text into data with positions; never raises for bad input."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    parsed = Parsed(path)
    yaml = YAML(typ="safe", pure=True)
    try:
        root = yaml.compose(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
        what = " ".join(str(p) for p in (err.context, err.problem) if p)
        parsed.problems.append(Problem(where, Message("load.yaml_syntax", detail=verbatim(what))))
        return parsed
    except YAMLError as err:  # errors without a position, e.g. a bad character in the stream
        parsed.problems.append(Problem(Location(path), Message("load.yaml_error", detail=verbatim(err))))
        return parsed
    if root is None:
        parsed.problems.append(Problem(Location(path, 1, 1), Message("load.empty")))
        return parsed
    parsed.data = _Walker(parsed, yaml.constructor).build(root, ())
    return parsed


def parse_json_fast(path: str, text: str) -> Any:
    """Read JSON with the standard library (fast, no positions); ``None`` on any error.

    Duplicate keys are an error here as in YAML: on ``None`` the caller re-reads the text
    with :func:`parse_text`, which reports the problem with its position.
    """

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            raise ValueError("duplicate key")
        return result

    # NFC of the whole text equals NFC of each string: JSON's quotes and punctuation
    # never compose with a neighbour. Only \u escapes hide text from it.
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    try:
        data = json.loads(text, object_pairs_hook=no_duplicates)
    except ValueError:
        return None
    return _nfc(data) if "\\u" in text else data


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    if isinstance(value, dict):
        return {unicodedata.normalize("NFC", k): _nfc(v) for k, v in value.items()}
    return value


class _Walker:
    """Turns a composed YAML node tree into dicts, lists and scalars, recording positions."""

    def __init__(self, parsed: Parsed, constructor: Any) -> None:
        self.parsed = parsed
        self.constructor = constructor
        self.open: set[int] = set()  # collections being built, to refuse recursive aliases

    def build(self, node: Any, path: PathKey) -> Any:
        where = (node.start_mark.line + 1, node.start_mark.column + 1)
        self.parsed.values[path] = where
        if node.id in ("mapping", "sequence"):
            if id(node) in self.open:
                self.parsed.problems.append(Problem(Location(self.parsed.path, *where), Message("load.alias_cycle")))
                return None
            self.open.add(id(node))
            try:
                if node.id == "mapping":
                    return self._mapping(node, path)
                return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
            finally:
                self.open.discard(id(node))
        value = self.constructor.construct_object(node, deep=True)
        if isinstance(value, str):
            return unicodedata.normalize("NFC", value)
        return value

    def _mapping(self, node: Any, path: PathKey) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            where = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key_node.tag == _TAG_PREFIX + "merge":
                self.parsed.problems.append(Problem(Location(self.parsed.path, *where), Message("load.merge_key")))
                continue
            if key_node.id != "scalar":
                self.parsed.problems.append(Problem(Location(self.parsed.path, *where), Message("load.key_not_scalar")))
                continue
            key = unicodedata.normalize("NFC", str(key_node.value))
            child = (*path, key)
            if key in result:
                first_line, first_col = self.parsed.keys[child]
                message = Message("load.duplicate_key", key=verbatim(key), line=first_line, column=first_col)
                self.parsed.problems.append(Problem(Location(self.parsed.path, *where), message))
                continue
            self.parsed.keys[child] = where
            result[key] = self.build(value_node, child)
        return result
