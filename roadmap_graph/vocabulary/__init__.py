"""One vocabulary: every display word, label and message, in Korean and English.

The words live in one catalogue, :data:`~roadmap_graph.vocabulary.catalogue.CATALOGUE`
(key → Korean, English). Everything a person reads goes through one lookup, :func:`text`,
and one language check, :func:`check_lang`, so the command line, the figures, the report,
the explorer and the error messages say the same thing in the same language.

A message that is made now and shown later (an error, a problem in a file) is a
:class:`Message`: the key and its parameters, written out only when the language is known.
A parameter may itself be a message (it is written in the same language) or
:func:`verbatim` text, the same in every language (an id, a path, a name the user wrote).

>>> text("kind.mission", "ko"), text("kind.mission", "en")
('임무', 'mission')
>>> m = Message("error.unknown_node", node="ai_x", hint=did_you_mean("ai_x", ["ai_y"]))
>>> m.text("en")
"no node 'ai_x' in the roadmap (did you mean 'ai_y'?)"
>>> check_lang("jp")
Traceback (most recent call last):
...
roadmap_graph.errors.InvalidOptionError: 언어 'jp'는 없다; 쓸 수 있는 언어: ko, en
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ..errors import InvalidOptionError
from .catalogue import CATALOGUE

__all__ = [
    "DEFAULT_LANG",
    "LANGS",
    "Joined",
    "Lang",
    "Localized",
    "Message",
    "Verbatim",
    "check_choice",
    "check_lang",
    "did_you_mean",
    "field_name",
    "format_target",
    "joined",
    "localized",
    "node_name",
    "template",
    "text",
    "verbatim",
]

Lang = Literal["ko", "en"]
#: The languages of the catalogue, in the order their texts are written.
LANGS: tuple[Lang, ...] = ("ko", "en")
#: The language of ``str(error)`` and of the command line without ``--lang``.
DEFAULT_LANG: Lang = "ko"


def check_lang(lang: object) -> Lang:
    """Return ``lang`` when it is a language of the catalogue; else raise
    :class:`~roadmap_graph.errors.InvalidOptionError` (the one message for a bad language)."""
    for known in LANGS:
        if lang == known:
            return known
    raise InvalidOptionError(Message("error.lang", lang=verbatim(str(lang)), langs=verbatim(", ".join(LANGS))))


def check_choice(value: str, choices: Iterable[str], what: str) -> str:
    """Return ``value`` when it is one of ``choices``; else raise
    :class:`~roadmap_graph.errors.InvalidOptionError` naming ``what`` (a catalogue key, e.g.
    ``"error.what_format"``), the closest choice and all of them."""
    options = list(choices)
    if value in options:
        return value
    raise InvalidOptionError(
        Message(
            "error.unknown_choice",
            what=Message(what),
            value=verbatim(value),
            hint=did_you_mean(str(value), options),
            choices=verbatim(", ".join(options)),
        )
    )


def text(key: str, lang: str, /, **params: Any) -> str:
    """The catalogue's text for ``key`` in ``lang``, with ``params`` filled in.

    A parameter that is a :class:`Message` or :class:`Verbatim` is written in ``lang``;
    any other value is formatted as it is (so ``{n:,}`` works for numbers).

    Raises
    ------
    InvalidOptionError
        When ``lang`` is not ``"ko"`` or ``"en"``.
    LookupError
        When ``key`` is not in the catalogue: a bug in roadmap-graph, not bad input.
    """
    form = template(key, lang)
    if not params:
        return form
    return form.format_map({k: _written(v, lang) for k, v in params.items()})


def template(key: str, lang: str) -> str:
    """The catalogue's text for ``key`` in ``lang`` with its placeholders unfilled, for code
    that fills one template many times (see :func:`text` for the errors)."""
    index = LANGS.index(check_lang(lang))
    try:
        return CATALOGUE[key][index]
    except KeyError:
        raise LookupError(f"no catalogue entry {key!r}") from None


def _written(value: Any, lang: str) -> Any:
    if isinstance(value, (Message, Verbatim, Localized, Joined)):
        return value.text(lang)
    return value


@dataclass(frozen=True)
class Verbatim:
    """Text that reads the same in every language: an id, a path, a name the user wrote, or
    a message from another library."""

    value: str

    def text(self, lang: str) -> str:
        """The text, whatever ``lang`` is."""
        return self.value

    def __str__(self) -> str:
        return self.value


def verbatim(value: object) -> Verbatim:
    """``value`` as text that is not translated."""
    return Verbatim(str(value))


@dataclass(frozen=True)
class Localized:
    """Text the user wrote in Korean and, optionally, in English (a node's ``name`` and
    ``name_en``): English where there is English, else the Korean."""

    ko: str
    en: str | None = None

    def text(self, lang: str) -> str:
        """The English text in English when there is one, else the Korean."""
        return self.en if check_lang(lang) == "en" and self.en else self.ko


def localized(attrs: Mapping[str, Any], key: str = "name") -> Localized:
    """A node's (field's, roadmap's) ``key`` and ``key_en`` as :class:`Localized` text."""
    return Localized(str(attrs.get(key) or attrs.get("id") or ""), attrs.get(f"{key}_en"))


@dataclass(frozen=True)
class Joined:
    """Parts written in the same language and joined, e.g. a list of names."""

    parts: tuple[Any, ...]
    separator: str = ", "

    def text(self, lang: str) -> str:
        """Each part in ``lang``, joined."""
        return self.separator.join(str(_written(p, lang)) for p in self.parts)


def joined(parts: Iterable[Any], separator: str = ", ") -> Joined:
    """``parts`` (messages, names or plain values) to be written joined by ``separator``."""
    return Joined(tuple(parts), separator)


@dataclass(frozen=True, init=False)
class Message:
    """A catalogue key with its parameters, written out in a language only when shown.

    Messages compare and hash by key and parameters, so a list of problems can drop
    repeats. ``str(message)`` is the text in :data:`DEFAULT_LANG`.
    """

    key: str
    params: tuple[tuple[str, Any], ...]

    def __init__(self, key: str, /, **params: Any) -> None:
        if key not in CATALOGUE:
            raise LookupError(f"no catalogue entry {key!r}")
        frozen = tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items())
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "params", frozen)

    def text(self, lang: str) -> str:
        """The message in ``lang``."""
        return text(self.key, lang, **dict(self.params))

    def __str__(self) -> str:
        return self.text(DEFAULT_LANG)


def did_you_mean(word: str, choices: Iterable[str]) -> Message | Verbatim:
    """A hint naming the closest of ``choices`` (`` (did you mean 'x'?)``), or nothing.

    >>> did_you_mean("ai_efficent_learning", ["ai_efficient_learning", "bio_vaccine"]).text("en")
    " (did you mean 'ai_efficient_learning'?)"
    >>> did_you_mean("zzz", ["bio_vaccine"]).text("en")
    ''
    """
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return Message("hint.did_you_mean", choice=verbatim(close[0])) if close else Verbatim("")


def node_name(attrs: Mapping[str, Any], lang: str) -> str:
    """A node's (or field's) name in ``lang``: ``name_en`` in English where there is one,
    else the Korean ``name``."""
    if check_lang(lang) == "en" and attrs.get("name_en"):
        return str(attrs["name_en"])
    return str(attrs.get("name") or attrs.get("id") or "")


def field_name(fields: Mapping[str, Mapping[str, Any]], field: str, lang: str) -> str:
    """The name of ``field`` in ``lang``, from the graph's ``fields`` attribute; the id when
    the field is not declared."""
    info = fields.get(field)
    return node_name(info, lang) if info else field


_COMPARATORS = {">=": "≥", "<=": "≤", "==": "="}


def format_target(target: Mapping[str, Any], lang: str) -> str:
    """A target as one readable phrase, e.g. ``탐지율 ≥ 90 % (기한 2030)``."""
    metric = target.get("metric_en") if check_lang(lang) == "en" and target.get("metric_en") else target["metric"]
    parts = [str(metric)]
    if target.get("value") is not None:
        value = target["value"]
        number = f"{int(value):,}" if float(value).is_integer() else f"{value:g}"
        unit = f" {target['unit']}" if target.get("unit") else ""
        parts.append(f"{_COMPARATORS[target.get('comparator', '>=')]} {number}{unit}")
    if target.get("by") is not None:
        parts.append(text("word.by_year", lang, year=target["by"]))
    return " ".join(parts)
