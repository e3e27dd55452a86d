"""Text a person reads carries no raw enums or ids: verdicts, route audiences, ranking formulas."""

from __future__ import annotations

import re

import pytest

from lmspath.api.assess import Format, assessment_for, render_text
from lmspath.cli.assess_output import more_line, summary_text
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
