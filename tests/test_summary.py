"""summarize: counts by field and kind, missions with targets."""

from __future__ import annotations

from collections import Counter

from hypothesis import given

import roadmap_graph as rg

from .conftest import examples
from .strategies import roadmaps


@examples(100)
@given(roadmaps())
def test_counts_add_up(roadmap):
    s = rg.summarize(rg.to_networkx(roadmap))
    assert s.count() == len(roadmap.nodes)
    assert dict(Counter((n.field, n.kind) for n in roadmap.nodes)) == s.counts
    assert sum(s.edges.values()) == sum(len(n.links()) for n in roadmap.nodes)
    assert [m.id for m in s.missions] == sorted(
        (n.id for n in roadmap.nodes if n.kind == "mission"),
        key=lambda i: (roadmap.node(i).field, i),
    )


def test_bundled_summary(G):
    s = rg.summarize(G)
    # 4 missions, 4 core technologies per field; AI has 11 enabling technologies (3 + 5 + 3
    # under its core technologies); bio 14 (12, plus AI·로봇 자동화 and 생성형 AI, which the
    # release names only in its bio section); measures: 2 for AI, 4 for bio.
    assert [s.count(f, k) for f in ("ai", "bio") for k in ("mission", "core_technology", "enabling_technology", "ecosystem_measure")] == [
        4, 4, 11, 2, 4, 4, 14, 4,
    ]
    assert s.cross_field_edges == 1  # 클라우드 기반 분석 인프라 → 클라우드 최적화 (inferred)
    assert (s.stated_edges, s.inferred_edges) == (9, 42)
    # what the release says about the roadmap: the about table, in both languages
    about = s.tables()[0]
    assert about.name == "about" and len(about.rows) == 8  # decision, framing, use, review, 3 emphases, bio focus
    data = s.to_dict()
    assert data["nodes"] == 47 and len(data["missions"]) == 8
