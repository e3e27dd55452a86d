"""Load data/market.yaml and check that every figure in it cites a known, dated source."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from pathlib import Path

from lmspath.errors import DataError
from lmspath.model import market as market_model
from lmspath.model.market import Fact, Figure, MandateFact, MarketFile
from lmspath.store.cache import cached
from lmspath.store.load import default_data_dir, load_model

FILE = "market.yaml"
_MODEL_FILE = Path(market_model.__file__)


def _label(base: Path, path: Path) -> str:
    if base == default_data_dir():
        return f"data/{path.relative_to(base).as_posix()}"
    return str(path)


def cited(item: MarketFile) -> Iterator[tuple[str, Figure | Fact | MandateFact]]:
    """Every figure and fact in the file with its field path."""
    nat = item.national
    for index, edition in enumerate(nat.ooh):
        base = f"national.ooh.{index}"
        yield f"{base}.median_pay", edition.median_pay
        yield f"{base}.employment", edition.employment
        yield f"{base}.growth_pct", edition.growth_pct
        yield f"{base}.annual_openings", edition.annual_openings
        yield f"{base}.entry_education", edition.entry_education
    for index, industry in enumerate(nat.industries):
        yield f"national.industries.{index}.figure", industry.figure
    yield "national.school_librarians", nat.school_librarians
    yield "national.schools_with_library", nat.schools_with_library
    for code, state in item.states.items():
        base = f"states.{code}"
        if state.oews is not None:
            for name in ("employment", "mean", "median", "pct10", "pct25", "pct75", "pct90"):
                yield f"{base}.oews.{name}", getattr(state.oews, name)
        if state.school_librarians is not None:
            yield f"{base}.school_librarians", state.school_librarians
        if state.mandate is not None:
            yield f"{base}.mandate", state.mandate
        if state.salary_schedule is not None:
            yield f"{base}.salary_schedule", state.salary_schedule


def market_problems(item: MarketFile, label: str, today: dt.date | None = None) -> list[str]:
    """References that do not resolve and dates in the future, one line each."""
    known = {s.id for s in item.sources}
    problems: list[str] = []
    for path, fact in cited(item):
        if fact.source is not None and fact.source not in known:
            problems.append(
                f"{label}: {path}.source: {fact.source!r} is not in this file's sources"
            )
    for index, step in enumerate(item.ladder):
        for s_index, source_id in enumerate(step.sources):
            if source_id not in known:
                problems.append(
                    f"{label}: ladder.{index}.sources.{s_index}: {source_id!r} is not in this "
                    "file's sources"
                )
    if today is not None:
        for index, src in enumerate(item.sources):
            if src.read_on > today:
                problems.append(f"{label}: sources.{index}.read_on: {src.read_on} is in the future")
    return problems


def _raise(problems: list[str]) -> None:
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise DataError(problems[0] + more, details=problems)


@functools.lru_cache(maxsize=8)
def load_market(data_dir: Path | None = None) -> MarketFile:
    """The market facts; DataError naming file and field path when the file is missing or bad."""
    base = data_dir or default_data_dir()
    path = base / FILE
    label = _label(base, path)
    if not path.is_file():
        raise DataError(f"{label}: missing; the career facts ship with lmspath")

    def build() -> MarketFile:
        item = load_model(path, MarketFile, label)
        _raise(market_problems(item, label))
        return item

    return cached("market", [path, _MODEL_FILE], build, MarketFile)


def check_market(data_dir: Path, today: dt.date) -> list[str]:
    """What ``lmspath data check`` reports about a folder's market.yaml (nothing if absent)."""
    path = data_dir / FILE
    if not path.exists():
        return []
    try:
        item = load_model(path, MarketFile, str(path))
    except DataError as exc:
        return exc.details or [exc.message]
    return market_problems(item, str(path), today)
