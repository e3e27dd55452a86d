"""Pure: how numbers read in a report: month and money ranges, and a plan's total time."""

from __future__ import annotations

from collections.abc import Sequence

from lmspath.model.results import Plan, PlanStep


def _n(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def _usd(value: float) -> str:
    """Dollars as a fee states them: whole dollars bare, cents to two places ($90.25)."""
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def months(value: tuple[float, float] | None) -> str:
    """'18-36 months', '12 months', or 'not confirmed'."""
    if value is None:
        return "not confirmed"
    lo, hi = value
    if lo == hi:
        return f"{_n(lo)} months"
    if lo == 0:
        return f"up to {_n(hi)} months"
    return f"{_n(lo)}-{_n(hi)} months"


def at_least(value: tuple[float, float]) -> str:
    """Months that are a lower bound: 'at least 12-18 months', or 'up to 18 months' when the
    known part may take no time at all."""
    return months(value) if value[0] == 0 < value[1] else f"at least {months(value)}"


def count(number: float, word: str, plural: str | None = None) -> str:
    """'1 step', '2 steps', '1,024 rows', '0.5 years': a number and its noun in agreement."""
    shown = f"{number:,}" if isinstance(number, int) else f"{number:,g}"
    return f"{shown} {word if number == 1 else (plural or word + 's')}"


def repeated(rows: int) -> str:
    """'1 row repeats', '3 rows repeat': how many rows repeat what was seen before."""
    return f"{count(rows, 'row')} {'repeats' if rows == 1 else 'repeat'}"


def months_short(value: tuple[float, float]) -> str:
    """Months in a table cell: '12-18', or '24' when both ends agree."""
    lo, hi = value
    return f"{lo:g}" if lo == hi else f"{lo:g}-{hi:g}"


def titles(names: Sequence[str]) -> str:
    """Step titles named in a sentence, each in double quotes, since a title may hold a
    comma, a semicolon or a quoted course name: '"A"', '"A" and "B"', '"A", "B" and "C"'."""
    quoted = [f'"{name}"' for name in names]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


def unpriced(steps: Sequence[PlanStep]) -> int:
    """Steps whose cost is not confirmed, as a plan's totals count them (a step done during
    another is priced with it; an uncounted one is not in them)."""
    return sum(
        1 for step in steps if step.cost_usd is None and step.during is None and step.counted
    )


def total_note(
    major: Sequence[str], short: Sequence[str], no_cost: int, uncounted: Sequence[PlanStep] = ()
) -> str:
    """What a plan's totals leave out: steps listed only in case a blank answer is no (with
    their time and cost), major steps with no sourced time, short steps whose time is not
    counted, and how many steps have no confirmed cost ('' when nothing)."""
    parts = [
        f'not counted: "{step.title}" ({months(step.months)}, {money(step.cost_usd)}), as your '
        "profile does not say whether you need it"
        for step in uncounted
    ]
    if major:
        parts.append("no sourced time estimate for " + titles(major))
    if short:
        parts.append(f"the time of short steps is not counted ({titles(short)})")
    if no_cost:
        parts.append(f"cost not confirmed for {count(no_cost, 'step')}")
    return "; ".join(parts)


def plan_time(plan: Plan) -> str:
    """The plan's time as a headline says it, naming what the total leaves out."""
    aside = [step.title for step in plan.steps if not step.counted]
    unless = f", not counting {titles(aside)}" if aside else ""
    if plan.complete:
        if plan.months is None:
            return "no step that takes months is left" + unless
        return months(plan.months) + unless
    missing = titles(plan.unestimated_major)
    if plan.months is None or plan.months == (0, 0):
        return f"not confirmed: no sourced estimate for {missing}{unless}"
    return f"{at_least(plan.months)}, plus the time of {missing} (not confirmed){unless}"


def money(value: tuple[float, float] | None) -> str:
    """'$7,074-$12,500', '$116', or 'not confirmed'."""
    if value is None:
        return "not confirmed"
    lo, hi = value
    if lo == hi:
        return f"${_usd(lo)}"
    if lo == 0:
        return f"up to ${_usd(hi)}"
    return f"${_usd(lo)}-${_usd(hi)}"
