"""Read a workbook intake (.xlsx, .xlsm, .xlsb, .xls, .ods) as rows of text via python-calamine.

Cells come back as the sheet shows them: a formula's stored value (never evaluated), whole
numbers without ``.0``, TRUE/FALSE for booleans, a date as ``YYYY-MM-DD`` (which a number field
then refuses by name). Row numbers are the sheet's own, so errors point where the person looks.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from lmspath.errors import InputError

if TYPE_CHECKING:
    from lmspath.batch.intake import Layout

SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"
#: Rows searched for the header row.
_TITLE_ROWS = 20
_EXPORT = "or export the sheet as CSV (File > Save As > 'CSV UTF-8')"

#: Sheets parsed by ``inspect_workbook``, kept for the reader that follows (one at a time).
_READ: dict[tuple[str, str], object] = {}


def is_workbook(path: Path) -> bool:
    """True for a workbook by its name, or by its first bytes (a zip or an old Office file)."""
    if path.suffix.lower() in SUFFIXES:
        return True
    try:
        # Only a regular file is opened to look: opening a FIFO would wait for a writer.
        if not stat.S_ISREG(path.stat().st_mode):
            return False
        with open(path, "rb") as handle:
            head = handle.read(4)
    except OSError:
        return False
    return head in (_ZIP, _OLE)


def column_letter(index: int) -> str:
    """'A' for 0, 'AA' for 26: a column as the sheet names it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text(value: object) -> str:
    """One cell as text, the way the sheet shows it."""
    if type(value) is float:  # the common case: numbers come back as floats
        return str(int(value)) if value.is_integer() else f"{value:.15g}"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return f"{value:.15g}"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _rows(raw: Iterable[list[object]]) -> Iterator[tuple[int, list[str]]]:
    """Each row (numbered as the sheet numbers it) with its cells as text, one at a time, so
    only the parsed sheet is held, not every row as Python objects."""
    str_ = str
    text = _text
    for number, row in enumerate(raw, start=1):
        yield number, [c if type(c) is str_ else text(c) for c in row]


def _open(path: Path) -> object:
    try:
        import python_calamine
    except ImportError:  # pragma: no cover - a dependency; only a broken install lacks it
        raise InputError(
            f"{path}: reading workbooks needs python-calamine (pip install python-calamine), "
            + _EXPORT
        ) from None
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not an intake file")
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc.strerror})") from None
    if not head:
        raise InputError(f"{path}: the file is empty (0 bytes)")
    try:
        return python_calamine.CalamineWorkbook.from_path(str(path))
    except python_calamine.PasswordError:
        raise InputError(
            f"{path}: the workbook is password-protected; save an unprotected copy " + _EXPORT
        ) from None
    except Exception as exc:  # calamine raises several kinds; each means "unreadable"
        if head.startswith(_OLE) and path.suffix.lower() in {".xlsx", ".xlsm"}:
            raise InputError(
                f"{path}: the workbook is encrypted (password-protected); save an unprotected "
                "copy " + _EXPORT
            ) from None
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(
            f"{path}: cannot read this workbook ({reason}); is it damaged? Open it in a "
            "spreadsheet and save it again, " + _EXPORT
        ) from None


def inspect_workbook(path: Path, sheet: str | None = None) -> Layout:
    """The layout of a workbook's sheet (the first, or ``sheet``); InputError if unusable."""
    from lmspath.batch.intake import Encoding, layout_from_header
    from lmspath.model.profile import normalise_key

    book = _open(path)
    names: list[str] = list(book.sheet_names)  # type: ignore[attr-defined]
    if not names:
        raise InputError(f"{path}: the workbook has no sheets")
    chosen = names[0]
    if sheet is not None:
        by_case = {name.casefold(): name for name in names}
        if sheet.casefold() not in by_case:
            listed = ", ".join(repr(n) for n in names)
            raise InputError(f"--sheet {sheet}: {path} has no such sheet; its sheets: {listed}")
        chosen = by_case[sheet.casefold()]
    try:
        data = book.get_sheet_by_name(chosen)  # type: ignore[attr-defined]
        merged = data.merged_cell_ranges or []
        top_rows = list(itertools.islice(_rows(data.iter_rows()), _TITLE_ROWS))
        total = data.start[0] + data.height if data.height else 0
    except Exception as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{path}: sheet {chosen!r}: cannot read it ({reason})") from None
    where = f"{path} (sheet {chosen!r})"
    filled = [item for item in top_rows if "".join(item[1]).strip()]
    if not filled:
        raise InputError(f"{where}: the sheet is empty; the first row must name the columns")
    # A title row or two above the header is common in a counselor's sheet: the header is the
    # first row that names the state column.
    header_line, cells = next(
        (item for item in filled if "state" in {normalise_key(c) for c in item[1]}), filled[0]
    )
    warnings: list[str] = []
    if header_line != filled[0][0]:
        warnings.append(f"{where}: the header is row {header_line}; rows above it are not read")
    for (top, left), (bottom, right) in merged:
        ref = f"{column_letter(left)}{top + 1}:{column_letter(right)}{bottom + 1}"
        if top <= header_line - 1 <= bottom:
            raise InputError(
                f"{where}: row {header_line}: header cells {ref} are merged; unmerge them so "
                "every column has its own name"
            )
        warnings.append(
            f"{where}: cells {ref} are merged; only {column_letter(left)}{top + 1} holds a "
            "value, the others read as blank"
        )
    layout = layout_from_header(
        path,
        Encoding("workbook", "workbook cells"),
        ",",
        header_line,
        cells,
        total,
        sheet=chosen,
        label=where,
    )
    if len(names) > 1 and sheet is None:
        warnings.append(
            f"{where}: read the first of {len(names)} sheets; --sheet NAME reads another"
        )
    _READ.clear()
    _READ[(str(path), chosen)] = data
    return dataclasses.replace(layout, warnings=(*warnings[:5], *layout.warnings))


def sheet_rows(layout: Layout) -> Iterator[tuple[int, list[str]]]:
    """The sheet's rows (number, cells as text), from the sheet ``inspect_workbook`` parsed."""
    assert layout.sheet is not None
    data = _READ.pop((str(layout.path), layout.sheet), None)
    if data is None:
        inspect_workbook(layout.path, layout.sheet)
        data = _READ.pop((str(layout.path), layout.sheet))
    return _rows(data.iter_rows())  # type: ignore[attr-defined]
