"""Read a profile or data file safely (size-capped, UTF-8 or UTF-16) and parse it with the strict
YAML loader of ``yaml_strict`` (imported on first parse), saying where a parse failed."""

from __future__ import annotations

import codecs
import contextlib
import os
import stat
from pathlib import Path

#: Files larger than this are refused before parsing: no profile or rules file is near it.
MAX_BYTES = 2_000_000
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


class YamlProblem(ValueError):
    """A YAML or JSON text could not be read; the message is one plain sentence."""


def parse_yaml(text: str) -> object:
    """Parse YAML (JSON is YAML) with the strict safe loader; YamlProblem on any failure."""
    # PyYAML is imported on first use: the commands that read only the data cache never need it.
    from lmspath.store.yaml_strict import parse

    return parse(text)


def _decode(raw: bytes) -> str:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Windows Notepad's "Unicode"; the intake reader accepts it too.
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise YamlProblem(
                f"is not valid UTF-16 text (bad byte at position {exc.start})"
            ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YamlProblem(f"is not UTF-8 text (bad byte at position {exc.start})") from None


def read_bytes_capped(path: Path, limit: int = MAX_BYTES) -> bytes:
    """A file's bytes, reading at most ``limit``; YamlProblem naming the reason otherwise.

    The file is opened without blocking (a FIFO nobody writes to reads as empty instead of
    hanging) and the limit is enforced while reading, so ``/dev/zero`` or an endless pipe is
    refused instead of filling memory.
    """
    if not os.path.lexists(path):
        raise YamlProblem("no such file")
    if path.is_dir():
        raise YamlProblem("is a directory, not a file")
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK)
    except OSError as exc:
        raise YamlProblem(f"cannot be read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        try:
            info = os.fstat(fd)
            if stat.S_ISDIR(info.st_mode):
                raise YamlProblem("is a directory, not a file")
            if stat.S_ISREG(info.st_mode) and info.st_size > limit:
                raise YamlProblem(f"is {info.st_size:,} bytes; the limit is {limit:,}")
            if _NONBLOCK and not stat.S_ISREG(info.st_mode):
                # A pipe or terminal: now that open() has returned, wait for its writer.
                with contextlib.suppress(OSError):
                    os.set_blocking(fd, True)
            raw = handle.read(limit + 1)
        except OSError as exc:
            raise YamlProblem(f"cannot be read ({exc.strerror})") from None
    if len(raw) > limit:
        raise YamlProblem(f"is more than {limit:,} bytes; the limit is {limit:,}")
    return raw


def read_text(path: Path) -> str:
    """A file's text (UTF-8, or UTF-16 with a byte-order mark); YamlProblem naming the reason."""
    text = _decode(read_bytes_capped(path))
    if "\x00" in text:
        raise YamlProblem("is a binary file, not text")
    return text
