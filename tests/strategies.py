"""Hypothesis strategies: random small roadmaps that respect the layer rules.

Nodes are drawn in layer order (missions, then technologies, then measures); a requirement
only points from an earlier node to a later technology, so every roadmap drawn is acyclic
and valid. Each node gets plain requirements, up to two ``any_of`` groups and support.
"""

from __future__ import annotations

import unicodedata

from hypothesis import strategies as st

import roadmap_graph as rg

FIELDS = ("ai", "bio", "quantum")
KIND_ORDER = {"mission": 0, "core_technology": 1, "enabling_technology": 1, "ecosystem_measure": 2}

hangul = st.text(
    alphabet=st.sampled_from("가나다라마바사아자차카타파하한글임무기술생태계·() "),
    min_size=1,
    max_size=12,
).map(lambda s: unicodedata.normalize("NFC", s)).filter(lambda s: s.strip() == s and s)
latin = st.text(alphabet="abcdefgh XYZ-:#'\"", min_size=1, max_size=12)
provenance = st.sampled_from([None, "stated", "inferred"])


@st.composite
def links(draw, ids: list[str]) -> list[rg.Link]:
    out = []
    for node_id in ids:
        if draw(st.booleans()):
            out.append(rg.Link(id=node_id))
        else:
            out.append(
                rg.Link(
                    id=node_id,
                    provenance=draw(provenance),
                    note=draw(st.none() | latin),
                    sources=tuple(draw(st.lists(st.builds(rg.SourceRef, source=st.just("src"), quote=st.none() | hangul), max_size=1))),
                )
            )
    return out


@st.composite
def roadmaps(draw, *, max_nodes: int = 9, rich: bool = True) -> rg.Roadmap:
    """A valid random roadmap; ``rich`` adds optional text, targets and provenance."""
    fields = FIELDS[: draw(st.integers(1, len(FIELDS)))]
    kinds = sorted(
        draw(st.lists(st.sampled_from(list(KIND_ORDER)), min_size=1, max_size=max_nodes)),
        key=KIND_ORDER.__getitem__,
    )
    ids = [f"n{i}" for i in range(len(kinds))]
    measures = [ids[i] for i, k in enumerate(kinds) if k == "ecosystem_measure"]
    nodes = []
    for i, kind in enumerate(kinds):
        values: dict = {
            "id": ids[i],
            "kind": kind,
            "field": draw(st.sampled_from(fields)),
            "name": draw(hangul) if rich else ids[i],
        }
        if rich:
            values["name_en"] = draw(st.none() | latin)
            values["provenance"] = draw(provenance)
        if kind == "ecosystem_measure":
            if rich:
                values["category"] = draw(st.none() | st.sampled_from(["workforce", "data"]))
            nodes.append(rg.Node(**values))
            continue
        later = [ids[j] for j in range(i + 1, len(kinds)) if kinds[j] in ("core_technology", "enabling_technology")]
        role = {t: draw(st.sampled_from(["none", "requires", "g0", "g1"])) for t in later}
        values["requires"] = tuple(draw(links([t for t in later if role[t] == "requires"])))
        groups = [tuple(draw(links([t for t in later if role[t] == g]))) for g in ("g0", "g1")]
        values["any_of"] = tuple(g for g in groups if g)
        supporters = draw(st.lists(st.sampled_from(measures), unique=True)) if measures else []
        values["supported_by"] = tuple(draw(links(supporters)))
        if rich and kind == "mission":
            values["targets"] = tuple(
                draw(
                    st.lists(
                        st.builds(
                            rg.Target,
                            metric=hangul,
                            value=st.one_of(st.integers(0, 10**6).map(float), st.floats(0, 100, allow_nan=False)),
                            unit=st.none() | st.sampled_from(["%", "명", "배"]),
                            comparator=st.sampled_from([">=", "<=", "=="]),
                            by=st.none() | st.integers(2024, 2040),
                        ),
                        max_size=2,
                    )
                )
            )
        nodes.append(rg.Node(**values))
    return rg.Roadmap(
        schema_version=1,
        roadmap=rg.RoadmapInfo(id="random", title="무작위 로드맵", sources=(rg.Source(id="src", title="출처"),)),
        fields=tuple(rg.FieldInfo(id=f, name=f"분야 {f}") for f in fields),
        nodes=tuple(nodes),
    )
