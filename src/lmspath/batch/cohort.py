"""Pure cohort summary: tally scored and rejected intake rows, render the counselor's markdown."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

from lmspath.batch.cohort_clients import ClientLine, merged, tier_sections
from lmspath.engine.words import repeated
from lmspath.model.states import JURISDICTIONS
from lmspath.render.text import md_cell, md_text

#: Readiness tiers, in the order the summary lists them, with their labels.
TIERS: tuple[tuple[str, str], ...] = (
    ("eligible", "Eligible now"),
    ("short_steps", "Only short steps left (exams, checks, the application)"),
    ("within_12", "12 months or less"),
    ("within_24", "12 to 24 months"),
    ("over_24", "More than 24 months"),
    ("time_unknown", "Time not confirmed (a major step has no estimate)"),
    ("cannot_tell", "Cannot tell"),
)

VERDICTS: tuple[tuple[str, str], ...] = (
    ("eligible", "Eligible"),
    ("not_yet", "Not yet"),
    ("cannot_tell", "Cannot tell"),
)

TOP = 10
K = TypeVar("K")
_BAR_WIDTH = 24
_EIGHTHS = " ▏▎▍▌▋▊▉"


class RuleRef(NamedTuple):
    """One requirement of one state's rules, as the cohort counts it.

    A tuple, so the cohort's counters hash and compare it at C speed (a batch counts several
    per client).
    """

    state: str
    id: str
    text: str
    kind: str

    @property
    def key(self) -> str:
        """``STATE:id``, unique across the cohort."""
        return f"{self.state}:{self.id}"


class Scored(NamedTuple):
    """What one assessment means for the outputs: the results row and the cohort's counts.

    A tuple, so worker processes hand it back cheaply (pickle treats tuples at C speed).
    """

    state: str
    verdict: str
    best_pathway: str
    remaining_steps: int
    months: tuple[float, float] | None
    next_step: str
    missing: tuple[RuleRef, ...]
    not_confirmed: tuple[RuleRef, ...]
    not_given: tuple[RuleRef, ...]
    disputed: tuple[RuleRef, ...]
    #: (taxonomy id, name) of each skills gap; None when the assessment has no skills section
    skill_gaps: tuple[tuple[str, str], ...] | None = None
    #: every step that takes months or years has a time estimate, so ``months`` is the whole
    total_complete: bool = True

    @property
    def tier(self) -> str:
        """Readiness tier by the verdict and the plan's upper time estimate."""
        if self.verdict == "eligible":
            return "eligible"
        if self.verdict == "cannot_tell":
            return "cannot_tell"
        if not self.total_complete:
            # An incomplete total is a lower bound: it never counts as a short plan.
            return "time_unknown"
        if self.months is None:
            return "short_steps"
        upper = self.months[1]
        if upper <= 12:
            return "within_12"
        if upper <= 24:
            return "within_24"
        return "over_24"


@dataclass(frozen=True)
class Duplicate:
    """A client_id seen again: the id, the line it was first seen on, and this line."""

    client_id: str
    first_line: int
    line: int


@dataclass
class CohortTally:
    """Running counts over a batch; memory is bounded by the rules, not by the number of rows."""

    scored: int = 0
    rejected: int = 0
    by_verdict: Counter[str] = field(default_factory=Counter)
    by_state: Counter[str] = field(default_factory=Counter)
    by_state_verdict: Counter[tuple[str, str]] = field(default_factory=Counter)
    by_tier: Counter[str] = field(default_factory=Counter)
    missing: Counter[RuleRef] = field(default_factory=Counter)
    missing_kind: Counter[str] = field(default_factory=Counter)
    unconfirmed: Counter[tuple[RuleRef, str]] = field(default_factory=Counter)
    skill_gaps: Counter[tuple[str, str]] = field(default_factory=Counter)
    skills_seen: int = 0
    problem_fields: Counter[str] = field(default_factory=Counter)
    #: scored clients who left the teaching license blank where an active one would give a
    #: quicker or cheaper route (their results' ``route_if_licensed``)
    if_licensed: int = 0
    #: the first clients of each readiness tier, in input order (bounded per tier)
    clients: dict[str, list[ClientLine]] = field(default_factory=dict)

    def add(self, row: Scored, times: int = 1) -> None:
        """Count ``times`` scored clients in the same situation (one, by default)."""
        self.scored += times
        self.by_verdict[row.verdict] += times
        self.by_state[row.state] += times
        self.by_state_verdict[(row.state, row.verdict)] += times
        self.by_tier[row.tier] += times
        for ref in row.missing:
            self.missing[ref] += times
        for kind in {ref.kind for ref in row.missing}:
            self.missing_kind[kind] += times
        for ref in row.not_confirmed:
            self.unconfirmed[(ref, "amount or cut score not confirmed")] += times
        for ref in row.disputed:
            self.unconfirmed[(ref, "sources disagree, and it changes the answer")] += times
        if row.skill_gaps is not None:
            self.add_gaps(row.skill_gaps, times)

    def add_gaps(self, gaps: tuple[tuple[str, str], ...], times: int = 1) -> None:
        """Count the skills gaps of ``times`` clients (``add`` does, for rows that carry them)."""
        self.skills_seen += times
        for gap in gaps:
            self.skill_gaps[gap] += times

    def merge(self, other: CohortTally) -> None:
        """Add another tally's counts (a worker process's) to this one."""
        self.scored += other.scored
        self.rejected += other.rejected
        self.skills_seen += other.skills_seen
        self.by_verdict.update(other.by_verdict)
        self.by_state.update(other.by_state)
        self.by_state_verdict.update(other.by_state_verdict)
        self.by_tier.update(other.by_tier)
        self.missing.update(other.missing)
        self.missing_kind.update(other.missing_kind)
        self.unconfirmed.update(other.unconfirmed)
        self.skill_gaps.update(other.skill_gaps)
        self.problem_fields.update(other.problem_fields)
        self.if_licensed += other.if_licensed
        for tier, listed in other.clients.items():
            self.clients[tier] = merged(self.clients.get(tier, []), listed)

    def add_rejected(self, fields: list[str]) -> None:
        """Count one rejected row and the fields that were wrong in it."""
        self.rejected += 1
        # dict.fromkeys, not set: each field once, in the row's order, whatever the hash seed.
        for name in dict.fromkeys(fields):
            self.problem_fields[name] += 1

    @property
    def rows(self) -> int:
        """Rows read: always scored + rejected."""
        return self.scored + self.rejected


@dataclass(frozen=True)
class CohortMeta:
    """Facts about the run that the summary names."""

    intake: str
    encoding: str
    delimiter: str
    rules_date: str
    today: str
    version: str
    warnings: tuple[str, ...] = ()
    duplicates: int = 0
    duplicate_examples: tuple[Duplicate, ...] = ()
    #: whether the assessments carried a skills section
    skills: bool = True
    #: the career-facts section for the cohort's states (markdown lines), when the data has it
    career: tuple[str, ...] = ()


def bar(share: float, width: int = _BAR_WIDTH) -> str:
    """A unicode bar for a share from 0 to 1, in eighths of a character."""
    share = min(max(share, 0.0), 1.0)
    eighths = round(share * width * 8)
    full, part = divmod(eighths, 8)
    text = "█" * full + (_EIGHTHS[part] if part else "")
    return text.ljust(width)


def _pct(count: int, total: int) -> str:
    if total == 0:
        return "0%"
    value = 100 * count / total
    if 0 < value < 0.1:
        return "<0.1%"
    return f"{value:.1f}%"


def _share_rows(items: list[tuple[str, int]], total: int) -> list[str]:
    rows = []
    for label, count in items:
        share = count / total if total else 0.0
        rows.append(f"| {label} | {count:,} | {_pct(count, total)} | `{bar(share)}` |")
    return rows


_KIND_LABEL = {
    "degree": "degree",
    "program": "preparation program",
    "credit_hours": "library coursework (credit hours)",
    "teaching_license": "teaching license",
    "teaching_years": "classroom teaching years",
    "school_library_years": "school library years",
    "exam": "exam",
    "practicum": "practicum",
    "portfolio": "portfolio",
    "background_check": "background check",
    "national_board": "National Board certification",
    "any_of": "one of several options",
    "other": "other",
}


def _ranked(counts: Counter[K], tie: Callable[[K], Any]) -> list[tuple[K, int]]:
    """Most common first; equal counts in a fixed order (``most_common`` keeps insertion order,
    which differs between --jobs 1 and --jobs N)."""
    return sorted(counts.items(), key=lambda item: (-item[1], tie(item[0])))


def license_note(tally: CohortTally) -> str | None:
    """What the readiness section says of clients whose blank license answer decides their
    route (None when there are none)."""
    if not tally.if_licensed:
        return None
    who = "client left" if tally.if_licensed == 1 else "clients left"
    return (
        f"{tally.if_licensed:,} {who} the teaching license blank where an active license would "
        "give a quicker or cheaper route: the results' route_if_licensed names it for each, so "
        "ask them before they plan."
    )


def render_cohort(tally: CohortTally, meta: CohortMeta) -> str:
    """The cohort summary as markdown."""
    total = tally.rows
    scored = tally.scored
    lines = [
        f"# Cohort summary: {md_text(meta.intake)}",
        "",
        f"- Rows read: **{total:,}**; scored: **{scored:,}**; rejected: **{tally.rejected:,}**"
        + (" (see the errors file)" if tally.rejected else ""),
        f"- Read as {meta.encoding}, {meta.delimiter}-separated"
        if meta.delimiter != "workbook cells"
        else "- Read from a workbook sheet",
        f"- Rules data checked up to {meta.rules_date}; summary made {meta.today} "
        f"with lmspath {meta.version}",
        "",
    ]
    notes = [md_text(w) for w in meta.warnings]
    if meta.duplicates:
        shown = ", ".join(
            f"{md_text(repr(d.client_id))} (lines {d.first_line} and {d.line})"
            for d in meta.duplicate_examples
        )
        notes.append(
            f"{repeated(meta.duplicates)} a client_id seen earlier: {shown}; each row was scored"
        )
    if notes:
        lines += ["> **Check the input**", ">", *[f"> - {n}" for n in notes], ""]

    lines += ["## Verdicts", ""]
    if scored:
        lines += ["| Verdict | Clients | Share | |", "|---|---:|---:|---|"]
        lines += _share_rows([(label, tally.by_verdict[key]) for key, label in VERDICTS], scored)
    else:
        lines.append("No row was scored.")
    lines.append("")

    lines += [
        "## Readiness",
        "",
        "Time is the upper estimate along the plan's critical path; a step with no sourced "
        "estimate adds time that cannot be counted, and 'cannot tell' also holds clients whose "
        "profile leaves a deciding answer blank. A bachelor's degree left blank is listed but "
        "not counted (\"Earn a bachelor's degree if you have none\"). In the lists below, '12+' "
        "means at least 12 months.",
        "",
    ]
    if scored:
        lines += ["| Tier | Clients | Share | |", "|---|---:|---:|---|"]
        lines += _share_rows([(label, tally.by_tier[key]) for key, label in TIERS], scored)
    else:
        lines.append("No row was scored.")
    lines.append("")
    note = license_note(tally)
    if note is not None:
        lines += [note, ""]
    lines += tier_sections(tally.clients, tally.by_tier, TIERS)

    lines += ["## By state", ""]
    if scored:
        largest = max(tally.by_state.values())
        lines += [
            "Bars are scaled to the state with the most clients.",
            "",
            "| State | Clients | Share | | Eligible | Not yet | Cannot tell |",
            "|---|---:|---:|---|---:|---:|---:|",
        ]
        for code, count in sorted(tally.by_state.items(), key=lambda kv: (-kv[1], kv[0])):
            name = JURISDICTIONS.get(code, code)
            counts = [tally.by_state_verdict[(code, key)] for key, _ in VERDICTS]
            lines.append(
                f"| {name} ({code}) | {count:,} | {_pct(count, scored)} "
                f"| `{bar(count / largest)}` | " + " | ".join(f"{c:,}" for c in counts) + " |"
            )
    else:
        lines.append("No row was scored.")
    lines.append("")

    lines += [f"## The {TOP} most common missing requirements", ""]
    if tally.missing:
        top = _ranked(tally.missing, lambda ref: (ref.state, ref.id))[:TOP]
        widest = top[0][1]
        lines += ["| Requirement | State | Clients | |", "|---|---|---:|---|"]
        for ref, count in top:
            lines.append(
                f"| {md_cell(ref.text)} (`{ref.id}`) | {ref.state} | {count:,} | "
                f"`{bar(count / widest)}` |"
            )
        lines += ["", "By kind of requirement (clients missing at least one of that kind):", ""]
        lines += ["| Kind | Clients | Share of scored |", "|---|---:|---:|"]
        for kind, count in _ranked(tally.missing_kind, str):
            lines.append(f"| {_KIND_LABEL.get(kind, kind)} | {count:,} | {_pct(count, scored)} |")
    else:
        lines.append("No scored client is missing a requirement on their best pathway.")
    lines.append("")

    lines += [f"## The {TOP} most common skills gaps", ""]
    if not meta.skills:
        lines.append("Not available: the assessments carry no skills section.")
    elif tally.skills_seen == 0:
        lines.append("Not available: no scored client listed tools or skills.")
    elif not tally.skill_gaps:
        lines.append("No skills gaps among the scored clients.")
    else:
        top_gaps = _ranked(tally.skill_gaps, lambda gap: gap)[:TOP]
        widest = top_gaps[0][1]
        lines += [
            f"Among the {tally.skills_seen:,} clients who listed tools or skills, counting the "
            "gaps each client's report puts first.",
            "",
            "| Skill | Clients | |",
            "|---|---:|---|",
        ]
        for (gap_id, name), count in top_gaps:
            lines.append(f"| {md_cell(name)} (`{gap_id}`) | {count:,} | `{bar(count / widest)}` |")
    lines.append("")

    lines += [
        "## Unconfirmed rules the cohort depends on",
        "",
        "Requirements on clients' best pathways that the rules data cannot confirm, or where "
        "sources disagree in a way that changes the client's answer. Verify these with the state "
        "agency before advising the clients who depend on them.",
        "",
    ]
    if tally.unconfirmed:
        lines += ["| Requirement | State | Why | Clients |", "|---|---|---|---:|"]
        ranked = sorted(tally.unconfirmed.items(), key=lambda kv: (-kv[1], kv[0][0].key, kv[0][1]))
        for (ref, why), count in ranked:
            lines.append(f"| {md_cell(ref.text)} (`{ref.id}`) | {ref.state} | {why} | {count:,} |")
    else:
        lines.append("None: every rule the scored clients depend on is confirmed by the data.")
    lines.append("")

    lines += list(meta.career)

    if tally.problem_fields:
        lines += ["## Rejected rows by field", "", "| Field | Rows |", "|---|---:|"]
        for name, count in _ranked(tally.problem_fields, str):
            lines.append(f"| {md_cell(name)} | {count:,} |")
        lines.append("")

    lines += [
        "## Verify before you act",
        "",
        f"The rules data was last checked on {meta.rules_date}. Rules, cut scores and fees change: "
        "verify each client's steps with the state agency before they enrol or pay.",
        "",
    ]
    return "\n".join(lines)
