"""Content categories of the state library exams (ILTS 220, OSAT 138, WEST-E 042, Indiana 042).

The blueprints come from the official study guides (data/exams/nes-and-state.yaml); the skills
taxonomy (data/skills.yaml) maps its items to them the way it maps them to Praxis 5312.
"""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from lmspath.cli import get_app
from lmspath.model.profile import build_profile
from lmspath.model.rules import Exam
from lmspath.skills.report import skills_report
from lmspath.store.load import load_exams
from lmspath.store.taxonomy import load_taxonomy, taxonomy_problems

CATALOG = load_exams()
EXAMS = {exam.id: exam for exam in CATALOG.exams}
TAXONOMY = load_taxonomy()

BLUEPRINTS: dict[str, list[tuple[str, float]]] = {
    "ilts-220": [
        ("teaching-for-learning", 18),
        ("literacy-and-reading", 19),
        ("information-and-knowledge", 19),
        ("leadership-and-advocacy", 19),
        ("program-management-and-administration", 25),
    ],
    "osat-138": [
        ("professional-library-media-specialist", 28),
        ("learner-centered-practices-resources-and-environments", 30),
        ("library-program-administration", 27),
        ("constructed-response-assignment", 15),
    ],
    "west-e-042": [
        ("teacher-librarian", 23),
        ("promoting-information-literacy-skills", 31),
        ("managing-the-library-media-collection", 23),
        ("administering-the-library-media-program", 23),
    ],
    "in-042": [
        ("school-library-program", 20),
        ("information-technology-and-knowledge", 20),
        ("inquiry-instruction-and-assessment", 30),
        ("program-administration", 30),
    ],
}
STATE_EXAMS = sorted(BLUEPRINTS)
# A format, not content: kept in the blueprint, but no skill maps to it.
FORMAT_ONLY = {("osat-138", "constructed-response-assignment")}

# A few skills touching every content category of the four exams.
PROFILE = {
    "tools": ["follett-destiny", "proquest"],
    "skills": ["information-literacy-instruction", "reading-promotion", "advocacy", "budgeting"],
}
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def exam(exam_id: str) -> Exam:
    return EXAMS[exam_id]


def mapped_items(exam_id: str, category_id: str) -> list[str]:
    ref = f"{exam_id}:{category_id}"
    return [item.id for item in TAXONOMY.items if ref in item.exams]


@pytest.mark.parametrize("exam_id", STATE_EXAMS)
def test_blueprint_is_the_one_from_the_research(exam_id: str) -> None:
    assert [(c.id, c.percent) for c in exam(exam_id).categories] == BLUEPRINTS[exam_id]


@pytest.mark.parametrize("exam_id", STATE_EXAMS)
def test_categories_sum_to_100_with_unique_hyphenated_ids(exam_id: str) -> None:
    categories = exam(exam_id).categories
    assert sum(c.percent for c in categories) == 100
    ids = [c.id for c in categories]
    assert len(ids) == len(set(ids))
    assert all(ID.match(category_id) for category_id in ids)
    assert all(c.name.strip() for c in categories)


@pytest.mark.parametrize(
    ("exam_id", "category_id"),
    [(e, c) for e in STATE_EXAMS for c, _ in BLUEPRINTS[e] if (e, c) not in FORMAT_ONLY],
)
def test_every_content_category_has_a_mapped_item(exam_id: str, category_id: str) -> None:
    assert mapped_items(exam_id, category_id), f"no taxonomy item maps to {exam_id}:{category_id}"


def test_no_item_maps_to_the_osat_constructed_response() -> None:
    assert mapped_items("osat-138", "constructed-response-assignment") == []
    note = exam("osat-138").note or ""
    assert "Constructed-Response Assignment is a format" in note


@pytest.mark.parametrize("exam_id", STATE_EXAMS)
def test_every_item_mapped_to_praxis_maps_to_this_exam(exam_id: str) -> None:
    unmapped = [
        item.id
        for item in TAXONOMY.items
        if any(ref.startswith("praxis-5312:") for ref in item.exams)
        and not any(ref.startswith(f"{exam_id}:") for ref in item.exams)
    ]
    assert unmapped == []


def test_tool_group_members_share_their_leads_mapping() -> None:
    for group in TAXONOMY.groups:
        lead = TAXONOMY.item(group.lead)
        for item in TAXONOMY.items:
            if item.group == group.id:
                assert item.exams == lead.exams, (group.id, item.id)


def test_taxonomy_exam_references_resolve() -> None:
    assert taxonomy_problems(TAXONOMY, exams=CATALOG.exams) == []


def test_a_reference_to_a_missing_state_category_is_reported() -> None:
    index = [i.id for i in TAXONOMY.items].index("budgeting")
    item = TAXONOMY.items[index]
    broken = item.replace(**{"exams": [*item.exams, "ilts-220:no-such-area"]})
    items = [broken if i.id == item.id else i for i in TAXONOMY.items]
    problems = taxonomy_problems(TAXONOMY.replace(**{"items": items}), exams=CATALOG.exams)
    assert problems == [
        f"data/skills.yaml: items.{index}.exams.{len(item.exams)}: "
        "'ilts-220:no-such-area': ilts-220 has no such category"
    ]


@pytest.mark.parametrize("exam_id", STATE_EXAMS)
def test_skills_report_gives_a_readiness_row_per_category(exam_id: str) -> None:
    result = skills_report(build_profile(PROFILE), TAXONOMY, exam(exam_id), CATALOG.sources)
    readiness = result.exam_readiness
    assert readiness is not None
    assert result.exam_note is None
    assert readiness.exam == exam_id
    assert [(c.id, c.percent) for c in readiness.categories] == BLUEPRINTS[exam_id]
    assert {s.id for s in readiness.sources} == set(exam(exam_id).sources)
    for category in readiness.categories:
        if (exam_id, category.id) in FORMAT_ONLY:
            assert (category.readiness, category.points_total) == (None, 0)
            assert category.have == category.missing == []
        else:
            assert category.readiness is not None
            assert 0 < category.readiness < 1, category.id
            assert category.have
            assert category.missing
    weighed = [c for c in readiness.categories if c.readiness is not None]
    expected = sum(c.percent * (c.readiness or 0) for c in weighed) / sum(
        c.percent for c in weighed
    )
    assert readiness.overall == pytest.approx(expected, abs=1e-4)
    # The exam's share now orders gaps of equal importance.
    assert all(gap.score_parts.exam_points > 0 for gap in result.gaps)


@pytest.mark.parametrize("exam_id", STATE_EXAMS)
def test_having_every_item_covers_every_content_category(exam_id: str) -> None:
    everything = {"tools": [item.id for item in TAXONOMY.items]}
    readiness = skills_report(build_profile(everything), TAXONOMY, exam(exam_id)).exam_readiness
    assert readiness is not None
    for category in readiness.categories:
        expected = None if (exam_id, category.id) in FORMAT_ONLY else 1
        assert category.readiness == expected, category.id


def test_data_check_passes() -> None:
    result = CliRunner().invoke(get_app(), ["data", "check"])
    assert result.exit_code == 0, result.stderr
    assert "all valid" in result.stdout


def test_osat_format_category_is_not_weighed_so_full_skills_reach_100_percent() -> None:
    from lmspath.model.profile import build_profile
    from lmspath.skills.report import skills_report
    from lmspath.store.load import load_exams
    from lmspath.store.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    everything = build_profile({"skills": [item.id for item in taxonomy.items]})
    osat = next(e for e in load_exams().exams if e.id == "osat-138")
    readiness = skills_report(everything, taxonomy, osat).exam_readiness
    assert readiness is not None
    unweighed = [c for c in readiness.categories if c.readiness is None]
    assert [c.id for c in unweighed] == ["constructed-response-assignment"]
    assert readiness.overall == 1.0
