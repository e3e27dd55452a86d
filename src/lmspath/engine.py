"""Pure assessment: a profile and a state's rules in, a verdict, best pathway and plan out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from lmspath.plan import plan_pathway
from lmspath.profile import Profile
from lmspath.results import Agency, Assessment, PathwayResult, Plan, Verdict
from lmspath.rules import evaluate
from lmspath.rules_model import Estimates, ExamCatalog, StateRules

#: Rules checked longer ago than this get a warning on every report that rests on them.
STALE_AFTER_DAYS = 365


def _steps_key(result: PathwayResult) -> tuple[int, int, int]:
    special = 0 if result.audience == "general" else 1
    return (special, 0 if result.complete else 1, result.remaining_steps)


def _months(plan: Plan) -> float:
    return plan.months[1] if plan.months else float("inf")


def _ranked(
    results: list[PathwayResult], plan_for: Callable[[int], Plan]
) -> tuple[list[int], dict[int, Plan]]:
    """Pathway indices best first, and the plans that were needed to decide.

    The issue's rule: fewest remaining steps, then the shortest time, then the file's order.
    Plans are built only for the pathways tied on steps at the top, since time only breaks
    ties there (this keeps batch scoring fast).
    """
    order = sorted(range(len(results)), key=lambda i: (_steps_key(results[i]), i))
    plans: dict[int, Plan] = {}
    head = _steps_key(results[order[0]])
    top = [i for i in order if _steps_key(results[i]) == head]
    for i in top:
        plans[i] = plan_for(i)
    top.sort(key=lambda i: (_months(plans[i]), i))
    rest = [i for i in order if _steps_key(results[i]) != head]
    return top + rest, plans


def _verdict(all_results: list[PathwayResult]) -> tuple[Verdict, str]:
    # Routes for special situations (another state's certificate, an employer's request) rest on
    # facts the profile cannot show, so they decide the verdict only when no general route exists.
    general = [r for r in all_results if r.audience == "general"]
    results = general or all_results
    complete = [r for r in results if r.complete]
    if complete:
        manual = [q for q in complete[0].requirements if q.manual and q.status != "met"]
        tail = f"; confirm {len(manual)} item(s) lmspath cannot check" if manual else ""
        return "eligible", f"you meet every checkable requirement of '{complete[0].name}'{tail}"
    open_paths = [
        r
        for r in results
        if not any(q.status == "missing" and not q.manual for q in r.requirements)
    ]
    if open_paths:
        r = open_paths[0]
        blanks = [
            q.text
            for q in r.requirements
            if q.status in {"not_given", "not_confirmed"} and not q.manual
        ]
        return (
            "cannot_tell",
            f"'{r.name}' could already be met, but these are not given or not confirmed: "
            + "; ".join(blanks),
        )
    return "not_yet", "every pathway has at least one requirement you do not meet yet"


def assess(
    profile: Profile,
    rules: StateRules,
    estimates: Estimates,
    catalog: ExamCatalog | None = None,
    *,
    today: dt.date,
) -> Assessment:
    """The full assessment for one state; ``today`` is passed in so the function stays pure."""
    results = evaluate(profile, rules, catalog)
    ranked, plans = _ranked(
        results, lambda i: plan_pathway(results[i], rules, estimates, profile, catalog)
    )
    best = ranked[0]
    best_result, best_plan = results[best], plans[best]
    verdict, verdict_reason = _verdict(results)
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
