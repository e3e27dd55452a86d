"""Start-up benchmark: the fast commands as ratios to bare Python, measured interleaved.

Run: python benchmarks/bench_startup.py [--runs N] [--lmspath PATH]

Each round runs `python -c pass` and every command once, in turn, in fresh processes (stdout to
/dev/null, NO_COLOR set), so a drift in the machine's speed touches all of them alike. For each
command the table gives the median wall and CPU (user + system, from the operating system's
accounting of the finished child) and the median of the per-round ratios to bare Python.
`--lmspath` picks the console script to time (default: the one next to this interpreter), so
two installs can be compared; `LMSPATH_NO_FAST_PATH=1` in the environment times the typer path.

Compiled bytecode is used as an installed lmspath uses it (pip compiles it at install; an
editable install writes it on first run): `PYTHONDONTWRITEBYTECODE` and `PYTHONPYCACHEPREFIX`
are removed from the children's environment and the warm-up run writes the `.pyc` files.
Without that, every run would compile the package's sources again (about 90 ms of the
assess command on this machine) and the ratios would measure the compiler.
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
PROFILE = str(ROOT / "examples" / "teacher-tx.yaml")

COMMANDS: dict[str, list[str]] = {
    "--version": ["--version"],
    "assess --profile examples/teacher-tx.yaml --format json": [
        "assess", "--profile", PROFILE, "--format", "json",
    ],
    "assess ... --format markdown": ["assess", "--profile", PROFILE, "--format", "markdown"],
    "assess ... (terminal report, piped)": ["assess", "--profile", PROFILE],
    "rules TX": ["rules", "TX"],
    "rules TX --format json": ["rules", "TX", "--format", "json"],
    "states": ["states"],
    "states --format json": ["states", "--format", "json"],
}  # fmt: skip


def _once(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``command`` in a fresh process."""
    env = dict(os.environ, NO_COLOR="1")
    for name in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX"):
        env.pop(name, None)
    with open(os.devnull, "wb") as sink:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=sink, stderr=sink, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {proc.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    """Measure and print a markdown table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--lmspath", default=str(Path(sys.executable).with_name("lmspath")))
    options = parser.parse_args()
    base = [sys.executable, "-c", "pass"]
    commands = {name: [options.lmspath, *args] for name, args in COMMANDS.items()}
    for command in [base, *commands.values()]:
        _once(command)  # warm the file cache and the data cache
    walls: dict[str, list[float]] = {"python -c pass": [], **{name: [] for name in commands}}
    cpus: dict[str, list[float]] = {name: [] for name in walls}
    for _ in range(options.runs):
        for name, command in [("python -c pass", base), *commands.items()]:
            wall, cpu = _once(command)
            walls[name].append(wall)
            cpus[name].append(cpu)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"machine: {machine}; load average {os.getloadavg()[0]:.2f} at the end")
    print(f"rounds: {options.runs}; lmspath: {options.lmspath}\n")
    print("| command | wall median (ms) | CPU median (ms) | wall / bare | CPU / bare |")
    print("|---|---|---|---|---|")
    for name in walls:
        wall_ratio = statistics.median(
            w / b for w, b in zip(walls[name], walls["python -c pass"], strict=True)
        )
        cpu_ratio = statistics.median(
            c / b for c, b in zip(cpus[name], cpus["python -c pass"], strict=True)
        )
        print(
            f"| `{name}` | {statistics.median(walls[name]) * 1000:.0f} "
            f"| {statistics.median(cpus[name]) * 1000:.0f} | {wall_ratio:.1f}x | {cpu_ratio:.1f}x |"
        )


if __name__ == "__main__":
    main()
