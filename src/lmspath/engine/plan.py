"""Pure planner: the steps still needed on one pathway, in order, with sourced estimates."""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Sequence

from lmspath.engine.generations import Generations
from lmspath.engine.kind_checks import governing_rule
from lmspath.engine.kinds import KINDS
from lmspath.engine.outcomes import Codes, OutcomeTable, result_outcome
from lmspath.engine.steps import (
    MASTER_LEFT_UNKNOWN,
    Flags,
    Range,
    StepContext,
    _Draft,
    _fee,
    draft_value,
    fee_words,
    find_requirement,
    implied_bachelor,
    intern_draft,
    start_draft,
)
from lmspath.engine.words import count, total_note
from lmspath.model.profile import Profile
from lmspath.model.results import (
    PathwayResult,
    Plan,
    PlanStep,
    RequirementResult,
    SourceRef,
    source_ref,
)
from lmspath.model.rules import (
    AnyOfRequirement,
    DegreeRequirement,
    Estimates,
    ExamCatalog,
    Requirement,
    StateRules,
)

#: The order steps are listed in when nothing else decides.
_RANK: dict[str, int] = {
    "bachelor": 0,
    "teaching_license": 1,
    "master": 2,
    "program": 3,
    "coursework": 4,
    "teaching_experience": 5,
    "practicum": 6,
    "portfolio": 7,
    "exam": 8,
    "background_check": 9,
    "other": 10,
    "application": 11,
}

_STUDY = {"master", "program", "coursework"}

#: Steps that take months or years: a route is ranked by these, never by administrative ones.
#: A portfolio documents competencies across a whole preparation (New Hampshire's portfolio
#: and oral board route is nothing else); no source gives its time.
MAJOR_STEPS = frozenset(
    {
        "bachelor",
        "teaching_license",
        "teaching_experience",
        "master",
        "program",
        "coursework",
        "portfolio",
    }
)


def _names_background_check(requirements: Sequence[Requirement]) -> bool:
    stack = list(requirements)
    while stack:
        item = stack.pop()
        if item.kind == "background_check":
            return True
        if isinstance(item, AnyOfRequirement):
            stack.extend(item.options)
    return False


def _fold_background(app: _Draft, rules: StateRules) -> None:
    """With no background-check step in the plan, the application carries the state's
    fingerprint / background-check fee and procedure (applying needs the clearance)."""
    fee = next(
        (f for f in rules.fees if f.applies_to == "background_check" and f.amount_usd is not None),
        None,
    )
    words = fee_words(rules, "background_check")
    if fee is None and words is None:
        return
    refs = [
        source_ref(rules.source(s))
        for f in rules.fees
        if f.applies_to == "background_check"
        for s in f.sources
    ]
    app.sources = app.sources + refs
    extra = []
    if fee is not None and fee.amount_usd is not None:
        low, high = app.cost if app.cost is not None else (0.0, 0.0)
        app.cost = (low + fee.amount_usd, high + fee.amount_usd)
        extra.append(f"{fee.item} (${fee.amount_usd:,.0f}, {rules.code})")
        app.estimate_note = (
            f"{app.estimate_note} + {extra[0]}"
            if app.estimate_note
            else f"application fee not confirmed; {extra[0]}"
        )
    if words:
        app.note = "; ".join(n for n in (app.note, f"fingerprint / background check, {words}") if n)


def _unique_sources(refs: list[SourceRef]) -> list[SourceRef]:
    seen: set[str] = set()
    out = []
    for ref in refs:
        if ref.url not in seen:
            seen.add(ref.url)
            out.append(ref)
    return out


def _merge_study(drafts: list[_Draft]) -> list[_Draft]:
    """A master's and a program both missing become one step: a master's with the program."""
    master = next((d for d in drafts if d.kind == "master"), None)
    program = next((d for d in drafts if d.kind == "program"), None)
    if master is None or program is None:
        return drafts
    master.title += (
        ", taking the state-approved school library program inside it"
        " (for example an MLIS with school library certification)"
    )
    master.detail = master.detail + " " + program.detail
    # New lists: the master's may be shared with its step template.
    master.requirement_ids = master.requirement_ids + program.requirement_ids
    master.library_study = True
    master.with_program = True
    master.sources = master.sources + program.sources
    if master.months is None and program.months is not None:
        # The step's time and cost are the program's: the note says so, and, for a master's
        # in progress, that what is left of the master's beyond the program is not known.
        master.months, master.cost = program.months, program.cost
        prog = program.estimate_note or ""
        if prog.startswith("in progress: "):
            note = f"the program inside it, {prog}"
        else:
            note = f"the program inside it: {prog}" if prog else "the program inside it"
        if master.estimate_note == MASTER_LEFT_UNKNOWN:
            note = note.rstrip(".") + (
                ". What is left of your master's beyond the program is not known."
            )
        master.estimate_note = note
    return [d for d in drafts if d is not program]


def _link(drafts: list[_Draft], has_license_rule: bool) -> None:
    by_kind: dict[str, _Draft] = {}
    for draft in drafts:
        by_kind.setdefault(draft.kind, draft)
    study = next((d for d in drafts if d.kind in _STUDY), None)
    for draft in drafts:
        deps: list[_Draft | None] = []
        if draft.follows:
            deps = [by_kind.get(kind) for kind in draft.follows]
        elif draft.kind == "teaching_license":
            deps = [by_kind.get("bachelor")]
        elif draft.kind == "teaching_experience":
            deps = [by_kind.get("teaching_license") or by_kind.get("bachelor")]
        elif draft.kind in _STUDY:
            deps = [by_kind.get("bachelor")]
            if has_license_rule and (draft.kind != "master" or draft.with_program):
                # An add-on endorsement attaches to a teaching license: its program (alone or
                # inside a master's) follows the license, so a master's held never lengthens.
                deps.append(by_kind.get("teaching_license"))
            if (
                draft.kind == "coursework"
                and study is not None
                and study is not draft
                and study.library_study
            ):
                # Library credit hours are earned inside a library master's or program, not
                # after it: the hours cost no time or tuition of their own.
                draft.during = study.order
                draft.rate = None
                draft.months = draft.cost = None
                draft.estimate_note = f"earned inside step {study.order}"
            elif draft is not study and study is not None:
                deps.append(study)
        elif draft.kind == "practicum":
            if study is not None:
                draft.during = study.order
            deps = [by_kind.get("bachelor")]
        elif draft.kind == "portfolio":
            # Built alongside any coursework, but not inside its time: what it takes beyond
            # the coursework is not known, and a route whose hours are done still needs it.
            deps = [by_kind.get("bachelor")]
        elif draft.kind == "exam":
            # A test the rule ties to no program can be taken now, beside the rest.
            deps = (
                [by_kind.get("bachelor")] if draft.any_time else [study or by_kind.get("bachelor")]
            )
        elif draft.kind == "application":
            deps = [d for d in drafts if d is not draft]
        draft.after = sorted({d.order for d in deps if d is not None and d is not draft})


def _left(numbers: tuple[str, float, str], p: Profile) -> float:
    name, need, _ = numbers
    have = getattr(p, name)
    return max(0.0, need - (have or 0))


def _numbered_title(numbers: tuple[str, float, str], left: float) -> str:
    """The title of a step with ``left`` of its number still to go."""
    name, _, unit = numbers
    if unit == "coursework":
        return f"Complete {left:g} more semester hours of library coursework"
    if unit == "practicum":
        return f"Complete {left:g} more hours of supervised school-library practicum"
    what = "classroom teaching" if name == "teaching_years" else "school library work"
    return f"Gain {count(left, 'more year')} of {what}"


def _numbered(draft: _Draft, p: Profile) -> _Draft:
    """A copy of the draft with the title (and, for years, the time) for this profile."""
    assert draft.numbers is not None
    _, need, unit = draft.numbers
    left = _left(draft.numbers, p)
    numbered = draft.copy()
    numbered.title = _numbered_title(draft.numbers, left)
    if unit == "years":
        numbered.estimate_note = (
            f"{count(left, 'year')} left of the {need:g} the rule asks for; worked in a paid "
            "post, so no fee"
        )
    numbered.months = _span(draft, left)
    numbered.cost = _price(draft, left)
    return numbered


def _personal(draft: _Draft, p: Profile) -> _Draft:
    """The step as this person reads it: numbers left filled in, a retake named as one."""
    if draft.numbers is not None:
        return _numbered(draft, p)
    if draft.retake is not None and p.exams:
        exam, cut = draft.retake
        scores = [e.score for e in p.exams if e.exam == exam and e.score is not None]
        if scores and max(scores) < cut:
            retaken = draft.copy()
            name = draft.title.removeprefix("Pass ").split(";")[0]
            retaken.title = f"Retake {name}: you scored {max(scores):g}; the cut is {cut:g}"
            return retaken
    return draft


def _span(draft: _Draft, left: float) -> Range | None:
    """The months a numbered step takes with ``left`` of its number to go."""
    assert draft.numbers is not None
    if draft.numbers[2] == "years":
        return (left * 12, left * 12)
    if draft.rate is not None:
        slow, fast = draft.rate[0]
        return (left / fast, left / slow) if slow > 0 else None
    return draft.months


def _price(draft: _Draft, left: float) -> Range | None:
    """The cost of a numbered step with ``left`` of its number to go."""
    if draft.rate is not None:
        low, high = draft.rate[1]
        return (round(left * low), round(left * high))
    return draft.cost


def _critical_path(
    drafts: Sequence[_Draft], months: Sequence[Range | None]
) -> tuple[Range, list[int]]:
    """Totals along the longest chain of steps, and the steps with no estimate (by index)."""
    finish: dict[int, Range] = {}
    unknown: list[int] = []
    for index, draft in enumerate(drafts):  # drafts are in dependency order by construction
        start_lo = max((finish[a][0] for a in draft.after), default=0.0)
        start_hi = max((finish[a][1] for a in draft.after), default=0.0)
        if draft.during is not None:
            finish[draft.order] = finish[draft.during]
            continue
        if draft.uncounted:
            # listed with its time, but not in the totals: the steps after it start as if done
            finish[draft.order] = (start_lo, start_hi)
            continue
        span = months[index]
        if span is None:
            if draft.kind != "application":
                unknown.append(index)
            lo = hi = 0.0
        else:
            lo, hi = span
        finish[draft.order] = (start_lo + lo, start_hi + hi)
    lo = max((f[0] for f in finish.values()), default=0.0)
    hi = max((f[1] for f in finish.values()), default=0.0)
    return (lo, hi), unknown


def _total(drafts: Sequence[_Draft], months: Sequence[Range | None]) -> Range | None:
    """The plan's time: the critical path rounded up to whole months; None with no estimate
    (an uncounted step's does not count)."""
    if all(span is None or d.uncounted for d, span in zip(drafts, months, strict=True)):
        return None
    (lo, hi), _ = _critical_path(drafts, months)
    return (_round(lo), _round(hi))


def _timed(draft: _Draft) -> bool:
    """A numbered step whose time (and cost) follows from the number left."""
    assert draft.numbers is not None
    return draft.numbers[2] == "years" or draft.rate is not None


def _cost(drafts: Sequence[_Draft], costs: Sequence[Range | None]) -> Range | None:
    """The plan's cost: the sum of the steps' costs, an uncounted step's left out; None when
    no step has one."""
    known = [c for d, c in zip(drafts, costs, strict=True) if c is not None and not d.uncounted]
    if not known:
        return None
    return (sum(c[0] for c in known), sum(c[1] for c in known))


def _no_numbers(p: Profile) -> None:
    """The numbers a sketch whose steps read none reads of a profile: none."""
    return None


class Sketch:
    """A plan's structure for one situation: its steps, their order, links and estimates.

    It depends only on the requirements' outcomes and three yes/no facts of the profile (a
    master's or a program in progress, an expired license); the hours or years still to go are
    filled in per profile. Clients in the same situation share one sketch.
    """

    __slots__ = (
        "_by_years",
        "_cost",
        "_first",
        "_months",
        "_numbers",
        "_plans",
        "_years",
        "aside",
        "drafts",
        "open_major",
        "pathway",
    )

    #: Totals remembered per sketch for distinct years (cleared when full).
    LIMIT = 16
    #: Full plans remembered per sketch (the last one): thousands of sketches are kept, and
    #: 16 plans each grew a 30,000-plan run by 5 MiB for 7,718 plans built instead of 10,387.
    PLANS = 1

    def __init__(self, pathway: str, drafts: list[_Draft]) -> None:
        self.pathway = pathway
        self.drafts = tuple(drafts)
        # Years left, and coursework hours priced per credit, change the time and cost; other
        # numbers change titles alone.
        years = sorted({d.numbers[0] for d in drafts if d.numbers and _timed(d)})
        self._years: Callable[[Profile], object] | None = (
            operator.attrgetter(*years) if years else None
        )
        self._by_years: dict[object, tuple[Range | None, Range | None]] = {}
        # Full plans (for reports) by the numbers they read; plans are immutable, so shared.
        numbers = sorted(
            {d.numbers[0] for d in drafts if d.numbers}
            | ({"exams"} if any(d.retake for d in drafts) else set())
        )
        self._numbers: Callable[[Profile], object] = (
            operator.attrgetter(*numbers) if numbers else _no_numbers
        )
        # made on the first full plan: results rows never need one
        self._plans: dict[object, Plan] | None = None
        self._months = _total(self.drafts, [d.months for d in self.drafts]) if not years else None
        self._cost = _cost(self.drafts, [d.cost for d in self.drafts]) if not years else None
        first = self.drafts[0]
        self._first = first.title if first.numbers is None and first.retake is None else None
        #: how many steps are listed but not counted (``_Draft.uncounted``)
        self.aside: int = sum(1 for d in self.drafts if d.uncounted)
        #: how many steps that take months or years have no estimate of their length
        self.open_major: int = sum(
            1
            for d in self.drafts
            if d.kind in MAJOR_STEPS
            and not d.review
            and not d.uncounted
            and d.during is None
            and d.months is None
            and not (d.numbers is not None and _timed(d))
        )

    @property
    def complete(self) -> bool:
        """Every step that takes months or years has a time estimate."""
        return not self.open_major

    @property
    def same_totals(self) -> bool:
        """Its time and cost are the same for everyone (no step reads years or hours left)."""
        return self._years is None

    def drafts_for(self, p: Profile) -> list[_Draft]:
        """The steps with this profile's numbers filled in."""
        return [_personal(d, p) for d in self.drafts]

    def months(self, p: Profile) -> Range | None:
        """The plan's total time for this profile (what ``Plan.months`` holds)."""
        return self.totals(p)[0]

    def totals(self, p: Profile) -> tuple[Range | None, Range | None]:
        """The plan's total time and cost for this profile (``Plan.months``, ``Plan.cost_usd``)."""
        if self._years is None:
            return self._months, self._cost
        key = self._years(p)
        known = self._by_years.get(key)
        if known is not None:
            return known
        spans: list[Range | None] = []
        costs: list[Range | None] = []
        for d in self.drafts:
            if d.numbers is not None and _timed(d):
                left = _left(d.numbers, p)
                spans.append(_span(d, left))
                costs.append(_price(d, left))
            else:
                spans.append(d.months)
                costs.append(d.cost)
        if len(self._by_years) >= self.LIMIT:
            self._by_years.clear()
        found = self._by_years[key] = (_total(self.drafts, spans), _cost(self.drafts, costs))
        return found

    def first_title(self, p: Profile) -> str:
        """The title of the first step (the next thing to do) for this profile."""
        if self._first is not None:
            return self._first
        return _personal(self.drafts[0], p).title

    def plan(self, p: Profile) -> Plan:
        """The full plan for this profile."""
        key = self._numbers(p)
        plans = self._plans
        if plans is None:
            plans = self._plans = {}
        known = plans.get(key)
        if known is None:
            if len(plans) >= self.PLANS:
                plans.clear()
            known = plans[key] = self._plan(p)
        return known

    def _plan(self, p: Profile) -> Plan:
        drafts = self.drafts_for(p)
        spans = [d.months for d in drafts]
        (lo, hi), unknown_at = _critical_path(drafts, spans)
        unknown = [drafts[i].title for i in unknown_at]
        counted = [d for d in drafts if not d.uncounted]
        has_time = any(d.months is not None for d in counted)
        cost_lo = sum(d.cost[0] for d in counted if d.cost)
        cost_hi = sum(d.cost[1] for d in counted if d.cost)
        no_cost = [d.title for d in counted if d.cost is None and d.during is None]
        steps = [
            PlanStep(
                order=d.order,
                kind=d.kind,
                title=d.title,
                detail=d.detail,
                requirement_ids=d.requirement_ids,
                status=d.status,
                note=d.note,
                months=d.months,
                cost_usd=d.cost,
                after=d.after,
                during=d.during,
                estimate_note=d.estimate_note,
                link=d.link,
                sources=_unique_sources(d.sources),
                exam=d.exam,
                counted=not d.uncounted,
            )
            for d in drafts
        ]
        major = [
            d.title
            for i, d in enumerate(drafts)
            if i in unknown_at and d.kind in MAJOR_STEPS and not d.review
        ]
        short = [t for t in unknown if t not in major]
        note = total_note(major, short, len(no_cost), [s for s in steps if not s.counted])
        return Plan(
            pathway=self.pathway,
            steps=steps,
            months=(_round(lo), _round(hi)) if has_time else None,
            cost_usd=(cost_lo, cost_hi) if any(d.cost for d in counted) else None,
            unestimated=unknown,
            total_note=note or "every step has a sourced estimate (ranges, not quotes)",
            complete=not major,
            unestimated_major=major,
        )


_OPTION_ORDER = {"not_given": 0, "not_confirmed": 1, "missing": 2}


def _pick_option(result: RequirementResult) -> RequirementResult:
    """For an unmet any-of group, the option to plan on: a short one (an exam, a check) before
    one that takes months or years, then one not already failing; the rest are named as
    alternatives, so a blank answer never turns a test into a degree."""
    ranked = sorted(
        range(len(result.options)),
        key=lambda i: (
            KINDS[result.options[i].kind].long,
            _OPTION_ORDER.get(result.options[i].status, 3),
            i,
        ),
    )
    return result.options[ranked[0]]


def _step_draft(
    result: RequirementResult,
    rules: StateRules,
    pathway_id: str,
    flags: Flags,
    estimates: Estimates,
    catalog: ExamCatalog | None,
) -> _Draft:
    """The step for one unmet requirement (for an any-of group, the option to plan on): the
    template of the kind of the rule that governs (``kinds.KINDS``)."""
    chosen, alternatives = result, []
    if result.kind == "any_of" and result.options:
        chosen = _pick_option(result)
        alternatives = [o.text for o in result.options if o is not chosen]
    found = find_requirement(rules, pathway_id, chosen.id)
    # Where a conflict is governed by another reading, its rule sets the kind and the numbers.
    rule = governing_rule(found) if found is not None else None
    kind = KINDS[rule.kind if rule is not None else chosen.kind]
    draft = start_draft(chosen, found, kind.step, alternatives)
    kind.fill(draft, rule, chosen, StepContext(rules, estimates, catalog, flags))
    intern_draft(draft)
    return draft


#: The flag of ``plan_flags`` for no degree yet, and the flags ``_needs_bachelor_first`` reads.
_NO_DEGREE = 4
_BACHELOR_FIRST_READS = frozenset({4, 5})
_NO_DEGREE_ONLY = frozenset({4})


def _needs_bachelor_first(flags: Flags, drafts: list[_Draft]) -> bool:
    """Someone with no degree and no license, active or lapsed (``plan_flags``), has a
    master's or a teaching license to earn and no bachelor's step: a bachelor's degree comes
    first. (``sketch`` keys the sketch of a pathway ``_bachelor_gate`` names by the flags this
    and the implied step read.)"""
    return (
        flags[_NO_DEGREE]
        and any(d.kind in {"master", "teaching_license"} for d in drafts)
        and not any(d.kind == "bachelor" for d in drafts)
    )


def _bachelor_gate(rules: StateRules, pathway_id: str) -> frozenset[int]:
    """The requirements of a pathway whose step may be a master's or a teaching license to
    earn (options and other readings included), when the pathway names no bachelor's degree
    of its own; empty when it does (its own bachelor's step comes first then). A bachelor's
    named only as another reading of a master's requirement does not count: the governing
    reading decides the step, and ``_needs_bachelor_first`` adds none beside a bachelor's."""
    pathway = next(p for p in rules.pathways if p.id == pathway_id)
    gate: set[int] = set()
    for index, req in enumerate(pathway.requirements):
        stack: list[tuple[Requirement, bool]] = [(req, False)]
        while stack:
            rule, reading = stack.pop()
            if isinstance(rule, DegreeRequirement):
                if rule.level == "bachelor":
                    if not reading:
                        return frozenset()
                else:
                    gate.add(index)
            elif rule.kind == "teaching_license":
                gate.add(index)
            if isinstance(rule, AnyOfRequirement):
                stack.extend((option, reading) for option in rule.options)
            if rule.conflict is not None:
                stack.extend((r.rule, True) for r in rule.conflict.readings if r.rule is not None)
    return frozenset(gate)


def _application(rules: StateRules) -> _Draft:
    """The last step of every plan: applying to the state (a template: copy it before use)."""
    draft = _Draft(
        kind="application",
        title=f"Apply to {rules.agency.name} for the {rules.credential}",
        detail=f"Submit the application with transcripts, scores and fees: {rules.agency.url}",
        requirement_ids=[],
        status="missing",
        link=rules.agency.url,
    )
    _fee(draft, rules, "application", None)
    intern_draft(draft)
    return draft


def _build_sketch(
    pathway_id: str,
    drafts: list[_Draft],
    rules: StateRules,
    application: _Draft,
    shared: dict[tuple[object, ...], _Draft],
) -> Sketch:
    """The sketch from the unmet requirements' steps, in requirement order; ``application``
    is the pathway's application step (``PlanTables.application``: a template, copied here).

    A finished step is never changed again, and thousands of sketches hold equal ones (26,100
    steps built for 30,000 clients held 2,187 distinct): ``shared`` keeps one of each, so a
    sketch holds the shared step equal to its own."""
    drafts = _merge_study(drafts)
    drafts.sort(key=lambda d: _RANK[d.kind])
    pathway = next(p for p in rules.pathways if p.id == pathway_id)
    drafts.append(application.copy())
    for index, draft in enumerate(drafts, start=1):
        draft.order = index
    has_license_rule = any(r.kind == "teaching_license" for r in pathway.requirements)
    _link(drafts, has_license_rule)
    kept: list[_Draft] = []
    for draft in drafts:
        intern_draft(draft)
        kept.append(shared.setdefault(draft_value(draft), draft))
    return Sketch(pathway_id, kept)


#: The 64 possible flag tuples, by their bits: every profile's flags are one of these objects,
#: so the tables keyed by flags hold no copies (a constant, not a memo).
ALL_FLAGS: tuple[Flags, ...] = tuple(
    (bool(i & 8), bool(i & 4), bool(i & 2), bool(i & 1), bool(i & 16), bool(i & 32))
    for i in range(64)
)


#: The no-degree and bachelor's-in-progress bits of ``flag_index`` by the bachelor's answer
#: (for someone with no master's) and whether a license is held, active or lapsed.
_NO_DEGREE_BITS: dict[tuple[str | None, bool], int] = {
    ("no", False): 1 << 4,
    ("in_progress", False): 1 << 4 | 1 << 5,
    ("in_progress", True): 1 << 5,
}


def flag_index(p: Profile, state: str) -> int:
    """The position of the profile's ``plan_flags`` in ``ALL_FLAGS``."""
    where = p.teaching_license_state
    status = p.teaching_license_status
    return (
        (
            _NO_DEGREE_BITS.get((p.bachelor, status in {"active", "expired"}), 0)
            if p.master in {"no", None}
            else 0
        )
        | (p.master == "in_progress") << 3
        | (p.school_library_program == "in_progress") << 2
        | (status == "expired") << 1
        | (status == "active" and where not in {None, "none", state})
    )


def plan_flags(p: Profile, state: str) -> Flags:
    """The only facts of the profile besides outcomes and numbers that a plan's wording reads
    (``state``: the target state)."""
    return ALL_FLAGS[flag_index(p, state)]


#: The kind of rule whose step reads each of the ``plan_flags``.
#: (The fifth, no degree yet, is read by ``sketch``, not by a step.)
_FLAG_KINDS = ("degree", "program", "teaching_license", "teaching_license", "", "degree")


def _flag_use(rules: StateRules, pathway_id: str) -> tuple[frozenset[int], ...]:
    """For each requirement of the pathway, which ``plan_flags`` its step could read."""
    pathway = next(p for p in rules.pathways if p.id == pathway_id)
    uses: list[frozenset[int]] = []
    for req in pathway.requirements:
        kinds: set[str] = set()
        stack: list[Requirement] = [req]
        while stack:
            rule = stack.pop()
            kinds.add(rule.kind)
            if isinstance(rule, AnyOfRequirement):
                stack.extend(rule.options)
            if rule.conflict is not None:
                stack.extend(r.rule for r in rule.conflict.readings if r.rule is not None)
        uses.append(frozenset(i for i, kind in enumerate(_FLAG_KINDS) if kind in kinds))
    return tuple(uses)


class PlanTables:
    """One state's plan pieces, made as they are first needed and kept with its compiled state:
    each requirement's step per outcome and the plan flags it reads (templates, copied before
    use), each pathway's sketch per situation, the application step, and which flags each
    requirement's step reads. Their sizes are bounded by the rules' outcomes, not by the data."""

    __slots__ = (
        "_applications",
        "_bachelor",
        "_gates",
        "drafts",
        "flag_use",
        "masks",
        "sketches",
        "steps",
    )

    def __init__(self) -> None:
        self.sketches: Generations[tuple[str, Codes, tuple[bool | None, ...]], Sketch] = (
            Generations()
        )
        self.steps: dict[tuple[str, int, int, tuple[bool | None, ...]], _Draft] = {}
        self.flag_use: dict[str, tuple[frozenset[int], ...]] = {}
        #: one finished step per distinct value, shared by the sketches that hold it
        self.drafts: dict[tuple[object, ...], _Draft] = {}
        #: the flags a step reads, the others None, by the flags it reads and the profile's
        #: (at most 64 of each per state)
        self.masks: dict[tuple[frozenset[int], Flags], tuple[bool | None, ...]] = {}
        self._applications: dict[str, _Draft] = {}
        self._bachelor: dict[bool, _Draft] = {}
        self._gates: dict[str, frozenset[int]] = {}

    def application(self, rules: StateRules, pathway_id: str) -> _Draft:
        """The pathway's application step (a template): the state's, carrying the
        background check when the route names none of its own."""
        found = self._applications.get(pathway_id)
        if found is None:
            found = _application(rules)
            pathway = next(p for p in rules.pathways if p.id == pathway_id)
            if not _names_background_check(pathway.requirements):
                # The route names no clearance of its own, yet the state fingerprints every
                # applicant.
                _fold_background(found, rules)
            self._applications[pathway_id] = found
        return found

    def bachelor(self, estimates: Estimates, state: str, in_progress: bool) -> _Draft:
        """The state's implied bachelor's step (``steps.implied_bachelor``), a template."""
        found = self._bachelor.get(in_progress)
        if found is None:
            found = self._bachelor[in_progress] = implied_bachelor(
                estimates, state, in_progress=in_progress
            )
            intern_draft(found)
        return found

    def bachelor_gate(self, rules: StateRules, pathway_id: str) -> frozenset[int]:
        """``_bachelor_gate`` of the pathway, worked out once."""
        found = self._gates.get(pathway_id)
        if found is None:
            found = self._gates[pathway_id] = _bachelor_gate(rules, pathway_id)
        return found

    def uses(self, rules: StateRules, pathway_id: str) -> tuple[frozenset[int], ...]:
        """``_flag_use`` of the pathway, worked out once."""
        found = self.flag_use.get(pathway_id)
        if found is None:
            found = self.flag_use[pathway_id] = _flag_use(rules, pathway_id)
        return found


def sketch(
    rules: StateRules,
    pathway_id: str,
    unmet: Codes,
    profile: Profile,
    estimates: Estimates,
    catalog: ExamCatalog | None,
    result_of: Callable[[int], RequirementResult],
    tables: PlanTables,
) -> Sketch:
    """The plan sketch for one pathway in this situation.

    ``unmet`` stand for the pathway's requirements' outcomes in order, -1 for a met one
    (``OutcomeTable.unmet``); ``result_of(i)`` is the full result of its i-th requirement,
    which a step takes its wording and sources from. It is asked only for a requirement whose
    step (for its outcome and flags) is not in ``tables`` yet, which are made for these
    ``rules``, ``estimates`` and ``catalog``.
    """
    flags = plan_flags(profile, rules.code)
    # Met requirements take no step, so only the unmet ones' outcomes (and the profile facts
    # their steps read) shape the plan: clients who differ elsewhere share the sketch.
    uses = tables.uses(rules, pathway_id)
    used: set[int] = set()
    for code, use in zip(unmet, uses, strict=True):
        if code >= 0:
            used |= use
    gate = tables.bachelor_gate(rules, pathway_id)
    if gate and any(unmet[i] >= 0 for i in gate):
        # Whether a bachelor's comes first (``_needs_bachelor_first``) reads these flags.
        used |= _BACHELOR_FIRST_READS if flags[_NO_DEGREE] else _NO_DEGREE_ONLY
    relevant = tuple(f if i in used else None for i, f in enumerate(flags))
    key = (pathway_id, unmet, relevant)
    found = tables.sketches.get(key)
    if found is not None:
        return found
    pathway = next(p for p in rules.pathways if p.id == pathway_id)
    drafts: list[_Draft] = []
    for index, (code, use) in enumerate(zip(unmet, uses, strict=True)):
        if code < 0:
            continue
        mine = tables.masks.get((use, flags))
        if mine is None:
            mine = tables.masks[(use, flags)] = tuple(
                f if i in use else None for i, f in enumerate(flags)
            )
        step_key = (pathway_id, index, code, mine)
        step = tables.steps.get(step_key)
        if step is None:
            step = tables.steps[step_key] = _step_draft(
                result_of(index), rules, pathway_id, flags, estimates, catalog
            )
        drafts.append(step.copy())
    assert len(unmet) == len(pathway.requirements)
    if gate and _needs_bachelor_first(flags, drafts):
        drafts.append(tables.bachelor(estimates, rules.code, flags[5]).copy())
    return tables.sketches.put(
        key,
        _build_sketch(
            pathway_id, drafts, rules, tables.application(rules, pathway_id), tables.drafts
        ),
    )


def plan_pathway(
    result: PathwayResult,
    rules: StateRules,
    estimates: Estimates,
    profile: Profile,
    catalog: ExamCatalog | None = None,
) -> Plan:
    """The ordered steps this person still needs on one pathway (pure)."""
    table = OutcomeTable()
    codes = tuple(table.code(result_outcome(r)) for r in result.requirements)
    found = sketch(
        rules,
        result.id,
        table.unmet(codes),
        profile,
        estimates,
        catalog,
        result.requirements.__getitem__,
        PlanTables(),
    )
    return found.plan(profile)


def _round(value: float) -> float:
    return float(math.ceil(value))
