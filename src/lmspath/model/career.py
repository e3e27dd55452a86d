"""The career report and the two career lines of every assess report, as plain frozen objects.

The classes mirror ``lmspath.schema.career``.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from lmspath.model.frozen import Frozen, _set
from lmspath.model.results import SourceRef

Scope = Literal["national", "state"]


# <generated> from lmspath.schema.career by lmspath.schema.generate: do not edit


class CareerFact(Frozen):
    """One fact as the career report shows it; ``known`` false when the data holds no value."""

    __slots__ = (
        "confidence",
        "group",
        "key",
        "known",
        "label",
        "note",
        "period",
        "scope",
        "shown",
        "source",
        "text",
        "unit",
        "value",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "key",
        "label",
        "group",
        "scope",
        "known",
        "value",
        "unit",
        "text",
        "shown",
        "period",
        "source",
        "confidence",
        "note",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"value"})

    key: str
    label: str
    group: str
    scope: Literal["national", "state"]
    known: bool
    value: float | None
    unit: str | None
    text: str | None
    shown: str
    period: str | None
    source: str | None
    confidence: str | None
    note: str | None

    def __init__(
        self,
        *,
        key: str,
        label: str,
        group: str,
        scope: Literal["national", "state"],
        known: bool,
        value: float | None = None,
        unit: str | None = None,
        text: str | None = None,
        shown: str,
        period: str | None = None,
        source: str | None = None,
        confidence: str | None = None,
        note: str | None = None,
    ) -> None:
        _set(self, "key", key)
        _set(self, "label", label)
        _set(self, "group", group)
        _set(self, "scope", scope)
        _set(self, "known", known)
        _set(self, "value", None if value is None else float(value))
        _set(self, "unit", unit)
        _set(self, "text", text)
        _set(self, "shown", shown)
        _set(self, "period", period)
        _set(self, "source", source)
        _set(self, "confidence", confidence)
        _set(self, "note", note)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "key": self.key,
            "label": self.label,
            "group": self.group,
            "scope": self.scope,
            "known": self.known,
            "value": self.value,
            "unit": self.unit,
            "text": self.text,
            "shown": self.shown,
            "period": self.period,
            "source": self.source,
            "confidence": self.confidence,
            "note": self.note,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CareerFact:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            key=data["key"],
            label=data["label"],
            group=data["group"],
            scope=data["scope"],
            known=data["known"],
            value=data.get("value"),
            unit=data.get("unit"),
            text=data.get("text"),
            shown=data["shown"],
            period=data.get("period"),
            source=data.get("source"),
            confidence=data.get("confidence"),
            note=data.get("note"),
        )


class CareerStep(Frozen):
    """One step of the ladder after certification."""

    __slots__ = (
        "asks",
        "confidence",
        "evidence",
        "id",
        "note",
        "pay",
        "scope",
        "sources",
        "title",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "id",
        "title",
        "scope",
        "evidence",
        "asks",
        "pay",
        "sources",
        "confidence",
        "note",
    )

    id: str
    title: str
    scope: str
    evidence: str | None
    asks: str | None
    pay: str | None
    sources: list[str]
    confidence: str | None
    note: str | None

    def __init__(
        self,
        *,
        id: str,
        title: str,
        scope: str,
        evidence: str | None,
        asks: str | None,
        pay: str | None,
        sources: list[str],
        confidence: str | None,
        note: str | None = None,
    ) -> None:
        _set(self, "id", id)
        _set(self, "title", title)
        _set(self, "scope", scope)
        _set(self, "evidence", evidence)
        _set(self, "asks", asks)
        _set(self, "pay", pay)
        _set(self, "sources", sources)
        _set(self, "confidence", confidence)
        _set(self, "note", note)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "id": self.id,
            "title": self.title,
            "scope": self.scope,
            "evidence": self.evidence,
            "asks": self.asks,
            "pay": self.pay,
            "sources": list(self.sources),
            "confidence": self.confidence,
            "note": self.note,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CareerStep:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            id=data["id"],
            title=data["title"],
            scope=data["scope"],
            evidence=data["evidence"],
            asks=data["asks"],
            pay=data["pay"],
            sources=list(data["sources"]),
            confidence=data["confidence"],
            note=data.get("note"),
        )


class CareerReport(Frozen):
    """``lmspath career [STATE]``: national facts, the state's, what is not known, the ladder."""

    __slots__ = (
        "caveat",
        "ladder",
        "national",
        "not_known",
        "occupation",
        "soc",
        "sources",
        "state",
        "state_facts",
        "state_name",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "state",
        "state_name",
        "soc",
        "occupation",
        "caveat",
        "national",
        "state_facts",
        "not_known",
        "ladder",
        "sources",
    )

    state: str | None
    state_name: str | None
    soc: str
    occupation: str
    caveat: str
    national: list[CareerFact]
    state_facts: list[CareerFact]
    not_known: list[str]
    ladder: list[CareerStep]
    sources: list[SourceRef]

    def __init__(
        self,
        *,
        state: str | None,
        state_name: str | None,
        soc: str,
        occupation: str,
        caveat: str,
        national: list[CareerFact],
        state_facts: list[CareerFact],
        not_known: list[str],
        ladder: list[CareerStep],
        sources: list[SourceRef],
    ) -> None:
        _set(self, "state", state)
        _set(self, "state_name", state_name)
        _set(self, "soc", soc)
        _set(self, "occupation", occupation)
        _set(self, "caveat", caveat)
        _set(self, "national", national)
        _set(self, "state_facts", state_facts)
        _set(self, "not_known", not_known)
        _set(self, "ladder", ladder)
        _set(self, "sources", sources)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "state": self.state,
            "state_name": self.state_name,
            "soc": self.soc,
            "occupation": self.occupation,
            "caveat": self.caveat,
            "national": [x.to_json() for x in self.national],
            "state_facts": [x.to_json() for x in self.state_facts],
            "not_known": list(self.not_known),
            "ladder": [x.to_json() for x in self.ladder],
            "sources": [x.to_json() for x in self.sources],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CareerReport:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            state=data["state"],
            state_name=data["state_name"],
            soc=data["soc"],
            occupation=data["occupation"],
            caveat=data["caveat"],
            national=[CareerFact.from_json(x) for x in data["national"]],
            state_facts=[CareerFact.from_json(x) for x in data["state_facts"]],
            not_known=list(data["not_known"]),
            ladder=[CareerStep.from_json(x) for x in data["ladder"]],
            sources=[SourceRef.from_json(x) for x in data["sources"]],
        )


class CareerSummary(Frozen):
    """The two lines every assess report carries, and the figures behind them."""

    __slots__ = (
        "annual_openings",
        "annual_openings_period",
        "annual_openings_scope",
        "command",
        "lines",
        "median_pay_period",
        "median_pay_scope",
        "median_pay_usd",
        "school_median_pay_period",
        "school_median_pay_usd",
        "sources",
        "state",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "state",
        "median_pay_usd",
        "median_pay_period",
        "median_pay_scope",
        "school_median_pay_usd",
        "school_median_pay_period",
        "annual_openings",
        "annual_openings_period",
        "annual_openings_scope",
        "lines",
        "command",
        "sources",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset(
        {"annual_openings", "median_pay_usd", "school_median_pay_usd", "sources"}
    )

    state: str
    median_pay_usd: float | None
    median_pay_period: str | None
    median_pay_scope: Literal["national", "state"] | None
    school_median_pay_usd: float | None
    school_median_pay_period: str | None
    annual_openings: float | None
    annual_openings_period: str | None
    annual_openings_scope: Literal["national", "state"] | None
    lines: list[str]
    command: str
    sources: list[SourceRef]

    def __init__(
        self,
        *,
        state: str,
        median_pay_usd: float | None,
        median_pay_period: str | None,
        median_pay_scope: Literal["national", "state"] | None,
        school_median_pay_usd: float | None,
        school_median_pay_period: str | None,
        annual_openings: float | None,
        annual_openings_period: str | None,
        annual_openings_scope: Literal["national", "state"] | None,
        lines: list[str],
        command: str,
        sources: list[SourceRef] | None = None,
    ) -> None:
        _set(self, "state", state)
        _set(self, "median_pay_usd", None if median_pay_usd is None else float(median_pay_usd))
        _set(self, "median_pay_period", median_pay_period)
        _set(self, "median_pay_scope", median_pay_scope)
        _set(
            self,
            "school_median_pay_usd",
            None if school_median_pay_usd is None else float(school_median_pay_usd),
        )
        _set(self, "school_median_pay_period", school_median_pay_period)
        _set(self, "annual_openings", None if annual_openings is None else float(annual_openings))
        _set(self, "annual_openings_period", annual_openings_period)
        _set(self, "annual_openings_scope", annual_openings_scope)
        _set(self, "lines", lines)
        _set(self, "command", command)
        _set(self, "sources", [] if sources is None else sources)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "state": self.state,
            "median_pay_usd": self.median_pay_usd,
            "median_pay_period": self.median_pay_period,
            "median_pay_scope": self.median_pay_scope,
            "school_median_pay_usd": self.school_median_pay_usd,
            "school_median_pay_period": self.school_median_pay_period,
            "annual_openings": self.annual_openings,
            "annual_openings_period": self.annual_openings_period,
            "annual_openings_scope": self.annual_openings_scope,
            "lines": list(self.lines),
            "command": self.command,
            "sources": [x.to_json() for x in self.sources],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CareerSummary:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            state=data["state"],
            median_pay_usd=data["median_pay_usd"],
            median_pay_period=data["median_pay_period"],
            median_pay_scope=data["median_pay_scope"],
            school_median_pay_usd=data["school_median_pay_usd"],
            school_median_pay_period=data["school_median_pay_period"],
            annual_openings=data["annual_openings"],
            annual_openings_period=data["annual_openings_period"],
            annual_openings_scope=data["annual_openings_scope"],
            lines=list(data["lines"]),
            command=data["command"],
            sources=([SourceRef.from_json(x) for x in data["sources"]])
            if "sources" in data
            else None,
        )


# </generated>
