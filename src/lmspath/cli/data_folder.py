"""Reading the rules data from a ``--data DIR`` fork, checked first; no typer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lmspath.cli.out import echo


def use_data(folder: Path | None) -> None:
    """Check ``folder`` and read the data from it (nothing when None); warnings on stderr."""
    if folder is None:
        return
    from lmspath.store.fork import use_data_folder

    for line in use_data_folder(folder, dt.date.today()):
        echo(f"Warning: {line}", err=True)
