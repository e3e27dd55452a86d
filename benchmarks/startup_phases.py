"""Where `lmspath assess --profile examples/teacher-tx.yaml --format json` spends its start-up.

Run: python benchmarks/startup_phases.py [--runs N] [--format json|markdown]

Each run is a fresh interpreter that performs the fast path's imports in stages, timing each,
then runs the command itself (output to /dev/null): the dispatcher, the plain model classes,
PyYAML, the engine, the rest of lmspath, then the work (data from the warm cache, engine,
skills, rendering). pydantic is not on the path (a test checks it). Min and median over the
runs, in milliseconds; the interpreter's own start-up is not included (time `python -c pass`
for it). Compiled bytecode is used and written, as an installed lmspath uses it (see
bench_startup.py).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROFILE = str(ROOT / "examples" / "teacher-tx.yaml")

#: (label, Python statements) in order; each stage's time is measured after the previous one.
STAGES = [
    ("the dispatcher (lmspath.cli, lmspath.cli.fast)", "import lmspath.cli, lmspath.cli.fast"),
    (
        "lmspath's plain model classes (model/*)",
        "import lmspath.model.rules, lmspath.model.profile, lmspath.model.results, "
        "lmspath.model.skills, lmspath.model.market, lmspath.model.programs, "
        "lmspath.model.career, lmspath.model.report",
    ),
    ("PyYAML", "import yaml"),
    (
        "the engine (engine.assess and what it imports)",
        "import lmspath.api.assess, lmspath.engine.assess",
    ),
    (
        "the rest of lmspath on the path (skills, store, render)",
        "import lmspath.skills.report, lmspath.engine.career, "
        "lmspath.engine.program_estimates, lmspath.render.json_report, lmspath.cli.assess_run",
    ),
]

_PROBE = """
import os, sys, time, json
marks = [time.perf_counter()]
{imports}
sys.stdout = open(os.devnull, "w")
from lmspath.cli.fast import run
code = run(["assess", "--profile", {profile!r}, "--format", {fmt!r}])
marks.append(time.perf_counter())
sys.stdout = sys.__stdout__
print(json.dumps([code] + [round((b - a) * 1000, 2) for a, b in zip(marks, marks[1:])]))
"""


def main() -> None:
    """Measure and print a markdown table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--format", default="json", choices=["json", "markdown"])
    options = parser.parse_args()
    imports = "\n".join(f"{code}\nmarks.append(time.perf_counter())" for _, code in STAGES)
    probe = _PROBE.format(imports=imports, profile=PROFILE, fmt=options.format)
    rows: list[list[float]] = []
    for _ in range(options.runs + 1):  # the first run warms the caches and is not counted
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        out = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env
        ).stdout
        code, *times = json.loads(out)
        if code != 0:
            raise SystemExit(f"the command exited {code}")
        rows.append(times)
    rows = rows[1:]
    labels = [label for label, _ in STAGES] + ["the work: data, engine, skills, rendering"]
    print(f"runs: {options.runs}; format: {options.format}\n")
    print("| stage | min (ms) | median (ms) |")
    print("|---|---|---|")
    for index, label in enumerate(labels):
        column = [row[index] for row in rows]
        print(f"| {label} | {min(column):.1f} | {statistics.median(column):.1f} |")
    totals = [sum(row) for row in rows]
    print(f"| **total after the interpreter's start** | {min(totals):.1f} "
          f"| {statistics.median(totals):.1f} |")  # fmt: skip


if __name__ == "__main__":
    main()
