"""The JSON report: the contract's keys, a schema version, and a JSON Schema to check it against."""

from __future__ import annotations

import json

from lmspath import __version__
from lmspath.model.career import CareerSummary
from lmspath.model.report import JsonReport, PlanTotal
from lmspath.model.results import (
    SCHEMA_VERSION,
    Assessment,
    Plan,
)
from lmspath.render.text import plan_time


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
        career=CareerSummary.from_json(result.career) if result.career else None,
        what_if=result.what_if,
        moving=result.moving,
        if_licensed=result.if_licensed,
    )


def render_json(result: Assessment) -> str:
    """The JSON report text, two-space indented, ending in a newline."""
    return json.dumps(to_report(result).to_json(), indent=2, ensure_ascii=False) + "\n"
