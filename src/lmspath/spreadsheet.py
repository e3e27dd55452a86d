"""Cells written to CSV for a spreadsheet: client data never runs as a formula."""

from __future__ import annotations

#: A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """A cell a spreadsheet will show as text: formula-like starts get a leading apostrophe."""
    if cell and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell
