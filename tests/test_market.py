"""data/market.yaml: every figure cites a dated source and a reference period; bad files fail."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from lmspath.cli import get_app
from lmspath.errors import DataError
from lmspath.model.market import Figure, MandateFact
from lmspath.model.states import JURISDICTIONS
from lmspath.store.load import default_data_dir
from lmspath.store.market import cited, load_market


def test_every_figure_cites_a_dated_source_and_a_period() -> None:
    market = load_market()
    sources = {s.id: s for s in market.sources}
    checked = 0
    for path, fact in cited(market):
        value = fact.value if isinstance(fact, Figure) else getattr(fact, "text", None)
        if isinstance(fact, MandateFact):
            value = fact.required
        if value is None:
            continue
        checked += 1
        assert fact.source in sources, path
        assert sources[fact.source].read_on is not None, path
        assert fact.period, f"{path} has no reference period"
        assert fact.confidence is not None, path
    assert checked >= 20
    for step in market.ladder:
        for source_id in step.sources:
            assert source_id in sources, step.id
    assert all(code in JURISDICTIONS for code in market.states)


def test_state_wages_are_labelled_all_library_settings() -> None:
    market = load_market()
    for state in market.states.values():
        if state.oews is not None:
            assert state.oews.label == "all library settings"
    assert "public and academic" in market.national.caveat


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(default_data_dir(), target)
    return target


def _edit_market(folder: Path, edit: str) -> None:
    path = folder / "market.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    head = raw["national"]["ooh"][0]
    if edit == "no-period":
        del head["median_pay"]["period"]
    elif edit == "no-source":
        head["median_pay"]["source"] = None
    elif edit == "unknown-source":
        head["median_pay"]["source"] = "nowhere"
    elif edit == "unknown-key":
        head["median_pay"]["guess"] = 1
    path.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        ("no-period", "national.ooh.0.median_pay: Value error, the number 61660 has no reference"),
        ("no-source", "national.ooh.0.median_pay: Value error, the number 61660 cites no source"),
        ("unknown-source", "national.ooh.0.median_pay.source: 'nowhere' is not in this file's"),
        ("unknown-key", "national.ooh.0.median_pay.guess: unknown key"),
    ],
)
def test_data_check_names_the_bad_figure(tmp_path: Path, edit: str, words: str) -> None:
    folder = _copy_data(tmp_path)
    _edit_market(folder, edit)
    result = CliRunner().invoke(get_app(), ["data", "check", str(folder)])
    assert result.exit_code == 4, result.output
    assert words in result.stderr
    assert "Traceback" not in result.output


def test_loader_refuses_a_figure_without_period(tmp_path: Path) -> None:
    folder = _copy_data(tmp_path)
    _edit_market(folder, "no-period")
    with pytest.raises(DataError, match="has no reference period"):
        load_market.__wrapped__(folder)


def test_shipped_data_checks_clean() -> None:
    result = CliRunner().invoke(get_app(), ["data", "check"])
    assert result.exit_code == 0, result.output
