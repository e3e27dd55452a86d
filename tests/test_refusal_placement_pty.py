"""A refused answer is explained next to its prompt, in a tall terminal that reports the cursor."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pexpect
import pyte
import pytest

from lmspath.store.load import exam_index
from lmspath.store.profile_file import read_profile
from tests.test_questionnaire_pty import BACKSPACE, ENTER, LMSPATH, terminal_env

pytestmark = pytest.mark.slow

ROWS, COLUMNS = 40, 80

#: Every answer but the years of teaching, so that question is the first one asked.
ALL_BUT_TEACHING_YEARS = (
    "state: TX\nbachelor: yes\nmaster: no\nschool_library_program: yes\n"
    "school_library_program_kind: school_library\nschool_library_program_state: TX\n"
    "library_credit_hours: 18\nteaching_license_status: active\nteaching_license_state: TX\n"
    "school_library_years: 1\nexams: [texes-150]\npracticum_hours: 160\nportfolio: complete\n"
    "background_check: yes\nnational_board: no\ntools: [canva]\nskills: [storytelling]\n"
)


class Terminal:
    """A 40-row terminal emulator on a pty that answers cursor-position requests, as xterm
    and tmux do (prompt_toolkit then sizes its layout to the rows below the cursor)."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        env = terminal_env()
        env.pop("PROMPT_TOOLKIT_NO_CPR")  # this terminal answers, like a real one
        env.update(LINES=str(ROWS), COLUMNS=str(COLUMNS))
        self.child = pexpect.spawn(
            LMSPATH,
            args,
            cwd=str(cwd),
            env=env,
            dimensions=(ROWS, COLUMNS),
            encoding="utf-8",
            codec_errors="replace",
            timeout=10,
        )
        self.screen = pyte.Screen(COLUMNS, ROWS)
        self.stream = pyte.Stream(self.screen)
        self.screen.write_process_input = self.child.send  # type: ignore[method-assign]
        self.ended = False

    @property
    def rows(self) -> list[str]:
        return [row.rstrip() for row in self.screen.display]

    def _pump(self) -> None:
        try:
            self.stream.feed(self.child.read_nonblocking(65536, timeout=0.05))
        except pexpect.TIMEOUT:
            pass
        except pexpect.EOF:
            self.ended = True

    def wait_for(self, text: str, timeout: float = 10) -> int:
        """The last row showing ``text``, once it is drawn (and the drawing has settled)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._pump()
            hits = [i for i, row in enumerate(self.rows) if text in row]
            if hits:
                settle = time.monotonic() + 0.3
                while time.monotonic() < settle:
                    self._pump()
                hits = [i for i, row in enumerate(self.rows) if text in row]
                if hits:
                    return hits[-1]
            if self.ended:
                break
        raise AssertionError(f"{text!r} never appeared; the screen:\n" + "\n".join(self.rows))

    def wait_until(self, ready: Callable[[], bool], timeout: float = 10) -> None:
        """Draw what the program writes until ``ready()`` holds (or the time is up)."""
        deadline = time.monotonic() + timeout
        while not ready() and not self.ended and time.monotonic() < deadline:
            self._pump()
        for _ in range(4):  # and whatever it writes straight after
            self._pump()

    def type(self, keys: str) -> None:
        self.child.send(keys)

    def finish(self) -> int:
        """Wait for the program to end, drawing all it wrote; its exit status."""
        deadline = time.monotonic() + 20
        while not self.ended and time.monotonic() < deadline:
            self._pump()
        assert self.ended, "the program did not end:\n" + "\n".join(self.rows)
        self.child.close()
        status = self.child.exitstatus
        assert status is not None, f"killed by signal {self.child.signalstatus}"
        return int(status)


def assert_next_to_the_prompt(term: Terminal, message: str, prompt: str, typed: str) -> None:
    """``message`` is on the row under the prompt line that shows ``typed``, not at the bottom;
    the question is asked again right below it with what was typed still in place."""
    where = term.wait_for(message)

    def asked_again() -> bool:
        return any(prompt in row for row in term.rows[where + 1 :])

    term.wait_until(asked_again)
    rows = term.rows
    screen = "\n".join(f"{i:2}|{row}" for i, row in enumerate(rows))
    assert where != ROWS - 1, f"the message is on the terminal's last row:\n{screen}"
    above = [i for i in range(where) if prompt in rows[i]]
    assert above, f"no prompt above the message:\n{screen}"
    assert where - above[-1] == 1, f"the message is not under its prompt:\n{screen}"
    assert rows[above[-1]].endswith(typed), screen
    below = [i for i in range(where + 1, ROWS) if prompt in rows[i]]
    assert below, f"the question was not asked again:\n{screen}"
    assert below[0] - where <= 2, f"asked again far from the message:\n{screen}"
    assert rows[below[0]].endswith(typed), f"what was typed was not kept:\n{screen}"


def test_a_refused_number_is_explained_under_its_prompt_and_kept(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(ALL_BUT_TEACHING_YEARS, encoding="utf-8")
    term = Terminal(
        ["assess", "--profile", "p.yaml", "--ask-missing", "--save-profile", "out.yaml"],
        tmp_path,
    )
    prompt = "years from 0 to 60; Enter to skip)"
    term.wait_for(prompt)
    term.type("-3" + ENTER)
    assert_next_to_the_prompt(term, "'-3' is negative; give 0 or more", prompt, "-3")
    # "-3" is still in the box: one Backspace and a 5 make "-5", refused again.
    term.type(BACKSPACE + "5" + ENTER)
    assert_next_to_the_prompt(term, "'-5' is negative; give 0 or more", prompt, "-5")
    term.type(BACKSPACE * 2 + "abc" + ENTER)
    assert_next_to_the_prompt(term, "'abc' is not a number", prompt, "abc")
    term.type(BACKSPACE * 3 + "4" + ENTER)  # a valid answer goes on, to the review screen
    term.wait_for("Years teaching PK-12: 4")
    term.wait_for("Type the number of an answer")
    term.type(ENTER)
    status = term.finish()
    assert status == 0, "\n".join(term.rows)
    assert "Traceback" not in "\n".join(term.rows)
    assert read_profile(tmp_path / "out.yaml", exam_index()).teaching_years == 4


def test_an_unknown_state_is_explained_under_its_prompt(tmp_path: Path) -> None:
    term = Terminal(["assess"], tmp_path)
    prompt = "(1 of "
    term.wait_for("In which state")
    term.type("Narnia" + ENTER)
    assert_next_to_the_prompt(term, "unknown state 'Narnia'", prompt, "Narnia")
    term.type(BACKSPACE * 6 + "tx" + ENTER)
    term.wait_for("bachelor's degree")
    term.child.sendcontrol("c")  # Ctrl-C after a refusal still stops cleanly
    status = term.finish()
    assert status == 130
    stopped = [row for row in term.rows if row.startswith("Stopped:")]
    assert stopped, "\n".join(term.rows)
    assert read_profile(tmp_path / "lmspath-partial-profile.yaml", exam_index()).state == "TX"
