"""Batch benchmark: rows/s and peak memory of `lmspath batch` on generated intake vs csv.reader."""

from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from lmspath.model.profile import FIELDS
from lmspath.model.states import JURISDICTIONS
from lmspath.store.load import available_states, load_state

OUT = Path(__file__).resolve().parent / "out"

_TOOLS = (
    "Destiny", "Follett", "Canva", "Google Classroom", "ProQuest", "EBSCO", "Gale", "Sora",
    "Seesaw", "Flipgrid", "Padlet", "Book Creator", "Tinkercad", "Scratch", "Alexandria",
)  # fmt: skip
_SKILLS = (
    "collaborative lesson planning", "reading promotion", "information literacy",
    "digital citizenship", "collection development", "cataloging", "makerspace",
    "research instruction", "budgeting", "copyright", "media literacy", "storytime",
)  # fmt: skip
_MASTER_FIELDS = (
    "education", "library_science", "school_library_media", "educational_technology", "other",
)  # fmt: skip


def _pick(rng: random.Random, weighted: dict[str, float]) -> str:
    return rng.choices(list(weighted), weights=list(weighted.values()))[0]


def _state_exams(code: str) -> list[str]:
    rules = load_state(code)
    found: list[str] = []
    stack: list[object] = [req for pathway in rules.pathways for req in pathway.requirements]
    while stack:
        req = stack.pop()
        exam = getattr(req, "exam", None)
        if isinstance(exam, str) and exam not in found:
            found.append(exam)
        stack.extend(getattr(req, "options", []) or [])
    return found


def _years(rng: random.Random, blank: float, top: int, zero: float) -> str:
    roll = rng.random()
    if roll < blank:
        return ""
    if roll < blank + zero:
        return "0"
    return str(min(top, int(rng.expovariate(1 / 6)) + 1))


def make_row(
    rng: random.Random, index: int, states: list[str], exams: dict[str, list[str]]
) -> dict[str, str]:
    """One realistic intake row: most people are teachers, many answers are left blank."""
    code = rng.choice(states)
    style = rng.random()
    state = code if style < 0.85 else (JURISDICTIONS[code] if style < 0.95 else code.lower())
    master = _pick(rng, {"no": 45, "in_progress": 20, "yes": 27, "": 8})
    fields = ""
    ala = ""
    if master in {"yes", "in_progress"}:
        fields = _pick(rng, dict(zip(_MASTER_FIELDS, (40, 30, 12, 10, 8), strict=True)))
        if fields in {"library_science", "school_library_media"}:
            ala = _pick(rng, {"yes": 60, "no": 15, "": 25})
    licensed = _pick(rng, {"active": 65, "expired": 7, "none": 10, "": 18})
    lic_state = ""
    if licensed in {"active", "expired"}:
        lic_state = code if rng.random() < 0.85 else rng.choice(states)
    elif licensed == "none":
        lic_state = _pick(rng, {"none": 60, "": 40})
    credits = _pick(rng, {"": 25, "0": 45, "step": 30})
    if credits == "step":
        credits = str(3 * rng.randint(1, 12))
    practicum = _pick(rng, {"": 35, "0": 45, "step": 20})
    if practicum == "step":
        practicum = str(rng.choice((20, 40, 60, 80, 100, 120, 150, 160, 180, 240, 300)))
    exam_cell = ""
    if exams[code] and rng.random() < 0.3:
        exam = rng.choice(exams[code])
        exam_cell = exam if rng.random() < 0.6 else f"{exam}:{rng.randint(140, 260)}"
    row = {
        "client_id": f"C{index:07d}",
        "state": state,
        "bachelor": _pick(rng, {"yes": 88, "in_progress": 4, "": 8}),
        "master": master,
        "master_fields": fields,
        "master_ala_accredited": ala,
        "school_library_program": _pick(rng, {"no": 50, "in_progress": 20, "yes": 15, "": 15}),
        "library_credit_hours": credits,
        "teaching_license_state": lic_state,
        "teaching_license_status": licensed,
        "teaching_years": _years(rng, 0.1, 35, 0.08),
        "school_library_years": _years(rng, 0.2, 25, 0.55),
        "exams": exam_cell,
        "practicum_hours": practicum,
        "portfolio": _pick(rng, {"": 55, "none": 30, "in_progress": 8, "complete": 7}),
        "background_check": _pick(rng, {"yes": 45, "no": 20, "": 35}),
        "national_board": _pick(rng, {"no": 65, "yes": 5, "": 30}),
        "tools": "; ".join(rng.sample(_TOOLS, rng.choice((0, 0, 1, 2, 3)))),
        "skills": "; ".join(rng.sample(_SKILLS, rng.choice((0, 1, 2, 3)))),
    }
    flaw = rng.random()
    if flaw < 0.002:
        row["teaching_years"] = "ten"
    elif flaw < 0.004:
        row["state"] = "Texsa"
    elif flaw < 0.005:
        row["state"] = ""
    return row


def _program_details(row: dict[str, str], index: int) -> None:
    """What kind of program, approved where: drawn from a stream of their own, so the other
    columns stay the rows earlier sessions measured."""
    if row.get("school_library_program") not in {"yes", "in_progress"}:
        return
    rng = random.Random(index * 7919)
    row["school_library_program_kind"] = _pick(
        rng, {"school_library": 60, "teacher_preparation": 10, "": 30}
    )
    row["school_library_program_state"] = _pick(rng, {row["state"]: 65, "TX": 5, "": 30})


def generate(path: Path, rows: int, seed: int = 7, distinct: int = 0) -> list[str]:
    """Write a realistic intake of ``rows`` rows over every state that has rules data.

    With ``distinct``, rows are drawn from a pool of that many realistic rows (new client ids):
    not a realistic mix, but it shows what the batch machinery costs when the memo answers.
    """
    rng = random.Random(seed)
    states = available_states()
    exams = {code: _state_exams(code) for code in states}
    pool = [make_row(rng, n, states, exams) for n in range(distinct)]
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(FIELDS)
        for index in range(1, rows + 1):
            if pool:
                row = dict(rng.choice(pool), client_id=f"C{index:07d}")
            else:
                row = make_row(rng, index, states, exams)
            if rng.random() < 0.001 and index > 1:
                row["client_id"] = f"C{index - 1:07d}"  # a repeated client id
            _program_details(row, index)
            writer.writerow([row.get(name, "") for name in FIELDS])
    return states


def csv_reader_seconds(path: Path) -> float:
    """Seconds for csv.reader alone to read every row of the file."""
    started = time.perf_counter()
    with open(path, encoding="utf-8", newline="") as handle:
        count = sum(1 for _ in csv.reader(handle))
    elapsed = time.perf_counter() - started
    assert count > 0
    return elapsed


def distinct_profiles(path: Path) -> tuple[int, int, int]:
    """Rows, distinct engine inputs (all but client_id, tools, skills), distinct (tools, skills)."""
    seen: set[tuple[str, ...]] = set()
    skills: set[tuple[str, str]] = set()
    rows = 0
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        keep = [i for i, name in enumerate(header) if name not in {"client_id", "tools", "skills"}]
        tools, listed = header.index("tools"), header.index("skills")
        for cells in reader:
            rows += 1
            seen.add(tuple(cells[i] for i in keep))
            skills.add((cells[tools], cells[listed]))
    return rows, len(seen), len(skills)


def _status_kb(pid: int, key: str, name: str = "status") -> int:
    try:
        text = Path(f"/proc/{pid}/{name}").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith(key):
            return int(line.split()[1])
    return 0


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


@dataclass
class Run:
    """One timed batch run."""

    label: str
    rows: int
    seconds: float
    peak_rss_mb: float
    peak_pss_total_mb: float
    load: str
    exit_code: int

    @property
    def rate(self) -> float:
        """Rows per second."""
        return self.rows / self.seconds


def _load() -> str:
    return f"{os.getloadavg()[0]:.1f}"


def run_batch(path: Path, rows: int, jobs: int, label: str, extra: list[str]) -> Run:
    """Run `lmspath batch` in a child process; sample its memory (and its workers') every 20 ms.

    Peak RSS is the batch process's own; the PSS total adds its workers, counting pages they
    share after fork once (summing RSS would count them in every process).
    """
    out = OUT / f"results-{label}.csv"
    command = [
        sys.executable, "-m", "lmspath", "batch", str(path), "--output", str(out),
        "--errors", str(OUT / f"errors-{label}.csv"), "--jobs", str(jobs), *extra,
    ]  # fmt: skip
    load_before = _load()
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak_rss = 0
    peak_pss = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak_rss, peak_pss
        while not stop.is_set():
            pids = [child.pid, *_children(child.pid)]
            peak_rss = max(peak_rss, _status_kb(child.pid, "VmRSS:"))
            pss = sum(_status_kb(pid, "Pss:", "smaps_rollup") for pid in pids)
            peak_pss = max(peak_pss, pss)
            stop.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = child.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    if child.returncode not in (0, 1):
        raise SystemExit(f"batch failed ({child.returncode}): {err}")
    print(f"  {label}: {err.strip().splitlines()[-1]} in {seconds:.1f}s", flush=True)
    load = f"{load_before}-{_load()}"
    return Run(label, rows, seconds, peak_rss / 1024, peak_pss / 1024, load, child.returncode)


def _runs(path: Path, rows: int, jobs_list: list[int], tag: str, summary: bool) -> list[Run]:
    runs = [run_batch(path, rows, jobs, f"{tag}-jobs{jobs}", []) for jobs in jobs_list]
    if summary:
        # --summary needs each client's skills section (for the cohort's skills gaps).
        for jobs in jobs_list:
            extra = ["--summary", str(OUT / f"cohort-{tag}-jobs{jobs}.md")]
            runs.append(run_batch(path, rows, jobs, f"{tag}-jobs{jobs}+summary", extra))
    return runs


def main(argv: list[str] | None = None) -> None:
    """Generate, time, print a markdown table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--no-summary", action="store_true", help="skip the --summary runs")
    parser.add_argument(
        "--repeat-pool",
        type=int,
        default=500,
        help="also run a mix drawn from this many distinct rows (0: skip)",
    )
    parser.add_argument("--plans-rows", type=int, default=0, help="also time --plans on N rows")
    args = parser.parse_args(argv)

    OUT.mkdir(exist_ok=True)
    path = OUT / f"intake-{args.rows}.csv"
    started = time.perf_counter()
    states = generate(path, args.rows)
    print(
        f"generated {args.rows:,} rows over {len(states)} states in "
        f"{time.perf_counter() - started:.1f}s ({path.stat().st_size / 1e6:.1f} MB)",
        flush=True,
    )
    baseline = csv_reader_seconds(path)
    rows, distinct, distinct_skills = distinct_profiles(path)
    print(
        f"csv.reader alone: {baseline:.2f}s ({rows / baseline:,.0f} rows/s); "
        f"distinct engine inputs {distinct:,} of {rows:,} ({100 * distinct / rows:.1f}%); "
        f"distinct (tools, skills) {distinct_skills:,}",
        flush=True,
    )
    runs = _runs(path, rows, args.jobs, "realistic", not args.no_summary)
    repeat_baseline = 0.0
    if args.repeat_pool:
        repeat = OUT / f"intake-{args.rows}-pool{args.repeat_pool}.csv"
        generate(repeat, args.rows, seed=3, distinct=args.repeat_pool)
        repeat_baseline = csv_reader_seconds(repeat)
        runs += _runs(repeat, rows, [1], f"pool{args.repeat_pool}", not args.no_summary)
    if args.plans_rows:
        small = OUT / f"intake-{args.plans_rows}.csv"
        generate(small, args.plans_rows, seed=11)
        plans = OUT / "plans"
        if plans.exists():
            shutil.rmtree(plans)
        extra = ["--plans", str(plans), "--summary", str(OUT / "cohort-plans.md")]
        runs.append(run_batch(small, args.plans_rows, 1, "plans+summary", extra))

    print()
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.system()}; "
        f"{len(states)} states with rules data"
    )
    print()
    print("| run | rows | seconds | rows/s | peak RSS (MB) | peak PSS, all processes (MB) | load |")
    print("|---|---:|---:|---:|---:|---:|---|")
    print(
        f"| csv.reader alone, realistic | {rows:,} | {baseline:.2f} | "
        f"{rows / baseline:,.0f} | | | |"
    )
    if repeat_baseline:
        print(
            f"| csv.reader alone, pool{args.repeat_pool} | {rows:,} | {repeat_baseline:.2f} | "
            f"{rows / repeat_baseline:,.0f} | | | |"
        )
    for run in runs:
        print(
            f"| batch {run.label} | {run.rows:,} | {run.seconds:.2f} | {run.rate:,.0f} | "
            f"{run.peak_rss_mb:.0f} | {run.peak_pss_total_mb:.0f} | {run.load} |"
        )


if __name__ == "__main__":
    main()
