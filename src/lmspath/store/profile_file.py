"""Read and write profile files (YAML or JSON) with errors that name the file and field."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from lmspath.errors import InputError
from lmspath.files import write_atomic
from lmspath.model.profile import Profile, ProfileProblems, build_profile
from lmspath.store.load import ExamIndex
from lmspath.store.yamlio import YamlProblem, parse_yaml, read_text


def read_profile(path: Path, exams: ExamIndex, notes: list[str] | None = None) -> Profile:
    """A Profile from a YAML or JSON file; InputError naming the file and every bad field.

    What was read leniently (``Y`` as yes, ``Tex.`` as TX) goes to ``notes``, named by file."""
    name = path.name
    try:
        raw = parse_yaml(read_text(path))
    except YamlProblem as exc:
        raise InputError(f"{path}: {exc}") from None
    if raw is None:
        raise InputError(f"{path}: is empty; see examples/ for a profile to start from")
    if not isinstance(raw, dict):
        raise InputError(f"{path}: should be a mapping of field: value, not a {_kind(raw)}")
    read: list[str] = []
    try:
        found = build_profile(
            raw,
            resolve_exam=exams.resolve,
            suggest_exam=exams.suggest,
            score_range=exams.score_range,
            allow_client_id=True,
            notes=read,
        )
    except ProfileProblems as exc:
        raise InputError(
            f"{name}: " + "; ".join(str(p) for p in exc.problems),
            details=[f"{name}: {p}" for p in exc.problems],
        ) from None
    if notes is not None:
        notes.extend(f"{name}: {item}" for item in read)
    return found


def _kind(value: object) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "single line of text"
    return type(value).__name__


def profile_text(profile: Profile, path: Path) -> str:
    """The profile as the file type its name asks for (JSON for .json, else YAML)."""
    plain = profile.to_plain()
    if path.suffix.lower() == ".json":
        return json.dumps(plain, indent=2, ensure_ascii=False) + "\n"
    return yaml.safe_dump(plain, sort_keys=False, allow_unicode=True)


def write_profile(profile: Profile, path: Path, flag: str = "") -> None:
    """Write a profile atomically (an interrupted save never leaves half a file), created 0600:
    a profile is a person's data. The temporary file has a random name made exclusively, so a
    link planted in a shared folder cannot redirect it."""
    write_atomic(path, profile_text(profile, path), private=True, flag=flag)
