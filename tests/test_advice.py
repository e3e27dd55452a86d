"""Advice a careful counselor would give, as properties over all 51 jurisdictions and five
everyday people (tests/advice_grid.py): each property names the failures it finds."""

from __future__ import annotations

import pytest

from lmspath.engine.assess import decide
from lmspath.engine.compiled import CompiledState
from lmspath.model.results import Plan
from lmspath.model.states import JURISDICTIONS
from lmspath.store.load import load_estimates, load_exams, load_state
from tests.advice_grid import Finding, findings
from tests.helpers import ONLY_BACHELOR, pathway, profile, requirement, run

PROPERTIES = (
    "background-check",  # the background-check answer never changes the major steps
    "monotone",  # having strictly more never gives a longer plan or a worse verdict
    "national-board",  # no best route needs National Board for someone not eligible for it
    "estimate",  # every unmet major step of a best plan has a time estimate
    "coursework-scale",  # coursework estimates grow with the hours left
    "zero",  # 0 of a required amount is missing, never "not confirmed"
    "blank-bachelor",  # a blank bachelor's answer picks a route as quick and cheap as "yes"
)


@pytest.fixture(scope="module")
def grid() -> list[Finding]:
    return findings()


@pytest.mark.parametrize("prop", PROPERTIES)
def test_advice_property_holds_in_every_jurisdiction(grid: list[Finding], prop: str) -> None:
    failures = [f for f in grid if f.prop == prop]
    assert not failures, "\n".join(f"{f.state} {f.person}: {f.detail}" for f in failures)


def test_the_grid_covers_every_jurisdiction_and_person() -> None:
    # A property that checks nothing cannot fail: the grid must reach all 51 x 5.
    from tests.advice_grid import archetypes

    assert len(JURISDICTIONS) == 51
    assert all(len(archetypes(code)) == 5 for code in JURISDICTIONS)


# --- named cases from official sources ------------------------------------------------------

_MLIS_NO_LICENSE: dict[str, object] = {
    "bachelor": "yes",
    "master": "yes",
    "master_fields": "library_science",
    "master_ala_accredited": "yes",
    "school_library_program": "yes",
    "library_credit_hours": 40,
    "teaching_license_status": "none",
    "teaching_years": 0,
    "school_library_years": 0,
    "exams": [],
}


def _licensed(code: str, years: float = 3, **more: object) -> dict[str, object]:
    return {
        **ONLY_BACHELOR,
        "teaching_license_state": code,
        "teaching_license_status": "active",
        "teaching_years": years,
        **more,
    }


@pytest.mark.parametrize("answer", ["yes", "no", None])
@pytest.mark.parametrize(
    ("state", "route"),
    [
        # Missouri Baptist's stand-alone K-12 Library Media Specialist certificate needs no
        # teaching certificate: https://catalog.mobap.edu/preview_program.php?catoid=27&poid=6966
        pytest.param("MO", "stand-alone", id="MO"),
        # USC's 51-credit MLIS track leads to initial certification without a license:
        # https://www.les.sc.edu/study/colleges_schools/cic/academic_programs/masters/master_of_library_and_information_science/school_library_certification/faqs.php
        pytest.param("SC", "initial-certification", id="SC"),
    ],
)
def test_a_blank_background_check_never_sends_an_mlis_holder_to_a_license(
    state: str, route: str, answer: str | None
) -> None:
    fields = dict(_MLIS_NO_LICENSE)
    if answer is not None:
        fields["background_check"] = answer
    result = run(state, **fields)
    assert result.best_pathway == route
    assert "teaching_license" not in {s.kind for s in result.plan.steps}


def test_a_blank_bachelors_answer_never_sends_a_florida_teacher_to_a_masters() -> None:
    # FLDOE: any bachelor's degree and a passing FTCE Educational Media Specialist score
    # (http://cdn.fldoe.org/teaching/certification/general-cert-requirements/); Plan One asks
    # for a library master's (6A-4.0251). With the bachelor's answer blank, the exam route's
    # degree counted 45-52 months and sent a licensed teacher to the 18-36 month master's,
    # whose own bachelor's nobody counted.
    fields = {k: v for k, v in _licensed("FL", background_check="yes").items() if k != "bachelor"}
    result = run("FL", **fields)
    assert result.best_pathway == "subject-exam"
    degree = result.plan.steps[0]
    assert (degree.kind, degree.counted) == ("bachelor", False)
    assert degree.title == "Earn a bachelor's degree if you have none"
    assert degree.months is not None  # what it takes if they have none is still shown
    held = run("FL", **_licensed("FL", background_check="yes"))
    assert held.best_pathway == "subject-exam"
    assert (result.plan.months, result.plan.cost_usd) == (held.plan.months, held.plan.cost_usd)
    assert 'not counting "Earn a bachelor\'s degree if you have none"' in result.best_reason
    assert result.plan.total_note.startswith('not counted: "Earn a bachelor')


def test_a_blank_license_answer_names_the_route_a_license_would_open() -> None:
    # MASL quoting Ch. 115: a Maine-certified teacher needs 24 graduate hours, anyone else 36
    # (https://maslibraries.org/Certification). A blank license answer is planned as none, so
    # the 36-hour route is shown; the reason must say that a license would open the 24-hour one.
    fields = {
        k: v
        for k, v in ONLY_BACHELOR.items()
        if k not in {"teaching_license_status", "teaching_license_state"}
    } | {"background_check": "yes"}
    blank = run("ME", **fields)
    assert blank.best_pathway == "graduate-hours"
    licensed = run("ME", **_licensed("ME", background_check="yes"))
    assert licensed.best_pathway == "teacher-plus-hours"
    sentence = (
        "Your profile does not say whether you hold a teaching license. With an active "
        f"teaching license, '{pathway(licensed, 'teacher-plus-hours').name}' would take "
    )
    assert sentence in blank.best_reason
    assert "at least 16-32 months" in blank.best_reason.split(sentence)[1]
    fork = blank.if_licensed
    assert fork is not None
    assert (fork.license_state, fork.pathway, fork.months) == ("ME", "teacher-plus-hours", (16, 32))
    assert not fork.months_complete  # the portfolio's time is not known
    assert licensed.if_licensed is None
    # An answer, either way, or a license state of "none", leaves nothing to say.
    for given in ({"teaching_license_status": "none"}, {"teaching_license_state": "none"}):
        assert "does not say whether you hold" not in run("ME", **fields, **given).best_reason
    assert "does not say whether you hold" not in licensed.best_reason


def test_me_licensed_teacher_takes_the_24_hour_teachers_route() -> None:
    # MASL quoting Ch. 115: a Maine-certified teacher needs 24 graduate hours, anyone else 36:
    # https://maslibraries.org/Certification
    result = run("ME", **_licensed("ME", background_check="yes"))
    assert result.best_pathway == "teacher-plus-hours"
    coursework = next(s for s in result.plan.steps if s.kind == "coursework")
    assert coursework.title == "Complete 24 more semester hours of library coursework"


@pytest.mark.parametrize("state", ["WA", "HI", "AZ", "OK"])
def test_national_board_is_not_the_route_for_a_classroom_teacher_new_to_the_library(
    state: str,
) -> None:
    # NBPTS Library Media is for practising school librarians; eligibility needs a license and
    # three years: https://www.nbpts.org/certification/candidate-center/candidate-faqs/
    result = run(state, **_licensed(state, background_check="yes"))
    assert not any(s.title.startswith("Earn National Board") for s in result.plan.steps)
    board = {
        p.id for p in result.pathways if any(r.kind == "national_board" for r in p.requirements)
    }
    assert result.best_pathway not in board


def test_a_practising_school_librarian_may_be_routed_through_national_board() -> None:
    # The same WA teacher with four years in the library: the National Board route is open
    # and is weighed by National Board's own time and cost (NBPTS cost page and FAQ), so it
    # is the runner-up to the 12-18 month program, not a route "only for some people".
    result = run("WA", **_licensed("WA", school_library_years=4, background_check="yes"))
    assert result.best_pathway == "approved-program"
    assert "Next best: 'Teacher certificate plus National Board" in result.best_reason
    assert "12-36 months, $1,975-$2,125" in result.best_reason


def test_md_zero_practicum_hours_is_missing_not_unknown() -> None:
    # COMAR 13A.12.04.04 names a practicum without an hour count:
    # https://dsd.maryland.gov/regulations/Pages/13A.12.04.04.aspx
    result = run("MD", **ONLY_BACHELOR)
    assert result.verdict == "not_yet"
    for pathway_result in result.pathways:
        for req in pathway_result.requirements:
            if req.kind == "practicum" and req.have.startswith("0 "):
                assert req.status == "missing"


def test_nc_licensed_teacher_is_not_asked_to_confirm_the_license_they_hold() -> None:
    # NC: the current UNCG and NCCU pages govern (no license needed); a person who holds one
    # meets the stricter reading too, so nothing is left to confirm.
    result = run(
        "NC",
        **_licensed(
            "NC",
            master="yes",
            master_fields="library_science",
            school_library_program="yes",
            background_check="yes",
        ),
    )
    assert [s.kind for s in result.plan.steps] == ["exam", "application"]
    assert not any("teaching license" in w.lower() for w in result.warnings)


@pytest.mark.parametrize(
    ("kind", "verdict", "program_step"),
    [
        (None, "cannot_tell", True),
        ("school_library", "not_yet", True),
        ("teacher_preparation", "eligible", False),
    ],
)
def test_il_entitlement_needs_an_illinois_teacher_preparation_program(
    kind: str | None, verdict: str, program_step: bool
) -> None:
    # Dominican's entitlement program grants the PEL with the LIS endorsement:
    # https://www.dom.edu/faqs-1 ; an MLIS track elsewhere does not.
    fields: dict[str, object] = {
        **_MLIS_NO_LICENSE,
        "exams": "ilts-220:260",
        "background_check": "yes",
        "practicum_hours": 150,
        "portfolio": "complete",
    }
    if kind is not None:
        fields["school_library_program_kind"] = kind
        fields["school_library_program_state"] = "IL"
    result = run("IL", **fields)
    entitlement = pathway(result, "entitlement-program")
    program = requirement(entitlement, "program")
    assert (
        program.status
        == {
            "cannot_tell": "not_given",
            "not_yet": "missing",
            "eligible": "met",
        }[verdict]
    )
    if verdict != "cannot_tell":
        assert result.best_pathway == "entitlement-program"
        assert (
            any(s.title.startswith("Complete a teacher-preparation") for s in result.plan.steps)
            == program_step
        )


def test_an_older_praxis_pass_is_named_and_left_for_the_agency() -> None:
    # Praxis 5311 was replaced by 5312; whether Arkansas still accepts a 5311 pass is not in
    # the data, so it is not confirmed (ETS keeps old scores reportable for ten years:
    # http://ets.org/praxis/scores/understand).
    result = run("AR", **_licensed("AR", exams="praxis-5311:170", background_check="yes"))
    exam = requirement(pathway(result, "licensed-teacher-masters"), "praxis-5312")
    assert exam.status == "not_confirmed"
    assert "older version of praxis-5312" in exam.have
    assert "not confirmed" in exam.have


def test_a_retake_names_the_score_and_the_cut() -> None:
    result = run(
        "TX",
        bachelor="yes",
        master="yes",
        school_library_program="yes",
        teaching_license_state="TX",
        teaching_license_status="active",
        teaching_years=4,
        exams="texes-150:231",
        background_check="yes",
    )
    assert result.plan.steps[0].title == (
        "Retake TExES 150 School Librarian: you scored 231; the cut is 240"
    )


def test_ny_educating_all_students_can_be_taken_now() -> None:
    # NYSTCE's EAS is tied to no program; the CST waits for the program.
    result = run("NY", **ONLY_BACHELOR)
    eas = next(s for s in result.plan.steps if "Educating All Students" in s.title)
    cst = next(s for s in result.plan.steps if "074" in s.title)
    assert all(result.plan.steps[a - 1].kind == "bachelor" for a in eas.after)
    assert cst.after


def test_coursework_is_priced_and_paced_by_the_hours_left() -> None:
    twelve = run("ID", **_licensed("ID", library_credit_hours=12, background_check="yes"))
    none = run("ID", **_licensed("ID", background_check="yes"))
    few = next(s for s in twelve.plan.steps if s.kind == "coursework")
    many = next(s for s in none.plan.steps if s.kind == "coursework")
    assert few.months is not None
    assert many.months is not None
    assert few.cost_usd is not None
    assert many.cost_usd is not None
    assert few.months[1] < many.months[1]
    assert few.cost_usd[1] < many.cost_usd[1]
    assert many.months[1] == pytest.approx(2 * few.months[1])


def test_an_unestimated_major_step_makes_the_total_incomplete_everywhere() -> None:
    # Reinstating an expired license has no sourced estimate: the headline, the JSON total
    # and the plan all say the total is a lower bound.
    from lmspath.render.json_report import to_report
    from lmspath.render.text import plan_time

    result = run("ID", **_licensed("ID", teaching_license_status="expired"))
    assert not result.plan.complete
    assert result.plan.unestimated_major == ["Renew or reinstate your teaching license"]
    assert "Renew or reinstate your teaching license" in plan_time(result.plan)
    assert plan_time(result.plan).startswith(("at least", "not confirmed"))
    total = to_report(result).plan_total
    assert total.complete is False
    assert total.headline == plan_time(result.plan)


def test_a_teacher_licensed_elsewhere_is_not_sent_through_an_initial_license_route() -> None:
    # Utah's endorsement sits on a Utah license; an Oklahoma teacher has one recognised, not
    # earned again through an alternative route.
    result = run(
        "UT",
        **_licensed("UT", teaching_license_state="OK", years=5, background_check="yes"),
    )
    titles = [s.title for s in result.plan.steps]
    assert "Earn a teaching license" not in titles
    assert any(t.startswith("Get your teaching license recognised in Utah") for t in titles)
    # the review's time is not confirmed, but it is paperwork, not preparation
    assert result.plan.complete


def test_library_hours_are_earned_inside_the_program_not_after_it() -> None:
    # Wyoming's institutional-recommendation route names a program and 21 library hours: the
    # hours are the program's, so they add no time and no tuition of their own.
    result = run("WY", **_licensed("WY", background_check="yes"))
    program = next(s for s in result.plan.steps if s.kind == "program")
    hours = next(s for s in result.plan.steps if s.kind == "coursework")
    assert hours.during == program.order
    assert hours.cost_usd is None
    assert result.plan.months == program.months


def test_a_runner_up_whose_time_is_not_confirmed_does_not_take_as_long() -> None:
    # A Wisconsin teacher whose license has lapsed: the initial 1902 license and the licensed
    # teacher's add-on share their known months and costs, but the add-on also needs the
    # license renewed, which has no sourced time. The two totals read differently, so the
    # reason must not say the runner-up takes as long.
    result = run(
        "WI",
        **_licensed("WI", years=0, teaching_license_status="expired", background_check="yes"),
    )
    reason = result.best_reason
    assert result.best_pathway == "initial-1902", reason
    assert "takes as long" not in reason
    assert "Next best: 'Licensed Wisconsin teacher adds the 1902" in reason
    assert 'at least 12-18 months, plus the time of "Renew or reinstate your teaching' in reason
    # a best route whose own time is not confirmed does not point at another such route
    assert "ranks lower only because" not in reason


def test_a_program_in_progress_is_at_most_a_whole_program() -> None:
    # A Nevada teacher in an approved school library program: what is left of it is at most a
    # whole program, so finishing it (up to 18 months) beats starting 21 semester hours of
    # coursework (14-28 months). With no time at all it ranked last, after a new master's.
    result = run(
        "NV",
        **_licensed(
            "NV",
            years=5,
            school_library_program="in_progress",
            school_library_program_kind="school_library",
            school_library_program_state="NV",
            background_check="yes",
        ),
    )
    assert result.best_pathway == "approved-program", result.best_reason
    first = result.plan.steps[0]
    assert first.title == "Finish your school library preparation program"
    assert first.months is not None
    assert first.months[0] == 0
    assert first.months[1] > 0
    assert first.cost_usd is not None
    assert first.cost_usd[0] == 0
    assert (first.estimate_note or "").startswith("in progress: at most a whole program is left")
    assert result.plan.complete
    assert "up to 18 months" in result.best_reason
    assert "'Teaching license plus 21 semester hours" in result.best_reason


def test_routes_that_all_wait_on_an_unknown_step_are_ranked_by_the_rest() -> None:
    # The same Nevada teacher, but the license has lapsed: every route waits on renewing it,
    # which has no sourced time. What is known of the rest still decides: finishing the
    # program (up to 18 months) before 21 new semester hours (14-28 months), which the
    # smaller known cost alone used to pick.
    result = run(
        "NV",
        **_licensed(
            "NV",
            years=5,
            teaching_license_status="expired",
            school_library_program="in_progress",
            school_library_program_kind="school_library",
            school_library_program_state="NV",
            background_check="yes",
        ),
    )
    reason = result.best_reason
    assert result.best_pathway == "approved-program", reason
    assert not result.plan.complete
    assert [s.title for s in result.plan.steps[:2]] == [
        "Renew or reinstate your teaching license",
        "Finish your school library preparation program",
    ]
    assert reason.startswith("the quickest route for you: up to 18 months, plus the time of")
    assert "Next best: 'Teaching license plus 21 semester hours" in reason
    assert "at least 14-28 months" in reason


@pytest.mark.parametrize("program", ["no", "in_progress"])
def test_a_master_s_in_progress_with_the_program_says_whose_figures_its_time_is(
    program: str,
) -> None:
    # An Iowa teacher partway through a master's in education: the step "Finish your
    # master's degree, taking the program inside it" takes the program's time and cost, so
    # its note names the program's figures and says the rest of the master's is not known
    # (it used to say only "time left depends on your program" beside a time of months).
    result = run(
        "IA",
        **_licensed(
            "IA",
            master="in_progress",
            master_fields=["education"],
            school_library_program=program,
            background_check="yes",
        ),
    )
    step = next(s for s in result.plan.steps if s.kind == "master")
    assert step.title.startswith("Finish your master's degree, taking the state-approved")
    assert step.months is not None
    note = step.estimate_note or ""
    assert "time left depends on your program" not in note, note
    assert note.endswith("What is left of your master's beyond the program is not known."), note
    head = "the program inside it, in progress: " if program == "in_progress" else "the program"
    assert note.startswith(head), note
    assert "Add-on school library certificate or endorsement program" in note, note


def test_equal_known_costs_with_more_unpriced_steps_are_not_as_much() -> None:
    # Pennsylvania: adding the area to a certificate and the Instructional I route take as
    # long and have the same known costs, but the second has a step whose cost is not
    # confirmed
    from lmspath.engine.words import unpriced

    result = run("PA", **_licensed("PA", master="no", background_check="yes"))
    reason = result.best_reason
    if "takes as long" in reason and "costs as much" in reason:
        pytest.fail(f"unpriced steps differ yet 'costs as much': {reason}")
    assert "whose cost is not confirmed (none on this route)" in reason, reason
    assert unpriced(result.plan.steps) == 0


def _route_plan(code: str, fields: dict[str, object], pathway_id: str) -> Plan:
    """The plan of one route (not only the best) for a person, as the engine sketches it."""
    person = profile(**fields)
    rules = load_state(code)
    decision = decide(person, CompiledState(rules, load_estimates(), load_exams()))
    index = next(i for i, p in enumerate(rules.pathways) if p.id == pathway_id)
    return decision.sketch(index).plan(person)


def test_a_portfolio_route_is_not_the_quickest_for_having_no_time() -> None:
    # New Hampshire's portfolio and oral board route (DCPOB) is a portfolio and a review.
    # No source gives the portfolio's time, so the route is not "only short steps left": it
    # ranks after the approved program, whose time is known, and says its time is not
    # confirmed. It used to be the best route with "no step that takes months is left".
    fields = _licensed("NH", years=5, background_check="yes")
    result = run("NH", **fields)
    assert result.best_pathway == "approved-program", result.best_reason
    assert "the quickest route for you: 12-18 months" in result.best_reason
    # ... and the reason names it, so a reader who knows their portfolio can weigh it
    assert (
        "'Demonstrated competencies: portfolio and oral board (DCPOB; formerly Alternative 3A)' "
        'ranks lower only because no source gives the time of "Complete your professional '
        "portfolio\": if you know how long that will take you, compare it with this route's "
        "12-18 months"
    ) in result.best_reason
    portfolio_route = _route_plan("NH", fields, "demonstrated-competencies")
    assert not portfolio_route.complete
    assert portfolio_route.unestimated_major == ["Complete your professional portfolio"]


def test_a_portfolio_every_route_needs_does_not_decide_between_them() -> None:
    # Maine asks every pathway for the standards portfolio. A Maine teacher with 30 hours
    # done has finished Pathway 2's 24 and would need 6 more for Pathway 1: the portfolio,
    # whose time no source gives, is left in both, so the hours decide. The portfolio is its
    # own step, not hidden inside coursework, and the total says its time is not confirmed.
    fields = _licensed("ME", years=16, library_credit_hours=30, background_check="yes")
    result = run("ME", **fields)
    assert result.best_pathway == "teacher-plus-hours", result.best_reason
    assert "Next best: 'Pathway 1: 36 graduate hours" in result.best_reason
    other = _route_plan("ME", fields, "graduate-hours")
    portfolio = next(s for s in other.steps if s.kind == "portfolio")
    assert portfolio.during is None
    assert not other.complete
    assert other.months == (4, 8)
    assert other.unestimated_major == ["Complete your professional portfolio"]


def test_a_portfolio_that_is_one_option_of_several_is_not_planned_first() -> None:
    # Montana shows content knowledge by a Praxis pass, a portfolio or a 3.0 GPA. The plan
    # takes a short option before the portfolio, whose time no source gives, and names the
    # others; a blank portfolio answer used to put the portfolio first.
    fields = _licensed(
        "MT",
        school_library_program="yes",
        school_library_program_kind="school_library",
        school_library_program_state="MT",
        background_check="yes",
    )
    del fields["portfolio"]
    result = run("MT", **fields)
    assert result.best_pathway == "add-endorsement", result.best_reason
    assert not any(s.kind == "portfolio" for s in result.plan.steps)
    first = result.plan.steps[0]
    assert first.title == "A 3.0 or higher GPA in the endorsement coursework"
    assert "portfolio" in first.detail
    assert result.plan.complete


def test_a_route_waiting_on_fewer_unknown_steps_ranks_first() -> None:
    # A South Carolina teacher whose license has lapsed, partway through a school library
    # master's: the advanced certificate waits on renewing the license and on finishing the
    # master's, neither with a sourced time; the initial certificate (USC's MLIS track, no
    # license needed) waits on the master's alone. It used to go by the known cost alone.
    result = run(
        "SC",
        **_licensed(
            "SC",
            years=6,
            teaching_license_status="expired",
            master="in_progress",
            master_fields=["school_library_media"],
            school_library_program="yes",
            school_library_program_kind="school_library",
            school_library_program_state="SC",
        ),
    )
    assert result.best_pathway == "initial-certification", result.best_reason
    assert result.plan.steps[0].title == "Finish your master's degree"
    assert result.plan.unestimated_major == ["Finish your master's degree"]


def test_national_board_candidacy_starts_after_three_years_of_teaching() -> None:
    # National Board candidacy needs three years of teaching (the eligibility the routes
    # list), so a Hawaii teacher with two years teaches one more before the 12-36 months of
    # candidacy, and the approved program (18-36 months) is quicker. The two ran side by
    # side before.
    fields = _licensed("HI", years=2, school_library_years=12, exams=["praxis-5312"])
    result = run("HI", **fields)
    assert result.best_pathway == "satep", result.best_reason
    board = _route_plan("HI", fields, "national-board")
    teach = next(s for s in board.steps if s.kind == "teaching_experience")
    earn = next(s for s in board.steps if s.title.startswith("Earn National Board"))
    assert teach.order in earn.after
    assert board.months == (24, 48)


@pytest.mark.parametrize(
    ("answer", "title", "months", "plan_one_months"),
    [
        ("no", "Earn a bachelor's degree", (45, 52), (63, 88)),
        # in progress: at most a whole degree is left, as for a program in progress
        ("in_progress", "Finish your bachelor's degree", (0, 52), (18, 88)),
    ],
)
def test_a_master_s_route_for_someone_without_a_bachelor_s_starts_with_the_degree(
    answer: str,
    title: str,
    months: tuple[float, float],
    plan_one_months: tuple[float, float],
) -> None:
    # Florida's Plan One names only a degree with a graduate major in library science. For
    # someone without a bachelor's, the master's cannot start yet: the plan puts the
    # bachelor's first, so the subject-exam route, a bachelor's and the FTCE, is quicker.
    # Plan One used to read 18-36 months and win.
    fields = {**ONLY_BACHELOR, "bachelor": answer, "background_check": "yes"}
    result = run("FL", **fields)
    assert result.best_pathway == "subject-exam", result.best_reason
    assert result.plan.months == months
    assert result.plan.steps[0].title == title
    plan_one = _route_plan("FL", fields, "plan-one-degree")
    first, second = plan_one.steps[:2]
    assert (first.kind, first.title) == ("bachelor", title)
    assert first.requirement_ids == []
    assert "assume a bachelor's degree" in first.detail
    assert second.kind == "master"
    assert first.order in second.after
    assert plan_one.months == plan_one_months
    # someone with the degree is planned as before
    done = _route_plan("FL", {**fields, "bachelor": "yes"}, "plan-one-degree")
    assert done.steps[0].kind == "master"
    assert done.months == (18, 36)


def test_an_add_on_license_for_someone_without_a_bachelor_s_starts_with_the_degree() -> None:
    # Wisconsin's add-on route names a teaching license, whose estimate comes from programs for
    # graduates: without a bachelor's, the degree comes first, and the initial 1902 route
    # (a bachelor's, then the program) is quicker than a bachelor's, a license and the add-on.
    fields = {**ONLY_BACHELOR, "bachelor": "in_progress", "background_check": "yes"}
    result = run("WI", **fields)
    assert result.best_pathway == "initial-1902", result.best_reason
    add_on = _route_plan("WI", fields, "licensed-teacher-add-on")
    kinds = [s.kind for s in add_on.steps]
    assert kinds[:2] == ["bachelor", "teaching_license"]
    assert add_on.steps[0].order in add_on.steps[1].after


def test_a_bachelor_s_named_only_as_another_reading_still_comes_first() -> None:
    # Alaska's Type C route asks for a master's; one source reads a bachelor's instead. The
    # master's governs, so someone with no degree still gets the bachelor's first.
    fields = {**ONLY_BACHELOR, "bachelor": "no", "background_check": "yes"}
    plan = _route_plan("AK", fields, "type-c-program")
    assert plan.steps[0].kind == "bachelor"
    assert plan.steps[0].title == "Earn a bachelor's degree"
    assert sum(s.kind == "bachelor" for s in plan.steps) == 1
    assert plan.steps[0].order in next(s for s in plan.steps if s.kind == "master").after


def test_a_license_holder_is_not_sent_back_for_a_bachelor_s_a_route_does_not_name() -> None:
    # A teaching license, active or lapsed, was earned with a degree: a route that names only
    # a master's gets no implied bachelor's step, whatever the bachelor's answer says.
    for status in ("active", "expired"):
        fields = _licensed("FL", bachelor="in_progress", teaching_license_status=status)
        plan = _route_plan("FL", fields, "plan-one-degree")
        assert not any(s.kind == "bachelor" for s in plan.steps), status
