"""The engine's memos never change an answer: memoised assessments equal fresh ones."""

from __future__ import annotations

import random

from lmspath.engine.assess import _MEMOS, assess
from lmspath.engine.checks import _PATHWAYS, _RESULTS
from lmspath.engine.outcomes import _PROGRAMS
from lmspath.engine.plan import _APPLICATIONS, _SKETCHES, _STEPS
from lmspath.model.profile import Profile, build_profile
from lmspath.model.results import Assessment
from lmspath.model.states import JURISDICTIONS
from lmspath.store.check import exam_ids
from lmspath.store.load import available_states, exam_index, load_estimates, load_exams, load_state
from tests.helpers import TODAY


def _clear() -> None:
    for memo in (_RESULTS, _PATHWAYS, _SKETCHES, _STEPS, _APPLICATIONS, _PROGRAMS, _MEMOS):
        memo.clear()


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


def _run(code: str, person: Profile) -> Assessment:
    return assess(person, load_state(code), load_estimates(), load_exams(), today=TODAY)


def test_memoised_assessments_equal_fresh_ones() -> None:
    people = _profiles(2500, seed=20261124)
    assert {code for code, _ in people} == set(JURISDICTIONS)
    _clear()
    memoised = [_run(code, person) for code, person in people]  # memos fill and are shared
    assert len(_RESULTS) > 0
    for (code, person), kept in zip(people, memoised, strict=True):
        _clear()
        assert _run(code, person) == kept, (code, person)


def test_memo_is_bounded() -> None:
    from lmspath.engine.memo import IdentityMemo

    memo: IdentityMemo[int] = IdentityMemo(limit=3)
    for n in range(10):
        anchor = object()
        memo.put((id(anchor), n), (anchor,), n)
        assert len(memo) <= 3
        assert memo.get((id(anchor), n)) == n
    # Anchors are held while their entry lives, so their ids cannot be taken by new objects.
    assert len(memo._alive) <= 3


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
    _clear()
    memoised = [_run(code, person) for code, person in people]
    for (code, person), kept in zip(people, memoised, strict=True):
        _clear()
        assert _run(code, person) == kept, (code, person)
