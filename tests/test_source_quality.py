"""The data-check rule for distrusted sources: mirrors, upload sites, content farms, CDN copies."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lmspath.cli import get_app
from lmspath.store.load import default_data_dir
from lmspath.store.source_quality import flagged_sources, mirror_reason

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("url", "flagged"),
    [
        ("https://vdocument.in/shared-foundations.html", True),
        ("https://ro.scribd.com/document/1/x", True),
        ("https://d1tvxue8o4w0fl.cloudfront.net/regulation/x", True),
        ("https://atmos360orlando.com/milpitas-linkedin-cover-photo-template-9287", True),
        ("https://notscribd.com/x", False),
        ("https://tea.texas.gov/Texas_Educators/Certification", False),
        ("https://www.ala.org/aasl/standards", False),
        ("https://scribd.com.example.org/x", False),
    ],
)
def test_mirror_domains_are_matched_by_domain_not_by_substring(url: str, flagged: bool) -> None:
    assert (mirror_reason(url) is not None) is flagged


def test_data_check_warns_about_a_mirror_in_a_fork_and_still_passes(tmp_path: Path) -> None:
    fork = tmp_path / "data"
    shutil.copytree(default_data_dir(), fork)
    before = len(flagged_sources(fork))
    target = fork / "requirements" / "GA.yaml"
    text = target.read_text(encoding="utf-8")
    first_url = text.split("\nsources:", 1)[1].split("url: ", 1)[1].split("\n", 1)[0]
    target.write_text(
        text.replace(first_url, "https://fdocuments.us/document/ga-rule.html", 1), encoding="utf-8"
    )
    result = CliRunner().invoke(get_app(), ["data", "check", str(fork)])
    assert result.exit_code == 0, result.output
    warned = [line for line in result.stderr.splitlines() if "GA.yaml" in line]
    assert len(warned) == 1
    assert warned[0].startswith("warning: data/requirements/GA.yaml: source gapsc-505-2-201: ")
    assert "document-mirror" in warned[0]
    assert len(flagged_sources(fork)) == before + 1


def test_data_md_reports_the_count() -> None:
    count = len(flagged_sources(default_data_dir()))
    text = " ".join((ROOT / "DATA.md").read_text(encoding="utf-8").split())
    assert f"## Sources to replace {count} cited sources in " in text
