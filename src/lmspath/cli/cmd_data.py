"""`lmspath data check DIR`: validate a rules data folder (for maintainers of a fork)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer

from lmspath.engine.words import count
from lmspath.errors import DataError

data_app = typer.Typer(help="Work with the rules data.", no_args_is_help=True)


@data_app.command("check")
def check_command(
    folder: Annotated[
        Optional[Path],  # noqa: UP045 - typer reads the annotation at run time on Python 3.10
        typer.Argument(
            help="A data folder (with requirements/, exams/, programs/, estimates.yaml, "
            "market.yaml)."
        ),
    ] = None,
) -> None:
    """Check every file validates and every reference resolves; warn about stale programs."""
    from lmspath.store.fork import check_folder
    from lmspath.store.load import default_data_dir

    base = folder or default_data_dir()
    found = check_folder(base, dt.date.today())
    for line in found.warnings:
        typer.echo(f"warning: {line}", err=True)
    if found.problems:
        for line in found.problems:
            typer.echo(line, err=True)
        raise DataError(f"{base}: {count(len(found.problems), 'problem')} found")
    # Advice, once the data is valid: sources a skeptical reader would not trust.
    from lmspath.store.source_quality import flagged_sources

    for flag in flagged_sources(base):
        typer.echo(f"warning: {flag.line()}; cite the publisher's own page", err=True)
    states = len(list((base / "requirements").glob("*.yaml")))
    typer.echo(
        f"{base}: {states} state files, exams, estimates and {found.programs} programs in "
        f"{found.program_files} program files: all valid"
    )


def register(app: typer.Typer) -> None:
    """Add the command group to the app."""
    app.add_typer(data_app, name="data")
