"""`lmspath states`, `rules XX` and `exams`: what the rules data says, with sources."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from lmspath.cli.data_option import DataOption
from lmspath.cli.tables_run import run_exams, run_rules, run_states, table_text

__all__ = ["register", "table_text"]


def states_command(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="terminal, markdown, json or csv.")
    ] = "terminal",
    full: Annotated[
        bool,
        typer.Option("--full", help="Terminal: every column (agency, routes, dates, unknowns)."),
    ] = False,
    data: DataOption = None,
) -> None:
    """Every jurisdiction: credential, agency, pathways, confidence, last checked, unknowns."""
    run_states(fmt=fmt, full=full, data=data)


def rules_command(
    state: Annotated[str, typer.Argument(help="State code or name, e.g. TX or 'New York'.")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="terminal, markdown or json.")
    ] = "terminal",
    data: DataOption = None,
) -> None:
    """One state's pathways and requirements in full, each with sources, confidence, conflicts."""
    run_rules(state=state, fmt=fmt, data=data)


def exams_command(
    exam_name: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation at run time on Python 3.10
        typer.Argument(
            metavar="[EXAM]", help="With --score: the exam (praxis-5312, 'Praxis 5312', 5312)."
        ),
    ] = None,
    score: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option("--score", help="List the states where this score passes or fails."),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="terminal, markdown, json or csv.")
    ] = "terminal",
) -> None:
    """Every exam the data knows: vendor, code, format, fee, and which states use it at what cut.
    With ID --score N: where that score passes, fails, or the cut is not confirmed."""
    run_exams(exam_name=exam_name, score=score, fmt=fmt)


def register(app: typer.Typer) -> None:
    """Add the commands to the app."""
    app.command("states")(states_command)
    app.command("rules")(rules_command)
    app.command("exams")(exams_command)
