"""Hand-written engine cases for the b4 states (NH, NJ, NM, NC, ND, OH, OK, OR, PA, RI).

Each case names the page its expected answer comes from. The cases pin the data: changing a rule,
a cut score or a pathway in data/requirements/XX.yaml makes the matching case fail.
"""

from __future__ import annotations

import pytest

from tests.helpers import ONLY_BACHELOR, pathway, requirement, run


def person(**fields: object) -> dict[str, object]:
    """ONLY_BACHELOR with some fields filled in."""
    return {**ONLY_BACHELOR, **fields}


# (state, profile, verdict, best pathway, [(pathway, requirement, status)], first plan step kind)
CASES = [
    # NM PED Library Media page (2024-07-12):
    # https://webnew.ped.state.nm.us/bureaus/licensure/endorsements-how-to-add-a-license/library-media
    # A teacher with an existing NM license adds the endorsement by passing Praxis 5312.
    pytest.param(
        "NM",
        person(
            teaching_license_status="active", teaching_license_state="NM", exams=["praxis-5312"]
        ),
        "eligible",
        "existing-license",
        [("existing-license", "content", "met")],
        None,
        id="NM-licensed-teacher-passed-5312",
    ),
    # Same page: no NM cut score for 5312 is published, so a reported score cannot be judged.
    pytest.param(
        "NM",
        person(
            teaching_license_status="active", teaching_license_state="NM", exams=["praxis-5312:160"]
        ),
        "cannot_tell",
        "existing-license",
        [("existing-license", "content", "not_confirmed")],
        None,
        id="NM-5312-score-cut-not-confirmed",
    ),
    # Same page and 6.64.8.8 NMAC: National Board certification in library media is an option.
    pytest.param(
        "NM",
        person(teaching_license_status="active", teaching_license_state="NM", national_board="yes"),
        "eligible",
        "existing-license",
        [("existing-license", "content", "met")],
        None,
        id="NM-licensed-teacher-national-board",
    ),
    # Same page: the endorsement goes on a New Mexico license; an Arizona license does not count.
    pytest.param(
        "NM",
        person(
            teaching_license_status="active", teaching_license_state="AZ", library_credit_hours=24
        ),
        "not_yet",
        "existing-license",
        [("existing-license", "nm-license", "missing"), ("existing-license", "content", "met")],
        "teaching_license",
        id="NM-arizona-license-24-hours",
    ),
    # N.J.A.C. 6A:9B-14.14(b): a master's in library media studies qualifies for the CE:
    # https://regulations.justia.com/states/new-jersey/title-6a/chapter-9b/subchapter-14/section-6a-9b-14-14/
    pytest.param(
        "NJ",
        person(
            master="yes",
            master_fields=["library_science"],
            teaching_license_status="active",
            teaching_license_state="NJ",
        ),
        "eligible",
        "library-media-masters",
        [("library-media-masters", "masters-library-media", "met")],
        None,
        id="NJ-teacher-with-library-masters",
    ),
    # Same rule (c): a master's in education without an approved program or 36 credits is not enough
    # under the stricter (Rutgers) reading.
    pytest.param(
        "NJ",
        person(
            master="yes",
            master_fields=["education"],
            teaching_license_status="active",
            teaching_license_state="NJ",
        ),
        "not_yet",
        "approved-program",
        [("approved-program", "program", "missing"), ("approved-program", "masters", "met")],
        "program",
        id="NJ-teacher-med-no-library-program",
    ),
    # OAR 584-220-0145 and the ORELA NT502 page (passing score 220):
    # https://regulations.justia.com/states/oregon/584/division-220/584-220-0145/
    # https://www.orela.nesinc.com/TestView.aspx?f=HTML_FRAG%2FNT502_TestPage.html
    pytest.param(
        "OR",
        person(
            teaching_license_status="active",
            teaching_license_state="OR",
            school_library_program="yes",
            exams=["nes-502:225"],
        ),
        "eligible",
        "add-endorsement",
        [("add-endorsement", "nes-502", "met")],
        None,
        id="OR-licensed-teacher-program-passed-502",
    ),
    pytest.param(
        "OR",
        person(
            teaching_license_status="active",
            teaching_license_state="OR",
            school_library_program="yes",
            exams=["nes-502:215"],
        ),
        "not_yet",
        "add-endorsement",
        [("add-endorsement", "nes-502", "missing")],
        "exam",
        id="OR-502-score-below-220",
    ),
    # OEQA May 2025 release (advanced degree statutorily required) and CEOE field 138 (passing 240):
    # https://oklahoma.gov/oeqa/about-oeqa/newsroom/2025/2025-05-oklahoma_streamlines_certification_for_graduate-educated_teachers.html
    # http://www.ceoe.nesinc.com/Content/StudyGuide/OK_SG_OBJ_138.htm
    pytest.param(
        "OK",
        person(
            teaching_license_status="active",
            teaching_license_state="OK",
            master="yes",
            master_fields=["school_library_media"],
            school_library_program="yes",
            exams=["osat-138:245"],
        ),
        "eligible",
        "library-media-masters",
        [("library-media-masters", "subject-test", "met")],
        None,
        id="OK-teacher-library-masters-passed-osat",
    ),
    pytest.param(
        "OK",
        person(
            teaching_license_status="active",
            teaching_license_state="OK",
            master="yes",
            master_fields=["school_library_media"],
            school_library_program="yes",
            exams=["osat-138:235"],
        ),
        "not_yet",
        "library-media-masters",
        [("library-media-masters", "subject-test", "missing")],
        "exam",
        id="OK-osat-below-240",
    ),
    # OAE 041 framework (passing 220) and Kent State's licensure pages (a valid Ohio teaching
    # license for the licensure-only route):
    # http://www.oh.nesinc.com/CONTENT/STUDYGUIDE/OH_SG_OBJ_041.htm
    # https://www.kent.edu/iSchool/k-12-school-library-media-licensure-admissions-0
    pytest.param(
        "OH",
        person(
            teaching_license_status="active",
            teaching_license_state="OH",
            school_library_program="yes",
            exams=["oae-041:230"],
        ),
        "eligible",
        "licensed-teacher",
        [("licensed-teacher", "oae-041", "met")],
        None,
        id="OH-ohio-teacher-program-passed-041",
    ),
    pytest.param(
        "OH",
        person(
            teaching_license_status="active",
            teaching_license_state="PA",
            school_library_program="yes",
            exams=["oae-041:230"],
        ),
        "not_yet",
        "licensed-teacher",
        [("licensed-teacher", "ohio-license", "missing")],
        "teaching_license",
        id="OH-pennsylvania-license-not-ohio",
    ),
    # PDE Library Science program guidelines and the State Library page: an initial Instructional I
    # certificate goes through an approved program with student teaching, no prior certificate:
    # http://www.statelibrary.pa.gov/Libraries/SchoolLibraries/Pages/default.aspx
    pytest.param(
        "PA",
        person(),
        "not_yet",
        "initial-certificate",
        [("initial-certificate", "praxis", "missing")],
        "program",
        id="PA-bachelor-only-initial-route",
    ),
    # Ed 507.21 (bachelor's plus competencies, no teaching license named):
    # https://casetext.com/regulation/new-hampshire-administrative-code/title-ed-board-of-education/chapter-ed-500-credential-standards-for-educational-personnel/part-ed-507-requirements-and-certification-for-educational-personnel-in-specific-areas/section-ed-50721-library-media-specialist
    # The secondary reading (teaching license) stays a conflict, but the rule text governs.
    pytest.param(
        "NH",
        person(school_library_program="yes"),
        "eligible",
        "approved-program",
        [
            ("approved-program", "program", "met"),
            ("approved-program", "teaching-license", "met"),
        ],
        "application",
        id="NH-program-completer-without-license",
    ),
    # NDAC 67-11-04-04 as quoted by the ND State Library (LM03: 15 semester hours), which governs
    # over SLC's 16; the credential rule names no test (NDAC 67-11-04-05):
    # https://library-nd.libguides.com/librarylaw/media_specialist
    # https://casetext.com/regulation/north-dakota-administrative-code/title-67-public-instruction-superintendent-of/article-67-11-education-professional-credentials/chapter-67-11-04-north-dakota-library-media-credential/section-67-11-04-05-credential-standards
    pytest.param(
        "ND",
        person(
            teaching_license_status="active", teaching_license_state="ND", library_credit_hours=15
        ),
        "eligible",
        "lm03",
        [
            ("lm03", "coursework", "met"),
            ("lm03", "praxis", "met"),
            ("lm02", "coursework", "missing"),
        ],
        "application",
        id="ND-teacher-with-15-hours",
    ),
    # LM02: 24 semester hours (SLC's rule-based bullets and Mayville State's 2024-25 catalog) govern
    # over SLC's summary line (26):
    # https://mayvillestate.smartcatalogiq.com/en/2024-2025/2024-2025-academic-catalog/academic-programs/library-media-and-information-science/library-media-and-information-science-minor
    pytest.param(
        "ND",
        person(
            teaching_license_status="active", teaching_license_state="ND", library_credit_hours=24
        ),
        "eligible",
        "lm02",
        [("lm02", "coursework", "met"), ("lm02", "praxis", "met")],
        "application",
        id="ND-teacher-with-24-hours-is-lm02",
    ),
    # URI's RIDE-approved School Library Media track names no teaching certificate for admission
    # and builds in the student teaching RIDE requires:
    # https://harrington.uri.edu/academics/library-and-information-studies/mlis-curriculum/school-library-media/
    pytest.param(
        "RI",
        person(school_library_program="yes"),
        "eligible",
        "approved-program",
        [("approved-program", "teaching-license", "met")],
        "other",
        id="RI-program-completer-without-license",
    ),
    # UNC SILS and UNCG: a master's in library science, an approved 076 program and the Praxis test:
    # https://sils.unc.edu/programs/slmc/licensure
    # https://soe.uncg.edu/academics/departments/lis/lis-programs/mlis-with-school-library-licensure/
    pytest.param(
        "NC",
        person(
            master="yes",
            master_fields=["library_science"],
            school_library_program="yes",
            exams=["praxis-5312"],
        ),
        "eligible",
        "approved-program",
        [
            ("approved-program", "masters-lis", "met"),
            ("approved-program", "praxis", "met"),
            # Current UNCG and NCCU pages govern: no license, education courses to confirm.
            ("approved-program", "teaching-license", "not_given"),
        ],
        "other",
        id="NC-mlis-program-praxis-no-license",
    ),
]


@pytest.mark.parametrize(("state", "fields", "verdict", "best", "checks", "first_step"), CASES)
def test_state_case(
    state: str,
    fields: dict[str, object],
    verdict: str,
    best: str,
    checks: list[tuple[str, str, str]],
    first_step: str | None,
) -> None:
    result = run(state, **fields)
    assert result.verdict == verdict, result.verdict_reason
    assert result.best_pathway == best, result.best_reason
    for pathway_id, requirement_id, status in checks:
        assert requirement(pathway(result, pathway_id), requirement_id).status == status, (
            pathway_id,
            requirement_id,
        )
    if first_step is not None:
        assert result.plan.steps[0].kind == first_step


# (state, profile, pathway, requirement, the reading under which the person already qualifies)
CONFLICTS = [
    # NJ: 6A:9B-14.14(c) read as alternatives lets a master's plus a standard certificate suffice.
    pytest.param(
        "NJ",
        person(
            master="yes",
            master_fields=["education"],
            teaching_license_status="active",
            teaching_license_state="NJ",
        ),
        "approved-program",
        "program",
        "met",
        id="NJ-ceas-list-conflict-certificate-reading-met",
    ),
    # OK: OSU's 18-credit certificate vs UCO's 24 hours for master's holders in another field.
    pytest.param(
        "OK",
        person(
            teaching_license_status="active",
            teaching_license_state="OK",
            master="yes",
            master_fields=["education"],
            library_credit_hours=18,
            exams=["osat-138:250"],
        ),
        "other-masters-coursework",
        "coursework",
        "met",
        id="OK-coursework-conflict-18-reading-met",
    ),
]


@pytest.mark.parametrize(("state", "fields", "pathway_id", "requirement_id", "reading"), CONFLICTS)
def test_conflict_reading(
    state: str, fields: dict[str, object], pathway_id: str, requirement_id: str, reading: str
) -> None:
    result = run(state, **fields)
    req = requirement(pathway(result, pathway_id), requirement_id)
    assert req.status == "missing"
    assert req.conflict is not None
    assert reading in {r.status for r in req.conflict.readings}


# Conflicts whose reading rests on the more authoritative current source (conflict.governs:
# reading): that reading decides the status, and the other reading is still shown.
# (state, profile, pathway, requirement, text the outcome names as the governing reading)
GOVERNED = [
    # NH: Ed 507.21 names no teaching license (see the NH case above).
    pytest.param(
        "NH",
        person(school_library_program="yes"),
        "approved-program",
        "teaching-license",
        "Not required; the rule names a bachelor's degree",
        id="NH-license-conflict-rule-reading-met",
    ),
    # ND: the rule as quoted by the ND State Library says 15 hours for LM03 (SLC's summary says 16).
    pytest.param(
        "ND",
        person(
            teaching_license_status="active", teaching_license_state="ND", library_credit_hours=15
        ),
        "lm03",
        "coursework",
        "At least 15 semester hours",
        id="ND-lm03-hours-conflict-15-reading-met",
    ),
    # ND: NDAC 67-11-04 names coursework and no test (SLC says a Praxis score of 156).
    pytest.param(
        "ND",
        person(
            teaching_license_status="active", teaching_license_state="ND", library_credit_hours=15
        ),
        "lm03",
        "praxis",
        "Not required; the DPI credential rule names coursework only",
        id="ND-lm03-praxis-conflict-rule-reading-met",
    ),
]


@pytest.mark.parametrize(("state", "fields", "pathway_id", "requirement_id", "says"), GOVERNED)
def test_governing_reading_decides_the_status(
    state: str, fields: dict[str, object], pathway_id: str, requirement_id: str, says: str
) -> None:
    result = run(state, **fields)
    req = requirement(pathway(result, pathway_id), requirement_id)
    assert req.status == "met"
    assert req.conflict is not None
    assert [r.status for r in req.conflict.readings] == ["missing", "met"]
    assert "lmspath goes by: " + says in req.conflict.outcome


@pytest.mark.parametrize("state", ["NH", "NJ", "NM", "NC", "ND", "OH", "OK", "OR", "PA", "RI"])
def test_bachelor_only_is_not_yet_with_a_plan(state: str) -> None:
    result = run(state, **ONLY_BACHELOR)
    assert result.verdict == "not_yet"
    assert result.plan.steps
    assert result.plan.steps[-1].kind == "application"
