"""data/programs/XX.yaml as plain frozen objects: cited programs approved by one state.

The classes mirror ``lmspath.schema.programs``, which validates the files.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal, get_args

from lmspath.model.frozen import Frozen, _set
from lmspath.model.rules import Source, find_source

LeadsTo = Literal[
    "degree_with_school_library_track", "addon_endorsement", "certificate_only",
    "teacher_preparation",
]  # fmt: skip
#: Every ``leads_to`` value in the order the schema lists them (the CLI's ``--route`` choices).
ROUTES: tuple[str, ...] = get_args(LeadsTo)
Delivery = Literal["online", "hybrid", "in_person"]
#: The schema's degrees, plus library master's that programs name otherwise (MLS, MI, MSLS,
#: MSIS) and the MAT: recording "MLS" as "MLIS" would change what the program awards.
Degree = Literal["MLIS", "MLS", "MI", "MSLS", "MSIS", "MS", "MEd", "MA", "MAT", "EdS", "none"]

#: A number, or a range written as ``[lo, hi]``.
Span = float | int | tuple[float | int, float | int]


def span(value: Span | None) -> tuple[float, float] | None:
    """A number or ``[lo, hi]`` as ``(lo, hi)``; None stays None."""
    if value is None:
        return None
    if isinstance(value, tuple):
        return (float(value[0]), float(value[1]))
    return (float(value), float(value))


# <generated> from lmspath.schema.programs by lmspath.schema.generate: do not edit


class Program(Frozen):
    """One preparation program that leads to school-librarian certification."""

    __slots__ = (
        "accepting_applications",
        "ala_accredited",
        "ala_accredited_until",
        "approved_by",
        "confidence",
        "credential",
        "credit_hours",
        "degree",
        "delivery",
        "disclosure_source",
        "disclosure_states",
        "id",
        "institution",
        "leads_to",
        "license_required_to_enrol",
        "months",
        "name",
        "note",
        "pathways",
        "sources",
        "total_cost_usd",
        "tuition_per_credit_usd",
        "tuition_year",
        "url",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "id",
        "institution",
        "name",
        "approved_by",
        "leads_to",
        "credential",
        "pathways",
        "degree",
        "delivery",
        "credit_hours",
        "tuition_per_credit_usd",
        "tuition_year",
        "total_cost_usd",
        "months",
        "license_required_to_enrol",
        "ala_accredited",
        "ala_accredited_until",
        "disclosure_states",
        "disclosure_source",
        "accepting_applications",
        "url",
        "sources",
        "confidence",
        "note",
    )

    id: str
    institution: str
    name: str
    approved_by: str
    leads_to: Literal[
        "degree_with_school_library_track",
        "addon_endorsement",
        "certificate_only",
        "teacher_preparation",
    ]
    credential: str | None
    pathways: list[str]
    degree: (
        Literal["MLIS", "MLS", "MI", "MSLS", "MSIS", "MS", "MEd", "MA", "MAT", "EdS", "none"] | None
    )
    delivery: Literal["online", "hybrid", "in_person"] | None
    credit_hours: float | int | tuple[float | int, float | int] | None
    tuition_per_credit_usd: float | int | None
    tuition_year: str | None
    total_cost_usd: float | int | None
    months: float | int | tuple[float | int, float | int] | None
    license_required_to_enrol: bool | None
    ala_accredited: bool | None
    ala_accredited_until: int | None
    disclosure_states: list[str] | None
    disclosure_source: str | None
    accepting_applications: bool | None
    url: str
    sources: list[str]
    confidence: Literal["high", "medium", "low"]
    note: str | None

    def __init__(
        self,
        *,
        id: str,
        institution: str,
        name: str,
        approved_by: str,
        leads_to: Literal[
            "degree_with_school_library_track",
            "addon_endorsement",
            "certificate_only",
            "teacher_preparation",
        ],
        credential: str | None,
        pathways: list[str],
        degree: Literal[
            "MLIS", "MLS", "MI", "MSLS", "MSIS", "MS", "MEd", "MA", "MAT", "EdS", "none"
        ]
        | None,
        delivery: Literal["online", "hybrid", "in_person"] | None,
        credit_hours: float | int | tuple[float | int, float | int] | None,
        tuition_per_credit_usd: float | int | None,
        tuition_year: str | None,
        total_cost_usd: float | int | None,
        months: float | int | tuple[float | int, float | int] | None,
        license_required_to_enrol: bool | None,
        ala_accredited: bool | None,
        ala_accredited_until: int | None,
        disclosure_states: list[str] | None,
        disclosure_source: str | None,
        accepting_applications: bool | None,
        url: str,
        sources: list[str],
        confidence: Literal["high", "medium", "low"],
        note: str | None = None,
    ) -> None:
        _set(self, "id", id)
        _set(self, "institution", institution)
        _set(self, "name", name)
        _set(self, "approved_by", approved_by)
        _set(self, "leads_to", leads_to)
        _set(self, "credential", credential)
        _set(self, "pathways", pathways)
        _set(self, "degree", degree)
        _set(self, "delivery", delivery)
        _set(self, "credit_hours", credit_hours)
        _set(self, "tuition_per_credit_usd", tuition_per_credit_usd)
        _set(self, "tuition_year", tuition_year)
        _set(self, "total_cost_usd", total_cost_usd)
        _set(self, "months", months)
        _set(self, "license_required_to_enrol", license_required_to_enrol)
        _set(self, "ala_accredited", ala_accredited)
        _set(self, "ala_accredited_until", ala_accredited_until)
        _set(self, "disclosure_states", disclosure_states)
        _set(self, "disclosure_source", disclosure_source)
        _set(self, "accepting_applications", accepting_applications)
        _set(self, "url", url)
        _set(self, "sources", sources)
        _set(self, "confidence", confidence)
        _set(self, "note", note)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "id": self.id,
            "institution": self.institution,
            "name": self.name,
            "approved_by": self.approved_by,
            "leads_to": self.leads_to,
            "credential": self.credential,
            "pathways": list(self.pathways),
            "degree": self.degree,
            "delivery": self.delivery,
            "credit_hours": None
            if self.credit_hours is None
            else list(self.credit_hours)
            if isinstance(self.credit_hours, tuple)
            else self.credit_hours,
            "tuition_per_credit_usd": self.tuition_per_credit_usd,
            "tuition_year": self.tuition_year,
            "total_cost_usd": self.total_cost_usd,
            "months": None
            if self.months is None
            else list(self.months)
            if isinstance(self.months, tuple)
            else self.months,
            "license_required_to_enrol": self.license_required_to_enrol,
            "ala_accredited": self.ala_accredited,
            "ala_accredited_until": self.ala_accredited_until,
            "disclosure_states": None
            if self.disclosure_states is None
            else list(self.disclosure_states),
            "disclosure_source": self.disclosure_source,
            "accepting_applications": self.accepting_applications,
            "url": self.url,
            "sources": list(self.sources),
            "confidence": self.confidence,
            "note": self.note,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Program:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            id=data["id"],
            institution=data["institution"],
            name=data["name"],
            approved_by=data["approved_by"],
            leads_to=data["leads_to"],
            credential=data["credential"],
            pathways=list(data["pathways"]),
            degree=data["degree"],
            delivery=data["delivery"],
            credit_hours=None
            if data["credit_hours"] is None
            else tuple(data["credit_hours"])
            if isinstance(data["credit_hours"], list)
            else data["credit_hours"],
            tuition_per_credit_usd=data["tuition_per_credit_usd"],
            tuition_year=data["tuition_year"],
            total_cost_usd=data["total_cost_usd"],
            months=None
            if data["months"] is None
            else tuple(data["months"])
            if isinstance(data["months"], list)
            else data["months"],
            license_required_to_enrol=data["license_required_to_enrol"],
            ala_accredited=data["ala_accredited"],
            ala_accredited_until=data["ala_accredited_until"],
            disclosure_states=None
            if data["disclosure_states"] is None
            else list(data["disclosure_states"]),
            disclosure_source=data["disclosure_source"],
            accepting_applications=data["accepting_applications"],
            url=data["url"],
            sources=list(data["sources"]),
            confidence=data["confidence"],
            note=data.get("note"),
        )


class ProgramFile(Frozen):
    """``data/programs/XX.yaml``: the programs one state's agency approved, and its sources."""

    __slots__ = (
        "in_state_programs",
        "note",
        "programs",
        "schema_version",
        "sources",
        "state",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "schema_version",
        "state",
        "in_state_programs",
        "note",
        "sources",
        "programs",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"programs", "sources"})

    schema_version: Literal[1]
    state: str
    in_state_programs: bool | None
    note: str | None
    sources: list[Source]
    programs: list[Program]

    def __init__(
        self,
        *,
        schema_version: Literal[1] = 1,
        state: str,
        in_state_programs: bool | None,
        note: str | None = None,
        sources: list[Source] | None = None,
        programs: list[Program] | None = None,
    ) -> None:
        _set(self, "schema_version", schema_version)
        _set(self, "state", state)
        _set(self, "in_state_programs", in_state_programs)
        _set(self, "note", note)
        _set(self, "sources", [] if sources is None else sources)
        _set(self, "programs", [] if programs is None else programs)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "schema_version": self.schema_version,
            "state": self.state,
            "in_state_programs": self.in_state_programs,
            "note": self.note,
            "sources": [x.to_json() for x in self.sources],
            "programs": [x.to_json() for x in self.programs],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ProgramFile:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            schema_version=data.get("schema_version", 1),
            state=data["state"],
            in_state_programs=data["in_state_programs"],
            note=data.get("note"),
            sources=([Source.from_json(x) for x in data["sources"]]) if "sources" in data else None,
            programs=([Program.from_json(x) for x in data["programs"]])
            if "programs" in data
            else None,
        )

    def source(self, source_id: str) -> Source:
        """The source with this id (the loader guarantees every cited id exists)."""
        return find_source(self.sources, source_id)


class ProgramCatalog(Frozen):
    """Every program file, one per state that has one, in state-table order."""

    __slots__ = ("files",)
    _fields: ClassVar[tuple[str, ...]] = ("files",)
    _through_init: ClassVar[frozenset[str]] = frozenset({"files"})

    files: list[ProgramFile]

    def __init__(
        self,
        *,
        files: list[ProgramFile] | None = None,
    ) -> None:
        _set(self, "files", [] if files is None else files)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "files": [x.to_json() for x in self.files],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ProgramCatalog:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            files=([ProgramFile.from_json(x) for x in data["files"]]) if "files" in data else None,
        )

    def file(self, code: str) -> ProgramFile | None:
        """The file of programs approved by ``code``, or None when there is none."""
        for item in self.files:
            if item.state == code:
                return item
        return None

    def programs(self) -> list[tuple[ProgramFile, Program]]:
        """Every program with the file it comes from."""
        return [(f, p) for f in self.files for p in f.programs]

    def find(self, program_id: str) -> tuple[ProgramFile, Program] | None:
        """The program with this id and its file, or None."""
        for item, program in self.programs():
            if program.id == program_id:
                return item, program
        return None


# </generated>
