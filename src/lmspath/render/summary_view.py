"""The one-screen summary of an assessment: verdict, route, plan, next action, top skill gaps."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from lmspath.model.results import Assessment, PlanStep
from lmspath.render.text import VERDICT_WORD, money, months, plan_time, steps_words

_VERDICT_STYLE = {"eligible": "green", "not_yet": "yellow", "cannot_tell": "magenta"}

#: How many skill gaps the summary names (the full report ranks more).
TOP_GAPS = 3


def _indent(text: Text, by: int = 2) -> Padding:
    """Text wrapped with a hanging indent, so a long line stays under its label."""
    return Padding(text, (0, 0, 0, by))


class Link:
    """An address on its own indented line, never wrapped or cut (print with ``crop=False``).

    Terminals that support hyperlinks make it clickable; everywhere it can be copied whole.
    """

    def __init__(self, url: str) -> None:
        self.url = url

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Segment("  ")
        # A Style object, not a style string: an address may hold characters a string would parse.
        yield Segment(self.url, Style(color="cyan", link=self.url))
        yield Segment.line()


def _link(url: str) -> Link:
    return Link(url)


def _numbered(rows: list[tuple[str, Text]]) -> Padding:
    """A numbered list whose long items wrap under their text, not under the number."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column()
    for number, text in rows:
        grid.add_row(number, text)
    return Padding(grid, (0, 0, 0, 1))


def _step_facts(step: PlanStep, previous: list[int]) -> str:
    """'after step 1; time not confirmed; $116' for one plan step."""
    facts = []
    if step.during is not None:
        facts.append(f"during step {step.during}")
    elif step.after and len(previous) > 2 and sorted(step.after) == previous:
        facts.append("after all the steps above")
    elif step.after:
        facts.append(f"after {steps_words(step.after)}")
    if step.months is None and step.cost_usd is None:
        facts.append("time and cost not confirmed")
    else:
        facts.append("time not confirmed" if step.months is None else months(step.months))
        facts.append("cost not confirmed" if step.cost_usd is None else money(step.cost_usd))
    return "; ".join(facts)


def _next(result: Assessment) -> list[RenderableType]:
    """What to do first and where: the step's own link, a program that fits, or the agency."""
    steps = result.plan.steps
    if not steps:
        return []
    now = [s.order for s in steps if not s.after and s.during is None] or [steps[0].order]
    first = next(s for s in steps if s.order == now[0])
    label = "step" if len(now) == 1 else "steps"
    head = Text("\nStart now: ", style="bold")
    head.append(f"{label} {', '.join(str(n) for n in now)}")
    if first.link:
        head.append(f"; step {first.order} is done here:")
        return [head, _link(first.link)]
    if first.programs:
        pick = first.programs[0]
        head.append(f". A program on record for step {first.order}: ")
        head.append(f"{pick.institution}, {pick.name}")
        return [head, _link(pick.url)]
    head.append(f". Ask {result.agency.name}:")
    return [head, _link(result.agency.url)]


def _gaps(result: Assessment) -> list[str]:
    """The names of the top skill gaps, most important first."""
    gaps = (result.skills or {}).get("gaps")
    if not isinstance(gaps, list):
        return []
    names = []
    for gap in gaps[:TOP_GAPS]:
        if isinstance(gap, dict):
            names.append(f"{gap.get('name')} ({gap.get('importance')})")
    return names


def render_summary(result: Assessment, more: str) -> list[RenderableType]:
    """The summary as renderables; ``more`` says how to see the rest (``--full``, the file)."""
    best = next(p for p in result.pathways if p.id == result.best_pathway)
    head = Text()
    head.append(f"{result.state_name} ({result.state}): ", style="bold")
    head.append(VERDICT_WORD[result.verdict], style=f"bold {_VERDICT_STYLE[result.verdict]}")
    reason = result.verdict_reason
    head.append(f". {reason[:1].upper()}{reason[1:]}.")
    parts: list[RenderableType] = [head, _indent(Text(f"Credential: {result.credential}"))]
    route = Text("\nBest route: ", style="bold")
    route.append(best.name)
    parts.append(route)
    parts.append(_indent(Text(f"Why: {result.best_reason}.")))

    plan = result.plan
    title = Text("\nYour plan: ", style="bold")
    title.append(f"{plan_time(plan)}; {money(plan.cost_usd)}")
    parts.append(title)
    if not plan.steps:
        parts.append(_indent(Text("No step is left that lmspath can check.")))
    rows = []
    for number, step in enumerate(plan.steps):
        line = Text(step.title)
        previous = [s.order for s in plan.steps[:number]]
        line.append(f"\n{_step_facts(step, previous)}", style="dim")
        rows.append((f"{step.order}.", line))
    if rows:
        parts.append(_numbered(rows))
    parts.extend(_next(result))

    gaps = _gaps(result)
    if gaps:
        parts.append(Text("\nTop skill gaps to work on:", style="bold"))
        parts.append(_numbered([(f"{n}.", Text(g)) for n, g in enumerate(gaps, start=1)]))

    rest = more
    if result.warnings:
        count = len(result.warnings)
        noun = "warning" if count == 1 else "warnings"
        rest = f"{count} {noun} about sources or dates. {more}"
    parts.append(Text(f"\n{rest}", style="bold"))
    parts.append(
        Text(
            f"Rules checked {result.data_checked} (confidence {result.confidence}). "
            f"Verify every step with {result.agency.name} before you enrol or pay:"
        )
    )
    parts.append(_link(result.agency.url))
    return parts
