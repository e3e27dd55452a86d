"""Hand-written engine cases for ME, MD, MA, MI, MN, MS, MO, NE and NV on the shipped rules data.

Each case cites the page its expected answer comes from, so a changed rule shows up as a failing
test that points at the source to re-read.
"""

from __future__ import annotations

import pytest

from tests.helpers import ONLY_BACHELOR, pathway, requirement, run

MLIS_ALA = {"master": "yes", "master_fields": ["library_science"], "master_ala_accredited": "yes"}


def licensed(state: str) -> dict[str, object]:
    """An active teaching license issued by ``state``."""
    return {"teaching_license_state": state, "teaching_license_status": "active"}


CASES = [
    # COMAR 13A.12.04.04 pathway 5 and MSDE's Library Media Specialist page (option V):
    # bachelor's + 36 post-baccalaureate credits + one year of full-time teaching.
    # https://dsd.maryland.gov/regulations/Pages/13A.12.04.04.aspx
    pytest.param(
        "MD",
        {**ONLY_BACHELOR, "library_credit_hours": 36, "teaching_years": 1},
        "eligible",
        "masters-equivalent",
        id="MD-bachelor-36-credits-one-year-teaching",
    ),
    # Same page: 30 credits are short of the 36 post-baccalaureate credits.
    # https://dsd.maryland.gov/regulations/Pages/13A.12.04.04.aspx
    pytest.param(
        "MD",
        {**ONLY_BACHELOR, "library_credit_hours": 30, "teaching_years": 2},
        "not_yet",
        "masters-equivalent",
        id="MD-bachelor-30-credits",
    ),
    # COMAR 13A.12.04.04 pathway 4: master's + National Board Certificate in Library Media.
    # https://dsd.maryland.gov/regulations/Pages/13A.12.04.04.aspx
    pytest.param(
        "MD",
        {**ONLY_BACHELOR, "master": "yes", "national_board": "yes"},
        "eligible",
        "national-board",
        id="MD-masters-national-board",
    ),
    # NAC 391.255 option 2: eligible Nevada teaching license + ALA-accredited LS master's.
    # https://regulations.justia.com/states/nevada/chapter-391/special-endorsements/section-391-255/
    pytest.param(
        "NV",
        {**ONLY_BACHELOR, **licensed("NV"), **MLIS_ALA},
        "eligible",
        "ala-masters",
        id="NV-licensed-teacher-ala-mlis",
    ),
    # NAC 391.255: every option requires a valid Nevada teaching license.
    # https://regulations.justia.com/states/nevada/chapter-391/special-endorsements/section-391-255/
    pytest.param(
        "NV",
        {**ONLY_BACHELOR, **MLIS_ALA, "library_credit_hours": 36},
        "not_yet",
        "ala-masters",
        id="NV-mlis-no-teaching-license",
    ),
    # PELSB testing page: since 2023-08-01 Minnesota program completers need no MTLE exams.
    # https://mn.gov/pelsb/current-educators/testing/
    pytest.param(
        "MN",
        {**ONLY_BACHELOR, "school_library_program": "yes"},
        "eligible",
        "approved-program",
        id="MN-program-completer-no-exams",
    ),
    # 603 CMR 7.04(2)(a): Provisional license = bachelor's + Communication and Literacy test +
    # competency review (no library subject test exists).
    # https://regulations.justia.com/states/massachusetts/603-cmr/title-603-cmr-7-00/section-7-04
    pytest.param(
        "MA",
        {**ONLY_BACHELOR, "exams": "mtel-cls:245"},
        "eligible",
        "provisional-competency-review",
        id="MA-bachelor-mtel-passed",
    ),
    # MTEL guide: 240 is the passing score on each subtest.
    # https://mtel.nesinc.com/Content/StudyGuide/MA_SG_obj_01.htm
    pytest.param(
        "MA",
        {**ONLY_BACHELOR, "exams": "mtel-cls:230"},
        "not_yet",
        "provisional-competency-review",
        id="MA-mtel-below-240",
    ),
    # MDE 'Adding an endorsement' and Wayne State: Michigan certificate + approved program + MTTC.
    # https://michigan.gov/mde/services/ed-serv/ed-cert/cert-guidance/becoming-a-teacher/adding-an-endorsement
    pytest.param(
        "MI",
        {
            **ONLY_BACHELOR,
            **licensed("MI"),
            "school_library_program": "yes",
            "exams": "mttc-048:231",
        },
        "eligible",
        "endorsement-program",
        id="MI-teacher-program-mttc",
    ),
    # Teach Mississippi Institute testing page: Library/Media (K-12), Praxis 5312, minimum 149.
    # https://tmi.olemiss.edu/testing.html
    pytest.param(
        "MS",
        {**ONLY_BACHELOR, **licensed("MS"), "exams": "praxis-5312:150"},
        "eligible",
        "test-only-add-on",
        id="MS-licensed-praxis-150",
    ),
    # NDE Rule 24 School Librarian page: a passing Appendix C content test is required.
    # https://teach.nebraska.gov/node/144
    pytest.param(
        "NE",
        {**ONLY_BACHELOR, **licensed("NE"), "library_credit_hours": 30},
        "not_yet",
        "add-to-certificate",
        id="NE-teacher-30-hours-no-test",
    ),
]


@pytest.mark.parametrize(("state", "fields", "verdict", "best"), CASES)
def test_verdict_and_best_pathway(
    state: str, fields: dict[str, object], verdict: str, best: str
) -> None:
    result = run(state, **fields)
    assert result.verdict == verdict
    assert result.best_pathway == best


def test_md_thirty_credits_is_the_missing_piece() -> None:
    # https://dsd.maryland.gov/regulations/Pages/13A.12.04.04.aspx (36 post-baccalaureate credits)
    result = run("MD", **{**ONLY_BACHELOR, "library_credit_hours": 30, "teaching_years": 2})
    credits = requirement(pathway(result, "masters-equivalent"), "post-bacc-credits")
    assert credits.status == "missing"
    experience = requirement(pathway(result, "masters-equivalent"), "practicum-or-experience")
    assert experience.status == "met"


def test_nv_license_from_another_state_does_not_count() -> None:
    # NAC 391.255: the endorsement goes on a Nevada teaching license.
    # https://regulations.justia.com/states/nevada/chapter-391/special-endorsements/section-391-255/
    result = run("NV", **{**ONLY_BACHELOR, **licensed("AZ"), **MLIS_ALA})
    assert result.verdict == "not_yet"
    license_ = requirement(pathway(result, "ala-masters"), "teaching-license")
    assert license_.status == "missing"
    assert requirement(pathway(result, "ala-masters"), "masters").status == "met"


def test_ms_praxis_148_is_below_the_5312_cut() -> None:
    # https://tmi.olemiss.edu/testing.html (Library/Media K-12, 5312, 149)
    result = run("MS", **{**ONLY_BACHELOR, **licensed("MS"), "exams": "praxis-5312:148"})
    assert result.verdict == "not_yet"
    exam = requirement(pathway(result, "test-only-add-on"), "praxis-5312")
    assert exam.status == "missing"
    assert exam.have == "praxis-5312: 148 < cut 149"


def test_ne_content_test_is_the_missing_piece() -> None:
    # https://teach.nebraska.gov/node/144 (Appendix C content test since 2015-09-01)
    result = run("NE", **{**ONLY_BACHELOR, **licensed("NE"), "library_credit_hours": 30})
    path = pathway(result, "add-to-certificate")
    assert requirement(path, "library-hours").status == "met"
    assert requirement(path, "content-test").status == "missing"


def test_me_praxis_is_a_conflict_with_a_no_exam_reading() -> None:
    # MASL's quotation of Chapter 115 Part II section 1.11 names no exam; School Library Connection
    # says Praxis. https://maslibraries.org/Certification
    fields = {
        **ONLY_BACHELOR,
        "library_credit_hours": 36,
        "portfolio": "complete",
        "background_check": "yes",
    }
    result = run("ME", **fields)
    assert result.verdict == "not_yet"
    exam = requirement(pathway(result, "graduate-hours"), "praxis")
    assert exam.status == "missing"
    assert exam.conflict is not None
    assert [r.status for r in exam.conflict.readings] == ["missing", "met"]


def test_mn_has_no_exam_requirement_for_program_completers() -> None:
    # https://mn.gov/pelsb/current-educators/testing/ (exams waived from 2023-08-01)
    result = run("MN", **{**ONLY_BACHELOR, "school_library_program": "yes"})
    kinds = {r.kind for r in pathway(result, "approved-program").requirements}
    assert "exam" not in kinds


def test_mo_stand_alone_completer_needs_no_teaching_license() -> None:
    # Missouri Baptist University 2024-25 Graduate Bulletin (stand-alone K-12 certification) and
    # Mizzou SISLT (add-on and stand-alone) govern over School Library Connection (2015):
    # https://catalog.mobap.edu/preview_program.php?catoid=27&poid=6966
    # https://sislt.missouri.edu/lis/mlis-lms/
    fields = {
        **ONLY_BACHELOR,
        "school_library_program": "yes",
        "exams": "moca-042:230",
        "background_check": "yes",
    }
    result = run("MO", **fields)
    assert result.verdict == "eligible"
    assert result.best_pathway == "stand-alone"
    lic = requirement(pathway(result, "stand-alone"), "teaching-license")
    assert lic.status == "met"
    assert lic.conflict is not None
    assert [r.status for r in lic.conflict.readings] == ["missing", "met"]
    assert "lmspath goes by: Not required on the stand-alone route" in lic.conflict.outcome
    assert "teaching_license" not in [s.kind for s in result.plan.steps]


def test_mo_add_on_needs_twelve_hours_not_thirty() -> None:
    # Mizzou's and Missouri State's add-on certificates for certified teachers: 12 credits (four
    # DESE-required courses), over School Library Connection's 30 hours (2015):
    # https://gradschool.missouri.edu/degree-program/school-librarianship-graduate-certificate/
    # https://catalog.missouristate.edu/preview_program.php?catoid=5&poid=1453&returnto=268
    fields = {
        **ONLY_BACHELOR,
        **licensed("MO"),
        "library_credit_hours": 12,
        "exams": "moca-042:230",
    }
    result = run("MO", **fields)
    assert result.verdict == "eligible"
    assert result.best_pathway == "add-on"
    assert [s.kind for s in result.plan.steps] == ["application"]
    hours = requirement(pathway(result, "add-on"), "coursework")
    assert hours.status == "met"
    assert hours.conflict is not None
    assert [r.status for r in hours.conflict.readings] == ["missing", "met"]
