"""The person's profile: the contract's fields, and one parser per field for every input road."""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Mapping
from typing import ClassVar

from lmspath.errors import ECHO_LIMIT, shown
from lmspath.model.frozen import Frozen
from lmspath.model.lenient import (
    Noted,
    note,
    number_with_unit,
    progress_word,
    state_code,
    yes_no_word,
)
from lmspath.model.person import (  # re-exported: the profile's types live there
    FIELDS as FIELDS,
    CertificateKind as CertificateKind,
    ExamResult as ExamResult,
    LicenseStatus as LicenseStatus,
    MasterField as MasterField,
    PortfolioStatus as PortfolioStatus,
    Profile as Profile,
    ProgramKind as ProgramKind,
    Progress as Progress,
    YesNo as YesNo,
)
from lmspath.model.states import resolve_state, unknown_state_message

FILE_ONLY_FIELDS: tuple[str, ...] = (
    "library_certificate_state",
    "library_certificate_kind",
    "library_certificate_years",
)

MASTER_FIELDS: tuple[str, ...] = (
    "library_science",
    "school_library_media",
    "education",
    "educational_technology",
    "other",
)

#: Largest values a person could plausibly give; beyond them the value is a typo.
LIMITS: dict[str, float] = {
    "teaching_years": 60,
    "school_library_years": 60,
    "library_credit_hours": 300,
    "practicum_hours": 5000,
    "library_certificate_years": 60,
}

#: A resolver turns what a person wrote for an exam ('Praxis 5312') into a catalogue id, or None;
#: a ``Noted`` id when it was found leniently ('Praxis II 5312').
ExamResolver = Callable[[str], "str | Noted | None"]
#: Suggests the closest known exam for an id that did not resolve.
ExamSuggester = Callable[[str], "str | None"]
#: The (min, max) score scale of an exam id, or None when the scale is not known.
ScoreRange = Callable[[str], "tuple[float, float] | None"]


_set = object.__setattr__


class FieldProblem(Frozen):
    """One thing wrong with one field."""

    __slots__ = ("field", "problem")
    _fields: ClassVar[tuple[str, ...]] = ("field", "problem")

    field: str
    problem: str

    def __init__(self, field: str, problem: str) -> None:
        _set(self, "field", field)
        _set(self, "problem", problem)

    def __str__(self) -> str:
        return f"{self.field}: {self.problem}"


def parsed_profile(values: dict[str, object]) -> Profile:
    """The profile holding ``values``, each already normalised by ``parse_field`` (a profile
    has no rule across fields, so nothing is left to check). Batch scoring makes one per row."""
    return Profile(**values)  # type: ignore[arg-type]


class ProfileProblems(ValueError):
    """Every problem found in one profile (a file, an intake row or a set of answers)."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _show(value: object) -> str:
    return shown(value)


_PLAIN_KEY = re.compile(r"[A-Za-z0-9_ -]{1,40}")


def _key_text(key: str) -> str:
    """An unknown key as echoed: as written when it is a plain short word (a typo of a field),
    else quoted and cut, so it cannot add lines or escape sequences to a message."""
    return key if _PLAIN_KEY.fullmatch(key) else shown(key)


def _word(value: object) -> str:
    # YAML 1.1 reads a bare yes/no as a bool; map it back to the word the person wrote.
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return str(value).strip().lower().replace("-", "_").replace(" ", "_")


def parse_yes_no(value: object, field: str = "") -> str | Noted:
    """'yes' or 'no'; any other yes/no word (y/n/true/false/1/0/x, any case) as a Noted answer."""
    word = _word(value)
    if word in {"yes", "no"} or isinstance(value, bool):
        return word
    found = yes_no_word(value)
    if found is not None:
        return Noted(found, note(field, value, found))
    raise ValueError(f"{_show(value)} is not yes or no (nor y/n, true/false, 1/0 or x)")


def _yes_no(field: str) -> Parser:
    return lambda value: parse_yes_no(value, field)


def _choice(
    field: str,
    allowed: tuple[str, ...],
    synonyms: Mapping[str, str] | None = None,
    words: Callable[[object], str | None] | None = None,
) -> Parser:
    """One of ``allowed`` as written (any case); a synonym, or an answer ``words`` reads (yes/no
    words), as a Noted answer."""

    def parse(value: object) -> str | Noted:
        word = _word(value)
        if word in allowed:
            return word
        found = synonyms.get(word) if synonyms else None
        if found is None and words is not None:
            read = words(value)
            found = synonyms.get(read, read) if synonyms and read else read
        if found in allowed:
            return Noted(found, note(field, value, found))
        raise ValueError(f"{_show(value)} is not one of {', '.join(allowed)}")

    return parse


def _number(field: str) -> Parser:
    limit = LIMITS[field]

    def parse(value: object) -> float | Noted:
        if isinstance(value, bool):
            raise ValueError(f"{_show(value)} is not a number")
        unit = ""
        if isinstance(value, int | float):
            try:
                number = float(value)
            except OverflowError:  # an integer past 1.8e308: far more than the limit
                number = math.inf if value > 0 else -math.inf
        else:
            text = str(value).strip().replace(",", "")
            try:
                number = float(text)
            except ValueError:
                read = number_with_unit(field, value)
                if read is None:
                    raise ValueError(f"{_show(value)} is not a number") from None
                number, unit = round(read[0], 4), read[1]
        if math.isnan(number):
            raise ValueError(f"{_show(value)} is not a number")
        if math.isinf(number) and "inf" in str(value).lower():
            raise ValueError(f"{_show(value)} is not a number")
        # Past this, any other infinity is a long run of digits: more than the limit below.
        if number < 0:
            raise ValueError(f"{_show(value)} is negative; give 0 or more")
        if number > limit:
            raise ValueError(f"{_show(value)} is more than {limit:g}; check the number")
        if unit:
            return Noted(number, note(field, value, f"{number:g}"))
        return number

    return parse


def split_list(value: object) -> list[str]:
    """A list from a YAML list or a ';'-separated string; blank items are dropped."""
    if isinstance(value, list | tuple):
        if any(isinstance(v, Mapping | list | tuple | set) for v in value):
            # Each item is one answer; a nested list could also stand for millions of values.
            raise ValueError("should be a list of plain values, not of lists or mappings")
        items = [str(v).strip() for v in value if not _blank(v)]
    else:
        items = [part.strip() for part in str(value).split(";")]
    return [item for item in items if item]


def _text_list(value: object) -> tuple[str, ...]:
    if isinstance(value, Mapping):
        raise ValueError("should be a list, not a mapping")
    return tuple(split_list(value))


_MASTER_SYNONYMS = {
    "library": "library_science",
    "mlis": "library_science",
    "mls": "library_science",
}


def _master_fields(value: object) -> tuple[str, ...] | Noted:
    if isinstance(value, Mapping):
        raise ValueError("should be a list, not a mapping")
    out: list[str] = []
    notes: list[str] = []
    for item in split_list(value):
        word = _word(item)
        if word in _MASTER_SYNONYMS:
            word = _MASTER_SYNONYMS[word]
            notes.append(note("master_fields", item, word))
        if word not in MASTER_FIELDS:
            raise ValueError(f"{_show(item)} is not one of {', '.join(MASTER_FIELDS)}")
        if word not in out:
            out.append(word)
    return Noted(tuple(out), "; ".join(notes)) if notes else tuple(out)


def _state_of(field: str) -> Callable[[object], str | Noted]:
    def parse(value: object) -> str | Noted:
        text = str(value)
        code = resolve_state(text)
        if code is not None:
            return code
        code = state_code(text)
        if code is None:
            raise ValueError(unknown_state_message(text))
        return Noted(code, note(field, value, code))

    return parse


_state = _state_of("state")
_program_state = _state_of("school_library_program_state")
_any_license_state = _state_of("teaching_license_state")


def _license_state(value: object) -> str | Noted:
    if _word(value) in {"none", "no"} or value is False:
        return "none"
    if _word(value) in {"n", "false", "0", "n/a", "na"}:
        return Noted("none", note("teaching_license_state", value, "none"))
    return _any_license_state(value)


def _client_id(value: object) -> str:
    return str(value).strip()


def _program_id(value: object) -> str:
    text = str(value).strip().lower()
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", text):
        raise ValueError(f"{_show(value)} is not a program id (`lmspath programs` lists them)")
    return text


Parser = Callable[[object], object]

_PARSERS: dict[str, Parser] = {
    "client_id": _client_id,
    "state": _state,
    "bachelor": _choice("bachelor", ("yes", "no", "in_progress"), words=progress_word),
    "master": _choice("master", ("no", "in_progress", "yes"), words=progress_word),
    "master_fields": _master_fields,
    "master_ala_accredited": _yes_no("master_ala_accredited"),
    "school_library_program": _choice(
        "school_library_program", ("no", "in_progress", "yes"), words=progress_word
    ),
    "school_library_program_kind": _choice(
        "school_library_program_kind",
        ("school_library", "teacher_preparation"),
        {"library": "school_library", "teacher": "teacher_preparation"},
    ),
    "school_library_program_state": _program_state,
    "program": _program_id,
    "library_credit_hours": _number("library_credit_hours"),
    "teaching_license_state": _license_state,
    "teaching_license_status": _choice(
        "teaching_license_status",
        ("active", "expired", "none"),
        {"no": "none", "valid": "active", "current": "active", "lapsed": "expired"},
        words=yes_no_word,
    ),
    "teaching_years": _number("teaching_years"),
    "school_library_years": _number("school_library_years"),
    "practicum_hours": _number("practicum_hours"),
    "portfolio": _choice(
        "portfolio",
        ("none", "in_progress", "complete"),
        {"no": "none", "yes": "complete", "done": "complete", "completed": "complete"},
        words=progress_word,
    ),
    "background_check": _yes_no("background_check"),
    "national_board": _yes_no("national_board"),
    "tools": _text_list,
    "skills": _text_list,
    "library_certificate_state": _license_state,
    "library_certificate_kind": _choice(
        "library_certificate_kind",
        ("full", "provisional"),
        {
            "standard": "full",
            "professional": "full",
            "permanent": "full",
            "temporary": "provisional",
            "conditional": "provisional",
            "emergency": "provisional",
        },
    ),
    "library_certificate_years": _number("library_certificate_years"),
}


def parse_exams(
    value: object,
    resolve: ExamResolver,
    suggest: ExamSuggester | None = None,
    score_range: ScoreRange | None = None,
) -> tuple[ExamResult, ...]:
    """Exams from a list or a ';' string of ``ID`` or ``ID:SCORE`` items."""
    found = _parse_exams(value, resolve, suggest, score_range)
    return found.value if isinstance(found, Noted) else found  # type: ignore[return-value]


def _parse_exams(
    value: object,
    resolve: ExamResolver,
    suggest: ExamSuggester | None = None,
    score_range: ScoreRange | None = None,
) -> tuple[ExamResult, ...] | Noted:
    """``parse_exams``, with a note when an exam was found leniently (``Praxis II 5312``)."""
    if isinstance(value, Mapping):
        raise ValueError("should be a list such as 'praxis-5312:158; texes-150', not a mapping")
    results: list[ExamResult] = []
    notes: list[str] = []
    for item in split_list(value):
        name, sep, score_text = item.rpartition(":")
        if not sep:
            name, score_text = item, ""
        exam_id = resolve(name.strip())
        if isinstance(exam_id, Noted):
            notes.append(exam_id.note)
            exam_id = str(exam_id.value)
        if exam_id is None:
            hint = suggest(name.strip()) if suggest else None
            tail = f"; did you mean {hint}?" if hint else "; `lmspath exams` lists the known ids"
            raise ValueError(f"unknown exam {name.strip()!r}{tail}")
        score: float | None = None
        if score_text.strip():
            try:
                score = float(score_text.strip())
            except ValueError:
                raise ValueError(
                    f"score {score_text.strip()!r} for {exam_id} is not a number"
                ) from None
            if score < 0 or math.isnan(score) or math.isinf(score):
                raise ValueError(f"score {score_text.strip()!r} for {exam_id} is not a valid score")
            scale = score_range(exam_id) if score_range else None
            if scale is not None and not scale[0] <= score <= scale[1]:
                raise ValueError(
                    f"score {score:g} for {exam_id} is outside its scale "
                    f"({scale[0]:g} to {scale[1]:g})"
                )
        results.append(ExamResult(exam=exam_id, score=score))
    return Noted(tuple(results), "; ".join(notes)) if notes else tuple(results)


def parse_field(
    field: str,
    value: object,
    *,
    resolve_exam: ExamResolver | None = None,
    suggest_exam: ExamSuggester | None = None,
    score_range: ScoreRange | None = None,
) -> object:
    """One field's value, normalised; None for blank; ValueError with a plain reason otherwise."""
    found = parse_field_noted(
        field,
        value,
        resolve_exam=resolve_exam,
        suggest_exam=suggest_exam,
        score_range=score_range,
    )
    return found.value if type(found) is Noted else found


def parse_field_noted(
    field: str,
    value: object,
    *,
    resolve_exam: ExamResolver | None = None,
    suggest_exam: ExamSuggester | None = None,
    score_range: ScoreRange | None = None,
) -> object:
    """``parse_field``, with a value read leniently (``Y``, ``Tex.``, ``2.5 yrs``) as a Noted
    value that says what was read and what it became."""
    if _blank(value):
        return None
    if isinstance(value, list | tuple) and not value and field not in {"tools", "skills", "exams"}:
        return None
    if field == "exams":
        return _parse_exams(
            value, resolve_exam or (lambda s: s.lower() or None), suggest_exam, score_range
        )
    parser = _PARSERS[field]
    if isinstance(value, Mapping | list | tuple) and field not in {
        "master_fields",
        "tools",
        "skills",
    }:
        raise ValueError(f"{_show(value)} should be a single value")
    return parser(value)


def suggest_field(key: str) -> str | None:
    """The valid field name closest to an unknown key."""
    normal = key.strip().lower().replace(" ", "_").replace("-", "_")
    if normal in FIELDS:
        return normal
    match = difflib.get_close_matches(normal, FIELDS, n=1, cutoff=0.6)
    return match[0] if match else None


def normalise_key(key: str) -> str:
    """A header or key as a field name: 'Teaching Years' -> 'teaching_years'."""
    return "_".join(key.strip().lower().replace("-", " ").replace("_", " ").split())


def build_profile(
    raw: Mapping[str, object],
    *,
    resolve_exam: ExamResolver | None = None,
    suggest_exam: ExamSuggester | None = None,
    score_range: ScoreRange | None = None,
    allow_client_id: bool = True,
    notes: list[str] | None = None,
) -> Profile:
    """A Profile from raw key/values, or ProfileProblems listing every bad field at once.

    What was read leniently (``Y`` as yes) is added to ``notes`` when given."""
    problems: list[FieldProblem] = []
    values: dict[str, object] = {}
    for key, value in raw.items():
        name = str(key)
        if name not in FIELDS or (name == "client_id" and not allow_client_id):
            hint = suggest_field(name[:ECHO_LIMIT])
            tail = f"; did you mean {hint!r}?" if hint and hint != name else ""
            problems.append(FieldProblem(_key_text(name), f"unknown field{tail}"))
            continue
        try:
            parsed = parse_field_noted(
                name,
                value,
                resolve_exam=resolve_exam,
                suggest_exam=suggest_exam,
                score_range=score_range,
            )
        except ValueError as exc:
            problems.append(FieldProblem(name, str(exc)))
            continue
        if type(parsed) is Noted:
            if notes is not None:
                notes.append(parsed.note)
            parsed = parsed.value
        if parsed is not None:
            values[name] = parsed
    if problems:
        raise ProfileProblems(problems)
    return parsed_profile(values)


def merge(base: Profile, **changes: object) -> Profile:
    """A copy of the profile with some fields replaced (already parsed values)."""
    return base.replace(**changes)
