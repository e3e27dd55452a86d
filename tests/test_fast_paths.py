"""Batch scoring's fast paths give exactly the answers of the slow, plain ones.

Batch scoring parses cells through per-column memos, decides from outcomes (statuses without
wording) and fills plan sketches with each client's numbers. Each test here compares one of
those with the straightforward computation over thousands of varied inputs.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from lmspath.batch.cohort import RuleRef, Scored
from lmspath.batch.intake import Layout, RowParser, inspect_intake
from lmspath.batch.scorer import Scorer
from lmspath.engine.assess import assess, complete, decide, situation
from lmspath.engine.checks import evaluate, sources_disagree
from lmspath.engine.compiled import CompiledState
from lmspath.engine.outcomes import disputed, result_outcome
from lmspath.engine.plan import plan_pathway
from lmspath.model.profile import (
    FIELDS,
    LIMITS,
    FieldProblem,
    Profile,
    ProfileProblems,
    build_profile,
)
from lmspath.model.results import Assessment
from lmspath.model.states import JURISDICTIONS, resolve_state
from lmspath.store.load import available_states, exam_index, load_estimates, load_exams, load_state
from tests.helpers import TODAY, validated
from tests.test_compiled import _profiles

#: Cell values per column in the spellings intake files use: readable ones...
GOOD: dict[str, list[str]] = {
    "client_id": ["C1", "  C2 ", "", "=cmd"],
    "state": ["TX", "tx", "Texas", "new york", "NJ", "Puerto Rico", "ca"],
    "bachelor": ["yes", "Y", "no", "in progress", ""],
    "master": ["yes", "No", "in_progress", ""],
    "master_fields": ["library_science", "MLIS; education", "", "other;other"],
    "master_ala_accredited": ["yes", "false", ""],
    "school_library_program": ["yes", "no", "In-Progress", ""],
    "school_library_program_kind": ["school_library", "Teacher Preparation", ""],
    "school_library_program_state": ["TX", "california", ""],
    "program": ["tx-twu-mls-school-librarian", " KS-ESU-MLS-School-Library-Media ", ""],
    "library_credit_hours": ["0", "12", "18.5", "1,5", "", "1,000"],
    "teaching_license_state": ["TX", "none", "No", ""],
    "teaching_license_status": ["active", "expired", "none", "no", ""],
    "teaching_years": ["0", "2", "3.5", "2,5", ""],
    "school_library_years": ["0", "1", ""],
    "exams": ["praxis-5312", "Praxis 5312:160", "texes-150:250; 5312", ""],
    "practicum_hours": ["0", "40", "120", " 1,5 ", ""],
    "portfolio": ["none", "complete", "done", ""],
    "background_check": ["yes", "no", ""],
    "national_board": ["yes", "no", ""],
    "tools": ["Destiny; Canva", "", "  ;  ", "Sora"],
    "skills": ["cataloging", "", "reading promotion; copyright"],
    "library_certificate_state": ["FL", "", "none", "Oklahoma"],
    "library_certificate_kind": ["full", "provisional", "Standard", ""],
    "library_certificate_years": ["0", "4", "", "2,5"],
}
#: ... and unreadable ones (no state, a misspelt one, words for numbers, unknown exams).
BAD: dict[str, list[str]] = {
    "state": ["", "Texsa", "ZZ"],
    "bachelor": ["maybe"],
    "master": ["2"],
    "master_fields": ["basket weaving"],
    "master_ala_accredited": ["perhaps"],
    "school_library_program": ["x"],
    "school_library_program_kind": ["online"],
    "school_library_program_state": ["Narnia"],
    "program": ["Bad Id!", "-x"],
    "library_credit_hours": ["-3", "many", "1e9", "nan"],
    "teaching_license_state": ["Atlantis"],
    "teaching_license_status": ["lapsed"],
    "teaching_years": ["ten", "-1"],
    "school_library_years": ["x"],
    "exams": ["praxis-9999", "5312:x", "praxis-5312:999"],
    "practicum_hours": ["lots"],
    "portfolio": ["half"],
    "background_check": ["pending"],
    "national_board": ["?"],
    "library_certificate_state": ["Narnia"],
    "library_certificate_kind": ["lifetime"],
    "library_certificate_years": ["many"],
}


def _cell(rng: random.Random, name: str) -> str:
    if name in BAD and rng.random() < 0.03:
        return rng.choice(BAD[name])
    return rng.choice(GOOD[name])


def _reference_parse(
    cells: list[str], layout: Layout, available: set[str]
) -> Profile | list[FieldProblem]:
    """The plain way: build_profile on the row, then the row's state checks."""
    index = exam_index()
    raw = {}
    for name, column in sorted(layout.columns.items(), key=lambda item: item[1]):
        cell = cells[column]
        # In a ;-separated file, '1,5' in a number column means 1.5.
        if name in LIMITS and layout.delimiter == ";" and re.fullmatch(r"\s*\d+,\d+\s*", cell):
            cell = cell.replace(",", ".")
        raw[name] = cell
    problems: list[FieldProblem] = []
    result: Profile | None = None
    try:
        result = build_profile(raw, resolve_exam=index.resolve, suggest_exam=index.suggest)
    except ProfileProblems as exc:
        problems.extend(exc.problems)
    if not any(p.field == "state" for p in problems):
        code = resolve_state(raw["state"].strip()) if raw["state"].strip() else None
        if not raw["state"].strip():
            problems.append(FieldProblem("state", "not given; every row needs a state"))
        elif code is not None and code not in available:
            problems.append(
                FieldProblem("state", f"no rules data for {code} ({JURISDICTIONS[code]}) yet")
            )
    if problems:
        order = layout.columns
        return sorted(problems, key=lambda p: order.get(p.field, -1))
    assert result is not None
    return result


def _layout(tmp_path: Path, header: list[str], delimiter: str) -> Layout:
    path = tmp_path / "intake.csv"
    path.write_text(delimiter.join(header) + "\n", encoding="utf-8")
    return inspect_intake(path)


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_memoised_cell_parsing_equals_build_profile(tmp_path: Path, delimiter: str) -> None:
    rng = random.Random(7)
    header = list(FIELDS)
    rng.shuffle(header)
    layout = _layout(tmp_path, header, delimiter)
    assert layout.delimiter == delimiter
    available = set(available_states()) - {"NJ"}  # one state without data, as a test set-up
    index = exam_index()
    parser = RowParser(layout, available, index.resolve, index.suggest)
    free = frozenset({"client_id", "tools", "skills"})
    lean = RowParser(layout, available, index.resolve, index.suggest, skip=free)
    seen_problems = seen_profiles = 0
    for _ in range(3000):
        cells = [_cell(rng, name) for name in header]
        got = parser.parse(cells)
        want = _reference_parse(cells, layout, available)
        assert got == want, cells
        if isinstance(got, Profile):
            assert isinstance(want, Profile)
            assert got.to_json() == want.to_json()
        # Skipping free-text columns loses no problem and changes nothing else.
        skipped = lean.parse(cells)
        if isinstance(want, list):
            assert skipped == want
        else:
            assert skipped == want.replace(**dict.fromkeys(free))
        if isinstance(got, list):
            seen_problems += 1
        else:
            seen_profiles += 1
            # what the row parser made is a profile the schema accepts as it is
            assert validated(Profile, got.to_json()) == got
    assert seen_problems > 300
    assert seen_profiles > 300


# --- decisions -----------------------------------------------------------------------------------


def test_decisions_agree_with_plain_evaluation() -> None:
    """Outcomes, standings and the best route's plan match the plain, unmemoised computation.

    (``assess`` takes its verdict, ranking and plan from ``decide``, so comparing the two would
    prove nothing; each check here is against ``evaluate`` or ``plan_pathway`` instead.)
    """
    estimates, catalog = load_estimates(), load_exams()
    people = _profiles(2500, seed=11)
    compiled = {code: CompiledState(load_state(code), estimates, catalog) for code, _ in people}
    for code, person in people:
        rules = load_state(code)
        decision = decide(person, compiled[code])
        results = evaluate(person, rules, catalog)
        for outcomes, result, standing in zip(
            decision.outcomes, results, decision.standings, strict=True
        ):
            assert outcomes == tuple(result_outcome(r) for r in result.requirements)
            assert (standing.complete, standing.remaining_steps) == (
                result.complete,
                result.remaining_steps,
            )
        sketch = decision.sketch(decision.best)
        plan = plan_pathway(results[decision.best], rules, estimates, person, catalog)
        assert sketch.plan(person) == plan
        # The sketch's shortcuts give what its full plan says.
        assert sketch.months(person) == plan.months
        assert sketch.first_title(person) == plan.steps[0].title


def test_a_situations_decision_completed_for_anyone_in_it_is_their_own(tmp_path: Path) -> None:
    """A batch keeps one decision per situation (the best class only) and completes it for
    each client's plan: for everyone in the situation that gives their own decision, report
    and plan, including people whose numbers rank the routes another way."""
    from lmspath.api.assess import Format, assessment_for, render_text

    estimates, catalog = load_estimates(), load_exams()
    scorer = Scorer(_layout(tmp_path, list(FIELDS), ","), TODAY, skills=True)
    compiled: dict[str, CompiledState] = {}
    groups: dict[tuple[object, ...], list[Profile]] = {}
    for code, person in _profiles(3000, seed=5):
        state = compiled.get(code) or compiled.setdefault(
            code, CompiledState(load_state(code), estimates, catalog)
        )
        key = (code, state.codes(person), situation(person, code))
        groups.setdefault(key, []).append(person)
    shared = [(str(key[0]), people) for key, people in groups.items() if len(people) > 1]
    assert len(shared) > 100
    reordered = 0
    for code, people in shared:
        state = compiled[code]
        kept = decide(people[0], state, rank_rest=False)
        scorer._base(people[0].replace(**{"state": code}))
        for person in people[1:]:
            own = decide(person, state)
            assert complete(kept, person, state) == own
            if own.order != decide(people[0], state).order:
                reordered += 1
                # the scorer completes the decision it keeps for the situation
                client = person.replace(**{"state": code})
                scorer._base(client)
                want = render_text(assessment_for(client, code, today=TODAY), Format.markdown)
                assert scorer._plan_bytes(client) == want.encode("utf-8")
            assert assess(
                person,
                state.rules,
                estimates,
                catalog,
                today=TODAY,
                compiled=state,
                situation_decision=kept,
            ) == assess(person, state.rules, estimates, catalog, today=TODAY, compiled=state)
    assert reordered > 0  # some people in one situation rank its routes another way


def _summarise(result: Assessment) -> Scored:
    """A results row's facts read off the full report, the plain way."""
    best = next(p for p in result.pathways if p.id == result.best_pathway)

    def refs(keep: str) -> tuple[RuleRef, ...]:
        out = []
        for req in best.requirements:
            statuses = {r.status for r in req.conflict.readings} if req.conflict else set()
            if (
                (keep == "missing" and req.status == "missing")
                or (keep == "not_confirmed" and req.status == "not_confirmed")
                or (keep == "not_given" and req.status == "not_given" and not req.manual)
                or (keep == "disputed" and sources_disagree(tuple(statuses)))
            ):
                out.append(RuleRef(result.state, req.id, req.text, req.kind))
        return tuple(out)

    return Scored(
        state=result.state,
        verdict=result.verdict,
        best_pathway=result.best_pathway,
        remaining_steps=best.remaining_steps,
        months=result.plan.months,
        next_step=result.plan.steps[0].title,
        missing=refs("missing"),
        not_confirmed=refs("not_confirmed"),
        not_given=refs("not_given"),
        disputed=refs("disputed"),
        total_complete=result.plan.complete,
    )


def test_batch_rows_equal_rows_read_off_full_reports(tmp_path: Path) -> None:
    people = _profiles(2500, seed=12)
    layout = _layout(tmp_path, list(FIELDS), ",")
    scorer = Scorer(layout, TODAY, skills=False, cache_size=64)  # small: misses and hits both
    estimates, catalog = load_estimates(), load_exams()
    for code, person in people:
        person = person.replace(**{"state": code})
        got = scorer._base(person).scored
        want = _summarise(assess(person, load_state(code), estimates, catalog, today=TODAY))
        assert got == want, (code, person)
    assert 0 < scorer.assessed < len(people)


def test_disputed_means_readings_disagree() -> None:
    from lmspath.engine.outcomes import Outcome

    assert disputed(Outcome("met", ("met", "missing"), ()))
    assert not disputed(Outcome("met", ("met", "met"), ()))
    # a reading the person meets and one left for them to confirm: nothing to warn about
    assert not disputed(Outcome("met", ("met", "not_given"), ()))
    assert not disputed(Outcome("missing", (), ()))


# --- skills gaps ---------------------------------------------------------------------------------


def test_summary_gaps_equal_the_reports_first_gaps(tmp_path: Path) -> None:
    """Batch works out only the first gaps; they equal the full skills section's."""
    from lmspath.skills.report import have_ids, match, skills_report
    from lmspath.store.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    words = [a for item in taxonomy.items for a in (item.id, item.name, *item.aliases[:2])]
    words += ["Mandarin", "basket weaving", "", "  ", "Destiny Discover", "canva"]
    catalog = load_exams()
    exams = [None, *catalog.exams]
    layout = _layout(tmp_path, list(FIELDS), ",")
    scorer = Scorer(layout, TODAY, skills=True, cache_size=32)
    rng = random.Random(5)
    for _ in range(600):
        tools = tuple(rng.sample(words, rng.randint(0, 4))) or None
        skills = tuple(rng.sample(words, rng.randint(0, 3))) or None
        exam = rng.choice(exams)
        person = Profile(state="TX", tools=tools, skills=skills)
        report = skills_report(person, taxonomy, exam, catalog.sources)
        found = match(tools, skills, taxonomy)
        assert have_ids(tools, skills, taxonomy) == {m.item_id for m in found.matches}
        want = (
            tuple((g.id, g.name) for g in report.gaps[: report.show_top]) if report.given else None
        )
        assert scorer._gaps(person, exam.id if exam else None) == want, (tools, skills, exam)
