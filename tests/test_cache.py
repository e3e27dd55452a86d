"""The data cache: a hit gives the same data as a fresh load; anything wrong falls back safely;
nothing in the cache folder can run code or change what the user is shown."""

from __future__ import annotations

import os
import pickle
import shutil
import stat
from pathlib import Path

import pytest

from lmspath.model.frozen import Plain
from lmspath.model.rules import Estimates, ExamCatalog, StateRules
from lmspath.model.skills import Taxonomy
from lmspath.store.cache import KEY_FILE, cache_dir, cached
from lmspath.store.load import load_model, load_state

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


@pytest.fixture
def tx_copy(tmp_path: Path) -> Path:
    target = tmp_path / "TX.yaml"
    shutil.copy(DATA / "requirements" / "TX.yaml", target)
    return target


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cache"
    monkeypatch.setenv("LMSPATH_CACHE_DIR", str(path))
    return path


def _load(path: Path) -> StateRules:
    return load_model(path, StateRules)


def _entry(folder: Path) -> Path:
    (entry,) = folder.glob("t-*.json")
    return entry


def test_hit_equals_fresh_load_and_builds_once(folder: Path, tx_copy: Path) -> None:
    calls: list[int] = []

    def build() -> StateRules:
        calls.append(1)
        return _load(tx_copy)

    first = cached("t", [tx_copy], build, StateRules)
    second = cached("t", [tx_copy], build, StateRules)
    assert first == second == _load(tx_copy)
    assert len(calls) == 1
    assert _entry(folder).read_bytes().startswith(b"lmspath-cache-3 t ")


@pytest.mark.parametrize(
    ("kind", "files", "model"),
    [
        *[
            (f"state-{p.stem}", [p], StateRules)
            for p in sorted((DATA / "requirements").glob("*.yaml"))
        ],
        ("exams", sorted((DATA / "exams").glob("*.yaml")), ExamCatalog),
        ("estimates", [DATA / "estimates.yaml"], Estimates),
        ("skills", [DATA / "skills.yaml"], Taxonomy),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_every_shipped_file_round_trips_through_the_cache(
    folder: Path, kind: str, files: list[Path], model: type[Plain]
) -> None:
    """A JSON entry read back (and validated) equals the fresh load, so every kind hits."""
    from lmspath.store.load import _merge_exams

    fresh: Plain = _merge_exams(DATA, files) if kind == "exams" else load_model(files[0], model)
    calls: list[int] = []

    def build() -> Plain:
        calls.append(1)
        return fresh

    cached(kind, files, build, model)
    assert cached(kind, files, build, model) == fresh
    assert calls == [1]


def test_changed_file_is_reloaded(folder: Path, tx_copy: Path) -> None:
    before = cached("t", [tx_copy], lambda: _load(tx_copy), StateRules)
    tx_copy.write_text(
        tx_copy.read_text(encoding="utf-8").replace("cut_score: 240", "cut_score: 241", 1),
        encoding="utf-8",
    )
    after = cached("t", [tx_copy], lambda: _load(tx_copy), StateRules)
    assert before != after


def test_corrupt_entry_is_rebuilt(folder: Path, tx_copy: Path) -> None:
    cached("t", [tx_copy], lambda: _load(tx_copy), StateRules)
    _entry(folder).write_bytes(b"not an entry")
    assert cached("t", [tx_copy], lambda: _load(tx_copy), StateRules) == _load(tx_copy)
    assert _entry(folder).read_bytes().startswith(b"lmspath-cache-3 ")


class _Payload:
    """Unpickling this runs code: it creates the file named in ``marker``."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def test_a_planted_pickle_never_runs(folder: Path, tx_copy: Path) -> None:
    """The old cache unpickled ``<kind>-<key>.pickle``: a planted file ran a command."""
    import lmspath.store.cache as cache

    marker = folder.parent / "PWNED"
    folder.mkdir(mode=0o700)
    key = cache._key("t", [tx_copy])
    payload = pickle.dumps(_Payload(marker))
    for name in (f"t-{key}.pickle", f"t-{key}.json"):
        (folder / name).write_bytes(payload)
    assert cached("t", [tx_copy], lambda: _load(tx_copy), StateRules) == _load(tx_copy)
    assert not marker.exists(), "the cache ran code from a planted file"
    assert not list(folder.glob("*.pickle")), "entries of the old format are removed"


def test_a_tampered_entry_is_rebuilt_from_the_shipped_data(folder: Path, tx_copy: Path) -> None:
    """A well-formed entry edited by someone without this user's key is not believed."""
    fresh = cached("t", [tx_copy], lambda: _load(tx_copy), StateRules)
    entry = _entry(folder)
    header, body = entry.read_bytes().split(b"\n", 1)
    forged = body.replace(fresh.credential.encode(), b"TAMPERED: pay $5000 to evil.example", 1)
    assert forged != body
    entry.write_bytes(header + b"\n" + forged)
    again = cached("t", [tx_copy], lambda: _load(tx_copy), StateRules)
    assert again.credential == fresh.credential
    assert b"TAMPERED" not in entry.read_bytes(), "the entry is written again from the data"


def test_a_symlinked_entry_is_not_followed(folder: Path, tx_copy: Path, tmp_path: Path) -> None:
    cached("t", [tx_copy], lambda: _load(tx_copy), StateRules)
    entry = _entry(folder)
    elsewhere = tmp_path / "elsewhere.json"
    entry.rename(elsewhere)
    entry.symlink_to(elsewhere)
    calls: list[int] = []

    def build() -> StateRules:
        calls.append(1)
        return _load(tx_copy)

    cached("t", [tx_copy], build, StateRules)
    assert calls == [1]
    assert not entry.is_symlink()


def test_folder_and_key_are_private(folder: Path, tx_copy: Path) -> None:
    cached("t", [tx_copy], lambda: _load(tx_copy), StateRules)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / KEY_FILE).stat().st_mode) == 0o600
    assert stat.S_IMODE(_entry(folder).stat().st_mode) == 0o600


def test_a_key_others_can_read_is_replaced(folder: Path, tx_copy: Path) -> None:
    cached("t", [tx_copy], lambda: _load(tx_copy), StateRules)
    key = folder / KEY_FILE
    old = key.read_bytes()
    key.chmod(0o644)
    calls: list[int] = []

    def build() -> StateRules:
        calls.append(1)
        return _load(tx_copy)

    cached("t", [tx_copy], build, StateRules)
    assert calls == [1], "entries made under a key others could read are not trusted"
    assert key.read_bytes() != old
    assert stat.S_IMODE(key.stat().st_mode) == 0o600


def test_a_folder_of_ours_others_can_write_is_closed_and_what_they_left_is_not_believed(
    folder: Path, tx_copy: Path
) -> None:
    import lmspath.store.cache as cache

    folder.mkdir()
    folder.chmod(0o777)
    planted = folder / f"t-{cache._key('t', [tx_copy])}.json"
    planted.write_bytes(b"lmspath-cache-3 t forged")
    planted.chmod(0o666)  # as another user's file would be: writable by others
    calls: list[int] = []

    def build() -> StateRules:
        calls.append(1)
        return _load(tx_copy)

    assert cached("t", [tx_copy], build, StateRules) == _load(tx_copy)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert calls == [1]
    cached("t", [tx_copy], build, StateRules)
    assert calls == [1], "the rebuilt entry is used from then on"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_a_folder_owned_by_someone_else_is_not_used(folder: Path, tx_copy: Path) -> None:
    folder.mkdir(mode=0o700)
    os.chown(folder, 65534, 65534)
    calls: list[int] = []

    def build() -> StateRules:
        calls.append(1)
        return _load(tx_copy)

    cached("t", [tx_copy], build, StateRules)
    cached("t", [tx_copy], build, StateRules)
    assert calls == [1, 1]
    assert list(folder.iterdir()) == []


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
    import lmspath.store.cache as cache

    model = tmp_path / "rules_model.py"
    model.write_text("class A: pass\n", encoding="utf-8")
    monkeypatch.setattr(cache, "_MODEL_SOURCES", (model,))
    cache._digest_files.cache_clear()
    before = cache._key("t", [tx_copy])
    model.write_text("class A:\n    new_field: int = 0\n", encoding="utf-8")
    cache._digest_files.cache_clear()  # a new process after the edit
    assert cache._key("t", [tx_copy]) != before


@pytest.mark.parametrize(
    "body",
    [b'{"code": "TX"}', b"[1, 2, 3]", b'{"schema_version": 1', b"null"],
    ids=["missing-fields", "not-an-object", "truncated", "null"],
)
def test_an_authenticated_entry_that_does_not_fit_the_model_is_rebuilt(
    folder: Path, tx_copy: Path, body: bytes
) -> None:
    """Even with a valid MAC (say, written by a buggy older build), an entry that is not the
    model's JSON is rebuilt from the shipped data, never half-read."""
    import lmspath.store.cache as cache

    cached("t", [tx_copy], lambda: _load(tx_copy), StateRules)
    entry = _entry(folder)
    header = entry.read_bytes().partition(b"\n")[0].rpartition(b" ")[0]
    secret = cache.folder_key(folder)
    assert secret is not None
    entry.write_bytes(header + b" " + cache._mac(secret, header, body) + b"\n" + body)
    calls: list[int] = []

    def build() -> StateRules:
        calls.append(1)
        return _load(tx_copy)

    assert cached("t", [tx_copy], build, StateRules) == _load(tx_copy)
    assert calls == [1]
