"""Exam steps carry the vendor, registration page, fee, format, length and cut score, and show a
last-known cut beside a cut that is not confirmed, never as the current one."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from lmspath.cli import get_app
from lmspath.model.results import PlanStep
from lmspath.store.load import load_exams
from tests.helpers import ONLY_BACHELOR, run

ROOT = Path(__file__).resolve().parent.parent
STATES = sorted(p.stem for p in (ROOT / "data" / "requirements").glob("*.yaml"))

KS_TEACHER = {
    "state": "KS",
    "bachelor": "yes",
    "master": "yes",
    "master_fields": ["education"],
    "teaching_license_state": "KS",
    "teaching_license_status": "active",
    "teaching_years": 5,
    "exams": [],
}


def _profile_file(tmp_path: Path, fields: dict[str, object]) -> Path:
    path = tmp_path / "profile.yaml"
    path.write_text(yaml.safe_dump(fields), encoding="utf-8")
    return path


def _invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(get_app(), list(args))
    return result.exit_code, result.stdout, result.stderr


def _exam_steps(report: dict[str, Any]) -> list[dict[str, Any]]:
    # The JSON report's ``plan`` is the list of steps (the contract).
    return [s for s in report["plan"] if s["kind"] == "exam"]


def test_json_exam_step_names_vendor_link_fee_length_and_last_known_cut(tmp_path: Path) -> None:
    code, out, err = _invoke(
        "assess", "--profile", str(_profile_file(tmp_path, KS_TEACHER)), "--format", "json"
    )
    assert code == 0, err
    (step,) = _exam_steps(json.loads(out))
    facts = step["exam"]
    assert facts["vendor"] == "Praxis"
    assert facts["code"] == "5312"
    assert facts["registration_url"] == "https://www.ets.org/praxis/"
    assert step["link"] == facts["registration_url"]
    assert facts["fee_usd"] == 130
    assert facts["length"] == "2 hours"
    # Kansas's 5312 cut is not confirmed: the 5311-era 153 is history, not the cut.
    assert facts["cut_score"] is None
    past = facts["last_known_cut"]
    assert (past["score"], past["test"], past["as_of"]) == (153, "Praxis 5311", "2023")
    assert past["source"]["url"].startswith("http://schoollibraryconnection.com/")
    # Its source and the registration page's are cited on the step.
    urls = {s["url"] for s in step["sources"]}
    assert past["source"]["url"] in urls
    assert "https://origin-www.ets.org/praxis/faq_test_takers/" in urls


def test_markdown_and_terminal_show_the_last_known_cut_as_history(tmp_path: Path) -> None:
    profile = str(_profile_file(tmp_path, KS_TEACHER))
    code, md, _ = _invoke("assess", "--profile", profile, "--format", "markdown")
    assert code == 0
    assert (
        "   - Exam: cut score not confirmed; last known: Praxis 5311, 2023: 153 "
        "(School Library Connection archive, Kansas (last updated 2023)); "
        "Praxis 5312 cut not confirmed"
    ) in md
    assert "   - Link: <https://www.ets.org/praxis/>" in md
    assert not re.search(r"cut score 153", md)
    code, text, _ = _invoke("assess", "--profile", profile, "--format", "terminal")
    assert code == 0
    flat = " ".join(text.replace("│", " ").split())
    assert "cut score not confirmed; last known: Praxis 5311, 2023: 153" in flat


def test_a_confirmed_cut_has_no_last_known_figure() -> None:
    result = run("TX", **ONLY_BACHELOR)
    (step,) = [s for s in result.plan.steps if s.kind == "exam"]
    assert step.exam is not None
    assert step.exam.cut_score == 240
    assert step.exam.last_known_cut is None
    assert step.exam.registration_url == "https://www.tx.nesinc.com/"
    # The state's own exam fee wins over the vendor's, on the step and in its facts alike.
    assert step.exam.fee_usd == 116 == (step.cost_usd or (0, 0))[0]


@pytest.mark.parametrize("code", STATES)
def test_every_exam_step_in_every_state_carries_its_facts(code: str) -> None:
    result = run(code, **ONLY_BACHELOR)
    catalog = {e.id: e for e in load_exams().exams}
    exam_steps: list[PlanStep] = [s for s in result.plan.steps if s.kind == "exam"]
    for step in exam_steps:
        assert step.exam is not None, f"{code}: {step.title}"
        exam = catalog[step.exam.exam]
        assert step.exam.vendor == exam.vendor
        assert step.link == (exam.registration_url or step.link)
        if step.exam.cut_score is not None:
            assert step.exam.last_known_cut is None


def test_every_current_exam_has_a_cited_registration_page_or_says_why_not() -> None:
    catalog = load_exams()
    ids = {s.id for s in catalog.sources}
    with_page = [e.id for e in catalog.exams if e.registration_url]
    assert {"praxis-5312", "texes-150", "ftce-010", "nystce-074", "gace-601"} <= set(with_page)
    for exam in catalog.exams:
        if exam.registration_url:
            assert exam.registration_source in ids


def _data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def _check(data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lmspath", "data", "check", str(data)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_data_check_refuses_an_uncited_registration_page(tmp_path: Path) -> None:
    data = _data_copy(tmp_path)
    path = data / "exams" / "praxis.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "registration_source: ets-praxis-faq", "registration_source: nowhere"
        ),
        encoding="utf-8",
    )
    done = _check(data)
    assert done.returncode == 4
    assert "exams: praxis-5312.registration_source: 'nowhere' is not a known source" in done.stderr
    assert "Traceback" not in done.stderr


def test_data_check_refuses_a_last_known_cut_beside_a_current_one(tmp_path: Path) -> None:
    data = _data_copy(tmp_path)
    path = data / "requirements" / "KS.yaml"
    text = path.read_text(encoding="utf-8")
    assert "cut_score: null\n        last_known_cut:" in text
    path.write_text(
        text.replace(
            "cut_score: null\n        last_known_cut:", "cut_score: 150\n        last_known_cut:"
        ).replace("source: slc-ks-2023}", "source: nowhere}"),
        encoding="utf-8",
    )
    done = _check(data)
    assert done.returncode == 4
    err = done.stderr
    assert "last_known_cut.source: 'nowhere' is not in this file's sources" in err
    assert "last_known_cut: only for a cut score that is not confirmed (null)" in err


def test_rules_and_exams_commands_show_history_registration_and_fee_procedure() -> None:
    code, out, _ = _invoke("rules", "KS", "--format", "markdown")
    assert code == 0
    assert (
        "cut score not confirmed (last known: Praxis 5311, 2023: 153, source slc-ks-2023; "
        "history, not the current cut)"
    ) in " ".join(out.split())
    code, out, _ = _invoke("rules", "MN", "--format", "markdown")
    assert code == 0
    assert "| $90.25 |" in out
    assert "How: be fingerprinted on an FD-258 card" in out
    code, out, _ = _invoke("exams", "--format", "json")
    assert code == 0
    rows = {r["id"]: r for r in json.loads(out)}
    assert rows["praxis-5312"]["registration_url"] == "https://www.ets.org/praxis/"
    assert rows["moca-042"]["registration_url"] == "not on record"
    assert rows["osat-138"]["length"] == "4 hours"


def test_an_exam_step_names_the_exam_and_its_cut_once() -> None:
    """The step's title already says 'Pass TExES 150 School Librarian; cut score 240': its
    facts add the fee, format and length, not the name and cut again; facts shown without
    such a title still name the exam and its cut."""
    from lmspath.engine.exam_facts import facts_lines
    from lmspath.render.markdown import render_markdown

    result = run("TX", **ONLY_BACHELOR)
    (step,) = [s for s in result.plan.steps if s.kind == "exam"]
    assert step.exam is not None
    assert step.title == "Pass TExES 150 School Librarian; cut score 240"
    assert facts_lines(step.exam, register=False, title=step.title) == [
        "fee $116; format not confirmed; length not confirmed"
    ]
    bare = facts_lines(step.exam, register=False)
    assert bare[0] == "TExES 150 School Librarian; fee $116"
    assert "cut score 240" in bare
    md = render_markdown(result)
    plan = md[md.index("## Your plan") : md.index("## Requirements by pathway")]
    # the step's title, and the totals line naming the step whose time is not counted
    assert plan.count("cut score 240") == plan.count("Pass TExES 150 School Librarian;") == 2
    assert "   - Exam: fee $116; format not confirmed; length not confirmed" in plan


def test_steps_waited_for_are_said_in_words() -> None:
    from lmspath.render.text import steps_words

    assert steps_words([1]) == "step 1"
    assert steps_words([1, 2]) == "steps 1 and 2"
    assert steps_words([1, 2, 4]) == "steps 1, 2 and 4"
