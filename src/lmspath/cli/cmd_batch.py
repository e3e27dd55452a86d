"""`lmspath batch` and `lmspath intake-template`: score a counselor's intake CSV, or start one."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from lmspath.cli.data_option import DataOption, use_data

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


def batch_command(
    intake: Annotated[
        Path,
        typer.Argument(
            help="Intake CSV or workbook: one client per row; `lmspath intake-template` writes one."
        ),
    ],
    output: Annotated[
        Optional[Path],  # noqa: UP045 - typer reads the annotation at run time on Python 3.10
        typer.Option(
            "--output",
            "-o",
            help="Results CSV (or .xlsx workbook), one row per scored client (default: stdout).",
        ),
    ] = None,
    errors: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--errors", "-e", help="Errors CSV, one row per problem in a rejected row."),
    ] = None,
    plans: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--plans", help="Folder for one markdown plan per client."),
    ] = None,
    summary: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--summary",
            help="Cohort summary: markdown, or a page with charts for a .html name.",
        ),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option("--jobs", "-j", help="Processes that score rows (0 = one per core)."),
    ] = 1,
    assume: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--assume",
            "-a",
            help="What if, for every row: FIELD=VALUE or EXAM:SCORE; repeatable.",
        ),
    ] = None,
    drop_extra: Annotated[
        bool,
        typer.Option(
            "--drop-extra",
            help="Leave out the input columns lmspath does not read (by default they follow "
            "the results columns).",
        ),
    ] = False,
    excel: Annotated[
        bool,
        typer.Option(
            "--excel", help="Write the results as UTF-8 with a byte-order mark, for Excel."
        ),
    ] = False,
    sheet: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--sheet", help="The sheet of a workbook intake to read (default: the first)."
        ),
    ] = None,
    data: DataOption = None,
) -> None:
    """Score every row of an intake CSV: results, errors, per-client plans, cohort summary.

    Columns are the profile fields (client_id, state, bachelor, ...); only state is required.

    Lists inside a cell use ';'. Comma-, semicolon-, tab- and pipe-separated files are read.

    Workbooks too (.xlsx, .xls, .ods): the first sheet, or --sheet NAME.

    Y/N, TRUE/FALSE, Tex., Calif, 2.5 yrs, Praxis II 5312 are read; see column normalised.

    In a semicolon-separated file, put list cells in quotes: "praxis-5312; texes-150".

    UTF-8 (with or without BOM), UTF-16 with BOM and Windows-1252 are read.

    Exit code 0: every row scored; 1: some rows rejected; 3: the file is unusable.
    """
    from lmspath.batch.run import BatchOptions, final_line, run_batch
    from lmspath.errors import one_line
    from lmspath.render.console import stderr_console

    console = stderr_console()

    def warn(message: str) -> None:
        typer.echo(f"Warning: {one_line(message)}", err=True)

    use_data(data)
    progress = RichProgress(console) if console.is_terminal else None
    assumed: tuple[Assumption, ...] = ()
    if assume:
        from lmspath.store.assume import parse_assumptions
        from lmspath.store.load import exam_index

        assumed = tuple(parse_assumptions(assume, exam_index()))
        typer.echo(
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
        typer.echo(f"Error: {one_line(line)}", err=True)
    typer.echo(final_line(report, errors), err=True)
    if report.tally.rejected:
        raise typer.Exit(1)


def template_command(
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Write the template here instead of printing it."),
    ] = None,
) -> None:
    """Print (or --output) an intake CSV with every column and one example row."""
    from lmspath.batch.intake import template_csv
    from lmspath.render.console import write_atomic

    text = template_csv()
    if output is None:
        typer.echo(text, nl=False)
        return
    write_atomic(output, text, private=False)  # no client data in it
    typer.echo(f"Wrote {output}.", err=True)


def register(app: typer.Typer) -> None:
    """Add the commands to the app."""
    app.command("batch")(batch_command)
    app.command("intake-template")(template_command)
