"""The files no output may replace: the roadmap files this process has read.

The loader calls :func:`protect_file` for every file it reads, and the bundled roadmap's
files are registered when :mod:`roadmap_graph.fileformat.bundled` is imported; the writer
also takes a list of paths to protect on each call (the command line passes its ``-g``
files, which ``schema`` never loads). The registration lives here, below the file format,
so that ``fileformat`` depends on ``outputs`` and not the other way round.

A file is the same file however it is spelled: relative or absolute, through ``..``,
through a symbolic link (the link is resolved) or a hard link (the device and inode number
are compared).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

PathLike = str | os.PathLike[str]

_registered: set[str] = set()


def protect_file(path: PathLike) -> None:
    """Never let an output replace ``path`` for the rest of this process.

    The path is made absolute now, so a later change of the working folder does not
    change which file it names.
    """
    _registered.add(os.path.abspath(path))


def protected_source(real: Path, also: Iterable[PathLike] = ()) -> Path | None:
    """The protected file that ``real`` is, or ``None``.

    ``real`` is a fully resolved path (:func:`os.path.realpath`); ``also`` adds paths to
    the registered ones for this one question.
    """
    candidates = [Path(p) for p in (*also, *sorted(_registered))]
    for candidate in candidates:
        if Path(os.path.realpath(candidate)) == real:
            return candidate
    try:
        identity = _identity(real)
    except OSError:  # not there (yet): only a path can match
        return None
    for candidate in candidates:
        try:
            if _identity(candidate) == identity:
                return candidate
        except OSError:
            continue
    return None


def _identity(path: Path) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_dev, info.st_ino
