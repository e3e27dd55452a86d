"""The JSON report: the contract's keys, a schema version, and a JSON Schema to check it against."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict

from lmspath import __version__
from lmspath.engine.career import CareerSummary
from lmspath.model.results import (
    SCHEMA_VERSION,
    Assessment,
    MovingNote,
    PathwayResult,
    Plan,
    PlanStep,
    WhatIf,
)
from lmspath.render.text import plan_time


class PlanTotal(BaseModel):
    """Totals of the plan along its critical path."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pathway: str
    months: tuple[float, float] | None
    cost_usd: tuple[float, float] | None
    unestimated: list[str]
    note: str
    complete: bool
    unestimated_major: list[str]
    headline: str


class JsonReport(BaseModel):
    """The JSON report as the contract names it (extra keys are additions, never renames)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

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
    #: pay and openings beside the plan (additive; null when the data has no market file)
    career: CareerSummary | None = None
    #: with ``--assume``: what the assumed answers change (null without it)
    what_if: WhatIf | None = None
    #: for a holder of another state's certificate: the move, its route and the agreements
    moving: MovingNote | None = None


def _total(plan: Plan) -> PlanTotal:
    return PlanTotal(
        pathway=plan.pathway,
        months=plan.months,
        cost_usd=plan.cost_usd,
        unestimated=plan.unestimated,
        note=plan.total_note,
        complete=plan.complete,
        unestimated_major=plan.unestimated_major,
        headline=plan_time(plan),
    )


def to_report(result: Assessment) -> JsonReport:
    """The assessment in the contract's JSON shape."""
    return JsonReport(
        schema_version=SCHEMA_VERSION,
        lmspath_version=__version__,
        state=result.state,
        state_name=result.state_name,
        credential=result.credential,
        agency={"name": result.agency.name, "url": result.agency.url},
        verdict=result.verdict,
        verdict_reason=result.verdict_reason,
        best_pathway=result.best_pathway,
        best_reason=result.best_reason,
        pathways=result.pathways,
        plan=result.plan.steps,
        plan_total=_total(result.plan),
        skills=result.skills if result.skills is not None else {"have": [], "gaps": []},
        warnings=result.warnings,
        confidence=result.confidence,
        confidence_note=result.confidence_note,
        data_checked=result.data_checked,
        career=CareerSummary.model_validate(result.career) if result.career else None,
        what_if=result.what_if,
        moving=result.moving,
    )


def render_json(result: Assessment) -> str:
    """The JSON report text, two-space indented, ending in a newline."""
    return to_report(result).model_dump_json(indent=2) + "\n"


def json_schema() -> str:
    """The JSON Schema of the report, as shipped in ``schema/report.schema.json``."""
    return json.dumps(JsonReport.model_json_schema(), indent=2, sort_keys=True) + "\n"
