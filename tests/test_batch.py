"""`lmspath batch`: outputs, exit codes, safety, memo, --jobs, interruption, and a property test."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from typer.testing import CliRunner

from lmspath.batch.intake import inspect_intake
from lmspath.batch.run import (
    ERROR_COLUMNS,
    RESULT_COLUMNS,
    BatchOptions,
    PlanNames,
    SeenIds,
    run_batch,
    safe_stem,
)
from lmspath.batch.scorer import CACHE_SIZE, Job, Scorer, ScorerArgs
from lmspath.batch.spreadsheet import csv_field, neutralise
from lmspath.cli import get_app
from lmspath.errors import InputError
from tests.helpers import default_sigint

runner = CliRunner()
FIXTURES = Path(__file__).parent / "fixtures" / "intake"
MESSY = FIXTURES / "messy.csv"
TODAY = dt.date(2026, 11, 24)
CONTRACT_COLUMNS = (
    "line", "client_id", "state", "verdict", "best_pathway", "remaining_steps", "months_min",
    "months_max", "next_step", "missing", "not_confirmed",
)  # fmt: skip


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(get_app(), list(args))
    return result.exit_code, result.stdout, result.stderr


def read_csv(path: Path) -> list[dict[str, str]]:
    # utf-8-sig: results of an intake that came from Excel start with a byte-order mark
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


# --- formula neutralising and plan names --------------------------------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_that_a_spreadsheet_would_run_get_an_apostrophe(start: str) -> None:
    assert neutralise(f"{start}HYPERLINK(1)") == f"'{start}HYPERLINK(1)"


@pytest.mark.parametrize("cell", ["", "C-001", "José", " =not first", "'=already quoted", "1-2"])
def test_other_cells_are_left_alone(cell: str) -> None:
    assert neutralise(cell) == cell


@given(
    st.lists(st.text(alphabet=st.sampled_from(',";\r\n\t aZé\x00\u2028'), max_size=8), max_size=5)
)
def test_results_lines_put_together_from_parts_are_what_csv_writer_writes(
    cells: list[str],
) -> None:
    """Batch joins pre-written cells into results lines; they must read back as csv.writer's."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow([7, *cells])
    assert ",".join(["7", *(csv_field(c) for c in cells)]) + "\r\n" == out.getvalue()


NASTY_IDS = [
    "../../etc/passwd",
    "..",
    ".",
    "/abs/path",
    "a\\..\\..\\b",
    "C:\\Windows\\x",
    "CON",
    "con.txt",
    "LPT1",
    "nul",
    "   ",
    ".hidden",
    "x" * 300,
    "tab\there",
    "José/Núñez",
]


@pytest.mark.parametrize("client_id", NASTY_IDS)
def test_a_plan_name_never_leaves_its_folder_or_names_a_device(
    tmp_path: Path, client_id: str
) -> None:
    name = PlanNames().assign(client_id, 7)
    assert name.endswith(".md")
    assert "/" not in name
    assert "\\" not in name
    assert not name.startswith(".")
    stem = name[: -len(".md")]
    assert stem.split(".")[0].lower() not in {"con", "prn", "aux", "nul", "lpt1", "com1"}
    assert len(name) <= 100
    assert (tmp_path / name).resolve().parent == tmp_path.resolve()


def test_plan_names_are_unique_ignoring_case_and_fall_back_to_the_line() -> None:
    names = PlanNames()
    assert names.assign("abc", 2) == "abc.md"
    assert names.assign("ABC", 3) == "ABC-line3.md"
    assert names.assign("", 4) == "line-4.md"
    assert names.assign("../", 5) == "line-5.md"
    assert safe_stem("José Núñez") == "José_Núñez"


def test_plan_names_stay_unique_over_many_clients_as_a_set_of_names_would_keep_them() -> None:
    """The names are remembered as hashes: the names given out are the ones a plain set of
    the names given (the former table) gives, over repeats, case variants and reserved names."""
    import random

    rng = random.Random(5)
    names = PlanNames(rows=10)  # grows past its first size
    names.reserve("Reserved.md")
    given: set[str] = {"reserved.md"}
    for line in range(2, 30_002):
        client = rng.choice([f"C{rng.randint(0, 9_999)}", f"c{rng.randint(0, 99)}", "reserved", ""])
        stem = safe_stem(client)
        name = f"{stem}.md" if stem else f"line-{line}.md"
        if name.lower() in given:
            name = f"{stem or 'line'}-line{line}.md"
        given.add(name.lower())
        assert names.assign(client, line) == name
    assert len(given) == 30_001


def test_seen_ids_report_the_first_line_and_survive_growth() -> None:
    seen = SeenIds(capacity=8)
    for number in range(5000):
        assert seen.add(f"C{number}", number + 2) is None
    assert seen.add("C0", 9000) == 2
    assert seen.add("C4999", 9001) == 5001
    assert seen.add("new", 9002) is None


def test_seen_ids_sized_from_the_file_never_grow(tmp_path: Path) -> None:
    intake = tmp_path / "intake.csv"
    intake.write_text(
        "client_id,state,teaching_years\n"
        + "".join(f"C{n},{'TX' if n % 2 else 'Texas'},{n % 30}\n" for n in range(20000)),
        encoding="utf-8",
    )
    expected = inspect_intake(intake).expected_lines
    assert 18000 < expected < 22000
    seen = SeenIds.for_rows(expected)
    size = len(seen._keys)
    for number in range(20000):
        assert seen.add(f"C{number}", number + 2) is None
    assert len(seen._keys) == size
    assert seen.add("C19999", 1) == 20001


# --- the messy fixture end to end ---------------------------------------------------------------


@pytest.fixture(scope="module")
def messy_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    out = tmp_path_factory.mktemp("messy")
    before = fingerprint(MESSY)
    code, stdout, stderr = invoke(
        "batch", str(MESSY),
        "--output", str(out / "results.csv"),
        "--errors", str(out / "errors.csv"),
        "--plans", str(out / "plans"),
        "--summary", str(out / "cohort.md"),
    )  # fmt: skip
    return {
        "out": out,
        "code": code,
        "stdout": stdout,
        "stderr": stderr,
        "input_unchanged": fingerprint(MESSY) == before,
    }


def test_messy_exit_code_and_reconciling_final_line(messy_run: dict[str, object]) -> None:
    out = messy_run["out"]
    assert isinstance(out, Path)
    assert messy_run["code"] == 1
    assert messy_run["stdout"] == ""
    stderr = str(messy_run["stderr"])
    assert stderr.splitlines()[-1] == f"12 rows: 7 scored, 5 rejected ({out / 'errors.csv'})"
    assert messy_run["input_unchanged"]


def test_messy_warns_once_about_unknown_columns_and_about_the_duplicate_id(
    messy_run: dict[str, object],
) -> None:
    stderr = str(messy_run["stderr"])
    unknown = [line for line in stderr.splitlines() if "unknown column" in line]
    assert len(unknown) == 1
    assert "'Notes' (column 9)" in unknown[0]
    assert "'Favourite Colour' (column 10)" in unknown[0]
    assert "1 row repeats a client_id seen earlier: 'C-001' (lines 2 and 8)" in stderr


def test_messy_results_are_the_readable_rows_in_input_order(messy_run: dict[str, object]) -> None:
    out = messy_run["out"]
    assert isinstance(out, Path)
    rows = read_csv(out / "results.csv")
    assert tuple(rows[0])[: len(CONTRACT_COLUMNS)] == CONTRACT_COLUMNS
    assert tuple(rows[0]) == (*RESULT_COLUMNS, "Notes", "Favourite Colour")
    assert [r["line"] for r in rows] == ["2", "4", "8", "11", "12", "13", "15"]
    by_line = {r["line"]: r for r in rows}
    first = by_line["2"]
    assert (first["client_id"], first["state"], first["verdict"]) == ("C-001", "TX", "not_yet")
    assert first["missing"] == "masters"
    assert first["months_min"].isdigit()
    assert first["next_step"]
    assert by_line["15"]["client_id"] == "José"
    assert by_line["15"]["state"] == "TX"  # 'texas' resolved
    assert (out / "results.csv").read_bytes().count(b"\r\n") == len(rows) + 1  # RFC 4180


def test_messy_errors_list_every_problem_of_every_rejected_row(
    messy_run: dict[str, object],
) -> None:
    out = messy_run["out"]
    assert isinstance(out, Path)
    rows = read_csv(out / "errors.csv")
    assert tuple(rows[0]) == ERROR_COLUMNS
    found = [(r["line"], r["client_id"], r["field"]) for r in rows]
    assert found == [
        ("6", "C-003", "bachelor"),
        ("6", "C-003", "teaching_years"),
        ("6", "C-003", "exams"),
        ("7", "C-004", "state"),
        ("9", "C-006", "(whole row)"),
        ("10", "C-007", "(whole row)"),
        ("16", "'@SUM(1)", "state"),
    ]
    assert rows[3]["problem"] == "not given; every row needs a state"
    assert rows[6]["problem"] == "unknown state 'Texsa'; did you mean TX (Texas)?"


def test_messy_formula_client_id_is_neutralised_in_results(messy_run: dict[str, object]) -> None:
    out = messy_run["out"]
    assert isinstance(out, Path)
    ids = [r["client_id"] for r in read_csv(out / "results.csv")]
    assert '\'=HYPERLINK("http://x.example","click")' in ids
    assert not any(i.startswith(("=", "+", "-", "@")) for i in ids)


def test_messy_plans_one_per_scored_client_all_inside_the_folder(
    messy_run: dict[str, object],
) -> None:
    out = messy_run["out"]
    assert isinstance(out, Path)
    plans = out / "plans"
    names = sorted(p.name for p in plans.iterdir())
    assert names == sorted(
        [
            "C-001.md",
            "C-002.md",
            "C-001-line8.md",
            "HYPERLINK_http_x.example_click.md",
            "etc_passwd.md",
            "_CON.md",
            "José.md",
        ]
    )
    listed = {r["plan_file"] for r in read_csv(out / "results.csv")}
    assert listed == {str(plans / n) for n in names}
    assert not (out.parent / "etc").exists()


def test_messy_plan_is_the_same_report_as_assess_output(
    messy_run: dict[str, object], tmp_path: Path
) -> None:
    out = messy_run["out"]
    assert isinstance(out, Path)
    profile = tmp_path / "c001.yaml"
    profile.write_text(
        "state: TX\nbachelor: 'yes'\nmaster: 'no'\nteaching_years: 4\n"
        "teaching_license_status: active\ntools: [Destiny, Canva]\n",
        encoding="utf-8",
    )
    report = tmp_path / "x.md"
    code, _, err = invoke("assess", "--profile", str(profile), "--output", str(report))
    assert code == 0, err
    assert (out / "plans" / "C-001.md").read_text(encoding="utf-8") == report.read_text(
        encoding="utf-8"
    )


def test_messy_cohort_summary_reconciles_and_names_the_data_date(
    messy_run: dict[str, object],
) -> None:
    from lmspath.store.datadate import rules_data_date

    out = messy_run["out"]
    assert isinstance(out, Path)
    text = (out / "cohort.md").read_text(encoding="utf-8")
    assert "Rows read: **12**; scored: **7**; rejected: **5**" in text
    assert "Read as UTF-8 (with byte-order mark), comma-separated" in text
    assert f"Rules data checked up to {rules_data_date()}" in text
    assert "| Texas (TX) | 7 | 100.0% |" in text
    assert "## The 10 most common missing requirements" in text
    assert "## Unconfirmed rules the cohort depends on" in text
    assert not list(out.glob(".*.tmp"))
    assert not list((out / "plans").glob(".lmspath-staging-*"))


# --- other real-world files ---------------------------------------------------------------------


def test_windows_1252_semicolon_export_is_read_and_the_encoding_named(tmp_path: Path) -> None:
    results = tmp_path / "r.csv"
    code, _, err = invoke("batch", str(FIXTURES / "excel_cp1252.csv"), "--output", str(results))
    assert code == 0, err
    assert "read as Windows-1252" in err
    rows = read_csv(results)
    assert [r["client_id"] for r in rows] == ["J-1", "J-2", "Zoë Müller", "José Núñez"]
    zoe = rows[2]
    assert "teaching-years" in zoe["missing"]  # '1,5' read as 1.5 years, not 15


def test_tab_separated_file_is_scored(tmp_path: Path) -> None:
    results = tmp_path / "r.csv"
    code, _, err = invoke("batch", str(FIXTURES / "tabs.tsv"), "--output", str(results))
    assert (code, err.strip()) == (0, "2 rows: 2 scored, 0 rejected")
    assert [r["client_id"] for r in read_csv(results)] == ["T-1", "T-2"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("no_state_column.csv", "no_state_column.csv: line 1: no 'state' column"),
        ("empty.csv", "empty.csv: the file is empty (0 bytes)"),
        ("notes.txt", "notes.txt: line 1: no intake columns in the header"),
        ("workbook.xlsx", "workbook.xlsx: cannot read this workbook"),
        ("missing.csv", "missing.csv: no such file"),
    ],
)
def test_an_unusable_file_exits_3_with_one_line_and_writes_nothing(
    tmp_path: Path, name: str, message: str
) -> None:
    code, _out, err = invoke(
        "batch", str(FIXTURES / name), "--output", str(tmp_path / "r.csv"),
        "--errors", str(tmp_path / "e.csv"), "--summary", str(tmp_path / "s.md"),
        "--plans", str(tmp_path / "plans"),
    )  # fmt: skip
    assert code == 3
    assert err.startswith("Error: ")
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_output_naming_the_intake_is_refused_and_the_intake_untouched(tmp_path: Path) -> None:
    intake = tmp_path / "intake.csv"
    intake.write_bytes(MESSY.read_bytes())
    before = fingerprint(intake)
    code, _, err = invoke("batch", str(intake), "--output", str(tmp_path / "." / "intake.csv"))
    assert code == 3
    assert "--output:" in err
    assert "is the intake file itself" in err
    assert fingerprint(intake) == before
    code, _, err = invoke(
        "batch",
        str(intake),
        "--output",
        str(tmp_path / "a.csv"),
        "--errors",
        str(tmp_path / "a.csv"),
    )
    assert code == 3
    assert "both name" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["intake.csv"]


def test_a_write_failure_mid_run_is_one_error_line_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import lmspath.batch.scorer

    def full(self: object, jobs: list[object]) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(lmspath.batch.scorer.Scorer, "score_chunk", full)
    code, _, err = invoke(
        "batch",
        str(MESSY),
        "--output",
        str(tmp_path / "r.csv"),
        "--errors",
        str(tmp_path / "e.csv"),
    )
    assert code == 3
    assert err.splitlines()[-1].startswith(f"Error: {MESSY}: stopped near line ")
    assert "No space left on device; no output file was written" in err
    assert list(tmp_path.iterdir()) == []


def test_a_header_only_file_scores_nothing_and_exits_0(tmp_path: Path) -> None:
    intake = tmp_path / "intake.csv"
    intake.write_text("client_id,state\n\n\n", encoding="utf-8")
    code, _, err = invoke("batch", str(intake), "--output", str(tmp_path / "r.csv"))
    assert (code, err.strip()) == (0, "0 rows: 0 scored, 0 rejected")
    assert read_csv(tmp_path / "r.csv") == []


def test_the_template_is_scored_cleanly(tmp_path: Path) -> None:
    template = tmp_path / "intake.csv"
    code, _, _ = invoke("intake-template", "--output", str(template))
    assert code == 0
    code, out, err = invoke("intake-template")
    assert out == template.read_text(encoding="utf-8")
    code, _, err = invoke("batch", str(template), "--output", str(tmp_path / "r.csv"))
    assert (code, err.strip()) == (0, "1 row: 1 scored, 0 rejected")


def test_piped_output_is_results_on_stdout_and_only_the_final_line_on_stderr(
    tmp_path: Path,
) -> None:
    intake = tmp_path / "intake.csv"
    intake.write_text("client_id,state,bachelor\nA,TX,yes\nB,TX,no\n", encoding="utf-8")
    code, out, err = invoke("batch", str(intake))
    assert code == 0
    assert err == "2 rows: 2 scored, 0 rejected\n"
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["client_id"] for r in rows] == ["A", "B"]


def test_without_an_errors_file_the_problems_go_to_stderr(tmp_path: Path) -> None:
    intake = tmp_path / "intake.csv"
    intake.write_text("client_id,state,teaching_years\nA,TX,ten\nB,,1\n", encoding="utf-8")
    code, _, err = invoke("batch", str(intake), "--output", str(tmp_path / "r.csv"))
    assert code == 1
    lines = err.strip().splitlines()
    assert lines[0] == f"Error: {intake}: line 2 (A): teaching_years: 'ten' is not a number"
    assert lines[1] == f"Error: {intake}: line 3 (B): state: not given; every row needs a state"
    assert lines[2] == "2 rows: 0 scored, 2 rejected (shown above)"


def test_on_a_terminal_a_progress_bar_shows_rows_per_second(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rich.console import Console

    import lmspath.render.console

    screen = io.StringIO()
    terminal = Console(file=screen, force_terminal=True, width=120)
    monkeypatch.setattr(lmspath.render.console, "stderr_console", lambda: terminal)
    # CliRunner's stderr is no terminal: say it is one (as rich reads it), or no bar is asked for
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    intake = tmp_path / "intake.csv"
    intake.write_text(
        "client_id,state\n" + "".join(f"C{n},TX\n" for n in range(600)), encoding="utf-8"
    )
    code, _, err = invoke("batch", str(intake), "--output", str(tmp_path / "r.csv"))
    assert code == 0
    assert "rows/s" in screen.getvalue()
    assert "Scoring" in screen.getvalue()
    assert err == "600 rows: 600 scored, 0 rejected\n"


def test_a_client_id_with_a_carriage_return_survives_the_round_trip(tmp_path: Path) -> None:
    intake = tmp_path / "intake.csv"
    intake.write_bytes(b'client_id,state\r\n"A\rB",TX\r\n"C\nD",TX\r\n')
    code, _, err = invoke("batch", str(intake), "--output", str(tmp_path / "r.csv"))
    assert code == 0, err
    assert [r["client_id"] for r in read_csv(tmp_path / "r.csv")] == ["A\rB", "C\nD"]


# --- speed machinery: memo and --jobs -----------------------------------------------------------


def _same_profile_intake(path: Path) -> None:
    row = "TX,yes,no,4,active"
    tools = ["Destiny", "Canva; Sora", ""]
    path.write_text(
        "client_id,state,bachelor,master,teaching_years,teaching_license_status,tools\n"
        + "".join(f"C{n},{row},{tools[n % 3]}\n" for n in range(300))
        + "D1,texas,YES,No,4.0,Active,\n",  # the same profile written differently
        encoding="utf-8",
    )


def test_identical_profiles_are_assessed_once_and_gaps_once_per_tool_set(
    tmp_path: Path,
) -> None:
    intake = tmp_path / "intake.csv"
    _same_profile_intake(intake)
    options = BatchOptions(output=tmp_path / "r.csv", summary=tmp_path / "s.md", today=TODAY)
    report = run_batch(intake, options)
    assert report.tally.scored == 301
    # One situation; gaps worked out once per tool set given ("" gives none to work out).
    assert (report.assessed, report.skills_computed) == (1, 2)
    rows = read_csv(tmp_path / "r.csv")
    assert len({tuple(r.values())[2:-1] for r in rows}) == 1
    assert "Among the 200 clients who listed tools or skills" in (tmp_path / "s.md").read_text(
        encoding="utf-8"
    )


def test_without_summary_or_plans_no_skills_section_is_computed(tmp_path: Path) -> None:
    intake = tmp_path / "intake.csv"
    _same_profile_intake(intake)
    report = run_batch(intake, BatchOptions(output=tmp_path / "r.csv", today=TODAY))
    assert (report.assessed, report.skills_computed) == (1, 0)


@pytest.mark.parametrize("jobs", [1, 2])
def test_plans_without_a_summary_count_no_skills_gaps(tmp_path: Path, jobs: int) -> None:
    """Only the summary shows the cohort's skills gaps: a plans-only run does not work them
    out, yet every plan still has its skills section."""
    intake = tmp_path / "intake.csv"
    _same_profile_intake(intake)
    plans = tmp_path / "plans"
    report = run_batch(
        intake, BatchOptions(output=tmp_path / "r.csv", plans=plans, jobs=jobs, today=TODAY)
    )
    assert (report.assessed, report.skills_computed) == (1, 0)
    assert report.tally.skill_gaps == {}
    written = sorted(plans.iterdir())
    assert len(written) == 301
    assert all("## Skills" in p.read_text(encoding="utf-8") for p in written[:5])
    with_summary = run_batch(
        intake,
        BatchOptions(
            output=tmp_path / "r2.csv",
            plans=tmp_path / "plans2",
            summary=tmp_path / "s.md",
            jobs=jobs,
            today=TODAY,
        ),
    )
    assert with_summary.skills_computed == 2
    assert sum(with_summary.tally.skill_gaps.values()) > 0


@pytest.mark.parametrize(
    "fields",
    [
        {"state": "TX", "bachelor": "yes", "master": "no", "teaching_years": 4},
        {"state": "TX", "master": "yes", "exams": "texes-150:250", "tools": "Destiny; Canva"},
        {"state": "NJ", "skills": "collection development; cataloging", "tools": "Sora"},
        {"state": "CA", "bachelor": "in_progress"},
        {"state": "NY", "teaching_license_status": "active", "teaching_years": 3, "tools": "x"},
    ],
)
def test_the_scorer_writes_the_plan_assess_writes(fields: dict[str, object]) -> None:
    """Batch memoises the engine's report and renders the skills section straight from its
    report; this keeps its plan the markdown report ``assess`` writes, byte for byte."""
    from lmspath.api.assess import Format, assessment_for, render_text
    from tests.helpers import profile as make_profile

    person = make_profile(**fields)
    layout = inspect_intake(MESSY)
    scorer = Scorer(layout, TODAY, skills=True)
    assert person.state is not None
    want = render_text(assessment_for(person, person.state, today=TODAY), Format.markdown)
    assert "## Your plan" in want
    assert scorer._plan_bytes(person) == want.encode("utf-8")
    assert scorer._plan_bytes(person) == want.encode("utf-8")  # remembered, the same


def test_a_plan_completes_its_own_situations_decision_not_the_last_rows() -> None:
    """A plan completes the decision ``_base`` kept for the client's situation; the one it
    found last is taken only for the same client (the row just scored)."""
    from lmspath.api.assess import Format, assessment_for, render_text
    from tests.helpers import profile as make_profile

    scorer = Scorer(inspect_intake(MESSY), TODAY, skills=True)
    first = make_profile(state="TX", bachelor="yes", master="no", teaching_years=4)
    other = make_profile(state="TX", master="yes", exams="texes-150:250", teaching_years=6)
    for person in (first, other, first):
        scorer._base(first)  # the last row scored is always the first client
        want = render_text(assessment_for(person, "TX", today=TODAY), Format.markdown)
        assert scorer._plan_bytes(person) == want.encode("utf-8")


def test_clients_listing_the_same_items_in_other_words_each_get_their_own_plan() -> None:
    """The part of the skills section after what the client wrote is shared by clients with
    the same items and exam: each plan is still the one assess writes for that client."""
    from lmspath.api.assess import Format, assessment_for, render_text
    from tests.helpers import profile as make_profile

    people = [
        {"state": "TX", "tools": "Destiny; Canva"},
        {"state": "TX", "tools": "Follett Destiny; canva"},  # the same items, other words
        {"state": "TX", "tools": "Canva; Follett; Scratchpad"},  # and one not recognised
        {"state": "OH", "tools": "Destiny; Canva"},  # the same items, another exam
        {"state": "TX", "tools": "Destiny; Canva", "skills": "cataloging"},  # one more item
        {"state": "TX"},
    ]
    scorer = Scorer(inspect_intake(MESSY), TODAY, skills=True)
    texts = []
    for fields in people:
        person = make_profile(**fields)
        assert person.state is not None
        want = render_text(assessment_for(person, person.state, today=TODAY), Format.markdown)
        got = scorer._plan_bytes(person)
        assert got == want.encode("utf-8"), fields
        texts.append(got)
    assert len(set(texts)) == len(people)
    assert len(scorer._tails._data) == 4  # TX with two items, OH, TX with three, TX with none


def _varied_intake(path: Path, count: int) -> None:
    states = ["TX", "Texas", "tx", "", "Texsa"]
    masters = ["no", "yes", "in_progress", "", "maybe"]
    lines = ["client_id,state,bachelor,master,teaching_years,school_library_program,exams"]
    for n in range(count):
        lines.append(
            f"C{n},{states[n % 5]},yes,{masters[n % 7 % 5]},{n % 9},"
            f"{['no', 'yes', ''][n % 3]},{['', 'texes-150', 'texes-150:230'][n % 4 % 3]}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_jobs_2_and_3_and_tiny_memos_write_exactly_what_one_process_writes(
    tmp_path: Path,
) -> None:
    intake = tmp_path / "intake.csv"
    _varied_intake(intake, 300)
    outputs = {}
    # jobs 0 stands for one process whose memos hold 2 entries: they are emptied all the time,
    # and every count they held must still reach the summary.
    for jobs in (1, 2, 3, 0):
        folder = tmp_path / f"jobs{jobs}"
        folder.mkdir()
        options = BatchOptions(
            output=folder / "r.csv",
            errors=folder / "e.csv",
            summary=folder / "s.md",
            plans=folder / "plans",
            jobs=jobs or 1,
            today=TODAY,
            chunk_size=16,
            cache_size=2 if jobs == 0 else CACHE_SIZE,
        )
        report = run_batch(intake, options)
        assert report.jobs == (jobs or 1)
        plans = {
            p.name: p.read_text(encoding="utf-8") for p in sorted((folder / "plans").iterdir())
        }
        outputs[jobs] = (
            (folder / "r.csv").read_text(encoding="utf-8").replace(f"jobs{jobs}", "X"),
            (folder / "e.csv").read_text(encoding="utf-8"),
            (folder / "s.md").read_text(encoding="utf-8"),
            plans,
        )
    assert outputs[1] == outputs[2] == outputs[3] == outputs[0]
    # Rows with 'Texsa' or a blank state, or master 'maybe', are rejected and get no plan.
    kept = [n for n in range(300) if n % 5 not in (3, 4) and n % 7 % 5 != 4]
    assert len(outputs[1][3]) == len(kept)


def test_scoring_makes_no_reference_cycles(tmp_path: Path) -> None:
    """Scoring every kind of row (bad ones, plans, summary) leaves no cycle: reference counting
    frees everything, so the cycle collector, which stays on, has nothing to find."""
    import gc

    def run(name: str) -> None:
        options = BatchOptions(
            output=tmp_path / f"{name}.csv",
            errors=tmp_path / f"{name}-e.csv",
            summary=tmp_path / f"{name}.md",
            plans=tmp_path / f"{name}-plans",
            today=TODAY,
        )
        run_batch(MESSY, options)

    run("warm")  # first use imports modules and builds classes, which do hold cycles
    gc.collect()
    was_on = gc.isenabled()
    gc.disable()
    try:
        run("again")
        assert gc.collect() == 0
    finally:
        if was_on:
            gc.enable()
    assert gc.isenabled() == was_on


def test_workers_get_even_shares_of_rows_whatever_order_states_come_in(tmp_path: Path) -> None:
    from lmspath.batch.scorer import Shards

    intake = tmp_path / "intake.csv"
    intake.write_text("client_id,state\n", encoding="utf-8")
    layout = inspect_intake(intake)
    # States in order of first appearance, with 6, 5, 4 and 3 rows: by first sight alone,
    # TX and CA would share one worker (10 rows) and NY and OH the other (8).
    states = ["TX", "NY", "CA", "OH"] + ["TX"] * 5 + ["NY"] * 4 + ["CA"] * 3 + ["OH"] * 2
    chunk: list[Job] = [(n + 2, [f"C{n}", code], None, "") for n, code in enumerate(states)]
    shards = Shards(2, ScorerArgs(layout, TODAY, None, False, 64))
    try:
        done = shards.submit(chunk)()
    finally:
        shards.terminate()
    assert sorted(shards._rows) == [9, 9]
    assert shards._by_code["TX"] == shards._by_code["OH"] != shards._by_code["NY"]
    assert [line for line, _ in done.lines] == [n + 2 for n in range(len(states))]


def test_negative_jobs_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="--jobs"):
        run_batch(MESSY, BatchOptions(output=tmp_path / "r.csv", jobs=-1))


# --- interruption -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sig", "jobs"),
    [(signal.SIGINT, 1), (signal.SIGTERM, 1), (signal.SIGKILL, 1), (signal.SIGINT, 2)],
)
def test_an_interrupted_run_leaves_no_output_and_the_intake_untouched(
    tmp_path: Path, sig: signal.Signals, jobs: int
) -> None:
    intake = tmp_path / "intake.csv"
    # Every row a different profile, so nothing is memoised and the run takes seconds.
    lines = ["client_id,state,bachelor,master,teaching_years,practicum_hours"]
    lines += [f"C{n},TX,yes,no,{n % 50},{n}" for n in range(4000)]
    intake.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = fingerprint(intake)
    out = tmp_path / "out"
    out.mkdir()
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "lmspath",
            "batch",
            str(intake),
            "--output",
            str(out / "r.csv"),
            "--errors",
            str(out / "e.csv"),
            "--summary",
            str(out / "s.md"),
            "--plans",
            str(out / "plans"),
            "--jobs",
            str(jobs),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=default_sigint,
    )
    deadline = time.monotonic() + 60
    started = False
    while time.monotonic() < deadline and child.poll() is None:
        partial = [p for p in out.glob(".r.csv.*.tmp") if p.stat().st_size > 0]
        if partial:
            started = True
            break
        time.sleep(0.02)
    assert started, "the run never began writing its results"
    assert child.poll() is None, "the run should still be mid-file"
    child.send_signal(sig)
    _, err = child.communicate(timeout=60)
    assert fingerprint(intake) == before
    assert not (out / "r.csv").exists()
    assert not (out / "e.csv").exists()
    assert not (out / "s.md").exists()
    if sig == signal.SIGKILL:
        assert child.returncode == -signal.SIGKILL
        return
    assert child.returncode == 130
    assert err.strip().startswith("Stopped: interrupted near line ")
    assert "no output file was written" in err
    assert list(out.iterdir()) == []  # no temporary files and no plans folder either


# --- property: rows in = rows scored + rows rejected, and every output row maps to its line -----

_VALUES = {
    "state": ["TX", "tx", "Texas", "", "Texsa", "ZZ", " TX "],
    "bachelor": ["yes", "no", "in_progress", "", "maybe", "Y"],
    "teaching_years": ["", "0", "4", "2.5", "-1", "abc", "61"],
    "exams": ["", "texes-150", "texes-150:250", "praxis 9999", "texes-150; praxis-5312"],
    "tools": ["", "Destiny; Canva", "=cmd", "a\nb"],
}
_ID_CHARS = "abcXYZ019 ,;\"'\n\t=+-@./\\éü"
_NEWLINES = re.compile(r"\r\n|\r|\n")


@st.composite
def intake_files(draw: st.DrawFn) -> tuple[bytes, dict[int, str], set[int]]:
    """An intake file's bytes, {record line: client_id} and the lines of misshapen rows."""
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
    terminator = draw(st.sampled_from(["\n", "\r\n"]))
    chars = _ID_CHARS + ("\r" if terminator == "\r\n" else "")
    optional = sorted(name for name in _VALUES if name != "state")
    others = draw(st.lists(st.sampled_from(optional), unique=True, max_size=4))
    columns = draw(st.permutations(["client_id", "state", *others]))
    text = delimiter.join(columns) + terminator
    expected: dict[int, str] = {}
    misshapen: set[int] = set()
    for _ in range(draw(st.integers(0, 10))):
        if draw(st.integers(0, 4)) == 0:
            text += terminator  # a blank line
        cells = [
            draw(st.text(chars, max_size=8))
            if name == "client_id"
            else draw(st.sampled_from(_VALUES[name]))
            for name in columns
        ]
        shape = draw(st.sampled_from(["ok", "ok", "ok", "short", "long", "trailing"]))
        if shape == "short":
            cells = cells[: draw(st.integers(1, len(cells) - 1))]
        elif shape == "long":
            cells += ["", "surplus"]
        elif shape == "trailing":
            cells += ["", ""]
        out = io.StringIO()
        csv.writer(out, delimiter=delimiter, lineterminator=terminator).writerow(cells)
        line = len(_NEWLINES.findall(text)) + 1
        text += out.getvalue()
        if not "".join(cells).strip():
            continue  # a row of blank cells is a blank line, not a row
        index = columns.index("client_id")
        expected[line] = cells[index].strip() if index < len(cells) else ""
        if shape in {"short", "long"}:
            misshapen.add(line)
    return text.encode(encoding), expected, misshapen


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(intake_files())
def test_rows_in_equal_rows_scored_plus_rejected_and_map_to_their_lines(
    case: tuple[bytes, dict[int, str], set[int]],
) -> None:
    data, expected, misshapen = case
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        intake = base / "intake.csv"
        intake.write_bytes(data)
        options = BatchOptions(output=base / "r.csv", errors=base / "e.csv", today=TODAY)
        report = run_batch(intake, options)
        results = read_csv(base / "r.csv")
        errors = read_csv(base / "e.csv")
    assert report.rows == len(expected) == report.tally.scored + report.tally.rejected
    scored_lines = [int(r["line"]) for r in results]
    error_lines = [int(r["line"]) for r in errors]
    assert len(scored_lines) == report.tally.scored
    assert len(set(error_lines)) == report.tally.rejected
    assert scored_lines == sorted(set(scored_lines))  # input order, once each
    assert error_lines == sorted(error_lines)
    assert set(scored_lines).isdisjoint(error_lines)
    assert set(scored_lines) | set(error_lines) == set(expected)
    assert misshapen <= set(error_lines)
    for row in results + errors:
        assert row["client_id"] == neutralise(expected[int(row["line"])])
    assert all(row["problem"] and row["field"] for row in errors)


def test_property_generator_covers_its_cases() -> None:
    # Guards the property test against a generator that silently stops making hard files.
    seen: set[str] = set()

    @settings(max_examples=200, deadline=None)
    @given(intake_files())
    def probe(case: tuple[bytes, dict[int, str], set[int]]) -> None:
        data, expected, misshapen = case
        if misshapen:
            seen.add("misshapen")
        if b'"' in data:
            seen.add("quoted")
        if data.startswith(b"\xef\xbb\xbf"):
            seen.add("bom")
        if any(b > 0x7F for b in data) and b"\xc3" not in data:
            seen.add("cp1252")
        if len(expected) > 3:
            seen.add("several rows")

    probe()
    assert seen == {"misshapen", "quoted", "bom", "cp1252", "several rows"}


def test_plans_are_moved_into_place_as_listed_until_none_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Plans are moved as the staging folder's listing reaches them (a million names at once
    would take about 80 MB), and the folder is listed again until a pass finds nothing: here
    a file system that skips every other entry of the first listing. Every plan lands, an
    earlier plan's mode is kept, and the staging folder is gone."""
    import stat

    from lmspath.files import STAGING_PREFIX, umask

    real = os.scandir
    listings: list[str] = []

    class Skipping:
        def __init__(self, path: str) -> None:
            self.entries = real(path)
            listings.append(path)
            self.first = len(listings) == 1

        def __enter__(self) -> Skipping:
            return self

        def __exit__(self, *_: object) -> None:
            self.entries.close()

        def __iter__(self) -> Iterator[os.DirEntry[str]]:
            for index, entry in enumerate(self.entries):
                if not self.first or index % 2 == 0:
                    yield entry

    def scandir(path: str = ".") -> object:
        return Skipping(path) if STAGING_PREFIX in str(path) else real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    intake = tmp_path / "in.csv"
    intake.write_text(
        "client_id,state\n" + "".join(f"C{n},TX\n" for n in range(11)), encoding="utf-8"
    )
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "C4.md").write_text("old\n", encoding="utf-8")
    (plans / "C4.md").chmod(0o640)
    report = run_batch(intake, BatchOptions(output=tmp_path / "r.csv", plans=plans, today=TODAY))
    assert report.tally.scored == 11
    assert len(listings) == 3  # the skipping pass, the rest, and one that finds nothing
    assert sorted(p.name for p in plans.iterdir()) == sorted(f"C{n}.md" for n in range(11))
    assert "## Your plan" in (plans / "C4.md").read_text(encoding="utf-8")
    assert stat.S_IMODE((plans / "C4.md").stat().st_mode) == 0o640
    assert stat.S_IMODE((plans / "C9.md").stat().st_mode) == 0o600 & ~umask()


_FORK_STATES = ("ME", "MO", "IL", "OH", "NV", "PA", "VA", "MT", "TX", "FL", "WI", "MI")


def _fork_intake(path: Path, count: int, seed: int) -> list[dict[str, str]]:
    """Rows that vary the license answers (often blank) and what a license route reads."""
    rng = __import__("random").Random(seed)
    fields = (
        "client_id",
        "state",
        "bachelor",
        "master",
        "school_library_program",
        "library_credit_hours",
        "teaching_license_state",
        "teaching_license_status",
        "teaching_years",
        "background_check",
    )
    rows = []
    for n in range(count):
        code = rng.choice(_FORK_STATES)
        rows.append(
            {
                "client_id": f"C{n}",
                "state": code,
                "bachelor": rng.choice(["yes", "yes", "", "in_progress"]),
                "master": rng.choice(["no", "yes", "in_progress", ""]),
                "school_library_program": rng.choice(["no", "", "in_progress"]),
                "library_credit_hours": rng.choice(["", "0", "12", "24"]),
                "teaching_license_state": rng.choice(["", "", code, "TX", "none"]),
                "teaching_license_status": rng.choice(["", "", "active", "expired", "none"]),
                "teaching_years": rng.choice(["", "0", "2", "5"]),
                "background_check": rng.choice(["yes", ""]),
            }
        )
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return rows


@pytest.mark.parametrize("cache_size", [CACHE_SIZE, 2])
def test_route_if_licensed_is_the_route_the_report_names(tmp_path: Path, cache_size: int) -> None:
    """The results' route_if_licensed is the route each client's own report names for an
    active license (its if_licensed), blank when the report names none; memos that are
    emptied all the time change nothing, and every row is still counted."""
    from lmspath.api.assess import assessment_for
    from tests.helpers import profile

    intake = tmp_path / "intake.csv"
    rows = _fork_intake(intake, 400, seed=3)
    options = BatchOptions(
        output=tmp_path / "r.csv", summary=tmp_path / "s.md", today=TODAY, cache_size=cache_size
    )
    report = run_batch(intake, options)
    assert report.rows == len(rows)
    assert report.problems == 0
    with (tmp_path / "r.csv").open(encoding="utf-8", newline="") as handle:
        results = list(csv.DictReader(handle))
    named = 0
    for row, result in zip(rows, results, strict=True):
        fields = {k: v for k, v in row.items() if v and k != "client_id"}
        fork = assessment_for(profile(**fields), row["state"], today=TODAY).if_licensed
        assert result["route_if_licensed"] == (fork.pathway if fork else ""), row
        named += fork is not None
        if fork is not None:
            assert row["teaching_license_status"] == ""
            assert fork.pathway != result["best_pathway"]
    assert named > 20  # the column is not always blank
    # The summary counts them (markdown and the HTML page alike).
    note = f"{named:,} clients left the teaching license blank where an active license"
    assert note in (tmp_path / "s.md").read_text(encoding="utf-8")
    page = tmp_path / "s.html"
    run_batch(intake, BatchOptions(output=tmp_path / "r2.csv", summary=page, today=TODAY))
    assert note in page.read_text(encoding="utf-8")
