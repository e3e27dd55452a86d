"""What the engine and planner return, as plain frozen objects; the JSON report is made of them.

The classes mirror ``lmspath.schema.results`` (from which the report's JSON Schema is made).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from lmspath.model.frozen import Frozen, _set

if TYPE_CHECKING:
    from lmspath.model.rules import Source

Status = Literal["met", "missing", "not_given", "not_confirmed"]
Verdict = Literal["eligible", "not_yet", "cannot_tell"]
StepKind = Literal[
    "bachelor",
    "teaching_license",
    "teaching_experience",
    "master",
    "program",
    "coursework",
    "exam",
    "practicum",
    "portfolio",
    "background_check",
    "application",
    "other",
]

#: Bumped when a JSON key is renamed or removed; adding keys keeps the version.
SCHEMA_VERSION = "1.0"


# <generated> from lmspath.schema.results by lmspath.schema.generate: do not edit


class SourceRef(Frozen):
    """A cited source as the report shows it."""

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
    read_on: str
    official: bool

    def __init__(
        self,
        *,
        id: str,
        url: str,
        title: str,
        as_of: str | None,
        read_on: str,
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
            "read_on": self.read_on,
            "official": self.official,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SourceRef:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            id=data["id"],
            url=data["url"],
            title=data["title"],
            as_of=data["as_of"],
            read_on=data["read_on"],
            official=data["official"],
        )


class ReadingResult(Frozen):
    """How the person fares under one source's reading of a contested rule."""

    __slots__ = (
        "have",
        "says",
        "sources",
        "status",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "says",
        "status",
        "have",
        "sources",
    )

    says: str
    status: Literal["met", "missing", "not_given", "not_confirmed"]
    have: str
    sources: list[SourceRef]

    def __init__(
        self,
        *,
        says: str,
        status: Literal["met", "missing", "not_given", "not_confirmed"],
        have: str,
        sources: list[SourceRef],
    ) -> None:
        _set(self, "says", says)
        _set(self, "status", status)
        _set(self, "have", have)
        _set(self, "sources", sources)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "says": self.says,
            "status": self.status,
            "have": self.have,
            "sources": [x.to_json() for x in self.sources],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReadingResult:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            says=data["says"],
            status=data["status"],
            have=data["have"],
            sources=[SourceRef.from_json(x) for x in data["sources"]],
        )


class ConflictResult(Frozen):
    """Sources disagree: the rule as the data states it, and each other reading."""

    __slots__ = (
        "outcome",
        "readings",
        "summary",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "summary",
        "readings",
        "outcome",
    )

    summary: str
    readings: list[ReadingResult]
    outcome: str

    def __init__(
        self,
        *,
        summary: str,
        readings: list[ReadingResult],
        outcome: str,
    ) -> None:
        _set(self, "summary", summary)
        _set(self, "readings", readings)
        _set(self, "outcome", outcome)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "summary": self.summary,
            "readings": [x.to_json() for x in self.readings],
            "outcome": self.outcome,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ConflictResult:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            summary=data["summary"],
            readings=[ReadingResult.from_json(x) for x in data["readings"]],
            outcome=data["outcome"],
        )


class RequirementResult(Frozen):
    """One requirement checked against the profile."""

    __slots__ = (
        "confidence",
        "conflict",
        "have",
        "id",
        "kind",
        "manual",
        "need",
        "note",
        "options",
        "sources",
        "status",
        "text",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "id",
        "kind",
        "text",
        "status",
        "have",
        "need",
        "manual",
        "sources",
        "confidence",
        "note",
        "conflict",
        "options",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"options"})

    id: str
    kind: str
    text: str
    status: Literal["met", "missing", "not_given", "not_confirmed"]
    have: str
    need: str
    manual: bool
    sources: list[SourceRef]
    confidence: str
    note: str | None
    conflict: ConflictResult | None
    options: list[RequirementResult]

    def __init__(
        self,
        *,
        id: str,
        kind: str,
        text: str,
        status: Literal["met", "missing", "not_given", "not_confirmed"],
        have: str,
        need: str,
        manual: bool = False,
        sources: list[SourceRef],
        confidence: str,
        note: str | None = None,
        conflict: ConflictResult | None = None,
        options: list[RequirementResult] | None = None,
    ) -> None:
        _set(self, "id", id)
        _set(self, "kind", kind)
        _set(self, "text", text)
        _set(self, "status", status)
        _set(self, "have", have)
        _set(self, "need", need)
        _set(self, "manual", manual)
        _set(self, "sources", sources)
        _set(self, "confidence", confidence)
        _set(self, "note", note)
        _set(self, "conflict", conflict)
        _set(self, "options", [] if options is None else options)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "id": self.id,
            "kind": self.kind,
            "text": self.text,
            "status": self.status,
            "have": self.have,
            "need": self.need,
            "manual": self.manual,
            "sources": [x.to_json() for x in self.sources],
            "confidence": self.confidence,
            "note": self.note,
            "conflict": None if self.conflict is None else self.conflict.to_json(),
            "options": [x.to_json() for x in self.options],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RequirementResult:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            id=data["id"],
            kind=data["kind"],
            text=data["text"],
            status=data["status"],
            have=data["have"],
            need=data["need"],
            manual=data.get("manual", False),
            sources=[SourceRef.from_json(x) for x in data["sources"]],
            confidence=data["confidence"],
            note=data.get("note"),
            conflict=(
                None if data["conflict"] is None else ConflictResult.from_json(data["conflict"])
            )
            if "conflict" in data
            else None,
            options=([RequirementResult.from_json(x) for x in data["options"]])
            if "options" in data
            else None,
        )


class PathwayResult(Frozen):
    """A pathway and where the person stands on each of its requirements."""

    __slots__ = (
        "audience",
        "blocking",
        "complete",
        "id",
        "name",
        "remaining_steps",
        "requirements",
        "summary",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "id",
        "name",
        "summary",
        "audience",
        "complete",
        "remaining_steps",
        "blocking",
        "requirements",
    )

    id: str
    name: str
    summary: str
    audience: str
    complete: bool
    remaining_steps: int
    blocking: int
    requirements: list[RequirementResult]

    def __init__(
        self,
        *,
        id: str,
        name: str,
        summary: str,
        audience: str = "general",
        complete: bool,
        remaining_steps: int,
        blocking: int,
        requirements: list[RequirementResult],
    ) -> None:
        _set(self, "id", id)
        _set(self, "name", name)
        _set(self, "summary", summary)
        _set(self, "audience", audience)
        _set(self, "complete", complete)
        _set(self, "remaining_steps", remaining_steps)
        _set(self, "blocking", blocking)
        _set(self, "requirements", requirements)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "id": self.id,
            "name": self.name,
            "summary": self.summary,
            "audience": self.audience,
            "complete": self.complete,
            "remaining_steps": self.remaining_steps,
            "blocking": self.blocking,
            "requirements": [x.to_json() for x in self.requirements],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PathwayResult:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            id=data["id"],
            name=data["name"],
            summary=data["summary"],
            audience=data.get("audience", "general"),
            complete=data["complete"],
            remaining_steps=data["remaining_steps"],
            blocking=data["blocking"],
            requirements=[RequirementResult.from_json(x) for x in data["requirements"]],
        )


class ProgramPick(Frozen):
    """A recorded preparation program that fits a plan step (data/programs/)."""

    __slots__ = (
        "approved_by",
        "cost_basis",
        "cost_usd",
        "delivery",
        "id",
        "institution",
        "license_required_to_enrol",
        "name",
        "scope",
        "tuition_year",
        "url",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "id",
        "institution",
        "name",
        "approved_by",
        "scope",
        "delivery",
        "cost_usd",
        "cost_basis",
        "tuition_year",
        "license_required_to_enrol",
        "url",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"cost_usd"})

    id: str
    institution: str
    name: str
    approved_by: str
    scope: str
    delivery: str | None
    cost_usd: tuple[float, float] | None
    cost_basis: str | None
    tuition_year: str | None
    license_required_to_enrol: bool | None
    url: str

    def __init__(
        self,
        *,
        id: str,
        institution: str,
        name: str,
        approved_by: str,
        scope: str,
        delivery: str | None,
        cost_usd: tuple[float, float] | None,
        cost_basis: str | None,
        tuition_year: str | None,
        license_required_to_enrol: bool | None,
        url: str,
    ) -> None:
        _set(self, "id", id)
        _set(self, "institution", institution)
        _set(self, "name", name)
        _set(self, "approved_by", approved_by)
        _set(self, "scope", scope)
        _set(self, "delivery", delivery)
        _set(
            self, "cost_usd", None if cost_usd is None else (float(cost_usd[0]), float(cost_usd[1]))
        )
        _set(self, "cost_basis", cost_basis)
        _set(self, "tuition_year", tuition_year)
        _set(self, "license_required_to_enrol", license_required_to_enrol)
        _set(self, "url", url)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "id": self.id,
            "institution": self.institution,
            "name": self.name,
            "approved_by": self.approved_by,
            "scope": self.scope,
            "delivery": self.delivery,
            "cost_usd": None if self.cost_usd is None else [self.cost_usd[0], self.cost_usd[1]],
            "cost_basis": self.cost_basis,
            "tuition_year": self.tuition_year,
            "license_required_to_enrol": self.license_required_to_enrol,
            "url": self.url,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ProgramPick:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            id=data["id"],
            institution=data["institution"],
            name=data["name"],
            approved_by=data["approved_by"],
            scope=data["scope"],
            delivery=data["delivery"],
            cost_usd=None
            if data["cost_usd"] is None
            else (data["cost_usd"][0], data["cost_usd"][1]),
            cost_basis=data["cost_basis"],
            tuition_year=data["tuition_year"],
            license_required_to_enrol=data["license_required_to_enrol"],
            url=data["url"],
        )


class PastCut(Frozen):
    """The last cut score a source gave on an older or unnamed version of the test: history,
    shown beside a cut that is not confirmed, never as the current cut."""

    __slots__ = (
        "as_of",
        "score",
        "source",
        "test",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "score",
        "test",
        "as_of",
        "source",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"score"})

    score: float
    test: str
    as_of: str | None
    source: SourceRef

    def __init__(
        self,
        *,
        score: float,
        test: str,
        as_of: str | None,
        source: SourceRef,
    ) -> None:
        _set(self, "score", float(score))
        _set(self, "test", test)
        _set(self, "as_of", as_of)
        _set(self, "source", source)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "score": self.score,
            "test": self.test,
            "as_of": self.as_of,
            "source": self.source.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PastCut:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            score=data["score"],
            test=data["test"],
            as_of=data["as_of"],
            source=SourceRef.from_json(data["source"]),
        )


class ExamFacts(Frozen):
    """What a person needs to book and pass an exam step, each fact as the data holds it
    (null: not confirmed)."""

    __slots__ = (
        "code",
        "cut_score",
        "exam",
        "fee_usd",
        "format",
        "last_known_cut",
        "length",
        "name",
        "registration_source",
        "registration_url",
        "scale",
        "testing_window",
        "vendor",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "exam",
        "vendor",
        "code",
        "name",
        "registration_url",
        "registration_source",
        "fee_usd",
        "format",
        "length",
        "testing_window",
        "cut_score",
        "scale",
        "last_known_cut",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"cut_score", "fee_usd", "scale"})

    exam: str
    vendor: str
    code: str
    name: str
    registration_url: str | None
    registration_source: str | None
    fee_usd: float | None
    format: str | None
    length: str | None
    testing_window: str | None
    cut_score: float | None
    scale: tuple[float, float] | None
    last_known_cut: PastCut | None

    def __init__(
        self,
        *,
        exam: str,
        vendor: str,
        code: str,
        name: str,
        registration_url: str | None,
        registration_source: str | None = None,
        fee_usd: float | None,
        format: str | None,
        length: str | None,
        testing_window: str | None,
        cut_score: float | None,
        scale: tuple[float, float] | None,
        last_known_cut: PastCut | None = None,
    ) -> None:
        _set(self, "exam", exam)
        _set(self, "vendor", vendor)
        _set(self, "code", code)
        _set(self, "name", name)
        _set(self, "registration_url", registration_url)
        _set(self, "registration_source", registration_source)
        _set(self, "fee_usd", None if fee_usd is None else float(fee_usd))
        _set(self, "format", format)
        _set(self, "length", length)
        _set(self, "testing_window", testing_window)
        _set(self, "cut_score", None if cut_score is None else float(cut_score))
        _set(self, "scale", None if scale is None else (float(scale[0]), float(scale[1])))
        _set(self, "last_known_cut", last_known_cut)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "exam": self.exam,
            "vendor": self.vendor,
            "code": self.code,
            "name": self.name,
            "registration_url": self.registration_url,
            "registration_source": self.registration_source,
            "fee_usd": self.fee_usd,
            "format": self.format,
            "length": self.length,
            "testing_window": self.testing_window,
            "cut_score": self.cut_score,
            "scale": None if self.scale is None else [self.scale[0], self.scale[1]],
            "last_known_cut": None
            if self.last_known_cut is None
            else self.last_known_cut.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ExamFacts:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            exam=data["exam"],
            vendor=data["vendor"],
            code=data["code"],
            name=data["name"],
            registration_url=data["registration_url"],
            registration_source=data.get("registration_source"),
            fee_usd=data["fee_usd"],
            format=data["format"],
            length=data["length"],
            testing_window=data["testing_window"],
            cut_score=data["cut_score"],
            scale=None if data["scale"] is None else (data["scale"][0], data["scale"][1]),
            last_known_cut=(
                None
                if data["last_known_cut"] is None
                else PastCut.from_json(data["last_known_cut"])
            )
            if "last_known_cut" in data
            else None,
        )


class PlanStep(Frozen):
    """One step still to take, with its estimate and what it waits for."""

    __slots__ = (
        "after",
        "cost_usd",
        "counted",
        "detail",
        "during",
        "estimate_note",
        "exam",
        "kind",
        "link",
        "months",
        "note",
        "order",
        "programs",
        "requirement_ids",
        "sources",
        "status",
        "title",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "order",
        "kind",
        "title",
        "detail",
        "requirement_ids",
        "status",
        "note",
        "months",
        "cost_usd",
        "after",
        "during",
        "estimate_note",
        "link",
        "sources",
        "programs",
        "exam",
        "counted",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"cost_usd", "months", "programs"})

    order: int
    kind: Literal[
        "bachelor",
        "teaching_license",
        "teaching_experience",
        "master",
        "program",
        "coursework",
        "exam",
        "practicum",
        "portfolio",
        "background_check",
        "application",
        "other",
    ]
    title: str
    detail: str
    requirement_ids: list[str]
    status: str
    note: str | None
    months: tuple[float, float] | None
    cost_usd: tuple[float, float] | None
    after: list[int]
    during: int | None
    estimate_note: str | None
    link: str | None
    sources: list[SourceRef]
    programs: list[ProgramPick]
    exam: ExamFacts | None
    counted: bool

    def __init__(
        self,
        *,
        order: int,
        kind: Literal[
            "bachelor",
            "teaching_license",
            "teaching_experience",
            "master",
            "program",
            "coursework",
            "exam",
            "practicum",
            "portfolio",
            "background_check",
            "application",
            "other",
        ],
        title: str,
        detail: str,
        requirement_ids: list[str],
        status: str = "missing",
        note: str | None = None,
        months: tuple[float, float] | None,
        cost_usd: tuple[float, float] | None,
        after: list[int],
        during: int | None = None,
        estimate_note: str | None = None,
        link: str | None = None,
        sources: list[SourceRef],
        programs: list[ProgramPick] | None = None,
        exam: ExamFacts | None = None,
        counted: bool = True,
    ) -> None:
        _set(self, "order", order)
        _set(self, "kind", kind)
        _set(self, "title", title)
        _set(self, "detail", detail)
        _set(self, "requirement_ids", requirement_ids)
        _set(self, "status", status)
        _set(self, "note", note)
        _set(self, "months", None if months is None else (float(months[0]), float(months[1])))
        _set(
            self, "cost_usd", None if cost_usd is None else (float(cost_usd[0]), float(cost_usd[1]))
        )
        _set(self, "after", after)
        _set(self, "during", during)
        _set(self, "estimate_note", estimate_note)
        _set(self, "link", link)
        _set(self, "sources", sources)
        _set(self, "programs", [] if programs is None else programs)
        _set(self, "exam", exam)
        _set(self, "counted", counted)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "order": self.order,
            "kind": self.kind,
            "title": self.title,
            "detail": self.detail,
            "requirement_ids": list(self.requirement_ids),
            "status": self.status,
            "note": self.note,
            "months": None if self.months is None else [self.months[0], self.months[1]],
            "cost_usd": None if self.cost_usd is None else [self.cost_usd[0], self.cost_usd[1]],
            "after": list(self.after),
            "during": self.during,
            "estimate_note": self.estimate_note,
            "link": self.link,
            "sources": [x.to_json() for x in self.sources],
            "programs": [x.to_json() for x in self.programs],
            "exam": None if self.exam is None else self.exam.to_json(),
            "counted": self.counted,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PlanStep:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            order=data["order"],
            kind=data["kind"],
            title=data["title"],
            detail=data["detail"],
            requirement_ids=list(data["requirement_ids"]),
            status=data.get("status", "missing"),
            note=data.get("note"),
            months=None if data["months"] is None else (data["months"][0], data["months"][1]),
            cost_usd=None
            if data["cost_usd"] is None
            else (data["cost_usd"][0], data["cost_usd"][1]),
            after=list(data["after"]),
            during=data.get("during"),
            estimate_note=data.get("estimate_note"),
            link=data.get("link"),
            sources=[SourceRef.from_json(x) for x in data["sources"]],
            programs=([ProgramPick.from_json(x) for x in data["programs"]])
            if "programs" in data
            else None,
            exam=(None if data["exam"] is None else ExamFacts.from_json(data["exam"]))
            if "exam" in data
            else None,
            counted=data.get("counted", True),
        )


class Plan(Frozen):
    """The ordered steps for one pathway and its totals along the critical path."""

    __slots__ = (
        "complete",
        "cost_usd",
        "months",
        "pathway",
        "steps",
        "total_note",
        "unestimated",
        "unestimated_major",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "pathway",
        "steps",
        "months",
        "cost_usd",
        "unestimated",
        "total_note",
        "complete",
        "unestimated_major",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"cost_usd", "months", "unestimated_major"})

    pathway: str
    steps: list[PlanStep]
    months: tuple[float, float] | None
    cost_usd: tuple[float, float] | None
    unestimated: list[str]
    total_note: str
    complete: bool
    unestimated_major: list[str]

    def __init__(
        self,
        *,
        pathway: str,
        steps: list[PlanStep],
        months: tuple[float, float] | None,
        cost_usd: tuple[float, float] | None,
        unestimated: list[str],
        total_note: str,
        complete: bool = True,
        unestimated_major: list[str] | None = None,
    ) -> None:
        _set(self, "pathway", pathway)
        _set(self, "steps", steps)
        _set(self, "months", None if months is None else (float(months[0]), float(months[1])))
        _set(
            self, "cost_usd", None if cost_usd is None else (float(cost_usd[0]), float(cost_usd[1]))
        )
        _set(self, "unestimated", unestimated)
        _set(self, "total_note", total_note)
        _set(self, "complete", complete)
        _set(self, "unestimated_major", [] if unestimated_major is None else unestimated_major)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "pathway": self.pathway,
            "steps": [x.to_json() for x in self.steps],
            "months": None if self.months is None else [self.months[0], self.months[1]],
            "cost_usd": None if self.cost_usd is None else [self.cost_usd[0], self.cost_usd[1]],
            "unestimated": list(self.unestimated),
            "total_note": self.total_note,
            "complete": self.complete,
            "unestimated_major": list(self.unestimated_major),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Plan:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            pathway=data["pathway"],
            steps=[PlanStep.from_json(x) for x in data["steps"]],
            months=None if data["months"] is None else (data["months"][0], data["months"][1]),
            cost_usd=None
            if data["cost_usd"] is None
            else (data["cost_usd"][0], data["cost_usd"][1]),
            unestimated=list(data["unestimated"]),
            total_note=data["total_note"],
            complete=data.get("complete", True),
            unestimated_major=(list(data["unestimated_major"]))
            if "unestimated_major" in data
            else None,
        )


class Agency(Frozen):
    """The agency the application goes to."""

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


class Assessment(Frozen):
    """Everything the report shows: verdict, pathways, plan, warnings."""

    __slots__ = (
        "agency",
        "best_pathway",
        "best_reason",
        "career",
        "confidence",
        "confidence_note",
        "credential",
        "data_checked",
        "if_licensed",
        "moving",
        "pathways",
        "plan",
        "skills",
        "state",
        "state_name",
        "verdict",
        "verdict_reason",
        "warnings",
        "what_if",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "state",
        "state_name",
        "credential",
        "agency",
        "verdict",
        "verdict_reason",
        "best_pathway",
        "best_reason",
        "pathways",
        "plan",
        "warnings",
        "confidence",
        "confidence_note",
        "data_checked",
        "skills",
        "career",
        "what_if",
        "moving",
        "if_licensed",
    )

    state: str
    state_name: str
    credential: str
    agency: Agency
    verdict: Literal["eligible", "not_yet", "cannot_tell"]
    verdict_reason: str
    best_pathway: str
    best_reason: str
    pathways: list[PathwayResult]
    plan: Plan
    warnings: list[str]
    confidence: str
    confidence_note: str
    data_checked: str
    skills: dict[str, object] | None
    career: dict[str, object] | None
    what_if: WhatIf | None
    moving: MovingNote | None
    if_licensed: IfLicensed | None

    def __init__(
        self,
        *,
        state: str,
        state_name: str,
        credential: str,
        agency: Agency,
        verdict: Literal["eligible", "not_yet", "cannot_tell"],
        verdict_reason: str,
        best_pathway: str,
        best_reason: str,
        pathways: list[PathwayResult],
        plan: Plan,
        warnings: list[str],
        confidence: str,
        confidence_note: str,
        data_checked: str,
        skills: dict[str, object] | None = None,
        career: dict[str, object] | None = None,
        what_if: WhatIf | None = None,
        moving: MovingNote | None = None,
        if_licensed: IfLicensed | None = None,
    ) -> None:
        _set(self, "state", state)
        _set(self, "state_name", state_name)
        _set(self, "credential", credential)
        _set(self, "agency", agency)
        _set(self, "verdict", verdict)
        _set(self, "verdict_reason", verdict_reason)
        _set(self, "best_pathway", best_pathway)
        _set(self, "best_reason", best_reason)
        _set(self, "pathways", pathways)
        _set(self, "plan", plan)
        _set(self, "warnings", warnings)
        _set(self, "confidence", confidence)
        _set(self, "confidence_note", confidence_note)
        _set(self, "data_checked", data_checked)
        _set(self, "skills", skills)
        _set(self, "career", career)
        _set(self, "what_if", what_if)
        _set(self, "moving", moving)
        _set(self, "if_licensed", if_licensed)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "state": self.state,
            "state_name": self.state_name,
            "credential": self.credential,
            "agency": self.agency.to_json(),
            "verdict": self.verdict,
            "verdict_reason": self.verdict_reason,
            "best_pathway": self.best_pathway,
            "best_reason": self.best_reason,
            "pathways": [x.to_json() for x in self.pathways],
            "plan": self.plan.to_json(),
            "warnings": list(self.warnings),
            "confidence": self.confidence,
            "confidence_note": self.confidence_note,
            "data_checked": self.data_checked,
            "skills": None if self.skills is None else dict(self.skills),
            "career": None if self.career is None else dict(self.career),
            "what_if": None if self.what_if is None else self.what_if.to_json(),
            "moving": None if self.moving is None else self.moving.to_json(),
            "if_licensed": None if self.if_licensed is None else self.if_licensed.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Assessment:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            state=data["state"],
            state_name=data["state_name"],
            credential=data["credential"],
            agency=Agency.from_json(data["agency"]),
            verdict=data["verdict"],
            verdict_reason=data["verdict_reason"],
            best_pathway=data["best_pathway"],
            best_reason=data["best_reason"],
            pathways=[PathwayResult.from_json(x) for x in data["pathways"]],
            plan=Plan.from_json(data["plan"]),
            warnings=list(data["warnings"]),
            confidence=data["confidence"],
            confidence_note=data["confidence_note"],
            data_checked=data["data_checked"],
            skills=(None if data["skills"] is None else dict(data["skills"]))
            if "skills" in data
            else None,
            career=(None if data["career"] is None else dict(data["career"]))
            if "career" in data
            else None,
            what_if=(None if data["what_if"] is None else WhatIf.from_json(data["what_if"]))
            if "what_if" in data
            else None,
            moving=(None if data["moving"] is None else MovingNote.from_json(data["moving"]))
            if "moving" in data
            else None,
            if_licensed=(
                None if data["if_licensed"] is None else IfLicensed.from_json(data["if_licensed"])
            )
            if "if_licensed" in data
            else None,
        )


class IfLicensed(Frozen):
    """The route an active teaching license would make best, for a profile that leaves the
    license blank (planned as none), when that route is quicker or cheaper."""

    __slots__ = (
        "cost_usd",
        "headline",
        "license_state",
        "months",
        "months_complete",
        "pathway",
        "pathway_name",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "license_state",
        "pathway",
        "pathway_name",
        "months",
        "months_complete",
        "cost_usd",
        "headline",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"cost_usd", "months"})

    license_state: str
    pathway: str
    pathway_name: str
    months: tuple[float, float] | None
    months_complete: bool
    cost_usd: tuple[float, float] | None
    headline: str

    def __init__(
        self,
        *,
        license_state: str,
        pathway: str,
        pathway_name: str,
        months: tuple[float, float] | None,
        months_complete: bool,
        cost_usd: tuple[float, float] | None,
        headline: str,
    ) -> None:
        _set(self, "license_state", license_state)
        _set(self, "pathway", pathway)
        _set(self, "pathway_name", pathway_name)
        _set(self, "months", None if months is None else (float(months[0]), float(months[1])))
        _set(self, "months_complete", months_complete)
        _set(
            self, "cost_usd", None if cost_usd is None else (float(cost_usd[0]), float(cost_usd[1]))
        )
        _set(self, "headline", headline)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "license_state": self.license_state,
            "pathway": self.pathway,
            "pathway_name": self.pathway_name,
            "months": None if self.months is None else [self.months[0], self.months[1]],
            "months_complete": self.months_complete,
            "cost_usd": None if self.cost_usd is None else [self.cost_usd[0], self.cost_usd[1]],
            "headline": self.headline,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> IfLicensed:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            license_state=data["license_state"],
            pathway=data["pathway"],
            pathway_name=data["pathway_name"],
            months=None if data["months"] is None else (data["months"][0], data["months"][1]),
            months_complete=data["months_complete"],
            cost_usd=None
            if data["cost_usd"] is None
            else (data["cost_usd"][0], data["cost_usd"][1]),
            headline=data["headline"],
        )


class WhatIf(Frozen):
    """What changes when the assumed answers (``--assume``) are true: the report shows the
    assessment with them; these are the differences from the assessment without them."""

    __slots__ = (
        "assumed",
        "best_pathway_after",
        "best_pathway_before",
        "cost_after",
        "cost_before",
        "cost_saved",
        "months_after",
        "months_before",
        "months_complete_after",
        "months_complete_before",
        "months_saved",
        "steps_added",
        "steps_removed",
        "verdict_after",
        "verdict_before",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "assumed",
        "verdict_before",
        "verdict_after",
        "best_pathway_before",
        "best_pathway_after",
        "steps_removed",
        "steps_added",
        "months_before",
        "months_after",
        "months_complete_before",
        "months_complete_after",
        "months_saved",
        "cost_before",
        "cost_after",
        "cost_saved",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset(
        {"cost_after", "cost_before", "cost_saved", "months_after", "months_before", "months_saved"}
    )

    assumed: list[str]
    verdict_before: Literal["eligible", "not_yet", "cannot_tell"]
    verdict_after: Literal["eligible", "not_yet", "cannot_tell"]
    best_pathway_before: str
    best_pathway_after: str
    steps_removed: list[str]
    steps_added: list[str]
    months_before: tuple[float, float] | None
    months_after: tuple[float, float] | None
    months_complete_before: bool
    months_complete_after: bool
    months_saved: tuple[float, float] | None
    cost_before: tuple[float, float] | None
    cost_after: tuple[float, float] | None
    cost_saved: tuple[float, float] | None

    def __init__(
        self,
        *,
        assumed: list[str],
        verdict_before: Literal["eligible", "not_yet", "cannot_tell"],
        verdict_after: Literal["eligible", "not_yet", "cannot_tell"],
        best_pathway_before: str,
        best_pathway_after: str,
        steps_removed: list[str],
        steps_added: list[str],
        months_before: tuple[float, float] | None,
        months_after: tuple[float, float] | None,
        months_complete_before: bool,
        months_complete_after: bool,
        months_saved: tuple[float, float] | None,
        cost_before: tuple[float, float] | None,
        cost_after: tuple[float, float] | None,
        cost_saved: tuple[float, float] | None,
    ) -> None:
        _set(self, "assumed", assumed)
        _set(self, "verdict_before", verdict_before)
        _set(self, "verdict_after", verdict_after)
        _set(self, "best_pathway_before", best_pathway_before)
        _set(self, "best_pathway_after", best_pathway_after)
        _set(self, "steps_removed", steps_removed)
        _set(self, "steps_added", steps_added)
        _set(
            self,
            "months_before",
            None if months_before is None else (float(months_before[0]), float(months_before[1])),
        )
        _set(
            self,
            "months_after",
            None if months_after is None else (float(months_after[0]), float(months_after[1])),
        )
        _set(self, "months_complete_before", months_complete_before)
        _set(self, "months_complete_after", months_complete_after)
        _set(
            self,
            "months_saved",
            None if months_saved is None else (float(months_saved[0]), float(months_saved[1])),
        )
        _set(
            self,
            "cost_before",
            None if cost_before is None else (float(cost_before[0]), float(cost_before[1])),
        )
        _set(
            self,
            "cost_after",
            None if cost_after is None else (float(cost_after[0]), float(cost_after[1])),
        )
        _set(
            self,
            "cost_saved",
            None if cost_saved is None else (float(cost_saved[0]), float(cost_saved[1])),
        )

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "assumed": list(self.assumed),
            "verdict_before": self.verdict_before,
            "verdict_after": self.verdict_after,
            "best_pathway_before": self.best_pathway_before,
            "best_pathway_after": self.best_pathway_after,
            "steps_removed": list(self.steps_removed),
            "steps_added": list(self.steps_added),
            "months_before": None
            if self.months_before is None
            else [self.months_before[0], self.months_before[1]],
            "months_after": None
            if self.months_after is None
            else [self.months_after[0], self.months_after[1]],
            "months_complete_before": self.months_complete_before,
            "months_complete_after": self.months_complete_after,
            "months_saved": None
            if self.months_saved is None
            else [self.months_saved[0], self.months_saved[1]],
            "cost_before": None
            if self.cost_before is None
            else [self.cost_before[0], self.cost_before[1]],
            "cost_after": None
            if self.cost_after is None
            else [self.cost_after[0], self.cost_after[1]],
            "cost_saved": None
            if self.cost_saved is None
            else [self.cost_saved[0], self.cost_saved[1]],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> WhatIf:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            assumed=list(data["assumed"]),
            verdict_before=data["verdict_before"],
            verdict_after=data["verdict_after"],
            best_pathway_before=data["best_pathway_before"],
            best_pathway_after=data["best_pathway_after"],
            steps_removed=list(data["steps_removed"]),
            steps_added=list(data["steps_added"]),
            months_before=None
            if data["months_before"] is None
            else (data["months_before"][0], data["months_before"][1]),
            months_after=None
            if data["months_after"] is None
            else (data["months_after"][0], data["months_after"][1]),
            months_complete_before=data["months_complete_before"],
            months_complete_after=data["months_complete_after"],
            months_saved=None
            if data["months_saved"] is None
            else (data["months_saved"][0], data["months_saved"][1]),
            cost_before=None
            if data["cost_before"] is None
            else (data["cost_before"][0], data["cost_before"][1]),
            cost_after=None
            if data["cost_after"] is None
            else (data["cost_after"][0], data["cost_after"][1]),
            cost_saved=None
            if data["cost_saved"] is None
            else (data["cost_saved"][0], data["cost_saved"][1]),
        )


class MovingAgreement(Frozen):
    """An interstate agreement as it bears on one move (data/mobility.yaml)."""

    __slots__ = (
        "applies",
        "applies_words",
        "conditions",
        "confidence",
        "covers_school_librarians",
        "id",
        "name",
        "note",
        "sources",
        "summary",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "id",
        "name",
        "applies",
        "applies_words",
        "covers_school_librarians",
        "summary",
        "conditions",
        "note",
        "confidence",
        "sources",
    )

    id: str
    name: str
    applies: str
    applies_words: str
    covers_school_librarians: str
    summary: str
    conditions: str
    note: str
    confidence: str
    sources: list[SourceRef]

    def __init__(
        self,
        *,
        id: str,
        name: str,
        applies: str,
        applies_words: str,
        covers_school_librarians: str,
        summary: str,
        conditions: str,
        note: str,
        confidence: str,
        sources: list[SourceRef],
    ) -> None:
        _set(self, "id", id)
        _set(self, "name", name)
        _set(self, "applies", applies)
        _set(self, "applies_words", applies_words)
        _set(self, "covers_school_librarians", covers_school_librarians)
        _set(self, "summary", summary)
        _set(self, "conditions", conditions)
        _set(self, "note", note)
        _set(self, "confidence", confidence)
        _set(self, "sources", sources)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "id": self.id,
            "name": self.name,
            "applies": self.applies,
            "applies_words": self.applies_words,
            "covers_school_librarians": self.covers_school_librarians,
            "summary": self.summary,
            "conditions": self.conditions,
            "note": self.note,
            "confidence": self.confidence,
            "sources": [x.to_json() for x in self.sources],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MovingAgreement:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            id=data["id"],
            name=data["name"],
            applies=data["applies"],
            applies_words=data["applies_words"],
            covers_school_librarians=data["covers_school_librarians"],
            summary=data["summary"],
            conditions=data["conditions"],
            note=data["note"],
            confidence=data["confidence"],
            sources=[SourceRef.from_json(x) for x in data["sources"]],
        )


class MovingSpouse(Frozen):
    """The destination's licensure provision for military spouses (data/mobility.yaml); it
    applies only to the spouse of a service member, which the profile does not record."""

    __slots__ = (
        "confidence",
        "covers_school_librarians",
        "decision_within",
        "gives",
        "name",
        "names_educator_licenses",
        "note",
        "on_record",
        "sources",
        "state",
        "summary",
        "time_limit",
        "words",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "state",
        "on_record",
        "name",
        "gives",
        "summary",
        "time_limit",
        "decision_within",
        "names_educator_licenses",
        "covers_school_librarians",
        "words",
        "note",
        "confidence",
        "sources",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"gives", "sources"})

    state: str
    on_record: bool
    name: str | None
    gives: list[str]
    summary: str | None
    time_limit: str | None
    decision_within: str | None
    names_educator_licenses: str
    covers_school_librarians: str
    words: str
    note: str | None
    confidence: str | None
    sources: list[SourceRef]

    def __init__(
        self,
        *,
        state: str,
        on_record: bool,
        name: str | None = None,
        gives: list[str] | None = None,
        summary: str | None = None,
        time_limit: str | None = None,
        decision_within: str | None = None,
        names_educator_licenses: str,
        covers_school_librarians: str,
        words: str,
        note: str | None = None,
        confidence: str | None = None,
        sources: list[SourceRef] | None = None,
    ) -> None:
        _set(self, "state", state)
        _set(self, "on_record", on_record)
        _set(self, "name", name)
        _set(self, "gives", [] if gives is None else gives)
        _set(self, "summary", summary)
        _set(self, "time_limit", time_limit)
        _set(self, "decision_within", decision_within)
        _set(self, "names_educator_licenses", names_educator_licenses)
        _set(self, "covers_school_librarians", covers_school_librarians)
        _set(self, "words", words)
        _set(self, "note", note)
        _set(self, "confidence", confidence)
        _set(self, "sources", [] if sources is None else sources)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "state": self.state,
            "on_record": self.on_record,
            "name": self.name,
            "gives": list(self.gives),
            "summary": self.summary,
            "time_limit": self.time_limit,
            "decision_within": self.decision_within,
            "names_educator_licenses": self.names_educator_licenses,
            "covers_school_librarians": self.covers_school_librarians,
            "words": self.words,
            "note": self.note,
            "confidence": self.confidence,
            "sources": [x.to_json() for x in self.sources],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MovingSpouse:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            state=data["state"],
            on_record=data["on_record"],
            name=data.get("name"),
            gives=(list(data["gives"])) if "gives" in data else None,
            summary=data.get("summary"),
            time_limit=data.get("time_limit"),
            decision_within=data.get("decision_within"),
            names_educator_licenses=data["names_educator_licenses"],
            covers_school_librarians=data["covers_school_librarians"],
            words=data["words"],
            note=data.get("note"),
            confidence=data.get("confidence"),
            sources=([SourceRef.from_json(x) for x in data["sources"]])
            if "sources" in data
            else None,
        )


class MovingNote(Frozen):
    """For a holder of another state's school librarian certificate: the move to this state."""

    __slots__ = (
        "agency",
        "agreements",
        "cautions",
        "certificate_kind",
        "certificate_years",
        "destination_adds",
        "from_state",
        "military_spouse",
        "reciprocity",
        "route",
        "route_name",
        "route_open",
        "to_state",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "from_state",
        "to_state",
        "certificate_kind",
        "certificate_years",
        "route",
        "route_name",
        "route_open",
        "destination_adds",
        "reciprocity",
        "agreements",
        "cautions",
        "agency",
        "military_spouse",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"certificate_years"})

    from_state: str
    to_state: str
    certificate_kind: str | None
    certificate_years: float | None
    route: str | None
    route_name: str | None
    route_open: bool
    destination_adds: list[str]
    reciprocity: str | None
    agreements: list[MovingAgreement]
    cautions: list[str]
    agency: str
    military_spouse: MovingSpouse | None

    def __init__(
        self,
        *,
        from_state: str,
        to_state: str,
        certificate_kind: str | None,
        certificate_years: float | None,
        route: str | None,
        route_name: str | None,
        route_open: bool,
        destination_adds: list[str],
        reciprocity: str | None,
        agreements: list[MovingAgreement],
        cautions: list[str],
        agency: str,
        military_spouse: MovingSpouse | None = None,
    ) -> None:
        _set(self, "from_state", from_state)
        _set(self, "to_state", to_state)
        _set(self, "certificate_kind", certificate_kind)
        _set(
            self,
            "certificate_years",
            None if certificate_years is None else float(certificate_years),
        )
        _set(self, "route", route)
        _set(self, "route_name", route_name)
        _set(self, "route_open", route_open)
        _set(self, "destination_adds", destination_adds)
        _set(self, "reciprocity", reciprocity)
        _set(self, "agreements", agreements)
        _set(self, "cautions", cautions)
        _set(self, "agency", agency)
        _set(self, "military_spouse", military_spouse)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "from_state": self.from_state,
            "to_state": self.to_state,
            "certificate_kind": self.certificate_kind,
            "certificate_years": self.certificate_years,
            "route": self.route,
            "route_name": self.route_name,
            "route_open": self.route_open,
            "destination_adds": list(self.destination_adds),
            "reciprocity": self.reciprocity,
            "agreements": [x.to_json() for x in self.agreements],
            "cautions": list(self.cautions),
            "agency": self.agency,
            "military_spouse": None
            if self.military_spouse is None
            else self.military_spouse.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MovingNote:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            from_state=data["from_state"],
            to_state=data["to_state"],
            certificate_kind=data["certificate_kind"],
            certificate_years=data["certificate_years"],
            route=data["route"],
            route_name=data["route_name"],
            route_open=data["route_open"],
            destination_adds=list(data["destination_adds"]),
            reciprocity=data["reciprocity"],
            agreements=[MovingAgreement.from_json(x) for x in data["agreements"]],
            cautions=list(data["cautions"]),
            agency=data["agency"],
            military_spouse=(
                None
                if data["military_spouse"] is None
                else MovingSpouse.from_json(data["military_spouse"])
            )
            if "military_spouse" in data
            else None,
        )


# </generated>


@functools.lru_cache(maxsize=4096)
def source_ref(src: Source) -> SourceRef:
    """A data source as the report shows it: one object per source (sources are immutable and
    compared by value), shared by every step and report that cites it."""
    return SourceRef(
        id=src.id,
        url=src.url,
        title=src.title,
        as_of=src.as_of,
        read_on=src.read_on.isoformat(),
        official=src.official,
    )
