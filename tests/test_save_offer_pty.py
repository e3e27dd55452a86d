"""After the questionnaire, the offer to keep the answers and the printable plan (a real pty)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lmspath.cli.assess_output import save_name_problem
from lmspath.store.load import exam_index
from lmspath.store.profile_file import read_profile
from tests.test_questionnaire_pty import ENTER, Interview, plain, spawn

pytestmark = pytest.mark.slow


def _answer_everything_blank(run: Interview) -> None:
    """Enter at every question: each starts on a choice that claims nothing."""
    run.answer("In which state", "tx" + ENTER)
    seen = {1}
    while True:
        hit = run.child.expect([r"\((\d+) of \d+", "Type the number of an answer"])
        if hit == 1:
            run.child.send(ENTER)
            return
        number = int(run.child.match.group(1))
        if number not in seen:  # a question is drawn more than once; answer it once
            seen.add(number)
            run.child.send(ENTER)


def test_the_answers_and_the_plan_can_be_kept_under_one_name(tmp_path: Path) -> None:
    run = Interview(spawn(["assess"], tmp_path))
    _answer_everything_blank(run)
    run.answer("Keep your answers and the full plan", "me" + ENTER)
    status = run.finish()
    screen = plain(run.raw)
    assert status == 0, screen[-2000:]
    assert "Texas (TX): " in screen  # the summary came first
    assert "Saved your answers in me.yaml" in screen
    saved = read_profile(tmp_path / "me.yaml", exam_index())
    assert saved.state == "TX"
    assert saved.bachelor is None  # Enter on "Not sure" claimed nothing
    assert (tmp_path / "me.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_enter_skips_the_offer_and_writes_nothing(tmp_path: Path) -> None:
    run = Interview(spawn(["assess"], tmp_path))
    _answer_everything_blank(run)
    run.answer("Keep your answers and the full plan", ENTER)
    assert run.finish() == 0
    assert list(tmp_path.iterdir()) == []


def test_a_name_in_use_is_refused_so_nobody_s_answers_are_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "me.yaml").write_text("state: TX\n", encoding="utf-8")
    assert save_name_problem("me") == "me.yaml already exists; choose another name"
    assert save_name_problem("you") is None
    assert save_name_problem("") is None
    assert save_name_problem("no/such/folder/me") is not None
