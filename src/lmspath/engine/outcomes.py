"""Outcomes: where a profile stands on each requirement, without the wording.

The verdict, the ranking of pathways, the structure of a plan and a batch results row depend
only on outcomes (and a few numbers of the profile). Outcomes travel as small-int codes
(``OutcomeTable``, one per compiled state) so keys hash fast. The checks themselves are
``checks.check_rule``'s: there is one implementation of every rule.
"""

from __future__ import annotations

from typing import NamedTuple

from lmspath.engine.checks import check_rule, governing_check, reading_check, sources_disagree
from lmspath.model.profile import Profile
from lmspath.model.results import RequirementResult, Status
from lmspath.model.rules import AnyOfRequirement, Requirement


class Outcome(NamedTuple):
    """Where a profile stands on one requirement, without the "you have" wording.

    The verdict, the ranking of pathways, the structure of a plan and a batch results row depend
    only on outcomes (and, for plan step titles and times, a few numbers of the profile), so
    clients whose answers differ only in wording share them.
    """

    status: Status
    #: statuses under the stated rule and under each other reading when sources disagree, else ()
    readings: tuple[Status, ...]
    #: the outcome of each option of an any-of group, else ()
    options: tuple[Outcome, ...]


def outcome_of(req: Requirement, p: Profile, state: str) -> Outcome:
    """The requirement's outcome for this profile; the same checks ``evaluate_requirement`` makes.

    Statuses never depend on the exam catalogue (it only names exams in the wording).
    """
    main = check_rule(req, p, state)
    readings: tuple[Status, ...] = ()
    if req.conflict is not None:
        readings = (
            main.status,
            *(reading_check(r, main, p, state, None).status for r in req.conflict.readings),
        )
    status = governing_check(req, main, p, state, None).status
    options = (
        tuple(outcome_of(opt, p, state) for opt in req.options)
        if isinstance(req, AnyOfRequirement)
        else ()
    )
    return Outcome(status, readings, options)


def result_outcome(result: RequirementResult) -> Outcome:
    """The outcome a full requirement result records (equal to ``outcome_of`` for it)."""
    readings = (
        tuple(r.status for r in result.conflict.readings) if result.conflict is not None else ()
    )
    return Outcome(result.status, readings, tuple(result_outcome(o) for o in result.options))


def disputed(outcome: Outcome) -> bool:
    """Sources disagree on whether this person meets the requirement."""
    return sources_disagree(outcome.readings)


#: A pathway's outcomes as codes, in requirement order.
Codes = tuple[int, ...]


class OutcomeTable:
    """Small-int codes for outcomes: a state's outcomes are few (a status, the statuses of a
    rule's readings and options), and codes stand for them in keys and hash fast."""

    __slots__ = ("_codes", "_met", "_outcomes")

    def __init__(self) -> None:
        self._outcomes: list[Outcome] = []
        self._codes: dict[Outcome, int] = {}
        #: per code, whether its outcome is met
        self._met: list[bool] = []

    def code(self, outcome: Outcome) -> int:
        """The code that stands for this outcome (the same for equal outcomes)."""
        code = self._codes.get(outcome)
        if code is None:
            code = self._codes[outcome] = len(self._outcomes)
            self._outcomes.append(outcome)
            self._met.append(outcome.status == "met")
        return code

    def unmet(self, codes: Codes) -> Codes:
        """The codes with each met outcome replaced by -1: what a plan is built from."""
        met = self._met
        return tuple([-1 if met[code] else code for code in codes])

    def decode(self, codes: Codes) -> tuple[Outcome, ...]:
        """The outcomes the codes stand for."""
        return tuple(self._outcomes[code] for code in codes)

    def __len__(self) -> int:
        return len(self._outcomes)
