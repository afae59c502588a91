"""The roadmap file format (``schema_version: 1``) as pydantic models.

A roadmap file is terse for the common case and rich where it needs to be: a requirement
can be a bare id or a mapping that says how we know it. Only ``schema_version``,
``roadmap.id``, ``roadmap.title``, a field's ``id`` and ``name``, and a node's ``id``,
``kind``, ``field`` and ``name`` are required; a first draft is quick to write, and the gap
analysis says what is missing.

Edges point from the dependent to its prerequisite: a mission ``requires`` core
technologies, a core technology ``requires`` enabling technologies, a technology is
``supported_by`` ecosystem measures. ``any_of`` lists groups of alternatives: each group
needs at least one of its members. A link's provenance is its own: it is ``stated`` only
where the link says so (with its quote in its own ``sources``). A link written as a bare id
carries no evidence of its own: it is ``inferred`` when its node is inferred, and otherwise
unknown (``None``); it never inherits the node's ``stated`` or its quotes.

These models check the shape of one document. Whether references resolve, whether links
respect the layers and whether requirements form a cycle is checked across all loaded files
by :mod:`roadmap_graph.validation`.

Example (a complete, valid roadmap)::

    schema_version: 1
    roadmap: {id: demo, title: 데모 로드맵}
    fields: [{id: ai, name: 인공지능}]
    nodes:
      - {id: m1, kind: mission, field: ai, name: 임무, requires: [t1]}
      - {id: t1, kind: core_technology, field: ai, name: 기술}
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, Strict, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..errors import Location

SCHEMA_VERSION: Literal[1] = 1

Kind = Literal["mission", "core_technology", "enabling_technology", "ecosystem_measure"]
KINDS: tuple[str, ...] = ("mission", "core_technology", "enabling_technology", "ecosystem_measure")
TECHNOLOGY_KINDS = frozenset({"core_technology", "enabling_technology"})

Provenance = Literal["stated", "inferred"]
Comparator = Literal[">=", "<=", "=="]
Bound = Literal["at_least", "up_to", "exactly", "milestone"]
BOUNDS: tuple[str, ...] = get_args(Bound)
#: The bound each (older) comparator means; ``milestone`` has no comparator (no number).
COMPARATOR_BOUND: dict[str, str] = {">=": "at_least", "<=": "up_to", "==": "exactly"}
MeasureCategory = Literal[
    "workforce",
    "regulation_standards",
    "data",
    "international_cooperation",
    "infrastructure",
    "public_literacy",
]
MEASURE_CATEGORIES: tuple[str, ...] = get_args(MeasureCategory)
#: The kinds of measure every field's missions are expected to have (gap rule RG401);
#: ``public_literacy`` (education and literacy for non-experts) is optional.
EXPECTED_MEASURE_CATEGORIES: tuple[str, ...] = MEASURE_CATEGORIES[:5]

Slug = Annotated[
    str,
    Field(
        pattern=r"^[a-z][a-z0-9_]*$",
        max_length=120,
        description="Lowercase slug: a-z, digits and _, starting with a letter. "
        "소문자·숫자·밑줄로 된 식별자.",
    ),
]
Year = Annotated[int, Strict(), Field(ge=1900, le=2200, description="A year, e.g. 2030. 연도.")]
Number = Annotated[float, Strict()]
Text = Annotated[str, Field(min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


def exactly_one(value: Any) -> Any:
    """``schema_version`` must be the integer 1: Python's ``True == 1 == 1.0`` would let
    ``schema_version: true`` or ``1.0`` pass as 1."""
    if type(value) is not int:
        raise PydanticCustomError("literal_error", "Input should be 1", {"expected": "1"})
    return value


#: The format version of a file (roadmap or portfolio): the integer 1.
SchemaVersion = Annotated[Literal[1], BeforeValidator(exactly_one), Field(description="Format version; this is version 1.")]


def bare_id(value: Any) -> Any:
    """A reference written as a bare id (``t1``) read as the mapping ``{id: t1}``."""
    return {"id": value} if isinstance(value, str) else value


class Source(_Model):
    """A document the roadmap is drawn from (출처 문서)."""

    id: Slug
    title: Text | None = None
    url: Text | None = None
    date: dt.date | None = Field(default=None, description="Publication date, YYYY-MM-DD.")
    note: Text | None = None
    file: Text | None = Field(
        default=None,
        max_length=300,
        description="The document's text kept beside the roadmap: a path relative to the "
        "roadmap file's folder (no '..'), e.g. sources/release.txt. The quote tests and the "
        "report read it; the report links each quote to its place in it. 원문 사본의 상대 경로.",
    )

    @field_validator("file")
    @classmethod
    def _relative_path(cls, value: str | None) -> str | None:
        if value is not None:
            parts = value.replace("\\", "/").split("/")
            if value.startswith(("/", "\\")) or ":" in value or ".." in parts or "" in parts:
                # the loader words this in the reader's language (load.source_file_path)
                raise PydanticCustomError("source_file_path", "file must be a relative path without '..'")
        return value


class SourceRef(_Model):
    """A pointer into a source: which document, and the original phrase (원문 구절)."""

    source: Slug = Field(description="The id of one of roadmap.sources.")
    quote: Text | None = Field(
        default=None, description="The original phrase, verbatim (원문 그대로의 구절)."
    )
    note: Text | None = None


class Statement(_Model):
    """Something the sources say about the roadmap as a whole, in Korean and English, with
    the quotes that say it (로드맵에 대한 출처의 서술)."""

    text: Text = Field(description="What the sources say, in Korean (usually close to the quote).")
    text_en: Text | None = None
    sources: tuple[SourceRef, ...] = ()


class Decision(_Model):
    """Who decided the roadmap, at which meeting, how and when (의결 기구·회의)."""

    body: Text = Field(description="The deciding body, e.g. 국가전략기술 특별위원회.")
    body_en: Text | None = None
    meeting: Text | None = Field(default=None, description="The meeting, e.g. 제4차 회의.")
    meeting_en: Text | None = None
    action: Text | None = Field(default=None, description="What the body did, e.g. 심의·의결.")
    action_en: Text | None = None
    date: dt.date | None = Field(default=None, description="The meeting's date, YYYY-MM-DD.")
    sources: tuple[SourceRef, ...] = ()


class RoadmapInfo(_Model):
    """What the roadmap is (로드맵 정보), and what its sources say about it as a whole."""

    id: Text
    title: Text
    title_en: Text | None = None
    published: dt.date | None = Field(default=None, description="Publication date, YYYY-MM-DD.")
    horizon: Year | None = Field(default=None, description="Target year of the missions.")
    sources: tuple[Source, ...] = ()
    decision: Decision | None = Field(default=None, description="Who decided the roadmap, and when.")
    framing: Statement | None = Field(
        default=None, description="What the roadmap sets out (e.g. missions, targets, investment and policy direction)."
    )
    use: Statement | None = Field(
        default=None, description="How the government will use it (e.g. as criteria for R&D investment and evaluation)."
    )
    review: Statement | None = Field(default=None, description="How and when its targets are to be reviewed.")
    emphases: tuple[Statement, ...] = Field(default=(), description="What the roadmap emphasises, in the sources' order.")


class Silence(_Model):
    """Silences one gap rule for this node or field, with the reason (``roadmap-graph gaps``)."""

    code: str = Field(pattern=r"^RG[0-9]{3}$", description="A rule code, e.g. RG202.")
    reason: Text = Field(description="Why the finding does not apply here. 사유.")


class FieldInfo(_Model):
    """A technology field (분야), e.g. 인공지능, with its goal."""

    id: Slug
    name: Text
    name_en: Text | None = None
    goal: Text | None = None
    goal_en: Text | None = None
    converges_with: tuple[Slug, ...] = Field(
        default=(),
        description="Fields the roadmap says this field converges with (융합); the gap "
        "analysis checks that links between them exist.",
    )
    focus: Statement | None = Field(default=None, description="The field's headline focus, as the sources put it.")
    sources: tuple[SourceRef, ...] = ()
    ignore: tuple[Silence, ...] = ()


class Link(_Model):
    """One link to another node. In the file, a bare id or a mapping with provenance."""

    id: Slug
    provenance: Provenance | None = Field(
        default=None,
        description="stated: a quoted sentence states this link (quote it in sources); "
        "inferred: an analyst's reading (say why in note). A bare id is inferred under an "
        "inferred node and unknown otherwise: it never inherits stated.",
    )
    note: Text | None = None
    sources: tuple[SourceRef, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _bare_id(cls, value: Any) -> Any:
        return bare_id(value)

    @property
    def is_bare(self) -> bool:
        """True when the link says nothing but its id (written as a bare id)."""
        return self.provenance is None and self.note is None and not self.sources


class Target(_Model):
    """A quantified target or a milestone (목표), e.g. at least 50 % by 2030.

    ``bound`` says what kind of target it is: ``at_least`` (50% 이상), ``up_to`` (최대 10배),
    ``exactly``, or ``milestone`` (a deadline with no number). Older files say it with
    ``comparator`` (``>=`` at_least, ``<=`` up_to, ``==`` exactly), which keeps working; a
    target with no ``value`` is a milestone. Where both are written they must agree.
    """

    metric: Text
    metric_en: Text | None = None
    value: Number | None = None
    unit: Text | None = Field(default=None, description="The unit as written, e.g. %, 명, 배.")
    unit_en: Text | None = Field(
        default=None, description="The unit in English where the built-in unit words lack it."
    )
    bound: Bound | None = Field(
        default=None,
        description="at_least, up_to, exactly, or milestone (no number). Default: from "
        "comparator, or milestone when there is no value.",
    )
    comparator: Comparator | None = Field(
        default=None,
        description="Older spelling of bound: '>=' at least (the default), '<=' up to, '==' exactly.",
    )
    by: Year | None = Field(default=None, description="Deadline year.")
    note: Text | None = None
    sources: tuple[SourceRef, ...] = ()

    @model_validator(mode="after")
    def _number_or_year(self) -> Target:
        # the loader words these in the reader's language (catalogue keys load.target_*)
        if self.value is None and self.by is None:
            raise PydanticCustomError("target_needs_value", "a target needs a number (value) or a year (by)")
        if self.bound == "milestone" and self.value is not None:
            raise PydanticCustomError("target_milestone_value", "a milestone has no value")
        if self.bound not in (None, "milestone") and self.value is None:
            raise PydanticCustomError(
                "target_bound_needs_value", "bound {bound} needs a value", {"bound": self.bound}
            )
        if self.bound not in (None, "milestone") and self.comparator and COMPARATOR_BOUND[self.comparator] != self.bound:
            raise PydanticCustomError(
                "target_bound_conflict",
                "bound {bound} disagrees with comparator {comparator}",
                {"bound": self.bound, "comparator": self.comparator},
            )
        return self

    @property
    def kind(self) -> str:
        """The kind of bound, however the file spells it: at_least, up_to, exactly or milestone."""
        if self.value is None:
            return "milestone"
        return self.bound or COMPARATOR_BOUND[self.comparator or ">="]


class Node(_Model):
    """A mission, core technology, enabling technology or ecosystem measure."""

    id: Slug
    kind: Kind
    field: Slug = Field(description="The id of one of the fields.")
    name: Text
    name_en: Text | None = None
    description: Text | None = None
    description_en: Text | None = None
    category: MeasureCategory | None = Field(
        default=None, description="For ecosystem measures: what kind of measure it is."
    )
    requires: tuple[Link, ...] = Field(default=(), description="AND: all are needed.")
    any_of: tuple[tuple[Link, ...], ...] = Field(
        default=(), description="Groups of alternatives: each group needs one member."
    )
    supported_by: tuple[Link, ...] = Field(default=(), description="Ecosystem measures.")
    targets: tuple[Target, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    provenance: Provenance | None = None
    ignore: tuple[Silence, ...] = ()

    def links(self) -> list[tuple[str, int | None, Link]]:
        """Every outgoing link as ``(relation, group, link)``; ``group`` indexes ``any_of``."""
        out: list[tuple[str, int | None, Link]] = [("requires", None, x) for x in self.requires]
        for g, group in enumerate(self.any_of):
            out += [("requires", g, x) for x in group]
        if self.supported_by:
            out += [("supported_by", None, x) for x in self.supported_by]
        return out


class Roadmap(_Model):
    """One roadmap: its header, fields and nodes.

    Equality compares content only: where the parts were read from (``node_locations``)
    does not count, so a roadmap dumped and loaded again equals the original.
    """

    schema_version: SchemaVersion
    roadmap: RoadmapInfo
    fields: tuple[FieldInfo, ...] = ()
    nodes: tuple[Node, ...] = ()

    _node_locations: dict[str, Location] = PrivateAttr(default_factory=dict)
    _field_locations: dict[str, Location] = PrivateAttr(default_factory=dict)
    _checked: bool = PrivateAttr(default=False)

    @property
    def node_locations(self) -> dict[str, Location]:
        """Where each node was defined, by node id (empty for a roadmap built in code)."""
        return self._node_locations

    @property
    def field_locations(self) -> dict[str, Location]:
        """Where each field was (first) defined, by field id."""
        return self._field_locations

    def node(self, node_id: str) -> Node:
        """Return the node with ``node_id``; raise :class:`KeyError` when there is none."""
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise KeyError(node_id)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Roadmap):
            return NotImplemented
        return self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]
