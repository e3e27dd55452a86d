"""The ``--data DIR`` option shared by the commands that read the rules data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer

DataOption = Annotated[
    Optional[Path],  # noqa: UP045 - typer reads the annotation at run time on Python 3.10
    typer.Option(
        "--data",
        help="A maintained fork of the data folder, checked in full first (exit 4 if invalid).",
    ),
]


def use_data(folder: Path | None) -> None:
    """Check ``folder`` and read the data from it (nothing when None); warnings on stderr."""
    if folder is None:
        return
    from lmspath.store.fork import use_data_folder

    for line in use_data_folder(folder, dt.date.today()):
        typer.echo(f"Warning: {line}", err=True)
