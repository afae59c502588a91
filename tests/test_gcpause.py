"""The GC pause around loading and graph building leaves the collector as it found it."""

from __future__ import annotations

import gc

import pytest

from roadmap_graph.gcpause import paused_gc


@pytest.fixture
def gc_enabled():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_off_inside_and_on_after(gc_enabled):
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()  # an inner block leaves the outer one paused
    assert gc.isenabled()


def test_the_collector_comes_back_after_an_error(gc_enabled):
    with pytest.raises(ValueError), paused_gc():
        raise ValueError
    assert gc.isenabled()


def test_what_the_block_leaves_alive_is_old_not_young_and_not_frozen(gc_enabled):
    with paused_gc():
        kept = [[i] for i in range(1000)]
    assert gc.get_freeze_count() == 0
    assert id(kept[0]) not in {id(x) for x in gc.get_objects(generation=0)}
    assert id(kept[0]) in {id(x) for x in gc.get_objects(generation=2)}


def test_objects_frozen_by_the_program_stay_frozen(gc_enabled):
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with paused_gc():
            _ = [[i] for i in range(10)]
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_a_disabled_collector_stays_disabled():
    was = gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


def test_failures_one_after_another_leave_no_growing_garbage(gc_enabled):
    # Found by the fuzzer: a worker loading bad files one after another ran out of memory,
    # each failure's cycles (traceback -> frame -> what was being built) piling up in the
    # oldest generation that nothing collected.
    class Node:
        def __init__(self) -> None:
            self.me = self  # a cycle only the collector frees

    def fail() -> None:
        with paused_gc():
            built = [Node() for _ in range(10_000)]
            raise ValueError(len(built))

    def tracked_after(runs: int) -> int:
        for _ in range(runs):
            with pytest.raises(ValueError):
                fail()
        return sum(isinstance(o, Node) for o in gc.get_objects())

    assert tracked_after(3) <= 10_000  # at most the last failure's
    assert tracked_after(20) <= 10_000
