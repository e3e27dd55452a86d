"""Where does one exam score pass: each state's cut scores for an exam against the score."""

from __future__ import annotations

from dataclasses import dataclass

from lmspath.engine.summary import ExamUse


@dataclass(frozen=True)
class ScoreVerdict:
    """One state's answer for a score: ``pass``, ``fail``, ``some_routes`` (passes the cut of
    some routes only) or ``not_confirmed`` (no cut score on record for some or every route)."""

    state: str
    status: str
    cuts: list[float | None]

    def cut_words(self) -> str:
        """'149', '149/150', or 'not confirmed'."""
        return "/".join(f"{c:g}" if c is not None else "not confirmed" for c in self.cuts)


def score_verdict(use: ExamUse, score: float) -> ScoreVerdict:
    """How a score fares against one state's cut scores for the exam."""
    known = [c for c in use.cut_scores if c is not None]
    unknown = len(known) < len(use.cut_scores)
    passed = [c for c in known if score >= c]
    if not known:
        status = "not_confirmed"
    elif len(passed) == len(known):
        status = "not_confirmed" if unknown else "pass"
    elif passed:
        status = "some_routes"
    else:
        status = "fail"
    return ScoreVerdict(use.state, status, list(use.cut_scores))


ORDER = {"pass": 0, "some_routes": 1, "not_confirmed": 2, "fail": 3}


def score_verdicts(uses: list[ExamUse], score: float) -> list[ScoreVerdict]:
    """Every state that uses the exam: passes first, then some routes, unconfirmed, fails."""
    found = [score_verdict(u, score) for u in uses]
    return sorted(found, key=lambda v: (ORDER[v.status], v.state))
