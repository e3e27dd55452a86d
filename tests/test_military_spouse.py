"""Military-spouse licensure provisions per state (data/mobility.yaml `military_spouse`): the
model's checks and `data check`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lmspath.cli import get_app
from lmspath.errors import DataError
from lmspath.store.load import load_model
from lmspath.store.mobility import MobilityData, load_mobility

ROOT = Path(__file__).resolve().parents[1]
MOBILITY = ROOT / "data" / "mobility.yaml"
runner = CliRunner()


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
        load_model(path, MobilityData)


def test_an_unknown_source_is_refused(tmp_path: Path) -> None:
    path = _copy(tmp_path, "sources: [cde-military-spouse]", "sources: [nowhere]")
    with pytest.raises(DataError, match="military_spouse CO: source 'nowhere' is not in sources"):
        load_model(path, MobilityData)


def test_an_unknown_state_and_an_extra_key_are_refused(tmp_path: Path) -> None:
    path = _copy(tmp_path, "  - state: SC\n", "  - state: XX\n")
    with pytest.raises(DataError, match="'XX' is not a state code"):
        load_model(path, MobilityData)
    path = _copy(
        tmp_path, "    decision_within: 7 days\n", "    decision_within: 7 days\n    fee: 10\n"
    )
    with pytest.raises(DataError, match="fee"):
        load_model(path, MobilityData)


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
