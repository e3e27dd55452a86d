"""Workbook intakes (.xlsx): the sheet's row numbers, stored formula values, bad workbooks."""

from __future__ import annotations

import csv
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lmspath.batch.run import RESULT_COLUMNS
from lmspath.cli import get_app
from tests.xlsx_writer import Cell, Formula, write_ods, write_xlsx

runner = CliRunner()

HEADER = ["client_id", "state", "bachelor", "master", "teaching_years", "exams", "Notes"]


def _run(
    intake: Path, tmp_path: Path, *extra: str
) -> tuple[int, str, list[dict[str, str]], list[dict[str, str]]]:
    out, errors = tmp_path / "results.csv", tmp_path / "errors.csv"
    result = runner.invoke(
        get_app(), ["batch", str(intake), "-o", str(out), "-e", str(errors), *extra]
    )
    rows: list[dict[str, str]] = []
    problems: list[dict[str, str]] = []
    if out.exists():
        # results of a workbook intake start with a BOM, so Excel shows accents right
        assert out.read_bytes().startswith(b"\xef\xbb\xbfline,")
        with open(out, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        with open(errors, encoding="utf-8", newline="") as handle:
            problems = list(csv.DictReader(handle))
    return result.exit_code, result.stderr, rows, problems


@pytest.fixture
def intake(tmp_path: Path) -> Path:
    rows: list[list[Cell]] = [
        ["Counselor intake, autumn"],  # a title row above the header
        [],
        list(HEADER),
        ["W-1", "TX", "yes", "no", Formula("2+2", 4), "texes-150", "called"],
        [],  # a blank row in the middle
        ["W-2", "Calif", True, False, 3.0, "", Formula('"a"&"b"', "ab")],
        ["W-3", "TX", "yes", "no", dt.date(2024, 3, 1), "", ""],
        ["W-4", "NY", "yes", "in_progress", 2.5, "", ""],
    ]
    other: list[list[Cell]] = [list(HEADER), ["O-1", "FL", "yes", "yes", 1, "", ""]]
    return write_xlsx(tmp_path / "intake.xlsx", {"Clients": rows, "Spare": other})


def test_the_first_sheet_is_scored_with_the_sheets_row_numbers(
    intake: Path, tmp_path: Path
) -> None:
    code, err, rows, problems = _run(intake, tmp_path)
    assert code == 1
    assert [(r["line"], r["client_id"]) for r in rows] == [("4", "W-1"), ("6", "W-2"), ("8", "W-4")]
    # a formula's stored value is read (2+2 stored as 4), never the formula text
    assert rows[0]["Notes"] == "called"
    assert rows[1]["Notes"] == "ab"
    # booleans and whole numbers read as the sheet shows them, and the reading is reported
    assert rows[1]["state"] == "CA"
    assert "bachelor: 'TRUE' read as yes" in rows[1]["normalised"]
    assert "master: 'FALSE' read as no" in rows[1]["normalised"]
    # a date where a number belongs is a row error naming the sheet's row and the field
    assert [(p["line"], p["field"]) for p in problems] == [("7", "teaching_years")]
    assert "is a date" in problems[0]["problem"]
    # rows in = scored + rejected
    assert err.strip().endswith(
        "4 rows: 3 scored, 1 rejected (" + str(tmp_path / "errors.csv") + ")"
    )
    assert "read the first of 2 sheets" in err
    assert "the header is row 3; rows above it are not read" in err


def test_sheet_picks_another_sheet_in_any_case(intake: Path, tmp_path: Path) -> None:
    code, _, rows, _ = _run(intake, tmp_path, "--sheet", "spare")
    assert code == 0
    assert [(r["line"], r["client_id"], r["state"]) for r in rows] == [("2", "O-1", "FL")]
    assert tuple(rows[0])[: len(RESULT_COLUMNS)] == RESULT_COLUMNS


def test_an_unknown_sheet_names_the_sheets_there_are(intake: Path, tmp_path: Path) -> None:
    code, err, _, _ = _run(intake, tmp_path, "--sheet", "Nope")
    assert code == 3
    assert (
        err.strip()
        == f"Error: --sheet Nope: {intake} has no such sheet; its sheets: 'Clients', 'Spare'"
    )


def test_merged_header_cells_are_refused_with_their_range(tmp_path: Path) -> None:
    book = write_xlsx(
        tmp_path / "merged.xlsx",
        {"S": [["client_id", "state", "Contact", ""], ["A", "TX", "x", ""]]},
        merged={"S": ["C1:D1"]},
    )
    code, err, _, _ = _run(book, tmp_path)
    assert code == 3
    assert err.strip() == (
        f"Error: {book} (sheet 'S'): row 1: header cells C1:D1 are merged; unmerge them so "
        "every column has its own name"
    )
    assert not (tmp_path / "results.csv").exists()


def test_merged_data_cells_are_warned_about_not_dropped_silently(tmp_path: Path) -> None:
    book = write_xlsx(
        tmp_path / "m.xlsx",
        {"S": [["client_id", "state"], ["A", "TX"], ["B", ""]]},
        merged={"S": ["B2:B3"]},
    )
    code, err, rows, problems = _run(book, tmp_path)
    assert "cells B2:B3 are merged; only B2 holds a value" in err
    assert [r["client_id"] for r in rows] == ["A"]
    assert [(p["line"], p["field"]) for p in problems] == [("3", "state")]
    assert code == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04" + b"\x00" * 64, "cannot read this workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "encrypted (password-protected)"),
        (b"", "the file is empty"),
    ],
)
def test_a_damaged_or_protected_workbook_is_one_line_and_exit_3(
    tmp_path: Path, content: bytes, message: str
) -> None:
    book = tmp_path / "bad.xlsx"
    book.write_bytes(content)
    code, err, _, _ = _run(book, tmp_path)
    assert code == 3
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"Error: {book}: ")
    assert message in lines[0]


def test_a_workbook_without_rows_is_refused(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "empty.xlsx", {"Blank": []})
    code, err, _, _ = _run(book, tmp_path)
    assert (code, err.strip()) == (
        3,
        f"Error: {book} (sheet 'Blank'): the sheet is empty; the first row must name the columns",
    )


def test_a_workbook_named_csv_is_still_read_as_a_workbook(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "export.csv", {"S": [["state"], ["TX"]]})
    done = subprocess.run(
        [sys.executable, "-m", "lmspath", "batch", str(book)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1].startswith("2,,TX,")


def test_a_csv_file_refuses_sheet(tmp_path: Path) -> None:
    path = tmp_path / "i.csv"
    path.write_text("state\nTX\n", encoding="utf-8")
    code, err, _, _ = _run(path, tmp_path, "--sheet", "S")
    assert (code, err.strip()) == (
        3,
        f"Error: --sheet S: {path} is not a workbook (.xlsx, .xls or .ods)",
    )


def test_an_open_document_spreadsheet_is_read_too(tmp_path: Path) -> None:
    book = write_ods(
        tmp_path / "intake.ods",
        {
            "Clients": [
                ["client_id", "state", "teaching_years", "Email"],
                ["D-1", "Tex.", 4, "d1@example.org"],
                ["D-2", "TX", "three", ""],
            ]
        },
    )
    code, err, rows, problems = _run(book, tmp_path)
    assert code == 1, err
    assert [(r["line"], r["client_id"], r["state"], r["Email"]) for r in rows] == [
        ("2", "D-1", "TX", "d1@example.org")
    ]
    assert rows[0]["normalised"] == "state: 'Tex.' read as TX"
    assert [(p["line"], p["field"]) for p in problems] == [("3", "teaching_years")]
