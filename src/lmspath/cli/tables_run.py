"""`lmspath states`, `rules XX` and `exams` once their options are read; no typer (shared by
the typer commands and the fast path)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from lmspath.cli.data_folder import use_data
from lmspath.cli.out import echo
from lmspath.errors import OptionError, shown

_TABLE_FORMATS = ("terminal", "markdown", "json", "csv")


def _format(value: str, allowed: tuple[str, ...]) -> str:
    word = value.strip().lower()
    if word not in allowed:
        raise OptionError(f"--format: {shown(value)} is not one of {', '.join(allowed)}")
    return word


def table_text(rows: list[dict[str, object]], fmt: str, title: str) -> str | None:
    """Rows as markdown, JSON or CSV text; None for the terminal (printed as a rich table)."""
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(
            buffer, fieldnames=list(rows[0]) if rows else [], lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue()
    if fmt == "markdown":
        from lmspath.render.text import md_cell

        head = list(rows[0]) if rows else []
        lines = [f"# {title}", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(md_cell(r[h]) for h in head) + " |" for r in rows]
        return "\n".join(lines) + "\n"
    return None


def _print_table(rows: list[dict[str, object]], title: str, columns: list[str]) -> None:
    from rich.table import Table
    from rich.text import Text

    from lmspath.render.console import stdout_console

    # The title on a line of its own: as the table's title it wrapped at a narrow table's
    # width ("texes-150 at 250: 1 state uses" / "it").
    table = Table()
    for column in columns:
        table.add_column(column.replace("_", " "), overflow="fold")
    for row in rows:
        table.add_row(*(str(row[c]) for c in columns))
    console = stdout_console()
    console.print(Text(title))
    console.print(table)


def run_states(*, fmt: str = "terminal", full: bool = False, data: Path | None = None) -> None:
    """Every jurisdiction as a table in the chosen format."""
    use_data(data)
    from lmspath.engine.summary import state_row
    from lmspath.store.load import available_states, load_state

    chosen = _format(fmt, _TABLE_FORMATS)
    if chosen == "terminal" and not full:
        from lmspath.render.console import stdout_console
        from lmspath.render.states_compact import compact_row, compact_table

        compact = [compact_row(load_state(code)) for code in available_states()]
        console = stdout_console()
        console.print(compact_table(compact, console.width))
        return
    rows = [state_row(load_state(code)).as_dict() for code in available_states()]
    text = table_text(rows, chosen, "School library media credentials by jurisdiction")
    if text is not None:
        echo(text, nl=False)
        return
    _print_table(
        rows,
        f"{len(rows)} jurisdictions",
        [
            "code",
            "name",
            "credential",
            "agency",
            "pathways",
            "confidence",
            "last_checked",
            "conflicts",
            "unconfirmed",
        ],
    )


def run_rules(*, state: str, fmt: str = "terminal", data: Path | None = None) -> None:
    """One state's rules in full."""
    use_data(data)
    from lmspath.render.rules_view import render_rules_markdown
    from lmspath.store.load import load_exams, load_state, state_for_input

    chosen = _format(fmt, ("terminal", "markdown", "json"))
    rules = load_state(state_for_input(state))
    if chosen == "json":
        echo(json.dumps(rules.to_json(), indent=2, ensure_ascii=False))
        return
    text = render_rules_markdown(rules, load_exams())
    if chosen == "markdown":
        echo(text, nl=False)
        return
    from rich.markdown import Markdown

    from lmspath.render.console import stdout_console

    stdout_console().print(Markdown(text))


def run_exams(
    *, exam_name: str | None = None, score: float | None = None, fmt: str = "terminal"
) -> None:
    """Every exam, or where one score passes."""
    from lmspath.engine.summary import exam_usage
    from lmspath.store.load import available_states, load_exams, load_state

    chosen = _format(fmt, _TABLE_FORMATS)
    catalog = load_exams()
    usage = exam_usage([load_state(c) for c in available_states()], catalog)
    if exam_name is not None or score is not None:
        from lmspath.cli.exam_score import score_rows

        found, title = score_rows(exam_name, score, usage)
        listed = table_text(found, chosen, title)
        if listed is not None:
            echo(listed, nl=False)
            return
        _print_table(found, title, ["state", "result", "cut_score"])
        return
    rows: list[dict[str, object]] = []
    for exam in catalog.exams:
        uses = "; ".join(
            f"{u.state} "
            + "/".join(f"{c:g}" if c is not None else "cut not confirmed" for c in u.cut_scores)
            for u in usage.get(exam.id, [])
        )
        rows.append(
            {
                "id": exam.id,
                "vendor": exam.vendor,
                "code": exam.code,
                "name": exam.name,
                "format": exam.format or "not confirmed",
                "fee_usd": f"{exam.fee_usd:g}" if exam.fee_usd is not None else "not confirmed",
                "states": uses or "none",
                "registration_url": exam.registration_url or "not on record",
                "length": exam.length or "not confirmed",
                "testing_window": exam.testing_window or "not confirmed",
                "confidence": exam.confidence,
                "sources": ", ".join(s.url for s in catalog.sources if s.id in set(exam.sources)),
            }
        )
    text = table_text(rows, chosen, "Exams")
    if text is not None:
        echo(text, nl=False)
        return
    _print_table(rows, f"{len(rows)} exams", ["id", "name", "fee_usd", "states", "confidence"])
