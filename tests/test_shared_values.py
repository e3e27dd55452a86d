"""Values many clients share are held once: memory at a million rows is bounded by the rules,
so what the tables keep must not be a fresh copy per client."""

from __future__ import annotations

from lmspath.engine.compiled import CompiledState
from lmspath.engine.plan import plan_flags
from lmspath.model.profile import Profile
from lmspath.store.load import load_estimates, load_exams, load_state
from tests.test_compiled import _profiles


def _expected_flags(p: Profile, state: str) -> tuple[bool, bool, bool, bool, bool, bool]:
    """The plan flags as their definition states them."""
    where = p.teaching_license_state
    return (
        p.master == "in_progress",
        p.school_library_program == "in_progress",
        p.teaching_license_status == "expired",
        p.teaching_license_status == "active" and where not in {None, "none", state},
        p.bachelor in {"no", "in_progress"}
        and p.master in {"no", None}
        and p.teaching_license_status not in {"active", "expired"},
        p.bachelor == "in_progress" and p.master in {"no", None},
    )


def test_plan_flags_are_the_definition_and_one_object_per_value() -> None:
    seen: dict[tuple[bool, ...], tuple[bool, ...]] = {}
    for code, person in _profiles(1500, seed=11):
        flags = plan_flags(person, code)
        assert flags == _expected_flags(person, code)
        assert seen.setdefault(flags, flags) is flags, "equal flags are the same object"
    assert len(seen) >= 8


def test_situations_are_the_definition_and_one_object_per_value() -> None:
    from lmspath.engine.assess import holds_other_certificate, national_board_ready, situation

    seen: dict[tuple[object, ...], tuple[object, ...]] = {}
    for code, person in _profiles(1500, seed=12):
        found = situation(person, code)
        assert found == (
            _expected_flags(person, code),
            national_board_ready(person),
            holds_other_certificate(person, code),
        )
        assert seen.setdefault(found, found) is found, "equal situations are the same object"
    assert len(seen) >= 8


def test_equal_outcome_rows_and_master_fields_are_shared() -> None:
    people = [(c, p) for c, p in _profiles(3000, seed=5) if c == "TX"]
    compiled = CompiledState(load_state("TX"), load_estimates(), load_exams())
    rows: dict[tuple[int, ...], tuple[int, ...]] = {}
    for _, person in people:
        for row in compiled.codes(person):
            assert rows.setdefault(row, row) is row, "an equal row of codes is the same object"
    reader = compiled.buckets.reader("master_fields")
    held = [reader(p) for _, p in people if p.master_fields is not None]
    assert held
    by_value: dict[object, object] = {}
    for value in held:
        assert by_value.setdefault(value, value) is value


def test_plan_sketches_share_equal_steps() -> None:
    from lmspath.engine.assess import decide
    from lmspath.engine.steps import draft_value

    compiled = CompiledState(load_state("OH"), load_estimates(), load_exams())
    drafts = []
    for _, person in _profiles(1500, seed=3):
        decision = decide(person.replace(state="OH"), compiled)
        drafts += [d for sketch in decision.sketches if sketch for d in sketch.drafts]
    by_value: dict[tuple[object, ...], object] = {}
    for draft in drafts:
        assert by_value.setdefault(draft_value(draft), draft) is draft, "one step per value"
    assert len(by_value) < len(drafts) // 5


def test_decisions_of_one_shape_share_its_standings_and_reach() -> None:
    from lmspath.engine.assess import decide

    compiled = CompiledState(load_state("TX"), load_estimates(), load_exams())
    first: dict[object, tuple[object, object]] = {}
    decisions = [decide(p.replace(state="TX"), compiled) for _, p in _profiles(800, seed=9)]
    for decision in decisions:
        standings, reach = first.setdefault(
            (decision.standings, decision.reach), (decision.standings, decision.reach)
        )
        assert decision.standings is standings
        assert decision.reach is reach
    assert len(first) < len(decisions)
