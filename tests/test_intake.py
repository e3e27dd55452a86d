"""Reading intake files: encodings, delimiters, headers, record lines, and row problems."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from lmspath.batch.intake import (
    WHOLE_ROW,
    FieldProblemAt,
    IntakeReader,
    Layout,
    Record,
    RowParser,
    detect_encoding,
    inspect_intake,
    shape_problem,
    sniff_header,
    template_csv,
)
from lmspath.errors import InputError
from lmspath.model.profile import FIELDS, FieldProblem, Profile
from lmspath.store.load import available_states, exam_index

FIXTURES = Path(__file__).parent / "fixtures" / "intake"


def write(tmp_path: Path, data: bytes, name: str = "intake.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def records(layout: Layout) -> list[Record | FieldProblemAt]:
    with IntakeReader(layout) as reader:
        return list(reader.records())


def parser(layout: Layout, available: set[str] | None = None) -> RowParser:
    index = exam_index()
    states = available if available is not None else set(available_states())
    return RowParser(layout, states, index.resolve, index.suggest)


# --- encodings ----------------------------------------------------------------------------------


def test_plain_utf8_is_utf8_and_not_a_guess(tmp_path: Path) -> None:
    encoding = detect_encoding(write(tmp_path, "client_id,state\nJosé,TX\n".encode()))
    assert (encoding.codec, encoding.guessed) == ("utf-8", False)


def test_utf8_with_bom_is_read_without_the_bom_in_the_first_header(tmp_path: Path) -> None:
    path = write(tmp_path, codecs.BOM_UTF8 + b"state,client_id\nTX,A\n")
    layout = inspect_intake(path)
    assert layout.encoding.codec == "utf-8-sig"
    assert layout.columns == {"state": 0, "client_id": 1}


def test_windows_1252_excel_export_is_read_and_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "client_id,state\nJosé,TX\n".encode("cp1252"))
    layout = inspect_intake(path)
    assert layout.encoding.label == "Windows-1252"
    assert layout.encoding.guessed
    assert any(
        f"{path}: not UTF-8 (first at line 2); read as Windows-1252" in w for w in layout.warnings
    )
    rows = records(layout)
    assert rows == [Record(2, ["José", "TX"])]


def test_utf16_with_bom_tab_separated_unicode_text_is_read(tmp_path: Path) -> None:
    text = "client_id\tstate\nZoë\tTX\n"
    path = write(tmp_path, codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    layout = inspect_intake(path)
    assert (layout.encoding.label, layout.delimiter) == ("UTF-16", "\t")
    assert records(layout) == [Record(2, ["Zoë", "TX"])]


def test_a_zero_byte_file_is_unusable_and_says_so() -> None:
    with pytest.raises(InputError, match=r"empty\.csv: the file is empty \(0 bytes\)"):
        detect_encoding(FIXTURES / "empty.csv")


def test_an_excel_workbook_is_named_as_such() -> None:
    with pytest.raises(InputError, match=r"workbook\.xlsx: this is an Excel workbook"):
        detect_encoding(FIXTURES / "workbook.xlsx")


def test_binary_data_with_nul_bytes_is_not_csv(tmp_path: Path) -> None:
    path = write(tmp_path, b"state\x00\x01\x02,client\n" * 10)
    with pytest.raises(InputError, match="NUL bytes"):
        detect_encoding(path)


def test_bytes_that_are_neither_utf8_nor_windows_1252_are_refused(tmp_path: Path) -> None:
    # 0x81 is undefined in Windows-1252 and invalid on its own in UTF-8.
    path = write(tmp_path, b"client_id,state\nA,TX\nB\x81,TX\n")
    with pytest.raises(InputError, match=r"line 3: byte 0x81 is neither UTF-8 nor Windows-1252"):
        detect_encoding(path)


def test_a_missing_file_and_a_folder_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        detect_encoding(tmp_path / "nope.csv")
    with pytest.raises(InputError, match="is a folder"):
        detect_encoding(tmp_path)


# --- delimiter and header -----------------------------------------------------------------------


def test_comma_file_whose_list_cells_hold_semicolons_is_comma_separated() -> None:
    sample = "client_id,state,exams\nA,TX,praxis-5312; texes-150\nB,TX,texes-150;praxis-5312\n"
    delimiter, line, cells = sniff_header(sample)
    assert (delimiter, line, cells) == (",", 1, ["client_id", "state", "exams"])


def test_semicolon_and_tab_headers_are_recognised() -> None:
    assert sniff_header('client_id;state;exams\nA;TX;"x; y"\n')[0] == ";"
    assert sniff_header("client_id\tstate\nA\tTX\n")[0] == "\t"


def test_a_one_column_header_ties_and_goes_to_comma() -> None:
    assert sniff_header("state\nTX\n")[0] == ","


def test_header_after_blank_lines_is_found_on_its_own_line(tmp_path: Path) -> None:
    layout = inspect_intake(write(tmp_path, b"\n\n\nstate,client_id\nTX,A\n"))
    assert layout.header_line == 4
    assert records(layout) == [Record(5, ["TX", "A"])]


def test_messy_headers_are_normalised_and_unknown_columns_named_once() -> None:
    layout = inspect_intake(FIXTURES / "messy.csv")
    assert layout.columns == {
        "client_id": 0,
        "state": 1,
        "bachelor": 2,
        "master": 3,
        "teaching_years": 4,
        "teaching_license_status": 5,
        "exams": 6,
        "tools": 7,
    }
    assert layout.width == 10  # the two trailing unnamed columns do not count
    unknown = [w for w in layout.warnings if "unknown" in w]
    assert len(unknown) == 1
    assert "'Notes' (column 9)" in unknown[0]
    assert "'Favourite Colour' (column 10)" in unknown[0]


def test_an_unknown_column_close_to_a_field_suggests_it(tmp_path: Path) -> None:
    layout = inspect_intake(write(tmp_path, b"state,Teachng Years\nTX,3\n"))
    assert any("did you mean 'teaching_years'?" in w for w in layout.warnings)


def test_a_file_without_a_state_column_is_unusable_and_names_it() -> None:
    with pytest.raises(InputError) as caught:
        inspect_intake(FIXTURES / "no_state_column.csv")
    message = caught.value.message
    assert "no_state_column.csv: line 1: no 'state' column" in message
    assert "'client_id', 'bachelor', 'master'" in message


def test_prose_is_not_an_intake_file() -> None:
    with pytest.raises(InputError, match=r"notes\.txt: line 1: no intake columns in the header"):
        inspect_intake(FIXTURES / "notes.txt")


def test_a_column_given_twice_is_unusable(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"line 1: columns 1 and 3 are both 'state'"):
        inspect_intake(write(tmp_path, b"State,client_id,STATE\nTX,A,TX\n"))


def test_unnamed_middle_column_and_missing_client_id_are_warned(tmp_path: Path) -> None:
    layout = inspect_intake(write(tmp_path, b"state,,bachelor\nTX,x,yes\n"))
    assert any("column 2 have no name" in w for w in layout.warnings)
    assert any("no 'client_id' column" in w for w in layout.warnings)


# --- records ------------------------------------------------------------------------------------


def test_records_start_on_their_physical_line_through_blanks_and_quoted_newlines() -> None:
    layout = inspect_intake(FIXTURES / "messy.csv")
    found = records(layout)
    lines = [r.line for r in found]
    # Line 3 and 14 are blank (14 is a row of empty cells); record 4 spans lines 4-5.
    assert lines == [2, 4, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16]
    second = found[1]
    assert isinstance(second, Record)
    assert second.cells[7] == "Destiny;\r\nCanva"


def test_an_open_quote_that_swallows_too_much_is_one_bad_record_and_reading_goes_on(
    tmp_path: Path,
) -> None:
    body = b'client_id,state\nA,TX\nB,"' + b"x" * 140_000 + b"\nC,TX\n"
    found = records(inspect_intake(write(tmp_path, body)))
    assert found[0] == Record(2, ["A", "TX"])
    bad = found[1]
    assert isinstance(bad, FieldProblemAt)
    assert bad.line == 3
    assert "quote left open" in bad.problem.problem
    assert found[2] == Record(4, ["C", "TX"])


# --- row shape and parsing ----------------------------------------------------------------------


def test_shape_problems_name_counts_and_the_semicolon_quoting_rule(tmp_path: Path) -> None:
    layout = inspect_intake(write(tmp_path, b"client_id;state;exams\nA;TX;\n"))
    short = shape_problem(["A", "TX"], layout)
    assert short is not None
    assert short.field == WHOLE_ROW
    assert "has 2 fields but the header has 3" in short.problem
    long = shape_problem(["A", "TX", "praxis-5312", "texes-150"], layout)
    assert long is not None
    assert "put list cells in double quotes" in long.problem
    assert shape_problem(["A", "TX", "", "", " "], layout) is None  # trailing empty cells


def test_a_short_row_with_a_newline_inside_blames_an_open_quote(tmp_path: Path) -> None:
    layout = inspect_intake(write(tmp_path, b"client_id,state,bachelor\n"))
    problem = shape_problem(["B", "TX,yes\nC,TX,yes\n"], layout)
    assert problem is not None
    assert "never closed" in problem.problem


def test_a_row_with_several_problems_lists_them_all_in_column_order() -> None:
    layout = inspect_intake(FIXTURES / "messy.csv")
    result = parser(layout).parse(
        ["C-3", "TX", "maybe", "no", "-3", "active", "praxis 9999", "", "", ""]
    )
    assert isinstance(result, list)
    assert [p.field for p in result] == ["bachelor", "teaching_years", "exams"]
    assert "did you mean praxis-5312?" in result[2].problem


def test_blank_state_is_a_row_problem_alongside_others(tmp_path: Path) -> None:
    layout = inspect_intake(write(tmp_path, b"client_id,state,teaching_years\n"))
    result = parser(layout).parse(["A", "  ", "ten"])
    assert result == [
        FieldProblem("state", "not given; every row needs a state"),
        FieldProblem("teaching_years", "'ten' is not a number"),
    ]


def test_a_state_without_rules_data_is_a_row_problem(tmp_path: Path) -> None:
    layout = inspect_intake(write(tmp_path, b"client_id,state\n"))
    result = parser(layout, available={"TX"}).parse(["A", "New York"])
    assert result == [FieldProblem("state", "no rules data for NY (New York) yet")]


def test_a_good_row_becomes_a_profile_with_the_state_resolved(tmp_path: Path) -> None:
    layout = inspect_intake(write(tmp_path, b"Client ID,State,Exams,Tools\n"))
    result = parser(layout).parse([" A-1 ", "texas", "TExES 150:250", "Destiny; Canva"])
    assert isinstance(result, Profile)
    assert (result.client_id, result.state) == ("A-1", "TX")
    assert result.exams is not None
    assert result.exams[0].as_text() == "texes-150:250"
    assert result.tools == ("Destiny", "Canva")


def test_decimal_commas_are_decimals_only_in_semicolon_files(tmp_path: Path) -> None:
    semi = inspect_intake(write(tmp_path, b"state;teaching_years\n", "semi.csv"))
    result = parser(semi).parse(["TX", "1,5"])
    assert isinstance(result, Profile)
    assert result.teaching_years == 1.5
    comma = inspect_intake(write(tmp_path, b"state,practicum_hours\n", "comma.csv"))
    result = parser(comma).parse(["TX", "1,500"])
    assert isinstance(result, Profile)
    assert result.practicum_hours == 1500


def test_the_template_has_every_column_and_an_example_row_that_parses(tmp_path: Path) -> None:
    path = write(tmp_path, template_csv().encode())
    layout = inspect_intake(path)
    assert list(layout.columns) == list(FIELDS)
    assert layout.warnings == ()
    (row,) = records(layout)
    assert isinstance(row, Record)
    assert isinstance(parser(layout).parse(row.cells), Profile)
