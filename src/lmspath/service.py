"""Load the data a report needs, run the pure engine, render: the library call behind assess."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path

from lmspath.data import load_estimates, load_exams, load_state
from lmspath.engine import assess
from lmspath.profile import Profile
from lmspath.results import Assessment


class Format(str, Enum):
    """Report formats."""

    terminal = "terminal"
    markdown = "markdown"
    json = "json"


def format_for_path(path: Path) -> Format | None:
    """The format a file name asks for: .md -> markdown, .json -> json, .txt -> terminal text."""
    suffix = path.suffix.lower()
    return {
        ".md": Format.markdown,
        ".markdown": Format.markdown,
        ".json": Format.json,
        ".txt": Format.terminal,
    }.get(suffix)


def assessment_for(
    profile: Profile, state: str, *, today: dt.date, data_dir: Path | None = None
) -> Assessment:
    """Assess a profile against one state's shipped rules (the state code is already resolved)."""
    rules = load_state(state, data_dir)
    result = assess(profile, rules, load_estimates(data_dir), load_exams(data_dir), today=today)
    return result


def render_text(result: Assessment, fmt: Format, width: int | None = None) -> str:
    """The report as text in one format (terminal format as plain, uncoloured text)."""
    if fmt is Format.json:
        from lmspath.render.json_report import render_json

        return render_json(result)
    if fmt is Format.markdown:
        from lmspath.render.markdown import render_markdown

        return render_markdown(result)
    from lmspath.console import FILE_WIDTH, render_plain
    from lmspath.render.terminal import render_terminal

    return render_plain(render_terminal(result), width or FILE_WIDTH)
