"""A dispatcher for the plain forms of assess, batch, rules, states and exams, run without typer.

Importing typer (and the click it carries) costs several times a bare interpreter's start-up, so
``lmspath.cli.main`` offers the arguments here first. Only forms this module reads exactly as
typer would are run here: the command name first, then options it knows spelled ``--name VALUE``,
``--name=VALUE`` or ``-x VALUE``, each at most once, values that are not empty and do not start
with ``-``, and the positional arguments the command takes. Anything else (``--help``, an unknown,
repeated, abbreviated or malformed option, a missing or extra argument, the questionnaire,
``--assume``, ``--save-profile``, every other command, shell completion) returns None and typer
runs the arguments unchanged, with its own messages. Once a form is recognised, the command runs
the same function the typer command calls (``assess_run``, ``batch_run``, ``tables_run``), and
its exit code is that function's; its errors are
printed as the typer app's boundary prints them: one ``Error:`` line and the contract's exit code.

``LMSPATH_NO_FAST_PATH=1`` sends every command through typer: the tests use it to compare both
paths byte for byte (``tests/test_fast_cli.py``).
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple, NoReturn

from lmspath.cli.out import echo, plain_streams
from lmspath.errors import ExitCode, LmspathError, one_line

#: Set to 1 (any non-empty value but 0) to send every command through typer.
FORCE_TYPER = "LMSPATH_NO_FAST_PATH"
#: typer's shell-completion request variable for the program name ``lmspath``.
_COMPLETION = "_LMSPATH_COMPLETE"


class _Option(NamedTuple):
    """One option of a command: its keyword in the run function and how its value is read."""

    dest: str
    #: "flag", "text", "path" (no check), "readable" (typer's readable path), "number" (a
    #: decimal) or "count" (a whole number)
    kind: str


class _Command(NamedTuple):
    """What the dispatcher knows of a command: options by spelling, positionals, runner."""

    options: dict[str, _Option]
    positionals: tuple[str, ...]  # keyword of each positional argument, in order
    required: int  # how many positionals must be given
    runner: Callable[..., int | None]


def _assess(**options: Any) -> None:
    from lmspath.cli.assess_run import run_assess

    run_assess(**options)


def _batch(*, intake: str, **options: Any) -> int:
    from lmspath.cli.batch_run import run_batch_command

    return run_batch_command(intake=Path(intake), **options)


def _states(**options: Any) -> None:
    from lmspath.cli.tables_run import run_states

    run_states(**options)


def _rules(**options: Any) -> None:
    from lmspath.cli.tables_run import run_rules

    run_rules(**options)


def _exams(**options: Any) -> None:
    from lmspath.cli.tables_run import run_exams

    run_exams(**options)


_FORMAT = _Option("fmt", "text")
_DATA = _Option("data", "readable")

COMMANDS: dict[str, _Command] = {
    "assess": _Command(
        {
            "--profile": _Option("profile", "path"),
            "-p": _Option("profile", "path"),
            "--state": _Option("state", "text"),
            "-s": _Option("state", "text"),
            "--format": _FORMAT,
            "-f": _FORMAT,
            "--output": _Option("output", "readable"),
            "-o": _Option("output", "readable"),
            "--program": _Option("program", "text"),
            "--full": _Option("full", "flag"),
            "--summary": _Option("summary", "flag"),
            "--no-pager": _Option("no_pager", "flag"),
            "--quiet": _Option("quiet", "flag"),
            "-q": _Option("quiet", "flag"),
            "--data": _DATA,
        },
        (),
        0,
        _assess,
    ),
    "batch": _Command(
        {
            "--output": _Option("output", "path"),
            "-o": _Option("output", "path"),
            "--errors": _Option("errors", "path"),
            "-e": _Option("errors", "path"),
            "--plans": _Option("plans", "path"),
            "--summary": _Option("summary", "path"),
            "--jobs": _Option("jobs", "count"),
            "-j": _Option("jobs", "count"),
            "--drop-extra": _Option("drop_extra", "flag"),
            "--excel": _Option("excel", "flag"),
            "--sheet": _Option("sheet", "text"),
            "--data": _DATA,
        },
        ("intake",),
        1,
        _batch,
    ),
    "states": _Command(
        {"--format": _FORMAT, "-f": _FORMAT, "--full": _Option("full", "flag"), "--data": _DATA},
        (),
        0,
        _states,
    ),
    "rules": _Command({"--format": _FORMAT, "-f": _FORMAT, "--data": _DATA}, ("state",), 1, _rules),
    "exams": _Command(
        {"--format": _FORMAT, "-f": _FORMAT, "--score": _Option("score", "number")},
        ("exam_name",),
        0,
        _exams,
    ),
}


def _number(text: str) -> float | None:
    """A plain decimal (``152``, ``3.5``) as typer reads it; None for any other spelling."""
    whole, _, fraction = text.partition(".")
    if not (whole.isascii() and whole.isdigit()):
        return None
    if "." in text and not (fraction.isascii() and fraction.isdigit()):
        return None
    return float(text)


def _value(option: _Option, text: str) -> object | None:
    """The option's value as the command receives it, or None when typer might read it
    otherwise or refuse it (then typer runs the arguments)."""
    if not text or text.startswith("-"):
        return None
    if option.kind == "text":
        return text
    if option.kind == "number":
        return _number(text)
    if option.kind == "count":
        return int(text) if text.isascii() and text.isdigit() else None
    path = Path(text)
    if option.kind == "readable":
        # typer refuses an existing path it cannot read, with its own message.
        try:
            os.stat(text)
        except (OSError, ValueError):
            return path
        if not os.access(text, os.R_OK):
            return None
    return path


def parse(args: list[str]) -> tuple[_Command, dict[str, object]] | None:
    """The command and its keyword arguments when ``args`` is a form this module runs exactly
    as typer would; None otherwise."""
    if not args or args[0] not in COMMANDS:
        return None
    command = COMMANDS[args[0]]
    options: dict[str, object] = {}
    positionals: list[str] = []
    rest = args[1:]
    index = 0
    while index < len(rest):
        token = rest[index]
        index += 1
        if not token.startswith("-") or token == "-":
            if token == "-" or not token:
                return None
            positionals.append(token)
            continue
        name, equals, inline = token.partition("=")
        if equals and not name.startswith("--"):
            return None  # -f=json means "=json" to typer
        option = command.options.get(name)
        if option is None or option.dest in options:
            return None  # unknown (or --help, or --), or given twice
        if option.kind == "flag":
            if equals:
                return None
            options[option.dest] = True
            continue
        if not equals:
            if index >= len(rest):
                return None
            inline = rest[index]
            index += 1
        value = _value(option, inline)
        if value is None:
            return None
        options[option.dest] = value
    if not command.required <= len(positionals) <= len(command.positionals):
        return None
    options.update(zip(command.positionals, positionals, strict=False))
    if command.runner is _assess and "profile" not in options:
        return None  # the questionnaire
    return command, options


def run(args: list[str]) -> int | None:
    """Run ``args`` without typer and return the exit code; None when typer must run them."""
    if os.environ.get(FORCE_TYPER, "0") not in {"", "0"} or os.environ.get(_COMPLETION):
        return None
    if os.name != "posix":
        return None  # typer expands wildcards and wraps the console streams on Windows
    if not plain_streams():
        return None
    found = parse(args)
    if found is None:
        return None
    command, options = found
    try:
        code = command.runner(**options)
    except LmspathError as exc:
        # As the typer app's boundary: Ctrl-C ends with "Stopped", everything else "Error".
        label = "Stopped" if exc.exit_code == ExitCode.INTERRUPTED else "Error"
        echo(f"{label}: {one_line(exc.message)}", err=True)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        echo("Stopped: interrupted", err=True)
        return int(ExitCode.INTERRUPTED)
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        # As typer does when the reader of a pipe goes away: exit 1, and the interpreter's
        # last flush of the broken pipe stays quiet.
        sys.stdout = _Quiet(sys.stdout)
        sys.stderr = _Quiet(sys.stderr)
        return 1
    return code or 0


def finish(code: int) -> NoReturn:
    """End the process once a fast command's output is written and flushed.

    The exit handlers run as at a normal exit; what is skipped is the interpreter's teardown,
    which frees every object one by one (about 30 ms of CPU once pydantic's schemas exist, a
    tenth of the command) and has nothing left to write. Only ``main`` run as the console
    script calls this: a caller of ``main(argv)`` gets the usual ``SystemExit``.
    """
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):  # what the handlers wrote, too
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    os._exit(code)


class _Quiet:
    """A stream whose flush ignores a broken pipe (what typer wraps the streams in)."""

    def __init__(self, wrapped: Any) -> None:
        self.wrapped = wrapped

    def flush(self) -> None:
        try:
            self.wrapped.flush()
        except OSError as exc:
            if exc.errno != errno.EPIPE:
                raise

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.wrapped, attr)
