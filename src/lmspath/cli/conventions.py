"""Help-screen conventions for every command: examples, plain flags and UPPERCASE placeholders."""

from __future__ import annotations

from typing import Any

from typer.core import TyperArgument, TyperGroup, TyperOption

#: One or two runnable examples per command path ("" is lmspath itself).
EXAMPLES: dict[str, tuple[str, ...]] = {
    "": (
        "lmspath assess",
        "lmspath assess --profile me.yaml --output plan.html",
        "lmspath rules TX",
    ),
    "assess": (
        "lmspath assess                                    # answer the questions",
        "lmspath assess --profile examples/teacher-tx.yaml --full",
        "lmspath assess -p me.yaml -s NY --output plan.html",
    ),
    "batch": ("lmspath batch intake.csv --output results.csv --errors errors.csv --plans plans/",),
    "states": ("lmspath states", "lmspath states --format csv > states.csv"),
    "rules": ("lmspath rules TX", "lmspath rules 'New York' --format markdown"),
    "exams": ("lmspath exams", "lmspath exams --format csv"),
    "skills": ("lmspath skills --kind tool", "lmspath skills 'Follett Destiny'"),
    "intake-template": ("lmspath intake-template --output intake.csv",),
    "programs": ("lmspath programs TX --online", "lmspath programs --id sjsu-mlis"),
    "compare": (
        "lmspath compare --profile examples/teacher-tx.yaml",
        "lmspath compare -p me.yaml --states TX,OK,NM --assume master=yes",
    ),
    "career": ("lmspath career TX", "lmspath career --format markdown"),
    "data": ("lmspath data check",),
    "data check": ("lmspath data check", "lmspath data check ./my-data"),
}


def examples_epilog(path: str) -> str | None:
    """The 'Examples' block shown at the end of a command's help."""
    lines = EXAMPLES.get(path)
    if not lines:
        return None
    # Typer keeps a paragraph's line breaks only inside a code-like block; one per paragraph.
    return "Examples:\n\n" + "\n\n".join(f"  {line}" for line in lines)


def _placeholder(param: Any) -> str | None:
    """An UPPERCASE placeholder for a value, or '' for a flag that takes none."""
    if isinstance(param, TyperOption) and (param.is_flag or param.count):
        return ""
    if isinstance(param, TyperArgument):
        name = (param.metavar or param.name or "value").strip("[]")
        return name.upper()
    if param.metavar:
        return None  # chosen by the command
    desc = getattr(param, "type_descriptor", None)
    if desc is not None and desc.is_choice:
        return "|".join(str(c.value if hasattr(c, "value") else c) for c in desc.choices or ())
    if desc is not None and desc.is_path:
        return "FILE"
    if desc is not None and desc.annotation in (int, float):
        return "N"
    return _NAMES.get(str(param.name), str(param.name or "value").upper())


#: Placeholders for options whose Python name is not the word a reader expects.
_NAMES = {"fmt": "FORMAT"}


def _usage(word: str) -> Any:
    """A usage-line renderer that shows ``word`` as it is."""

    def pieces(_ctx: Any) -> list[str]:
        return [word]

    return pieces


def tidy_params(params: list[Any]) -> None:
    """Set the placeholders of these parameters (flags show none, values show NAME)."""
    for param in params:
        chosen = _placeholder(param)
        if chosen is not None:
            param.metavar = chosen
        if isinstance(param, TyperArgument) and param.required:
            # The usage line shows a required argument as STATE, not {STATE} (as man pages do).
            setattr(param, "get_usage_pieces", _usage(str(param.metavar)))  # noqa: B010


def tidy(command: Any, path: str, ctx: Any = None) -> None:
    """Apply the conventions to a command (and, for a group, to its subcommands)."""
    if getattr(command, "_lmspath_tidy", False):
        return
    tidy_params(command.params)
    if ctx is not None:
        helper = command.get_help_option(ctx)
        if helper is not None:
            tidy_params([helper])
    if command.epilog is None:
        command.epilog = examples_epilog(path)
    if isinstance(command, TyperGroup):
        for name, sub in command.commands.items():
            tidy(sub, f"{path} {name}".strip(), ctx)
    command._lmspath_tidy = True
