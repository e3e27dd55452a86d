"""Exit codes and the errors the domain raises; the CLI boundary turns them into one line."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """The exit codes fixed by the user-facing contract."""

    OK = 0
    ROWS_REJECTED = 1
    USAGE = 2
    BAD_INPUT = 3
    BAD_DATA = 4
    INTERRUPTED = 130


class LmspathError(Exception):
    """An error written for the user: one plain line and an exit code."""

    exit_code: ExitCode = ExitCode.BAD_INPUT

    def __init__(self, message: str, *, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details: list[str] = details or []


class InputError(LmspathError):
    """The user's input (a profile, an intake file, an option value) cannot be used."""

    exit_code = ExitCode.BAD_INPUT


class UsageError(LmspathError):
    """Options that cannot be used together, or a command used the wrong way."""

    exit_code = ExitCode.USAGE


class DataError(LmspathError):
    """The rules data (shipped or a fork under check) is invalid."""

    exit_code = ExitCode.BAD_DATA


class NotATerminalError(InputError):
    """The questionnaire was asked for where nobody can answer it."""


class Interrupted(LmspathError):
    """The person pressed Ctrl-C; the message says where their answers so far were kept."""

    exit_code = ExitCode.INTERRUPTED
