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

Hostile input is refused here, each refusal a located problem (see :mod:`.limits`):

* :func:`read_file` reads regular files only (a FIFO, ``/dev/zero`` or a folder is an
  error at once) and never more than the ``file_bytes`` limit;
* nesting beyond the ``depth`` limit stops the composer at the deep event; values built
  through aliases count against ``alias_expansions`` (an alias bomb stops at once); texts
  and whole numbers are checked against ``string_chars`` and ``int_digits``;
* only the YAML 1.2 core tags are read: ``!!str``, ``!!int``, ``!!float``, ``!!bool``,
  ``!!null``, ``!!map``, ``!!seq``. Any other tag (``!foo``, ``!!python/object/...``,
  ``!!set``, ``!!binary``), on a scalar, list or mapping alike, is an error, never dropped.
  A timestamp (``2023-10-31``) is kept as the text written: the schema reads it as a date
  where a date is allowed (``roadmap.published``, a source's ``date``) and as text
  elsewhere, just as it reads the same value from JSON, where dates are strings;
* a value its tag cannot hold (``!!int abc``, ``!!bool maybe``), NaN and infinity
  (``.nan``, ``.inf``, ``1e999``, JSON ``NaN``/``Infinity``), escapes that name no character
  (``"\\U00110000"``) and characters that break XML or UTF-8 (C0 controls but tab, line feed
  and carriage return; DEL; lone surrogates; U+FFFE and U+FFFF), raw or escaped, are errors.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..errors import Location, Problem
from ..vocabulary import Message, verbatim
from .limits import Limits, breach

PathKey = tuple[str | int, ...]

_TAG_PREFIX = "tag:yaml.org,2002:"


@dataclass
class Parsed:
    """The result of reading one file.

    ``data`` is ``None`` when the text could not be read at all; ``problems`` then says why.
    ``values[path]`` is the (line, column) of the value at ``path`` (a tuple of keys and
    indexes, like pydantic's ``loc``), ``keys[path]`` that of the mapping key naming it.
    ``refused`` holds the paths of values that are in ``problems`` and were read as empty.
    """

    path: str
    data: Any = None
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    refused: set[PathKey] = field(default_factory=set)

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


def read_file(path: str, limits: Limits) -> tuple[bytes | None, list[Problem]]:
    """The bytes of the regular file ``path``: at most ``limits.file_bytes`` of them.

    A folder, FIFO, device or socket is refused before it is opened, and again after (with
    ``fstat``), so that one swapped in between cannot hang the read; the open does not block.
    """
    try:
        info = os.stat(path)
        kind = _special_kind(info.st_mode)
        if kind is not None:
            return None, [Problem(Location(path), Message("load.not_regular", what=Message(f"load.file_kind.{kind}")))]
        if info.st_size > limits.file_bytes:
            return None, [Problem(Location(path), breach("file_bytes", limits))]
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(path, flags)
        try:
            info = os.fstat(fd)
            kind = _special_kind(info.st_mode)
            if kind is not None:
                return None, [Problem(Location(path), Message("load.not_regular", what=Message(f"load.file_kind.{kind}")))]
            chunks, remaining = [], limits.file_bytes + 1
            while remaining > 0:  # the size may have changed since the stat: never read past the limit
                chunk = os.read(fd, min(remaining, max(info.st_size + 1, 1 << 16)))
                if not chunk:
                    break
                chunks.append(chunk)
                remaining -= len(chunk)
        finally:
            os.close(fd)
    except OSError as err:
        problem = Problem(Location(path), Message("load.cannot_read", reason=verbatim(err.strerror or err)))
        return None, [problem]
    if remaining <= 0:
        return None, [Problem(Location(path), breach("file_bytes", limits))]
    return b"".join(chunks), []


def _special_kind(mode: int) -> str | None:
    """What a file that is not a regular file is (a catalogue ``load.file_kind.*`` key)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "other"


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


def parse_text(path: str, text: str, limits: Limits | None = None) -> Parsed:
    """Parse YAML (or JSON) text into data with positions; never raises for bad input.

    Anything the text does not allow is a problem in ``Parsed.problems`` with its line and
    column; when a limit is breached, reading stops there and ``data`` is ``None``.
    """
    limits = limits or Limits()
    if len(text) > limits.string_chars:
        # The scanner reads a text to its end, a character at a time, before anything can
        # count it: a five-million-character id costs seconds. A run of characters with no
        # space or flow indicator longer than the limit can only be one text (or comment)
        # that long (with its quotes): refuse it before reading. Only the starts of runs are
        # tried, so the search takes linear time.
        run = re.search(r"(?<![^\s\[\]{},])[^\s\[\]{},]{" + str(limits.string_chars + 3) + "}", text)
        if run:
            end = re.compile(r"[\s\[\]{},]").search(text, run.end())
            count = len(text[run.start() : end.start() if end else len(text)].strip(":'\""))
            where = _position(path, text, run.start())
            return Parsed(path, problems=[Problem(where, breach("string_chars", limits, count=count))])
    deep = re.search(r"(?:[\[{][ \t\r\n]*){" + str(limits.depth + 2) + "}", text)
    if deep:
        # The scanner reads a flow collection to its end before the composer sees its
        # first item: for brackets nested a million deep, read only up to the deep one.
        # (Brackets inside a quoted text give no depth problem there, and are read below.)
        probe = _parse_yaml(path, text[: deep.end()], limits)
        if probe.problems and probe.problems[0].message == breach("depth", limits):
            return probe
    return _parse_yaml(path, text, limits)


def _parse_yaml(path: str, text: str, limits: Limits) -> Parsed:
    from ruamel.yaml import YAML
    from ruamel.yaml.composer import MaxDepthExceededError
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    parsed = Parsed(path)
    yaml = YAML(typ="safe", pure=True)
    yaml.max_depth = limits.depth + 1  # the composer counts the scalar inside the deepest list
    parser = None

    def here() -> Location:
        mark = yaml.reader.get_mark()
        return Location(path, mark.line + 1, mark.column + 1)

    try:
        constructor, parser = yaml.get_constructor_parser(text)  # the reader checks every character here
        root = constructor.composer.get_single_node()
    except MaxDepthExceededError as err:
        parsed.problems.append(Problem(_at(path, err.problem_mark), breach("depth", limits)))
        return parsed
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        what = " ".join(str(p) for p in (err.context, err.problem) if p)
        parsed.problems.append(Problem(_at(path, mark), Message("load.yaml_syntax", detail=verbatim(what))))
        return parsed
    except ReaderError as err:  # a character YAML does not allow anywhere, e.g. a raw NUL
        where = _position(path, text, err.position)
        parsed.problems.append(Problem(where, Message("load.bad_character", char=verbatim(_describe_char(err.character)))))
        return parsed
    except YAMLError as err:  # errors without a position
        parsed.problems.append(Problem(Location(path), Message("load.yaml_error", detail=verbatim(err))))
        return parsed
    except ValueError:  # chr() of an escape beyond U+10FFFF, raised inside the scanner
        escape = verbatim("\\U" + yaml.reader.prefix(8))
        parsed.problems.append(Problem(here(), Message("load.bad_escape", escape=escape)))
        return parsed
    except RecursionError:  # a depth limit raised beyond what Python's stack can compose
        parsed.problems.append(Problem(here(), Message("load.too_deep_to_read")))
        return parsed
    except MemoryError:
        raise
    except Exception as err:  # ruamel's own failures, e.g. an IndexError on a broken %TAG directive
        detail = verbatim(f"{type(err).__name__}: {err}")
        parsed.problems.append(Problem(here(), Message("load.yaml_unreadable", detail=detail)))
        return parsed
    finally:
        if parser is not None:
            parser.dispose()
    if root is None:
        parsed.problems.append(Problem(Location(path, 1, 1), Message("load.empty")))
        return parsed
    try:
        parsed.data = _Walker(parsed, constructor, limits).build(root, ())
    except _Stop:
        parsed.data = None
    except RecursionError:
        parsed.problems.append(Problem(Location(path, 1, 1), Message("load.too_deep_to_read")))
        parsed.data = None
    return parsed


def _at(path: str, mark: Any) -> Location:
    return Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)


def _position(path: str, text: str, offset: int) -> Location:
    """The line and column of the character at ``offset`` of ``text``."""
    line_start = text.rfind("\n", 0, offset) + 1
    return Location(path, text.count("\n", 0, offset) + 1, offset - line_start + 1)


def _describe_char(char: Any) -> str:
    code = char if isinstance(char, int) else ord(char)
    return f"U+{code:04X}"


# Characters that make XML 1.0 ill-formed or UTF-8 encoding fail, and DEL.
_BAD_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
# The same characters written as JSON escapes (an escaped backslash before a "u" is a
# false alarm, which only costs the slower, exact reading).
_BAD_JSON_ESCAPE = re.compile(r"\\u(?:00[01][0-9a-fA-F]|007[fF]|[dD][89a-fA-F][0-9a-fA-F]{2}|[fF]{3}[eEfF])")


def clean_text(value: str, limits: Limits) -> tuple[str | None, Message | None]:
    """``value`` in Unicode NFC, or ``None`` and why it cannot be text: longer than the
    ``string_chars`` limit, or holding a character that breaks XML or UTF-8 (see the
    module). Every text read from a file (a YAML scalar, a spreadsheet cell) passes here."""
    if len(value) > limits.string_chars:
        return None, breach("string_chars", limits, count=len(value))
    bad = _BAD_CHARACTER.search(value)
    if bad:
        return None, Message("load.bad_character", char=verbatim(_describe_char(bad.group())))
    return unicodedata.normalize("NFC", value), None


class _Refused(ValueError):
    """A JSON value the fast path does not take: the exact reading says where and why."""


def parse_json_fast(path: str, text: str, limits: Limits | None = None) -> Any:
    """Read JSON with the standard library (fast, no positions); ``None`` on any problem.

    Duplicate keys, NaN and infinity, too many digits, too long a text, characters that
    break XML or UTF-8 and nesting too deep for the standard library are problems here as
    in YAML: on ``None`` the caller re-reads the text with :func:`parse_text`, which reports
    the problem with its position. So does data that fails the schema, which is how nesting
    deeper than the format's (but within the standard library's) is caught.
    """
    limits = limits or Limits()
    longest, digits = limits.string_chars, limits.int_digits

    # Only the texts that are values of a mapping are checked here, which costs nothing
    # measurable: every key and every text in a list of the format is a name or an id of at
    # most 120 characters, so a longer one fails the schema, and the caller re-reads the file.
    def checked(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            raise _Refused("duplicate key")
        for _, value in pairs:
            if type(value) is str and len(value) > longest:
                raise _Refused
        return result

    def whole(number: str) -> int:
        if len(number.lstrip("-")) > digits:
            raise _Refused
        return int(number)

    def real(number: str) -> float:
        value = float(number)
        if not math.isfinite(value):  # 1e999
            raise _Refused
        return value

    def refuse(constant: str) -> Any:  # NaN, Infinity, -Infinity
        raise _Refused

    if any(c in text for c in "\x7f\ufffe\uffff"):
        return None
    escapes = "\\u" in text
    if escapes and _BAD_JSON_ESCAPE.search(text):
        return None
    if not text.isascii():
        try:
            text.encode("utf-8")  # lone surrogates, from a str given to loads_roadmap
        except UnicodeEncodeError:
            return None
    # NFC of the whole text equals NFC of each string: JSON's quotes and punctuation
    # never compose with a neighbour. Only \u escapes hide text from it.
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    try:
        data = json.loads(text, object_pairs_hook=checked, parse_int=whole, parse_float=real, parse_constant=refuse)
    except (ValueError, RecursionError):
        return None
    return _nfc(data) if escapes else data


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    if isinstance(value, dict):
        return {unicodedata.normalize("NFC", k): _nfc(v) for k, v in value.items()}
    return value


class _Stop(Exception):
    """A limit was breached while building the data (the problem is recorded): stop."""


_CORE_SCALARS = {_TAG_PREFIX + name for name in ("str", "int", "float", "bool", "null", "timestamp")}
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_JSON_NOT_FINITE = frozenset({"NaN", "Infinity", "-Infinity", "+Infinity"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


class _Walker:
    """Turns a composed YAML node tree into dicts, lists and scalars, recording positions.

    It enforces what composing cannot see: the tags (see the module), the values they
    hold, the depth of data built through aliases, and how many values aliases expand to.
    """

    def __init__(self, parsed: Parsed, constructor: Any, limits: Limits) -> None:
        self.parsed = parsed
        self.constructor = constructor
        self.limits = limits
        self.open: set[int] = set()  # collections being built, to refuse recursive aliases
        self.built: set[int] = set()  # nodes built once; building one again is an alias expansion
        self.expansions = 0
        self.json = parsed.path.lower().endswith(".json")

    def problem(self, where: tuple[int, int], message: Message) -> None:
        self.parsed.problems.append(Problem(Location(self.parsed.path, *where), message))

    def build(self, node: Any, path: PathKey) -> Any:
        where = (node.start_mark.line + 1, node.start_mark.column + 1)
        self.parsed.values[path] = where
        if id(node) in self.built:
            self.expansions += 1
            if self.expansions > self.limits.alias_expansions:
                self.problem(where, breach("alias_expansions", self.limits))
                raise _Stop
        else:
            self.built.add(id(node))
        if len(path) > self.limits.depth:  # deeper than composed: an alias inside a deep list
            self.problem(where, breach("depth", self.limits))
            raise _Stop
        if node.id in ("mapping", "sequence"):
            expected = _TAG_PREFIX + ("map" if node.id == "mapping" else "seq")
            if node.tag != expected:
                self.problem(where, Message("load.tag", tag=verbatim(_short_tag(node.tag))))
                self.parsed.refused.add(path)
                return None
            if id(node) in self.open:
                self.problem(where, Message("load.alias_cycle"))
                return None
            self.open.add(id(node))
            try:
                if node.id == "mapping":
                    return self._mapping(node, path)
                return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
            finally:
                self.open.discard(id(node))
        before = len(self.parsed.problems)
        value = self._scalar(node, where)
        if len(self.parsed.problems) > before:
            self.parsed.refused.add(path)
        return value

    def _scalar(self, node: Any, where: tuple[int, int]) -> Any:
        tag, value = node.tag, node.value
        if tag not in _CORE_SCALARS:
            self.problem(where, Message("load.tag", tag=verbatim(_short_tag(tag))))
            return None
        if tag == _TAG_PREFIX + "str" and node.style is None and value in _JSON_NOT_FINITE and self.json:
            self.problem(where, Message("load.not_finite", value=verbatim(value)))  # unquoted, so not text
            return None
        if tag in (_TAG_PREFIX + "str", _TAG_PREFIX + "timestamp"):
            return self._text(value, where)
        if tag == _TAG_PREFIX + "null" and value in _NULLS:
            return None
        if tag == _TAG_PREFIX + "bool" and value in _BOOLS:
            return _BOOLS[value]
        if tag == _TAG_PREFIX + "int":
            count = sum(c.isdigit() for c in value)
            if count > self.limits.int_digits:
                self.problem(where, breach("int_digits", self.limits, count=count))
                return None
        if tag in (_TAG_PREFIX + "int", _TAG_PREFIX + "float"):
            try:
                number = self.constructor.construct_object(node, deep=True)
            except (ValueError, TypeError, LookupError, ArithmeticError):  # ruamel: "" gives IndexError
                number = None
            if isinstance(number, (int, float)) and not isinstance(number, bool):
                if isinstance(number, float) and not math.isfinite(number):
                    self.problem(where, Message("load.not_finite", value=verbatim(repr(value))))
                    return None
                return number
        self.problem(where, Message("load.tagged_value", value=verbatim(repr(value)), tag=verbatim(_short_tag(tag))))
        return None

    def _text(self, value: str, where: tuple[int, int]) -> str | None:
        text, problem = clean_text(value, self.limits)
        if problem is not None:
            self.problem(where, problem)
        return text

    def _mapping(self, node: Any, path: PathKey) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            where = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key_node.tag == _TAG_PREFIX + "merge":
                self.problem(where, Message("load.merge_key"))
                continue
            if key_node.id != "scalar":
                self.problem(where, Message("load.key_not_scalar"))
                continue
            if key_node.tag not in _CORE_SCALARS:
                self.problem(where, Message("load.tag", tag=verbatim(_short_tag(key_node.tag))))
                continue
            text = self._text(str(key_node.value), where)
            if text is None:
                continue
            key = text
            child = (*path, key)
            if key in result:
                first_line, first_col = self.parsed.keys[child]
                message = Message("load.duplicate_key", key=verbatim(key), line=first_line, column=first_col)
                self.problem(where, message)
                continue
            self.parsed.keys[child] = where
            result[key] = self.build(value_node, child)
        return result


def _short_tag(tag: str) -> str:
    """``!!int`` for YAML's own tags, the tag as written otherwise."""
    return "!!" + tag[len(_TAG_PREFIX) :] if tag.startswith(_TAG_PREFIX) else tag
