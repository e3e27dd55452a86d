"""The rules data date for ``--version``, read without loading the data models (fast start-up)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

_LAST_CHECKED = re.compile(r"^last_checked:\s*['\"]?(\d{4}-\d{2}-\d{2})", re.MULTILINE)


#: The data folder chosen with ``--data`` (checked first), else empty.
_CHOSEN: list[Path] = []


def choose_data_dir(path: Path) -> None:
    """Read the data from ``path`` from now on (a checked fork; see ``fork.use_data_folder``)."""
    _CHOSEN[:] = [path]


def data_dir_path() -> Path:
    """The data folder shipped in the wheel, or the repository's ``data/`` in a checkout (or
    the folder chosen with ``--data``)."""
    if _CHOSEN:
        return _CHOSEN[0]
    return _shipped_data_dir()


@functools.cache
def _shipped_data_dir() -> Path:
    """Where the shipped data sits (looked up once: the package does not move)."""
    packaged = Path(__file__).resolve().parents[1] / "data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "data"


def rules_data_date(data_dir: Path | None = None) -> str:
    """The newest ``last_checked`` date across the state files, or 'unknown'."""
    folder = (data_dir or data_dir_path()) / "requirements"
    dates = []
    for path in folder.glob("*.yaml"):
        match = _LAST_CHECKED.search(path.read_text(encoding="utf-8"))
        if match:
            dates.append(match.group(1))
    return max(dates) if dates else "unknown"
