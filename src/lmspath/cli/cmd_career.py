"""`lmspath career [STATE]`: pay, openings, staffing and the ladder, cited, in three formats."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from lmspath.cli.data_option import DataOption, use_data
from lmspath.errors import InputError

if TYPE_CHECKING:
    from rich.console import RenderableType

FORMATS = ("terminal", "markdown", "json")
_BY_EXTENSION = {".md": "markdown", ".json": "json", ".txt": "terminal"}


def _chosen_format(fmt: str | None, output: Path | None) -> str:
    if fmt is not None:
        word = fmt.strip().lower()
        if word not in FORMATS:
            raise InputError(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
        return word
    if output is not None:
        found = _BY_EXTENSION.get(output.suffix.lower())
        if found is None:
            raise InputError(
                f"--output: cannot tell the format from {output.name!r}; "
                "use a .md, .json or .txt name, or give --format"
            )
        return found
    return "terminal"


def career_command(
    state: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation at run time on Python 3.10
        typer.Argument(
            metavar="STATE",
            help="State code or name (TX, 'New York'); leave out for the national facts only.",
        ),
    ] = None,
    fmt: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="terminal, markdown or json (default terminal, or from --output's name).",
        ),
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write to this file (.md, .json, .txt)."
        ),
    ] = None,
    data: DataOption = None,
) -> None:
    """Pay, openings, staffing mandates and the ladder after certification, with sources."""
    use_data(data)
    from lmspath.engine.career import career_report
    from lmspath.model.states import JURISDICTIONS, resolve_state, unknown_state_message
    from lmspath.render import career_view as view
    from lmspath.render.console import render_plain, stdout_console, write_atomic
    from lmspath.store.market import load_market

    chosen = _chosen_format(fmt, output)
    code: str | None = None
    if state is not None:
        code = resolve_state(state)
        if code is None:
            raise InputError(unknown_state_message(state))
    market = load_market()
    report = career_report(market, code, JURISDICTIONS[code] if code else None)
    on_record = list(market.states) if code is None else None

    terminal_parts: list[RenderableType] | None = None
    if chosen == "json":
        text = view.career_json(report)
    elif chosen == "markdown":
        text = view.career_markdown(report, on_record)
    else:
        terminal_parts = view.career_terminal(report, on_record)
        text = ""
    if output is not None:
        if terminal_parts is not None:
            text = render_plain(terminal_parts)
        write_atomic(output, text)
        typer.echo(f"Wrote {output} ({chosen}).", err=True)
        return
    if terminal_parts is not None:
        console = stdout_console()
        for part in terminal_parts:
            console.print(part)
        return
    typer.echo(text, nl=False)


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("career")(career_command)
