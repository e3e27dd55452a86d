"""CLI conventions: examples in every --help, clean placeholders, completion, compact `states`."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lmspath.cli import get_app
from lmspath.render.states_compact import compact_row
from lmspath.store.load import available_states, load_state

LMSPATH = shutil.which("lmspath", path=str(Path(sys.executable).parent)) or "lmspath"
runner = CliRunner()
WIDE = {"COLUMNS": "100", "NO_COLOR": "1"}


def _help(*path: str) -> str:
    result = runner.invoke(get_app(), [*path, "--help"], env=WIDE)
    assert result.exit_code == 0, result.output
    return result.stdout


def _commands() -> list[tuple[str, ...]]:
    """Every command path the root help lists, with the subcommands of groups."""
    found: list[tuple[str, ...]] = []
    for name in re.findall(r"^│ (\w[\w-]*)\s", _help(), flags=re.MULTILINE):
        found.append((name,))
        sub = re.split(r"Commands\s*─", _help(name))
        if len(sub) > 1:
            for child in re.findall(r"^│ (\w[\w-]*)\s", sub[1], flags=re.MULTILINE):
                found.append((name, child))
    return found


def test_every_help_has_a_runnable_example() -> None:
    paths = _commands()
    assert ("assess",) in paths
    assert ("data", "check") in paths
    for path in [(), *paths]:
        text = _help(*path)
        assert "Examples:" in text, path
        example = f"lmspath {' '.join(path)}".strip()
        assert re.search(rf"^\s*{re.escape(example)}\b", text, flags=re.MULTILINE), path


def test_help_shows_no_type_placeholders_for_flags_or_odd_brackets() -> None:
    for path in [(), *_commands()]:
        text = _help(*path)
        assert "<bool>" not in text, path
        assert "{" not in text, path
        assert "[[" not in text, path
        assert "<str>  " not in text.split("Options", 1)[-1], path  # options name their value


def test_assess_help_explains_the_questionnaire() -> None:
    text = " ".join(_help("assess").split())
    assert "questionnaire" in text
    assert "Ctrl-C" in text
    assert "--full" in text


def test_completion_is_offered_and_works() -> None:
    root = _help()
    assert "--install-completion" in root
    assert "--show-completion" in root
    env = {**os.environ, "SHELL": "/bin/bash"}
    # typer finds the shell among the parent processes: run it from a bash that stays (a test
    # run started detached from any shell would otherwise find none)
    script = subprocess.run(
        ["bash", "-c", f"'{LMSPATH}' --show-completion bash; exit $?"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert script.returncode == 0, script.stderr
    assert "_lmspath_completion" in script.stdout
    done = subprocess.run(
        [LMSPATH],
        capture_output=True,
        text=True,
        env={
            **env,
            "_LMSPATH_COMPLETE": "complete_bash",
            "COMP_WORDS": "lmspath as",
            "COMP_CWORD": "1",
        },
        check=False,
    )
    assert done.stdout.split() == ["assess"]


@pytest.mark.parametrize(
    "args",
    [
        ["assess", "-p", "examples/teacher-tx.yaml", "--format", "pdf"],
        ["assess", "-p", "examples/teacher-tx.yaml", "--output", "plan.docx"],
        ["states", "--format", "xml"],
        ["assess", "--no-such-option"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = runner.invoke(get_app(), args)
    assert result.exit_code == 2, result.output


# --- states, compact on a terminal ------------------------------------------------------------


def test_states_is_one_short_row_per_state_at_80_columns() -> None:
    result = runner.invoke(get_app(), ["states"], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) <= len(available_states()) + 3
    assert max(len(line) for line in lines) <= 80
    header = lines[1].split()
    assert header == ["code", "credential", "license", "master's", "exam", "conf."]
    codes = [line.split()[0] for line in lines[2:] if line.strip()]
    assert codes == list(available_states())
    assert "--full" in lines[0]


def test_states_full_keeps_every_column() -> None:
    result = runner.invoke(get_app(), ["states", "--full"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "agency" in result.stdout
    assert "last checked" in result.stdout


@pytest.mark.parametrize("code", ["TX", "CA", "NY", "MA"])
def test_compact_needs_follow_the_rules(code: str) -> None:
    rules = load_state(code)
    row = compact_row(rules)
    general = [p for p in rules.pathways if p.audience == "general"] or rules.pathways
    kinds = [{r.kind for r in p.requirements} for p in general]
    if row.license == "yes":
        assert all("teaching_license" in k for k in kinds)
    if row.license == "no":
        assert not any("teaching_license" in k for k in kinds)
    masters = [any(getattr(r, "level", None) == "master" for r in p.requirements) for p in general]
    assert (row.master == "yes") == all(masters)
