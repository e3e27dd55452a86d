"""Pydantic schema of one jurisdiction's row in a comparison."""

from __future__ import annotations

from lmspath.model.results import Verdict
from lmspath.schema.results import Result


class StateRow(Result):
    """One jurisdiction for this person, as a comparison shows it."""

    rank: int
    state: str
    name: str
    verdict: Verdict
    best_pathway: str
    best_pathway_name: str
    #: along the critical path; a lower bound when ``months_complete`` is false
    months: tuple[float, float] | None
    months_complete: bool
    #: the titles of steps that take months and have no sourced time estimate
    unestimated: list[str]
    cost_usd: tuple[float, float] | None
    remaining_steps: int
    next_step: str | None
    needs_teaching_license: bool
    needs_master: bool
    needs_exam: bool
    confidence: str
    data_checked: str
    agency: str
    #: the person already holds this state's school librarian certificate
    holds_certificate: bool = False
    #: for a holder of another state's certificate: whether both states are recorded as
    #: Interstate Teacher Mobility Compact members (``both_members`` / ``not_both_members``)
    compact: str | None = None
    #: the state's OEWS median wage for occupation 25-4022 (all library settings) and its
    #: reference period, when data/market.yaml holds one
    median_wage_usd: float | None = None
    median_wage_period: str | None = None
