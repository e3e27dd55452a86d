"""`lmspath assess`: read or ask for a profile, assess it, print or write the report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from lmspath.cli.data_option import DataOption


def assess_command(
    profile: Annotated[
        Optional[Path],  # noqa: UP045 - typer reads the annotation at run time on Python 3.10
        typer.Option(
            "--profile",
            "-p",
            help="Profile file (YAML or JSON); skips the questions.",
            dir_okay=True,
            # lmspath reads it and says why it cannot, in one line (exit 3), not click.
            readable=False,
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
            help="terminal, markdown, json or html (default: terminal, or --output's extension).",
        ),
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output", "-o", help="Write the report to this file (.md, .json, .html, .txt)."
        ),
    ] = None,
    save_profile: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--save-profile", help="Keep the answers as a profile file."),
    ] = None,
    program: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--program",
            metavar="ID",
            help="Plan with this recorded program's months and cost (ids: `lmspath programs`); "
            "overrides the profile's `program`.",
        ),
    ] = None,
    ask_missing: Annotated[
        bool,
        typer.Option(
            "--ask-missing", help="With --profile on a terminal: ask only what the file leaves out."
        ),
    ] = False,
    full: Annotated[
        bool,
        typer.Option(
            "--full",
            help="The whole report (every route, skills, sources); through a pager on a terminal.",
        ),
    ] = False,
    summary: Annotated[
        bool,
        typer.Option("--summary", help="Only the one-screen summary, even when piped."),
    ] = False,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="With --full: print instead of opening a pager.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="With --output: print nothing but errors.")
    ] = False,
    assume: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--assume",
            "-a",
            help="What if: FIELD=VALUE (any profile field) or EXAM:SCORE; repeatable. The "
            "report shows the plan with it and what changed.",
        ),
    ] = None,
    data: DataOption = None,
) -> None:
    """Assess a profile against a state's rules: gap report and ordered step plan.

    Run with no --profile on a terminal, it starts a questionnaire: about 17 short questions
    (target state, degrees, school library program, teaching license and years, exams passed,
    practicum, tools and skills), each skippable, then a screen to check and change every answer,
    then the report. Ctrl-C stops and saves the answers so far. --profile FILE skips the
    questions; --ask-missing asks only what the file leaves out; --save-profile keeps the answers.

    On a terminal the report is a one-screen summary; --full shows everything through a pager.
    """
    from lmspath.cli.assess_run import run_assess

    run_assess(
        profile=profile,
        state=state,
        fmt=fmt,
        output=output,
        save_profile=save_profile,
        program=program,
        ask_missing=ask_missing,
        full=full,
        summary=summary,
        no_pager=no_pager,
        quiet=quiet,
        assume=assume,
        data=data,
    )


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("assess")(assess_command)
