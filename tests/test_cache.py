"""The data cache: a hit gives the same data as a fresh load; anything wrong falls back safely."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lmspath.cache import cache_dir, cached
from lmspath.data import load_model, load_state
from lmspath.rules_model import StateRules

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def tx_copy(tmp_path: Path) -> Path:
    target = tmp_path / "TX.yaml"
    shutil.copy(ROOT / "data" / "requirements" / "TX.yaml", target)
    return target


def _load(path: Path) -> StateRules:
    return load_model(path, StateRules)


def test_hit_equals_fresh_load_and_builds_once(
    tmp_path: Path, tx_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LMSPATH_CACHE_DIR", str(tmp_path / "cache"))
    calls: list[int] = []

    def build() -> StateRules:
        calls.append(1)
        return _load(tx_copy)

    first = cached("t", [tx_copy], build, StateRules)
    second = cached("t", [tx_copy], build, StateRules)
    assert first == second == _load(tx_copy)
    assert len(calls) == 1
    assert len(list((tmp_path / "cache").glob("t-*.pickle"))) == 1


def test_changed_file_is_reloaded(
    tmp_path: Path, tx_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LMSPATH_CACHE_DIR", str(tmp_path / "cache"))
    before = cached("t", [tx_copy], lambda: _load(tx_copy), StateRules)
    tx_copy.write_text(
        tx_copy.read_text(encoding="utf-8").replace("cut_score: 240", "cut_score: 241", 1),
        encoding="utf-8",
    )
    after = cached("t", [tx_copy], lambda: _load(tx_copy), StateRules)
    assert before != after


def test_corrupt_entry_is_rebuilt(
    tmp_path: Path, tx_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LMSPATH_CACHE_DIR", str(tmp_path / "cache"))
    cached("t", [tx_copy], lambda: _load(tx_copy), StateRules)
    entry = next((tmp_path / "cache").glob("t-*.pickle"))
    entry.write_bytes(b"not a pickle")
    assert cached("t", [tx_copy], lambda: _load(tx_copy), StateRules) == _load(tx_copy)


def test_unwritable_cache_dir_still_loads(
    tmp_path: Path, tx_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("LMSPATH_CACHE_DIR", str(blocker / "cache"))  # a folder under a file
    assert cached("t", [tx_copy], lambda: _load(tx_copy), StateRules) == _load(tx_copy)


def test_no_cache_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LMSPATH_NO_CACHE", "1")
    assert cache_dir() is None
    load_state.cache_clear()
    assert load_state("TX").code == "TX"


def test_key_changes_when_a_model_definition_changes(
    tmp_path: Path, tx_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import lmspath.cache as cache

    model = tmp_path / "rules_model.py"
    model.write_text("class A: pass\n", encoding="utf-8")
    monkeypatch.setattr(cache, "_MODEL_SOURCES", (model,))
    cache._digest_files.cache_clear()
    before = cache._key("t", [tx_copy])
    model.write_text("class A:\n    new_field: int = 0\n", encoding="utf-8")
    cache._digest_files.cache_clear()  # a new process after the edit
    assert cache._key("t", [tx_copy]) != before
