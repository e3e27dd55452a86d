"""The printable HTML plan: one self-contained page, no scripts or web fonts, cited sources."""

from __future__ import annotations

from html import escape

from lmspath import __version__
from lmspath.model.results import Assessment, PathwayResult, PlanStep, RequirementResult, SourceRef
from lmspath.render.text import (
    STATUS_MARK,
    STATUS_WORD,
    VERDICT_WORD,
    audience_words,
    money,
    months,
    plan_time,
    program_words,
    source_date,
    steps_words,
)

#: Screen and print styles; system fonts only, so the file needs nothing from the network.
_CSS = """
:root { color-scheme: light; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; color: #111; max-width: 52rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.45rem; margin: 0 0 .4rem; }
h2 { font-size: 1.15rem; margin: 1.4rem 0 .4rem; border-bottom: 1px solid #999; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
.verdict { font-size: 1.1rem; font-weight: 600; margin: .2rem 0 .5rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .8rem; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
ol.plan { list-style: none; padding: 0; margin: .3rem 0; }
ol.plan > li { display: grid; grid-template-columns: 1.6rem 1fr; margin: .35rem 0;
  break-inside: avoid; }
ol.plan input { width: 1rem; height: 1rem; margin: .2rem 0 0; }
.step-title { font-weight: 600; }
.facts-line, .note { font-size: .92rem; color: #333; }
.programs { margin: .2rem 0 0 1rem; padding: 0 0 0 1rem; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; margin: .3rem 0 .8rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { border: 1px solid #bbb; padding: .2rem .35rem; text-align: left; vertical-align: top; }
th { background: #eee; }
.warnings { border-left: 4px solid #b58900; padding: .2rem .8rem; background: #fdf6e3; }
ol.sources { font-size: .85rem; }
a { color: #0645ad; overflow-wrap: anywhere; }
sup a { text-decoration: none; }
@media print {
  @page { size: letter; margin: 14mm 13mm; }
  body { font-size: 10pt; margin: 0; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  table, tr, ol.plan > li { break-inside: avoid; }
  a { color: #000; }
}
"""
#: The page styles, for other self-contained pages (the cohort summary) to share.
PAGE_CSS = _CSS


def _e(value: object) -> str:
    """Text escaped for HTML content and attribute values."""
    return escape(str(value), quote=True)


def _href(url: str) -> str:
    """A link to a web address; anything else is shown as text and never made a link."""
    if url.startswith(("https://", "http://")):
        return f'<a href="{_e(url)}">{_e(url)}</a>'
    return _e(url)


class _Notes:
    """Numbers each distinct source once, in order of first citation."""

    def __init__(self) -> None:
        self.refs: dict[str, tuple[int, SourceRef]] = {}

    def cite(self, refs: list[SourceRef]) -> str:
        """Footnote marks; a run of consecutive numbers is shown as a range ([1]-[16])."""
        numbers = []
        for ref in refs:
            if ref.url not in self.refs:
                self.refs[ref.url] = (len(self.refs) + 1, ref)
            numbers.append(self.refs[ref.url][0])
        runs: list[list[int]] = []
        for n in sorted(set(numbers)):
            if runs and n == runs[-1][-1] + 1:
                runs[-1].append(n)
            else:
                runs.append([n])
        marks = []
        for run in runs:
            first = f'<a href="#src-{run[0]}" aria-label="source {run[0]}">[{run[0]}]</a>'
            if len(run) > 2:
                last = f'<a href="#src-{run[-1]}" aria-label="source {run[-1]}">[{run[-1]}]</a>'
                marks.append(f"{first}-{last}")
            else:
                marks.extend(f'<a href="#src-{n}" aria-label="source {n}">[{n}]</a>' for n in run)
        return f"<sup>{''.join(marks)}</sup>" if marks else ""

    def html(self) -> str:
        items = []
        for n, ref in self.refs.values():
            kind = "official" if ref.official else "not official"
            items.append(
                f'<li id="src-{n}">{_e(ref.title)}. {_href(ref.url)} '
                f"({kind}; {_e(source_date(ref))})</li>"
            )
        return '<ol class="sources">' + "".join(items) + "</ol>"


def _step(step: PlanStep, notes: _Notes) -> str:
    facts = []
    if step.during is not None:
        facts.append(f"during step {step.during}")
    elif step.after:
        facts.append(f"after {steps_words(step.after)}")
    facts.append(f"time: {months(step.months)}")
    facts.append(f"cost: {money(step.cost_usd)}")
    body = [
        f'<label class="step-title" for="step-{step.order}">{step.order}. {_e(step.title)}</label>'
        f"{notes.cite(step.sources)}",
        f'<div class="facts-line">{_e("; ".join(facts))}</div>',
    ]
    if step.note:
        body.append(f'<div class="note">Note: {_e(step.note)}</div>')
    if step.link:
        body.append(f'<div class="note">Where: {_href(step.link)}</div>')
    if step.programs:
        body.append(
            f'<div class="note">Programs that fit: <a href="#programs-{step.order}">'
            "listed below the plan</a></div>"
        )
    return f'<li><input type="checkbox" id="step-{step.order}"><div>{"".join(body)}</div></li>'


def _programs(steps: list[PlanStep]) -> str:
    """The programs on record for the study steps, after the plan so the plan fits page 1."""
    out = []
    for step in steps:
        if not step.programs:
            continue
        picks = []
        for pick in step.programs:
            words, _, url = program_words(pick).rpartition(": ")
            picks.append(f"<li>{_e(words)}: {_href(url)}</li>")
        out.append(
            f'<h3 id="programs-{step.order}">Programs on record for step {step.order}</h3>'
            f'<ul class="programs">{"".join(picks)}</ul>'
        )
    if not out:
        return ""
    return "<section><h2>Programs that fit your plan</h2>" + "".join(out) + "</section>"


def _status(req: RequirementResult) -> str:
    if req.manual and req.status != "met":
        return "[?] confirm yourself"
    return f"{STATUS_MARK[req.status]} {STATUS_WORD[req.status]}"


def _rows(reqs: list[RequirementResult], notes: _Notes, prefix: str = "") -> list[str]:
    rows = []
    for req in reqs:
        text = _e(prefix + req.text)
        if req.conflict is not None:
            text += " <strong>(sources disagree)</strong>"
        rows.append(
            f"<tr><td>{text}</td><td>{_e(_status(req))}</td><td>{_e(req.have)}</td>"
            f"<td>{_e(req.need)}</td><td>{_e(req.confidence)}</td>"
            f"<td>{notes.cite(req.sources)}</td></tr>"
        )
        rows.extend(_rows(req.options, notes, prefix + "or: "))
    return rows


def _pathway(path: PathwayResult, best: bool, notes: _Notes) -> str:
    met = sum(1 for r in path.requirements if r.status == "met")
    tag = " (best for you)" if best else ""
    if path.audience != "general":
        tag += f" ({audience_words(path.audience)})"
    head = (
        "<thead><tr>"
        + "".join(
            f'<th scope="col">{h}</th>'
            for h in ("Requirement", "Status", "You have", "Rule asks", "Confidence", "Sources")
        )
        + "</tr></thead>"
    )
    return (
        f"<h3>{_e(path.name)}{_e(tag)}</h3>"
        f"<p>{_e(path.summary.strip())}</p>"
        f"<table><caption>{met} of {len(path.requirements)} requirements met; "
        f"{path.remaining_steps} remaining</caption>{head}"
        f"<tbody>{''.join(_rows(path.requirements, notes))}</tbody></table>"
    )


def _gaps(result: Assessment, notes: _Notes) -> str:
    skills = result.skills or {}
    gaps = skills.get("gaps")
    top = skills.get("show_top")
    if not isinstance(gaps, list) or not gaps:
        return ""
    limit = top if isinstance(top, int) else 5
    items = []
    for gap in gaps[:limit]:
        if not isinstance(gap, dict):
            continue
        ways = []
        for way in gap.get("how_to_close") or []:
            if isinstance(way, dict):
                refs = [SourceRef.from_json(s) for s in way.get("sources") or []]
                kind = str(way.get("kind", "")).replace("_", " ")
                ways.append(f"<li>{_e(kind)}: {_e(way.get('text'))}{notes.cite(refs)}</li>")
        items.append(
            f"<li><strong>{_e(gap.get('name'))}</strong> ({_e(gap.get('importance'))})"
            + (f"<ul>{''.join(ways)}</ul>" if ways else "")
            + "</li>"
        )
    return "<h2>Skill gaps to work on</h2><ol>" + "".join(items) + "</ol>"


def render_html(result: Assessment) -> str:
    """The whole plan as one HTML document that prints well and works offline."""
    notes = _Notes()
    best = next(p for p in result.pathways if p.id == result.best_pathway)
    plan = result.plan
    title = f"School librarian certification plan: {result.state_name} ({result.state})"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<header><h1>{_e(title)}</h1>",
        f'<p class="verdict">{_e(VERDICT_WORD[result.verdict])}: {_e(result.verdict_reason)}.</p>',
        '<dl class="facts">',
        f"<dt>Credential</dt><dd>{_e(result.credential)}</dd>",
        f"<dt>Issued by</dt><dd>{_e(result.agency.name)}</dd>",
        f"<dt>Best route</dt><dd>{_e(best.name)}: {_e(result.best_reason)}</dd>",
        f"<dt>Time</dt><dd>{_e(plan_time(plan))}</dd>",
        f"<dt>Cost</dt><dd>{_e(money(plan.cost_usd))}</dd>",
        f"<dt>Rules checked</dt><dd>{_e(result.data_checked)} "
        f"(confidence {_e(result.confidence)})</dd>",
        "</dl></header><main>",
        '<section aria-labelledby="plan-h"><h2 id="plan-h">Your plan</h2>',
    ]
    if plan.steps:
        out.append('<ol class="plan">' + "".join(_step(s, notes) for s in plan.steps) + "</ol>")
    else:
        out.append("<p>No step is left that lmspath can check.</p>")
    out.append(f"<p>Totals: {_e(plan.total_note)}.</p></section>")
    out.append(_programs(plan.steps))
    if result.warnings:
        out.append('<section class="warnings" aria-labelledby="warn-h">')
        out.append('<h2 id="warn-h">Warnings</h2><ul>')
        out += [f"<li>{_e(w)}</li>" for w in result.warnings]
        out.append("</ul></section>")
    out.append(_gaps(result, notes))
    out.append("<section><h2>Requirements by route</h2>")
    out.append(
        "<p>Statuses: [x] met, [ ] missing, [?] not given in your profile or confirm yourself, "
        "[!] not confirmed by the data.</p>"
    )
    out.append(_pathway(best, True, notes))
    out += [_pathway(p, False, notes) for p in result.pathways if p.id != best.id]
    out.append("</section>")
    out.append(
        "<section><h2>Verify before you act</h2>"
        f"<p>These rules were last checked on {_e(result.data_checked)}. Rules, cut scores and "
        f"fees change: verify every step with {_e(result.agency.name)} "
        f"({_href(result.agency.url)}) before you enrol or pay.</p></section>"
    )
    out.append(f"<section><h2>Sources</h2>{notes.html()}</section>")
    out.append(
        f"</main><footer><p>Made by lmspath {_e(__version__)} on this computer; "
        "nothing was sent anywhere.</p></footer></body></html>"
    )
    return "\n".join(part for part in out if part) + "\n"
