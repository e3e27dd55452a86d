"""Profile files: every field parses the way the contract says; bad input gets one plain line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from lmspath.cli import get_app
from lmspath.errors import InputError
from lmspath.model.profile import ExamResult, ProfileProblems, build_profile
from lmspath.store.load import exam_index
from lmspath.store.profile_file import read_profile, write_profile

runner = CliRunner()


def _write(tmp_path: Path, text: str | bytes, name: str = "p.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_yaml_bare_yes_no_and_lists_parse_as_the_person_meant(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "state: texas\nbachelor: yes\nmaster: no\nbackground_check: false\n"
        "exams: 'Praxis 5312:158; texes-150'\ntools: [Destiny, Canva]\nteaching_years: '3'\n",
    )
    person = read_profile(path, exam_index())
    assert person.state == "TX"
    assert person.bachelor == "yes"
    assert person.master == "no"
    assert person.background_check == "no"
    assert person.exams == (
        ExamResult(exam="praxis-5312", score=158),
        ExamResult(exam="texes-150", score=None),
    )
    assert person.tools == ("Destiny", "Canva")
    assert person.teaching_years == 3


def test_json_profile_reads_the_same(tmp_path: Path) -> None:
    path = _write(tmp_path, '{"state": "TX", "teaching_years": 2, "exams": ["5312"]}', "p.json")
    person = read_profile(path, exam_index())
    assert person.teaching_years == 2
    assert person.exams == (ExamResult(exam="praxis-5312"),)


def test_blank_means_not_given_not_no(tmp_path: Path) -> None:
    person = read_profile(
        _write(tmp_path, "state: TX\nmaster: ''\nteaching_years:\n"), exam_index()
    )
    assert person.master is None
    assert person.teaching_years is None


def test_saved_profile_reads_back_identically(tmp_path: Path) -> None:
    index = exam_index()
    original = build_profile(
        {
            "state": "NY",
            "master": "yes",
            "master_fields": "library_science; education",
            "exams": "nystce-074:530",
            "teaching_years": 2.5,
            "tools": ["Destiny"],
        },
        resolve_exam=index.resolve,
    )
    for name in ("saved.yaml", "saved.json"):
        path = tmp_path / name
        write_profile(original, path)
        assert read_profile(path, index) == original


def test_every_problem_in_a_profile_is_reported_at_once() -> None:
    with pytest.raises(ProfileProblems) as caught:
        build_profile({"teaching_years": "three", "master": "maybe", "stat": "TX"})
    fields = [p.field for p in caught.value.problems]
    assert fields == ["teaching_years", "master", "stat"]


BAD_PROFILES = [
    pytest.param("state: Narnia\n", "state: unknown state 'Narnia'", id="unknown-state"),
    pytest.param("state: Texs\n", "did you mean TX (Texas)?", id="state-typo-suggests"),
    pytest.param(
        "state: TX\nexams: [praxis-9999]\n", "exams: unknown exam 'praxis-9999'", id="unknown-exam"
    ),
    pytest.param(
        "state: TX\nteaching_years: -2\n", "teaching_years: '-2' is negative", id="negative-years"
    ),
    pytest.param(
        "state: TX\nteaching_years: three\n",
        "teaching_years: 'three' is not a number",
        id="non-numeric-years",
    ),
    pytest.param(
        "state: TX\nteaching_years: 75\n",
        "teaching_years: '75' is more than 60",
        id="years-too-big",
    ),
    pytest.param(
        "state: TX\nteachng_years: 3\n",
        "teachng_years: unknown field; did you mean 'teaching_years'?",
        id="unknown-key-suggests",
    ),
    pytest.param("- a\n- b\n", "should be a mapping of field: value, not a list", id="a-list"),
    pytest.param("just words\n", "not a single line of text", id="a-scalar"),
    pytest.param("", "is empty", id="empty-file"),
    pytest.param(
        "state: !!python/object/apply:os.system ['echo pwned']\n",
        "contains a YAML tag that is not allowed",
        id="yaml-tag-refused",
    ),
    pytest.param("state: [TX\n", "not valid YAML or JSON", id="broken-yaml"),
    pytest.param(b"state: T\xff\xfeX\n", "is not UTF-8 text", id="invalid-utf8"),
    pytest.param(b"state: TX\n" + b"#" * 2_100_000, "the limit is 2,000,000", id="huge-file"),
    pytest.param(
        "state: TX\nmaster_fields: [library, cooking]\n",
        "master_fields: 'cooking' is not one of",
        id="bad-list-item",
    ),
    pytest.param("state: TX\nbachelor: {a: 1}\n", "should be a single value", id="mapping-value"),
    pytest.param(
        "state: TX\nexams: 'texes-150:500'\n",
        "exams: score 500 for texes-150 is outside its scale (100 to 300)",
        id="score-outside-scale",
    ),
]


@pytest.mark.parametrize(("text", "expected"), BAD_PROFILES)
def test_bad_profile_is_one_line_exit_3_no_traceback(
    tmp_path: Path, text: str | bytes, expected: str
) -> None:
    path = _write(tmp_path, text)
    result = runner.invoke(get_app(), ["assess", "--profile", str(path), "--format", "json"])
    assert result.exit_code == 3, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: "), lines
    assert expected in lines[0]
    assert "p.yaml" in lines[0]
    assert "Traceback" not in result.output


def test_missing_file_and_directory_are_named(tmp_path: Path) -> None:
    for target, words in (
        (tmp_path / "nope.yaml", "no such file"),
        (tmp_path, "is a directory, not a file"),
    ):
        result = runner.invoke(get_app(), ["assess", "--profile", str(target)])
        assert result.exit_code == 3
        assert result.stderr.strip() == f"Error: {target}: {words}"


def test_read_profile_raises_input_error_naming_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^bad\.yaml: teaching_years"):
        read_profile(_write(tmp_path, "teaching_years: x\n", "bad.yaml"), exam_index())
