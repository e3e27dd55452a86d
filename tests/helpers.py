"""Test helpers: build a profile from plain values and assess it with the shipped data."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from lmspath.engine.assess import assess
from lmspath.model.frozen import Plain
from lmspath.model.profile import Profile, build_profile
from lmspath.model.results import Assessment, PathwayResult, RequirementResult
from lmspath.store.load import exam_index, load_estimates, load_exams, load_state

F = TypeVar("F", bound=Plain)

#: A person with a bachelor's degree and, explicitly, nothing else (every other answer "no" or 0).
ONLY_BACHELOR: dict[str, object] = {
    "bachelor": "yes",
    "master": "no",
    "school_library_program": "no",
    "library_credit_hours": 0,
    "teaching_license_status": "none",
    "teaching_years": 0,
    "school_library_years": 0,
    "exams": [],
    "practicum_hours": 0,
    "portfolio": "none",
    "background_check": "no",
    "national_board": "no",
}

#: The day the tests pretend it is, so staleness warnings do not change from day to day.
TODAY = dt.date(2026, 12, 5)


def profile(**fields: object) -> Profile:
    """A Profile from keyword fields, parsed exactly as a profile file would be."""
    index = exam_index()
    return build_profile(
        fields,
        resolve_exam=index.resolve,
        suggest_exam=index.suggest,
        score_range=index.score_range,
    )


def run(code: str, /, **fields: object) -> Assessment:
    """Assess a profile given as keyword fields against the shipped rules of state ``code``."""
    return assess(profile(**fields), load_state(code), load_estimates(), load_exams(), today=TODAY)


def pathway(result: Assessment, pathway_id: str) -> PathwayResult:
    """One pathway's result by id."""
    for item in result.pathways:
        if item.id == pathway_id:
            return item
    raise KeyError(pathway_id)


def requirement(path: PathwayResult, requirement_id: str) -> RequirementResult:
    """One requirement's result by id."""
    for item in path.requirements:
        if item.id == requirement_id:
            return item
    raise KeyError(requirement_id)


def default_sigint() -> None:
    """For ``preexec_fn``: the child gets Ctrl-C as from a terminal, even when the test run
    was started in the background (where a shell leaves SIGINT ignored for its children)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def validated(cls: type[F], data: dict[str, Any]) -> F:
    """``data`` checked by the pydantic schema of the plain class ``cls``, as ``cls`` (the road
    every data file takes on a cache miss)."""
    from lmspath.store.load import schema_of

    return cls.from_json(schema_of(cls).model_validate(data).model_dump(mode="json"))
