"""The pure engine and planner on the shipped rules: verdicts, statuses, conflicts, plan order."""

from __future__ import annotations

from lmspath.engine.assess import assess
from lmspath.engine.checks import evaluate
from lmspath.engine.plan import plan_pathway
from lmspath.model.rules import StateRules
from lmspath.store.load import load_estimates, load_exams, load_state
from tests.helpers import TODAY, pathway, profile, requirement, run, validated

TEACHER = {
    "bachelor": "yes",
    "teaching_license_state": "TX",
    "teaching_license_status": "active",
    "teaching_years": 4,
}
READY = {
    **TEACHER,
    "master": "yes",
    "school_library_program": "yes",
    "exams": "texes-150:250",
}


def test_tx_conflict_shown_with_both_readings() -> None:
    result = run("TX", **{**READY, "teaching_license_status": "none"})
    cert = requirement(pathway(result, "university-program"), "teaching-certificate")
    assert cert.status == "met"  # the rule text (19 TAC 239.60) governs
    assert cert.conflict is not None
    statuses = [r.status for r in cert.conflict.readings]
    assert statuses == ["missing", "met"]
    assert "you already meet this" in cert.conflict.outcome
    assert any("19 TAC 239.60" in s.title for r in cert.conflict.readings for s in r.sources)
    assert "lmspath goes by: Not required by the rule text" in cert.conflict.outcome
    assert any("Sources disagree" in w for w in result.warnings)


def test_tx_out_of_state_route_never_wins_for_a_beginner() -> None:
    # The out-of-state route rests on another state's certificate, which the profile cannot show.
    result = run("TX", **{**READY, "teaching_license_status": "none", "teaching_years": 0})
    assert result.best_pathway != "out-of-state"
    assert result.verdict == "not_yet"


def test_plan_order_and_overlap_for_a_new_teacher() -> None:
    result = run("TX", **{**TEACHER, "master": "no", "teaching_years": 1, "exams": ""})
    kinds = [s.kind for s in result.plan.steps]
    assert kinds == ["master", "teaching_experience", "exam", "application"]
    master, experience, exam, application = result.plan.steps
    # Teaching years accrue while the coursework runs: neither waits for the other.
    assert master.order not in experience.after
    assert experience.months == (12, 12)
    # The exam comes at the end of the program; the application waits for everything.
    assert exam.after == [master.order]
    assert application.after == [1, 2, 3]
    assert application.link is not None
    assert application.link.startswith("https://tea.texas.gov")
    # Critical path: the longer of the MLIS (18-36) and 12 months of teaching, not their sum.
    assert result.plan.months == (18, 36)
    assert result.plan.cost_usd is not None
    assert "Pass" in result.plan.total_note


def test_plan_for_eligible_person_is_just_the_application() -> None:
    result = run("TX", **READY)
    assert [s.kind for s in result.plan.steps] == ["application"]
    # The $75 application and TEA's $49 fingerprint check, paid with it (no route names a
    # background check of its own, and TEA fingerprints every applicant).
    assert result.plan.steps[0].cost_usd == (124, 124)


def _tx_with_governs(governs: str) -> StateRules:
    raw = load_state("TX").to_json()
    for path in raw["pathways"][:2]:
        for req in path["requirements"]:
            if req["conflict"] is not None:
                req["conflict"]["governs"] = governs
    return validated(StateRules, raw)


def test_teaching_experience_waits_for_a_license() -> None:
    # Under the programs' stricter reading (UT Austin, UH-Clear Lake) the licence is a step of its
    # own, and the teaching years can only start once it is held.
    person = profile(bachelor="yes", teaching_license_status="none", teaching_years=0, master="no")
    result = assess(
        person, _tx_with_governs("requirement"), load_estimates(), load_exams(), today=TODAY
    )
    steps = {s.kind: s for s in result.plan.steps}
    assert steps["teaching_experience"].after == [steps["teaching_license"].order]
    # Getting a license has a sourced estimate, counted on the critical path before the years.
    license_step = steps["teaching_license"]
    assert license_step.months is not None
    assert result.plan.complete
    assert result.plan.months is not None
    assert result.plan.months[0] >= license_step.months[0] + 24


def test_tx_beginner_without_a_license_is_told_how_teaching_years_are_earned() -> None:
    # Under the governing rule text no licence step is planned, but the teaching-years requirement
    # says a Texas district may employ a teacher only with a certificate or permit (TEC 21.003(a),
    # quoted by the SBOE, April 2023), and the programs' certificate reading stays visible:
    # https://sboedev.tea.texas.gov/state-board-of-education/sboe-2023/sboe-2023-april/april-2023-committee-on-school-initiatives-item-3
    result = run(
        "TX", bachelor="yes", teaching_license_status="none", teaching_years=0, master="no"
    )
    assert result.verdict == "not_yet"
    kinds = [s.kind for s in result.plan.steps]
    assert "teaching_license" not in kinds
    assert "teaching_experience" in kinds
    years = requirement(pathway(result, result.best_pathway), "teaching-years")
    assert years.status == "missing"
    assert years.note is not None
    assert "21.003(a)" in years.note
    cert = requirement(pathway(result, result.best_pathway), "teaching-certificate")
    assert cert.conflict is not None
    assert [r.status for r in cert.conflict.readings] == ["missing", "met"]


def test_stale_rules_warn() -> None:
    from lmspath.store.load import load_estimates, load_exams, load_state

    later = TODAY.replace(year=TODAY.year + 2)
    result = assess(profile(**READY), load_state("TX"), load_estimates(), load_exams(), today=later)
    assert any("last checked" in w for w in result.warnings)
    assert not any("last checked" in w for w in run("TX", **READY).warnings)


def test_state_override_is_warned_when_profile_names_another() -> None:
    result = run("TX", state="FL", **READY)
    assert any("profile names FL" in w for w in result.warnings)


def test_evaluate_and_plan_are_pure_functions() -> None:
    from lmspath.store.load import load_estimates, load_exams, load_state

    rules = load_state("TX")
    person = profile(**TEACHER)
    first = evaluate(person, rules, load_exams())
    assert first == evaluate(person, rules, load_exams())
    plan = plan_pathway(first[0], rules, load_estimates(), person, load_exams())
    assert plan == plan_pathway(first[0], rules, load_estimates(), person, load_exams())


def test_conflict_governed_by_the_other_reading_decides_status_and_plan() -> None:
    # The shipped TX data lets the rule text govern (19 TAC 239.60 names no certificate).
    person = profile(**{**READY, "teaching_license_status": "none"})
    result = run("TX", **{**READY, "teaching_license_status": "none"})
    cert = requirement(pathway(result, "university-program"), "teaching-certificate")
    assert cert.status == "met"  # the rule text, which names no certificate, governs
    assert cert.conflict is not None
    assert [r.status for r in cert.conflict.readings] == ["missing", "met"]
    assert "lmspath goes by: Not required by the rule text" in cert.conflict.outcome
    assert result.verdict == "eligible"
    assert [s.kind for s in result.plan.steps] == ["application"]
    # The same data with the requirement's own (stricter) reading governing blocks the person.
    rules = _tx_with_governs("requirement")
    strict = assess(person, rules, load_estimates(), load_exams(), today=TODAY)
    strict_cert = requirement(pathway(strict, "university-program"), "teaching-certificate")
    assert strict_cert.status == "missing"
    assert strict.verdict == "not_yet"
