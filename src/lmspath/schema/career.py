"""Pydantic models of the career report and of the two career lines of every assess report."""

from __future__ import annotations

from pydantic import Field

from lmspath.model.career import Scope
from lmspath.schema.results import Result, SourceRef


class CareerFact(Result):
    """One fact as the career report shows it; ``known`` false when the data holds no value."""

    key: str
    label: str
    group: str
    scope: Scope
    known: bool
    value: float | None = None
    unit: str | None = None
    text: str | None = None
    shown: str
    period: str | None = None
    source: str | None = None
    confidence: str | None = None
    note: str | None = None


class CareerStep(Result):
    """One step of the ladder after certification."""

    id: str
    title: str
    scope: str
    evidence: str | None
    asks: str | None
    pay: str | None
    sources: list[str]
    confidence: str | None
    note: str | None = None


class CareerReport(Result):
    """``lmspath career [STATE]``: national facts, the state's, what is not known, the ladder."""

    state: str | None
    state_name: str | None
    soc: str
    occupation: str
    caveat: str
    national: list[CareerFact]
    state_facts: list[CareerFact]
    not_known: list[str]
    ladder: list[CareerStep]
    sources: list[SourceRef]


class CareerSummary(Result):
    """The two lines every assess report carries, and the figures behind them."""

    state: str
    median_pay_usd: float | None
    median_pay_period: str | None
    median_pay_scope: Scope | None
    school_median_pay_usd: float | None
    school_median_pay_period: str | None
    annual_openings: float | None
    annual_openings_period: str | None
    annual_openings_scope: Scope | None
    lines: list[str]
    command: str
    sources: list[SourceRef] = Field(default_factory=list)
