"""What-if: `--assume` on assess and compare, and `exams ID --score N`, through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from lmspath.api.compare import compare
from lmspath.cli import get_app
from lmspath.store.assume import apply, parse_assumptions
from lmspath.store.load import available_states, exam_index
from lmspath.store.profile_file import read_profile

from .helpers import TODAY

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "teacher-tx.yaml"
runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(get_app(), list(args))
    return result.exit_code, result.stdout, result.stderr


def _assess_json(*args: str) -> dict[str, Any]:
    code, out, err = invoke("assess", "--profile", str(EXAMPLE), "-f", "json", *args)
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def test_a_passed_exam_removes_exactly_the_exam_steps() -> None:
    before = _assess_json()
    after = _assess_json("--assume", "texes-150:250")
    change = after["what_if"]
    assert isinstance(change, dict)
    exam_steps = [s["title"] for s in before["plan"] if s["kind"] == "exam"]
    assert exam_steps
    assert change["steps_removed"] == exam_steps
    assert change["steps_added"] == []
    assert change["months_after"] == change["months_before"]
    assert [s["title"] for s in after["plan"] if s["kind"] == "exam"] == []
    assert before["what_if"] is None


def test_a_score_below_the_cut_keeps_the_exam_step() -> None:
    after = _assess_json("--assume", "texes-150:200")
    exams = [s for s in after["plan"] if s["kind"] == "exam"]
    assert len(exams) == 1
    assert "TExES 150" in exams[0]["title"]


def test_assume_equals_the_same_answers_written_in_the_profile(tmp_path: Path) -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data.update(master="yes", master_fields=["library_science"], teaching_years=2)
    edited = tmp_path / "edited.yaml"
    edited.write_text(yaml.safe_dump(data), encoding="utf-8")
    code, out, err = invoke("assess", "--profile", str(edited), "-f", "json")
    assert code == 0, err
    direct = json.loads(out)
    assumed = _assess_json(
        "--assume",
        "master=yes",
        "--assume",
        "master_fields=library_science",
        "-a",
        "Teaching Years=2",
    )
    assert assumed["plan"] == direct["plan"]
    assert assumed["verdict"] == direct["verdict"]
    change = assumed["what_if"]
    assert isinstance(change, dict)
    assert change["assumed"] == ["master=yes", "master_fields=library_science", "Teaching Years=2"]


#: States where a held master's may lengthen a plan: none since the program inside a master's
#: waits for the teaching license as the add-on program does.
LENGTHENS: set[str] = set()


def _upper(months: tuple[float, float] | None) -> float:
    return months[1] if months is not None else 0.0


@pytest.mark.parametrize(
    "fields", [["master=yes"], ["master=yes", "master_fields=library_science"]]
)
def test_a_masters_never_lengthens_a_plan(fields: list[str]) -> None:
    index = exam_index()
    person = read_profile(EXAMPLE, index)
    base = {r.state: r for r in compare(person, available_states(), today=TODAY)}
    with_master = compare(
        apply(person, parse_assumptions(fields, index)), available_states(), today=TODAY
    )
    longer = {
        r.state
        for r in with_master
        if _upper(r.months) > _upper(base[r.state].months)
        or (base[r.state].months_complete and not r.months_complete)
    }
    assert longer <= LENGTHENS, sorted(longer - LENGTHENS)


def test_compare_flips_match_two_separate_runs(tmp_path: Path) -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data.update(master="yes", exams=["praxis-5312:165"])
    edited = tmp_path / "edited.yaml"
    edited.write_text(yaml.safe_dump(data), encoding="utf-8")
    code, out, err = invoke("compare", "-p", str(EXAMPLE), "-f", "json")
    assert code == 0, err
    before = {s["state"]: s for s in json.loads(out)["states"]}
    code, out, err = invoke("compare", "-p", str(edited), "-f", "json")
    assert code == 0, err
    direct = json.loads(out)["states"]
    code, out, err = invoke(
        "compare", "-p", str(EXAMPLE), "-f", "json", "-a", "master=yes", "-a", "praxis-5312:165"
    )
    assert code == 0, err
    assumed = json.loads(out)
    assert assumed["states"] == direct
    flips = sorted(s["state"] for s in direct if s["verdict"] != before[s["state"]]["verdict"])
    assert flips
    assert sorted(assumed["what_if"]["flipped"]) == flips
    code, out, err = invoke("compare", "-p", str(EXAMPLE), "-f", "markdown", "-a", "master=yes")
    assert code == 0, err
    assert "## What if" in out
    assert "Verdict flips in:" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--assume", "mastr=yes"], "unknown field 'mastr'; did you mean 'master'?"),
        (["--assume", "master=yse"], "did you mean 'yes'?"),
        (["--assume", "portfolio=finished"], "portfolio:"),
        (["--assume", "praxis-5312:250"], "outside its scale (100 to 200)"),
        (["--assume", "praxis-5321:150"], "did you mean praxis-5312?"),
        (["--assume", "teaching_years=many"], "'many' is not a number"),
        (["--assume", "hello"], "write FIELD=VALUE"),
    ],
)
@pytest.mark.parametrize("command", ["assess", "compare"])
def test_bad_assumptions_are_one_line_exit_3(command: str, args: list[str], expected: str) -> None:
    code, _, err = invoke(command, "--profile", str(EXAMPLE), *args)
    assert code == 3, err
    assert err.startswith("Error: --assume")
    assert expected in err
    assert len(err.strip().splitlines()) == 1


def test_exams_score_lists_pass_fail_and_unconfirmed() -> None:
    code, out, err = invoke("exams", "praxis-5312", "--score", "152", "-f", "json")
    assert code == 0, err
    rows = {r["state"]: r for r in json.loads(out)}
    assert rows["MS"]["status"] == "pass"  # cut 149
    assert rows["TN"]["status"] == "fail"  # cut 154
    unconfirmed = [r for r in rows.values() if r["status"] == "not_confirmed"]
    assert unconfirmed
    assert all(r["result"].startswith("not confirmed: check with ") for r in unconfirmed)
    code, out, _ = invoke("exams", "Praxis 5312", "--score", "154", "-f", "json")
    assert {r["state"]: r["status"] for r in json.loads(out)}["TN"] == "pass"


@pytest.mark.parametrize(
    ("args", "code", "expected"),
    [
        (["praxis-5312", "--score", "252"], 3, "outside the praxis-5312 scale (100 to 200)"),
        (["praxis-5321", "--score", "150"], 3, "did you mean praxis-5312?"),
        (["--score", "150"], 2, "give both an exam and --score"),
    ],
)
def test_exams_score_bad_input(args: list[str], code: int, expected: str) -> None:
    got, _, err = invoke("exams", *args)
    assert got == code
    assert expected in err
    assert len(err.strip().splitlines()) == 1


_INTAKE = (
    "client_id,state,bachelor,master,school_library_program,teaching_license_status,"
    "teaching_years,school_library_years,exams\n"
    "a,TX,yes,no,no,active,4,0,\n"
    "b,MS,yes,no,no,active,4,0,\n"
    "c,FL,yes,no,no,active,3,0,ftce-010:150\n"
)


def _batch(tmp_path: Path, text: str, *args: str) -> list[dict[str, str]]:
    import csv

    intake = tmp_path / f"in{len(list(tmp_path.iterdir()))}.csv"
    intake.write_text(text, encoding="utf-8")
    out = tmp_path / f"{intake.stem}-out.csv"
    result = runner.invoke(get_app(), ["batch", str(intake), "-o", str(out), *args])
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(out.open(encoding="utf-8")))


def test_batch_assume_scores_as_if_and_says_what_changed(tmp_path: Path) -> None:
    assume = ["-a", "master=yes", "-a", "praxis-5312:165", "-a", "ftce-010:220"]
    plain = _batch(tmp_path, _INTAKE)
    assumed = _batch(tmp_path, _INTAKE, *assume)
    edited = _INTAKE.replace(",no,no,active", ",yes,no,active")
    edited = edited.replace("4,0,\n", "4,0,praxis-5312:165\n").replace(
        "ftce-010:150", "ftce-010:220; praxis-5312:165"
    )
    direct = _batch(tmp_path, edited)
    extra = {"verdict_before", "months_max_before", "verdict_flips"}
    for got, want, before in zip(assumed, direct, plain, strict=True):
        assert {k: v for k, v in got.items() if k not in extra} == want
        assert got["verdict_before"] == before["verdict"]
        assert got["months_max_before"] == before["months_max"]
        assert got["verdict_flips"] == ("yes" if before["verdict"] != want["verdict"] else "no")
    assert any(r["verdict_flips"] == "yes" for r in assumed)
    assert "verdict_before" not in plain[0]
    two = _batch(tmp_path, _INTAKE, *assume, "--jobs", "2")
    assert two == assumed
