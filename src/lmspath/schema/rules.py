"""Pydantic schemas of the rules data: a credential, its pathways and cited requirements."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from lmspath.model.rules import (
    Audience,
    Confidence,
    DegreeLevel,
    MasterField,
    check_id,
    ensure_unique_ids,
    find_source,
)


class StrictModel(BaseModel):
    """Base for data models: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


_check_id = check_id


class Source(StrictModel):
    """Where a fact comes from: a page, the date it states, and the date it was read."""

    id: str
    url: str
    title: str
    as_of: str | None = Field(
        default=None, description="the page's own date as it states it, or null when undated"
    )
    read_on: dt.date
    official: bool

    _id = field_validator("id")(_check_id)

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError(f"{value!r} is not an http(s) URL")
        return value


class Agency(StrictModel):
    """The body that issues the credential and takes the application."""

    name: str
    url: str


class Cited(StrictModel):
    """Anything that rests on sources and carries a confidence."""

    sources: list[str] = Field(min_length=1)
    confidence: Confidence
    note: str | None = None


class Reading(StrictModel):
    """One source's reading of a contested rule; ``rule: null`` means 'not required'."""

    says: str
    sources: list[str] = Field(min_length=1)
    rule: Requirement | None = None


class Conflict(StrictModel):
    """Sources disagree: the requirement states one reading, ``readings`` the others.

    ``governs`` says which reading decides the status: ``requirement`` (the default) or
    ``reading`` (the first of ``readings``), for when the more authoritative source, such as the
    current rule text, is the one in ``readings``. Every reading is shown either way.
    """

    summary: str
    governs: Literal["requirement", "reading"] = "requirement"
    readings: list[Reading] = Field(min_length=1)


class _RequirementBase(Cited):
    id: str
    text: str
    conflict: Conflict | None = None
    #: what a person should know when planning this step (shown on the plan step; rests on
    #: the requirement's sources)
    plan_note: str | None = None

    _id = field_validator("id")(_check_id)


class DegreeRequirement(_RequirementBase):
    """A degree at a level; ``fields`` null means any field."""

    kind: Literal["degree"]
    level: DegreeLevel
    fields: list[MasterField] | None = None
    ala_accredited: bool = False


class ProgramRequirement(_RequirementBase):
    """Completion of a state-approved school library (media) preparation program.

    ``program_kind: teacher_preparation`` marks a route whose program must also be a
    teacher-preparation program that grants the initial teaching license (an entitlement or
    initial-certification program); ``in_state`` that the program must be approved by this
    state. Both come from the requirement's own sources.
    """

    kind: Literal["program"]
    program_kind: Literal["school_library", "teacher_preparation"] = "school_library"
    in_state: bool = False


class CreditHoursRequirement(_RequirementBase):
    """Semester hours in library science / school library media; null when not confirmed."""

    kind: Literal["credit_hours"]
    min_hours: float | None = Field(default=None, ge=0)


class TeachingLicenseRequirement(_RequirementBase):
    """A teaching license (any state unless ``in_state`` is true)."""

    kind: Literal["teaching_license"]
    must_be_active: bool = True
    in_state: bool = False


class TeachingYearsRequirement(_RequirementBase):
    """Years of PK-12 classroom teaching; null when the number is not confirmed."""

    kind: Literal["teaching_years"]
    min_years: float | None = Field(default=None, ge=0)


class LibraryYearsRequirement(_RequirementBase):
    """Years working in a school library."""

    kind: Literal["school_library_years"]
    min_years: float | None = Field(default=None, ge=0)


class LastKnownCut(StrictModel):
    """The last cut score a source gives for this state, on an older or unnamed version of the
    test (``test``, e.g. "Praxis 5311"): history to show beside a null cut, never the cut."""

    score: float = Field(ge=0)
    test: str
    #: the date the source gives for the figure, as text ("2015-09", "2023"), or null
    as_of: str | None
    #: a source id of the state file
    source: str
    note: str | None = None


class ExamRequirement(_RequirementBase):
    """Passing an exam from the catalogue; ``cut_score`` is this state's, null if not confirmed."""

    kind: Literal["exam"]
    exam: str
    cut_score: float | None = None
    #: older versions of the same test (Praxis 5311 before 5312); whether this state still
    #: accepts a pass on them: true, false, or null when not confirmed
    previous: list[str] = Field(default_factory=list)
    previous_accepted: bool | None = None
    #: the test can be taken at any time: the rule ties it to no program or degree
    any_time: bool = False
    #: with ``cut_score`` null: the last figure a source gave (an older test or date)
    last_known_cut: LastKnownCut | None = None


class PracticumRequirement(_RequirementBase):
    """Supervised school-library practicum hours; null when the number is not confirmed."""

    kind: Literal["practicum"]
    min_hours: float | None = Field(default=None, ge=0)


class PortfolioRequirement(_RequirementBase):
    """A completed professional portfolio."""

    kind: Literal["portfolio"]


class BackgroundCheckRequirement(_RequirementBase):
    """Fingerprint / background clearance."""

    kind: Literal["background_check"]


class NationalBoardRequirement(_RequirementBase):
    """National Board Certification (usually as one alternative in an any-of group)."""

    kind: Literal["national_board"]


class OtherRequirement(_RequirementBase):
    """A requirement no profile field can answer; the report asks the person to confirm it."""

    kind: Literal["other"]


class AnyOfRequirement(_RequirementBase):
    """Met when any one of the options is met."""

    kind: Literal["any_of"]
    options: list[Requirement] = Field(min_length=2)


Requirement = Annotated[
    DegreeRequirement
    | ProgramRequirement
    | CreditHoursRequirement
    | TeachingLicenseRequirement
    | TeachingYearsRequirement
    | LibraryYearsRequirement
    | ExamRequirement
    | PracticumRequirement
    | PortfolioRequirement
    | BackgroundCheckRequirement
    | NationalBoardRequirement
    | OtherRequirement
    | AnyOfRequirement,
    Field(discriminator="kind"),
]


class Pathway(StrictModel):
    """One route to the credential, as the sources describe it.

    ``audience`` other than ``general`` marks a route only some people can take (a holder of
    another state's certificate, someone an employer sponsors); such a route is shown but is
    chosen as best only when no general route exists.
    """

    id: str
    name: str
    summary: str
    audience: Audience = "general"
    requirements: list[Requirement] = Field(min_length=1)
    note: str | None = None

    _id = field_validator("id")(_check_id)


class Fee(Cited):
    """A fee the sources state; ``amount_usd`` null when not confirmed."""

    item: str
    amount_usd: float | None = Field(default=None, ge=0)
    applies_to: Literal["application", "exam", "background_check", "other"] = "other"
    exam: str | None = None
    #: how it is done, as the agency says it ("fingerprints at an IdentoGO site")
    procedure: str | None = None
    #: how long the agency says it takes ("6-8 weeks"), null when it does not say
    processing_time: str | None = None


class Renewal(Cited):
    """How the credential is kept."""

    text: str
    years: int | None = Field(default=None, ge=1)
    continuing_education: str | None = None


class Reciprocity(Cited):
    """How a holder of another state's certificate gets in."""

    text: str


class StateRules(StrictModel):
    """A jurisdiction's school library media credential and how to get it."""

    schema_version: Literal[1] = 1
    code: str = Field(pattern=r"^[A-Z]{2}$")
    name: str
    credential: str
    grade_span: str | None = None
    agency: Agency
    last_checked: dt.date
    confidence: Confidence
    confidence_note: str
    sources: list[Source] = Field(min_length=1)
    pathways: list[Pathway] = Field(min_length=1)
    fees: list[Fee] = Field(default_factory=list)
    renewal: Renewal | None = None
    reciprocity: Reciprocity | None = None
    notes: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_ids(self) -> StateRules:
        ensure_unique_ids(
            {"source": [s.id for s in self.sources], "pathway": [p.id for p in self.pathways]}
        )
        return self

    def source(self, source_id: str) -> Source:
        """The source with this id (the data check guarantees it exists)."""
        return find_source(self.sources, source_id)


class ExamScale(StrictModel):
    """The score scale of an exam."""

    min: float
    max: float


class ExamCategory(StrictModel):
    """A content category of an exam blueprint with its share of questions."""

    id: str
    name: str
    percent: float = Field(ge=0, le=100)


class Exam(Cited):
    """An exam described once and referenced by id from every state that uses it."""

    id: str
    vendor: str
    name: str
    code: str
    aliases: list[str] = Field(default_factory=list)
    format: str | None = None
    fee_usd: float | None = Field(default=None, ge=0)
    scale: ExamScale | None = None
    categories: list[ExamCategory] = Field(default_factory=list)
    #: the vendor's own registration page for this test (or its testing program); null when
    #: not read. ``registration_source`` is the catalogue source that gives it (required with it)
    registration_url: str | None = None
    registration_source: str | None = None
    #: the testing time as the vendor states it ("2 hours"), null when not read
    length: str | None = None
    #: when the test can be taken as the vendor states it ("year-round by appointment")
    testing_window: str | None = None

    _id = field_validator("id")(_check_id)


class ExamCatalog(StrictModel):
    """Exams described once (one file of ``data/exams/``), with the sources they cite."""

    schema_version: Literal[1] = 1
    sources: list[Source] = Field(min_length=1)
    exams: list[Exam] = Field(min_length=1)


class Estimate(Cited):
    """A sourced planning estimate: months and/or cost as ranges; null means not confirmed.

    ``state`` marks a jurisdiction's own figure, which the plan prefers to the national one.
    ``per_credit_usd`` and ``credits_per_month`` price and pace coursework by the hours left.
    """

    id: str
    title: str
    state: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    months: tuple[float, float] | None = None
    cost_usd: tuple[float, float] | None = None
    credits: tuple[float, float] | None = None
    hours: tuple[float, float] | None = None
    per_credit_usd: tuple[float, float] | None = None
    credits_per_month: tuple[float, float] | None = None
    summary: str | None = Field(
        default=None, description="one or two sentences a plan shows; the note keeps the detail"
    )

    _id = field_validator("id")(_check_id)

    @field_validator(
        "months", "cost_usd", "credits", "hours", "per_credit_usd", "credits_per_month"
    )
    @classmethod
    def _ordered(cls, value: tuple[float, float] | None) -> tuple[float, float] | None:
        if value is not None and not 0 <= value[0] <= value[1]:
            raise ValueError(f"{list(value)} is not a range [low, high] of numbers >= 0")
        return value


class Estimates(StrictModel):
    """The plan's duration and cost estimates, each with its sources."""

    schema_version: Literal[1] = 1
    sources: list[Source] = Field(min_length=1)
    estimates: list[Estimate] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> Estimates:
        ensure_unique_ids(
            {
                "source": [s.id for s in self.sources],
                "estimate": [f"{e.id}@{e.state or 'US'}" for e in self.estimates],
            }
        )
        return self

    def get(self, estimate_id: str, state: str | None = None) -> Estimate | None:
        """The estimate with this id: the state's own when there is one, else the national one."""
        national = None
        for est in self.estimates:
            if est.id == estimate_id:
                if est.state is not None and est.state == state:
                    return est
                if est.state is None:
                    national = est
        return national
