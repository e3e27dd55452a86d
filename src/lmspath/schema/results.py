"""Pydantic schemas of what the engine and planner return; the JSON Schema is made from them."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from lmspath.model.results import Status, StepKind, Verdict


class Result(BaseModel):
    """Base for results: immutable, unknown keys refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceRef(Result):
    """A cited source as the report shows it."""

    id: str
    url: str
    title: str
    as_of: str | None
    read_on: str
    official: bool


class ReadingResult(Result):
    """How the person fares under one source's reading of a contested rule."""

    says: str
    status: Status
    have: str
    sources: list[SourceRef]


class ConflictResult(Result):
    """Sources disagree: the rule as the data states it, and each other reading."""

    summary: str
    readings: list[ReadingResult]
    outcome: str


class RequirementResult(Result):
    """One requirement checked against the profile."""

    id: str
    kind: str
    text: str
    status: Status
    have: str
    need: str
    manual: bool = False
    sources: list[SourceRef]
    confidence: str
    note: str | None = None
    conflict: ConflictResult | None = None
    options: list[RequirementResult] = Field(default_factory=list)


class PathwayResult(Result):
    """A pathway and where the person stands on each of its requirements."""

    id: str
    name: str
    summary: str
    audience: str = "general"
    complete: bool
    remaining_steps: int
    blocking: int
    requirements: list[RequirementResult]


class ProgramPick(Result):
    """A recorded preparation program that fits a plan step (data/programs/)."""

    id: str
    institution: str
    name: str
    approved_by: str
    #: ``in_state``: approved by the target state; ``disclosure``: approved elsewhere, and its
    #: licensure disclosure says it meets the target state's requirements
    scope: str
    delivery: str | None
    cost_usd: tuple[float, float] | None
    #: ``total`` (stated by the program) or ``per_credit`` (tuition a credit x credit hours)
    cost_basis: str | None
    tuition_year: str | None
    license_required_to_enrol: bool | None
    url: str


class PastCut(Result):
    """The last cut score a source gave on an older or unnamed version of the test: history,
    shown beside a cut that is not confirmed, never as the current cut."""

    score: float
    test: str
    as_of: str | None
    source: SourceRef


class ExamFacts(Result):
    """What a person needs to book and pass an exam step, each fact as the data holds it
    (null: not confirmed)."""

    exam: str
    vendor: str
    code: str
    name: str
    registration_url: str | None
    #: the id of the catalogue source that gives the registration page
    registration_source: str | None = None
    #: the fee this step costs: the state's exam fee where it lists one, else the vendor's
    fee_usd: float | None
    format: str | None
    length: str | None
    testing_window: str | None
    #: this state's current cut score; null when not confirmed
    cut_score: float | None
    scale: tuple[float, float] | None
    last_known_cut: PastCut | None = None


class PlanStep(Result):
    """One step still to take, with its estimate and what it waits for."""

    order: int
    kind: StepKind
    title: str
    detail: str
    requirement_ids: list[str]
    status: str = "missing"
    note: str | None = None
    months: tuple[float, float] | None
    cost_usd: tuple[float, float] | None
    after: list[int]
    during: int | None = None
    estimate_note: str | None = None
    link: str | None = None
    sources: list[SourceRef]
    #: programs on record that fit this step, best fit first (at most three)
    programs: list[ProgramPick] = Field(default_factory=list)
    #: an exam step's vendor, registration page, fee, format, length and cut score
    exam: ExamFacts | None = None
    #: False for a step listed only because the profile leaves its answer blank, though every
    #: route rests on it (a bachelor's degree): its time and cost are not in the plan's totals
    counted: bool = True


class Plan(Result):
    """The ordered steps for one pathway and its totals along the critical path."""

    pathway: str
    steps: list[PlanStep]
    months: tuple[float, float] | None
    cost_usd: tuple[float, float] | None
    unestimated: list[str]
    total_note: str
    #: every step that takes months or years has a time estimate, so ``months`` is the whole
    complete: bool = True
    #: the titles of the steps that take months or years and have no time estimate
    unestimated_major: list[str] = Field(default_factory=list)


class Agency(Result):
    """The agency the application goes to."""

    name: str
    url: str


class Assessment(Result):
    """Everything the report shows: verdict, pathways, plan, warnings."""

    state: str
    state_name: str
    credential: str
    agency: Agency
    verdict: Verdict
    verdict_reason: str
    best_pathway: str
    best_reason: str
    pathways: list[PathwayResult]
    plan: Plan
    warnings: list[str]
    confidence: str
    confidence_note: str
    data_checked: str
    skills: dict[str, object] | None = None
    #: pay and openings for the state (``engine.career.CareerSummary`` as a dict), when known
    career: dict[str, object] | None = None
    #: set when the report was made with ``--assume``: what the assumptions change
    what_if: WhatIf | None = None
    #: set for a holder of another state's certificate: the move, its route and agreements
    moving: MovingNote | None = None
    #: set when the profile leaves the teaching license blank and an active one would make
    #: another route quicker or cheaper than the one planned
    if_licensed: IfLicensed | None = None


class IfLicensed(Result):
    """The route an active teaching license would make best, for a profile that leaves the
    license blank (planned as none), when that route is quicker or cheaper."""

    #: the state of the license assumed: the profile's license state, else the target state
    license_state: str
    pathway: str
    pathway_name: str
    months: tuple[float, float] | None
    #: every step that takes months has a time estimate, so ``months`` is the whole
    months_complete: bool
    cost_usd: tuple[float, float] | None
    #: its time and cost in words, as the best route's reason names them
    headline: str


class WhatIf(Result):
    """What changes when the assumed answers (``--assume``) are true: the report shows the
    assessment with them; these are the differences from the assessment without them."""

    assumed: list[str]
    verdict_before: Verdict
    verdict_after: Verdict
    best_pathway_before: str
    best_pathway_after: str
    #: titles of plan steps no longer needed, and of steps the assumption adds
    steps_removed: list[str]
    steps_added: list[str]
    months_before: tuple[float, float] | None
    months_after: tuple[float, float] | None
    months_complete_before: bool
    months_complete_after: bool
    #: before minus after, per end of the range; null when either total is only a lower bound
    months_saved: tuple[float, float] | None
    cost_before: tuple[float, float] | None
    cost_after: tuple[float, float] | None
    cost_saved: tuple[float, float] | None


class MovingAgreement(Result):
    """An interstate agreement as it bears on one move (data/mobility.yaml)."""

    id: str
    name: str
    #: ``both_members``, ``not_both_members``, ``excluded`` (e.g. a provisional certificate),
    #: or ``not_confirmed`` (membership not on record)
    applies: str
    applies_words: str
    #: 'yes', 'no', or 'not confirmed: check with <agency>'
    covers_school_librarians: str
    summary: str
    conditions: str
    note: str
    confidence: str
    sources: list[SourceRef]


class MovingSpouse(Result):
    """The destination's licensure provision for military spouses (data/mobility.yaml); it
    applies only to the spouse of a service member, which the profile does not record."""

    state: str
    #: false when no provision for this state is on record (not the same as 'has none')
    on_record: bool
    name: str | None = None
    #: what it gives, in words ('a temporary license', 'an expedited review', ...)
    gives: list[str] = Field(default_factory=list)
    summary: str | None = None
    time_limit: str | None = None
    decision_within: str | None = None
    #: 'yes', 'no', or 'not confirmed: check with <agency>'
    names_educator_licenses: str
    covers_school_librarians: str
    #: one sentence for the report
    words: str
    note: str | None = None
    confidence: str | None = None
    sources: list[SourceRef] = Field(default_factory=list)


class MovingNote(Result):
    """For a holder of another state's school librarian certificate: the move to this state."""

    from_state: str
    to_state: str
    certificate_kind: str | None
    certificate_years: float | None
    #: the destination's route for holders of another state's certificate, if it has one
    route: str | None
    route_name: str | None
    route_open: bool
    #: what that route asks for that the person does not have yet
    destination_adds: list[str]
    reciprocity: str | None
    agreements: list[MovingAgreement]
    cautions: list[str]
    agency: str
    #: the destination's provision for military spouses, or 'not confirmed' when none is on record
    military_spouse: MovingSpouse | None = None
