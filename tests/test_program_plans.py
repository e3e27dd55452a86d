"""A plan names the recorded programs that fit its study step, and a state's own programs
price its estimates (data/programs/)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from lmspath.api.assess import assessment_for
from lmspath.cli import get_app
from lmspath.engine.program_estimates import with_program_estimates
from lmspath.model.results import Assessment
from lmspath.model.rules import Estimate
from lmspath.store.load import load_estimates, load_estimates_file
from lmspath.store.programs import load_programs
from tests.helpers import TODAY, profile

CAREER_CHANGER = {
    "bachelor": "yes",
    "master": "no",
    "school_library_program": "no",
    "library_credit_hours": 0,
    "teaching_license_status": "none",
    "teaching_years": 0,
    "exams": [],
    "background_check": "yes",
}


def _assess(code: str, **fields: object) -> Assessment:
    return assessment_for(profile(state=code, **fields), code, today=TODAY)


def test_a_states_own_programs_price_its_masters_step() -> None:
    # TWU states $323 a credit (2024-25) for its 36-credit MLS with school librarian
    # certification (data/programs/TX.yaml); the other Texas programs state no price.
    own = load_estimates().get("mlis", "TX")
    assert own is not None
    assert own.state == "TX"
    assert own.cost_usd == (323 * 36, 323 * 36)
    assert "Texas Woman's University $323 a credit, 2024-25 x 36 credits" in (own.summary or "")
    result = _assess("TX", **CAREER_CHANGER)
    master = next(s for s in result.plan.steps if s.kind == "master")
    assert master.cost_usd == (11628, 11628)
    assert any("twu" in ref.id for ref in master.sources)


def test_the_study_step_names_fitting_programs_in_state_first() -> None:
    result = _assess("TX", **CAREER_CHANGER)
    master = next(s for s in result.plan.steps if s.kind == "master")
    assert 1 <= len(master.programs) <= 3
    assert all(p.approved_by == "TX" for p in master.programs)
    assert all(p.scope == "in_state" for p in master.programs)
    # a program that asks for a license at enrolment is not offered to someone without one,
    # unless the plan earns a license first
    holds = any(s.kind == "teaching_license" for s in result.plan.steps)
    assert holds or all(p.license_required_to_enrol is not True for p in master.programs)


def test_a_state_with_no_program_on_record_keeps_the_national_figures() -> None:
    # Alaska: the sources say no in-state program exists, and none discloses Alaska.
    assert load_estimates().get("mlis", "AK") == load_estimates_file().get("mlis")
    result = _assess("AK", **CAREER_CHANGER)
    assert all(not s.programs for s in result.plan.steps)


def test_a_figure_in_estimates_yaml_keeps_precedence_over_programs() -> None:
    base = load_estimates_file()
    mine = Estimate(
        id="mlis",
        state="TX",
        title="a maintainer's own Texas figure",
        months=(20, 30),
        cost_usd=(1, 2),
        sources=[base.sources[0].id],
        confidence="low",
    )
    edited = base.replace(**{"estimates": [*base.estimates, mine]})
    merged = with_program_estimates(edited, load_programs())
    assert merged.get("mlis", "TX") == mine


def test_plans_name_programs_in_every_output(tmp_path: Path) -> None:
    runner = CliRunner()
    path = tmp_path / "p.yaml"
    path.write_text(
        "state: CA\nbachelor: yes\nmaster: no\nschool_library_program: no\n"
        "teaching_license_status: none\nteaching_years: 0\nbackground_check: yes\n",
        encoding="utf-8",
    )
    done = runner.invoke(get_app(), ["assess", "--profile", str(path), "--format", "json"])
    assert done.exit_code == 0, done.output
    report = json.loads(done.stdout)
    named = [p for step in report["plan"] for p in step["programs"]]
    assert named
    assert {"id", "institution", "url", "cost_usd", "scope"} <= set(named[0])
    done = runner.invoke(get_app(), ["assess", "--profile", str(path), "--format", "markdown"])
    assert "Programs on record that fit this step:" in done.stdout
    assert named[0]["url"] in done.stdout
    intake = tmp_path / "in.csv"
    with open(intake, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["client_id", "state", "bachelor", "master", "teaching_license_status"])
        writer.writerow(["c1", "CA", "yes", "no", "none"])
    plans = tmp_path / "plans"
    done = runner.invoke(
        get_app(),
        ["batch", str(intake), "--output", str(tmp_path / "r.csv"), "--plans", str(plans)],
    )
    assert done.exit_code == 0, done.output
    (plan_file,) = plans.iterdir()
    assert named[0]["url"] in plan_file.read_text(encoding="utf-8")
