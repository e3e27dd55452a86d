"""A requirement's full result (status, wording, sources, readings, options) depends only on
the profile fields the kinds table says it reads (``checks.fields_read``), so a compiled state
may keep results by those fields' values; and the kept results are the plain check's."""

from __future__ import annotations

import random

from lmspath.engine.checks import evaluate, evaluate_requirement, fields_read
from lmspath.engine.compiled import CompiledState
from lmspath.model.profile import FIELDS, Profile
from lmspath.store.load import available_states, load_estimates, load_exams, load_state
from tests.test_compiled import _profiles

#: Fields ``_profiles`` leaves alone, varied here so every field of a profile changes.
_MORE: dict[str, list[object]] = {
    "school_library_program_kind": [None, "school_library", "teacher_preparation"],
    "school_library_program_state": [None, "TX", "NY", "OH"],
    "library_certificate_state": [None, "none", "TX", "CA"],
    "library_certificate_kind": [None, "full", "provisional"],
    "library_certificate_years": [None, 0.0, 2.0, 6.0],
    "program": [None, "tx-twu-mls-school-librarian"],
}


def _people(count: int, seed: int) -> list[tuple[str, Profile]]:
    rng = random.Random(seed)
    return [
        (code, person.replace(**{name: rng.choice(values) for name, values in _MORE.items()}))
        for code, person in _profiles(count, seed)
    ]


def test_a_requirements_result_reads_only_the_fields_it_names() -> None:
    catalog = load_exams()
    people = _people(600, seed=21)
    others = _people(600, seed=22)
    checked = 0
    for (code, person), (_, other) in zip(people, others, strict=True):
        rules = load_state(code)
        for pathway in rules.pathways:
            for req in pathway.requirements:
                read = set(fields_read(req))
                # everything the requirement does not read comes from someone else
                mixed = other.replace(**{name: getattr(person, name) for name in read})
                assert set(FIELDS) - read - {"client_id"}, "some field is left to change"
                want = evaluate_requirement(req, person, rules, catalog)
                assert evaluate_requirement(req, mixed, rules, catalog) == want, (code, req.id)
                checked += 1
    assert checked > 5000


def test_results_kept_by_a_compiled_state_are_the_plain_checks() -> None:
    catalog, estimates = load_exams(), load_estimates()
    compiled = {
        code: CompiledState(load_state(code), estimates, catalog) for code in available_states()
    }
    tight = CompiledState(load_state("TX"), estimates, catalog)
    tight.RESULTS = 8  # ages all the time: old results found again, new ones made
    size = sum(len(p.requirements) for p in tight.rules.pathways)
    for code, person in _people(1500, seed=23):
        rules = load_state(code)
        want = evaluate(person, rules, catalog)
        assert compiled[code].evaluate(person) == want
        assert compiled[code].evaluate(person) == want  # found, the same
        tx = person.replace(state="TX")
        assert tight.evaluate(tx) == evaluate(tx, tight.rules, catalog)
        assert tight.results_held() <= 8 + size
    assert sum(state.results_held() for state in compiled.values()) > 0
