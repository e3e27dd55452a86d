"""Renderers: golden markdown and terminal text, JSON against its schema, every format renders."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings, strategies as st

from lmspath.api.assess import Format, render_text
from lmspath.render.json_report import render_json
from lmspath.schema.report import json_schema
from tests.conftest import Golden
from tests.helpers import run

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "src" / "lmspath" / "report.schema.json"

TEACHER = {
    "bachelor": "yes",
    "master": "no",
    "teaching_license_state": "TX",
    "teaching_license_status": "active",
    "teaching_years": 1,
    "exams": "",
}
CONFLICTED = {**TEACHER, "teaching_license_status": "none", "master": "yes", "teaching_years": 3}


def test_markdown_golden(golden: Golden) -> None:
    golden.check("tx-teacher.md", render_text(run("TX", **TEACHER), Format.markdown))


def test_markdown_golden_with_conflict(golden: Golden) -> None:
    golden.check("tx-conflict.md", render_text(run("TX", **CONFLICTED), Format.markdown))


def test_terminal_golden_fixed_width_no_colour(golden: Golden) -> None:
    text = render_text(run("TX", **TEACHER), Format.terminal, width=80)
    assert "\x1b[" not in text
    # Every line fits, but an address: it is printed whole on its own line, to click or copy.
    for line in text.splitlines():
        assert len(line) <= 80 or line.startswith("  http"), line
    assert "…" not in text  # nothing in the plan table is cut
    golden.check("tx-teacher.txt", text)


def test_markdown_has_the_parts_a_reader_needs() -> None:
    text = render_text(run("TX", **CONFLICTED), Format.markdown)
    assert text.startswith("# School librarian certification plan: Texas (TX)")
    assert "## Your plan" in text
    assert "1. [ ] **" in text  # the plan is a numbered checklist
    assert "| Requirement | Status |" in text
    assert "Where sources disagree:" in text
    assert "you already meet this" in text
    assert "## Sources" in text
    assert "[^1]: " in text
    assert "last checked on 2026-11-2" in text
    assert "verify every step with" in text


def test_json_has_the_contract_keys_and_validates_against_the_schema() -> None:
    data = json.loads(render_json(run("TX", **CONFLICTED)))
    for key in (
        "schema_version",
        "lmspath_version",
        "state",
        "verdict",
        "best_pathway",
        "pathways",
        "plan",
        "skills",
        "warnings",
    ):
        assert key in data, key
    requirement = data["pathways"][0]["requirements"][0]
    for key in ("id", "kind", "text", "status", "sources", "confidence", "conflict"):
        assert key in requirement
    assert {"url", "as_of"} <= set(requirement["sources"][0])
    for key in ("remaining_steps", "id", "name"):
        assert key in data["pathways"][0]
    step = data["plan"][0]
    for key in ("order", "kind", "title", "months", "cost_usd", "after", "sources"):
        assert key in step
    assert {"have", "gaps"} <= set(data["skills"])
    jsonschema.validate(data, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def test_shipped_schema_matches_the_model() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == json_schema(), (
        "run: python scripts/gen_schema.py"
    )


def test_schema_rejects_a_renamed_key() -> None:
    data = json.loads(render_json(run("TX", **TEACHER)))
    data["verdicts"] = data.pop("verdict")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


@pytest.mark.parametrize("fmt", list(Format))
def test_every_format_renders(fmt: Format) -> None:
    text = render_text(run("TX", **TEACHER), fmt)
    assert "Texas" in text
    assert text.endswith("\n")


OHIO_TEACHER = {
    "bachelor": "yes",
    "master": "in_progress",
    "master_fields": "education",
    "teaching_license_state": "OH",
    "teaching_license_status": "active",
    "teaching_years": 6,
    "exams": "",
}


@pytest.mark.parametrize(
    ("state", "fields"),
    [("OH", OHIO_TEACHER), ("TX", CONFLICTED), ("TX", TEACHER), ("OH", {"bachelor": "yes"})],
)
def test_terminal_disputes_point_only_to_a_warning_that_is_there(
    state: str, fields: dict[str, object]
) -> None:
    """A disputed requirement of the best pathway points to the warning above it; one of
    another pathway (which no warning tells) says the dispute's outcome where it stands."""
    result = run(state, **fields)
    text = " ".join(render_text(result, Format.terminal, width=80).split())
    pointers = text.count("sources disagree: see the warning above")
    warned = text.count("Warning: Sources disagree on")
    assert pointers <= warned
    best = next(p for p in result.pathways if p.id == result.best_pathway)
    told = 0
    for path in result.pathways:
        for req in path.requirements:
            if path is best or req.conflict is None:
                continue
            statuses = {r.status for r in req.conflict.readings}
            if "missing" in statuses and len(statuses) > 1:
                outcome = " ".join(req.conflict.outcome.split())
                assert f"sources disagree: {outcome}" in text
                told += 1
    if state == "OH" and fields is OHIO_TEACHER:
        assert told == 1  # the master's of the other Ohio route: this case tests something


@given(st.lists(st.text(max_size=40), min_size=1, max_size=8))
@settings(max_examples=200, deadline=None)
def test_a_persons_text_is_made_inert_first_time_and_every_time(texts: list[str]) -> None:
    """``md_text`` remembers the texts it made inert: what it gives back is always what
    making the text inert gives, first time or again, whatever came before it."""
    from lmspath.render.text import _inert, md_text

    for text in [*texts, *reversed(texts), 12, None]:
        want = _inert(str(text))
        assert md_text(text) == want


@given(st.lists(st.text(max_size=40), min_size=1, max_size=8))
@settings(max_examples=200, deadline=None)
def test_a_table_cell_is_the_text_escaped_and_folded_first_time_and_every_time(
    texts: list[str],
) -> None:
    """``md_cell`` remembers the texts it escaped: what it gives back is always the text with
    pipes escaped and whitespace folded to single spaces, whatever came before it."""
    from lmspath.render.text import md_cell

    for text in [*texts, *reversed(texts), 12, None]:
        want = " ".join(str(text).replace("|", "\\|").split())
        assert md_cell(text) == want


def test_source_lines_written_once_are_each_sources_own() -> None:
    """Footnotes and skills source lines are remembered per URL or id with the source they were
    written for: another source under the same URL or id (a data folder of its own, a later
    reading) gets its own line, and the first source its own again."""
    from lmspath.model.results import SourceRef
    from lmspath.render.markdown import _Footnotes
    from lmspath.render.skills_section import Citations

    def ref(title: str, read_on: str) -> SourceRef:
        return SourceRef(
            id="src-1",
            url="https://example.gov/rule",
            title=title,
            as_of=None,
            read_on=read_on,
            official=True,
        )

    first, other = ref("Rule 1", "2026-11-01"), ref("Rule 1, amended", "2026-12-01")
    for source in (first, other, first, other):
        notes = _Footnotes()
        assert notes.cite([source, source]) == "[^1][^1]"
        want = (
            f"[^1]: {source.title}, <https://example.gov/rule> "
            f"(official; undated, read {source.read_on})"
        )
        assert notes.lines() == [want]
        citations = Citations()
        assert citations.cite([source]) == "[S1]"
        assert citations.lines() == [
            f"[S1] {source.title} — https://example.gov/rule (read {source.read_on}; official)"
        ]


def test_an_implied_bachelors_step_keeps_the_json_contract() -> None:
    # Alaska's Type C route names a master's but no bachelor's: for someone with no degree the
    # plan adds a bachelor's step of its own (no requirement id), which is still a contract step
    fields = {
        "bachelor": "no",
        "master": "no",
        "school_library_program": "no",
        "teaching_license_status": "none",
        "background_check": "yes",
    }
    data = json.loads(render_json(run("AK", **fields)))
    step = data["plan"][0]
    assert step["kind"] == "bachelor"
    assert step["requirement_ids"] == []
    for key in ("order", "kind", "title", "months", "cost_usd", "after", "sources"):
        assert key in step
    assert step["months"] == [45.0, 52.0]
    assert step["sources"]
    assert all(s["url"].startswith("http") for s in step["sources"])
    jsonschema.validate(data, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def test_a_step_left_out_of_the_totals_says_so_in_the_json_report() -> None:
    # A licensed Florida teacher who left the bachelor's answer blank: the exam route lists
    # the degree (in case they have none) with its time, but plan_total leaves it out, and a
    # script can tell which step that is by its "counted" key
    fields = {
        "master": "no",
        "school_library_program": "no",
        "teaching_license_state": "FL",
        "teaching_license_status": "active",
        "teaching_years": 3,
        "exams": [],
        "background_check": "yes",
    }
    data = json.loads(render_json(run("FL", **fields)))
    degree = data["plan"][0]
    assert degree["kind"] == "bachelor"
    assert degree["counted"] is False
    assert degree["months"] is not None
    assert all(step["counted"] is True for step in data["plan"][1:])
    total = data["plan_total"]
    held = json.loads(render_json(run("FL", **fields, bachelor="yes")))["plan_total"]
    assert (total["months"], total["cost_usd"]) == (held["months"], held["cost_usd"])
    assert "not counting" in total["headline"]
    assert degree["title"] in total["note"]
    jsonschema.validate(data, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def test_a_route_a_license_would_open_is_in_the_json_report() -> None:
    # Maine: 36 graduate hours without a teaching certificate, 24 with one (MASL quoting
    # Ch. 115, https://maslibraries.org/Certification); the license answer left blank
    fields = {
        "bachelor": "yes",
        "master": "no",
        "school_library_program": "no",
        "teaching_years": 4,
        "background_check": "yes",
    }
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    data = json.loads(render_json(run("ME", **fields)))
    fork = data["if_licensed"]
    assert fork["pathway"] == "teacher-plus-hours"
    assert fork["license_state"] == "ME"
    assert fork["months"] == [16.0, 32.0]
    assert fork["headline"] in data["best_reason"]
    jsonschema.validate(data, schema)
    answered = json.loads(render_json(run("ME", **fields, teaching_license_status="none")))
    assert answered["if_licensed"] is None
    jsonschema.validate(answered, schema)
