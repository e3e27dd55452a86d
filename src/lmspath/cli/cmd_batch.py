"""`lmspath batch` and `lmspath intake-template`: score a counselor's intake CSV, or start one."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from lmspath.cli.data_option import DataOption


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
    from lmspath.cli.batch_run import run_batch_command

    code = run_batch_command(
        intake=intake,
        output=output,
        errors=errors,
        plans=plans,
        summary=summary,
        jobs=jobs,
        assume=assume,
        drop_extra=drop_extra,
        excel=excel,
        sheet=sheet,
        data=data,
    )
    if code:
        raise typer.Exit(code)


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
