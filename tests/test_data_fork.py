"""`--data DIR` on assess and batch: a valid fork is used, an invalid one refused with exit 4."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lmspath.store.datadate import data_dir_path

ROOT = Path(__file__).resolve().parents[1]
TX_CREDENTIAL = "credential: Standard School Librarian Certificate"


@pytest.fixture(scope="module")
def fork(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fork") / "data"
    shutil.copytree(data_dir_path(), folder)
    state = folder / "requirements" / "TX.yaml"
    text = state.read_text(encoding="utf-8")
    assert TX_CREDENTIAL in text
    state.write_text(
        text.replace(TX_CREDENTIAL, "credential: Forked Librarian Certificate"), encoding="utf-8"
    )
    return folder


def lmspath(*args: str) -> subprocess.CompletedProcess[str]:
    # A fresh process each time: choosing a data folder lasts for the life of the process.
    return subprocess.run(
        [sys.executable, "-m", "lmspath", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


def test_assess_and_batch_read_the_fork(fork: Path, tmp_path: Path) -> None:
    done = lmspath(
        "assess", "--profile", "examples/teacher-tx.yaml", "--data", str(fork), "-f", "markdown"
    )
    assert done.returncode == 0, done.stderr
    assert "Forked Librarian Certificate" in done.stdout
    plain = lmspath("assess", "--profile", "examples/teacher-tx.yaml", "-f", "markdown")
    assert "Forked Librarian Certificate" not in plain.stdout
    intake = tmp_path / "i.csv"
    intake.write_text("client_id,state\nA,TX\n", encoding="utf-8")
    summary = tmp_path / "cohort.md"
    done = lmspath("batch", str(intake), "--data", str(fork), "--summary", str(summary))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1].startswith("2,A,TX,")


def test_an_invalid_fork_is_refused_with_exit_4_before_anything_runs(
    fork: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(fork, broken)
    state = broken / "requirements" / "TX.yaml"
    state.write_text(
        state.read_text(encoding="utf-8").replace("last_checked:", "last_checked: x\nold:", 1),
        encoding="utf-8",
    )
    intake = tmp_path / "i.csv"
    intake.write_text("client_id,state\nA,TX\n", encoding="utf-8")
    out = tmp_path / "r.csv"
    for args in (
        ("assess", "--profile", "examples/teacher-tx.yaml"),
        ("batch", str(intake), "-o", str(out)),
        ("compare", "--profile", "examples/teacher-tx.yaml", "--states", "TX"),
        ("career", "TX"),
    ):
        done = lmspath(*args, "--data", str(broken))
        assert done.returncode == 4, done.stderr
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1
        assert lines[0].startswith(f"Error: --data {broken}: the data folder is invalid: ")
        assert "TX.yaml" in lines[0]
        assert f"`lmspath data check {broken}` lists every problem" in lines[0]
    assert not out.exists()


def test_a_missing_fork_is_a_usage_problem(tmp_path: Path) -> None:
    done = lmspath("assess", "--profile", "examples/teacher-tx.yaml", "--data", str(tmp_path / "x"))
    assert done.returncode == 3
    assert done.stderr.strip() == f"Error: --data {tmp_path / 'x'}: no such folder"


def test_states_rules_and_programs_read_the_fork_and_refuse_a_broken_one(
    fork: Path, tmp_path: Path
) -> None:
    done = lmspath("states", "--data", str(fork), "--format", "csv")
    assert done.returncode == 0, done.stderr
    texas = next(line for line in done.stdout.splitlines() if line.startswith("TX,"))
    assert texas.startswith("TX,Texas,Forked Librarian Certificate,")
    done = lmspath("rules", "TX", "--data", str(fork), "--format", "markdown")
    assert done.returncode == 0, done.stderr
    assert "Forked Librarian Certificate" in done.stdout
    done = lmspath("programs", "TX", "--data", str(fork), "--format", "csv")
    assert done.returncode == 0, done.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    for args in (("states",), ("rules", "TX"), ("programs", "TX")):
        done = lmspath(*args, "--data", str(empty))
        assert done.returncode == 4, (args, done.stderr)
        assert done.stderr.startswith(f"Error: --data {empty}: the data folder is invalid: ")


def test_compare_and_career_read_the_fork(fork: Path, tmp_path: Path) -> None:
    edited = tmp_path / "edited"
    shutil.copytree(fork, edited)
    tx = edited / "requirements" / "TX.yaml"
    text = tx.read_text(encoding="utf-8")
    tx.write_text(text.replace("name: Texas", "name: Texas (fork)", 1), encoding="utf-8")
    done = lmspath(
        "compare",
        "--profile",
        "examples/teacher-tx.yaml",
        "--states",
        "TX",
        "-f",
        "json",
        "--data",
        str(edited),
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["states"][0]["name"] == "Texas (fork)"
    done = lmspath("career", "TX", "--data", str(edited), "-f", "json")
    assert done.returncode == 0, done.stderr
