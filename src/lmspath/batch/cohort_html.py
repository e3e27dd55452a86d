"""The cohort summary as one self-contained HTML page with inline SVG charts (no scripts)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from lmspath.batch.cohort import (
    _KIND_LABEL,
    TIERS,
    TOP,
    VERDICTS,
    CohortMeta,
    CohortTally,
    _pct,
    _ranked,
    license_note,
)
from lmspath.engine.words import repeated
from lmspath.model.states import JURISDICTIONS
from lmspath.render.html_report import PAGE_CSS
from lmspath.store.tiles import TileMap

#: Extra styles for the charts; text stays black on light fills, so print and greyscale read.
_CHART_CSS = """
figure { margin: .4rem 0 1rem; break-inside: avoid; }
figcaption { font-weight: 600; font-size: .92rem; margin: 0 0 .2rem; }
svg { display: block; max-width: 100%; height: auto; font: 12px system-ui, -apple-system,
  "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
svg .bar { fill: #4a6fa5; }
svg .track { fill: #eee; }
svg .tile { stroke: #555; stroke-width: 1; }
svg text { fill: #111; }
td.num, th.num { text-align: right; }
@media print { figure, svg { break-inside: avoid; } }
"""

_LABEL_WIDTH = 290
_BAR_AREA = 300
_ROW = 22
_LABEL_CHARS = 40
_TILE = 46
#: Tile fills from no clients to the most: light to dark blue, with text dark enough on each.
_SHADES = ("#ffffff", "#e3ecf7", "#c7d8ee", "#a9c3e4", "#8aaed9")


def _e(value: object) -> str:
    """Text escaped for HTML content and attribute values."""
    return escape(str(value), quote=True)


def _short(text: str) -> str:
    """A chart label cut to fit its column (the table beside the chart has the whole text)."""
    text = " ".join(text.split())
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1].rstrip() + "…"


def bar_chart(caption: str, items: Sequence[tuple[str, int]], total: int) -> str:
    """A horizontal bar chart: one row per item, its label, its bar, and its count as text.

    Bars are scaled to the largest count; the count and the share of ``total`` are written
    beside each bar, so the chart reads without colour.
    """
    largest = max((count for _, count in items), default=0)
    height = _ROW * len(items) + 6
    width = _LABEL_WIDTH + _BAR_AREA + 110
    rows = []
    for index, (label, count) in enumerate(items):
        y = 3 + index * _ROW
        length = round(_BAR_AREA * count / largest) if largest else 0
        rows.append(
            f"<g><title>{_e(label)}: {count:,}</title>"
            f'<text x="{_LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end">'
            f"{_e(_short(label))}</text>"
            f'<rect class="track" x="{_LABEL_WIDTH}" y="{y + 3}" width="{_BAR_AREA}" height="15"/>'
            f'<rect class="bar" x="{_LABEL_WIDTH}" y="{y + 3}" width="{length}" height="15"/>'
            f'<text x="{_LABEL_WIDTH + _BAR_AREA + 6}" y="{y + 15}">'
            f"{count:,} ({_pct(count, total)})</text></g>"
        )
    summary = "; ".join(f"{label}: {count:,}" for label, count in items)
    return (
        f"<figure><figcaption>{_e(caption)}</figcaption>"
        f'<svg role="img" aria-label="{_e(caption + ". " + summary)}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">'
        + "".join(rows)
        + "</svg></figure>"
    )


def tile_map(tiles: TileMap, counts: dict[str, int]) -> str:
    """The US tile map: one square per jurisdiction, labelled with its code and client count."""
    largest = max(counts.values(), default=0)
    cells = []
    for tile in sorted(tiles.tiles, key=lambda t: (t.row, t.col)):
        count = counts.get(tile.code, 0)
        shade = 0 if not count else 1 + min(3, (count * 4 - 1) // largest)
        x, y = tile.col * _TILE, tile.row * _TILE
        name = JURISDICTIONS.get(tile.code, tile.code)
        cells.append(
            f"<g><title>{_e(name)}: {count:,}</title>"
            f'<rect class="tile" x="{x + 1}" y="{y + 1}" width="{_TILE - 2}" height="{_TILE - 2}" '
            f'fill="{_SHADES[shade]}"/>'
            f'<text x="{x + _TILE // 2}" y="{y + 19}" text-anchor="middle" '
            f'font-weight="600">{_e(tile.code)}</text>'
            f'<text x="{x + _TILE // 2}" y="{y + 36}" text-anchor="middle">'
            f"{count:,}</text></g>"
        )
    width, height = tiles.cols * _TILE, tiles.rows * _TILE
    caption = "Clients by state (each square: state code and number of clients)"
    return (
        f"<figure><figcaption>{_e(caption)}</figcaption>"
        f'<svg role="img" aria-label="{_e(caption)}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}">' + "".join(cells) + "</svg></figure>"
    )


def _table(caption: str, head: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A table of text; columns whose header is in ``_NUMERIC`` are right-aligned."""
    cells = "".join(
        f'<th scope="col"{" class=num" if h in _NUMERIC else ""}>{_e(h)}</th>' for h in head
    )
    body = []
    for row in rows:
        body.append(
            "<tr>"
            + "".join(
                f"<td{' class=num' if h in _NUMERIC else ''}>{_e(v)}</td>"
                for h, v in zip(head, row, strict=True)
            )
            + "</tr>"
        )
    return (
        f"<table><caption>{_e(caption)}</caption><thead><tr>{cells}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


_NUMERIC = {"Clients", "Share", "Line", "Rows", "Eligible", "Not yet", "Cannot tell"}


def _career(lines: Sequence[str]) -> str:
    """The career section (markdown lines from the market data: a heading, notes, one table) as
    HTML; every piece of text escaped, backticked words shown as code."""
    out: list[str] = []
    table: list[list[str]] = []

    def flush() -> None:
        if table:
            head, *rows = table
            width = len(head)
            # Each row to the header's width: a short row padded, a split cell joined again.
            padded = [r + [""] * (width - len(r)) for r in rows]
            fitted = [[*r[: width - 1], " | ".join(r[width - 1 :])] for r in padded]
            out.append(_table("Career facts for the cohort's states", head, fitted))
            table.clear()

    for line in lines:
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not all(set(c) <= set("-:") for c in cells):
                table.append(cells)
            continue
        flush()
        if line.startswith("## "):
            out.append(f"<h2>{_e(line[3:])}</h2>")
        elif line.strip():
            parts = _e(line).split("`")
            out.append(
                "<p>"
                + "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts))
                + "</p>"
            )
    flush()
    return "<section>" + "".join(out) + "</section>" if out else ""


def _tiers(tally: CohortTally) -> list[str]:
    out = ['<section><h2 id="clients">Clients by readiness</h2>']
    shown_any = False
    for key, label in TIERS:
        listed = tally.clients.get(key, [])
        if not listed:
            continue
        shown_any = True
        count = tally.by_tier.get(key, len(listed))
        rows = [
            (c.line, c.client_id or "(no id)", c.state, c.months or "-", c.next_step or "-")
            for c in listed
        ]
        out.append(f"<h3>{_e(label)} ({count:,})</h3>")
        out.append(
            _table(
                f"{label}: {len(listed):,} of {count:,} listed",
                ("Line", "Client", "State", "Months", "Next step"),
                rows,
            )
        )
        if count > len(listed):
            out.append(
                f"<p>The first {len(listed):,} by input line are listed; the other "
                f"{count - len(listed):,} are in the results file.</p>"
            )
    if not shown_any:
        out.append("<p>No row was scored.</p>")
    out.append("</section>")
    return out


def render_cohort_html(tally: CohortTally, meta: CohortMeta, tiles: TileMap | None) -> str:
    """The cohort summary as one HTML page: the markdown summary's sections, charts in SVG."""
    scored = tally.scored
    title = f"Cohort summary: {meta.intake}"
    read_as = (
        f"Read as {meta.encoding}, {meta.delimiter}-separated"
        if meta.delimiter != "workbook cells"
        else "Read from a workbook sheet"
    )
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f"<style>{PAGE_CSS}{_CHART_CSS}</style></head><body>",
        f"<header><h1>{_e(title)}</h1><ul>",
        f"<li>Rows read: <strong>{tally.rows:,}</strong>; scored: <strong>{scored:,}</strong>; "
        f"rejected: <strong>{tally.rejected:,}</strong>"
        + (" (see the errors file)" if tally.rejected else "")
        + "</li>",
        f"<li>{_e(read_as)}</li>",
        f"<li>Rules data checked up to {_e(meta.rules_date)}; summary made {_e(meta.today)} "
        f"with lmspath {_e(meta.version)}</li></ul></header><main>",
    ]
    notes = [_e(w) for w in meta.warnings]
    if meta.duplicates:
        shown = ", ".join(
            f"{_e(repr(d.client_id))} (lines {d.first_line} and {d.line})"
            for d in meta.duplicate_examples
        )
        notes.append(
            f"{repeated(meta.duplicates)} a client_id seen earlier: {shown}; each row was scored"
        )
    if notes:
        out.append('<section class="warnings"><h2>Check the input</h2><ul>')
        out += [f"<li>{n}</li>" for n in notes]
        out.append("</ul></section>")

    out.append("<section><h2>Verdicts</h2>")
    if scored:
        out.append(
            bar_chart(
                "Clients by verdict",
                [(label, tally.by_verdict[key]) for key, label in VERDICTS],
                scored,
            )
        )
    else:
        out.append("<p>No row was scored.</p>")
    out.append("</section>")

    out.append(
        "<section><h2>Months to certification</h2>"
        "<p>Readiness tiers by the upper time estimate along the plan's critical path; a step "
        "with no sourced estimate adds time that cannot be counted, and 'cannot tell' also holds "
        "clients whose profile leaves a deciding answer blank. A bachelor's degree left blank "
        "is listed but not counted (&quot;Earn a bachelor's degree if you have none&quot;). In "
        "the lists of clients, '12+' means at least 12 months.</p>"
    )
    if scored:
        out.append(
            bar_chart(
                "Clients by readiness tier",
                [(label, tally.by_tier[key]) for key, label in TIERS],
                scored,
            )
        )
    else:
        out.append("<p>No row was scored.</p>")
    note = license_note(tally)
    if note is not None:
        out.append(f"<p>{_e(note)}</p>")
    out.append("</section>")
    out += _tiers(tally)

    out.append("<section><h2>By state</h2>")
    if scored:
        if tiles is not None:
            out.append(tile_map(tiles, dict(tally.by_state)))
        rows = []
        for code, count in sorted(tally.by_state.items(), key=lambda kv: (-kv[1], kv[0])):
            counts = [f"{tally.by_state_verdict[(code, key)]:,}" for key, _ in VERDICTS]
            name = f"{JURISDICTIONS.get(code, code)} ({code})"
            rows.append((name, f"{count:,}", _pct(count, scored), *counts))
        out.append(
            _table(
                "Clients and verdicts by state",
                ("State", "Clients", "Share", "Eligible", "Not yet", "Cannot tell"),
                rows,
            )
        )
    else:
        out.append("<p>No row was scored.</p>")
    out.append("</section>")

    out.append(f"<section><h2>The {TOP} most common missing requirements</h2>")
    if tally.missing:
        top = _ranked(tally.missing, lambda ref: (ref.state, ref.id))[:TOP]
        out.append(
            bar_chart(
                "Clients missing each requirement",
                [(f"{ref.state}: {ref.text}", count) for ref, count in top],
                scored,
            )
        )
        out.append(
            _table(
                "Missing requirements",
                ("Requirement", "Id", "State", "Clients"),
                [(ref.text, ref.id, ref.state, f"{count:,}") for ref, count in top],
            )
        )
        out.append(
            _table(
                "By kind of requirement (clients missing at least one of that kind)",
                ("Kind", "Clients", "Share"),
                [
                    (_KIND_LABEL.get(kind, kind), f"{count:,}", _pct(count, scored))
                    for kind, count in _ranked(tally.missing_kind, str)
                ],
            )
        )
    else:
        out.append("<p>No scored client is missing a requirement on their best pathway.</p>")
    out.append("</section>")

    out.append(f"<section><h2>The {TOP} most common skills gaps</h2>")
    if not meta.skills:
        out.append("<p>Not available: the assessments carry no skills section.</p>")
    elif tally.skills_seen == 0:
        out.append("<p>Not available: no scored client listed tools or skills.</p>")
    elif not tally.skill_gaps:
        out.append("<p>No skills gaps among the scored clients.</p>")
    else:
        top_gaps = _ranked(tally.skill_gaps, lambda gap: gap)[:TOP]
        out.append(
            f"<p>Among the {tally.skills_seen:,} clients who listed tools or skills, counting "
            "the gaps each client's report puts first.</p>"
        )
        out.append(
            bar_chart(
                "Clients with each skills gap",
                [(name, count) for (_, name), count in top_gaps],
                tally.skills_seen,
            )
        )
        out.append(
            _table(
                "Skills gaps",
                ("Skill", "Id", "Clients"),
                [(name, gap_id, f"{count:,}") for (gap_id, name), count in top_gaps],
            )
        )
    out.append("</section>")

    out.append(
        "<section><h2>Unconfirmed rules the cohort depends on</h2>"
        "<p>Requirements on clients' best pathways that the rules data cannot confirm, or where "
        "sources disagree in a way that changes the client's answer. Verify these with the "
        "state agency before advising the clients who depend on them.</p>"
    )
    if tally.unconfirmed:
        ranked = sorted(tally.unconfirmed.items(), key=lambda kv: (-kv[1], kv[0][0].key, kv[0][1]))
        out.append(
            _table(
                "Unconfirmed rules",
                ("Requirement", "Id", "State", "Why", "Clients"),
                [(ref.text, ref.id, ref.state, why, f"{count:,}") for (ref, why), count in ranked],
            )
        )
    else:
        out.append("<p>None: every rule the scored clients depend on is confirmed by the data.</p>")
    out.append("</section>")

    if meta.career:
        out.append(_career(meta.career))

    if tally.problem_fields:
        out.append("<section><h2>Rejected rows by field</h2>")
        out.append(
            _table(
                "Rejected rows by field",
                ("Field", "Rows"),
                [(name, f"{count:,}") for name, count in _ranked(tally.problem_fields, str)],
            )
        )
        out.append("</section>")

    out.append(
        "<section><h2>Verify before you act</h2>"
        f"<p>The rules data was last checked on {_e(meta.rules_date)}. Rules, cut scores and "
        "fees change: verify each client's steps with the state agency before they enrol or "
        "pay.</p></section>"
    )
    out.append(
        f"</main><footer><p>Made by lmspath {_e(meta.version)} on this computer; "
        "nothing was sent anywhere.</p></footer></body></html>"
    )
    return "\n".join(out) + "\n"
