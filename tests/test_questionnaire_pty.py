"""`lmspath assess` in a real pseudo-terminal: a whole interview, Ctrl-C midway, and no terminal."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pexpect
import pytest

from lmspath.store.load import exam_index
from lmspath.store.profile_file import read_profile

pytestmark = pytest.mark.slow

LMSPATH = shutil.which("lmspath", path=str(Path(sys.executable).parent)) or "lmspath"
DOWN = "\x1b[B"
UP = "\x1b[A"
ENTER = "\r"
BACKSPACE = "\x7f"


def terminal_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COLUMNS", "LINES"))}
    env.update(
        TERM="xterm",
        NO_COLOR="1",
        COLUMNS="80",
        LINES="24",
        # The test terminal does not answer cursor-position requests; say so up front.
        PROMPT_TOOLKIT_NO_CPR="1",
    )
    return env


def spawn(args: list[str], cwd: Path) -> pexpect.spawn:
    return pexpect.spawn(
        LMSPATH,
        args,
        cwd=str(cwd),
        env=terminal_env(),
        dimensions=(24, 80),
        encoding="utf-8",
        codec_errors="replace",
        timeout=10,
    )


class Interview:
    """Answer questions by the text they show: wait for the question, then type."""

    def __init__(self, child: pexpect.spawn) -> None:
        self.child = child
        self.log = io.StringIO()
        child.logfile_read = self.log

    @property
    def raw(self) -> str:
        """Everything the program wrote to the terminal so far."""
        return self.log.getvalue()

    def answer(self, question: str, keys: str) -> None:
        self.child.expect(question)
        self.child.send(keys)

    def finish(self) -> int:
        self.child.expect(pexpect.EOF)
        self.child.close()
        status = self.child.exitstatus
        assert status is not None, f"killed by signal {self.child.signalstatus}"
        return int(status)


def plain(text: str) -> str:
    """Terminal output without escape sequences or carriage returns."""
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text).replace("\r", "")


_COLOUR = {*range(30, 39), *range(40, 49), *range(90, 98), *range(100, 108)}


def colour_codes(text: str) -> list[str]:
    """SGR sequences that set a foreground or background colour."""
    found = []
    for params in re.findall(r"\x1b\[([0-9;]*)m", text):
        numbers = {int(p) for p in params.split(";") if p}
        if numbers & _COLOUR:
            found.append(params)
    return found


def test_whole_interview_with_an_edit_on_the_review_screen(tmp_path: Path) -> None:
    started = time.monotonic()
    run = Interview(spawn(["assess", "--save-profile", "saved.yaml"], tmp_path))
    run.answer("In which state", "tx" + ENTER)
    # Selects start on "Not sure (skip)", the last choice; Down wraps round to the first.
    run.answer("\\(2 of \\d+\\)", DOWN + ENTER)  # the bachelor question: Yes
    run.answer("master's degree \\(any field\\)", DOWN + ENTER)  # Yes
    run.answer("What field is your master's", " " + ENTER)  # library science
    run.answer("ALA-accredited", DOWN + ENTER)  # Yes
    run.answer("preparation program", DOWN + ENTER)  # Yes
    run.answer("What kind of program", DOWN + ENTER)  # a school library program
    run.answer("Which state approved", "TX" + ENTER)
    run.answer("semester credit hours", "30" + ENTER)
    run.answer("Do you hold a teaching license", DOWN + ENTER)  # active
    run.answer("Which state issued", ENTER)  # the target state, TX, is already filled in
    run.answer("taught in PK-12", "1" + ENTER)
    run.answer("worked in a school library", "0" + ENTER)
    run.answer("Which of these exams", " " + ENTER)  # TExES 150, listed first for Texas
    run.answer("score on TExES 150", "250" + ENTER)
    run.answer("practicum", "160" + ENTER)
    run.answer("portfolio", DOWN + ENTER)  # complete
    run.answer("background check", DOWN + ENTER)  # yes
    run.answer("National Board", UP + ENTER)  # no
    run.answer("Which of these tools", DOWN + " " + ENTER)  # the second tool listed
    run.answer("Any other tools", "Canva" + ENTER)
    run.answer("skills", ENTER)
    run.child.expect("12. Years teaching PK-12: 1")
    run.answer("Type the number of an answer", "12" + ENTER)
    run.answer("taught in PK-12", BACKSPACE + "3" + ENTER)
    run.child.expect("12. Years teaching PK-12: 3")
    run.answer("Type the number of an answer", ENTER)
    status = run.finish()
    elapsed = time.monotonic() - started
    text = run.raw
    screen = plain(text)

    assert status == 0, screen[-2000:]
    assert elapsed < 20
    # The report reflects the edited answer: three years of teaching meet Texas's two.
    assert "Texas (TX)" in screen
    # With one year of teaching Texas's two are missing: "Eligible now" proves the edit counted.
    assert "Texas (TX): Eligible now" in screen
    # The summary comes after the questions, with the way to see the rest.
    assert "add --full" in screen
    assert "Traceback" not in screen
    # NO_COLOR: no colour anywhere, so nothing can depend on it.
    assert colour_codes(text) == []
    saved = read_profile(tmp_path / "saved.yaml", exam_index())
    assert saved.teaching_years == 3
    assert saved.exams is not None
    assert [e.as_text() for e in saved.exams] == ["texes-150:250"]
    assert saved.tools is not None
    assert len(saved.tools) == 2
    assert saved.tools[-1] == "Canva"


def test_ctrl_c_midway_saves_a_partial_profile_that_reads_back(tmp_path: Path) -> None:
    started = time.monotonic()
    child = spawn(["assess"], tmp_path)
    run = Interview(child)
    run.answer("In which state", "Texas" + ENTER)
    run.answer("bachelor's degree", DOWN + ENTER)  # Yes
    run.answer("master's degree \\(any field\\)", UP + ENTER)  # No
    run.answer("preparation program", UP + UP + ENTER)  # In progress
    run.child.expect("What kind of program")
    run.child.sendcontrol("c")
    status = run.finish()
    output = plain(run.raw)
    assert time.monotonic() - started < 20

    assert status == 130
    assert "Traceback" not in output
    assert "Error" not in output  # Ctrl-C is the person's choice, not a failure
    errors = [line for line in output.splitlines() if line.startswith("Stopped:")]
    assert errors == [
        "Stopped: interrupted; your answers so far are saved in lmspath-partial-profile.yaml "
        "(resume with: lmspath assess --profile lmspath-partial-profile.yaml --ask-missing)"
    ]
    partial = tmp_path / "lmspath-partial-profile.yaml"
    saved = read_profile(partial, exam_index())
    assert (saved.state, saved.bachelor, saved.master, saved.school_library_program) == (
        "TX",
        "yes",
        "no",
        "in_progress",
    )
    assert saved.library_credit_hours is None

    # The partial profile is an ordinary profile: --profile reads it and reports.
    report = subprocess.run(
        [LMSPATH, "assess", "--profile", str(partial), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        env=terminal_env(),
    )
    assert report.returncode == 0, report.stderr
    assert json.loads(report.stdout)["state"] == "TX"


def test_resume_asks_only_what_the_partial_profile_lacks(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(
        "state: TX\nbachelor: yes\nmaster: no\nschool_library_program: yes\n"
        "library_credit_hours: 18\nteaching_license_status: active\nteaching_license_state: TX\n"
        "teaching_years: 4\nschool_library_years: 1\nexams: [texes-150]\npracticum_hours: 160\n"
        "portfolio: complete\nbackground_check: yes\ntools: [canva]\nskills: [storytelling]\n",
        encoding="utf-8",
    )
    child = spawn(["assess", "--profile", str(profile), "--ask-missing"], tmp_path)
    run = Interview(child)
    # the fields the file leaves out: what its program was, and National Board
    run.answer("What kind of program", DOWN + ENTER)
    run.answer("Which state approved", "TX" + ENTER)
    run.answer("National Board", UP + ENTER)
    run.answer("Type the number of an answer", ENTER)
    status = run.finish()
    screen = plain(run.raw)
    assert status == 0, screen[-2000:]
    assert "In which state" not in screen
    assert "17. National Board: No" in screen


_PARTIAL = (
    "state: TX\nbachelor: yes\nmaster: no\nschool_library_program: yes\n"
    "library_credit_hours: 18\nteaching_license_status: active\nteaching_license_state: TX\n"
    "teaching_years: 4\nschool_library_years: 1\nexams: [texes-150]\npracticum_hours: 160\n"
    "portfolio: complete\nbackground_check: yes\ntools: [canva]\nskills: [storytelling]\n"
)


def _resume(tmp_path: Path, extra: list[str], save_as: str | None) -> tuple[int, str]:
    """Finish answers saved on Ctrl-C (lmspath-partial-profile.yaml); ``save_as`` answers the
    offer to keep them after the summary (None: no offer expected, Enter: skip)."""
    (tmp_path / "lmspath-partial-profile.yaml").write_text(_PARTIAL, encoding="utf-8")
    child = spawn(
        ["assess", "--profile", "lmspath-partial-profile.yaml", "--ask-missing", *extra], tmp_path
    )
    run = Interview(child)
    run.answer("What kind of program", DOWN + ENTER)
    run.answer("Which state approved", "TX" + ENTER)
    run.answer("National Board", UP + ENTER)
    run.answer("Type the number of an answer", ENTER)
    if save_as is not None:
        run.answer("Keep your answers", save_as + ENTER)
    status = run.finish()
    return status, plain(run.raw)


def test_a_finished_resume_removes_the_partial_answers_once_kept(tmp_path: Path) -> None:
    status, screen = _resume(tmp_path, ["--save-profile", "done.yaml"], None)
    assert status == 0, screen[-2000:]
    assert not (tmp_path / "lmspath-partial-profile.yaml").exists()
    done = read_profile(tmp_path / "done.yaml", exam_index())
    assert (done.state, done.teaching_years, done.school_library_program_state) == ("TX", 4, "TX")
    assert "Note: removed lmspath-partial-profile.yaml: your complete answers are in done.yaml" in (
        " ".join(screen.split())
    )


def test_a_finished_resume_offers_to_keep_the_answers(tmp_path: Path) -> None:
    status, screen = _resume(tmp_path, [], "me")
    assert status == 0, screen[-2000:]
    assert not (tmp_path / "lmspath-partial-profile.yaml").exists()
    assert read_profile(tmp_path / "me.yaml", exam_index()).national_board == "no"
    assert (tmp_path / "me.html").exists()


def test_a_finished_resume_keeps_the_partial_answers_when_nothing_else_does(
    tmp_path: Path,
) -> None:
    status, screen = _resume(tmp_path, [], "")
    assert status == 0, screen[-2000:]
    kept = read_profile(tmp_path / "lmspath-partial-profile.yaml", exam_index())
    assert kept.teaching_years == 4
    assert "kept only in lmspath-partial-profile.yaml" in " ".join(screen.split())


@pytest.mark.parametrize("stdin", ["devnull", "open pipe"])
def test_no_terminal_is_a_one_line_error_and_exit_3(tmp_path: Path, stdin: str) -> None:
    started = time.monotonic()
    with subprocess.Popen(
        [LMSPATH, "assess"],
        stdin=subprocess.DEVNULL if stdin == "devnull" else subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env=terminal_env(),
    ) as proc:
        # An open, silent stdin must not make it wait for answers.
        out, err = proc.communicate(timeout=30)
    assert time.monotonic() - started < 30
    assert proc.returncode == 3
    assert out == ""
    assert err == "Error: no profile given and this is not a terminal: run with --profile FILE\n"
    assert list(tmp_path.iterdir()) == []
