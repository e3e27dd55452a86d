"""Hand-written engine cases for SC, SD, TN, UT, VT, VA, WA, WV, WI and WY (batch 5 data).

Each case states the answer the cited source gives; a change in the data behind it makes it fail.
"""

from __future__ import annotations

import pytest

from tests.helpers import ONLY_BACHELOR, pathway, requirement, run


def _licensed(state: str, **extra: object) -> dict[str, object]:
    return {
        "bachelor": "yes",
        "teaching_license_state": state,
        "teaching_license_status": "active",
        **extra,
    }


VERDICT_CASES = [
    # WEST-E Library Media (042) passing score 240:
    # https://west.nesinc.com/Content/STUDYGUIDE/WA_SG_obj_042.htm
    # Library Media needs the WEST-E/NES:
    # https://www.k12.wa.us/certification/teacher-certificate/out-state-applicants-teachers/teacher-assessments
    pytest.param(
        "WA",
        _licensed("WA", school_library_program="yes", exams=["west-e-042:245"]),
        "eligible",
        "approved-program",
        id="WA-certified-teacher-program-west-e-245",
    ),
    pytest.param(
        "WA",
        _licensed(
            "WA", school_library_program="yes", exams=["west-e-042:235"], national_board="no"
        ),
        "not_yet",
        "approved-program",
        id="WA-certified-teacher-program-west-e-235",
    ),
    # 5311 scores taken before 12/31/2023 are accepted through 12/31/2026 (TN DOE Praxis page):
    # https://www.firesafekids.state.tn.us/education/educators/licensing/educator-licensure/praxis-requirements.html
    pytest.param(
        "TN",
        _licensed(
            "TN",
            master="yes",
            master_fields=["education"],
            school_library_program="yes",
            exams=["praxis-5311:147"],
        ),
        "eligible",
        "licensed-teacher-masters",
        id="TN-teacher-masters-program-5311-147",
    ),
    # 5312 minimum 154 (ETSU): https://www.etsu.edu/coe/cuai/graduate/mediatech/apply-licensure.php
    pytest.param(
        "TN",
        _licensed(
            "TN",
            master="yes",
            master_fields=["education"],
            school_library_program="yes",
            exams=["praxis-5312:150"],
        ),
        "not_yet",
        "licensed-teacher-masters",
        id="TN-teacher-masters-program-5312-150",
    ),
    # Certified teachers add the endorsement by coursework or the Library Media Praxis:
    # https://libguides.library.sd.gov/services/schools/endorsement
    pytest.param(
        "SD",
        _licensed("SD", exams=["praxis-5312"]),
        "eligible",
        "endorsement-by-praxis",
        id="SD-teacher-passed-library-praxis",
    ),
    # Library Science permit: master's in library science plus pedagogy and content tests:
    # https://sdlegislature.gov/Rules/Administrative/39908
    pytest.param(
        "SD",
        {
            "bachelor": "yes",
            "master": "yes",
            "master_fields": ["library_science"],
            "teaching_license_status": "none",
            "exams": ["praxis-5312"],
        },
        "eligible",
        "library-science-permit",
        id="SD-mls-no-teaching-license-permit",
    ),
    # 8VAC20-23-420: bachelor's plus an approved school library media program:
    # https://casetext.com/regulation/virginia-administrative-code/title-8-education/agency-20-state-board-of-education/chapter-23-licensure-regulations-for-school-personnel/part-v-licensure-regulations-governing-prek-12-special-education-secondary-grades-6-12-and-adult-education-endorsements/section-8vac20-23-420-effective-until-10242024-library-media-prek-12
    pytest.param(
        "VA",
        _licensed("VA", school_library_program="yes"),
        "eligible",
        "approved-program",
        id="VA-teacher-approved-program",
    ),
    # Same rule, 24-semester-hour route; one year as a school librarian replaces the clinical
    # experience: http://varules.elaws.us/code/8vac20-22-420
    pytest.param(
        "VA",
        _licensed("VA", library_credit_hours=24, school_library_years=1),
        "eligible",
        "coursework-24-hours",
        id="VA-teacher-24-hours-one-year-librarian",
    ),
    pytest.param(
        "VA",
        _licensed("VA", library_credit_hours=21, school_library_years=1),
        "cannot_tell",
        "coursework-24-hours",
        id="VA-teacher-21-hours-program-not-given",
    ),
    # WVDE Form 8: valid WV certificate plus a completed program in the endorsement area:
    # https://wvde.us/certifications/applications/form-8
    pytest.param(
        "WV",
        _licensed("WV", school_library_program="yes", exams=["praxis-5312"]),
        "eligible",
        "add-on-licensed-teacher",
        id="WV-teacher-program-praxis",
    ),
    # Since fall 2018 a bachelor's holder without a teaching license can earn the initial 1902:
    # https://www.uww.edu/coeps/departments/edfound/library-media/advising
    pytest.param(
        "WI",
        {"bachelor": "yes", "teaching_license_status": "none", "school_library_program": "yes"},
        "eligible",
        "initial-1902",
        id="WI-no-license-initial-1902-program",
    ),
    # USC advanced certification for certified teachers (36-credit MLIS track):
    # https://www.les.sc.edu/study/colleges_schools/cic/academic_programs/masters/master_of_library_and_information_science/school_library_certification/faqs.php
    pytest.param(
        "SC",
        _licensed(
            "SC",
            master="yes",
            master_fields=["library_science"],
            school_library_program="yes",
            exams=["praxis-5312"],
        ),
        "eligible",
        "advanced-certification",
        id="SC-teacher-usc-mlis-praxis",
    ),
    # Governing readings (conflict.governs: reading): the approved programs' own pages and the
    # agency's pages say no prior teaching license is needed, over the secondary guides.
    # UT Knoxville and ETSU lead people never licensed to the initial license with the endorsement:
    # https://sis.utk.edu/exploreprograms/certificate-licensure/licensure
    # https://www.etsu.edu/coe/cuai/graduate/mediatech/apply-licensure.php
    pytest.param(
        "TN",
        {
            **ONLY_BACHELOR,
            "master": "yes",
            "master_fields": ["library_science"],
            "school_library_program": "yes",
            "exams": ["praxis-5312:160"],
        },
        "eligible",
        "initial-license-masters",
        id="TN-never-licensed-masters-program-praxis",
    ),
    # USC's SCDE-approved MLIS track offers initial certification to students without a license:
    # https://www.les.sc.edu/study/colleges_schools/cic/academic_programs/masters/master_of_library_and_information_science/school_library_certification/faqs.php
    pytest.param(
        "SC",
        {
            **ONLY_BACHELOR,
            "master": "yes",
            "master_fields": ["library_science"],
            "school_library_program": "yes",
            "exams": ["praxis-5312"],
            "background_check": "yes",
        },
        "eligible",
        "initial-certification",
        id="SC-no-license-initial-certification-track",
    ),
    # Vermont AOE transcript review (Library Media Specialist as an initial endorsement) and UVM's
    # program for people without teacher certification:
    # http://education.vermont.gov/licensing/application/transcript-review
    # https://uvm.edu/cess/doe/school-library-media-specialist
    pytest.param(
        "VT",
        {**ONLY_BACHELOR, "library_credit_hours": 18, "practicum_hours": 60},
        "eligible",
        "initial-transcript-review",
        id="VT-no-license-first-endorsement-by-transcript-review",
    ),
]


@pytest.mark.parametrize(("state", "profile", "verdict", "best"), VERDICT_CASES)
def test_verdict_and_best_pathway(
    state: str, profile: dict[str, object], verdict: str, best: str
) -> None:
    result = run(state, **profile)
    assert result.verdict == verdict
    assert result.best_pathway == best


def test_wa_west_e_below_240_is_the_missing_step() -> None:
    # Passing score 240: https://west.nesinc.com/Content/STUDYGUIDE/WA_SG_obj_042.htm
    result = run("WA", **_licensed("WA", school_library_program="yes", exams=["west-e-042:235"]))
    exam = requirement(pathway(result, "approved-program"), "west-e-042")
    assert exam.status == "missing"
    assert [step.kind for step in result.plan.steps] == ["exam", "application"]


def test_tn_5312_below_154_is_missing() -> None:
    # ETSU: Praxis 5312 with a minimum score of 154.
    # https://www.etsu.edu/coe/cuai/graduate/mediatech/apply-licensure.php
    profile = _licensed(
        "TN",
        master="yes",
        master_fields=["education"],
        school_library_program="yes",
        exams=["praxis-5312:150"],
    )
    result = run("TN", **profile)
    praxis = requirement(pathway(result, "licensed-teacher-masters"), "library-praxis")
    assert praxis.status == "missing"
    assert [option.status for option in praxis.options] == ["missing", "missing"]


def test_sd_out_of_state_teacher_needs_a_south_dakota_certificate() -> None:
    # The endorsement is added to a South Dakota teaching certificate:
    # https://libguides.library.sd.gov/services/schools/endorsement
    result = run("SD", **_licensed("ND", master="no", exams=["praxis-5312"]))
    assert result.verdict == "not_yet"
    cert = requirement(pathway(result, "endorsement-by-praxis"), "sd-teaching-certificate")
    assert cert.status == "missing"
    assert result.plan.steps[0].kind == "teaching_license"


def test_ut_praxis_conflict_is_reported() -> None:
    # SUU's older FAQ lists a passing Praxis: https://library.suu.edu/school-library-media-program_faqs
    # ETS Utah (current): USBE made the Praxis one option for content competency; this governs:
    # https://www.ets.org/praxis/ut/epp/state-requirements/licensure-requirements.html
    result = run("UT", **_licensed("UT", library_credit_hours=18, exams=[]))
    assert result.verdict == "eligible"
    assert [step.kind for step in result.plan.steps] == ["application"]
    praxis = requirement(pathway(result, "endorsement-program"), "library-praxis")
    assert praxis.status == "met"
    assert praxis.conflict is not None
    assert [reading.status for reading in praxis.conflict.readings] == ["missing", "met"]
    assert "lmspath goes by: Not required; the Praxis is one way" in praxis.conflict.outcome


def test_va_no_license_program_completer_sees_the_license_conflict() -> None:
    # ODU's master's leads to initial licensure as a school librarian for non-teachers, and
    # 8VAC20-23-420 names a bachelor's and an approved program; these govern over SLC:
    # http://ww2.education.odu.edu/eci/libsci/
    # https://casetext.com/regulation/virginia-administrative-code/title-8-education/agency-20-state-board-of-education/chapter-23-licensure-regulations-for-school-personnel/part-v-licensure-regulations-governing-prek-12-special-education-secondary-grades-6-12-and-adult-education-endorsements/section-8vac20-23-420-effective-until-10242024-library-media-prek-12
    result = run("VA", bachelor="yes", school_library_program="yes", teaching_license_status="none")
    assert result.verdict == "eligible"
    assert result.best_pathway == "approved-program"
    lic = requirement(pathway(result, "approved-program"), "teaching-license")
    assert lic.status == "met"
    assert lic.conflict is not None
    assert [reading.status for reading in lic.conflict.readings] == ["missing", "met"]
    # The first step is the state trainings for a first license, not a teaching license.
    assert [step.kind for step in result.plan.steps] == ["other", "application"]


def test_va_24_hour_route_still_plans_on_a_license() -> None:
    # ODU's endorsement-only and MLIS routes are for licensed teachers (stricter reading governs):
    # https://catalog.odu.edu/graduate/education/stem-education-professional-studies/library-information-studies-school-librarianship-mlis
    result = run("VA", bachelor="yes", library_credit_hours=24, teaching_license_status="none")
    lic = requirement(pathway(result, "coursework-24-hours"), "teaching-license")
    assert lic.status == "missing"
    assert lic.conflict is not None
    assert [reading.status for reading in lic.conflict.readings] == ["missing", "met"]


def test_wv_mlis_without_teacher_preparation_is_not_through() -> None:
    # Library media is a specialization on the Professional (teaching) Certificate (Policy 5202
    # Appendix A), added to a certificate (WVDE Form 8) or taken as a second specialization in a
    # teacher preparation program (Fairmont State); an MLIS school-library program alone is neither:
    # https://wvde.us/certifications/applications/form-8
    # http://www.fairmontstate.edu/schoolofeducation/academic-programs/school-library-media
    mlis = {
        "bachelor": "yes",
        "master": "yes",
        "master_fields": ["library_science"],
        "master_ala_accredited": "yes",
        "school_library_program": "yes",
        "teaching_license_status": "none",
        "teaching_years": 0,
        "exams": ["praxis-5312"],
        "background_check": "yes",
    }
    result = run("WV", **mlis)
    assert result.verdict == "not_yet"
    preservice = pathway(result, "preservice-second-specialization")
    assert requirement(preservice, "first-specialization-certificate").status == "missing"
    assert result.plan.steps[0].kind == "teaching_license"


def test_vt_practicum_is_sixty_hours() -> None:
    # Rule 5440 summary (60 hours of supervised field experience):
    # http://blog.schoollibraryconnection.com/vermont/
    profile = _licensed("VT", library_credit_hours=18, practicum_hours=40, national_board="no")
    result = run("VT", **profile)
    assert result.verdict == "not_yet"
    practicum = requirement(pathway(result, "add-endorsement"), "practicum")
    assert practicum.status == "missing"
    done = run("VT", **_licensed("VT", library_credit_hours=18, practicum_hours=60))
    assert done.verdict == "eligible"
    assert done.best_pathway == "add-endorsement"


def test_wy_three_years_conflict() -> None:
    # SLC (2023) says three years of teaching in the last six; the PTSB add-endorsement packet
    # names none, and it governs: https://wyomingptsb.com/portfolio-items/add-endo
    profile = _licensed(
        "WY", school_library_program="yes", library_credit_hours=21, teaching_years=1
    )
    result = run("WY", **profile)
    assert result.verdict == "eligible"
    assert [step.kind for step in result.plan.steps] == ["application"]
    years = requirement(pathway(result, "institutional-recommendation"), "teaching-experience")
    assert years.status == "met"
    assert years.conflict is not None
    assert [reading.status for reading in years.conflict.readings] == ["missing", "met"]


@pytest.mark.parametrize(
    ("state", "best"),
    [
        # Routes are ranked by time, then cost: without a license, SC's 51-credit initial
        # certification MLIS beats a license plus the 36-credit MLIS; TN's initial-license
        # master's beats a license first; SD's Praxis route needs no coursework.
        pytest.param("SC", "initial-certification", id="SC-bachelor-only"),
        pytest.param("SD", "endorsement-by-praxis", id="SD-bachelor-only"),
        pytest.param("TN", "initial-license-masters", id="TN-bachelor-only"),
        pytest.param("UT", "endorsement-program", id="UT-bachelor-only"),
        # VT's transcript review needs no prior license, so it is quicker than adding an
        # endorsement to a license the person does not have.
        pytest.param("VT", "initial-transcript-review", id="VT-bachelor-only"),
        pytest.param("VA", "approved-program", id="VA-bachelor-only"),
        pytest.param("WA", "approved-program", id="WA-bachelor-only"),
        # The pre-service route now names its first-specialization teaching certificate, so a
        # bachelor-only person needs a license on every WV route; the content-test route then has
        # the fewest steps (Policy 5202 21.2, WVDE content-proficiency application):
        # https://wvde.us/?p=58356
        pytest.param("WV", "add-by-content-test", id="WV-bachelor-only"),
        pytest.param("WI", "initial-1902", id="WI-bachelor-only"),
        pytest.param("WY", "institutional-recommendation", id="WY-bachelor-only"),
    ],
)
def test_bachelor_only_is_not_yet_with_a_plan(state: str, best: str) -> None:
    result = run(state, **ONLY_BACHELOR)
    assert result.verdict == "not_yet"
    assert result.best_pathway == best
    assert result.plan.steps
    assert result.plan.steps[-1].kind == "application"
