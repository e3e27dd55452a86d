"""The interactive questionnaire: ask what the profile lacks, review and edit, save on Ctrl-C."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import shlex
import signal
import sys
import textwrap
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from lmspath.ask.questions import (
    Answers,
    Context,
    ExamInfo,
    Question,
    ToolInfo,
    answers_to_fields,
    applies,
    initial_answer,
    profile_to_answers,
    questions,
    review_question,
    state_answer,
)
from lmspath.errors import InputError, Interrupted
from lmspath.model.profile import Profile, build_profile

if TYPE_CHECKING:
    import questionary
    from prompt_toolkit.completion import Completer
    from prompt_toolkit.input import Input
    from prompt_toolkit.output import Output

#: Where answers go on Ctrl-C when no --save-profile path was given (in the working folder).
PARTIAL_PROFILE = Path("lmspath-partial-profile.yaml")

#: The review screen and hints are wrapped to this width at most (an 80-column terminal).
MAX_WIDTH = 80

INTRO = (
    "Answer each question and press Enter. Blank or 'Not sure' skips a question. "
    "You can check and change every answer before the report. "
    "Ctrl-C stops and saves your answers so far."
)


class Prompter(Protocol):
    """Asks one question and shows lines of text: the questionnaire's only way to the person."""

    def ask(self, question: Question, default: object) -> object:
        """The person's answer to ``question`` (``default`` is the current answer, or None)."""
        ...

    def say(self, text: str) -> None:
        """Show a block of text (the introduction, the review screen)."""
        ...


def answers_to_profile(answers: Mapping[str, object]) -> Profile:
    """The Profile the answers describe; only answers to questions that apply are used."""
    return build_profile(answers_to_fields(answers))


# --- the real prompter: the one place questionary is called ---------------------------------------


def _width() -> int:
    try:
        columns = os.get_terminal_size().columns
    except OSError:
        columns = MAX_WIDTH
    return max(40, min(columns, MAX_WIDTH))


def _text_default(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)  # as the hint asks: separated by commas
    return str(value)


def _state_completer(question: Question) -> Completer:
    """Completes a state by code or by any word of its name; inserts the name."""
    from prompt_toolkit.completion import Completer, Completion

    options = question.choices

    class StateCompleter(Completer):
        def get_completions(self, document: Any, complete_event: Any) -> Iterator[Completion]:
            typed = document.text_before_cursor.strip().lower()
            if not typed:
                return
            for option in options:
                name = option.title.lower()
                words = name.split()
                if (
                    option.value.lower().startswith(typed)
                    or name.startswith(typed)
                    or any(w.startswith(typed) for w in words)
                ):
                    yield Completion(
                        option.title,
                        start_position=-len(document.text_before_cursor),
                        display=f"{option.title} ({option.value})",
                    )

    return StateCompleter()


_KEYS = {
    "select": "Arrow keys to choose, Enter to confirm.",
    "checkbox": "Arrow keys to move, Space to tick or untick, Enter when done.",
}


def prompt_message(question: Question) -> str:
    """The question as the widget shows it: the text, then progress and hint on a line below."""
    below = [question.progress] if question.progress else []
    if question.hint:
        below.append(question.hint)
    if not below:
        return question.text
    return f"{question.text}\n  ({'; '.join(below)})"


def keys_help(question: Question) -> str:
    """How to answer a list question, on a line of its own below the question."""
    keys = _KEYS.get(question.kind)
    return f"\n  {keys}" if keys else ""


@dataclass
class QuestionaryPrompter:
    """Asks through questionary widgets; ``input``/``output`` let tests feed keystrokes."""

    input: Input | None = None
    output: Output | None = None
    stream: TextIO | None = None

    def say(self, text: str) -> None:
        """Print a block of text, or drop it when the output is a test dummy."""
        if self.output is not None and self.stream is None:
            return
        stream = self.stream or sys.stdout
        print(text, file=stream, flush=True)

    def ask(self, question: Question, default: object) -> object:
        """Ask until the answer is accepted; a refused one is explained right under the prompt
        and asked again starting from what was typed. Ctrl-C raises KeyboardInterrupt."""
        while True:
            value = self._widget(question, default).unsafe_ask(patch_stdout=False)
            problem = question.validate(value)
            if problem is None:
                return value
            self.refuse(problem)
            default = value  # keep what the person typed (or ticked) to correct it

    def refuse(self, problem: str) -> None:
        """Say why an answer was not accepted, on the line below the answered prompt.

        Checked after Enter, not inside the widget: prompt_toolkit draws a widget's own
        message on its bottom toolbar, which is the terminal's last row once the terminal
        reports the cursor position (tmux, xterm), far from the prompt on a tall screen.
        """
        text = textwrap.fill(
            f"Not accepted: {problem}",
            width=_width(),
            initial_indent="  ",
            subsequent_indent="    ",
            break_on_hyphens=False,
        )
        if self.output is not None and self.stream is None:
            from prompt_toolkit import print_formatted_text

            print_formatted_text(text, output=self.output)
            return
        self.say(text)

    def _widget(self, question: Question, default: object) -> questionary.Question:
        """The questionary widget for ``question``'s kind, starting on ``default``."""
        import questionary

        message = prompt_message(question)
        io: dict[str, Any] = {}
        if self.input is not None:
            io["input"] = self.input
        if self.output is not None:
            io["output"] = self.output
        if question.kind == "select":
            choices = [questionary.Choice(o.title, value=o.value) for o in question.choices]
            current = next((c for c in choices if c.value == default), None)
            return questionary.select(
                message,
                choices=choices,
                default=current,
                instruction=keys_help(question),
                **io,
            )
        if question.kind == "checkbox":
            chosen = {str(v) for v in default} if isinstance(default, list | tuple) else set()
            items: list[questionary.Choice | questionary.Separator] = []
            group: str | None = None
            for option in question.choices:
                if option.group is not None and option.group != group:
                    group = option.group
                    items.append(questionary.Separator(f"-- {group} --"))
                ticked = option.value in chosen
                items.append(questionary.Choice(option.title, value=option.value, checked=ticked))
            return questionary.checkbox(
                message, choices=items, instruction=keys_help(question), **io
            )
        if question.kind == "state":
            return questionary.autocomplete(
                message,
                choices=[o.title for o in question.choices],
                default=_text_default(default),
                completer=_state_completer(question),
                **io,
            )
        return questionary.text(message, default=_text_default(default), **io)


# --- the fake prompter: answers keyed by question id ---------------------------------------------


class Ask(list[object]):
    """Successive replies to a question asked more than once (first ask, then each edit)."""


#: A reply that presses Ctrl-C at that question.
CTRL_C = object()


@dataclass
class ScriptedPrompter:
    """Replies by question id (never by call order); fails on a question it was not given."""

    replies: dict[str, object]
    asked: list[str] = field(default_factory=list)
    said: list[str] = field(default_factory=list)
    defaults: dict[str, object] = field(default_factory=dict)

    def ask(self, question: Question, default: object) -> object:
        """The scripted reply for ``question.id``; AssertionError when there is none."""
        self.asked.append(question.id)
        if self.asked.count(question.id) > 20:
            raise AssertionError(f"question {question.id!r} asked over and over; bad reply?")
        self.defaults[question.id] = default
        if question.id not in self.replies:
            raise AssertionError(f"unexpected question {question.id!r}")
        reply = self.replies[question.id]
        if isinstance(reply, Ask):
            if not reply:
                raise AssertionError(f"question {question.id!r} asked more often than scripted")
            reply = reply.pop(0)
        if reply is CTRL_C:
            raise KeyboardInterrupt
        return reply

    def say(self, text: str) -> None:
        """Keep the text for the test to look at."""
        self.said.append(text)


# --- context from the shipped data ----------------------------------------------------------------


def _heading(area: str) -> str:
    """An area name as a heading inside the tools question ('Tools: citation' -> 'Citation')."""
    if area.lower().startswith("tools:"):
        area = area[len("tools:") :].strip()
        area = area[:1].upper() + area[1:]
    return area


def _tools() -> tuple[ToolInfo, ...]:
    try:
        from lmspath.store import taxonomy as skills_data
    except ImportError:  # the taxonomy is optional: the tools question is then free text only
        return ()
    taxonomy = skills_data.load_taxonomy()
    areas = {a.id: a.name for a in taxonomy.areas}
    return tuple(
        ToolInfo(id=item.id, name=item.name, group=_heading(areas.get(item.area, item.area)))
        for item in taxonomy.items
        if item.kind == "tool"
    )


def load_context(data_dir: Path | None = None) -> Context:
    """The states, exams and tools the questions offer, from the shipped data."""
    from lmspath.store.check import exam_ids
    from lmspath.store.load import available_states, exam_index, load_exams, load_state

    catalog = load_exams(data_dir)
    index = exam_index(data_dir)
    exams = tuple(
        ExamInfo(
            id=e.id,
            title=f"{e.vendor} {e.code}: {e.name}",
            scale=(e.scale.min, e.scale.max) if e.scale else None,
            short=f"{e.vendor} {e.code}",
        )
        for e in catalog.exams
    )

    def for_state(code: str) -> tuple[str, ...]:
        return tuple(exam_ids(load_state(code, data_dir)))

    return Context(
        states=tuple(available_states(data_dir)),
        exams=exams,
        tools=_tools(),
        exams_for_state=for_state,
        resolve_exam=index.resolve,
        suggest_exam=index.suggest,
    )


# --- the interview --------------------------------------------------------------------------------


def _prune(ctx: Context, answers: dict[str, object]) -> None:
    """Drop answers to questions that no longer apply (e.g. scores of exams unticked)."""
    for qid in list(answers):
        if not applies(qid, answers):
            del answers[qid]
    known = {q.id for q in questions(ctx, answers)}
    for qid in list(answers):
        if qid not in known:
            del answers[qid]


def _next_question(ctx: Context, answers: Answers) -> Question | None:
    for question in questions(ctx, answers):
        if question.id not in answers and question.when(answers):
            return question
    return None


def _ask(prompter: Prompter, question: Question, answers: dict[str, object]) -> None:
    while True:
        value = prompter.ask(question, initial_answer(question, answers.get(question.id), answers))
        problem = question.validate(value)
        if problem is None:
            answers[question.id] = state_answer(value) if question.kind == "state" else value
            return
        # The real prompter already refused such answers under the prompt; another one that
        # returns one (a script) is told why here.
        prompter.say(f"  {problem}")


def progress(ctx: Context, answers: Answers, question: Question) -> str:
    """'5 of 17': where ``question`` stands among the questions that apply so far."""
    apply = [q.id for q in questions(ctx, answers) if q.when(answers)]
    done = sum(1 for qid in apply if qid in answers)
    return f"{done + 1} of {len(apply)}" if question.id in apply else ""


def _ask_missing(ctx: Context, prompter: Prompter, answers: dict[str, object]) -> None:
    while (question := _next_question(ctx, answers)) is not None:
        counted = dataclasses.replace(question, progress=progress(ctx, answers, question))
        _ask(prompter, counted, answers)
        _prune(ctx, answers)


@dataclass(frozen=True)
class ReviewRow:
    """One numbered line of the review screen."""

    number: int
    question: Question
    shown: str


def review_rows(ctx: Context, answers: Answers) -> list[ReviewRow]:
    """Every answered question that applies, numbered, with its answer as shown to the person."""
    rows: list[ReviewRow] = []
    for question in questions(ctx, answers):
        if question.id in answers and question.when(answers):
            rows.append(ReviewRow(len(rows) + 1, question, question.shown(answers[question.id])))
    return rows


def review_text(rows: Sequence[ReviewRow], width: int = MAX_WIDTH) -> str:
    """The review screen: one wrapped line per answer, numbers first, no meaning in colour."""
    lines = ["", "Your answers:"]
    pad = len(str(len(rows)))
    for row in rows:
        head = f"{row.number:>{pad}}. {row.question.label}: "
        lines.append(
            textwrap.fill(
                head + row.shown,
                width=width,
                subsequent_indent=" " * (pad + 2),
                break_on_hyphens=False,
            )
        )
    lines.append("")
    return "\n".join(lines)


def _review(ctx: Context, prompter: Prompter, answers: dict[str, object]) -> None:
    while True:
        rows = review_rows(ctx, answers)
        prompter.say(review_text(rows, _width()))
        question = review_question(len(rows))
        value = prompter.ask(question, None)
        problem = question.validate(value)
        text = "" if value is None else str(value).strip()
        if problem is not None:
            prompter.say(f"  {problem}")
            continue
        if not text:
            return
        chosen = rows[int(text) - 1].question
        _ask(prompter, chosen, answers)
        _prune(ctx, answers)
        _ask_missing(ctx, prompter, answers)


@contextlib.contextmanager
def _no_sigint() -> Iterator[None]:
    """Hold off a second Ctrl-C while the partial profile is written."""
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def is_partial_answers(path: Path) -> bool:
    """The file is one lmspath wrote on Ctrl-C (``lmspath-partial-profile.yaml`` or a numbered
    one): a run that resumes from it and finishes may remove it once the answers are kept."""
    pattern = re.escape(PARTIAL_PROFILE.stem) + r"(-\d+)?" + re.escape(PARTIAL_PROFILE.suffix)
    return re.fullmatch(pattern, path.name) is not None


def _free_partial_path() -> Path:
    """``lmspath-partial-profile.yaml``, or the first numbered name that is free: answers saved
    on Ctrl-C never overwrite another person's (or another run's) saved answers."""
    if not PARTIAL_PROFILE.exists():
        return PARTIAL_PROFILE
    for number in range(2, 1000):
        candidate = PARTIAL_PROFILE.with_name(f"{PARTIAL_PROFILE.stem}-{number}.yaml")
        if not candidate.exists():
            return candidate
    return PARTIAL_PROFILE.with_name(f"{PARTIAL_PROFILE.stem}-{os.getpid()}.yaml")


def _interrupted(answers: Answers, new: set[str], save_path: Path | None) -> Interrupted:
    """Save what was answered and say where, in one line."""
    if not new:
        return Interrupted("interrupted before any answer was given; nothing was saved")
    path = save_path or _free_partial_path()
    from lmspath.store.profile_file import write_profile

    try:
        with _no_sigint():
            write_profile(answers_to_profile(answers), path)
    except InputError as exc:
        return Interrupted(f"interrupted; your answers could not be saved ({exc.message})")
    resume = f"lmspath assess --profile {shlex.quote(str(path))} --ask-missing"
    return Interrupted(
        f"interrupted; your answers so far are saved in {path} (resume with: {resume})"
    )


def run_interview(
    partial: Profile | None,
    *,
    state_hint: str | None = None,
    save_path: Path | None = None,
    prompter: Prompter | None = None,
    context: Context | None = None,
) -> Profile:
    """Ask every question the partial profile leaves open, review, and return the full Profile.

    ``state_hint`` (``--state``) answers the state question. On Ctrl-C the answers so far are
    written to ``save_path`` (or ``./lmspath-partial-profile.yaml``) and Interrupted is raised.
    """
    ctx = context or load_context()
    answers: dict[str, object] = profile_to_answers(partial, ctx) if partial else {}
    if state_hint is not None:
        problem = next(q for q in questions(ctx, answers) if q.id == "state").validate(state_hint)
        if problem is not None:
            raise InputError(f"--state: {problem}")
        answers["state"] = state_hint
    _prune(ctx, answers)
    given = dict(answers)
    ask = prompter or QuestionaryPrompter()
    try:
        ask.say(textwrap.fill(INTRO, width=_width()))
        _ask_missing(ctx, ask, answers)
        _review(ctx, ask, answers)
    except (KeyboardInterrupt, EOFError):
        new = {k for k, v in answers.items() if k not in given or given[k] != v}
        raise _interrupted(answers, new, save_path) from None
    return answers_to_profile(answers)


__all__ = [
    "CTRL_C",
    "PARTIAL_PROFILE",
    "Ask",
    "Prompter",
    "QuestionaryPrompter",
    "ReviewRow",
    "ScriptedPrompter",
    "answers_to_profile",
    "load_context",
    "review_rows",
    "review_text",
    "run_interview",
]
