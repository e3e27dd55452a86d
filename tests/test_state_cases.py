"""Every hand-written state case in tests/states/XX.yaml, checked against the shipped rules data.

Each case names the page its answer comes from: when a change to data/requirements makes one fail,
re-read that page before changing either the data or the case.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from lmspath.model.results import Assessment
from lmspath.model.states import JURISDICTIONS
from tests.helpers import pathway, requirement, run
from tests.state_cases import (
    STATES_DIR,
    STATUSES,
    VERDICTS,
    Case,
    CaseFileError,
    Expect,
    load_all,
    load_file,
)

CASES = load_all()


def _problems(case: Case, result: Assessment) -> list[str]:
    """Every way the result differs from the case (empty when it matches)."""
    out: list[str] = []

    def differs(what: str, got: object, want: object) -> None:
        if got != want:
            out.append(f"{what} is {got!r}, expected {want!r}")

    differs("verdict", result.verdict, case.verdict)
    if case.best is not None:
        differs("best pathway", result.best_pathway, case.best)
    for key, want in case.requirements.items():
        pathway_id, requirement_id = key.split(".")
        try:
            req = requirement(pathway(result, pathway_id), requirement_id)
        except KeyError as exc:
            out.append(f"{key}: no such pathway or requirement ({exc})")
            continue
        differs(key, req.status, want.status)
        if want.have is not None:
            differs(f"{key} have", req.have, want.have)
        if want.note is not None and want.note not in (req.note or ""):
            out.append(f"{key} note {req.note!r} does not say {want.note!r}")
        if want.readings is not None or want.goes_by is not None:
            if req.conflict is None:
                out.append(f"{key} has no conflict of readings")
                continue
            if want.readings is not None:
                differs(
                    f"{key} readings", tuple(r.status for r in req.conflict.readings), want.readings
                )
            outcome = req.conflict.outcome
            if want.goes_by is not None and f"lmspath goes by: {want.goes_by}" not in outcome:
                out.append(f"{key} outcome {outcome!r} does not go by {want.goes_by!r}")
    steps = result.plan.steps
    if case.first_step is not None:
        differs("first step", steps[0].kind, case.first_step)
    if case.steps is not None:
        differs("plan steps", tuple(s.kind for s in steps), case.steps)
    for kind in case.without:
        if kind in [s.kind for s in steps]:
            out.append(f"the plan has a {kind} step")
    if case.first_title is not None:
        differs("first step title", steps[0].title, case.first_title)
    return out


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_state_case(case: Case) -> None:
    result = run(case.state, **case.fields)
    problems = _problems(case, result)
    cited = " ".join(case.sources) + (f" (as of {case.as_of})" if case.as_of else "")
    assert not problems, f"{case.name}: " + "; ".join(problems) + f"\n  source: {cited}"


def test_case_files_are_named_for_real_jurisdictions() -> None:
    files = sorted(STATES_DIR.glob("*.yaml"))
    assert files
    assert {path.stem for path in files} <= set(JURISDICTIONS)
    assert {case.state for case in CASES} == {path.stem for path in files}


def test_a_misspelt_key_is_an_error_not_a_skipped_check(tmp_path: Path) -> None:
    path = tmp_path / "AZ.yaml"
    path.write_text(
        "state: AZ\ncases:\n  - id: x\n    source: https://example.org\n"
        "    verdict: eligible\n    requirments: {endorsement.exam: met}\n",
        encoding="utf-8",
    )
    with pytest.raises(CaseFileError, match=r"requirments"):
        load_file(path)


def test_a_case_without_a_source_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "AZ.yaml"
    path.write_text("state: AZ\ncases:\n  - id: x\n    verdict: eligible\n", encoding="utf-8")
    with pytest.raises(CaseFileError, match=r"AZ.yaml.cases\[0\] \(x\).source"):
        load_file(path)


def test_a_failing_case_names_what_differs() -> None:
    case = next(c for c in CASES if c.requirements)
    result = run(case.state, **case.fields)
    key = next(iter(case.requirements))
    got = requirement(pathway(result, key.split(".")[0]), key.split(".")[1]).status
    verdict = next(v for v in sorted(VERDICTS) if v != result.verdict)
    status = next(s for s in sorted(STATUSES) if s != got)
    wrong = replace(case, verdict=verdict, requirements={key: Expect(status)})
    assert _problems(wrong, result) == [
        f"verdict is {result.verdict!r}, expected {verdict!r}",
        f"{key} is {got!r}, expected {status!r}",
    ]
