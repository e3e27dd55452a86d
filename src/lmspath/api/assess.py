"""Load the data a report needs, run the pure engine, render: the library call behind assess."""

from __future__ import annotations

import datetime as dt
import functools
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from lmspath.engine.assess import assess
from lmspath.engine.chosen_program import chosen, with_chosen
from lmspath.engine.program_fit import with_programs
from lmspath.errors import InputError
from lmspath.model.profile import Profile
from lmspath.model.results import Assessment
from lmspath.model.rules import Exam, ExamCatalog, ExamRequirement, StateRules, walk
from lmspath.store.load import default_data_dir, load_estimates, load_exams, load_state
from lmspath.store.programs import has_programs as store_has_programs, load_programs

if TYPE_CHECKING:
    from rich.console import RenderableType

    from lmspath.engine.program_fit import Picks


class Format(str, Enum):
    """Report formats."""

    terminal = "terminal"
    markdown = "markdown"
    json = "json"
    html = "html"


def format_for_path(path: Path) -> Format | None:
    """The format a file name asks for: .md, .json, .html, or .txt (terminal text)."""
    suffix = path.suffix.lower()
    return {
        ".md": Format.markdown,
        ".markdown": Format.markdown,
        ".json": Format.json,
        ".txt": Format.terminal,
        ".html": Format.html,
        ".htm": Format.html,
    }.get(suffix)


def assessment_for(
    profile: Profile,
    state: str,
    *,
    today: dt.date,
    data_dir: Path | None = None,
    program_label: str = "program",
) -> Assessment:
    """Assess a profile against one state's shipped rules (the state code is already resolved).

    A ``program`` in the profile that is unknown or leads elsewhere is an InputError naming
    ``program_label`` (where the id came from).
    """
    from lmspath.skills.report import skills_report
    from lmspath.store.taxonomy import load_taxonomy

    rules = load_state(state, data_dir)
    catalog = load_exams(data_dir)
    result = assess(profile, rules, load_estimates(data_dir), catalog, today=today)
    result = named_programs(result, profile, data_dir, label=program_label)
    result = with_moving(result, profile, rules, data_dir)
    exam = state_exam(rules, result.best_pathway, catalog)
    skills = skills_report(profile, load_taxonomy(data_dir), exam, catalog.sources)
    update = {"skills": skills.to_json(), "career": career_facts(state, data_dir)}
    return result.replace(**update)


@functools.lru_cache(maxsize=64)
def career_facts(state: str, data_dir: Path | None) -> dict[str, object] | None:
    """The report's career lines for a state (None when the data folder has no market.yaml)."""
    from lmspath.engine.career import career_summary
    from lmspath.model.states import JURISDICTIONS
    from lmspath.store.market import FILE, load_market

    if not ((data_dir or default_data_dir()) / FILE).is_file():
        return None
    summary = career_summary(load_market(data_dir), state, JURISDICTIONS[state])
    return summary.to_json()


def with_moving(
    result: Assessment, profile: Profile, rules: StateRules, data_dir: Path | None
) -> Assessment:
    """For a holder of another state's certificate: the move section (data/mobility.yaml)."""
    if profile.library_certificate_state in {None, "none", rules.code}:
        return result
    from lmspath.store.mobility import load_mobility, moving_note

    note = moving_note(profile, rules, result.pathways, load_mobility(data_dir))
    return result.replace(**{"moving": note})


def named_programs(
    result: Assessment,
    profile: Profile,
    data_dir: Path | None,
    *,
    label: str | None = None,
    picks: Picks | None = None,
    has_programs: bool | None = None,
) -> Assessment:
    """The plan's study steps naming the recorded programs that fit (when the data has them),
    and planned with the person's own ``program`` when the profile names one.

    ``label`` set: a program that cannot be used is an InputError naming it; None (a batch
    plan): the plan stays general and says why in a warning. ``picks``: the caller's memo of
    programs found per step (``with_programs``). ``has_programs``: whether the data folder
    has a programs folder, when the caller knows (a batch asks once, not once per plan).
    """
    if has_programs is None:
        has_programs = store_has_programs(data_dir)
    if not has_programs:
        return result
    catalog = load_programs(data_dir)
    licensed = profile.teaching_license_status == "active"
    result = with_programs(result, catalog, licensed, picks)
    if profile.program is None:
        return result
    try:
        item, program = chosen(
            catalog, profile.program, result.state, result.state_name, label or "program"
        )
    except InputError as exc:
        if label is not None:
            raise
        return result.replace(**{"warnings": [*result.warnings, exc.message]})
    return with_chosen(result, item, program)


def state_exam(rules: StateRules, pathway_id: str, catalog: ExamCatalog) -> Exam | None:
    """The exam the person's best pathway asks for (else the first the state names), or None."""
    ordered = sorted(rules.pathways, key=lambda p: p.id != pathway_id)
    for pathway in ordered:
        for top in pathway.requirements:
            for _, req in walk(top, ""):
                if isinstance(req, ExamRequirement):
                    return next((e for e in catalog.exams if e.id == req.exam), None)
    return None


def _skills_markdown(data: dict[str, object]) -> str:
    from lmspath.model.skills import SkillsReport
    from lmspath.render.skills_section import skills_markdown

    return skills_markdown(SkillsReport.from_json(data))


def skills_renderable(data: dict[str, object]) -> RenderableType:
    """The skills section as a rich renderable (for the terminal report)."""
    from lmspath.model.skills import SkillsReport
    from lmspath.render.skills_section import skills_terminal

    return skills_terminal(SkillsReport.from_json(data))


def render_text(result: Assessment, fmt: Format, width: int | None = None) -> str:
    """The report as text in one format (terminal format as plain, uncoloured text)."""
    if fmt is Format.json:
        from lmspath.render.json_report import render_json

        return render_json(result)
    if fmt is Format.html:
        from lmspath.render.html_report import render_html

        return render_html(result)
    if fmt is Format.markdown:
        from lmspath.render.markdown import render_markdown

        return render_markdown(result, _skills_markdown)
    from lmspath.render.console import FILE_WIDTH, render_plain
    from lmspath.render.terminal import render_terminal

    return render_plain(render_terminal(result, skills_renderable), width or FILE_WIDTH)
