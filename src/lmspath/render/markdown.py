"""The markdown report: summary, plan checklist, gap table, sources, the data date."""

from __future__ import annotations

from collections.abc import Callable

from lmspath.engine.exam_facts import facts_lines
from lmspath.model.results import Assessment, PathwayResult, RequirementResult, SourceRef
from lmspath.render.career_view import report_lines
from lmspath.render.text import (
    STATUS_MARK,
    STATUS_WORD,
    VERDICT_WORD,
    audience_words,
    md_cell,
    money,
    months,
    plan_time,
    program_words,
    source_date,
    source_lines,
    steps_words,
)

#: Renders the skills section; set by the caller when a skills report is attached.
SkillsRenderer = Callable[[dict[str, object]], str]


#: '[^1]' ... '[^99]': a report cites a few dozen sources at most
_MARKS = tuple(f"[^{number}]" for number in range(100))


def _write_note(ref: SourceRef) -> str:
    kind = "official" if ref.official else "secondary"
    return f"{ref.title}, <{ref.url}> ({kind}; {source_date(ref)})"


#: 'Title, <url> (official; as of ..., read ...)': a footnote's text after its mark
_note_text = source_lines(_write_note, "url")


class _Footnotes:
    """Numbers each distinct source once, in order of first citation."""

    def __init__(self) -> None:
        self.refs: dict[str, tuple[str, SourceRef]] = {}

    def cite(self, refs: list[SourceRef]) -> str:
        known = self.refs
        marks = []
        for ref in refs:
            found = known.get(ref.url)
            if found is None:
                number = len(known) + 1
                mark = _MARKS[number] if number < len(_MARKS) else f"[^{number}]"
                found = known[ref.url] = (mark, ref)
            marks.append(found[0])
        return "".join(marks)

    def lines(self) -> list[str]:
        return [f"{mark}: {_note_text(ref)}" for mark, ref in self.refs.values()]


def _requirement_rows(
    reqs: list[RequirementResult], notes: _Footnotes, indent: str = ""
) -> list[str]:
    rows = []
    for req in reqs:
        status = f"{STATUS_MARK[req.status]} {STATUS_WORD[req.status]}"
        if req.manual and req.status != "met":
            status = "[?] confirm yourself"
        text = indent + req.text
        if req.conflict is not None:
            text += " **(sources disagree)**"
        rows.append(
            f"| {md_cell(text)} | {status} | {md_cell(req.have)} | {md_cell(req.need)} "
            f"| {req.confidence} | {notes.cite(req.sources)} |"
        )
        rows.extend(_requirement_rows(req.options, notes, indent + "or: "))
    return rows


def _conflicts(reqs: list[RequirementResult], notes: _Footnotes) -> list[str]:
    out: list[str] = []
    for req in reqs:
        if req.conflict is None:
            continue
        out.append(f"- **{req.text}**: {req.conflict.summary}")
        for reading in req.conflict.readings:
            out.append(
                f"  - {reading.says}: {STATUS_WORD[reading.status]} for you "
                f"{notes.cite(reading.sources)}"
            )
        out.append(f"  - {req.conflict.outcome}")
    return out


def _pathway(path: PathwayResult, best: bool, notes: _Footnotes) -> list[str]:
    met = sum(1 for r in path.requirements if r.status == "met")
    tag = " (best for you)" if best else ""
    audience = "" if path.audience == "general" else f" ({audience_words(path.audience)})"
    lines = [
        f"### {path.name}{tag}{audience}",
        "",
        f"{path.summary.strip()}",
        "",
        f"{met} of {len(path.requirements)} requirements met; {path.remaining_steps} remaining.",
        "",
        "| Requirement | Status | You have | Rule asks | Confidence | Sources |",
        "|---|---|---|---|---|---|",
        *_requirement_rows(path.requirements, notes),
        "",
    ]
    # Each dispute is told once: in full under the best pathway, marked in the other tables.
    conflicts = _conflicts(path.requirements, notes) if best else []
    if conflicts:
        lines += ["Where sources disagree:", "", *conflicts, ""]
    return lines


def render_markdown(
    result: Assessment, skills: SkillsRenderer | None = None, *, skills_text: str | None = None
) -> str:
    """The whole report as GitHub-flavoured markdown; the skills section from ``skills`` and
    the report's skills data, or ``skills_text`` when the caller rendered it already."""
    before, after = _report_lines(result)
    if skills_text is not None:
        before += [skills_text.rstrip(), ""]
    elif skills is not None and result.skills:
        before += [skills(result.skills).rstrip(), ""]
    return "\n".join(before + after)


def markdown_around(result: Assessment) -> tuple[str, str]:
    """The report's text before its skills section and after it: ``before + section.rstrip()
    + after`` is ``render_markdown(result, skills_text=section)``, so a caller holding the
    section as UTF-8 bytes encodes only the rest (--plans keeps skills sections as bytes)."""
    before, after = _report_lines(result)
    return "\n".join(before) + "\n", "\n\n" + "\n".join(after)


def _report_lines(result: Assessment) -> tuple[list[str], list[str]]:
    """The report's lines before the skills section and after it."""
    notes = _Footnotes()
    best = next(p for p in result.pathways if p.id == result.best_pathway)
    plan = result.plan
    lines = [
        f"# School librarian certification plan: {result.state_name} ({result.state})",
        "",
        f"**{VERDICT_WORD[result.verdict]}**: {result.verdict_reason}.",
        "",
        f"- Credential: {result.credential}",
        f"- Issued by: [{result.agency.name}]({result.agency.url})",
        f"- Best pathway: **{best.name}**: {result.best_reason}",
        f"- Time along the critical path: {plan_time(plan)}",
        f"- Cost of the remaining steps: {money(plan.cost_usd)}",
        f"- Rules data checked: {result.data_checked}; confidence {result.confidence}",
        *[f"- {line}" for line in report_lines(result)],
        "",
    ]
    if result.what_if is not None:
        from lmspath.engine.whatif import summary_lines

        lines += ["## What if", ""] + [f"- {line}" for line in summary_lines(result.what_if)]
        lines.append("")
    if result.moving is not None:
        from lmspath.render.moving_view import moving_markdown

        lines += moving_markdown(result.moving)
    if result.warnings:
        lines += ["> **Warnings**", ">"]
        lines += [f"> - {w}" for w in result.warnings]
        lines.append("")
    lines += ["## Your plan", ""]
    for step in plan.steps:
        waits = f" (after {steps_words(step.after)})" if step.after else ""
        if step.during is not None:
            waits = f" (inside step {step.during})"
        lines.append(
            f"{step.order}. [ ] **{step.title}**{waits} {notes.cite(step.sources)}".rstrip()
        )
        lines.append(f"   - Time: {months(step.months)}; cost: {money(step.cost_usd)}")
        if step.note:
            lines.append(f"   - Note: {step.note}")
        if step.estimate_note:
            lines.append(f"   - Estimate: {step.estimate_note}")
        if step.exam is not None:
            facts = facts_lines(step.exam, register=False, title=step.title)
            lines += [f"   - Exam: {md_cell(x)}" for x in facts]
        if step.link:
            lines.append(f"   - Link: <{step.link}>")
        if step.programs:
            lines.append("   - Programs on record that fit this step:")
            lines += [f"     - {md_cell(program_words(p))}" for p in step.programs]
    lines += ["", f"Totals: {plan.total_note}.", "", "## Requirements by pathway", ""]
    lines += _pathway(best, True, notes)
    for path in result.pathways:
        if path.id != best.id:
            lines += _pathway(path, False, notes)
    after = [
        "## Verify before you act",
        "",
        f"These rules were last checked on {result.data_checked}. Rules, cut scores and fees "
        f"change: verify every step with [{result.agency.name}]({result.agency.url}) "
        "before you enrol or pay.",
        "Statuses: [x] met, [ ] missing, [?] not given in your profile, "
        "[!] not confirmed by the data.",
        "",
        "## Sources",
        "",
        *notes.lines(),
        "",
    ]
    return lines, after
