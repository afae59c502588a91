"""Shared fixtures: the bundled roadmap, and a helper that writes roadmap files."""

from __future__ import annotations

import contextlib
import os
import re
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, settings

import roadmap_graph as rg

# Figures draw off screen, whatever the machine has; set before anything imports matplotlib.
os.environ["MPLBACKEND"] = "Agg"

# Property tests run quickly by default; CI (.ci/run) sets HYPOTHESIS_PROFILE=thorough.
settings.register_profile("quick", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))


def examples(thorough: int) -> settings:
    """Settings for a property test that runs ``thorough`` examples in the thorough profile
    and a tenth of that (at least 10) in the quick one: for tests whose examples are slow
    (figures) or cheap enough for more."""
    quick = settings.get_current_profile_name() != "thorough"
    return settings(max_examples=max(10, thorough // 10) if quick else thorough)

HEADER = """\
schema_version: 1
roadmap: {id: demo, title: 데모 로드맵, sources: [{id: src, title: 출처}]}
fields:
  - {id: ai, name: 인공지능}
  - {id: bio, name: 첨단바이오}
"""


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    """Every test leaves no figure open (text-only tests never import pyplot)."""
    yield
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close("all")


@pytest.fixture(scope="session")
def bundled() -> rg.Roadmap:
    return rg.load_roadmap()


@pytest.fixture(scope="session")
def G(bundled: rg.Roadmap) -> nx.DiGraph:
    return rg.to_networkx(bundled)


@pytest.fixture
def write(tmp_path: Path):
    """``write("a.yaml", text)`` writes dedented text and returns the path as a string."""

    def _write(name: str, text: str | bytes) -> str:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return str(path)

    return _write


@contextlib.contextmanager
def raises_en(kind: type[BaseException], match: str) -> Iterator[pytest.ExceptionInfo[Any]]:
    """Like ``pytest.raises(kind, match=...)``, matching the error's English message
    (``str(err)`` is Korean, the default language)."""
    with pytest.raises(kind) as info:
        yield info
    message = info.value.render("en")  # type: ignore[attr-defined]
    assert re.search(match, message), message
