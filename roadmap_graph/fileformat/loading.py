"""Load roadmap files into one validated :class:`~roadmap_graph.model.Roadmap`.

Loading never loses data and never stops at the first problem: every problem of every file
is collected and raised together as a :class:`~roadmap_graph.errors.RoadmapLoadError`, one
``path:line:col: error: ...`` line each. Several files load into one roadmap: fields and
sources merge by id (the same id with different content is an error naming both places),
a node id defined twice is an error naming both places, and the roadmap's metadata
(``id``, ``title``, ``published``, ``horizon``...) written in several files must agree (a
file may leave a key out). Nothing is silently dropped: a source id twice in one file is an
error too.

>>> roadmap = load_roadmap()            # the bundled AI–bio roadmap (Ⅱ)
>>> len([n for n in roadmap.nodes if n.kind == "mission"])
8
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..errors import Location, Problem, RoadmapLoadError
from ..gcpause import paused_gc
from ..outputs import protect_file
from ..vocabulary import Message, Verbatim, did_you_mean, verbatim
from .limits import Budget, Limits, breach
from .model import (
    SCHEMA_VERSION,
    FieldInfo,
    Link,
    Node,
    Roadmap,
    RoadmapInfo,
    Silence,
    Source,
    SourceRef,
    Target,
)
from .parsing import Parsed, PathKey, decode, parse_json_fast, parse_text, read_file
from .validation import find_problems

PathLike = str | os.PathLike[str]


@dataclass
class _Doc:
    """One file's roadmap, with the way back from its parts to the file.

    A file with schema problems still gives a *partial* document, made of the parts that
    are valid, so that reference and layer problems are reported in the same run.
    ``index[part][k]`` is the position in the file of the k-th item kept of ``part``
    (``"nodes"``, ``"fields"``, ``"sources"``); ``known[part]`` holds the ids written in
    the file, valid or not, so that a reference to a broken node is not also "unknown".
    """

    parsed: Parsed
    roadmap: Roadmap
    index: dict[str, list[int]] = dataclass_field(default_factory=dict)
    known: dict[str, set[str]] = dataclass_field(default_factory=dict)
    #: the text of a JSON file read on the fast path (without positions), kept to read it
    #: again with positions should a problem need locating
    text: str | None = None

    def locate(self, path: PathKey) -> Location:
        """The file location of ``path``, a location in this document's roadmap."""
        part = "sources" if path[:2] == ("roadmap", "sources") else str(path[0]) if path else None
        at = 2 if part == "sources" else 1
        if part in self.index and len(path) > at:
            item = path[at]
            if isinstance(item, int):
                path = (*path[:at], self.index[part][item], *path[at + 1 :])
        return self.parsed.locate(path)


def load_roadmap(
    paths: PathLike | Iterable[PathLike] | None = None,
    *,
    limits: Limits | None = None,
    progress: Callable[[Message], None] | None = None,
) -> Roadmap:
    """Load one or several roadmap files (YAML or JSON) into one validated roadmap.

    Parameters
    ----------
    paths
        A file, or several files that together make one roadmap. ``None`` loads the
        bundled roadmap (Ⅱ), AI and advanced bio, October 2023.
    limits
        What a file may hold (size, nodes, links, depth, ...); by default
        :class:`~roadmap_graph.fileformat.limits.Limits` changed by the environment
        variable ``ROADMAP_GRAPH_LIMITS``. A file beyond a limit is a load problem.
    progress
        Called with each phase of the load (reading, parsing, validating, checking a file,
        with its size or counts), for a caller that shows progress; the library never prints.

    Raises
    ------
    RoadmapLoadError
        With every problem found in every file.
    """
    if paths is None:
        from .bundled import bundled_roadmap_paths

        paths = bundled_roadmap_paths()
    elif isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return load_contents([(str(path), None) for path in paths], limits=limits, progress=progress)


def load_contents(
    contents: Iterable[tuple[str, bytes | None]],
    *,
    limits: Limits | None = None,
    progress: Callable[[Message], None] | None = None,
) -> Roadmap:
    """Load several documents into one validated roadmap, like :func:`load_roadmap`: each
    item is ``(path, None)`` for the file at ``path``, or ``(name, raw)`` for the bytes of a
    document that is not a file of its own (a file at a git revision,
    :mod:`~roadmap_graph.fileformat.revisions`); ``name`` names it in messages and its
    extension picks JSON or YAML."""
    reading = _Reading(limits or Limits.from_environment(), progress or _silent)
    documents: list[tuple[Parsed, _Doc | None]] = []
    with paused_gc():
        for path, raw in contents:
            documents.append(_read_file(path, reading) if raw is None else _read_bytes(path, raw, reading))
        reading.say(Message("load.progress.checking", nodes=reading.budget.nodes, links=reading.budget.links))
        return _combine(documents, reading.limits)


def loads_roadmap(
    text: str, *, path: str = "<string>", limits: Limits | None = None, progress: Callable[[Message], None] | None = None
) -> Roadmap:
    """Load a roadmap from YAML (or JSON) text; ``path`` names it in messages.

    ``limits`` and ``progress`` are those of :func:`load_roadmap` (the ``file_bytes`` limit
    counts the text's UTF-8 bytes).
    """
    reading = _Reading(limits or Limits.from_environment(), progress or _silent)
    with paused_gc():
        limit = reading.limits.file_bytes
        if len(text) > limit or (len(text) * 4 > limit and len(text.encode("utf-8", "surrogatepass")) > limit):
            return _combine([(Parsed(path, problems=[Problem(Location(path), breach("file_bytes", reading.limits))]), None)], reading.limits)
        return _combine([_read_text(path, text, reading)], reading.limits)


def _silent(message: Message) -> None:
    """The progress of a load nobody watches."""


@dataclass
class _Reading:
    """What every file of one load shares: the limits, what the files used of them, and
    where progress goes."""

    limits: Limits
    say: Callable[[Message], None]
    budget: Budget = dataclass_field(init=False)

    def __post_init__(self) -> None:
        self.budget = Budget(self.limits)


def _size(count: int) -> Verbatim:
    return verbatim(f"{count / 1e6:.1f} MB" if count >= 100_000 else f"{count / 1e3:.1f} KB")


def _read_file(path: str, reading: _Reading) -> tuple[Parsed, _Doc | None]:
    try:
        size = os.stat(path).st_size
    except OSError:
        size = 0
    reading.say(Message("load.progress.reading", path=verbatim(path), size=_size(size)))
    raw, problems = read_file(path, reading.limits)
    if raw is None:
        return Parsed(path, problems=problems), None
    protect_file(path)
    text, problems = decode(path, raw)
    del raw
    if text is None:
        return Parsed(path, problems=problems), None
    return _read_text(path, text, reading)


def _read_bytes(name: str, raw: bytes, reading: _Reading) -> tuple[Parsed, _Doc | None]:
    reading.say(Message("load.progress.reading", path=verbatim(name), size=_size(len(raw))))
    if len(raw) > reading.limits.file_bytes:
        return Parsed(name, problems=[Problem(Location(name), breach("file_bytes", reading.limits))]), None
    text, problems = decode(name, raw)
    if text is None:
        return Parsed(name, problems=problems), None
    return _read_text(name, text, reading)


def _read_text(path: str, text: str, reading: _Reading) -> tuple[Parsed, _Doc | None]:
    """Parse and validate one file: the document (partial when it has schema problems), or
    ``None`` when nothing can be read from it (syntax, encoding, limits, not a roadmap)."""
    reading.say(Message("load.progress.parsing", path=verbatim(path), size=_size(len(text))))
    if path.lower().endswith(".json"):
        data = parse_json_fast(path, text, reading.limits)
        if isinstance(data, dict) and _is_schema_version(data.get("schema_version")):
            parsed = Parsed(path, data=data)
            beyond = reading.budget.take(data)
            if beyond is not None:
                parsed.problems.append(Problem(parsed.locate(beyond[0]), beyond[1]))
                return parsed, None
            nodes = data.get("nodes")
            reading.say(Message("load.progress.validating", path=verbatim(path), nodes=len(nodes) if isinstance(nodes, list) else 0))
            try:
                return parsed, _Doc(parsed, Roadmap.model_validate(data), text=text)
            except ValidationError:
                reading.budget.give_back()
                # re-read below, with positions, to say where
    parsed = parse_text(path, text, reading.limits)
    if parsed.data is None:
        return parsed, None
    data = parsed.data
    if not isinstance(data, dict):
        parsed.problems.append(Problem(parsed.locate(()), Message("load.not_mapping", what=describe_type(data))))
        return parsed, None
    beyond = reading.budget.take(data)
    if beyond is not None:
        parsed.problems.append(Problem(parsed.locate(beyond[0]), beyond[1]))
        return parsed, None
    version = data.get("schema_version")
    if "schema_version" in data and not _is_schema_version(version):
        message = Message("load.schema_version", version=verbatim(repr(version)), expected=SCHEMA_VERSION)
        parsed.problems.append(Problem(parsed.locate(("schema_version",)), message))
        return parsed, None
    nodes = data.get("nodes")
    reading.say(Message("load.progress.validating", path=verbatim(path), nodes=len(nodes) if isinstance(nodes, list) else 0))
    try:
        roadmap = Roadmap.model_validate(data)
    except ValidationError as err:
        parsed.problems += _translate(parsed, err, skip=_refused_parts(parsed))
        return parsed, _partial(parsed, data)
    if parsed.problems:  # duplicate keys: the data is not all the author wrote
        return parsed, _partial(parsed, data)
    return parsed, _Doc(parsed, roadmap)


def _is_schema_version(value: Any) -> bool:
    """True for the integer 1 only: ``True == 1.0 == 1`` in Python, but not in a file."""
    return type(value) is int and value == SCHEMA_VERSION


def _refused_parts(parsed: Parsed) -> set[PathKey]:
    """The values the parser refused (and read as empty) and the parts that hold them: their
    schema errors ("must be text", "a target needs a value") would only repeat the problem."""
    return {path[:i] for path in parsed.refused for i in range(1, len(path) + 1)}


def _partial(parsed: Parsed, data: dict[str, Any]) -> _Doc:
    """The valid parts of a file with schema problems (see :class:`_Doc`)."""

    def valid(items: Any, model: type[BaseModel]) -> tuple[list[Any], list[int], set[str]]:
        kept, index, ids = [], [], set()
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                ids.add(item["id"])
            try:
                kept.append(model.model_validate(item))
                index.append(i)
                continue
            except ValidationError as err:
                broken = {e["loc"][0] for e in err.errors() if e["loc"]}
            # Keep what is sound: without its broken optional keys (a bad target, say), the
            # item's links can still be checked in this same run.
            required = {name for name, f in model.model_fields.items() if f.is_required()}
            if isinstance(item, dict) and not broken & required:
                try:
                    kept.append(model.model_validate({k: v for k, v in item.items() if k not in broken}))
                    index.append(i)
                except ValidationError:
                    pass
        return kept, index, ids

    header: dict[str, Any] = data["roadmap"] if isinstance(data.get("roadmap"), dict) else {}
    sources, source_index, source_ids = valid(header.get("sources"), Source)
    try:
        info = RoadmapInfo.model_validate({**header, "sources": sources})
    except ValidationError:
        info = RoadmapInfo(id=parsed.path, title=parsed.path, sources=tuple(sources))
    fields, field_index, field_ids = valid(data.get("fields"), FieldInfo)
    nodes, node_index, node_ids = valid(data.get("nodes"), Node)
    roadmap = Roadmap.model_construct(
        schema_version=SCHEMA_VERSION, roadmap=info, fields=tuple(fields), nodes=tuple(nodes)
    )
    return _Doc(
        parsed,
        roadmap,
        index={"nodes": node_index, "fields": field_index, "sources": source_index},
        known={"nodes": node_ids, "fields": field_ids, "sources": source_ids},
    )


def _combine(documents: list[tuple[Parsed, _Doc | None]], limits: Limits) -> Roadmap:
    problems = [p for parsed, _ in documents for p in parsed.problems]
    if any(doc is None for _, doc in documents):
        # A file that could not be read at all: its ids are unknown, so checking the
        # references of the others would only add false alarms.
        raise RoadmapLoadError(_in_order(problems, documents))
    docs = [doc for _, doc in documents if doc is not None]
    merged, origins, found = _check(docs)
    if found and any(doc.text is not None for doc in docs):
        # JSON read on the fast path has no positions: read it again with them, so that
        # its problems say line:col as YAML's do (the data is the same, so are the problems).
        docs = [_with_positions(doc, limits) for doc in docs]
        documents = [(doc.parsed, doc) for doc in docs]
        problems = [p for doc in docs for p in doc.parsed.problems]
        merged, origins, found = _check(docs)
    problems += found
    if problems:
        raise RoadmapLoadError(_in_order(problems, documents))
    merged._node_locations = _item_locations("nodes", merged.nodes, origins, docs)
    merged._field_locations = _item_locations("fields", merged.fields, origins, docs)
    merged._checked = True
    return merged


def _check(docs: list[_Doc]) -> tuple[Roadmap, Origins, list[Problem]]:
    """Merge ``docs`` and check the result: the merged roadmap, where its parts came from,
    and every merge, reference, layer and cycle problem, located in the files."""
    merged, origins, problems = _merge(docs)
    known: dict[str, set[str]] = {}
    for doc in docs:
        for part, ids in doc.known.items():
            known.setdefault(part, set()).update(ids)
    for path, message in find_problems(merged, known=known):
        problems.append(Problem(_locate_merged(path, origins, docs), message))
    return merged, origins, problems


def _with_positions(doc: _Doc, limits: Limits) -> _Doc:
    """``doc`` again, its file read with positions when it was read on the fast path.

    Should the positional reader see the text otherwise (it never should: JSON is YAML),
    the document stays as it was, its problems located at the file.
    """
    if doc.text is None:
        return doc
    parsed = parse_text(doc.parsed.path, doc.text, limits)
    if parsed.data != doc.parsed.data:
        return _Doc(doc.parsed, doc.roadmap, doc.index, doc.known)
    return _Doc(parsed, doc.roadmap, doc.index, doc.known)


def _item_locations(
    part: str, items: Sequence[Node | FieldInfo], origins: Origins, docs: list[_Doc]
) -> dict[str, Location]:
    """Where each of ``items``, the merged roadmap's ``part`` (nodes or fields), was defined.

    A file read without positions (valid JSON) is one location for all its items.
    """
    whole_file = [None if doc.parsed.values else Location(doc.parsed.path) for doc in docs]
    if len(docs) == 1 and whole_file[0] is not None:
        return dict.fromkeys([item.id for item in items], whole_file[0])
    return {
        item.id: whole_file[d] or docs[d].locate((part, i)) for item, (d, i) in zip(items, origins[part])
    }


def _in_order(problems: list[Problem], documents: list[tuple[Parsed, _Doc | None]]) -> list[Problem]:
    rank = {parsed.path: i for i, (parsed, _) in enumerate(documents)}

    def key(p: Problem) -> tuple[int, int, int]:
        loc = p.location
        if loc is None:
            return (len(rank), 0, 0)
        return (rank.get(loc.path, len(rank)), loc.line or 0, loc.column or 0)

    return sorted(dict.fromkeys(problems), key=key)


Origins = dict[str, list[tuple[int, int]]]  # part ("nodes", "fields") -> (document, index)


def _locate_merged(path: PathKey, origins: Origins, docs: list[_Doc]) -> Location:
    if len(path) >= 2 and path[0] in origins and isinstance(path[1], int):
        doc, index = origins[str(path[0])][path[1]]
        return docs[doc].locate((path[0], index, *path[2:]))
    return docs[0].locate(path)


def _merge(docs: list[_Doc]) -> tuple[Roadmap, Origins, list[Problem]]:
    """Merge several documents; a single document comes back as it is."""
    if len(docs) == 1:
        only = docs[0].roadmap
        single: Origins = {
            "nodes": [(0, i) for i in range(len(only.nodes))],
            "fields": [(0, i) for i in range(len(only.fields))],
        }
        return only, single, _duplicate_problems(docs, single)
    problems: list[Problem] = []
    fields: dict[str, FieldInfo] = {}
    field_origin: dict[str, tuple[int, int]] = {}
    sources: dict[str, Source] = {}
    source_origin: dict[str, tuple[int, int]] = {}
    nodes: list[Node] = []
    origins: Origins = {"nodes": [], "fields": []}
    for d, doc in enumerate(docs):
        roadmap = doc.roadmap
        for i, field in enumerate(roadmap.fields):
            if field.id not in fields:
                fields[field.id] = field
                field_origin[field.id] = (d, i)
                continue
            joined, conflicts = _merge_models(fields[field.id], field)
            fields[field.id] = joined
            first = _where(docs, "fields", field_origin[field.id])
            for key in conflicts:
                message = Message("load.field_conflict", field=verbatim(field.id), key=verbatim(key), first=verbatim(first))
                problems.append(Problem(doc.locate(("fields", i, key)), message))
        for i, source in enumerate(roadmap.roadmap.sources):
            # (an id twice in one file is reported by _duplicate_problems)
            if source.id in sources and sources[source.id] != source and source_origin[source.id][0] != d:
                first = _where(docs, ("roadmap", "sources"), source_origin[source.id])
                message = Message("load.source_conflict", source=verbatim(source.id), first=verbatim(first))
                problems.append(Problem(doc.locate(("roadmap", "sources", i)), message))
            sources.setdefault(source.id, source)
            source_origin.setdefault(source.id, (d, i))
        for i, node in enumerate(roadmap.nodes):
            nodes.append(node)
            origins["nodes"].append((d, i))
    origins["fields"] = [field_origin[f] for f in fields]
    header, header_problems = _merge_headers(docs, tuple(sources.values()))
    problems += header_problems
    merged = Roadmap(
        schema_version=SCHEMA_VERSION,
        roadmap=header,
        fields=tuple(fields.values()),
        nodes=tuple(nodes),
    )
    problems += _duplicate_problems(docs, origins)
    return merged, origins, problems


def _where(docs: list[_Doc], part: str | tuple[str, ...], origin: tuple[int, int]) -> Location:
    doc, index = origin
    prefix = (part,) if isinstance(part, str) else part
    return docs[doc].locate((*prefix, index))


def _duplicate_problems(docs: list[_Doc], origins: Origins) -> list[Problem]:
    """An id defined twice: a node anywhere, a field or a source within one file (the same
    field or source in several files merges, see :func:`_merge`)."""
    problems: list[Problem] = []
    for doc in docs:
        first_source: dict[str, int] = {}
        for i, source in enumerate(doc.roadmap.roadmap.sources):
            if source.id in first_source:
                where = doc.locate(("roadmap", "sources", first_source[source.id]))
                message = Message("load.duplicate_source_in_file", id=verbatim(source.id), first=verbatim(where))
                problems.append(Problem(doc.locate(("roadmap", "sources", i, "id")), message))
            first_source.setdefault(source.id, i)
    for part in ("nodes", "fields"):
        if part == "fields" and len(docs) > 1:
            continue  # fields of several files merge by id; within one file see below
        ids = [item.id for doc in docs for item in getattr(doc.roadmap, part)]
        if len(set(ids)) == len(ids):
            continue  # no id twice
        first: dict[str, tuple[int, int]] = {}
        for d, doc in enumerate(docs):
            for i, item in enumerate(getattr(doc.roadmap, part)):
                if item.id in first:
                    where = _where(docs, part, first[item.id])
                    what = Message("load.what_node" if part == "nodes" else "load.what_field")
                    message = Message("load.duplicate_id", what=what, id=verbatim(item.id), first=verbatim(where))
                    problems.append(Problem(doc.locate((part, i, "id")), message))
                else:
                    first[item.id] = (d, i)
    if len(docs) > 1:  # a field id twice inside one file is still a mistake
        for doc in docs:
            seen: dict[str, int] = {}
            for i, field in enumerate(doc.roadmap.fields):
                if field.id in seen:
                    where = doc.locate(("fields", seen[field.id]))
                    message = Message("load.duplicate_field_in_file", id=verbatim(field.id), first=verbatim(where))
                    problems.append(Problem(doc.locate(("fields", i, "id")), message))
                seen.setdefault(field.id, i)
    return problems


def _merge_models(first: FieldInfo, second: FieldInfo) -> tuple[FieldInfo, list[str]]:
    """Fill what ``first`` lacks from ``second``, join lists; name the keys where both differ."""
    values = dict(first)
    conflicts = []
    for key, value in second:
        if isinstance(value, tuple):
            values[key] = tuple(dict.fromkeys([*values[key], *value]))
        elif values[key] is None:
            values[key] = value
        elif value is not None and value != values[key]:
            conflicts.append(key)
    return FieldInfo(**values), conflicts


#: The roadmap's metadata, one value for all the files loaded together.
_HEADER_KEYS = tuple(key for key in RoadmapInfo.model_fields if key != "sources")


def _merge_headers(docs: list[_Doc], sources: tuple[Source, ...]) -> tuple[RoadmapInfo, list[Problem]]:
    """One header for several files: a key is the value the files give it.

    A file may leave an optional key out (another file gives it); two files that give a key
    different values are an error naming both places, never a silent choice or a blank.
    """
    values: dict[str, Any] = {}
    first: dict[str, int] = {}
    problems: list[Problem] = []
    for d, doc in enumerate(docs):
        header = doc.roadmap.roadmap
        for key in _HEADER_KEYS:
            value = getattr(header, key)
            if value is None or value == ():
                continue
            if key not in values:
                values[key], first[key] = value, d
            elif value != values[key]:
                message = Message(
                    "load.header_conflict",
                    key=verbatim(key),
                    value=verbatim(value),
                    other=verbatim(values[key]),
                    first=verbatim(docs[first[key]].locate(("roadmap", key))),
                )
                problems.append(Problem(doc.locate(("roadmap", key)), message))
    return RoadmapInfo(**values, sources=sources), problems


# --- pydantic errors as messages a person can act on ------------------------------------

_ITEM_MODEL: dict[str, type[BaseModel]] = {
    "nodes": Node,
    "fields": FieldInfo,
    "requires": Link,
    "any_of": Link,
    "supported_by": Link,
    "targets": Target,
    "sources": SourceRef,
    "ignore": Silence,
}


def _model_at(loc: PathKey) -> type[BaseModel] | None:
    """The model that validates the mapping at ``loc`` (``None`` for a scalar)."""
    names = [p for p in loc if isinstance(p, str)]
    if not names:
        return Roadmap
    if names == ["roadmap"] and not isinstance(loc[-1], int):
        return RoadmapInfo
    if names == ["roadmap", "sources"] and isinstance(loc[-1], int):
        return Source
    if isinstance(loc[-1], int):
        return _ITEM_MODEL.get(names[-1])
    return None


def _translate(parsed: Parsed, err: ValidationError, skip: Set[PathKey] = frozenset()) -> list[Problem]:
    return translate_errors(
        err.errors(include_url=False),
        locate=lambda loc, key: parsed.locate(loc, key=key),
        describe=lambda loc: _describe_loc(parsed, loc),
        model_at=_model_at,
        skip=skip,
    )


def translate_errors(
    errors: Iterable[ErrorDetails],
    *,
    locate: Callable[[PathKey, bool], Location],
    describe: Callable[[PathKey], str],
    model_at: Callable[[PathKey], type[BaseModel] | None],
    skip: Set[PathKey] = frozenset(),
    word_value: Callable[[str, Any, PathKey, Verbatim], Message] | None = None,
) -> list[Problem]:
    """Pydantic's ``errors`` (``ValidationError.errors()``) as located problems a person
    can act on, for any file format.

    ``locate(loc, key)`` is where the value at ``loc`` was written (``key=True``: the key
    naming it), ``describe(loc)`` how a person finds it, ``model_at(loc)`` the model that
    validates the mapping at ``loc`` (its keys are the allowed ones); ``word_value``
    words a wrong value (by default :func:`value_message`). The roadmap loader and the
    portfolio loader (:mod:`.portfolio_loading`) share it.
    """
    word_value = word_value or value_message
    problems = []
    for error in errors:
        loc: PathKey = tuple(error["loc"])
        kind = error["type"]
        if loc in skip and kind not in ("missing", "extra_forbidden"):
            continue
        what = verbatim(describe(loc))
        message: Message
        if kind == "missing":
            parent = describe(loc[:-1])
            message = Message("load.missing_key", key=verbatim(loc[-1]), parent=verbatim(parent) if parent else Message("load.the_file"))
            where = locate(loc[:-1], False)
        elif kind == "extra_forbidden":
            model = model_at(loc[:-1])
            allowed = list(model.model_fields) if model else []
            parent = describe(loc[:-1])
            message = Message(
                "load.unknown_key",
                key=verbatim(loc[-1]),
                parent=verbatim(parent) if parent else Message("load.the_file"),
                hint=did_you_mean(str(loc[-1]), allowed),
                allowed=verbatim(", ".join(allowed)),
            )
            where = locate(loc, True)
        else:
            message = word_value(kind, error, loc, what)
            where = locate(loc, False)
        problems.append(Problem(where, message))
    return problems


def value_message(kind: str, error: Any, loc: PathKey, what: Verbatim) -> Message:
    """The message for a value pydantic refused (``kind`` is its error type) at ``loc``."""
    got = verbatim(repr(error.get("input")))
    ctx = error.get("ctx") or {}
    if kind == "literal_error":
        return Message("load.one_of", what=what, expected=verbatim(ctx.get("expected")), got=got)
    if kind == "string_pattern_mismatch":
        return Message("load.bad_id", what=what, got=got)
    if kind in ("target_needs_value", "target_milestone_value", "source_file_path"):
        return Message(f"load.{kind}")
    if kind in ("target_bound_needs_value", "target_bound_conflict"):
        return Message(f"load.{kind}", bound=verbatim(ctx.get("bound")), comparator=verbatim(ctx.get("comparator")))
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        model = _model_at(loc)
        keys = verbatim(", ".join(model.model_fields) if model else "")
        shape = "load.link_shape" if model is Link else "load.mapping_shape"
        return Message(shape, what=what, keys=keys, got=describe_type(error.get("input")))
    if kind in ("tuple_type", "list_type"):
        return Message("load.list_shape", what=what, got=describe_type(error.get("input")))
    if kind == "string_too_short":
        return Message("load.empty_text", what=what)
    if kind == "string_too_long":
        return Message("load.too_long", what=what, limit=ctx.get("max_length"))
    if kind in ("greater_than_equal", "less_than_equal"):
        return Message("load.year_range", what=what, low=1900, high=2200, got=got)
    if kind in ("int_type", "int_from_float", "int_parsing"):
        return Message("load.whole_number", what=what, got=got)
    if kind in ("float_type", "float_parsing"):
        return Message("load.number", what=what, got=got)
    if kind == "string_type":
        return Message("load.text", what=what, got=got)
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type"):
        return Message("load.date", what=what, got=got)
    return Message("load.other", what=what, detail=verbatim(error["msg"]), got=got)


def _describe_loc(parsed: Parsed, loc: PathKey) -> str:
    """``nodes[3] (ai_x).targets[0].value``: a path a person can find in the file."""
    text = ""
    for i, part in enumerate(loc):
        if isinstance(part, int):
            text += f"[{part}]"
            if i == 1 and loc[0] == "nodes":
                node = _get(parsed.data, loc[:2])
                if isinstance(node, dict) and isinstance(node.get("id"), str):
                    text += f" ({node['id']})"
        else:
            text += f".{part}" if text else part
    return text


def _get(data: Any, loc: PathKey) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def describe_type(value: Any) -> Message:
    """What ``value`` is, in words: a mapping, a list, empty, a number, a text."""
    if isinstance(value, dict):
        return Message("type.mapping")
    if isinstance(value, list):
        return Message("type.list")
    if value is None:
        return Message("type.empty")
    if isinstance(value, bool):
        return Message("type.boolean", value=verbatim(value))
    if isinstance(value, (int, float)):
        return Message("type.number", value=verbatim(value))
    return Message("type.text", value=verbatim(repr(value)))
