"""Tests for the skills section renderers and the `lmspath skills` command."""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pytest
import typer
from rich.console import Console
from typer.testing import CliRunner

from lmspath.cli.cmd_skills import register
from lmspath.errors import InputError
from lmspath.model.profile import build_profile
from lmspath.model.skills import SkillsReport
from lmspath.render.skills_section import (
    bar,
    item_markdown,
    skills_markdown,
    skills_terminal,
    taxonomy_markdown,
)
from lmspath.skills.report import item_rows, item_view, skills_report
from lmspath.store.load import load_exams
from lmspath.store.taxonomy import load_taxonomy

GOLDEN = Path(__file__).parent / "golden" / "skills"
TAXONOMY = load_taxonomy()
CATALOG = load_exams()
PRAXIS = next(exam for exam in CATALOG.exams if exam.id == "praxis-5312")
PROFILE = {
    "tools": "Destiny; ProQuest; Canva; Destny; Tinkercad",
    "skills": ["information literacy", "Mandarin", "Canvas", "copyright", "book talks"],
}


def sample(**fields: object) -> SkillsReport:
    return skills_report(build_profile(fields or PROFILE), TAXONOMY, PRAXIS, CATALOG.sources)


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing; run with UPDATE_GOLDEN=1 to write it"
    assert text == path.read_text(encoding="utf-8")


def terminal_text(report: SkillsReport, width: int = 80) -> str:
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    console.print(skills_terminal(report))
    return console.export_text()


def test_golden_markdown_section() -> None:
    check_golden("section.md", skills_markdown(sample()))


def test_golden_markdown_section_without_tools_or_skills() -> None:
    check_golden("empty.md", skills_markdown(skills_report(build_profile({}), TAXONOMY, None)))


def test_markdown_shape() -> None:
    text = skills_markdown(sample())
    assert text.startswith("## Skills\n")
    assert "\x1b[" not in text
    assert "- tools: not recognised: 'Destny' — did you mean Destiny" in text
    assert "- skills: not recognised: 'Mandarin'" in text
    assert re.search(r"\| Teaching and Learning \| 29% \| `[█░]{10} \d+%` \|", text)
    assert "1. **Children's and young adult literature**" in text
    # The rank in words; the formula is left to the JSON report.
    assert "Why here: essential; Teaching and Learning is 29% of the exam." in text
    assert "score =" not in text


def test_every_citation_is_listed_with_url_and_read_date() -> None:
    text = skills_markdown(sample())
    cited = set(re.findall(r"\[S(\d+)\]", text.split("### Skills sources")[0]))
    listed = re.findall(r"^- \[S(\d+)\] .+ — (https?://\S+) \(.*read (\d{4}-\d\d-\d\d)", text, re.M)
    assert cited == {number for number, _, _ in listed}
    assert [int(n) for n, _, _ in listed] == list(range(1, len(listed) + 1))


def test_only_the_top_gaps_are_shown() -> None:
    report = sample()
    text = skills_markdown(report)
    shown = re.findall(r"^(\d+)\. \*\*", text, re.M)
    assert shown == [str(n) for n in range(1, report.show_top + 1)]
    assert f"Showing {report.show_top} of {len(report.gaps)} gaps" in text


def test_group_gap_names_the_alternatives() -> None:
    report = skills_report(build_profile({"skills": "x"}), TAXONOMY, None)
    ils = next(gap for gap in report.gaps if gap.group == "ils")
    text = skills_markdown(report.replace(**{"gaps": [ils], "show_top": 1}))
    assert "(or any other school library system (ILS): Alexandria (COMPanion), Koha" in text


def test_terminal_fits_80_columns_and_says_everything_in_words() -> None:
    text = terminal_text(sample())
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "✓ yes" in text
    assert "✗ not yet" in text
    assert "not recognised: 'Destny'" in text
    assert re.search(r"Teaching and Learning\s+29%\s+[█░]{10} \d+%", text)
    assert "Why here: essential" in text
    assert "importance points" not in text


def test_terminal_without_exam_shows_the_note() -> None:
    report = skills_report(build_profile({}), TAXONOMY, None)
    text = terminal_text(report)
    assert "No exam is known for this state" in text
    assert "You did not list any tools or skills" in text


@pytest.mark.parametrize(
    ("fraction", "expected"),
    [(0, "░░░░░░░░░░"), (1, "██████████"), (0.3, "███░░░░░░░"), (0.25, "███░░░░░░░"),
     (0.04, "░░░░░░░░░░"), (1.7, "██████████")],
)  # fmt: skip
def test_bar(fraction: float, expected: str) -> None:
    assert bar(fraction) == expected


def test_taxonomy_and_item_markdown() -> None:
    listing = taxonomy_markdown(item_rows(TAXONOMY, "standard"))
    assert listing.count("\n") == 2 + len(item_rows(TAXONOMY, "standard"))
    assert "| dewey-decimal | Dewey Decimal Classification | standard |" in listing
    page = item_markdown(item_view(TAXONOMY, "mandarin-ils", CATALOG.exams))
    assert page.startswith("## Mandarin library system (M3, M5, Oasis) (`mandarin-ils`)")
    assert "**Only in a tools list:** Oasis, M3, M5" in page
    assert "**Never alone:** Mandarin" in page
    assert "Praxis 5312 School Librarian: Organization and Access (19% of the questions)" in page


def _app() -> typer.Typer:
    app = typer.Typer()
    register(app)

    @app.callback()
    def main() -> None:
        """Throwaway app for the tests."""

    return app


def test_cli_lists_one_kind_as_json() -> None:
    result = CliRunner().invoke(_app(), ["skills", "--kind", "tool", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows
    assert {row["kind"] for row in rows} == {"tool"}
    assert len(rows) == sum(item.kind == "tool" for item in TAXONOMY.items)


def test_cli_shows_one_item_by_id_or_name() -> None:
    by_id = CliRunner().invoke(_app(), ["skills", "follett-destiny", "--format", "markdown"])
    by_name = CliRunner().invoke(_app(), ["skills", "Destiny", "--format", "markdown"])
    assert by_id.exit_code == 0, by_id.output
    assert by_id.output == by_name.output
    assert "**Only in a tools list:** Destiny, Follett" in by_id.output


def test_cli_terminal_listing_mentions_every_item() -> None:
    result = CliRunner().invoke(_app(), ["skills"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for item in TAXONOMY.items:
        assert item.id in result.output


def test_cli_unknown_id_is_an_input_error_with_a_suggestion() -> None:
    result = CliRunner().invoke(_app(), ["skills", "destny"])
    assert isinstance(result.exception, InputError)
    assert result.exception.message == (
        "unknown skill 'destny'; did you mean follett-destiny (Follett Destiny Library Manager)?"
    )


def test_cli_kind_must_match_the_item() -> None:
    result = CliRunner().invoke(_app(), ["skills", "koha", "--kind", "standard"])
    assert isinstance(result.exception, InputError)
    assert result.exception.message == "koha is a tool, not a standard"
