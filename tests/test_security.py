"""Hostile input and faults (issue 18): one test (or a few) per finding of the security review.

The cache findings (F0, F0b) are in test_cache.py. The numbers below are the issue's.
"""

from __future__ import annotations

import csv
import json
import os
import resource
import signal
import stat
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lmspath.batch import safe_stem
from lmspath.cli import get_app
from lmspath.cohort import CohortMeta, CohortTally, RuleRef, render_cohort

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "teacher-tx.yaml"
runner = CliRunner()
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NOBODY = 65534


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(get_app(), list(args))
    return result.exit_code, result.stdout, result.stderr


def run_cli(*args: str, timeout: float = 60, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """``python -m lmspath ARGS`` in a real process (output captured unless redirected)."""
    if "stdout" not in kwargs and "stderr" not in kwargs:
        kwargs["capture_output"] = True
    proc: subprocess.CompletedProcess[str] = subprocess.run(
        [sys.executable, "-m", "lmspath", *args], text=True, timeout=timeout, **kwargs
    )
    return proc


def one_error_line(err: str) -> str:
    """The single ``Error:`` line of a stderr; fails on anything else (a traceback, a box)."""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("Error: "), err
    assert "Traceback" not in err
    assert lines[0].isprintable(), repr(lines[0])
    return lines[0]


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def dead_pid() -> int:
    """The id of a process that has just ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def as_nobody() -> None:
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A world-writable folder outside root's private pytest tree (as /tmp or a team share)."""
    folder = Path(tempfile.mkdtemp(prefix="lmspath-shared-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        subprocess.run(["rm", "-rf", str(folder)], check=False)


# --- 2. one client id stops a whole batch ------------------------------------------------------


@pytest.mark.parametrize(
    "client_id",
    ["\U00020000" * 64, "한" * 80, "é" * 80, "\U00010400" * 70, "x" * 5000],
    ids=["cjk-ext-b", "hangul", "accents", "deseret", "long-ascii"],
)
def test_a_plan_stem_fits_the_name_limit_in_bytes(client_id: str) -> None:
    stem = safe_stem(client_id)
    assert stem
    # NFD: the form macOS stores names in, the longest of the forms.
    assert len(unicodedata.normalize("NFD", f"{stem}-line4294967295.md").encode()) <= 255


def test_a_long_cjk_client_id_gets_its_plan_and_stops_nobody(tmp_path: Path) -> None:
    intake = tmp_path / "in.csv"
    intake.write_text(f"client_id,state\nA,TX\n{chr(0x20000) * 64},TX\nB,TX\n", encoding="utf-8")
    code, _, err = invoke(
        "batch", str(intake), "--output", str(tmp_path / "r.csv"), "--plans", str(tmp_path / "p")
    )
    assert code == 0, err
    assert len(read_rows(tmp_path / "r.csv")) == 3
    plans = sorted(p.name for p in (tmp_path / "p").iterdir())
    assert len(plans) == 3
    assert all(len(name.encode()) <= 255 for name in plans)


def test_a_plan_that_cannot_be_written_is_that_rows_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import lmspath.batch

    # As the old code did: no byte limit, so the name is too long for the file system.
    monkeypatch.setattr(lmspath.batch, "_MAX_STEM_BYTES", 100_000)
    intake = tmp_path / "in.csv"
    intake.write_text(f"client_id,state\nA,TX\n{chr(0x20000) * 70},TX\nB,TX\n", encoding="utf-8")
    code, _, err = invoke(
        "batch", str(intake), "--output", str(tmp_path / "r.csv"),
        "--errors", str(tmp_path / "e.csv"), "--plans", str(tmp_path / "p"),
    )  # fmt: skip
    assert code == 1, err
    assert [r["client_id"] for r in read_rows(tmp_path / "r.csv")] == ["A", "B"]
    (error,) = read_rows(tmp_path / "e.csv")
    assert error["line"] == "3"
    assert error["field"] == "plan_file"
    assert "the plan file cannot be written" in error["problem"]
    assert sorted(p.name for p in (tmp_path / "p").iterdir()) == ["A.md", "B.md"]
