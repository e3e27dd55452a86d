"""`lmspath batch` once its options are read: shared by the typer command and the fast path."""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from lmspath.cli.data_folder import use_data
from lmspath.cli.out import echo
from lmspath.errors import one_line

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

    from lmspath.store.assume import Assumption


def _today() -> dt.date:
    return dt.date.today()


class RichProgress:
    """A progress bar on standard error: rows, rows per second and time left."""

    def __init__(self, console: Console) -> None:
        self._console = console
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._started = 0.0

    def start(self, total_bytes: int) -> None:
        from rich.progress import (
            BarColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("Scoring"),
            BarColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rows]} rows"),
            TextColumn("{task.fields[rate]} rows/s"),
            TimeRemainingColumn(),
            console=self._console,
            transient=True,
        )
        self._progress.start()
        self._task = self._progress.add_task("batch", total=max(total_bytes, 1), rows="0", rate="-")
        self._started = time.perf_counter()

    def advance(self, rows: int, position: int) -> None:
        if self._progress is None or self._task is None:
            return
        elapsed = time.perf_counter() - self._started
        rate = f"{rows / elapsed:,.0f}" if elapsed > 0 else "-"
        self._progress.update(self._task, completed=position, rows=f"{rows:,}", rate=rate)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


def _may_be_terminal() -> bool:
    """Whether rich could take standard error for a terminal: it is one, or the environment
    says to treat it as one (``TTY_COMPATIBLE``, ``FORCE_COLOR``). Otherwise rich says no, and
    a run with its output piped or redirected never imports it."""
    if "TTY_COMPATIBLE" in os.environ or "FORCE_COLOR" in os.environ:
        return True
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (OSError, ValueError, AttributeError):
        return False


def progress_bar() -> RichProgress | None:
    """A progress bar when standard error is a terminal (as rich decides), else None."""
    if not _may_be_terminal():
        return None
    from lmspath.render.console import stderr_console

    console = stderr_console()
    return RichProgress(console) if console.is_terminal else None


def run_batch_command(
    *,
    intake: Path,
    output: Path | None = None,
    errors: Path | None = None,
    plans: Path | None = None,
    summary: Path | None = None,
    jobs: int = 1,
    assume: list[str] | None = None,
    drop_extra: bool = False,
    excel: bool = False,
    sheet: str | None = None,
    data: Path | None = None,
) -> int:
    """Score the intake, write what was asked for, and say so on stderr; the exit code (0:
    every row scored, 1: some rejected). Errors that stop the run raise."""
    from lmspath.batch.run import BatchOptions, final_line, run_batch

    def warn(message: str) -> None:
        echo(f"Warning: {one_line(message)}", err=True)

    use_data(data)
    progress = progress_bar()
    assumed: tuple[Assumption, ...] = ()
    if assume:
        from lmspath.store.assume import parse_assumptions
        from lmspath.store.load import exam_index

        assumed = tuple(parse_assumptions(assume, exam_index()))
        echo(
            "Scoring every row as if: " + ", ".join(a.text for a in assumed) + " (columns "
            "verdict_before, months_max_before, verdict_flips say what it changed)",
            err=True,
        )
    options = BatchOptions(
        output=output,
        errors=errors,
        plans=plans,
        summary=summary,
        jobs=jobs,
        today=_today(),
        assume=assumed,
        drop_extra=drop_extra,
        excel=excel,
        sheet=sheet,
    )
    report = run_batch(intake, options, progress=progress, warn=warn)
    for line in report.shown_errors:
        # A row's line quotes its client_id and cells: one printable line each, whatever they hold.
        echo(f"Error: {one_line(line)}", err=True)
    echo(final_line(report, errors), err=True)
    return 1 if report.tally.rejected else 0
