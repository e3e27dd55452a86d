"""Read the hand-written state cases in tests/states/XX.yaml into one Case shape, strictly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tests.helpers import ONLY_BACHELOR

STATES_DIR = Path(__file__).parent / "states"

#: The start every file may build on without defining it: a bachelor's and explicitly nothing else.
BUILT_IN_BASES: dict[str, dict[str, object]] = {"only-bachelor": ONLY_BACHELOR}

FILE_KEYS = {"state", "profiles", "cases"}
CASE_KEYS = {"id", "why", "source", "as_of", "base", "profile"} | {
    "verdict",
    "best",
    "requirements",
    "plan",
}
REQUIREMENT_KEYS = {"status", "have", "note", "readings", "goes_by"}
PLAN_KEYS = {"first", "steps", "without", "first_title"}
VERDICTS = {"eligible", "not_yet", "cannot_tell"}
STATUSES = {"met", "missing", "not_given", "not_confirmed"}


class CaseFileError(Exception):
    """A case file that does not have the shape this loader reads (a typo must not skip a check)."""


@dataclass(frozen=True)
class Expect:
    """What one requirement of one pathway must show; None means "not checked"."""

    status: str
    have: str | None = None
    note: str | None = None
    #: Statuses of the conflict's readings, in order (the requirement must have a conflict).
    readings: tuple[str, ...] | None = None
    #: Text that follows "lmspath goes by: " in the conflict's outcome.
    goes_by: str | None = None


@dataclass(frozen=True)
class Case:
    """One person in one state and what the shipped rules must answer, with the page it rests on."""

    state: str
    id: str
    sources: tuple[str, ...]
    fields: dict[str, object]
    verdict: str
    as_of: str | None = None
    why: str | None = None
    best: str | None = None
    #: "pathway.requirement" -> what it must show.
    requirements: dict[str, Expect] = field(default_factory=dict)
    first_step: str | None = None
    steps: tuple[str, ...] | None = None
    #: Step kinds the plan must not contain.
    without: tuple[str, ...] = ()
    first_title: str | None = None

    @property
    def name(self) -> str:
        return f"{self.state}-{self.id}"


def _mapping(value: object, where: str, allowed: set[str] | None) -> Mapping[str, object]:
    """``value`` as a mapping whose keys are all in ``allowed`` (None: any key)."""
    if not isinstance(value, Mapping):
        raise CaseFileError(f"{where}: expected a mapping")
    if allowed is not None and (unknown := set(value) - allowed):
        raise CaseFileError(f"{where}: unknown key(s) {sorted(unknown)}; known: {sorted(allowed)}")
    return value


def _text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CaseFileError(f"{where}: expected text")
    return value


def _optional_text(value: object, where: str) -> str | None:
    return None if value is None else _text(value, where)


def _texts(value: object, where: str) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    return tuple(_text(item, where) for item in items)


def _choice(value: object, where: str, allowed: set[str]) -> str:
    text = _text(value, where)
    if text not in allowed:
        raise CaseFileError(f"{where}: {text!r} is not one of {sorted(allowed)}")
    return text


def _profile(
    raw: Mapping[str, object], where: str, bases: Mapping[str, dict[str, object]]
) -> dict[str, object]:
    fields = dict(raw)
    base = fields.pop("base", None)
    if base is None:
        return fields
    name = _text(base, f"{where}.base")
    if name not in bases:
        raise CaseFileError(f"{where}.base: no profile {name!r}; known: {sorted(bases)}")
    return {**bases[name], **fields}


def _expect(raw: object, where: str) -> Expect:
    if isinstance(raw, str):
        return Expect(_choice(raw, where, STATUSES))
    item = _mapping(raw, where, REQUIREMENT_KEYS)
    readings = item.get("readings")
    return Expect(
        status=_choice(item.get("status"), f"{where}.status", STATUSES),
        have=_optional_text(item.get("have"), f"{where}.have"),
        note=_optional_text(item.get("note"), f"{where}.note"),
        readings=None
        if readings is None
        else tuple(_choice(r, f"{where}.readings", STATUSES) for r in _texts(readings, where)),
        goes_by=_optional_text(item.get("goes_by"), f"{where}.goes_by"),
    )


def _case(state: str, raw: object, where: str, bases: Mapping[str, dict[str, object]]) -> Case:
    item = _mapping(raw, where, CASE_KEYS)
    case_id = _text(item.get("id"), f"{where}.id")
    where = f"{where} ({case_id})"
    sources = _texts(item.get("source"), f"{where}.source")
    for url in sources:
        if not url.startswith(("https://", "http://")) or " " in url:
            raise CaseFileError(f"{where}.source: {url!r} is not a whole web address")
    as_of = item.get("as_of")
    if isinstance(as_of, dt.date):
        as_of = as_of.isoformat()
    profile = dict(_mapping(item.get("profile", {}), f"{where}.profile", None))
    if "base" in item:
        profile["base"] = item["base"]
    requirements = _mapping(item.get("requirements", {}), f"{where}.requirements", None)
    expects: dict[str, Expect] = {}
    for key, value in requirements.items():
        if key.count(".") != 1:
            raise CaseFileError(f"{where}.requirements: {key!r} is not 'pathway.requirement'")
        expects[key] = _expect(value, f"{where}.requirements.{key}")
    plan = _mapping(item.get("plan", {}), f"{where}.plan", PLAN_KEYS)
    steps = plan.get("steps")
    return Case(
        state=state,
        id=case_id,
        sources=sources,
        as_of=_optional_text(as_of, f"{where}.as_of"),
        why=_optional_text(item.get("why"), f"{where}.why"),
        fields=_profile(profile, f"{where}.profile", bases),
        verdict=_choice(item.get("verdict"), f"{where}.verdict", VERDICTS),
        best=_optional_text(item.get("best"), f"{where}.best"),
        requirements=expects,
        first_step=_optional_text(plan.get("first"), f"{where}.plan.first"),
        steps=None if steps is None else _texts(steps, f"{where}.plan.steps"),
        without=_texts(plan.get("without"), f"{where}.plan.without") if "without" in plan else (),
        first_title=_optional_text(plan.get("first_title"), f"{where}.plan.first_title"),
    )


def load_file(path: Path) -> list[Case]:
    """The cases of one state file; raises CaseFileError naming the file and the bad entry."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    top = _mapping(raw, path.name, FILE_KEYS)
    state = _text(top.get("state"), f"{path.name}.state")
    if f"{state}.yaml" != path.name:
        raise CaseFileError(f"{path.name}: names state {state}; the file must be {state}.yaml")
    bases: dict[str, dict[str, object]] = dict(BUILT_IN_BASES)
    for name, value in _mapping(top.get("profiles", {}), f"{path.name}.profiles", None).items():
        where = f"{path.name}.profiles.{name}"
        bases[name] = _profile(_mapping(value, where, None), where, bases)
    cases = top.get("cases")
    if not isinstance(cases, list) or not cases:
        raise CaseFileError(f"{path.name}.cases: expected a list of cases")
    return [_case(state, c, f"{path.name}.cases[{i}]", bases) for i, c in enumerate(cases)]


def load_all(folder: Path = STATES_DIR) -> list[Case]:
    """Every case of every state file, in file order; case names must be unique."""
    cases = [case for path in sorted(folder.glob("*.yaml")) for case in load_file(path)]
    seen: set[str] = set()
    for case in cases:
        if case.name in seen:
            raise CaseFileError(f"two cases are named {case.name}")
        seen.add(case.name)
    return cases
