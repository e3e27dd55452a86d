"""Pure rules engine: check a profile against one state's requirements, pathway by pathway.

A requirement's status comes from its kind's check (``kinds.check_rule``); here it gets its
sources, confidence and, where sources disagree, each reading's outcome.
"""

from __future__ import annotations

from collections.abc import Mapping

from lmspath.engine.kind_checks import Check, governing_rule, is_manual, sources_disagree
from lmspath.engine.kinds import KINDS, check_rule
from lmspath.model.profile import Profile
from lmspath.model.results import (
    ConflictResult,
    PathwayResult,
    ReadingResult,
    RequirementResult,
    SourceRef,
    source_ref,
)
from lmspath.model.rules import (
    AnyOfRequirement,
    ExamCatalog,
    OtherRequirement,
    Pathway,
    Reading,
    Requirement,
    StateRules,
)


def _refs(
    rules: StateRules, ids: list[str], refs: Mapping[str, SourceRef] | None
) -> list[SourceRef]:
    if refs is not None:
        return [refs[source_id] for source_id in ids]
    return [source_ref(rules.source(source_id)) for source_id in ids]


def source_refs(rules: StateRules) -> dict[str, SourceRef]:
    """Each of the state's sources as reports cite it, by id (made once per compiled state)."""
    return {src.id: source_ref(src) for src in rules.sources}


def _source_names(refs: list[SourceRef]) -> str:
    return ", ".join(r.title for r in refs)


def reading_check(
    reading: Reading, main: Check, p: Profile, state: str, catalog: ExamCatalog | None
) -> Check:
    """The check under another source's reading (met when that reading says not required)."""
    if reading.rule is None:
        return Check("met", main.have, "not required under this reading")
    return check_rule(reading.rule, p, state, catalog)


def _conflict(
    req: Requirement,
    main: Check,
    p: Profile,
    rules: StateRules,
    catalog: ExamCatalog | None,
    refs: Mapping[str, SourceRef] | None,
) -> ConflictResult | None:
    if req.conflict is None:
        return None
    readings = [
        ReadingResult(
            says=req.text,
            status=main.status,
            have=main.have,
            sources=_refs(rules, req.sources, refs),
        )
    ]
    for reading in req.conflict.readings:
        check = reading_check(reading, main, p, rules.code, catalog)
        readings.append(
            ReadingResult(
                says=reading.says,
                status=check.status,
                have=check.have,
                sources=_refs(rules, reading.sources, refs),
            )
        )
    met = any(r.status == "met" for r in readings)
    unmet = any(r.status == "missing" for r in readings)
    ask = any(r.status not in {"met", "missing"} for r in readings)
    if met and unmet:
        said = "Under one reading you already meet this; under another you do not yet."
    elif met and ask:
        said = "Under one reading you already meet this; another leaves it for you to confirm."
    elif met:
        said = "You meet this under every reading."
    elif unmet and ask:
        said = "You do not meet this yet; another reading leaves it for you to confirm."
    elif ask:
        said = "Every reading leaves this for you to confirm."
    else:
        said = "You do not meet this yet under any reading."
    governing = readings[1] if req.conflict.governs == "reading" else readings[0]
    outcome = f"{said} lmspath goes by: {governing.says.rstrip('.')}."
    return ConflictResult(summary=req.conflict.summary, readings=readings, outcome=outcome)


def fields_read(req: Requirement) -> tuple[str, ...]:
    """Every profile field the requirement's outcome can depend on (options and readings too)."""
    names: list[str] = list(KINDS[req.kind].fields)
    inner: list[Requirement] = list(req.options) if isinstance(req, AnyOfRequirement) else []
    if req.conflict is not None:
        inner += [r.rule for r in req.conflict.readings if r.rule is not None]
    for sub in inner:
        names += fields_read(sub)
    return tuple(dict.fromkeys(names))


def evaluate_requirement(
    req: Requirement,
    p: Profile,
    rules: StateRules,
    catalog: ExamCatalog | None = None,
    refs: Mapping[str, SourceRef] | None = None,
) -> RequirementResult:
    """One requirement checked, with its sources, confidence and any conflict. ``refs``: the
    state's ``source_refs``, when the caller keeps them (else each source is looked up)."""
    main = check_rule(req, p, rules.code, catalog)
    conflict = _conflict(req, main, p, rules, catalog, refs)
    check = governing_check(req, main, p, rules.code, catalog)
    options = (
        [evaluate_requirement(opt, p, rules, catalog, refs) for opt in req.options]
        if isinstance(req, AnyOfRequirement)
        else []
    )
    return RequirementResult(
        id=req.id,
        kind=req.kind,
        text=req.text,
        status=check.status,
        have=check.have,
        need=check.need,
        manual=is_manual(req),
        sources=_refs(rules, req.sources, refs),
        confidence=req.confidence,
        note=req.note,
        conflict=conflict,
        options=options,
    )


def governing_check(
    req: Requirement, main: Check, p: Profile, state: str, catalog: ExamCatalog | None
) -> Check:
    """The check that decides the status: the stated rule's, or its other reading's."""
    if req.conflict is not None and req.conflict.governs == "reading":
        # The more authoritative source is the other reading: it decides the status. When that
        # reading is one the person confirms and they already meet the stricter stated rule,
        # nothing is left to confirm under any reading.
        governing = req.conflict.readings[0]
        if main.status == "met" and isinstance(governing.rule, OtherRequirement):
            return main
        return reading_check(governing, main, p, state, catalog)
    return main


def evaluate_pathway(
    pathway: Pathway, p: Profile, rules: StateRules, catalog: ExamCatalog | None = None
) -> PathwayResult:
    """Every requirement of one pathway checked; ``complete`` ignores manual items."""
    results = [evaluate_requirement(r, p, rules, catalog) for r in pathway.requirements]
    return pathway_result(pathway, results)


def pathway_result(pathway: Pathway, results: list[RequirementResult]) -> PathwayResult:
    """The pathway's result from its requirements' results, in order."""
    remaining = [r for r in results if r.status != "met"]
    blocking = [r for r in remaining if not r.manual]
    return PathwayResult(
        id=pathway.id,
        name=pathway.name,
        summary=pathway.summary,
        audience=pathway.audience,
        complete=not blocking,
        remaining_steps=len(remaining),
        blocking=len(blocking),
        requirements=results,
    )


def evaluate(
    p: Profile, rules: StateRules, catalog: ExamCatalog | None = None
) -> list[PathwayResult]:
    """Every pathway of the state checked against the profile, in the data's order."""
    return [evaluate_pathway(pw, p, rules, catalog) for pw in rules.pathways]


__all__ = [
    "Check",
    "check_rule",
    "evaluate",
    "evaluate_pathway",
    "evaluate_requirement",
    "fields_read",
    "governing_check",
    "governing_rule",
    "is_manual",
    "pathway_result",
    "reading_check",
    "source_refs",
    "sources_disagree",
]
