"""The compiled state: each threshold of every rule is where the plain check changes, and a
compiled state shared by many people answers as a fresh one does."""

from __future__ import annotations

import random

import pytest

from lmspath.engine.assess import assess
from lmspath.engine.compiled import CompiledState, number_bucket
from lmspath.engine.outcomes import outcome_of
from lmspath.model.profile import ExamResult, Profile, build_profile
from lmspath.model.results import Assessment
from lmspath.model.states import JURISDICTIONS
from lmspath.store.check import exam_ids
from lmspath.store.load import available_states, exam_index, load_estimates, load_exams, load_state
from tests.helpers import TODAY


def _profiles(count: int, seed: int) -> list[tuple[str, Profile]]:
    """Profiles that vary every field the engine could read, scores close to the cut scores."""
    rng = random.Random(seed)
    index = exam_index()
    states = available_states()
    out: list[tuple[str, Profile]] = []
    for _ in range(count):
        code = rng.choice(states)
        exams = exam_ids(load_state(code))
        taken: list[str] = []
        for exam in exams:
            roll = rng.random()
            if roll < 0.3:
                taken.append(exam)
            elif roll < 0.6:
                scale = index.score_range(exam) or (100.0, 300.0)
                taken.append(f"{exam}:{rng.randint(int(scale[0]), int(scale[1]))}")
        raw: dict[str, object] = {
            "client_id": f"c{rng.randint(0, 9)}",
            "bachelor": rng.choice(["yes", "no", "in_progress", None]),
            "master": rng.choice(["yes", "no", "in_progress", None]),
            "master_fields": rng.choice(
                [None, "library_science", "school_library_media", "education; other", "other"]
            ),
            "master_ala_accredited": rng.choice(["yes", "no", None]),
            "school_library_program": rng.choice(["yes", "no", "in_progress", None]),
            "library_credit_hours": rng.choice([None, 0, 12, 15, 18, 21, 24, 30, 36]),
            "teaching_license_state": rng.choice([None, "none", code, "TX", "NY"]),
            "teaching_license_status": rng.choice(["active", "expired", "none", None]),
            "teaching_years": rng.choice([None, 0, 0.5, 1, 2, 3, 5, 12]),
            "school_library_years": rng.choice([None, 0, 1, 2, 3]),
            "exams": taken if rng.random() < 0.8 else None,
            "practicum_hours": rng.choice([None, 0, 40, 90, 120, 150, 300]),
            "portfolio": rng.choice(["none", "in_progress", "complete", None]),
            "background_check": rng.choice(["yes", "no", None]),
            "national_board": rng.choice(["yes", "no", None]),
            "tools": rng.choice([None, "Destiny; Canva"]),
            "skills": rng.choice([None, "cataloging"]),
        }
        out.append(
            (code, build_profile(raw, resolve_exam=index.resolve, score_range=index.score_range))
        )
    return out


_COMPILED: dict[str, CompiledState] = {}


def _shared(code: str) -> CompiledState:
    """One compiled state per state for the whole test run: its tables fill and are shared."""
    if code not in _COMPILED:
        _COMPILED[code] = CompiledState(load_state(code), load_estimates(), load_exams())
    return _COMPILED[code]


def _run(code: str, person: Profile, *, fresh: bool = False) -> Assessment:
    compiled = None if fresh else _shared(code)
    rules, estimates, catalog = load_state(code), load_estimates(), load_exams()
    return assess(person, rules, estimates, catalog, today=TODAY, compiled=compiled)


def test_shared_compiled_state_answers_as_a_fresh_one() -> None:
    people = _profiles(2500, seed=20261124)
    assert {code for code, _ in people} == set(JURISDICTIONS)
    shared = [_run(code, person) for code, person in people]  # tables fill and are shared
    assert sum(len(c.outcome_table) for c in _COMPILED.values()) > 0
    for (code, person), kept in zip(people, shared, strict=True):
        assert _run(code, person, fresh=True) == kept, (code, person)


def test_number_buckets() -> None:
    cuts = (3.0, 18.0)
    assert number_bucket(None, cuts) == -1
    # below zero and zero count as none of an amount; each threshold starts a new bucket
    assert number_bucket(-1, cuts) == number_bucket(0, cuts) != number_bucket(0.5, cuts)
    assert number_bucket(2.99, cuts) == number_bucket(0.5, cuts) != number_bucket(3, cuts)
    assert number_bucket(3, cuts) == number_bucket(17.9, cuts) != number_bucket(18, cuts)
    assert number_bucket(18, cuts) == number_bucket(1e9, cuts)


#: Profiles the thresholds are tried on: each field a threshold is about is set in turn.
_BASES: list[dict[str, object]] = [
    {"bachelor": "yes"},
    {
        "bachelor": "yes",
        "master": "yes",
        "master_fields": "library_science",
        "master_ala_accredited": "yes",
        "teaching_license_status": "active",
        "teaching_license_state": "none",
        "school_library_program": "yes",
        "exams": [],
    },
]
_EPSILON = 1e-6


def _near(value: float) -> list[float]:
    return [value - 1, value - _EPSILON, value, value + _EPSILON, value + 1]


@pytest.mark.parametrize("code", sorted(JURISDICTIONS))
def test_every_threshold_is_where_the_plain_check_changes(code: str) -> None:
    """At value - epsilon, value and value + epsilon of each threshold (and around zero), the
    outcome the compiled state remembers per bucket equals the plain check's, for every
    requirement of the state. The compiled state is shared across all values tried, so a
    bucket that put two sides of a threshold together would hand one side the other's
    outcome."""
    rules = load_state(code)
    compiled = CompiledState(rules, load_estimates(), load_exams())
    thresholds = compiled.thresholds()
    index = exam_index()
    tried = 0
    for base in _BASES:
        for found in thresholds:
            for value in [*_near(found.value), *_near(0.0)]:
                person = build_profile(
                    base, resolve_exam=index.resolve, score_range=index.score_range
                )
                if found.field.startswith("exams:"):
                    update: dict[str, object] = {
                        "exams": (ExamResult(exam=found.field[6:], score=value),)
                    }
                else:  # below zero too: the check reads whatever number it is given
                    update = {found.field: value}
                person = person.replace(**update)
                codes = compiled.codes(person)
                for nodes, row in zip(compiled.pathways, codes, strict=True):
                    got = compiled.decode(row)
                    want = tuple(outcome_of(node.req, person, code) for node in nodes)
                    assert got == want, (found, value)
                tried += 1
    assert tried >= 10 * len(thresholds) * len(_BASES)


def test_tables_are_bounded_by_the_rules() -> None:
    """However many people are decided, a requirement remembers at most one outcome per
    combination of its fields' buckets."""
    for code, person in _profiles(3000, seed=7):
        _shared(code).codes(person)
    for compiled in _COMPILED.values():
        for nodes in compiled.pathways:
            for node in nodes:
                assert len(node.outcomes) <= 5000


#: Values to try for each profile field, one field at a time (the rest stay as in the base).
ONE_AT_A_TIME: dict[str, list[object]] = {
    "bachelor": ["yes", "no", "in_progress", None],
    "master": ["yes", "no", "in_progress", None],
    "master_fields": ["library_science", "education", None],
    "master_ala_accredited": ["yes", "no", None],
    "school_library_program": ["yes", "no", "in_progress", None],
    "library_credit_hours": [0, 9, 18, 30, None],
    "teaching_license_state": ["none", "TX", None],
    "teaching_license_status": ["active", "expired", "none", None],
    "teaching_years": [0, 1, 1.5, 3, None],
    "school_library_years": [0, 1, 3, None],
    "exams": [[], None],
    "practicum_hours": [0, 30, 100, 500, None],
    "portfolio": ["none", "complete", None],
    "background_check": ["yes", "no", None],
    "national_board": ["yes", "no", None],
}


def test_profiles_differing_in_one_field_never_share_a_wrong_answer() -> None:
    from tests.helpers import ONLY_BACHELOR, profile

    bases = [
        dict(ONLY_BACHELOR),
        {**ONLY_BACHELOR, "teaching_license_status": "active", "teaching_years": 1},
        {**ONLY_BACHELOR, "master": "yes", "master_fields": "library_science"},
    ]
    people: list[tuple[str, Profile]] = []
    for code in available_states():
        for base in bases:
            for field, values in ONE_AT_A_TIME.items():
                for value in values:
                    people.append((code, profile(**{**base, field: value})))
    shared = [_run(code, person) for code, person in people]
    for (code, person), kept in zip(people, shared, strict=True):
        assert _run(code, person, fresh=True) == kept, (code, person)
