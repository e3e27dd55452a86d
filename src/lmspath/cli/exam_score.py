"""`lmspath exams ID --score N`: check the arguments and build the per-state rows."""

from __future__ import annotations

from lmspath.engine.summary import ExamUse
from lmspath.engine.words import count
from lmspath.errors import InputError, UsageError
from lmspath.model.lenient import Noted

RESULT_WORDS = {
    "pass": "passes",
    "fail": "fails",
    "some_routes": "passes on some routes only",
    "not_confirmed": "not confirmed: check with the state's agency",
}


def score_rows(
    exam: str | None, score: float | None, usage: dict[str, list[ExamUse]]
) -> tuple[list[dict[str, object]], str]:
    """Rows (state, result, cut_score, agency) and a title; errors for bad arguments."""
    from lmspath.engine.score_check import score_verdicts
    from lmspath.store.load import exam_index, load_state

    if exam is None or score is None:
        raise UsageError(
            "exams: give both an exam and --score, e.g. `lmspath exams praxis-5312 --score 152`"
        )
    index = exam_index()
    found = index.resolve(exam)
    exam_id = found.value if isinstance(found, Noted) else found
    if not isinstance(exam_id, str):
        hint = index.suggest(exam)
        tail = f"; did you mean {hint}?" if hint else "; `lmspath exams` lists the known ids"
        raise InputError(f"unknown exam {exam!r}{tail}")
    scale = index.score_range(exam_id)
    if scale is not None and not scale[0] <= score <= scale[1]:
        raise InputError(
            f"--score: {score:g} is outside the {exam_id} scale ({scale[0]:g} to {scale[1]:g})"
        )
    uses = usage.get(exam_id, [])
    rows: list[dict[str, object]] = []
    for verdict in score_verdicts(uses, score):
        agency = load_state(verdict.state).agency.name
        words = RESULT_WORDS[verdict.status]
        if verdict.status == "not_confirmed":
            words = f"not confirmed: check with {agency}"
        rows.append(
            {
                "state": verdict.state,
                "result": words,
                "status": verdict.status,
                "cut_score": verdict.cut_words(),
                "agency": agency,
            }
        )
    verb = "uses" if len(rows) == 1 else "use"
    title = f"{exam_id} at {score:g}: {count(len(rows), 'state')} {verb} it"
    return rows, title
