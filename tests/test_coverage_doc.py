"""DATA.md's coverage of cut scores, fees and plans naming programs, from the shipped data."""

from __future__ import annotations

from pathlib import Path

from lmspath.api.data_md_coverage import _exams, exam_status, fee_row, plan_share, shipped_assess
from lmspath.store.load import load_state
from tests.helpers import TODAY

ROOT = Path(__file__).resolve().parent.parent


def _status(code: str) -> dict[str, str]:
    return {r.exam: exam_status(r) for r in _exams(load_state(code))}


def test_exam_status_is_current_last_known_or_none() -> None:
    assert _status("TX") == {"texes-150": "current 240"}
    assert _status("KS") == {"praxis-5312": "last known 153 (Praxis 5311, 2023)"}
    assert _status("DC") == {"praxis-5312": "none"}
    # Louisiana's current 5312 cut is the one shown, not its 5311 history.
    assert _status("LA")["praxis-5312"] == "current 154"
    assert _status("AK") == {}


def test_fee_rows_count_numbers_procedures_and_processing_times() -> None:
    mn = fee_row(load_state("MN"))
    assert (mn.application, mn.background, mn.procedure, mn.processing) == (
        True,
        False,
        True,
        True,
    )
    al = fee_row(load_state("AL"))
    # Alabama: the fingerprint procedure is on record, its fee is not.
    assert (al.application, al.background, al.procedure, al.processing) == (
        False,
        False,
        True,
        False,
    )
    de = fee_row(load_state("DE"))
    assert not any((de.application, de.background, de.procedure, de.processing))


def test_plan_share_counts_plans_whose_study_step_names_a_program() -> None:
    with_step, named, without, missing = plan_share(["TX", "AK"], shipped_assess(TODAY))
    assert with_step + without == 4
    assert "AK (career changer)" in missing
    assert not any(m.startswith("TX") for m in missing)
    assert named == with_step - len(missing)


def test_data_md_reports_the_three_sections() -> None:
    text = (ROOT / "DATA.md").read_text(encoding="utf-8")
    assert "| KS | praxis-5312: last known 153 (Praxis 5311, 2023) |" in text
    assert "Application fee on record: 22 of 51" in text
    assert "## Plans that name a program" in text
