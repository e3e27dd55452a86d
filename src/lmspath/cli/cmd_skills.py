"""The `lmspath skills` command: list the skills taxonomy or show one item of it."""

from __future__ import annotations

import json
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from lmspath.errors import InputError

if TYPE_CHECKING:
    from lmspath.model.skills import Taxonomy


class KindChoice(str, Enum):
    """The kinds of taxonomy item."""

    tool = "tool"
    competency = "competency"
    standard = "standard"


class FormatChoice(str, Enum):
    """How the command prints."""

    terminal = "terminal"
    markdown = "markdown"
    json = "json"


def unknown_item_message(taxonomy: Taxonomy, text: str) -> str:
    """'unknown skill ...; did you mean ...?' for an id or name that names no single item."""
    from lmspath.skills.report import suggest

    guess = suggest(text, taxonomy)
    if guess is None:
        return f"unknown skill {text!r}; `lmspath skills` lists the known ids"
    item = taxonomy.item(guess[0])
    return f"unknown skill {text!r}; did you mean {item.id} ({item.name})?"


def skills_command(
    item_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]",
            help="A taxonomy id (or a name such as 'Follett Destiny') to show in full.",
            show_default=False,
        ),
    ] = None,
    kind: Annotated[
        KindChoice | None,
        typer.Option("--kind", help="List only tools, competencies or cataloging standards."),
    ] = None,
    output: Annotated[
        FormatChoice,
        typer.Option("--format", help="terminal, markdown or json."),
    ] = FormatChoice.terminal,
) -> None:
    """List the skills taxonomy, or show one item with aliases, frameworks and how to close it."""
    # Imported here, not at module level: building the app for any command must stay cheap.
    from lmspath.render.console import stdout_console
    from lmspath.render.skills_section import (
        item_markdown,
        item_terminal,
        taxonomy_markdown,
        taxonomy_terminal,
    )
    from lmspath.skills.report import find_item, item_rows, item_view
    from lmspath.store.load import load_exams
    from lmspath.store.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    if item_id is None:
        rows = item_rows(taxonomy, kind.value if kind else None)
        if output is FormatChoice.json:
            typer.echo(json.dumps([row.to_json() for row in rows], indent=2, ensure_ascii=False))
        elif output is FormatChoice.markdown:
            typer.echo(taxonomy_markdown(rows), nl=False)
        else:
            stdout_console().print(taxonomy_terminal(rows))
        return
    item = find_item(taxonomy, item_id)
    if item is None:
        raise InputError(unknown_item_message(taxonomy, item_id))
    if kind is not None and item.kind != kind.value:
        raise InputError(f"{item.id} is a {item.kind}, not a {kind.value}")
    view = item_view(taxonomy, item.id, load_exams().exams)
    if output is FormatChoice.json:
        typer.echo(json.dumps(view.to_json(), indent=2, ensure_ascii=False))
    elif output is FormatChoice.markdown:
        typer.echo(item_markdown(view), nl=False)
    else:
        stdout_console().print(item_terminal(view))


def register(app: typer.Typer) -> None:
    """Add the ``skills`` command to the app."""
    app.command("skills")(skills_command)
