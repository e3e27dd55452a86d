"""The project's own promises: README commands, the CI command, documented commands and fields."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from lmspath.cli import get_app
from lmspath.model.profile import FIELDS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _bash_blocks(text: str) -> list[str]:
    return re.findall(r"```bash\n(.*?)\n```", text, flags=re.DOTALL)


def test_quick_start_is_two_commands() -> None:
    blocks = _bash_blocks(README.split("## Quick start", 1)[1].split("\n## ", 1)[0])
    assert len(blocks) == 2
    assert all(len(b.strip().splitlines()) == 1 for b in blocks)
    assert "lmspath assess --profile examples/teacher-tx.yaml" in blocks[0]
    assert (ROOT / "examples" / "teacher-tx.yaml").is_file()


def test_ci_runs_the_readme_test_command_word_for_word() -> None:
    test_command = _bash_blocks(README)[1].split("&& ", 1)[1].split("pip install", 1)[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install" + test_command in ci


def test_every_command_is_in_the_readme() -> None:
    result = CliRunner().invoke(get_app(), ["--help"])
    assert result.exit_code == 0
    commands = re.findall(r"^│ (\w[\w-]*)\s", result.stdout, flags=re.MULTILINE)
    assert "assess" in commands
    for command in commands:
        assert f"`lmspath {command}" in README, f"{command} is not documented in README.md"


def test_every_profile_field_is_in_the_readme() -> None:
    for field in FIELDS:
        assert f"| `{field}` |" in README, field


def test_the_readme_example_is_what_assess_writes() -> None:
    """Each line of the README's example report is a line of the real report, in order, where
    '...' in a line stands for text left out ('...' alone: lines left out)."""
    example = README.split("```markdown\n", 1)[1].split("\n```", 1)[0].splitlines()
    result = CliRunner().invoke(
        get_app(),
        ["assess", "--profile", str(ROOT / "examples" / "teacher-tx.yaml"), "--format", "markdown"],
    )
    assert result.exit_code == 0, result.output
    real = result.stdout.splitlines()
    at = 0
    for line in example:
        if line.strip() == "...":
            continue
        pattern = re.compile(".*".join(re.escape(part) for part in line.split("...")))
        while at < len(real) and not pattern.fullmatch(real[at]):
            at += 1
        assert at < len(real), f"README example line not in the report (in order): {line!r}"
        at += 1
