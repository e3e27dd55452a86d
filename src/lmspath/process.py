"""Process-wide safety: signals turned into a clean interrupt, and quiet orphaned workers."""

from __future__ import annotations

import os
import signal
import sys
import threading
from types import FrameType

TYPE_CHECKING = False  # not typing's: `lmspath --version` does not import typing
if TYPE_CHECKING:
    from typing import Any, TextIO


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def install_interrupt_handlers() -> None:
    """SIGTERM unwinds like Ctrl-C (one ``Error: interrupted`` line, exit 130, temporary files
    removed); called first thing in ``main`` so that a signal during start-up is handled too."""
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) in (signal.SIG_DFL, None):
        signal.signal(signal.SIGTERM, _terminate)


class _OrphanQuiet:
    """A stream that drops what is written once the process that started this one is gone."""

    def __init__(self, stream: TextIO, parent: int) -> None:
        self._stream = stream
        self._parent = parent

    def write(self, text: str) -> int:
        if os.getppid() != self._parent:
            return len(text)
        return self._stream.write(text)

    def flush(self) -> None:
        if os.getppid() == self._parent:
            self._stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def quiet_when_orphaned() -> None:
    """In a worker process: once the parent is killed, its pipe breaks and multiprocessing
    prints a BrokenPipeError traceback for every worker; nobody is left to read it, and the
    person sees it on their terminal. Drop standard error's output from then on."""
    if sys.stderr is not None:
        sys.stderr = _OrphanQuiet(sys.stderr, os.getppid())
