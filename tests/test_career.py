"""`lmspath career` and the career lines of every assess report, end to end."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from lmspath.api.assess import Format, assessment_for, render_text
from lmspath.cli import get_app
from lmspath.engine.career import career_report, career_summary
from lmspath.render.career_view import career_markdown, career_terminal
from lmspath.render.json_report import render_json
from lmspath.store import market as market_data
from lmspath.store.load import default_data_dir
from lmspath.store.market import load_market
from tests.conftest import Golden
from tests.helpers import TODAY, profile

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "oews" / "state_M2099_dl.xlsx"
TEACHER = {"bachelor": "yes", "master": "no", "teaching_license_status": "active"}


def _invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(get_app(), list(args))
    return result.exit_code, result.stdout, result.stderr


def test_career_markdown_golden(golden: Golden) -> None:
    code, out, _ = _invoke("career", "AL", "--format", "markdown")
    assert code == 0
    golden.check("career/al.md", out)


def test_career_national_markdown_golden(golden: Golden) -> None:
    code, out, _ = _invoke("career", "--format", "markdown")
    assert code == 0
    assert "States with facts on record: AL, AK, AZ, AR, CA, NC, TX" in out
    golden.check("career/national.md", out)


def test_career_terminal_golden(golden: Golden) -> None:
    from lmspath.render.console import render_plain

    report = career_report(load_market(), "TX", "Texas")
    text = render_plain(career_terminal(report), 80)
    assert "\x1b[" not in text
    long = [line for line in text.splitlines() if len(line) > 80]
    assert all(line.startswith("   http") for line in long), long
    assert "   http://texreg.sos.state.tx.us/public/readtac$ext.TacPage?sl=T&app=9" in text
    golden.check("career/tx.txt", text)


def test_a_state_with_nothing_on_record_says_so_plainly() -> None:
    report = career_report(load_market(), "WY", "Wyoming")
    assert report.state_facts == []
    assert len(report.not_known) == 4
    text = career_markdown(report)
    assert "No facts on record for Wyoming." in text
    assert "Not known for Wyoming (no source on record): OEWS wages for 25-4022" in text
    # The national facts and the ladder are still there, each with a numbered source.
    assert "$61,660 a year | May 2022 | [1]" in text
    assert "## After certification: the career ladder" in text


def test_every_shown_fact_has_a_source_in_the_list() -> None:
    report = career_report(load_market(), "AL", "Alabama")
    ids = {ref.id for ref in report.sources}
    for fact in report.national + report.state_facts:
        if fact.known:
            assert fact.source in ids, fact.key
            assert fact.period, fact.key


def test_career_json_and_output_file(tmp_path: Path) -> None:
    code, out, _ = _invoke("career", "texas", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["state"] == "TX"
    assert any(f["key"] == "salary_schedule" for f in data["state_facts"])
    assert "OEWS wages for 25-4022 (all library settings)" in data["not_known"]
    assert [s["id"] for s in data["ladder"]][:2] == ["school-librarian", "national-board"]
    target = tmp_path / "tx.md"
    code, _, err = _invoke("career", "TX", "--output", str(target))
    assert code == 0
    assert "Wrote" in err
    assert target.read_text(encoding="utf-8").startswith("# Career facts: Texas (TX)")


@pytest.mark.parametrize(
    ("args", "exit_code", "words"),
    [
        (["career", "Texsa"], 3, "Error: unknown state 'Texsa'; did you mean TX (Texas)?"),
        (["career", "TX", "--format", "pdf"], 3, "Error: --format: 'pdf' is not one of"),
        (["career", "TX", "--output", "x.pdf"], 3, "Error: --output: cannot tell the format"),
    ],
)
def test_bad_input_is_one_line(args: list[str], exit_code: int, words: str) -> None:
    code, _, err = _invoke(*args)
    assert code == exit_code
    assert err.startswith(words)
    assert len(err.strip().splitlines()) == 1


def test_an_invalid_market_file_exits_4_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    raw = yaml.safe_load((default_data_dir() / "market.yaml").read_text(encoding="utf-8"))
    del raw["national"]["ooh"][0]["median_pay"]["period"]
    (folder / "market.yaml").write_text(yaml.safe_dump(raw), encoding="utf-8")
    monkeypatch.setattr(market_data, "default_data_dir", lambda: folder)
    load_market.cache_clear()
    try:
        code, _, err = _invoke("career", "TX")
    finally:
        load_market.cache_clear()
    assert code == 4
    assert err.startswith("Error: data/market.yaml: national.ooh.0.median_pay: Value error, ")
    assert "has no reference period" in err
    assert len(err.strip().splitlines()) == 1


def test_career_subprocess() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "lmspath", "career", "AK", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    mandate = next(f for f in data["state_facts"] if f["key"] == "mandate")
    assert mandate["text"] == "no"
    assert mandate["source"] == "slide-state-requirements-2021"


# The two lines in every assess report -------------------------------------------------------


def test_report_lines_without_state_figures() -> None:
    result = assessment_for(profile(state="TX", **TEACHER), "TX", today=TODAY)
    text = render_text(result, Format.markdown)
    assert (
        "- Pay: median $61,660 a year nationally (May 2022); $69,880 in local elementary and "
        "secondary schools (May 2024). Openings: about 13,700 a year nationally (2022-32).\n"
        "- BLS occupation 25-4022 also counts public and academic librarians; no Texas wage "
        "figure on record. More, with sources: lmspath career TX.\n"
    ) in text
    terminal = render_text(result, Format.terminal, width=100)
    assert "More, with sources: lmspath career TX." in terminal
    data = json.loads(render_json(result))
    assert data["career"]["median_pay_scope"] == "national"
    assert data["career"]["annual_openings"] == 13700
    assert data["career"]["command"] == "lmspath career TX"


def _data_with_state_wages(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(default_data_dir(), folder)
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "import_oews.py"), str(FIXTURE),
         "--market", str(folder / "market.yaml"), "--read-on", "2026-12-05"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return folder


def test_report_lines_with_state_figures(tmp_path: Path) -> None:
    folder = _data_with_state_wages(tmp_path)
    market = load_market.__wrapped__(folder)
    summary = career_summary(market, "AL", "Alabama")
    assert summary.median_pay_scope == "state"
    assert summary.median_pay_usd == 57000
    assert summary.lines[0].startswith(
        "Pay: median $57,000 a year in Alabama (May 2099); $61,660 a year nationally (May 2022)"
    )
    assert "no Alabama wage figure" not in summary.lines[1]
    result = assessment_for(profile(state="AL", **TEACHER), "AL", today=TODAY, data_dir=folder)
    text = render_text(result, Format.markdown)
    assert "- Pay: median $57,000 a year in Alabama (May 2099)" in text
    # A state whose other wage cells were BLS footnote marks still shows its own median.
    ak = career_summary(market, "AK", "Alaska")
    assert ak.median_pay_scope == "state"
    assert ak.median_pay_usd == 66000
    # A compare column shows the state's own median only, never the national one.
    from lmspath.engine.career import state_median_wage

    al_median = state_median_wage(market, "AL")
    assert al_median is not None
    assert (al_median.value, al_median.period) == (57000, "May 2099")
    assert state_median_wage(market, "WY") is None
    assert state_median_wage(load_market(), "AL") is None
    # DATA.md says which states have wages once they are imported.
    from lmspath.render.data_md_market import market_section
    from lmspath.store.load import load_state

    section = "\n".join(market_section([load_state(c) for c in ("AL", "WY")], market))
    assert "| AL Alabama | median May 2099 | 2020-21 school year | yes (medium) | - |" in section
    assert "| WY Wyoming | - | - | - | - |" in section
    assert "1 have OEWS wages" in section


def test_cohort_summary_names_the_facts_for_the_cohorts_states(tmp_path: Path) -> None:
    intake = tmp_path / "in.csv"
    intake.write_text("client_id,state,bachelor\nc1,TX,yes\nc2,AL,yes\nc3,AL,no\n", "utf-8")
    summary = tmp_path / "cohort.md"
    code, _, err = _invoke(
        "batch", str(intake), "--output", str(tmp_path / "r.csv"), "--summary", str(summary)
    )
    assert code == 0, err
    text = summary.read_text(encoding="utf-8")
    assert "## Pay, openings and staffing in the cohort's states" in text
    assert "median pay $61,660 a year (May 2022), about 13,700 openings a year" in text
    assert (
        "| AL | 2 | - | 1,430 people (2020-21 school year) "
        "| yes (January 2021 (updated March 2021)) | - |"
    ) in text
    assert "| TX | 1 | - | - | - | yes |" in text
    assert "| WY |" not in text
