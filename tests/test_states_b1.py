"""Hand-written engine cases for batch b1 states (AL, AK, AZ, FL, NY, CA, DC) on the shipped rules.

Each case names the official page its expected answer comes from, so a change to the data behind it
makes the case fail.
"""

from __future__ import annotations

import pytest

from tests.helpers import ONLY_BACHELOR, pathway, requirement, run

# Arizona: https://cms.azed.gov/educator-certification/library-media-specialist-prek-12-endorsement
# (Arizona certificate, one year of PreK-12 teaching, NES 502 or an alternative, IVP card).
AZ_TEACHER: dict[str, object] = {
    "bachelor": "yes",
    "teaching_license_state": "AZ",
    "teaching_license_status": "active",
    "teaching_years": 1,
    "background_check": "yes",
    "master": "no",
    "national_board": "no",
}

# Florida rule 6A-4.0251 (Plan Two: 30 semester hours) and FLDOE certificate types:
# https://regulations.justia.com/states/florida/6/6a/chapter-6a-4/section-6a-4-0251
# http://cdn.fldoe.org/teaching/certification/general-cert-requirements/
FL_BASE: dict[str, object] = {**ONLY_BACHELOR, "background_check": "yes"}

# Alabama Class A admission (Ala. Admin. Code r. 290-3-3-.48): a teaching certificate and two
# years of P-12 educator experience:
# https://regulations.justia.com/states/alabama/title-290/chapter-290-3-3/section-290-3-3-48
AL_READY: dict[str, object] = {
    "bachelor": "yes",
    "master": "yes",
    "school_library_program": "yes",
    "teaching_license_state": "AL",
    "teaching_license_status": "active",
    "teaching_years": 2,
    "exams": "praxis-5312",
}

# New York: EAS + CST for a first Initial certificate
# (https://www.nystce.nesinc.com/PageView.aspx?f=GEN_WhatTestsDoINeedToTake.html) and a master's for
# the Professional certificate (https://www.highered.nysed.gov/tcert/certificate/relatedmasters.html).
NY_READY: dict[str, object] = {
    "bachelor": "yes",
    "master": "yes",
    "school_library_program": "yes",
    "exams": "nystce-074:530; nystce-201:525",
    "background_check": "yes",
    "library_credit_hours": 0,
    "teaching_license_status": "none",
    "practicum_hours": 0,
}

# California: Ed Code 44269 and CTC's checklist (valid California teaching credential, approved
# program, fingerprints): https://www.ctc.ca.gov/credentials/teacher-lib-checklist-another-state
CA_READY: dict[str, object] = {
    "bachelor": "yes",
    "teaching_license_state": "CA",
    "teaching_license_status": "active",
    "school_library_program": "yes",
    "background_check": "yes",
}

VERDICTS = [
    pytest.param(
        "AZ",
        {**AZ_TEACHER, "exams": "nes-502:230"},
        "eligible",
        "endorsement",
        id="AZ-nes-502-pass",
    ),
    pytest.param(
        "AZ", {**AZ_TEACHER, "exams": "nes-502:210"}, "not_yet", "endorsement", id="AZ-below-220"
    ),
    pytest.param(
        "AZ",
        {**AZ_TEACHER, "exams": [], "national_board": "yes"},
        "eligible",
        "endorsement",
        id="AZ-national-board-instead-of-exam",
    ),
    pytest.param(
        "AZ",
        {**AZ_TEACHER, "exams": [], "master": "yes", "master_fields": "library_science"},
        "eligible",
        "endorsement",
        id="AZ-library-science-masters-instead-of-exam",
    ),
    pytest.param(
        "AZ",
        {**AZ_TEACHER, "teaching_license_state": "TX", "exams": "nes-502:230"},
        "not_yet",
        "endorsement",
        id="AZ-needs-arizona-certificate",
    ),
    pytest.param(
        "FL",
        {**FL_BASE, "library_credit_hours": 30},
        "eligible",
        "plan-two-coursework",
        id="FL-30-hours-no-masters",
    ),
    pytest.param(
        "FL",
        {**FL_BASE, "library_credit_hours": 24},
        "not_yet",
        None,
        id="FL-24-hours-short",
    ),
    pytest.param(
        "FL", {**FL_BASE, "exams": "ftce-010:205"}, "eligible", "subject-exam", id="FL-ftce-pass"
    ),
    pytest.param("AL", AL_READY, "eligible", "class-a-program", id="AL-class-a-ready"),
    pytest.param(
        "AL",
        {**AL_READY, "teaching_years": 1},
        "not_yet",
        "class-a-program",
        id="AL-one-year-short",
    ),
    pytest.param("NY", NY_READY, "eligible", "registered-program", id="NY-masters-cst-eas"),
    pytest.param(
        "NY",
        {**NY_READY, "exams": "nystce-074:510; nystce-201:525"},
        "not_yet",
        "registered-program",
        id="NY-cst-below-520",
    ),
    pytest.param("CA", CA_READY, "eligible", "ca-program", id="CA-credential-and-program"),
    pytest.param(
        "CA",
        {**CA_READY, "teaching_license_state": "OR"},
        "not_yet",
        "ca-program",
        id="CA-needs-california-credential",
    ),
]


@pytest.mark.parametrize(("state", "fields", "verdict", "best"), VERDICTS)
def test_b1_verdicts(state: str, fields: dict[str, object], verdict: str, best: str | None) -> None:
    result = run(state, **fields)
    assert result.verdict == verdict
    if best is not None:
        assert result.best_pathway == best


def test_fl_24_hours_is_six_short_of_plan_two() -> None:
    # Rule 6A-4.0251 Plan Two: thirty semester hours.
    # https://regulations.justia.com/states/florida/6/6a/chapter-6a-4/section-6a-4-0251
    result = run("FL", **{**FL_BASE, "library_credit_hours": 24})
    hours = requirement(pathway(result, "plan-two-coursework"), "coursework")
    assert hours.status == "missing"
    assert hours.have == "24 of 30 semester hours"


@pytest.mark.parametrize("state", ["AL", "AK", "AZ", "FL", "NY", "CA", "CO", "CT", "DE", "DC"])
def test_b1_only_bachelor_is_not_yet_with_a_plan(state: str) -> None:
    result = run(state, **ONLY_BACHELOR)
    assert result.verdict == "not_yet"
    assert result.plan.steps


def test_az_only_bachelor_starts_with_a_teaching_license() -> None:
    # ADE: the endorsement attaches to a valid Arizona teaching certificate.
    # https://cms.azed.gov/educator-certification/library-media-specialist-prek-12-endorsement
    result = run("AZ", **ONLY_BACHELOR)
    assert result.plan.steps[0].kind == "teaching_license"


def test_az_exam_option_reports_the_220_cut() -> None:
    # ADE names NES 502; the NES 502 page gives 220:
    # https://www.orela.nesinc.com/TestView.aspx?f=HTML_FRAG%2FNT502_TestPage.html
    result = run("AZ", **{**AZ_TEACHER, "exams": "nes-502:210"})
    knowledge = requirement(pathway(result, "endorsement"), "subject-knowledge")
    assert knowledge.status == "missing"
    exam = next(o for o in knowledge.options if o.id == "nes-502")
    assert exam.have == "nes-502: 210 < cut 220"


def test_fl_coursework_route_needs_no_masters() -> None:
    # Rule 6A-4.0251 Plan Two: any bachelor's plus 30 semester hours; no master's degree.
    # https://regulations.justia.com/states/florida/6/6a/chapter-6a-4/section-6a-4-0251
    result = run("FL", **{**FL_BASE, "library_credit_hours": 30})
    route = pathway(result, "plan-two-coursework")
    assert route.complete
    assert {r.kind for r in route.requirements} >= {"degree", "credit_hours"}
    assert requirement(route, "bachelor").status == "met"


def test_al_praxis_score_without_confirmed_cut_cannot_tell() -> None:
    # No Alabama 5312 cut score is published in the sources read (ETS Alabama pages):
    # https://www.ets.org/praxis/al/test-takers/plan-your-test/licensure/educator-preparation-approach.html
    result = run("AL", **{**AL_READY, "exams": "praxis-5312:160"})
    assert result.verdict == "cannot_tell"
    exam = requirement(pathway(result, "class-a-program"), "praxis")
    assert exam.status == "not_confirmed"


def test_al_pcls_is_employer_sponsored() -> None:
    # Ala. Admin. Code r. 290-3-2-.11: only a superintendent or administrator may request a PCLS.
    # https://regulations.justia.com/states/alabama/title-290/chapter-290-3-2/section-290-3-2-11
    result = run("AL", **ONLY_BACHELOR)
    assert pathway(result, "pcls").audience == "employer_sponsored"
    assert result.best_pathway != "pcls"


def test_ak_degree_conflict_shows_both_readings() -> None:
    # DEED Type C page says bachelor's or higher; DEED's endorsement page says most Type C
    # endorsements need a master's.
    # https://education.alaska.gov/teachercertification/certification/typec
    fields = {**ONLY_BACHELOR, "school_library_program": "yes", "background_check": "yes"}
    result = run("AK", **fields)
    assert result.verdict == "not_yet"
    degree = requirement(pathway(result, "type-c-program"), "degree")
    assert degree.status == "missing"
    assert degree.conflict is not None
    assert [r.status for r in degree.conflict.readings] == ["missing", "met"]


def test_ak_needs_no_teaching_license() -> None:
    # 4 AAC 12.355 / DEED Type C page list no teaching-certificate prerequisite.
    # https://education.alaska.gov/teachercertification/certification/typec
    result = run("AK", **ONLY_BACHELOR)
    kinds = {r.kind for r in pathway(result, "type-c-program").requirements}
    assert "teaching_license" not in kinds
    assert "exam" not in kinds


def test_ny_initial_at_bachelor_level_is_a_recorded_conflict() -> None:
    # NYSED requires a master's for the Professional certificate; the conflict keeps the other
    # reading (School Library Connection: bachelor's level).
    # https://www.highered.nysed.gov/tcert/certificate/relatedmasters.html
    result = run("NY", **{**NY_READY, "master": "no"})
    assert result.verdict == "not_yet"
    masters = requirement(pathway(result, "registered-program"), "masters")
    assert masters.conflict is not None
    assert [r.status for r in masters.conflict.readings] == ["missing", "met"]


def test_ny_requires_eas_as_well_as_cst() -> None:
    # NYSTCE: a first Initial certificate needs EAS and the CST.
    # https://www.nystce.nesinc.com/PageView.aspx?f=GEN_WhatTestsDoINeedToTake.html
    result = run("NY", **{**NY_READY, "exams": "nystce-074:530"})
    assert result.verdict == "not_yet"
    eas = requirement(pathway(result, "registered-program"), "eas")
    assert eas.status == "missing"


def test_dc_initial_credential_is_employer_sponsored() -> None:
    # OSSE Initial SSP credential needs a DC LEA request (or an out-of-state credential).
    # https://osse.dc.gov/page/initial-school-service-provider-certification
    result = run("DC", **{**ONLY_BACHELOR, "master": "yes", "master_fields": "library_science"})
    assert pathway(result, "initial-credential").audience == "employer_sponsored"
    assert result.best_pathway == "standard-credential"


# Delaware: the regulation names only the education requirement (14 DE Admin. Code 1580-4.0):
# https://www.law.cornell.edu/regulations/delaware/14-Del-Admin-Code-SS-1580-4.0
# and a new applicant applies for the Initial License together with a specialist standard
# certificate (14 DE Admin. Code 1510-4.0):
# https://casetext.com/regulation/delaware-administrative-code/title-14-education/professional-standards-board/initial-license/section-1510-40-requirements-for-an-initial-license
# These readings govern (conflict.governs: reading) over the single 2023 secondary guide.
DE_ALA_MASTERS: dict[str, object] = {
    **ONLY_BACHELOR,
    "master": "yes",
    "master_fields": "school_library_media",
    "master_ala_accredited": "yes",
}


def test_de_regulation_governs_no_prior_license_or_teaching_year() -> None:
    result = run("DE", **DE_ALA_MASTERS)
    assert result.verdict == "eligible"
    assert result.best_pathway == "ala-masters"
    assert [s.kind for s in result.plan.steps] == ["application"]
    path = pathway(result, "ala-masters")
    for req_id, says in [
        ("de-license", "lmspath goes by: No prior license is needed"),
        ("teaching-year", "lmspath goes by: Not required; section 4.0 of the regulation"),
    ]:
        req = requirement(path, req_id)
        assert req.status == "met"
        assert req.conflict is not None
        # The guide's reading is still shown, and the person does not meet it.
        assert [r.status for r in req.conflict.readings] == ["missing", "met"]
        assert says in req.conflict.outcome


def test_de_any_masters_still_needs_the_approved_program() -> None:
    # 1580-4.1.1.2: a master's in any area plus a Department-approved school library media program.
    # https://www.law.cornell.edu/regulations/delaware/14-Del-Admin-Code-SS-1580-4.0
    result = run("DE", **{**ONLY_BACHELOR, "master": "yes", "master_fields": "education"})
    assert result.verdict == "not_yet"
    assert result.best_pathway == "masters-plus-program"
    assert result.plan.steps[0].kind == "program"
    assert requirement(pathway(result, "masters-plus-program"), "de-license").status == "met"
