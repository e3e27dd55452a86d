"""The printable HTML plan: self-contained, escaped, accessible; printed by headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from lmspath.api.assess import assessment_for
from lmspath.cli import get_app
from lmspath.model.results import Assessment
from lmspath.render.html_report import render_html
from tests.helpers import TODAY, profile

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "teacher-tx.yaml"
runner = CliRunner()

TEACHER = {
    "bachelor": "yes",
    "master": "no",
    "teaching_license_state": "TX",
    "teaching_license_status": "active",
    "teaching_years": 1,
    "exams": "",
    "skills": ["reading promotion", "<script>alert(1)</script>"],
    "tools": ["Canva & <b>friends</b>"],
}


def _teacher() -> Assessment:
    return assessment_for(profile(**TEACHER), "TX", today=TODAY)


class _Parts(HTMLParser):
    """Collects the tags, attributes and headings of a document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[str] = []
        self._in_heading: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self._in_heading = tag
            self.headings.append(tag + ":")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in_heading:
            self._in_heading = None

    def handle_data(self, data: str) -> None:
        if self._in_heading:
            self.headings[-1] += data


def test_html_is_self_contained_escaped_and_accessible() -> None:
    page = render_html(_teacher())
    parts = _Parts()
    parts.feed(page)
    names = [tag for tag, _ in parts.tags]
    # Nothing runs and nothing is fetched: no scripts, no external styles, fonts or images.
    assert "script" not in names
    assert "<script>" not in page
    assert "@import" not in page
    assert "@font-face" not in page
    assert "url(" not in page
    assert not [a for t, a in parts.tags if t in {"link", "img", "iframe", "object", "embed"}]
    # The person's own words are shown as text, never as markup.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page or "alert" not in page
    # Accessible structure: a language, one h1, then h2 sections, tables with column headers.
    assert ("html", {"lang": "en"}) in parts.tags
    assert names.count("h1") == 1
    assert parts.headings[1] == "h2:Your plan"
    assert any(h.startswith("h2:Sources") for h in parts.headings)
    assert all(a.get("scope") == "col" for t, a in parts.tags if t == "th")
    assert "caption" in names
    # The plan is a checklist: one labelled checkbox per step.
    boxes = [a for t, a in parts.tags if t == "input"]
    labels = [a for t, a in parts.tags if t == "label"]
    assert len(boxes) == len(_teacher().plan.steps) >= 3
    assert {b["id"] for b in boxes} == {lab["for"] for lab in labels}
    # Sources are footnotes: every citation points at a numbered source below.
    cited = set(re.findall(r'href="#(src-\d+)"', page))
    listed = set(re.findall(r'<li id="(src-\d+)"', page))
    assert cited
    assert cited <= listed
    assert "@media print" in page


def test_user_text_in_a_requirement_is_escaped() -> None:
    result = _teacher()
    evil = "<img src=x onerror=alert(1)>"
    step = result.plan.steps[0].replace(**{"title": evil, "link": "javascript:alert(1)"})
    plan = result.plan.replace(**{"steps": [step, *result.plan.steps[1:]]})
    page = render_html(result.replace(**{"plan": plan}))
    assert evil not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert 'href="javascript:' not in page


def test_output_html_writes_the_plan_and_prints_the_summary(tmp_path: Path) -> None:
    target = tmp_path / "plan.html"
    result = runner.invoke(get_app(), ["assess", "-p", str(EXAMPLE), "--output", str(target)])
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "is in" in result.stdout
    explicit = runner.invoke(get_app(), ["assess", "-p", str(EXAMPLE), "--format", "html"])
    assert explicit.exit_code == 0, explicit.stderr
    assert explicit.stdout.startswith("<!DOCTYPE html>")


# --- in a real browser ------------------------------------------------------------------------


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _browser() -> str:
    found = _chromium()
    if found is None:
        if os.environ.get("LMSPATH_REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium is required here (LMSPATH_REQUIRE_BROWSER=1) but not installed")
        pytest.skip("no Chromium: install it (apt-get install chromium) to run the browser test")
    return found


def _headless(browser: str, profile_dir: Path, *args: str) -> None:
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile_dir}",
        *args,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.mark.slow
def test_chromium_prints_the_plan_on_page_one(tmp_path: Path) -> None:
    browser = _browser()
    page = tmp_path / "plan.html"
    page.write_text(render_html(_teacher()), encoding="utf-8")
    pdf = tmp_path / "plan.pdf"
    png = tmp_path / "plan.png"
    _headless(
        browser, tmp_path / "p1", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()
    )
    _headless(
        browser, tmp_path / "p2", "--window-size=1000,1400", f"--screenshot={png}", page.as_uri()
    )
    assert png.read_bytes().startswith(b"\x89PNG")
    assert png.stat().st_size > 20_000  # a page with text on it, not a blank image
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    count = len(PdfReader(pdf).pages)
    # The whole plan, requirement tables and sources: a few pages, not dozens.
    assert 2 <= count <= 10, count
    keep = os.environ.get("LMSPATH_KEEP_RENDER")
    if keep:
        shutil.copy(png, Path(keep) / "plan.png")
        shutil.copy(pdf, Path(keep) / "plan.pdf")
    reader = PdfReader(pdf)
    assert len(reader.pages) == count
    first = " ".join(unicodedata.normalize("NFKC", reader.pages[0].extract_text()).split())
    # Page 1 carries the verdict and the whole plan, down to its last step.
    result = _teacher()
    assert "Not yet" in first
    assert "Your plan" in first
    for step in result.plan.steps:
        assert f"{step.order}. " + " ".join(step.title.split()[:4]) in first, step.title
    assert "Totals: " in first


def test_ci_installs_chromium_and_requires_it() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    install = ci.index("apt-get install -y -qq chromium")
    assert install < ci.index("pytest")
    assert "export LMSPATH_REQUIRE_BROWSER=1" in ci


def test_a_run_of_sources_is_cited_as_a_range() -> None:
    page = render_html(_teacher())
    title = _teacher().plan.steps[0].title
    after = page.split(title.replace("'", "&#x27;"), 1)[1].split("</label>", 1)[1]
    marks = after.split("</sup>", 1)[0]
    assert marks.count("<a ") <= 4, marks  # not one mark per source
    assert '[1]</a>-<a href="#src-' in marks
