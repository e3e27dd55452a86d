"""The skills tails --plans makes from kept parts are the tails ``assess`` writes."""

from __future__ import annotations

import random

from lmspath.batch.skills_tails import SkillsTails
from lmspath.model.rules import Exam
from lmspath.model.skills import Taxonomy
from lmspath.render.skills_section import skills_tail
from lmspath.skills.report import Listing, for_exam, skills_report
from lmspath.store.load import load_exams
from lmspath.store.taxonomy import load_taxonomy
from tests.helpers import profile as make_profile

TAXONOMY = load_taxonomy()
CATALOG = load_exams()
EXAMS: list[Exam | None] = [*CATALOG.exams, None]
IDS = [item.id for item in TAXONOMY.items]
NOBODY = make_profile(state="TX")


def _want(have: frozenset[str], exam: Exam | None, taxonomy: Taxonomy = TAXONOMY) -> str:
    """The tail as ``assess`` writes it: the whole report, then its tail, nothing kept."""
    listed = Listing(True, [], [], have)
    report = skills_report(NOBODY, taxonomy, exam, CATALOG.sources, listed)
    return skills_tail(report)


def test_tails_from_kept_parts_are_the_tails_of_full_reports() -> None:
    """Random items had, for every exam (and none), one maker for all: each tail equals a full
    report's, while the gaps parts are shared (fewer kept than tails made)."""
    rng = random.Random(12)
    tails = SkillsTails(TAXONOMY, CATALOG.sources)
    cases = []
    for exam in EXAMS:
        for _ in range(12):
            # few items (most people), many, or nearly all (the gaps run short)
            size = rng.choice([0, 1, 2, 3, 5, 8, len(IDS) // 2, len(IDS) - 3, len(IDS)])
            cases.append((frozenset(rng.sample(IDS, size)), exam))
        cases.append((frozenset(IDS[:2]), exam))
        cases.append((frozenset(IDS[:2]), exam))  # the same again: a kept part
    rng.shuffle(cases)
    for have, exam in cases:
        assert tails.tail(have, exam) == _want(have, exam), (sorted(have), exam)
    assert 0 < len(tails._gaps) < len(cases)


#: In the shipped data an exam weighs every gap or none. Here it weighs only the 'useful'
#: items, and lightly: a gap it weighs can follow ten gaps it does not.
LIGHT = TAXONOMY.replace(
    **{
        "ranking": TAXONOMY.ranking.replace(**{"exam_points_per_percent": 0.001}),
        "items": [
            item if item.importance == "useful" else item.replace(**{"exams": []})
            for item in TAXONOMY.items
        ],
    }
)


def _split_pair(exam: Exam) -> tuple[frozenset[str], frozenset[str]] | None:
    """Two people who lack the same first ten gaps and as many in all, where only the first
    also lacks a gap the exam weighs (so only its gaps are 'within that by ... exam')."""
    shared = for_exam(LIGHT, exam)
    plain = [at for at, gap in enumerate(shared.gaps) if not gap.score_parts.exam_category]
    weighed = [at for at, gap in enumerate(shared.gaps) if gap.score_parts.exam_category]
    if len(plain) < 11:
        return None
    first = plain[:10]
    later_weighed = [at for at in weighed if at > first[-1]]
    if not later_weighed:
        return None
    everyone = frozenset(IDS)
    lacks_weighed = {*first, later_weighed[0]}
    lacks_plain = {*first, plain[10]}

    def having(lacked: set[int]) -> frozenset[str]:
        return everyone - frozenset(i for at in lacked for i in shared.ranked[at].unit.ids)

    return having(lacks_weighed), having(lacks_plain)


def test_a_gaps_part_is_kept_apart_by_whether_the_exam_weighed_any_gap() -> None:
    pairs = [(exam, pair) for exam in CATALOG.exams if (pair := _split_pair(exam)) is not None]
    assert pairs, "no exam weighs a gap ranked after ten it does not"
    for exam, (first, second) in pairs[:3]:
        tails = SkillsTails(LIGHT, CATALOG.sources)
        one, other = tails.tail(first, exam), tails.tail(second, exam)
        assert one == _want(first, exam, LIGHT)
        assert other == _want(second, exam, LIGHT)
        assert "by how much of your state's exam" in one
        assert "by how much of your state's exam" not in other


def test_a_copy_of_an_exams_shared_tables_finds_the_same_gaps() -> None:
    """``ForExam`` keeps private look-up tables; a copy is made through ``__init__``, so
    they are there and its gaps are the original's."""
    exam = CATALOG.exams[0]
    shared = for_exam(TAXONOMY, exam)
    copy = shared.replace(rule=shared.rule)
    have = frozenset(IDS[::3])
    assert copy.lacked(have) == shared.lacked(have)
    assert copy.gaps_at(copy.lacked(have)) == shared.gaps_at(shared.lacked(have))
