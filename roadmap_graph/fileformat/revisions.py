"""One version of a roadmap: files on disk, or files as they were at a git revision.

A *revision spec* names one file of a roadmap: a path (``graphs/x.yaml``) or ``REV:path``
(``HEAD~3:graphs/x.yaml``, ``v1.0:graphs/x.yaml``), which is read with ``git show REV:path``
in the current folder's repository, so the path is relative to the repository's top
(git's own rule; write ``REV:./x.yaml`` for a path relative to the current folder). A spec
that names an existing file is that file, even when it holds a colon. Several specs make
one multi-file roadmap, as ``-g`` does.

>>> is_revision("HEAD~1:graphs/kr_nst_roadmap_2_ai_bio.yaml"), is_revision("graphs/x.yaml")
(True, False)
>>> is_revision("C:/roadmaps/x.yaml"), is_revision("--output=x:y")
(False, False)
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Sequence

from ..errors import Location, Problem, RoadmapLoadError
from ..vocabulary import Message, verbatim
from .limits import Limits
from .loading import load_contents
from .model import Roadmap

#: How long ``git show`` may take for one file, in seconds.
GIT_TIMEOUT = 60


def is_revision(spec: str) -> bool:
    """True when ``spec`` is ``REV:path`` rather than a file: it holds a colon, does not
    name an existing file, and is not a Windows drive path (``C:\\...``), nor starts with ``-`` (git would read an option)."""
    if os.path.exists(spec) or ":" not in spec:
        return False
    rev, _, path = spec.partition(":")
    drive = len(rev) == 1 and rev.isalpha() and path[:1] in ("\\", "/")
    return bool(rev) and bool(path) and not drive and not rev.startswith("-")  # never an option of git


def load_revision(
    specs: Sequence[str], *, limits: Limits | None = None, progress: Callable[[Message], None] | None = None
) -> Roadmap:
    """Load the roadmap made of ``specs`` (files or ``REV:path``; see the module docstring).

    Raises
    ------
    RoadmapLoadError
        With every problem of every file; a revision git cannot show is a problem located
        at its spec (no repository, unknown revision or path, git not installed).
    """
    contents: list[tuple[str, bytes | None]] = []
    problems: list[Problem] = []
    for spec in specs:
        if not is_revision(spec):
            contents.append((spec, None))
            continue
        raw, problem = _git_show(spec)
        if problem is not None:
            problems.append(problem)
        else:
            contents.append((spec, raw))
    if problems:
        raise RoadmapLoadError(problems)
    return load_contents(contents, limits=limits, progress=progress)


def _git_show(spec: str) -> tuple[bytes, Problem | None]:
    git = shutil.which("git")
    if git is None:
        return b"", Problem(Location(spec), Message("load.git_missing"))
    try:
        done = subprocess.run(
            [git, "show", spec], capture_output=True, timeout=GIT_TIMEOUT, check=False, stdin=subprocess.DEVNULL
        )
    except (OSError, subprocess.TimeoutExpired) as err:
        return b"", Problem(Location(spec), Message("load.git_failed", reason=verbatim(str(err))))
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        return b"", Problem(Location(spec), Message("load.git_failed", reason=verbatim(reason[0] if reason else done.returncode)))
    return done.stdout, None
