"""Scoring intake rows: a row's cells in, its results-row facts (or its problems) out.

The ``Scorer`` parses rows, asks the engine for a decision and remembers what clients in the
same situation share. ``Shards`` runs scorers in worker processes for ``--jobs``, each worker
taking the rows of its own states.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import heapq
import multiprocessing
import os
import signal
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Generic, NamedTuple, TypeVar, overload

from lmspath.batch.cohort import CohortTally, RuleRef, Scored
from lmspath.batch.cohort_clients import SHOWN_PER_TIER, ClientLine
from lmspath.batch.intake import Layout, RowParser, client_id_of, passthrough_indexes
from lmspath.batch.spreadsheet import csv_field, neutralise
from lmspath.engine.assess import (
    assess,
    cost_key,
    decide,
    licensed_reading,
    open_to,
    quicker,
    rank_top,
    situation,
)
from lmspath.engine.outcomes import disputed
from lmspath.engine.words import months_short
from lmspath.files import per_file_error, write_private
from lmspath.model.profile import FIELDS, Profile
from lmspath.process import quiet_when_orphaned
from lmspath.store.assume import Assumption, apply as apply_assumptions

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

    from lmspath.batch.skills_tails import SkillsTails
    from lmspath.engine.assess import Decision
    from lmspath.engine.compiled import CompiledState
    from lmspath.engine.program_fit import Picks
    from lmspath.engine.steps import Range, _Draft
    from lmspath.model.results import Assessment
    from lmspath.model.rules import StateRules

#: Entries kept by each memo (raw cells -> outcome, profile -> assessment summary).
CACHE_SIZE = 4096
#: Situations (decisions shared by clients) and plan sketches kept over all states: the
#: rules bound their number, but in the hundreds of thousands, so a budget keeps memory flat
#: however many distinct clients a file holds. Situations are kept in two generations of
#: half the budget each (a situation met again moves to the young one), so the ones clients
#: share most survive when the old generation is dropped. 12,288 took the CPU of 16,384 at
#: 300,000 rows (1.00x, 4 pairs) and 1.4 MB less at a million.
SITUATIONS = 12_288
#: Outcome codes per pathway and standings, and plan sketches, kept young over all states
#: before they are aged (``CompiledState.age_codes``, ``age_sketches``). Codes: 16,384 took
#: the CPU of 32,768 at 300,000 rows (1.00x, 4 pairs) and 4 MB less at a million; 8,192
#: took 1.05x for 2 MB less.
CODES = 16_384
SKETCHES = 8_192
#: Full requirement results kept young over all states for --plans (``CompiledState.evaluate``)
RESULTS = 4_096
#: Rendered markdown plans kept, for clients with identical profiles.
PLAN_CACHE_SIZE = 64
#: Skills sections' tails kept for --plans (UTF-8, about 16 kB each): on a realistic intake 256
#: serve about 35% of plans (64: 19%, 1,024: 53%). A tail not kept is made from kept parts
#: (``SkillsTails``) at about half the cost of a whole report and its rendering; 512 took
#: 0.95x the CPU of 256 on 100,000 plans (2 pairs) for 8 MiB more.
SKILLS_TAILS = 512
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


# --- one process -------------------------------------------------------------------------------


@contextlib.contextmanager
def collector_tuned() -> Iterator[None]:
    """Keep the cycle collector on while rows are scored, tuned for a long run that builds
    tables: what was loaded before is frozen (the collector no longer walks the rules data
    again and again) and young objects are collected less often. Restored afterwards.

    Measured on the benchmark intake (benchmarks/README.md): about a fifth of the time.
    """
    thresholds = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 20, 10)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


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


class RowRejected(NamedTuple):
    """A row that could not be scored, with every problem found in it."""

    line: int
    client_id: str
    problems: tuple[tuple[str, str], ...]


class Done(NamedTuple):
    """A chunk of rows scored: the results lines of its scored rows (by line), its rejected
    rows, and the situations and skills gaps it worked out."""

    lines: list[tuple[int, str]]
    rejected: list[RowRejected]
    assessed: int
    computed: int


#: A row to score: its line, cells, plan file name (None without --plans) and the plan_file
#: cell of its results line; or a ready rejection.
Job = tuple[int, list[str], str | None, str] | RowRejected


class _Base:
    """The results-row facts of one situation, shared by every client in it.

    ``count`` holds the clients scored with it since the cohort tally last took them in: the
    tally adds each situation's counts once rather than once per client.
    """

    __slots__ = (
        "complete",
        "count",
        "exam_id",
        "extra",
        "months",
        "open",
        "rank",
        "scored",
        "text",
        "tier",
    )

    def __init__(
        self,
        scored: Scored,
        text: str,
        exam_id: str | None,
        complete: str,
        extra: str = "",
        rank: tuple[object, ...] = (),
        open_route: bool = True,
    ) -> None:
        self.scored = scored
        #: what the best route costs the client (``engine.assess.cost_key``), and whether it
        #: is open to them: a license's reading of a blank answer compares by these
        self.rank = rank
        self.open = open_route
        #: the total_complete cell: "yes" when every major step has a time estimate
        self.complete = complete
        #: its cells as they sit in a results line, between client_id and plan_file
        self.text = text
        #: the counselor's cells after ``normalised``: pathway name, missing requirements in
        #: words, cost range and the next step's link
        self.extra = extra
        #: the readiness tier, and the months as the tier lists show them ('12+' when a
        #: step that takes months has no estimate: at least that)
        self.tier = scored.tier
        months = scored.months
        lower_bound = "" if scored.total_complete else "+"
        self.months = months_short(months) + lower_bound if months else ""
        self.exam_id = exam_id
        self.count = 0


class _Core(NamedTuple):
    """What a results row shows apart from the plan's time and first step: the facts (with
    no time and no step yet), and the neutralised cells before and after the time and step as
    written in a results line."""

    scored: Scored
    head: str
    tail: str
    exam_id: str | None
    #: the pathway's name and the missing requirements in words, as results cells
    names: str


class _Situation:
    """One state's decision for clients whose profiles read the same to its rules (equal
    bucket keys and situations), and the results rows it gave per best pathway, plan time and
    first step."""

    __slots__ = ("decision", "rows", "tied")

    def __init__(self, decision: Decision) -> None:
        self.decision = decision
        #: the pathways of the best class when the plans' times and costs pick each client's
        #: best; None when one is best for everyone here (``decision.order[0]``): a single
        #: pathway, or plans whose totals read no number of the person
        self.tied = (
            decision.top
            if len(decision.top) > 1
            and not all(decision.sketch(i).same_totals for i in decision.top)
            else None
        )
        self.rows: dict[tuple[int, Range | None, str, bool, Range | None], _Base] = {}


class _Calls:
    """The skills, programs and rendering functions plans and the summary's gaps call, imported
    once on first use: an import statement inside a function runs on every call (thousands of
    instructions), and a batch without plans or a summary never imports them."""

    __slots__ = (
        "career_facts",
        "has_programs",
        "have_ids",
        "listing",
        "load_taxonomy",
        "markdown_around",
        "named_programs",
        "skills_head",
        "skills_tails",
        "top_gaps",
    )

    def __init__(self) -> None:
        from lmspath.api.assess import career_facts, named_programs
        from lmspath.batch.skills_tails import SkillsTails
        from lmspath.render.markdown import markdown_around
        from lmspath.render.skills_section import skills_head
        from lmspath.skills.report import have_ids, listing, top_gaps
        from lmspath.store.programs import has_programs
        from lmspath.store.taxonomy import load_taxonomy

        self.career_facts = career_facts
        self.have_ids = have_ids
        self.listing = listing
        self.load_taxonomy = load_taxonomy
        self.named_programs = named_programs
        self.has_programs = has_programs
        self.markdown_around = markdown_around
        self.skills_head = skills_head
        self.skills_tails = SkillsTails
        self.top_gaps = top_gaps


def _step_link(draft: _Draft, own: dict[str, bool]) -> str | None:
    """Where a counselor reads about a plan step: its own link (the agency's application page),
    else the first of the state's own sources it cites (``own``: url -> official), official
    first; never an estimate's source, which may be another state's program."""
    if draft.link:
        return draft.link
    cited = [source.url for source in draft.sources if source.url in own]
    return next((url for url in cited if own[url]), cited[0] if cited else None)


def _number(value: float) -> str:
    return f"{value:g}"


def _ids(refs: tuple[RuleRef, ...]) -> str:
    return "; ".join(ref.id for ref in refs)


class Scorer:
    """Parses and assesses rows, remembering results for rows and profiles seen before.

    ``service.assessment_for`` is the rules engine plus a skills section that depends only on
    the profile's tools and skills and the state's exam. The scorer makes the same two calls with
    a memo for each, so varied profiles that share tools still reuse the (costly) skills section,
    and it skips that section when no output needs it (``skills=False``). ``gaps`` says whether
    each client's top skills gaps are counted for the cohort summary (by default whenever the
    skills are read); a run with plans and no summary has no use for them.
    """

    def __init__(
        self,
        layout: Layout,
        today: dt.date,
        staging: Path | None = None,
        skills: bool = True,
        cache_size: int = CACHE_SIZE,
        assume: tuple[Assumption, ...] = (),
        gaps: bool | None = None,
    ) -> None:
        from lmspath.store.load import available_states, exam_index, load_estimates, load_exams

        #: ``--assume``: applied to every row; each line then also says what it changed
        self.assume = assume

        index = exam_index()
        self.layout = layout
        self.today = today
        self.staging = staging
        self.skills = skills or staging is not None
        #: whether each client's top skills gaps are counted (only the summary shows them)
        self.gaps = self.skills if gaps is None else gaps and self.skills
        # Scoring never reads the client_id from the profile, and tools and skills only feed
        # the skills gaps; such cells are free text, so skipping them hides no problem.
        skip = {"client_id"} if self.skills else {"client_id", "tools", "skills"}
        self.parser = RowParser(
            layout, set(available_states()), index.resolve, index.suggest, frozenset(skip)
        )
        self._estimates = load_estimates()
        self._catalog = load_exams()
        self._exams = {exam.id: exam for exam in self._catalog.exams}
        self._engine_fields = tuple(f for f in FIELDS if f not in {"client_id", "tools", "skills"})
        # Plain dicts cleared when full: a look-up per row must cost next to nothing.
        self._cache_size = cache_size
        self._bases: dict[tuple[object, ...], _Base] = {}
        self._cores: dict[tuple[object, ...], _Core] = {}
        # Per state, its compiled form; situations by state, outcome codes and situation, in
        # two generations (``SITUATIONS``).
        self._states: dict[str, CompiledState] = {}
        self._young: dict[object, _Situation] = {}
        self._old: dict[object, _Situation] = {}
        self._pathway_exams: dict[tuple[str, str], str | None] = {}
        self._refs: dict[tuple[str, str, str], RuleRef] = {}
        self._skills: dict[tuple[frozenset[str], str | None], tuple[tuple[str, str], ...]] = {}
        # Full objects are large: only a few are kept, for plans of clients seen together.
        self._assessments: _LRU[tuple[object, ...], Assessment] = _LRU(PLAN_CACHE_SIZE)
        self._sections: _LRU[tuple[object, ...], bytes] = _LRU(PLAN_CACHE_SIZE)
        #: the part of a skills section after what the client wrote, per ids had and exam
        self._tails: _LRU[tuple[frozenset[str], str | None], bytes] = _LRU(SKILLS_TAILS)
        #: makes the tails not kept, from parts kept (made on the first plan)
        self._tail_parts: SkillsTails | None = None
        self._plans: _LRU[tuple[object, ...], bytes] = _LRU(PLAN_CACHE_SIZE)
        self._own: dict[str, dict[str, bool]] = {}
        #: programs a plan step names, by state, pathway, step kind and licence (rules-bounded)
        self._picks: Picks = {}
        #: whether the data has program records (looked at once, for the first plan)
        self._has_programs: bool | None = None
        #: what plans and the summary's gaps call (imported on first use)
        self._called: _Calls | None = None
        #: 0-based indexes of the input columns passed through to the results
        self.passthrough = passthrough_indexes(layout)
        self.assessed = 0
        self.skills_computed = 0
        self._tally = CohortTally()

    def _ref(self, state: str, pathway_id: str, req_id: str, text: str, kind: str) -> RuleRef:
        # One object per requirement: rows share it, and a chunk pickles it once. Keyed by
        # pathway too, since two pathways of a state may each have a "program" of their own.
        key = (state, pathway_id, req_id)
        ref = self._refs.get(key)
        if ref is None:
            ref = self._refs[key] = RuleRef(state, req_id, text, kind)
        return ref

    def _core(self, compiled: CompiledState, decision: Decision, best: int) -> _Core:
        """What a results row shows that does not depend on the client's numbers."""
        rules = compiled.rules
        pathway = rules.pathways[best]
        missing: list[RuleRef] = []
        unconfirmed: list[RuleRef] = []
        blank: list[RuleRef] = []
        contested: list[RuleRef] = []
        nodes = compiled.pathways[best]
        for node, outcome in zip(nodes, compiled.decode(decision.codes[best]), strict=True):
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
            months=None,
            next_step="",
            missing=tuple(missing),
            not_confirmed=tuple(unconfirmed),
            not_given=tuple(blank),
            disputed=tuple(contested),
        )
        cells = tuple(
            neutralise(cell)
            for cell in (
                scored.state,
                scored.verdict,
                scored.best_pathway,
                str(scored.remaining_steps),
                "",  # months, low
                "",  # months, high
                "",  # next step
                _ids(scored.missing),
                _ids(scored.not_confirmed),
                _ids(scored.not_given),
                _ids(scored.disputed),
            )
        )
        exam_id = self._exam_id(rules.code, pathway.id) if self.skills else None
        head = ",".join(csv_field(cell) for cell in cells[:4])
        tail = ",".join(csv_field(cell) for cell in cells[7:])
        names = ",".join(
            csv_field(neutralise(cell))
            for cell in (pathway.name, "; ".join(ref.text for ref in scored.missing))
        )
        return _Core(scored, head, tail, exam_id, names)

    def _exam_id(self, state: str, pathway_id: str) -> str | None:
        """The exam the state's pathway asks for, which the skills section measures against."""
        key = (state, pathway_id)
        if key not in self._pathway_exams:
            from lmspath.api.assess import state_exam
            from lmspath.store.load import load_state

            exam = state_exam(load_state(state), pathway_id, self._catalog)
            self._pathway_exams[key] = exam.id if exam is not None else None
        return self._pathway_exams[key]

    @property
    def tally(self) -> CohortTally:
        """The rows this scorer scored, counted for the cohort summary."""
        self._count_bases()
        return self._tally

    def _count_bases(self) -> None:
        """Hand the clients counted on each situation's row to the tally."""
        add = self._tally.add
        for base in self._bases.values():
            if base.count:
                add(base.scored, base.count)
                base.count = 0

    def _forget_rows(self) -> None:
        """Empty the results-row memo (its counts go to the tally first), and the rows each
        situation found in it, so every row still in use is in it and gets counted."""
        self._count_bases()
        self._bases.clear()
        for table in (self._young, self._old):
            for kept in table.values():
                kept.rows.clear()

    def _keep_within_budget(self) -> None:
        """Age the situations when the young generation is full, and the compiled states'
        tables when their young entries pass ``CODES``, ``SKETCHES`` or ``RESULTS`` (checked
        once a chunk: a chunk adds at most a chunk's rows to any of them)."""
        if len(self._young) > SITUATIONS // 2:
            for kept in self._old.values():
                kept.rows.clear()
            self._old = self._young
            self._young = {}
        states = self._states.values()
        if sum(compiled.codes_held() for compiled in states) > CODES:
            for compiled in states:
                compiled.age_codes()
        if sum(compiled.sketches_held() for compiled in states) > SKETCHES:
            for compiled in states:
                compiled.age_sketches()
        if sum(compiled.results_held() for compiled in states) > RESULTS:
            for compiled in states:
                compiled.age_results()

    def _state(self, code: str) -> CompiledState:
        from lmspath.engine.compiled import CompiledState
        from lmspath.store.load import load_state

        found = self._states[code] = CompiledState(load_state(code), self._estimates, self._catalog)
        return found

    def _base(self, profile: Profile) -> _Base:
        """What the engine decides for this profile, as results-row facts (memoised).

        Clients whose requirements stand the same (equal outcome codes, worked out from the
        bucket key) in the same situation share a decision; the plan's time and first step,
        which read the client's numbers, pick the row.
        """
        assert profile.state is not None
        compiled = self._states.get(profile.state) or self._state(profile.state)
        codes = compiled.codes(profile)
        key = (profile.state, codes, situation(profile, compiled.code))
        found = self._young.get(key)
        if found is None:
            found = self._old.pop(key, None)
            if found is None:
                found = _Situation(decide(profile, compiled, codes, rank_rest=False))
            self._young[key] = found
        decision = found.decision
        tied = found.tied
        best = (
            decision.order[0]
            if tied is None
            else rank_top(tied, decision.sketches, decision.standings, profile)[0]
        )
        plan = decision.sketch(best)
        months, cost = plan.totals(profile)
        next_step = plan.first_title(profile)
        row_key = (best, months, next_step, plan.complete, cost)
        base = found.rows.get(row_key)
        if base is None:
            link = self._link(plan.drafts[0], compiled.rules) if plan.drafts else None
            rank = cost_key(plan, decision.standings[best], profile)
            base = self._shared_base(
                compiled, decision, best, months, next_step, plan.complete, cost, link, rank
            )
            found.rows[row_key] = base
        return base

    def _calls(self) -> _Calls:
        """The plan and skills functions, imported the first time."""
        called = self._called
        if called is None:
            called = self._called = _Calls()
        return called

    def _kept_decision(self, profile: Profile, compiled: CompiledState) -> Decision | None:
        """The decision kept for the profile's situation (``_base`` keeps one for every row it
        scores: a plan completes it rather than deciding again), or None."""
        key = (profile.state, compiled.codes(profile), situation(profile, compiled.code))
        found = self._young.get(key) or self._old.get(key)
        return found.decision if found is not None else None

    def _link(self, draft: _Draft, rules: StateRules) -> str | None:
        """``_step_link`` with the state's own sources indexed once."""
        own = self._own.get(rules.code)
        if own is None:
            own = self._own[rules.code] = {s.url: s.official for s in rules.sources}
        return _step_link(draft, own)

    def _shared_base(
        self,
        compiled: CompiledState,
        decision: Decision,
        best: int,
        months: tuple[float, float] | None,
        next_step: str,
        complete: bool,
        cost: tuple[float, float] | None = None,
        link: str | None = None,
        rank: tuple[object, ...] = (),
    ) -> _Base:
        """The results row of a decision on its best pathway for this client (memoised).

        Everything a row shows follows from the key: situations that differ only in pathways
        other than the best share a row, and rows that differ only in the plan's time and first
        step share their core. ``rank`` is the best route's ``cost_key`` (kept with the row,
        and part of its key with whether the route is open to the client).
        """
        core_key = (compiled.code, decision.verdict, best, decision.codes[best])
        open_route = open_to(decision, best)
        key = (*core_key, months, next_step, complete, cost, link, rank[:4], open_route)
        base = self._bases.get(key)
        if base is not None:
            return base
        self.assessed += 1
        core = self._cores.get(core_key)
        if core is None:
            if len(self._cores) >= self._cache_size:
                self._cores.clear()
            core = self._cores[core_key] = self._core(compiled, decision, best)
        scored = core.scored._replace(months=months, next_step=next_step, total_complete=complete)
        low, high = (_number(months[0]), _number(months[1])) if months else ("", "")
        text = f"{core.head},{low},{high},{csv_field(neutralise(next_step))},{core.tail}"
        money = (_number(cost[0]), _number(cost[1])) if cost else ("", "")
        extra = f"{core.names},{money[0]},{money[1]},{csv_field(neutralise(link or ''))}"
        base = _Base(
            scored, text, core.exam_id, "yes" if complete else "no", extra, rank[:4], open_route
        )
        if len(self._bases) >= self._cache_size:
            self._forget_rows()
        self._bases[key] = base
        return base

    def _run_engine(self, profile: Profile) -> Assessment:
        assert profile.state is not None
        compiled = self._states.get(profile.state) or self._state(profile.state)
        calls = self._calls()
        result = assess(
            profile,
            compiled.rules,
            self._estimates,
            self._catalog,
            today=self.today,
            compiled=compiled,
            situation_decision=self._kept_decision(profile, compiled),
        )
        if self._has_programs is None:
            self._has_programs = calls.has_programs(None)
        return calls.named_programs(
            result, profile, None, picks=self._picks, has_programs=self._has_programs
        )

    def _skills_section(self, profile: Profile, exam_id: str | None) -> bytes:
        """The plan's skills section as UTF-8 (remembered per tools, skills and exam). Its
        start quotes what the client wrote; the rest follows from the ids they have and the
        exam, and is remembered per ids and exam (clients who list the same items in other
        words share it; one not kept is made from kept parts, ``SkillsTails``). Kept as bytes:
        a tail takes half the memory of its text (which holds characters beyond Latin-1) and
        is encoded once, not once per plan."""
        key = (profile.tools, profile.skills, exam_id)
        section = self._sections.get(key)
        if section is not None:
            return section
        calls = self._calls()
        listed = calls.listing(profile, calls.load_taxonomy())
        tail_key = (listed.ids, exam_id)
        tail = self._tails.get(tail_key)
        if tail is None:
            if self._tail_parts is None:
                self._tail_parts = calls.skills_tails(calls.load_taxonomy(), self._catalog.sources)
            exam = self._exams.get(exam_id) if exam_id is not None else None
            tail = self._tail_parts.tail(listed.ids, exam).encode("utf-8")
            self._tails.put(tail_key, tail)
        section = calls.skills_head(listed).encode("utf-8") + tail
        self._sections.put(key, section)
        return section

    def _gaps(self, profile: Profile, exam_id: str | None) -> tuple[tuple[str, str], ...] | None:
        """The client's highlighted skills gaps (as the report lists them first); None when
        they listed no tools or skills. Only the summary needs them, not the whole section."""
        if not (profile.tools or profile.skills):
            return None
        calls = self._calls()
        taxonomy = calls.load_taxonomy()
        have = calls.have_ids(profile.tools, profile.skills, taxonomy)
        key = (have, exam_id)
        gaps = self._skills.get(key)
        if gaps is None:
            self.skills_computed += 1
            exam = self._exams.get(exam_id) if exam_id is not None else None
            top = calls.top_gaps(taxonomy, have, exam, taxonomy.ranking.show_top)
            gaps = tuple((item.id, item.name) for item in top)
            if len(self._skills) >= self._cache_size:
                self._skills.clear()
            self._skills[key] = gaps
        return gaps

    def _plan_bytes(self, profile: Profile) -> bytes:
        """The client's markdown plan in UTF-8, as ``assess --format markdown`` writes it: the
        engine's report (remembered per profile) rendered around the skills section
        (``_skills_section``), never dumped and read back."""
        calls = self._calls()
        key = self._profile_key(profile)
        result = self._assessments.get(key)
        if result is None:
            result = self._run_engine(profile)
            self._assessments.put(key, result)
        section = self._skills_section(profile, self._exam_id(result.state, result.best_pathway))
        career = calls.career_facts(result.state, None)
        before, after = calls.markdown_around(result.replace(**{"career": career}))
        return before.encode("utf-8") + section.rstrip() + after.encode("utf-8")

    def _profile_key(self, profile: Profile) -> tuple[object, ...]:
        return tuple(getattr(profile, name) for name in self._engine_fields)

    def _write_plan(self, profile: Profile, exam_id: str | None, name: str) -> None:
        """Write the client's markdown plan into the staging folder (same profile, same text)."""
        assert self.staging is not None
        key = (self._profile_key(profile), profile.tools, profile.skills, exam_id)
        data = self._plans.get(key)
        if data is None:
            data = self._plan_bytes(profile)
            self._plans.put(key, data)
        write_private(os.path.join(self.staging, name), data)

    def score_chunk(self, jobs: list[Job]) -> Done:
        """A list of rows scored: each scored row counted in ``tally`` and written as its
        results line, each rejected row handed back whole (the caller writes the errors).

        ``score`` row by row, with the look-ups bound once: this loop runs for every row.
        """
        assessed, computed = self.assessed, self.skills_computed
        parse = self.parser.parse
        base_of = self._base
        gaps_counted = self.gaps
        plans = self.staging is not None
        add_gaps = self._tally.add_gaps
        layout = self.layout
        parser = self.parser
        passed = self.passthrough
        tiers = self._tally.clients
        at = layout.columns.get("client_id")
        assume = self.assume
        lines: list[tuple[int, str]] = []
        rejected: list[RowRejected] = []
        self._keep_within_budget()
        for job in jobs:
            if isinstance(job, RowRejected):
                rejected.append(job)
                continue
            line, cells, plan_name, plan_cell = job
            parsed = parse(cells)
            if type(parsed) is list:
                problems = tuple((p.field, p.problem) for p in parsed)
                rejected.append(RowRejected(line, client_id_of(cells, layout), problems))
                continue
            assert isinstance(parsed, Profile)
            tail = ""
            if assume:
                before = base_of(parsed).scored
                parsed = apply_assumptions(parsed, assume)
                tail = _what_if_cells(before, base_of(parsed).scored)
            # A blank license answer is planned as none: the route an active one would make
            # quicker or cheaper, as the client's report names it. Worked out before the row's
            # own facts, which may not be dropped from the memo before they are counted.
            licensed = licensed_reading(parsed, parsed.state or "")
            other = base_of(licensed) if licensed is not None else None
            base = base_of(parsed)
            fork = (
                other.scored.best_pathway
                if other is not None
                and other.open
                and other.scored.best_pathway != base.scored.best_pathway
                and quicker(other.rank, base.rank)
                else ""
            )
            if plans and plan_name is not None:
                try:
                    self._write_plan(parsed, base.exam_id, plan_name)
                except OSError as exc:
                    # One client's plan that cannot be written is that row's error; a full or
                    # broken disk stops the run.
                    if not per_file_error(exc):
                        raise
                    with contextlib.suppress(OSError):
                        (self.staging / plan_name).unlink()  # type: ignore[operator]
                    problem = f"the plan file cannot be written ({exc.strerror or exc})"
                    client = client_id_of(cells, layout)
                    rejected.append(RowRejected(line, client, (("plan_file", problem),)))
                    continue
            base.count += 1
            if fork:
                self._tally.if_licensed += 1
            if gaps_counted:
                gaps = self._gaps(parsed, base.exam_id)
                if gaps is not None:
                    add_gaps(gaps)
            client = cells[at].strip() if at is not None and at < len(cells) else ""
            notes = parser.notes  # starts with a field name, so never a formula
            listed = tiers.get(base.tier)
            if listed is None:
                listed = tiers[base.tier] = []
            if len(listed) < SHOWN_PER_TIER:
                listed.append(
                    ClientLine(line, client, base.scored.state, base.months, base.scored.next_step)
                )
            more = "".join("," + csv_field(neutralise(cells[i])) for i in passed) if passed else ""
            lines.append(
                (
                    line,
                    f"{line},{csv_field(neutralise(client))},{base.text},"
                    f"{csv_field(plan_cell)},{base.complete},"
                    f"{csv_field(notes) if notes else ''},{base.extra},{fork}{tail}{more}\r\n",
                )
            )
        return Done(lines, rejected, self.assessed - assessed, self.skills_computed - computed)


def _what_if_cells(before: Scored, after: Scored) -> str:
    """The ``--assume`` cells of a results line: the verdict and the upper months without the
    assumptions, and whether the verdict flips with them."""
    months = f"{before.months[1]:g}" if before.months is not None else ""
    flips = "yes" if before.verdict != after.verdict else "no"
    return f",{before.verdict},{months},{flips}"


# --- worker processes for --jobs ----------------------------------------------------------------

_WORKER: Scorer | None = None


class ScorerArgs(NamedTuple):
    """What each worker's scorer is made with."""

    layout: Layout
    today: dt.date
    staging: Path | None
    skills: bool
    cache_size: int
    assume: tuple[Assumption, ...] = ()
    gaps: bool | None = None


def _init_worker(args: ScorerArgs) -> None:
    # The parent handles Ctrl-C and termination; a worker just stops when told.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    quiet_when_orphaned()
    gc.freeze()  # what the parent loaded before the fork: never walked again by this worker
    gc.set_threshold(10_000, 20, 10)  # as ``collector_tuned``: this process only scores rows
    global _WORKER
    _WORKER = Scorer(
        args.layout,
        args.today,
        args.staging,
        skills=args.skills,
        cache_size=args.cache_size,
        assume=args.assume,
        gaps=args.gaps,
    )


def _work(jobs: list[Job]) -> Done:
    assert _WORKER is not None
    return _WORKER.score_chunk(jobs)


def _tally() -> CohortTally:
    assert _WORKER is not None
    return _WORKER.tally


def _line(row: RowRejected) -> int:
    return row.line


def _pool(jobs: int, args: ScorerArgs) -> Pool:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    return context.Pool(jobs, initializer=_init_worker, initargs=(args,))


def _share_before_fork(skills: bool) -> None:
    """Import what scoring uses and load every state's rules before the workers fork.

    Pages the parent holds before a fork are shared with every worker; what each worker
    imports or loads for itself is its own copy. The skills taxonomy (and the rendering a plan
    needs) only when the run works out skills gaps.
    """
    import importlib

    from lmspath.store.load import available_states, load_estimates, load_exams, load_state

    for code in available_states():
        load_state(code)
    load_estimates()
    load_exams()
    importlib.import_module("lmspath.engine.assess")
    if skills:
        from lmspath.store.taxonomy import load_taxonomy

        load_taxonomy()
        importlib.import_module("lmspath.skills.report")
        importlib.import_module("lmspath.api.assess")


#: State spellings remembered by the router (bounded: a file of misspelt states cannot grow it).
ROUTES = 4096


class Shards:
    """Worker processes that each score the rows of their own states.

    A state's rows always go to the same worker, so each worker learns (and memoises) only its
    own states' rules instead of every worker learning all of them. A chunk of rows is split by
    worker and the outcomes are merged back into input order by line.
    """

    def __init__(self, jobs: int, args: ScorerArgs) -> None:
        _share_before_fork(args.skills)
        self.pools = [_pool(1, args) for _ in range(jobs)]
        self._state = args.layout.columns["state"]
        self._home: dict[str, int] = {}  # the state cell as written -> its worker
        self._by_code: dict[str, int] = {}  # the state's code -> its worker
        self._rows = [0] * jobs

    def _code(self, cells: list[str]) -> tuple[str, str]:
        from lmspath.model.states import resolve_state

        text = cells[self._state] if self._state < len(cells) else ""
        return text, resolve_state(text) or text

    def _plan(self, chunk: list[Job]) -> None:
        """Spread the states of the first chunk over the workers by how many rows each has
        (largest first, each to the worker with fewest rows so far), so the workers' shares
        of the file come out even rather than in the order states first appear."""
        counts: dict[str, int] = {}
        for job in chunk:
            if not isinstance(job, RowRejected):
                code = self._code(job[1])[1]
                counts[code] = counts.get(code, 0) + 1
        load = [0] * len(self.pools)
        for code in sorted(counts, key=lambda c: (-counts[c], c))[:ROUTES]:
            home = min(range(len(load)), key=load.__getitem__)
            self._by_code[code] = home
            load[home] += counts[code]

    def _worker(self, cells: list[str]) -> int:
        text = cells[self._state] if self._state < len(cells) else ""
        home = self._home.get(text)
        if home is None:
            # "Texas" and "TX" are one state; a new state goes to the least busy worker.
            code = self._code(cells)[1]
            home = self._by_code.get(code)
            if home is None:
                home = min(range(len(self._rows)), key=self._rows.__getitem__)
                if len(self._by_code) < ROUTES:
                    self._by_code[code] = home
            if len(self._home) < ROUTES:
                self._home[text] = home
        self._rows[home] += 1
        return home

    def submit(self, chunk: list[Job]) -> Callable[[], Done]:
        """Send a chunk to the workers; the returned call waits for it, merged in input order."""
        if not self._by_code:
            self._plan(chunk)
        parts: list[list[Job]] = [[] for _ in self.pools]
        ready: list[RowRejected] = []
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

        def collect() -> Done:
            done: list[Done] = [w.get() for w in waiting]
            return Done(
                list(heapq.merge(*(d.lines for d in done))),
                list(heapq.merge(ready, *(d.rejected for d in done), key=_line)),
                sum(d.assessed for d in done),
                sum(d.computed for d in done),
            )

        return collect

    def tallies(self) -> list[CohortTally]:
        """Each worker's counts of the rows it scored (call after the last chunk is back)."""
        return [pool.apply(_tally) for pool in self.pools]

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
