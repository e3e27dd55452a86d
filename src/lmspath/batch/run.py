"""Score an intake file row by row: results, errors, plans, cohort summary, written atomically."""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime as dt
import os
import re
import shutil
import signal
import stat
import sys
import tempfile
import threading
import time
import unicodedata
from array import array
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import IO, TYPE_CHECKING, Protocol

from lmspath.batch.cohort import CohortMeta, CohortTally, Duplicate, render_cohort
from lmspath.batch.intake import (
    FieldProblemAt,
    IntakeReader,
    Layout,
    Record,
    client_id_of,
    inspect_intake,
    passthrough_headers,
)
from lmspath.batch.scorer import (
    CACHE_SIZE,
    Done,
    Job,
    RowRejected,
    Scorer,
    ScorerArgs,
    Shards,
    collector_tuned,
)
from lmspath.batch.spreadsheet import neutralise
from lmspath.engine.words import count, repeated
from lmspath.errors import InputError, Interrupted, OptionError
from lmspath.files import (
    STAGING_PREFIX,
    AtomicFile,
    check_target,
    same_file,
    sweep_staging,
    umask,
)

if TYPE_CHECKING:
    from lmspath.store.assume import Assumption

#: Added after RESULT_COLUMNS with ``--assume``: the row without the assumptions.
WHAT_IF_COLUMNS: tuple[str, ...] = ("verdict_before", "months_max_before", "verdict_flips")

#: The contract's results columns, then the columns lmspath adds.
RESULT_COLUMNS: tuple[str, ...] = (
    "line",
    "client_id",
    "state",
    "verdict",
    "best_pathway",
    "remaining_steps",
    "months_min",
    "months_max",
    "next_step",
    "missing",
    "not_confirmed",
    "not_given",
    "disputed",
    "plan_file",
    "total_complete",
    "normalised",
    "best_pathway_name",
    "missing_names",
    "cost_min",
    "cost_max",
    "next_step_link",
    "route_if_licensed",
)
ERROR_COLUMNS: tuple[str, ...] = ("line", "client_id", "field", "problem")

#: Errors shown on stderr when no --errors file is given.
SHOWN_ERRORS = 10
#: Duplicate client ids named in the warning and the summary.
DUPLICATE_EXAMPLES = 5


# --- plan file names ----------------------------------------------------------------------------

_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(1, 10)}
_UNSAFE = re.compile(r"[^\w.-]+")
_DOTS = re.compile(r"\.{2,}")
_MAX_STEM = 80
#: A file name may hold 255 bytes; a stem keeps room for "-line4294967295.md" and more.
_MAX_STEM_BYTES = 200


def _cut_to_bytes(text: str, limit: int) -> str:
    """The longest start of ``text`` whose UTF-8 name takes at most ``limit`` bytes.

    Counted in NFD, the form macOS (HFS+) stores names in, which can be longer than NFC (a
    Hangul syllable takes 3 bytes composed and 9 decomposed): the name fits everywhere.
    """
    if text.isascii():
        return text[:limit]
    used = 0
    for index, char in enumerate(text):
        used += len(unicodedata.normalize("NFD", char).encode("utf-8", "surrogatepass"))
        if used > limit:
            return text[:index]
    return text


def safe_stem(client_id: str) -> str:
    """A file name stem from a client_id that cannot leave its folder or name a device.

    Letters, digits, ``_``, ``-`` and single dots survive; everything else (slashes, backslashes,
    colons, spaces) becomes ``_``; leading dots are dropped; Windows device names (CON, NUL,
    COM1...) get a leading ``_``. At most 80 characters and 200 bytes of UTF-8, so a name
    written in four-byte letters still fits the 255-byte limit. Returns '' when nothing usable
    is left.
    """
    text = unicodedata.normalize("NFKC", client_id)
    text = _DOTS.sub(".", _UNSAFE.sub("_", text))
    text = _cut_to_bytes(text.strip("._- ")[:_MAX_STEM], _MAX_STEM_BYTES).rstrip("._- ")
    if text.split(".", 1)[0].lower() in _RESERVED:
        text = "_" + text
    return text


class PlanNames:
    """Unique plan file names within one folder (case-insensitively, for Windows and macOS).

    The names given out are remembered as 64-bit hashes (``SeenIds``, about 16 bytes a plan
    instead of the name itself): two names sharing a hash would only send the second client
    to its ``-lineN`` name, which its line number keeps unique.
    """

    def __init__(self, rows: int = 0) -> None:
        self._used = SeenIds.for_rows(rows)
        self._reserved: set[str] = set()

    def reserve(self, name: str) -> None:
        """A name that is taken by something other than a plan."""
        self._reserved.add(name.lower())

    def assign(self, client_id: str, line: int) -> str:
        """``<client>.md``; ``line-N.md`` without a usable id; ``<client>-lineN.md`` if taken."""
        stem = safe_stem(client_id)
        name = f"{stem}.md" if stem else f"line-{line}.md"
        folded = name.lower()
        if folded in self._reserved or self._used.add(folded, line) is not None:
            name = f"{stem or 'line'}-line{line}.md"
            self._used.add(name.lower(), line)
        return name


#: Rows a client-id table is sized for before reading (it grows past this if need be).
MAX_PRESIZED_ROWS = 4_000_000


# --- duplicate client ids -----------------------------------------------------------------------


def _zeros(typecode: str, size: int) -> array[int]:
    # Repetition builds the array in place; array(code, bytes(n)) would first make an n-byte
    # temporary (16 MB while the table grows past a million ids).
    return array(typecode, [0]) * size


class SeenIds:
    """Which client ids were seen, and on which line, in about 12-24 bytes per id.

    An open-addressing table of 64-bit string hashes; two different ids share a hash with odds
    of about one in 10^13 at a million rows, and the warning names both lines so a person can
    check. Size it for the rows expected (``for_rows``) and it never has to grow.
    """

    #: Fullest the table gets before it doubles: linear probing stays short below this.
    LOAD = 0.75

    def __init__(self, capacity: int = 1 << 12) -> None:
        self._keys = _zeros("q", capacity)
        self._lines = _zeros("I", capacity)
        self._count = 0
        self._limit = int(capacity * self.LOAD)

    @classmethod
    def for_rows(cls, rows: int) -> SeenIds:
        """A table for about ``rows`` ids: an estimate, so with room for 15% more before it
        grows."""
        return cls(max(1 << 12, int(rows * 1.15 / cls.LOAD) + 1))

    def add(self, text: str, line: int) -> int | None:
        """Record the id; the line it was first seen on when it was seen before."""
        h = hash(text) or 1
        keys = self._keys
        size = len(keys)
        slot = h % size
        while True:
            found = keys[slot]
            if found == 0:
                keys[slot] = h
                self._lines[slot] = line
                self._count += 1
                if self._count > self._limit:
                    self._grow()
                return None
            if found == h:
                return self._lines[slot]
            slot += 1
            if slot == size:
                slot = 0

    def _grow(self) -> None:
        old_keys, old_lines = self._keys, self._lines
        size = len(old_keys) * 2
        self._keys = _zeros("q", size)
        self._lines = _zeros("I", size)
        self._limit = int(size * self.LOAD)
        keys, lines = self._keys, self._lines
        for h, line in zip(old_keys, old_lines, strict=True):
            if h == 0:
                continue
            slot = h % size
            while keys[slot] != 0:
                slot = (slot + 1) % size
            keys[slot] = h
            lines[slot] = line


# --- outputs ------------------------------------------------------------------------------------


class _WorkbookFile(AtomicFile):
    """Results written as CSV under a private temporary name, turned into an .xlsx (also
    private, then renamed over the target) when complete."""

    def commit(self) -> None:
        from lmspath.batch.xlsx_out import csv_to_xlsx

        self.handle.close()
        book = self.tmp.with_name(self.tmp.name + ".xlsx")
        try:
            csv_to_xlsx(self.tmp, book)
            os.chmod(book, 0o600)
            os.replace(book, self.path)
        finally:
            self.tmp.unlink(missing_ok=True)
            book.unlink(missing_ok=True)


def _move_all(staging: str, folder: str, created: int, earlier: bool) -> int:
    """Move what ``staging`` lists into ``folder``, keeping the mode of a file replaced
    (``created``: the mode a new plan has; ``earlier``: whether ``folder`` held files when
    the run started, else none is looked for); how many were moved."""
    moved = 0
    with os.scandir(staging) as entries:
        for entry in entries:
            target = os.path.join(folder, entry.name)
            try:
                mode = stat.S_IMODE(os.lstat(target).st_mode) if earlier else 0o600
            except FileNotFoundError:
                mode = 0o600
            if mode != created:
                os.chmod(entry.path, mode)
            os.replace(entry.path, target)
            moved += 1
    return moved


class _PlanFolder:
    """Plans are written into a private staging folder and moved into place when the run ends.

    A plans folder lmspath creates is 0700 and each plan 0600 (they hold client data); a plan
    that replaces an earlier one keeps that file's mode.
    """

    def __init__(self, folder: Path, warn: Callable[[str], None], rows: int = 0) -> None:
        """``rows``: about how many plans the run writes (sizes the table of names)."""
        self.folder = folder
        self.created = not folder.exists()
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
            swept = sweep_staging(folder)
            if swept:
                warn(
                    f"{folder}: removed {count(len(swept), 'staging folder')} with the plans of an "
                    f"interrupted run (its process is gone): {', '.join(swept[:3])}"
                )
            self.staging = Path(
                tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=folder)
            )
        except OSError as exc:
            raise InputError(f"{folder}: cannot create the plans folder ({exc.strerror})") from None
        self.names = PlanNames(rows)
        #: whether the folder held files (plans of an earlier run) whose modes plans keep
        self.earlier = False
        # A folder, link or device already holding a plan's name is never replaced: the plan
        # gets the '-lineN' name instead.
        with os.scandir(folder) as entries:
            for entry in entries:
                if not entry.is_file(follow_symlinks=False):
                    self.names.reserve(entry.name)
                else:
                    self.earlier = True

    def path_for(self, name: str) -> Path:
        # safe_stem makes escape impossible; this check keeps it so if that ever changes. A
        # name that is one plain component cannot leave the folder (what the folder holds
        # under that name, a link included, was reserved above, so the name is not used).
        if not name or name in {".", ".."} or os.sep in name or (os.altsep or os.sep) in name:
            raise InputError(f"{self.folder}: plan name {name!r} would leave the folder")
        return self.folder / name

    def commit(self) -> None:
        # Plans are created 0600 (``Scorer._write_plan``); a umask that takes bits away from
        # that, or an earlier file whose mode the plan keeps, needs a chmod.
        created = 0o600 & ~umask()
        staging = str(self.staging)
        folder = str(self.folder)
        # Each plan is moved as the listing reaches it, not after a listing of all of them (a
        # million names at once take about 80 MB). Another look follows a pass that moved
        # any: a file system may skip an entry while the folder changes under its listing.
        while _move_all(staging, folder, created, self.earlier):
            pass
        self.staging.rmdir()

    def abort(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
        if self.created:
            with contextlib.suppress(OSError):
                self.folder.rmdir()


@dataclass
class BatchOptions:
    """Where the outputs go and how to run."""

    output: Path | None = None
    errors: Path | None = None
    plans: Path | None = None
    summary: Path | None = None
    jobs: int = 1
    today: dt.date = field(default_factory=dt.date.today)
    chunk_size: int = 0
    cache_size: int = CACHE_SIZE
    #: ``--assume``: applied to every row; the results gain WHAT_IF_COLUMNS
    assume: tuple[Assumption, ...] = ()
    #: leave out the input columns lmspath does not read (else copied after its own)
    drop_extra: bool = False
    #: start the results with a UTF-8 byte-order mark, so Excel reads accents right
    excel: bool = False
    #: the workbook sheet to read (None: the first)
    sheet: str | None = None


class ProgressSink(Protocol):
    """What the command line shows while a batch runs."""

    def start(self, total_bytes: int) -> None: ...

    def advance(self, rows: int, position: int) -> None: ...

    def stop(self) -> None: ...


@dataclass
class BatchReport:
    """What a finished run did."""

    layout: Layout
    tally: CohortTally
    duplicates: int
    duplicate_examples: list[Duplicate]
    shown_errors: list[str]
    problems: int
    seconds: float
    #: distinct situations (results rows) worked out and skills sections computed: fewer than
    #: rows when clients share them
    assessed: int
    skills_computed: int
    jobs: int

    @property
    def rows(self) -> int:
        """Rows read."""
        return self.tally.rows


def check_paths(intake: Path, options: BatchOptions) -> None:
    """Refuse outputs that would overwrite the intake, each other, land nowhere, or replace
    something that is not a regular file of ours (see ``lmspath.files.check_target``)."""
    if options.jobs < 0:
        raise OptionError(f"--jobs: {options.jobs} is negative; give 1 or more (0 = one per core)")
    files = [
        ("--output", options.output),
        ("--errors", options.errors),
        ("--summary", options.summary),
    ]
    given = [(flag, path) for flag, path in files if path is not None]
    for flag, path in given:
        if same_file(path, intake):
            raise InputError(f"{flag}: {path} is the intake file itself; choose another name")
        check_target(path, flag)
    for index, (flag, path) in enumerate(given):
        for other_flag, other in given[index + 1 :]:
            if same_file(path, other):
                raise InputError(
                    f"{flag} and {other_flag} both name {path}; give each its own file"
                )
    if options.plans is not None:
        plans = options.plans
        if plans.is_symlink():
            raise InputError(f"--plans: {plans} is a symbolic link; give the folder it points to")
        if plans.exists() and not plans.is_dir():
            raise InputError(f"--plans: {plans} is a file; give a folder")
        parent = plans.parent if str(plans.parent) else Path(".")
        if not parent.is_dir():
            raise InputError(f"--plans: {plans}: the folder {parent} does not exist")


def _terminate_as_interrupt() -> Callable[[], None]:
    """While a batch runs, SIGTERM unwinds like Ctrl-C so temporary files are removed."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def handler(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, handler)

    def restore() -> None:
        signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)

    return restore


def _open(path: Path | None, flag: str, say: Callable[[str], None]) -> AtomicFile | None:
    """An output file (0600 when new: it holds client data), or None when not asked for."""
    if path is None:
        return None
    return AtomicFile(path, private=True, flag=flag, warn=say)


class _RowWriter(Protocol):
    def writerow(self, row: Iterable[object], /) -> object: ...


def _writer(handle: IO[str]) -> _RowWriter:
    # "\r\n" (RFC 4180): the writer then quotes cells holding a bare \r as well as \n.
    return csv.writer(handle, lineterminator="\r\n")


def run_batch(
    intake: Path,
    options: BatchOptions,
    *,
    progress: ProgressSink | None = None,
    warn: Callable[[str], None] | None = None,
    stdout: IO[str] | None = None,
) -> BatchReport:
    """Score every row of ``intake``; every output appears complete or not at all."""
    from lmspath import __version__
    from lmspath.store.datadate import rules_data_date

    started = time.perf_counter()
    check_paths(intake, options)
    layout = inspect_intake(intake, sheet=options.sheet)
    if options.drop_extra:
        layout = dataclasses.replace(layout, passthrough=False)
    say = warn or (lambda message: None)
    for message in layout.warnings:
        say(message)
    jobs = options.jobs or os.cpu_count() or 1
    chunk_size = options.chunk_size or (1000 * jobs if jobs > 1 else 256)

    opened: list[AtomicFile] = []
    plans: _PlanFolder | None = None
    pool: Shards | None = None
    restore = _terminate_as_interrupt()
    line = layout.header_line
    try:
        workbook = options.output is not None and options.output.suffix.lower() == ".xlsx"
        if workbook and options.output is not None:
            results_file: AtomicFile | None = _WorkbookFile(
                options.output, private=True, flag="--output", warn=say
            )
        else:
            results_file = _open(options.output, "--output", say)
        if results_file:
            opened.append(results_file)
        errors_file = _open(options.errors, "--errors", say)
        if errors_file:
            opened.append(errors_file)
        results_out = results_file.handle if results_file else (stdout or sys.stdout)
        results = _writer(results_out)
        errors = _writer(errors_file.handle) if errors_file else None
        # Excel reads a UTF-8 file as its local code page unless it starts with a BOM: asked
        # for, or the intake came from Excel (a workbook, or a Windows-1252 export).
        if (
            results_file
            and not workbook
            and (options.excel or layout.sheet is not None or layout.encoding.guessed)
        ):
            results_out.write("\ufeff")
        results.writerow(
            RESULT_COLUMNS
            + (WHAT_IF_COLUMNS if options.assume else ())
            + passthrough_headers(layout, RESULT_COLUMNS)
        )
        if errors is not None:
            errors.writerow(ERROR_COLUMNS)
        if options.plans is not None:
            plans = _PlanFolder(options.plans, say, min(layout.expected_lines, MAX_PRESIZED_ROWS))
        staging = plans.staging if plans else None

        # The skills section feeds only the summary's skills gaps and the plans.
        gaps = options.summary is not None
        skills = gaps or options.plans is not None
        scorer: Scorer | None = None
        if jobs > 1:
            # Each worker scores only its own states, so it meets about 1/jobs of the situations:
            # a memo that size per worker hits as often, and keeps all workers' memory bounded.
            memo = max(1, options.cache_size // jobs)
            pool = Shards(
                jobs, ScorerArgs(layout, options.today, staging, skills, memo, options.assume, gaps)
            )
        else:
            scorer = Scorer(
                layout, options.today, staging, skills, options.cache_size, options.assume, gaps
            )
        tally = CohortTally()
        # Sized for the file up front: growing would hold the old and new tables at once.
        seen = SeenIds.for_rows(min(layout.expected_lines, MAX_PRESIZED_ROWS))
        duplicates = 0
        examples: list[Duplicate] = []
        shown: list[str] = []
        problem_count = 0
        calls = [0, 0]  # situations worked out, skills gaps worked out

        def handle(done: Done) -> None:
            nonlocal problem_count
            calls[0] += done.assessed
            calls[1] += done.computed
            if done.lines:
                results_out.write("".join(text for _, text in done.lines))
            for row in done.rejected:
                tally.add_rejected([name for name, _ in row.problems])
                problem_count += len(row.problems)
                client = neutralise(row.client_id)
                for name, problem in row.problems:
                    if errors is not None:
                        errors.writerow((row.line, client, neutralise(name), neutralise(problem)))
                    elif len(shown) < SHOWN_ERRORS:
                        who = f" ({row.client_id})" if row.client_id else ""
                        shown.append(f"{intake}: line {row.line}{who}: {name}: {problem}")

        pending: deque[Callable[[], Done]] = deque()

        def flush(chunk: list[Job]) -> None:
            if scorer is not None:
                handle(scorer.score_chunk(chunk))
                return
            assert pool is not None
            pending.append(pool.submit(chunk))
            while len(pending) > 2:
                handle(pending.popleft()())

        if progress is not None:
            progress.start(intake.stat().st_size)
        with IntakeReader(layout) as reader, collector_tuned():
            chunk: list[Job] = []
            for item in reader.records():
                line = item.line
                if isinstance(item, FieldProblemAt):
                    problem = item.problem
                    chunk.append(RowRejected(line, "", ((problem.field, problem.problem),)))
                else:
                    assert isinstance(item, Record)
                    cells = item.cells
                    client_id = client_id_of(cells, layout)
                    if client_id:
                        first = seen.add(client_id, line)
                        if first is not None:
                            duplicates += 1
                            if len(examples) < DUPLICATE_EXAMPLES and all(
                                d.client_id != client_id for d in examples
                            ):
                                examples.append(Duplicate(client_id, first, line))
                    name: str | None = None
                    plan_cell = ""
                    if plans is not None:
                        name = plans.names.assign(client_id, line)
                        plan_cell = neutralise(str(plans.path_for(name)))
                    chunk.append((line, cells, name, plan_cell))
                if len(chunk) >= chunk_size:
                    flush(chunk)
                    chunk = []
                    if progress is not None:
                        progress.advance(reader.rows_read, reader.position())
            if chunk:
                flush(chunk)
            while pending:
                handle(pending.popleft()())
            if progress is not None:
                progress.advance(reader.rows_read, reader.position())
            rows_read = reader.rows_read
        # Scored rows were counted where they were scored.
        for counted in [scorer.tally] if scorer is not None else pool.tallies() if pool else []:
            tally.merge(counted)
        assert rows_read == tally.rows, "every row read is scored or rejected"
        if pool is not None:
            pool.close()
            pool = None
        if duplicates:
            listed = ", ".join(
                f"{d.client_id!r} (lines {d.first_line} and {d.line})" for d in examples
            )
            say(
                f"{intake}: {repeated(duplicates)} a client_id seen earlier: {listed}"
                + (" and more" if duplicates > len(examples) else "")
                + "; each row is scored"
            )
        if options.summary is not None:
            meta = CohortMeta(
                intake=str(intake),
                encoding=layout.encoding.label,
                delimiter=layout.delimiter_name,
                rules_date=rules_data_date(),
                today=options.today.isoformat(),
                version=__version__,
                warnings=layout.warnings,
                duplicates=duplicates,
                duplicate_examples=tuple(examples),
                skills=skills,
                career=_career_section(dict(tally.by_state)),
            )
            summary_file = _open(options.summary, "--summary", say)
            assert summary_file is not None
            opened.append(summary_file)
            summary_file.handle.write(_summary_text(options.summary, tally, meta))
        for item_file in opened:
            item_file.commit()
        opened.clear()
        if plans is not None:
            plans.commit()
            plans = None
    except KeyboardInterrupt:
        raise Interrupted(
            f"interrupted near line {line} of {intake}; no output file was written "
            "(the intake file is untouched)"
        ) from None
    except UnicodeDecodeError:
        raise InputError(
            f"{intake}: line {line}: the file changed while it was being read; "
            "no output file was written"
        ) from None
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        raise InputError(
            f"{intake}: stopped near line {line}: {exc.strerror or exc}{where}; "
            "no output file was written"
        ) from None
    finally:
        if progress is not None:
            progress.stop()
        if pool is not None:
            pool.terminate()
        for item_file in opened:
            item_file.abort()
        if plans is not None:
            plans.abort()
        restore()
    return BatchReport(
        layout=layout,
        tally=tally,
        duplicates=duplicates,
        duplicate_examples=examples,
        shown_errors=shown,
        problems=problem_count,
        seconds=time.perf_counter() - started,
        assessed=calls[0],
        skills_computed=calls[1],
        jobs=jobs,
    )


def final_line(report: BatchReport, errors: Path | None) -> str:
    """``10,000 rows: 9,987 scored, 13 rejected (errors.csv)``."""
    tally = report.tally
    noun = "row" if tally.rows == 1 else "rows"
    text = f"{tally.rows:,} {noun}: {tally.scored:,} scored, {tally.rejected:,} rejected"
    if tally.rejected:
        if errors is not None:
            text += f" ({errors})"
        elif len(report.shown_errors) < report.problems:
            text += " (the first shown above; --errors FILE lists them all)"
        else:
            text += " (shown above)"
    return text


def _summary_text(path: Path, tally: CohortTally, meta: CohortMeta) -> str:
    """The cohort summary: an HTML page for a ``.html``/``.htm`` name, markdown otherwise."""
    if path.suffix.lower() not in {".html", ".htm"}:
        return render_cohort(tally, meta)
    from lmspath.batch.cohort_html import render_cohort_html
    from lmspath.store.load import default_data_dir
    from lmspath.store.tiles import load_tiles

    base = default_data_dir()
    tiles = load_tiles(base) if (base / "tiles.yaml").is_file() else None
    return render_cohort_html(tally, meta, tiles)


def _career_section(clients: dict[str, int]) -> tuple[str, ...]:
    """The cohort summary's career lines for these states (none when no market.yaml ships)."""
    from lmspath.engine.career import cohort_section
    from lmspath.store.load import default_data_dir
    from lmspath.store.market import FILE, load_market

    if not clients or not (default_data_dir() / FILE).is_file():
        return ()
    return tuple(cohort_section(load_market(), clients))
