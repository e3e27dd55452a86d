"""The command line: the typer app, its commands, and the one error-to-exit-code boundary."""

from __future__ import annotations

import functools
import importlib
import sys
from typing import TYPE_CHECKING, Any

from lmspath import __version__
from lmspath.errors import ExitCode, LmspathError

if TYPE_CHECKING:
    import typer


def version_line() -> str:
    """``lmspath 0.1.0 (rules data checked up to YYYY-MM-DD)`` without loading the data models."""
    from lmspath.datadate import rules_data_date

    return f"lmspath {__version__} (rules data checked up to {rules_data_date()})"


@functools.cache
def get_app() -> typer.Typer:
    """The typer app (built once; typer is imported only when a command runs)."""
    import typer
    from typer.core import TyperGroup

    from lmspath.cli import cmd_assess, cmd_data, cmd_states

    class _Group(TyperGroup):
        """Maps domain errors to one ``Error:`` line and the contract's exit code."""

        def invoke(self, ctx: Any) -> Any:
            try:
                return super().invoke(ctx)
            except LmspathError as exc:
                if ctx.params.get("debug"):
                    raise
                typer.echo(f"Error: {exc.message}", err=True)
                raise typer.Exit(int(exc.exit_code)) from None
            except (KeyboardInterrupt, typer.Abort):
                typer.echo("Error: interrupted", err=True)
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
        add_completion=False,
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
    for optional in ("cmd_skills", "cmd_batch", "cmd_programs", "cmd_compare"):
        # Commands that live in their own modules register themselves when present.
        try:
            extra = importlib.import_module(f"lmspath.cli.{optional}")
        except ModuleNotFoundError as exc:
            if exc.name != f"lmspath.cli.{optional}":
                raise
            continue
        extra.register(app)
    return app


def main(argv: list[str] | None = None) -> None:
    """Console entry point."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:
        # Fast path: no typer, no pydantic.
        print(version_line())
        return
    try:
        get_app()(args=args, prog_name="lmspath")
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error.
        sys.stderr.close()
        sys.exit(0)
