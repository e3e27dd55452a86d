"""Application and background-check steps carry the state's cited fees, procedure and
processing time; a fingerprint fee is paid with the application where no route names a check."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from lmspath.cli import get_app
from lmspath.render.text import money
from tests.helpers import ONLY_BACHELOR, run

ROOT = Path(__file__).resolve().parent.parent

READY_TX = {
    "bachelor": "yes",
    "master": "yes",
    "master_fields": ["library_science"],
    "school_library_program": "yes",
    "teaching_license_state": "TX",
    "teaching_license_status": "active",
    "teaching_years": 5,
    "exams": ["texes-150:250"],
    "background_check": "yes",
}


def test_texas_application_carries_teas_fingerprint_fee_and_procedure() -> None:
    result = run("TX", **READY_TX)
    (step,) = result.plan.steps
    assert step.kind == "application"
    assert step.cost_usd == (124, 124)  # $75 application + $49 TEA fingerprinting
    assert step.note is not None
    assert "IdentoGO" in step.note
    assert "tea.texas.gov/zh-hans/node/103552" in " ".join(s.url for s in step.sources)


def test_a_route_with_its_own_background_step_keeps_the_application_fee_alone() -> None:
    # Arizona's routes name the IVP fingerprint card: it is its own step, with the procedure.
    result = run(
        "AZ",
        **{**ONLY_BACHELOR, "teaching_license_status": "active", "teaching_license_state": "AZ"},
    )
    kinds = [s.kind for s in result.plan.steps]
    assert "background_check" in kinds
    check = next(s for s in result.plan.steps if s.kind == "background_check")
    assert check.note is not None
    assert "IVP" in check.note
    application = result.plan.steps[-1]
    assert application.cost_usd == (60, 60)


def test_cents_and_processing_time_reach_the_markdown(tmp_path: Path) -> None:
    profile = tmp_path / "mn.yaml"
    profile.write_text(yaml.safe_dump({"state": "MN", **ONLY_BACHELOR}), encoding="utf-8")
    result = CliRunner().invoke(
        get_app(), ["assess", "--profile", str(profile), "--format", "markdown"]
    )
    assert result.exit_code == 0, result.stderr
    apply_block = result.stdout.split("**Apply to", 1)[1].split("\n\n", 1)[0]
    assert "cost: $90.25" in apply_block
    assert "processing time: PELSB: 30 days" in apply_block
    assert money((39.5, 39.5)) == "$39.50"
    assert money((75, 116)) == "$75-$116"


def test_data_check_names_an_unknown_fee_key(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "requirements" / "MN.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("processing_time:", "processing_days:", 1), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "lmspath", "data", "check", str(data)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 4
    assert "MN.yaml: fees.0.processing_days: unknown key" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("first", ["endorsement", "reciprocity"])
def test_each_route_of_one_state_gets_its_own_application_step(first: str) -> None:
    """A compiled state keeps one application step per route: Arizona's endorsement route
    names the IVP fingerprint card as a step of its own, its reciprocity route does not, so
    only the latter's application carries the check, whichever route is planned first."""
    from lmspath.engine.assess import _new_sketch
    from lmspath.engine.compiled import CompiledState
    from lmspath.engine.plan import plan_flags
    from lmspath.model.profile import build_profile
    from lmspath.store.load import load_estimates, load_exams, load_state

    rules = load_state("AZ")
    compiled = CompiledState(rules, load_estimates(), load_exams())
    ids = [p.id for p in rules.pathways]
    assert set(ids) == {"endorsement", "reciprocity"}
    person = build_profile({"state": "AZ", "bachelor": "yes"})
    codes = compiled.codes(person)
    flags = plan_flags(person, "AZ")
    order = sorted(range(len(ids)), key=lambda i: ids[i] != first)
    notes = {
        ids[i]: _new_sketch(compiled, i, codes[i], flags, person).drafts[-1].note or ""
        for i in order
    }
    assert "IVP" in notes["reciprocity"]
    assert "fingerprint" not in notes["endorsement"]
