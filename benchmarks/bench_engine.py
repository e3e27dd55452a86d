"""Engine benchmark: microseconds per `assess` (rules engine + planner) over varied profiles.

Run: python benchmarks/bench_engine.py [--profiles N]
Profiles are generated deterministically across all shipped states; data is loaded before timing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time

from lmspath.engine.assess import assess
from lmspath.model.profile import Profile, build_profile
from lmspath.store.check import exam_ids
from lmspath.store.load import available_states, exam_index, load_estimates, load_exams, load_state


def _profiles(count: int, seed: int = 7) -> list[tuple[str, Profile]]:
    rng = random.Random(seed)
    states = available_states()
    index = exam_index()
    out = []
    for _ in range(count):
        code = rng.choice(states)
        exams = exam_ids(load_state(code))
        raw: dict[str, object] = {
            "bachelor": rng.choice(["yes", "yes", "yes", "in_progress"]),
            "master": rng.choice(["no", "no", "yes", "in_progress", None]),
            "master_fields": rng.choice([None, "library_science", "education"]),
            "school_library_program": rng.choice(["no", "yes", "in_progress", None]),
            "library_credit_hours": rng.choice([None, 0, rng.randint(0, 40)]),
            "teaching_license_status": rng.choice(["active", "none", "expired", None]),
            "teaching_license_state": rng.choice([code, "none", "TX"]),
            "teaching_years": rng.choice([None, round(rng.uniform(0, 20), 1)]),
            "exams": [rng.choice(exams)] if exams and rng.random() < 0.3 else [],
            "practicum_hours": rng.choice([None, 0, rng.randint(0, 200)]),
            "portfolio": rng.choice(["none", "in_progress", "complete", None]),
            "background_check": rng.choice(["yes", "no", None]),
        }
        out.append((code, build_profile(raw, resolve_exam=index.resolve)))
    return out


def main() -> None:
    """Print microseconds per assessment (min and median of 5 passes)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--profiles", type=int, default=2000)
    count = parser.parse_args().profiles
    people = _profiles(count)
    estimates, catalog, today = load_estimates(), load_exams(), dt.date(2026, 11, 24)
    for code in available_states():
        load_state(code)
    passes = []
    for _ in range(5):
        start = time.perf_counter()
        for code, person in people:
            assess(person, load_state(code), estimates, catalog, today=today)
        passes.append((time.perf_counter() - start) / count * 1e6)
    print(f"{count} profiles over {len(available_states())} states")
    low, mid = min(passes), statistics.median(passes)
    print(f"assess: min {low:.0f} us, median {mid:.0f} us per profile")


if __name__ == "__main__":
    main()
