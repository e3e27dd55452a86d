"""A state's rules compiled once: thresholds, outcomes per bucket, and the tables decisions read.

Every number a rule (or a conflict reading, or an option of an any-of group) compares a profile
against becomes a threshold; a person's number becomes its bucket (``bisect``), so where a
profile stands on a requirement depends on a small tuple whose values the rules bound, not the
data. Outcomes are still worked out by ``checks.check_rule`` (one implementation of each rule),
once per bucket: ``tests/test_compiled.py`` checks every threshold at value - epsilon, value and
value + epsilon against the plain check.

A ``CompiledState`` owns every table the engine fills while it decides for many people (outcome
codes, standings, verdict shapes, plan steps and sketches). Nothing is module-global and nothing
is keyed by an object's ``id()``: a table lives as long as its compiled state.
"""

from __future__ import annotations

import operator
from bisect import bisect_right
from collections.abc import Callable, Iterator
from typing import NamedTuple

from lmspath.engine.checks import fields_read, governing_rule, is_manual
from lmspath.engine.outcomes import Codes, Outcome, OutcomeTable, outcome_of
from lmspath.engine.plan import PlanTables
from lmspath.model.profile import Profile
from lmspath.model.results import Verdict
from lmspath.model.rules import (
    AnyOfRequirement,
    CreditHoursRequirement,
    Estimates,
    ExamCatalog,
    ExamRequirement,
    LibraryYearsRequirement,
    Pathway,
    PracticumRequirement,
    Requirement,
    StateRules,
    TeachingYearsRequirement,
)

#: Profile fields holding a number a rule compares against a threshold, by requirement kind.
NUMERIC_FIELDS = {
    "credit_hours": "library_credit_hours",
    "teaching_years": "teaching_years",
    "school_library_years": "school_library_years",
    "practicum": "practicum_hours",
}
#: Fields naming a state: only none, this state or another one matters to a rule.
_STATE_FIELDS = frozenset({"teaching_license_state", "school_library_program_state"})

Reader = Callable[[Profile], object]


class Standing(NamedTuple):
    """Where the person stands on one pathway: what ranking and the verdict read."""

    audience: str
    complete: bool  # every requirement lmspath can check is met
    remaining_steps: int  # requirements not met, the ones the person confirms included
    open: bool  # nothing checkable is missing (some answers may be blank or unconfirmed)


class Shape(NamedTuple):
    """What follows from the standings alone: the top tier, the rest, and the verdict."""

    top: tuple[int, ...]
    rest: tuple[int, ...]
    verdict: Verdict
    because: int | None


class Threshold(NamedTuple):
    """One number a rule compares a profile field against (``field`` is ``exams:<id>`` for a
    cut score), and the requirement it comes from."""

    field: str
    value: float
    requirement: str


def _rules_inside(req: Requirement) -> Iterator[Requirement]:
    """The requirement, its any-of options and its conflict readings' rules, all the way down."""
    yield req
    if isinstance(req, AnyOfRequirement):
        for option in req.options:
            yield from _rules_inside(option)
    if req.conflict is not None:
        for reading in req.conflict.readings:
            if reading.rule is not None:
                yield from _rules_inside(reading.rule)


def thresholds_of(req: Requirement) -> tuple[Threshold, ...]:
    """Every number the requirement (with its options and readings) compares a profile against."""
    found: list[Threshold] = []
    for rule in _rules_inside(req):
        if isinstance(rule, CreditHoursRequirement | PracticumRequirement):
            if rule.min_hours is not None:
                found.append(Threshold(NUMERIC_FIELDS[rule.kind], rule.min_hours, rule.id))
        elif isinstance(rule, TeachingYearsRequirement | LibraryYearsRequirement):
            if rule.min_years is not None:
                found.append(Threshold(NUMERIC_FIELDS[rule.kind], rule.min_years, rule.id))
        elif isinstance(rule, ExamRequirement) and rule.cut_score is not None:
            found.append(Threshold(f"exams:{rule.exam}", rule.cut_score, rule.id))
    return tuple(found)


def exams_named(req: Requirement) -> tuple[str, ...]:
    """The exam ids the requirement's outcome can depend on: required ones and older versions."""
    names: list[str] = []
    for rule in _rules_inside(req):
        if isinstance(rule, ExamRequirement):
            names += [rule.exam, *rule.previous]
    return tuple(dict.fromkeys(names))


def number_bucket(value: float | None, cuts: tuple[float, ...]) -> int:
    """Which side of every threshold (and of zero: a rule with no stated amount counts none
    of it as missing) a number falls on; -1 when it is not given."""
    if value is None:
        return -1
    return 2 * bisect_right(cuts, value) + (value <= 0)


class _Buckets:
    """How one state reads each profile field: the value itself, or its bucket."""

    def __init__(self, rules: StateRules) -> None:
        self.state = rules.code
        numbers: dict[str, set[float]] = {}
        cuts: dict[str, set[float]] = {}
        exams: list[str] = []
        for pathway in rules.pathways:
            for req in pathway.requirements:
                for found in thresholds_of(req):
                    if found.field.startswith("exams:"):
                        cuts.setdefault(found.field[6:], set()).add(found.value)
                    else:
                        numbers.setdefault(found.field, set()).add(found.value)
                exams += exams_named(req)
        #: per numeric field, the sorted thresholds the state's rules compare it against
        self.numbers = {name: tuple(sorted(values)) for name, values in numbers.items()}
        #: per exam the rules name, the sorted cut scores they ask of it
        self.cuts = {exam: tuple(sorted(cuts.get(exam, ()))) for exam in dict.fromkeys(exams)}
        self._readers: dict[str, Reader] = {}

    def is_plain(self, name: str) -> bool:
        """The field is read as it is (a small set of values), not bucketed."""
        return not (
            name in NUMERIC_FIELDS.values()
            or name in _STATE_FIELDS
            or name in {"master_fields", "exams"}
        )

    def reader(self, name: str) -> Reader:
        """The function giving a profile's value of the field, bucketed as the rules need."""
        found = self._readers.get(name)
        if found is None:
            found = self._readers[name] = self._make(name)
        return found

    def _make(self, name: str) -> Reader:
        if name in NUMERIC_FIELDS.values():
            cuts = self.numbers.get(name, ())
            return lambda p: number_bucket(getattr(p, name), cuts)
        if name in _STATE_FIELDS:
            state = self.state
            return lambda p: _where(getattr(p, name), state)
        if name == "master_fields":
            return lambda p: None if p.master_fields is None else frozenset(p.master_fields)
        if name == "exams":
            scales = tuple(self.cuts.items())
            return lambda p: _exam_buckets(p, scales)
        return lambda p: getattr(p, name)


def _exam_buckets(p: Profile, cuts: tuple[tuple[str, tuple[float, ...]], ...]) -> object:
    """Per exam the rules name: not taken (0), passed with no score (1), or the bucket of the
    best score against its cut scores."""
    if p.exams is None:
        return None
    key: list[int] = []
    for exam, scale in cuts:
        scores = [e.score for e in p.exams if e.exam == exam]
        if not scores:
            key.append(0)
            continue
        given = [s for s in scores if s is not None]
        key.append(1 if not given else 2 + bisect_right(scale, max(given)))
    return tuple(key)


def _needs_national_board(pathway: Pathway) -> bool:
    """The pathway cannot be completed without National Board Certification."""
    for req in pathway.requirements:
        rule = governing_rule(req)
        if rule is not None and rule.kind == "national_board":
            return True
    return False


def _where(value: str | None, state: str) -> object:
    return value if value is None or value == "none" else value == state


class Node:
    """One requirement compiled: the bucketed fields it reads and its outcome per bucket."""

    __slots__ = ("manual", "outcomes", "read", "req")

    def __init__(self, req: Requirement, buckets: _Buckets) -> None:
        self.req = req
        readers = tuple(buckets.reader(name) for name in fields_read(req))
        self.read: Reader = (lambda p: tuple(r(p) for r in readers)) if readers else _nothing
        self.manual = is_manual(req)
        #: bucket tuple -> outcome code: bounded by the rules' thresholds and the fields' values
        self.outcomes: dict[object, int] = {}


def _nothing(p: Profile) -> object:
    return None


class CompiledState:
    """One state's rules, estimates and exam catalogue compiled for deciding for many people."""

    def __init__(
        self, rules: StateRules, estimates: Estimates, catalog: ExamCatalog | None = None
    ) -> None:
        self.rules = rules
        self.estimates = estimates
        self.catalog = catalog
        self.code = rules.code
        self.buckets = _Buckets(rules)
        #: outcome codes of this state's requirements (small ints that hash fast)
        self.outcome_table = OutcomeTable()
        self.pathways = tuple(
            tuple(Node(req, self.buckets) for req in pathway.requirements)
            for pathway in rules.pathways
        )
        #: step templates and plan sketches, by outcome codes and plan flags
        self.plans = PlanTables()
        # The fields any requirement reads, plain ones in one look-up, bucketed ones after.
        names = tuple(
            dict.fromkeys(
                name for nodes in self.pathways for node in nodes for name in fields_read(node.req)
            )
        )
        plain = tuple(n for n in names if self.buckets.is_plain(n))
        self._plain: Reader = operator.attrgetter(*plain) if plain else _nothing
        self._bucketed = tuple(self.buckets.reader(n) for n in names if n not in plain)
        #: outcome codes by bucket key (``key``)
        self._codes: dict[tuple[object, object], tuple[Codes, ...]] = {}
        #: per pathway: it cannot be completed without National Board Certification
        self.needs_board = tuple(_needs_national_board(p) for p in rules.pathways)
        #: per pathway: standings by outcome codes; verdict shapes by standings and reach
        self.standings: list[dict[Codes, Standing]] = [{} for _ in rules.pathways]
        self.shapes: dict[tuple[tuple[Standing, ...], tuple[bool, ...]], Shape] = {}

    def codes(self, p: Profile) -> tuple[Codes, ...]:
        """Every requirement's outcome as a code, pathway by pathway in the data's order."""
        key = (self._plain(p), tuple([read(p) for read in self._bucketed]))
        found = self._codes.get(key)
        if found is None:
            found = self._codes[key] = self._work_out(p)
        return found

    def _work_out(self, p: Profile) -> tuple[Codes, ...]:
        """``codes``, requirement by requirement (each outcome worked out once per bucket)."""
        state = self.code
        table = self.outcome_table
        out: list[Codes] = []
        for nodes in self.pathways:
            row: list[int] = []
            for node in nodes:
                key = node.read(p)
                code = node.outcomes.get(key)
                if code is None:
                    code = node.outcomes[key] = table.code(outcome_of(node.req, p, state))
                row.append(code)
            out.append(tuple(row))
        return tuple(out)

    def decode(self, codes: Codes) -> tuple[Outcome, ...]:
        """The outcomes the codes stand for."""
        return self.outcome_table.decode(codes)

    def thresholds(self) -> tuple[Threshold, ...]:
        """Every threshold of the state's rules (for tests and ``rules`` views)."""
        return tuple(
            found
            for pathway in self.rules.pathways
            for req in pathway.requirements
            for found in thresholds_of(req)
        )
