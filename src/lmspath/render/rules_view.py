"""One state's rules in full as markdown: pathways, requirements, sources, conflicts, fees."""

from __future__ import annotations

from lmspath.engine.words import count
from lmspath.model.rules import (
    AnyOfRequirement,
    DegreeRequirement,
    ExamCatalog,
    ExamRequirement,
    Requirement,
    StateRules,
)
from lmspath.render.text import audience_words, md_cell, money


def _detail(req: Requirement, catalog: ExamCatalog) -> str:
    if isinstance(req, ExamRequirement):
        exam = next((e for e in catalog.exams if e.id == req.exam), None)
        name = f"{exam.vendor} {exam.code} {exam.name}" if exam else req.exam
        cut = (
            f"cut score {req.cut_score:g}"
            if req.cut_score is not None
            else "cut score not confirmed"
        )
        past = req.last_known_cut
        if req.cut_score is None and past is not None:
            cut += (
                f" (last known: {past.test}, {past.as_of or 'undated'}: {past.score:g}, "
                f"source {past.source}; history, not the current cut)"
            )
        return f"{name}; {cut}"
    for attr, unit in (("min_years", "year"), ("min_hours", "hour")):
        if hasattr(req, attr):
            value = getattr(req, attr)
            return count(value, unit) if value is not None else f"{unit}s not confirmed"
    if isinstance(req, DegreeRequirement):
        fields = req.fields
        text = f"{req.level}'s" + (f" in {', '.join(fields)}" if fields else ", any field")
        return text + (", ALA-accredited" if req.ala_accredited else "")
    return ""


def _requirement(req: Requirement, catalog: ExamCatalog, depth: int = 0) -> list[str]:
    pad = "  " * depth
    detail = _detail(req, catalog)
    lines = [
        f"{pad}- **{req.text}** ({req.kind}{'; ' + detail if detail else ''}; "
        f"confidence {req.confidence}; sources: {', '.join(req.sources)})"
    ]
    if req.note:
        lines.append(f"{pad}  - Note: {md_cell(req.note)}")
    if req.conflict is not None:
        lines.append(f"{pad}  - **Sources disagree:** {md_cell(req.conflict.summary)}")
        lines.append(f"{pad}    - Reading kept as the rule: {req.text} ({', '.join(req.sources)})")
        for reading in req.conflict.readings:
            rule = "not required" if reading.rule is None else _detail(reading.rule, catalog)
            lines.append(
                f"{pad}    - Other reading: {reading.says} ({rule}; {', '.join(reading.sources)})"
            )
    if isinstance(req, AnyOfRequirement):
        lines.append(f"{pad}  - Any one of:")
        for option in req.options:
            lines.extend(_requirement(option, catalog, depth + 2))
    return lines


def render_rules_markdown(rules: StateRules, catalog: ExamCatalog) -> str:
    """The state's rules as markdown."""
    lines = [
        f"# {rules.name} ({rules.code}): {rules.credential}",
        "",
        f"- Agency: [{rules.agency.name}]({rules.agency.url})",
        f"- Grade span: {rules.grade_span or 'not stated in the sources read'}",
        f"- Last checked: {rules.last_checked.isoformat()}; confidence {rules.confidence}",
        f"- Confidence note: {md_cell(rules.confidence_note)}",
        "",
    ]
    for pathway in rules.pathways:
        audience = "" if pathway.audience == "general" else f" ({audience_words(pathway.audience)})"
        lines += [f"## Pathway: {pathway.name}{audience}", "", md_cell(pathway.summary), ""]
        for req in pathway.requirements:
            lines.extend(_requirement(req, catalog))
        if pathway.note:
            lines += ["", f"Note: {md_cell(pathway.note)}"]
        lines.append("")
    if rules.fees:
        lines += [
            "## Fees",
            "",
            "| Item | Amount | Confidence | Sources | Note |",
            "|---|---|---|---|---|",
        ]
        for fee in rules.fees:
            amount = (
                money((fee.amount_usd, fee.amount_usd))
                if fee.amount_usd is not None
                else ("not confirmed")
            )
            extra = [fee.note or ""]
            if fee.procedure:
                extra.append(f"How: {fee.procedure}.")
            if fee.processing_time:
                extra.append(f"Processing time: {fee.processing_time}.")
            note = " ".join(e for e in extra if e)
            lines.append(
                f"| {md_cell(fee.item)} | {amount} | {fee.confidence} | {', '.join(fee.sources)} "
                f"| {md_cell(note)} |"
            )
        lines.append("")
    lines += ["## Renewal", ""]
    if rules.renewal is not None:
        ren = rules.renewal
        years = f"every {count(ren.years, 'year')}; " if ren.years else ""
        ce = (
            f" Continuing education: {ren.continuing_education}."
            if ren.continuing_education
            else ""
        )
        lines.append(f"{years}{md_cell(ren.text)}{ce} (sources: {', '.join(ren.sources)})")
    else:
        lines.append(f"Not confirmed: check with {rules.agency.name}.")
    lines += ["", "## Coming from another state", ""]
    if rules.reciprocity is not None:
        rec = rules.reciprocity
        lines.append(
            f"{md_cell(rec.text)} (confidence {rec.confidence}; sources: {', '.join(rec.sources)})"
        )
    else:
        lines.append(f"Not confirmed: check with {rules.agency.name}.")
    if rules.notes:
        lines += ["", "## Notes", ""] + [f"- {md_cell(n)}" for n in rules.notes]
    lines += ["", "## Sources", ""]
    for src in rules.sources:
        kind = "official" if src.official else "secondary"
        stated = f"as of {src.as_of}" if src.as_of else "undated"
        lines.append(
            f"- `{src.id}`: {src.title}, <{src.url}> ({kind}; {stated}; read {src.read_on})"
        )
    lines.append("")
    return "\n".join(lines)
