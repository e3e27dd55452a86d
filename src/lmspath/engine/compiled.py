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

from lmspath.engine.checks import (
    evaluate_requirement,
    fields_read,
    governing_rule,
    is_manual,
    pathway_result,
    source_refs,
)
from lmspath.engine.generations import Generations
from lmspath.engine.kinds import KINDS, NUMBER_FIELDS
from lmspath.engine.outcomes import Codes, Outcome, OutcomeTable, outcome_of
from lmspath.engine.plan import PlanTables, Sketch
from lmspath.model.frozen import tuple_getter
from lmspath.model.profile import Profile
from lmspath.model.results import PathwayResult, RequirementResult, Verdict
from lmspath.model.rules import (
    AnyOfRequirement,
    Estimates,
    ExamCatalog,
    ExamRequirement,
    Pathway,
    Requirement,
    StateRules,
)

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
    #: the standings and reach the shape was made for: one copy, which every decision of this
    #: shape holds (not one per client)
    standings: tuple[Standing, ...]
    reach: tuple[bool, ...]


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
    """Every number the requirement (with its options and readings) compares a profile against
    (each kind's own ``thresholds`` in ``kinds.KINDS``)."""
    return tuple(
        Threshold(field, value, rule.id)
        for rule in _rules_inside(req)
        for field, value in KINDS[rule.kind].thresholds(rule)
    )


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
            name in NUMBER_FIELDS or name in _STATE_FIELDS or name in {"master_fields", "exams"}
        )

    def reader(self, name: str) -> Reader:
        """The function giving a profile's value of the field, bucketed as the rules need."""
        found = self._readers.get(name)
        if found is None:
            found = self._readers[name] = self._make(name)
        return found

    def _make(self, name: str) -> Reader:
        if name in NUMBER_FIELDS:
            cuts = self.numbers.get(name, ())
            return lambda p: number_bucket(getattr(p, name), cuts)
        if name in _STATE_FIELDS:
            state = self.state
            return lambda p: _where(getattr(p, name), state)
        if name == "master_fields":
            # one set per distinct answer, shared by every key that holds it
            shared: dict[tuple[str, ...], frozenset[str]] = {}

            def read(p: Profile) -> object:
                given = p.master_fields
                if given is None:
                    return None
                found = shared.get(given)
                if found is None:
                    found = shared[given] = frozenset(given)
                return found

            return read
        if name == "exams":
            scales = tuple(self.cuts.items())
            return lambda p: _exam_buckets(p, scales)
        return lambda p: getattr(p, name)


def _exam_buckets(p: Profile, cuts: tuple[tuple[str, tuple[float, ...]], ...]) -> object:
    """Per exam the rules name: not taken (0), passed with no score (1), or the bucket of the
    best score against its cut scores."""
    if p.exams is None:
        return None
    best: dict[str, float | None] = {}
    for taken in p.exams:
        score = taken.score
        known = best.get(taken.exam)
        if score is not None and (known is None or score > known):
            best[taken.exam] = score
        elif taken.exam not in best:
            best[taken.exam] = None
    key: list[int] = []
    for exam, scale in cuts:
        if exam not in best:
            key.append(0)
            continue
        top = best[exam]
        key.append(1 if top is None else 2 + bisect_right(scale, top))
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
    """One requirement compiled: where the fields it reads sit in the state's bucket key, and
    its outcome per bucket."""

    __slots__ = ("manual", "outcomes", "pick", "raw", "req")

    def __init__(self, req: Requirement, names: tuple[str, ...]) -> None:
        self.req = req
        read = fields_read(req)
        at = [names.index(name) for name in read]
        #: the requirement's own part of the state's bucket key
        self.pick = _picker(at)
        #: the values of the fields it reads, as given: what its full result depends on
        self.raw: Callable[[Profile], tuple[object, ...]] = tuple_getter(read)
        self.manual = is_manual(req)
        #: bucket tuple -> outcome code: bounded by the rules' thresholds and the fields' values
        self.outcomes: dict[object, int] = {}


def _nothing(values: object) -> object:
    return None


def _picker(at: list[int]) -> Callable[[tuple[object, ...]], object]:
    """The values at these places of a bucket key (a tuple for several, the value for one)."""
    return operator.itemgetter(*at) if at else _nothing


class CompiledState:
    """One state's rules, estimates and exam catalogue compiled for deciding for many people."""

    #: Full requirement results kept young before the table ages itself (``evaluate``).
    RESULTS = 4096

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
        # The fields any requirement reads: plain ones first (one look-up), bucketed ones after.
        every = dict.fromkeys(
            name
            for pathway in rules.pathways
            for req in pathway.requirements
            for name in fields_read(req)
        )
        plain = tuple(n for n in every if self.buckets.is_plain(n))
        names = plain + tuple(n for n in every if n not in plain)
        self._plain: Callable[[Profile], tuple[object, ...]] = tuple_getter(plain)
        self._bucketed = tuple(self.buckets.reader(n) for n in names[len(plain) :])
        self.pathways = tuple(
            tuple(Node(req, names) for req in pathway.requirements) for pathway in rules.pathways
        )
        # Per pathway: its part of the bucket key, and its outcome codes by that part.
        self._picks = tuple(
            _picker(
                [
                    names.index(name)
                    for name in dict.fromkeys(f for r in p.requirements for f in fields_read(r))
                ]
            )
            for p in rules.pathways
        )
        self._rows: list[Generations[object, Codes]] = [Generations() for _ in rules.pathways]
        #: each distinct row of codes once: many bucket keys share a row (bounded by the rules)
        self._shared_rows: dict[Codes, Codes] = {}
        #: per pathway: plan sketches by outcome codes and plan flags (a shortcut past
        #: ``plan.sketch``'s own key, which is built from the unmet codes)
        self.sketches: list[Generations[tuple[Codes, tuple[bool, ...]], Sketch]] = [
            Generations() for _ in rules.pathways
        ]
        #: step templates and plan sketches, by outcome codes and plan flags
        self.plans = PlanTables()
        #: per pathway: it cannot be completed without National Board Certification
        self.needs_board = tuple(_needs_national_board(p) for p in rules.pathways)
        #: per pathway: standings by outcome codes; verdict shapes by standings and reach
        self.standings: list[Generations[Codes, Standing]] = [Generations() for _ in rules.pathways]
        self.shapes: dict[tuple[tuple[Standing, ...], tuple[bool, ...]], Shape] = {}
        #: full requirement results by pathway, requirement and the values of the fields it
        #: reads (``tests/test_requirement_results.py``: nothing else changes them)
        self._results: Generations[tuple[int, int, tuple[object, ...]], RequirementResult] = (
            Generations()
        )
        #: the state's sources as results cite them, by id
        self._source_refs = source_refs(rules)

    def evaluate(self, p: Profile) -> list[PathwayResult]:
        """``checks.evaluate`` of the profile, each requirement's result made once per values
        of the fields it reads (the wording quotes them, so they are not bucketed)."""
        if len(self._results) > self.RESULTS:
            self._results.age()
        table = self._results
        rules, catalog = self.rules, self.catalog
        out: list[PathwayResult] = []
        for i, (pathway, nodes) in enumerate(zip(rules.pathways, self.pathways, strict=True)):
            results: list[RequirementResult] = []
            for j, node in enumerate(nodes):
                key = (i, j, node.raw(p))
                found = table.get(key)
                if found is None:
                    found = table.put(
                        key, evaluate_requirement(node.req, p, rules, catalog, self._source_refs)
                    )
                results.append(found)
            out.append(pathway_result(pathway, results))
        return out

    def results_held(self) -> int:
        """The young requirement results (at most ``RESULTS`` and one profile's worth)."""
        return len(self._results)

    def age_results(self) -> None:
        """Age the requirement results (batch scoring keeps all states' within one budget)."""
        self._results.age()

    def codes(self, p: Profile) -> tuple[Codes, ...]:
        """Every requirement's outcome as a code, pathway by pathway in the data's order."""
        values = (*self._plain(p), *[read(p) for read in self._bucketed])
        out: list[Codes] = []
        for index, pick in enumerate(self._picks):
            key = pick(values)
            row = self._rows[index].get(key)
            if row is None:
                row = self._rows[index].put(key, self._row(index, p, values))
            out.append(row)
        return tuple(out)

    def _row(self, index: int, p: Profile, values: tuple[object, ...]) -> Codes:
        """One pathway's codes, requirement by requirement (each outcome once per bucket)."""
        state = self.code
        table = self.outcome_table
        row: list[int] = []
        for node in self.pathways[index]:
            key = node.pick(values)
            code = node.outcomes.get(key)
            if code is None:
                code = node.outcomes[key] = table.code(outcome_of(node.req, p, state))
            row.append(code)
        codes = tuple(row)
        return self._shared_rows.setdefault(codes, codes)

    def age_codes(self) -> None:
        """Age the outcome codes per pathway and the standings (``Generations``): small
        entries, many of them. Batch scoring calls this to keep memory within its budget."""
        for tables in (self.standings, self._rows):
            for table in tables:
                table.age()

    def age_sketches(self) -> None:
        """Age the plan sketches (few, but each holds its steps)."""
        for table in self.sketches:
            table.age()
        self.plans.sketches.age()

    def codes_held(self) -> int:
        """The young entries ``age_codes`` would age."""
        return sum(len(table) for tables in (self.standings, self._rows) for table in tables)

    def sketches_held(self) -> int:
        """The young sketches ``age_sketches`` would age."""
        return len(self.plans.sketches)

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
