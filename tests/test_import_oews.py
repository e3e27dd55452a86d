"""scripts/import_oews.py on the shipped fixture workbook (BLS state layout, made-up values)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from lmspath.store.load import default_data_dir
from lmspath.store.market import load_market

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "import_oews.py"
FIXTURE = ROOT / "tests" / "fixtures" / "oews" / "state_M2099_dl.xlsx"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def market_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(default_data_dir() / "market.yaml", folder / "market.yaml")
    return folder


def test_import_writes_each_state_row_with_source_and_month(market_dir: Path) -> None:
    market_file = market_dir / "market.yaml"
    done = _run(str(FIXTURE), "--market", str(market_file), "--read-on", "2026-12-05")
    assert done.returncode == 0, done.stderr
    assert "wages for 3 states (May 2099)" in done.stdout
    assert "skipped (not a state or DC): Puerto Rico" in done.stdout

    market = load_market.__wrapped__(market_dir)
    source = market.source("bls-oews-state-m2099")
    assert source.official
    assert source.url == "https://www.bls.gov/oes/special.requests/oesm99st.zip"
    assert str(source.read_on) == "2026-12-05"

    al = market.states["AL"].oews
    assert al is not None
    assert al.label == "all library settings"
    assert (al.median.value, al.mean.value, al.employment.value) == (57000, 58500, 2000)
    assert al.median.period == "May 2099"
    assert al.median.source == "bls-oews-state-m2099"
    # Other occupations in the workbook are ignored (25-4031 had 900 jobs).
    assert al.employment.value != 900
    # What was there before is kept.
    assert market.states["AL"].mandate is not None
    assert market.national.ooh[0].median_pay.value == 61660

    ak = market.states["AK"].oews
    assert ak is not None
    assert ak.mean.value is None
    assert "'*'" in (ak.mean.note or "")
    assert ak.pct90.value is None
    assert "'#'" in (ak.pct90.note or "")
    assert ak.employment.value is None
    assert ak.median.value == 66000

    tx = market.states["TX"].oews
    assert tx is not None
    assert (tx.employment.value, tx.mean.value) == (7500, 65520)
    assert "PR" not in market.states


def test_import_twice_gives_the_same_file(market_dir: Path) -> None:
    market_file = market_dir / "market.yaml"
    args = (str(FIXTURE), "--market", str(market_file), "--read-on", "2026-12-05")
    assert _run(*args).returncode == 0
    first = market_file.read_text(encoding="utf-8")
    assert first.startswith("# Career facts beside the plan")
    assert _run(*args).returncode == 0
    assert market_file.read_text(encoding="utf-8") == first


def test_a_workbook_without_a_wage_column_is_refused(market_dir: Path, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["AREA", "AREA_TITLE", "OCC_CODE", "TOT_EMP", "A_MEAN"])
    sheet.append([1, "Alabama", "25-4022", 10, 50000])
    bad = tmp_path / "state_M2099_dl.xlsx"
    book.save(bad)
    before = (market_dir / "market.yaml").read_text(encoding="utf-8")
    done = _run(str(bad), "--market", str(market_dir / "market.yaml"))
    assert done.returncode == 3
    assert done.stderr.startswith("Error: ")
    assert "missing column(s) a_median" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert (market_dir / "market.yaml").read_text(encoding="utf-8") == before


def test_a_name_without_a_year_needs_period(market_dir: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "wages.xlsx"
    shutil.copy(FIXTURE, renamed)
    done = _run(str(renamed), "--market", str(market_dir / "market.yaml"))
    assert done.returncode == 3
    assert "give --period" in done.stderr
    done = _run(str(renamed), "--market", str(market_dir / "market.yaml"), "--period", "May 2099")
    assert done.returncode == 0, done.stderr


def test_the_fixture_matches_its_generator() -> None:
    sys.path.insert(0, str(FIXTURE.parent))
    try:
        import make_fixture  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    sheet = load_workbook(FIXTURE, read_only=True).worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows == [make_fixture.HEADER, *make_fixture.ROWS]
    assert FIXTURE.stat().st_size < 20_000


def test_compare_shows_the_imported_median_wage_beside_each_state(tmp_path: Path) -> None:
    # The compare column (issue 19): a state's own median wage where the market data has one,
    # "not on record" elsewhere; never the national figure.
    from lmspath.api.compare import compare
    from lmspath.render.compare_view import render_csv, render_markdown
    from lmspath.store.tiles import load_tiles
    from tests.helpers import TODAY, profile

    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data)
    done = _run(str(FIXTURE), "--market", str(data / "market.yaml"), "--read-on", "2026-12-05")
    assert done.returncode == 0, done.stderr
    person = profile(bachelor="yes", teaching_license_status="none")
    rows = compare(person, ["AL", "TX", "WY"], today=TODAY, data_dir=data)
    known = {r.state: r.median_wage_usd for r in rows}
    assert sum(v is not None for v in known.values()) >= 1
    row = next(r for r in rows if r.median_wage_usd is not None)
    assert row.median_wage_period == "May 2099"
    text = render_markdown(rows, load_tiles())
    assert "median wage, all library settings" in text
    assert "not on record" in text or all(v is not None for v in known.values())
    assert "median_wage_usd" in render_csv(rows, load_tiles()).splitlines()[0]
