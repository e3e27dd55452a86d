"""Each kind of requirement's plan step: the step template an unmet requirement becomes.

``kinds.KINDS`` names, per kind, the function here that fills its step in; the planner
(``plan``) orders, links and totals the steps.
"""

from __future__ import annotations

import sys
from typing import NamedTuple

from lmspath.engine.exam_facts import exam_facts, facts_sources
from lmspath.engine.kind_checks import sources_disagree
from lmspath.model.results import ExamFacts, RequirementResult, SourceRef, StepKind, source_ref
from lmspath.model.rules import (
    AnyOfRequirement,
    Estimate,
    Estimates,
    ExamCatalog,
    ExamRequirement,
    Requirement,
    StateRules,
)

Range = tuple[float, float]
#: ``plan.plan_flags``: a master's in progress, a program in progress, an expired license, an
#: active license from another state, no degree yet (a bachelor's not held or in progress, no
#: master's, no license held or lapsed), a bachelor's in progress (with no master's).
Flags = tuple[bool, bool, bool, bool, bool, bool]


class _Draft:
    __slots__ = (
        "after",
        "any_time",
        "cost",
        "detail",
        "during",
        "estimate_note",
        "exam",
        "follows",
        "kind",
        "library_study",
        "link",
        "months",
        "note",
        "numbers",
        "order",
        "rate",
        "requirement_ids",
        "retake",
        "review",
        "sources",
        "status",
        "title",
        "uncounted",
        "with_program",
    )

    kind: StepKind
    title: str
    detail: str
    requirement_ids: list[str]
    status: str
    note: str | None
    months: Range | None
    cost: Range | None
    estimate_note: str | None
    link: str | None
    sources: list[SourceRef]
    order: int
    after: list[int]
    during: int | None
    #: For a step whose title (and, for years, time) follows from a number in the profile:
    #: the profile field, the amount the rule asks for, and what it counts ("coursework",
    #: "practicum" or "years"); ``_numbered`` fills them in.
    numbers: tuple[str, float, str] | None
    #: For coursework priced and paced per credit: (credits per month, USD per credit).
    rate: tuple[Range, Range] | None
    #: an exam the rule ties to no program or degree: it can be taken now
    any_time: bool
    #: a library master's or a school library program: library credit hours are earned in it
    library_study: bool
    #: a license held elsewhere, reviewed by this state: paperwork, not preparation
    review: bool
    #: a master's step that takes the school library program inside it
    with_program: bool
    #: an exam step's (exam id, cut score): a person who scored below the cut retakes it
    retake: tuple[str, float] | None
    #: an exam step's vendor, registration page, fee, length and cut score
    exam: ExamFacts | None
    #: the kinds of step this one starts after, where its kind alone does not say
    follows: tuple[StepKind, ...]
    #: a step the plan lists only because the profile leaves its answer blank, though every
    #: route rests on it (a bachelor's degree): shown with its time and cost, left out of the
    #: plan's totals, so it neither lengthens one route nor decides between routes
    uncounted: bool

    def __init__(
        self,
        kind: StepKind,
        title: str,
        detail: str,
        requirement_ids: list[str],
        status: str = "missing",
        note: str | None = None,
        months: Range | None = None,
        cost: Range | None = None,
        estimate_note: str | None = None,
        link: str | None = None,
        sources: list[SourceRef] | None = None,
        order: int = 0,
        after: list[int] | None = None,
        during: int | None = None,
        numbers: tuple[str, float, str] | None = None,
        rate: tuple[Range, Range] | None = None,
        any_time: bool = False,
        library_study: bool = False,
        review: bool = False,
        with_program: bool = False,
        retake: tuple[str, float] | None = None,
        exam: ExamFacts | None = None,
        follows: tuple[StepKind, ...] = (),
        uncounted: bool = False,
    ) -> None:
        self.kind = kind
        self.title = title
        self.detail = detail
        self.requirement_ids = requirement_ids
        self.status = status
        self.note = note
        self.months = months
        self.cost = cost
        self.estimate_note = estimate_note
        self.link = link
        self.sources = [] if sources is None else sources
        self.order = order
        self.after = [] if after is None else after
        self.during = during
        self.numbers = numbers
        self.rate = rate
        self.any_time = any_time
        self.library_study = library_study
        self.review = review
        self.with_program = with_program
        self.retake = retake
        self.exam = exam
        self.follows = follows
        self.uncounted = uncounted

    def copy(self) -> _Draft:
        """A copy to order and link in one sketch (a step template is shared by many).

        The lists are shared too: once a template is made, they are only ever replaced
        (``_merge_study``, ``_link``), never changed in place.
        """
        twin = _Draft.__new__(_Draft)
        for name in _DRAFT_SLOTS:
            setattr(twin, name, getattr(self, name))
        return twin


_DRAFT_SLOTS = _Draft.__slots__


def _estimate_refs(estimates: Estimates, est: Estimate) -> list[SourceRef]:
    by_id = {s.id: s for s in estimates.sources}
    return [source_ref(by_id[s]) for s in est.sources if s in by_id]


def _estimate_words(used: list[Estimate]) -> str:
    """What a plan step says of its estimate: each figure's title and short summary."""
    words = [e.title + (f": {e.summary}" if e.summary else "") for e in used]
    if len(words) == 2:
        return f"{words[0]}. Where it states no figure, the national one: {words[1]}"
    return "; ".join(words)


def _apply(
    draft: _Draft,
    estimates: Estimates,
    estimate_id: str,
    state: str | None = None,
    *,
    months: bool = True,
) -> None:
    est = estimates.get(estimate_id, state)
    if est is None:
        return
    used = [est]
    national = estimates.get(estimate_id) if est.state is not None else None
    span, cost = est.months, est.cost_usd
    if national is not None and (span is None or cost is None):
        # The state's own figure where it has one, the national one for the rest.
        if (months and span is None and national.months is not None) or (
            cost is None and national.cost_usd is not None
        ):
            used.append(national)
        span = span if span is not None else national.months
        cost = cost if cost is not None else national.cost_usd
    if months:
        draft.months = span
    draft.cost = cost
    draft.estimate_note = _estimate_words(used)
    for item in used:
        draft.sources.extend(_estimate_refs(estimates, item))


#: A master's in progress has no time of its own: what is left of it is not known.
MASTER_LEFT_UNKNOWN = "in progress: time left depends on your program"


def _in_progress(
    draft: _Draft, estimates: Estimates, estimate_id: str, state: str, what: str = "program"
) -> None:
    """A program (or a bachelor's degree) already started: what is left is at most the whole
    of it, so the whole one's sourced time and cost are the upper ends, and nothing the lower.
    (A master's in progress is left without: a whole master's, 18-36 months, bounds it too
    loosely to rank it against a shorter route fairly; a bachelor's comes first on nearly
    every route, so its bound decides little between them.)"""
    _apply(draft, estimates, estimate_id, state)
    if draft.months is None:
        draft.estimate_note = f"in progress: time left depends on your {what}"
        return
    draft.months = (0.0, draft.months[1])
    if draft.cost is not None:
        draft.cost = (0.0, draft.cost[1])
    draft.estimate_note = f"in progress: at most a whole {what} is left. {draft.estimate_note}"


def find_requirement(rules: StateRules, pathway_id: str, req_id: str) -> Requirement | None:
    for pathway in rules.pathways:
        if pathway.id != pathway_id:
            continue
        stack: list[Requirement] = list(pathway.requirements)
        while stack:
            item = stack.pop()
            if item.id == req_id:
                return item
            if isinstance(item, AnyOfRequirement):
                stack.extend(item.options)
    return None


def start_draft(
    req: RequirementResult,
    found: Requirement | None,
    kind: StepKind,
    alternatives: list[str],
) -> _Draft:
    """The step every kind starts from: the requirement's words, status note and sources
    (``found`` is the rule in the data, ``kind`` the step kind of the rule that governs)."""
    text = req.text
    if found is not None and found.conflict is not None and found.conflict.governs == "reading":
        # The governing reading decides what the step is, so the step says what that reading says.
        text = found.conflict.readings[0].says
    detail = text
    if alternatives:
        detail += " Alternatives: " + "; ".join(alternatives) + "."
    draft = _Draft(kind=kind, title=text, detail=detail, requirement_ids=[req.id])
    draft.status = "manual" if req.manual else req.status
    draft.note = _status_note(req)
    if found is not None and found.plan_note:
        draft.note = "; ".join(n for n in (found.plan_note.strip(), draft.note) if n)
    draft.sources.extend(req.sources)
    return draft


class StepContext(NamedTuple):
    """What a step template reads besides its requirement: the state, its estimates and exam
    catalogue, and the plan flags of the person."""

    rules: StateRules
    estimates: Estimates
    catalog: ExamCatalog | None
    flags: Flags


def step_degree(
    draft: _Draft, rule: Requirement | None, req: RequirementResult, ctx: StepContext
) -> None:
    """A degree: a bachelor's, or a master's (finished when in progress)."""
    estimates, rules = ctx.estimates, ctx.rules
    level = getattr(rule, "level", "master")
    if level == "bachelor":
        draft.kind = "bachelor"
        _bachelor(draft, estimates, rules.code, in_progress=ctx.flags[5])
        if req.status == "not_given":
            # Every route rests on a bachelor's degree, whether its rules name one or its
            # master's or license assumes one: counting a blank answer's four years against the
            # routes that name it would send a graduate onto a longer route they do not need.
            draft.uncounted = True
            draft.title = "Earn a bachelor's degree if you have none"
            draft.note = "; ".join(n for n in (draft.note, NOT_COUNTED) if n)
        return
    draft.title = "Earn " + req.need
    fields_named = getattr(rule, "fields", None) or []
    draft.library_study = bool({"library_science", "school_library_media"} & set(fields_named))
    if ctx.flags[0]:  # a master's in progress
        draft.title = "Finish your master's degree"
        draft.estimate_note = MASTER_LEFT_UNKNOWN
    elif {"library_science", "school_library_media"} & set(fields_named) or not fields_named:
        _apply(draft, estimates, "mlis", rules.code)


#: What an uncounted step's note adds (``_Draft.uncounted``).
NOT_COUNTED = "its time and cost are not in the plan's totals"


def _bachelor(draft: _Draft, estimates: Estimates, state: str, *, in_progress: bool) -> None:
    """A bachelor's degree to earn, or to finish (at most a whole degree is left)."""
    if in_progress:
        draft.title = "Finish your bachelor's degree"
        _in_progress(draft, estimates, "bachelor", state, "degree")
    else:
        draft.title = "Earn a bachelor's degree"
        _apply(draft, estimates, "bachelor", state)


def implied_bachelor(estimates: Estimates, state: str, *, in_progress: bool) -> _Draft:
    """The bachelor's degree a route's master's or teaching license needs first, for someone
    with none yet, where the route's rules do not name it (a template: copy it before use)."""
    draft = _Draft(
        kind="bachelor",
        title="",
        detail=(
            "This route's rules name a master's degree or a teaching license and assume a "
            "bachelor's degree: master's programs, and the alternative-route and "
            "post-baccalaureate programs a license's estimate comes from, admit graduates"
        ),
        requirement_ids=[],
    )
    _bachelor(draft, estimates, state, in_progress=in_progress)
    return draft


def step_study(
    draft: _Draft, rule: Requirement | None, req: RequirementResult, ctx: StepContext
) -> None:
    """A school library program, or library coursework priced and paced per credit."""
    estimates, rules = ctx.estimates, ctx.rules
    rule_kind = rule.kind if rule is not None else req.kind
    credit = estimates.get("coursework-credit", rules.code)
    if rule_kind == "credit_hours" and getattr(rule, "min_hours", None) is not None:
        hours = float(getattr(rule, "min_hours", 0))
        draft.numbers = ("library_credit_hours", hours, "coursework")
        if (
            credit is not None
            and credit.credits_per_month is not None
            and credit.per_credit_usd is not None
        ):
            # Priced and paced by the hours left, not by a whole program's range.
            draft.rate = (credit.credits_per_month, credit.per_credit_usd)
            draft.estimate_note = _estimate_words([credit])
            draft.sources.extend(_estimate_refs(estimates, credit))
    elif rule_kind == "program":
        draft.library_study = True
        draft.title = "Complete a state-approved school library preparation program"
        if getattr(rule, "program_kind", "school_library") == "teacher_preparation":
            draft.title = (
                "Complete a teacher-preparation program in school library media that "
                "grants the teaching license"
            )
    if ctx.flags[1] and rule_kind == "program":  # a program in progress
        draft.title = "Finish your school library preparation program"
        _in_progress(draft, estimates, "addon-program", rules.code)
    elif draft.rate is None:
        _apply(draft, estimates, "addon-program", rules.code)


def step_license(
    draft: _Draft, rule: Requirement | None, req: RequirementResult, ctx: StepContext
) -> None:
    """A teaching license: earned, reinstated, or recognised from another state."""
    rules = ctx.rules
    _, _, license_expired, licensed_elsewhere, _, _ = ctx.flags
    if license_expired:
        # Reinstating is the state's own procedure: an initial license's figures do not fit.
        draft.title = "Renew or reinstate your teaching license"
        draft.estimate_note = "time and cost depend on the state's reinstatement rules"
    elif licensed_elsewhere:
        # A licensed teacher moving states applies on the license held (reciprocity or a
        # license review), not through an initial route's program.
        draft.title = (
            f"Get your teaching license recognised in {rules.name} "
            "(reciprocity or a license review)"
        )
        draft.review = True
        draft.estimate_note = (
            f"time and cost depend on {rules.agency.name}'s review of your license"
        )
    else:
        draft.title = "Earn a teaching license"
        _apply(draft, ctx.estimates, "teaching-license", rules.code)


def step_years(
    draft: _Draft, rule: Requirement | None, req: RequirementResult, ctx: StepContext
) -> None:
    """Years of classroom teaching or school library work, counted from the years left."""
    rule_kind = rule.kind if rule is not None else req.kind
    min_years = getattr(rule, "min_years", None)
    what = "classroom teaching" if rule_kind == "teaching_years" else "school library work"
    # Years are worked, in a paid post: the step has no fee of its own.
    draft.cost = (0.0, 0.0)
    if min_years is not None:
        # rule_kind is also the profile field: teaching_years or school_library_years
        draft.numbers = (rule_kind, float(min_years), "years")
    else:
        draft.title = f"Gain {what} experience (years required not confirmed)"


def step_exam(
    draft: _Draft, rule: Requirement | None, req: RequirementResult, ctx: StepContext
) -> None:
    """An exam: its fee, registration page and facts, and a retake below the cut."""
    rules, catalog = ctx.rules, ctx.catalog
    exam_id = getattr(rule, "exam", None)
    draft.title = "Pass " + req.need.removeprefix("pass ")
    draft.any_time = bool(getattr(rule, "any_time", False))
    cut = getattr(rule, "cut_score", None)
    if exam_id and cut is not None:
        draft.retake = (exam_id, float(cut))
    if catalog is not None and exam_id:
        for exam in catalog.exams:
            if exam.id == exam_id and exam.fee_usd is not None:
                draft.cost = (exam.fee_usd, exam.fee_usd)
                draft.estimate_note = f"test fee for {exam.vendor} {exam.code}"
                by_id = {s.id: s for s in catalog.sources}
                draft.sources.extend(source_ref(by_id[s]) for s in exam.sources if s in by_id)
    _fee(draft, rules, "exam", exam_id)
    if isinstance(rule, ExamRequirement):
        draft.exam = exam_facts(rule, catalog, rules, draft.cost)
        if draft.exam is not None:
            draft.sources.extend(facts_sources(draft.exam, catalog))
            if draft.exam.registration_url:
                draft.link = draft.exam.registration_url


def step_practicum(
    draft: _Draft, rule: Requirement | None, req: RequirementResult, ctx: StepContext
) -> None:
    """A supervised practicum, counted from the hours left."""
    min_hours = getattr(rule, "min_hours", None)
    draft.title = "Complete the supervised school-library practicum"
    if min_hours is not None:
        draft.numbers = ("practicum_hours", float(min_hours), "practicum")
    _apply(draft, ctx.estimates, "practicum", ctx.rules.code, months=False)


def step_portfolio(
    draft: _Draft, rule: Requirement | None, req: RequirementResult, ctx: StepContext
) -> None:
    """A professional portfolio."""
    draft.title = "Complete your professional portfolio"
    _apply(draft, ctx.estimates, "portfolio", ctx.rules.code, months=False)


def step_background(
    draft: _Draft, rule: Requirement | None, req: RequirementResult, ctx: StepContext
) -> None:
    """The fingerprint / background check, with the state's fee and procedure."""
    draft.title = "Complete the fingerprint / background check"
    _fee(draft, ctx.rules, "background_check", None)


def step_board(
    draft: _Draft, rule: Requirement | None, req: RequirementResult, ctx: StepContext
) -> None:
    """National Board Certification (Library Media)."""
    draft.title = "Earn National Board Certification (Library Media)"
    # Candidacy needs a bachelor's degree, a teaching license and three years of teaching
    # (the eligibility conditions the National Board routes list), so it starts after them.
    draft.follows = ("bachelor", "teaching_license", "teaching_experience")
    _apply(draft, ctx.estimates, "national-board", ctx.rules.code)


def step_as_stated(
    draft: _Draft, rule: Requirement | None, req: RequirementResult, ctx: StepContext
) -> None:
    """A rule lmspath cannot check: the step says what the rule says."""


def _status_note(req: RequirementResult) -> str | None:
    """Why this step is in the plan when it is not plainly missing."""
    notes = []
    if req.manual:
        notes.append("lmspath cannot check this from a profile: confirm it with the agency")
    elif req.status == "not_given":
        notes.append("your profile does not say whether you have this; skip it if you do")
    elif req.status == "not_confirmed":
        notes.append("the data does not confirm the exact rule: check with the agency")
    if req.conflict is not None and sources_disagree([r.status for r in req.conflict.readings]):
        notes.append("sources disagree whether you need this (see the warning above)")
    return "; ".join(notes) or None


def _fee(draft: _Draft, rules: StateRules, applies_to: str, exam: str | None) -> None:
    for fee in rules.fees:
        if fee.applies_to != applies_to or fee.amount_usd is None:
            continue
        if applies_to == "exam" and fee.exam not in {None, exam}:
            continue
        draft.cost = (fee.amount_usd, fee.amount_usd)
        draft.estimate_note = f"{fee.item} ({rules.code})"
        draft.sources.extend(source_ref(rules.source(s)) for s in fee.sources)
        break
    if applies_to != "exam":
        _fee_words(draft, rules, applies_to)


def _fee_words(draft: _Draft, rules: StateRules, applies_to: str) -> None:
    """The agency's procedure and processing time for this kind of fee, on the step's note."""
    words = fee_words(rules, applies_to)
    if words:
        draft.note = "; ".join(n for n in (draft.note, words) if n)
        refs = [
            source_ref(rules.source(s))
            for f in rules.fees
            if f.applies_to == applies_to
            for s in f.sources
        ]
        draft.sources = draft.sources + refs


def fee_words(rules: StateRules, applies_to: str) -> str | None:
    """'How: ...; processing time: ...' from the state's fees of this kind, or None."""
    parts: list[str] = []
    for fee in rules.fees:
        if fee.applies_to != applies_to:
            continue
        if fee.procedure and f"how: {fee.procedure}" not in parts:
            parts.append(f"how: {fee.procedure}")
        if fee.processing_time and f"processing time: {fee.processing_time}" not in parts:
            parts.append(f"processing time: {fee.processing_time}")
    return "; ".join(parts) or None


def intern_draft(draft: _Draft) -> None:
    # Thousands of sketches repeat the same wording: keep one copy of each text.
    draft.title = sys.intern(draft.title)
    draft.detail = sys.intern(draft.detail)
    if draft.note is not None:
        draft.note = sys.intern(draft.note)
    if draft.estimate_note is not None:
        draft.estimate_note = sys.intern(draft.estimate_note)


def draft_value(draft: _Draft) -> tuple[object, ...]:
    """Everything a finished step holds, as one hashable value (lists as tuples)."""
    return tuple(
        [
            tuple(value) if type(value) is list else value
            for value in [getattr(draft, name) for name in _DRAFT_SLOTS]
        ]
    )
