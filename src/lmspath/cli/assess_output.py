"""How `assess` shows its report: the one-screen summary, or everything (through a pager)."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import RenderableType

    from lmspath.model.results import Assessment

#: What the full report adds to the summary, for the line that says how to see it.
REST = "each route's requirements, skills, programs and sources"


def more_line(output: Path | None) -> str:
    """The summary's last word: where the rest of the report is."""
    if output is not None:
        return f"The full report ({REST}) is in {output}."
    return f"For the full report ({REST}): add --full."


def _terminal_text(parts: list[RenderableType]) -> str:
    """Renderables as the terminal would show them (colour unless NO_COLOR), at its width."""
    from rich.console import Console

    from lmspath.render.console import stdout_console

    width = stdout_console().width
    buffer = io.StringIO()
    console = Console(
        file=buffer, force_terminal=True, width=width, highlight=False, soft_wrap=False
    )
    for part in parts:
        console.print(part, crop=False)
    return buffer.getvalue()


def print_summary(result: Assessment, output: Path | None) -> None:
    """The one-screen summary on standard output."""
    from lmspath.render.console import stdout_console
    from lmspath.render.summary_view import render_summary

    console = stdout_console()
    for part in render_summary(result, more_line(output)):
        console.print(part, crop=False)  # addresses stay whole


def summary_text(result: Assessment, more: str, width: int) -> str:
    """The summary as plain text at a fixed width, no colour (golden files)."""
    import os

    from rich.console import Console

    from lmspath.render.summary_view import render_summary

    with open(os.devnull, "w") as sink:
        console = Console(
            width=width, no_color=True, color_system=None, record=True, file=sink, highlight=False
        )
        for part in render_summary(result, more):
            console.print(part, crop=False)
        text = console.export_text(styles=False)
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def print_full(result: Assessment, *, use_pager: bool) -> None:
    """The whole terminal report; on a terminal through the pager unless ``use_pager`` is off."""
    from lmspath.api.assess import skills_renderable
    from lmspath.render.console import stdout_console
    from lmspath.render.pager import page
    from lmspath.render.terminal import render_terminal

    parts = render_terminal(result, skills_renderable)
    if use_pager and sys.stdout.isatty():
        page(_terminal_text(parts))
        return
    console = stdout_console()
    for part in parts:
        console.print(part, crop=False)  # addresses stay whole


def save_name_problem(value: object) -> str | None:
    """Why a name typed at the save offer cannot be used, or None (blank means skip)."""
    text = "" if value is None else str(value).strip()
    if not text:
        return None
    base = Path(text)
    for path in (base.with_suffix(".yaml"), base.with_suffix(".html")):
        if path.exists():
            return f"{path} already exists; choose another name"  # never overwrite
    if not (base.parent if str(base.parent) else Path(".")).is_dir():
        return f"the folder {base.parent} does not exist"
    return None


def offer_to_save(person: object, result: Assessment) -> Path | None:
    """After the questionnaire: offer to keep the answers and the full plan (Enter skips);
    the answers file written, or None."""
    from lmspath.ask.interview import QuestionaryPrompter
    from lmspath.ask.questions import Question
    from lmspath.model.profile import Profile
    from lmspath.render.console import write_atomic
    from lmspath.render.html_report import render_html
    from lmspath.store.profile_file import write_profile

    question = Question(
        id="save",
        label="Save",
        text="Keep your answers and the full plan?",
        kind="text",
        hint="type a name: 'me' writes me.yaml and me.html; Enter to skip",
        validate=save_name_problem,
        when=lambda _answers: True,
    )
    try:
        value = QuestionaryPrompter().ask(question, None)
    except (KeyboardInterrupt, EOFError):
        return None  # the report is already on screen; nothing to save
    text = "" if value is None else str(value).strip()
    if not text or save_name_problem(text) is not None or not isinstance(person, Profile):
        return None
    base = Path(text)
    answers, plan = base.with_suffix(".yaml"), base.with_suffix(".html")
    write_profile(person, answers)
    write_atomic(plan, render_html(result))
    print(
        f"Saved your answers in {answers} (next time: lmspath assess --profile {answers}) "
        f"and the printable plan in {plan}."
    )
    return answers
