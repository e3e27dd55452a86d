"""The terminal report as rich renderables: verdict panel, plan table, a checklist per pathway."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from lmspath.engine.checks import sources_disagree
from lmspath.engine.exam_facts import facts_lines
from lmspath.model.results import Assessment, PathwayResult, RequirementResult
from lmspath.render.career_view import report_lines
from lmspath.render.summary_view import Link
from lmspath.render.text import (
    STATUS_MARK,
    STATUS_WORD,
    VERDICT_WORD,
    audience_words,
    money,
    months,
    plan_time,
    program_words,
    source_date,
)

SkillsRenderable = Callable[[dict[str, object]], RenderableType]

_STYLE = {"met": "green", "missing": "red", "not_given": "yellow", "not_confirmed": "magenta"}
_VERDICT_STYLE = {"eligible": "green", "not_yet": "yellow", "cannot_tell": "magenta"}


def _bar(done: int, total: int, width: int = 20) -> str:
    filled = round(width * done / total) if total else 0
    return "█" * filled + "░" * (width - filled)


def _verdict(result: Assessment) -> Panel:
    best = next(p for p in result.pathways if p.id == result.best_pathway)
    body = Text()
    body.append(f"{VERDICT_WORD[result.verdict]}", style=f"bold {_VERDICT_STYLE[result.verdict]}")
    body.append(f": {result.verdict_reason}.\n")
    body.append("Credential: ", style="bold")
    body.append(f"{result.credential}\n")
    body.append("Best pathway: ", style="bold")
    body.append(f"{best.name} ({result.best_reason})\n")
    body.append("Time: ", style="bold")
    body.append(plan_time(result.plan))
    body.append("   Cost: ", style="bold")
    body.append(money(result.plan.cost_usd) + "\n")
    body.append("Rules checked: ", style="bold")
    body.append(f"{result.data_checked} (confidence {result.confidence})")
    for line in report_lines(result):
        body.append(f"\n{line}", style="dim")
    return Panel(body, title=f"{result.state_name} ({result.state})", title_align="left")


def _plan(result: Assessment) -> Table:
    table = Table(title="Your plan", title_justify="left", expand=True, show_lines=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Step", ratio=3)
    table.add_column("After", no_wrap=True)
    table.add_column("Time", ratio=1, min_width=11)
    table.add_column("Cost", no_wrap=True)
    for step in result.plan.steps:
        after = ", ".join(str(a) for a in step.after) or "-"
        if step.during is not None:
            after = f"in {step.during}"
        title = Text(step.title)
        if step.note:
            title.append(f"\nNote: {step.note}", style="dim")
        if step.exam is not None:
            for line in facts_lines(step.exam, register=False, title=step.title):
                title.append(f"\nExam: {line}", style="dim")
        if step.link:
            title.append(f"\nWhere: {_host(step.link)}, address below", style="dim")
        table.add_row(str(step.order), title, after, months(step.months), money(step.cost_usd))
    return table


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or url


def _links(result: Assessment) -> list[RenderableType]:
    """Each step's address below the plan table, whole (a table cell would cut or wrap it)."""
    out: list[RenderableType] = []
    for step in result.plan.steps:
        if step.link:
            out.append(Text(f"Where to do step {step.order}:"))
            out.append(Link(step.link))
    return out


def _req_lines(reqs: list[RequirementResult], indent: str = "", warned: bool = False) -> list[Text]:
    """A line per requirement (and per option of an any-of); ``warned``: the report's
    warnings above already tell these requirements' disputes (the best pathway's own
    requirements), so a line points there instead of telling it again."""
    lines = []
    for req in reqs:
        line = Text(indent)
        ask = req.manual and req.status != "met"
        mark = "[?]" if ask else STATUS_MARK[req.status]
        word = "confirm yourself" if ask else STATUS_WORD[req.status]
        line.append(f"{mark} ", style=_STYLE[req.status])
        line.append(req.text)
        line.append(f"  ({word}; you: {req.have}; confidence {req.confidence})", style="dim")
        lines.append(line)
        if req.conflict is not None and sources_disagree([r.status for r in req.conflict.readings]):
            told = "see the warning above" if warned else req.conflict.outcome
            lines.append(Text(f"{indent}    sources disagree: {told}", style="bold"))
        lines.extend(_req_lines(req.options, indent + "    or "))
    return lines


def _pathway(path: PathwayResult, best: bool) -> RenderableType:
    met = sum(1 for r in path.requirements if r.status == "met")
    total = len(path.requirements)
    head = Text()
    head.append(path.name, style="bold")
    if best:
        head.append("  (best for you)", style="bold green")
    if path.audience != "general":
        head.append(f"  ({audience_words(path.audience)})")
    head.append(f"\n{_bar(met, total)} {met}/{total} met, {path.remaining_steps} remaining")
    return Group(head, *_req_lines(path.requirements, warned=best), Text(""))


def _programs(result: Assessment) -> list[RenderableType]:
    """The programs on record for each study step, below the table so addresses stay whole."""
    out: list[RenderableType] = []
    for step in result.plan.steps:
        if not step.programs:
            continue
        out.append(Text(f"\nPrograms on record for step {step.order}:", style="bold"))
        for pick in step.programs:
            words, _, url = program_words(pick).rpartition(": ")
            out.append(Text(f"- {words}:"))
            # An address is never wrapped: the terminal keeps it whole, to click or copy.
            out.append(Link(url))
    return out


def _sources(result: Assessment) -> RenderableType:
    """Numbered sources, each address on its own line, whole (a box would wrap it)."""
    seen: dict[str, str] = {}
    for step in result.plan.steps:
        for ref in step.sources:
            seen.setdefault(ref.url, f"{ref.title} ({source_date(ref)})")
    best = next(p for p in result.pathways if p.id == result.best_pathway)
    for req in best.requirements:
        for ref in req.sources:
            seen.setdefault(ref.url, f"{ref.title} ({source_date(ref)})")
    lines: list[RenderableType] = [
        Text("\nSources for the best pathway and plan", style="bold underline")
    ]
    for number, (url, label) in enumerate(seen.items(), start=1):
        lines.append(Text(f"{number}. {label}"))
        lines.append(Link(url))
    return Group(*lines)


def render_terminal(
    result: Assessment, skills: SkillsRenderable | None = None
) -> list[RenderableType]:
    """The report as a list of renderables to print in order."""
    parts: list[RenderableType] = [_verdict(result)]
    if result.what_if is not None:
        from lmspath.engine.whatif import summary_lines

        lines = summary_lines(result.what_if)
        parts.append(Text("What if: " + "\n  ".join(lines), style="cyan"))
    if result.moving is not None:
        from lmspath.render.moving_view import moving_terminal

        parts.append(moving_terminal(result.moving))
    for warning in result.warnings:
        parts.append(Text(f"Warning: {warning}", style="yellow"))
    parts.append(_plan(result))
    parts.append(Text(f"Totals: {result.plan.total_note}.", style="dim"))
    parts.extend(_links(result))
    parts.extend(_programs(result))
    parts.append(Text("\nRequirements by pathway", style="bold underline"))
    parts.append(
        Text(
            "[x] met  [ ] missing  [?] not given / confirm yourself  [!] not confirmed", style="dim"
        )
    )
    best = next(p for p in result.pathways if p.id == result.best_pathway)
    parts.append(_pathway(best, True))
    parts.extend(_pathway(p, False) for p in result.pathways if p.id != best.id)
    if skills is not None and result.skills:
        parts.append(skills(result.skills))
    parts.append(_sources(result))
    parts.append(Text(f"Verify every step with {result.agency.name} before you enrol or pay:"))
    parts.append(Link(result.agency.url))
    return parts
