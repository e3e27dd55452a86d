"""Military-spouse licensure provisions per state (data/mobility.yaml `military_spouse`): the
model's checks, `data check`, and the line in the mover's report (JSON key `moving`)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from lmspath.cli import get_app
from lmspath.errors import DataError
from lmspath.store.load import load_schema, load_state
from lmspath.store.mobility import MobilityData, load_mobility

ROOT = Path(__file__).resolve().parents[1]
MOBILITY = ROOT / "data" / "mobility.yaml"
runner = CliRunner()

#: A certified school librarian moving with a full certificate (as in test_moving.py).
CERTIFIED: dict[str, object] = {
    "bachelor": "yes",
    "master": "no",
    "school_library_program": "no",
    "teaching_license_status": "active",
    "teaching_years": 3,
    "school_library_years": 4,
    "background_check": "yes",
    "library_certificate_kind": "full",
    "library_certificate_years": 4,
}


def _copy(tmp_path: Path, old: str, new: str) -> Path:
    text = MOBILITY.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "mobility.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_shipped_provisions_are_cited_and_unique() -> None:
    data = load_mobility()
    states = [p.state for p in data.military_spouse]
    assert len(states) == len(set(states)) >= 10
    official = {s.id for s in data.sources if s.official}
    for provision in data.military_spouse:
        # every provision rests on at least one official page (agency, statute/rule or DoD)
        assert official & set(provision.sources), provision.state
    # TX (19 TAC 234.5(d)): a military spouse gets a three-year temporary certificate
    tx = data.spouse_provision("TX")
    assert tx is not None
    assert tx.time_limit == "3 years"
    assert "temporary_license" in tx.gives
    # no source read says whether school librarian certificates are covered
    assert all(p.covers_school_librarians is None for p in data.military_spouse)
    assert data.spouse_provision("WA") is None


def test_a_state_listed_twice_is_refused(tmp_path: Path) -> None:
    path = _copy(tmp_path, "  - state: SC\n", "  - state: TX\n")
    with pytest.raises(DataError, match="two military_spouse states share the id 'TX'"):
        load_schema(path, MobilityData)


def test_an_unknown_source_is_refused(tmp_path: Path) -> None:
    path = _copy(tmp_path, "sources: [cde-military-spouse]", "sources: [nowhere]")
    with pytest.raises(DataError, match="military_spouse CO: source 'nowhere' is not in sources"):
        load_schema(path, MobilityData)


def test_an_unknown_state_and_an_extra_key_are_refused(tmp_path: Path) -> None:
    path = _copy(tmp_path, "  - state: SC\n", "  - state: XX\n")
    with pytest.raises(DataError, match="'XX' is not a state code"):
        load_schema(path, MobilityData)
    path = _copy(
        tmp_path, "    decision_within: 7 days\n", "    decision_within: 7 days\n    fee: 10\n"
    )
    with pytest.raises(DataError, match="fee"):
        load_schema(path, MobilityData)


def test_data_check_reports_a_duplicate_state(tmp_path: Path) -> None:
    copy = tmp_path / "data"
    shutil.copytree(ROOT / "data", copy)
    mobility = copy / "mobility.yaml"
    mobility.write_text(
        mobility.read_text(encoding="utf-8").replace("  - state: SC\n", "  - state: GA\n"),
        encoding="utf-8",
    )
    bad = runner.invoke(get_app(), ["data", "check", str(copy)])
    assert bad.exit_code == 4
    assert "mobility.yaml" in bad.stderr
    assert "two military_spouse states share the id 'GA'" in bad.stderr


def _assess(tmp_path: Path, target: str, origin: str, fmt: str) -> tuple[int, str, str]:
    path = tmp_path / "me.yaml"
    data = {"state": target, "library_certificate_state": origin, **CERTIFIED}
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = runner.invoke(get_app(), ["assess", "--profile", str(path), "-f", fmt])
    return result.exit_code, result.stdout, result.stderr


def _spouse(tmp_path: Path, target: str, origin: str) -> dict[str, Any]:
    code, out, err = _assess(tmp_path, target, origin, "json")
    assert code == 0, err
    moving = json.loads(out)["moving"]
    assert "military_spouse" in moving
    spouse: dict[str, Any] = moving["military_spouse"]
    return spouse


def test_report_names_the_destinations_provision_with_its_source(tmp_path: Path) -> None:
    spouse = _spouse(tmp_path, "TX", "FL")
    assert spouse["on_record"] is True
    assert spouse["state"] == "TX"
    assert spouse["time_limit"] == "3 years"
    assert "a temporary license" in spouse["gives"]
    assert [s["id"] for s in spouse["sources"]] == ["tx-tac-234-5", "tx-tac-234-6"]
    agency = load_state("TX").agency.name
    assert spouse["covers_school_librarians"] == f"not confirmed: check with {agency}"
    code, out, err = _assess(tmp_path, "TX", "FL", "markdown")
    assert code == 0, err
    section = out.split("## Moving with your certificate", 1)[1]
    line = next(x for x in section.splitlines() if x.startswith("- For military spouses only"))
    assert "For military spouses only (TX): Three-year temporary certificate" in line
    assert "texreg.sos.state.tx.us" in line
    assert "confidence high" in line


def test_report_says_not_confirmed_where_no_provision_is_on_record(tmp_path: Path) -> None:
    agency = load_state("WA").agency.name
    spouse = _spouse(tmp_path, "WA", "TX")
    assert spouse["on_record"] is False
    assert spouse["sources"] == []
    assert spouse["name"] is None
    assert spouse["words"].endswith(f"not confirmed: check with {agency}")
    code, out, err = _assess(tmp_path, "WA", "TX", "markdown")
    assert code == 0, err
    assert (
        f"- For military spouses only (WA): no provision for military spouses in WA is on "
        f"record: not confirmed: check with {agency}." in out
    )


def test_the_provision_follows_the_destination_not_the_origin(tmp_path: Path) -> None:
    """A TX certificate holder moving to CO sees CO's interim authorization, not TX's rule."""
    spouse = _spouse(tmp_path, "CO", "TX")
    assert spouse["name"] == "Military spouse interim authorization"
    assert spouse["time_limit"] == "one year, renewable for one additional year"


def test_terminal_report_from_a_subprocess(tmp_path: Path) -> None:
    path = tmp_path / "me.yaml"
    data = {"state": "NC", "library_certificate_state": "VA", **CERTIFIED}
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "lmspath", "assess", "--profile", str(path), "-f", "json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    spouse = json.loads(done.stdout)["moving"]["military_spouse"]
    assert spouse["on_record"] is True
    assert spouse["sources"][0]["url"].startswith("https://www.dpi.nc.gov/")
