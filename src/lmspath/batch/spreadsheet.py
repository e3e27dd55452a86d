"""Cells written to CSV for a spreadsheet: client data never runs as a formula."""

from __future__ import annotations

#: A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """A cell a spreadsheet will show as text: formula-like starts get a leading apostrophe."""
    if cell and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


#: Characters that make ``csv.writer`` (default dialect) put a cell in double quotes.
_QUOTE_WHEN = frozenset(',"\r\n')


def csv_field(cell: str) -> str:
    """One cell as ``csv.writer`` writes it (the default dialect, minimal quoting), so a results
    line can be put together from parts written once and shared by many rows."""
    if _QUOTE_WHEN.isdisjoint(cell):
        return cell
    return '"' + cell.replace('"', '""') + '"'
