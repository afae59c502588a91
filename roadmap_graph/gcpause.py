"""Pause Python's cyclic garbage collector while building many small objects.

Loading a roadmap or walking a large graph allocates millions of dicts and tuples; each
allocation burst triggers a collection that rescans everything alive, which makes those
phases several times slower (measured in ``benchmarks/``). Nothing built there holds
reference cycles that need collecting early.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Disable the cyclic GC inside the block, and restore its state after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
