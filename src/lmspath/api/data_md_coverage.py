"""DATA.md sections on cut scores, fees and plans naming programs, worked out from the data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from lmspath.model.profile import Profile, parsed_profile
from lmspath.model.results import Assessment
from lmspath.model.rules import ExamRequirement, StateRules, walk

#: Plan steps a preparation program fills.
STUDY = ("master", "program", "coursework")


def _exams(rules: StateRules) -> list[ExamRequirement]:
    found: dict[str, ExamRequirement] = {}
    for pathway in rules.pathways:
        for top in pathway.requirements:
            for _, req in walk(top, ""):
                if isinstance(req, ExamRequirement):
                    known = found.get(req.exam)
                    # One line per exam: a current cut wins over a last-known one.
                    better = known is None or (
                        known.cut_score is None
                        and (req.cut_score is not None or known.last_known_cut is None)
                    )
                    if better:
                        found[req.exam] = req
    return list(found.values())


def exam_status(req: ExamRequirement) -> str:
    """'current 240', 'last known 153 (Praxis 5311, 2023)' or 'none'."""
    if req.cut_score is not None:
        return f"current {req.cut_score:g}"
    past = req.last_known_cut
    if past is not None:
        return f"last known {past.score:g} ({past.test}, {past.as_of or 'undated'})"
    return "none"


@dataclass(frozen=True)
class FeeRow:
    """Which fee facts one state's data holds."""

    application: bool
    background: bool
    procedure: bool
    processing: bool


def fee_row(rules: StateRules) -> FeeRow:
    """The fee facts the state's data holds (an amount counts only when it is a number)."""
    fees = rules.fees
    return FeeRow(
        application=any(f.applies_to == "application" and f.amount_usd is not None for f in fees),
        background=any(
            f.applies_to == "background_check" and f.amount_usd is not None for f in fees
        ),
        procedure=any(f.applies_to == "background_check" and f.procedure for f in fees),
        processing=any(f.processing_time for f in fees),
    )


def _profiles(code: str) -> list[tuple[str, dict[str, object]]]:
    base: dict[str, object] = {
        "state": code,
        "bachelor": "yes",
        "master": "no",
        "school_library_program": "no",
        "library_credit_hours": 0,
        "exams": (),
    }
    return [
        (
            "career changer",
            {**base, "teaching_license_status": "none", "teaching_years": 0},
        ),
        (
            "licensed teacher",
            {
                **base,
                "teaching_license_state": code,
                "teaching_license_status": "active",
                "teaching_years": 5,
            },
        ),
    ]


Assess = Callable[[Profile, str], Assessment]


def plan_share(codes: Iterable[str], assess: Assess) -> tuple[int, int, int, list[str]]:
    """Over every state x (career changer, licensed teacher): plans with a study step, those
    naming at least one program, plans with no study step, and the plans naming none."""
    with_step = named = without = 0
    missing: list[str] = []
    for code in codes:
        for label, fields in _profiles(code):
            result = assess(parsed_profile(fields), code)
            steps = [s for s in result.plan.steps if s.kind in STUDY and s.during is None]
            if not steps:
                without += 1
                continue
            with_step += 1
            if any(s.programs for s in steps):
                named += 1
            else:
                missing.append(f"{code} ({label})")
    return with_step, named, without, missing


def coverage_sections(states: list[StateRules], assess: Assess | None = None) -> list[str]:
    """The markdown lines of the exams, fees and (given ``assess``) plans sections."""
    rows = [(s, _exams(s)) for s in states]
    current = sum(1 for _, ex in rows if ex and all(r.cut_score is not None for r in ex))
    past = sum(
        1 for _, ex in rows if any(r.cut_score is None and r.last_known_cut is not None for r in ex)
    )
    none = sum(
        1 for _, ex in rows if any(r.cut_score is None and r.last_known_cut is None for r in ex)
    )
    no_exam = sum(1 for _, ex in rows if not ex)
    lines = [
        "",
        "## Exams and cut scores",
        "",
        "Per state, each exam its requirements name: the current cut score, else the last figure",
        "a source gave (on an older or unnamed test, shown as history, never as the cut), else",
        "none. A state can count in more than one group.",
        "",
        f"{current} states with every exam's current cut on record; {past} with a last-known "
        f"figure only for some exam; {none} with an exam that has neither; {no_exam} name no "
        "exam.",
        "",
        "| State | Exams and cut scores |",
        "|---|---|",
    ]
    for rules, exams in rows:
        cell = "; ".join(f"{r.exam}: {exam_status(r)}" for r in exams) or "no exam"
        lines.append(f"| {rules.code} | {cell} |")
    fees = [(s.code, fee_row(s)) for s in states]
    yes = {True: "yes", False: "-"}
    lines += [
        "",
        "## Fees and the application",
        "",
        "From each state file's `fees` (amounts only when a source states them).",
        "",
        f"Application fee on record: {sum(f.application for _, f in fees)} of {len(fees)}; "
        f"fingerprint / background-check fee: {sum(f.background for _, f in fees)}; "
        f"background-check procedure: {sum(f.procedure for _, f in fees)}; "
        f"processing time: {sum(f.processing for _, f in fees)}.",
        "",
        "| State | Application fee | Background-check fee | Procedure | Processing time |",
        "|---|---|---|---|---|",
    ]
    for code, f in fees:
        lines.append(
            f"| {code} | {yes[f.application]} | {yes[f.background]} | {yes[f.procedure]} "
            f"| {yes[f.processing]} |"
        )
    if assess is not None:
        with_step, named, without, missing = plan_share([s.code for s in states], assess)
        share = f"{100 * named / with_step:.0f}%" if with_step else "n/a"
        lines += [
            "",
            "## Plans that name a program",
            "",
            f"Over the {len(states)} jurisdictions x two people (a career changer with a "
            "bachelor's and nothing else; a teacher with an active in-state license and five "
            f"years): {named} of the {with_step} plans with a study step name at least one "
            f"recorded program ({share}); {without} plans have no study step.",
        ]
        if missing:
            lines += ["", "Plans whose study step names none: " + ", ".join(missing) + "."]
    return lines


def shipped_assess(today: dt.date) -> Assess:
    """Assess a profile against the shipped data (for DATA.md)."""
    from lmspath.api.assess import assessment_for

    def run(profile: Profile, code: str) -> Assessment:
        return assessment_for(profile, code, today=today)

    return run
