"""Lines on standard output and error, written as typer's ``echo`` writes them, without typer."""

from __future__ import annotations

import codecs
import re
import sys
from typing import Any

#: The ANSI sequences typer's echo removes when the stream is not a terminal (click's pattern).
_ANSI = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")


def echo(message: str = "", *, err: bool = False, nl: bool = True) -> None:
    """Write ``message`` (and a newline) to stdout or stderr and flush.

    When typer is loaded (every command it runs), its own echo writes; otherwise (the fast path
    of ``lmspath.cli.fast``) the same steps: escape codes removed unless the stream is a
    terminal, then one write and a flush. ``tests/test_fast_cli.py`` compares the two bytes for
    bytes.
    """
    typer = sys.modules.get("typer")
    if typer is not None:
        typer.echo(message, err=err, nl=nl)
        return
    stream = sys.stderr if err else sys.stdout
    if stream is None:  # started with the stream closed
        return
    text = message + "\n" if nl else message
    if text:
        if not _isatty(stream):
            text = _ANSI.sub("", text)
        stream.write(text)
    stream.flush()


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except Exception:  # typer's echo treats any failure as "not a terminal"
        return False


def plain_streams() -> bool:
    """True when typer's echo would write to sys.stdout and sys.stderr as they are: both open,
    with an encoding that is not ASCII (typer re-wraps those) and an error policy."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None:
            return False
        encoding = getattr(stream, "encoding", None)
        if not encoding or getattr(stream, "errors", None) is None:
            return False
        try:
            if codecs.lookup(encoding).name == "ascii":
                return False
        except LookupError:
            return False
    return True
