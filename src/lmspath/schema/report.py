"""Pydantic schema of the JSON report in the contract's keys; its JSON Schema is made from it."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict

from lmspath.schema.career import CareerSummary
from lmspath.schema.results import IfLicensed, MovingNote, PathwayResult, PlanStep, WhatIf


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
    #: with the teaching license left blank: the route an active one would make best, when it
    #: is quicker or cheaper than the one planned (null otherwise)
    if_licensed: IfLicensed | None = None


def json_schema() -> str:
    """The JSON Schema of the report, as shipped in ``src/lmspath/report.schema.json``."""
    return json.dumps(JsonReport.model_json_schema(), indent=2, sort_keys=True) + "\n"
