"""Write files atomically: a reader never sees half a file, and a failure leaves none.

The data goes to a temporary file beside the target, which is renamed over the target only
once complete. The temporary file is created with ``open(..., "x")``, which follows the
umask, not with ``tempfile.mkstemp``, whose files (and so the outputs) only their owner could
read (mode 0600).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def temporary_beside(target: str | os.PathLike[str]) -> Path:
    """A fresh hidden file name in ``target``'s folder, for staging a write."""
    path = Path(target)
    return path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")


def write_text_atomic(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder, then rename."""
    tmp = temporary_beside(path)
    try:
        with open(tmp, "x", encoding=encoding, newline="") as handle:
            handle.write(text)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
