"""Rank jurisdictions for one person: every state's verdict, best route, time, cost, next step."""

from __future__ import annotations

import math

from lmspath.model.compare import StateRow
from lmspath.model.results import Assessment

#: Verdicts in the order a comparison ranks them.
VERDICT_RANK: dict[str, int] = {"eligible": 0, "cannot_tell": 1, "not_yet": 2}


def row_of(result: Assessment) -> StateRow:
    """A comparison row from one state's assessment (rank filled in by ``ranked``)."""
    plan = result.plan
    best = next(p for p in result.pathways if p.id == result.best_pathway)
    kinds = {step.kind for step in plan.steps}
    return StateRow(
        rank=0,
        state=result.state,
        name=result.state_name,
        verdict=result.verdict,
        best_pathway=best.id,
        best_pathway_name=best.name,
        months=plan.months,
        months_complete=plan.complete,
        unestimated=list(plan.unestimated_major),
        cost_usd=plan.cost_usd,
        remaining_steps=len(plan.steps),
        next_step=plan.steps[0].title if plan.steps else None,
        needs_teaching_license="teaching_license" in kinds,
        needs_master="master" in kinds,
        needs_exam="exam" in kinds,
        confidence=result.confidence,
        data_checked=result.data_checked,
        agency=result.agency.name,
    )


def sort_key(row: StateRow) -> tuple[object, ...]:
    """Verdict, then complete totals before incomplete ones, then months, then cost, then code."""
    if row.months is None:
        lower = upper = 0.0
    else:
        lower, upper = row.months
    cost = row.cost_usd[1] if row.cost_usd is not None else math.inf
    return (
        VERDICT_RANK[row.verdict],
        0 if row.months_complete else 1,
        upper,
        lower,
        cost,
        row.state,
    )


def ranked(rows: list[StateRow]) -> list[StateRow]:
    """Rows in comparison order, numbered from 1."""
    ordered = sorted(rows, key=sort_key)
    return [row.replace(**{"rank": i}) for i, row in enumerate(ordered, start=1)]


def tile_label(row: StateRow | None) -> str:
    """What a state's tile says: 'now' (eligible), upper months ('36'), '+' when the total is a
    lower bound, '<1' when only short steps are left, '?' when the verdict rests on blank
    answers or the time is unknown, '--' when not compared, 'own' for the state whose
    certificate the person holds."""
    if row is None:
        return "--"
    if row.holds_certificate:
        return "own"
    if row.verdict == "eligible":
        return "now"
    # No months: only short steps (an exam, an application) are left, or the time is unknown.
    short = "<1" if row.months_complete else "?"
    text = short if row.months is None else f"{row.months[1]:g}"
    if not row.months_complete and text != "?":
        text += "+"
    if row.verdict == "cannot_tell":
        text += "?"
    return text


def band(row: StateRow | None) -> str:
    """A colour band for a tile: ``none``, ``now``, ``short`` (up to 12 months), ``medium``
    (up to 24), ``long`` (up to 48), ``longer``, ``unknown``."""
    if row is None:
        return "none"
    if row.verdict == "eligible":
        return "now"
    if row.months is None and not row.months_complete:
        return "unknown"
    upper = row.months[1] if row.months is not None else 0.0
    if upper <= 12:
        return "short"
    if upper <= 24:
        return "medium"
    if upper <= 48:
        return "long"
    return "longer"
