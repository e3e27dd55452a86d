"""Start-up benchmark: `lmspath --version` and a full JSON assess, as ratios to bare Python.

Run: python benchmarks/bench_startup.py [--runs N]
Each command runs N times in fresh processes (hyperfine-style); min and median wall times are
reported with the ratio to `python -c pass` measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROFILE = ROOT / "examples" / "teacher-tx.yaml"


def _time(command: list[str], runs: int) -> list[float]:
    env = dict(os.environ, NO_COLOR="1")
    subprocess.run(command, capture_output=True, check=True, env=env)  # warm the file cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, env=env)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    """Measure and print a markdown table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    python = sys.executable
    commands = {
        "python -c pass": [python, "-c", "pass"],
        "lmspath --version": [python, "-m", "lmspath", "--version"],
        "lmspath assess --profile examples/teacher-tx.yaml --format json": [
            python, "-m", "lmspath", "assess", "--profile", str(PROFILE), "--format", "json",
        ],
        "lmspath assess ... (terminal report)": [
            python, "-m", "lmspath", "assess", "--profile", str(PROFILE),
        ],
    }  # fmt: skip
    results = {name: _time(cmd, runs) for name, cmd in commands.items()}
    base = min(results["python -c pass"])
    base_median = statistics.median(results["python -c pass"])
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"machine: {machine}")
    print(f"runs per command: {runs}\n")
    print("| command | min (ms) | median (ms) | min / bare Python | median / bare Python |")
    print("|---|---|---|---|---|")
    for name, times in results.items():
        low, mid = min(times), statistics.median(times)
        print(
            f"| `{name}` | {low * 1000:.0f} | {mid * 1000:.0f} | {low / base:.1f}x "
            f"| {mid / base_median:.1f}x |"
        )


if __name__ == "__main__":
    main()
