"""Read an intake CSV: encoding, delimiter, header, and each row as a Profile or its problems."""

from __future__ import annotations

import codecs
import csv
import io
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, NamedTuple

from lmspath.engine.words import count
from lmspath.errors import InputError
from lmspath.model.lenient import Noted
from lmspath.model.profile import (
    FIELDS,
    LIMITS,
    FieldProblem,
    Profile,
    normalise_key,
    parse_field_noted,
    parsed_profile,
    suggest_field,
)
from lmspath.model.states import JURISDICTIONS

#: Columns an intake file must have; a file without one is unusable (exit 3).
REQUIRED_COLUMNS: tuple[str, ...] = ("state",)

#: Delimiters tried, in the order that wins a tie.
DELIMITERS: tuple[str, ...] = (",", ";", "\t", "|")

DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}

#: The ``field`` written for a problem with the whole row rather than one cell.
WHOLE_ROW = "(whole row)"

_SAMPLE_BYTES = 64 * 1024
_SCAN_CHUNK = 1 << 20

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "an Excel workbook (.xlsx) or zip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Excel workbook (.xls)"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
)

#: A number written with a decimal comma ('1,5'), as a semicolon-separated export from a
#: European-locale spreadsheet writes it.
_DECIMAL_COMMA = re.compile(r"\s*\d+,\d+\s*")
#: Parsed answers remembered per column (cleared when full, so memory stays bounded).
CELL_MEMO_SIZE = 2048
#: Marks a cell not parsed yet (None is a parsed blank).
_UNSEEN = object()

_SAVE_AS = "in Excel use File > Save As > 'CSV UTF-8 (Comma delimited)'"


@dataclass(frozen=True)
class Encoding:
    """How the file's bytes are decoded: the Python codec and the name a person knows it by."""

    codec: str
    label: str
    guessed: bool = False
    #: the first line that is not UTF-8, when the encoding was guessed
    first_line: int = 0


@dataclass(frozen=True)
class Layout:
    """What was learned about an intake file before its rows are read."""

    path: Path
    encoding: Encoding
    delimiter: str
    header_line: int
    #: field name -> 0-based column index
    columns: dict[str, int]
    #: number of columns up to the last named one; extra cells past it must be empty
    width: int
    #: (1-based column number, header text) of columns that are not profile fields
    unknown: tuple[tuple[int, str], ...] = ()
    warnings: tuple[str, ...] = field(default=())
    #: lines the file holds, estimated from its size and the first lines (to size tables)
    expected_lines: int = 0
    #: the unknown columns are copied to the results (``--drop-extra`` turns it off)
    passthrough: bool = True
    #: the sheet read, when the intake is a workbook
    sheet: str | None = None

    @property
    def delimiter_name(self) -> str:
        """'comma', 'semicolon', 'tab' or 'pipe' ('workbook cells' for a workbook)."""
        if self.sheet is not None:
            return "workbook cells"
        return DELIMITER_NAMES[self.delimiter]

    @property
    def name(self) -> str:
        """The file name used in messages."""
        return str(self.path)

    def unknown_header(self, index: int) -> str:
        """The header of the unknown column at 0-based ``index``."""
        return dict(self.unknown)[index + 1]


# --- encoding -----------------------------------------------------------------------------------


def _scan(handle: IO[bytes], codec: str) -> tuple[int, int] | None:
    """Decode the file in chunks; None if it decodes, else (line, value) of the first bad byte."""
    decoder = codecs.getincrementaldecoder(codec)()
    handle.seek(0)
    newlines = 0
    while True:
        chunk = handle.read(_SCAN_CHUNK)
        try:
            decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            # exc.start counts in the decoder's buffer (leftover bytes + chunk): close enough
            # to name the line.
            start = max(exc.start, 0)
            bad = exc.object[start] if start < len(exc.object) else 0
            return newlines + exc.object[:start].count(b"\n") + 1, bad
        if not chunk:
            return None
        newlines += chunk.count(b"\n")


def detect_encoding(path: Path) -> Encoding:
    """UTF-8 (with or without a BOM), UTF-16 with a BOM, else Windows-1252; InputError otherwise."""
    try:
        info = path.stat()
        size = info.st_size
        if not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
            # A pipe or device: opening a FIFO would wait for a writer forever, and the file
            # is read twice (its encoding, then its rows).
            raise InputError(
                f"{path}: is not a regular file (a pipe or device); save the intake as a file "
                "and give its name"
            )
        handle = open(path, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not an intake CSV file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc.strerror})") from None
    with handle:
        if path.is_dir():
            raise InputError(f"{path}: is a folder, not an intake CSV file")
        if size == 0:
            raise InputError(
                f"{path}: the file is empty (0 bytes); `lmspath intake-template` writes a "
                "starting file"
            )
        head = handle.read(_SAMPLE_BYTES)
        for magic, what in _MAGIC:
            if head.startswith(magic):
                raise InputError(f"{path}: this is {what}, not a CSV file; {_SAVE_AS}")
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            encoding = Encoding("utf-16", "UTF-16")
        elif head.startswith(codecs.BOM_UTF8):
            encoding = Encoding("utf-8-sig", "UTF-8 (with byte-order mark)")
        else:
            encoding = Encoding("utf-8", "UTF-8")
        if encoding.codec != "utf-16" and b"\x00" in head:
            raise InputError(
                f"{path}: contains NUL bytes, so it is not a text CSV file "
                f"(a spreadsheet or UTF-16 text without a byte-order mark?); {_SAVE_AS}"
            )
        bad = _scan(handle, encoding.codec)
        if bad is None:
            return encoding
        if encoding.codec == "utf-16":
            raise InputError(f"{path}: line {bad[0]}: not valid UTF-16 text; {_SAVE_AS}")
        if _scan(handle, "cp1252") is None:
            return Encoding("cp1252", "Windows-1252", guessed=True, first_line=bad[0])
        raise InputError(
            f"{path}: line {bad[0]}: byte 0x{bad[1]:02x} is neither UTF-8 nor Windows-1252 "
            f"text; {_SAVE_AS}"
        )


# --- header -------------------------------------------------------------------------------------


def _first_record(text: str, delimiter: str) -> tuple[int, list[str]] | None:
    """The first non-blank record of a text sample and the line it starts on."""
    # newline="": split records at \r, \n and \r\n alike, as the row reader does (an old Mac
    # Excel export ends its lines with \r alone).
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    previous_end = 0
    try:
        for cells in reader:
            start = previous_end + 1
            previous_end = reader.line_num
            if any(cell.strip() for cell in cells):
                return start, cells
    except csv.Error:
        return None
    return None


def _header_name(cell: str) -> str:
    return normalise_key(cell.replace("\ufeff", ""))


def sniff_header(text: str) -> tuple[str, int, list[str]]:
    """The delimiter whose split of the first record names the most profile fields.

    The header, not the data, decides: header names never contain ``,`` ``;`` or tabs, while list
    cells do contain ``;``. A tie (a one-column file) goes to the earlier delimiter in DELIMITERS.
    """
    best: tuple[int, str, int, list[str]] | None = None
    for delimiter in DELIMITERS:
        found = _first_record(text, delimiter)
        if found is None:
            continue
        line, cells = found
        known = len({_header_name(c) for c in cells} & set(FIELDS))
        if best is None or known > best[0]:
            best = (known, delimiter, line, cells)
    if best is None:
        return ",", 0, []
    return best[1], best[2], best[3]


def _describe_header(cells: list[str]) -> str:
    shown = ", ".join(repr(c.strip()) for c in cells[:8])
    more = f" and {len(cells) - 8} more" if len(cells) > 8 else ""
    return shown + more


def _read_sample(path: Path, encoding: Encoding) -> str:
    with open(path, "rb") as handle:
        raw = handle.read(_SAMPLE_BYTES)
    decoder = codecs.getincrementaldecoder(encoding.codec)(errors="replace")
    return decoder.decode(raw, final=False)


def inspect_intake(path: Path, sheet: str | None = None) -> Layout:
    """Encoding, delimiter and column mapping of an intake file; InputError if it is unusable."""
    from lmspath.batch import workbook

    if workbook.is_workbook(path):
        return workbook.inspect_workbook(path, sheet)
    if sheet is not None:
        raise InputError(f"--sheet {sheet}: {path} is not a workbook (.xlsx, .xls or .ods)")
    encoding = detect_encoding(path)
    sample = _read_sample(path, encoding)
    if not sample.strip():
        raise InputError(f"{path}: has no header row (the file holds only blank lines)")
    delimiter, header_line, cells = sniff_header(sample)
    return layout_from_header(
        path, encoding, delimiter, header_line, cells, _expected_lines(path, sample)
    )


def layout_from_header(
    path: Path,
    encoding: Encoding,
    delimiter: str,
    header_line: int,
    cells: list[str],
    expected_lines: int,
    sheet: str | None = None,
    label: str | None = None,
) -> Layout:
    """The column mapping and warnings of a header row (a CSV file's or a sheet's); ``label``
    names the file in messages (a workbook's adds the sheet)."""
    where = label or str(path)
    names = [_header_name(c) for c in cells]
    columns: dict[str, int] = {}
    unknown: list[tuple[int, str]] = []
    unnamed: list[int] = []
    last_named = max((i for i, n in enumerate(names) if n), default=-1)
    for index, name in enumerate(names):
        if not name:
            if index < last_named:
                unnamed.append(index + 1)
            continue
        if name in columns:
            raise InputError(
                f"{where}: line {header_line}: columns {columns[name] + 1} and {index + 1} are "
                f"both {name!r}; keep one"
            )
        if name in FIELDS:
            columns[name] = index
        else:
            unknown.append((index + 1, cells[index].strip()))
    if not columns:
        raise InputError(
            f"{where}: line {header_line}: no intake columns in the header "
            f"({_describe_header(cells)}); the first line must name the columns, "
            "such as client_id,state,bachelor,... "
            "(`lmspath intake-template` writes one)"
        )
    for required in REQUIRED_COLUMNS:
        if required not in columns:
            raise InputError(
                f"{where}: line {header_line}: no {required!r} column "
                f"(the header has {_describe_header(cells)}); every intake needs one"
            )
    warnings: list[str] = []
    if encoding.guessed:
        warnings.append(
            f"{where}: not UTF-8 (first at line {encoding.first_line}); read as {encoding.label} "
            "(an Excel export?). Check accented names in the results"
        )
    if unknown:
        parts = []
        for number, header in unknown:
            hint = suggest_field(header)
            parts.append(
                f"{header!r} (column {number}" + (f"; did you mean {hint!r}?)" if hint else ")")
            )
        noun = "column" if len(unknown) == 1 else "columns"
        warnings.append(
            f"{where}: {len(unknown)} unknown {noun}, not read but copied to the end of the "
            "results (--drop-extra leaves them out): " + ", ".join(parts)
        )
    if unnamed:
        listed = ", ".join(str(n) for n in unnamed)
        noun = "column" if len(unnamed) == 1 else "columns"
        warnings.append(f"{where}: {noun} {listed} have no name in the header; ignoring them")
    if "client_id" not in columns:
        warnings.append(f"{where}: no 'client_id' column; rows are identified by line number only")
    return Layout(
        path=path,
        encoding=encoding,
        delimiter=delimiter,
        header_line=header_line,
        columns=columns,
        width=last_named + 1,
        unknown=tuple(unknown),
        warnings=tuple(warnings),
        expected_lines=expected_lines,
        sheet=sheet,
    )


def _expected_lines(path: Path, sample: str) -> int:
    """The file's line count, estimated from its size and the lines in its first bytes."""
    lines = sample.count("\n")
    if lines < 2:
        return 0
    sample_bytes = min(_SAMPLE_BYTES, path.stat().st_size)
    return int(path.stat().st_size * lines / sample_bytes) + 1


# --- rows ---------------------------------------------------------------------------------------


class Record(NamedTuple):
    """One non-blank record after the header: the line it starts on and its cells.

    A tuple: one is made for every row of a file, and a frozen dataclass costs three times as
    much to make.
    """

    line: int
    cells: list[str]


class IntakeReader:
    """Streams an intake file's records after the header; use as a context manager."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self._handle: io.TextIOWrapper | None = None
        self._raw: IO[bytes] | None = None
        self.rows_read = 0
        #: a workbook's rows (line as the sheet numbers it, cells as text), from __enter__
        self._sheet_rows: Iterator[tuple[int, list[str]]] | None = None
        self._sheet_done = 0

    def __enter__(self) -> IntakeReader:
        if self.layout.sheet is not None:
            from lmspath.batch.workbook import sheet_rows

            self._sheet_rows = sheet_rows(self.layout)
            return self
        try:
            self._raw = open(self.layout.path, "rb")
        except OSError as exc:
            raise InputError(f"{self.layout.path}: cannot read it ({exc.strerror})") from None
        self._handle = io.TextIOWrapper(self._raw, encoding=self.layout.encoding.codec, newline="")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._handle is not None:
            self._handle.close()

    def position(self) -> int:
        """Bytes of the file consumed so far (approximate, for a progress bar)."""
        if self._sheet_rows is not None:
            size = self.layout.path.stat().st_size
            return size * self._sheet_done // max(self.layout.expected_lines, 1)
        if self._handle is None or self._handle.closed:
            return 0
        return self._raw.tell() if self._raw is not None else 0

    def records(self) -> Iterator[Record | FieldProblemAt]:
        """Each non-blank record after the header, or a problem where a record cannot be split."""
        if self._sheet_rows is not None:
            yield from self._sheet_records(self._sheet_rows)
            return
        assert self._handle is not None, "use IntakeReader as a context manager"
        reader = csv.reader(self._handle, delimiter=self.layout.delimiter)
        header_line = self.layout.header_line
        previous_end = 0
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                start = previous_end + 1
                previous_end = reader.line_num
                if start <= header_line:
                    raise InputError(f"{self.layout.path}: line {start}: {exc}") from None
                self.rows_read += 1
                yield FieldProblemAt(
                    start,
                    FieldProblem(
                        WHOLE_ROW,
                        f"cannot split this record ({exc}); is a quote left open?",
                    ),
                )
                continue
            start = previous_end + 1
            previous_end = reader.line_num
            if start <= header_line:
                continue
            if not cells or not "".join(cells).strip():
                continue
            self.rows_read += 1
            yield Record(start, cells)

    def _sheet_records(self, rows: Iterator[tuple[int, list[str]]]) -> Iterator[Record]:
        header_line = self.layout.header_line
        for done, (line, cells) in enumerate(rows, start=1):
            self._sheet_done = done
            if line <= header_line or not "".join(cells).strip():
                continue
            self.rows_read += 1
            yield Record(line, cells)


@dataclass(frozen=True)
class FieldProblemAt:
    """A record that could not even be split into cells."""

    line: int
    problem: FieldProblem


def passthrough_indexes(layout: Layout) -> tuple[int, ...]:
    """0-based indexes of the input columns copied to the results after lmspath's own."""
    if not layout.passthrough:
        return ()
    return tuple(number - 1 for number, _ in layout.unknown)


def passthrough_headers(layout: Layout, taken: tuple[str, ...]) -> tuple[str, ...]:
    """The results headers of the copied columns: as the input names them, with ``(input)``
    added where that name is already a results column."""
    out: list[str] = []
    used = set(taken)
    for index in passthrough_indexes(layout):
        header = layout.unknown_header(index)
        while header in used:
            header = f"{header} (input)"
        used.add(header)
        out.append(header)
    return tuple(out)


def client_id_of(cells: list[str], layout: Layout) -> str:
    """The row's client_id cell, stripped; '' when there is none."""
    index = layout.columns.get("client_id")
    if index is None or index >= len(cells):
        return ""
    return cells[index].strip()


def shape_problem(cells: list[str], layout: Layout) -> FieldProblem | None:
    """A problem when the row has fewer cells than the header, or filled cells beyond it."""
    given = len(cells)
    if given < layout.width:
        cause = (
            "a quote opened in this row is never closed, so the lines after it joined the row"
            if any("\n" in cell for cell in cells)
            else "a separator is missing, or the row was cut short"
        )
        return FieldProblem(
            WHOLE_ROW,
            f"has {count(given, 'field')} but the header has {layout.width}; " + cause,
        )
    if given > layout.width:
        extra = [c for c in cells[layout.width :] if c.strip()]
        if extra:
            hint = (
                "; in a semicolon-separated file, put list cells in double quotes "
                '("praxis-5312; texes-150")'
                if layout.delimiter == ";"
                else "; a cell holding the separator needs double quotes"
            )
            return FieldProblem(
                WHOLE_ROW,
                f"has {given} fields but the header has {layout.width}{hint}",
            )
    return None


class RowParser:
    """Turns one record's cells into a Profile, or every problem with it."""

    def __init__(
        self,
        layout: Layout,
        available: set[str],
        resolve_exam: Callable[[str], str | Noted | None],
        suggest_exam: Callable[[str], str | None],
        skip: frozenset[str] = frozenset(),
    ) -> None:
        """``skip`` names columns the caller does not need (never a column that can be wrong:
        client_id, tools and skills take any text)."""
        assert skip <= {"client_id", "tools", "skills"}
        self.layout = layout
        self.available = available
        self._resolve = resolve_exam
        self._suggest = suggest_exam
        self._fields = sorted(layout.columns.items(), key=lambda item: item[1])
        self._state_index = layout.columns["state"]
        # In a semicolon-separated file '1,5' means 1.5 (the profile parser reads ',' as a
        # thousands separator, which would make it 15).
        self._decimal_comma = (
            frozenset(index for name, index in self._fields if name in LIMITS)
            if layout.delimiter == ";"
            else frozenset()
        )
        #: (field, column, that column's parsed answers, reads a decimal comma) per column
        self._columns: list[tuple[str, int, dict[str, object], bool]] = [
            (name, index, {}, index in self._decimal_comma)
            for name, index in self._fields
            if name not in skip
        ]
        #: what the last row parsed read leniently ('bachelor: 'Y' read as yes'), '' if nothing
        self.notes = ""

    def _parse_cell(self, name: str, cell: str, memo: dict[str, object]) -> object:
        """One cell parsed (a value, None for blank, or a FieldProblem), and remembered."""
        value: object
        try:
            value = parse_field_noted(
                name, cell, resolve_exam=self._resolve, suggest_exam=self._suggest
            )
        except ValueError as exc:
            value = FieldProblem(name, str(exc))
        if len(memo) >= CELL_MEMO_SIZE:
            memo.clear()
        memo[cell] = value
        return value

    def parse(self, cells: list[str]) -> Profile | list[FieldProblem]:
        """The profile, or the list of problems (several per row when several cells are wrong).

        The same as ``build_profile`` on the row's cells (a test holds them equal), with each
        column's answers remembered: an intake repeats the same few answers in most columns.
        """
        shape = shape_problem(cells, self.layout)
        if shape is not None:
            return [shape]
        values: dict[str, object] = {}
        problems: list[FieldProblem] = []
        notes: list[str] | None = None
        for name, index, memo, decimal_comma in self._columns:
            cell = cells[index]
            if decimal_comma and _DECIMAL_COMMA.fullmatch(cell):
                cell = cell.replace(",", ".")
            value = memo.get(cell, _UNSEEN)
            if value is _UNSEEN:
                value = self._parse_cell(name, cell, memo)
            if value is None:
                continue
            kind = type(value)
            if kind is FieldProblem:
                problems.append(value)  # type: ignore[arg-type]
            elif kind is Noted:
                # indexes, not the tuple's names: this runs for every lenient cell of a file
                if notes is None:
                    notes = [value[1]]  # type: ignore[index]
                else:
                    notes.append(value[1])  # type: ignore[index]
                values[name] = value[0]  # type: ignore[index]
            else:
                values[name] = value
        self.notes = "; ".join(notes) if notes is not None else ""
        state = str(values["state"]) if "state" in values else None
        if problems or state is None or state not in self.available:
            return self._problems(problems, state)
        return parsed_profile(values)

    def _problems(self, problems: list[FieldProblem], state: str | None) -> list[FieldProblem]:
        """Every problem of a row, the state's own checks included, in column order."""
        if not any(p.field == "state" for p in problems):
            if state is None:
                problems.append(FieldProblem("state", "not given; every row needs a state"))
            elif state not in self.available:
                problems.append(
                    FieldProblem("state", f"no rules data for {state} ({JURISDICTIONS[state]}) yet")
                )
        order = dict(self._fields)
        problems.sort(key=lambda p: order.get(p.field, -1))
        return problems


# --- template -----------------------------------------------------------------------------------

#: The example row of `lmspath intake-template`: a Texas teacher moving into the library.
TEMPLATE_EXAMPLE: dict[str, str] = {
    "client_id": "C-0001",
    "state": "TX",
    "bachelor": "yes",
    "master": "in_progress",
    "master_fields": "library_science",
    "master_ala_accredited": "yes",
    "school_library_program": "in_progress",
    "school_library_program_kind": "school_library",
    "school_library_program_state": "TX",
    "library_credit_hours": "12",
    "teaching_license_state": "TX",
    "teaching_license_status": "active",
    "teaching_years": "4",
    "school_library_years": "0",
    "exams": "texes-150:250",
    "practicum_hours": "0",
    "portfolio": "none",
    "background_check": "yes",
    "national_board": "no",
    "tools": "Destiny; Canva; Google Classroom",
    "skills": "collaborative lesson planning; reading promotion",
}


def template_csv() -> str:
    """An intake CSV with every column and one example row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    writer.writerow([TEMPLATE_EXAMPLE.get(name, "") for name in FIELDS])
    return out.getvalue()
