"""Pure assessment: a profile and a state's rules in, a verdict, best pathway and plan out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from lmspath.memo import IdentityMemo
from lmspath.outcomes import Codes, Outcome, decode, program
from lmspath.plan import Sketch, plan_flags, sketch
from lmspath.profile import Profile
from lmspath.results import (
    Agency,
    Assessment,
    PathwayResult,
    RequirementResult,
    Status,
    Verdict,
)
from lmspath.rules import evaluate, evaluate_requirement
from lmspath.rules_model import Estimates, ExamCatalog, Pathway, StateRules

K = TypeVar("K")
V = TypeVar("V")

#: Rules checked longer ago than this get a warning on every report that rests on them.
STALE_AFTER_DAYS = 365


class Standing(NamedTuple):
    """Where the person stands on one pathway: what ranking and the verdict read."""

    audience: str
    complete: bool  # every requirement lmspath can check is met
    remaining_steps: int  # requirements not met, the ones the person confirms included
    open: bool  # nothing checkable is missing (some answers may be blank or unconfirmed)


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
    found = Standing(audience, blocking == 0, remaining, not missing)
    # Few distinct standings exist; sharing them keeps memoised shapes small.
    return _STANDINGS.setdefault(found, found)


_STANDINGS: dict[Standing, Standing] = {}


def _steps_key(s: Standing) -> tuple[int, int, int]:
    special = 0 if s.audience == "general" else 1
    return (special, 0 if s.complete else 1, s.remaining_steps)


def _upper(months: tuple[float, float] | None) -> float:
    return months[1] if months else float("inf")


def tiers(standings: Sequence[Standing]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The pathways tied at the top on steps (file order), and the rest in rank order.

    The ranking rule: fewest remaining steps, then the shortest time, then the file's order.
    Time only breaks ties at the top, so only those pathways need a plan to rank them.
    """
    order = sorted(range(len(standings)), key=lambda i: (_steps_key(standings[i]), i))
    head = _steps_key(standings[order[0]])
    top = tuple(i for i in order if _steps_key(standings[i]) == head)
    return top, tuple(i for i in order if _steps_key(standings[i]) != head)


def verdict_of(standings: Sequence[Standing]) -> tuple[Verdict, int | None]:
    """The verdict and the pathway it rests on (None for ``not_yet``)."""
    # Routes for special situations (another state's certificate, an employer's request) rest on
    # facts the profile cannot show, so they decide the verdict only when no general route exists.
    general = [i for i, s in enumerate(standings) if s.audience == "general"]
    pool = general or list(range(len(standings)))
    for i in pool:
        if standings[i].complete:
            return "eligible", i
    for i in pool:
        if standings[i].open:
            return "cannot_tell", i
    return "not_yet", None


@dataclass(frozen=True, slots=True)
class Decision:
    """What the engine decides for a profile, before any wording: enough for a batch row."""

    codes: tuple[Codes, ...]  # each pathway's outcomes as codes (``outcomes.decode``)
    standings: tuple[Standing, ...]
    order: tuple[int, ...]  # pathway indices, best first
    verdict: Verdict
    because: int | None  # the pathway the verdict rests on
    sketches: dict[int, Sketch]  # plans of the pathways tied at the top

    @property
    def best(self) -> int:
        """Index of the best pathway."""
        return self.order[0]

    @property
    def outcomes(self) -> tuple[tuple[Outcome, ...], ...]:
        """Each pathway's requirements' outcomes."""
        return tuple(decode(codes) for codes in self.codes)


class _Shape(NamedTuple):
    """What follows from the standings alone: the top tier, the rest, and the verdict."""

    top: tuple[int, ...]
    rest: tuple[int, ...]
    verdict: Verdict
    because: int | None


class _StateMemo:
    """What ``decide`` remembers for one state: standings per pathway outcome codes, shapes
    per standings, and the top pathways' sketches per outcome codes and plan flags.

    Each table is cleared when it reaches ``LIMIT`` entries, so memory stays bounded.
    """

    __slots__ = ("context", "shapes", "sketches", "standings")

    LIMIT = 1024

    def __init__(self, pathways: int) -> None:
        self.standings: list[dict[Codes, Standing]] = [{} for _ in range(pathways)]
        self.shapes: dict[tuple[Standing, ...], _Shape] = {}
        self.sketches: list[dict[tuple[Codes, tuple[bool, ...]], Sketch]] = [
            {} for _ in range(pathways)
        ]
        #: the estimates and catalogue the sketches were made with
        self.context: tuple[Estimates, ExamCatalog | None] | None = None

    def use(self, estimates: Estimates, catalog: ExamCatalog | None) -> None:
        """Forget the sketches if they were made with other estimates or another catalogue."""
        if (
            self.context is None
            or self.context[0] is not estimates
            or self.context[1] is not catalog
        ):
            self.context = (estimates, catalog)
            for table in self.sketches:
                table.clear()


def _remember(table: dict[K, V], key: K, value: V) -> V:
    if len(table) >= _StateMemo.LIMIT:
        table.clear()
    table[key] = value
    return value


_MEMOS: IdentityMemo[_StateMemo] = IdentityMemo(256)


def _memo(rules: StateRules) -> _StateMemo:
    hit = _MEMOS.get(id(rules))
    if hit is not None:
        return hit
    return _MEMOS.put(id(rules), (rules,), _StateMemo(len(rules.pathways)))


def _result_of(
    pathway: Pathway, profile: Profile, rules: StateRules, catalog: ExamCatalog | None
) -> Callable[[int], RequirementResult]:
    """The full result of the pathway's i-th requirement, for a plan step seen the first time."""
    return lambda i: evaluate_requirement(pathway.requirements[i], profile, rules, catalog)


def decide(
    profile: Profile,
    rules: StateRules,
    estimates: Estimates,
    catalog: ExamCatalog | None = None,
    codes: tuple[Codes, ...] | None = None,
) -> Decision:
    """Verdict, ranking and plan sketches for one state (pure; memoised underneath).

    ``codes`` are the profile's outcome codes when the caller has them already
    (``outcomes.program(rules).codes(profile)``).
    """
    compiled = program(rules)
    memo = _memo(rules)
    memo.use(estimates, catalog)
    if codes is None:
        codes = compiled.codes(profile)
    found: list[Standing] = []
    for i, row in enumerate(codes):
        known = memo.standings[i].get(row)
        if known is None:
            nodes = compiled.pathways[i]
            pairs = [(o.status, n.manual) for n, o in zip(nodes, decode(row), strict=True)]
            known = _remember(memo.standings[i], row, standing(rules.pathways[i].audience, pairs))
        found.append(known)
    standings = tuple(found)
    shape = memo.shapes.get(standings)
    if shape is None:
        top, rest = tiers(standings)
        shape = _remember(memo.shapes, standings, _Shape(top, rest, *verdict_of(standings)))
    flags = plan_flags(profile)
    sketches: dict[int, Sketch] = {}
    for i in shape.top:
        key = (codes[i], flags)
        made = memo.sketches[i].get(key)
        if made is None:
            pathway = rules.pathways[i]
            made = sketch(
                rules,
                pathway.id,
                codes[i],
                profile,
                estimates,
                catalog,
                _result_of(pathway, profile, rules, catalog),
            )
            _remember(memo.sketches[i], key, made)
        sketches[i] = made
    top = rank_top(shape.top, sketches, profile)
    return Decision(codes, standings, top + shape.rest, shape.verdict, shape.because, sketches)


def rank_top(top: tuple[int, ...], sketches: dict[int, Sketch], p: Profile) -> tuple[int, ...]:
    """Pathways tied at the top on steps, shortest plan (upper time) first, then file order."""
    if len(top) == 1:
        return top
    upper = {i: _upper(sketches[i].months(p)) for i in top}
    return tuple(sorted(top, key=lambda i: (upper[i], i)))


def _verdict_reason(verdict: Verdict, result: PathwayResult | None) -> str:
    if verdict == "eligible":
        assert result is not None
        manual = [q for q in result.requirements if q.manual and q.status != "met"]
        tail = f"; confirm {len(manual)} item(s) lmspath cannot check" if manual else ""
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
) -> Assessment:
    """The full assessment for one state; ``today`` is passed in so the function stays pure."""
    decision = decide(profile, rules, estimates, catalog)
    results = evaluate(profile, rules, catalog)
    ranked = decision.order
    best = decision.best
    best_result = results[best]
    best_plan = decision.sketches[best].plan(profile)
    verdict = decision.verdict
    verdict_reason = _verdict_reason(
        verdict, results[decision.because] if decision.because is not None else None
    )
    if len(results) == 1:
        best_reason = "the only pathway the data describes"
    else:
        runner = results[ranked[1]]
        best_reason = (
            f"fewest remaining steps ({best_result.remaining_steps} left; next best "
            f"'{runner.name}' has {runner.remaining_steps})"
        )
        if best_result.remaining_steps == runner.remaining_steps:
            best_reason = (
                f"tied on remaining steps ({best_result.remaining_steps}) with '{runner.name}', "
                "and shorter or equal in time"
            )
        if best_result.complete:
            best_reason = "every checkable requirement is already met"
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
        if req.conflict is not None and len({r.status for r in req.conflict.readings}) > 1:
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
    )
