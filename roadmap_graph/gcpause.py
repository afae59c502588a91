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
    skipped when the program keeps objects frozen itself, so as not to unfreeze them. When
    the block fails, a full collection runs on the way out.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    failed = False
    try:
        yield
    except BaseException:
        failed = True
        raise
    finally:
        if was_enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
            if failed:
                # A failure leaves cycles (tracebacks hold the frames that held what was being
                # built, an alias bomb's values say) in the oldest generation, which a program
                # that mostly loads would rarely collect: a process that loads bad files one
                # after another (a fuzzer, an editor's checker) would grow without bound.
                # Collecting here frees every earlier failure's; this one's goes at the next.
                gc.collect()
