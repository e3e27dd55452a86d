"""Write output files safely: refuse odd targets, keep modes, private temp files, sweep leftovers.

Every output goes to a temporary file made by ``mkstemp`` beside its target (a random name,
created exclusively with mode 0600, so a symlink planted in a shared folder is never followed)
and is renamed over the target with ``os.replace`` only when complete. A target that exists must
be a regular file this user may write (not a symlink, folder, device or pipe); its mode is kept.
New files with client data are created 0600.

The temporary names are ``.<target name>.<pid>.<random>.tmp``: a run killed with SIGKILL leaves
one behind, and the next run that writes the same target removes those whose process is gone.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from lmspath.errors import InputError

#: Temporary names keep at most this many bytes of the target's name (the limit is 255).
_NAME_BYTES = 150
#: Staging folders for plans: ``.lmspath-staging-<pid>-<random>``.
STAGING_PREFIX = ".lmspath-staging-"

Warn = Callable[[str], None]


def pid_alive(pid: int) -> bool:
    """False only when no process has this id (a process of another user counts as alive)."""
    if os.name == "nt":  # os.kill would terminate the process there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _short(name: str) -> str:
    raw = name.encode("utf-8", "surrogateescape")
    if len(raw) <= _NAME_BYTES:
        return name
    return raw[:_NAME_BYTES].decode("utf-8", "ignore")


def temp_prefix(target: Path) -> str:
    """``.<name>.<pid>.``: the start of this process's temporary names for ``target``."""
    return f".{_short(target.name)}.{os.getpid()}."


def _ours(info: os.stat_result) -> bool:
    uid = getattr(os, "geteuid", None)
    return uid is None or info.st_uid == uid()


#: What follows the prefix in a leftover name: the pid, then mkstemp's 8 random characters
#: (absent in names older versions made).
_LEFTOVER = re.compile(r"([0-9]{1,10})(?:[.-][a-z0-9_]{8})?")


def _dead_owner(rest: str) -> int | None:
    """The pid in what follows a leftover's prefix, when that process is gone."""
    found = _LEFTOVER.fullmatch(rest)
    if found is None:
        return None
    pid = int(found.group(1))
    if pid == os.getpid() or pid_alive(pid):
        return None
    return pid


def sweep_stale(target: Path) -> list[str]:
    """Remove temporary files of ``target`` left by runs whose process is gone; their names."""
    folder = target.parent if str(target.parent) else Path(".")
    prefix = f".{_short(target.name)}."
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(".tmp")):
            continue
        if _dead_owner(name[len(prefix) : -4]) is None:
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and _ours(info):
                os.unlink(entry.path)
                removed.append(name)
    return removed


def sweep_staging(folder: Path) -> list[str]:
    """Remove plan staging folders left in ``folder`` by runs whose process is gone."""
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(STAGING_PREFIX):
            continue
        if _dead_owner(entry.name[len(STAGING_PREFIX) :]) is None:
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISDIR(info.st_mode) and _ours(info):
                shutil.rmtree(entry.path)
                removed.append(entry.name)
    return removed


def swept_message(where: Path, names: list[str]) -> str:
    """The warning for leftovers removed beside ``where``."""
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    noun = "file" if len(names) == 1 else "files"
    return (
        f"{where}: removed {len(names)} temporary {noun} left by an interrupted run "
        f"(its process is gone): {shown}"
    )


@functools.cache
def umask() -> int:
    """The process's umask (read by setting it and setting it back, once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_private(path: str, data: bytes) -> None:
    """Create (or truncate) the file with mode 0600 less the umask, and write ``data``.

    With ``os.open`` and ``os.write``: a batch writes thousands of plans, and a text-mode
    ``open`` adds a stat, a terminal check and a seek to each (about half its system calls).
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def check_target(path: Path, flag: str = "") -> os.stat_result | None:
    """Refuse an output path that lmspath must not replace; its stat when it exists.

    A symlink is refused rather than followed or replaced: following it would let whoever made
    it choose which file gets the client data, and replacing it silently breaks the link.
    """
    where = f"{flag}: {path}" if flag else str(path)
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise InputError(f"{where}: the folder {parent} does not exist")
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise InputError(f"{where}: cannot be checked ({exc.strerror})") from None
    if stat.S_ISLNK(info.st_mode):
        raise InputError(
            f"{where}: is a symbolic link; give the file it points to, or another name"
        )
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{where}: is a folder; give a file name")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(
            f"{where}: is not a regular file (a device, pipe or socket); give a file name"
        )
    if not os.access(path, os.W_OK) or not info.st_mode & 0o222:
        raise InputError(f"{where}: is read-only; make it writable or choose another name")
    return info


def per_file_error(exc: OSError) -> bool:
    """True when the failure is about one file (its name), not the disk or the folder."""
    return exc.errno not in {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO, errno.ENOMEM}


class AtomicFile:
    """A text file written under a private temporary name and renamed over its target when
    complete (``commit``), or removed (``abort``)."""

    def __init__(
        self, path: Path, *, private: bool = True, flag: str = "", warn: Warn | None = None
    ) -> None:
        self.path = path
        where = f"{flag}: {path}" if flag else str(path)
        existing = check_target(path, flag)
        swept = sweep_stale(path)
        if swept and warn is not None:
            warn(swept_message(path, swept))
        if existing is not None:
            mode = stat.S_IMODE(existing.st_mode)
        else:
            mode = 0o600 if private else 0o666 & ~umask()
        parent = path.parent if str(path.parent) else Path(".")
        try:
            fd, tmp = tempfile.mkstemp(dir=parent, prefix=temp_prefix(path), suffix=".tmp")
        except OSError as exc:
            raise InputError(f"{where}: cannot write ({exc.strerror})") from None
        self.tmp = Path(tmp)
        try:
            if mode != 0o600 and hasattr(os, "fchmod"):
                os.fchmod(fd, mode)
            if existing is not None and hasattr(os, "fchown") and existing.st_uid != os.geteuid():
                # root rewriting a user's file: it stays theirs (a no-op error for others)
                with contextlib.suppress(OSError):
                    os.fchown(fd, existing.st_uid, existing.st_gid)
        except OSError:
            os.close(fd)
            self.tmp.unlink(missing_ok=True)
            raise
        self.handle: IO[str] = open(fd, "w", encoding="utf-8", newline="")  # noqa: SIM115

    def commit(self) -> None:
        """Finish the file and rename it over the target."""
        self.handle.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        """Drop the temporary file; the target is untouched."""
        with contextlib.suppress(OSError):
            self.handle.close()
        self.tmp.unlink(missing_ok=True)


def write_atomic(
    path: Path, text: str, *, private: bool = True, flag: str = "", warn: Warn | None = None
) -> None:
    """Write ``text`` to ``path`` through a temporary file; InputError naming the path."""
    out = AtomicFile(path, private=private, flag=flag, warn=warn)
    try:
        out.handle.write(text)
        out.commit()
    except OSError as exc:
        out.abort()
        where = f"{flag}: {path}" if flag else str(path)
        raise InputError(f"{where}: cannot write ({exc.strerror})") from None
    except BaseException:
        out.abort()
        raise


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (through links, or by their resolved names)."""
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        return False
    return a.resolve() == b.resolve()
