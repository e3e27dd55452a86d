"""Tests for the skills taxonomy, the matcher and the skills section of the report."""

from __future__ import annotations

import ast
import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from lmspath.errors import DataError
from lmspath.model.profile import build_profile
from lmspath.model.rules import Exam
from lmspath.model.skills import SkillsReport, Taxonomy
from lmspath.skills.report import (
    alias_owners,
    find_item,
    match,
    skills_report,
    suggest,
    tokens,
)
from lmspath.store.load import default_data_dir, load_exams
from lmspath.store.taxonomy import check_taxonomy, load_taxonomy, taxonomy_problems
from tests.helpers import TODAY

TAXONOMY = load_taxonomy()
EXAMS = {exam.id: exam for exam in load_exams().exams}
PRAXIS = EXAMS["praxis-5312"]
SRC = Path(__file__).resolve().parents[1] / "src" / "lmspath"


def report(exam: Exam | None = PRAXIS, **fields: object) -> SkillsReport:
    return skills_report(build_profile(fields), TAXONOMY, exam)


def matched(tools: list[str] | None = None, skills: list[str] | None = None) -> list[str]:
    return match(tools, skills, TAXONOMY).item_ids()


def gap_ids(result: SkillsReport) -> list[str]:
    return [gap.id for gap in result.gaps]


# --- The data ---------------------------------------------------------------------------------


def test_shipped_taxonomy_has_no_problems_including_exam_references() -> None:
    assert check_taxonomy() == []


def test_no_alias_maps_to_two_ids() -> None:
    clashes = {
        " ".join(phrase): owners
        for phrase, owners in alias_owners(TAXONOMY).items()
        if len(owners) > 1
    }
    assert clashes == {}


def test_the_check_reports_an_alias_claimed_by_two_items() -> None:
    koha = TAXONOMY.item("koha")
    clash = koha.replace(**{"aliases": [*koha.aliases, "Follett Destiny"]})
    items = [clash if item.id == "koha" else item for item in TAXONOMY.items]
    problems = taxonomy_problems(TAXONOMY.replace(**{"items": items}))
    assert any("one alias names two items" in p and "follett-destiny" in p for p in problems)


def test_an_id_may_not_be_an_ambiguous_word() -> None:
    item = TAXONOMY.item("alexandria-ils")
    renamed = item.replace(**{"id": "alexandria"})
    items = [renamed if i.id == item.id else i for i in TAXONOMY.items]
    groups = TAXONOMY.groups
    problems = taxonomy_problems(TAXONOMY.replace(**{"items": items, "groups": groups}))
    assert any("equals the ambiguous word 'Alexandria'" in p for p in problems)


def test_every_framework_reference_resolves() -> None:
    frameworks = {f.id: {i.id for i in f.items} for f in TAXONOMY.frameworks}
    for item in TAXONOMY.items:
        for ref in item.frameworks:
            framework, _, entry = ref.partition(":")
            assert entry in frameworks[framework], (item.id, ref)
        for ref in item.exams:
            exam, _, category = ref.partition(":")
            assert category in {c.id for c in EXAMS[exam].categories}, (item.id, ref)


def test_the_check_names_file_and_field_of_a_broken_framework_reference() -> None:
    index = [i.id for i in TAXONOMY.items].index("follett-destiny")
    item = TAXONOMY.items[index]
    broken = item.replace(**{"frameworks": [*item.frameworks, "caep:9.9"]})
    items = [broken if i.id == item.id else i for i in TAXONOMY.items]
    problems = taxonomy_problems(TAXONOMY.replace(**{"items": items}))
    position = len(item.frameworks)
    assert problems == [
        f"data/skills.yaml: items.{index}.frameworks.{position}: 'caep:9.9': no such item in caep"
    ]


def test_the_check_reports_an_unknown_exam_category_only_with_the_catalogue() -> None:
    item = TAXONOMY.items[0]
    broken = item.replace(**{"exams": ["praxis-5312:cooking"]})
    taxonomy = TAXONOMY.replace(**{"items": [broken, *TAXONOMY.items[1:]]})
    assert taxonomy_problems(taxonomy) == []
    assert taxonomy_problems(taxonomy, exams=list(EXAMS.values())) == [
        "data/skills.yaml: items.0.exams.0: 'praxis-5312:cooking': praxis-5312 has no such category"
    ]


def _data_copy(tmp_path: Path) -> Path:
    shutil.copytree(default_data_dir() / "exams", tmp_path / "exams")
    shutil.copy(default_data_dir() / "skills.yaml", tmp_path / "skills.yaml")
    return tmp_path


def test_a_broken_data_folder_is_reported_with_file_and_field(tmp_path: Path) -> None:
    base = _data_copy(tmp_path)
    path = base / "skills.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("aasl:curate", "aasl:cure", 1), encoding="utf-8"
    )
    problems = check_taxonomy(base)
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}: items.")
    assert "frameworks." in problems[0]
    assert "'aasl:cure': no such item in aasl" in problems[0]
    with pytest.raises(DataError, match="no such item in aasl"):
        load_taxonomy(base)


def test_an_unknown_key_is_reported_with_its_field_path(tmp_path: Path) -> None:
    base = _data_copy(tmp_path)
    path = base / "skills.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "- id: information-literacy-instruction\n",
        "- id: information-literacy-instruction\n  colour: blue\n",
        1,
    )
    path.write_text(text, encoding="utf-8")
    assert check_taxonomy(base) == [f"{path}: items.0.colour: unknown key"]


def test_every_item_and_way_to_close_cites_sources_with_a_confidence() -> None:
    for item in TAXONOMY.items:
        assert item.sources, item.id
        assert item.how_to_close, item.id
        for way in item.how_to_close:
            assert way.sources, (item.id, way.kind)
            assert way.confidence in {"high", "medium", "low"}


def test_research_sources_keep_their_read_date() -> None:
    later = {"htsb-standard-1", "frable-std1", "gibson-std1", "padlet-au-library",
             "padlet-tl-course", "scratch-teen-makerspace", "scratch-library-workshop"}  # fmt: skip
    reread = {"aasl-activity-guide"}  # replaced by the publisher's page, read 2026-12-05
    for src in TAXONOMY.sources:
        expected = dt.date(2026, 11, 24) if src.id in later else dt.date(2026, 11, 23)
        if src.id in reread:
            expected = dt.date(2026, 12, 5)
        assert src.read_on == expected, src.id
        assert src.read_on <= TODAY


def test_items_resting_on_unverified_names_are_low_confidence() -> None:
    for item_id in ("padlet", "scratch-coding", "cricut"):
        assert TAXONOMY.item(item_id).confidence == "low"
    have = report(tools="Tinkercad; MakerBot").have
    assert [(h.id, h.confidence) for h in have] == [("three-d-printing", "low")]
    assert report(tools="3D printing").have[0].confidence == "medium"


def test_the_issue_s_tool_families_and_cataloging_standards_are_present() -> None:
    areas = {item.area for item in TAXONOMY.items if item.kind == "tool"}
    assert {
        "tools-ils",
        "tools-databases",
        "tools-citation",
        "tools-lms-content",
        "tools-makerspace",
    } <= areas
    standards = {item.id for item in TAXONOMY.items if item.kind == "standard"}
    assert {"marc-21", "dewey-decimal", "sears-subject-headings"} <= standards
    assert sum(item.kind == "competency" for item in TAXONOMY.items) >= 25


# --- The matcher ------------------------------------------------------------------------------


def test_mandarin_alone_is_not_the_library_system() -> None:
    result = match(["Mandarin"], ["Mandarin", "Mandarin Chinese"], TAXONOMY)
    assert result.item_ids() == []
    assert [u.reason for u in result.unrecognised] == ["not_alone"] * 3
    assert "also a language" in result.unrecognised[0].message
    for text in ("Mandarin M3", "Mandarin M5", "Mandarin Oasis", "Mandarin Library system"):
        assert matched(tools=[text]) == ["mandarin-ils"], text
        assert matched(skills=[text]) == ["mandarin-ils"], text


def test_canva_is_not_canvas() -> None:
    assert matched(tools=["Canva"]) == ["canva"]
    assert matched(tools=["Canvas"]) == ["canvas-lms"]
    assert matched(tools=["canva", "CANVAS"]) == ["canva", "canvas-lms"]
    assert matched(skills=["Canva"]) == ["canva"]
    assert matched(skills=["Canvas"]) == []
    assert matched(skills=["Canvas LMS"]) == ["canvas-lms"]
    assert matched(tools=["Canvases"]) == []


@pytest.mark.parametrize(
    ("word", "item_id"),
    [
        ("Destiny", "follett-destiny"),
        ("Canvas", "canvas-lms"),
        ("Teams", "microsoft-teams"),
        ("Scratch", "scratch-coding"),
        ("Alexandria", "alexandria-ils"),
        ("Sears", "sears-subject-headings"),
        ("Oasis", "mandarin-ils"),
    ],
)
def test_ambiguous_words_match_from_tools_only(word: str, item_id: str) -> None:
    assert matched(tools=[word]) == [item_id]
    result = match(None, [word], TAXONOMY)
    assert result.item_ids() == []
    (shown,) = result.unrecognised
    assert shown.reason == "tools_only"
    assert shown.suggestion is not None
    assert shown.suggestion.id == item_id
    assert "only in your tools list" in shown.message


def test_an_exact_id_always_matches_from_either_field() -> None:
    for item in TAXONOMY.items:
        assert matched(tools=[item.id]) == [item.id]
        assert matched(skills=[item.id.upper().replace("-", "_")]) == [item.id]


def test_every_alias_matches_its_own_item() -> None:
    for item in TAXONOMY.items:
        for alias in item.all_aliases():
            assert matched(tools=[alias]) == [item.id], alias
        for alias in (*item.aliases, *item.unverified_aliases):
            assert matched(skills=[alias.upper()]) == [item.id], alias


def test_longer_aliases_win_and_several_items_come_from_one_entry() -> None:
    assert matched(tools=["Follett Titlewave"]) == ["selection-review-tools"]
    assert matched(tools=["Follett"]) == ["follett-destiny"]
    assert matched(skills=["collection development policy"]) == ["selection-reconsideration-policy"]
    assert matched(tools=["Google Classroom and Canvas"]) == ["google-classroom", "canvas-lms"]
    assert matched(skills=["cataloging with Dewey and Sears"]) == ["cataloging-classification"]


def test_whole_words_only_and_punctuation_is_ignored() -> None:
    assert matched(skills=["weedings"]) == []
    assert matched(skills=["Readers’ Advisory!"]) == ["readers-advisory"]
    assert matched(tools=["BBC micro:bit"]) == ["microbit"]


def test_a_typo_gets_a_suggestion() -> None:
    result = match(["Destny"], ["colection development"], TAXONOMY)
    assert result.item_ids() == []
    tools_entry, skills_entry = result.unrecognised
    assert tools_entry.message == (
        "not recognised: 'Destny' — did you mean Destiny (Follett Destiny Library Manager)?"
    )
    assert tools_entry.suggestion is not None
    assert tools_entry.suggestion.id == "follett-destiny"
    assert skills_entry.suggestion is not None
    assert skills_entry.suggestion.id == "collection-development"


def test_a_suggestion_from_skills_is_a_name_that_would_match_there() -> None:
    assert suggest("Destny", TAXONOMY, "skills") == ("follett-destiny", "Follett Destiny")
    assert suggest("Destny", TAXONOMY, "tools") == ("follett-destiny", "Destiny")


def test_nothing_close_says_so() -> None:
    (entry,) = match(None, ["Knitting"], TAXONOMY).unrecognised
    assert entry.suggestion is None
    assert entry.message == "not recognised: 'Knitting' — nothing close in the skills taxonomy"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(max_size=25), max_size=6),
    st.lists(st.text(max_size=25), max_size=6),
)
def test_no_entry_is_ever_dropped(tools: list[str], skills: list[str]) -> None:
    result = match(tools, skills, TAXONOMY)
    accounted = {(m.field, m.text) for m in result.matches}
    shown = {(u.field, " ".join(tokens(u.text)) or u.text.casefold()) for u in result.unrecognised}
    for field, entries in (("tools", tools), ("skills", skills)):
        for text in entries:
            if not text.strip():
                continue
            key = " ".join(tokens(text)) or text.strip().casefold()
            assert (field, text.strip()) in accounted or (field, key) in shown


def test_find_item_takes_ids_and_whole_names() -> None:
    assert find_item(TAXONOMY, "follett-destiny") is TAXONOMY.item("follett-destiny")
    assert find_item(TAXONOMY, "Destiny") is TAXONOMY.item("follett-destiny")
    assert find_item(TAXONOMY, "Destiny and Koha") is None
    assert find_item(TAXONOMY, "my Destiny") is None


# --- The report -------------------------------------------------------------------------------


def test_the_profile_fields_feed_have_and_unrecognised() -> None:
    result = report(tools="Destiny; ProQuest; Canva; Destny", skills=["information literacy"])
    assert [h.id for h in result.have] == [
        "information-literacy-instruction",
        "follett-destiny",
        "proquest",
        "canva",
    ]
    assert result.have[1].matched_from[0].via == "ambiguous_alias"
    assert [u.text for u in result.unrecognised] == ["Destny"]
    assert result.given


def test_json_contract_keys() -> None:
    data = report(tools="Destiny", skills="copyright").to_json()
    for key in ("have", "gaps"):
        assert data[key]
        for entry in data[key]:
            assert {"id", "name", "importance", "how_to_close"} <= set(entry)
            assert entry["sources"]
            for way in entry["how_to_close"]:
                assert way["confidence"]
                assert all(
                    src["url"].startswith("http") and src["read_on"] for src in way["sources"]
                )


def test_a_tool_group_is_one_gap_named_by_its_lead() -> None:
    empty = report()
    ils = next(gap for gap in empty.gaps if gap.group == "ils")
    assert ils.id == "follett-destiny"
    assert "koha" in [alt.id for alt in ils.alternatives]
    assert "koha" not in gap_ids(empty)
    assert "follett-destiny" not in gap_ids(report(tools="Koha"))


def test_ranking_is_explained_and_read_from_the_data() -> None:
    result = report()
    top = result.gaps[0]
    assert top.why == (
        "essential (3) + Teaching and Learning is 29% of Praxis 5312 (29 × 0.05 = 1.45) = 4.45"
    )
    for gap in result.gaps:
        parts = gap.score_parts
        assert gap.score == pytest.approx(parts.importance_points + parts.exam_points)
        assert parts.importance_points == TAXONOMY.ranking.importance_points[gap.importance]
        assert gap.why.startswith(f"{gap.importance} (")
    heavier = TAXONOMY.ranking.replace(**{"exam_points_per_percent": 1.0})
    reweighted = skills_report(build_profile({}), TAXONOMY.replace(**{"ranking": heavier}), PRAXIS)
    assert reweighted.gaps[0].score == pytest.approx(3 + 29)
    assert "1 × the share" in reweighted.ranking.explanation


def test_ranking_is_stable_and_ordered() -> None:
    first = report(tools="Destiny; Canva", skills="copyright; weeding")
    second = report(tools="Canva; Destiny", skills="weeding; copyright")
    assert gap_ids(first) == gap_ids(second)
    kind_order = TAXONOMY.ranking.kind_order
    keys = [(-g.score, kind_order.index(g.kind), g.id) for g in first.gaps]
    assert keys == sorted(keys)
    assert [g.rank for g in first.gaps] == list(range(1, len(first.gaps) + 1))


def test_gaps_listed_at_another_rank_are_right_for_every_person() -> None:
    """A gap listed after units the person has is a copy at its own rank, remembered per
    position and rank: people with different items, one after another, each get the ranks
    1..N and gaps equal to the shared gap but for the rank."""
    ordered = {g.id: g for g in report().gaps}
    people = [
        ("", ""),
        ("Destiny", ""),
        ("Destiny; Canva", "copyright"),
        ("", "weeding"),
        ("Canva", "copyright; weeding; information literacy"),
        ("Destiny", ""),
    ]
    for tools, skills in people * 2:
        gaps = report(tools=tools, skills=skills).gaps
        assert [g.rank for g in gaps] == list(range(1, len(gaps) + 1)), (tools, skills)
        for gap in gaps:
            assert gap.replace(**{"rank": ordered[gap.id].rank}) == ordered[gap.id]


def test_importance_outranks_exam_weight_at_the_shipped_weights() -> None:
    gaps = report().gaps
    levels = [gap.importance for gap in gaps]
    assert levels == sorted(levels, key=["essential", "important", "useful"].index)


def test_without_an_exam_importance_alone_ranks() -> None:
    result = report(exam=None)
    assert result.exam_readiness is None
    assert result.exam_note is not None
    assert all(g.score_parts.exam_points == 0 for g in result.gaps)
    assert result.gaps[0].why == "essential (3) = 3"


def test_an_exam_without_categories_has_no_readiness() -> None:
    result = report(exam=EXAMS["texes-150"])
    assert result.exam_readiness is None
    assert result.exam_note is not None
    assert "no content categories" in result.exam_note


def test_readiness_is_weighted_coverage_per_category() -> None:
    none = report()
    assert none.exam_readiness is not None
    assert [c.percent for c in none.exam_readiness.categories] == [20, 19, 20, 29, 12]
    assert all(c.readiness == 0 for c in none.exam_readiness.categories)
    everything = report(tools=[item.id for item in TAXONOMY.items])
    assert everything.exam_readiness is not None
    assert everything.exam_readiness.overall == 1
    assert everything.gaps == []
    destiny = report(tools="Destiny").exam_readiness
    assert destiny is not None
    access = next(c for c in destiny.categories if c.id == "organization-and-access")
    assert access.points_have == 2
    assert access.readiness == round(2 / access.points_total, 4)
    expected = sum(c.percent * (c.readiness or 0.0) for c in destiny.categories) / 100
    assert destiny.overall == pytest.approx(expected, abs=1e-4)


def test_portfolio_checklist_walks_the_2019_components() -> None:
    result = report(tools="Destiny")
    assert [e.id for e in result.portfolio] == [
        "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3",
        "4.1", "4.2", "4.3", "5.1", "5.2", "5.3", "5.4",
    ]  # fmt: skip
    covered = {e.id for e in result.portfolio if e.covered}
    assert covered == {"4.1", "4.2"}
    access = next(e for e in result.portfolio if e.id == "4.1")
    assert access.artifacts[0].item.id == "follett-destiny"
    assert access.artifacts[0].have
    assert access.standard_name == "Organization and Access"
    assert all(1 <= len(e.artifacts) <= 2 for e in result.portfolio)


def test_skills_is_pure() -> None:
    tree = ast.parse((SRC / "skills" / "report.py").read_text(encoding="utf-8"))
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in {"open", "print", "input"}
    assert not imported & {"typer", "rich", "questionary", "os", "pathlib", "io", "sys"}


def test_the_taxonomy_is_loaded_once() -> None:
    assert isinstance(TAXONOMY, Taxonomy)
    assert load_taxonomy() is TAXONOMY


def test_remembered_entries_and_items_read_as_a_first_reading_does() -> None:
    """``match`` and ``listing`` remember what each entry reads as and each item had: for
    many lists of entries (aliases of every kind, unknown words, the same unknown word
    written twice, empty entries) a remembered reading equals one made with nothing kept."""
    import random

    from lmspath.skills.report import listing, prepared

    ready = prepared(TAXONOMY)
    pool = ["Destiny", "destiny", "Follett Destiny", "Canva", "OCLC Connexion", "Connexion",
            "PD", "YA", "RA", "cataloging", "MARC", "Scratchpad", "scratchpad ", "Follett",
            "reader advisory", "Sora", "weedings", "", "  ", "collection development policy",
            "Schoology Learning", "canvas", "Canvas LMS", "library"]  # fmt: skip
    rng = random.Random(4)
    people = [
        build_profile(
            {
                "state": "TX",
                "tools": "; ".join(rng.sample(pool, rng.randint(0, 5))),
                "skills": "; ".join(rng.sample(pool, rng.randint(0, 4))),
            }
        )
        for _ in range(400)
    ]
    fresh = []
    for person in people:
        ready.entries.clear()
        ready.have_items.clear()
        fresh.append(listing(person, TAXONOMY))
    kinds = {found.text for f in fresh for item in f.have for found in item.matched_from}
    assert len(kinds) > 10
    assert any(f.unrecognised for f in fresh)
    for person, first in zip(people, fresh, strict=True):
        assert listing(person, TAXONOMY) == first  # from what is kept
        assert listing(person, TAXONOMY) == first
