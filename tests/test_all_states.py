"""Every jurisdiction: data checks out, a beginner gets a plan, a qualified person is eligible."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lmspath.api.data_md import render_data_md
from lmspath.cli import get_app
from lmspath.engine.assess import assess
from lmspath.model.states import JURISDICTIONS
from lmspath.store.check import check_dir, full_profile
from lmspath.store.load import (
    available_states,
    default_data_dir,
    load_estimates,
    load_exams,
    load_state,
)
from tests.helpers import ONLY_BACHELOR, TODAY, run

ROOT = Path(__file__).resolve().parents[1]
STATES = list(JURISDICTIONS)


def test_all_51_jurisdictions_ship_rules() -> None:
    assert available_states() == STATES


def test_shipped_data_passes_the_data_check() -> None:
    assert check_dir(default_data_dir(), TODAY) == []


@pytest.mark.parametrize("code", STATES)
def test_only_a_bachelor_gets_not_yet_and_a_first_step_to_act_on(code: str) -> None:
    result = run(code, **ONLY_BACHELOR)
    assert result.verdict == "not_yet"
    steps = result.plan.steps
    assert len(steps) >= 2
    assert steps[-1].kind == "application"
    first = steps[0]
    assert first.after == []
    assert first.kind != "application"
    assert first.title


@pytest.mark.parametrize("code", STATES)
def test_every_credential_is_eligible(code: str) -> None:
    rules = load_state(code)
    result = assess(full_profile(rules), rules, load_estimates(), load_exams(), today=TODAY)
    assert result.verdict == "eligible", result.verdict_reason
    best = next(p for p in result.pathways if p.id == result.best_pathway)
    assert best.complete
    assert best.audience == "general"


@pytest.mark.parametrize("code", STATES)
def test_every_requirement_cites_a_dated_source(code: str) -> None:
    result = run(code, bachelor="yes")
    for pathway in result.pathways:
        for req in pathway.requirements:
            assert req.sources, f"{code} {pathway.id}.{req.id} has no source"
            assert all(s.url.startswith("http") and s.read_on for s in req.sources)


def test_states_command_lists_51_rows() -> None:
    result = CliRunner().invoke(get_app(), ["states", "--format", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [r["code"] for r in rows] == STATES


def test_data_md_is_current() -> None:
    from lmspath.api.data_md_coverage import shipped_assess
    from lmspath.store.market import load_market
    from lmspath.store.programs import load_programs

    states = [load_state(c) for c in available_states()]
    expected = render_data_md(
        states, load_programs(), load_market(), shipped_assess(dt.date(2026, 12, 5))
    )
    actual = (ROOT / "DATA.md").read_text(encoding="utf-8")
    assert actual == expected, "DATA.md is out of date: run python scripts/gen_data_md.py"


@pytest.mark.parametrize("code", STATES)
def test_source_addresses_are_whole(code: str) -> None:
    # A URL copied from a cut-off listing ('...') cannot be followed by the reader.
    for src in load_state(code).sources:
        assert " " not in src.url, (code, src.id)
        assert not src.url.endswith(("...", "…")), (code, src.id)
