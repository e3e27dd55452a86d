"""Run on a maintained fork of the data folder (``--data DIR``), checked in full before use."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from lmspath.errors import DataError, InputError


@dataclass(frozen=True)
class FolderCheck:
    """What checking a data folder found."""

    problems: list[str]
    warnings: list[str]
    programs: int
    program_files: int


def check_folder(base: Path, today: dt.date) -> FolderCheck:
    """Every problem (and warning) in a data folder: rules, exams, estimates, skills, programs,
    career facts, the mobility agreements and the tile map."""
    from lmspath.store.check import check_dir
    from lmspath.store.market import check_market
    from lmspath.store.programs import check_programs
    from lmspath.store.taxonomy import check_taxonomy

    if not base.is_dir():
        raise InputError(f"{base}: is not a folder")
    problems = check_dir(base, today)
    if (base / "skills.yaml").exists():
        problems += check_taxonomy(base)
    else:
        problems.append(f"{base / 'skills.yaml'}: missing")
    programs = check_programs(base, today)
    problems += programs.problems
    problems += check_market(base, today)
    problems += _check_extras(base)
    return FolderCheck(problems, list(programs.warnings), programs.programs, programs.files)


def _check_extras(base: Path) -> list[str]:
    """The mobility agreements and the tile map, when the folder has them."""
    from lmspath.store.load import load_schema
    from lmspath.store.mobility import MobilityData
    from lmspath.store.tiles import TileMap

    problems: list[str] = []
    for name, model in (("mobility.yaml", MobilityData), ("tiles.yaml", TileMap)):
        path = base / name
        if not path.exists():
            continue
        try:
            load_schema(path, model)
        except DataError as exc:
            problems += exc.details or [exc.message]
    return problems


def use_data_folder(base: Path, today: dt.date) -> list[str]:
    """Check ``base`` and make it the data every command reads; DataError (exit 4) when it has
    problems, naming the first and how many. Returns the warnings (stale programs)."""
    from lmspath.store.datadate import choose_data_dir

    if not base.is_dir():
        raise InputError(f"--data {base}: no such folder")
    found = check_folder(base, today)
    if found.problems:
        more = f" (and {len(found.problems) - 1} more)" if len(found.problems) > 1 else ""
        raise DataError(
            f"--data {base}: the data folder is invalid: {found.problems[0]}{more}; "
            f"`lmspath data check {base}` lists every problem"
        )
    choose_data_dir(base.resolve())
    return found.warnings
