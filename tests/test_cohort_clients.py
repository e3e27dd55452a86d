"""The cohort summary lists the clients of each readiness tier: who is eligible, who is close."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from lmspath.batch.cohort_clients import SHOWN_PER_TIER
from lmspath.cli import get_app

runner = CliRunner()

ROWS = [
    "T-ready,TX,yes,yes,yes,5,texes-150,yes",
    "T-far,TX,yes,no,no,2,,yes",
    "C-far,CA,yes,no,no,0,,no",
    "N-blank,NY,,,,,,",
]
HEADER = (
    "client_id,state,bachelor,master,school_library_program,teaching_years,exams,background_check"
)


def _summary(tmp_path: Path, rows: list[str], *extra: str) -> str:
    intake = tmp_path / "intake.csv"
    intake.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    summary = tmp_path / "cohort.md"
    result = runner.invoke(
        get_app(),
        ["batch", str(intake), "-o", str(tmp_path / "r.csv"), "--summary", str(summary), *extra],
    )
    assert result.exit_code == 0, result.stderr
    return summary.read_text(encoding="utf-8")


def _section(text: str) -> str:
    return text.split("## Clients by readiness", 1)[1].split("\n## ", 1)[0]


def test_each_tier_lists_its_clients_with_state_months_and_next_step(tmp_path: Path) -> None:
    section = _section(_summary(tmp_path, ROWS))
    tiers = {
        part.split("\n", 1)[0]: part for part in section.split("### ")[1:]
    }  # heading -> its table
    where = {
        client: heading
        for heading, table in tiers.items()
        for client in ("T-ready", "T-far", "C-far", "N-blank")
        if f"| {client} |" in table
    }
    assert set(where) == {"T-ready", "T-far", "C-far", "N-blank"}
    assert where["N-blank"].startswith("Cannot tell")
    assert where["T-far"] != where["T-ready"]
    assert "| 3 | T-far | TX | 18-36 | Earn a master's degree" in section
    # every client is listed once, under the tier the readiness table counts them in
    assert sum(section.count(f"| {c} |") for c in where) == 4


def test_a_time_whose_ends_agree_is_one_number(tmp_path: Path) -> None:
    # Maryland's master's with the program inside it: 24 months at either end, as the
    # client's plan says "24 months"; a range stays a range
    section = _section(_summary(tmp_path, ["M-even,MD,yes,no,no,0,,no", *ROWS[1:2]]))
    assert "| 2 | M-even | MD | 24 | Earn a master's degree" in section
    assert "| 3 | T-far | TX | 18-36 |" in section


def test_a_lower_bound_reads_as_one(tmp_path: Path) -> None:
    # A Texas teacher with a master's in progress: one more year of teaching is 12 months, the
    # master's time left is not known, so the total is at least 12 months
    text = _summary(tmp_path, ["T-open,TX,yes,in_progress,yes,1,,yes"])
    assert "| 2 | T-open | TX | 12+ | Finish your master's degree |" in text
    assert "'12+' means at least 12 months" in text


def test_a_long_tier_lists_the_first_clients_and_counts_the_rest(tmp_path: Path) -> None:
    rows = [f"X-{i:03},TX,yes,no,no,2,,yes" for i in range(SHOWN_PER_TIER + 7)]
    section = _section(_summary(tmp_path, rows))
    assert f"({SHOWN_PER_TIER + 7:,})" in section
    assert "| X-000 |" in section
    assert f"| X-{SHOWN_PER_TIER - 1:03} |" in section
    assert f"| X-{SHOWN_PER_TIER:03} |" not in section
    assert "the other 7 are in the results file" in section


def test_two_worker_processes_list_the_same_clients(tmp_path: Path) -> None:
    rows = [f"{s}-{i:03},{s},yes,no,no,{i % 5},,yes" for i in range(60) for s in ("TX", "CA")]
    one = _section(_summary(tmp_path, rows))
    two = _section(_summary(tmp_path, rows, "--jobs", "2"))
    assert one == two
