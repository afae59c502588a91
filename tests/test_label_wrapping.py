"""Label wrapping (:func:`~roadmap_graph.figures.layout.wrap_label`): lines break at spaces;
a word breaks (after a hyphen or other soft break, else between characters) only when it
is wider than the line; lines are balanced; the text survives.

Checked on random strings of Korean, English and the soft-break marks, against a
brute-force oracle for the number of lines and the balance, and on the bundled roadmap's
English names as the roadmap figure wraps them.
"""

from __future__ import annotations

import itertools
import re

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

from roadmap_graph.figures.layout import text_units, wrap_label, wrap_lines
from roadmap_graph.figures.layout.text import LABEL_LINES, LATIN_WORD, _pieces
from roadmap_graph.vocabulary import node_name

from .conftest import examples

words = st.text(alphabet=st.sampled_from("가나다라마바사아 ·-/–abcdefghijklmnopqrstuvwxyzAI()"), max_size=70)
latin = st.lists(
    st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyz-"), min_size=1, max_size=18), min_size=1, max_size=12
).map(" ".join)
widths = st.integers(4, 34)


def breaks(text: str, wrapped: str) -> list[tuple[int, bool]]:
    """Where each line break fell in the (space-normalised) text, and whether at a space;
    fails when the lines are not the text in order."""
    text = " ".join(text.split())
    lines = wrapped.split("\n")
    pos, out = 0, []
    for k, line in enumerate(lines):
        assert text.startswith(line, pos), (text, wrapped)
        pos += len(line)
        if k + 1 < len(lines):
            at_space = pos < len(text) and text[pos] == " "
            out.append((pos, at_space))
            pos += at_space
    assert pos == len(text), (text, wrapped)
    return out


def word_at(text: str, pos: int) -> str:
    """The space-delimited word around position ``pos`` (a break between two of its characters)."""
    start = text.rfind(" ", 0, pos) + 1
    end = text.find(" ", pos)
    return text[start : end if end != -1 else None]


@given(words, widths)
@examples(300)
def test_the_text_survives_and_words_break_only_when_too_wide(text, width):
    wrapped = wrap_label(text, width)
    normal = " ".join(text.split())
    for pos, at_space in breaks(text, wrapped):
        if not at_space:  # inside a word: only a word wider than the line may break
            assert text_units(word_at(normal, pos)) > width, (normal, wrapped)
    for line in wrapped.split("\n"):
        assert line == line.strip()
        # wider than the line only: one Latin piece no wider than LATIN_WORD
        assert text_units(line) <= width or (
            " " not in line and text_units(line) == len(line) and len(line) <= max(width, LATIN_WORD)
        ), (line, width)
    assert wrap_label(text, width) == wrapped  # deterministic


@given(latin, widths)
@examples(300)
def test_english_never_splits_a_word_that_fits(text, width):
    wrapped = wrap_label(text, width)
    for pos, at_space in breaks(text, wrapped):
        word = word_at(" ".join(text.split()), pos)
        if not at_space:  # so no line ends in a hyphen inside a word that fits the line
            assert len(word) > width, (text, wrapped)
            # a hyphen break first: a cut between letters only in a hyphen-free run too long to overflow
            left = " ".join(text.split())[:pos]
            pieces = re.split(r"(?<=-)", word)  # the word cut after each of its hyphens
            assert left.endswith("-") or max(map(len, pieces)) > max(width, LATIN_WORD), (text, wrapped)


def min_lines_and_width(pieces: list[tuple[str, bool]], width: int) -> tuple[int, int]:
    """Brute force: the fewest lines any way of breaking ``pieces`` into lines of at most
    ``width`` units can have, and the narrowest widest line with that many."""
    best: tuple[int, int] | None = None
    for cuts in itertools.product((False, True), repeat=len(pieces) - 1):
        lines, line = [], pieces[0][0]
        for (piece, spaced), cut in zip(pieces[1:], cuts):
            if cut:
                lines.append(line)
                line = piece
            else:
                line += (" " if spaced else "") + piece
        lines.append(line)
        widest = max(text_units(x) for x in lines)
        if widest <= width:
            best = min(best or (len(lines), widest), (len(lines), widest))
    assert best is not None
    return best


@given(st.lists(st.sampled_from(["AI", "data", "bio", "생성형", "바이오", "x-ray", "인공지능", "platform"]), min_size=1, max_size=9), st.integers(8, 24))
@examples(200)
def test_fewest_lines_then_balanced_against_brute_force(parts, width):
    text = " ".join(parts)
    pieces = [(p, k == 0) for w in text.split() for k, p in enumerate(_pieces(w, width))]
    wrapped = wrap_label(text, width).split("\n")
    n, widest = min_lines_and_width(pieces, width)
    assert len(wrapped) == n
    assert max(text_units(line) for line in wrapped) == widest


def test_examples():
    assert wrap_label("Automatic detection of rights infringement by AI-generated content", 24) == (
        "Automatic detection of\nrights infringement by\nAI-generated content"
    )
    assert "Next-\n" not in wrap_label("Next-generation cell therapeutics with proven safety", 16)
    assert wrap_label("Next-generation", 10) == "Next-\ngeneration"  # wider than the line: its hyphen is the break
    assert wrap_label("Collaboration among AI models", 10) == "Collaboration\namong AI\nmodels"  # overflows, never "Collaboratio/n"
    assert wrap_label("바이오부품 초고속 발굴(스크리닝)", 20) == "바이오부품 초고속\n발굴(스크리닝)"
    assert wrap_label("데이터·컴퓨팅·전력", 10) == "데이터·\n컴퓨팅·\n전력"  # too wide: breaks after ·
    assert wrap_label("인간지향적인공일반지능", 10) == "인간지향적\n인공일반지\n능"  # too wide, no break mark: between syllables


def test_bundled_english_labels_of_the_roadmap_figure(G: nx.DiGraph):
    """The roadmap figure's English labels: at most LABEL_LINES lines where its row has room
    (the crowded enabling-technology rows of A4 at 7 pt take one more), and a line ends in a
    hyphen only where the word is wider than the line."""
    from roadmap_graph.figures.layout import layered_layout, matplotlib_measure
    from roadmap_graph.figures.style import figure_style

    with figure_style():  # as the figure measures its labels
        L = layered_layout(G, lang="en", measure=matplotlib_measure(200))
    lines = {n: t.split("\n") for n, t in L.labels.items()}
    assert max(len(x) for x in lines.values()) <= LABEL_LINES + 1
    over = sorted(n for n, x in lines.items() if len(x) > LABEL_LINES)
    assert all(G.nodes[n]["kind"] == "enabling_technology" for n in over), over
    assert len(over) <= 8, over
    for n, x in lines.items():
        name = node_name(G.nodes[n], "en")
        for line in x[:-1]:
            if line.endswith("-"):
                assert any(len(w) > 10 and line.split(" ")[-1] in w for w in name.split()), (n, x)
    # the mission row has room: every mission label in three lines
    assert all(len(lines[n]) <= LABEL_LINES for n in G if G.nodes[n]["kind"] == "mission")


def test_wrap_lines_widens_to_the_line_limit():
    name = "Secure human-oriented artificial general intelligence (AGI) source technology and join the global leading group"
    assert wrap_label(name, 20).count("\n") + 1 > LABEL_LINES
    assert wrap_lines(name, 20, LABEL_LINES).count("\n") + 1 == LABEL_LINES
