"""A local cache of validated rules data, keyed by file contents, so start-up skips YAML parsing.

The cache holds only the public rules data (never a profile). It lives in ``$LMSPATH_CACHE_DIR``,
else ``$XDG_CACHE_HOME/lmspath``, else ``~/.cache/lmspath``; ``LMSPATH_NO_CACHE=1`` turns it off.

Nothing in it can run code: an entry is the JSON value of data the schema validated when the
entry was written (read back into the plain classes of ``lmspath.model``, no pydantic on the
way), authenticated with an HMAC whose key (``key`` in the folder, mode 0600) never leaves
this user. The folder is created 0700 (closed to 0700 when it is ours but others may write to
it) and is not used at all when it belongs to someone else; an entry that is not a regular file
of ours, or whose MAC, key, model or data do not match, is rebuilt from the shipped data. Any
problem reading or writing the cache (read-only home, a corrupt or stale file) falls back to
loading the data afresh: the cache can make lmspath faster, never wrong.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import json
import os
import secrets
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from lmspath import __version__
from lmspath.files import sweep_stale
from lmspath.model.frozen import Plain

T = TypeVar("T", bound=Plain)

#: First word of every entry; a file that does not start with it is not ours.
FORMAT = b"lmspath-cache-3"
#: Name of the per-user key file inside the cache folder.
KEY_FILE = "key"
_KEY_BYTES = 32
#: No entry is near this (the skills taxonomy, the largest, is about 120 kB).
MAX_ENTRY_BYTES = 16_000_000
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)

#: The plain classes entries are read into, and the schemas that validated them.
_MODEL_SOURCES = tuple(
    Path(__file__).resolve().parents[1] / folder / f"{name}.py"
    for folder in ("model", "schema")
    for name in ("rules", "skills", "programs", "market", "results")
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
    # The model definitions are part of the key: a changed model must never meet entries
    # written from the old one. Read once per process (and per set of model files).
    return _digest_files(_MODEL_SOURCES)


@functools.cache
def _digest_files(paths: tuple[Path, ...]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _key(kind: str, paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    digest.update(f"{kind}|{__version__}|{sys.version_info[:2]}".encode())
    digest.update(_models_digest().encode())
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def _owned(info: os.stat_result) -> bool:
    uid = getattr(os, "geteuid", None)
    return uid is None or info.st_uid == uid()


def _ours(info: os.stat_result) -> bool:
    """Owned by this user and closed to writes by anyone else."""
    return _owned(info) and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def usable_folder(folder: Path) -> bool:
    """Create the folder (0700) when missing; True only when it is ours and closed to others.

    A folder another user owns could hold entries someone else planted: it is not used at all
    (every load then reads the shipped data). A folder of ours that group or others may write
    (earlier versions made it under a umask of 002) is closed to 0700 first; whatever others
    left in it is not ours, or fails its MAC, and is rebuilt.
    """
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.stat(folder)
        if not stat.S_ISDIR(info.st_mode):
            return False
        if _owned(info) and info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            os.chmod(folder, 0o700)
            info = os.stat(folder)
    except OSError:
        return False
    return _ours(info)


def _read_key(path: Path) -> bytes | None:
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        # Readable by others would let them forge entries: such a key is no key.
        if not stat.S_ISREG(info.st_mode) or not _ours(info) or info.st_mode & 0o077:
            return None
        key = handle.read(_KEY_BYTES + 1)
    return key if len(key) == _KEY_BYTES else None


def _new_key(path: Path) -> bytes | None:
    """Write a fresh random key (0600) and return it; None when one cannot be kept."""
    key = secrets.token_bytes(_KEY_BYTES)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.")
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
        try:
            os.link(tmp, path)  # publish whole, and never over a key another run just made
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            os.replace(tmp, path)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    except OSError:
        return None
    return _read_key(path)


def folder_key(folder: Path) -> bytes | None:
    """This user's key for the cache folder, made on first use; None when it is not safe."""
    path = folder / KEY_FILE
    key = _read_key(path)
    if key is not None:
        return key
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return _new_key(path)
    except OSError:
        return None
    if stat.S_ISREG(info.st_mode) and _ours(info):
        # Ours but cut short (a crash while it was made), or readable by others (who could
        # then forge entries): make a new one. Entries made with the old key no longer verify
        # and are rebuilt.
        with contextlib.suppress(OSError):
            path.unlink()
        return _new_key(path)
    return None


def _header(kind: str, key: str, model: type[Plain]) -> bytes:
    return b" ".join((FORMAT, kind.encode(), key.encode(), model.__name__.encode()))


def _mac(secret: bytes, header: bytes, body: bytes) -> bytes:
    return hmac.new(secret, header + b"\n" + body, hashlib.sha256).hexdigest().encode()


def read_entry(path: Path, secret: bytes, header: bytes, expect: type[T]) -> T | None:
    """The entry's value, or None when it is missing, not ours, tampered with or stale."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not _ours(info) or info.st_size > MAX_ENTRY_BYTES:
            return None
        blob = handle.read(MAX_ENTRY_BYTES + 1)
    first, _, body = blob.partition(b"\n")
    found, _, mac = first.rpartition(b" ")
    if found != header or not hmac.compare_digest(mac, _mac(secret, header, body)):
        return None
    try:
        return expect.from_json(json.loads(body))
    except Exception:  # an entry that does not read back is rebuilt, whatever is wrong
        return None


def write_entry(folder: Path, path: Path, secret: bytes, header: bytes, value: Plain) -> None:
    """Write an entry under a private temporary name and rename it into place."""
    body = json.dumps(value.to_json(), ensure_ascii=False, separators=(",", ":")).encode()
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(header + b" " + _mac(secret, header, body) + b"\n" + body)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _tidy(folder: Path, name: str) -> None:
    """Remove what earlier versions and killed runs left: pickle entries, stale temp files."""
    sweep_stale(folder / name)
    for old in folder.glob("*.pickle"):
        with contextlib.suppress(OSError):
            if _ours(old.lstat()):
                old.unlink()


def cached(kind: str, paths: list[Path], build: Callable[[], T], expect: type[T]) -> T:
    """``build()``'s result, from the cache when the files it reads are unchanged."""
    folder = cache_dir()
    if folder is None or not usable_folder(folder):
        return build()
    try:
        key = _key(kind, paths)
    except OSError:
        return build()
    secret = folder_key(folder)
    if secret is None:
        return build()
    target = folder / f"{kind}-{key}.json"
    header = _header(kind, key, expect)
    value = read_entry(target, secret, header, expect)
    if value is not None:
        return value
    value = build()
    with contextlib.suppress(OSError):
        _tidy(folder, target.name)
        write_entry(folder, target, secret, header, value)
    return value
