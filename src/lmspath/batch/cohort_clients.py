"""The cohort summary's lists of clients per readiness tier: who is eligible now, who is close."""

from __future__ import annotations

import heapq
from typing import NamedTuple

from lmspath.render.text import md_cell, md_text

#: Clients listed per tier; the rest are counted, and are in the results file.
SHOWN_PER_TIER = 100


class ClientLine(NamedTuple):
    """One scored client as a tier lists it."""

    line: int
    client_id: str
    state: str
    months: str
    next_step: str


def merged(first: list[ClientLine], second: list[ClientLine]) -> list[ClientLine]:
    """Both lists in input order, the earliest ``SHOWN_PER_TIER`` kept (each list is in input
    order already, and holds the earliest of its own rows)."""
    return list(heapq.merge(first, second))[:SHOWN_PER_TIER]


def tier_sections(
    clients: dict[str, list[ClientLine]],
    counts: dict[str, int],
    tiers: tuple[tuple[str, str], ...],
) -> list[str]:
    """Markdown: per tier with clients, a table of them (id, state, months, next step)."""
    lines = ["## Clients by readiness", ""]
    shown_any = False
    for key, label in tiers:
        listed = clients.get(key, [])
        if not listed:
            continue
        shown_any = True
        count = counts.get(key, len(listed))
        lines += [f"### {label} ({count:,})", ""]
        lines += ["| Line | Client | State | Months | Next step |", "|---:|---|---|---|---|"]
        for item in listed:
            lines.append(
                f"| {item.line} | {md_cell(md_text(item.client_id)) or '(no id)'} | {item.state} | "
                f"{item.months or '-'} | {md_cell(item.next_step) or '-'} |"
            )
        if count > len(listed):
            lines.append("")
            lines.append(
                f"The first {len(listed):,} by input line are listed; the other "
                f"{count - len(listed):,} are in the results file."
            )
        lines.append("")
    if not shown_any:
        lines += ["No row was scored.", ""]
    return lines
