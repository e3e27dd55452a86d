"""Shared fixtures: golden files, a tiny data folder writer, and a CLI runner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

GOLDEN = Path(__file__).parent / "golden"

# CI runs the property tests on a fixed sequence of examples, so a landing never depends on
# the luck of the draw; on a developer's machine they keep exploring new examples.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the data cache of the test run (and its subprocesses) out of the user's home."""
    os.environ["LMSPATH_CACHE_DIR"] = str(tmp_path_factory.mktemp("lmspath-cache"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite golden files from the current output instead of comparing.",
    )


class Golden:
    """Compares text with a file under tests/golden, or rewrites it with --update-golden."""

    def __init__(self, update: bool) -> None:
        self.update = update

    def check(self, name: str, text: str) -> None:
        path = GOLDEN / name
        if self.update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        assert path.exists(), f"{path} is missing: run pytest --update-golden once"
        expected = path.read_text(encoding="utf-8")
        assert text == expected, f"{name} differs from the golden file (pytest --update-golden)"


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Golden:
    update = (
        bool(request.config.getoption("--update-golden")) or os.environ.get("UPDATE_GOLDEN") == "1"
    )
    return Golden(update)


@pytest.fixture
def repo_root() -> Path:
    return Path(__file__).resolve().parents[1]
