"""The command line: the typer app, its commands, and the one error-to-exit-code boundary."""

from __future__ import annotations

import contextlib
import functools
import importlib
import os
import sys

from lmspath import __version__
from lmspath.errors import ExitCode, LmspathError, one_line
from lmspath.process import install_interrupt_handlers

#: Not ``typing.TYPE_CHECKING``: importing typing is a tenth of ``lmspath --version``, and the
#: type checker reads any name TYPE_CHECKING as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    import typer


def version_line() -> str:
    """``lmspath 0.1.0 (rules data checked up to YYYY-MM-DD)`` without loading the data models."""
    from lmspath.store.datadate import rules_data_date

    return f"lmspath {__version__} (rules data checked up to {rules_data_date()})"


@functools.cache
def get_app() -> typer.Typer:
    """The typer app (built once; typer is imported only when a command runs)."""
    import typer
    from typer.core import TyperGroup

    from lmspath.cli import cmd_assess, cmd_data, cmd_states
    from lmspath.cli.conventions import tidy

    usage_error: type[Exception] = typer.BadParameter.__mro__[1]  # click's UsageError

    def _usage(exc: Exception) -> typer.Exit:
        """A usage error as one ``Error:`` line (not typer's boxed panel); exit 2."""
        if type(exc).__name__ == "NoArgsIsHelpError":  # `lmspath` alone shows the help
            raise exc
        context = getattr(exc, "ctx", None)
        where = f" (`{context.command_path} --help` lists the options)" if context else ""
        message = " ".join(exc.format_message().split())  # type: ignore[attr-defined]
        typer.echo(f"Error: {one_line(message)}{where}", err=True)
        return typer.Exit(int(ExitCode.USAGE))

    class _Group(TyperGroup):
        """Maps domain errors to one ``Error:`` line and the contract's exit code."""

        def get_params(self, ctx: Any) -> Any:
            tidy(self, "", ctx)  # help: examples, plain flags, UPPERCASE placeholders
            return super().get_params(ctx)

        def get_command(self, ctx: Any, cmd_name: str) -> Any:
            command = super().get_command(ctx, cmd_name)
            if command is not None:
                tidy(command, cmd_name, ctx)
            return command

        def make_context(self, *args: Any, **kwargs: Any) -> Any:
            try:
                return super().make_context(*args, **kwargs)
            except usage_error as exc:
                raise _usage(exc) from None

        def invoke(self, ctx: Any) -> Any:
            try:
                return super().invoke(ctx)
            except LmspathError as exc:
                if ctx.params.get("debug"):
                    raise
                # Ctrl-C is the person's choice, not a failure: "Stopped", exit 130 all the same.
                label = "Stopped" if exc.exit_code == ExitCode.INTERRUPTED else "Error"
                typer.echo(f"{label}: {one_line(exc.message)}", err=True)
                raise typer.Exit(int(exc.exit_code)) from None
            except usage_error as exc:
                raise _usage(exc) from None
            except (KeyboardInterrupt, typer.Abort):
                typer.echo("Stopped: interrupted", err=True)
                raise typer.Exit(int(ExitCode.INTERRUPTED)) from None

    app = typer.Typer(
        name="lmspath",
        cls=_Group,
        help=(
            "How far you are from certification as a school Library Media Specialist "
            "(school librarian) in any US state or DC, and what to do next."
        ),
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        pretty_exceptions_show_locals=False,
        add_completion=True,
    )

    def _version(value: bool) -> None:
        if value:
            typer.echo(version_line())
            raise typer.Exit(0)

    @app.callback()
    def _root(
        version: bool = typer.Option(
            False,
            "--version",
            help="Show the version and the rules data date.",
            callback=_version,
            is_eager=True,
        ),
        debug: bool = typer.Option(False, "--debug", help="Show tracebacks for errors."),
    ) -> None:
        """How far you are from school Library Media Specialist certification, and what next."""

    for module in (cmd_assess, cmd_states, cmd_data):
        module.register(app)
    for optional in ("cmd_skills", "cmd_batch", "cmd_programs", "cmd_career", "cmd_compare"):
        # Commands that live in their own modules register themselves when present.
        try:
            extra = importlib.import_module(f"lmspath.cli.{optional}")
        except ModuleNotFoundError as exc:
            if exc.name != f"lmspath.cli.{optional}":
                raise
            continue
        extra.register(app)
    return app


def _silence_stdout() -> None:
    """Point standard output at the null device, so the interpreter's last flush of what could
    not be written raises nothing more."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _say(line: str) -> None:
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(line, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> None:
    """Console entry point."""
    # First, before anything slow: a SIGTERM during start-up must end like Ctrl-C does.
    install_interrupt_handlers()
    args = list(sys.argv[1:] if argv is None else argv)
    code: int | str | None = 0
    ran_fast = False
    try:
        if args == ["--version"]:
            # Fast path: no typer, no pydantic.
            print(version_line())
        else:
            from lmspath.cli.fast import run

            # The plain forms of assess, batch, rules, states and exams run without typer;
            # everything else (help, errors in the arguments, other commands) goes to typer.
            fast = run(args)
            if fast is not None:
                code, ran_fast = fast, True
            else:
                try:
                    get_app()(args=args, prog_name="lmspath")
                except SystemExit as exc:
                    code = exc.code
        if sys.stdout is not None:
            sys.stdout.flush()  # a full disk shows here, while it can still be reported
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error.
        _silence_stdout()
        sys.exit(0)
    except KeyboardInterrupt:
        _say("Error: interrupted")
        sys.exit(int(ExitCode.INTERRUPTED))
    except OSError as exc:
        # Outputs to files report their own errors; what reaches here is a standard stream
        # that cannot take the output (`> /dev/full`).
        _silence_stdout()
        reason = exc.strerror or str(exc)
        _say(f"Error: standard output: cannot write ({one_line(reason)})")
        sys.exit(int(ExitCode.BAD_INPUT))
    if ran_fast and argv is None and isinstance(code, int):
        from lmspath.cli.fast import finish

        finish(code)  # as the console script only: everything is written, skip the teardown
    sys.exit(code)
