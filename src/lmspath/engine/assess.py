"""Pure assessment: a profile and a state's rules in, a verdict, best pathway and plan out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import ClassVar, NamedTuple

from lmspath.engine.checks import evaluate_requirement, sources_disagree
from lmspath.engine.compiled import CompiledState, Shape, Standing
from lmspath.engine.outcomes import Codes, Outcome, OutcomeTable
from lmspath.engine.plan import ALL_FLAGS, Sketch, flag_index, plan_flags, sketch
from lmspath.engine.steps import Flags
from lmspath.engine.words import count, money, plan_time, titles, unpriced
from lmspath.model.frozen import Frozen
from lmspath.model.profile import Profile
from lmspath.model.results import (
    Agency,
    Assessment,
    IfLicensed,
    PathwayResult,
    Plan,
    RequirementResult,
    Status,
    Verdict,
)
from lmspath.model.rules import Estimates, ExamCatalog, Pathway, StateRules

#: Rules checked longer ago than this get a warning on every report that rests on them.
STALE_AFTER_DAYS = 365


def standing(audience: str, statuses: Sequence[tuple[Status, bool]]) -> Standing:
    """A pathway's standing from its requirements' (status, manual) pairs."""
    remaining = 0
    blocking = 0
    missing = False
    for status, manual in statuses:
        if status != "met":
            remaining += 1
            if not manual:
                blocking += 1
                missing = missing or status == "missing"
    return Standing(audience, blocking == 0, remaining, not missing)


#: Audiences whose routes can be open to a person; ``reach`` says whether each one is.
_OPENABLE = ("general", "out_of_state")


def _class(s: Standing, reachable: bool) -> tuple[int, int]:
    """The coarse rank: routes open to this person first, then routes already complete.

    A route for holders of another state's certificate is open only to such a holder
    (``holds_other_certificate``); ``reach`` is False for it otherwise."""
    special = 0 if s.audience in _OPENABLE and reachable else 1
    return (special, 0 if s.complete else 1)


def tiers(
    standings: Sequence[Standing], reach: Sequence[bool]
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The pathways of the best class (file order), and the rest in class order.

    Inside a class, routes are ranked by what they cost the person (``rank_top``): the time
    along the critical path, then money, then the number of steps.
    """
    order = sorted(range(len(standings)), key=lambda i: (_class(standings[i], reach[i]), i))
    head = _class(standings[order[0]], reach[order[0]])
    top = tuple(i for i in order if _class(standings[i], reach[i]) == head)
    return top, tuple(i for i in order if _class(standings[i], reach[i]) != head)


def verdict_of(
    standings: Sequence[Standing], reach: Sequence[bool] | None = None
) -> tuple[Verdict, int | None]:
    """The verdict and the pathway it rests on (None for ``not_yet``)."""
    # Routes for special situations (another state's certificate, an employer's request) rest on
    # facts the profile cannot show, so they decide the verdict only when no general route exists,
    # except an out-of-state route for a person who holds another state's certificate.
    general = [
        i
        for i, s in enumerate(standings)
        if s.audience == "general"
        or (s.audience == "out_of_state" and reach is not None and reach[i])
    ]
    pool = general or list(range(len(standings)))
    for i in pool:
        if standings[i].complete:
            return "eligible", i
    for i in pool:
        if standings[i].open:
            return "cannot_tell", i
    return "not_yet", None


_set = object.__setattr__


class Decision(Frozen):
    """What the engine decides for a profile, before any wording: enough for a batch row."""

    __slots__ = (
        "because",
        "codes",
        "order",
        "reach",
        "sketches",
        "standings",
        "table",
        "top",
        "verdict",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "codes",
        "standings",
        "order",
        "verdict",
        "because",
        "sketches",
        "top",
        "reach",
        "table",
    )

    codes: tuple[Codes, ...]  # each pathway's outcomes as codes (``outcomes.decode``)
    standings: tuple[Standing, ...]
    order: tuple[int, ...]  # pathway indices, best first
    verdict: Verdict
    because: int | None  # the pathway the verdict rests on
    #: each pathway's plan sketch; None for a pathway not planned (``rank_rest=False``)
    sketches: tuple[Sketch | None, ...]
    top: tuple[int, ...]  # the best class: its order depends on the person's numbers
    reach: tuple[bool, ...]  # per pathway: its entry conditions are open to the person
    table: OutcomeTable  # what the codes stand for

    def __init__(
        self,
        codes: tuple[Codes, ...],
        standings: tuple[Standing, ...],
        order: tuple[int, ...],
        verdict: Verdict,
        because: int | None,
        sketches: tuple[Sketch | None, ...],
        top: tuple[int, ...],
        reach: tuple[bool, ...],
        table: OutcomeTable,
    ) -> None:
        _set(self, "codes", codes)
        _set(self, "standings", standings)
        _set(self, "order", order)
        _set(self, "verdict", verdict)
        _set(self, "because", because)
        _set(self, "sketches", sketches)
        _set(self, "top", top)
        _set(self, "reach", reach)
        _set(self, "table", table)

    @property
    def best(self) -> int:
        """Index of the best pathway."""
        return self.order[0]

    def sketch(self, index: int) -> Sketch:
        """The plan sketch of a pathway that was planned (the best class always is)."""
        found = self.sketches[index]
        assert found is not None, "a pathway that was not planned"
        return found

    @property
    def outcomes(self) -> tuple[tuple[Outcome, ...], ...]:
        """Each pathway's requirements' outcomes."""
        return tuple(self.table.decode(codes) for codes in self.codes)


def _result_of(
    pathway: Pathway, profile: Profile, rules: StateRules, catalog: ExamCatalog | None
) -> Callable[[int], RequirementResult]:
    """The full result of the pathway's i-th requirement, for a plan step seen the first time."""
    return lambda i: evaluate_requirement(pathway.requirements[i], profile, rules, catalog)


def national_board_ready(p: Profile) -> bool:
    """Whether a route through National Board Certification (Library Media) is open to the
    person: they hold it, or meet NBPTS eligibility (an active teaching license and three years
    of teaching, which for Library Media counts years as a school librarian) and practise as a
    school librarian, whom the certificate is for (data/estimates.yaml, ``national-board``)."""
    if p.national_board == "yes":
        return True
    years = (p.teaching_years or 0) + (p.school_library_years or 0)
    return (
        p.teaching_license_status == "active" and years >= 3 and (p.school_library_years or 0) > 0
    )


def holds_other_certificate(p: Profile, state: str) -> bool:
    """The person holds a full (or unstated-kind) school librarian certificate from a state
    other than ``state``: that state's out-of-state routes are open to them. A provisional
    certificate opens none (the compact and out-of-state routes ask for a full one)."""
    held = p.library_certificate_state
    return (
        held is not None
        and held not in {"none", state}
        and p.library_certificate_kind != "provisional"
    )


class Situation(NamedTuple):
    """What a decision reads of a profile besides its outcome codes: the plan flags, whether
    National Board routes are open to the person, and whether they hold another state's
    certificate. Clients with equal outcome codes and situation share a decision."""

    flags: Flags
    board: bool
    mover: bool


#: The 256 possible situations, by ``flag_index`` then board then mover: every profile's
#: situation is one of these objects, so the tables keyed by situations hold no copies.
_ALL_SITUATIONS: tuple[Situation, ...] = tuple(
    Situation(flags, board, mover)
    for flags in ALL_FLAGS
    for board in (False, True)
    for mover in (False, True)
)


def situation(p: Profile, state: str) -> Situation:
    """The profile's situation in ``state``."""
    return _ALL_SITUATIONS[
        flag_index(p, state) << 2 | national_board_ready(p) << 1 | holds_other_certificate(p, state)
    ]


def decide(
    profile: Profile,
    compiled: CompiledState,
    codes: tuple[Codes, ...] | None = None,
    *,
    rank_rest: bool = True,
) -> Decision:
    """Verdict, ranking and plan sketches for one state (pure; the compiled state's tables
    remember what other profiles in the same situation needed).

    ``codes`` are the profile's outcome codes when the caller has them already
    (``compiled.codes(profile)``). Without ``rank_rest`` only the best class is planned and
    ranked (all a results row needs); the rest keep the file's order, and ``complete`` plans
    and ranks them later for anyone in the same situation.
    """
    rules = compiled.rules
    table = compiled.outcome_table
    if codes is None:
        codes = compiled.codes(profile)
    found: list[Standing] = []
    for i, row in enumerate(codes):
        known = compiled.standings[i].get(row)
        if known is None:
            nodes = compiled.pathways[i]
            pairs = [(o.status, n.manual) for n, o in zip(nodes, table.decode(row), strict=True)]
            known = compiled.standings[i].put(row, standing(rules.pathways[i].audience, pairs))
        found.append(known)
    standings = tuple(found)
    needs = compiled.needs_board
    ready = national_board_ready(profile)
    mover = holds_other_certificate(profile, rules.code)
    reach = tuple(
        (ready or not need) and (mover or s.audience != "out_of_state")
        for need, s in zip(needs, standings, strict=True)
    )
    shape = compiled.shapes.get((standings, reach))
    if shape is None:
        top, rest = tiers(standings, reach)
        shape = compiled.shapes[(standings, reach)] = Shape(
            top, rest, *verdict_of(standings, reach), standings, reach
        )
    standings, reach = shape.standings, shape.reach
    planned: list[Sketch | None] = [None] * len(codes)
    flags = plan_flags(profile, rules.code)
    for i in shape.top:
        made = compiled.sketches[i].get((codes[i], flags))
        planned[i] = (
            made if made is not None else _new_sketch(compiled, i, codes[i], flags, profile)
        )
    # a tuple, not a dict by pathway: one per situation kept, so its size counts
    sketches = tuple(planned)
    # ``complete`` ranks every class by this person's numbers: no need to rank twice
    top_ranked = shape.top if rank_rest else rank_top(shape.top, sketches, standings, profile)
    situation_decision = Decision(
        codes,
        standings,
        top_ranked + shape.rest,
        shape.verdict,
        shape.because,
        sketches,
        shape.top,
        reach,
        table,
    )
    return complete(situation_decision, profile, compiled) if rank_rest else situation_decision


def _new_sketch(
    compiled: CompiledState, index: int, codes: Codes, flags: Flags, profile: Profile
) -> Sketch:
    """The plan sketch of the pathway at ``index`` for these outcome codes and plan flags,
    made and kept in the compiled state's tables (the caller found none there)."""
    rules = compiled.rules
    pathway = rules.pathways[index]
    made = sketch(
        rules,
        pathway.id,
        compiled.outcome_table.unmet(codes),
        profile,
        compiled.estimates,
        compiled.catalog,
        _result_of(pathway, profile, rules, compiled.catalog),
        compiled.plans,
    )
    return compiled.sketches[index].put((codes, flags), made)


def complete(decision: Decision, profile: Profile, compiled: CompiledState) -> Decision:
    """``decide(profile, compiled)`` from a decision made without ``rank_rest`` for the same
    situation (equal outcome codes and ``situation``), maybe for another person in it: every
    pathway planned, the best class ranked by this person's numbers and the rest by class
    and then by them."""
    top = decision.top
    flags = plan_flags(profile, compiled.rules.code)
    planned = list(decision.sketches)
    for i, made in enumerate(planned):
        if made is None:
            key = (decision.codes[i], flags)
            planned[i] = compiled.sketches[i].get(key) or _new_sketch(
                compiled, i, key[0], flags, profile
            )
    sketches = tuple(planned)
    standings = decision.standings
    rest = rank_top(
        decision.order[len(top) :], sketches, standings, profile, keep_class=decision.reach
    )
    order = rank_top(top, sketches, standings, profile) + rest
    return Decision(
        decision.codes,
        standings,
        order,
        decision.verdict,
        decision.because,
        sketches,
        top,
        decision.reach,
        decision.table,
    )


def cost_key(
    sketch: Sketch, standing: Standing, p: Profile
) -> tuple[int, float, float, float, int, int]:
    """What a route costs the person: how many of its steps that take months have no sourced
    time (a route with none ranks before any with one, and one before two), then the known
    time along the critical path, then money (the known costs), then the number of steps.
    Routes that wait on as many steps of unknown length are compared by what is known of the
    rest. A step listed only in case a blank answer is no (``Sketch.aside``) counts neither
    its time nor its cost nor as a step; of routes equal in time and money, the one with
    fewer such steps ranks first."""
    months, cost = sketch.totals(p)
    # No months: only short administrative steps are left, or only the unknown ones.
    lower, upper = months if months is not None else (0.0, 0.0)
    # Unknown fees count as nothing: every step that takes months has a sourced cost, so what
    # stays unknown are short steps' fees, and a route must not lose to a longer one for them.
    money = cost[1] if cost is not None else 0.0
    steps = standing.remaining_steps - sketch.aside
    return (sketch.open_major, upper, lower, money, sketch.aside, steps)


def rank_top(
    pathways: tuple[int, ...],
    sketches: Sequence[Sketch | None],
    standings: Sequence[Standing],
    p: Profile,
    keep_class: Sequence[bool] | None = None,
) -> tuple[int, ...]:
    """Pathways ranked by what they cost the person (``cost_key``), then the file's order.

    ``keep_class`` (the routes open to the person) keeps a ranked list's classes in order.
    Every pathway ranked must have its sketch.
    """
    if len(pathways) <= 1:
        return pathways

    def key(i: int) -> tuple[object, ...]:
        head = _class(standings[i], keep_class[i]) if keep_class is not None else (0, 0)
        made = sketches[i]
        assert made is not None, "a pathway ranked without its plan sketch"
        return (head, cost_key(made, standings[i], p), i)

    return tuple(sorted(pathways, key=key))


_ONLY_FOR = {
    "out_of_state": "is only for holders of another state's certificate",
    "employer_sponsored": "is only open when an employer requests it",
    "emergency": "is only an emergency permit",
}


def _why_not(decision: Decision, index: int, result: PathwayResult, profile: Profile) -> str | None:
    """Why a route is not open to this person, or None when it is (``open_to``)."""
    if open_to(decision, index):
        return None
    if result.audience != "general":
        if result.audience == "out_of_state" and profile.library_certificate_kind == "provisional":
            return "asks for a full certificate from another state; yours is provisional"
        return _ONLY_FOR.get(result.audience, "is only for some people")
    # A route open to anyone that is out of reach needs National Board Certification.
    return (
        "needs National Board Certification, which asks for an active teaching license, "
        "three years of teaching and a post as a school librarian"
    )


def plan_cost_words(plan: Plan) -> str:
    """'about 18-36 months and $11,618-$43,427', as a reason names a route's cost."""
    return f"{plan_time(plan)}, {money(plan.cost_usd)}"


def _best_reason(
    decision: Decision, results: list[PathwayResult], best_plan: Plan, profile: Profile
) -> str:
    """Why this route won, in plain words, what the runner-up would take, and, when a route
    open to the person ranks lower only because a step's time is not confirmed, which."""
    reason = _ranked_reason(decision, results, best_plan, profile)
    if not best_plan.complete or best_plan.months is None or len(results) == 1:
        return reason
    for index in decision.order[2:]:
        sketch = decision.sketches[index]
        if sketch is None or sketch.complete:
            continue
        if _why_not(decision, index, results[index], profile) is not None:
            continue
        plan = sketch.plan(profile)
        if plan.months is not None and plan.months[0] >= best_plan.months[1]:
            continue  # what is known of it already takes as long
        return (
            f"{reason}. '{results[index].name}' ranks lower only because no source gives the "
            f"time of {titles(plan.unestimated_major)}: if you know how long that will take "
            f"you, compare it with this route's {plan_time(best_plan)}"
        )
    return reason


def licensed_reading(profile: Profile, state: str) -> Profile | None:
    """The profile with an active teaching license (from its license state, else ``state``),
    when it leaves the license blank; None when it answers (a license state of "none" is an
    answer: no license)."""
    where = profile.teaching_license_state
    if profile.teaching_license_status is not None or where == "none":
        return None
    return profile.replace(teaching_license_status="active", teaching_license_state=where or state)


def open_to(decision: Decision, index: int) -> bool:
    """The route is open to the person (``_why_not`` finds nothing against it)."""
    return decision.reach[index] and decision.standings[index].audience in _OPENABLE


def quicker(theirs: tuple[object, ...], mine: tuple[object, ...]) -> bool:
    """One ``cost_key`` is quicker or cheaper than another: fewer steps of unknown length, or
    as many and less time, or as long and less money (the steps themselves aside)."""
    return theirs[:4] < mine[:4]


def _if_licensed(
    decision: Decision,
    results: list[PathwayResult],
    profile: Profile,
    compiled: CompiledState,
) -> IfLicensed | None:
    """When the profile leaves the teaching license blank and an active one would make another
    open route quicker or cheaper: which, and what it would take (None otherwise).

    A blank answer is planned as no license (the route shown then needs none, or counts
    earning one); for the many teachers among such people the answer decides the route."""
    licensed = licensed_reading(profile, compiled.code)
    if licensed is None:
        return None
    other = decide(licensed, compiled)
    best, alt = decision.best, other.best
    if alt == best or not open_to(other, alt):
        return None
    mine = cost_key(decision.sketch(best), decision.standings[best], profile)
    theirs = cost_key(other.sketch(alt), other.standings[alt], licensed)
    if not quicker(theirs, mine):
        return None
    plan = other.sketch(alt).plan(licensed)
    assert licensed.teaching_license_state is not None
    return IfLicensed(
        license_state=licensed.teaching_license_state,
        pathway=results[alt].id,
        pathway_name=results[alt].name,
        months=plan.months,
        months_complete=plan.complete,
        cost_usd=plan.cost_usd,
        headline=plan_cost_words(plan),
    )


def _fork_words(fork: IfLicensed, state: str) -> str:
    """The sentence the best route's reason ends with when a license would open another."""
    held = "an active teaching license" + (
        "" if fork.license_state == state else f" from {fork.license_state}"
    )
    return (
        f"Your profile does not say whether you hold a teaching license. With {held}, "
        f"'{fork.pathway_name}' would take {fork.headline}: give that answer to plan it"
    )


def _ranked_reason(
    decision: Decision, results: list[PathwayResult], best_plan: Plan, profile: Profile
) -> str:
    """Why this route won, in plain words, and what the runner-up would take."""
    best = decision.best
    if results[best].complete:
        reason = "you already meet every requirement of this route that lmspath can check"
    elif len(results) == 1:
        reason = "the only route the data describes"
    else:
        reason = "the quickest route for you: " + plan_cost_words(best_plan)
    if len(results) == 1:
        return reason
    runner = decision.order[1]
    other = results[runner]
    blocked = _why_not(decision, runner, other, profile)
    if blocked is not None:
        return f"{reason}. The next route, '{other.name}', {blocked}"
    other_plan = decision.sketch(runner).plan(profile)
    if plan_time(other_plan) != plan_time(best_plan):
        return f"{reason}. Next best: '{other.name}', {plan_cost_words(other_plan)}"
    # As long: say how the costs compare, counting the steps whose cost is not confirmed
    # (equal known costs with more unknown ones are not "as much").
    runner_open, best_open = unpriced(other_plan.steps), unpriced(best_plan.steps)
    if money(other_plan.cost_usd) != money(best_plan.cost_usd):
        return f"{reason}. '{other.name}' takes as long and costs {money(other_plan.cost_usd)}"
    if runner_open == best_open:
        return f"{reason}. '{other.name}' takes as long and costs as much"
    return (
        f"{reason}. '{other.name}' takes as long, with the same known costs and "
        f"{count(runner_open, 'step')} whose cost is not confirmed ({best_open or 'none'} on "
        "this route)"
    )


def _verdict_reason(verdict: Verdict, result: PathwayResult | None) -> str:
    if verdict == "eligible":
        assert result is not None
        manual = [q for q in result.requirements if q.manual and q.status != "met"]
        tail = f"; confirm {count(len(manual), 'item')} lmspath cannot check" if manual else ""
        return f"you meet every checkable requirement of '{result.name}'{tail}"
    if verdict == "cannot_tell":
        assert result is not None
        blanks = [
            q.text
            for q in result.requirements
            if q.status in {"not_given", "not_confirmed"} and not q.manual
        ]
        return (
            f"'{result.name}' could already be met, but these are not given or not confirmed: "
            + "; ".join(blanks)
        )
    return "every pathway has at least one requirement you do not meet yet"


def assess(
    profile: Profile,
    rules: StateRules,
    estimates: Estimates,
    catalog: ExamCatalog | None = None,
    *,
    today: dt.date,
    compiled: CompiledState | None = None,
    situation_decision: Decision | None = None,
) -> Assessment:
    """The full assessment for one state; ``today`` is passed in so the function stays pure.

    ``compiled`` is the state's compiled form when the caller keeps one (built from the same
    rules, estimates and catalogue); without it one is made for this call.
    ``situation_decision`` is ``decide(..., rank_rest=False)`` for the profile's situation when
    the caller has it (a batch keeps one per situation): it is completed for this person, not
    made again.
    """
    if compiled is None:
        compiled = CompiledState(rules, estimates, catalog)
    decision = (
        decide(profile, compiled)
        if situation_decision is None
        else complete(situation_decision, profile, compiled)
    )
    results = compiled.evaluate(profile)
    best = decision.best
    best_result = results[best]
    best_plan = decision.sketch(best).plan(profile)
    verdict = decision.verdict
    verdict_reason = _verdict_reason(
        verdict, results[decision.because] if decision.because is not None else None
    )
    best_reason = _best_reason(decision, results, best_plan, profile)
    fork = _if_licensed(decision, results, profile, compiled)
    if fork is not None:
        best_reason = f"{best_reason}. {_fork_words(fork, rules.code)}"
    warnings: list[str] = []
    age = (today - rules.last_checked).days
    if age > STALE_AFTER_DAYS:
        warnings.append(
            f"The {rules.code} rules were last checked on {rules.last_checked.isoformat()} "
            f"({age // 30} months ago); verify with {rules.agency.name} before acting."
        )
    if rules.confidence == "low":
        warnings.append(
            f"Confidence in the {rules.code} data is low: {rules.confidence_note} "
            f"Check with {rules.agency.name}."
        )
    for req in best_result.requirements:
        if req.conflict is not None and sources_disagree([r.status for r in req.conflict.readings]):
            warnings.append(f"Sources disagree on '{req.text}': {req.conflict.outcome}")
    if profile.state is not None and profile.state != rules.code:
        warnings.append(
            f"The profile names {profile.state}; this report is for {rules.code} as asked."
        )
    return Assessment(
        state=rules.code,
        state_name=rules.name,
        credential=rules.credential,
        agency=Agency(name=rules.agency.name, url=rules.agency.url),
        verdict=verdict,
        verdict_reason=verdict_reason,
        best_pathway=best_result.id,
        best_reason=best_reason,
        pathways=results,
        plan=best_plan,
        warnings=warnings,
        confidence=rules.confidence,
        confidence_note=rules.confidence_note,
        data_checked=rules.last_checked.isoformat(),
        if_licensed=fork,
    )
