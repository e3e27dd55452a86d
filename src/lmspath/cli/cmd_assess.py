"""`lmspath assess`: read or ask for a profile, assess it, print or write the report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from lmspath.cli.data_option import DataOption, use_data
from lmspath.errors import InputError, NotATerminalError, OptionError, one_line, shown

if TYPE_CHECKING:
    from lmspath.model.profile import Profile
    from lmspath.model.results import Assessment


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
    from lmspath.api.assess import Format, assessment_for, format_for_path, render_text
    from lmspath.cli.assess_output import offer_to_save, print_full, print_summary
    from lmspath.files import check_target, same_file
    from lmspath.model.profile import merge
    from lmspath.render.console import is_interactive, stdout_console, write_atomic
    from lmspath.store.load import exam_index, state_for_input
    from lmspath.store.profile_file import read_profile, write_profile

    def warn(message: str) -> None:
        typer.echo(f"Warning: {one_line(message)}", err=True)

    if state is not None and not state.strip():
        raise OptionError("--state: is empty; give a code such as TX or a state's name")
    if output is not None and profile is not None and same_file(output, profile):
        raise InputError(f"--output: {output} is the profile file; choose another name")
    if save_profile is not None:
        if profile is not None and same_file(save_profile, profile):
            raise InputError(
                f"--save-profile: {save_profile} is the profile file itself; saving would "
                "rewrite it (comments and spellings lost); choose another name"
            )
        if output is not None and same_file(save_profile, output):
            raise InputError(
                f"--save-profile and --output both name {output}; give each its own file"
            )
    chosen: Format | None = None
    if fmt is not None:
        try:
            chosen = Format(fmt.strip().lower())
        except ValueError:
            raise OptionError(
                f"--format: {shown(fmt)} is not one of terminal, markdown, json, html"
            ) from None
    if output is not None and chosen is None:
        chosen = format_for_path(output)
        if chosen is None:
            raise OptionError(
                f"--output: cannot tell the format from {shown(output.name)}; "
                "use a .md, .json, .html or .txt name, or give --format"
            )
    chosen = chosen or Format.terminal
    # Before any question is asked: a target that would be refused is refused now.
    if output is not None:
        check_target(output, "--output")
    if save_profile is not None:
        check_target(save_profile, "--save-profile")

    use_data(data)
    index = exam_index()
    read: list[str] = []
    person = read_profile(profile, index, read) if profile is not None else None
    for item in read:
        typer.echo(f"Note: {item}", err=True)
    asked = person is None  # the whole questionnaire ran: nothing is kept yet
    if person is None or ask_missing:
        if not is_interactive():
            raise NotATerminalError(
                "no profile given and this is not a terminal: run with --profile FILE"
                if person is None
                else "--ask-missing needs a terminal; fill in the profile file instead"
            )
        from lmspath.ask.interview import run_interview

        given = person
        person = run_interview(person, state_hint=state, save_path=save_profile)
        if given is not None:
            # The questionnaire does not ask these; keep what the file gave.
            from lmspath.model.profile import FILE_ONLY_FIELDS

            kept = {f: getattr(given, f) for f in FILE_ONLY_FIELDS if getattr(given, f) is not None}
            person = merge(person, **kept) if kept else person
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
        write_profile(person, save_profile, "--save-profile")
    if person.library_certificate_state == code:
        raise InputError(
            f"library_certificate_state: {code} is the state being assessed; a certificate you "
            "already hold there needs no plan (leave the field blank, or choose another --state)"
        )

    label = "program" if profile is None else f"{profile.name}: program"
    if program is not None:
        from lmspath.model.profile import parse_field

        try:
            person = merge(person, program=parse_field("program", program))
        except ValueError as exc:
            raise InputError(f"--program: {exc}") from None
        label = "--program"
    if assume:
        result = _assessed_with(person, code, assume)
    else:
        result = assessment_for(person, code, today=_today(), program_label=label)
    if output is not None:
        write_atomic(output, render_text(result, chosen), warn=warn)
        if not quiet:
            print_summary(result, output)
            typer.echo(f"Wrote {output} ({chosen.value}).", err=True)
        return
    if chosen is Format.terminal:
        # On a terminal the summary comes first (one screen); piped, the whole report as before.
        if summary or (not full and stdout_console().is_terminal):
            print_summary(result, None)
            if asked and save_profile is None and is_interactive():
                offer_to_save(person, result)
        else:
            print_full(result, use_pager=not no_pager)
        return
    typer.echo(render_text(result, chosen), nl=False)


def _assessed_with(person: Profile, code: str, assume: list[str]) -> Assessment:
    """The assessment under the assumed answers, with what they change."""
    from lmspath.api.assess import assessment_for
    from lmspath.engine.whatif import what_if
    from lmspath.store.assume import apply, parse_assumptions
    from lmspath.store.load import exam_index, state_for_input

    assumptions = parse_assumptions(assume, exam_index())
    assumed = apply(person, assumptions)
    moved = assumed.state is not None and assumed.state != person.state
    target = state_for_input(assumed.state) if moved and assumed.state else code
    if assumed.library_certificate_state == target:
        raise InputError(
            f"--assume: library_certificate_state: {target} is the state being assessed; "
            "assume a certificate from another state"
        )
    before = assessment_for(person, code, today=_today())
    after = assessment_for(assumed, target, today=_today())
    change = what_if(before, after, [a.text for a in assumptions])
    return after.model_copy(update={"what_if": change})


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("assess")(assess_command)
