"""The portfolio file format (``schema_version: 1``): R&D programmes laid over a roadmap.

A portfolio lists the programmes that pay for a roadmap's nodes: who runs each, how much it
spends each year (in the one currency unit the file declares), when it starts and ends,
which nodes it funds (optionally with a share each), and where those figures come from.
It is written in YAML (this model), or as a spreadsheet (CSV, or the first sheet of an XLSX
workbook) with one row per programme; :mod:`.portfolio_loading` reads all three into this
one model.

A programme whose budget no public source gives has no ``budget``: the analyses count it as
a programme of unknown money and say so, rather than guess a figure.

Example (a complete, valid portfolio)::

    schema_version: 1
    portfolio: {id: demo_portfolio, title: 데모 포트폴리오, unit: 억원, roadmap: demo}
    programmes:
      - id: p1
        name: 사업 하나
        ministry: 과학기술정보통신부
        budget: {2025: 120, 2026: 150}
        start: 2025
        end: 2026
        funds: [t1, {id: t2, share: 0.25}]
        provenance: stated
        sources: [{url: "https://example.org/p1", quote: 2년간 270억원}]
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, Strict, model_validator
from pydantic_core import PydanticCustomError

from .model import Provenance, SchemaVersion, Slug, Text, Year, _Model, bare_id

PORTFOLIO_SCHEMA_VERSION: Literal[1] = 1

Money = Annotated[float, Strict(), Field(ge=0, allow_inf_nan=False, description="An amount in the file's unit.")]
Share = Annotated[float, Strict(), Field(gt=0, le=1, description="The part of the programme's money this node gets, in (0, 1].")]


class Citation(_Model):
    """Where a programme's figures come from: a public document's address, its words, or both."""

    url: Text | None = Field(default=None, description="An http(s) address of the document.")
    title: Text | None = None
    quote: Text | None = Field(default=None, description="The document's words, verbatim (원문 그대로).")
    date: Text | None = Field(default=None, description="The document's date, YYYY-MM-DD.")
    note: Text | None = None

    @model_validator(mode="after")
    def _something(self) -> Citation:
        if self.url is None and self.quote is None and self.title is None:
            raise PydanticCustomError("citation_empty", "a source needs a url, a title or a quote")
        return self


class Funding(_Model):
    """A node a programme pays for; in the file, a bare id or ``{id, share}``."""

    id: Slug
    share: Share | None = None

    @model_validator(mode="before")
    @classmethod
    def _bare_id(cls, value: Any) -> Any:
        return bare_id(value)


class Programme(_Model):
    """One R&D programme (사업): who runs it, its money per year, what it funds."""

    id: Slug
    name: Text
    name_en: Text | None = None
    ministry: Text | None = Field(default=None, description="The ministry or agency that runs it (부처).")
    ministry_en: Text | None = None
    budget: dict[Year, Money] | None = Field(
        default=None,
        description="Money per year in the portfolio's unit, e.g. {2025: 120, 2026: 150}. "
        "Leave it out when no public source gives it: the analyses then say the money is unknown.",
    )
    start: Year | None = None
    end: Year | None = None
    funds: tuple[Funding, ...] = Field(
        default=(),
        description="The roadmap node ids it pays for; a share each (adding up to 1) or none "
        "(equal shares).",
    )
    provenance: Provenance | None = Field(
        default=None, description="stated: a quoted source ties this programme to these nodes; inferred: an analyst's reading."
    )
    note: Text | None = None
    sources: tuple[Citation, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Programme:
        # the loader words these in the reader's language (catalogue keys portfolio.*)
        if self.start is not None and self.end is not None and self.end < self.start:
            raise PydanticCustomError("programme_years", "end {end} is before start {start}", {"start": self.start, "end": self.end})
        if self.budget and self.start is not None and min(self.budget) < self.start:
            raise PydanticCustomError("budget_before_start", "a budget year is before start {start}", {"start": self.start})
        if self.budget and self.end is not None and max(self.budget) > self.end:
            raise PydanticCustomError("budget_after_end", "a budget year is after end {end}", {"end": self.end})
        shares = [f.share for f in self.funds]
        if any(s is not None for s in shares):
            if any(s is None for s in shares):
                raise PydanticCustomError("share_some", "give a share for every funded node or for none")
            total = sum(s for s in shares if s is not None)
            if abs(total - 1) > 1e-6:
                raise PydanticCustomError("share_total", "the shares add up to {total}, not 1", {"total": round(total, 6)})
        ids = [f.id for f in self.funds]
        if len(set(ids)) != len(ids):
            raise PydanticCustomError("funds_twice", "a node is funded twice by one programme")
        return self

    def money(self, years: tuple[int, int] | None = None) -> float | None:
        """The programme's money over ``years`` (first, last; inclusive; all years when
        ``None``), or ``None`` when its budget is unknown."""
        if self.budget is None:
            return None
        return sum(v for y, v in self.budget.items() if years is None or years[0] <= y <= years[1])

    def span(self) -> tuple[int | None, int | None]:
        """The programme's first and last year: its ``start`` and ``end``, else its budget's
        first and last year (``None`` where neither says)."""
        budget = sorted(self.budget or ())
        start = self.start if self.start is not None else (budget[0] if budget else None)
        end = self.end if self.end is not None else (budget[-1] if budget else None)
        return start, end

    def shares(self) -> dict[str, float]:
        """Each funded node's part of the money: the shares given, else equal shares."""
        if not self.funds:
            return {}
        if self.funds[0].share is not None:
            return {f.id: float(f.share or 0) for f in self.funds}
        return {f.id: 1 / len(self.funds) for f in self.funds}


class PortfolioInfo(_Model):
    """What the portfolio is, and the one unit its money is counted in."""

    id: Text
    title: Text
    title_en: Text | None = None
    unit: Text = Field(description="The currency unit of every budget in the file, e.g. 억원.")
    unit_en: Text | None = Field(default=None, description="The unit in English, e.g. 100 million KRW.")
    roadmap: Text | None = Field(default=None, description="The id of the roadmap it is laid over.")
    note: Text | None = None
    note_en: Text | None = None


class Portfolio(_Model):
    """One portfolio: its header and its programmes."""

    schema_version: SchemaVersion
    portfolio: PortfolioInfo
    programmes: tuple[Programme, ...] = ()

    def programme(self, programme_id: str) -> Programme:
        """The programme with ``programme_id``; :class:`KeyError` when there is none."""
        for p in self.programmes:
            if p.id == programme_id:
                return p
        raise KeyError(programme_id)

    def years(self) -> tuple[int, int] | None:
        """The first and last year any programme has a budget for (``None``: no budget at all)."""
        years = [y for p in self.programmes for y in (p.budget or {})]
        return (min(years), max(years)) if years else None
