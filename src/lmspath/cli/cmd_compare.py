"""`lmspath compare`: one profile against every jurisdiction, ranked, with a US tile map."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer

from lmspath.cli.data_option import DataOption, use_data
from lmspath.errors import InputError

_FORMATS = ("terminal", "markdown", "json", "csv")
_SUFFIX = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".csv": "csv",
    ".txt": "terminal",
}


def _today() -> dt.date:
    return dt.date.today()


def parse_states(text: str) -> list[str]:
    """Codes from 'TX,OK,nm' or 'Texas, Oklahoma' (each must have rules); InputError naming
    the first unknown one and the closest valid code."""
    from lmspath.store.load import state_for_input

    codes: list[str] = []
    for item in text.split(","):
        if not item.strip():
            continue
        try:
            code = state_for_input(item)
        except InputError as exc:
            raise InputError(f"--states: {exc.message}") from None
        if code not in codes:
            codes.append(code)
    if not codes:
        raise InputError("--states: no state given; use codes such as TX,OK,NM")
    return codes


def choose_format(fmt: str | None, output: Path | None) -> str:
    """The output format from --format, else from --output's extension, else terminal."""
    if fmt is not None:
        word = fmt.strip().lower()
        if word not in _FORMATS:
            raise InputError(f"--format: {fmt!r} is not one of {', '.join(_FORMATS)}")
        return word
    if output is not None:
        found = _SUFFIX.get(output.suffix.lower())
        if found is None:
            raise InputError(
                f"--output: cannot tell the format from {output.name!r}; "
                "use a .md, .json, .csv or .txt name, or give --format"
            )
        return found
    return "terminal"


def compare_command(
    profile: Annotated[Path, typer.Option("--profile", "-p", help="Profile file (YAML or JSON).")],
    states: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation at run time on Python 3.10
        typer.Option("--states", help="Only these states, comma-separated (TX,OK,NM)."),
    ] = None,
    fmt: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--format", "-f", help="terminal, markdown, json or csv (default: from --output)."
        ),
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Write to this file (.md, .json, .csv, .txt)."),
    ] = None,
    assume: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--assume",
            "-a",
            help="What if: FIELD=VALUE or EXAM:SCORE; repeatable. Ranks with it and names the "
            "states whose verdict flips.",
        ),
    ] = None,
    data: DataOption = None,
) -> None:
    """Every jurisdiction ranked for this person: verdict, months, cost, next step, tile map."""
    use_data(data)
    from lmspath.api.compare import compare
    from lmspath.render import compare_view
    from lmspath.render.console import FILE_WIDTH, render_plain, stdout_console, write_atomic
    from lmspath.store.load import available_states, exam_index
    from lmspath.store.profile_file import read_profile
    from lmspath.store.tiles import load_tiles

    chosen = choose_format(fmt, output)
    if output is not None and output.resolve() == profile.resolve():
        raise InputError(f"--output: {output} is the profile file; choose another name")
    codes = parse_states(states) if states is not None else available_states()
    person = read_profile(profile, exam_index())
    lines: list[str] = []
    json_extra: dict[str, object] = {}
    csv_extra: dict[str, dict[str, str]] = {}
    if assume:
        from lmspath.engine.whatif import compare_lines, state_changes
        from lmspath.store.assume import apply, parse_assumptions

        assumptions = parse_assumptions(assume, exam_index())
        before = compare(person, codes, today=_today())
        rows = compare(apply(person, assumptions), codes, today=_today())
        changes = state_changes(before, rows)
        texts = [a.text for a in assumptions]
        lines = compare_lines(texts, changes)
        json_extra = {
            "what_if": {
                "assumed": texts,
                "flipped": [c.state for c in changes if c.flipped],
                "states": [c._asdict() for c in changes],
            }
        }
        csv_extra = {
            c.state: {
                "verdict_before": c.verdict_before,
                "months_max_before": f"{c.months_before[1]:g}" if c.months_before else "",
                "verdict_flips": "yes" if c.flipped else "no",
            }
            for c in changes
        }
    else:
        rows = compare(person, codes, today=_today())
    tiles = load_tiles()
    if chosen == "terminal":
        from rich.text import Text

        extra = [Text("What if: " + "\n  ".join(lines), style="cyan")] if lines else []
        parts = compare_view.render_terminal(rows, tiles, extra)
        if output is None:
            console = stdout_console()
            for part in parts:
                console.print(part)
            return
        text = render_plain(parts, FILE_WIDTH)
    elif chosen == "markdown":
        md_extra = ["## What if", "", *(f"- {line}" for line in lines), ""] if lines else []
        text = compare_view.render_markdown(rows, tiles, md_extra)
    elif chosen == "json":
        text = compare_view.render_json(rows, tiles, json_extra)
    else:
        text = compare_view.render_csv(rows, tiles, csv_extra)
    if output is None:
        typer.echo(text, nl=False)
        return
    write_atomic(output, text)
    typer.echo(f"Wrote {output} ({chosen}, {len(rows)} states).", err=True)


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("compare")(compare_command)
