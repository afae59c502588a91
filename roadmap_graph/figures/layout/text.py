"""Labels: wrapping names into balanced lines (:func:`wrap_label`) and measuring them, by
an estimate that needs no font (:func:`estimate_text_size`) or by matplotlib's renderer
(:func:`matplotlib_measure`)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

#: ``measure(text, fontsize) -> (width, height)`` of a (multi-line) text, in points.
Measure = Callable[[str, float], tuple[float, float]]


def text_units(text: str) -> int:
    """Width units of a line: 2 for a wide (Hangul, CJK, full-width) character, else 1."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


_SOFT_BREAKS = "·/-–"


#: A word without wide characters is cut between letters only beyond this many units.
LATIN_WORD = 16

#: The most lines a node's label takes in a layered figure: a narrower line that would need
#: more is widened (:func:`wrap_lines`). An English name is about twice as many characters as
#: the Korean one, so at the narrow widths a crowded row asks for it would run to 5-7 lines.
LABEL_LINES = 3


def _pieces(word_: str, width: int) -> list[str]:
    """The pieces of one word (no spaces) that lines may break between.

    A word that fits the line (at most ``width`` units) is one piece: a line never breaks
    inside it, not even after its hyphen (``AI-generated``, ``Next-generation``). Only a
    word wider than the line is broken: after each soft break (``·`` ``/`` ``-`` ``–``),
    then a piece still too wide between characters (one with Hangul at ``width``; a Latin
    piece only past ``max(width, LATIN_WORD)``, so that it overflows a little rather than
    loses letters to the next line)."""
    if text_units(word_) <= width:
        return [word_]
    parts: list[str] = []
    current = ""
    for c in word_:
        current += c
        if c in _SOFT_BREAKS:
            parts.append(current)
            current = ""
    if current:
        parts.append(current)
    out: list[str] = []
    for part in parts:
        limit = width if text_units(part) > len(part) else max(width, LATIN_WORD)
        while text_units(part) > limit:
            cut, units = 0, 0
            for k, c in enumerate(part):
                units += text_units(c)
                if units > limit:
                    cut = max(k, 1)
                    break
            out.append(part[:cut])
            part = part[cut:]
        out.append(part)
    return out


Token = tuple[str, bool]  # a piece, and whether a space comes before it


def _tokens(text: str, width: int) -> list[Token]:
    return [(piece, k == 0) for w in text.split() for k, piece in enumerate(_pieces(w, width))]


def _fill(tokens: list[Token], width: int) -> list[str]:
    """Lines of at most ``width`` units, each as full as it can be (greedy: the fewest lines);
    a piece wider than ``width`` gets a line of its own."""
    lines: list[str] = []
    line = ""
    for piece, spaced in tokens:
        candidate = (line + (" " if spaced else "") + piece) if line else piece
        if line and text_units(candidate) > width:
            lines.append(line)
            line = piece
        else:
            line = candidate
    if line or not lines:
        lines.append(line)
    return lines


def wrap_label(text: str, width: int = 30) -> str:
    """Wrap ``text`` into lines of at most ``width`` units (:func:`text_units`), as evenly as
    the same number of lines allows.

    Lines break at spaces. A word breaks only when it is wider than the line: after ``·``
    ``/`` ``-`` ``–``, and between characters when a piece is still too wide
    (:func:`_pieces`). So an English label never splits ``AI-/generated`` or a word in two,
    and a Korean one breaks between syllables only inside a word wider than the line.
    Removing the line breaks gives the text back, with a space where a line broke at one.

    >>> wrap_label("AI 학습의 데이터·컴퓨팅·전력 부담 50% 이상 경량화", 30)
    'AI 학습의 데이터·컴퓨팅·전력\\n부담 50% 이상 경량화'
    >>> wrap_label("Automatic detection of rights infringement by AI-generated content", 24)
    'Automatic detection of\\nrights infringement by\\nAI-generated content'
    >>> wrap_label("Generative AI", 24)
    'Generative AI'
    """
    tokens = _tokens(" ".join(text.split()), width)
    lines = _fill(tokens, width)
    n = len(lines)
    if n > 1:
        # balance: the narrowest line width that needs no more lines (same pieces)
        longest = min(max(text_units(p) for p, _ in tokens), width)
        for narrower in range(longest, width):
            trial = _fill(tokens, narrower)
            if len(trial) == n:
                lines = trial
                break
    return "\n".join(lines)


_NARROW = set(" .,:;'|!iljI()[]fJrt/-·")
_WIDE = set("mwMW%@#&—+=<>^~→≥≤")


def estimate_text_size(text: str, fontsize: float) -> tuple[float, float]:
    """A slightly generous estimate of a text's size in points, for DejaVu Sans with the
    NanumGothic fallback (a Hangul syllable is 0.94 em, a Latin letter about 0.6 em)."""
    lines = text.split("\n")
    widest = 0.0
    for line in lines:
        em = 0.0
        for c in line:
            if unicodedata.east_asian_width(c) in "WF":
                em += 0.96
            elif c in _NARROW:
                em += 0.40
            elif c in _WIDE:
                em += 1.0
            elif c.isupper():
                em += 0.80
            else:
                em += 0.65
        widest = max(widest, em)
    return widest * fontsize * 1.03, (1.25 * len(lines) + 0.2) * fontsize


def wrap_lines(text: str, width: int, max_lines: int) -> str:
    """:func:`wrap_label` at ``width`` units, widened until the text
    takes at most ``max_lines`` lines.

    >>> wrap_lines("Drug-candidate analysis and disease diagnosis with generative AI", 28, 2)
    'Drug-candidate analysis and disease\\ndiagnosis with generative AI'
    """
    text = " ".join(text.split())
    while True:
        wrapped = wrap_label(text, width)
        if wrapped.count("\n") < max_lines or width >= len(text) * 2:
            return wrapped
        width += 2


def matplotlib_measure(dpi: float = 100.0) -> Measure:
    """``measure(text, fontsize) -> (width, height)`` in points, by matplotlib's Agg renderer
    with the current rcParams (call inside :func:`roadmap_graph.figures.style.figure_style`): the larger of the sizes at
    ``dpi`` (the figure's: small text is hinted wider on screen) and at 288 dpi."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.text import Text

    figures = []
    for d in sorted({float(dpi), 288.0}):
        fig = Figure(dpi=d)
        figures.append((fig, FigureCanvasAgg(fig).get_renderer(), d / 72))
    cache: dict[tuple[str, float], tuple[float, float]] = {}

    def measure(text: str, fontsize: float) -> tuple[float, float]:
        key = (text, fontsize)
        if key not in cache:
            width = height = 0.0
            for fig, renderer, scale in figures:
                t = Text(0, 0, text, fontsize=fontsize, parse_math=False)
                t.set_figure(fig)
                box = t.get_window_extent(renderer)
                width, height = max(width, box.width / scale), max(height, box.height / scale)
            cache[key] = (width, height)
        return cache[key]

    return measure
