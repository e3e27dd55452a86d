"""The career report (`lmspath career`) as markdown, terminal renderables or JSON, and the two
career lines of the assess report."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from lmspath.model.career import CareerFact, CareerReport, CareerStep
from lmspath.model.results import Assessment
from lmspath.render.text import md_cell, source_date

if TYPE_CHECKING:  # rich only for the terminal: the markdown report shares this module
    from rich.console import RenderableType
    from rich.table import Table

_NOT_KNOWN = "not known: no source on record"


def _numbers(report: CareerReport) -> dict[str, int]:
    return {ref.id: index for index, ref in enumerate(report.sources, start=1)}


def _cite(numbers: dict[str, int], ids: list[str]) -> str:
    return "".join(f"[{numbers[i]}]" for i in ids if i in numbers)


def _title(report: CareerReport) -> str:
    where = f"{report.state_name} ({report.state})" if report.state else "national"
    return f"Career facts: {where}"


def _intro(report: CareerReport) -> str:
    return f"{report.occupation} (BLS occupation {report.soc}). {report.caveat}"


def _fact_row(fact: CareerFact, numbers: dict[str, int]) -> list[str]:
    return [
        fact.label,
        fact.shown,
        fact.period or "-",
        _cite(numbers, [fact.source] if fact.source else []) or "-",
        fact.confidence or "-",
        fact.note or "",
    ]


def _md_tables(facts: list[CareerFact], numbers: dict[str, int]) -> list[str]:
    out: list[str] = []
    groups = list(dict.fromkeys(f.group for f in facts))
    for group in groups:
        out += [
            f"**{group}**",
            "",
            "| Fact | Value | Period | Source | Confidence | Note |",
            "|---|---|---|---|---|---|",
        ]
        rows = [_fact_row(f, numbers) for f in facts if f.group == group]
        out += ["| " + " | ".join(md_cell(c) for c in row) + " |" for row in rows]
        out.append("")
    return out


def _step_lines(step: CareerStep, numbers: dict[str, int]) -> list[str]:
    evidence = f"{step.evidence} sources" if step.evidence else "no source"
    conf = f"; confidence {step.confidence}" if step.confidence else ""
    lines = [f"**{step.title}** ({step.scope}; {evidence}{conf}) {_cite(numbers, step.sources)}"]
    lines.append(f"Asks: {step.asks or _NOT_KNOWN}.".replace("..", "."))
    lines.append(f"Pay: {step.pay or _NOT_KNOWN}.".replace("..", "."))
    if step.note:
        lines.append(f"Note: {step.note}")
    return lines


def career_markdown(report: CareerReport, on_record: list[str] | None = None) -> str:
    """The career report as GitHub-flavoured markdown."""
    numbers = _numbers(report)
    lines = [f"# {_title(report)}", "", _intro(report), ""]
    if report.state is not None:
        lines += [f"## {report.state_name}", ""]
        if report.state_facts:
            lines += _md_tables(report.state_facts, numbers)
        else:
            lines += [f"No facts on record for {report.state_name}.", ""]
        if report.not_known:
            lines += [
                f"Not known for {report.state_name} (no source on record): "
                + "; ".join(report.not_known)
                + ".",
                "",
            ]
    lines += ["## National", ""]
    lines += _md_tables(report.national, numbers)
    if on_record is not None:
        listed = ", ".join(on_record) if on_record else "none"
        lines += [f"States with facts on record: {listed} (`lmspath career XX`).", ""]
    lines += ["## After certification: the career ladder", ""]
    for index, step in enumerate(report.ladder, start=1):
        first, *rest = _step_lines(step, numbers)
        lines.append(f"{index}. {first}")
        lines += [f"   - {line}" for line in rest]
    lines += ["", "## Sources", ""]
    for ref in report.sources:
        kind = "official" if ref.official else "secondary"
        lines.append(f"{numbers[ref.id]}. {ref.title}, <{ref.url}> ({kind}; {source_date(ref)})")
    lines.append("")
    return "\n".join(lines)


def _rich_table(title: str, facts: list[CareerFact], numbers: dict[str, int]) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, title_justify="left", expand=True)
    table.add_column("Fact", ratio=2)
    table.add_column("Value", ratio=3)
    table.add_column("Period", ratio=1, min_width=10, overflow="fold")
    table.add_column("Src", no_wrap=True)
    table.add_column("Conf.", no_wrap=True)
    group = None
    for fact in facts:
        if fact.group != group:
            group = fact.group
            table.add_row(Text(group, style="bold"), "", "", "", "")
        row = _fact_row(fact, numbers)
        value = Text(row[1])
        if fact.note:
            value.append(f"\n{fact.note}", style="dim")
        table.add_row(row[0], value, row[2], row[3], row[4])
    return table


def career_terminal(
    report: CareerReport, on_record: list[str] | None = None
) -> list[RenderableType]:
    """The career report as rich renderables, printed in order."""
    from rich.panel import Panel
    from rich.text import Text

    numbers = _numbers(report)
    parts: list[RenderableType] = [
        Panel(Text(_intro(report)), title=_title(report), title_align="left")
    ]
    if report.state is not None:
        if report.state_facts:
            parts.append(_rich_table(str(report.state_name), report.state_facts, numbers))
        else:
            parts.append(Text(f"No facts on record for {report.state_name}.", style="bold"))
        if report.not_known:
            parts.append(
                Text(
                    f"Not known for {report.state_name} (no source on record): "
                    + "; ".join(report.not_known)
                    + ".",
                    style="yellow",
                )
            )
    parts.append(_rich_table("National", report.national, numbers))
    if on_record is not None:
        listed = ", ".join(on_record) if on_record else "none"
        parts.append(Text(f"States with facts on record: {listed} (lmspath career XX)."))
    ladder = Text()
    for index, step in enumerate(report.ladder, start=1):
        first, *rest = _step_lines(step, numbers)
        ladder.append(f"{index}. {first.replace('**', '')}\n", style="bold")
        for line in rest:
            ladder.append(f"   {line}\n")
    parts.append(Panel(ladder, title="After certification: the career ladder", title_align="left"))
    parts.append(Text("Sources", style="bold underline"))
    for ref in report.sources:
        kind = "official" if ref.official else "secondary"
        parts.append(Text(f"{numbers[ref.id]}. {ref.title} ({kind}; {source_date(ref)})"))
        # An address is never wrapped: the terminal keeps it whole, to click or copy.
        parts.append(Text(f"   {ref.url}", no_wrap=True, overflow="ignore", style="cyan"))
    return parts


def career_json(report: CareerReport) -> str:
    """The career report as JSON, two-space indented, ending in a newline."""
    return json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n"


def report_lines(result: Assessment) -> list[str]:
    """The assess report's career lines (pay and openings; caveat and where to read more)."""
    career = result.career if isinstance(result.career, dict) else None
    lines = career.get("lines") if career is not None else None
    return [str(line) for line in lines] if isinstance(lines, list) else []
