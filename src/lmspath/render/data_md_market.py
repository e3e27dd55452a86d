"""DATA.md's career-facts section: per state, which market facts data/market.yaml holds."""

from __future__ import annotations

from lmspath.engine.career import STATE_FACTS, state_facts
from lmspath.model.market import MarketFile
from lmspath.model.rules import StateRules

_COLUMNS = {
    "oews": "OEWS wages (all library settings)",
    "school_librarians": "School librarians (NTPS)",
    "mandate": "Librarian required by law",
    "salary_schedule": "Salary schedule",
}


def _cell(market: MarketFile, code: str, key: str) -> str:
    entry = market.states.get(code)
    part = getattr(entry, key) if entry is not None else None
    if part is None:
        return "-"
    if key == "oews":
        median = part.median
        return f"median {median.period}" if median.value is not None else "partly (no median)"
    if key == "school_librarians":
        return part.period or "yes"
    if key == "mandate":
        return f"{part.required} ({part.confidence})" if part.required else "-"
    return "yes" if part.text else "-"


def market_section(states: list[StateRules], market: MarketFile) -> list[str]:
    """The section's lines: a count, the national headline, one table row per jurisdiction."""
    assert [key for key, _ in STATE_FACTS] == list(_COLUMNS)
    head = market.national.ooh[0]
    known = {s.code: len(state_facts(market, s.code)[0]) for s in states}
    with_any = sum(1 for count in known.values() if count)
    wages = sum(1 for s in states if (e := market.states.get(s.code)) and e.oews is not None)
    lines = [
        "",
        "## Career facts",
        "",
        "From `data/market.yaml`; `lmspath career XX` shows them with sources. National: the",
        f"BLS Occupational Outlook Handbook ({head.edition}) for occupation {market.national.soc},",
        "which also counts public and academic librarians. A dash means not known (no source",
        "on record).",
        "",
        f"{with_any} of {len(states)} jurisdictions have at least one state fact recorded; "
        f"{wages} have OEWS wages (imported with `scripts/import_oews.py`).",
        "",
        "| State | " + " | ".join(_COLUMNS.values()) + " |",
        "|---|" + "---|" * len(_COLUMNS),
    ]
    for state in states:
        cells = [_cell(market, state.code, key) for key in _COLUMNS]
        lines.append(f"| {state.code} {state.name} | " + " | ".join(cells) + " |")
    return lines
