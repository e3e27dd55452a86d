"""Score an intake file row by row: results, errors, plans, cohort summary, written atomically."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import heapq
import multiprocessing
import operator
import os
import re
import shutil
import signal
import sys
import threading
import time
import unicodedata
from array import array
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import IO, TYPE_CHECKING, Generic, NamedTuple, Protocol, TypeVar, overload

from lmspath.cohort import CohortMeta, CohortTally, Duplicate, RuleRef, Scored, render_cohort
from lmspath.errors import InputError, Interrupted
from lmspath.intake import (
    FieldProblemAt,
    IntakeReader,
    Layout,
    Record,
    RowParser,
    client_id_of,
    inspect_intake,
)
from lmspath.profile import FIELDS, Profile

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

    from lmspath.engine import Decision
    from lmspath.results import Assessment
    from lmspath.rules_model import StateRules
    from lmspath.skills_model import SkillsReport

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
)
ERROR_COLUMNS: tuple[str, ...] = ("line", "client_id", "field", "problem")

#: A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: Errors shown on stderr when no --errors file is given.
SHOWN_ERRORS = 10
#: Entries kept by each memo (raw cells -> outcome, profile -> assessment summary).
CACHE_SIZE = 4096
#: Rendered markdown plans kept, for clients with identical profiles.
PLAN_CACHE_SIZE = 64
#: Duplicate client ids named in the warning and the summary.
DUPLICATE_EXAMPLES = 5

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def neutralise(cell: str) -> str:
    """A cell a spreadsheet will show as text: formula-like starts get a leading apostrophe."""
    if cell and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


# --- plan file names ----------------------------------------------------------------------------

_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(1, 10)}
_UNSAFE = re.compile(r"[^\w.-]+")
_DOTS = re.compile(r"\.{2,}")
_MAX_STEM = 80


def safe_stem(client_id: str) -> str:
    """A file name stem from a client_id that cannot leave its folder or name a device.

    Letters, digits, ``_``, ``-`` and single dots survive; everything else (slashes, backslashes,
    colons, spaces) becomes ``_``; leading dots are dropped; Windows device names (CON, NUL,
    COM1...) get a leading ``_``. Returns '' when nothing usable is left.
    """
    text = unicodedata.normalize("NFKC", client_id)
    text = _DOTS.sub(".", _UNSAFE.sub("_", text))
    text = text.strip("._- ")[:_MAX_STEM].rstrip("._- ")
    if text.split(".", 1)[0].lower() in _RESERVED:
        text = "_" + text
    return text


class PlanNames:
    """Unique plan file names within one folder (case-insensitively, for Windows and macOS)."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def assign(self, client_id: str, line: int) -> str:
        """``<client>.md``; ``line-N.md`` without a usable id; ``<client>-lineN.md`` if taken."""
        stem = safe_stem(client_id)
        name = f"{stem}.md" if stem else f"line-{line}.md"
        if name.lower() in self._used:
            name = f"{stem or 'line'}-line{line}.md"
        self._used.add(name.lower())
        return name


# --- duplicate client ids -----------------------------------------------------------------------


class SeenIds:
    """Which client ids were seen, and on which line, in about 12-24 bytes per id.

    An open-addressing table of 64-bit string hashes; two different ids share a hash with odds
    of about one in 10^13 at a million rows, and the warning names both lines so a person can check.
    """

    def __init__(self, capacity: int = 1 << 12) -> None:
        self._keys = array("q", bytes(8 * capacity))
        self._lines = array("I", bytes(4 * capacity))
        self._count = 0

    def add(self, text: str, line: int) -> int | None:
        """Record the id; the line it was first seen on when it was seen before."""
        h = hash(text) or 1
        keys = self._keys
        mask = len(keys) - 1
        slot = h & mask
        while True:
            found = keys[slot]
            if found == 0:
                keys[slot] = h
                self._lines[slot] = line
                self._count += 1
                if self._count * 2 > len(keys):
                    self._grow()
                return None
            if found == h:
                return self._lines[slot]
            slot = (slot + 1) & mask

    def _grow(self) -> None:
        old_keys, old_lines = self._keys, self._lines
        size = len(old_keys) * 2
        self._keys = array("q", bytes(8 * size))
        self._lines = array("I", bytes(4 * size))
        mask = size - 1
        for h, line in zip(old_keys, old_lines, strict=True):
            if h == 0:
                continue
            slot = h & mask
            while self._keys[slot] != 0:
                slot = (slot + 1) & mask
            self._keys[slot] = h
            self._lines[slot] = line


# --- scoring ------------------------------------------------------------------------------------


class _LRU(Generic[K, V]):
    """A bounded mapping that forgets the least recently used entry."""

    def __init__(self, size: int) -> None:
        self._data: OrderedDict[K, V] = OrderedDict()
        self._size = size

    @overload
    def get(self, key: K) -> V | None: ...

    @overload
    def get(self, key: K, default: object) -> V | object: ...

    def get(self, key: K, default: object = None) -> V | object | None:
        if key not in self._data:
            return default
        self._data.move_to_end(key)
        return self._data[key]

    def put(self, key: K, value: V) -> None:
        self._data[key] = value
        if len(self._data) > self._size:
            self._data.popitem(last=False)


class RowScored(NamedTuple):
    """A row that was scored: its line, client_id, results cells and summary.

    Outcomes are tuples because worker processes send them back, and tuples pickle fast.
    """

    line: int
    client_id: str
    cells: tuple[str, ...]
    scored: Scored


class RowRejected(NamedTuple):
    """A row that could not be scored, with every problem found in it."""

    line: int
    client_id: str
    problems: tuple[tuple[str, str], ...]


Outcome = RowScored | RowRejected
#: A row to score: its line, cells and plan file name (None without --plans), or a ready rejection.
Job = tuple[int, list[str], str | None] | RowRejected


class _Base(NamedTuple):
    """What the rules engine decided for a profile, before any skills section."""

    scored: Scored
    cells: tuple[str, ...]
    exam_id: str | None


class _Entry(NamedTuple):
    scored: Scored
    cells: tuple[str, ...]
    #: the profile's key and skills memo key, to find or rebuild the full report for a plan
    key: tuple[object, ...] | None
    skills_key: tuple[object, ...] | None


class _Bad(NamedTuple):
    problems: tuple[tuple[str, str], ...]


def _number(value: float) -> str:
    return f"{value:g}"


def _ids(refs: tuple[RuleRef, ...]) -> str:
    return "; ".join(ref.id for ref in refs)


#: Marks "not in the memo" where None is a remembered value.
_MISSING = object()


class Scorer:
    """Parses and assesses rows, remembering results for rows and profiles seen before.

    ``service.assessment_for`` is the rules engine plus a skills section that depends only on
    the profile's tools and skills and the state's exam. The scorer makes the same two calls with
    a memo for each, so varied profiles that share tools still reuse the (costly) skills section,
    and it skips that section when no output needs it (``skills=False``).
    """

    def __init__(
        self,
        layout: Layout,
        today: dt.date,
        staging: Path | None = None,
        skills: bool = True,
        cache_size: int = CACHE_SIZE,
    ) -> None:
        from lmspath.data import available_states, exam_index, load_estimates, load_exams

        index = exam_index()
        self.layout = layout
        self.today = today
        self.staging = staging
        self.skills = skills or staging is not None
        self.parser = RowParser(layout, set(available_states()), index.resolve, index.suggest)
        self._estimates = load_estimates()
        self._catalog = load_exams()
        self._exams = {exam.id: exam for exam in self._catalog.exams}
        self._engine_fields = tuple(f for f in FIELDS if f not in {"client_id", "tools", "skills"})
        # Plain dicts cleared when full: a look-up per row must cost next to nothing.
        self._cache_size = cache_size
        self._bases: dict[tuple[object, ...], _Base] = {}
        self._pathway_exams: dict[tuple[str, str], str | None] = {}
        self._refs: dict[tuple[str, str, str], RuleRef] = {}
        self._skills: dict[tuple[frozenset[str], str | None], tuple[tuple[str, str], ...]] = {}
        # Full objects are large: only a few are kept, for plans of clients seen together.
        self._assessments: _LRU[tuple[object, ...], Assessment] = _LRU(PLAN_CACHE_SIZE)
        self._reports: _LRU[tuple[object, ...], SkillsReport] = _LRU(PLAN_CACHE_SIZE)
        self._plans: _LRU[tuple[object, ...], str] = _LRU(PLAN_CACHE_SIZE)
        self.assessed = 0
        self.skills_computed = 0

    def _ref(self, state: str, pathway_id: str, req_id: str, text: str, kind: str) -> RuleRef:
        # One object per requirement: rows share it, and a chunk pickles it once. Keyed by
        # pathway too, since two pathways of a state may each have a "program" of their own.
        key = (state, pathway_id, req_id)
        ref = self._refs.get(key)
        if ref is None:
            ref = self._refs[key] = RuleRef(state, req_id, text, kind)
        return ref

    def _row_facts(
        self,
        rules: StateRules,
        decision: Decision,
        months: tuple[float, float] | None,
        next_step: str,
    ) -> _Base:
        """The results-row facts of one decision, its neutralised cells and the state's exam."""
        from lmspath.rules import decode, disputed, program

        best = decision.best
        pathway = rules.pathways[best]
        missing: list[RuleRef] = []
        unconfirmed: list[RuleRef] = []
        blank: list[RuleRef] = []
        contested: list[RuleRef] = []
        nodes = program(rules).pathways[best]
        for node, outcome in zip(nodes, decode(decision.codes[best]), strict=True):
            req = node.req
            ref = self._ref(rules.code, pathway.id, req.id, req.text, req.kind)
            if outcome.status == "missing":
                missing.append(ref)
            elif outcome.status == "not_confirmed":
                unconfirmed.append(ref)
            elif outcome.status == "not_given" and not node.manual:
                blank.append(ref)
            if disputed(outcome):
                contested.append(ref)
        scored = Scored(
            state=rules.code,
            verdict=decision.verdict,
            best_pathway=pathway.id,
            remaining_steps=decision.standings[best].remaining_steps,
            months=months,
            next_step=next_step,
            missing=tuple(missing),
            not_confirmed=tuple(unconfirmed),
            not_given=tuple(blank),
            disputed=tuple(contested),
        )
        cells = (
            scored.state,
            scored.verdict,
            scored.best_pathway,
            str(scored.remaining_steps),
            _number(months[0]) if months else "",
            _number(months[1]) if months else "",
            scored.next_step,
            _ids(scored.missing),
            _ids(scored.not_confirmed),
            _ids(scored.not_given),
            _ids(scored.disputed),
        )
        exam_id = self._exam_id(rules.code, pathway.id) if self.skills else None
        return _Base(scored, tuple(neutralise(c) for c in cells), exam_id)

    def _exam_id(self, state: str, pathway_id: str) -> str | None:
        """The exam the state's pathway asks for, which the skills section measures against."""
        from lmspath.data import load_state
        from lmspath.service import state_exam

        key = (state, pathway_id)
        if key not in self._pathway_exams:
            exam = state_exam(load_state(state), pathway_id, self._catalog)
            self._pathway_exams[key] = exam.id if exam is not None else None
        return self._pathway_exams[key]

    def _base(self, profile: Profile) -> _Base:
        """What the engine decides for this profile, as results-row facts (memoised)."""
        from lmspath.data import load_state
        from lmspath.engine import decide

        assert profile.state is not None
        rules = load_state(profile.state)
        decision = decide(profile, rules, self._estimates, self._catalog)
        plan = decision.sketches[decision.best]
        months = plan.months(profile)
        next_step = plan.first_title(profile)
        # Everything a row shows follows from these: clients in the same situation share a row.
        best = decision.best
        key = (rules.code, decision.verdict, best, decision.codes[best], months, next_step)
        base = self._bases.get(key)
        if base is None:
            self.assessed += 1
            base = self._row_facts(rules, decision, months, next_step)
            if len(self._bases) >= self._cache_size:
                self._bases.clear()
            self._bases[key] = base
        return base

    def _run_engine(self, profile: Profile) -> Assessment:
        from lmspath.data import load_state
        from lmspath.engine import assess

        assert profile.state is not None
        return assess(
            profile, load_state(profile.state), self._estimates, self._catalog, today=self.today
        )

    def _skills_report(self, profile: Profile, exam_id: str | None) -> SkillsReport:
        from lmspath.skills import skills_report
        from lmspath.skills_data import load_taxonomy

        exam = self._exams.get(exam_id) if exam_id is not None else None
        return skills_report(profile, load_taxonomy(), exam, self._catalog.sources)

    def _gaps(self, profile: Profile, exam_id: str | None) -> tuple[tuple[str, str], ...] | None:
        """The client's highlighted skills gaps (as the report lists them first); None when
        they listed no tools or skills. Only the summary needs them, not the whole section."""
        from lmspath.skills import have_ids, top_gaps
        from lmspath.skills_data import load_taxonomy

        if not (profile.tools or profile.skills):
            return None
        taxonomy = load_taxonomy()
        have = have_ids(profile.tools, profile.skills, taxonomy)
        key = (have, exam_id)
        gaps = self._skills.get(key)
        if gaps is None:
            self.skills_computed += 1
            exam = self._exams.get(exam_id) if exam_id is not None else None
            top = top_gaps(taxonomy, have, exam, taxonomy.ranking.show_top)
            gaps = tuple((item.id, item.name) for item in top)
            if len(self._skills) >= self._cache_size:
                self._skills.clear()
            self._skills[key] = gaps
        return gaps

    def assessment(self, profile: Profile) -> Assessment:
        """The full report for a profile, as ``service.assessment_for`` gives it (for plans)."""
        key = self._profile_key(profile)
        result = self._assessments.get(key)
        if result is None:
            result = self._run_engine(profile)
            self._assessments.put(key, result)
        exam_id = self._exam_id(result.state, result.best_pathway)
        skills_key = (profile.tools, profile.skills, exam_id)
        report = self._reports.get(skills_key)
        if report is None:
            report = self._skills_report(profile, exam_id)
            self._reports.put(skills_key, report)
        return result.model_copy(update={"skills": report.model_dump(mode="json")})

    def _profile_key(self, profile: Profile) -> tuple[object, ...]:
        return tuple(getattr(profile, name) for name in self._engine_fields)

    def _entry(self, cells: list[str]) -> _Entry | _Bad:
        parsed = self.parser.parse(cells)
        if isinstance(parsed, list):
            return _Bad(tuple((p.field, p.problem) for p in parsed))
        # Plans are rendered once per distinct profile, so only they need its full key.
        key = self._profile_key(parsed) if self.staging is not None else None
        base = self._base(parsed)
        if not self.skills:
            return _Entry(base.scored, base.cells, key, None)
        gaps = self._gaps(parsed, base.exam_id)
        skills_key = (parsed.tools, parsed.skills, base.exam_id)
        return _Entry(base.scored._replace(skill_gaps=gaps), base.cells, key, skills_key)

    def _plan_text(self, entry: _Entry, cells: list[str]) -> str:
        plan_key = (entry.key, entry.skills_key)
        text = self._plans.get(plan_key)
        if text is None:
            parsed = self.parser.parse(cells)
            assert isinstance(parsed, Profile)
            text = _markdown(self.assessment(parsed))
            self._plans.put(plan_key, text)
        return text

    def score(self, line: int, cells: list[str], plan_name: str | None = None) -> Outcome:
        """One row's outcome; writes its plan into the staging folder when asked."""
        client_id = client_id_of(cells, self.layout)
        entry = self._entry(cells)
        if isinstance(entry, _Bad):
            return RowRejected(line, client_id, entry.problems)
        if plan_name is not None and self.staging is not None:
            text = self._plan_text(entry, cells)
            with open(self.staging / plan_name, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        return RowScored(line, client_id, entry.cells, entry.scored)

    def score_chunk(self, jobs: list[Job]) -> tuple[list[Outcome], int, int]:
        """Outcomes for a list of rows, in order, and the engine and skills calls they took."""
        assessed, computed = self.assessed, self.skills_computed
        out: list[Outcome] = []
        for job in jobs:
            if isinstance(job, RowRejected):
                out.append(job)
            else:
                out.append(self.score(*job))
        return out, self.assessed - assessed, self.skills_computed - computed


def _markdown(result: Assessment) -> str:
    from lmspath.service import Format, render_text

    return render_text(result, Format.markdown)


# --- worker processes for --jobs ----------------------------------------------------------------

_WORKER: Scorer | None = None


def _init_worker(
    layout: Layout, today: dt.date, staging: Path | None, skills: bool, cache_size: int
) -> None:
    # The parent handles Ctrl-C and termination; a worker just stops when told.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    global _WORKER
    _WORKER = Scorer(layout, today, staging, skills=skills, cache_size=cache_size)


def _work(jobs: list[Job]) -> tuple[list[Outcome], int, int]:
    assert _WORKER is not None
    return _WORKER.score_chunk(jobs)


# --- outputs ------------------------------------------------------------------------------------


class _AtomicFile:
    """A text file written under a temporary name beside its target and renamed when complete."""

    def __init__(self, path: Path) -> None:
        self.path = path
        parent = path.parent if str(path.parent) else Path(".")
        self.tmp = parent / f".{path.name}.{os.getpid()}.tmp"
        try:
            self.handle: IO[str] = open(self.tmp, "w", encoding="utf-8", newline="")  # noqa: SIM115
        except OSError as exc:
            raise InputError(f"{path}: cannot write ({exc.strerror})") from None

    def commit(self) -> None:
        self.handle.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        self.handle.close()
        self.tmp.unlink(missing_ok=True)


class _PlanFolder:
    """Plans are written into a hidden staging folder and moved into place when the run ends."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.created = not folder.exists()
        try:
            folder.mkdir(exist_ok=True)
            self.staging = folder / f".lmspath-staging-{os.getpid()}"
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging.mkdir()
        except OSError as exc:
            raise InputError(f"{folder}: cannot create the plans folder ({exc.strerror})") from None
        self.names = PlanNames()

    def path_for(self, name: str) -> Path:
        path = self.folder / name
        # safe_stem makes escape impossible; this check keeps it so if that ever changes.
        if path.resolve().parent != self.folder.resolve():
            raise InputError(f"{self.folder}: plan name {name!r} would leave the folder")
        return path

    def commit(self) -> None:
        for item in self.staging.iterdir():
            os.replace(item, self.folder / item.name)
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


def _same(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        return False
    return a.resolve() == b.resolve()


def check_paths(intake: Path, options: BatchOptions) -> None:
    """Refuse outputs that would overwrite the intake, each other, or land nowhere."""
    files = [
        ("--output", options.output),
        ("--errors", options.errors),
        ("--summary", options.summary),
    ]
    given = [(flag, path) for flag, path in files if path is not None]
    for flag, path in given:
        if _same(path, intake):
            raise InputError(f"{flag}: {path} is the intake file itself; choose another name")
        if path.is_dir():
            raise InputError(f"{flag}: {path} is a folder; give a file name")
        parent = path.parent if str(path.parent) else Path(".")
        if not parent.is_dir():
            raise InputError(f"{flag}: {path}: the folder {parent} does not exist")
    for index, (flag, path) in enumerate(given):
        for other_flag, other in given[index + 1 :]:
            if _same(path, other):
                raise InputError(
                    f"{flag} and {other_flag} both name {path}; give each its own file"
                )
    if options.plans is not None:
        plans = options.plans
        if plans.exists() and not plans.is_dir():
            raise InputError(f"--plans: {plans} is a file; give a folder")
        parent = plans.parent if str(plans.parent) else Path(".")
        if not parent.is_dir():
            raise InputError(f"--plans: {plans}: the folder {parent} does not exist")
    if options.jobs < 0:
        raise InputError(f"--jobs: {options.jobs} is negative; give 1 or more (0 = one per core)")


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


def _pool(jobs: int, init: tuple[object, ...]) -> Pool:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    return context.Pool(jobs, initializer=_init_worker, initargs=init)


#: State spellings remembered by the router (bounded: a file of misspelt states cannot grow it).
_ROUTES = 4096


class _Shards:
    """Worker processes that each score the rows of their own states.

    A state's rows always go to the same worker, so each worker learns (and memoises) only its
    own states' rules instead of every worker learning all of them. A chunk of rows is split by
    worker and the outcomes are merged back into input order by line.
    """

    def __init__(self, jobs: int, init: tuple[object, ...], layout: Layout) -> None:
        self.pools = [_pool(1, init) for _ in range(jobs)]
        self._state = layout.columns["state"]
        self._home: dict[str, int] = {}  # the state cell as written -> its worker
        self._by_code: dict[str, int] = {}  # the state's code -> its worker
        self._rows = [0] * jobs

    def _worker(self, cells: list[str]) -> int:
        from lmspath.states import resolve_state

        text = cells[self._state] if self._state < len(cells) else ""
        home = self._home.get(text)
        if home is None:
            # "Texas" and "TX" are one state; a new state goes to the least busy worker.
            code = resolve_state(text) or text
            home = self._by_code.get(code)
            if home is None:
                home = min(range(len(self._rows)), key=self._rows.__getitem__)
                if len(self._by_code) < _ROUTES:
                    self._by_code[code] = home
            if len(self._home) < _ROUTES:
                self._home[text] = home
        self._rows[home] += 1
        return home

    def submit(self, chunk: list[Job]) -> Callable[[], tuple[list[Outcome], int, int]]:
        """Send a chunk to the workers; the returned call waits for its outcomes, in order."""
        parts: list[list[Job]] = [[] for _ in self.pools]
        ready: list[Outcome] = []
        for job in chunk:
            if isinstance(job, RowRejected):
                ready.append(job)
            else:
                parts[self._worker(job[1])].append(job)
        waiting = [
            pool.apply_async(_work, (part,))
            for pool, part in zip(self.pools, parts, strict=True)
            if part
        ]

        def collect() -> tuple[list[Outcome], int, int]:
            done = [w.get() for w in waiting]
            merged = list(
                heapq.merge(ready, *(d[0] for d in done), key=operator.attrgetter("line"))
            )
            return merged, sum(d[1] for d in done), sum(d[2] for d in done)

        return collect

    def close(self) -> None:
        """Let the workers finish and stop."""
        for pool in self.pools:
            pool.close()
        for pool in self.pools:
            pool.join()

    def terminate(self) -> None:
        """Stop the workers now."""
        for pool in self.pools:
            pool.terminate()
        for pool in self.pools:
            pool.join()


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
    from lmspath.datadate import rules_data_date

    started = time.perf_counter()
    check_paths(intake, options)
    layout = inspect_intake(intake)
    say = warn or (lambda message: None)
    for message in layout.warnings:
        say(message)
    jobs = options.jobs or os.cpu_count() or 1
    chunk_size = options.chunk_size or (1000 * jobs if jobs > 1 else 256)

    opened: list[_AtomicFile] = []
    plans: _PlanFolder | None = None
    pool: _Shards | None = None
    restore = _terminate_as_interrupt()
    line = layout.header_line
    try:
        results_file = _AtomicFile(options.output) if options.output else None
        if results_file:
            opened.append(results_file)
        errors_file = _AtomicFile(options.errors) if options.errors else None
        if errors_file:
            opened.append(errors_file)
        results = _writer(results_file.handle if results_file else (stdout or sys.stdout))
        errors = _writer(errors_file.handle) if errors_file else None
        results.writerow(RESULT_COLUMNS)
        if errors is not None:
            errors.writerow(ERROR_COLUMNS)
        if options.plans is not None:
            plans = _PlanFolder(options.plans)
        staging = plans.staging if plans else None

        # The skills section feeds only the summary's skills gaps and the plans.
        skills = options.summary is not None or options.plans is not None
        scorer: Scorer | None = None
        if jobs > 1:
            init = (layout, options.today, staging, skills, options.cache_size)
            pool = _Shards(jobs, init, layout)
        else:
            scorer = Scorer(layout, options.today, staging, skills, options.cache_size)
        tally = CohortTally()
        seen = SeenIds()
        duplicates = 0
        examples: list[Duplicate] = []
        shown: list[str] = []
        problem_count = 0
        calls = [0, 0]  # engine runs, skills sections computed
        plan_names: dict[int, str] = {}

        def handle(done: tuple[list[Outcome], int, int]) -> None:
            nonlocal problem_count
            outcomes, assessed, computed = done
            calls[0] += assessed
            calls[1] += computed
            for outcome in outcomes:
                if isinstance(outcome, RowScored):
                    plan_file = plan_names.pop(outcome.line, "")
                    results.writerow(
                        (outcome.line, neutralise(outcome.client_id), *outcome.cells, plan_file)
                    )
                    tally.add(outcome.scored)
                    continue
                plan_names.pop(outcome.line, None)
                tally.add_rejected([name for name, _ in outcome.problems])
                problem_count += len(outcome.problems)
                client = neutralise(outcome.client_id)
                for name, problem in outcome.problems:
                    if errors is not None:
                        errors.writerow(
                            (outcome.line, client, neutralise(name), neutralise(problem))
                        )
                    elif len(shown) < SHOWN_ERRORS:
                        who = f" ({outcome.client_id})" if outcome.client_id else ""
                        shown.append(f"{intake}: line {outcome.line}{who}: {name}: {problem}")

        pending: deque[Callable[[], tuple[list[Outcome], int, int]]] = deque()

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
        with IntakeReader(layout) as reader:
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
                    if plans is not None:
                        name = plans.names.assign(client_id, line)
                        plan_names[line] = neutralise(str(plans.path_for(name)))
                    chunk.append((line, cells, name))
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
        assert rows_read == tally.rows, "every row read is scored or rejected"
        if pool is not None:
            pool.close()
            pool = None
        if duplicates:
            listed = ", ".join(
                f"{d.client_id!r} (lines {d.first_line} and {d.line})" for d in examples
            )
            say(
                f"{intake}: {duplicates:,} row(s) repeat a client_id seen earlier: {listed}"
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
            )
            summary_file = _AtomicFile(options.summary)
            opened.append(summary_file)
            summary_file.handle.write(render_cohort(tally, meta))
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
