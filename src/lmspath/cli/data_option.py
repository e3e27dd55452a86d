"""The ``--data DIR`` option shared by the commands that read the rules data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from lmspath.cli.data_folder import use_data

DataOption = Annotated[
    Optional[Path],  # noqa: UP045 - typer reads the annotation at run time on Python 3.10
    typer.Option(
        "--data",
        help="A maintained fork of the data folder, checked in full first (exit 4 if invalid).",
    ),
]

__all__ = ["DataOption", "use_data"]
