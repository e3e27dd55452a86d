"""A comparison of states rendered: tile map and ranked list as terminal, markdown, JSON, CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from lmspath.engine.compare import band, tile_label
from lmspath.engine.words import at_least, count, months_short, titles
from lmspath.model.compare import StateRow
from lmspath.model.results import SCHEMA_VERSION
from lmspath.render.text import VERDICT_WORD, md_cell, money, months
from lmspath.store.tiles import TileMap

if TYPE_CHECKING:
    from rich.console import RenderableType

#: Characters per tile, the gap included: 12 columns of 6 fit in 80 with room to spare.
TILE_WIDTH = 6

#: Tile colours per band (``compare.band``); the label carries the meaning without colour.
BAND_STYLE = {
    "now": "black on green",
    "short": "black on bright_green",
    "medium": "black on yellow",
    "long": "black on dark_orange",
    "longer": "white on red",
    "unknown": "white on magenta",
    "none": "dim",
}

LEGEND = (
    "Each tile: the state, then the upper end of the months to certification along the "
    "critical path. now = eligible today; <1 = only short steps left (an exam, an "
    "application); + = at least (a step that takes months has no sourced estimate); "
    "? = depends on answers not given or time unknown; -- = not compared; own = the state "
    "whose certificate you hold."
)


def _by_state(rows: list[StateRow]) -> dict[str, StateRow]:
    return {row.state: row for row in rows}


def map_lines(rows: list[StateRow], tiles: TileMap) -> list[list[tuple[str, str]]]:
    """The map as lines of (text, band) cells: two lines per grid row (code, then label)."""
    found = _by_state(rows)
    lines: list[list[tuple[str, str]]] = []
    for grid_row in tiles.grid():
        codes: list[tuple[str, str]] = []
        labels: list[tuple[str, str]] = []
        for code in grid_row:
            if code is None:
                codes.append((" " * TILE_WIDTH, ""))
                labels.append((" " * TILE_WIDTH, ""))
                continue
            row = found.get(code)
            kind = band(row)
            codes.append((f" {code}".ljust(TILE_WIDTH - 1), kind))
            labels.append((f" {tile_label(row)}".ljust(TILE_WIDTH - 1), kind))
            codes.append((" ", ""))
            labels.append((" ", ""))
        lines += [codes, labels]
    return lines


def map_text(rows: list[StateRow], tiles: TileMap) -> str:
    """The map as plain text (markdown code block, or a terminal without colour)."""
    out = ["".join(text for text, _ in line).rstrip() for line in map_lines(rows, tiles)]
    return "\n".join(out) + "\n"


def _needs(row: StateRow) -> str:
    parts = []
    if row.needs_teaching_license:
        parts.append("license")
    if row.needs_master:
        parts.append("master's")
    if row.needs_exam:
        parts.append("exam")
    return ", ".join(parts) or "none of these"


def _mover_words(row: StateRow) -> str:
    if row.holds_certificate:
        return " (you hold this state's certificate)"
    if row.compact == "both_members":
        return " (both states in the teacher compact; librarians not confirmed)"
    return ""


def months_words(row: StateRow) -> str:
    """'18-36 months', 'at least 12 months (no estimate for "...")', or 'none left'."""
    if row.months is None:
        base = "no long step left" if row.months_complete else "not confirmed"
    else:
        base = months(row.months)
    if not row.months_complete:
        lead = at_least(row.months) if row.months is not None else base
        return f"{lead} (no estimate for {titles(row.unestimated)})"
    return base


SHORT_VERDICT = {"eligible": "eligible", "cannot_tell": "can't tell", "not_yet": "not yet"}

NEEDS_KEY = (
    "needs: L = a teaching license, M = a master's, E = an exam, - = none of these; "
    "months: N+ = at least N (a step that takes months has no estimate). Data: confidence in "
    "the state's data."
)


def _needs_short(row: StateRow) -> str:
    marks = [
        ("L", row.needs_teaching_license),
        ("M", row.needs_master),
        ("E", row.needs_exam),
    ]
    return " ".join(mark for mark, needed in marks if needed) or "-"


def _months_short(row: StateRow) -> str:
    if row.months is None:
        return "<1" if row.months_complete else "not confirmed"
    span = months_short(row.months)
    return span if row.months_complete else f"{span}+"


def _title(states: int) -> str:
    return f"Where you stand in {count(states, 'jurisdiction')}"


def render_terminal(
    rows: list[StateRow], tiles: TileMap, extra: Sequence[RenderableType] | None = None
) -> list[RenderableType]:
    """Renderables: the coloured tile map, its legend, then the ranked table."""
    from rich.table import Table
    from rich.text import Text

    parts: list[RenderableType] = [Text(_title(len(rows)), style="bold")]
    picture = Text()
    for line in map_lines(rows, tiles):
        for text, kind in line:
            picture.append(text, style=BAND_STYLE.get(kind, ""))
        picture.append("\n")
    parts += [picture, Text(LEGEND, style="dim"), *(extra or [])]
    parts.append(
        Text("Ranked for you (full route names and sources: --format markdown or json)", "bold")
    )
    lines = Table.grid()
    lines.add_column(no_wrap=True, overflow="ellipsis")
    head = f"{'#':>3} {'state':<5} {'verdict':<10} {'months':<13} {'cost':<16} needs  data"
    lines.add_row(Text(head, style="underline"))
    for row in rows:
        cost = money(row.cost_usd) if row.cost_usd is not None else "not confirmed"
        lines.add_row(
            f"{row.rank:>3} {row.state:<5} {SHORT_VERDICT[row.verdict]:<10} "
            f"{_months_short(row):<13} {cost:<16} {_needs_short(row):<6} {row.confidence}"
        )
        route = row.best_pathway_name + _mover_words(row)
        for detail in (route, f"next: {row.next_step or 'apply'}"):
            lines.add_row(Text(f"      {detail}", style="dim"))
    parts.append(lines)
    parts += [Text(NEEDS_KEY, style="dim")]
    return parts


def _wage(row: StateRow) -> str:
    if row.median_wage_usd is None:
        return "not on record"
    return f"{money((row.median_wage_usd, row.median_wage_usd))} ({row.median_wage_period})"


def render_markdown(rows: list[StateRow], tiles: TileMap, extra: list[str] | None = None) -> str:
    """The ranked table, then the map as text, for a markdown file."""
    lines = [f"# {_title(len(rows))}", ""]
    lines += extra or []
    lines += [
        "| # | state | verdict | best route | months | cost | next step | still needed "
        "| median wage, all library settings | confidence |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        cells = [
            str(row.rank),
            f"{row.state} ({row.name})",
            VERDICT_WORD[row.verdict],
            row.best_pathway_name + _mover_words(row),
            months_words(row),
            money(row.cost_usd) if row.cost_usd is not None else "not confirmed",
            row.next_step or "apply",
            _needs(row),
            _wage(row),
            f"{row.confidence} (checked {row.data_checked})",
        ]
        lines.append("| " + " | ".join(md_cell(c) for c in cells) + " |")
    lines += ["", "## Map", "", "```text", map_text(rows, tiles).rstrip("\n"), "```", ""]
    lines += [
        LEGEND,
        "",
        f"Tile layout: {tiles.source.title}, <{tiles.source.url}> "
        f"(read {tiles.source.read_on.isoformat()}). {tiles.note or ''}".rstrip(),
        "",
    ]
    return "\n".join(lines)


def _plain_row(row: StateRow, tiles: TileMap) -> dict[str, object]:
    data = row.to_json()
    tile_row, tile_col = tiles.position(row.state)
    data.update(tile_row=tile_row, tile_col=tile_col, tile_label=tile_label(row))
    return data


def render_json(
    rows: list[StateRow], tiles: TileMap, extra: dict[str, object] | None = None
) -> str:
    """The comparison as JSON: ``states`` (ranked rows) and ``map`` (every tile)."""
    found = _by_state(rows)
    payload: dict[str, object] = {
        "schema_version": SCHEMA_VERSION,
        "kind": "compare",
        "states": [_plain_row(row, tiles) for row in rows],
        "map": {
            "rows": tiles.rows,
            "cols": tiles.cols,
            "source": tiles.source.url,
            "tiles": [
                {
                    "code": t.code,
                    "row": t.row,
                    "col": t.col,
                    "label": tile_label(found.get(t.code)),
                    "band": band(found.get(t.code)),
                }
                for t in tiles.tiles
            ],
        },
    }
    payload.update(extra or {})
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


CSV_COLUMNS = (
    "rank",
    "state",
    "name",
    "verdict",
    "best_pathway",
    "best_pathway_name",
    "months_min",
    "months_max",
    "months_complete",
    "cost_min",
    "cost_max",
    "remaining_steps",
    "next_step",
    "needs_teaching_license",
    "needs_master",
    "needs_exam",
    "confidence",
    "data_checked",
    "tile_row",
    "tile_col",
    "tile_label",
    "holds_certificate",
    "compact",
    "median_wage_usd",
    "median_wage_period",
)


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def render_csv(
    rows: list[StateRow], tiles: TileMap, extra: dict[str, dict[str, str]] | None = None
) -> str:
    """One CSV row per state (``extra`` adds columns per state code, e.g. what-if ones)."""
    buffer = io.StringIO()
    more = sorted({k for cols in (extra or {}).values() for k in cols})
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*CSV_COLUMNS, *more])
    for row in rows:
        tile_row, tile_col = tiles.position(row.state)
        span = row.months
        cost = row.cost_usd
        values: list[object] = [
            row.rank,
            row.state,
            row.name,
            row.verdict,
            row.best_pathway,
            row.best_pathway_name,
            _num(span[0]) if span else "",
            _num(span[1]) if span else "",
            "yes" if row.months_complete else "no",
            _num(cost[0]) if cost else "",
            _num(cost[1]) if cost else "",
            row.remaining_steps,
            row.next_step or "",
            "yes" if row.needs_teaching_license else "no",
            "yes" if row.needs_master else "no",
            "yes" if row.needs_exam else "no",
            row.confidence,
            row.data_checked,
            tile_row,
            tile_col,
            tile_label(row),
            "yes" if row.holds_certificate else "no",
            row.compact or "",
            _num(row.median_wage_usd) if row.median_wage_usd is not None else "",
            row.median_wage_period or "",
        ]
        cells = (extra or {}).get(row.state, {})
        values += [cells.get(k, "") for k in more]
        writer.writerow([_safe(v) for v in values])
    return buffer.getvalue()


def _safe(value: object) -> str:
    """A cell a spreadsheet will not run as a formula."""
    text = str(value)
    if text[:1] in {"=", "+", "-", "@"} and not text.lstrip("+-").replace(".", "").isdigit():
        return "'" + text
    return text
