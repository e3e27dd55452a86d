"""The rules data as plain frozen objects: a credential, its pathways and cited requirements.

The classes mirror ``lmspath.schema.rules``, which validates the data files; the engine reads
these (no pydantic on the way).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar, Literal, Protocol, TypeVar

from lmspath.model.frozen import Frozen, _date, _set

Confidence = Literal["high", "medium", "low"]
DegreeLevel = Literal["bachelor", "master"]
MasterField = Literal[
    "library_science", "school_library_media", "education", "educational_technology", "other"
]
Audience = Literal["general", "out_of_state", "employer_sponsored", "emergency"]

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_S = TypeVar("_S", bound=_HasId)


def find_source(sources: Sequence[_S], source_id: str) -> _S:
    """The source with this id in a file's list; KeyError when it is not there."""
    for src in sources:
        if src.id == source_id:
            return src
    raise KeyError(source_id)


def ensure_unique_ids(groups: dict[str, list[str]]) -> None:
    """ValueError naming the first id used twice within any group ('source', 'pathway', ...)."""
    for label, ids in groups.items():
        seen: set[str] = set()
        for item in ids:
            if item in seen:
                raise ValueError(f"two {label}s share the id {item!r}")
            seen.add(item)


def check_id(value: str) -> str:
    """The value when it is an id (lowercase letters, digits and '-'), else ValueError."""
    if not _ID.match(value):
        raise ValueError(f"{value!r} is not an id (lowercase letters, digits and '-')")
    return value


# <generated> from lmspath.schema.rules by lmspath.schema.generate: do not edit


class Source(Frozen):
    """Where a fact comes from: a page, the date it states, and the date it was read."""

    __slots__ = (
        "as_of",
        "id",
        "official",
        "read_on",
        "title",
        "url",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "id",
        "url",
        "title",
        "as_of",
        "read_on",
        "official",
    )

    id: str
    url: str
    title: str
    as_of: str | None
    read_on: dt.date
    official: bool

    def __init__(
        self,
        *,
        id: str,
        url: str,
        title: str,
        as_of: str | None = None,
        read_on: dt.date,
        official: bool,
    ) -> None:
        _set(self, "id", id)
        _set(self, "url", url)
        _set(self, "title", title)
        _set(self, "as_of", as_of)
        _set(self, "read_on", read_on)
        _set(self, "official", official)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "as_of": self.as_of,
            "read_on": self.read_on.isoformat(),
            "official": self.official,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Source:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            id=data["id"],
            url=data["url"],
            title=data["title"],
            as_of=data.get("as_of"),
            read_on=_date(data["read_on"]),
            official=data["official"],
        )


class Agency(Frozen):
    """The body that issues the credential and takes the application."""

    __slots__ = (
        "name",
        "url",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "name",
        "url",
    )

    name: str
    url: str

    def __init__(
        self,
        *,
        name: str,
        url: str,
    ) -> None:
        _set(self, "name", name)
        _set(self, "url", url)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "name": self.name,
            "url": self.url,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Agency:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            name=data["name"],
            url=data["url"],
        )


class Cited(Frozen):
    """Anything that rests on sources and carries a confidence."""

    __slots__ = (
        "confidence",
        "note",
        "sources",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "sources",
        "confidence",
        "note",
    )

    sources: list[str]
    confidence: Literal["high", "medium", "low"]
    note: str | None

    def __init__(
        self,
        *,
        sources: list[str],
        confidence: Literal["high", "medium", "low"],
        note: str | None = None,
    ) -> None:
        _set(self, "sources", sources)
        _set(self, "confidence", confidence)
        _set(self, "note", note)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "sources": list(self.sources),
            "confidence": self.confidence,
            "note": self.note,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Cited:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            sources=list(data["sources"]),
            confidence=data["confidence"],
            note=data.get("note"),
        )


class Reading(Frozen):
    """One source's reading of a contested rule; ``rule: null`` means 'not required'."""

    __slots__ = (
        "rule",
        "says",
        "sources",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "says",
        "sources",
        "rule",
    )

    says: str
    sources: list[str]
    rule: (
        DegreeRequirement
        | ProgramRequirement
        | CreditHoursRequirement
        | TeachingLicenseRequirement
        | TeachingYearsRequirement
        | LibraryYearsRequirement
        | ExamRequirement
        | PracticumRequirement
        | PortfolioRequirement
        | BackgroundCheckRequirement
        | NationalBoardRequirement
        | OtherRequirement
        | AnyOfRequirement
        | None
    )

    def __init__(
        self,
        *,
        says: str,
        sources: list[str],
        rule: DegreeRequirement
        | ProgramRequirement
        | CreditHoursRequirement
        | TeachingLicenseRequirement
        | TeachingYearsRequirement
        | LibraryYearsRequirement
        | ExamRequirement
        | PracticumRequirement
        | PortfolioRequirement
        | BackgroundCheckRequirement
        | NationalBoardRequirement
        | OtherRequirement
        | AnyOfRequirement
        | None = None,
    ) -> None:
        _set(self, "says", says)
        _set(self, "sources", sources)
        _set(self, "rule", rule)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "says": self.says,
            "sources": list(self.sources),
            "rule": None if self.rule is None else self.rule.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Reading:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            says=data["says"],
            sources=list(data["sources"]),
            rule=(
                None
                if data["rule"] is None
                else _DEGREEREQUIREMENT_ETC_BY_KIND[data["rule"]["kind"]].from_json(data["rule"])
            )
            if "rule" in data
            else None,
        )


class Conflict(Frozen):
    """Sources disagree: the requirement states one reading, ``readings`` the others.

    ``governs`` says which reading decides the status: ``requirement`` (the default) or
    ``reading`` (the first of ``readings``), for when the more authoritative source, such as the
    current rule text, is the one in ``readings``. Every reading is shown either way."""

    __slots__ = (
        "governs",
        "readings",
        "summary",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "summary",
        "governs",
        "readings",
    )

    summary: str
    governs: Literal["requirement", "reading"]
    readings: list[Reading]

    def __init__(
        self,
        *,
        summary: str,
        governs: Literal["requirement", "reading"] = "requirement",
        readings: list[Reading],
    ) -> None:
        _set(self, "summary", summary)
        _set(self, "governs", governs)
        _set(self, "readings", readings)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "summary": self.summary,
            "governs": self.governs,
            "readings": [x.to_json() for x in self.readings],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Conflict:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            summary=data["summary"],
            governs=data.get("governs", "requirement"),
            readings=[Reading.from_json(x) for x in data["readings"]],
        )


class _RequirementBase(Cited):
    __slots__ = (
        "conflict",
        "id",
        "plan_note",
        "text",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "sources",
        "confidence",
        "note",
        "id",
        "text",
        "conflict",
        "plan_note",
    )

    id: str
    text: str
    conflict: Conflict | None
    plan_note: str | None

    def __init__(
        self,
        *,
        sources: list[str],
        confidence: Literal["high", "medium", "low"],
        note: str | None = None,
        id: str,
        text: str,
        conflict: Conflict | None = None,
        plan_note: str | None = None,
    ) -> None:
        _set(self, "sources", sources)
        _set(self, "confidence", confidence)
        _set(self, "note", note)
        _set(self, "id", id)
        _set(self, "text", text)
        _set(self, "conflict", conflict)
        _set(self, "plan_note", plan_note)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "sources": list(self.sources),
            "confidence": self.confidence,
            "note": self.note,
            "id": self.id,
            "text": self.text,
            "conflict": None if self.conflict is None else self.conflict.to_json(),
            "plan_note": self.plan_note,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> _RequirementBase:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            sources=list(data["sources"]),
            confidence=data["confidence"],
            note=data.get("note"),
            id=data["id"],
            text=data["text"],
            conflict=(None if data["conflict"] is None else Conflict.from_json(data["conflict"]))
            if "conflict" in data
            else None,
            plan_note=data.get("plan_note"),
        )


class DegreeRequirement(_RequirementBase):
    """A degree at a level; ``fields`` null means any field."""

    __slots__ = (
        "ala_accredited",
        "fields",
        "kind",
        "level",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "sources",
        "confidence",
        "note",
        "id",
        "text",
        "conflict",
        "plan_note",
        "kind",
        "level",
        "fields",
        "ala_accredited",
    )

    kind: Literal["degree"]
    level: Literal["bachelor", "master"]
    fields: (
        list[
            Literal[
                "library_science",
                "school_library_media",
                "education",
                "educational_technology",
                "other",
            ]
        ]
        | None
    )
    ala_accredited: bool

    def __init__(
        self,
        *,
        sources: list[str],
        confidence: Literal["high", "medium", "low"],
        note: str | None = None,
        id: str,
        text: str,
        conflict: Conflict | None = None,
        plan_note: str | None = None,
        kind: Literal["degree"],
        level: Literal["bachelor", "master"],
        fields: list[
            Literal[
                "library_science",
                "school_library_media",
                "education",
                "educational_technology",
                "other",
            ]
        ]
        | None = None,
        ala_accredited: bool = False,
    ) -> None:
        _set(self, "sources", sources)
        _set(self, "confidence", confidence)
        _set(self, "note", note)
        _set(self, "id", id)
        _set(self, "text", text)
        _set(self, "conflict", conflict)
        _set(self, "plan_note", plan_note)
        _set(self, "kind", kind)
        _set(self, "level", level)
        _set(self, "fields", fields)
        _set(self, "ala_accredited", ala_accredited)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "sources": list(self.sources),
            "confidence": self.confidence,
            "note": self.note,
            "id": self.id,
            "text": self.text,
            "conflict": None if self.conflict is None else self.conflict.to_json(),
            "plan_note": self.plan_note,
            "kind": self.kind,
            "level": self.level,
            "fields": None if self.fields is None else list(self.fields),
            "ala_accredited": self.ala_accredited,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DegreeRequirement:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            sources=list(data["sources"]),
            confidence=data["confidence"],
            note=data.get("note"),
            id=data["id"],
            text=data["text"],
            conflict=(None if data["conflict"] is None else Conflict.from_json(data["conflict"]))
            if "conflict" in data
            else None,
            plan_note=data.get("plan_note"),
            kind=data["kind"],
            level=data["level"],
            fields=(None if data["fields"] is None else list(data["fields"]))
            if "fields" in data
            else None,
            ala_accredited=data.get("ala_accredited", False),
        )


class ProgramRequirement(_RequirementBase):
    """Completion of a state-approved school library (media) preparation program.

    ``program_kind: teacher_preparation`` marks a route whose program must also be a
    teacher-preparation program that grants the initial teaching license (an entitlement or
    initial-certification program); ``in_state`` that the program must be approved by this
    state. Both come from the requirement's own sources."""

    __slots__ = (
        "in_state",
        "kind",
        "program_kind",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "sources",
        "confidence",
        "note",
        "id",
        "text",
        "conflict",
        "plan_note",
        "kind",
        "program_kind",
        "in_state",
    )

    kind: Literal["program"]
    program_kind: Literal["school_library", "teacher_preparation"]
    in_state: bool

    def __init__(
        self,
        *,
        sources: list[str],
        confidence: Literal["high", "medium", "low"],
        note: str | None = None,
        id: str,
        text: str,
        conflict: Conflict | None = None,
        plan_note: str | None = None,
        kind: Literal["program"],
        program_kind: Literal["school_library", "teacher_preparation"] = "school_library",
        in_state: bool = False,
    ) -> None:
        _set(self, "sources", sources)
        _set(self, "confidence", confidence)
        _set(self, "note", note)
        _set(self, "id", id)
        _set(self, "text", text)
        _set(self, "conflict", conflict)
        _set(self, "plan_note", plan_note)
        _set(self, "kind", kind)
        _set(self, "program_kind", program_kind)
        _set(self, "in_state", in_state)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "sources": list(self.sources),
            "confidence": self.confidence,
            "note": self.note,
            "id": self.id,
            "text": self.text,
            "conflict": None if self.conflict is None else self.conflict.to_json(),
            "plan_note": self.plan_note,
            "kind": self.kind,
            "program_kind": self.program_kind,
            "in_state": self.in_state,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ProgramRequirement:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            sources=list(data["sources"]),
            confidence=data["confidence"],
            note=data.get("note"),
            id=data["id"],
            text=data["text"],
            conflict=(None if data["conflict"] is None else Conflict.from_json(data["conflict"]))
            if "conflict" in data
            else None,
            plan_note=data.get("plan_note"),
            kind=data["kind"],
            program_kind=data.get("program_kind", "school_library"),
            in_state=data.get("in_state", False),
        )


class CreditHoursRequirement(_RequirementBase):
    """Semester hours in library science / school library media; null when not confirmed."""

    __slots__ = (
        "kind",
        "min_hours",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "sources",
        "confidence",
        "note",
        "id",
        "text",
        "conflict",
        "plan_note",
        "kind",
        "min_hours",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"min_hours"})

    kind: Literal["credit_hours"]
    min_hours: float | None

    def __init__(
        self,
        *,
        sources: list[str],
        confidence: Literal["high", "medium", "low"],
        note: str | None = None,
        id: str,
        text: str,
        conflict: Conflict | None = None,
        plan_note: str | None = None,
        kind: Literal["credit_hours"],
        min_hours: float | None = None,
    ) -> None:
        _set(self, "sources", sources)
        _set(self, "confidence", confidence)
        _set(self, "note", note)
        _set(self, "id", id)
        _set(self, "text", text)
        _set(self, "conflict", conflict)
        _set(self, "plan_note", plan_note)
        _set(self, "kind", kind)
        _set(self, "min_hours", None if min_hours is None else float(min_hours))

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "sources": list(self.sources),
            "confidence": self.confidence,
            "note": self.note,
            "id": self.id,
            "text": self.text,
            "conflict": None if self.conflict is None else self.conflict.to_json(),
            "plan_note": self.plan_note,
            "kind": self.kind,
            "min_hours": self.min_hours,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CreditHoursRequirement:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            sources=list(data["sources"]),
            confidence=data["confidence"],
            note=data.get("note"),
            id=data["id"],
            text=data["text"],
            conflict=(None if data["conflict"] is None else Conflict.from_json(data["conflict"]))
            if "conflict" in data
            else None,
            plan_note=data.get("plan_note"),
            kind=data["kind"],
            min_hours=data.get("min_hours"),
        )


class TeachingLicenseRequirement(_RequirementBase):
    """A teaching license (any state unless ``in_state`` is true)."""

    __slots__ = (
        "in_state",
        "kind",
        "must_be_active",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "sources",
        "confidence",
        "note",
        "id",
        "text",
        "conflict",
        "plan_note",
        "kind",
        "must_be_active",
        "in_state",
    )

    kind: Literal["teaching_license"]
    must_be_active: bool
    in_state: bool

    def __init__(
        self,
        *,
        sources: list[str],
        confidence: Literal["high", "medium", "low"],
        note: str | None = None,
        id: str,
        text: str,
        conflict: Conflict | None = None,
        plan_note: str | None = None,
        kind: Literal["teaching_license"],
        must_be_active: bool = True,
        in_state: bool = False,
    ) -> None:
        _set(self, "sources", sources)
        _set(self, "confidence", confidence)
        _set(self, "note", note)
        _set(self, "id", id)
        _set(self, "text", text)
        _set(self, "conflict", conflict)
        _set(self, "plan_note", plan_note)
        _set(self, "kind", kind)
        _set(self, "must_be_active", must_be_active)
        _set(self, "in_state", in_state)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "sources": list(self.sources),
            "confidence": self.confidence,
            "note": self.note,
            "id": self.id,
            "text": self.text,
            "conflict": None if self.conflict is None else self.conflict.to_json(),
            "plan_note": self.plan_note,
            "kind": self.kind,
            "must_be_active": self.must_be_active,
            "in_state": self.in_state,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TeachingLicenseRequirement:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            sources=list(data["sources"]),
            confidence=data["confidence"],
            note=data.get("note"),
            id=data["id"],
            text=data["text"],
            conflict=(None if data["conflict"] is None else Conflict.from_json(data["conflict"]))
            if "conflict" in data
            else None,
            plan_note=data.get("plan_note"),
            kind=data["kind"],
            must_be_active=data.get("must_be_active", True),
            in_state=data.get("in_state", False),
        )


class TeachingYearsRequirement(_RequirementBase):
    """Years of PK-12 classroom teaching; null when the number is not confirmed."""

    __slots__ = (
        "kind",
        "min_years",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "sources",
        "confidence",
        "note",
        "id",
        "text",
        "conflict",
        "plan_note",
        "kind",
        "min_years",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"min_years"})

    kind: Literal["teaching_years"]
    min_years: float | None

    def __init__(
        self,
        *,
        sources: list[str],
        confidence: Literal["high", "medium", "low"],
        note: str | None = None,
        id: str,
        text: str,
        conflict: Conflict | None = None,
        plan_note: str | None = None,
        kind: Literal["teaching_years"],
        min_years: float | None = None,
    ) -> None:
        _set(self, "sources", sources)
        _set(self, "confidence", confidence)
        _set(self, "note", note)
        _set(self, "id", id)
        _set(self, "text", text)
        _set(self, "conflict", conflict)
        _set(self, "plan_note", plan_note)
        _set(self, "kind", kind)
        _set(self, "min_years", None if min_years is None else float(min_years))

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "sources": list(self.sources),
            "confidence": self.confidence,
            "note": self.note,
            "id": self.id,
            "text": self.text,
            "conflict": None if self.conflict is None else self.conflict.to_json(),
            "plan_note": self.plan_note,
            "kind": self.kind,
            "min_years": self.min_years,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TeachingYearsRequirement:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            sources=list(data["sources"]),
            confidence=data["confidence"],
            note=data.get("note"),
            id=data["id"],
            text=data["text"],
            conflict=(None if data["conflict"] is None else Conflict.from_json(data["conflict"]))
            if "conflict" in data
            else None,
            plan_note=data.get("plan_note"),
            kind=data["kind"],
            min_years=data.get("min_years"),
        )


class LibraryYearsRequirement(_RequirementBase):
    """Years working in a school library."""

    __slots__ = (
        "kind",
        "min_years",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "sources",
        "confidence",
        "note",
        "id",
        "text",
        "conflict",
        "plan_note",
        "kind",
        "min_years",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"min_years"})

    kind: Literal["school_library_years"]
    min_years: float | None

    def __init__(
        self,
        *,
        sources: list[str],
        confidence: Literal["high", "medium", "low"],
        note: str | None = None,
        id: str,
        text: str,
        conflict: Conflict | None = None,
        plan_note: str | None = None,
        kind: Literal["school_library_years"],
        min_years: float | None = None,
    ) -> None:
        _set(self, "sources", sources)
        _set(self, "confidence", confidence)
        _set(self, "note", note)
        _set(self, "id", id)
        _set(self, "text", text)
        _set(self, "conflict", conflict)
        _set(self, "plan_note", plan_note)
        _set(self, "kind", kind)
        _set(self, "min_years", None if min_years is None else float(min_years))

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "sources": list(self.sources),
            "confidence": self.confidence,
            "note": self.note,
            "id": self.id,
            "text": self.text,
            "conflict": None if self.conflict is None else self.conflict.to_json(),
            "plan_note": self.plan_note,
            "kind": self.kind,
            "min_years": self.min_years,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LibraryYearsRequirement:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            sources=list(data["sources"]),
            confidence=data["confidence"],
            note=data.get("note"),
            id=data["id"],
            text=data["text"],
            conflict=(None if data["conflict"] is None else Conflict.from_json(data["conflict"]))
            if "conflict" in data
            else None,
            plan_note=data.get("plan_note"),
            kind=data["kind"],
            min_years=data.get("min_years"),
        )


class LastKnownCut(Frozen):
    """The last cut score a source gives for this state, on an older or unnamed version of the
    test (``test``, e.g. "Praxis 5311"): history to show beside a null cut, never the cut."""

    __slots__ = (
        "as_of",
        "note",
        "score",
        "source",
        "test",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "score",
        "test",
        "as_of",
        "source",
        "note",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"score"})

    score: float
    test: str
    as_of: str | None
    source: str
    note: str | None

    def __init__(
        self,
        *,
        score: float,
        test: str,
        as_of: str | None,
        source: str,
        note: str | None = None,
    ) -> None:
        _set(self, "score", float(score))
        _set(self, "test", test)
        _set(self, "as_of", as_of)
        _set(self, "source", source)
        _set(self, "note", note)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "score": self.score,
            "test": self.test,
            "as_of": self.as_of,
            "source": self.source,
            "note": self.note,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LastKnownCut:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            score=data["score"],
            test=data["test"],
            as_of=data["as_of"],
            source=data["source"],
            note=data.get("note"),
        )


class ExamRequirement(_RequirementBase):
    """Passing an exam from the catalogue; ``cut_score`` is this state's, null if not confirmed."""

    __slots__ = (
        "any_time",
        "cut_score",
        "exam",
        "kind",
        "last_known_cut",
        "previous",
        "previous_accepted",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "sources",
        "confidence",
        "note",
        "id",
        "text",
        "conflict",
        "plan_note",
        "kind",
        "exam",
        "cut_score",
        "previous",
        "previous_accepted",
        "any_time",
        "last_known_cut",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"cut_score", "previous"})

    kind: Literal["exam"]
    exam: str
    cut_score: float | None
    previous: list[str]
    previous_accepted: bool | None
    any_time: bool
    last_known_cut: LastKnownCut | None

    def __init__(
        self,
        *,
        sources: list[str],
        confidence: Literal["high", "medium", "low"],
        note: str | None = None,
        id: str,
        text: str,
        conflict: Conflict | None = None,
        plan_note: str | None = None,
        kind: Literal["exam"],
        exam: str,
        cut_score: float | None = None,
        previous: list[str] | None = None,
        previous_accepted: bool | None = None,
        any_time: bool = False,
        last_known_cut: LastKnownCut | None = None,
    ) -> None:
        _set(self, "sources", sources)
        _set(self, "confidence", confidence)
        _set(self, "note", note)
        _set(self, "id", id)
        _set(self, "text", text)
        _set(self, "conflict", conflict)
        _set(self, "plan_note", plan_note)
        _set(self, "kind", kind)
        _set(self, "exam", exam)
        _set(self, "cut_score", None if cut_score is None else float(cut_score))
        _set(self, "previous", [] if previous is None else previous)
        _set(self, "previous_accepted", previous_accepted)
        _set(self, "any_time", any_time)
        _set(self, "last_known_cut", last_known_cut)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "sources": list(self.sources),
            "confidence": self.confidence,
            "note": self.note,
            "id": self.id,
            "text": self.text,
            "conflict": None if self.conflict is None else self.conflict.to_json(),
            "plan_note": self.plan_note,
            "kind": self.kind,
            "exam": self.exam,
            "cut_score": self.cut_score,
            "previous": list(self.previous),
            "previous_accepted": self.previous_accepted,
            "any_time": self.any_time,
            "last_known_cut": None
            if self.last_known_cut is None
            else self.last_known_cut.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ExamRequirement:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            sources=list(data["sources"]),
            confidence=data["confidence"],
            note=data.get("note"),
            id=data["id"],
            text=data["text"],
            conflict=(None if data["conflict"] is None else Conflict.from_json(data["conflict"]))
            if "conflict" in data
            else None,
            plan_note=data.get("plan_note"),
            kind=data["kind"],
            exam=data["exam"],
            cut_score=data.get("cut_score"),
            previous=(list(data["previous"])) if "previous" in data else None,
            previous_accepted=data.get("previous_accepted"),
            any_time=data.get("any_time", False),
            last_known_cut=(
                None
                if data["last_known_cut"] is None
                else LastKnownCut.from_json(data["last_known_cut"])
            )
            if "last_known_cut" in data
            else None,
        )


class PracticumRequirement(_RequirementBase):
    """Supervised school-library practicum hours; null when the number is not confirmed."""

    __slots__ = (
        "kind",
        "min_hours",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "sources",
        "confidence",
        "note",
        "id",
        "text",
        "conflict",
        "plan_note",
        "kind",
        "min_hours",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"min_hours"})

    kind: Literal["practicum"]
    min_hours: float | None

    def __init__(
        self,
        *,
        sources: list[str],
        confidence: Literal["high", "medium", "low"],
        note: str | None = None,
        id: str,
        text: str,
        conflict: Conflict | None = None,
        plan_note: str | None = None,
        kind: Literal["practicum"],
        min_hours: float | None = None,
    ) -> None:
        _set(self, "sources", sources)
        _set(self, "confidence", confidence)
        _set(self, "note", note)
        _set(self, "id", id)
        _set(self, "text", text)
        _set(self, "conflict", conflict)
        _set(self, "plan_note", plan_note)
        _set(self, "kind", kind)
        _set(self, "min_hours", None if min_hours is None else float(min_hours))

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "sources": list(self.sources),
            "confidence": self.confidence,
            "note": self.note,
            "id": self.id,
            "text": self.text,
            "conflict": None if self.conflict is None else self.conflict.to_json(),
            "plan_note": self.plan_note,
            "kind": self.kind,
            "min_hours": self.min_hours,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PracticumRequirement:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            sources=list(data["sources"]),
            confidence=data["confidence"],
            note=data.get("note"),
            id=data["id"],
            text=data["text"],
            conflict=(None if data["conflict"] is None else Conflict.from_json(data["conflict"]))
            if "conflict" in data
            else None,
            plan_note=data.get("plan_note"),
            kind=data["kind"],
            min_hours=data.get("min_hours"),
        )


class PortfolioRequirement(_RequirementBase):
    """A completed professional portfolio."""

    __slots__ = ("kind",)
    _fields: ClassVar[tuple[str, ...]] = (
        "sources",
        "confidence",
        "note",
        "id",
        "text",
        "conflict",
        "plan_note",
        "kind",
    )

    kind: Literal["portfolio"]

    def __init__(
        self,
        *,
        sources: list[str],
        confidence: Literal["high", "medium", "low"],
        note: str | None = None,
        id: str,
        text: str,
        conflict: Conflict | None = None,
        plan_note: str | None = None,
        kind: Literal["portfolio"],
    ) -> None:
        _set(self, "sources", sources)
        _set(self, "confidence", confidence)
        _set(self, "note", note)
        _set(self, "id", id)
        _set(self, "text", text)
        _set(self, "conflict", conflict)
        _set(self, "plan_note", plan_note)
        _set(self, "kind", kind)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "sources": list(self.sources),
            "confidence": self.confidence,
            "note": self.note,
            "id": self.id,
            "text": self.text,
            "conflict": None if self.conflict is None else self.conflict.to_json(),
            "plan_note": self.plan_note,
            "kind": self.kind,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PortfolioRequirement:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            sources=list(data["sources"]),
            confidence=data["confidence"],
            note=data.get("note"),
            id=data["id"],
            text=data["text"],
            conflict=(None if data["conflict"] is None else Conflict.from_json(data["conflict"]))
            if "conflict" in data
            else None,
            plan_note=data.get("plan_note"),
            kind=data["kind"],
        )


class BackgroundCheckRequirement(_RequirementBase):
    """Fingerprint / background clearance."""

    __slots__ = ("kind",)
    _fields: ClassVar[tuple[str, ...]] = (
        "sources",
        "confidence",
        "note",
        "id",
        "text",
        "conflict",
        "plan_note",
        "kind",
    )

    kind: Literal["background_check"]

    def __init__(
        self,
        *,
        sources: list[str],
        confidence: Literal["high", "medium", "low"],
        note: str | None = None,
        id: str,
        text: str,
        conflict: Conflict | None = None,
        plan_note: str | None = None,
        kind: Literal["background_check"],
    ) -> None:
        _set(self, "sources", sources)
        _set(self, "confidence", confidence)
        _set(self, "note", note)
        _set(self, "id", id)
        _set(self, "text", text)
        _set(self, "conflict", conflict)
        _set(self, "plan_note", plan_note)
        _set(self, "kind", kind)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "sources": list(self.sources),
            "confidence": self.confidence,
            "note": self.note,
            "id": self.id,
            "text": self.text,
            "conflict": None if self.conflict is None else self.conflict.to_json(),
            "plan_note": self.plan_note,
            "kind": self.kind,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BackgroundCheckRequirement:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            sources=list(data["sources"]),
            confidence=data["confidence"],
            note=data.get("note"),
            id=data["id"],
            text=data["text"],
            conflict=(None if data["conflict"] is None else Conflict.from_json(data["conflict"]))
            if "conflict" in data
            else None,
            plan_note=data.get("plan_note"),
            kind=data["kind"],
        )


class NationalBoardRequirement(_RequirementBase):
    """National Board Certification (usually as one alternative in an any-of group)."""

    __slots__ = ("kind",)
    _fields: ClassVar[tuple[str, ...]] = (
        "sources",
        "confidence",
        "note",
        "id",
        "text",
        "conflict",
        "plan_note",
        "kind",
    )

    kind: Literal["national_board"]

    def __init__(
        self,
        *,
        sources: list[str],
        confidence: Literal["high", "medium", "low"],
        note: str | None = None,
        id: str,
        text: str,
        conflict: Conflict | None = None,
        plan_note: str | None = None,
        kind: Literal["national_board"],
    ) -> None:
        _set(self, "sources", sources)
        _set(self, "confidence", confidence)
        _set(self, "note", note)
        _set(self, "id", id)
        _set(self, "text", text)
        _set(self, "conflict", conflict)
        _set(self, "plan_note", plan_note)
        _set(self, "kind", kind)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "sources": list(self.sources),
            "confidence": self.confidence,
            "note": self.note,
            "id": self.id,
            "text": self.text,
            "conflict": None if self.conflict is None else self.conflict.to_json(),
            "plan_note": self.plan_note,
            "kind": self.kind,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NationalBoardRequirement:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            sources=list(data["sources"]),
            confidence=data["confidence"],
            note=data.get("note"),
            id=data["id"],
            text=data["text"],
            conflict=(None if data["conflict"] is None else Conflict.from_json(data["conflict"]))
            if "conflict" in data
            else None,
            plan_note=data.get("plan_note"),
            kind=data["kind"],
        )


class OtherRequirement(_RequirementBase):
    """A requirement no profile field can answer; the report asks the person to confirm it."""

    __slots__ = ("kind",)
    _fields: ClassVar[tuple[str, ...]] = (
        "sources",
        "confidence",
        "note",
        "id",
        "text",
        "conflict",
        "plan_note",
        "kind",
    )

    kind: Literal["other"]

    def __init__(
        self,
        *,
        sources: list[str],
        confidence: Literal["high", "medium", "low"],
        note: str | None = None,
        id: str,
        text: str,
        conflict: Conflict | None = None,
        plan_note: str | None = None,
        kind: Literal["other"],
    ) -> None:
        _set(self, "sources", sources)
        _set(self, "confidence", confidence)
        _set(self, "note", note)
        _set(self, "id", id)
        _set(self, "text", text)
        _set(self, "conflict", conflict)
        _set(self, "plan_note", plan_note)
        _set(self, "kind", kind)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "sources": list(self.sources),
            "confidence": self.confidence,
            "note": self.note,
            "id": self.id,
            "text": self.text,
            "conflict": None if self.conflict is None else self.conflict.to_json(),
            "plan_note": self.plan_note,
            "kind": self.kind,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OtherRequirement:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            sources=list(data["sources"]),
            confidence=data["confidence"],
            note=data.get("note"),
            id=data["id"],
            text=data["text"],
            conflict=(None if data["conflict"] is None else Conflict.from_json(data["conflict"]))
            if "conflict" in data
            else None,
            plan_note=data.get("plan_note"),
            kind=data["kind"],
        )


class AnyOfRequirement(_RequirementBase):
    """Met when any one of the options is met."""

    __slots__ = (
        "kind",
        "options",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "sources",
        "confidence",
        "note",
        "id",
        "text",
        "conflict",
        "plan_note",
        "kind",
        "options",
    )

    kind: Literal["any_of"]
    options: list[
        DegreeRequirement
        | ProgramRequirement
        | CreditHoursRequirement
        | TeachingLicenseRequirement
        | TeachingYearsRequirement
        | LibraryYearsRequirement
        | ExamRequirement
        | PracticumRequirement
        | PortfolioRequirement
        | BackgroundCheckRequirement
        | NationalBoardRequirement
        | OtherRequirement
        | AnyOfRequirement
    ]

    def __init__(
        self,
        *,
        sources: list[str],
        confidence: Literal["high", "medium", "low"],
        note: str | None = None,
        id: str,
        text: str,
        conflict: Conflict | None = None,
        plan_note: str | None = None,
        kind: Literal["any_of"],
        options: list[
            DegreeRequirement
            | ProgramRequirement
            | CreditHoursRequirement
            | TeachingLicenseRequirement
            | TeachingYearsRequirement
            | LibraryYearsRequirement
            | ExamRequirement
            | PracticumRequirement
            | PortfolioRequirement
            | BackgroundCheckRequirement
            | NationalBoardRequirement
            | OtherRequirement
            | AnyOfRequirement
        ],
    ) -> None:
        _set(self, "sources", sources)
        _set(self, "confidence", confidence)
        _set(self, "note", note)
        _set(self, "id", id)
        _set(self, "text", text)
        _set(self, "conflict", conflict)
        _set(self, "plan_note", plan_note)
        _set(self, "kind", kind)
        _set(self, "options", options)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "sources": list(self.sources),
            "confidence": self.confidence,
            "note": self.note,
            "id": self.id,
            "text": self.text,
            "conflict": None if self.conflict is None else self.conflict.to_json(),
            "plan_note": self.plan_note,
            "kind": self.kind,
            "options": [x.to_json() for x in self.options],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AnyOfRequirement:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            sources=list(data["sources"]),
            confidence=data["confidence"],
            note=data.get("note"),
            id=data["id"],
            text=data["text"],
            conflict=(None if data["conflict"] is None else Conflict.from_json(data["conflict"]))
            if "conflict" in data
            else None,
            plan_note=data.get("plan_note"),
            kind=data["kind"],
            options=[
                _DEGREEREQUIREMENT_ETC_BY_KIND[x["kind"]].from_json(x) for x in data["options"]
            ],
        )


class Pathway(Frozen):
    """One route to the credential, as the sources describe it.

    ``audience`` other than ``general`` marks a route only some people can take (a holder of
    another state's certificate, someone an employer sponsors); such a route is shown but is
    chosen as best only when no general route exists."""

    __slots__ = (
        "audience",
        "id",
        "name",
        "note",
        "requirements",
        "summary",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "id",
        "name",
        "summary",
        "audience",
        "requirements",
        "note",
    )

    id: str
    name: str
    summary: str
    audience: Literal["general", "out_of_state", "employer_sponsored", "emergency"]
    requirements: list[
        DegreeRequirement
        | ProgramRequirement
        | CreditHoursRequirement
        | TeachingLicenseRequirement
        | TeachingYearsRequirement
        | LibraryYearsRequirement
        | ExamRequirement
        | PracticumRequirement
        | PortfolioRequirement
        | BackgroundCheckRequirement
        | NationalBoardRequirement
        | OtherRequirement
        | AnyOfRequirement
    ]
    note: str | None

    def __init__(
        self,
        *,
        id: str,
        name: str,
        summary: str,
        audience: Literal["general", "out_of_state", "employer_sponsored", "emergency"] = "general",
        requirements: list[
            DegreeRequirement
            | ProgramRequirement
            | CreditHoursRequirement
            | TeachingLicenseRequirement
            | TeachingYearsRequirement
            | LibraryYearsRequirement
            | ExamRequirement
            | PracticumRequirement
            | PortfolioRequirement
            | BackgroundCheckRequirement
            | NationalBoardRequirement
            | OtherRequirement
            | AnyOfRequirement
        ],
        note: str | None = None,
    ) -> None:
        _set(self, "id", id)
        _set(self, "name", name)
        _set(self, "summary", summary)
        _set(self, "audience", audience)
        _set(self, "requirements", requirements)
        _set(self, "note", note)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "id": self.id,
            "name": self.name,
            "summary": self.summary,
            "audience": self.audience,
            "requirements": [x.to_json() for x in self.requirements],
            "note": self.note,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Pathway:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            id=data["id"],
            name=data["name"],
            summary=data["summary"],
            audience=data.get("audience", "general"),
            requirements=[
                _DEGREEREQUIREMENT_ETC_BY_KIND[x["kind"]].from_json(x) for x in data["requirements"]
            ],
            note=data.get("note"),
        )


class Fee(Cited):
    """A fee the sources state; ``amount_usd`` null when not confirmed."""

    __slots__ = (
        "amount_usd",
        "applies_to",
        "exam",
        "item",
        "procedure",
        "processing_time",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "sources",
        "confidence",
        "note",
        "item",
        "amount_usd",
        "applies_to",
        "exam",
        "procedure",
        "processing_time",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"amount_usd"})

    item: str
    amount_usd: float | None
    applies_to: Literal["application", "exam", "background_check", "other"]
    exam: str | None
    procedure: str | None
    processing_time: str | None

    def __init__(
        self,
        *,
        sources: list[str],
        confidence: Literal["high", "medium", "low"],
        note: str | None = None,
        item: str,
        amount_usd: float | None = None,
        applies_to: Literal["application", "exam", "background_check", "other"] = "other",
        exam: str | None = None,
        procedure: str | None = None,
        processing_time: str | None = None,
    ) -> None:
        _set(self, "sources", sources)
        _set(self, "confidence", confidence)
        _set(self, "note", note)
        _set(self, "item", item)
        _set(self, "amount_usd", None if amount_usd is None else float(amount_usd))
        _set(self, "applies_to", applies_to)
        _set(self, "exam", exam)
        _set(self, "procedure", procedure)
        _set(self, "processing_time", processing_time)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "sources": list(self.sources),
            "confidence": self.confidence,
            "note": self.note,
            "item": self.item,
            "amount_usd": self.amount_usd,
            "applies_to": self.applies_to,
            "exam": self.exam,
            "procedure": self.procedure,
            "processing_time": self.processing_time,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Fee:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            sources=list(data["sources"]),
            confidence=data["confidence"],
            note=data.get("note"),
            item=data["item"],
            amount_usd=data.get("amount_usd"),
            applies_to=data.get("applies_to", "other"),
            exam=data.get("exam"),
            procedure=data.get("procedure"),
            processing_time=data.get("processing_time"),
        )


class Renewal(Cited):
    """How the credential is kept."""

    __slots__ = (
        "continuing_education",
        "text",
        "years",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "sources",
        "confidence",
        "note",
        "text",
        "years",
        "continuing_education",
    )

    text: str
    years: int | None
    continuing_education: str | None

    def __init__(
        self,
        *,
        sources: list[str],
        confidence: Literal["high", "medium", "low"],
        note: str | None = None,
        text: str,
        years: int | None = None,
        continuing_education: str | None = None,
    ) -> None:
        _set(self, "sources", sources)
        _set(self, "confidence", confidence)
        _set(self, "note", note)
        _set(self, "text", text)
        _set(self, "years", years)
        _set(self, "continuing_education", continuing_education)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "sources": list(self.sources),
            "confidence": self.confidence,
            "note": self.note,
            "text": self.text,
            "years": self.years,
            "continuing_education": self.continuing_education,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Renewal:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            sources=list(data["sources"]),
            confidence=data["confidence"],
            note=data.get("note"),
            text=data["text"],
            years=data.get("years"),
            continuing_education=data.get("continuing_education"),
        )


class Reciprocity(Cited):
    """How a holder of another state's certificate gets in."""

    __slots__ = ("text",)
    _fields: ClassVar[tuple[str, ...]] = (
        "sources",
        "confidence",
        "note",
        "text",
    )

    text: str

    def __init__(
        self,
        *,
        sources: list[str],
        confidence: Literal["high", "medium", "low"],
        note: str | None = None,
        text: str,
    ) -> None:
        _set(self, "sources", sources)
        _set(self, "confidence", confidence)
        _set(self, "note", note)
        _set(self, "text", text)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "sources": list(self.sources),
            "confidence": self.confidence,
            "note": self.note,
            "text": self.text,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Reciprocity:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            sources=list(data["sources"]),
            confidence=data["confidence"],
            note=data.get("note"),
            text=data["text"],
        )


class StateRules(Frozen):
    """A jurisdiction's school library media credential and how to get it."""

    __slots__ = (
        "agency",
        "code",
        "confidence",
        "confidence_note",
        "credential",
        "fees",
        "grade_span",
        "last_checked",
        "name",
        "notes",
        "pathways",
        "reciprocity",
        "renewal",
        "schema_version",
        "sources",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "schema_version",
        "code",
        "name",
        "credential",
        "grade_span",
        "agency",
        "last_checked",
        "confidence",
        "confidence_note",
        "sources",
        "pathways",
        "fees",
        "renewal",
        "reciprocity",
        "notes",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"fees", "notes"})

    schema_version: Literal[1]
    code: str
    name: str
    credential: str
    grade_span: str | None
    agency: Agency
    last_checked: dt.date
    confidence: Literal["high", "medium", "low"]
    confidence_note: str
    sources: list[Source]
    pathways: list[Pathway]
    fees: list[Fee]
    renewal: Renewal | None
    reciprocity: Reciprocity | None
    notes: list[str]

    def __init__(
        self,
        *,
        schema_version: Literal[1] = 1,
        code: str,
        name: str,
        credential: str,
        grade_span: str | None = None,
        agency: Agency,
        last_checked: dt.date,
        confidence: Literal["high", "medium", "low"],
        confidence_note: str,
        sources: list[Source],
        pathways: list[Pathway],
        fees: list[Fee] | None = None,
        renewal: Renewal | None = None,
        reciprocity: Reciprocity | None = None,
        notes: list[str] | None = None,
    ) -> None:
        _set(self, "schema_version", schema_version)
        _set(self, "code", code)
        _set(self, "name", name)
        _set(self, "credential", credential)
        _set(self, "grade_span", grade_span)
        _set(self, "agency", agency)
        _set(self, "last_checked", last_checked)
        _set(self, "confidence", confidence)
        _set(self, "confidence_note", confidence_note)
        _set(self, "sources", sources)
        _set(self, "pathways", pathways)
        _set(self, "fees", [] if fees is None else fees)
        _set(self, "renewal", renewal)
        _set(self, "reciprocity", reciprocity)
        _set(self, "notes", [] if notes is None else notes)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "schema_version": self.schema_version,
            "code": self.code,
            "name": self.name,
            "credential": self.credential,
            "grade_span": self.grade_span,
            "agency": self.agency.to_json(),
            "last_checked": self.last_checked.isoformat(),
            "confidence": self.confidence,
            "confidence_note": self.confidence_note,
            "sources": [x.to_json() for x in self.sources],
            "pathways": [x.to_json() for x in self.pathways],
            "fees": [x.to_json() for x in self.fees],
            "renewal": None if self.renewal is None else self.renewal.to_json(),
            "reciprocity": None if self.reciprocity is None else self.reciprocity.to_json(),
            "notes": list(self.notes),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StateRules:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            schema_version=data.get("schema_version", 1),
            code=data["code"],
            name=data["name"],
            credential=data["credential"],
            grade_span=data.get("grade_span"),
            agency=Agency.from_json(data["agency"]),
            last_checked=_date(data["last_checked"]),
            confidence=data["confidence"],
            confidence_note=data["confidence_note"],
            sources=[Source.from_json(x) for x in data["sources"]],
            pathways=[Pathway.from_json(x) for x in data["pathways"]],
            fees=([Fee.from_json(x) for x in data["fees"]]) if "fees" in data else None,
            renewal=(None if data["renewal"] is None else Renewal.from_json(data["renewal"]))
            if "renewal" in data
            else None,
            reciprocity=(
                None if data["reciprocity"] is None else Reciprocity.from_json(data["reciprocity"])
            )
            if "reciprocity" in data
            else None,
            notes=(list(data["notes"])) if "notes" in data else None,
        )

    def source(self, source_id: str) -> Source:
        """The source with this id (the data check guarantees it exists)."""
        return find_source(self.sources, source_id)


class ExamScale(Frozen):
    """The score scale of an exam."""

    __slots__ = (
        "max",
        "min",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "min",
        "max",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"max", "min"})

    min: float
    max: float

    def __init__(
        self,
        *,
        min: float,
        max: float,
    ) -> None:
        _set(self, "min", float(min))
        _set(self, "max", float(max))

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "min": self.min,
            "max": self.max,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ExamScale:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            min=data["min"],
            max=data["max"],
        )


class ExamCategory(Frozen):
    """A content category of an exam blueprint with its share of questions."""

    __slots__ = (
        "id",
        "name",
        "percent",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "id",
        "name",
        "percent",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"percent"})

    id: str
    name: str
    percent: float

    def __init__(
        self,
        *,
        id: str,
        name: str,
        percent: float,
    ) -> None:
        _set(self, "id", id)
        _set(self, "name", name)
        _set(self, "percent", float(percent))

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "id": self.id,
            "name": self.name,
            "percent": self.percent,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ExamCategory:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            id=data["id"],
            name=data["name"],
            percent=data["percent"],
        )


class Exam(Cited):
    """An exam described once and referenced by id from every state that uses it."""

    __slots__ = (
        "aliases",
        "categories",
        "code",
        "fee_usd",
        "format",
        "id",
        "length",
        "name",
        "registration_source",
        "registration_url",
        "scale",
        "testing_window",
        "vendor",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "sources",
        "confidence",
        "note",
        "id",
        "vendor",
        "name",
        "code",
        "aliases",
        "format",
        "fee_usd",
        "scale",
        "categories",
        "registration_url",
        "registration_source",
        "length",
        "testing_window",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"aliases", "categories", "fee_usd"})

    id: str
    vendor: str
    name: str
    code: str
    aliases: list[str]
    format: str | None
    fee_usd: float | None
    scale: ExamScale | None
    categories: list[ExamCategory]
    registration_url: str | None
    registration_source: str | None
    length: str | None
    testing_window: str | None

    def __init__(
        self,
        *,
        sources: list[str],
        confidence: Literal["high", "medium", "low"],
        note: str | None = None,
        id: str,
        vendor: str,
        name: str,
        code: str,
        aliases: list[str] | None = None,
        format: str | None = None,
        fee_usd: float | None = None,
        scale: ExamScale | None = None,
        categories: list[ExamCategory] | None = None,
        registration_url: str | None = None,
        registration_source: str | None = None,
        length: str | None = None,
        testing_window: str | None = None,
    ) -> None:
        _set(self, "sources", sources)
        _set(self, "confidence", confidence)
        _set(self, "note", note)
        _set(self, "id", id)
        _set(self, "vendor", vendor)
        _set(self, "name", name)
        _set(self, "code", code)
        _set(self, "aliases", [] if aliases is None else aliases)
        _set(self, "format", format)
        _set(self, "fee_usd", None if fee_usd is None else float(fee_usd))
        _set(self, "scale", scale)
        _set(self, "categories", [] if categories is None else categories)
        _set(self, "registration_url", registration_url)
        _set(self, "registration_source", registration_source)
        _set(self, "length", length)
        _set(self, "testing_window", testing_window)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "sources": list(self.sources),
            "confidence": self.confidence,
            "note": self.note,
            "id": self.id,
            "vendor": self.vendor,
            "name": self.name,
            "code": self.code,
            "aliases": list(self.aliases),
            "format": self.format,
            "fee_usd": self.fee_usd,
            "scale": None if self.scale is None else self.scale.to_json(),
            "categories": [x.to_json() for x in self.categories],
            "registration_url": self.registration_url,
            "registration_source": self.registration_source,
            "length": self.length,
            "testing_window": self.testing_window,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Exam:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            sources=list(data["sources"]),
            confidence=data["confidence"],
            note=data.get("note"),
            id=data["id"],
            vendor=data["vendor"],
            name=data["name"],
            code=data["code"],
            aliases=(list(data["aliases"])) if "aliases" in data else None,
            format=data.get("format"),
            fee_usd=data.get("fee_usd"),
            scale=(None if data["scale"] is None else ExamScale.from_json(data["scale"]))
            if "scale" in data
            else None,
            categories=([ExamCategory.from_json(x) for x in data["categories"]])
            if "categories" in data
            else None,
            registration_url=data.get("registration_url"),
            registration_source=data.get("registration_source"),
            length=data.get("length"),
            testing_window=data.get("testing_window"),
        )


class ExamCatalog(Frozen):
    """Exams described once (one file of ``data/exams/``), with the sources they cite."""

    __slots__ = (
        "exams",
        "schema_version",
        "sources",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "schema_version",
        "sources",
        "exams",
    )

    schema_version: Literal[1]
    sources: list[Source]
    exams: list[Exam]

    def __init__(
        self,
        *,
        schema_version: Literal[1] = 1,
        sources: list[Source],
        exams: list[Exam],
    ) -> None:
        _set(self, "schema_version", schema_version)
        _set(self, "sources", sources)
        _set(self, "exams", exams)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "schema_version": self.schema_version,
            "sources": [x.to_json() for x in self.sources],
            "exams": [x.to_json() for x in self.exams],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ExamCatalog:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            schema_version=data.get("schema_version", 1),
            sources=[Source.from_json(x) for x in data["sources"]],
            exams=[Exam.from_json(x) for x in data["exams"]],
        )


class Estimate(Cited):
    """A sourced planning estimate: months and/or cost as ranges; null means not confirmed.

    ``state`` marks a jurisdiction's own figure, which the plan prefers to the national one.
    ``per_credit_usd`` and ``credits_per_month`` price and pace coursework by the hours left."""

    __slots__ = (
        "cost_usd",
        "credits",
        "credits_per_month",
        "hours",
        "id",
        "months",
        "per_credit_usd",
        "state",
        "summary",
        "title",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "sources",
        "confidence",
        "note",
        "id",
        "title",
        "state",
        "months",
        "cost_usd",
        "credits",
        "hours",
        "per_credit_usd",
        "credits_per_month",
        "summary",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset(
        {"cost_usd", "credits", "credits_per_month", "hours", "months", "per_credit_usd"}
    )

    id: str
    title: str
    state: str | None
    months: tuple[float, float] | None
    cost_usd: tuple[float, float] | None
    credits: tuple[float, float] | None
    hours: tuple[float, float] | None
    per_credit_usd: tuple[float, float] | None
    credits_per_month: tuple[float, float] | None
    summary: str | None

    def __init__(
        self,
        *,
        sources: list[str],
        confidence: Literal["high", "medium", "low"],
        note: str | None = None,
        id: str,
        title: str,
        state: str | None = None,
        months: tuple[float, float] | None = None,
        cost_usd: tuple[float, float] | None = None,
        credits: tuple[float, float] | None = None,
        hours: tuple[float, float] | None = None,
        per_credit_usd: tuple[float, float] | None = None,
        credits_per_month: tuple[float, float] | None = None,
        summary: str | None = None,
    ) -> None:
        _set(self, "sources", sources)
        _set(self, "confidence", confidence)
        _set(self, "note", note)
        _set(self, "id", id)
        _set(self, "title", title)
        _set(self, "state", state)
        _set(self, "months", None if months is None else (float(months[0]), float(months[1])))
        _set(
            self, "cost_usd", None if cost_usd is None else (float(cost_usd[0]), float(cost_usd[1]))
        )
        _set(self, "credits", None if credits is None else (float(credits[0]), float(credits[1])))
        _set(self, "hours", None if hours is None else (float(hours[0]), float(hours[1])))
        _set(
            self,
            "per_credit_usd",
            None
            if per_credit_usd is None
            else (float(per_credit_usd[0]), float(per_credit_usd[1])),
        )
        _set(
            self,
            "credits_per_month",
            None
            if credits_per_month is None
            else (float(credits_per_month[0]), float(credits_per_month[1])),
        )
        _set(self, "summary", summary)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "sources": list(self.sources),
            "confidence": self.confidence,
            "note": self.note,
            "id": self.id,
            "title": self.title,
            "state": self.state,
            "months": None if self.months is None else [self.months[0], self.months[1]],
            "cost_usd": None if self.cost_usd is None else [self.cost_usd[0], self.cost_usd[1]],
            "credits": None if self.credits is None else [self.credits[0], self.credits[1]],
            "hours": None if self.hours is None else [self.hours[0], self.hours[1]],
            "per_credit_usd": None
            if self.per_credit_usd is None
            else [self.per_credit_usd[0], self.per_credit_usd[1]],
            "credits_per_month": None
            if self.credits_per_month is None
            else [self.credits_per_month[0], self.credits_per_month[1]],
            "summary": self.summary,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Estimate:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            sources=list(data["sources"]),
            confidence=data["confidence"],
            note=data.get("note"),
            id=data["id"],
            title=data["title"],
            state=data.get("state"),
            months=(None if data["months"] is None else (data["months"][0], data["months"][1]))
            if "months" in data
            else None,
            cost_usd=(
                None if data["cost_usd"] is None else (data["cost_usd"][0], data["cost_usd"][1])
            )
            if "cost_usd" in data
            else None,
            credits=(None if data["credits"] is None else (data["credits"][0], data["credits"][1]))
            if "credits" in data
            else None,
            hours=(None if data["hours"] is None else (data["hours"][0], data["hours"][1]))
            if "hours" in data
            else None,
            per_credit_usd=(
                None
                if data["per_credit_usd"] is None
                else (data["per_credit_usd"][0], data["per_credit_usd"][1])
            )
            if "per_credit_usd" in data
            else None,
            credits_per_month=(
                None
                if data["credits_per_month"] is None
                else (data["credits_per_month"][0], data["credits_per_month"][1])
            )
            if "credits_per_month" in data
            else None,
            summary=data.get("summary"),
        )


class Estimates(Frozen):
    """The plan's duration and cost estimates, each with its sources."""

    __slots__ = (
        "estimates",
        "schema_version",
        "sources",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "schema_version",
        "sources",
        "estimates",
    )

    schema_version: Literal[1]
    sources: list[Source]
    estimates: list[Estimate]

    def __init__(
        self,
        *,
        schema_version: Literal[1] = 1,
        sources: list[Source],
        estimates: list[Estimate],
    ) -> None:
        _set(self, "schema_version", schema_version)
        _set(self, "sources", sources)
        _set(self, "estimates", estimates)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "schema_version": self.schema_version,
            "sources": [x.to_json() for x in self.sources],
            "estimates": [x.to_json() for x in self.estimates],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Estimates:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            schema_version=data.get("schema_version", 1),
            sources=[Source.from_json(x) for x in data["sources"]],
            estimates=[Estimate.from_json(x) for x in data["estimates"]],
        )

    def get(self, estimate_id: str, state: str | None = None) -> Estimate | None:
        """The estimate with this id: the state's own when there is one, else the national one."""
        national = None
        for est in self.estimates:
            if est.id == estimate_id:
                if est.state is not None and est.state == state:
                    return est
                if est.state is None:
                    national = est
        return national


_DEGREEREQUIREMENT_ETC_BY_KIND: dict[str, type[Any]] = {
    "degree": DegreeRequirement,
    "program": ProgramRequirement,
    "credit_hours": CreditHoursRequirement,
    "teaching_license": TeachingLicenseRequirement,
    "teaching_years": TeachingYearsRequirement,
    "school_library_years": LibraryYearsRequirement,
    "exam": ExamRequirement,
    "practicum": PracticumRequirement,
    "portfolio": PortfolioRequirement,
    "background_check": BackgroundCheckRequirement,
    "national_board": NationalBoardRequirement,
    "other": OtherRequirement,
    "any_of": AnyOfRequirement,
}


# </generated>

Requirement = (
    DegreeRequirement
    | ProgramRequirement
    | CreditHoursRequirement
    | TeachingLicenseRequirement
    | TeachingYearsRequirement
    | LibraryYearsRequirement
    | ExamRequirement
    | PracticumRequirement
    | PortfolioRequirement
    | BackgroundCheckRequirement
    | NationalBoardRequirement
    | OtherRequirement
    | AnyOfRequirement
)


def walk(req: Requirement, path: str) -> Iterator[tuple[str, Requirement]]:
    """Every requirement inside ``req`` (options, conflict readings) with its field path."""
    yield path, req
    if isinstance(req, AnyOfRequirement):
        for index, option in enumerate(req.options):
            yield from walk(option, f"{path}.options.{index}")
    if req.conflict is not None:
        for index, reading in enumerate(req.conflict.readings):
            if reading.rule is not None:
                yield from walk(reading.rule, f"{path}.conflict.readings.{index}.rule")
