"""Lenient, explained reading (Y, TRUE, Tex., 2.5 yrs, Praxis II 5312) and counselor columns."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lmspath.batch.run import RESULT_COLUMNS
from lmspath.cli import get_app
from lmspath.model.lenient import Noted
from lmspath.model.profile import ProfileProblems, build_profile, parse_field, parse_field_noted
from lmspath.store.load import exam_index

runner = CliRunner()


def noted(field: str, value: object) -> object:
    index = exam_index()
    return parse_field_noted(field, value, resolve_exam=index.resolve, suggest_exam=index.suggest)


# --- one set of parsers -------------------------------------------------------------------------

YES_NO_FIELDS = ("master_ala_accredited", "background_check", "national_board")
PROGRESS_FIELDS = ("bachelor", "master", "school_library_program")


@pytest.mark.parametrize("field", YES_NO_FIELDS + PROGRESS_FIELDS)
@pytest.mark.parametrize(
    ("cell", "answer"),
    [("Y", "yes"), ("n", "no"), ("TRUE", "yes"), ("False", "no"), ("1", "yes"), ("0", "no"),
     ("x", "yes"), ("X", "yes"), ("t", "yes")],
)  # fmt: skip
def test_every_yes_no_field_reads_the_spreadsheet_words_and_says_so(
    field: str, cell: str, answer: str
) -> None:
    found = noted(field, cell)
    assert isinstance(found, Noted)
    assert found.value == answer
    assert found.note == f"{field}: {cell!r} read as {answer}"


@pytest.mark.parametrize("field", YES_NO_FIELDS + PROGRESS_FIELDS)
@pytest.mark.parametrize("cell", ["yes", "No", " YES "])
def test_the_plain_words_are_not_reported(field: str, cell: str) -> None:
    assert noted(field, cell) == cell.strip().lower()


@pytest.mark.parametrize("field", PROGRESS_FIELDS)
def test_in_progress_is_read_in_the_ways_people_write_it(field: str) -> None:
    assert noted(field, "in progress") == "in_progress"
    found = noted(field, "Enrolled")
    assert isinstance(found, Noted)
    assert found.value == "in_progress"


@pytest.mark.parametrize(
    ("cell", "code"),
    [("Tex.", "TX"), ("Calif", "CA"), ("calif.", "CA"), ("N.Y.", "NY"), ("N. Carolina", "NC"),
     ("Massach", "MA"), ("Penna.", "PA"), ("W.Va.", "WV"), ("Wash. DC", "DC"), ("Okla", "OK")],
)  # fmt: skip
def test_states_by_abbreviation_and_unique_prefix(cell: str, code: str) -> None:
    for field in ("state", "school_library_program_state", "teaching_license_state"):
        found = noted(field, cell)
        assert isinstance(found, Noted), (field, cell)
        assert found.value == code
        assert f"read as {code}" in found.note


def test_a_code_or_a_name_is_read_without_a_note() -> None:
    assert noted("state", "tx") == "TX"
    assert noted("state", "New Mexico") == "NM"


def test_a_prefix_that_fits_several_states_is_an_error_naming_them() -> None:
    with pytest.raises(ValueError, match=r"'New' could be NH .*NJ .*NM .*NY .*two-letter code"):
        noted("state", "New")


def test_a_typo_is_still_an_error_with_a_suggestion_not_a_guess() -> None:
    with pytest.raises(ValueError, match=r"did you mean TX \(Texas\)"):
        noted("state", "Texs")


@pytest.mark.parametrize(
    ("field", "cell", "number"),
    [("teaching_years", "2.5 yrs", 2.5), ("teaching_years", "3 Years", 3.0),
     ("school_library_years", "18 months", 1.5), ("practicum_hours", "120 hrs", 120.0),
     ("library_credit_hours", "18 credits", 18.0), ("library_credit_hours", "24 sem. hours", 24.0),
     ("practicum_hours", "1,200 hours", 1200.0)],
)  # fmt: skip
def test_numbers_with_units(field: str, cell: str, number: float) -> None:
    found = noted(field, cell)
    assert isinstance(found, Noted)
    assert found.value == number
    assert found.note == f"{field}: {cell!r} read as {number:g}"


@pytest.mark.parametrize(
    ("field", "cell", "message"),
    [("teaching_years", "120 hrs", "is in hours, but teaching_years counts years"),
     ("practicum_hours", "2 years", "is in years, but practicum_hours counts hours"),
     ("teaching_years", "2-3 years", "is a range; give one number"),
     ("teaching_years", "3 decades", "unit 'decades' not understood"),
     ("teaching_years", "90 years", "more than 60"),
     ("teaching_years", "three", "is not a number")],
)  # fmt: skip
def test_units_that_do_not_fit_stay_errors(field: str, cell: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        noted(field, cell)


@pytest.mark.parametrize(
    ("cell", "exam"),
    [("Praxis II 5312", "praxis-5312"), ("Praxis 5312 School Librarian", "praxis-5312"),
     ("praxis ii (5312)", "praxis-5312"), ("TExES 150", "texes-150"),
     ("GACE 601 Media Specialist", "gace-601"), ("FTCE 10", "ftce-010")],
)  # fmt: skip
def test_exam_names_as_people_write_them(cell: str, exam: str) -> None:
    found = parse_field("exams", cell, resolve_exam=exam_index().resolve)
    assert [e.exam for e in found] == [exam]  # type: ignore[attr-defined]


def test_a_lenient_exam_is_reported_and_a_known_spelling_is_not() -> None:
    found = noted("exams", "Praxis II 5312:170; texes-150")
    assert isinstance(found, Noted)
    assert found.note == "exams: 'Praxis II 5312' read as praxis-5312"
    assert [e.as_text() for e in found.value] == ["praxis-5312:170", "texes-150"]  # type: ignore[attr-defined]
    assert not isinstance(noted("exams", "Praxis 5312"), Noted)


def test_an_exam_number_two_exams_share_is_an_error_naming_both() -> None:
    with pytest.raises(ValueError, match=r"could be .*mtel-cls.*nystce-201|could be .*nystce"):
        noted("exams", "Exam 201")


def test_profile_files_read_leniently_and_collect_the_notes() -> None:
    notes: list[str] = []
    index = exam_index()
    profile = build_profile(
        {"state": "Calif", "bachelor": "TRUE", "teaching_years": "2.5 yrs"},
        resolve_exam=index.resolve,
        notes=notes,
    )
    assert (profile.state, profile.bachelor, profile.teaching_years) == ("CA", "yes", 2.5)
    assert notes == [
        "state: 'Calif' read as CA",
        "bachelor: 'TRUE' read as yes",
        "teaching_years: '2.5 yrs' read as 2.5",
    ]
    with pytest.raises(ProfileProblems, match="could be"):
        build_profile({"state": "New"})


# --- the batch, end to end ----------------------------------------------------------------------

INTAKE = """\
client_id,state,bachelor,master,school_library_program,teaching_years,exams,background_check,\
Counselor Notes,verdict
C-1,Tex.,Y,N,FALSE,2.5 yrs,Praxis II 5312,x,call back,v1
C-2,Calif,TRUE,in progress,no,3,TExES 150,no,"José, Zoë",
C-3,New,yes,no,no,120 hrs,Praxis 5312,yes,,
C-4,TX,yes,no,no,4,,yes,=cmd(),
"""


def _batch(tmp_path: Path, *extra: str) -> tuple[int, list[dict[str, str]], list[dict[str, str]]]:
    intake = tmp_path / "intake.csv"
    intake.write_text(INTAKE, encoding="utf-8")
    out, errors = tmp_path / "results.csv", tmp_path / "errors.csv"
    result = runner.invoke(
        get_app(), ["batch", str(intake), "-o", str(out), "-e", str(errors), *extra]
    )
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with open(errors, encoding="utf-8", newline="") as handle:
        problems = list(csv.DictReader(handle))
    return result.exit_code, rows, problems


def test_batch_scores_what_people_write_and_reports_each_normalisation(tmp_path: Path) -> None:
    code, rows, problems = _batch(tmp_path)
    assert code == 1
    assert [r["client_id"] for r in rows] == ["C-1", "C-2", "C-4"]
    first = rows[0]
    assert (first["state"], first["verdict"]) == ("TX", "not_yet")
    assert first["normalised"].split("; ") == [
        "state: 'Tex.' read as TX",
        "bachelor: 'Y' read as yes",
        "master: 'N' read as no",
        "school_library_program: 'FALSE' read as no",
        "teaching_years: '2.5 yrs' read as 2.5",
        "exams: 'Praxis II 5312' read as praxis-5312",
        "background_check: 'x' read as yes",
    ]
    assert rows[2]["normalised"] == ""
    # the ambiguous row is rejected with every problem and a way out; rows in = scored + rejected
    assert [(p["line"], p["field"]) for p in problems] == [("4", "state"), ("4", "teaching_years")]
    assert "could be NH (New Hampshire)" in problems[0]["problem"]
    assert "counts years" in problems[1]["problem"]


def test_results_carry_names_costs_and_the_input_columns_after_the_contract(
    tmp_path: Path,
) -> None:
    _, rows, _ = _batch(tmp_path)
    header = list(rows[0])
    assert tuple(header[: len(RESULT_COLUMNS)]) == RESULT_COLUMNS
    assert header[len(RESULT_COLUMNS) :] == ["Counselor Notes", "verdict (input)"]
    first = rows[0]
    assert (
        first["best_pathway_name"]
        == "SBEC-approved school librarian program with a master's degree"
    )
    assert first["missing"].split("; ") == ["masters", "program", "texes-150"]
    assert first["missing_names"].startswith("A master's degree (any field)")
    assert first["missing_names"].count("; ") >= 2
    assert int(first["cost_min"]) <= int(first["cost_max"])
    # the next step's link is one of the state's own cited sources, never an estimate's
    from lmspath.store.load import load_state

    texas = {source.url for source in load_state("TX").sources}
    assert first["next_step_link"] in texas
    assert (first["Counselor Notes"], first["verdict (input)"], first["verdict"]) == (
        "call back",
        "v1",
        "not_yet",
    )
    assert rows[1]["Counselor Notes"] == "José, Zoë"
    assert rows[2]["Counselor Notes"] == "'=cmd()"  # passed through, never run as a formula


def test_drop_extra_leaves_the_input_columns_out(tmp_path: Path) -> None:
    _, rows, _ = _batch(tmp_path, "--drop-extra")
    assert tuple(rows[0]) == RESULT_COLUMNS


def test_excel_results_start_with_a_byte_order_mark_and_plain_ones_do_not(tmp_path: Path) -> None:
    _batch(tmp_path, "--excel")
    data = (tmp_path / "results.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfline,client_id,")
    assert "José, Zoë".encode() in data
    _batch(tmp_path)
    assert (tmp_path / "results.csv").read_bytes().startswith(b"line,client_id,")


def test_results_of_a_windows_1252_intake_get_a_byte_order_mark_unasked(tmp_path: Path) -> None:
    intake = tmp_path / "excel.csv"
    intake.write_bytes("client_id;state\r\nJosé;TX\r\n".encode("cp1252"))
    out = tmp_path / "r.csv"
    result = runner.invoke(get_app(), ["batch", str(intake), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfline,client_id,")
    assert "\r\n2,José,TX,".encode() in data


def test_the_installed_command_reads_leniently_too(tmp_path: Path) -> None:
    intake = tmp_path / "intake.csv"
    intake.write_text("client_id,state,bachelor\nA,Calif,Y\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "lmspath", "batch", str(intake)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    row = next(csv.DictReader(done.stdout.splitlines()[0:1] + done.stdout.splitlines()[1:2]))
    assert row["normalised"] == "state: 'Calif' read as CA; bachelor: 'Y' read as yes"


def test_assess_reads_a_profile_file_leniently_and_says_what_it_read(tmp_path: Path) -> None:
    path = tmp_path / "me.yaml"
    path.write_text('state: Tex.\nbachelor: "Y"\nexams: [Praxis II 5312]\n', encoding="utf-8")
    result = runner.invoke(get_app(), ["assess", "--profile", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "Note: me.yaml: state: 'Tex.' read as TX",
        "Note: me.yaml: bachelor: 'Y' read as yes",
        "Note: me.yaml: exams: 'Praxis II 5312' read as praxis-5312",
    ]
    assert '"state": "TX"' in result.stdout


def test_the_questionnaire_accepts_what_the_files_accept() -> None:
    from lmspath.ask.questions import field_validator

    assert field_validator("state")("calif") is None
    assert field_validator("bachelor")("Y") is None
    assert field_validator("teaching_years")("2.5 yrs") is None
    assert "could be" in str(field_validator("state")("New"))
