"""`batch --output results.xlsx`: a workbook with a header row, frozen panes and column widths."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import python_calamine
from typer.testing import CliRunner

from lmspath.batch.run import RESULT_COLUMNS
from lmspath.cli import get_app

runner = CliRunner()

INTAKE = """\
client_id,state,bachelor,master,teaching_years,Notes
C-1,TX,yes,no,4,=HYPERLINK("http://x")
C-2,Calif,Y,no,2,José
C-3,Texs,yes,no,1,
"""


def test_results_xlsx_holds_the_csv_results_as_a_sheet(tmp_path: Path) -> None:
    intake = tmp_path / "intake.csv"
    intake.write_text(INTAKE, encoding="utf-8")
    book, plain = tmp_path / "results.xlsx", tmp_path / "results.csv"
    for out in (book, plain):
        result = runner.invoke(get_app(), ["batch", str(intake), "-o", str(out)])
        assert result.exit_code == 1, result.stderr
    sheet = python_calamine.CalamineWorkbook.from_path(str(book)).get_sheet_by_name("Results")
    rows = sheet.to_python()
    with open(plain, encoding="utf-8", newline="") as handle:
        expected = list(csv.reader(handle))
    assert rows[0] == [*RESULT_COLUMNS, "Notes"]
    assert len(rows) == len(expected) == 3  # header and the two readable rows
    for got, want in zip(rows[1:], expected[1:], strict=True):
        line = got[0]
        assert isinstance(line, float)
        assert int(line) == int(want[0])  # a number, so it sorts
        assert [str(c) for c in got[1:3]] == want[1:3]
    notes = rows[1][-1]
    assert notes == '=HYPERLINK("http://x")'  # shown as text, never a formula
    assert rows[2][-1] == "José"
    xml = zipfile.ZipFile(book).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml
    assert 'state="frozen"' in xml
    assert 'ySplit="1"' in xml
    assert '<col min="1" max="1"' in xml
    assert not list(tmp_path.glob(".*tmp"))
