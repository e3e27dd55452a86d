"""Rewrite a generated intake as counselors type it (Y, FALSE, Tex., 2.5 yrs) for paired timings.

`python benchmarks/lenient_intake.py benchmarks/out/intake-100000.csv` writes
`benchmarks/out/intake-100000-lenient.csv`: the same clients, so the same results, with every
yes/no cell, state, number and Praxis exam written the way the lenient reader has to normalise.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

YES_NO = {"yes": "Y", "no": "FALSE"}
PROGRESS = {"yes": "TRUE", "no": "n", "in_progress": "in progress"}
STATES = {"TX": "Tex.", "CA": "Calif", "Texas": "Tex.", "California": "Calif.", "PA": "Penna."}
FIELDS_YES_NO = ("master_ala_accredited", "background_check", "national_board")
FIELDS_PROGRESS = ("bachelor", "master", "school_library_program")
FIELDS_YEARS = ("teaching_years", "school_library_years")


def rewrite(row: dict[str, str]) -> dict[str, str]:
    """One row with its cells spelt the lenient way."""
    for name in FIELDS_YES_NO:
        row[name] = YES_NO.get(row[name], row[name])
    for name in FIELDS_PROGRESS:
        row[name] = PROGRESS.get(row[name], row[name])
    row["state"] = STATES.get(row["state"], row["state"])
    for name in FIELDS_YEARS:
        if row[name]:
            row[name] += " yrs"
    if row["practicum_hours"]:
        row["practicum_hours"] += " hrs"
    row["exams"] = row["exams"].replace("praxis-5312", "Praxis II 5312")
    return row


def main(source: Path) -> Path:
    """Write the lenient copy beside the source and return its path."""
    target = source.with_name(source.stem + "-lenient.csv")
    with (
        open(source, encoding="utf-8", newline="") as src,
        open(target, "w", encoding="utf-8", newline="") as out,
    ):
        reader = csv.DictReader(src)
        assert reader.fieldnames is not None
        writer = csv.DictWriter(out, reader.fieldnames)
        writer.writeheader()
        for row in reader:
            writer.writerow(rewrite(row))
    return target


if __name__ == "__main__":
    print(main(Path(sys.argv[1])))
