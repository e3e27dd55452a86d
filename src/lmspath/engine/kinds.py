"""The table of requirement kinds: per kind, its model, fields, check, thresholds and plan step.

Adding a kind of requirement is one entry here plus its model in ``model/rules.py``;
``tests/test_kinds.py`` ties every model kind to exactly one entry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from lmspath.engine import kind_checks as checks, steps
from lmspath.engine.kind_checks import Check
from lmspath.model.frozen import Frozen
from lmspath.model.profile import Profile
from lmspath.model.results import RequirementResult, StepKind
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
    PortfolioRequirement,
    PracticumRequirement,
    ProgramRequirement,
    Requirement,
    TeachingLicenseRequirement,
    TeachingYearsRequirement,
)

#: A kind's check: the rule, the profile, the target state and the exam catalogue in.
CheckFn = Callable[[Any, Profile, str, ExamCatalog | None], Check]
#: A kind's plan step template: fills in the step an unmet rule of this kind becomes.
StepFn = Callable[[steps._Draft, Requirement | None, RequirementResult, steps.StepContext], None]


_set = object.__setattr__


class Kind(Frozen):
    """One kind of requirement, in one place."""

    __slots__ = ("check", "fields", "fill", "long", "minimum", "model", "step")
    _fields: ClassVar[tuple[str, ...]] = (
        "model",
        "fields",
        "check",
        "step",
        "fill",
        "long",
        "minimum",
    )

    model: type[Requirement]
    #: the profile fields its check reads (an any-of group's options and a conflict's readings
    #: add theirs: ``checks.fields_read``)
    fields: tuple[str, ...]
    check: CheckFn
    #: the kind of plan step it becomes, and the template that fills the step in
    step: StepKind
    fill: StepFn
    #: its step takes months or years (an any-of group plans a short option before one)
    long: bool
    #: for a rule that states a minimum: the profile field compared and the rule's attribute
    minimum: tuple[str, str] | None

    def __init__(
        self,
        model: type[Requirement],
        fields: tuple[str, ...],
        check: CheckFn,
        step: StepKind,
        fill: StepFn,
        long: bool = False,
        minimum: tuple[str, str] | None = None,
    ) -> None:
        _set(self, "model", model)
        _set(self, "fields", fields)
        _set(self, "check", check)
        _set(self, "step", step)
        _set(self, "fill", fill)
        _set(self, "long", long)
        _set(self, "minimum", minimum)

    def thresholds(self, req: Any) -> tuple[tuple[str, float], ...]:
        """The (profile field, number) pairs the rule compares against; an exam's cut score
        is on the field ``exams:<exam id>``."""
        if self.minimum is not None:
            field, name = self.minimum
            value = getattr(req, name)
            return ((field, float(value)),) if value is not None else ()
        if isinstance(req, ExamRequirement) and req.cut_score is not None:
            return ((f"exams:{req.exam}", req.cut_score),)
        return ()


def _check_any_of(
    req: AnyOfRequirement, p: Profile, state: str, catalog: ExamCatalog | None
) -> Check:
    """One of the options met (else the first left to confirm, else missing)."""
    return checks.combine(
        [check_rule(opt, p, state, catalog) for opt in req.options], "one of the options"
    )


KINDS: dict[str, Kind] = {
    "degree": Kind(
        DegreeRequirement,
        ("bachelor", "master", "master_fields", "master_ala_accredited"),
        checks.check_degree,
        "master",
        steps.step_degree,
        long=True,
    ),
    "program": Kind(
        ProgramRequirement,
        ("school_library_program", "school_library_program_kind", "school_library_program_state"),
        checks.check_program,
        "program",
        steps.step_study,
        long=True,
    ),
    "credit_hours": Kind(
        CreditHoursRequirement,
        ("library_credit_hours",),
        checks.check_credit_hours,
        "coursework",
        steps.step_study,
        long=True,
        minimum=("library_credit_hours", "min_hours"),
    ),
    "teaching_license": Kind(
        TeachingLicenseRequirement,
        ("teaching_license_status", "teaching_license_state"),
        checks.check_license,
        "teaching_license",
        steps.step_license,
        long=True,
    ),
    "teaching_years": Kind(
        TeachingYearsRequirement,
        ("teaching_years",),
        checks.check_teaching_years,
        "teaching_experience",
        steps.step_years,
        long=True,
        minimum=("teaching_years", "min_years"),
    ),
    "school_library_years": Kind(
        LibraryYearsRequirement,
        ("school_library_years",),
        checks.check_library_years,
        "other",
        steps.step_years,
        minimum=("school_library_years", "min_years"),
    ),
    "exam": Kind(ExamRequirement, ("exams",), checks.check_exam, "exam", steps.step_exam),
    "practicum": Kind(
        PracticumRequirement,
        ("practicum_hours",),
        checks.check_practicum,
        "practicum",
        steps.step_practicum,
        minimum=("practicum_hours", "min_hours"),
    ),
    "portfolio": Kind(
        PortfolioRequirement,
        ("portfolio",),
        checks.check_portfolio,
        "portfolio",
        steps.step_portfolio,
        long=True,
    ),
    "background_check": Kind(
        BackgroundCheckRequirement,
        ("background_check",),
        checks.check_background,
        "background_check",
        steps.step_background,
    ),
    "national_board": Kind(
        NationalBoardRequirement,
        ("national_board",),
        checks.check_board,
        "other",
        steps.step_board,
        long=True,
    ),
    "other": Kind(OtherRequirement, (), checks.check_other, "other", steps.step_as_stated),
    "any_of": Kind(AnyOfRequirement, (), _check_any_of, "other", steps.step_as_stated),
}


#: Profile fields holding a number some kind's rule compares with a minimum.
NUMBER_FIELDS = frozenset(kind.minimum[0] for kind in KINDS.values() if kind.minimum)


def check_rule(
    req: Requirement, p: Profile, state: str, catalog: ExamCatalog | None = None
) -> Check:
    """The status of one rule for this profile (pure): its kind's check."""
    return KINDS[req.kind].check(req, p, state, catalog)
