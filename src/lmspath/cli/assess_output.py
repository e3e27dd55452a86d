"""How `assess` shows its report: the one-screen summary, or everything (through a pager)."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import RenderableType

    from lmspath.results import Assessment

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

    from lmspath.console import stdout_console

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
    from lmspath.console import stdout_console
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
    from lmspath.console import stdout_console
    from lmspath.pager import page
    from lmspath.render.terminal import render_terminal
    from lmspath.service import skills_renderable

    parts = render_terminal(result, skills_renderable)
    if use_pager and sys.stdout.isatty():
        page(_terminal_text(parts))
        return
    console = stdout_console()
    for part in parts:
        console.print(part, crop=False)  # addresses stay whole
