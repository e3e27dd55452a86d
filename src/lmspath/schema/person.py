"""Pydantic model of the person's profile: the contract's fields and their allowed values."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from lmspath.model.person import (
    FIELDS,
    CertificateKind,
    LicenseStatus,
    MasterField,
    PortfolioStatus,
    ProgramKind,
    Progress,
    YesNo,
)


class ExamResult(BaseModel):
    """An exam the person passed, with the score when they gave one."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    exam: str
    score: float | None = None

    def as_text(self) -> str:
        """The contract's ``EXAM_ID`` or ``EXAM_ID:SCORE`` form."""
        if self.score is None:
            return self.exam
        score = int(self.score) if self.score.is_integer() else self.score
        return f"{self.exam}:{score}"


class Profile(BaseModel):
    """What the person has; None everywhere means 'not given', never 'no'."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    client_id: str | None = None
    state: str | None = None
    bachelor: Progress | None = None
    master: Progress | None = None
    master_fields: tuple[MasterField, ...] | None = None
    master_ala_accredited: YesNo | None = None
    school_library_program: Progress | None = None
    school_library_program_kind: ProgramKind | None = None
    school_library_program_state: str | None = None
    #: the id of a recorded preparation program (``lmspath programs``) to plan with
    program: str | None = None
    library_credit_hours: float | None = None
    teaching_license_state: str | None = None
    teaching_license_status: LicenseStatus | None = None
    teaching_years: float | None = None
    school_library_years: float | None = None
    exams: tuple[ExamResult, ...] | None = None
    practicum_hours: float | None = None
    portfolio: PortfolioStatus | None = None
    background_check: YesNo | None = None
    national_board: YesNo | None = None
    tools: tuple[str, ...] | None = None
    skills: tuple[str, ...] | None = None
    library_certificate_state: str | None = None
    library_certificate_kind: CertificateKind | None = None
    library_certificate_years: float | None = None

    def to_plain(self) -> dict[str, object]:
        """The profile as a file would hold it: only given fields, lists as lists."""
        out: dict[str, object] = {}
        for name in FIELDS:
            value = getattr(self, name)
            if value is None:
                continue
            if name == "exams":
                out[name] = [e.as_text() for e in value]
            elif isinstance(value, tuple):
                out[name] = list(value)
            elif isinstance(value, float) and value.is_integer():
                out[name] = int(value)
            else:
                out[name] = value
        return out
