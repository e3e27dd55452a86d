"""What a row and a plan cannot go below here: the parts of batch scoring and of --plans timed
one by one in one process, and the cost of creating a plan-sized file with nothing else done.

    python benchmarks/bench_floor.py benchmarks/out/intake-100000.csv          # rows
    python benchmarks/bench_floor.py benchmarks/out/intake-100000.csv --plans 10000
    python benchmarks/bench_floor.py --files 10000                             # files only
    python benchmarks/bench_floor.py benchmarks/out/intake-100000.csv --keys   # key spaces

Rows: each part over every row of the intake, in CPU microseconds a row: reading the cells
(``csv.reader``), parsing them into profiles, the outcome codes, a decision with every table
below it warm, and the scorer's ``_base`` (decision and results-row facts) on the file's rows
the first time and again once every situation has been seen. Plans: per plan, the row, the
engine's full report, the skills section, the markdown renderer, encoding and writing the file.
Files: creating and writing a 27,500-byte file (the size of a plan) with ``os.open``, three
rounds. Keys: how many distinct keys the file's rows bring to each table of the design, with
no budget dropping any (what the first pass must make, however fast a look-up is).
Scorer internals are used directly: this is a measuring tool, not an interface.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gc
import os
import shutil
import tempfile
import time
from pathlib import Path

from lmspath.api.assess import career_facts
from lmspath.batch.intake import inspect_intake
from lmspath.batch.scorer import Scorer
from lmspath.engine.assess import decide, situation
from lmspath.files import write_private
from lmspath.model.profile import Profile
from lmspath.render.markdown import markdown_around

TODAY = dt.date(2026, 12, 5)
PLAN_BYTES = 27_500


def _per(seconds: float, count: int) -> str:
    return f"{seconds / count * 1e6:.1f} us"


def rows(path: Path) -> None:
    """The parts of scoring a row, each over the whole file."""
    layout = inspect_intake(path)
    scorer = Scorer(layout, TODAY, skills=False)
    clock = time.process_time
    start = clock()
    with path.open(newline="", encoding="utf-8") as handle:
        cells = list(csv.reader(handle))[1:]
    read = clock() - start
    start = clock()
    parsed = [scorer.parser.parse(row) for row in cells]
    parse = clock() - start
    profiles = [p for p in parsed if isinstance(p, Profile)]
    gc.freeze()
    start = clock()
    for index, profile in enumerate(profiles):
        if index % 256 == 0:
            scorer._keep_within_budget()
        scorer._base(profile)
    first = clock() - start
    # The floor of this design: every situation, sketch and results row already made and
    # kept (a scorer with no budgets that has seen every row once).
    unbounded = Scorer(layout, TODAY, skills=False, cache_size=1 << 40)
    for profile in profiles:
        unbounded._base(profile)
    start = clock()
    for profile in profiles:
        unbounded._base(profile)
    again = clock() - start
    compiled = [scorer._states[p.state] for p in profiles if p.state is not None]
    start = clock()
    codes = [state.codes(p) for state, p in zip(compiled, profiles, strict=True)]
    coded = clock() - start
    start = clock()
    for state, profile, row in zip(compiled, profiles, codes, strict=True):
        decide(profile, state, row, rank_rest=False)
    decided = clock() - start
    count = len(cells)
    print(f"{count:,} rows ({len(profiles):,} scored), CPU per row:")
    print(f"  read and split (csv.reader)          {_per(read, count)}")
    print(f"  parse into a profile                 {_per(parse, count)}")
    print(f"  outcome codes (tables warm)          {_per(coded, len(profiles))}")
    print(f"  decision, every table below it warm  {_per(decided, len(profiles))}")
    print(f"  _base, first pass                    {_per(first, len(profiles))}")
    print(f"  _base, everything seen and kept      {_per(again, len(profiles))}")


def keys(path: Path) -> None:
    """Distinct keys per table over the whole file, nothing dropped (no budgets are applied)."""
    layout = inspect_intake(path)
    scorer = Scorer(layout, TODAY, skills=False, cache_size=1 << 40)
    with path.open(newline="", encoding="utf-8") as handle:
        cells = list(csv.reader(handle))[1:]
    unread = {
        layout.columns[name] for name in ("client_id", "tools", "skills") if name in layout.columns
    }
    answers = {tuple(c for i, c in enumerate(row) if i not in unread) for row in cells}
    profiles = [p for p in (scorer.parser.parse(row) for row in cells) if type(p) is Profile]
    buckets: set[object] = set()
    codes: set[object] = set()
    situations: set[object] = set()
    for profile in profiles:
        scorer._base(profile)  # never ``_keep_within_budget``: every table keeps every key
        state = scorer._states[str(profile.state)]
        values = (*state._plain(profile), *[read(profile) for read in state._bucketed])
        buckets.add((state.code, values))
        row = state.codes(profile)
        codes.add((state.code, row))
        situations.add((state.code, row, situation(profile, state.code)))
    states = scorer._states.values()
    outer = sum(len(table) for state in states for table in state.sketches)
    built = sum(len(state.plans.sketches) for state in states)
    print(f"{len(cells):,} rows ({len(profiles):,} scored), distinct:")
    print(f"  answers (every cell but client_id, tools, skills)  {len(answers):,}")
    print(f"  bucket keys (state, every field bucketed)         {len(buckets):,}")
    print(f"  outcome codes (state, every requirement's code)   {len(codes):,}")
    print(f"  situations (codes and plan flags, board, mover)   {len(situations):,}")
    print(f"  plan sketch keys (pathway's codes and plan flags) {outer:,}")
    print(f"  plan sketches built (unmet codes, flags read)     {built:,}")
    print(f"  results rows (facts past client_id)               {len(scorer._bases):,}")


def plans(path: Path, count: int) -> None:
    """The parts of writing a plan, per plan, over the file's first ``count`` rows."""
    layout = inspect_intake(path)
    folder = Path(tempfile.mkdtemp(prefix="floor-plans-"))
    try:
        scorer = Scorer(layout, TODAY, staging=folder, skills=True)
        with path.open(newline="", encoding="utf-8") as handle:
            cells = list(csv.reader(handle))[1 : count + 1]
        profiles = [p for p in (scorer.parser.parse(row) for row in cells) if type(p) is Profile]
        gc.freeze()
        gc.set_threshold(10_000, 20, 10)
        clock = time.process_time
        spent = dict.fromkeys(("row", "engine", "skills", "render", "encode", "write"), 0.0)
        for index, profile in enumerate(profiles):
            if index % 256 == 0:
                scorer._keep_within_budget()
            t0 = clock()
            scorer._base(profile)
            t1 = clock()
            result = scorer._run_engine(profile)
            t2 = clock()
            section = scorer._skills_section(
                profile, scorer._exam_id(result.state, result.best_pathway)
            )
            t3 = clock()
            career = career_facts(result.state, None)
            before, after = markdown_around(result.replace(**{"career": career}))
            t4 = clock()
            data = before.encode("utf-8") + section.rstrip() + after.encode("utf-8")
            t5 = clock()
            write_private(os.path.join(folder, f"plan-{index}.md"), data)
            t6 = clock()
            step = (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5)
            for name, part in zip(spent, step, strict=True):
                spent[name] += part
        total = sum(spent.values())
        print(f"{len(profiles):,} plans, CPU per plan (total {_per(total, len(profiles))}):")
        for name, took in spent.items():
            print(f"  {name:<8} {_per(took, len(profiles))}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def files(count: int) -> None:
    """Creating and writing plan-sized files and nothing else, three rounds."""
    data = b"x" * PLAN_BYTES
    for _ in range(3):
        folder = tempfile.mkdtemp(prefix="floor-files-")
        try:
            start = time.process_time()
            for index in range(count):
                write_private(os.path.join(folder, f"C{index:07d}.md"), data)
            took = time.process_time() - start
            print(f"{count:,} files of {PLAN_BYTES:,} bytes: {_per(took, count)} CPU a file")
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("intake", nargs="?", type=Path)
    parser.add_argument("--plans", type=int, default=0, help="time this many plans instead")
    parser.add_argument("--files", type=int, default=0, help="time creating this many files")
    parser.add_argument("--keys", action="store_true", help="count distinct keys instead")
    args = parser.parse_args()
    if args.files:
        files(args.files)
    if args.intake is not None:
        if args.keys:
            keys(args.intake)
        elif args.plans:
            plans(args.intake, args.plans)
        else:
            rows(args.intake)


if __name__ == "__main__":
    main()
