"""Each kind of rule checked against a profile: where the person stands, in plain words.

``kinds.KINDS`` names, per kind, the check here that answers it; ``kinds.check_rule`` is the
one entry point.
"""

from __future__ import annotations

from typing import ClassVar

from lmspath.engine.words import count
from lmspath.model.frozen import Frozen
from lmspath.model.profile import Profile
from lmspath.model.results import Status
from lmspath.model.rules import (
    BackgroundCheckRequirement,
    CreditHoursRequirement,
    DegreeRequirement,
    ExamCatalog,
    ExamRequirement,
    LibraryYearsRequirement,
    NationalBoardRequirement,
    OtherRequirement,
    PortfolioRequirement,
    PracticumRequirement,
    ProgramRequirement,
    Requirement,
    TeachingLicenseRequirement,
    TeachingYearsRequirement,
)

_set = object.__setattr__


class Check(Frozen):
    """The outcome of one rule against the profile, before sources are attached."""

    __slots__ = ("have", "need", "status")
    _fields: ClassVar[tuple[str, ...]] = ("status", "have", "need")

    status: Status
    have: str
    need: str

    def __init__(self, status: Status, have: str, need: str) -> None:
        _set(self, "status", status)
        _set(self, "have", have)
        _set(self, "need", need)


def _num(value: float) -> str:
    return f"{value:g}"


def _years(value: float) -> str:
    return count(value, "year")


_FIELD_NAMES = {
    "library_science": "library science",
    "school_library_media": "school library media",
    "education": "education",
    "educational_technology": "educational technology",
    "other": "another field",
}


def check_degree(
    req: DegreeRequirement, p: Profile, state: str, catalog: ExamCatalog | None
) -> Check:
    """A bachelor's or a master's (its field and ALA accreditation where the rule asks)."""
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
    if p.master != "yes" and p.master != "in_progress" and p.bachelor in {"no", "in_progress"}:
        # A master's program admits graduates: without a bachelor's there is no master's.
        have = (
            "none; bachelor's degree in progress"
            if p.bachelor == "in_progress"
            else "none; no bachelor's degree yet"
        )
        return Check("missing", have, need)
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
    shown = f"{_num(have)} of {fmt(need)}"
    return Check("met" if have >= need else "missing", shown, need_text)


def check_program(
    req: ProgramRequirement, p: Profile, state: str, catalog: ExamCatalog | None
) -> Check:
    """A completed program of the kind (and, where asked, the state) the rule names."""
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


def check_license(
    req: TeachingLicenseRequirement, p: Profile, state: str, catalog: ExamCatalog | None
) -> Check:
    """A teaching license: held, active where the rule asks, issued by the state where asked."""
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


def check_exam(req: ExamRequirement, p: Profile, state: str, catalog: ExamCatalog | None) -> Check:
    """An exam passed, at or above the cut score (an older version as the state's data says)."""
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


def combine(checks: list[Check], need: str) -> Check:
    """An any-of group's check from its options': met, else blank, else unconfirmed, else
    missing."""
    statuses = [c.status for c in checks]
    for status in ("met", "not_given", "not_confirmed"):
        if status in statuses:
            hit = checks[statuses.index(status)]
            return Check(status, hit.have, need)
    return Check("missing", "none of the options", need)


def check_credit_hours(
    req: CreditHoursRequirement, p: Profile, state: str, catalog: ExamCatalog | None
) -> Check:
    """Semester hours of library coursework, against the rule's minimum."""
    return _at_least(p.library_credit_hours, req.min_hours, "semester hours", "library coursework")


def check_teaching_years(
    req: TeachingYearsRequirement, p: Profile, state: str, catalog: ExamCatalog | None
) -> Check:
    """Years of classroom teaching, against the rule's minimum."""
    return _at_least(p.teaching_years, req.min_years, "years", "classroom teaching", years=True)


def check_library_years(
    req: LibraryYearsRequirement, p: Profile, state: str, catalog: ExamCatalog | None
) -> Check:
    """Years of school library work, against the rule's minimum."""
    return _at_least(
        p.school_library_years, req.min_years, "years", "school library work", years=True
    )


def check_practicum(
    req: PracticumRequirement, p: Profile, state: str, catalog: ExamCatalog | None
) -> Check:
    """Hours of supervised practicum, against the rule's minimum."""
    return _at_least(p.practicum_hours, req.min_hours, "hours", "supervised practicum")


def check_portfolio(
    req: PortfolioRequirement, p: Profile, state: str, catalog: ExamCatalog | None
) -> Check:
    """A completed professional portfolio."""
    value = p.portfolio
    if value == "complete":
        return Check("met", "complete", "a completed portfolio")
    if value in {"none", "in_progress"}:
        return Check("missing", value.replace("_", " "), "a completed portfolio")
    return Check("not_given", "not given", "a completed portfolio")


def check_background(
    req: BackgroundCheckRequirement, p: Profile, state: str, catalog: ExamCatalog | None
) -> Check:
    """A background check done."""
    return _yes(p.background_check, "a background check", "done")


def check_board(
    req: NationalBoardRequirement, p: Profile, state: str, catalog: ExamCatalog | None
) -> Check:
    """National Board Certification held."""
    return _yes(p.national_board, "National Board Certification", "certified")


def check_other(
    req: OtherRequirement, p: Profile, state: str, catalog: ExamCatalog | None
) -> Check:
    """A rule no profile field answers: the person confirms it."""
    return Check("not_given", "lmspath cannot check this", "confirm it yourself")


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


def sources_disagree(statuses: tuple[Status, ...] | list[Status]) -> bool:
    """Sources disagree in a way that matters to this person: some reading says they do not
    meet the rule yet while another says otherwise."""
    return "missing" in statuses and len(set(statuses)) > 1
