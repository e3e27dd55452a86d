"""Pydantic schemas of data/programs/XX.yaml: cited preparation programs approved by one state."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, field_validator, model_validator

from lmspath.model.programs import Degree, Delivery, LeadsTo
from lmspath.model.rules import Confidence, ensure_unique_ids, find_source
from lmspath.model.states import JURISDICTIONS
from lmspath.schema.rules import Source, StrictModel

_PROGRAM_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def _state_code(value: str) -> str:
    if value not in JURISDICTIONS:
        raise ValueError(f"{value!r} is not a state code (AL ... WY, DC)")
    return value


StateCode = Annotated[str, AfterValidator(_state_code)]
Amount = Annotated[float | int, Field(ge=0)]
#: A number, or a range written as ``[lo, hi]``.
Span = Amount | tuple[Amount, Amount]


def _ordered(value: Span | None) -> Span | None:
    if isinstance(value, tuple) and value[0] > value[1]:
        raise ValueError(f"the range [{value[0]}, {value[1]}] runs backwards")
    return value


class Program(StrictModel):
    """One preparation program that leads to school-librarian certification."""

    id: str
    institution: str
    name: str
    approved_by: StateCode
    leads_to: LeadsTo
    credential: str | None
    pathways: list[str]
    degree: Degree | None
    delivery: Delivery | None
    credit_hours: Span | None
    tuition_per_credit_usd: Amount | None
    tuition_year: str | None
    total_cost_usd: Amount | None
    months: Span | None
    license_required_to_enrol: bool | None
    ala_accredited: bool | None
    ala_accredited_until: int | None = Field(ge=1876, le=2100)
    disclosure_states: list[StateCode] | None
    disclosure_source: str | None
    accepting_applications: bool | None
    url: str
    sources: list[str] = Field(min_length=1)
    confidence: Confidence
    note: str | None = None

    _credits = field_validator("credit_hours", "months")(_ordered)

    @field_validator("id")
    @classmethod
    def _id_form(cls, value: str) -> str:
        if not _PROGRAM_ID.match(value):
            raise ValueError(f"{value!r} is not an id (lowercase letters, digits and '-')")
        return value

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError(f"{value!r} is not an http(s) URL")
        return value

    @model_validator(mode="after")
    def _id_names_the_state(self) -> Program:
        if not self.id.startswith(f"{self.approved_by.lower()}-"):
            raise ValueError(
                f"id {self.id!r} should start with the approving state, "
                f"'{self.approved_by.lower()}-'"
            )
        return self


class ProgramFile(StrictModel):
    """``data/programs/XX.yaml``: the programs one state's agency approved, and its sources."""

    schema_version: Literal[1] = 1
    state: StateCode
    in_state_programs: bool | None
    note: str | None = None
    sources: list[Source] = Field(default_factory=list)
    programs: list[Program] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> ProgramFile:
        ensure_unique_ids(
            {"source": [s.id for s in self.sources], "program": [p.id for p in self.programs]}
        )
        return self

    def source(self, source_id: str) -> Source:
        """The source with this id (the loader guarantees every cited id exists)."""
        return find_source(self.sources, source_id)


class ProgramCatalog(StrictModel):
    """Every program file, one per state that has one, in state-table order."""

    files: list[ProgramFile] = Field(default_factory=list)

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
