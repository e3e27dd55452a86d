"""Pure: the recorded programs that fit a plan's study step, named on the step itself."""

from __future__ import annotations

from lmspath.engine.programs import cost_of
from lmspath.model.programs import Program, ProgramCatalog
from lmspath.model.results import Assessment, PlanStep, ProgramPick

#: How many programs a step names.
SHOWN = 3

#: The kinds of program that fit each kind of study step.
_FITS: dict[str, tuple[str, ...]] = {
    "master": ("degree_with_school_library_track", "teacher_preparation"),
    "program": (
        "addon_endorsement",
        "certificate_only",
        "degree_with_school_library_track",
        "teacher_preparation",
    ),
    "coursework": ("addon_endorsement", "certificate_only"),
}


def _pick(program: Program, scope: str) -> ProgramPick:
    cost = cost_of(program)
    return ProgramPick(
        id=program.id,
        institution=program.institution,
        name=program.name,
        approved_by=program.approved_by,
        scope=scope,
        delivery=program.delivery,
        cost_usd=(cost.low, cost.high) if cost is not None else None,
        cost_basis=cost.basis if cost is not None else None,
        tuition_year=program.tuition_year,
        license_required_to_enrol=program.license_required_to_enrol,
        url=program.url,
    )


def fits(step_kind: str, leads_to: str) -> bool:
    """Whether a program that leads to ``leads_to`` can fill a study step of this kind."""
    return leads_to in _FITS.get(step_kind, ())


def pick_for(program: Program, state: str) -> ProgramPick:
    """The program as a plan step names it, for a plan in ``state``."""
    return _pick(program, "in_state" if program.approved_by == state else "disclosure")


def fitting(
    catalog: ProgramCatalog,
    state: str,
    pathway_id: str,
    step_kind: str,
    *,
    licensed: bool,
) -> list[ProgramPick]:
    """Programs for a study step: the route's own first, then the step's kind; in-state before
    programs that disclose meeting the state's requirements; open ones only. A program that asks
    for a teaching license at enrolment is left out for someone who will not hold one."""
    kinds = _FITS.get(step_kind)
    if kinds is None:
        return []
    scored: list[tuple[tuple[int, int, int, str], ProgramPick]] = []
    for _, program in catalog.programs():
        if program.accepting_applications is False:
            continue
        if program.license_required_to_enrol and not licensed:
            continue
        if program.approved_by == state:
            scope = "in_state"
        elif state in (program.disclosure_states or []):
            scope = "disclosure"
        else:
            continue
        own_route = pathway_id in program.pathways and scope == "in_state"
        if not own_route and program.leads_to not in kinds:
            continue
        key = (
            0 if own_route else 1,
            0 if scope == "in_state" else 1,
            0 if cost_of(program) is not None else 1,
            program.institution,
        )
        scored.append((key, _pick(program, scope)))
    scored.sort(key=lambda pair: pair[0])
    return [pick for _, pick in scored[:SHOWN]]


#: What ``fitting`` found, by (state, pathway, step kind, licensed): for a caller that assesses
#: many people against one catalogue (bounded by the rules, not by the people).
Picks = dict[tuple[str, str, str, bool], list[ProgramPick]]


def with_programs(
    result: Assessment, catalog: ProgramCatalog, licensed: bool, memo: Picks | None = None
) -> Assessment:
    """The assessment with its plan's study steps naming the programs that fit them.

    ``licensed``: the person holds an active teaching license now, or the plan earns one.
    ``memo``: the caller's table of picks already found in this same catalogue.
    """
    plan = result.plan
    holds = licensed or any(s.kind == "teaching_license" for s in plan.steps)
    steps: list[PlanStep] = []
    changed = False
    for step in plan.steps:
        key = (result.state, plan.pathway, step.kind, holds)
        found = memo.get(key) if memo is not None else None
        if found is None:
            found = fitting(catalog, result.state, plan.pathway, step.kind, licensed=holds)
            if memo is not None:
                memo[key] = found
        picks = list(found)
        if picks:
            step = step.replace(**{"programs": picks})
            changed = True
        steps.append(step)
    if not changed:
        return result
    return result.replace(**{"plan": plan.replace(**{"steps": steps})})
