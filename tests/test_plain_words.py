"""Text a person reads carries no raw enums or ids: verdicts, route audiences, ranking formulas."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from lmspath.api.assess import Format, assessment_for, render_text
from lmspath.cli.assess_output import more_line, summary_text
from lmspath.model.results import RequirementResult
from lmspath.render.rules_view import render_rules_markdown
from lmspath.store.load import load_exams, load_state
from tests.helpers import ONLY_BACHELOR, TODAY, profile

RAW = re.compile(
    r"not_yet|cannot_tell|out_of_state|employer_sponsored|only for: |"
    r"score = importance points|Why #\d"
)


@pytest.mark.parametrize("code", ["TX", "CA", "NY", "FL"])
def test_reports_say_it_in_words(code: str) -> None:
    result = assessment_for(profile(**ONLY_BACHELOR, skills=["storytime"]), code, today=TODAY)
    for fmt in (Format.terminal, Format.markdown, Format.html):
        text = render_text(result, fmt)
        assert not RAW.search(text), (fmt, RAW.search(text))
    assert not RAW.search(summary_text(result, more_line(None), 80))


def test_rules_view_names_who_a_restricted_route_is_for() -> None:
    text = render_rules_markdown(load_state("TX"), load_exams())
    assert "only for holders of another state's certificate" in text
    assert not RAW.search(text)


def test_step_titles_in_a_sentence_are_quoted_and_listed() -> None:
    # A title may hold a semicolon ("Pass TExES 150 School Librarian; cut score 240"), so a
    # list of them joined by semicolons could not be read back.
    from lmspath.engine.words import titles, total_note

    assert titles([]) == ""
    assert titles(["Pass X; cut score 240"]) == '"Pass X; cut score 240"'
    assert titles(["A", "B", "C"]) == '"A", "B" and "C"'
    # a course named in quotes inside a title stays readable
    assert titles(["Complete the course 'An Introduction'"]) == (
        "\"Complete the course 'An Introduction'\""
    )
    note = total_note(["Earn a master's degree"], ["Pass X; cut score 240"], 1)
    assert note == (
        'no sourced time estimate for "Earn a master\'s degree"; the time of short steps is '
        'not counted ("Pass X; cut score 240"); cost not confirmed for 1 step'
    )
    assert total_note([], [], 2) == "cost not confirmed for 2 steps"
    assert total_note([], [], 0) == ""


def test_a_lower_bound_names_the_step_whose_time_is_missing() -> None:
    # Idaho: reinstating an expired license has no sourced estimate
    from lmspath.render.text import plan_time

    result = assessment_for(
        profile(
            state="ID",
            bachelor="yes",
            teaching_license_state="ID",
            teaching_license_status="expired",
            teaching_years=5,
        ),
        "ID",
        today=TODAY,
    )
    said = plan_time(result.plan)
    assert '"Renew or reinstate your teaching license"' in said
    assert said.startswith(("at least", 'not confirmed: no sourced estimate for "'))
    assert "plus Renew" not in said
    assert "(time not confirmed)" not in said


@pytest.mark.parametrize(("years", "left"), [(1, "1 year left"), (0, "2 years left")])
def test_years_left_agree_with_their_number(years: int, left: str) -> None:
    # Texas asks for two years of classroom teaching
    result = assessment_for(
        profile(
            state="TX",
            bachelor="yes",
            teaching_license_state="TX",
            teaching_license_status="active",
            teaching_years=years,
        ),
        "TX",
        today=TODAY,
    )
    notes = [s.estimate_note or "" for s in result.plan.steps]
    assert any(n.startswith(f"{left} of the 2 the rule asks for") for n in notes), notes


def test_compare_names_the_step_a_lower_bound_leaves_out(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from lmspath.cli import get_app

    given = tmp_path / "expired.yaml"
    given.write_text(
        "state: TX\nbachelor: yes\nteaching_license_state: ID\n"
        "teaching_license_status: expired\nteaching_years: 5\n",
        encoding="utf-8",
    )
    done = CliRunner().invoke(get_app(), ["compare", "--profile", str(given), "-f", "markdown"])
    assert done.exit_code == 0, done.output
    assert '(no estimate for "Renew or reinstate your teaching license")' in done.output
    assert "no estimate for: " not in done.output


@pytest.mark.parametrize(
    ("answer", "title"),
    [
        ("no", "Earn a bachelor's degree"),
        (None, "Earn a bachelor's degree if you have none"),
        ("in_progress", "Finish your bachelor's degree"),
    ],
)
def test_a_bachelors_step_says_finish_only_to_someone_who_started(
    answer: str | None, title: str
) -> None:
    # "Finish a bachelor's degree" told someone with none that they had started one
    fields: dict[str, object] = {"state": "ME", "teaching_license_status": "none"}
    if answer is not None:
        fields["bachelor"] = answer
    result = assessment_for(profile(**fields), "ME", today=TODAY)
    titles = [s.title for s in result.plan.steps]
    assert title in titles, titles
    assert sum("bachelor's degree" in t for t in titles) == 1, titles


@pytest.mark.parametrize(
    ("number", "word", "said"),
    [
        (1, "step", "1 step"),
        (0, "step", "0 steps"),
        (2, "item", "2 items"),
        (1024, "row", "1,024 rows"),
        (0.5, "year", "0.5 years"),
        (1.0, "year", "1 year"),
        (2, "more year", "2 more years"),
    ],
)
def test_a_count_agrees_with_its_number(number: float, word: str, said: str) -> None:
    from lmspath.engine.words import count, repeated

    assert count(number, word) == said
    assert repeated(1) == "1 row repeats"
    assert repeated(3) == "3 rows repeat"


def test_what_you_have_agrees_with_the_amount_asked() -> None:
    # DC's and Virginia's rules ask for one year of school library work (in an option)
    def walk(results: Iterable[RequirementResult]) -> Iterator[RequirementResult]:
        for r in results:
            yield r
            yield from walk(r.options)

    for code in ("DC", "VA"):
        result = assessment_for(
            profile(state=code, bachelor="yes", school_library_years=0), code, today=TODAY
        )
        haves = [
            r.have
            for path in result.pathways
            for r in walk(path.requirements)
            if r.kind == "school_library_years"
        ]
        assert "0 of 1 year" in haves, (code, haves)
        assert not any("of 1 years" in h for h in haves)


def test_the_rules_view_says_one_year() -> None:
    # Maryland's master's-equivalent route: one year of teaching or of library work
    text = render_rules_markdown(load_state("MD"), load_exams())
    assert "teaching_years; 1 year;" in text
    assert "1 years" not in text


def test_a_range_from_nothing_says_up_to() -> None:
    from lmspath.engine.words import at_least, money, months

    assert months((0.0, 18.0)) == "up to 18 months"
    assert money((0.0, 12500.0)) == "up to $12,500"
    assert months((12.0, 18.0)) == "12-18 months"
    assert at_least((12.0, 18.0)) == "at least 12-18 months"
    # a known part that may take no time is not "at least up to"
    assert at_least((0.0, 18.0)) == "up to 18 months"
    assert months((0.0, 0.0)) == "0 months"
