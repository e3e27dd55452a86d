"""Render the skills section and the skills taxonomy as markdown text or rich terminal output."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from lmspath.engine.words import count
from lmspath.errors import one_line
from lmspath.model.results import SourceRef
from lmspath.model.skills import (
    ExamReadiness,
    GapItem,
    HaveItem,
    ItemRow,
    ItemView,
    PortfolioEntry,
    SkillsReport,
    Unrecognised,
    WayOut,
)
from lmspath.render.text import md_text, source_lines


class Listed(Protocol):
    """What the start of the section reads: whether anything was listed, the items matched
    (with the text that matched them) and the entries that matched nothing. A
    ``SkillsReport`` is one; so is ``skills.report.Listing``."""

    @property
    def given(self) -> bool: ...

    @property
    def have(self) -> Sequence[HaveItem]: ...

    @property
    def unrecognised(self) -> Sequence[Unrecognised]: ...


if TYPE_CHECKING:  # rich only for the terminal: the markdown report shares this module
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text

BAR_WIDTH = 10
COURSE_CAVEAT = (
    "Course titles are examples seen on program pages; numbers and titles change, so check your "
    "program's catalogue."
)
WAY_LABELS = {
    "course": "Course",
    "free_resource": "Free resource",
    "artifact": "Portfolio artifact",
}


def plain_rank(report: SkillsReport) -> str:
    """How the gaps are ordered, in words (the formula stays in the JSON report)."""
    return rank_words(weighed(report.gaps))


def weighed(gaps: Sequence[GapItem]) -> bool:
    """Whether any gap's place was weighed by the exam."""
    return any(g.score_parts.exam_category for g in gaps)


def rank_words(exam_weighed: bool) -> str:
    """How the gaps are ordered, in words, given whether the exam weighed any of them."""
    tail = (
        ", and within that by how much of your state's exam the skill covers"
        if exam_weighed
        else ""
    )
    return f"Ordered by how much a school librarian needs each one (essential first){tail}."


def plain_why(gap: GapItem) -> str:
    """Why a gap stands where it does ('essential; Teaching is 29% of the exam'), or '' when its
    importance, already shown beside its name, is the whole reason."""
    parts = gap.score_parts
    if parts.exam_category and parts.exam_percent is not None:
        return f"{gap.importance}; {parts.exam_category} is {parts.exam_percent:g}% of the exam"
    return ""


def bar(fraction: float, width: int = BAR_WIDTH) -> str:
    """A readiness bar of full and empty blocks: 0.3 -> '███░░░░░░░'."""
    fraction = min(max(fraction, 0.0), 1.0)
    full = int(fraction * width + 0.5)
    return "█" * full + "░" * (width - full)


def percent(fraction: float) -> str:
    """A fraction as a whole percentage: 0.1281 -> '13%'."""
    return f"{int(fraction * 100 + 0.5)}%"


#: '[S1]' ... '[S199]': a skills section cites about a hundred times
_MARKS = tuple(f"[S{number}]" for number in range(200))


class Citations:
    """Numbers sources in order of first use so text can cite [S1] and list them at the end."""

    def __init__(self) -> None:
        self._order: list[SourceRef] = []
        self._numbers: dict[str, int] = {}

    def cite(self, sources: Sequence[SourceRef]) -> str:
        """'[S1][S2]' for these sources, numbering new ones."""
        numbers = self._numbers
        marks = []
        for src in sources:
            number = numbers.get(src.id)
            if number is None:
                self._order.append(src)
                number = numbers[src.id] = len(self._order)
            marks.append(_MARKS[number] if number < len(_MARKS) else f"[S{number}]")
        return "".join(marks)

    def copy(self) -> Citations:
        """A numbering that goes on from this one's, leaving this one as it is."""
        other = Citations()
        other._order = self._order.copy()
        other._numbers = self._numbers.copy()
        return other

    def lines(self) -> list[str]:
        """One line per cited source: number, title, URL, dates."""
        return [
            f"{_MARKS[number] if number < len(_MARKS) else f'[S{number}]'} {_source_text(src)}"
            for number, src in enumerate(self._order, start=1)
        ]


def _write_source(src: SourceRef) -> str:
    dated = f"as of {src.as_of}; " if src.as_of else ""
    kind = "official" if src.official else "secondary"
    return f"{src.title} — {src.url} ({dated}read {src.read_on}; {kind})"


#: 'Title — url (as of ...; read ...; official)': a skills source line after its mark
_source_text = source_lines(_write_source, "id")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _summary(report: Listed) -> str:
    if not report.given:
        return (
            "You did not list any tools or skills, so everything below counts as a gap. "
            "Add `tools` and `skills` to your profile to see what you already cover."
        )
    have = len(report.have)
    missing = len(report.unrecognised)
    text = f"{count(have, 'item')} of the skills taxonomy matched what you listed"
    if missing:
        text += f"; {missing} entr{'ies were' if missing != 1 else 'y was'} not recognised"
    return text + "."


def _from_text(item: HaveItem, escape: Callable[[str], str]) -> str:
    """What the person wrote that matched, each piece of their text passed through
    ``escape`` (markdown escaping, or control characters shown as escapes on a terminal)."""
    parts = []
    for found in item.matched_from:
        note = " (unverified name)" if found.via == "unverified_alias" else ""
        parts.append(f'{found.field}: "{escape(found.text)}"{note}')
    return "; ".join(parts)


def _user_text(text: str) -> Text:
    """A person's text on a terminal: never read as Rich markup, control characters escaped."""
    from rich.text import Text

    return Text(one_line(text))


def _gap_title(gap: GapItem) -> str:
    title = gap.name
    if gap.alternatives:
        names = ", ".join(alt.name for alt in gap.alternatives)
        kind = gap.group_name or "tool of this kind"
        title += f" (or any other {kind[:1].lower()}{kind[1:]}: {names})"
    return title


def _way_line(way: WayOut, citations: Citations) -> str:
    note = f" {way.note}" if way.note else ""
    return (
        f"{WAY_LABELS[way.kind]}: {way.text} ({way.confidence} confidence){note} "
        f"{citations.cite(way.sources)}"
    )


def _readiness_rows(readiness: ExamReadiness) -> list[tuple[str, str, str]]:
    rows = [
        (
            c.name,
            f"{c.percent:g}%",
            f"{bar(c.readiness)} {percent(c.readiness)}"
            if c.readiness is not None
            else "not weighed: no skill maps to it (a response format, not content)",
        )
        for c in readiness.categories
    ]
    total = sum(c.percent for c in readiness.categories if c.readiness is not None)
    overall = f"{bar(readiness.overall)} {percent(readiness.overall)}"
    rows.append(("Weighted overall", f"{total:g}%", overall))
    return rows


def _readiness_title(readiness: ExamReadiness) -> str:
    return (
        f"{readiness.label} ({readiness.exam_name}): readiness per content category, "
        "each weighted by its share of the questions."
    )


def _readiness_caption(readiness: ExamReadiness, citations: Citations) -> str:
    cited = citations.cite(readiness.sources) if readiness.sources else ""
    if not cited and readiness.source_ids:
        cited = "(sources: " + ", ".join(readiness.source_ids) + ")"
    return (
        "Readiness is the share of each category's skills and tools, weighted by importance, that "
        "you listed. It is coverage of the taxonomy, not a predicted score. Category shares: "
        f"{readiness.confidence} confidence {cited}".rstrip()
    )


def _portfolio_covered(entry: PortfolioEntry) -> str:
    if not entry.covered:
        return "not yet"
    return "yes: " + ", ".join(ref.name for ref in entry.covered_by)


def _artifact_text(entry: PortfolioEntry, citations: Citations) -> str:
    ideas = []
    for idea in entry.artifacts:
        ideas.append(f"{idea.text} ({idea.confidence}) {citations.cite(idea.sources)}")
    return " / ".join(ideas) if ideas else "no artifact idea in the data"


def _shown_gaps(report: SkillsReport) -> list[GapItem]:
    return report.gaps[: report.show_top]


def skills_markdown(report: SkillsReport) -> str:
    """The skills section as GitHub-flavoured markdown, starting with '## Skills'."""
    return skills_head(report) + skills_tail(report)


def skills_head(report: Listed) -> str:
    """The section's start: the summary, what the person has (quoting what they wrote) and
    what was not recognised. It reads only ``given``, ``have`` and ``unrecognised``."""
    out: list[str] = ["## Skills", "", _summary(report), ""]

    out += ["### What you have", ""]
    if report.have:
        out += ["| Skill or tool | Kind | Importance | From what you wrote |", "|---|---|---|---|"]
        for item in report.have:
            out.append(
                f"| {_cell(item.name)} | {item.kind} | {item.importance} | "
                f"{_from_text(item, md_text)} |"
            )
    else:
        out.append("Nothing you listed matched the taxonomy yet.")
    out.append("")
    if report.unrecognised:
        out += ["Not recognised (nothing you wrote is dropped; check these):", ""]
        out += [f"- {entry.field}: {md_text(entry.message)}" for entry in report.unrecognised]
        out.append("")
    return "\n".join(out) + "\n"


def skills_tail(report: SkillsReport) -> str:
    """The rest of the section, from the gaps to the sources: it follows from the ids of the
    items the person has and the exam alone (the same for everyone with the same ones), and
    numbers its own citations."""
    citations = Citations()
    out = gaps_lines(_shown_gaps(report), len(report.gaps), weighed(report.gaps), citations)
    out += exam_lines(report.exam_readiness, report.exam_note, citations)
    out += portfolio_lines(report.portfolio_framework, report.portfolio, citations)
    return tail_text(out, citations)


def gaps_lines(
    shown: Sequence[GapItem], total: int, exam_weighed: bool, citations: Citations
) -> list[str]:
    """The tail's first part, the gaps shown (of ``total``), numbering citations from the
    start: it depends on nothing else, so --plans keeps it per gaps shown."""
    out: list[str] = ["### Gaps that matter most", ""]
    if shown:
        out += [f"{rank_words(exam_weighed)} {COURSE_CAVEAT}", ""]
        for gap in shown:
            out.append(
                f"{gap.rank}. **{_gap_title(gap)}**: {gap.kind}, {gap.importance}."
                + (f" Why here: {plain_why(gap)}." if plain_why(gap) else "")
            )
            indent = " " * len(f"{gap.rank}. ")
            out += [f"{indent}- {_way_line(way, citations)}" for way in gap.how_to_close]
        if total > len(shown):
            out += ["", f"Showing {len(shown)} of {total} gaps; the JSON report has all."]
    else:
        out.append("No gaps: you listed every item of the taxonomy.")
    out.append("")
    return out


def exam_lines(
    readiness: ExamReadiness | None, exam_note: str | None, citations: Citations
) -> list[str]:
    """The tail's exam readiness part."""
    out: list[str] = ["### Exam readiness", ""]
    if readiness is None:
        return [*out, exam_note or "No exam readiness to show.", ""]
    out += [
        _readiness_title(readiness),
        "",
        "| Category | Share of questions | Readiness |",
        "|---|---:|---|",
    ]
    for name, share, cell in _readiness_rows(readiness):
        out.append(f"| {_cell(name)} | {share} | `{cell}` |")
    return [*out, "", _readiness_caption(readiness, citations), ""]


def portfolio_lines(
    framework: str, portfolio: Sequence[PortfolioEntry], citations: Citations
) -> list[str]:
    """The tail's portfolio checklist."""
    out: list[str] = [f"### Portfolio checklist: {framework}", ""]
    out += ["| Standard | Covered by what you listed | Artifact ideas |", "|---|---|---|"]
    for entry in portfolio:
        out.append(
            f"| {entry.id} {_cell(entry.name)} | {_cell(_portfolio_covered(entry))} | "
            f"{_cell(_artifact_text(entry, citations))} |"
        )
    covered = sum(1 for entry in portfolio if entry.covered)
    out += ["", f"{covered} of {len(portfolio)} components covered by what you listed.", ""]
    return out


def tail_text(out: list[str], citations: Citations) -> str:
    """The tail's parts joined, with the sources they cited listed last."""
    cited = citations.lines()
    if cited:
        out = [*out, "### Skills sources", "", *(f"- {line}" for line in cited), ""]
    return "\n".join(out).rstrip() + "\n"


def _hanging(rows: Sequence[tuple[str, str | Text]]) -> Table:
    """Marked lines whose wrapped text stays indented under the first word."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for mark, text in rows:
        grid.add_row(mark, text)
    return grid


def _table(*headers: str) -> Table:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    for header in headers:
        table.add_column(header, overflow="fold")
    return table


def skills_terminal(report: SkillsReport) -> RenderableType:
    """The skills section for a terminal: fits 80 columns; colour never carries the meaning."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    citations = Citations()
    parts: list[RenderableType] = [
        Text("Skills", style="bold underline"),
        Text(_summary(report).replace("`", "")),
    ]

    parts.append(Text("\nWhat you have", style="bold"))
    if report.have:
        table = _table("Skill or tool", "Kind", "Importance", "From")
        for item in report.have:
            table.add_row(item.name, item.kind, item.importance, _user_text(_from_text(item, str)))
        parts.append(table)
    else:
        parts.append(Text("Nothing you listed matched the taxonomy yet."))
    if report.unrecognised:
        parts.append(Text("Not recognised (nothing you wrote is dropped; check these):"))
        parts.append(
            _hanging(
                [
                    ("?", _user_text(f"{entry.field}: {entry.message}"))
                    for entry in report.unrecognised
                ]
            )
        )

    parts.append(Text("\nGaps that matter most", style="bold"))
    shown = _shown_gaps(report)
    if not shown:
        parts.append(Text("No gaps: you listed every item of the taxonomy."))
    else:
        parts.append(Text(f"{plain_rank(report)} {COURSE_CAVEAT}"))
    for gap in shown:
        body: list[RenderableType] = []
        title = Text()
        title.append(_gap_title(gap), style="bold")
        title.append(f" ({gap.kind}, {gap.importance})")
        body.append(title)
        if plain_why(gap):
            body.append(Text(f"Why here: {plain_why(gap)}"))
        body.append(_hanging([("-", _way_line(way, citations)) for way in gap.how_to_close]))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, min_width=3)
        grid.add_column(overflow="fold")
        grid.add_row(f"{gap.rank}.", Group(*body))
        parts.append(grid)
    if len(report.gaps) > len(shown):
        parts.append(
            Text(f"Showing {len(shown)} of {len(report.gaps)} gaps; the JSON report has all.")
        )

    parts.append(Text("\nExam readiness", style="bold"))
    readiness = report.exam_readiness
    if readiness is None:
        parts.append(Text(report.exam_note or "No exam readiness to show."))
    else:
        parts.append(Text(_readiness_title(readiness)))
        table = _table("Category", "Share", "Readiness")
        for name, share, shown_bar in _readiness_rows(readiness):
            table.add_row(name, share, shown_bar)
        parts.append(table)
        parts.append(Text(_readiness_caption(readiness, citations)))

    parts.append(Text(f"\nPortfolio checklist: {report.portfolio_framework}", style="bold"))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for entry in report.portfolio:
        lines: list[RenderableType] = [Text(f"{entry.id} {entry.name}", style="bold")]
        if entry.covered:
            lines.append(Text("covered by " + ", ".join(ref.name for ref in entry.covered_by)))
        ideas = [
            ("idea:", f"{idea.text} ({idea.confidence}) {citations.cite(idea.sources)}")
            for idea in entry.artifacts
        ]
        if ideas:
            lines.append(_hanging(ideas))
        grid.add_row("✓ yes" if entry.covered else "✗ not yet", Group(*lines))
    parts.append(grid)
    covered = sum(1 for entry in report.portfolio if entry.covered)
    parts.append(Text(f"{covered} of {len(report.portfolio)} components covered."))

    cited = citations.lines()
    if cited:
        parts.append(Text("\nSkills sources", style="bold"))
        parts.append(_hanging([("-", line) for line in cited]))
    return Group(*parts)


# --- The taxonomy (`lmspath skills`) ----------------------------------------------------------


def taxonomy_markdown(rows: Sequence[ItemRow]) -> str:
    """The taxonomy listing as a markdown table."""
    out = ["| id | name | kind | importance | confidence |", "|---|---|---|---|---|"]
    for row in rows:
        out.append(
            f"| {row.id} | {_cell(row.name)} | {row.kind} | {row.importance} | {row.confidence} |"
        )
    return "\n".join(out) + "\n"


def taxonomy_terminal(rows: Sequence[ItemRow]) -> RenderableType:
    """The taxonomy listing as a rich table."""
    from rich.console import Group
    from rich.text import Text

    table = _table("id", "name", "kind", "importance")
    for row in rows:
        table.add_row(row.id, row.name, row.kind, row.importance)
    return Group(table, Text(f"{len(rows)} items; `lmspath skills ID` shows one."))


def _item_lines(view: ItemView) -> list[tuple[str, str]]:
    lines = [
        ("Kind", view.kind),
        ("Area", view.area),
    ]
    if view.group_name:
        lines.append(("Group", f"{view.group_name} (any one tool of the group covers it)"))
    lines += [
        ("Importance", f"{view.importance}: {view.importance_basis}"),
        ("Confidence", view.confidence),
        ("Aliases", ", ".join(view.aliases) or "none"),
    ]
    if view.ambiguous_aliases:
        lines.append(("Only in a tools list", ", ".join(view.ambiguous_aliases)))
    if view.unverified_aliases:
        lines.append(
            ("Unverified aliases", ", ".join(view.unverified_aliases) + " (low confidence)")
        )
    if view.not_alone:
        lines.append(("Never alone", ", ".join(view.not_alone)))
    if view.note:
        lines.append(("Note", view.note))
    return lines


def item_markdown(view: ItemView) -> str:
    """One taxonomy item as markdown: aliases, frameworks, exam categories, how to close it."""
    citations = Citations()
    out = [f"## {view.name} (`{view.id}`)", ""]
    out += [f"- **{label}:** {value}" for label, value in _item_lines(view)]
    out += ["", "### Frameworks", ""]
    out += [f"- {ref.framework}: {ref.name}" for ref in view.frameworks] or ["- none"]
    out += ["", "### Exam categories", ""]
    out += [f"- {ref.framework}: {ref.name}" for ref in view.exams] or ["- none"]
    out += ["", "### How to close it", ""]
    out += [f"- {_way_line(way, citations)}" for way in view.how_to_close]
    out += ["", f"Item sources: {citations.cite(view.sources)}", "", "### Sources", ""]
    out += [f"- {line}" for line in citations.lines()]
    return "\n".join(out) + "\n"


def item_terminal(view: ItemView) -> RenderableType:
    """One taxonomy item for a terminal."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    citations = Citations()
    parts: list[RenderableType] = [Text(f"{view.name} ({view.id})", style="bold underline")]
    table = Table.grid(padding=(0, 1))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for label, value in _item_lines(view):
        table.add_row(label, value)
    parts.append(table)
    parts.append(Text("\nFrameworks", style="bold"))
    parts.append(_hanging([("-", f"{ref.framework}: {ref.name}") for ref in view.frameworks]))
    parts.append(Text("\nExam categories", style="bold"))
    parts.append(_hanging([("-", f"{ref.framework}: {ref.name}") for ref in view.exams]))
    if not view.exams:
        parts.append(Text("- none"))
    parts.append(Text("\nHow to close it", style="bold"))
    parts.append(_hanging([("-", _way_line(way, citations)) for way in view.how_to_close]))
    parts.append(Text(f"\nItem sources: {citations.cite(view.sources)}"))
    parts.append(Text("\nSources", style="bold"))
    parts.append(_hanging([("-", line) for line in citations.lines()]))
    return Group(*parts)
