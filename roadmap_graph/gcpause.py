"""Pause Python's cyclic garbage collector while building many small objects.

Loading a roadmap or walking a large graph allocates millions of dicts and tuples; each
allocation burst triggers a collection that rescans everything alive, which makes those
phases several times slower (measured in ``benchmarks/``). Nothing built there holds
reference cycles that need collecting early.

What such a block builds and returns (a roadmap, a graph) lives long. Left young, it would
be scanned by the first collection after the block (about 0.3 s for a 10^5-node roadmap)
and again one generation up; the block hands it straight to the oldest generation instead,
where the collector would move it anyway and only full collections scan it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Disable the cyclic GC inside the block, and restore its state after.

    On the way out of the outermost block, the objects the block left alive join the oldest
    generation (``gc.freeze`` then ``gc.unfreeze``: two list splices, no scan). This is
    skipped when the program keeps objects frozen itself, so as not to unfreeze them.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
