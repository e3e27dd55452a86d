"""Programs data: model, loader, `data check`, and `lmspath programs` driven as a user would."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError
from typer.testing import CliRunner

from lmspath.cli import get_app
from lmspath.engine.programs import (
    Filters,
    cost_of,
    coverage,
    find_program,
    parse_amount,
    parse_route,
    select,
)
from lmspath.errors import DataError, InputError
from lmspath.model.programs import ROUTES, Program, ProgramFile as PlainFile
from lmspath.render.programs_view import COLUMNS
from lmspath.schema.programs import ProgramFile
from lmspath.store import programs as programs_data
from lmspath.store.programs import check_programs, load_programs, one_year_before
from tests.conftest import Golden
from tests.helpers import validated

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
    assert lines[-1] == f"Error: {data}: 1 problem found"
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


# --- pure helpers ----------------------------------------------------------------------------


def _tx(index: int) -> Program:
    programs = validated(PlainFile, fixture_files()["TX"]).programs
    return programs[index]


def test_cost_is_the_stated_total_else_rate_times_credits_else_unknown() -> None:
    alpha = cost_of(_tx(0))
    assert alpha is not None
    assert (alpha.low, alpha.high, alpha.basis, alpha.year) == (
        14400,
        14400,
        "per_credit",
        "2025-26",
    )
    assert cost_of(_tx(1)) is None  # credits known, price not
    gamma = cost_of(_tx(2))
    assert gamma is not None
    assert (gamma.low, gamma.basis) == (9000, "total")
    ranged = _tx(1).replace(**{"tuition_per_credit_usd": 300, "tuition_year": "2016"})
    cost = cost_of(ranged)
    assert cost is not None
    assert (cost.low, cost.high) == (5400, 6300)


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("addon_endorsement", "addon_endorsement"),
        ("add-on", "addon_endorsement"),
        ("ADDON", "addon_endorsement"),
        ("degree", "degree_with_school_library_track"),
        ("certificate only", "certificate_only"),
        ("teacher-preparation", "teacher_preparation"),
    ],
)
def test_route_spellings(text: str, route: str) -> None:
    assert parse_route(text) == route


def test_route_and_amount_errors_name_the_option() -> None:
    with pytest.raises(
        InputError, match=r"--route: 'certificat-x' .* did you mean certificate_only"
    ):
        parse_route("certificat-x")  # close to one value, prefix of none
    with pytest.raises(InputError, match="--route: 'phd' is not one of"):
        parse_route("phd")
    assert parse_amount("$15,000") == 15000
    assert parse_amount("12500.50") == 12500.5
    for bad in ("cheap", "-1", "nan", "inf", ""):
        with pytest.raises(InputError, match=r"--max-cost: .* is not an amount in dollars"):
            parse_amount(bad)


def test_select_lists_in_state_then_disclosing_and_closed_programs_last(tmp_path: Path) -> None:
    catalog = load_programs(write_programs(tmp_path))
    ok = select(catalog, "OK", Filters())
    assert [(e.program.id, e.scope) for e in ok.listed] == [
        ("ok-delta-med", "in_state"),
        ("tx-alpha-mls", "disclosure"),
    ]
    tx = select(catalog, "TX", Filters())
    assert [e.program.id for e in tx.listed][-1] == "tx-gamma-addon"  # not accepting applications
    # A program that names its own state in its disclosure is still listed once, as in-state.
    assert [e.scope for e in tx.listed] == ["in_state"] * 3


def test_find_program_suggests(tmp_path: Path) -> None:
    catalog = load_programs(write_programs(tmp_path))
    assert find_program(catalog, " TX-ALPHA-MLS ")[1].id == "tx-alpha-mls"
    with pytest.raises(InputError, match="did you mean tx-alpha-mls"):
        find_program(catalog, "tx-alpha-msl")
    with pytest.raises(InputError, match="did you mean tx-beta-cert"):
        find_program(catalog, "beta")
    with pytest.raises(InputError, match="`lmspath programs` lists every id"):
        find_program(catalog, "zzzzzz")


def test_coverage_counts_in_state_online_and_disclosing(tmp_path: Path) -> None:
    catalog = load_programs(write_programs(tmp_path))
    rows = {r.code: r for r in coverage(catalog, ["TX", "OK", "RI", "NM", "CA"])}
    assert (rows["TX"].in_state, rows["TX"].online_in_state, rows["TX"].disclosing) == (3, 2, 0)
    assert (rows["OK"].in_state, rows["OK"].disclosing) == (1, 1)
    assert (rows["RI"].in_state_programs, rows["RI"].in_state, rows["RI"].disclosing) == (
        False,
        0,
        1,
    )
    assert (rows["NM"].has_file, rows["NM"].disclosing) == (False, 1)
    assert (rows["CA"].has_file, rows["CA"].disclosing) == (False, 0)


@pytest.mark.parametrize("module", ["engine/programs.py", "model/programs.py"])
def test_program_logic_imports_no_io_or_ui(module: str) -> None:
    import ast

    tree = ast.parse((ROOT / "src" / "lmspath" / module).read_text(encoding="utf-8"))
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert not imported & {"typer", "rich", "click", "os", "pathlib", "yaml"}, imported


# --- `lmspath programs` ----------------------------------------------------------------------


@pytest.mark.usefixtures("fixture_data")
def test_terminal_listing_shows_programs_and_notes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    code, out, err = invoke("programs", "TX")
    assert code == 0, err
    assert "School librarian preparation programs for Texas (TX)" in out
    assert "tx-alpha-mls" in out
    assert "cost $14,400 ($400/credit x 36 credits, 2025-26)" in out
    assert "certification only; hybrid; 18-21 credits; cost not known" in out
    assert "Details and sources: lmspath programs --id ID" in out


@pytest.mark.usefixtures("fixture_data")
def test_json_listing_is_complete() -> None:
    code, out, err = invoke("programs", "oklahoma", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["state"] == "OK"
    assert data["in_state_programs"] is True
    assert [(p["id"], p["listed_as"]) for p in data["programs"]] == [
        ("ok-delta-med", "in_state"),
        ("tx-alpha-mls", "disclosure"),
    ]
    delta = data["programs"][0]
    assert delta["cost_usd"] == [15000, 15000]
    assert delta["cost_basis"] == "per_credit"
    assert delta["tuition_year"] == "2016"
    assert delta["sources"][0]["url"] == "https://example.edu/main"
    assert delta["sources"][0]["read_on"] == READ
    assert data["hidden"] == {"cost": 0, "license": 0, "delivery": 0}


@pytest.mark.usefixtures("fixture_data")
def test_csv_listing_has_every_column_and_notes_go_to_stderr() -> None:
    code, out, err = invoke("programs", "RI", "--format", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == list(COLUMNS)
    assert [r["id"] for r in rows] == ["tx-alpha-mls"]
    assert rows[0]["listed_as"] == "approved in TX; says it meets RI's requirements"
    assert rows[0]["disclosure_states"] == "TX;OK;NM;RI"
    assert rows[0]["license_required_to_enrol"] == "no"
    assert rows[0]["cost_min_usd"] == "14400"
    assert "Rhode Island (RI) has no in-state approved program, according to the sources." in err


@pytest.mark.usefixtures("fixture_data")
def test_markdown_listing_for_a_state_without_in_state_program() -> None:
    code, out, err = invoke("programs", "Rhode Island", "-f", "markdown")
    assert code == 0, err
    assert out.startswith("# School librarian preparation programs for Rhode Island (RI)\n")
    assert "has no in-state approved program" in out
    assert "Listed instead: programs approved in other states that say they meet RI's" in out
    assert "Note on RI: No in-state program; residents use online programs" in out
    assert "## Approved elsewhere, saying they meet RI's requirements" in out
    assert "`tx-alpha-mls`" in out
    assert "## Approved in" not in out


@pytest.mark.usefixtures("fixture_data")
def test_state_with_no_file_and_nothing_disclosing_says_so() -> None:
    code, out, _ = invoke("programs", "CA", "-f", "markdown")
    assert code == 0
    assert "No in-state program is recorded for California (CA)." in out
    assert "No program approved elsewhere says it meets CA's requirements either." in out
    assert "No program to list." in out


@pytest.mark.usefixtures("fixture_data")
def test_every_state_without_argument() -> None:
    code, out, _ = invoke("programs", "-f", "json")
    assert code == 0
    data = json.loads(out)
    assert data["state"] is None
    assert [p["id"] for p in data["programs"]] == [
        "ok-delta-med",
        "tx-alpha-mls",
        "tx-beta-cert",
        "tx-gamma-addon",
    ]
    assert {p["listed_as"] for p in data["programs"]} == {"any"}


def _ids(*args: str) -> tuple[list[str], dict[str, int], int]:
    code, out, err = invoke("programs", *args, "-f", "json")
    assert code == 0, err
    data = json.loads(out)
    return [p["id"] for p in data["programs"]], data["hidden"], data["filtered_out"]


@pytest.mark.usefixtures("fixture_data")
@pytest.mark.parametrize(
    ("args", "ids", "hidden", "filtered_out"),
    [
        (["TX", "--online"], ["tx-alpha-mls", "tx-gamma-addon"], {}, 1),
        (["TX", "--max-cost", "10000"], ["tx-gamma-addon"], {"cost": 1}, 1),
        (["TX", "--max-cost", "$14,400"], ["tx-alpha-mls", "tx-gamma-addon"], {"cost": 1}, 0),
        (["TX", "--no-license-needed"], ["tx-alpha-mls"], {"license": 1}, 1),
        (["TX", "--route", "certificate_only"], ["tx-beta-cert"], {}, 2),
        (
            ["TX", "--route", "add-on", "--route", "degree"],
            ["tx-alpha-mls", "tx-gamma-addon"],
            {},
            1,
        ),
        (["OK", "--online", "--max-cost", "20000"], ["tx-alpha-mls"], {}, 1),
        (["--route", "degree_with_school_library_track"], ["ok-delta-med", "tx-alpha-mls"], {}, 2),
    ],
    ids=[
        "online",
        "max-cost-hides-unknown",
        "max-cost-inclusive",
        "no-license-needed",
        "route",
        "two-routes",
        "two-filters",
        "route-every-state",
    ],
)
def test_filters(
    args: list[str], ids: list[str], hidden: dict[str, int], filtered_out: int
) -> None:
    got_ids, got_hidden, got_filtered = _ids(*args)
    assert got_ids == ids
    assert {k: v for k, v in got_hidden.items() if v} == hidden
    assert got_filtered == filtered_out


@pytest.mark.usefixtures("fixture_data")
def test_hidden_programs_are_counted_in_every_format() -> None:
    _, out, _ = invoke("programs", "TX", "--max-cost", "20000")
    assert "1 program hidden because their cost is not known (run without --max-cost" in out
    _, out, _ = invoke("programs", "TX", "--max-cost", "20000", "-f", "markdown")
    assert "1 program hidden because their cost is not known" in out
    _, out, _ = invoke("programs", "TX", "--max-cost", "20000", "-f", "json")
    assert json.loads(out)["notes"][-1].startswith("1 program hidden because their cost")
    _, out, err = invoke("programs", "TX", "--max-cost", "20000", "-f", "csv")
    assert "tx-beta-cert" not in out
    assert "1 program hidden because their cost is not known" in err
    _, out, _ = invoke("programs", "TX", "--no-license-needed", "-f", "markdown")
    assert "1 program hidden because whether they need a teaching license" in out


@pytest.mark.usefixtures("fixture_data")
@pytest.mark.parametrize("fmt", ["terminal", "markdown", "json", "csv"])
def test_one_program_in_full_in_every_format(fmt: str) -> None:
    code, out, err = invoke("programs", "--id", "tx-alpha-mls", "--format", fmt)
    assert code == 0, err
    if fmt == "json":
        data = json.loads(out)
        assert data["id"] == "tx-alpha-mls"
        assert data["disclosure_states"] == ["TX", "OK", "NM", "RI"]
        assert [s["id"] for s in data["sources"]] == ["main", "alpha-disclosure"]
        assert data["months"] == [18, 24]
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert len(rows) == 1
        assert rows[0]["ala_accredited_until"] == "2030"
        assert rows[0]["months"] == "18-24"
    else:
        assert "Alpha University: M.S. in Library Science" in out
        assert "ALA accredited: yes (until 2030)" in out
        assert "Out-of-state rate $650 per credit." in out
        assert "https://example.edu/alpha-disclosure" in out
        assert "read 2026-11-20" in out


@pytest.mark.usefixtures("fixture_data")
@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("tx.md", lambda t: t.startswith("# School librarian preparation programs for Texas")),
        ("tx.json", lambda t: json.loads(t)["state"] == "TX"),
        ("tx.csv", lambda t: t.startswith("id,listed_as,")),
        ("tx.txt", lambda t: "tx-alpha-mls" in t and "\x1b[" not in t),
    ],
)
def test_output_file_format_follows_the_extension(tmp_path: Path, name: str, check: object) -> None:
    target = tmp_path / name
    code, out, err = invoke("programs", "TX", "--output", str(target))
    assert code == 0, err
    assert out == ""
    assert f"Wrote {target}" in err
    assert callable(check)
    assert check(target.read_text(encoding="utf-8"))


@pytest.mark.usefixtures("fixture_data")
def test_markdown_golden(golden: Golden, tmp_path: Path) -> None:
    _, listing, _ = invoke("programs", "OK", "-f", "markdown")
    golden.check("programs/ok.md", listing)
    _, one, _ = invoke("programs", "--id", "tx-beta-cert", "-f", "markdown")
    golden.check("programs/tx-beta-cert.md", one)
    target = tmp_path / "tx.txt"
    invoke("programs", "TX", "-o", str(target))
    golden.check("programs/tx.txt", target.read_text(encoding="utf-8"))


@pytest.mark.usefixtures("fixture_data")
@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--id", "tx-alpha-msl"], 3, "--id: no program has the id 'tx-alpha-msl'; did you mean"),
        (["--id", "nothing-like-it"], 3, "`lmspath programs` lists every id"),
        (["Texs"], 3, "unknown state 'Texs'; did you mean TX (Texas)?"),
        (["Narnia"], 3, "unknown state 'Narnia'"),
        (["TX", "--max-cost", "cheap"], 3, "--max-cost: 'cheap' is not an amount in dollars"),
        (["TX", "--max-cost", "-100"], 3, "--max-cost: '-100' is not an amount"),
        (["TX", "--route", "phd"], 3, "--route: 'phd' is not one of"),
        (["TX", "--route", "addon_endorsment"], 3, "did you mean addon_endorsement?"),
        (["TX", "--format", "pdf"], 2, "--format: 'pdf' is not one of terminal, markdown, json"),
        (["TX", "--output", "tx.docx"], 2, "--output: cannot tell the format from 'tx.docx'"),
        (["TX", "--id", "tx-alpha-mls"], 2, "--id shows one program; leave out STATE"),
        (["--id", "tx-alpha-mls", "--online"], 2, "--id shows one program"),
    ],
    ids=[
        "unknown-id-suggests",
        "unknown-id-no-hint",
        "state-typo-suggests",
        "unknown-state",
        "max-cost-not-a-number",
        "max-cost-negative",
        "route-unknown",
        "route-typo-suggests",
        "bad-format",
        "bad-extension",
        "id-with-state",
        "id-with-filter",
    ],
)
def test_bad_input_is_one_line_with_the_contract_code(
    args: list[str], code: int, message: str
) -> None:
    exit_code, out, err = invoke("programs", *args)
    assert exit_code == code, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("Error: ")
    assert message in lines[0]
    assert out == ""


def test_unknown_option_is_a_usage_error() -> None:
    code, _, _ = invoke("programs", "--cheap")
    assert code == 2


def test_route_choices_are_the_schema_values() -> None:
    assert ROUTES == (
        "degree_with_school_library_track",
        "addon_endorsement",
        "certificate_only",
        "teacher_preparation",
    )


def test_invalid_programs_data_is_exit_4(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _broken(tmp_path, "dangling-source")
    monkeypatch.setattr(programs_data, "default_data_dir", lambda: folder)
    load_programs.cache_clear()
    try:
        code, _, err = invoke("programs", "TX")
    finally:
        load_programs.cache_clear()
    assert code == 4
    # The shipped data is named as the repository names it.
    assert err == (
        "Error: data/programs/TX.yaml: programs.1.sources.1: 'nowhere' is not in this file's "
        "sources\n"
    )


# --- the real command, in a subprocess, on the shipped data ----------------------------------


def test_subprocess_lists_and_fails_cleanly() -> None:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    proc = subprocess.run(
        [sys.executable, "-m", "lmspath", "programs", "Texas", "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    listing = json.loads(proc.stdout)
    assert listing["state"] == "TX"
    assert listing["programs"][0]["listed_as"] == "in_state"
    proc = subprocess.run(
        [sys.executable, "-m", "lmspath", "programs", "--max-cost", "a lot"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 3
    assert proc.stderr == (
        "Error: --max-cost: 'a lot' is not an amount in dollars (for example 15000)\n"
    )
    assert proc.stdout == ""


# --- the shipped programs data ---------------------------------------------------------------


def test_shipped_programs_pass_the_check() -> None:
    from lmspath.store.load import default_data_dir

    check = check_programs(default_data_dir(), dt.date(2026, 12, 5))
    assert check.problems == []
    assert check.warnings == []
    assert check.files == len(list((ROOT / "data" / "programs").glob("*.yaml")))


def test_every_jurisdiction_says_whether_it_has_programs() -> None:
    from lmspath.model.states import JURISDICTIONS

    catalog = load_programs()
    assert [f.state for f in catalog.files] == list(JURISDICTIONS)
    for item in catalog.files:
        # A state with nothing listed explains why, so "none" is never a silent gap.
        assert item.programs or item.note, item.state


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "json", "csv"])
def test_every_state_lists_in_every_format(fmt: str) -> None:
    from lmspath.model.states import JURISDICTIONS

    for code in JURISDICTIONS:
        exit_code, out, err = invoke("programs", code, "--format", fmt)
        assert exit_code == 0, (code, err)
        assert out, code
