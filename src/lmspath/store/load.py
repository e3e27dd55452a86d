"""Find the rules data, load and validate it, and name file and field path for every problem."""

from __future__ import annotations

import difflib
import functools
import importlib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from lmspath.errors import DataError, InputError
from lmspath.model.frozen import Plain
from lmspath.model.lenient import ExamNames, Noted, note
from lmspath.model.rules import Estimates, Exam, ExamCatalog, Source, StateRules
from lmspath.model.states import JURISDICTIONS, resolve_state, unknown_state_message
from lmspath.store.cache import cached
from lmspath.store.datadate import data_dir_path
from lmspath.store.yamlio import YamlProblem, parse_yaml, read_text

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=Plain)
S = TypeVar("S", bound="BaseModel")


def default_data_dir() -> Path:
    """The data folder shipped in the wheel, or the repository's ``data/`` in a checkout."""
    return data_dir_path()


def _field_path(loc: tuple[int | str, ...]) -> str:
    # Discriminated unions add the tag ('degree', 'exam', ...) to the path; drop it for readability.
    parts = [str(p) for p in loc]
    cleaned: list[str] = []
    for index, part in enumerate(parts):
        previous = parts[index - 1] if index else ""
        is_tag = previous.isdigit() and part in _KIND_TAGS and index + 1 < len(parts)
        if is_tag:
            continue
        cleaned.append(part)
    return ".".join(cleaned) or "(top level)"


_KIND_TAGS = {
    "degree", "program", "credit_hours", "teaching_license", "teaching_years",
    "school_library_years", "exam", "practicum", "portfolio", "background_check",
    "national_board", "other", "any_of",
}  # fmt: skip


def validation_lines(label: str, exc: ValidationError) -> list[str]:
    """One line per pydantic error: ``label: field.path: message``."""
    lines = []
    for err in exc.errors():
        msg = err["msg"]
        if err["type"] == "extra_forbidden":
            msg = "unknown key"
        lines.append(f"{label}: {_field_path(tuple(err['loc']))}: {msg}")
    return lines


def schema_of(model: type[Plain]) -> type[BaseModel]:
    """The pydantic schema a plain class mirrors (``lmspath.schema.X.Name`` for
    ``lmspath.model.X.Name``); importing it imports pydantic."""
    module = importlib.import_module(model.__module__.replace("lmspath.model.", "lmspath.schema."))
    schema: type[BaseModel] = getattr(module, model.__name__)
    return schema


def validated(path: Path, model: type[Plain], label: str | None = None) -> dict[str, Any]:
    """One data file checked against the schema of ``model``, as the JSON value of the
    validated data; DataError with one line per problem."""
    data: dict[str, Any] = load_schema(path, schema_of(model), label).model_dump(mode="json")
    return data


def load_schema(path: Path, schema: type[S], label: str | None = None) -> S:
    """One data file as its pydantic schema reads it (for files that have no plain twin);
    DataError with one line per problem."""
    from pydantic import ValidationError

    name = label or str(path)
    try:
        raw = parse_yaml(read_text(path))
    except YamlProblem as exc:
        raise DataError(f"{name}: {exc}") from None
    if not isinstance(raw, dict):
        raise DataError(f"{name}: should be a mapping of keys to values")
    try:
        return schema.model_validate(raw)
    except ValidationError as exc:
        lines = validation_lines(name, exc)
        more = f" (and {len(lines) - 1} more)" if len(lines) > 1 else ""
        raise DataError(lines[0] + more, details=lines) from None


def load_model(path: Path, model: type[M], label: str | None = None) -> M:
    """Read one data file, check it against its schema and return it as plain objects;
    DataError with one line per problem."""
    return model.from_json(validated(path, model, label))


def _label(data_dir: Path, path: Path) -> str:
    if data_dir == default_data_dir():
        return f"data/{path.relative_to(data_dir).as_posix()}"
    return str(path)


@functools.lru_cache(maxsize=64)
def load_state(code: str, data_dir: Path | None = None) -> StateRules:
    """One jurisdiction's rules by code; DataError if the file is invalid or missing."""
    base = data_dir or default_data_dir()
    path = base / "requirements" / f"{code}.yaml"
    if not path.exists():
        raise DataError(f"{_label(base, path)}: missing; every jurisdiction ships a rules file")

    def build() -> StateRules:
        rules = load_model(path, StateRules, _label(base, path))
        if rules.code != code:
            raise DataError(
                f"{_label(base, path)}: code: {rules.code!r} does not match the file name"
            )
        return rules

    return cached(f"state-{code}", [path], build, StateRules)


def available_states(data_dir: Path | None = None) -> list[str]:
    """Codes of the jurisdictions that have a rules file, in table order."""
    base = (data_dir or default_data_dir()) / "requirements"
    return [code for code in JURISDICTIONS if (base / f"{code}.yaml").exists()]


def state_for_input(text: str, data_dir: Path | None = None) -> str:
    """A code for what the user typed (code or name) that has rules; InputError otherwise."""
    code = resolve_state(text)
    if code is None:
        raise InputError(unknown_state_message(text))
    if code not in available_states(data_dir):
        raise InputError(f"no rules data for {code} ({JURISDICTIONS[code]}) yet")
    return code


@functools.lru_cache(maxsize=8)
def load_exams(data_dir: Path | None = None) -> ExamCatalog:
    """Every exam in ``data/exams/*.yaml`` as one catalogue; DataError on a repeated id."""
    base = data_dir or default_data_dir()
    files = sorted((base / "exams").glob("*.yaml"))
    if not files:
        raise DataError(f"{_label(base, base / 'exams')}: no exam files found")
    return cached("exams", files, lambda: _merge_exams(base, files), ExamCatalog)


def _merge_exams(base: Path, files: list[Path]) -> ExamCatalog:
    sources: dict[str, Source] = {}
    exams: dict[str, Exam] = {}
    for path in files:
        label = _label(base, path)
        part = load_model(path, ExamCatalog, label)
        for src in part.sources:
            if src.id in sources and sources[src.id] != src:
                raise DataError(f"{label}: sources: id {src.id!r} is used for another source")
            sources[src.id] = src
        for exam in part.exams:
            if exam.id in exams:
                raise DataError(f"{label}: exams: {exam.id!r} is described twice")
            exams[exam.id] = exam
    return ExamCatalog(sources=list(sources.values()), exams=list(exams.values()))


@functools.lru_cache(maxsize=8)
def load_estimates_file(data_dir: Path | None = None) -> Estimates:
    """The estimates of data/estimates.yaml alone (what `data check` validates)."""
    base = data_dir or default_data_dir()
    path = base / "estimates.yaml"
    if not path.is_file():
        return load_model(path, Estimates, _label(base, path))
    return cached(
        "estimates", [path], lambda: load_model(path, Estimates, _label(base, path)), Estimates
    )


@functools.lru_cache(maxsize=8)
def load_estimates(data_dir: Path | None = None) -> Estimates:
    """The plan estimates: data/estimates.yaml, plus each state's figures worked out from the
    programs it approved (data/programs/), which a plan prefers to the national ones."""
    from lmspath.engine import program_estimates
    from lmspath.engine.program_estimates import with_program_estimates
    from lmspath.store.programs import has_programs, load_programs, program_files

    base = data_dir or default_data_dir()
    path = base / "estimates.yaml"
    if not has_programs(base):
        return load_estimates_file(data_dir)
    return cached(
        "plan-estimates",
        [path, *program_files(base), Path(program_estimates.__file__)],
        lambda: with_program_estimates(load_estimates_file(data_dir), load_programs(data_dir)),
        Estimates,
    )


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


class ExamIndex:
    """Turns what people write for an exam ('Praxis 5312', '5312') into a catalogue id."""

    def __init__(self, catalog: ExamCatalog) -> None:
        self._ids = [exam.id for exam in catalog.exams]
        self._scales = {
            exam.id: (exam.scale.min, exam.scale.max) for exam in catalog.exams if exam.scale
        }
        self._by_key: dict[str, str] = {}
        for exam in catalog.exams:
            for name in (exam.id, f"{exam.vendor} {exam.code}", *exam.aliases):
                self._by_key.setdefault(_compact(name), exam.id)
        # A bare code ('5312') resolves only when one exam has it.
        codes: dict[str, list[str]] = {}
        for exam in catalog.exams:
            codes.setdefault(_compact(exam.code), []).append(exam.id)
        for code, ids in codes.items():
            if len(ids) == 1:
                self._by_key.setdefault(code, ids[0])
        self._names = ExamNames(
            (exam.id, (f"{exam.vendor} {exam.code}", *exam.aliases)) for exam in catalog.exams
        )

    def resolve(self, text: str) -> str | Noted | None:
        """The exam id for a known spelling; a Noted id for one found from the vendor and number
        (``Praxis II 5312``); None when nothing matches; ValueError when several exams could."""
        found = self._by_key.get(_compact(text))
        if found is not None:
            return found
        loose = self._names.find(text)
        return Noted(loose, note("exams", text, loose)) if loose is not None else None

    def score_range(self, exam_id: str) -> tuple[float, float] | None:
        """The exam's (min, max) score scale, or None when the data does not give one."""
        return self._scales.get(exam_id)

    def suggest(self, text: str) -> str | None:
        """The closest known exam id."""
        match = difflib.get_close_matches(text.lower(), self._ids, n=1, cutoff=0.5)
        return match[0] if match else None


@functools.lru_cache(maxsize=8)
def exam_index(data_dir: Path | None = None) -> ExamIndex:
    """The exam alias index for the catalogue."""
    return ExamIndex(load_exams(data_dir))
