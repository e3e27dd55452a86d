"""`--assume FIELD=VALUE`: what-if answers parsed like profile fields, applied over a profile."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Sequence

from lmspath.errors import InputError
from lmspath.model.profile import (
    FIELDS,
    ExamResult,
    Profile,
    merge,
    normalise_key,
    parse_exams,
    parse_field,
    suggest_field,
)
from lmspath.store.load import ExamIndex


def allowed_values(field: str) -> tuple[str, ...]:
    """The closed set of words a field takes (yes/no, no/in_progress/yes, ...), or ()."""
    annotation = typing.get_type_hints(Profile)[field]
    found: list[str] = []

    def walk(tp: object) -> None:
        origin = typing.get_origin(tp)
        if origin is typing.Literal:
            found.extend(str(a) for a in typing.get_args(tp))
        elif origin in (typing.Union, types.UnionType, tuple):
            for arg in typing.get_args(tp):
                walk(arg)

    walk(annotation)
    return tuple(dict.fromkeys(found))


def _closest(field: str, value: str) -> str | None:
    choices = allowed_values(field)
    word = value.strip().lower().replace("-", "_").replace(" ", "_")
    match = difflib.get_close_matches(word, choices, n=1, cutoff=0.4)
    return match[0] if match else None


class Assumption(typing.NamedTuple):
    """One parsed ``--assume``: the text as given, the field, the parsed value."""

    text: str
    field: str
    value: object


def parse_assumption(item: str, exams: ExamIndex) -> Assumption:
    """``FIELD=VALUE`` (any profile field) or ``EXAM:SCORE`` / ``EXAM`` (an exam passed)."""
    text = item.strip()
    name, sep, value = text.partition("=")
    if not sep:
        if ":" in text or exams.resolve(text) is not None:
            name, value = "exams", text
        else:
            hint = suggest_field(text) or exams.suggest(text)
            tail = f"; did you mean {hint!r}?" if hint else ""
            raise InputError(
                f"--assume {text!r}: write FIELD=VALUE (teaching_years=2) or EXAM:SCORE "
                f"(praxis-5312:165){tail}"
            )
    field = normalise_key(name)
    if field not in FIELDS or field == "client_id":
        hint = suggest_field(name)
        tail = f"; did you mean {hint!r}?" if hint and hint != "client_id" else ""
        raise InputError(f"--assume {text!r}: unknown field {name.strip()!r}{tail}")
    try:
        if field == "exams":
            parsed: object = parse_exams(value, exams.resolve, exams.suggest, exams.score_range)
        else:
            parsed = parse_field(
                field,
                value,
                resolve_exam=exams.resolve,
                suggest_exam=exams.suggest,
                score_range=exams.score_range,
            )
    except ValueError as exc:
        hint = _closest(field, value) if allowed_values(field) else None
        tail = f"; did you mean {hint!r}?" if hint else ""
        raise InputError(f"--assume {text!r}: {field}: {exc}{tail}") from None
    return Assumption(text, field, parsed)


def parse_assumptions(items: Sequence[str], exams: ExamIndex) -> list[Assumption]:
    """Every ``--assume`` in order; InputError (one line) at the first bad one."""
    return [parse_assumption(item, exams) for item in items]


def apply(profile: Profile, assumptions: Sequence[Assumption]) -> Profile:
    """The profile with the assumed answers: exams are added (a new score for an exam already
    listed replaces it); every other field is replaced, and a blank value clears it."""
    changes: dict[str, object] = {}
    exams: list[ExamResult] = list(profile.exams or ())
    touched_exams = False
    for item in assumptions:
        if item.field == "exams":
            touched_exams = True
            for result in typing.cast("tuple[ExamResult, ...]", item.value):
                exams = [e for e in exams if e.exam != result.exam] + [result]
        else:
            changes[item.field] = item.value
    if touched_exams:
        changes["exams"] = tuple(exams)
    return merge(profile, **changes) if changes else profile
