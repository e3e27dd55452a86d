"""What-if: the difference between an assessment and the same one under assumed answers."""

from __future__ import annotations

import typing
from collections.abc import Sequence

from lmspath.engine.words import months_short
from lmspath.model.results import Assessment, Plan, WhatIf

if typing.TYPE_CHECKING:
    from lmspath.model.compare import StateRow


def _saved(
    before: tuple[float, float] | None,
    after: tuple[float, float] | None,
    complete: bool = True,
) -> tuple[float, float] | None:
    if not complete:
        return None
    lo_b, hi_b = before or (0.0, 0.0)
    lo_a, hi_a = after or (0.0, 0.0)
    return (round(lo_b - lo_a, 2), round(hi_b - hi_a, 2))


def _titles(plan: Plan) -> list[str]:
    return [step.title for step in plan.steps]


def what_if(before: Assessment, after: Assessment, assumed: Sequence[str]) -> WhatIf:
    """The changes from ``before`` (the profile as given) to ``after`` (with the assumptions)."""
    old, new = _titles(before.plan), _titles(after.plan)
    complete = before.plan.complete and after.plan.complete
    costs_known = before.plan.cost_usd is not None and after.plan.cost_usd is not None
    return WhatIf(
        assumed=list(assumed),
        verdict_before=before.verdict,
        verdict_after=after.verdict,
        best_pathway_before=before.best_pathway,
        best_pathway_after=after.best_pathway,
        steps_removed=[t for t in old if t not in new],
        steps_added=[t for t in new if t not in old],
        months_before=before.plan.months,
        months_after=after.plan.months,
        months_complete_before=before.plan.complete,
        months_complete_after=after.plan.complete,
        months_saved=_saved(before.plan.months, after.plan.months, complete),
        cost_before=before.plan.cost_usd,
        cost_after=after.plan.cost_usd,
        cost_saved=_saved(before.plan.cost_usd, after.plan.cost_usd, costs_known),
    )


def _amount(value: tuple[float, float], unit: str) -> str:
    lo, hi = value
    if unit == "$":
        text = f"${abs(lo):,.0f}" if lo == hi else f"${abs(lo):,.0f}-${abs(hi):,.0f}"
    else:
        text = f"{abs(lo):g}" if lo == hi else f"{abs(lo):g}-{abs(hi):g}"
        text += " months"
    return text


def change_words(value: tuple[float, float] | None, unit: str, subject: str) -> str:
    """'saves 6-12 months', 'adds $500', 'no change in cost', or 'not confirmed'."""
    if value is None:
        return f"change in {subject} not confirmed (a total is only a lower bound or unknown)"
    lo, hi = value
    if lo == 0 and hi == 0:
        return f"no change in {subject}"
    if lo >= 0 and hi >= 0:
        return f"saves {_amount(value, unit)}"
    if lo <= 0 and hi <= 0:
        return f"adds {_amount(value, unit)}"
    low = _amount((lo, lo), unit)
    high = _amount((hi, hi), unit)
    if lo >= 0:
        return f"between saving {low} and adding {high}"
    return f"between adding {low} and saving {high}"


def summary_lines(change: WhatIf) -> list[str]:
    """Plain sentences for the report (markdown bullets and terminal lines alike)."""
    lines = [f"Assuming: {', '.join(change.assumed)}"]
    if change.verdict_before != change.verdict_after:
        lines.append(f"Verdict: {change.verdict_before} -> {change.verdict_after}")
    else:
        lines.append(f"Verdict unchanged: {change.verdict_after}")
    if change.best_pathway_before != change.best_pathway_after:
        lines.append(f"Best route: {change.best_pathway_before} -> {change.best_pathway_after}")
    lines.append(
        "Time: "
        + change_words(change.months_saved, "months", "time")
        + "; cost: "
        + change_words(change.cost_saved, "$", "cost")
    )
    if change.steps_removed:
        lines.append("Steps no longer needed: " + "; ".join(change.steps_removed))
    if change.steps_added:
        lines.append("Steps added: " + "; ".join(change.steps_added))
    if not change.steps_removed and not change.steps_added:
        lines.append("The plan's steps are the same.")
    return lines


class StateChange(typing.NamedTuple):
    """One state's row without and with the assumptions (``compare --assume``)."""

    state: str
    verdict_before: str
    verdict_after: str
    months_before: tuple[float, float] | None
    months_after: tuple[float, float] | None
    complete_before: bool
    complete_after: bool

    @property
    def flipped(self) -> bool:
        """The verdict changed."""
        return self.verdict_before != self.verdict_after

    @property
    def moved(self) -> bool:
        """The verdict or the time changed."""
        return self.flipped or (self.months_before, self.complete_before) != (
            self.months_after,
            self.complete_after,
        )


def state_changes(before: Sequence[StateRow], after: Sequence[StateRow]) -> list[StateChange]:
    """Per state (in ``after``'s order), its verdict and months without and with assumptions."""
    old = {row.state: row for row in before}
    return [
        StateChange(
            row.state,
            old[row.state].verdict,
            row.verdict,
            old[row.state].months,
            row.months,
            old[row.state].months_complete,
            row.months_complete,
        )
        for row in after
    ]


def compare_lines(assumed: Sequence[str], changes: Sequence[StateChange]) -> list[str]:
    """The what-if summary of a comparison: the states whose verdict flips, then the others
    whose time changed."""
    lines = [f"Assuming: {', '.join(assumed)}"]
    flips = [c for c in changes if c.flipped]
    if flips:
        lines.append(
            "Verdict flips in: "
            + "; ".join(f"{c.state} {c.verdict_before} -> {c.verdict_after}" for c in flips)
        )
    else:
        lines.append("No state's verdict changes.")
    timed = [c for c in changes if c.moved and not c.flipped]
    if timed:
        lines.append(
            "Time changes in: "
            + "; ".join(
                f"{c.state} {_span(c.months_before, c.complete_before)} -> "
                f"{_span(c.months_after, c.complete_after)}"
                for c in timed
            )
        )
    return lines


def _span(value: tuple[float, float] | None, complete: bool) -> str:
    if value is None:
        return "<1" if complete else "?"
    text = months_short(value)
    return text if complete else f">={text}"
