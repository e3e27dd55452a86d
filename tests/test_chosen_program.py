"""`assess --program ID` and the profile's `program`: the plan follows that program's figures,
and a program that is unknown or leads elsewhere is refused in one line (exit 3)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from lmspath.cli import get_app

KS_TEACHER = {
    "state": "KS",
    "bachelor": "yes",
    "master": "no",
    "school_library_program": "no",
    "teaching_license_state": "KS",
    "teaching_license_status": "active",
    "teaching_years": 5,
    "exams": [],
}
ESU = "ks-esu-mls-school-library-media"  # states 24 months, no price


def _file(tmp_path: Path, fields: dict[str, object], name: str = "p.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(fields), encoding="utf-8")
    return path


def _json(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(get_app(), ["assess", *args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_program_option_replaces_the_study_estimate_and_names_it(tmp_path: Path) -> None:
    # Missouri's general figures come from several programs; MU's MLIS states its own.
    changer = {
        "state": "MO",
        "bachelor": "yes",
        "master": "no",
        "school_library_program": "no",
        "teaching_license_status": "none",
        "teaching_years": 0,
        "exams": [],
    }
    mu = "mo-mu-mlis-library-media-specialist"
    general = _json("--profile", str(_file(tmp_path, changer)))
    mine = _json("--profile", str(_file(tmp_path, changer)), "--program", mu.upper())
    before, after = general["plan"][0], mine["plan"][0]
    assert before["months"] == [12, 18]
    assert after["months"] == [24, 48]
    assert after["cost_usd"] == pytest.approx([14336.4, 21320.8])
    assert "(your program: University of Missouri" in after["title"]
    assert after["programs"][0]["id"] == mu
    assert "24-48 months as the program states it" in after["estimate_note"]
    assert "tuition a credit x credit hours" in after["estimate_note"]
    # The plan's totals follow: everything else waits for the 24-48 month program.
    assert general["plan_total"]["months"] == [12, 18]
    assert mine["plan_total"]["months"] == [24, 48]
    steps_cost = sum(s["cost_usd"][0] for s in mine["plan"] if s["cost_usd"])
    assert mine["plan_total"]["cost_usd"][0] == steps_cost


def test_a_chosen_program_leaves_an_uncounted_step_out_of_the_totals(tmp_path: Path) -> None:
    # A Colorado teacher who left the bachelor's answer blank: the endorsement route lists
    # the degree in case they have none, with its time, outside the totals; a chosen program
    # works the totals out again from the steps and must leave it out as well.
    teacher = {
        "state": "CO",
        "master": "no",
        "school_library_program": "no",
        "teaching_license_state": "CO",
        "teaching_license_status": "active",
        "teaching_years": 3,
        "exams": [],
        "background_check": "yes",
    }
    cu = "co-ucdenver-teacher-librarian-endorsement"
    blank = _json("--profile", str(_file(tmp_path, teacher)), "--program", cu)
    held = _json("--profile", str(_file(tmp_path, {**teacher, "bachelor": "yes"})), "--program", cu)
    degree = blank["plan"][0]
    assert (degree["kind"], degree["counted"]) == ("bachelor", False)
    assert degree["months"] is not None
    assert degree["cost_usd"] is not None
    assert "your program" in blank["plan"][1]["title"]
    for key in ("months", "cost_usd"):
        assert blank["plan_total"][key] == held["plan_total"][key]
    assert blank["plan_total"]["note"].startswith('not counted: "Earn a bachelor')


def test_the_profile_field_does_the_same_and_the_option_wins(tmp_path: Path) -> None:
    profile = _file(tmp_path, {**KS_TEACHER, "program": ESU})
    first = _json("--profile", str(profile))["plan"][0]
    assert first["months"] == [24, 24]
    assert first["programs"][0]["id"] == ESU
    other = _json("--profile", str(profile), "--program", "ks-fhsu-mse-library-media")
    assert other["plan"][0]["programs"][0]["id"] == "ks-fhsu-mse-library-media"


def test_a_program_that_does_not_fill_the_step_leaves_a_warning(tmp_path: Path) -> None:
    # Pittsburg State's certificate is an add-on, not the master's this route needs.
    data = _json(
        "--profile",
        str(_file(tmp_path, KS_TEACHER)),
        "--program",
        "ks-pittstate-school-library-certificate",
    )
    assert any("does not fill step 1 (master)" in w for w in data["warnings"])
    assert "your program" not in data["plan"][0]["title"]


def _refused(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "lmspath", "assess", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 3, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Error: ")
    assert "Traceback" not in done.stderr
    return lines[0]


def test_a_program_for_another_state_is_refused_with_a_suggestion(tmp_path: Path) -> None:
    line = _refused(
        "--profile", str(_file(tmp_path, KS_TEACHER)), "--program", "tx-twu-mls-school-librarian"
    )
    assert "--program: tx-twu-mls-school-librarian is approved in TX" in line
    assert "does not lead to Kansas's credential" in line
    assert "`lmspath programs KS`" in line


def test_a_disclosed_state_is_accepted(tmp_path: Path) -> None:
    # BHSU (approved in SD) says its endorsement meets Wyoming's requirements.
    data = _json(
        "--profile",
        str(_file(tmp_path, {**KS_TEACHER, "state": "WY", "teaching_license_state": "WY"})),
        "--program",
        "sd-bhsu-library-media-endorsement",
    )
    assert data["state"] == "WY"


def test_unknown_and_malformed_ids_are_refused(tmp_path: Path) -> None:
    profile = str(_file(tmp_path, KS_TEACHER))
    line = _refused("--profile", profile, "--program", "ks-esu-mls")
    assert line == (f"Error: --program: no program has the id 'ks-esu-mls'; did you mean {ESU}?")
    line = _refused("--profile", profile, "--program", "Bad Id!")
    assert "--program: 'Bad Id!' is not a program id" in line
    bad = _file(tmp_path, {**KS_TEACHER, "program": "tx-twu-mls-school-librarian"}, "bad.yaml")
    line = _refused("--profile", str(bad))
    assert line.startswith("Error: bad.yaml: program: tx-twu-mls-school-librarian is approved")


def test_batch_reads_the_column_and_keeps_a_row_whose_program_leads_elsewhere(
    tmp_path: Path,
) -> None:
    intake = tmp_path / "intake.csv"
    rows = [
        {
            "client_id": "A",
            "state": "KS",
            "bachelor": "yes",
            "master": "no",
            "teaching_license_state": "KS",
            "teaching_license_status": "active",
            "program": ESU,
        },
        {
            "client_id": "B",
            "state": "KS",
            "bachelor": "yes",
            "master": "no",
            "teaching_license_state": "KS",
            "teaching_license_status": "active",
            "program": "tx-twu-mls-school-librarian",
        },
    ]
    with intake.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    plans = tmp_path / "plans"
    result = CliRunner().invoke(
        get_app(),
        ["batch", str(intake), "--output", str(tmp_path / "out.csv"), "--plans", str(plans)],
    )
    assert result.exit_code == 0, result.stderr
    texts = {p.stem: p.read_text(encoding="utf-8") for p in plans.glob("*.md")}
    a = next(t for k, t in texts.items() if k.startswith("A"))
    b = next(t for k, t in texts.items() if k.startswith("B"))
    assert "(your program: Emporia State University" in a
    assert "does not lead to Kansas's credential" in b
