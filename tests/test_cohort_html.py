"""`batch --summary cohort.html`: one self-contained page of SVG charts, rendered in Chromium."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from lmspath.cli import get_app
from tests.test_html_report import _browser, _headless, _Parts

runner = CliRunner()

HEADER = (
    "client_id,state,bachelor,master,school_library_program,teaching_years,exams,"
    "background_check,skills"
)
EVIL = "<script>alert(1)</script>"
ROWS = [
    "T-ready,TX,yes,yes,yes,5,texes-150,yes,",
    f"{EVIL},TX,yes,no,no,2,,yes,cataloging",
    "C-far,CA,yes,no,no,0,,no,",
    "N-blank,NY,,,,,,,",
    "F1,FL,yes,no,no,3,,yes,",
    "F2,FL,yes,yes,no,3,,yes,",
    "bad,ZZ,yes,,,,,,",
]


def _intake(folder: Path) -> Path:
    intake = folder / "intake.csv"
    intake.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    return intake


def _run(folder: Path, name: str = "cohort.html") -> Path:
    intake = _intake(folder)
    summary = folder / name
    result = runner.invoke(
        get_app(),
        ["batch", str(intake), "-o", str(folder / "r.csv"), "--summary", str(summary)],
    )
    # Exit 1: one row (state ZZ) is rejected, and the summary counts it.
    assert result.exit_code == 1, result.stderr
    return summary


def _svgs(page: str) -> dict[str, str]:
    """Each chart's caption and its SVG."""
    found = re.findall(r"<figcaption>(.*?)</figcaption>(<svg .*?</svg>)", page, re.S)
    return dict(found)


def test_html_summary_is_one_self_contained_escaped_page_with_charts(tmp_path: Path) -> None:
    summary = _run(tmp_path)
    page = summary.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    # Written like every client-data output: private (0600 when new), no temporary left over.
    assert stat.S_IMODE(summary.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cohort.html", "intake.csv", "r.csv"]
    parts = _Parts()
    parts.feed(page)
    names = [tag for tag, _ in parts.tags]
    # Nothing runs and nothing is fetched.
    assert "script" not in names
    assert "<script" not in page.lower()
    assert not re.search(r"https?://", page)
    assert "@import" not in page
    assert "@font-face" not in page
    assert "url(" not in page
    assert not [a for t, a in parts.tags if t in {"link", "img", "iframe", "object", "embed"}]
    assert not [a for _, a in parts.tags if "src" in a or "href" in a]
    # The client's own id is shown as text.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # The sections the markdown summary has, as headings.
    heads = [h.split(":", 1)[1] for h in parts.headings]
    for wanted in (
        "Verdicts",
        "Months to certification",
        "Clients by readiness",
        "Eligible now (1)",
        "By state",
        "The 10 most common missing requirements",
        "The 10 most common skills gaps",
        "Unconfirmed rules the cohort depends on",
        "Pay, openings and staffing in the cohort's states",
        "Rejected rows by field",
    ):
        assert wanted in heads, (wanted, heads)
    charts = _svgs(page)
    assert set(charts) == {
        "Clients by verdict",
        "Clients by readiness tier",
        "Clients by state (each square: state code and number of clients)",
        "Clients missing each requirement",
        "Clients with each skills gap",
    }
    # Readable without colour: each bar's label and count are text in the chart.
    verdicts = charts["Clients by verdict"]
    assert ">Eligible</text>" in verdicts
    assert ">1 (16.7%)</text>" in verdicts
    assert ">3 (50.0%)</text>" in verdicts  # cannot tell: N-blank, F1, F2
    tiers = charts["Clients by readiness tier"]
    assert ">More than 24 months</text>" in tiers
    assert ">2 (33.3%)</text>" in tiers
    # The tile map: 51 squares, each with its code and count.
    tiles = charts["Clients by state (each square: state code and number of clients)"]
    assert tiles.count("<rect") == 51
    assert re.search(r">FL</text><text [^>]*>2</text>", tiles)
    assert re.search(r">AK</text><text [^>]*>0</text>", tiles)
    # The career table, as the markdown summary has it: one row per state of the cohort.
    assert "<td>CA</td><td class=num>1</td>" in page
    # Bars scale with the count: the widest verdict bar belongs to the largest count.
    widths = [int(w) for w in re.findall(r'class="bar" [^>]*width="(\d+)"', verdicts)]
    assert widths == [100, 200, 300]


def test_md_summary_stays_markdown(tmp_path: Path) -> None:
    text = _run(tmp_path, "cohort.md").read_text(encoding="utf-8")
    assert text.startswith("# Cohort summary")
    assert "<svg" not in text


def test_html_summary_bytes_are_the_same_on_every_run(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    intake = _intake(first)
    commands = [
        [
            sys.executable,
            "-m",
            "lmspath",
            "batch",
            str(intake),
            "--jobs",
            jobs,
            "--summary",
            str(folder / "cohort.html"),
        ]
        for folder, jobs in ((first, "1"), (second, "2"))
    ]
    env = {**os.environ, "PYTHONHASHSEED": "random"}
    for command in commands:
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        assert done.returncode == 1, done.stderr  # the rejected row
    assert (first / "cohort.html").read_bytes() == (second / "cohort.html").read_bytes()


@pytest.mark.slow
def test_chromium_renders_the_cohort_page(tmp_path: Path) -> None:
    browser = _browser()
    page = _run(tmp_path)
    pdf = tmp_path / "cohort.pdf"
    png = tmp_path / "cohort.png"
    _headless(
        browser, tmp_path / "p1", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()
    )
    _headless(
        browser, tmp_path / "p2", "--window-size=1000,1400", f"--screenshot={png}", page.as_uri()
    )
    assert png.read_bytes().startswith(b"\x89PNG")
    assert png.stat().st_size > 20_000  # charts and text, not a blank image
    keep = os.environ.get("LMSPATH_KEEP_RENDER")
    if keep:
        shutil.copy(png, Path(keep) / "cohort.png")
        shutil.copy(pdf, Path(keep) / "cohort.pdf")
    reader = PdfReader(pdf)
    text = " ".join(unicodedata.normalize("NFKC", p.extract_text()) for p in reader.pages).split()
    words = " ".join(text)
    assert "Cohort summary: " in words
    # SVG text is real text in the printed page: chart labels and the tile codes.
    assert "More than 24 months" in words
    assert "Clients by verdict" in words
    assert "<script>alert(1)" in words  # shown as the text it is (the cell wraps after it)
    assert 1 <= len(reader.pages) <= 12, len(reader.pages)


def test_career_lines_become_an_escaped_table_of_the_header_width() -> None:
    from lmspath.batch.cohort_html import _career

    lines = ["## Pay <b>", "See `lmspath career XX`.", "| A | B | C |", "|---|---:|---|"]
    page = _career([*lines, "| 1 | 2 |", "| 1 | 2 | 3 | 4 |"])
    assert "<h2>Pay &lt;b&gt;</h2>" in page
    assert "<code>lmspath career XX</code>" in page
    assert "<td>1</td><td>2</td><td></td></tr>" in page
    assert "<td>3 | 4</td>" in page
    assert "---" not in page


def test_unconfirmed_rules_and_duplicates_are_listed_escaped() -> None:
    from lmspath.batch.cohort import CohortMeta, CohortTally, Duplicate, RuleRef
    from lmspath.batch.cohort_html import render_cohort_html

    tally = CohortTally()
    ref = RuleRef("TX", "exam", "Pass <em>the</em> exam", "exam")
    tally.scored = 3
    tally.by_verdict["not_yet"] = 3
    tally.by_state["TX"] = 3
    tally.unconfirmed[(ref, "amount or cut score not confirmed")] = 3
    meta = CohortMeta(
        intake="in<put>.csv",
        encoding="UTF-8",
        delimiter="comma",
        rules_date="2026-11-24",
        today="2026-12-05",
        version="0",
        duplicates=1,
        duplicate_examples=(Duplicate("<b>id</b>", 2, 3),),
    )
    page = render_cohort_html(tally, meta, None)
    assert "<td>Pass &lt;em&gt;the&lt;/em&gt; exam</td><td>exam</td><td>TX</td>" in page
    assert "<td>amount or cut score not confirmed</td><td class=num>3</td>" in page
    assert "&#x27;&lt;b&gt;id&lt;/b&gt;&#x27; (lines 2 and 3)" in page
    assert "<title>Cohort summary: in&lt;put&gt;.csv</title>" in page
    assert "<em>" not in page
    assert "<b>" not in page
    assert "<svg" in page  # the verdict chart; without a tile map, the state table alone
    assert "each square" not in page
