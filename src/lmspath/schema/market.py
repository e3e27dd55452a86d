"""Pydantic schemas of data/market.yaml: cited pay, openings, staffing and career-ladder facts."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from lmspath.model.market import ALL_SETTINGS, Evidence, Mandate, Unit
from lmspath.model.rules import Confidence, ensure_unique_ids, find_source
from lmspath.schema.programs import StateCode
from lmspath.schema.rules import Source, StrictModel


class Figure(StrictModel):
    """One number with its unit, reference period and source; ``value: null`` when unread."""

    value: float | None
    unit: Unit
    period: str | None = None
    source: str | None = None
    confidence: Confidence | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _cited(self) -> Figure:
        if self.value is None:
            return self
        if self.period is None or not self.period.strip():
            raise ValueError(
                f"the number {self.value:g} has no reference period (period: 'May 2024', ...)"
            )
        if self.source is None:
            raise ValueError(f"the number {self.value:g} cites no source (source: <id>)")
        if self.confidence is None:
            raise ValueError(f"the number {self.value:g} has no confidence")
        return self


class Fact(StrictModel):
    """A fact in words (an entry education, a mandate, a schedule), cited like a figure."""

    text: str | None
    period: str | None = None
    source: str | None = None
    confidence: Confidence | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _cited(self) -> Fact:
        if self.text is not None and (self.source is None or self.confidence is None):
            raise ValueError("a stated fact needs its source and confidence")
        return self


class OohEdition(StrictModel):
    """The BLS Occupational Outlook Handbook figures for 25-4022 as one edition gives them."""

    edition: str
    median_pay: Figure
    employment: Figure
    growth_pct: Figure
    annual_openings: Figure
    entry_education: Fact


class IndustryFigure(StrictModel):
    """An OEWS figure for one industry (the school line that best fits school librarians)."""

    industry: str
    measure: Literal["median_wage", "mean_wage", "employment"]
    figure: Figure


class National(StrictModel):
    """National facts: the OOH editions (the first is the headline), industries, staffing."""

    soc: str
    title: str
    caveat: str
    ooh: list[OohEdition] = Field(min_length=1)
    industries: list[IndustryFigure] = Field(default_factory=list)
    school_librarians: Figure
    schools_with_library: Figure


class StateWages(StrictModel):
    """OEWS wages for 25-4022 in one state, as the BLS state workbook gives them."""

    label: Literal["all library settings"] = ALL_SETTINGS
    employment: Figure
    mean: Figure
    median: Figure
    pct10: Figure
    pct25: Figure
    pct75: Figure
    pct90: Figure


class MandateFact(StrictModel):
    """Whether state law or regulation requires a school librarian (SLIDE's summary)."""

    required: Mandate | None
    text: str | None = None
    period: str | None = None
    source: str | None = None
    confidence: Confidence | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _cited(self) -> MandateFact:
        if self.required is not None and (
            self.period is None or self.source is None or self.confidence is None
        ):
            raise ValueError("a mandate answer needs its period, source and confidence")
        return self


class StateMarket(StrictModel):
    """What is known for one state; a missing part is not known."""

    oews: StateWages | None = None
    school_librarians: Figure | None = None
    mandate: MandateFact | None = None
    salary_schedule: Fact | None = None


class LadderStep(StrictModel):
    """One step after certification, what it typically asks and what sources say about pay."""

    id: str
    title: str
    scope: Literal["national"] = "national"
    evidence: Evidence | None
    asks: str | None
    pay: str | None
    sources: list[str] = Field(default_factory=list)
    confidence: Confidence | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _cited(self) -> LadderStep:
        if (self.asks is not None or self.pay is not None) and not self.sources:
            raise ValueError("a ladder step that says what it asks or pays needs sources")
        if self.sources and (self.evidence is None or self.confidence is None):
            raise ValueError("a cited ladder step needs its evidence and confidence")
        return self


class MarketFile(StrictModel):
    """``data/market.yaml``: the sources, national facts, per-state facts and the ladder."""

    schema_version: Literal[1] = 1
    sources: list[Source] = Field(min_length=1)
    national: National
    states: dict[StateCode, StateMarket] = Field(default_factory=dict)
    ladder: list[LadderStep] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique(self) -> MarketFile:
        ensure_unique_ids(
            {"source": [s.id for s in self.sources], "ladder step": [s.id for s in self.ladder]}
        )
        return self

    def source(self, source_id: str) -> Source:
        """The source with this id (the loader guarantees every cited id exists)."""
        return find_source(self.sources, source_id)
