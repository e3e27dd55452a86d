"""Programs as text: notes, table rows, JSON records, markdown and terminal tables; no I/O."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lmspath.engine.programs import ROUTE_WORDS, Cost, Listed, Selection, cost_of
from lmspath.model.programs import Program, ProgramFile, span
from lmspath.model.states import JURISDICTIONS
from lmspath.render.text import md_cell

if TYPE_CHECKING:
    from rich.console import RenderableType

UNKNOWN = "not known"

_HIDDEN_WORDS = {
    "cost": ("their cost is not known", "--max-cost"),
    "license": (
        "whether they need a teaching license to enrol is not known",
        "--no-license-needed",
    ),
    "delivery": ("their delivery (online or not) is not known", "--online"),
}


def _num(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def _plain(value: float) -> str:
    # Machine-readable: no thousands separator, no trailing '.0'.
    return str(int(value)) if value == int(value) else str(value)


def _range(value: tuple[float, float] | None, unit: str = "") -> str:
    if value is None:
        return UNKNOWN
    lo, hi = value
    text = _num(lo) if lo == hi else f"{_num(lo)}-{_num(hi)}"
    return f"{text}{unit}"


def _yes_no(value: bool | None) -> str:
    return UNKNOWN if value is None else ("yes" if value else "no")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def state_label(code: str) -> str:
    """'Texas (TX)'."""
    return f"{JURISDICTIONS[code]} ({code})"


def cost_text(cost: Cost | None, program: Program) -> str:
    """'$16,200 (stated total, 2025-26)', '$13,500-$16,200 ($450/credit x 30-36 credits, 2016)'."""
    if cost is None:
        if program.tuition_per_credit_usd is not None:
            rate = _num(float(program.tuition_per_credit_usd))
            year = program.tuition_year or "year not stated"
            return f"${rate}/credit ({year}); credits {UNKNOWN}"
        return UNKNOWN
    amount = (
        f"${_num(cost.low)}" if cost.low == cost.high else f"${_num(cost.low)}-${_num(cost.high)}"
    )
    # An undated price must not read as this year's.
    year = f", {cost.year}" if cost.year else ", year not stated"
    if cost.basis == "total":
        return f"{amount} (stated total{year})"
    rate = _num(float(program.tuition_per_credit_usd or 0))
    credits = _range(span(program.credit_hours))
    return f"{amount} (${rate}/credit x {credits} credits{year})"


def ala_text(program: Program) -> str:
    """'yes (until 2029)', 'no', or 'not known'."""
    if program.ala_accredited is None:
        return UNKNOWN if program.degree not in (None, "none") else "not applicable"
    if program.ala_accredited and program.ala_accredited_until is not None:
        return f"yes (until {program.ala_accredited_until})"
    return _yes_no(program.ala_accredited)


def delivery_text(program: Program) -> str:
    """'online', 'hybrid', 'in person' or 'not known'."""
    return program.delivery.replace("_", " ") if program.delivery else UNKNOWN


def applications_text(program: Program) -> str:
    """'open', 'closed (page says not accepting applications)', or 'not known'."""
    if program.accepting_applications is None:
        return UNKNOWN
    return "open" if program.accepting_applications else "closed"


def notes(selection: Selection) -> list[str]:
    """Plain sentences that go with a listing: missing in-state programs, hidden programs."""
    lines: list[str] = []
    code = selection.state
    if code is not None:
        name = state_label(code)
        if selection.in_state_recorded == 0:
            if selection.in_state_programs is False:
                lines.append(f"{name} has no in-state approved program, according to the sources.")
            elif selection.in_state_programs is True:
                lines.append(f"{name} has approved programs, but none is recorded here yet.")
            else:
                lines.append(f"No in-state program is recorded for {name}.")
            if selection.disclosing_recorded:
                lines.append(
                    f"Listed instead: programs approved in other states that say they meet "
                    f"{code}'s licensure requirements (confirm with the state agency before "
                    "enrolling)."
                )
            else:
                lines.append(
                    f"No program approved elsewhere says it meets {code}'s requirements either."
                )
        if selection.state_note:
            lines.append(f"Note on {code}: {' '.join(selection.state_note.split())}")
    for key, count in selection.hidden.items():
        words, option = _HIDDEN_WORDS[key]
        lines.append(
            f"{_plural(count, 'program')} hidden because {words} (run without {option} to see "
            f"{'it' if count == 1 else 'them'})."
        )
    if selection.filtered_out:
        lines.append(f"{_plural(selection.filtered_out, 'program')} did not pass the filters.")
    if not selection.listed:
        lines.append("No program to list.")
    return lines


def _scope_word(entry: Listed, state: str | None) -> str:
    if entry.scope == "in_state":
        return f"approved in {state}"
    if entry.scope == "disclosure":
        return f"approved in {entry.program.approved_by}; says it meets {state}'s requirements"
    return f"approved in {entry.program.approved_by}"


COLUMNS = (
    "id", "listed_as", "approved_by", "institution", "name", "leads_to", "credential", "degree",
    "delivery", "credit_hours", "tuition_per_credit_usd", "tuition_year", "total_cost_usd",
    "cost_min_usd", "cost_max_usd", "cost_basis", "months", "license_required_to_enrol",
    "ala_accredited", "ala_accredited_until", "disclosure_states", "accepting_applications",
    "confidence", "url", "sources", "note",
)  # fmt: skip


def row_columns() -> list[str]:
    """The CSV columns, in order."""
    return list(COLUMNS)


def row(entry: Listed, state: str | None) -> dict[str, object]:
    """One program as a flat row of text (CSV); empty means not known."""
    program = entry.program
    cost = entry.cost

    def blank(value: object) -> object:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, tuple):
            return f"{_plain(value[0])}-{_plain(value[1])}"
        if isinstance(value, float | int):
            return _plain(value)
        return value

    sources = [entry.file.source(s) for s in program.sources]
    return {
        "id": program.id,
        "listed_as": _scope_word(entry, state),
        "approved_by": program.approved_by,
        "institution": program.institution,
        "name": program.name,
        "leads_to": program.leads_to,
        "credential": blank(program.credential),
        "degree": blank(program.degree),
        "delivery": blank(program.delivery),
        "credit_hours": blank(program.credit_hours),
        "tuition_per_credit_usd": blank(program.tuition_per_credit_usd),
        "tuition_year": blank(program.tuition_year),
        "total_cost_usd": blank(program.total_cost_usd),
        "cost_min_usd": blank(cost.low if cost else None),
        "cost_max_usd": blank(cost.high if cost else None),
        "cost_basis": cost.basis if cost else "",
        "months": blank(program.months),
        "license_required_to_enrol": blank(program.license_required_to_enrol),
        "ala_accredited": blank(program.ala_accredited),
        "ala_accredited_until": blank(program.ala_accredited_until),
        "disclosure_states": ";".join(program.disclosure_states or []),
        "accepting_applications": blank(program.accepting_applications),
        "confidence": program.confidence,
        "url": program.url,
        "sources": ";".join(s.url for s in sources),
        "note": " ".join((program.note or "").split()),
    }


def record(item: ProgramFile, program: Program, scope: str | None = None) -> dict[str, object]:
    """One program in full for JSON: every field, its cost worked out, its sources spelt out."""
    data = program.to_json()
    cost = cost_of(program)
    data["cost_usd"] = [cost.low, cost.high] if cost else None
    data["cost_basis"] = cost.basis if cost else None
    data["sources"] = [item.source(s).to_json() for s in program.sources]
    if scope is not None:
        data = {"listed_as": scope, **data}
    return data


def selection_json(selection: Selection) -> dict[str, object]:
    """A listing as one JSON object: the state's answer, the filters, programs, hidden counts."""
    return {
        "schema_version": "1",
        "state": selection.state,
        "in_state_programs": selection.in_state_programs,
        "state_note": selection.state_note,
        "filters": selection.filters.as_dict(),
        "programs": [record(e.file, e.program, e.scope) for e in selection.listed],
        "hidden": {key: selection.hidden.get(key, 0) for key in ("cost", "license", "delivery")},
        "filtered_out": selection.filtered_out,
        "notes": notes(selection),
    }


def _title(selection: Selection) -> str:
    if selection.state is None:
        return "School librarian preparation programs, every state"
    return f"School librarian preparation programs for {state_label(selection.state)}"


def _program_cell(program: Program) -> str:
    return f"[{md_cell(program.institution)}: {md_cell(program.name)}]({program.url})"


def selection_markdown(selection: Selection) -> str:
    """A listing as markdown: notes, then in-state and disclosing programs as tables."""
    lines = [f"# {_title(selection)}"]
    said = notes(selection)
    if said:
        lines += ["", *(f"- {md_cell(n)}" for n in said)]
    head = (
        "| Program | Approved by | Route | Delivery | Credits | Cost | License needed to enrol "
        "| ALA | Applications | Confidence | ID |"
    )
    groups: list[tuple[str, list[Listed]]]
    if selection.state is None:
        groups = [("All programs", selection.listed)]
    else:
        code = selection.state
        groups = [
            (
                f"Approved in {state_label(code)}",
                [e for e in selection.listed if e.scope == "in_state"],
            ),
            (
                f"Approved elsewhere, saying they meet {code}'s requirements",
                [e for e in selection.listed if e.scope == "disclosure"],
            ),
        ]
    for heading, entries in groups:
        if not entries:
            continue
        lines += ["", f"## {heading}", "", head, "|" + "---|" * 11]
        for entry in entries:
            p = entry.program
            lines.append(
                f"| {_program_cell(p)} | {p.approved_by} | {ROUTE_WORDS[p.leads_to]} "
                f"| {delivery_text(p)} | {_range(span(p.credit_hours))} "
                f"| {md_cell(cost_text(entry.cost, p))} | {_yes_no(p.license_required_to_enrol)} "
                f"| {ala_text(p)} | {applications_text(p)} | {p.confidence} | `{p.id}` |"
            )
    lines += [
        "",
        "Costs are tuition only: a stated total where the program gives one, else tuition per "
        "credit times credit hours, for the year shown. `lmspath programs --id ID` shows one "
        "program with every source and date.",
        "",
    ]
    return "\n".join(lines)


def program_markdown(item: ProgramFile, program: Program) -> str:
    """One program in full as markdown, with every source and its dates."""
    cost = cost_of(program)
    disclosure = (
        ", ".join(program.disclosure_states)
        if program.disclosure_states
        else ("none" if program.disclosure_states == [] else "not read")
    )
    lines = [
        f"# {program.institution}: {program.name}",
        "",
        f"- ID: `{program.id}`",
        f"- Approved by: {state_label(program.approved_by)}",
        f"- Leads to: {ROUTE_WORDS[program.leads_to]} (`{program.leads_to}`)",
        f"- Credential: {md_cell(program.credential or UNKNOWN)}",
        f"- Serves pathways: {', '.join(program.pathways) or 'not stated'}",
        f"- Degree: {program.degree or UNKNOWN}",
        f"- Delivery: {delivery_text(program)}",
        f"- Credit hours: {_range(span(program.credit_hours))}",
        "- Tuition per credit: "
        + (
            f"${_num(float(program.tuition_per_credit_usd))} "
            f"({program.tuition_year or 'year not stated'})"
            if program.tuition_per_credit_usd is not None
            else UNKNOWN
        ),
        "- Stated total cost: "
        + (
            f"${_num(float(program.total_cost_usd))}"
            if program.total_cost_usd is not None
            else "none stated"
        ),
        f"- Cost: {md_cell(cost_text(cost, program))}",
        f"- Duration: {_range(span(program.months), ' months')}",
        f"- Teaching license needed to enrol: {_yes_no(program.license_required_to_enrol)}",
        f"- ALA accredited: {ala_text(program)}",
        f"- Says it meets licensure requirements in: {disclosure}"
        + (f" (source `{program.disclosure_source}`)" if program.disclosure_source else ""),
        f"- Accepting applications: {applications_text(program)}",
        f"- Program page: <{program.url}>",
        f"- Confidence: {program.confidence}",
    ]
    if program.note:
        lines.append(f"- Note: {md_cell(program.note)}")
    lines += ["", "## Sources", ""]
    for source_id in program.sources:
        src = item.source(source_id)
        kind = "official" if src.official else "secondary"
        stated = f"as of {src.as_of}" if src.as_of else "undated"
        lines.append(
            f"- `{src.id}`: {md_cell(src.title)}, <{src.url}> "
            f"({kind}; {stated}; read {src.read_on})"
        )
    lines.append("")
    return "\n".join(lines)


def _terminal_block(entry: Listed) -> RenderableType:
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    p = entry.program
    head = Text(p.id, style="bold cyan")
    if entry.scope == "disclosure":
        head.append(f"  (approved in {p.approved_by})", style="default")
    facts = [
        ROUTE_WORDS[p.leads_to],
        delivery_text(p) if p.delivery else f"delivery {UNKNOWN}",
        f"{_range(span(p.credit_hours))} credits",
        f"cost {cost_text(entry.cost, p)}",
    ]
    body = Text(
        f"{p.institution}: {p.name}\n{'; '.join(facts)}\n"
        f"teaching license needed to enrol: {_yes_no(p.license_required_to_enrol)}; "
        f"applications: {applications_text(p)}; confidence {p.confidence}"
    )
    link = Text(p.url, style="dim", overflow="fold")
    return Group(head, Padding(Group(body, link), (0, 0, 0, 2), expand=False))


def selection_terminal(selection: Selection) -> list[RenderableType]:
    """A listing for the terminal: a short block per program under its group, then the notes."""
    from rich.text import Text

    parts: list[RenderableType] = [Text(_title(selection), style="bold"), Text("")]
    code = selection.state
    groups: list[tuple[str, list[Listed]]] = (
        [(f"{_plural(len(selection.listed), 'program')}", selection.listed)]
        if code is None
        else [
            (
                f"Approved in {state_label(code)}",
                [e for e in selection.listed if e.scope == "in_state"],
            ),
            (
                f"Approved elsewhere, saying they meet {code}'s requirements",
                [e for e in selection.listed if e.scope == "disclosure"],
            ),
        ]
    )
    for heading, entries in groups:
        if not entries:
            continue
        parts.append(Text(heading, style="bold underline"))
        for entry in entries:
            parts += [_terminal_block(entry), Text("")]
    parts += [Text(n) for n in notes(selection)]
    if selection.listed:
        parts.append(Text("Details and sources: lmspath programs --id ID", style="dim"))
    return parts
