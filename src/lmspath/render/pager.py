"""Show long text through a pager on a terminal, as git does (PAGER honoured, never when piped)."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys

#: Like git: quit when it fits on one screen, keep colours, leave the text on screen afterwards.
_LESS_FLAGS = "FRX"


def pager_command() -> list[str] | None:
    """The pager to run: ``$PAGER`` (empty or ``cat`` means none), else ``less``."""
    chosen = os.environ.get("PAGER")
    if chosen is None:
        chosen = "less"
    try:
        words = shlex.split(chosen)
    except ValueError:
        return None
    if not words or words == ["cat"]:
        return None
    return words


def page(text: str, *, use_pager: bool = True) -> None:
    """Print ``text``; on a terminal (and when wanted), through the pager instead."""
    command = pager_command() if use_pager and sys.stdout.isatty() else None
    if command is not None:
        env = dict(os.environ)
        env.setdefault("LESS", _LESS_FLAGS)
        try:
            proc = subprocess.Popen(command, stdin=subprocess.PIPE, env=env)
        except OSError:
            command = None  # no such pager: print instead, as git does
        else:
            assert proc.stdin is not None
            try:
                proc.stdin.write(text.encode("utf-8", "replace"))
                proc.stdin.close()
            except BrokenPipeError:
                pass  # the reader quit the pager early
            while True:
                try:
                    proc.wait()
                    break
                except KeyboardInterrupt:
                    continue  # Ctrl-C belongs to the pager (less uses it to stop a search)
            return
    sys.stdout.write(text)
    sys.stdout.flush()
