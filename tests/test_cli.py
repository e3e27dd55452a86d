"""The CLI in-process (CliRunner) and as real subprocesses: commands, formats, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from lmspath import __version__
from lmspath.cli import get_app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "teacher-tx.yaml"


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(get_app(), list(args))
    return result.exit_code, result.stdout, result.stderr


def test_version_names_version_and_data_date() -> None:
    code, out, _ = invoke("--version")
    assert code == 0
    assert out.startswith(f"lmspath {__version__} (rules data checked up to 20")


def test_assess_terminal_report_for_the_example() -> None:
    code, out, err = invoke("assess", "--profile", str(EXAMPLE))
    assert code == 0, err
    assert "Texas (TX)" in out
    assert "Your plan" in out
    assert "Verify every step with" in out


def test_assess_json_for_the_example_is_valid_and_complete() -> None:
    code, out, err = invoke("assess", "--profile", str(EXAMPLE), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["state"] == "TX"
    assert data["verdict"] in {"eligible", "not_yet", "cannot_tell"}
    assert data["plan"][-1]["kind"] == "application"


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("plan.md", lambda t: t.startswith("# School librarian certification plan")),
        ("plan.json", lambda t: json.loads(t)["schema_version"] == "1.0"),
        ("plan.txt", lambda t: "Your plan" in t and "\x1b[" not in t),
    ],
)
def test_output_format_follows_the_extension(tmp_path: Path, name: str, check: object) -> None:
    target = tmp_path / name
    code, out, err = invoke("assess", "--profile", str(EXAMPLE), "--output", str(target))
    assert code == 0, err
    # The summary is printed too, and says where the rest is.
    assert out.startswith("Texas (TX): Not yet")
    assert f"is in {target}" in " ".join(out.split())
    assert f"Wrote {target}" in err
    assert callable(check)
    assert check(target.read_text(encoding="utf-8"))
    assert not list(tmp_path.glob(".*.tmp")), "temporary file left behind"


def test_explicit_format_wins_over_extension(tmp_path: Path) -> None:
    target = tmp_path / "plan.txt"
    code, _, _ = invoke("assess", "-p", str(EXAMPLE), "-o", str(target), "--format", "json")
    assert code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["state"] == "TX"


def test_state_option_overrides_and_accepts_names(tmp_path: Path) -> None:
    code, out, err = invoke("assess", "-p", str(EXAMPLE), "--state", "texas", "-f", "json")
    assert code == 0, err
    assert json.loads(out)["state"] == "TX"


def test_save_profile_round_trips(tmp_path: Path) -> None:
    saved = tmp_path / "kept.yaml"
    code, first, err = invoke(
        "assess", "-p", str(EXAMPLE), "-f", "json", "--save-profile", str(saved)
    )
    assert code == 0, err
    assert yaml.safe_load(saved.read_text(encoding="utf-8"))["state"] == "TX"
    code, second, _ = invoke("assess", "-p", str(saved), "-f", "json")
    assert code == 0
    assert json.loads(first) == json.loads(second)


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["assess", "-p", str(EXAMPLE), "--state", "Narnia"], 3, "unknown state 'Narnia'"),
        (["assess", "-p", str(EXAMPLE), "--format", "pdf"], 2, "--format: 'pdf' is not one of"),
        (["assess", "-p", str(EXAMPLE), "-o", "plan.docx"], 2, "cannot tell the format"),
        (["assess", "-p", str(EXAMPLE), "-o", str(EXAMPLE)], 3, "is the profile file"),
        (["rules", "ZZ"], 3, "unknown state 'ZZ'"),
        (["rules", "Texs"], 3, "did you mean TX (Texas)?"),
        (["states", "--format", "xml"], 2, "--format: 'xml' is not one of"),
        (["rules", "TX", "--format", "pdf"], 2, "--format: 'pdf' is not one of"),
        (["exams", "--format", "pdf"], 2, "--format: 'pdf' is not one of"),
        (["assess", "-p", str(EXAMPLE), "--ask-missing"], 3, "--ask-missing needs a terminal"),
        (["data", "check", str(EXAMPLE)], 3, "is not a folder"),
    ],
    ids=[
        "assess-unknown-state",
        "assess-bad-format",
        "assess-unknown-extension",
        "assess-output-is-input",
        "rules-unknown-state",
        "rules-typo-suggests",
        "states-bad-format",
        "rules-bad-format",
        "exams-bad-format",
        "ask-missing-without-terminal",
        "data-check-not-a-folder",
    ],
)
def test_bad_arguments_get_one_line_and_the_contract_code(
    args: list[str], code: int, message: str
) -> None:
    exit_code, _, err = invoke(*args)
    assert exit_code == code
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("Error: ")
    assert message in lines[0]


def test_profile_without_state_needs_one(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("bachelor: yes\n", encoding="utf-8")
    code, _, err = invoke("assess", "-p", str(path))
    assert code == 3
    assert "state: not given" in err


def test_unknown_option_is_usage_error_exit_2() -> None:
    code, _, _ = invoke("assess", "--frobnicate")
    assert code == 2


def test_no_terminal_and_no_profile_says_use_profile() -> None:
    code, _, err = invoke("assess")
    assert code == 3
    assert err.strip() == (
        "Error: no profile given and this is not a terminal: run with --profile FILE"
    )


def test_states_formats() -> None:
    code, out, _ = invoke("states", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert {"code", "name", "credential", "agency", "confidence", "last_checked"} <= set(rows[0])
    code, out, _ = invoke("states", "--format", "csv")
    assert out.splitlines()[0].startswith("code,name,credential,agency")
    code, out, _ = invoke("states", "--format", "markdown")
    assert "| code | name |" in out


def test_rules_shows_sources_conflicts_and_cut_scores() -> None:
    code, out, err = invoke("rules", "tx", "--format", "markdown")
    assert code == 0, err
    assert "# Texas (TX): Standard School Librarian Certificate" in out
    assert "Sources disagree:" in out
    assert "TExES 150 School Librarian; cut score 240" in out
    assert "## Renewal" in out
    assert "every 5 years" in out
    assert "## Coming from another state" in out
    code, out, _ = invoke("rules", "Texas", "--format", "json")
    assert json.loads(out)["code"] == "TX"


def test_exams_lists_usage_with_cut_scores() -> None:
    code, out, _ = invoke("exams", "--format", "json")
    assert code == 0
    texes = next(r for r in json.loads(out) if r["id"] == "texes-150")
    assert "TX 240" in texes["states"]
    assert texes["sources"].startswith("http")


def test_a_score_table_says_its_title_on_one_line() -> None:
    # one state uses TExES 150: the table is narrow, and its title used to wrap at its width
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "lmspath", "exams", "texes-150", "--score", "250"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "texes-150 at 250: 1 state uses it"
    assert "TX" in done.stdout


def _copy_data(tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def test_data_check_passes_on_shipped_data() -> None:
    code, out, err = invoke("data", "check")
    assert code == 0, err
    assert "all valid" in out


def test_data_check_names_file_and_field_path_exit_4(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    tx = data / "requirements" / "TX.yaml"
    text = tx.read_text(encoding="utf-8").replace("min_years: 2", "min_years: two", 1)
    tx.write_text(text, encoding="utf-8")
    code, _, err = invoke("data", "check", str(data))
    assert code == 4
    assert f"{tx}: pathways.0.requirements.2.min_years: Input should be a valid number" in err
    assert err.strip().splitlines()[-1].startswith("Error: ")


def test_data_check_catches_dangling_source_and_exam(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    tx = data / "requirements" / "TX.yaml"
    text = tx.read_text(encoding="utf-8").replace("exam: texes-150", "exam: texes-999", 1)
    text = text.replace("sources: [tac-239-60", "sources: [nowhere", 1)
    tx.write_text(text, encoding="utf-8")
    code, _, err = invoke("data", "check", str(data))
    assert code == 4
    assert "'texes-999' is not in the exams catalogue" in err
    assert "'nowhere' is not in this file's sources" in err


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update({"NO_COLOR": "1", "COLUMNS": "100"})
    return env


def test_subprocess_module_entry_point() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "lmspath", "assess", "--profile", str(EXAMPLE), "-f", "markdown"],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "## Your plan" in proc.stdout


def test_subprocess_error_has_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("state: TX\nteaching_years: three\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "lmspath", "assess", "--profile", str(bad)],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=60,
        check=False,
    )
    assert proc.returncode == 3
    assert proc.stderr == "Error: bad.yaml: teaching_years: 'three' is not a number\n"
    assert proc.stdout == ""


def test_subprocess_fast_version_path_matches_typer_path() -> None:
    fast = subprocess.run(
        [sys.executable, "-m", "lmspath", "--version"], capture_output=True, text=True, check=True
    )
    slow = subprocess.run(
        [sys.executable, "-m", "lmspath", "--debug", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert fast.stdout == slow.stdout
    assert fast.stdout.startswith("lmspath ")


def test_version_does_not_import_heavy_modules() -> None:
    code = (
        "import sys; from lmspath.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('pydantic', 'typer', 'rich', 'questionary', 'yaml')"
        " if m in sys.modules]\n"
        "print(heavy)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def test_assess_json_carries_the_skills_section() -> None:
    code, out, err = invoke("assess", "--profile", str(EXAMPLE), "--format", "json")
    assert code == 0, err
    skills = json.loads(out)["skills"]
    have = {item["id"] for item in skills["have"]}
    assert "canva" in have  # the example lists Canva among its tools
    assert skills["gaps"]
    assert {"id", "name", "importance", "how_to_close"} <= set(skills["gaps"][0])


def test_assess_markdown_and_terminal_show_the_skills_section() -> None:
    code, out, _ = invoke("assess", "--profile", str(EXAMPLE), "--format", "markdown")
    assert code == 0
    assert "## Skills" in out
    assert "Gaps that matter most" in out
