"""The 'Moving with your certificate' section of a report, for markdown and the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lmspath.engine.words import count
from lmspath.model.results import MovingNote, MovingSpouse
from lmspath.render.text import source_date

if TYPE_CHECKING:
    from rich.console import RenderableType

_KIND = {"full": "a full (standard)", "provisional": "a provisional", None: "a"}


def moving_lines(note: MovingNote) -> list[str]:
    """The section as plain bullet sentences (shared by both renderers)."""
    years = (
        f", {count(note.certificate_years, 'year')} under it"
        if note.certificate_years is not None
        else ""
    )
    lines = [
        f"You hold {_KIND[note.certificate_kind]} school librarian certificate from "
        f"{note.from_state}{years}."
    ]
    if note.route_name is None:
        lines.append(
            f"{note.to_state} has no route on record for holders of another state's "
            f"certificate: the routes above apply. Not confirmed: check with {note.agency}."
        )
    elif note.route_open:
        lines.append(f"Your route in {note.to_state}: '{note.route_name}' (open to you).")
    else:
        lines.append(f"{note.to_state}'s route '{note.route_name}' is not open to you.")
    if note.destination_adds:
        lines.append(f"What {note.to_state} adds: " + "; ".join(note.destination_adds))
    if note.reciprocity:
        lines.append(f"{note.to_state} on out-of-state certificates: {note.reciprocity}")
    lines += note.cautions
    for agreement in note.agreements:
        lines.append(
            f"{agreement.name}: {agreement.applies_words}. Covers school librarian licenses: "
            f"{agreement.covers_school_librarians}. {agreement.conditions} "
            f"(confidence {agreement.confidence}; "
            + "; ".join(f"{s.url}, {source_date(s)}" for s in agreement.sources)
            + ")"
        )
    if note.military_spouse is not None:
        lines.append(spouse_line(note.military_spouse))
    return lines


def spouse_line(spouse: MovingSpouse) -> str:
    """One sentence on the destination's provision for military spouses, with its sources."""
    head = f"For military spouses only ({spouse.state}): "
    if not spouse.on_record:
        return head + spouse.words + "."
    cited = "; ".join(f"{s.url}, {source_date(s)}" for s in spouse.sources)
    return (
        head + f"{spouse.words} It gives {', '.join(spouse.gives)}. Names educator licenses: "
        f"{spouse.names_educator_licenses}. Covers school librarian licenses: "
        f"{spouse.covers_school_librarians}."
        + (f" {spouse.note}" if spouse.note else "")
        + f" (confidence {spouse.confidence}; {cited})"
    )


def moving_markdown(note: MovingNote) -> list[str]:
    """Markdown lines: a heading and bullets."""
    return ["## Moving with your certificate", "", *(f"- {x}" for x in moving_lines(note)), ""]


def moving_terminal(note: MovingNote) -> RenderableType:
    """A text block for the terminal report."""
    from rich.text import Text

    body = "\n".join(f"- {x}" for x in moving_lines(note))
    return Text(f"\nMoving with your certificate\n{body}")
