"""Check a rules data folder: every file validates and every reference (source, exam) resolves."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lmspath.engine.checks import evaluate
from lmspath.errors import DataError
from lmspath.model.profile import ExamResult, Profile
from lmspath.model.rules import (
    ExamCatalog,
    ExamRequirement,
    StateRules,
    walk,
)
from lmspath.model.states import JURISDICTIONS
from lmspath.store.load import load_estimates_file, load_exams, load_model


def exam_ids(rules: StateRules) -> list[str]:
    """Every exam id the state's requirements name, in order of first use."""
    seen: list[str] = []
    for pathway in rules.pathways:
        for req in pathway.requirements:
            for _, item in walk(req, ""):
                if isinstance(item, ExamRequirement) and item.exam not in seen:
                    seen.append(item.exam)
    return seen


def full_profile(rules: StateRules) -> Profile:
    """A person holding every credential any pathway of this state could ask for."""
    return Profile(
        state=rules.code,
        bachelor="yes",
        master="yes",
        master_fields=("library_science", "school_library_media", "education"),
        master_ala_accredited="yes",
        school_library_program="yes",
        school_library_program_kind="teacher_preparation",
        school_library_program_state=rules.code,
        library_credit_hours=300,
        teaching_license_state=rules.code,
        teaching_license_status="active",
        teaching_years=60,
        school_library_years=60,
        exams=tuple(ExamResult(exam=e) for e in exam_ids(rules)),
        practicum_hours=5000,
        portfolio="complete",
        background_check="yes",
        national_board="yes",
    )


def check_state(rules: StateRules, label: str, catalog: ExamCatalog, today: dt.date) -> list[str]:
    """Reference problems in one state's rules, one line each."""
    problems: list[str] = []
    source_ids = {s.id for s in rules.sources}

    def cite(path: str, ids: list[str]) -> None:
        for source_id in ids:
            if source_id not in source_ids:
                problems.append(
                    f"{label}: {path}.sources: {source_id!r} is not in this file's sources"
                )

    known_exams = {e.id for e in catalog.exams}
    for p_index, pathway in enumerate(rules.pathways):
        req_ids: set[str] = set()
        for r_index, top in enumerate(pathway.requirements):
            if top.id in req_ids:
                problems.append(
                    f"{label}: pathways.{p_index}.requirements.{r_index}.id: "
                    f"{top.id!r} is used twice in this pathway"
                )
            req_ids.add(top.id)
            for path, req in walk(top, f"pathways.{p_index}.requirements.{r_index}"):
                cite(path, req.sources)
                if req.conflict is not None:
                    for c_index, reading in enumerate(req.conflict.readings):
                        cite(f"{path}.conflict.readings.{c_index}", reading.sources)
                if isinstance(req, ExamRequirement) and req.exam not in known_exams:
                    problems.append(
                        f"{label}: {path}.exam: {req.exam!r} is not in the exams catalogue"
                    )
                if isinstance(req, ExamRequirement) and req.last_known_cut is not None:
                    problems.extend(_past_cut(req, path, label, source_ids))
    for index, fee in enumerate(rules.fees):
        cite(f"fees.{index}", fee.sources)
        if fee.exam is not None and fee.exam not in known_exams:
            problems.append(
                f"{label}: fees.{index}.exam: {fee.exam!r} is not in the exams catalogue"
            )
    if rules.renewal is not None:
        cite("renewal", rules.renewal.sources)
    if rules.reciprocity is not None:
        cite("reciprocity", rules.reciprocity.sources)
    if rules.last_checked > today:
        problems.append(f"{label}: last_checked: {rules.last_checked} is in the future")
    for src in rules.sources:
        if src.read_on > today:
            problems.append(f"{label}: sources.{src.id}.read_on: {src.read_on} is in the future")
    if not problems:
        results = evaluate(full_profile(rules), rules, catalog)
        general = [
            r for r, pw in zip(results, rules.pathways, strict=True) if pw.audience == "general"
        ]
        if not general:
            problems.append(f"{label}: pathways: no pathway is open to a general applicant")
        elif not any(not any(q.status == "missing" for q in r.requirements) for r in general):
            problems.append(
                f"{label}: pathways: no general pathway can be completed even by a person "
                "holding every credential"
            )
    return problems


def _past_cut(req: ExamRequirement, path: str, label: str, source_ids: set[str]) -> list[str]:
    """A last-known cut cites a source of the file and stands beside a null cut only."""
    past = req.last_known_cut
    assert past is not None
    out = []
    if past.source not in source_ids:
        out.append(
            f"{label}: {path}.last_known_cut.source: {past.source!r} is not in this file's sources"
        )
    if req.cut_score is not None:
        out.append(
            f"{label}: {path}.last_known_cut: only for a cut score that is not confirmed (null)"
        )
    return out


def check_dir(data_dir: Path, today: dt.date) -> list[str]:
    """Every problem in a data folder, one line each naming file and field path."""
    problems: list[str] = []
    try:
        catalog = load_exams(data_dir)
    except DataError as exc:
        return exc.details or [exc.message]
    for exam in catalog.exams:
        known = {s.id for s in catalog.sources}
        for source_id in exam.sources:
            if source_id not in known:
                problems.append(f"exams: {exam.id}.sources: {source_id!r} is not a known source")
        if exam.registration_url is not None and exam.registration_source not in known:
            problems.append(
                f"exams: {exam.id}.registration_source: {exam.registration_source!r} is not a "
                "known source (a registration_url must cite the page that gives it)"
            )
    try:
        estimates = load_estimates_file(data_dir)
        known = {s.id for s in estimates.sources}
        for est in estimates.estimates:
            for source_id in est.sources:
                if source_id not in known:
                    problems.append(
                        f"estimates.yaml: {est.id}.sources: {source_id!r} is not a known source"
                    )
    except DataError as exc:
        problems.extend(exc.details or [exc.message])
    folder = data_dir / "requirements"
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    present = {path.stem for path in files}
    for code, name in JURISDICTIONS.items():
        # Every user asking about a state without its file would be told "no rules data yet".
        if code not in present:
            problems.append(
                f"{folder / (code + '.yaml')}: missing; every state and DC needs a rules file "
                f"({name})"
            )
    for path in files:
        label = str(path)
        code = path.stem
        if code not in JURISDICTIONS:
            problems.append(f"{label}: {code!r} is not a state code (AL ... WY, DC)")
            continue
        try:
            rules = load_model(path, StateRules, label)
        except DataError as exc:
            problems.extend(exc.details or [exc.message])
            continue
        if rules.code != code:
            problems.append(f"{label}: code: {rules.code!r} does not match the file name")
            continue
        problems.extend(check_state(rules, label, catalog, today))
    return problems
