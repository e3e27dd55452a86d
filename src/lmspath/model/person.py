"""The person's profile as a plain frozen object: the contract's fields, None meaning not given.

The classes mirror ``lmspath.schema.person``; ``lmspath.model.profile`` parses every input into
them.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from lmspath.model.frozen import Frozen, _set

YesNo = Literal["yes", "no"]
Progress = Literal["no", "in_progress", "yes"]
LicenseStatus = Literal["active", "expired", "none"]
PortfolioStatus = Literal["none", "in_progress", "complete"]
#: ``school_library``: a school library (media) preparation program (an MLIS track, an add-on
#: endorsement or certificate); ``teacher_preparation``: a teacher-preparation program that
#: also granted the initial teaching license, with school library media.
ProgramKind = Literal["school_library", "teacher_preparation"]
#: A school librarian certificate already held: ``full`` (standard, professional) or
#: ``provisional`` (temporary, conditional, emergency).
CertificateKind = Literal["full", "provisional"]
MasterField = Literal[
    "library_science", "school_library_media", "education", "educational_technology", "other"
]

#: The contract's profile fields, in the order a person would think of them.
FIELDS: tuple[str, ...] = (
    "client_id",
    "state",
    "bachelor",
    "master",
    "master_fields",
    "master_ala_accredited",
    "school_library_program",
    "school_library_program_kind",
    "school_library_program_state",
    "program",
    "library_credit_hours",
    "teaching_license_state",
    "teaching_license_status",
    "teaching_years",
    "school_library_years",
    "exams",
    "practicum_hours",
    "portfolio",
    "background_check",
    "national_board",
    "tools",
    "skills",
    "library_certificate_state",
    "library_certificate_kind",
    "library_certificate_years",
)

#: Fields only profile files, intake columns and ``--assume`` set; the questionnaire does not
#: ask them (a certificate already held is rare among its users) and keeps them as given.


# <generated> from lmspath.schema.person by lmspath.schema.generate: do not edit


class ExamResult(Frozen):
    """An exam the person passed, with the score when they gave one."""

    __slots__ = (
        "exam",
        "score",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "exam",
        "score",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"score"})

    exam: str
    score: float | None

    def __init__(
        self,
        *,
        exam: str,
        score: float | None = None,
    ) -> None:
        _set(self, "exam", exam)
        _set(self, "score", None if score is None else float(score))

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "exam": self.exam,
            "score": self.score,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ExamResult:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            exam=data["exam"],
            score=data.get("score"),
        )

    def as_text(self) -> str:
        """The contract's ``EXAM_ID`` or ``EXAM_ID:SCORE`` form."""
        if self.score is None:
            return self.exam
        score = int(self.score) if self.score.is_integer() else self.score
        return f"{self.exam}:{score}"


class Profile(Frozen):
    """What the person has; None everywhere means 'not given', never 'no'."""

    __slots__ = (
        "bachelor",
        "background_check",
        "client_id",
        "exams",
        "library_certificate_kind",
        "library_certificate_state",
        "library_certificate_years",
        "library_credit_hours",
        "master",
        "master_ala_accredited",
        "master_fields",
        "national_board",
        "portfolio",
        "practicum_hours",
        "program",
        "school_library_program",
        "school_library_program_kind",
        "school_library_program_state",
        "school_library_years",
        "skills",
        "state",
        "teaching_license_state",
        "teaching_license_status",
        "teaching_years",
        "tools",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "client_id",
        "state",
        "bachelor",
        "master",
        "master_fields",
        "master_ala_accredited",
        "school_library_program",
        "school_library_program_kind",
        "school_library_program_state",
        "program",
        "library_credit_hours",
        "teaching_license_state",
        "teaching_license_status",
        "teaching_years",
        "school_library_years",
        "exams",
        "practicum_hours",
        "portfolio",
        "background_check",
        "national_board",
        "tools",
        "skills",
        "library_certificate_state",
        "library_certificate_kind",
        "library_certificate_years",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset(
        {
            "library_certificate_years",
            "library_credit_hours",
            "practicum_hours",
            "school_library_years",
            "teaching_years",
        }
    )

    client_id: str | None
    state: str | None
    bachelor: Literal["no", "in_progress", "yes"] | None
    master: Literal["no", "in_progress", "yes"] | None
    master_fields: (
        tuple[
            Literal[
                "library_science",
                "school_library_media",
                "education",
                "educational_technology",
                "other",
            ],
            ...,
        ]
        | None
    )
    master_ala_accredited: Literal["yes", "no"] | None
    school_library_program: Literal["no", "in_progress", "yes"] | None
    school_library_program_kind: Literal["school_library", "teacher_preparation"] | None
    school_library_program_state: str | None
    program: str | None
    library_credit_hours: float | None
    teaching_license_state: str | None
    teaching_license_status: Literal["active", "expired", "none"] | None
    teaching_years: float | None
    school_library_years: float | None
    exams: tuple[ExamResult, ...] | None
    practicum_hours: float | None
    portfolio: Literal["none", "in_progress", "complete"] | None
    background_check: Literal["yes", "no"] | None
    national_board: Literal["yes", "no"] | None
    tools: tuple[str, ...] | None
    skills: tuple[str, ...] | None
    library_certificate_state: str | None
    library_certificate_kind: Literal["full", "provisional"] | None
    library_certificate_years: float | None

    def __init__(
        self,
        *,
        client_id: str | None = None,
        state: str | None = None,
        bachelor: Literal["no", "in_progress", "yes"] | None = None,
        master: Literal["no", "in_progress", "yes"] | None = None,
        master_fields: tuple[
            Literal[
                "library_science",
                "school_library_media",
                "education",
                "educational_technology",
                "other",
            ],
            ...,
        ]
        | None = None,
        master_ala_accredited: Literal["yes", "no"] | None = None,
        school_library_program: Literal["no", "in_progress", "yes"] | None = None,
        school_library_program_kind: Literal["school_library", "teacher_preparation"] | None = None,
        school_library_program_state: str | None = None,
        program: str | None = None,
        library_credit_hours: float | None = None,
        teaching_license_state: str | None = None,
        teaching_license_status: Literal["active", "expired", "none"] | None = None,
        teaching_years: float | None = None,
        school_library_years: float | None = None,
        exams: tuple[ExamResult, ...] | None = None,
        practicum_hours: float | None = None,
        portfolio: Literal["none", "in_progress", "complete"] | None = None,
        background_check: Literal["yes", "no"] | None = None,
        national_board: Literal["yes", "no"] | None = None,
        tools: tuple[str, ...] | None = None,
        skills: tuple[str, ...] | None = None,
        library_certificate_state: str | None = None,
        library_certificate_kind: Literal["full", "provisional"] | None = None,
        library_certificate_years: float | None = None,
    ) -> None:
        _set(self, "client_id", client_id)
        _set(self, "state", state)
        _set(self, "bachelor", bachelor)
        _set(self, "master", master)
        _set(self, "master_fields", master_fields)
        _set(self, "master_ala_accredited", master_ala_accredited)
        _set(self, "school_library_program", school_library_program)
        _set(self, "school_library_program_kind", school_library_program_kind)
        _set(self, "school_library_program_state", school_library_program_state)
        _set(self, "program", program)
        _set(
            self,
            "library_credit_hours",
            None if library_credit_hours is None else float(library_credit_hours),
        )
        _set(self, "teaching_license_state", teaching_license_state)
        _set(self, "teaching_license_status", teaching_license_status)
        _set(self, "teaching_years", None if teaching_years is None else float(teaching_years))
        _set(
            self,
            "school_library_years",
            None if school_library_years is None else float(school_library_years),
        )
        _set(self, "exams", exams)
        _set(self, "practicum_hours", None if practicum_hours is None else float(practicum_hours))
        _set(self, "portfolio", portfolio)
        _set(self, "background_check", background_check)
        _set(self, "national_board", national_board)
        _set(self, "tools", tools)
        _set(self, "skills", skills)
        _set(self, "library_certificate_state", library_certificate_state)
        _set(self, "library_certificate_kind", library_certificate_kind)
        _set(
            self,
            "library_certificate_years",
            None if library_certificate_years is None else float(library_certificate_years),
        )

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "client_id": self.client_id,
            "state": self.state,
            "bachelor": self.bachelor,
            "master": self.master,
            "master_fields": None if self.master_fields is None else list(self.master_fields),
            "master_ala_accredited": self.master_ala_accredited,
            "school_library_program": self.school_library_program,
            "school_library_program_kind": self.school_library_program_kind,
            "school_library_program_state": self.school_library_program_state,
            "program": self.program,
            "library_credit_hours": self.library_credit_hours,
            "teaching_license_state": self.teaching_license_state,
            "teaching_license_status": self.teaching_license_status,
            "teaching_years": self.teaching_years,
            "school_library_years": self.school_library_years,
            "exams": None if self.exams is None else [x.to_json() for x in self.exams],
            "practicum_hours": self.practicum_hours,
            "portfolio": self.portfolio,
            "background_check": self.background_check,
            "national_board": self.national_board,
            "tools": None if self.tools is None else list(self.tools),
            "skills": None if self.skills is None else list(self.skills),
            "library_certificate_state": self.library_certificate_state,
            "library_certificate_kind": self.library_certificate_kind,
            "library_certificate_years": self.library_certificate_years,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Profile:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            client_id=data.get("client_id"),
            state=data.get("state"),
            bachelor=data.get("bachelor"),
            master=data.get("master"),
            master_fields=(None if data["master_fields"] is None else tuple(data["master_fields"]))
            if "master_fields" in data
            else None,
            master_ala_accredited=data.get("master_ala_accredited"),
            school_library_program=data.get("school_library_program"),
            school_library_program_kind=data.get("school_library_program_kind"),
            school_library_program_state=data.get("school_library_program_state"),
            program=data.get("program"),
            library_credit_hours=data.get("library_credit_hours"),
            teaching_license_state=data.get("teaching_license_state"),
            teaching_license_status=data.get("teaching_license_status"),
            teaching_years=data.get("teaching_years"),
            school_library_years=data.get("school_library_years"),
            exams=(
                None
                if data["exams"] is None
                else tuple(ExamResult.from_json(x) for x in data["exams"])
            )
            if "exams" in data
            else None,
            practicum_hours=data.get("practicum_hours"),
            portfolio=data.get("portfolio"),
            background_check=data.get("background_check"),
            national_board=data.get("national_board"),
            tools=(None if data["tools"] is None else tuple(data["tools"]))
            if "tools" in data
            else None,
            skills=(None if data["skills"] is None else tuple(data["skills"]))
            if "skills" in data
            else None,
            library_certificate_state=data.get("library_certificate_state"),
            library_certificate_kind=data.get("library_certificate_kind"),
            library_certificate_years=data.get("library_certificate_years"),
        )

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


# </generated>
