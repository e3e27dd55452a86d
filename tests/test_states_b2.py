"""Hand-written engine cases for batch 2 states (AR, GA, HI, ID, IL, IN, IA, KS, KY, LA).

Each case names the source its expected answer comes from; if the data behind it changes, the
case fails and the change has to be checked against that source again.
"""

from __future__ import annotations

import pytest

from tests.helpers import ONLY_BACHELOR, pathway, requirement, run

CASES = [
    # GA: Ga. Comp. R. & Regs. 505-2-.201 names no teaching certificate for Media Specialist, only a
    # master's-level approved program plus the content assessment.
    # https://www.law.cornell.edu/regulations/georgia/Ga-Comp-R-Regs-R-505-2-.201
    pytest.param(
        "GA",
        {
            "bachelor": "yes",
            "master": "yes",
            "master_fields": "library_science",
            "school_library_program": "yes",
            "teaching_license_status": "none",
            "exams": "gace-601:225",
        },
        "eligible",
        "clear-renewable",
        id="GA-program-completer-no-teaching-license",
    ),
    # GA: the GACE content assessment passes at 220 (induction level); 210 is below it.
    # https://240tutoring.com/gace/program-admission-assessment-writing/scoring
    pytest.param(
        "GA",
        {
            "bachelor": "yes",
            "master": "yes",
            "school_library_program": "yes",
            "teaching_license_status": "none",
            "exams": "gace-601:210",
        },
        "not_yet",
        "clear-renewable",
        id="GA-gace-below-220",
    ),
    # IL: PEL holders add the endorsement with 18 semester hours and ILTS 220 at 240.
    # https://il.nesinc.com/Content/STUDYGUIDE/IL_SG_obj_220.htm
    # https://education.illinoisstate.edu/academics/teaching-and-learning/cert-librarian/requirements
    pytest.param(
        "IL",
        {
            "bachelor": "yes",
            "teaching_license_state": "IL",
            "teaching_license_status": "active",
            "library_credit_hours": 18,
            "exams": "ilts-220:240",
        },
        "eligible",
        "add-on-endorsement",
        id="IL-pel-18-hours-ilts-240",
    ),
    pytest.param(
        "IL",
        {
            "bachelor": "yes",
            "teaching_license_state": "IL",
            "teaching_license_status": "active",
            "library_credit_hours": 18,
            "exams": "ilts-220:239",
        },
        "not_yet",
        "add-on-endorsement",
        id="IL-ilts-one-point-short",
    ),
    # IA: the grade-band endorsement is 24 semester hours on an Iowa license; House File 2081 (2022)
    # removed the Praxis subject test, so no exam is asked.
    # https://teachered.uni.edu/praxis-ii-eliminated-opportunities-past-graduates-seek-licensure
    pytest.param(
        "IA",
        {
            "bachelor": "yes",
            "teaching_license_state": "IA",
            "teaching_license_status": "active",
            "library_credit_hours": 24,
        },
        "eligible",
        "grade-band",
        id="IA-licensed-teacher-24-hours-no-praxis",
    ),
    # KY: the Praxis library test is not needed after two or more years of teaching (SLC), on top of
    # the teaching certificate and master's the University of Kentucky describes.
    # https://online.uky.edu/blog/how-become-school-librarian-kentucky
    pytest.param(
        "KY",
        {
            "bachelor": "yes",
            "teaching_license_state": "KY",
            "teaching_license_status": "active",
            "teaching_years": 3,
            "master": "yes",
            "master_fields": "library_science",
            "school_library_program": "yes",
            "exams": [],
        },
        "eligible",
        "teacher-masters",
        id="KY-experienced-teacher-praxis-waived",
    ),
    # LA: the add-on is 15 hours plus the practicum, which three years as a school librarian
    # replaces (Southeastern Louisiana University); Praxis 5312 at 154 (SLC, about 2023).
    # http://www.southeastern.edu/acad_research/colleges/edu_hd/programs/add_on/school/index.html
    pytest.param(
        "LA",
        {
            "bachelor": "yes",
            "teaching_license_state": "LA",
            "teaching_license_status": "active",
            "library_credit_hours": 15,
            "school_library_years": 3,
            "exams": "praxis-5312:154",
        },
        "eligible",
        "add-on",
        id="LA-teacher-experience-replaces-practicum",
    ),
    # LA: National Board Certification replaces all testing for the Ancillary certificate, which
    # needs no teaching certificate (SLC); a 153 on 5312 alone is one point short.
    pytest.param(
        "LA",
        {
            "bachelor": "yes",
            "master": "yes",
            "master_fields": "library_science",
            "teaching_license_status": "none",
            "exams": "praxis-5312:153",
            "national_board": "yes",
        },
        "eligible",
        "ancillary",
        id="LA-ancillary-national-board-instead-of-praxis",
    ),
    # KS: a 5312 score cannot be judged because no Kansas 5312 cut was found (153 was the 5311 cut).
    # http://www.fhsu.edu/aep/library-media-specialist/licensure/
    pytest.param(
        "KS",
        {
            "bachelor": "yes",
            "teaching_license_state": "KS",
            "teaching_license_status": "active",
            "master": "yes",
            "school_library_program": "yes",
            "exams": "praxis-5312:160",
        },
        "cannot_tell",
        "initial-school-specialist",
        id="KS-5312-score-cut-not-confirmed",
    ),
]


@pytest.mark.parametrize(("state", "fields", "verdict", "best"), CASES)
def test_verdict_and_best_pathway(
    state: str, fields: dict[str, object], verdict: str, best: str
) -> None:
    result = run(state, **fields)
    assert result.verdict == verdict
    assert result.best_pathway == best


@pytest.mark.parametrize("state", ["AR", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA"])
def test_bachelor_only_is_not_yet_with_a_plan(state: str) -> None:
    result = run(state, **ONLY_BACHELOR)
    assert result.verdict == "not_yet"
    assert result.plan.steps
    assert result.plan.steps[-1].kind == "application"


def test_ga_gace_requirement_missing_below_cut() -> None:
    # https://240tutoring.com/gace/program-admission-assessment-writing/scoring (220 passes)
    result = run(
        "GA", bachelor="yes", master="yes", school_library_program="yes", exams="gace-601:210"
    )
    gace = requirement(pathway(result, "clear-renewable"), "gace-media-specialist")
    assert gace.status == "missing"
    assert result.plan.steps[0].kind == "exam"


def test_il_out_of_state_license_does_not_meet_pel() -> None:
    # The endorsement is added to an Illinois PEL (SLC 2023; Illinois State University).
    result = run(
        "IL",
        bachelor="yes",
        master="no",
        school_library_program="no",
        teaching_license_state="WI",
        teaching_license_status="active",
        library_credit_hours=18,
        exams="ilts-220:250",
    )
    assert result.verdict == "not_yet"
    assert requirement(pathway(result, "add-on-endorsement"), "pel").status == "missing"
    assert result.plan.steps[0].kind == "teaching_license"


def test_ia_pk12_masters_is_a_recorded_conflict() -> None:
    # SLC/UNI/UIowa tie PK-12 to a master's; Iowa Code 256.11(9)(a)(1) as quoted in HF 554 (2025)
    # bars the board from requiring one.
    # https://app.legiplex.com/ia/legislature/2025/2025-r/bills/hf554/drafts-compare
    result = run(
        "IA",
        bachelor="yes",
        teaching_license_state="IA",
        teaching_license_status="active",
        school_library_program="yes",
        master="no",
    )
    masters = requirement(pathway(result, "pk12-masters"), "masters")
    assert masters.status == "missing"
    assert masters.conflict is not None
    assert {r.status for r in masters.conflict.readings} == {"missing", "met"}


def test_ky_new_teacher_still_needs_praxis() -> None:
    # Fewer than two years of teaching: the Praxis library test is needed (SLC, about 2023).
    # https://schoollibraryconnection.com/glossary/StateCertifications/1959120
    result = run(
        "KY",
        bachelor="yes",
        teaching_license_state="KY",
        teaching_license_status="active",
        teaching_years=1,
        school_library_years=0,
        master="yes",
        master_fields="library_science",
        school_library_program="yes",
        exams=[],
    )
    assert result.verdict == "not_yet"
    assert requirement(pathway(result, "teacher-masters"), "content-test").status == "missing"


def test_ky_teaching_certificate_conflict_is_recorded() -> None:
    # UK says a teaching certificate is required; a Kentucky university offers a non-certified
    # MA track. https://online.uky.edu/blog/how-become-school-librarian-kentucky
    result = run("KY", bachelor="yes", teaching_license_status="none")
    cert = requirement(pathway(result, "teacher-masters"), "teaching-certificate")
    assert cert.status == "missing"
    assert cert.conflict is not None


def test_la_ancillary_153_is_short_without_national_board() -> None:
    # SLC (about 2023): School Librarian 5312 requires 154.
    result = run(
        "LA",
        bachelor="yes",
        master="yes",
        master_fields="library_science",
        teaching_license_status="none",
        exams="praxis-5312:153",
        national_board="no",
    )
    assert result.verdict == "not_yet"
    assert requirement(pathway(result, "ancillary"), "content-test").status == "missing"
