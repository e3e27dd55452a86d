"""Pure: a state's own plan estimates, worked out from the programs its agency approved."""

from __future__ import annotations

from collections.abc import Iterable

from lmspath.engine.programs import cost_of
from lmspath.model.programs import Program, ProgramCatalog, ProgramFile, span
from lmspath.model.rules import Confidence, Estimate, Estimates, Source

#: Which programs speak for which plan estimate.
_GROUPS: dict[str, tuple[str, ...]] = {
    "mlis": ("degree_with_school_library_track",),
    "addon-program": ("addon_endorsement", "certificate_only"),
}
_TITLES = {
    "mlis": "Master's with a school library track",
    "addon-program": "School library certificate or endorsement program",
}
_RANK: dict[Confidence, int] = {"low": 0, "medium": 1, "high": 2}


def _open(program: Program) -> bool:
    return program.accepting_applications is not False


def _source_id(state: str, source_id: str) -> str:
    return f"{state.lower()}-program-{source_id}"


def _weakest(programs: Iterable[Program]) -> Confidence:
    return min((p.confidence for p in programs), key=_RANK.__getitem__)


def _money(value: float) -> str:
    return f"${value:,.0f}"


def _cost_words(program: Program) -> str | None:
    cost = cost_of(program)
    if cost is None:
        return None
    year = f", {cost.year}" if cost.year else ", year not stated"
    if cost.basis == "total":
        return f"{program.institution} {_money(cost.low)} in all{year}"
    credits = span(program.credit_hours)
    assert credits is not None
    assert program.tuition_per_credit_usd is not None
    hours = f"{credits[0]:g}" if credits[0] == credits[1] else f"{credits[0]:g}-{credits[1]:g}"
    return (
        f"{program.institution} {_money(float(program.tuition_per_credit_usd))} a credit"
        f"{year} x {hours} credits"
    )


def _months_words(program: Program) -> str | None:
    months = span(program.months)
    if months is None:
        return None
    low, high = months
    length = f"{low:g}" if low == high else f"{low:g}-{high:g}"
    return f"{program.institution} {length} months"


def _estimate(
    estimate_id: str, item: ProgramFile, programs: list[Program]
) -> tuple[Estimate, list[Source]] | None:
    costs = [(p, cost_of(p)) for p in programs]
    priced = [(p, c) for p, c in costs if c is not None]
    timed = [(p, span(p.months)) for p in programs if p.months is not None]
    if not priced and not timed:
        return None
    ids = {p.id for p, _ in priced} | {p.id for p, _ in timed}
    used = [p for p in programs if p.id in ids]
    months = (min(m[0] for _, m in timed if m), max(m[1] for _, m in timed if m)) if timed else None
    cost = (min(c.low for _, c in priced), max(c.high for _, c in priced)) if priced else None
    words = [w for p in used for w in (_cost_words(p), _months_words(p)) if w]
    source_ids = list(dict.fromkeys(s for p in used for s in p.sources))
    estimate = Estimate(
        id=estimate_id,
        state=item.state,
        title=f"{_TITLES[estimate_id]} approved in {item.state}",
        months=months,
        cost_usd=cost,
        sources=[_source_id(item.state, s) for s in source_ids],
        confidence=_weakest(used),
        summary="; ".join(words) + (" (tuition only)" if priced else ""),
        note="Worked out from data/programs: each program's stated figures, as read.",
    )
    return estimate, [item.source(s) for s in source_ids]


def _credit_estimate(
    item: ProgramFile, programs: list[Program], national: Estimate | None
) -> tuple[Estimate, list[Source]] | None:
    rated = [p for p in programs if p.tuition_per_credit_usd is not None]
    if not rated or national is None or national.credits_per_month is None:
        return None
    rates = [float(p.tuition_per_credit_usd or 0) for p in rated]
    source_ids = list(dict.fromkeys(s for p in rated for s in p.sources))
    words = "; ".join(
        f"{p.institution} {_money(float(p.tuition_per_credit_usd or 0))}"
        + (f" ({p.tuition_year})" if p.tuition_year else " (year not stated)")
        for p in rated
    )
    estimate = Estimate(
        id="coursework-credit",
        state=item.state,
        title=f"School-library coursework at programs approved in {item.state}",
        per_credit_usd=(min(rates), max(rates)),
        credits_per_month=national.credits_per_month,
        sources=[_source_id(item.state, s) for s in source_ids] + list(national.sources),
        confidence=_weakest(rated),
        summary=f"tuition a credit: {words}; paced as the national figure "
        f"({national.credits_per_month[0]:g}-{national.credits_per_month[1]:g} credits a month)",
        note="Worked out from data/programs; the pace is the national coursework-credit figure.",
    )
    return estimate, [item.source(s) for s in source_ids]


def with_program_estimates(estimates: Estimates, catalog: ProgramCatalog) -> Estimates:
    """The estimates plus, for each state, figures from the programs it approved.

    A state's own figure is preferred to the national one by ``Estimates.get``; the state file
    of estimates.yaml keeps precedence where it already has one.
    """
    have = {(e.id, e.state) for e in estimates.estimates}
    added: list[Estimate] = []
    sources: dict[str, Source] = {}
    national_credit = estimates.get("coursework-credit")
    for item in catalog.files:
        own = [p for p in item.programs if p.approved_by == item.state and _open(p)]
        found: list[tuple[Estimate, list[Source]] | None] = [
            _estimate(eid, item, [p for p in own if p.leads_to in kinds])
            for eid, kinds in _GROUPS.items()
        ]
        found.append(
            _credit_estimate(
                item, [p for p in own if p.leads_to != "teacher_preparation"], national_credit
            )
        )
        for entry in found:
            if entry is None or (entry[0].id, entry[0].state) in have:
                continue
            estimate, used = entry
            added.append(estimate)
            for src in used:
                sources[_source_id(item.state, src.id)] = src.replace(
                    **{"id": _source_id(item.state, src.id)}
                )
    return estimates.replace(
        **{
            "estimates": [*estimates.estimates, *added],
            "sources": [*estimates.sources, *sources.values()],
        }
    )
