"""`lmspath assess`: read or ask for a profile, assess it, print or write the report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer

from lmspath.cli.data_option import DataOption, use_data
from lmspath.errors import InputError, NotATerminalError


def _today() -> dt.date:
    return dt.date.today()


def assess_command(
    profile: Annotated[
        Optional[Path],  # noqa: UP045 - typer reads the annotation at run time on Python 3.10
        typer.Option(
            "--profile",
            "-p",
            help="Profile file (YAML or JSON); skips the questions.",
            dir_okay=True,
        ),
    ] = None,
    state: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--state", "-s", help="Target state: code or name; overrides the profile."),
    ] = None,
    fmt: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            help="terminal, markdown or json (default terminal, or from --output's extension).",
        ),
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Write the report to this file (.md, .json, .txt)."),
    ] = None,
    save_profile: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--save-profile", help="Keep the answers as a profile file."),
    ] = None,
    ask_missing: Annotated[
        bool,
        typer.Option(
            "--ask-missing", help="With --profile on a terminal: ask only what the file leaves out."
        ),
    ] = False,
    data: DataOption = None,
) -> None:
    """Assess a profile against a state's rules: gap report and ordered step plan."""
    from lmspath.console import is_interactive, stdout_console, write_atomic
    from lmspath.data import exam_index, state_for_input
    from lmspath.profile import merge
    from lmspath.profile_io import read_profile, write_profile
    from lmspath.service import Format, assessment_for, format_for_path, render_text

    if output is not None and profile is not None and output.resolve() == profile.resolve():
        raise InputError(f"--output: {output} is the profile file; choose another name")
    chosen: Format | None = None
    if fmt is not None:
        try:
            chosen = Format(fmt.strip().lower())
        except ValueError:
            raise InputError(f"--format: {fmt!r} is not one of terminal, markdown, json") from None
    if output is not None and chosen is None:
        chosen = format_for_path(output)
        if chosen is None:
            raise InputError(
                f"--output: cannot tell the format from {output.name!r}; "
                "use a .md, .json or .txt name, or give --format"
            )
    chosen = chosen or Format.terminal

    use_data(data)
    index = exam_index()
    read: list[str] = []
    person = read_profile(profile, index, read) if profile is not None else None
    for item in read:
        typer.echo(f"Note: {item}", err=True)
    if person is None or ask_missing:
        if not is_interactive():
            raise NotATerminalError(
                "no profile given and this is not a terminal: run with --profile FILE"
                if person is None
                else "--ask-missing needs a terminal; fill in the profile file instead"
            )
        from lmspath.questionnaire import run_interview

        person = run_interview(person, state_hint=state, save_path=save_profile)
        # The interview starts from --state, and the review screen may change it.
        state = person.state or state
    code_text = state or person.state
    if code_text is None:
        raise InputError(
            f"{profile.name if profile else 'profile'}: state: not given; "
            "set `state:` in the profile or pass --state XX"
        )
    code = state_for_input(code_text)
    if person.state is None:
        person = merge(person, state=code)
    if save_profile is not None:
        write_profile(person, save_profile)

    result = assessment_for(person, code, today=_today())
    if output is not None:
        write_atomic(output, render_text(result, chosen))
        typer.echo(f"Wrote {output} ({chosen.value}).", err=True)
        return
    if chosen is Format.terminal:
        from lmspath.render.terminal import render_terminal

        console = stdout_console()
        from lmspath.service import skills_renderable

        for part in render_terminal(result, skills_renderable):
            console.print(part)
        return
    typer.echo(render_text(result, chosen), nl=False)


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("assess")(assess_command)
