"""The text of a source document kept beside a roadmap file, and where a quote is in it.

A source in the roadmap header may name a ``file``: the document's text, as a path relative
to the folder of the roadmap file (the bundled roadmap keeps the ministry's release in
``graphs/sources/``). The text may begin with a header of lines starting with ``#`` (where
it comes from, when, what was left out); the document follows.

A quote is found in the text up to runs of white space and Unicode normalisation (NFC), the
same rule the quote tests apply: a quote broken over two lines in YAML still matches.

>>> body = "첫 줄\\n둘째   줄의 문장\\n"
>>> find_quote(body, "둘째 줄의")
(4, 11)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

#: The largest source text read (a press release is tens of kilobytes); a larger file is
#: not a source text and is left unread.
MAX_SOURCE_BYTES = 2_000_000


@dataclass(frozen=True)
class SourceText:
    """A source document's text: ``header`` (the ``#`` lines, without the ``#``) and
    ``body`` (the document)."""

    path: Path
    header: tuple[str, ...]
    body: str

    def lines(self) -> list[str]:
        """The body's lines."""
        return self.body.split("\n")

    @property
    def first_line(self) -> int:
        """The line of the file where the body begins (1-based): line numbers are the file's."""
        return len(self.header) + 1

    def line_of(self, quote: str) -> int | None:
        """The line of the file (1-based) where ``quote`` begins, or ``None`` when it is not
        in the body."""
        found = find_quote(self.body, quote)
        return None if found is None else self.body.count("\n", 0, found[0]) + self.first_line


def split_header(text: str) -> tuple[tuple[str, ...], str]:
    """``text`` as its header lines (leading lines that start with ``#``, the ``#`` and one
    space removed) and the rest."""
    lines = text.split("\n")
    header = []
    for line in lines:
        if not line.startswith("#"):
            break
        header.append(line[1:].removeprefix(" "))
    return tuple(header), "\n".join(lines[len(header) :])


def read_source_text(path: str | Path) -> SourceText | None:
    """The source text at ``path``, or ``None`` when it is missing, not a regular file, too
    large or not UTF-8 (a report without it still shows every quote)."""
    p = Path(path)
    try:
        if not p.is_file() or p.stat().st_size > MAX_SOURCE_BYTES:
            return None
        raw = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    header, body = split_header(raw.replace("\r\n", "\n"))
    return SourceText(p, header, body)


def find_source_texts(sources: Iterable[dict[str, object]], roadmap_files: Iterable[str]) -> dict[str, SourceText]:
    """The texts of the ``sources`` (dicts of the roadmap header) that name a ``file``, by
    source id, looked for beside each of ``roadmap_files`` in turn. A file that resolves
    outside the roadmap file's folder (a link pointing away) is not read."""
    folders = list(dict.fromkeys(Path(f).resolve().parent for f in roadmap_files))
    found: dict[str, SourceText] = {}
    for source in sources:
        name, sid = source.get("file"), source.get("id")
        if not isinstance(name, str) or not isinstance(sid, str):
            continue
        for folder in folders:
            candidate = (folder / name).resolve()
            if not candidate.is_relative_to(folder):
                continue
            text = read_source_text(candidate)
            if text is not None:
                found[sid] = text
                break
    return found


def normalised(text: str) -> str:
    """``text`` in NFC with every run of white space one space, trimmed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` is in ``text`` as ``(start, end)`` offsets into ``text``, matching up
    to runs of white space and NFC; ``None`` when it is not there."""
    wanted = normalised(quote)
    if not wanted:
        return None
    # the normalised text, and for each of its characters the offset it came from
    chars: list[str] = []
    origin: list[int] = []
    space = False
    for i, ch in enumerate(unicodedata.normalize("NFC", text)):
        if ch.isspace():
            space = bool(chars)
            continue
        if space:
            chars.append(" ")
            origin.append(i - 1)
            space = False
        chars.append(ch)
        origin.append(i)
    at = "".join(chars).find(wanted)
    if at < 0:
        return None
    return origin[at], origin[at + len(wanted) - 1] + 1
