"""`lmspath programs [STATE]`: approved preparation programs, filtered, in four formats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from lmspath.cli.data_option import DataOption, use_data
from lmspath.errors import InputError, UsageError

if TYPE_CHECKING:
    from rich.console import RenderableType

FORMATS = ("terminal", "markdown", "json", "csv")
_BY_EXTENSION = {".md": "markdown", ".json": "json", ".csv": "csv", ".txt": "terminal"}


def _chosen_format(fmt: str | None, output: Path | None) -> str:
    if fmt is not None:
        word = fmt.strip().lower()
        if word not in FORMATS:
            raise UsageError(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
        return word
    if output is not None:
        found = _BY_EXTENSION.get(output.suffix.lower())
        if found is None:
            raise UsageError(
                f"--output: cannot tell the format from {output.name!r}; "
                "use a .md, .json, .csv or .txt name, or give --format"
            )
        return found
    return "terminal"


def _csv(rows: list[dict[str, object]]) -> str:
    from lmspath.render.programs_view import row_columns

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=row_columns(), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def programs_command(
    state: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation at run time on Python 3.10
        typer.Argument(
            metavar="STATE",
            help="State code or name (TX, 'New York'); leave out for every state.",
        ),
    ] = None,
    online: Annotated[
        bool, typer.Option("--online", help="Only programs delivered fully online.")
    ] = False,
    max_cost: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--max-cost",
            metavar="DOLLARS",
            help="Only programs whose tuition (stated total, or per credit x credits) can come "
            "to at most this; programs with no known cost are hidden and counted.",
        ),
    ] = None,
    no_license_needed: Annotated[
        bool,
        typer.Option(
            "--no-license-needed",
            help="Only programs that admit people without a teaching license.",
        ),
    ] = False,
    route: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--route",
            metavar="ROUTE",
            help="What the program leads to: degree_with_school_library_track, "
            "addon_endorsement, certificate_only or teacher_preparation (repeatable).",
        ),
    ] = None,
    program_id: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--id", metavar="ID", help="Show one program in full, with every source."),
    ] = None,
    fmt: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="terminal, markdown, json or csv (default terminal, or from --output's name).",
        ),
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write to this file (.md, .json, .csv, .txt)."
        ),
    ] = None,
    data: DataOption = None,
) -> None:
    """Approved school librarian preparation programs: price, format, route and sources."""
    use_data(data)
    from lmspath.engine.programs import (
        Filters,
        Listed,
        cost_of,
        find_program,
        parse_amount,
        parse_route,
        select,
    )
    from lmspath.model.states import resolve_state, unknown_state_message
    from lmspath.render import programs_view as view
    from lmspath.render.console import render_plain, stdout_console, write_atomic
    from lmspath.store.programs import load_programs

    chosen = _chosen_format(fmt, output)
    narrowing = online or max_cost is not None or no_license_needed or bool(route)
    if program_id is not None and (state is not None or narrowing):
        raise UsageError("--id shows one program; leave out STATE and the filters")
    code: str | None = None
    if state is not None:
        code = resolve_state(state)
        if code is None:
            raise InputError(unknown_state_message(state))
    filters = Filters(
        online=online,
        max_cost=parse_amount(max_cost) if max_cost is not None else None,
        no_license_needed=no_license_needed,
        routes=tuple(dict.fromkeys(parse_route(r) for r in route or [])),
    )
    catalog = load_programs()

    text: str
    terminal_parts: list[RenderableType] | None = None
    side_notes: list[str] = []
    if program_id is not None:
        item, program = find_program(catalog, program_id)
        if chosen == "json":
            text = json.dumps(view.record(item, program), indent=2, ensure_ascii=False) + "\n"
        elif chosen == "csv":
            text = _csv([view.row(Listed(item, program, "any", cost_of(program)), None)])
        else:
            text = view.program_markdown(item, program)
            if chosen == "terminal":
                from rich.markdown import Markdown

                terminal_parts = [Markdown(text)]
    else:
        selection = select(catalog, code, filters)
        if chosen == "json":
            text = json.dumps(view.selection_json(selection), indent=2, ensure_ascii=False) + "\n"
        elif chosen == "csv":
            text = _csv([view.row(e, code) for e in selection.listed])
            side_notes = view.notes(selection)
        elif chosen == "markdown":
            text = view.selection_markdown(selection)
        else:
            terminal_parts = view.selection_terminal(selection)
            text = ""

    if output is not None:
        if terminal_parts is not None:
            text = render_plain(terminal_parts)
        write_atomic(output, text)
        for line in side_notes:
            typer.echo(line, err=True)
        typer.echo(f"Wrote {output} ({chosen}).", err=True)
        return
    if terminal_parts is not None:
        console = stdout_console()
        for part in terminal_parts:
            console.print(part)
        return
    typer.echo(text, nl=False)
    for line in side_notes:
        typer.echo(line, err=True)


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("programs")(programs_command)
