"""Pure: a plan that follows the program the person chose: its figures on the study step."""

from __future__ import annotations

import math

from lmspath.engine.program_fit import fits, pick_for
from lmspath.engine.programs import cost_of, find_program
from lmspath.engine.words import money, months, total_note, unpriced
from lmspath.errors import InputError
from lmspath.model.programs import Program, ProgramCatalog, ProgramFile, span
from lmspath.model.results import Assessment, Plan, PlanStep, source_ref

#: The plan steps a preparation program fills, in the order a program replaces them.
STUDY = ("master", "program", "coursework")


def chosen(
    catalog: ProgramCatalog, text: str, state: str, state_name: str, label: str
) -> tuple[ProgramFile, Program]:
    """The program ``text`` names, if it leads to ``state``'s credential; InputError otherwise.

    A program leads there when ``state`` approved it, or when its licensure disclosure says it
    meets ``state``'s requirements. ``label`` names where the id came from (``--program``).
    """
    try:
        item, program = find_program(catalog, text)
    except InputError as exc:
        raise InputError(exc.message.replace("--id:", f"{label}:", 1)) from None
    if program.approved_by != state and state not in (program.disclosure_states or []):
        raise InputError(
            f"{label}: {program.id} is approved in {program.approved_by} and its licensure "
            f"disclosure does not name {state}, so it does not lead to {state_name}'s credential; "
            f"`lmspath programs {state}` lists the programs that do"
        )
    return item, program


def _finish(steps: list[PlanStep]) -> tuple[tuple[float, float], list[str]]:
    """The critical path over the steps' months, and the titles of steps with no time."""
    finish: dict[int, tuple[float, float]] = {}
    unknown: list[str] = []
    for step in steps:  # steps are in dependency order
        if step.during is not None:
            finish[step.order] = finish.get(step.during, (0.0, 0.0))
            continue
        start = (
            max((finish[a][0] for a in step.after if a in finish), default=0.0),
            max((finish[a][1] for a in step.after if a in finish), default=0.0),
        )
        if not step.counted:  # listed with its time, not in the totals (``plan.Sketch``)
            finish[step.order] = start
            continue
        if step.months is None:
            if step.kind != "application":
                unknown.append(step.title)
            span_ = (0.0, 0.0)
        else:
            span_ = step.months
        finish[step.order] = (start[0] + span_[0], start[1] + span_[1])
    low = max((f[0] for f in finish.values()), default=0.0)
    high = max((f[1] for f in finish.values()), default=0.0)
    return (low, high), unknown


def _totals(plan: Plan, steps: list[PlanStep], major_titles: set[str]) -> Plan:
    """The plan with its totals worked out again from its steps; ``major_titles`` are the
    steps whose missing time leaves the total a lower bound."""
    (low, high), unknown = _finish(steps)
    major = [t for t in unknown if t in major_titles]
    short = [t for t in unknown if t not in major]
    counted = [s for s in steps if s.counted]
    aside = [s for s in steps if not s.counted]
    note = total_note(major, short, unpriced(steps), aside)
    costs = [s.cost_usd for s in counted if s.cost_usd is not None]
    return plan.replace(
        **{
            "steps": steps,
            "months": (float(math.ceil(low)), float(math.ceil(high)))
            if any(s.months is not None for s in counted)
            else None,
            "cost_usd": (sum(c[0] for c in costs), sum(c[1] for c in costs)) if costs else None,
            "unestimated": unknown,
            "unestimated_major": major,
            "complete": not major,
            "total_note": note or "every step has a sourced estimate (ranges, not quotes)",
        }
    )


def with_chosen(result: Assessment, item: ProgramFile, program: Program) -> Assessment:
    """The assessment planned with this program: its stated months and cost replace the study
    step's estimate (where it states them), and the step names it."""
    steps = list(result.plan.steps)
    index = next(
        (i for i, s in enumerate(steps) if s.kind in STUDY and s.during is None),
        None,
    )
    if index is None:
        warning = (
            f"Your program {program.id} is not used: this plan has no study step left "
            "(the program is already done or not needed on this route)."
        )
        return result.replace(**{"warnings": [*result.warnings, warning]})
    step = steps[index]
    if not fits(step.kind, program.leads_to):
        warning = (
            f"Your program {program.id} ({program.leads_to.replace('_', ' ')}) does not fill "
            f"step {step.order} ({step.kind}): the plan keeps the general estimate for it."
        )
        return result.replace(**{"warnings": [*result.warnings, warning]})
    duration = span(program.months)
    cost = cost_of(program)
    words = [f"your program, {program.institution}, {program.name}"]
    if duration is not None:
        words.append(f"{months(duration)} as the program states it")
    else:
        words.append("the program states no duration, so the time is the general estimate")
    if cost is not None:
        basis = "stated total" if cost.basis == "total" else "tuition a credit x credit hours"
        year = cost.year or "year not stated"
        words.append(f"{money((cost.low, cost.high))} ({basis}, {year})")
    else:
        words.append("the program states no price, so the cost is the general estimate")
    refs = [source_ref(item.source(s)) for s in program.sources]
    steps[index] = step.replace(
        **{
            "title": f"{step.title} (your program: {program.institution}, {program.name})",
            "months": duration if duration is not None else step.months,
            "cost_usd": (cost.low, cost.high) if cost is not None else step.cost_usd,
            "estimate_note": "; ".join(words),
            "sources": [*refs, *[r for r in step.sources if r.url not in {x.url for x in refs}]],
            "programs": [pick_for(program, result.state)],
        }
    )
    major = set(result.plan.unestimated_major)
    if step.title in major:
        major.add(steps[index].title)
    plan = _totals(result.plan, steps, major)
    return result.replace(**{"plan": plan})
