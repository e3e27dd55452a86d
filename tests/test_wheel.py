"""The wheel ships the data: build it, install it in a fresh venv, run it from outside the repo."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installs_and_assesses_from_outside_the_repo(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(ROOT)],
        check=True,
        timeout=300,
    )
    wheel = next(dist.glob("lmspath-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "lmspath/data/requirements/TX.yaml" in names
    assert "lmspath/data/estimates.yaml" in names
    assert "lmspath/py.typed" in names
    states = [n for n in names if n.startswith("lmspath/data/requirements/")]
    assert len(states) == len(list((ROOT / "data" / "requirements").glob("*.yaml")))
    programs = [n for n in names if n.startswith("lmspath/data/programs/") and n.endswith(".yaml")]
    assert len(programs) == len(list((ROOT / "data" / "programs").glob("*.yaml")))

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True, timeout=600
    )
    profile = tmp_path / "me.yaml"
    profile.write_text("state: TX\nbachelor: yes\nteaching_years: 3\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.run(
        [str(venv / "bin" / "lmspath"), "assess", "--profile", str(profile), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["state"] == "TX"
    listing = subprocess.run(
        [str(venv / "bin" / "lmspath"), "programs", "TX", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=False,
    )
    assert listing.returncode == 0, listing.stderr
    assert json.loads(listing.stdout)["programs"], "the wheel lists no Texas program"
    check = subprocess.run(
        [str(python), "-c", "import lmspath.store.load as d; print(d.default_data_dir())"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=True,
    )
    assert "site-packages" in check.stdout
