"""`lmspath assess` once its options are read: shared by the typer command and the fast path."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from lmspath.cli.data_folder import use_data
from lmspath.cli.out import echo
from lmspath.errors import InputError, NotATerminalError, OptionError, one_line, shown

if TYPE_CHECKING:
    from lmspath.model.profile import Profile
    from lmspath.model.results import Assessment


def _today() -> dt.date:
    return dt.date.today()


def run_assess(
    *,
    profile: Path | None = None,
    state: str | None = None,
    fmt: str | None = None,
    output: Path | None = None,
    save_profile: Path | None = None,
    program: str | None = None,
    ask_missing: bool = False,
    full: bool = False,
    summary: bool = False,
    no_pager: bool = False,
    quiet: bool = False,
    assume: list[str] | None = None,
    data: Path | None = None,
) -> None:
    """Assess a profile (read, or asked for) and print or write the report; errors raise."""
    from lmspath.api.assess import Format, assessment_for, format_for_path, render_text
    from lmspath.files import check_target, same_file
    from lmspath.model.profile import merge
    from lmspath.render.console import is_interactive, stdout_console, write_atomic
    from lmspath.store.load import exam_index, state_for_input
    from lmspath.store.profile_file import read_profile, write_profile

    def warn(message: str) -> None:
        echo(f"Warning: {one_line(message)}", err=True)

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
        echo(f"Note: {item}", err=True)
    asked = person is None  # the whole questionnaire ran: nothing is kept yet
    resumed: Path | None = None  # answers saved on Ctrl-C, completed by this run
    if person is None or ask_missing:
        if not is_interactive():
            raise NotATerminalError(
                "no profile given and this is not a terminal: run with --profile FILE"
                if person is None
                else "--ask-missing needs a terminal; fill in the profile file instead"
            )
        from lmspath.ask.interview import is_partial_answers, run_interview

        if profile is not None and is_partial_answers(profile):
            resumed = profile
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
    answers_kept: Path | None = save_profile
    if output is not None:
        write_atomic(output, render_text(result, chosen), warn=warn)
        if not quiet:
            from lmspath.cli.assess_output import print_summary

            print_summary(result, output)
            echo(f"Wrote {output} ({chosen.value}).", err=True)
    elif chosen is Format.terminal:
        from lmspath.cli.assess_output import offer_to_save, print_full, print_summary

        # On a terminal the summary comes first (one screen); piped, the whole report as before.
        if summary or (not full and stdout_console().is_terminal):
            print_summary(result, None)
            if (asked or resumed) and save_profile is None and is_interactive():
                answers_kept = offer_to_save(person, result)
        else:
            print_full(result, use_pager=not no_pager)
    else:
        echo(render_text(result, chosen), nl=False)
    if resumed is not None:
        _finish_partial(resumed, answers_kept)


def _finish_partial(partial: Path, kept: Path | None) -> None:
    """A run that resumed from answers saved on Ctrl-C has finished: remove that file once
    the complete answers are kept elsewhere, else say where they still are."""
    from lmspath.files import same_file

    if kept is not None and not same_file(kept, partial):
        try:
            partial.unlink()
        except OSError as exc:
            echo(f"Note: {partial} could not be removed ({exc.strerror or exc})", err=True)
            return
        echo(f"Note: removed {partial}: your complete answers are in {kept}", err=True)
        return
    echo(
        f"Note: your answers are complete but kept only in {partial}; "
        "keep them under a name of yours with --save-profile, or delete the file",
        err=True,
    )


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
    return after.replace(**{"what_if": change})
