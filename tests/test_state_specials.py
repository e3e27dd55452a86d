"""State facts that do not fit the case table of tests/states: route audiences, kinds, options.

Each names the page its answer comes from, like the table's cases.
"""

from __future__ import annotations

import pytest

from tests.helpers import ONLY_BACHELOR, pathway, requirement, run


@pytest.mark.parametrize(
    ("state", "fields", "route"),
    [
        # Ala. Admin. Code r. 290-3-2-.11: only a superintendent or administrator may request
        # a PCLS.
        # https://regulations.justia.com/states/alabama/title-290/chapter-290-3-2/section-290-3-2-11
        pytest.param("AL", ONLY_BACHELOR, "pcls", id="AL-pcls"),
        # OSSE: the Initial SSP credential needs a DC LEA request (or an out-of-state credential).
        # https://osse.dc.gov/page/initial-school-service-provider-certification
        pytest.param(
            "DC",
            {**ONLY_BACHELOR, "master": "yes", "master_fields": "library_science"},
            "initial-credential",
            id="DC-initial-credential",
        ),
    ],
)
def test_employer_sponsored_route_is_shown_but_never_best(
    state: str, fields: dict[str, object], route: str
) -> None:
    result = run(state, **fields)
    assert pathway(result, route).audience == "employer_sponsored"
    assert result.best_pathway != route


@pytest.mark.parametrize(
    ("state", "fields", "route", "absent"),
    [
        # 4 AAC 12.355 / DEED Type C page list no teaching-certificate prerequisite and no exam.
        # https://education.alaska.gov/teachercertification/certification/typec
        pytest.param(
            "AK", ONLY_BACHELOR, "type-c-program", {"teaching_license", "exam"}, id="AK-type-c"
        ),
        # PELSB: exams waived for program completers from 2023-08-01.
        # https://mn.gov/pelsb/current-educators/testing/
        pytest.param(
            "MN",
            {**ONLY_BACHELOR, "school_library_program": "yes"},
            "approved-program",
            {"exam"},
            id="MN-approved-program",
        ),
    ],
)
def test_route_asks_for_none_of_these_kinds(
    state: str, fields: dict[str, object], route: str, absent: set[str]
) -> None:
    kinds = {r.kind for r in pathway(run(state, **fields), route).requirements}
    assert not kinds & absent


def test_fl_coursework_route_is_a_degree_and_hours_and_complete() -> None:
    # Rule 6A-4.0251 Plan Two: any bachelor's plus 30 semester hours; no master's degree.
    # https://regulations.justia.com/states/florida/6/6a/chapter-6a-4/section-6a-4-0251
    result = run("FL", **{**ONLY_BACHELOR, "background_check": "yes", "library_credit_hours": 30})
    route = pathway(result, "plan-two-coursework")
    assert route.complete
    assert {r.kind for r in route.requirements} >= {"degree", "credit_hours"}


def test_az_exam_option_reports_the_220_cut() -> None:
    # ADE names NES 502; the NES 502 page gives 220:
    # https://www.orela.nesinc.com/TestView.aspx?f=HTML_FRAG%2FNT502_TestPage.html
    teacher = {
        "bachelor": "yes",
        "teaching_license_state": "AZ",
        "teaching_license_status": "active",
        "teaching_years": 1,
        "background_check": "yes",
        "master": "no",
        "national_board": "no",
    }
    result = run("AZ", **teacher, exams="nes-502:210")
    knowledge = requirement(pathway(result, "endorsement"), "subject-knowledge")
    exam = next(o for o in knowledge.options if o.id == "nes-502")
    assert exam.have == "nes-502: 210 < cut 220"


def test_tn_5312_below_154_misses_both_praxis_options() -> None:
    # ETSU: Praxis 5312 with a minimum score of 154 (5311 scores are the other option).
    # https://www.etsu.edu/coe/cuai/graduate/mediatech/apply-licensure.php
    fields = {
        "bachelor": "yes",
        "teaching_license_state": "TN",
        "teaching_license_status": "active",
        "master": "yes",
        "master_fields": ["education"],
        "school_library_program": "yes",
        "exams": ["praxis-5312:150"],
    }
    praxis = requirement(pathway(run("TN", **fields), "licensed-teacher-masters"), "library-praxis")
    assert [option.status for option in praxis.options] == ["missing", "missing"]
