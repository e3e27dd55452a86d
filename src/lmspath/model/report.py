"""The JSON report as plain frozen objects, in the contract's keys.

The classes mirror ``lmspath.schema.report``, from which the report's JSON Schema is made.
"""

from __future__ import annotations

from typing import Any, ClassVar

from lmspath.model.career import CareerSummary
from lmspath.model.frozen import Frozen, _set
from lmspath.model.results import IfLicensed, MovingNote, PathwayResult, PlanStep, WhatIf

# <generated> from lmspath.schema.report by lmspath.schema.generate: do not edit


class PlanTotal(Frozen):
    """Totals of the plan along its critical path."""

    __slots__ = (
        "complete",
        "cost_usd",
        "headline",
        "months",
        "note",
        "pathway",
        "unestimated",
        "unestimated_major",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "pathway",
        "months",
        "cost_usd",
        "unestimated",
        "note",
        "complete",
        "unestimated_major",
        "headline",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"cost_usd", "months"})

    pathway: str
    months: tuple[float, float] | None
    cost_usd: tuple[float, float] | None
    unestimated: list[str]
    note: str
    complete: bool
    unestimated_major: list[str]
    headline: str

    def __init__(
        self,
        *,
        pathway: str,
        months: tuple[float, float] | None,
        cost_usd: tuple[float, float] | None,
        unestimated: list[str],
        note: str,
        complete: bool,
        unestimated_major: list[str],
        headline: str,
    ) -> None:
        _set(self, "pathway", pathway)
        _set(self, "months", None if months is None else (float(months[0]), float(months[1])))
        _set(
            self, "cost_usd", None if cost_usd is None else (float(cost_usd[0]), float(cost_usd[1]))
        )
        _set(self, "unestimated", unestimated)
        _set(self, "note", note)
        _set(self, "complete", complete)
        _set(self, "unestimated_major", unestimated_major)
        _set(self, "headline", headline)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "pathway": self.pathway,
            "months": None if self.months is None else [self.months[0], self.months[1]],
            "cost_usd": None if self.cost_usd is None else [self.cost_usd[0], self.cost_usd[1]],
            "unestimated": list(self.unestimated),
            "note": self.note,
            "complete": self.complete,
            "unestimated_major": list(self.unestimated_major),
            "headline": self.headline,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PlanTotal:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            pathway=data["pathway"],
            months=None if data["months"] is None else (data["months"][0], data["months"][1]),
            cost_usd=None
            if data["cost_usd"] is None
            else (data["cost_usd"][0], data["cost_usd"][1]),
            unestimated=list(data["unestimated"]),
            note=data["note"],
            complete=data["complete"],
            unestimated_major=list(data["unestimated_major"]),
            headline=data["headline"],
        )


class JsonReport(Frozen):
    """The JSON report as the contract names it (extra keys are additions, never renames)."""

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
        "lmspath_version",
        "moving",
        "pathways",
        "plan",
        "plan_total",
        "schema_version",
        "skills",
        "state",
        "state_name",
        "verdict",
        "verdict_reason",
        "warnings",
        "what_if",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "schema_version",
        "lmspath_version",
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
        "plan_total",
        "skills",
        "warnings",
        "confidence",
        "confidence_note",
        "data_checked",
        "career",
        "what_if",
        "moving",
        "if_licensed",
    )

    schema_version: str
    lmspath_version: str
    state: str
    state_name: str
    credential: str
    agency: dict[str, str]
    verdict: str
    verdict_reason: str
    best_pathway: str
    best_reason: str
    pathways: list[PathwayResult]
    plan: list[PlanStep]
    plan_total: PlanTotal
    skills: dict[str, Any]
    warnings: list[str]
    confidence: str
    confidence_note: str
    data_checked: str
    career: CareerSummary | None
    what_if: WhatIf | None
    moving: MovingNote | None
    if_licensed: IfLicensed | None

    def __init__(
        self,
        *,
        schema_version: str,
        lmspath_version: str,
        state: str,
        state_name: str,
        credential: str,
        agency: dict[str, str],
        verdict: str,
        verdict_reason: str,
        best_pathway: str,
        best_reason: str,
        pathways: list[PathwayResult],
        plan: list[PlanStep],
        plan_total: PlanTotal,
        skills: dict[str, Any],
        warnings: list[str],
        confidence: str,
        confidence_note: str,
        data_checked: str,
        career: CareerSummary | None = None,
        what_if: WhatIf | None = None,
        moving: MovingNote | None = None,
        if_licensed: IfLicensed | None = None,
    ) -> None:
        _set(self, "schema_version", schema_version)
        _set(self, "lmspath_version", lmspath_version)
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
        _set(self, "plan_total", plan_total)
        _set(self, "skills", skills)
        _set(self, "warnings", warnings)
        _set(self, "confidence", confidence)
        _set(self, "confidence_note", confidence_note)
        _set(self, "data_checked", data_checked)
        _set(self, "career", career)
        _set(self, "what_if", what_if)
        _set(self, "moving", moving)
        _set(self, "if_licensed", if_licensed)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "schema_version": self.schema_version,
            "lmspath_version": self.lmspath_version,
            "state": self.state,
            "state_name": self.state_name,
            "credential": self.credential,
            "agency": dict(self.agency),
            "verdict": self.verdict,
            "verdict_reason": self.verdict_reason,
            "best_pathway": self.best_pathway,
            "best_reason": self.best_reason,
            "pathways": [x.to_json() for x in self.pathways],
            "plan": [x.to_json() for x in self.plan],
            "plan_total": self.plan_total.to_json(),
            "skills": dict(self.skills),
            "warnings": list(self.warnings),
            "confidence": self.confidence,
            "confidence_note": self.confidence_note,
            "data_checked": self.data_checked,
            "career": None if self.career is None else self.career.to_json(),
            "what_if": None if self.what_if is None else self.what_if.to_json(),
            "moving": None if self.moving is None else self.moving.to_json(),
            "if_licensed": None if self.if_licensed is None else self.if_licensed.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> JsonReport:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            schema_version=data["schema_version"],
            lmspath_version=data["lmspath_version"],
            state=data["state"],
            state_name=data["state_name"],
            credential=data["credential"],
            agency=dict(data["agency"]),
            verdict=data["verdict"],
            verdict_reason=data["verdict_reason"],
            best_pathway=data["best_pathway"],
            best_reason=data["best_reason"],
            pathways=[PathwayResult.from_json(x) for x in data["pathways"]],
            plan=[PlanStep.from_json(x) for x in data["plan"]],
            plan_total=PlanTotal.from_json(data["plan_total"]),
            skills=dict(data["skills"]),
            warnings=list(data["warnings"]),
            confidence=data["confidence"],
            confidence_note=data["confidence_note"],
            data_checked=data["data_checked"],
            career=(None if data["career"] is None else CareerSummary.from_json(data["career"]))
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


# </generated>
