"""The one-screen summary of `assess`: golden text at 80 and 120 columns, options, and the pager."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest
from typer.testing import CliRunner

from lmspath.api.assess import assessment_for
from lmspath.cli import get_app
from lmspath.cli.assess_output import more_line, summary_text
from lmspath.model.results import Assessment
from tests.conftest import Golden
from tests.helpers import ONLY_BACHELOR, TODAY, profile, run

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "teacher-tx.yaml"
LMSPATH = shutil.which("lmspath", path=str(Path(sys.executable).parent)) or "lmspath"
runner = CliRunner()

TEACHER = {
    "bachelor": "yes",
    "master": "no",
    "teaching_license_state": "TX",
    "teaching_license_status": "active",
    "teaching_years": 1,
    "exams": "",
    "skills": ["reading promotion"],
}


def _teacher() -> Assessment:
    """The Texas teacher as `assess` sees her: with programs and the skills section."""
    return assessment_for(profile(**TEACHER), "TX", today=TODAY)


@pytest.mark.parametrize("width", [80, 120])
def test_summary_golden_without_colour(golden: Golden, width: int) -> None:
    text = summary_text(_teacher(), more_line(None), width)
    assert "\x1b[" not in text
    golden.check(f"summary-tx-teacher-{width}.txt", text)


@pytest.mark.parametrize("code", ["TX", "ME", "NY", "CA", "FL"])
def test_summary_fits_one_screen_and_keeps_addresses_whole(code: str) -> None:
    result = run(code, **ONLY_BACHELOR)
    text = summary_text(result, more_line(None), 80)
    lines = text.splitlines()
    assert len(lines) <= 50, text  # about one screen even for a seven-step plan
    # Every line but an address fits 80 columns; addresses are never cut or wrapped.
    for line in lines:
        assert len(line) <= 80 or line.startswith("  http"), line
    assert f"  {result.agency.url}" in lines
    # The parts a person acts on: verdict, route, plan with totals, first action, the rest.
    assert lines[0].startswith(f"{result.state_name} ({code}): ")
    assert "Best route: " in text
    assert "Your plan: " in text
    assert "Start now: " in text
    assert "add --full" in text
    for step in result.plan.steps:
        assert f" {step.order}. " in text


def test_summary_names_the_top_three_skill_gaps_and_no_more() -> None:
    result = _teacher()
    assert result.skills is not None
    gaps = result.skills["gaps"]
    assert isinstance(gaps, list)
    assert len(gaps) > 3
    text = summary_text(result, more_line(None), 120)
    for gap in gaps[:3]:
        assert gap["name"] in text
    assert gaps[3]["name"] not in text.split("Top skill gaps", 1)[1]


def test_summary_with_output_points_to_the_file() -> None:
    text = summary_text(_teacher(), more_line(Path("plan.md")), 120)
    assert "is in plan.md." in text
    assert "--full" not in text


def _cli(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(get_app(), list(args))
    return result.exit_code, result.stdout, result.stderr


def test_summary_option_gives_the_summary_when_piped() -> None:
    code, out, err = _cli("assess", "-p", str(EXAMPLE), "--summary")
    assert code == 0, err
    assert out.startswith("Texas (TX): Not yet")
    assert "Top skill gaps to work on:" in out
    assert out.count("\n 3. ") >= 1
    assert "Requirements by pathway" not in out  # the full report's sections are left out


def test_piped_without_options_gives_the_whole_report() -> None:
    code, out, err = _cli("assess", "-p", str(EXAMPLE))
    assert code == 0, err
    assert "Requirements by pathway" in out
    assert "add --full" not in out


def test_quiet_with_output_prints_nothing(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    code, out, err = _cli("assess", "-p", str(EXAMPLE), "-o", str(target), "--quiet")
    assert code == 0, err
    assert out == ""
    assert err == ""
    assert target.read_text(encoding="utf-8").startswith("# School librarian")


# --- the pager, in a real pseudo-terminal ---------------------------------------------------

MARK = "PAGER-STARTED"


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COLUMNS", "LINES"))}
    # A pager that announces itself, then shows its input (as `cat` would).
    env.update(TERM="xterm", NO_COLOR="1", PAGER=f"sh -c 'echo {MARK}; cat'")
    return env


def _pty(args: list[str], tmp_path: Path) -> tuple[int, str]:
    child = pexpect.spawn(
        LMSPATH,
        args,
        cwd=str(tmp_path),
        env=_env(tmp_path),
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=20,
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus is not None
    return int(child.exitstatus), str(child.before)


@pytest.mark.slow
def test_full_report_goes_through_the_pager_only_on_a_terminal(tmp_path: Path) -> None:
    status, screen = _pty(["assess", "-p", str(EXAMPLE), "--full"], tmp_path)
    assert status == 0, screen[-2000:]
    assert MARK in screen
    assert "Requirements by pathway" in screen.split(MARK, 1)[1]

    # --no-pager on a terminal: the same report, printed.
    status, screen = _pty(["assess", "-p", str(EXAMPLE), "--full", "--no-pager"], tmp_path)
    assert status == 0, screen[-2000:]
    assert MARK not in screen
    assert "Requirements by pathway" in screen

    # Without --full on a terminal: the summary, no pager.
    status, screen = _pty(["assess", "-p", str(EXAMPLE)], tmp_path)
    assert status == 0, screen[-2000:]
    assert MARK not in screen
    assert "add --full" in screen
    assert "Requirements by pathway" not in screen

    # Not a terminal: never a pager, even with --full.
    piped = subprocess.run(
        [LMSPATH, "assess", "-p", str(EXAMPLE), "--full"],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        cwd=tmp_path,
        check=False,
    )
    assert piped.returncode == 0, piped.stderr
    assert MARK not in piped.stdout
    assert "Requirements by pathway" in piped.stdout


@pytest.mark.slow
def test_pager_set_to_cat_or_empty_prints_directly(tmp_path: Path) -> None:
    env = _env(tmp_path)
    for value in ("", "cat"):
        env["PAGER"] = value
        child = pexpect.spawn(
            LMSPATH,
            ["assess", "-p", str(EXAMPLE), "--full"],
            env=env,
            dimensions=(24, 80),
            encoding="utf-8",
            timeout=20,
        )
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 0
        assert "Requirements by pathway" in str(child.before)


def test_an_address_is_a_hyperlink_on_a_terminal_and_whole_in_plain_text() -> None:
    import io

    from rich.console import Console

    from lmspath.render.summary_view import Link

    url = "https://example.org/a b[c]/" + "x" * 120
    buffer = io.StringIO()
    Console(file=buffer, force_terminal=True, width=40).print(Link(url), crop=False)
    assert "\x1b]8;" in buffer.getvalue()  # OSC 8: clickable where the terminal supports it
    plain = io.StringIO()
    Console(file=plain, width=40, no_color=True).print(Link(url), crop=False)
    assert plain.getvalue() == f"  {url}\n"
