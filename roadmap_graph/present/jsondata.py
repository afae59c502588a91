"""JSON text: the one way the package writes JSON (exports, the explorer's data, ``--format json``).

Every JSON the package writes goes through :func:`json_text`, which keeps Korean as Korean,
writes dates as ISO text and sets as lists, and **never writes NaN or Infinity**. Python's
``json`` module would write them as the bare words ``NaN`` and ``Infinity``, which are not
JSON: ``JSON.parse`` rejects the whole document (the explorer stayed blank) and so do most
other readers. A roadmap file cannot hold them (the loader refuses them), but a graph built
in code can. Writing ``null`` instead would turn "not a number" into "no value", so the
choice here is to refuse: :class:`~roadmap_graph.errors.OutputValueError` names where the
number is (``nodes[id=ai_m].targets[0].value``) and nothing is written.

>>> json_text({"이름": "가", "when": __import__("datetime").date(2030, 1, 1)})
'{"이름": "가", "when": "2030-01-01"}'
>>> json_text({"nodes": [{"id": "m", "value": float("nan")}]})
Traceback (most recent call last):
...
roadmap_graph.errors.OutputValueError: nodes[id=m].value에 NaN이(가) 있다: JSON에는 NaN과 무한대를 쓸 수 없다; 유한한 수로 고치거나 값을 뺀다
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from ..errors import OutputValueError
from ..vocabulary import Message, verbatim

__all__ = ["excerpt", "json_text", "non_finite"]

#: How much of an id or key a message quotes.
_EXCERPT = 40


def json_text(
    value: Any, *, indent: int | None = None, where: str = "", default: Callable[[Any], Any] | None = None
) -> str:
    """``value`` as JSON text: Korean kept, dates as ISO text, sets and tuples as lists.

    ``default`` turns a value JSON has no type for into one (by default such a value is a
    ``TypeError``); ``where`` is put before the place a message names (the node or edge
    the value belongs to).

    Raises
    ------
    OutputValueError
        When ``value`` holds a NaN or an infinite number.
    """
    try:
        return json.dumps(value, ensure_ascii=False, indent=indent, allow_nan=False, default=default or _default)
    except ValueError as err:
        found = non_finite(value)
        if found is None:  # a circular reference: a bug, not the data
            raise
        place, number = found
        if where and place:
            place = where + place if place.startswith("[") else f"{where}.{place}"
        place = place or where or "$"
        message = Message("output.not_finite", where=verbatim(place), value=verbatim(_word(number)))
        raise OutputValueError(place, message) from err


def non_finite(value: Any) -> tuple[str, float] | None:
    """Where the first NaN or infinite number in ``value`` is, and the number, or ``None``.

    The place reads like a path: keys joined with ``.``, list items as ``[3]``, or as
    ``[id=x]`` when the item is a mapping with an ``id`` (a node, a source).
    """
    for place, item in _leaves(value, ""):
        if isinstance(item, float) and not math.isfinite(item):
            return place, item
    return None


def _leaves(value: Any, place: str) -> Iterator[tuple[str, Any]]:
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from _leaves(item, _join(place, excerpt(key)) + _named(item))
    elif isinstance(value, (list, tuple, set, frozenset)):
        for i, item in enumerate(value):
            yield from _leaves(item, place + (_named(item) or f"[{i}]"))
    else:
        yield place, value


def _join(place: str, key: str) -> str:
    return f"{place}.{key}" if place else key


def _named(item: Any) -> str:
    """``[id=x]`` for a mapping with an ``id``, else nothing."""
    if isinstance(item, Mapping) and isinstance(item.get("id"), str):
        return f"[id={excerpt(item['id'])}]"
    return ""


def excerpt(text: Any) -> str:
    """``text`` cut to a length a message can quote (an id may be megabytes long)."""
    text = str(text)
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…"


def _word(number: float) -> str:
    if math.isnan(number):
        return "NaN"
    return "Infinity" if number > 0 else "-Infinity"


def _default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"cannot export a value of type {type(value).__name__}: {value!r}")
