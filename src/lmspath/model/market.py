"""data/market.yaml as plain frozen objects: cited pay, openings, staffing and career facts.

The classes mirror ``lmspath.schema.market``, which validates the file.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from lmspath.model.frozen import Frozen, _set
from lmspath.model.rules import Source, find_source

Unit = Literal["usd_per_year", "jobs", "percent", "openings_per_year", "people", "schools"]
Mandate = Literal["yes", "no", "yes_not_enforced"]
Evidence = Literal["official", "secondary"]

#: The label every per-state OEWS wage carries: occupation 25-4022 is not only school librarians.
ALL_SETTINGS: Literal["all library settings"] = "all library settings"


# <generated> from lmspath.schema.market by lmspath.schema.generate: do not edit


class Figure(Frozen):
    """One number with its unit, reference period and source; ``value: null`` when unread."""

    __slots__ = (
        "confidence",
        "note",
        "period",
        "source",
        "unit",
        "value",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "value",
        "unit",
        "period",
        "source",
        "confidence",
        "note",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"value"})

    value: float | None
    unit: Literal["usd_per_year", "jobs", "percent", "openings_per_year", "people", "schools"]
    period: str | None
    source: str | None
    confidence: Literal["high", "medium", "low"] | None
    note: str | None

    def __init__(
        self,
        *,
        value: float | None,
        unit: Literal["usd_per_year", "jobs", "percent", "openings_per_year", "people", "schools"],
        period: str | None = None,
        source: str | None = None,
        confidence: Literal["high", "medium", "low"] | None = None,
        note: str | None = None,
    ) -> None:
        _set(self, "value", None if value is None else float(value))
        _set(self, "unit", unit)
        _set(self, "period", period)
        _set(self, "source", source)
        _set(self, "confidence", confidence)
        _set(self, "note", note)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "value": self.value,
            "unit": self.unit,
            "period": self.period,
            "source": self.source,
            "confidence": self.confidence,
            "note": self.note,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Figure:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            value=data["value"],
            unit=data["unit"],
            period=data.get("period"),
            source=data.get("source"),
            confidence=data.get("confidence"),
            note=data.get("note"),
        )


class Fact(Frozen):
    """A fact in words (an entry education, a mandate, a schedule), cited like a figure."""

    __slots__ = (
        "confidence",
        "note",
        "period",
        "source",
        "text",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "text",
        "period",
        "source",
        "confidence",
        "note",
    )

    text: str | None
    period: str | None
    source: str | None
    confidence: Literal["high", "medium", "low"] | None
    note: str | None

    def __init__(
        self,
        *,
        text: str | None,
        period: str | None = None,
        source: str | None = None,
        confidence: Literal["high", "medium", "low"] | None = None,
        note: str | None = None,
    ) -> None:
        _set(self, "text", text)
        _set(self, "period", period)
        _set(self, "source", source)
        _set(self, "confidence", confidence)
        _set(self, "note", note)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "text": self.text,
            "period": self.period,
            "source": self.source,
            "confidence": self.confidence,
            "note": self.note,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Fact:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            text=data["text"],
            period=data.get("period"),
            source=data.get("source"),
            confidence=data.get("confidence"),
            note=data.get("note"),
        )


class OohEdition(Frozen):
    """The BLS Occupational Outlook Handbook figures for 25-4022 as one edition gives them."""

    __slots__ = (
        "annual_openings",
        "edition",
        "employment",
        "entry_education",
        "growth_pct",
        "median_pay",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "edition",
        "median_pay",
        "employment",
        "growth_pct",
        "annual_openings",
        "entry_education",
    )

    edition: str
    median_pay: Figure
    employment: Figure
    growth_pct: Figure
    annual_openings: Figure
    entry_education: Fact

    def __init__(
        self,
        *,
        edition: str,
        median_pay: Figure,
        employment: Figure,
        growth_pct: Figure,
        annual_openings: Figure,
        entry_education: Fact,
    ) -> None:
        _set(self, "edition", edition)
        _set(self, "median_pay", median_pay)
        _set(self, "employment", employment)
        _set(self, "growth_pct", growth_pct)
        _set(self, "annual_openings", annual_openings)
        _set(self, "entry_education", entry_education)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "edition": self.edition,
            "median_pay": self.median_pay.to_json(),
            "employment": self.employment.to_json(),
            "growth_pct": self.growth_pct.to_json(),
            "annual_openings": self.annual_openings.to_json(),
            "entry_education": self.entry_education.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OohEdition:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            edition=data["edition"],
            median_pay=Figure.from_json(data["median_pay"]),
            employment=Figure.from_json(data["employment"]),
            growth_pct=Figure.from_json(data["growth_pct"]),
            annual_openings=Figure.from_json(data["annual_openings"]),
            entry_education=Fact.from_json(data["entry_education"]),
        )


class IndustryFigure(Frozen):
    """An OEWS figure for one industry (the school line that best fits school librarians)."""

    __slots__ = (
        "figure",
        "industry",
        "measure",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "industry",
        "measure",
        "figure",
    )

    industry: str
    measure: Literal["median_wage", "mean_wage", "employment"]
    figure: Figure

    def __init__(
        self,
        *,
        industry: str,
        measure: Literal["median_wage", "mean_wage", "employment"],
        figure: Figure,
    ) -> None:
        _set(self, "industry", industry)
        _set(self, "measure", measure)
        _set(self, "figure", figure)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "industry": self.industry,
            "measure": self.measure,
            "figure": self.figure.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> IndustryFigure:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            industry=data["industry"],
            measure=data["measure"],
            figure=Figure.from_json(data["figure"]),
        )


class National(Frozen):
    """National facts: the OOH editions (the first is the headline), industries, staffing."""

    __slots__ = (
        "caveat",
        "industries",
        "ooh",
        "school_librarians",
        "schools_with_library",
        "soc",
        "title",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "soc",
        "title",
        "caveat",
        "ooh",
        "industries",
        "school_librarians",
        "schools_with_library",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"industries"})

    soc: str
    title: str
    caveat: str
    ooh: list[OohEdition]
    industries: list[IndustryFigure]
    school_librarians: Figure
    schools_with_library: Figure

    def __init__(
        self,
        *,
        soc: str,
        title: str,
        caveat: str,
        ooh: list[OohEdition],
        industries: list[IndustryFigure] | None = None,
        school_librarians: Figure,
        schools_with_library: Figure,
    ) -> None:
        _set(self, "soc", soc)
        _set(self, "title", title)
        _set(self, "caveat", caveat)
        _set(self, "ooh", ooh)
        _set(self, "industries", [] if industries is None else industries)
        _set(self, "school_librarians", school_librarians)
        _set(self, "schools_with_library", schools_with_library)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "soc": self.soc,
            "title": self.title,
            "caveat": self.caveat,
            "ooh": [x.to_json() for x in self.ooh],
            "industries": [x.to_json() for x in self.industries],
            "school_librarians": self.school_librarians.to_json(),
            "schools_with_library": self.schools_with_library.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> National:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            soc=data["soc"],
            title=data["title"],
            caveat=data["caveat"],
            ooh=[OohEdition.from_json(x) for x in data["ooh"]],
            industries=([IndustryFigure.from_json(x) for x in data["industries"]])
            if "industries" in data
            else None,
            school_librarians=Figure.from_json(data["school_librarians"]),
            schools_with_library=Figure.from_json(data["schools_with_library"]),
        )


class StateWages(Frozen):
    """OEWS wages for 25-4022 in one state, as the BLS state workbook gives them."""

    __slots__ = (
        "employment",
        "label",
        "mean",
        "median",
        "pct10",
        "pct25",
        "pct75",
        "pct90",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "label",
        "employment",
        "mean",
        "median",
        "pct10",
        "pct25",
        "pct75",
        "pct90",
    )

    label: Literal["all library settings"]
    employment: Figure
    mean: Figure
    median: Figure
    pct10: Figure
    pct25: Figure
    pct75: Figure
    pct90: Figure

    def __init__(
        self,
        *,
        label: Literal["all library settings"] = "all library settings",
        employment: Figure,
        mean: Figure,
        median: Figure,
        pct10: Figure,
        pct25: Figure,
        pct75: Figure,
        pct90: Figure,
    ) -> None:
        _set(self, "label", label)
        _set(self, "employment", employment)
        _set(self, "mean", mean)
        _set(self, "median", median)
        _set(self, "pct10", pct10)
        _set(self, "pct25", pct25)
        _set(self, "pct75", pct75)
        _set(self, "pct90", pct90)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "label": self.label,
            "employment": self.employment.to_json(),
            "mean": self.mean.to_json(),
            "median": self.median.to_json(),
            "pct10": self.pct10.to_json(),
            "pct25": self.pct25.to_json(),
            "pct75": self.pct75.to_json(),
            "pct90": self.pct90.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StateWages:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            label=data.get("label", "all library settings"),
            employment=Figure.from_json(data["employment"]),
            mean=Figure.from_json(data["mean"]),
            median=Figure.from_json(data["median"]),
            pct10=Figure.from_json(data["pct10"]),
            pct25=Figure.from_json(data["pct25"]),
            pct75=Figure.from_json(data["pct75"]),
            pct90=Figure.from_json(data["pct90"]),
        )


class MandateFact(Frozen):
    """Whether state law or regulation requires a school librarian (SLIDE's summary)."""

    __slots__ = (
        "confidence",
        "note",
        "period",
        "required",
        "source",
        "text",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "required",
        "text",
        "period",
        "source",
        "confidence",
        "note",
    )

    required: Literal["yes", "no", "yes_not_enforced"] | None
    text: str | None
    period: str | None
    source: str | None
    confidence: Literal["high", "medium", "low"] | None
    note: str | None

    def __init__(
        self,
        *,
        required: Literal["yes", "no", "yes_not_enforced"] | None,
        text: str | None = None,
        period: str | None = None,
        source: str | None = None,
        confidence: Literal["high", "medium", "low"] | None = None,
        note: str | None = None,
    ) -> None:
        _set(self, "required", required)
        _set(self, "text", text)
        _set(self, "period", period)
        _set(self, "source", source)
        _set(self, "confidence", confidence)
        _set(self, "note", note)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "required": self.required,
            "text": self.text,
            "period": self.period,
            "source": self.source,
            "confidence": self.confidence,
            "note": self.note,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MandateFact:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            required=data["required"],
            text=data.get("text"),
            period=data.get("period"),
            source=data.get("source"),
            confidence=data.get("confidence"),
            note=data.get("note"),
        )


class StateMarket(Frozen):
    """What is known for one state; a missing part is not known."""

    __slots__ = (
        "mandate",
        "oews",
        "salary_schedule",
        "school_librarians",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "oews",
        "school_librarians",
        "mandate",
        "salary_schedule",
    )

    oews: StateWages | None
    school_librarians: Figure | None
    mandate: MandateFact | None
    salary_schedule: Fact | None

    def __init__(
        self,
        *,
        oews: StateWages | None = None,
        school_librarians: Figure | None = None,
        mandate: MandateFact | None = None,
        salary_schedule: Fact | None = None,
    ) -> None:
        _set(self, "oews", oews)
        _set(self, "school_librarians", school_librarians)
        _set(self, "mandate", mandate)
        _set(self, "salary_schedule", salary_schedule)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "oews": None if self.oews is None else self.oews.to_json(),
            "school_librarians": None
            if self.school_librarians is None
            else self.school_librarians.to_json(),
            "mandate": None if self.mandate is None else self.mandate.to_json(),
            "salary_schedule": None
            if self.salary_schedule is None
            else self.salary_schedule.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StateMarket:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            oews=(None if data["oews"] is None else StateWages.from_json(data["oews"]))
            if "oews" in data
            else None,
            school_librarians=(
                None
                if data["school_librarians"] is None
                else Figure.from_json(data["school_librarians"])
            )
            if "school_librarians" in data
            else None,
            mandate=(None if data["mandate"] is None else MandateFact.from_json(data["mandate"]))
            if "mandate" in data
            else None,
            salary_schedule=(
                None if data["salary_schedule"] is None else Fact.from_json(data["salary_schedule"])
            )
            if "salary_schedule" in data
            else None,
        )


class LadderStep(Frozen):
    """One step after certification, what it typically asks and what sources say about pay."""

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
    _through_init: ClassVar[frozenset[str]] = frozenset({"sources"})

    id: str
    title: str
    scope: Literal["national"]
    evidence: Literal["official", "secondary"] | None
    asks: str | None
    pay: str | None
    sources: list[str]
    confidence: Literal["high", "medium", "low"] | None
    note: str | None

    def __init__(
        self,
        *,
        id: str,
        title: str,
        scope: Literal["national"] = "national",
        evidence: Literal["official", "secondary"] | None,
        asks: str | None,
        pay: str | None,
        sources: list[str] | None = None,
        confidence: Literal["high", "medium", "low"] | None = None,
        note: str | None = None,
    ) -> None:
        _set(self, "id", id)
        _set(self, "title", title)
        _set(self, "scope", scope)
        _set(self, "evidence", evidence)
        _set(self, "asks", asks)
        _set(self, "pay", pay)
        _set(self, "sources", [] if sources is None else sources)
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
    def from_json(cls, data: dict[str, Any]) -> LadderStep:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            id=data["id"],
            title=data["title"],
            scope=data.get("scope", "national"),
            evidence=data["evidence"],
            asks=data["asks"],
            pay=data["pay"],
            sources=(list(data["sources"])) if "sources" in data else None,
            confidence=data.get("confidence"),
            note=data.get("note"),
        )


class MarketFile(Frozen):
    """``data/market.yaml``: the sources, national facts, per-state facts and the ladder."""

    __slots__ = (
        "ladder",
        "national",
        "schema_version",
        "sources",
        "states",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "schema_version",
        "sources",
        "national",
        "states",
        "ladder",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"ladder", "states"})

    schema_version: Literal[1]
    sources: list[Source]
    national: National
    states: dict[str, StateMarket]
    ladder: list[LadderStep]

    def __init__(
        self,
        *,
        schema_version: Literal[1] = 1,
        sources: list[Source],
        national: National,
        states: dict[str, StateMarket] | None = None,
        ladder: list[LadderStep] | None = None,
    ) -> None:
        _set(self, "schema_version", schema_version)
        _set(self, "sources", sources)
        _set(self, "national", national)
        _set(self, "states", {} if states is None else states)
        _set(self, "ladder", [] if ladder is None else ladder)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "schema_version": self.schema_version,
            "sources": [x.to_json() for x in self.sources],
            "national": self.national.to_json(),
            "states": {k: x.to_json() for k, x in self.states.items()},
            "ladder": [x.to_json() for x in self.ladder],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MarketFile:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            schema_version=data.get("schema_version", 1),
            sources=[Source.from_json(x) for x in data["sources"]],
            national=National.from_json(data["national"]),
            states=({k: StateMarket.from_json(x) for k, x in data["states"].items()})
            if "states" in data
            else None,
            ladder=([LadderStep.from_json(x) for x in data["ladder"]])
            if "ladder" in data
            else None,
        )

    def source(self, source_id: str) -> Source:
        """The source with this id (the loader guarantees every cited id exists)."""
        return find_source(self.sources, source_id)


# </generated>
