"""`lmspath states` on a terminal: one short row per state with what a person comparing needs."""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table

from lmspath.model.rules import DegreeRequirement, ExamRequirement, StateRules, walk


@dataclass(frozen=True)
class CompactRow:
    """What someone choosing a state asks first."""

    code: str
    credential: str
    license: str
    master: str
    exam: str
    confidence: str


def _needs(rules: StateRules, wanted: str) -> str:
    """'yes' when every general route asks for it outright, 'some' when some do, else 'no'.

    A requirement inside an any-of (one of several ways) counts as 'some'.
    """
    routes = [p for p in rules.pathways if p.audience == "general"] or list(rules.pathways)
    outright = 0
    partly = 0
    for pathway in routes:
        top = [r for r in pathway.requirements if _is(r, wanted)]
        nested = [
            req
            for r in pathway.requirements
            for _, req in walk(r, "")
            if req is not r and _is(req, wanted)
        ]
        if top:
            outright += 1
        elif nested:
            partly += 1
    if routes and outright == len(routes):
        return "yes"
    return "some" if outright or partly else "no"


def _is(req: object, wanted: str) -> bool:
    if wanted == "license":
        return getattr(req, "kind", None) == "teaching_license"
    return isinstance(req, DegreeRequirement) and req.level == "master"


def _exam(rules: StateRules) -> str:
    names: list[str] = []
    for pathway in rules.pathways:
        for top in pathway.requirements:
            for _, req in walk(top, ""):
                if isinstance(req, ExamRequirement) and req.exam not in names:
                    names.append(req.exam)
    if not names:
        return "none"
    return names[0] + (f" +{len(names) - 1}" if len(names) > 1 else "")


def compact_row(rules: StateRules) -> CompactRow:
    """A state's compact row."""
    return CompactRow(
        code=rules.code,
        credential=rules.credential,
        license=_needs(rules, "license"),
        master=_needs(rules, "master"),
        exam=_exam(rules),
        confidence=rules.confidence,
    )


def compact_table(rows: list[CompactRow], width: int = 80) -> Table:
    """The rows as a table that fits ``width`` columns; a long name ends in '…', never broken."""
    others = 4 + 7 + 8 + 14 + 6 + 10  # the short columns and two spaces between columns
    table = Table(
        title=f"{len(rows)} jurisdictions (--full for agency, routes, dates and unknowns)",
        title_justify="left",
        box=None,
        pad_edge=False,
        padding=(0, 1),
        header_style="bold",
        expand=False,
    )
    table.add_column("code", no_wrap=True, min_width=4)
    table.add_column(
        "credential", overflow="ellipsis", no_wrap=True, width=min(60, max(12, width - others))
    )
    table.add_column("license", no_wrap=True, min_width=7)
    table.add_column("master's", no_wrap=True, min_width=8)
    table.add_column("exam", no_wrap=True, min_width=14)
    table.add_column("conf.", no_wrap=True, min_width=6)
    for row in rows:
        table.add_row(row.code, row.credential, row.license, row.master, row.exam, row.confidence)
    return table
