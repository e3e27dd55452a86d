"""The interview: answers to a Profile, a fake prompter keyed by id, real widgets fed by a pipe."""

from __future__ import annotations

import io
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.document import Document
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output

from lmspath.ask.interview import (
    CTRL_C,
    PARTIAL_PROFILE,
    Ask,
    QuestionaryPrompter,
    ScriptedPrompter,
    _state_completer,
    answers_to_profile,
    load_context,
    review_rows,
    review_text,
    run_interview,
)
from lmspath.ask.questions import NOT_SURE, Context, ExamInfo, Question, ToolInfo, questions
from lmspath.errors import ExitCode, InputError, Interrupted
from lmspath.model.profile import Profile, build_profile
from lmspath.store.load import exam_index
from lmspath.store.profile_file import read_profile

CTX = Context(
    states=("TX", "NJ"),
    exams=(
        ExamInfo("texes-150", "TExES 150: School Librarian", (100, 300), "TExES 150"),
        ExamInfo("praxis-5312", "Praxis 5312: School Librarian", (100, 200), "Praxis 5312"),
    ),
    tools=(
        ToolInfo("destiny", "Destiny", "Library systems"),
        ToolInfo("canva", "Canva", "Creation tools"),
    ),
    exams_for_state=lambda code: {"TX": ("texes-150",), "NJ": ("praxis-5312",)}.get(code, ()),
)

#: A whole interview for someone with a library master's, by question id.
FULL: dict[str, object] = {
    "state": "tx",
    "bachelor": "yes",
    "master": "yes",
    "master_fields": ["library_science"],
    "master_ala_accredited": "yes",
    "school_library_program": "in_progress",
    "school_library_program_kind": "school_library",
    "school_library_program_state": "Texas",
    "library_credit_hours": "12",
    "teaching_license_status": "active",
    "teaching_license_state": "Texas",
    "teaching_years": "3",
    "school_library_years": "1",
    "exams": ["texes-150"],
    "exam_score:texes-150": "250",
    "practicum_hours": "",
    "portfolio": "in_progress",
    "background_check": "yes",
    "national_board": NOT_SURE,
    "tools": ["destiny"],
    "tools_other": "Padlet",
    "skills": "collection development, reader advisory",
    "review": "",
}

FULL_PROFILE = Profile(
    state="TX",
    bachelor="yes",
    master="yes",
    master_fields=("library_science",),
    master_ala_accredited="yes",
    school_library_program="in_progress",
    school_library_program_kind="school_library",
    school_library_program_state="TX",
    library_credit_hours=12,
    teaching_license_state="TX",
    teaching_license_status="active",
    teaching_years=3,
    school_library_years=1,
    exams=build_profile({"exams": "texes-150:250"}).exams,
    portfolio="in_progress",
    background_check="yes",
    tools=("destiny", "Padlet"),
    skills=("collection development", "reader advisory"),
)


def script(**changes: object) -> ScriptedPrompter:
    """The full interview's replies with some changed; DROP removes a reply."""
    replies = {**FULL, **changes}
    return ScriptedPrompter({k: v for k, v in replies.items() if v is not DROP})


DROP = object()


# --- the pure mapping --------------------------------------------------------------------------


def test_answers_to_profile_maps_a_whole_interview() -> None:
    assert answers_to_profile({k: v for k, v in FULL.items() if k != "review"}) == FULL_PROFILE


def test_answers_to_profile_matches_the_profile_file_road(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "state: Texas\nbachelor: yes\nmaster: yes\nmaster_fields: library_science\n"
        "master_ala_accredited: yes\nschool_library_program: in_progress\n"
        "school_library_program_kind: school_library\nschool_library_program_state: tx\n"
        "library_credit_hours: 12\nteaching_license_state: TX\nteaching_license_status: active\n"
        "teaching_years: 3\nschool_library_years: 1\nexams: TExES 150:250\n"
        "portfolio: in_progress\nbackground_check: yes\ntools: destiny; Padlet\n"
        "skills: collection development; reader advisory\n",
        encoding="utf-8",
    )
    assert read_profile(path, exam_index()) == FULL_PROFILE


def test_answers_to_profile_is_empty_for_no_answers() -> None:
    assert answers_to_profile({}) == Profile()


def test_answers_to_profile_drops_answers_that_no_longer_apply() -> None:
    profile = answers_to_profile({"master": "no", "master_fields": ["education"]})
    assert profile.master == "no"
    assert profile.master_fields is None


def test_no_exams_ticked_means_none_passed_not_unknown() -> None:
    assert answers_to_profile({"exams": []}).exams == ()
    assert answers_to_profile({}).exams is None


# --- the interview with a fake prompter keyed by question id -----------------------------------


def test_full_interview_asks_every_question_once_and_returns_the_profile() -> None:
    prompter = script()
    profile = run_interview(None, prompter=prompter, context=CTX)
    assert profile == FULL_PROFILE
    assert prompter.asked == [q for q in FULL if q != "review"] + ["review"]


def test_no_masters_skips_the_masters_questions() -> None:
    prompter = script(master="no", master_fields=DROP, master_ala_accredited=DROP)
    profile = run_interview(None, prompter=prompter, context=CTX)
    assert profile.master == "no"
    assert "master_fields" not in prompter.asked


def test_no_exams_means_no_score_questions() -> None:
    prompter = script(exams=[])
    del prompter.replies["exam_score:texes-150"]
    profile = run_interview(None, prompter=prompter, context=CTX)
    assert profile.exams == ()
    assert not [q for q in prompter.asked if q.startswith("exam_score")]


def test_a_score_question_for_each_exam_passed() -> None:
    prompter = script(exams=["praxis-5312", "texes-150"])
    prompter.replies["exam_score:praxis-5312"] = "160"
    profile = run_interview(None, prompter=prompter, context=CTX)
    assert profile.exams is not None
    assert [e.as_text() for e in profile.exams] == ["praxis-5312:160", "texes-150:250"]


def test_state_hint_answers_the_state_question() -> None:
    prompter = script(state=DROP)
    profile = run_interview(None, state_hint="New Jersey", prompter=prompter, context=CTX)
    assert profile.state == "NJ"
    assert "state" not in prompter.asked


def test_state_hint_overrides_the_partial_profiles_state() -> None:
    partial = build_profile({"state": "TX"})
    prompter = script(state=DROP)
    profile = run_interview(partial, state_hint="nj", prompter=prompter, context=CTX)
    assert profile.state == "NJ"
    assert prompter.asked[0] == "bachelor"


def test_ctrl_c_message_quotes_a_path_with_spaces(tmp_path: Path) -> None:
    target = tmp_path / "my answers.yaml"
    with pytest.raises(Interrupted) as caught:
        run_interview(None, prompter=script(master=CTRL_C), save_path=target, context=CTX)
    assert caught.value.message.endswith(f"--profile '{target}' --ask-missing)")
    assert target.exists()


def test_a_bad_state_hint_is_an_input_error_before_any_question() -> None:
    prompter = ScriptedPrompter({})
    with pytest.raises(InputError, match="--state: no rules data for CA"):
        run_interview(None, state_hint="CA", prompter=prompter, context=CTX)
    assert prompter.asked == []


def test_partial_profile_asks_only_what_is_missing() -> None:
    partial = FULL_PROFILE.replace(teaching_years=None, exams=None, skills=None)
    prompter = ScriptedPrompter(
        {
            "teaching_years": "5",
            "exams": ["texes-150"],
            "exam_score:texes-150": "",
            "practicum_hours": "",
            "national_board": "no",
            "skills": "",
            "review": "",
        }
    )
    profile = run_interview(partial, prompter=prompter, context=CTX)
    # FULL_PROFILE leaves practicum_hours and national_board out, so they are missing too.
    assert prompter.asked == [
        "teaching_years",
        "exams",
        "exam_score:texes-150",
        "practicum_hours",
        "national_board",
        "skills",
        "review",
    ]
    assert profile.teaching_years == 5
    assert profile.state == "TX"
    assert profile.tools == ("destiny", "Padlet")


def test_partial_profile_with_exams_does_not_ask_for_their_scores() -> None:
    partial = build_profile({"state": "TX", "exams": "texes-150"})
    prompter = script(state=DROP, exams=DROP)
    del prompter.replies["exam_score:texes-150"]
    profile = run_interview(partial, prompter=prompter, context=CTX)
    assert profile.exams == partial.exams
    assert not [q for q in prompter.asked if q.startswith("exam")]


def test_an_invalid_reply_is_refused_with_its_reason_and_asked_again() -> None:
    prompter = script(teaching_years=Ask(["70", "3"]))
    profile = run_interview(None, prompter=prompter, context=CTX)
    assert profile.teaching_years == 3
    assert prompter.asked.count("teaching_years") == 2
    assert "  '70' is more than 60; check the number" in prompter.said


# --- the review screen -------------------------------------------------------------------------


def test_review_lists_every_answer() -> None:
    answers = {k: v for k, v in FULL.items() if k != "review"}
    rows = review_rows(CTX, answers)
    assert [r.question.id for r in rows] == list(answers)
    shown = {r.question.id: r.shown for r in rows}
    assert shown["state"] == "TX (Texas)"
    assert shown["teaching_license_status"] == "Yes, and it is active"
    assert shown["exams"] == "TExES 150: School Librarian"
    assert shown["practicum_hours"] == "skipped"
    assert shown["national_board"] == "Not sure (skip)"
    assert shown["tools"] == "Destiny"


def test_review_text_wraps_at_80_columns_and_numbers_every_row() -> None:
    answers = {k: v for k, v in FULL.items() if k != "review"}
    answers["skills"] = "x" * 30 + ", " + "collection development and weeding " * 4
    text = review_text(review_rows(CTX, answers))
    assert all(len(line) <= 80 for line in text.splitlines())
    assert " 1. Target state: TX (Texas)" in text
    assert "22. Skills: " in text


def test_review_edit_changes_one_answer_without_starting_over() -> None:
    row = [q.id for q in questions(CTX, FULL)].index("teaching_years") + 1
    prompter = script(review=Ask([str(row), ""]), teaching_years=Ask(["3", "4"]))
    profile = run_interview(None, prompter=prompter, context=CTX)
    assert profile.teaching_years == 4
    assert profile.replace(**{"teaching_years": 3}) == FULL_PROFILE
    assert prompter.asked[-3:] == ["review", "teaching_years", "review"]
    assert prompter.defaults["teaching_years"] == "3"  # the edit starts from the current answer
    assert len(prompter.said) == 3  # intro, then the review screen twice


def test_review_edit_asks_questions_that_now_apply() -> None:
    row = [q.id for q in questions(CTX, FULL)].index("master") + 1
    prompter = script(
        master=Ask(["no", "yes"]),
        master_fields=["education"],
        master_ala_accredited=DROP,
        review=Ask([str(row), ""]),
    )
    profile = run_interview(None, prompter=prompter, context=CTX)
    assert profile.master == "yes"
    assert profile.master_fields == ("education",)
    assert prompter.asked[-4:] == ["review", "master", "master_fields", "review"]


def test_review_edit_drops_answers_that_no_longer_apply() -> None:
    row = [q.id for q in questions(CTX, FULL)].index("exams") + 1
    prompter = script(exams=Ask([["texes-150"], []]), review=Ask([str(row), ""]))
    profile = run_interview(None, prompter=prompter, context=CTX)
    assert profile.exams == ()
    assert "Score on" not in prompter.said[-1]


def test_an_exam_ticked_again_has_its_score_asked_again() -> None:
    row = [q.id for q in questions(CTX, FULL)].index("exams") + 1
    prompter = script(
        exams=Ask([["texes-150"], [], ["texes-150"]]),
        review=Ask([str(row), str(row), ""]),
    )
    prompter.replies["exam_score:texes-150"] = Ask(["250", "260"])
    profile = run_interview(None, prompter=prompter, context=CTX)
    assert profile.exams is not None
    assert [e.as_text() for e in profile.exams] == ["texes-150:260"]


def test_review_can_change_the_state() -> None:
    prompter = script(state=Ask(["tx", "NJ"]), review=Ask(["1", ""]))
    assert run_interview(None, prompter=prompter, context=CTX).state == "NJ"


# --- Ctrl-C ------------------------------------------------------------------------------------


def test_ctrl_c_saves_the_answers_so_far_and_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    prompter = script(teaching_years=CTRL_C)
    with pytest.raises(Interrupted) as caught:
        run_interview(None, prompter=prompter, context=CTX)
    assert caught.value.exit_code is ExitCode.INTERRUPTED
    assert int(caught.value.exit_code) == 130
    assert caught.value.message == (
        f"interrupted; your answers so far are saved in {PARTIAL_PROFILE} "
        f"(resume with: lmspath assess --profile {PARTIAL_PROFILE} --ask-missing)"
    )
    saved = read_profile(tmp_path / PARTIAL_PROFILE, exam_index())
    assert saved.teaching_license_state == "TX"
    assert saved.library_credit_hours == 12
    assert saved.teaching_years is None
    assert saved.exams is None


def test_ctrl_c_never_overwrites_answers_saved_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    earlier = "state: OK\nbachelor: yes\n"
    (tmp_path / PARTIAL_PROFILE).write_text(earlier, encoding="utf-8")
    with pytest.raises(Interrupted) as caught:
        run_interview(None, prompter=script(teaching_years=CTRL_C), context=CTX)
    assert "lmspath-partial-profile-2.yaml" in caught.value.message
    assert (tmp_path / PARTIAL_PROFILE).read_text(encoding="utf-8") == earlier
    saved = read_profile(tmp_path / "lmspath-partial-profile-2.yaml", exam_index())
    assert saved.state == "TX"


def test_ctrl_c_saves_to_the_save_profile_path(tmp_path: Path) -> None:
    target = tmp_path / "mine.json"
    with pytest.raises(Interrupted, match=re.escape(str(target))):
        run_interview(None, prompter=script(review=CTRL_C), save_path=target, context=CTX)
    assert read_profile(target, exam_index()) == FULL_PROFILE


def test_ctrl_c_before_any_answer_saves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(Interrupted, match="nothing was saved"):
        run_interview(None, prompter=script(state=CTRL_C), context=CTX)
    assert list(tmp_path.iterdir()) == []


def test_ctrl_d_counts_as_ctrl_c(tmp_path: Path) -> None:
    class EndOfInput(ScriptedPrompter):
        def ask(self, question: Question, default: object) -> object:
            if question.id == "master":
                raise EOFError
            return super().ask(question, default)

    target = tmp_path / "p.yaml"
    with pytest.raises(Interrupted):
        run_interview(None, prompter=EndOfInput(dict(FULL)), save_path=target, context=CTX)
    assert read_profile(target, exam_index()).bachelor == "yes"


def test_ctrl_c_when_the_save_fails_still_interrupts(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "p.yaml"
    with pytest.raises(Interrupted, match="could not be saved"):
        run_interview(None, prompter=script(master=CTRL_C), save_path=target, context=CTX)


def test_ctrl_c_on_a_resumed_profile_keeps_the_file_answers(tmp_path: Path) -> None:
    partial = build_profile({"state": "TX", "bachelor": "yes", "teaching_years": 2})
    target = tmp_path / "p.yaml"
    with pytest.raises(Interrupted, match="saved in"):
        run_interview(
            partial, prompter=script(school_library_program=CTRL_C), save_path=target, context=CTX
        )
    saved = read_profile(target, exam_index())
    assert (saved.state, saved.bachelor, saved.teaching_years, saved.master) == (
        "TX",
        "yes",
        2,
        "yes",
    )


# --- real questionary widgets fed keystrokes through a pipe ------------------------------------

DOWN = "\x1b[B"
UP = "\x1b[A"


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """A widget waiting for keys that never come fails the test instead of hanging it."""

    def alarm(_signum: int, _frame: FrameType | None) -> None:
        raise TimeoutError("a prompt waited for input that never came")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    with create_pipe_input() as inp:
        yield inp


class KeyedPipePrompter(QuestionaryPrompter):
    """The real widgets; before each question, the keystrokes scripted for its id are typed."""

    def __init__(self, keys: dict[str, object], inp: PipeInput) -> None:
        super().__init__(input=inp, output=DummyOutput())
        self.keys = keys
        self.pipe = inp
        self.asked: list[str] = []

    def ask(self, question: Question, default: object) -> object:
        self.asked.append(question.id)
        keys = self.keys[question.id]
        if isinstance(keys, Ask):
            keys = keys.pop(0)
        self.pipe.send_text(str(keys))
        return super().ask(question, default)


def real_question(qid: str, answers: dict[str, object] | None = None) -> Question:
    return next(q for q in questions(load_context(), answers or {}) if q.id == qid)


def test_real_widgets_run_a_whole_interview_with_an_edit(pipe: PipeInput) -> None:
    keys: dict[str, object] = {
        "state": "tx\r",
        # Every select starts on "Not sure (skip)", the last choice: Down wraps to the first.
        "bachelor": DOWN + "\r",  # Yes
        "master": UP + "\r",  # No
        "school_library_program": UP + UP + "\r",  # In progress
        "school_library_program_kind": DOWN + "\r",  # a school library program
        "school_library_program_state": "tx\r",
        "library_credit_hours": "12\r",
        "teaching_license_status": DOWN + "\r",  # active
        "teaching_license_state": "\r",  # starts on the target state, TX
        "teaching_years": Ask(["3\r", "\x7f4\r"]),
        "school_library_years": "\r",
        "exams": " \r",  # the first exam listed: Texas's own
        "exam_score:texes-150": "250\r",
        "practicum_hours": "160\r",
        "portfolio": UP + "\r",  # No
        "background_check": DOWN + "\r",  # Yes
        "national_board": UP + "\r",  # No
        "tools": "\r",
        "tools_other": "Canva, Padlet\r",
        "skills": "\r",
        "review": Ask(["10\r", "\r"]),  # row 10: years teaching
    }
    ctx = load_context()
    prompter = KeyedPipePrompter(keys, pipe)
    profile = run_interview(None, prompter=prompter, context=ctx)
    assert profile.state == "TX"
    assert profile.master == "no"
    assert profile.master_fields is None
    assert profile.school_library_program == "in_progress"
    assert profile.teaching_license_state == "TX"
    assert profile.teaching_years == 4
    assert profile.exams is not None
    assert [e.as_text() for e in profile.exams] == ["texes-150:250"]
    assert profile.practicum_hours == 160
    assert profile.portfolio == "none"
    assert profile.national_board == "no"
    assert profile.tools is not None
    assert profile.tools[-2:] == ("Canva", "Padlet")
    assert prompter.asked.count("teaching_years") == 2


def test_a_typed_number_is_checked_inline_with_the_reason_shown(pipe: PipeInput) -> None:
    screen = io.StringIO()
    output = Vt100_Output(screen, lambda: Size(rows=24, columns=80), term="xterm")
    prompter = QuestionaryPrompter(input=pipe, output=output)

    def type_then_fix() -> None:
        pipe.send_text("70\r")
        deadline = time.monotonic() + 10
        while "more than 60" not in screen.getvalue() and time.monotonic() < deadline:
            time.sleep(0.05)
        pipe.send_text("\x7f\x7f3\r")

    typist = threading.Thread(target=type_then_fix, daemon=True)
    typist.start()
    assert prompter.ask(real_question("teaching_years"), None) == "3"
    typist.join()
    assert "'70' is more than 60; check the number" in screen.getvalue()


def test_a_score_outside_the_scale_is_refused_inline(pipe: PipeInput) -> None:
    question = real_question("exam_score:texes-150", {"exams": ["texes-150"]})
    pipe.send_text("500\r" + "\x7f" * 3 + "240\r")
    assert QuestionaryPrompter(input=pipe, output=DummyOutput()).ask(question, None) == "240"


def test_the_state_completes_by_code_or_name() -> None:
    completer = _state_completer(real_question("state"))

    def offered(typed: str) -> list[str]:
        return [c.text for c in completer.get_completions(Document(typed), None)]  # type: ignore[arg-type]

    assert "Texas" in offered("tx")
    assert "Texas" in offered("tex")
    assert "New Jersey" in offered("jer")
    assert offered("") == []


def test_tab_completes_the_state_in_the_widget(pipe: PipeInput) -> None:
    prompter = QuestionaryPrompter(input=pipe, output=DummyOutput())

    def type_slowly() -> None:
        for key in ["t", "e", "x", "\t", "\r"]:
            time.sleep(0.2)
            pipe.send_text(key)

    threading.Thread(target=type_slowly, daemon=True).start()
    assert prompter.ask(real_question("state"), None) == "Texas"


def test_checkbox_keeps_the_current_ticks_when_edited(pipe: PipeInput) -> None:
    question = real_question("master_fields")
    pipe.send_text(DOWN + DOWN + " \r")  # tick Education as well
    prompter = QuestionaryPrompter(input=pipe, output=DummyOutput())
    assert prompter.ask(question, ["library_science"]) == ["library_science", "education"]


def test_select_starts_on_the_current_answer(pipe: PipeInput) -> None:
    pipe.send_text("\r")
    prompter = QuestionaryPrompter(input=pipe, output=DummyOutput())
    assert prompter.ask(real_question("bachelor"), "in_progress") == "in_progress"


def test_ctrl_c_in_a_widget_interrupts_the_interview(pipe: PipeInput, tmp_path: Path) -> None:
    keys: dict[str, object] = {"state": "nj\r", "bachelor": DOWN + "\r", "master": "\x03"}
    target = tmp_path / "partial.yaml"
    with pytest.raises(Interrupted, match="saved in"):
        run_interview(None, prompter=KeyedPipePrompter(keys, pipe), save_path=target)
    saved = read_profile(target, exam_index())
    assert (saved.state, saved.bachelor, saved.master) == ("NJ", "yes", None)


def test_the_cli_does_not_import_questionary_until_the_questionnaire_runs() -> None:
    code = (
        "import sys\n"
        "from lmspath.cli import get_app\n"
        "get_app()\n"
        "assert 'questionary' not in sys.modules, 'questionary imported at start-up'\n"
        "import lmspath.ask.interview\n"
        "assert 'questionary' not in sys.modules, 'questionary imported with the module'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
