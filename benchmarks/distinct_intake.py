"""Make every row of an intake truly distinct: unique numbers in every numeric field and unique
tools and skills text, for measuring batch on rows no memo keyed on raw values could share.

    python benchmarks/distinct_intake.py benchmarks/out/intake-100000.csv \
        benchmarks/out/distinct-100000.csv
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

NUMBERS = ("library_credit_hours", "teaching_years", "school_library_years", "practicum_hours")
TEXTS = ("tools", "skills")


def main(argv: list[str]) -> None:
    source, target = Path(argv[0]), Path(argv[1])
    with open(source, encoding="utf-8", newline="") as inp:
        rows = csv.reader(inp)
        header = next(rows)
        at = {name: header.index(name) for name in (*NUMBERS, *TEXTS) if name in header}
        with open(target, "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(header)
            for index, row in enumerate(rows, start=1):
                for name in NUMBERS:
                    cell = row[at[name]].strip() if name in at else ""
                    try:
                        value = float(cell)
                    except ValueError:
                        continue  # blank or a spelling the lenient reader handles: kept
                    if value > 0:  # zero stays zero: to the rules it is none at all
                        # a unique fraction, far below any threshold's spacing
                        row[at[name]] = f"{value + index * 1e-7:.7f}"
                for name in TEXTS:
                    if name in at:
                        cell = row[at[name]].strip()
                        row[at[name]] = f"{cell}; item {index}" if cell else f"item {index}"
                writer.writerow(row)


if __name__ == "__main__":
    main(sys.argv[1:])
