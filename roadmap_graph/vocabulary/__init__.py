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
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ..errors import InvalidOptionError
from .catalogue import CATALOGUE

__all__ = [
    "DEFAULT_LANG",
    "LANGS",
    "UNITS",
    "Joined",
    "Lang",
    "Listing",
    "Localized",
    "Message",
    "Suggester",
    "Verbatim",
    "check_choice",
    "check_lang",
    "did_you_mean",
    "excerpt",
    "field_name",
    "format_bound",
    "format_quantity",
    "format_target",
    "joined",
    "listing",
    "localized",
    "node_name",
    "target_bound",
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
    raise InvalidOptionError(Message("error.lang", lang=verbatim(str(lang)), langs=listing(LANGS)))


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
            choices=listing(options),
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
    if isinstance(value, (Message, Verbatim, Localized, Joined, Listing)):
        return value.text(lang)
    return value


#: The longest verbatim value a message quotes whole. A longer one (a five-million-character
#: id, a pasted document) is quoted as an excerpt: its first :data:`EXCERPT_HEAD` and last
#: :data:`EXCERPT_TAIL` characters with its length between, so no message grows with its input.
EXCERPT_LIMIT = 200
EXCERPT_HEAD = 120
EXCERPT_TAIL = 40


@dataclass(frozen=True)
class Verbatim:
    """Text that reads the same in every language: an id, a path, a name the user wrote, or
    a message from another library.

    ``value`` keeps the whole text; :meth:`text` (what a message shows) quotes at most
    :data:`EXCERPT_LIMIT` characters of it (see :func:`excerpt`).
    """

    value: str

    def text(self, lang: str) -> str:
        """The text (an excerpt when it is long), whatever ``lang`` is but for the excerpt's
        note of the length."""
        return excerpt(self.value, lang)

    def __str__(self) -> str:
        return self.text(DEFAULT_LANG)


def verbatim(value: object) -> Verbatim:
    """``value`` as text that is not translated (quoted as an excerpt when it is long)."""
    return Verbatim(str(value))


def excerpt(value: str, lang: str) -> str:
    """``value`` whole when it has at most :data:`EXCERPT_LIMIT` characters, else its head and
    tail with its length between (``abc…[5,000,000 characters]…xyz``)."""
    if len(value) <= EXCERPT_LIMIT:
        return value
    return text("word.excerpt", lang, head=value[:EXCERPT_HEAD], length=len(value), tail=value[-EXCERPT_TAIL:])


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


#: The most items a :func:`listing` names; the rest are counted.
LISTING_LIMIT = 30


@dataclass(frozen=True)
class Listing:
    """Ids or keys named in a message (``fields: ai, bio``): at most :data:`LISTING_LIMIT` of
    them, each quoted as :class:`Verbatim` (so bounded), then how many more there are."""

    items: tuple[str, ...]

    def text(self, lang: str) -> str:
        """The first items, joined by commas, and a count of the rest."""
        shown = ", ".join(excerpt(item, lang) for item in self.items[:LISTING_LIMIT])
        rest = len(self.items) - LISTING_LIMIT
        return text("word.and_more", lang, shown=shown, rest=rest) if rest > 0 else shown


def listing(items: Iterable[str]) -> Listing:
    """``items`` to be named in a message, bounded however many there are (see :class:`Listing`).

    Build it once and pass the same object to every message that names the same items: a
    thousand problems then share one listing instead of a thousand copies of it.
    """
    return Listing(tuple(items))


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

    For one word. Code that asks for many words against the same choices (every dangling
    link of a roadmap) builds one :class:`Suggester` and asks it.

    >>> did_you_mean("ai_efficent_learning", ["ai_efficient_learning", "bio_vaccine"]).text("en")
    " (did you mean 'ai_efficient_learning'?)"
    >>> did_you_mean("zzz", ["bio_vaccine"]).text("en")
    ''
    """
    return Suggester(choices).hint(word)


class Suggester:
    """Finds the choices closest to a misspelt word, fast however many choices there are.

    Comparing a word with every choice (``difflib.get_close_matches``) costs a sequence
    match per choice: for ten thousand dangling links among ten thousand ids that is a
    hundred million matches. Instead the choices are indexed by their character trigrams
    (with the word's ends marked, so ``ab`` has ``^ab`` and ``ab$``). Up to :attr:`SMALL`
    choices (a roadmap's fields, a model's keys) are simply all compared; else a word is compared
    only with the :attr:`SHORTLIST` choices that share the most trigrams with it, reading
    the rarest trigrams' lists first and at most :attr:`BUDGET` list entries in all (a
    trigram that hundreds of choices share says little about which one was meant). So a
    word costs at most :attr:`SMALL` sequence matches, however many choices there are, and
    each word's answer is kept for the next time it is asked.

    A choice is suggested when difflib's ratio with the word is at least 0.6 (as
    ``get_close_matches``) or it is one edit (insertion, deletion, substitution) away from
    a word of three characters or more. At most :attr:`MOST` are named: those one edit away
    when there are any, else those within 0.1 of the best ratio.
    """

    SHORTLIST = 6
    SMALL = 30
    BUDGET = 500
    MOST = 3
    CUTOFF = 0.6
    MARGIN = 0.1

    def __init__(self, choices: Iterable[str]) -> None:
        self.choices: list[str] = list(dict.fromkeys(choices))
        self._postings: dict[str, list[int]] = {}
        self._sizes: list[int] = []
        for i, choice in enumerate(self.choices):
            grams = _trigrams(choice)
            self._sizes.append(len(grams))
            for gram in grams:
                self._postings.setdefault(gram, []).append(i)
        self._longest = max(map(len, self.choices), default=0)
        self._answers: dict[str, tuple[str, ...]] = {}

    def hint(self, word: str, *, besides: str | None = None) -> Message | Verbatim:
        """`` (did you mean 'x'?)`` (or ``'x', 'y' or 'z'``) for the closest choices but
        ``besides``, or nothing."""
        close = [c for c in self.closest(word) if c != besides]
        if not close:
            return Verbatim("")
        if len(close) == 1:
            return Message("hint.did_you_mean", choice=verbatim(close[0]))
        first = joined([verbatim(c) for c in close[:-1]], "', '")
        return Message("hint.did_you_mean_several", choices=first, last=verbatim(close[-1]))

    def closest(self, word: str) -> tuple[str, ...]:
        """The choices to suggest for ``word``, closest first (see the class)."""
        answer = self._answers.get(word)
        if answer is None:
            answer = self._answers[word] = self._find(word)
        return answer

    def _find(self, word: str) -> tuple[str, ...]:
        # No choice reaches the cutoff ratio with a word more than 7/3 times its length.
        if not self.choices or 3 * len(word) > 7 * self._longest:
            return ()
        if len(self.choices) <= self.SMALL:
            return self._best(word, range(len(self.choices)))
        grams = _trigrams(word)
        postings = sorted((self._postings.get(g, ()) for g in grams), key=len)
        shared: Counter[int] = Counter()
        spent = 0
        for posting in postings:
            if spent + len(posting) > self.BUDGET:
                break  # the rest are commoner still: they tell little and cost much
            spent += len(posting)
            shared.update(posting)
        if not shared:
            return ()
        size, sizes = len(grams), self._sizes
        # Ranked by Dice (shared trigrams over all trigrams of both), so that a longer choice
        # does not win just by containing the word; those sharing under half the best count
        # are left out unsorted.
        least = (max(shared.values()) + 1) // 2
        ranked = sorted(
            ((i, n) for i, n in shared.items() if n >= least), key=lambda item: (-item[1] / (size + sizes[item[0]]), item[0])
        )
        return self._best(word, [i for i, _ in ranked[: self.SHORTLIST]])

    def _best(self, word: str, shortlist: Iterable[int]) -> tuple[str, ...]:
        """The choices of ``shortlist`` (positions) to suggest for ``word``, best first."""
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(word)
        scored = []
        for i in shortlist:
            choice = self.choices[i]
            near = len(word) >= 3 and _one_edit(word, choice)
            matcher.set_seq1(choice)
            if not near and (matcher.real_quick_ratio() < self.CUTOFF or matcher.quick_ratio() < self.CUTOFF):
                continue
            ratio = matcher.ratio()
            if near or ratio >= self.CUTOFF:
                scored.append((not near, -ratio, choice))
        scored.sort()
        if not scored:
            return ()
        if not scored[0][0]:  # choices one edit away: only they
            return tuple(c for far, _, c in scored[: self.MOST] if not far)
        best = -scored[0][1]
        return tuple(c for _, r, c in scored[: self.MOST] if -r >= best - self.MARGIN)


def _trigrams(word: str) -> set[str]:
    marked = f"^{word}$"
    return {marked[i : i + 3] for i in range(len(marked) - 2)}


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one insertion, deletion or substitution."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    prefix = 0
    for x, y in zip(a, b):
        if x != y:
            break
        prefix += 1
    # after the common prefix, what is left of each must agree but for its first character
    # (substitution) or one of them must lose its first character (insertion, deletion)
    rest_a, rest_b = a[prefix:], b[prefix:]
    return rest_a[1:] == rest_b[1:] if len(a) == len(b) else rest_a[1:] == rest_b or rest_a == rest_b[1:]


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


#: The bound each comparator of older files means (``fileformat.model.COMPARATOR_BOUND``).
_COMPARATOR_BOUND = {">=": "at_least", "<=": "up_to", "==": "exactly"}

#: Units with words in both languages: the unit as written in a roadmap file → its catalogue
#: key (``unit.<key>``, with ``unit.<key>_one`` for one of it in English). A unit that is a
#: symbol (``%``, ``×``) or Hangul sticks to its number; any other unit follows a space.
UNITS: dict[str, str] = {
    "%": "percent",
    "배": "times",
    "명": "people",
    "건": "cases",
    "개": "items",
    "종": "kinds",
    "곳": "sites",
    "개소": "sites",
    "회": "times_count",
    "년": "years",
    "개월": "months",
    "원": "won",
}


def target_bound(target: Mapping[str, Any]) -> str:
    """What kind of bound a target is (``at_least``, ``up_to``, ``exactly`` or ``milestone``),
    from its ``bound``, or else its older ``comparator``; a target with no value is a
    milestone."""
    if target.get("value") is None:
        return "milestone"
    return str(target.get("bound") or _COMPARATOR_BOUND[target.get("comparator") or ">="])


def _attached(unit: str) -> bool:
    """True when the unit is written against its number (50%, 10배, 10×), not after a space."""
    return all(not ch.isascii() or not ch.isalnum() for ch in unit) and " " not in unit


def format_quantity(value: float, unit: str | None, lang: str, *, unit_en: str | None = None) -> str:
    """A number with its unit as a person writes it: ``1,000,000명``, ``1,000,000 people``,
    ``10배``, ``10×``, ``50%``, ``350 Wh/kg``."""
    number = f"{int(value):,}" if float(value).is_integer() else f"{value:,g}"
    if not unit:
        return number
    word = unit
    key = UNITS.get(unit.strip())
    if check_lang(lang) == "en":
        if unit_en:
            word = unit_en
        elif key is not None:
            word = text(f"unit.{key}_one" if value == 1 and f"unit.{key}_one" in CATALOGUE else f"unit.{key}", "en")
    return f"{number}{word}" if _attached(word) else f"{number} {word}"


def format_bound(target: Mapping[str, Any], lang: str) -> str:
    """A target's number with its bound, e.g. ``최대 10배``, ``up to 10×``, ``50% 이상``,
    ``at least 1,000,000 people``; empty for a milestone (no number)."""
    bound = target_bound(target)
    if bound == "milestone":
        return ""
    quantity = format_quantity(target["value"], target.get("unit"), lang, unit_en=target.get("unit_en"))
    return text(f"bound.{bound}", lang, quantity=verbatim(quantity))


def format_target(target: Mapping[str, Any], lang: str) -> str:
    """A target as one readable phrase, e.g. ``탐지율: 90% 이상 (기한 2030)``,
    ``Gain in efficiency: up to 10× (by 2030)``; a milestone is its metric and its year."""
    metric = target.get("metric_en") if check_lang(lang) == "en" and target.get("metric_en") else target["metric"]
    bound = format_bound(target, lang)
    parts = [f"{metric}: {bound}" if bound else str(metric)]
    if target.get("by") is not None:
        parts.append(text("word.by_year", lang, year=target["by"]))
    return " ".join(parts)
