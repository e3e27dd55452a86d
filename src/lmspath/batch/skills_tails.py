"""Skills tails for --plans, made from parts kept between clients (as ``skills_tail`` writes them).

A tail's first part, the gaps shown, depends only on the exam, which units are shown and how
many gaps there are in all; it is also where the tail's citation numbering starts. Clients with
different items mostly share it (the first ten gaps of a realistic intake repeat), so it is
rendered once per such key and the numbering goes on from a copy of its citations. The exam
readiness, portfolio and sources parts follow for each tail.
"""

from __future__ import annotations

from collections.abc import Sequence

from lmspath.model.rules import Exam, Source
from lmspath.model.skills import Taxonomy
from lmspath.render.skills_section import (
    Citations,
    exam_lines,
    gaps_lines,
    portfolio_lines,
    tail_text,
    weighed,
)
from lmspath.skills.report import exam_part, for_exam, portfolio_checklist, portfolio_framework

#: Gaps parts kept (each about 3,000 characters); cleared when full.
GAPS_PARTS = 1024

_GapsKey = tuple[str | None, tuple[int, ...], int, bool]


class SkillsTails:
    """The tails of one taxonomy's skills sections, for a person's item ids and exam."""

    def __init__(self, taxonomy: Taxonomy, exam_sources: Sequence[Source]) -> None:
        self._taxonomy = taxonomy
        self._sources = exam_sources
        self._show = taxonomy.ranking.show_top
        self._framework = portfolio_framework(taxonomy)
        self._gaps: dict[_GapsKey, tuple[str, Citations]] = {}

    def tail(self, have: frozenset[str], exam: Exam | None) -> str:
        """``skills_tail(skills_report(...))`` for someone with the items ``have`` and ``exam``."""
        taxonomy = self._taxonomy
        shared = for_exam(taxonomy, exam)
        lacked = shared.lacked(have)
        shown = lacked[: self._show]
        exam_weighed = weighed([shared.gaps[at] for at in lacked])
        key = (exam.id if exam is not None else None, shown, len(lacked), exam_weighed)
        kept = self._gaps.get(key)
        if kept is None:
            citations = Citations()
            lines = gaps_lines(shared.gaps_at(shown), len(lacked), exam_weighed, citations)
            if len(self._gaps) >= GAPS_PARTS:
                self._gaps.clear()
            kept = self._gaps[key] = ("\n".join(lines), citations)
        citations = kept[1].copy()
        readiness, note = exam_part(taxonomy, have, exam, self._sources)
        out = [kept[0], *exam_lines(readiness, note, citations)]
        out += portfolio_lines(self._framework, portfolio_checklist(taxonomy, have), citations)
        return tail_text(out, citations)
