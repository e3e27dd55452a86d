"""Load data/programs/*.yaml into one catalogue and check every reference in it resolves."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from lmspath.errors import DataError
from lmspath.model import programs as programs_model
from lmspath.model.programs import Program, ProgramCatalog, ProgramFile
from lmspath.model.states import JURISDICTIONS
from lmspath.store.cache import cached
from lmspath.store.load import default_data_dir, load_model, load_state

FOLDER = "programs"
_MODEL_FILE = Path(programs_model.__file__)


def _label(base: Path, path: Path) -> str:
    if base == default_data_dir():
        return f"data/{path.relative_to(base).as_posix()}"
    return str(path)


def has_programs(data_dir: Path | None = None) -> bool:
    """Whether the data folder holds program records (a folder of your own data may not)."""
    return ((data_dir or default_data_dir()) / FOLDER).is_dir()


def program_files(base: Path) -> list[Path]:
    """The program files of a data folder, in the order of the state table."""
    folder = base / FOLDER
    return sorted(
        folder.glob("*.yaml"),
        key=lambda p: (list(JURISDICTIONS).index(p.stem) if p.stem in JURISDICTIONS else 99, p),
    )


def file_problems(item: ProgramFile, label: str, stem: str) -> list[str]:
    """References inside one program file that do not resolve, one line each."""
    problems: list[str] = []

    def say(path: str, problem: str) -> None:
        problems.append(f"{label}: {path}: {problem}")

    if item.state != stem:
        say("state", f"{item.state!r} does not match the file name")
    source_ids = {s.id for s in item.sources}
    for index, program in enumerate(item.programs):
        path = f"programs.{index}"
        if program.approved_by != item.state:
            say(
                f"{path}.approved_by",
                f"{program.approved_by!r} is not this file's state {item.state!r}; "
                f"a program goes in the file of the state that approved it",
            )
        for s_index, source_id in enumerate(program.sources):
            if source_id not in source_ids:
                say(f"{path}.sources.{s_index}", f"{source_id!r} is not in this file's sources")
        if program.disclosure_source is not None and program.disclosure_source not in source_ids:
            say(
                f"{path}.disclosure_source",
                f"{program.disclosure_source!r} is not in this file's sources",
            )
        if program.disclosure_states is not None and program.disclosure_source is None:
            say(f"{path}.disclosure_source", "disclosure_states is given without its source")
    return problems


def _repeated_ids(loaded: list[tuple[str, ProgramFile]]) -> list[str]:
    problems: list[str] = []
    first: dict[str, str] = {}
    for label, item in loaded:
        for index, program in enumerate(item.programs):
            if program.id in first:
                problems.append(
                    f"{label}: programs.{index}.id: {program.id!r} is also used in "
                    f"{first[program.id]}"
                )
            else:
                first[program.id] = label
    return problems


def _raise(problems: list[str]) -> None:
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise DataError(problems[0] + more, details=problems)


@functools.lru_cache(maxsize=8)
def load_programs(data_dir: Path | None = None) -> ProgramCatalog:
    """Every program file as one catalogue; DataError naming file and field path for a problem."""
    base = data_dir or default_data_dir()
    folder = base / FOLDER
    if not folder.is_dir():
        raise DataError(f"{_label(base, folder)}: missing; the programs data ships with lmspath")
    paths = program_files(base)

    def build() -> ProgramCatalog:
        loaded: list[tuple[str, ProgramFile]] = []
        problems: list[str] = []
        for path in paths:
            label = _label(base, path)
            if path.stem not in JURISDICTIONS:
                problems.append(f"{label}: {path.stem!r} is not a state code (AL ... WY, DC)")
                continue
            item = load_model(path, ProgramFile, label)
            problems += file_problems(item, label, path.stem)
            loaded.append((label, item))
        problems += _repeated_ids(loaded)
        _raise(problems)
        return ProgramCatalog(files=[item for _, item in loaded])

    return cached("programs", [*paths, _MODEL_FILE], build, ProgramCatalog)


class ProgramCheck:
    """What ``lmspath data check`` found in data/programs/: problems fail it, warnings do not."""

    __slots__ = ("files", "problems", "programs", "warnings")

    problems: list[str]
    warnings: list[str]
    files: int
    programs: int

    def __init__(
        self,
        problems: list[str] | None = None,
        warnings: list[str] | None = None,
        files: int = 0,
        programs: int = 0,
    ) -> None:
        self.problems = [] if problems is None else problems
        self.warnings = [] if warnings is None else warnings
        self.files = files
        self.programs = programs


def one_year_before(day: dt.date) -> dt.date:
    """The same day a year earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def last_read(item: ProgramFile, program: Program) -> dt.date | None:
    """The newest ``read_on`` among the sources a program cites."""
    dates = [s.read_on for s in item.sources if s.id in set(program.sources)]
    return max(dates) if dates else None


def check_programs(data_dir: Path, today: dt.date) -> ProgramCheck:
    """Every problem in a data folder's programs, one line each naming file and field path;
    a warning for each program whose sources were last read more than twelve months ago."""
    check = ProgramCheck()
    folder = data_dir / FOLDER
    if not folder.is_dir():
        check.problems.append(f"{folder}: missing (one file per state: programs/XX.yaml)")
        return check
    stale_before = one_year_before(today)
    loaded: list[tuple[str, ProgramFile]] = []
    for path in program_files(data_dir):
        label = str(path)
        if path.stem not in JURISDICTIONS:
            check.problems.append(f"{label}: {path.stem!r} is not a state code (AL ... WY, DC)")
            continue
        try:
            item = load_model(path, ProgramFile, label)
        except DataError as exc:
            check.problems.extend(exc.details or [exc.message])
            continue
        check.files += 1
        check.programs += len(item.programs)
        loaded.append((label, item))
        check.problems += file_problems(item, label, path.stem)
        check.problems += _date_problems(item, label, today)
        check.problems += _pathway_problems(item, label, data_dir)
        for index, program in enumerate(item.programs):
            read = last_read(item, program)
            if read is not None and read < stale_before:
                check.warnings.append(
                    f"{label}: programs.{index} ({program.id}): last read {read}, more than "
                    "twelve months ago; read the program page again"
                )
    check.problems += _repeated_ids(loaded)
    return check


def _date_problems(item: ProgramFile, label: str, today: dt.date) -> list[str]:
    return [
        f"{label}: sources.{index}.read_on: {src.read_on} is in the future"
        for index, src in enumerate(item.sources)
        if src.read_on > today
    ]


def _pathway_problems(item: ProgramFile, label: str, data_dir: Path) -> list[str]:
    if not any(p.pathways for p in item.programs):
        return []
    rules_file = data_dir / "requirements" / f"{item.state}.yaml"
    try:
        rules = load_state(item.state, data_dir)
    except DataError:
        # The rules file's own problem is reported where the rules are checked, once.
        return []
    known = [p.id for p in rules.pathways]
    problems: list[str] = []
    for index, program in enumerate(item.programs):
        for p_index, pathway_id in enumerate(program.pathways):
            if pathway_id not in known:
                problems.append(
                    f"{label}: programs.{index}.pathways.{p_index}: {pathway_id!r} is not a "
                    f"pathway in {rules_file} (its pathways: {', '.join(known)})"
                )
    return problems
