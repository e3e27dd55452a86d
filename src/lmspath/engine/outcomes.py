"""Outcomes: where a profile stands on each requirement, without the wording.

The verdict, the ranking of pathways, the structure of a plan and a batch results row depend
only on outcomes (and a few numbers of the profile). A state's rules are compiled once into a
``Program`` whose requirements each remember the outcome for the field values they read, and
outcomes travel as small-int codes so memo keys hash fast. The checks themselves are
``rules.check_rule``'s: there is one implementation of every rule.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import NamedTuple, cast

from lmspath.engine.checks import (
    check_rule,
    fields_read,
    governing_check,
    is_manual,
    reading_check,
    sources_disagree,
)
from lmspath.engine.memo import IdentityMemo
from lmspath.model.profile import Profile
from lmspath.model.results import RequirementResult, Status
from lmspath.model.rules import AnyOfRequirement, Requirement, StateRules


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


#: Every distinct outcome seen, by code. Outcomes are few (a status, the statuses of a rule's
#: readings and options), so small-int codes stand for them in memo keys and hash fast.
_OUTCOMES: list[Outcome] = []
_CODES: dict[Outcome, int] = {}
#: Per code, whether its outcome is met.
_MET: list[bool] = []

#: A pathway's outcomes as codes, in requirement order.
Codes = tuple[int, ...]


def outcome_code(outcome: Outcome) -> int:
    """The code that stands for this outcome (the same for equal outcomes)."""
    code = _CODES.get(outcome)
    if code is None:
        code = _CODES[outcome] = len(_OUTCOMES)
        _OUTCOMES.append(outcome)
        _MET.append(outcome.status == "met")
    return code


def unmet_codes(codes: Codes) -> Codes:
    """The codes with each met outcome replaced by -1: what a plan is built from."""
    met = _MET
    return tuple([-1 if met[code] else code for code in codes])


def decode(codes: Codes) -> tuple[Outcome, ...]:
    """The outcomes the codes stand for."""
    return tuple(_OUTCOMES[code] for code in codes)


class _Node:
    """One requirement compiled for fast look-ups: the fields it reads and its own memo."""

    __slots__ = ("manual", "memo", "read", "req")

    #: Outcomes remembered per requirement; cleared when full so memory stays bounded.
    LIMIT = 512

    def __init__(self, req: Requirement, state: str) -> None:
        self.req = req
        self.read = _reader(req, state)
        self.manual = is_manual(req)
        self.memo: dict[object, int] = {}


def _reader(req: Requirement, state: str) -> Callable[[Profile], object]:
    """The memo key of a requirement's outcome: the values of the fields it reads.

    A license's state matters only as none, this state or another one, so it is keyed that way:
    clients licensed in different other states share an outcome.
    """
    names = fields_read(req)
    if not names:
        return lambda p: None
    get = operator.attrgetter(*names)
    if "teaching_license_state" not in names:
        return get
    at = names.index("teaching_license_state")
    if len(names) == 1:
        return lambda p: _where(p.teaching_license_state, state)

    def read(p: Profile) -> object:
        values: tuple[object, ...] = get(p)
        where = values[at]
        if where is None or where == "none":
            return values
        return (*values[:at], where == state, *values[at + 1 :])

    return read


def _where(value: str | None, state: str) -> object:
    return value if value is None or value == "none" else value == state


class Program:
    """A state's rules compiled for scoring many profiles: outcomes memoised per requirement."""

    __slots__ = ("_lookups", "pathways", "rules")

    def __init__(self, rules: StateRules) -> None:
        self.rules = rules
        self.pathways = tuple(
            tuple(_Node(req, rules.code) for req in pathway.requirements)
            for pathway in rules.pathways
        )
        # Per pathway, each requirement's key reader and memo look-up, bound once.
        self._lookups = tuple(
            tuple((node.read, node.memo.get) for node in nodes) for nodes in self.pathways
        )

    def codes(self, p: Profile) -> tuple[Codes, ...]:
        """Every requirement's outcome as a code, pathway by pathway in the data's order."""
        out: list[Codes] = []
        for index, lookups in enumerate(self._lookups):
            found = tuple([get(read(p)) for read, get in lookups])
            if None in found:  # a requirement meets these values for the first time
                out.append(self._learn(index, p))
            else:
                out.append(cast(Codes, found))
        return tuple(out)

    def _learn(self, index: int, p: Profile) -> Codes:
        state = self.rules.code
        row: list[int] = []
        for node in self.pathways[index]:
            values = node.read(p)
            code = node.memo.get(values)
            if code is None:
                if len(node.memo) >= node.LIMIT:
                    node.memo.clear()  # the same dict: the bound look-ups stay valid
                code = node.memo[values] = outcome_code(outcome_of(node.req, p, state))
            row.append(code)
        return tuple(row)


_PROGRAMS: IdentityMemo[Program] = IdentityMemo(256)


def program(rules: StateRules) -> Program:
    """The compiled form of one state's rules (built once per rules object)."""
    hit = _PROGRAMS.get(id(rules))
    if hit is not None:
        return hit
    return _PROGRAMS.put(id(rules), (rules,), Program(rules))
