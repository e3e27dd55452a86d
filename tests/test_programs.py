"""Programs data: model, loader, `data check`, and `lmspath programs` driven as a user would."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError
from typer.testing import CliRunner

from lmspath import programs_data
from lmspath.cli import get_app
from lmspath.errors import DataError
from lmspath.programs_data import check_programs, load_programs, one_year_before
from lmspath.programs_model import ProgramFile

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()
READ = "2026-11-20"


def _source(source_id: str, read_on: str = READ) -> dict[str, object]:
    return {
        "id": source_id,
        "url": f"https://example.edu/{source_id}",
        "title": f"Page {source_id}",
        "as_of": "2025-26",
        "read_on": read_on,
        "official": True,
    }


def _program(program_id: str, state: str, **fields: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": program_id,
        "institution": f"{program_id.split('-')[1].title()} University",
        "name": "M.S. in Library Science, school librarian track",
        "approved_by": state,
        "leads_to": "degree_with_school_library_track",
        "credential": "School Librarian Certificate",
        "pathways": [],
        "degree": "MS",
        "delivery": "online",
        "credit_hours": 36,
        "tuition_per_credit_usd": None,
        "tuition_year": None,
        "total_cost_usd": None,
        "months": None,
        "license_required_to_enrol": None,
        "ala_accredited": None,
        "ala_accredited_until": None,
        "disclosure_states": None,
        "disclosure_source": None,
        "accepting_applications": True,
        "url": f"https://example.edu/{program_id}",
        "sources": ["main"],
        "confidence": "medium",
        "note": None,
    }
    base.update(fields)
    return base


def fixture_files() -> dict[str, dict[str, Any]]:
    """Three small program files: TX (three programs), OK (one), RI (none in state)."""
    return {
        "TX": {
            "schema_version": 1,
            "state": "TX",
            "in_state_programs": True,
            "sources": [_source("main"), _source("alpha-disclosure")],
            "programs": [
                _program(
                    "tx-alpha-mls",
                    "TX",
                    pathways=["university-program"],
                    degree="MLIS",
                    credit_hours=36,
                    tuition_per_credit_usd=400,
                    tuition_year="2025-26",
                    months=[18, 24],
                    license_required_to_enrol=False,
                    ala_accredited=True,
                    ala_accredited_until=2030,
                    disclosure_states=["TX", "OK", "NM", "RI"],
                    disclosure_source="alpha-disclosure",
                    sources=["main", "alpha-disclosure"],
                    confidence="high",
                    note="Out-of-state rate $650 per credit.",
                ),
                _program(
                    "tx-beta-cert",
                    "TX",
                    leads_to="certificate_only",
                    degree="none",
                    delivery="hybrid",
                    credit_hours=[18, 21],
                    license_required_to_enrol=True,
                    pathways=["certification-only"],
                ),
                _program(
                    "tx-gamma-addon",
                    "TX",
                    leads_to="addon_endorsement",
                    degree="none",
                    total_cost_usd=9000,
                    tuition_year="2024-25",
                    accepting_applications=False,
                ),
            ],
        },
        "OK": {
            "schema_version": 1,
            "state": "OK",
            "in_state_programs": True,
            "sources": [_source("main")],
            "programs": [
                _program(
                    "ok-delta-med",
                    "OK",
                    degree="MEd",
                    delivery="in_person",
                    credit_hours=30,
                    tuition_per_credit_usd=500,
                    tuition_year="2016",
                    license_required_to_enrol=True,
                    confidence="low",
                )
            ],
        },
        "RI": {
            "schema_version": 1,
            "state": "RI",
            "in_state_programs": False,
            "note": "No in-state program; residents use online programs approved elsewhere.",
            "sources": [],
            "programs": [],
        },
    }


def write_programs(folder: Path, files: dict[str, dict[str, Any]] | None = None) -> Path:
    """Write program files into ``folder/programs`` and return the folder."""
    target = folder / "programs"
    target.mkdir(parents=True, exist_ok=True)
    for code, content in (files if files is not None else fixture_files()).items():
        (target / f"{code}.yaml").write_text(
            yaml.safe_dump(content, sort_keys=False), encoding="utf-8"
        )
    return folder


def data_copy(tmp_path: Path, files: dict[str, dict[str, Any]] | None = None) -> Path:
    """The shipped data folder with its programs replaced by ``files`` (the fixtures)."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target, ignore=shutil.ignore_patterns("programs"))
    return write_programs(target, files)


@pytest.fixture
def fixture_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Make the CLI read the fixture programs instead of the shipped ones."""
    folder = write_programs(tmp_path / "fixture")
    monkeypatch.setattr(programs_data, "default_data_dir", lambda: folder)
    load_programs.cache_clear()
    yield folder
    load_programs.cache_clear()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(get_app(), list(args))
    return result.exit_code, result.stdout, result.stderr


# --- the model -------------------------------------------------------------------------------


def test_fixture_files_validate_and_are_frozen() -> None:
    item = ProgramFile.model_validate(fixture_files()["TX"])
    assert [p.id for p in item.programs] == ["tx-alpha-mls", "tx-beta-cert", "tx-gamma-addon"]
    assert item.programs[1].credit_hours == (18, 21)
    with pytest.raises(ValidationError):
        item.programs[0].id = "tx-other"  # type: ignore[misc]


def _errors(raw: dict[str, object]) -> list[str]:
    with pytest.raises(ValidationError) as info:
        ProgramFile.model_validate(raw)
    return [".".join(str(p) for p in e["loc"]) + ": " + e["msg"] for e in info.value.errors()]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            {"leads_to": "masters"}, "programs.0.leads_to: Input should be", id="leads_to"
        ),
        pytest.param({"delivery": "remote"}, "programs.0.delivery: Input should be", id="delivery"),
        pytest.param({"degree": "M.Ed."}, "programs.0.degree: Input should be", id="degree"),
        pytest.param(
            {"disclosure_states": ["TX", "ZZ"]},
            "programs.0.disclosure_states.1: Value error, 'ZZ'",
            id="disclosure_states",
        ),
        pytest.param(
            {"approved_by": "Texas"},
            "programs.0.approved_by: Value error, 'Texas' is not a state",
            id="approved_by",
        ),
        pytest.param(
            {"credit_hours": [36, 30]},
            "programs.0.credit_hours: Value error, the range [36, 30]",
            id="credit_hours",
        ),
        pytest.param(
            {"tuition_per_credit_usd": -5},
            "programs.0.tuition_per_credit_usd: Input should be",
            id="tuition_per_credit_usd",
        ),
        pytest.param(
            {"url": "example.edu"},
            "programs.0.url: Value error, 'example.edu' is not an http",
            id="url",
        ),
        pytest.param(
            {"id": "TX_Alpha"}, "programs.0.id: Value error, 'TX_Alpha' is not an id", id="id"
        ),
        pytest.param(
            {"id": "ok-alpha-mls"},
            "programs.0: Value error, id 'ok-alpha-mls' should start with",
            id="id",
        ),
        pytest.param(
            {"sources": []}, "programs.0.sources: List should have at least 1 item", id="sources"
        ),
        pytest.param(
            {"price": 100}, "programs.0.price: Extra inputs are not permitted", id="price"
        ),
        pytest.param(
            {"confidence": "certain"}, "programs.0.confidence: Input should be", id="confidence"
        ),
        pytest.param(
            {"ala_accredited_until": 30},
            "programs.0.ala_accredited_until: Input should be greater",
            id="ala_accredited_until",
        ),
    ],
)
def test_model_rejects_with_field_path(change: dict[str, object], expected: str) -> None:
    raw = fixture_files()["TX"]
    programs = raw["programs"]
    programs[0].update(change)
    assert any(line.startswith(expected) for line in _errors(raw)), _errors(raw)


def test_model_requires_every_fact_key_even_when_unknown() -> None:
    raw = fixture_files()["TX"]
    programs = raw["programs"]
    del programs[0]["tuition_per_credit_usd"]
    assert "programs.0.tuition_per_credit_usd: Field required" in _errors(raw)


def test_model_rejects_repeated_ids_and_bad_state() -> None:
    raw = fixture_files()["TX"]
    programs = raw["programs"]
    programs.append(dict(programs[0]))
    assert any("two programs share the id 'tx-alpha-mls'" in e for e in _errors(raw))
    assert any(e.startswith("state: Value error") for e in _errors({**raw, "state": "XX"}))


# --- the loader ------------------------------------------------------------------------------


def test_loader_reads_every_file_in_state_order(tmp_path: Path) -> None:
    catalog = load_programs(write_programs(tmp_path))
    assert [f.state for f in catalog.files] == ["OK", "RI", "TX"]
    assert len(catalog.programs()) == 5 - 1  # RI has none
    found = catalog.find("ok-delta-med")
    assert found is not None
    assert found[1].approved_by == "OK"


def _broken(tmp_path: Path, edit: str) -> Path:
    files = fixture_files()
    tx = files["TX"]
    programs = tx["programs"]
    if edit == "dangling-source":
        programs[1]["sources"] = ["main", "nowhere"]
    elif edit == "dangling-disclosure":
        programs[0]["disclosure_source"] = "gone"
    elif edit == "disclosure-without-source":
        programs[0]["disclosure_source"] = None
    elif edit == "approved-elsewhere":
        programs[2].update(approved_by="OK", id="ok-gamma-addon")
    elif edit == "wrong-file":
        files["NM"] = files.pop("RI")
    return write_programs(tmp_path, files)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            "dangling-source",
            "TX.yaml: programs.1.sources.1: 'nowhere' is not in this file's sources",
        ),
        ("dangling-disclosure", "TX.yaml: programs.0.disclosure_source: 'gone' is not in this"),
        ("disclosure-without-source", "programs.0.disclosure_source: disclosure_states is given"),
        ("approved-elsewhere", "TX.yaml: programs.2.approved_by: 'OK' is not this file's state"),
        ("wrong-file", "NM.yaml: state: 'RI' does not match the file name"),
    ],
)
def test_loader_names_file_and_field_of_a_broken_reference(
    tmp_path: Path, edit: str, message: str
) -> None:
    with pytest.raises(DataError) as info:
        load_programs(_broken(tmp_path, edit))
    assert any(message in line for line in info.value.details), info.value.details


def test_loader_refuses_an_id_used_in_two_files(tmp_path: Path) -> None:
    files = fixture_files()
    ok_program = files["OK"]["programs"][0]
    files["TX"]["programs"].append(dict(ok_program))
    folder = write_programs(tmp_path, files)
    where = folder / "programs"
    with pytest.raises(DataError) as info:
        load_programs(folder)
    assert info.value.details[-2:] == [
        f"{where}/TX.yaml: programs.3.approved_by: 'OK' is not this file's state 'TX'; a program "
        "goes in the file of the state that approved it",
        f"{where}/TX.yaml: programs.3.id: 'ok-delta-med' is also used in {where}/OK.yaml",
    ]


def test_missing_programs_folder_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="programs: missing"):
        load_programs(tmp_path)


# --- data check ------------------------------------------------------------------------------


def test_check_passes_on_fixture_programs(tmp_path: Path) -> None:
    check = check_programs(data_copy(tmp_path), dt.date(2026, 12, 5))
    assert check.problems == []
    assert check.warnings == []
    assert (check.files, check.programs) == (3, 4)


def test_check_names_unknown_pathway_future_date_and_stale_record(tmp_path: Path) -> None:
    files = fixture_files()
    tx = files["TX"]
    programs = tx["programs"]
    sources = tx["sources"]
    programs[0]["pathways"] = ["university-program", "night-school"]
    sources[1]["read_on"] = "2027-01-01"
    ok_sources = files["OK"]["sources"]
    ok_sources[0]["read_on"] = "2025-06-30"
    data = data_copy(tmp_path, files)
    check = check_programs(data, dt.date(2026, 12, 5))
    tx_file = data / "programs" / "TX.yaml"
    assert check.problems == [
        f"{tx_file}: sources.1.read_on: 2027-01-01 is in the future",
        f"{tx_file}: programs.0.pathways.1: 'night-school' is not a pathway in "
        f"{data / 'requirements' / 'TX.yaml'} (its pathways: university-program, "
        "certification-only, out-of-state)",
    ]
    ok_file = data / "programs" / "OK.yaml"
    assert check.warnings == [
        f"{ok_file}: programs.0 (ok-delta-med): last read 2025-06-30, more than twelve months "
        "ago; read the program page again"
    ]


def test_twelve_months_means_a_calendar_year() -> None:
    assert one_year_before(dt.date(2026, 12, 5)) == dt.date(2025, 12, 5)
    assert one_year_before(dt.date(2028, 2, 29)) == dt.date(2027, 2, 28)


def test_data_check_command_reports_programs_one_line_each_exit_4(tmp_path: Path) -> None:
    files = fixture_files()
    programs = files["TX"]["programs"]
    programs[1]["delivery"] = "correspondence"
    programs[2]["sources"] = ["nowhere"]
    data = data_copy(tmp_path, files)
    code, _, err = invoke("data", "check", str(data))
    assert code == 4
    lines = err.strip().splitlines()
    tx_file = data / "programs" / "TX.yaml"
    assert lines[:-1] == [
        f"{tx_file}: programs.1.delivery: Input should be 'online', 'hybrid' or 'in_person'"
    ]
    assert lines[-1] == f"Error: {data}: 1 problem(s) found"
    # Fixed, the dangling source is the next thing it names.
    programs[1]["delivery"] = "online"
    data = data_copy(tmp_path / "2", files)
    code, _, err = invoke("data", "check", str(data))
    assert code == 4
    assert f"{data / 'programs' / 'TX.yaml'}: programs.2.sources.0: 'nowhere' is not in" in err


def test_data_check_command_warns_about_stale_programs_but_passes(tmp_path: Path) -> None:
    files = fixture_files()
    sources = files["OK"]["sources"]
    sources[0]["read_on"] = "2020-01-15"
    data = data_copy(tmp_path, files)
    code, out, err = invoke("data", "check", str(data))
    assert code == 0, err
    assert "4 programs in 3 program files: all valid" in out
    assert err.startswith("warning: ")
    assert "programs.0 (ok-delta-med): last read 2020-01-15, more than twelve months ago" in err


def test_data_check_command_needs_a_programs_folder(tmp_path: Path) -> None:
    data = data_copy(tmp_path)
    shutil.rmtree(data / "programs")
    code, _, err = invoke("data", "check", str(data))
    assert code == 4
    assert f"{data / 'programs'}: missing" in err
