"""Questionnaire manners: neutral defaults, skips, prefixes, progress, lists as text, "Stopped"."""

from __future__ import annotations

import io
import signal
from collections.abc import Iterator

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output
from typer.testing import CliRunner

from lmspath.ask.interview import (
    QuestionaryPrompter,
    ScriptedPrompter,
    load_context,
    review_rows,
    review_text,
    run_interview,
)
from lmspath.ask.questions import NOT_SURE, Question, applies, initial_answer, questions
from lmspath.cli import get_app
from lmspath.errors import Interrupted
from lmspath.model.profile import Profile

DOWN = "\x1b[B"


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    def alarm(_signum: int, _frame: object) -> None:
        raise TimeoutError("a prompt waited for input that never came")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(20)
    with create_pipe_input() as inp:
        yield inp
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def real_question(qid: str, answers: dict[str, object] | None = None) -> Question:
    return next(q for q in questions(load_context(), answers or {}) if q.id == qid)


# --- neutral defaults


@pytest.mark.parametrize(
    "qid",
    ["bachelor", "master", "school_library_program", "teaching_license_status", "portfolio"],
)
def test_enter_on_an_unanswered_select_claims_nothing(pipe: PipeInput, qid: str) -> None:
    question = real_question(qid)
    pipe.send_text("\r")
    prompter = QuestionaryPrompter(input=pipe, output=DummyOutput())
    assert prompter.ask(question, initial_answer(question, None, {})) == NOT_SURE


def test_every_select_that_could_claim_something_starts_on_not_sure() -> None:
    ctx = load_context()
    for question in questions(ctx, {"state": "TX"}):
        if question.kind == "select":
            assert initial_answer(question, None, {}) == NOT_SURE, question.id
            assert initial_answer(question, "yes", {}) == "yes"  # an answer is kept


def test_license_state_starts_on_the_target_state(pipe: PipeInput) -> None:
    answers: dict[str, object] = {"state": "Texas", "teaching_license_status": "active"}
    question = real_question("teaching_license_state", answers)
    assert initial_answer(question, None, answers) == "TX"
    pipe.send_text("\r")
    prompter = QuestionaryPrompter(input=pipe, output=DummyOutput())
    assert prompter.ask(question, initial_answer(question, None, answers)) == "TX"


# --- skip what cannot apply


@pytest.mark.parametrize(
    ("answers", "asked"),
    [
        ({"teaching_license_status": "none"}, False),
        ({"teaching_license_status": "active", "teaching_years": "0"}, False),
        ({"teaching_license_status": "active", "teaching_years": "4"}, True),
        ({"teaching_license_status": "expired", "teaching_years": "3"}, True),
        ({}, True),
    ],
)
def test_national_board_is_asked_only_of_licensed_teachers(
    answers: dict[str, object], asked: bool
) -> None:
    assert applies("national_board", answers) is asked


def test_a_career_changer_is_not_asked_about_national_board() -> None:
    replies: dict[str, object] = {
        "state": "CA",
        "bachelor": "yes",
        "master": "no",
        "school_library_program": "no",
        "library_credit_hours": "0",
        "teaching_license_status": "none",
        "teaching_years": "0",
        "school_library_years": "0",
        "exams": [],
        "practicum_hours": "0",
        "portfolio": "none",
        "background_check": "no",
        "tools": [],
        "tools_other": "",
        "skills": "",
        "review": "",
    }
    prompter = ScriptedPrompter(replies)
    profile = run_interview(None, prompter=prompter, context=load_context())
    assert "national_board" not in prompter.asked
    assert profile.national_board == "no"


# --- unique prefixes


def test_a_unique_prefix_of_a_state_name_is_accepted(pipe: PipeInput) -> None:
    question = real_question("state")
    assert question.validate("calif") is None
    assert question.validate("new") is not None  # New York, New Jersey, ...: not unique
    pipe.send_text("calif\r")
    prompter = QuestionaryPrompter(input=pipe, output=DummyOutput())
    assert prompter.ask(question, None) == "calif"


def test_a_prefix_is_kept_as_the_state_code() -> None:
    replies: dict[str, object] = {
        "state": "calif",
        "bachelor": "yes",
        "master": "no",
        "school_library_program": "no",
        "library_credit_hours": "",
        "teaching_license_status": "active",
        "teaching_license_state": "Massach",
        "teaching_years": "2",
        "school_library_years": "",
        "exams": [],
        "practicum_hours": "",
        "portfolio": NOT_SURE,
        "background_check": NOT_SURE,
        "national_board": NOT_SURE,
        "tools": [],
        "tools_other": "",
        "skills": "",
        "review": "",
    }
    profile = run_interview(None, prompter=ScriptedPrompter(replies), context=load_context())
    assert profile.state == "CA"
    assert profile.teaching_license_state == "MA"


# --- progress


def test_each_question_says_where_it_stands(pipe: PipeInput) -> None:
    screen = io.StringIO()
    output = Vt100_Output(screen, lambda: Size(rows=24, columns=80), term="xterm")

    class Once(QuestionaryPrompter):
        def ask(self, question: Question, default: object) -> object:
            self.seen = question.progress
            raise KeyboardInterrupt

    prompter = Once(input=pipe, output=output)
    with pytest.raises(Exception, match="interrupted"):
        run_interview(None, prompter=prompter, context=load_context())
    assert prompter.seen.startswith("1 of ")
    total = int(prompter.seen.split(" of ")[1])
    assert 15 <= total <= 25


def test_progress_counts_up_and_is_shown_in_the_prompt(pipe: PipeInput) -> None:
    screen = io.StringIO()
    output = Vt100_Output(screen, lambda: Size(rows=24, columns=80), term="xterm")
    seen: list[str] = []

    class Recorder(ScriptedPrompter):
        def ask(self, question: Question, default: object) -> object:
            seen.append(question.progress)
            return super().ask(question, default)

    replies: dict[str, object] = {
        "state": "TX",
        "bachelor": "yes",
        "master": "no",
        "school_library_program": "no",
        "library_credit_hours": "",
        "teaching_license_status": "none",
        "teaching_years": "0",
        "school_library_years": "",
        "exams": [],
        "practicum_hours": "",
        "portfolio": NOT_SURE,
        "background_check": NOT_SURE,
        "tools": [],
        "tools_other": "",
        "skills": "",
        "review": "",
    }
    run_interview(None, prompter=Recorder(replies), context=load_context())
    numbers = [int(p.split(" of ")[0]) for p in seen if p]
    assert numbers == list(range(1, len(numbers) + 1))
    last = seen[len(numbers) - 1]
    assert last == f"{len(numbers)} of {len(numbers)}"  # the count is right by the end
    # The widget shows it before the question.
    pipe.send_text("TX\r")
    question = real_question("state")
    shown = QuestionaryPrompter(input=pipe, output=output)
    from dataclasses import replace

    shown.ask(replace(question, progress="1 of 17"), None)
    assert "In which state" in screen.getvalue()
    assert "(1 of 17; a code or a name" in screen.getvalue()


# --- lists on the review screen


def test_lists_from_a_profile_show_as_text_on_the_review_screen() -> None:
    partial = Profile(
        state="NY",
        tools=("Canva",),
        skills=("cataloging", "reference interviews", "MARC"),
    )
    ctx = load_context()
    from lmspath.ask.questions import profile_to_answers

    rows = review_rows(ctx, profile_to_answers(partial, ctx))
    text = review_text(rows)
    assert "Skills: cataloging, reference interviews, MARC" in text
    assert "Other tools: Canva" in text or "Tools you use: Canva" in text
    assert "[" not in text
    assert "'" not in text


# --- Ctrl-C says "Stopped"


@pytest.mark.parametrize(
    "raised",
    [KeyboardInterrupt(), Interrupted("interrupted; your answers so far are saved in p.yaml")],
)
def test_ctrl_c_is_stopped_not_an_error(monkeypatch: pytest.MonkeyPatch, raised: Exception) -> None:
    import lmspath.ask.interview as questionnaire

    def interrupted(*_args: object, **_kwargs: object) -> Profile:
        raise raised

    monkeypatch.setattr(questionnaire, "run_interview", interrupted)
    monkeypatch.setattr("lmspath.render.console.is_interactive", lambda: True)
    result = CliRunner().invoke(get_app(), ["assess"])
    assert result.exit_code == 130
    assert result.stderr.startswith("Stopped")
    assert "Error" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
