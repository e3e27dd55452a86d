"""One jurisdiction's row in a comparison, as a plain frozen object.

The class mirrors ``lmspath.schema.compare``.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from lmspath.model.frozen import Frozen, _set

# <generated> from lmspath.schema.compare by lmspath.schema.generate: do not edit


class StateRow(Frozen):
    """One jurisdiction for this person, as a comparison shows it."""

    __slots__ = (
        "agency",
        "best_pathway",
        "best_pathway_name",
        "compact",
        "confidence",
        "cost_usd",
        "data_checked",
        "holds_certificate",
        "median_wage_period",
        "median_wage_usd",
        "months",
        "months_complete",
        "name",
        "needs_exam",
        "needs_master",
        "needs_teaching_license",
        "next_step",
        "rank",
        "remaining_steps",
        "state",
        "unestimated",
        "verdict",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "rank",
        "state",
        "name",
        "verdict",
        "best_pathway",
        "best_pathway_name",
        "months",
        "months_complete",
        "unestimated",
        "cost_usd",
        "remaining_steps",
        "next_step",
        "needs_teaching_license",
        "needs_master",
        "needs_exam",
        "confidence",
        "data_checked",
        "agency",
        "holds_certificate",
        "compact",
        "median_wage_usd",
        "median_wage_period",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"cost_usd", "median_wage_usd", "months"})

    rank: int
    state: str
    name: str
    verdict: Literal["eligible", "not_yet", "cannot_tell"]
    best_pathway: str
    best_pathway_name: str
    months: tuple[float, float] | None
    months_complete: bool
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
    holds_certificate: bool
    compact: str | None
    median_wage_usd: float | None
    median_wage_period: str | None

    def __init__(
        self,
        *,
        rank: int,
        state: str,
        name: str,
        verdict: Literal["eligible", "not_yet", "cannot_tell"],
        best_pathway: str,
        best_pathway_name: str,
        months: tuple[float, float] | None,
        months_complete: bool,
        unestimated: list[str],
        cost_usd: tuple[float, float] | None,
        remaining_steps: int,
        next_step: str | None,
        needs_teaching_license: bool,
        needs_master: bool,
        needs_exam: bool,
        confidence: str,
        data_checked: str,
        agency: str,
        holds_certificate: bool = False,
        compact: str | None = None,
        median_wage_usd: float | None = None,
        median_wage_period: str | None = None,
    ) -> None:
        _set(self, "rank", rank)
        _set(self, "state", state)
        _set(self, "name", name)
        _set(self, "verdict", verdict)
        _set(self, "best_pathway", best_pathway)
        _set(self, "best_pathway_name", best_pathway_name)
        _set(self, "months", None if months is None else (float(months[0]), float(months[1])))
        _set(self, "months_complete", months_complete)
        _set(self, "unestimated", unestimated)
        _set(
            self, "cost_usd", None if cost_usd is None else (float(cost_usd[0]), float(cost_usd[1]))
        )
        _set(self, "remaining_steps", remaining_steps)
        _set(self, "next_step", next_step)
        _set(self, "needs_teaching_license", needs_teaching_license)
        _set(self, "needs_master", needs_master)
        _set(self, "needs_exam", needs_exam)
        _set(self, "confidence", confidence)
        _set(self, "data_checked", data_checked)
        _set(self, "agency", agency)
        _set(self, "holds_certificate", holds_certificate)
        _set(self, "compact", compact)
        _set(self, "median_wage_usd", None if median_wage_usd is None else float(median_wage_usd))
        _set(self, "median_wage_period", median_wage_period)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "rank": self.rank,
            "state": self.state,
            "name": self.name,
            "verdict": self.verdict,
            "best_pathway": self.best_pathway,
            "best_pathway_name": self.best_pathway_name,
            "months": None if self.months is None else [self.months[0], self.months[1]],
            "months_complete": self.months_complete,
            "unestimated": list(self.unestimated),
            "cost_usd": None if self.cost_usd is None else [self.cost_usd[0], self.cost_usd[1]],
            "remaining_steps": self.remaining_steps,
            "next_step": self.next_step,
            "needs_teaching_license": self.needs_teaching_license,
            "needs_master": self.needs_master,
            "needs_exam": self.needs_exam,
            "confidence": self.confidence,
            "data_checked": self.data_checked,
            "agency": self.agency,
            "holds_certificate": self.holds_certificate,
            "compact": self.compact,
            "median_wage_usd": self.median_wage_usd,
            "median_wage_period": self.median_wage_period,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StateRow:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            rank=data["rank"],
            state=data["state"],
            name=data["name"],
            verdict=data["verdict"],
            best_pathway=data["best_pathway"],
            best_pathway_name=data["best_pathway_name"],
            months=None if data["months"] is None else (data["months"][0], data["months"][1]),
            months_complete=data["months_complete"],
            unestimated=list(data["unestimated"]),
            cost_usd=None
            if data["cost_usd"] is None
            else (data["cost_usd"][0], data["cost_usd"][1]),
            remaining_steps=data["remaining_steps"],
            next_step=data["next_step"],
            needs_teaching_license=data["needs_teaching_license"],
            needs_master=data["needs_master"],
            needs_exam=data["needs_exam"],
            confidence=data["confidence"],
            data_checked=data["data_checked"],
            agency=data["agency"],
            holds_certificate=data.get("holds_certificate", False),
            compact=data.get("compact"),
            median_wage_usd=data.get("median_wage_usd"),
            median_wage_period=data.get("median_wage_period"),
        )


# </generated>
