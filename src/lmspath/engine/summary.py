"""Pure summaries of the rules data: a row per state, exam usage, conflicts and unknowns."""

from __future__ import annotations

from dataclasses import dataclass

from lmspath.model.rules import (
    CreditHoursRequirement,
    ExamCatalog,
    ExamRequirement,
    LibraryYearsRequirement,
    PracticumRequirement,
    StateRules,
    TeachingYearsRequirement,
    walk,
)


@dataclass(frozen=True)
class StateRow:
    """One jurisdiction in `lmspath states` and DATA.md."""

    code: str
    name: str
    credential: str
    agency: str
    agency_url: str
    pathways: int
    confidence: str
    last_checked: str
    conflicts: int
    unconfirmed: int
    exams: str

    def as_dict(self) -> dict[str, object]:
        """The row as plain values (JSON and CSV)."""
        return dict(self.__dict__)


def _unconfirmed(rules: StateRules) -> tuple[int, int]:
    conflicts: set[str] = set()
    unknown: set[str] = set()
    for p_index, pathway in enumerate(rules.pathways):
        for r_index, top in enumerate(pathway.requirements):
            for path, req in walk(top, f"{p_index}.{r_index}"):
                key = f"{req.kind}:{req.id}:{getattr(req, 'exam', '')}"
                if req.conflict is not None:
                    conflicts.add(key)
                if isinstance(req, ExamRequirement) and req.cut_score is None:
                    unknown.add(key + ":cut")
                if (
                    isinstance(req, TeachingYearsRequirement | LibraryYearsRequirement)
                    and req.min_years is None
                ):
                    unknown.add(key)
                if (
                    isinstance(req, CreditHoursRequirement | PracticumRequirement)
                    and req.min_hours is None
                ):
                    unknown.add(key)
                del path
    unknown.update(f"fee:{f.item}" for f in rules.fees if f.amount_usd is None)
    return len(conflicts), len(unknown)


def exams_used(rules: StateRules) -> dict[str, list[float | None]]:
    """Exam id -> the cut scores this state's requirements give for it."""
    out: dict[str, list[float | None]] = {}
    for pathway in rules.pathways:
        for top in pathway.requirements:
            for _, req in walk(top, ""):
                if isinstance(req, ExamRequirement):
                    cuts = out.setdefault(req.exam, [])
                    if req.cut_score not in cuts:
                        cuts.append(req.cut_score)
    return out


def state_row(rules: StateRules) -> StateRow:
    """The summary row for one jurisdiction."""
    conflicts, unknown = _unconfirmed(rules)
    return StateRow(
        code=rules.code,
        name=rules.name,
        credential=rules.credential,
        agency=rules.agency.name,
        agency_url=rules.agency.url,
        pathways=len(rules.pathways),
        confidence=rules.confidence,
        last_checked=rules.last_checked.isoformat(),
        conflicts=conflicts,
        unconfirmed=unknown,
        exams=", ".join(exams_used(rules)) or "none",
    )


@dataclass(frozen=True)
class ExamUse:
    """One state's use of an exam and its cut score there."""

    state: str
    cut_scores: list[float | None]


def exam_usage(states: list[StateRules], catalog: ExamCatalog) -> dict[str, list[ExamUse]]:
    """Exam id -> the states that use it, with their cut scores (None = not confirmed)."""
    usage: dict[str, list[ExamUse]] = {exam.id: [] for exam in catalog.exams}
    for rules in states:
        for exam_id, cuts in exams_used(rules).items():
            usage.setdefault(exam_id, []).append(ExamUse(rules.code, cuts))
    return usage
