"""A local cache of validated rules data, keyed by file contents, so start-up skips YAML parsing.

The cache holds only the public rules data (never a profile). It lives in ``$LMSPATH_CACHE_DIR``,
else ``$XDG_CACHE_HOME/lmspath``, else ``~/.cache/lmspath``; ``LMSPATH_NO_CACHE=1`` turns it off.
Any problem reading or writing it (read-only home, a corrupt or stale file) falls back to loading
the data afresh: the cache can make lmspath faster, never wrong.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from lmspath import __version__

T = TypeVar("T")

_MODEL_SOURCES = tuple(
    Path(__file__).resolve().parent / name for name in ("rules_model.py", "skills_model.py")
)


def cache_dir() -> Path | None:
    """Where cache files go, or None when caching is off."""
    if os.environ.get("LMSPATH_NO_CACHE"):
        return None
    explicit = os.environ.get("LMSPATH_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "lmspath"


def _models_digest() -> str:
    # The model definitions are part of the key: a changed model must never meet objects
    # pickled from the old one. Read once per process (and per set of model files).
    return _digest_files(_MODEL_SOURCES)


@functools.cache
def _digest_files(paths: tuple[Path, ...]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _key(kind: str, paths: Iterable[Path]) -> str:
    import pydantic

    digest = hashlib.sha256()
    digest.update(f"{kind}|{__version__}|{pydantic.VERSION}|{sys.version_info[:2]}".encode())
    digest.update(_models_digest().encode())
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def cached(kind: str, paths: list[Path], build: Callable[[], T], expect: type[T]) -> T:
    """``build()``'s result, from the cache when the files it reads are unchanged."""
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        key = _key(kind, paths)
    except OSError:
        return build()
    target = folder / f"{kind}-{key}.pickle"
    try:
        with open(target, "rb") as handle:
            # Our own cache of public rules data, keyed by content and versions.
            value = pickle.load(handle)
        if isinstance(value, expect):
            return value
    except Exception:  # any unreadable or stale entry means: rebuild it
        pass
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{target.name}.{os.getpid()}.tmp"
        with open(tmp, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except OSError:
        pass
    return value
