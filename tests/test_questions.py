"""Questions as data: when each applies, validators agree with the profile file, 80 columns."""

from __future__ import annotations

import dataclasses

import pytest

from lmspath.ask.interview import keys_help, load_context, prompt_message
from lmspath.ask.questions import (
    NOT_SURE,
    SCORE_PREFIX,
    Answers,
    Context,
    ExamInfo,
    Question,
    ToolInfo,
    answers_to_fields,
    applies,
    exam_options,
    questions,
    review_question,
    split_free_text,
    tool_options,
)
from lmspath.model.profile import FIELDS, FILE_ONLY_FIELDS, LIMITS, parse_field

CTX = Context(
    states=("TX", "NJ"),
    exams=(
        ExamInfo("texes-150", "TExES 150: School Librarian", (100, 300), "TExES 150"),
        ExamInfo("praxis-5312", "Praxis 5312: School Librarian", (100, 200), "Praxis 5312"),
        ExamInfo("ftce-010", "FTCE 010: Educational Media Specialist", None, "FTCE 010"),
    ),
    tools=(
        ToolInfo("destiny", "Destiny", "Library systems"),
        ToolInfo("canva", "Canva", "Creation tools"),
        ToolInfo("follett-titlewave", "Titlewave", "Library systems"),
    ),
    exams_for_state=lambda code: {"TX": ("texes-150",), "NJ": ("praxis-5312",)}.get(code, ()),
)


def by_id(answers: Answers, ctx: Context = CTX) -> dict[str, Question]:
    return {q.id: q for q in questions(ctx, answers)}


def asked(answers: Answers) -> list[str]:
    return [q.id for q in questions(CTX, answers) if q.when(answers)]


def test_every_contract_field_but_client_id_has_a_question() -> None:
    covered = {q.field for q in questions(CTX, {"exams": ["texes-150"]})}
    # A program id is chosen from `lmspath programs` and given with --program or in the file.
    assert covered == set(FIELDS) - {"client_id", "program", *FILE_ONLY_FIELDS}


def test_question_ids_are_unique() -> None:
    ids = [q.id for q in questions(CTX, {"exams": ["texes-150", "praxis-5312"]})]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("master", ["no", NOT_SURE])
def test_no_masters_means_no_masters_field_or_ala_question(master: str) -> None:
    ids = asked({"state": "TX", "master": master})
    assert "master_fields" not in ids
    assert "master_ala_accredited" not in ids


@pytest.mark.parametrize("master", ["yes", "in_progress"])
def test_a_masters_brings_the_field_question(master: str) -> None:
    assert "master_fields" in asked({"master": master})


def test_ala_is_asked_only_for_a_library_masters() -> None:
    assert "master_ala_accredited" in asked({"master": "yes", "master_fields": ["library_science"]})
    assert "master_ala_accredited" not in asked({"master": "yes", "master_fields": ["education"]})


def test_license_state_is_asked_only_when_they_hold_a_license() -> None:
    assert "teaching_license_state" in asked({"teaching_license_status": "expired"})
    assert "teaching_license_state" not in asked({"teaching_license_status": "none"})
    assert "teaching_license_state" not in asked({"teaching_license_status": NOT_SURE})


def test_score_questions_only_for_the_exams_they_passed() -> None:
    ids = asked({"state": "TX", "exams": ["praxis-5312"]})
    assert [i for i in ids if i.startswith(SCORE_PREFIX)] == ["exam_score:praxis-5312"]
    assert not [i for i in asked({"state": "TX", "exams": []}) if i.startswith(SCORE_PREFIX)]


def test_score_question_follows_the_exams_question() -> None:
    ids = asked({"exams": ["texes-150"]})
    assert ids.index("exam_score:texes-150") == ids.index("exams") + 1


def test_exam_list_offers_the_target_states_exams_first() -> None:
    tx = exam_options(CTX, "TX")
    nj = exam_options(CTX, "NJ")
    assert tx[0].value == "texes-150"
    assert tx[0].group == "Exams Texas uses"
    assert nj[0].value == "praxis-5312"
    assert {o.group for o in tx[1:]} == {"Other exams"}
    assert sorted(o.value for o in tx) == sorted(e.id for e in CTX.exams)


def test_exam_question_orders_choices_by_the_answered_state() -> None:
    assert by_id({"state": "nj"})["exams"].choices[0].value == "praxis-5312"
    assert by_id({"state": "Texas"})["exams"].choices[0].value == "texes-150"


def test_real_texas_exam_list_starts_with_texes_150() -> None:
    ctx = load_context()
    options = by_id({"state": "TX"}, ctx)["exams"].choices
    assert options[0].value == "texes-150"
    assert len(options) == len(ctx.exams)


def test_tools_are_grouped_by_category_and_answer_with_ids() -> None:
    options = tool_options(CTX)
    assert [(o.group, o.value) for o in options] == [
        ("Library systems", "destiny"),
        ("Library systems", "follett-titlewave"),
        ("Creation tools", "canva"),
    ]
    assert "tools" in by_id({})
    assert "tools_other" in by_id({})


def test_without_a_taxonomy_tools_is_one_free_text_question() -> None:
    ctx = Context(states=("TX",))
    ids = by_id({}, ctx)
    assert "tools" not in ids
    assert ids["tools_other"].text == "Which tools do you use?"


# --- validators agree with the profile file's parser ------------------------------------------

SAMPLES: dict[str, list[object]] = {
    "library_credit_hours": ["12", "0", "300", "301", "-1", "abc", "", "1,5"],
    "teaching_years": ["3", "60", "61", "2.5", "x", ""],
    "school_library_years": ["0", "60.5", "ten"],
    "practicum_hours": ["160", "5001", ""],
    "teaching_license_state": ["TX", "texas", "Texs", "", "none"],
    "master_fields": [["library_science"], ["education", "other"], []],
}


@pytest.mark.parametrize(
    ("field", "value"), [(f, v) for f, values in SAMPLES.items() for v in values]
)
def test_validator_accepts_exactly_what_the_profile_file_accepts(field: str, value: object) -> None:
    question = by_id({"master": "yes", "teaching_license_status": "active"})[field]
    try:
        parse_field(field, value)
        file_ok = True
    except ValueError:
        file_ok = False
    assert (question.validate(value) is None) == file_ok


def test_number_validator_gives_the_reason() -> None:
    question = by_id({})["teaching_years"]
    assert question.validate("61") == "'61' is more than 60; check the number"
    assert question.validate("abc") == "'abc' is not a number"
    assert question.validate("") is None
    assert question.hint == f"years from 0 to {LIMITS['teaching_years']:g}; Enter to skip"


def test_state_validator_needs_a_state_with_rules() -> None:
    question = by_id({})["state"]
    assert question.validate("tx") is None
    assert question.validate("New Jersey") is None
    assert question.validate("") is not None
    assert "Texas" in str(question.validate("Texs"))
    assert question.validate("CA") == "no rules data for CA (California) yet"


def test_select_validator_refuses_values_not_offered() -> None:
    question = by_id({})["bachelor"]
    assert question.validate("yes") is None
    assert question.validate(NOT_SURE) is None
    assert question.validate("maybe") is not None


def test_exams_checkbox_refuses_exams_not_listed() -> None:
    question = by_id({"state": "TX"})["exams"]
    assert question.validate(["texes-150"]) is None
    assert question.validate(["nope-1"]) is not None


def test_score_must_fall_within_the_exams_scale() -> None:
    question = by_id({"exams": ["texes-150"]})["exam_score:texes-150"]
    assert question.validate("240") is None
    assert question.validate("") is None
    assert question.validate("99") == "99 is outside the TExES 150 scale (100 to 300)"
    assert question.validate("301") is not None
    assert question.validate("abc") == "score 'abc' for texes-150 is not a number"
    praxis = by_id({"exams": ["praxis-5312"]})["exam_score:praxis-5312"]
    assert praxis.validate("250") is not None
    assert "100 to 200" in praxis.hint


def test_score_without_a_known_scale_only_needs_a_number() -> None:
    question = by_id({"exams": ["ftce-010"]})["exam_score:ftce-010"]
    assert question.validate("1000") is None
    assert question.validate("-3") is not None


def test_review_question_takes_a_row_number_or_blank() -> None:
    question = review_question(19)
    assert question.validate("") is None
    assert question.validate("19") is None
    assert question.validate("0") is not None
    assert (
        question.validate("20") == "type a number from 1 to 19, or press Enter to see your report"
    )
    assert question.validate("two") is not None


def test_free_text_splits_on_commas_and_semicolons() -> None:
    assert split_free_text("Canva, Padlet; Destiny ,") == ["Canva", "Padlet", "Destiny"]
    assert split_free_text("") == []


# --- answers to profile-file fields ------------------------------------------------------------


def test_answers_to_fields_maps_scores_into_the_exam_list() -> None:
    raw = answers_to_fields(
        {
            "exams": ["texes-150", "praxis-5312"],
            "exam_score:texes-150": "250",
            "exam_score:praxis-5312": "",
        }
    )
    assert raw["exams"] == ["texes-150:250", "praxis-5312"]


def test_answers_that_no_longer_apply_are_left_out() -> None:
    raw = answers_to_fields(
        {
            "master": "no",
            "master_fields": ["education"],
            "master_ala_accredited": "yes",
            "exams": [],
            "exam_score:texes-150": "250",
        }
    )
    assert raw == {"master": "no", "exams": []}


def test_no_license_implies_license_state_none() -> None:
    raw = answers_to_fields({"teaching_license_status": "none"})
    # Without a license National Board is not asked, and cannot be held.
    assert raw == {
        "teaching_license_status": "none",
        "teaching_license_state": "none",
        "national_board": "no",
    }


def test_not_sure_and_blank_answers_are_not_given() -> None:
    assert answers_to_fields({"bachelor": NOT_SURE, "teaching_years": "", "skills": ""}) == {}


def test_tools_combine_ticked_ids_and_free_text() -> None:
    raw = answers_to_fields({"tools": ["destiny"], "tools_other": "Padlet, destiny"})
    assert raw["tools"] == ["destiny", "Padlet"]
    assert answers_to_fields({"tools": [], "tools_other": ""})["tools"] == []
    assert "tools" not in answers_to_fields({"tools_other": ""})


def test_applies_uses_only_the_answers() -> None:
    assert applies("exam_score:texes-150", {"exams": ["texes-150"]})
    assert not applies("exam_score:texes-150", {"exams": ["praxis-5312"]})
    assert applies("state", {})


# --- presentation: 80 columns, no colour needed ------------------------------------------------


def test_every_prompt_line_fits_an_80_column_terminal() -> None:
    ctx = load_context()
    every = {"master": "yes", "exams": [e.id for e in ctx.exams], "state": "TX"}
    asked = [dataclasses.replace(q, progress="19 of 21") for q in questions(ctx, every)]
    for question in [*asked, review_question(19)]:
        lines = ("? " + prompt_message(question) + keys_help(question)).splitlines()
        for line in lines:
            assert len(line) <= 80, (question.id, line)
        for option in question.choices:
            assert len(option.title) + 6 <= 80, (question.id, option.title)


def test_list_questions_say_which_keys_to_press() -> None:
    questions_now = by_id({"master": "yes"})
    assert "Space" in keys_help(questions_now["master_fields"])
    assert "Enter" in keys_help(questions_now["bachelor"])
    assert keys_help(questions_now["teaching_years"]) == ""
