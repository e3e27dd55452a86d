"""Pure: how numbers read in a report: month and money ranges, and a plan's total time."""

from __future__ import annotations

from lmspath.model.results import Plan


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
    return f"{_n(lo)}-{_n(hi)} months"


def plan_time(plan: Plan) -> str:
    """The plan's time as a headline says it, naming what the total leaves out."""
    if plan.complete:
        if plan.months is None:
            return "no step that takes months is left"
        return months(plan.months)
    missing = "; ".join(plan.unestimated_major)
    if plan.months is None or plan.months == (0, 0):
        return f"not confirmed: no sourced estimate for {missing}"
    return f"at least {months(plan.months)}, plus {missing} (time not confirmed)"


def money(value: tuple[float, float] | None) -> str:
    """'$7,074-$12,500', '$116', or 'not confirmed'."""
    if value is None:
        return "not confirmed"
    lo, hi = value
    if lo == hi:
        return f"${_usd(lo)}"
    return f"${_usd(lo)}-${_usd(hi)}"
