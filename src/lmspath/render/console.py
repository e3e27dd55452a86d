"""The one place Rich consoles are made, and atomic writes of finished output files."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from lmspath import files
from lmspath.files import Warn

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

#: Width used for terminal-format text written to a file, and for golden files.
FILE_WIDTH = 100


def stdout_console() -> Console:
    """A console for standard output; Rich honours NO_COLOR and non-terminals itself."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def stderr_console() -> Console:
    """A console for messages on standard error."""
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def render_plain(parts: list[RenderableType], width: int = FILE_WIDTH) -> str:
    """Renderables as plain text at a fixed width with no colour (files and golden tests)."""
    from rich.console import Console

    console = Console(
        width=width,
        no_color=True,
        color_system=None,
        record=True,
        file=open(os.devnull, "w"),  # noqa: SIM115
    )
    for part in parts:
        console.print(part, crop=False)  # an address longer than the width stays whole
    text = console.export_text(styles=False)
    console.file.close()
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def write_atomic(path: Path, text: str, *, private: bool = True, warn: Warn | None = None) -> None:
    """Write a finished output file atomically and safely (see ``lmspath.files``).

    ``private`` files (anything with a person's data) are created 0600; an existing target keeps
    its mode.
    """
    files.write_atomic(path, text, private=private, warn=warn)


def is_interactive() -> bool:
    """True when a person can answer prompts: standard input and output are terminals."""
    # A stream is None when the program was started with it closed (`lmspath assess <&-`).
    stdin, stdout = sys.stdin, sys.stdout
    if stdin is None or stdout is None:
        return False
    try:
        return stdin.isatty() and stdout.isatty()
    except (OSError, ValueError):  # closed or detached
        return False
