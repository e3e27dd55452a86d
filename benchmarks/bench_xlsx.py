"""Rows per second reading a generated workbook intake (.xlsx) into text rows, beside csv.reader.

`python benchmarks/bench_xlsx.py benchmarks/out/intake-100000.csv` writes the same rows as
`benchmarks/out/intake-100000.xlsx` (numbers as numbers, like a sheet a counselor typed) and
times lmspath's workbook reading (python-calamine, then every cell as text) from a fresh start,
best of ``--repeat`` passes.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lmspath.batch.intake import IntakeReader, inspect_intake
from tests.xlsx_writer import Cell, write_xlsx


def _cell(text: str) -> Cell:
    try:
        number = float(text)
    except ValueError:
        return text
    return int(number) if number.is_integer() else number


def make_workbook(source: Path) -> Path:
    """The CSV intake's rows as a one-sheet workbook beside it."""
    target = source.with_suffix(".xlsx")
    with open(source, encoding="utf-8", newline="") as handle:
        rows: list[list[Cell]] = [[_cell(c) for c in row] for row in csv.reader(handle)]
    write_xlsx(target, {"Intake": rows})
    return target


def read_all(path: Path) -> int:
    """Rows read from the intake as lmspath's batch reads them (header found, cells as text)."""
    layout = inspect_intake(path)
    with IntakeReader(layout) as reader:
        return sum(1 for _ in reader.records())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("intake", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="read INTAKE once as the batch would (a .xlsx or .csv) and print the rows: for "
        "timing whole processes from outside",
    )
    args = parser.parse_args()
    if args.read_only:
        print(read_all(args.intake))
        return
    book = make_workbook(args.intake)
    print(f"workbook: {book} ({book.stat().st_size / 1e6:.1f} MB)")
    for path in (book, args.intake):
        best = float("inf")
        rows = 0
        for _ in range(args.repeat):
            started = time.perf_counter()
            rows = read_all(path)
            best = min(best, time.perf_counter() - started)
        print(f"{path.suffix}: {rows:,} rows in {best:.2f}s = {rows / best:,.0f} rows/s")


if __name__ == "__main__":
    main()
