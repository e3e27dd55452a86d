"""Write batch results as an .xlsx workbook: a header row, frozen panes, sensible column widths.

The batch writes its results as CSV; ``csv_to_xlsx`` turns the finished file into a one-sheet
workbook, streaming it row by row. Text cells are inline strings (never formulas), so the
apostrophe that guards a formula-like cell in CSV is not needed and is dropped; number columns
are written as numbers so they sort and sum.
"""

from __future__ import annotations

import csv
import os
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from lmspath.batch.spreadsheet import FORMULA_STARTS

#: Results columns written as numbers when the cell holds one.
NUMBER_COLUMNS = frozenset(
    {"line", "remaining_steps", "months_min", "months_max", "cost_min", "cost_max"}
)
#: Rows looked at to size the columns, and the widest a column gets (characters).
_SIZE_ROWS = 500
_MAX_WIDTH = 60
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_ILLEGAL = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text(cell: str) -> str:
    if len(cell) > 1 and cell[0] == "'" and cell[1:].startswith(FORMULA_STARTS):
        cell = cell[1:]
    return escape(cell.translate(_ILLEGAL))


def _row(number: int, cells: list[str], numeric: list[bool], letters: list[str]) -> str:
    parts = [f'<row r="{number}">']
    for i, cell in enumerate(cells):
        if not cell:
            continue
        ref = f"{letters[i]}{number}"
        if numeric[i]:
            try:
                float(cell)
            except ValueError:
                pass
            else:
                parts.append(f'<c r="{ref}"><v>{cell}</v></c>')
                continue
        style = ' s="1"' if number == 1 else ""
        parts.append(f'<c r="{ref}" t="inlineStr"{style}><is><t>{_text(cell)}</t></is></c>')
    parts.append("</row>")
    return "".join(parts)


def csv_to_xlsx(source: Path, target: Path) -> None:
    """The results CSV at ``source`` as a workbook at ``target`` (written whole, then renamed)."""
    with open(source, encoding="utf-8-sig", newline="") as handle:
        head = [row for _, row in zip(range(_SIZE_ROWS), csv.reader(handle), strict=False)]
    header = head[0] if head else []
    widths = [
        min(_MAX_WIDTH, max(8, *(len(row[i]) + 2 for row in head if i < len(row))))
        for i in range(len(header))
    ]
    letters = [_letter(i) for i in range(max(len(header), 1))]
    numeric = [name in NUMBER_COLUMNS for name in header]
    cols = "".join(
        f'<col min="{i + 1}" max="{i + 1}" width="{w}" customWidth="1"/>'
        for i, w in enumerate(widths)
    )
    tmp = target.with_name(f".{target.name}.{os.getpid()}.xlsx-tmp")
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as book:
            _static_parts(book)
            with (
                book.open("xl/worksheets/sheet1.xml", "w") as raw,
                open(source, encoding="utf-8-sig", newline="") as handle,
            ):
                raw.write(
                    (
                        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet {_NS}>'
                        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" '
                        'topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
                        "</sheetView></sheetViews>"
                        f"<cols>{cols}</cols><sheetData>"
                    ).encode()
                )
                chunk: list[str] = []
                for number, cells in enumerate(csv.reader(handle), start=1):
                    while len(letters) < len(cells):
                        letters.append(_letter(len(letters)))
                        numeric.append(False)
                    chunk.append(_row(number, cells, numeric, letters))
                    if len(chunk) >= 1000:
                        raw.write("".join(chunk).encode())
                        chunk = []
                raw.write(("".join(chunk) + "</sheetData></worksheet>").encode())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def _static_parts(book: zipfile.ZipFile) -> None:
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006"
    book.writestr(
        "[Content_Types].xml",
        f'{head}<Types xmlns="{pkg}/content-types">'
        '<Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{ct}.styles+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.worksheet+xml"/>'
        "</Types>",
    )
    book.writestr(
        "_rels/.rels",
        f'{head}<Relationships xmlns="{pkg}/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>",
    )
    book.writestr(
        "xl/workbook.xml",
        f'{head}<workbook {_NS} xmlns:r="{rel}">'
        '<sheets><sheet name="Results" sheetId="1" r:id="rId1"/></sheets></workbook>',
    )
    book.writestr(
        "xl/_rels/workbook.xml.rels",
        f'{head}<Relationships xmlns="{pkg}/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/>'
        "</Relationships>",
    )
    book.writestr(
        "xl/styles.xml",
        f"{head}<styleSheet {_NS}>"
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
        '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        "</cellStyleXfs>"
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
        "</cellXfs></styleSheet>",
    )
