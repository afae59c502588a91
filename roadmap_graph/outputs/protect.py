"""Never write over the roadmap being read: outputs are checked against the input files."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..errors import OutputPathError
from ..vocabulary import Message, verbatim


def same_file(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` name one file, however spelled (relative, ``..``, links)."""
    try:
        if a.resolve() == b.resolve():
            return True
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return False


def refuse_inputs(
    outputs: Iterable[str | os.PathLike[str]], inputs: Iterable[str | os.PathLike[str]] = ()
) -> None:
    """Raise :class:`OutputPathError` when an output path is one of the input roadmap files
    or the bundled roadmap's files."""
    from ..fileformat.bundled import bundled_roadmap_paths

    protected = [Path(p) for p in inputs]
    try:
        protected += bundled_roadmap_paths()
    except FileNotFoundError:  # pragma: no cover - a broken installation
        pass
    for out in outputs:
        for source in protected:
            if same_file(Path(out), source):
                message = Message("output.input_file", path=verbatim(out), source=verbatim(source))
                raise OutputPathError(str(out), message)
