"""Pure rules engine: check a profile against one state's requirements, pathway by pathway."""

from __future__ import annotations

from dataclasses import dataclass

from lmspath.model.profile import Profile
from lmspath.model.results import (
    ConflictResult,
    PathwayResult,
    ReadingResult,
    RequirementResult,
    SourceRef,
    Status,
    source_ref,
)
from lmspath.model.rules import (
    AnyOfRequirement,
    BackgroundCheckRequirement,
    CreditHoursRequirement,
    DegreeRequirement,
    ExamCatalog,
    ExamRequirement,
    LibraryYearsRequirement,
    NationalBoardRequirement,
    OtherRequirement,
    Pathway,
    PortfolioRequirement,
    PracticumRequirement,
    ProgramRequirement,
    Reading,
    Requirement,
    StateRules,
    TeachingLicenseRequirement,
    TeachingYearsRequirement,
)


@dataclass(frozen=True)
class Check:
    """The outcome of one rule against the profile, before sources are attached."""

    status: Status
    have: str
    need: str


def _num(value: float) -> str:
    return f"{value:g}"


def _years(value: float) -> str:
    return f"{_num(value)} year" + ("" if value == 1 else "s")


_FIELD_NAMES = {
    "library_science": "library science",
    "school_library_media": "school library media",
    "education": "education",
    "educational_technology": "educational technology",
    "other": "another field",
}


def _check_degree(req: DegreeRequirement, p: Profile) -> Check:
    if req.level == "bachelor":
        need = "a bachelor's degree"
        if p.bachelor == "yes" or p.master == "yes":
            return Check(
                "met", "bachelor's degree" if p.bachelor == "yes" else "master's degree", need
            )
        if p.bachelor in {"no", "in_progress"}:
            return Check("missing", "in progress" if p.bachelor == "in_progress" else "none", need)
        return Check("not_given", "not given", need)
    fields = (
        " in " + " or ".join(_FIELD_NAMES[f] for f in req.fields) if req.fields else " (any field)"
    )
    need = (
        "a master's degree"
        + fields
        + (" from an ALA-accredited program" if req.ala_accredited else "")
    )
    if p.master in {"no", "in_progress"}:
        return Check("missing", "in progress" if p.master == "in_progress" else "none", need)
    if p.master is None:
        return Check("not_given", "not given", need)
    have = "master's"
    if p.master_fields:
        have += " in " + ", ".join(_FIELD_NAMES[f] for f in p.master_fields)
    if req.fields:
        if p.master_fields is None:
            return Check("not_given", have + " (field not given)", need)
        if not set(req.fields) & set(p.master_fields):
            return Check("missing", have, need)
    if req.ala_accredited:
        if p.master_ala_accredited is None:
            return Check("not_given", have + " (ALA accreditation not given)", need)
        if p.master_ala_accredited == "no":
            return Check("missing", have + ", not ALA-accredited", need)
        have += ", ALA-accredited"
    return Check("met", have, need)


def _progress(value: str | None, need: str, done: str) -> Check:
    if value == "yes":
        return Check("met", done, need)
    if value == "in_progress":
        return Check("missing", "in progress", need)
    if value == "no":
        return Check("missing", "none", need)
    return Check("not_given", "not given", need)


def _at_least(
    have: float | None, need: float | None, unit: str, what: str, *, years: bool = False
) -> Check:
    fmt = _years if years else (lambda v: f"{_num(v)} {unit}")
    need_text = f"{fmt(need)} of {what}" if need is not None else f"{what} (amount not confirmed)"
    if need is None:
        shown = fmt(have) if have is not None else "not given"
        if have is not None and have <= 0:
            # The rule asks for some amount, whatever it is: none of it is missing.
            return Check("missing", shown, need_text)
        return Check("not_confirmed", shown, need_text)
    if have is None:
        return Check("not_given", "not given", need_text)
    shown = f"{_num(have)} of {_num(need)} {unit}"
    return Check("met" if have >= need else "missing", shown, need_text)


def _check_program(req: ProgramRequirement, p: Profile, state: str) -> Check:
    teacher_prep = req.program_kind == "teacher_preparation"
    need = (
        "a teacher-preparation program in school library media that grants the teaching license"
        if teacher_prep
        else "a state-approved school library program"
    )
    if req.in_state:
        need += f", approved by {state}"
    kind = p.school_library_program_kind
    where = p.school_library_program_state
    have = "completed"
    if kind is not None:
        have += " (teacher preparation)" if kind == "teacher_preparation" else " (school library)"
    if where is not None:
        have += f", approved by {where}"
    found = _progress(p.school_library_program, need, have)
    if found.status != "met":
        return found
    if teacher_prep and kind is None:
        return Check("not_given", have + "; kind of program not given", need)
    if teacher_prep and kind == "school_library":
        return Check("missing", have + ", without teacher preparation", need)
    if req.in_state and where is None:
        return Check("not_given", have + "; approving state not given", need)
    if req.in_state and where != state:
        return Check("missing", have, need)
    return found


def _check_license(req: TeachingLicenseRequirement, p: Profile, state: str) -> Check:
    need = ("an active " if req.must_be_active else "a ") + "teaching license"
    if req.in_state:
        need += f" issued by {state}"
    status = p.teaching_license_status
    if status is None and p.teaching_license_state == "none":
        status = "none"
    if status is None:
        return Check("not_given", "not given", need)
    if status == "none":
        return Check("missing", "none", need)
    where = p.teaching_license_state if p.teaching_license_state not in {None, "none"} else None
    have = f"{status} license" + (f" ({where})" if where else "")
    if status == "expired" and req.must_be_active:
        return Check("missing", have, need)
    if req.in_state:
        if where is None:
            return Check("not_given", have + " (state not given)", need)
        if where != state:
            return Check("missing", have, need)
    return Check("met", have, need)


def _check_exam(req: ExamRequirement, p: Profile, state: str, catalog: ExamCatalog | None) -> Check:
    name = req.exam
    if catalog is not None:
        for exam in catalog.exams:
            if exam.id == req.exam:
                name = f"{exam.vendor} {exam.code} {exam.name}"
    cut = (
        f"cut score {_num(req.cut_score)}"
        if req.cut_score is not None
        else "cut score not confirmed"
    )
    need = f"pass {name}; {cut}"
    if p.exams is None:
        return Check("not_given", "not given", need)
    passed = [e for e in p.exams if e.exam == req.exam]
    if not passed:
        older = [e.exam for e in p.exams if e.exam in req.previous]
        if older:
            return _older_version(req, older[0], state, need)
        return Check("missing", "not passed", need)
    scores = [e.score for e in passed if e.score is not None]
    if not scores:
        return Check("met", "passed (no score given)", need)
    best = max(scores)
    if req.cut_score is None:
        return Check("not_confirmed", f"{req.exam}: {_num(best)}; cut not confirmed", need)
    if best >= req.cut_score:
        return Check("met", f"{req.exam}: {_num(best)} >= cut {_num(req.cut_score)}", need)
    return Check("missing", f"{req.exam}: {_num(best)} < cut {_num(req.cut_score)}", need)


def _older_version(req: ExamRequirement, older: str, state: str, need: str) -> Check:
    """A pass on an older version of the required test, judged by the state's data."""
    have = f"{older}, the older version of {req.exam}"
    if req.previous_accepted is True:
        return Check("met", have + f" ({state} accepts it)", need)
    if req.previous_accepted is False:
        return Check("missing", have + f" ({state} no longer accepts it)", need)
    return Check(
        "not_confirmed", have + f"; whether {state} still accepts it is not confirmed", need
    )


def _yes(value: str | None, need: str, done: str) -> Check:
    if value == "yes":
        return Check("met", done, need)
    if value == "no":
        return Check("missing", "no", need)
    return Check("not_given", "not given", need)


def _combine(checks: list[Check], need: str) -> Check:
    statuses = [c.status for c in checks]
    for status in ("met", "not_given", "not_confirmed"):
        if status in statuses:
            hit = checks[statuses.index(status)]
            return Check(status, hit.have, need)
    return Check("missing", "none of the options", need)


def check_rule(
    req: Requirement, p: Profile, state: str, catalog: ExamCatalog | None = None
) -> Check:
    """The status of one rule for this profile (pure)."""
    if isinstance(req, DegreeRequirement):
        return _check_degree(req, p)
    if isinstance(req, ProgramRequirement):
        return _check_program(req, p, state)
    if isinstance(req, CreditHoursRequirement):
        return _at_least(
            p.library_credit_hours, req.min_hours, "semester hours", "library coursework"
        )
    if isinstance(req, TeachingLicenseRequirement):
        return _check_license(req, p, state)
    if isinstance(req, TeachingYearsRequirement):
        return _at_least(p.teaching_years, req.min_years, "years", "classroom teaching", years=True)
    if isinstance(req, LibraryYearsRequirement):
        return _at_least(
            p.school_library_years, req.min_years, "years", "school library work", years=True
        )
    if isinstance(req, ExamRequirement):
        return _check_exam(req, p, state, catalog)
    if isinstance(req, PracticumRequirement):
        return _at_least(p.practicum_hours, req.min_hours, "hours", "supervised practicum")
    if isinstance(req, PortfolioRequirement):
        value = p.portfolio
        if value == "complete":
            return Check("met", "complete", "a completed portfolio")
        if value in {"none", "in_progress"}:
            return Check("missing", value.replace("_", " "), "a completed portfolio")
        return Check("not_given", "not given", "a completed portfolio")
    if isinstance(req, BackgroundCheckRequirement):
        return _yes(p.background_check, "a background check", "done")
    if isinstance(req, NationalBoardRequirement):
        return _yes(p.national_board, "National Board Certification", "certified")
    if isinstance(req, OtherRequirement):
        return Check("not_given", "lmspath cannot check this", "confirm it yourself")
    assert isinstance(req, AnyOfRequirement)
    checks = [check_rule(opt, p, state, catalog) for opt in req.options]
    return _combine(checks, "one of the options")


def governing_rule(req: Requirement) -> Requirement | None:
    """The rule that decides: the requirement, or its first other reading when that governs.

    None means the governing reading says the requirement does not apply.
    """
    if req.conflict is not None and req.conflict.governs == "reading":
        return req.conflict.readings[0].rule
    return req


def is_manual(req: Requirement) -> bool:
    """True when no profile field can answer the rule that decides (the person confirms it)."""
    return isinstance(governing_rule(req), OtherRequirement)


def _refs(rules: StateRules, ids: list[str]) -> list[SourceRef]:
    return [source_ref(rules.source(source_id)) for source_id in ids]


def _source_names(refs: list[SourceRef]) -> str:
    return ", ".join(r.title for r in refs)


def sources_disagree(statuses: tuple[Status, ...] | list[Status]) -> bool:
    """Sources disagree in a way that matters to this person: some reading says they do not
    meet the rule yet while another says otherwise."""
    return "missing" in statuses and len(set(statuses)) > 1


def reading_check(
    reading: Reading, main: Check, p: Profile, state: str, catalog: ExamCatalog | None
) -> Check:
    """The check under another source's reading (met when that reading says not required)."""
    if reading.rule is None:
        return Check("met", main.have, "not required under this reading")
    return check_rule(reading.rule, p, state, catalog)


def _conflict(
    req: Requirement, main: Check, p: Profile, rules: StateRules, catalog: ExamCatalog | None
) -> ConflictResult | None:
    if req.conflict is None:
        return None
    readings = [
        ReadingResult(
            says=req.text,
            status=main.status,
            have=main.have,
            sources=_refs(rules, req.sources),
        )
    ]
    for reading in req.conflict.readings:
        check = reading_check(reading, main, p, rules.code, catalog)
        readings.append(
            ReadingResult(
                says=reading.says,
                status=check.status,
                have=check.have,
                sources=_refs(rules, reading.sources),
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


#: The profile fields each kind of rule reads (check_rule); ``tests/test_compiled.py`` proves a
#: requirement's outcome depends on nothing else.
_KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "degree": ("bachelor", "master", "master_fields", "master_ala_accredited"),
    "program": (
        "school_library_program",
        "school_library_program_kind",
        "school_library_program_state",
    ),
    "credit_hours": ("library_credit_hours",),
    "teaching_license": ("teaching_license_status", "teaching_license_state"),
    "teaching_years": ("teaching_years",),
    "school_library_years": ("school_library_years",),
    "exam": ("exams",),
    "practicum": ("practicum_hours",),
    "portfolio": ("portfolio",),
    "background_check": ("background_check",),
    "national_board": ("national_board",),
    "other": (),
    "any_of": (),
}


def fields_read(req: Requirement) -> tuple[str, ...]:
    """Every profile field the requirement's outcome can depend on (options and readings too)."""
    names: list[str] = list(_KIND_FIELDS[req.kind])
    inner: list[Requirement] = list(req.options) if isinstance(req, AnyOfRequirement) else []
    if req.conflict is not None:
        inner += [r.rule for r in req.conflict.readings if r.rule is not None]
    for sub in inner:
        names += fields_read(sub)
    return tuple(dict.fromkeys(names))


def evaluate_requirement(
    req: Requirement, p: Profile, rules: StateRules, catalog: ExamCatalog | None = None
) -> RequirementResult:
    """One requirement checked, with its sources, confidence and any conflict."""
    main = check_rule(req, p, rules.code, catalog)
    conflict = _conflict(req, main, p, rules, catalog)
    check = governing_check(req, main, p, rules.code, catalog)
    options = (
        [evaluate_requirement(opt, p, rules, catalog) for opt in req.options]
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
        sources=_refs(rules, req.sources),
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
    return _pathway_result(pathway, results)


def _pathway_result(pathway: Pathway, results: list[RequirementResult]) -> PathwayResult:
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
