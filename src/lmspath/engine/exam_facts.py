"""Pure: the facts an exam step carries (vendor, registration page, fee, length, cut score)."""

from __future__ import annotations

from lmspath.model.results import ExamFacts, PastCut, SourceRef, source_ref
from lmspath.model.rules import ExamCatalog, ExamRequirement, StateRules


def exam_facts(
    rule: ExamRequirement,
    catalog: ExamCatalog | None,
    rules: StateRules,
    cost: tuple[float, float] | None,
) -> ExamFacts | None:
    """The exam step's facts for this state's rule; None when the catalogue lacks the exam.

    ``cost`` is the step's fee as the plan priced it (the state's exam fee where it lists one,
    else the vendor's), so the step and its facts never disagree.
    """
    if catalog is None:
        return None
    exam = next((e for e in catalog.exams if e.id == rule.exam), None)
    if exam is None:
        return None
    past = None
    if rule.cut_score is None and rule.last_known_cut is not None:
        known = rule.last_known_cut
        past = PastCut(
            score=known.score,
            test=known.test,
            as_of=known.as_of,
            source=source_ref(rules.source(known.source)),
        )
    return ExamFacts(
        exam=exam.id,
        vendor=exam.vendor,
        code=exam.code,
        name=exam.name,
        registration_url=exam.registration_url,
        registration_source=exam.registration_source,
        fee_usd=cost[0] if cost is not None else exam.fee_usd,
        format=exam.format,
        length=exam.length,
        testing_window=exam.testing_window,
        cut_score=rule.cut_score,
        scale=(exam.scale.min, exam.scale.max) if exam.scale is not None else None,
        last_known_cut=past,
    )


def facts_sources(facts: ExamFacts, catalog: ExamCatalog | None) -> list[SourceRef]:
    """The sources behind the facts a step adds: the registration page and a last-known cut."""
    refs = []
    if catalog is not None and facts.registration_source:
        refs += [source_ref(s) for s in catalog.sources if s.id == facts.registration_source]
    if facts.last_known_cut is not None:
        refs.append(facts.last_known_cut.source)
    return refs


def _n(value: float) -> str:
    return f"{value:g}"


def cut_words(facts: ExamFacts) -> str:
    """'cut score 240', or 'cut score not confirmed; last known: 5311, 2015: 150 (source)'."""
    if facts.cut_score is not None:
        return f"cut score {_n(facts.cut_score)}"
    words = "cut score not confirmed"
    past = facts.last_known_cut
    if past is not None:
        when = past.as_of or "undated"
        words += (
            f"; last known: {past.test}, {when}: {_n(past.score)} "
            f"({past.source.title}); {facts.vendor} {facts.code} cut not confirmed"
        )
    return words


def facts_lines(facts: ExamFacts, *, register: bool = True, title: str = "") -> list[str]:
    """The exam's facts as short lines for a plan step (fee, format, cut score, register);
    ``register=False`` leaves out a registration page the step already links to, and what
    the step's ``title`` already says (the exam's name, its cut score) is not said again."""
    fee = f"${facts.fee_usd:,.0f}" if facts.fee_usd is not None else "not confirmed"
    named = f"{facts.vendor} {facts.code} {facts.name}"
    shape = [
        f"format: {facts.format}" if facts.format else "format not confirmed",
        f"length: {facts.length}" if facts.length else "length not confirmed",
    ]
    if facts.testing_window:
        shape.append(f"testing window: {facts.testing_window}")
    if named in title:
        lines = ["; ".join([f"fee {fee}", *shape])]
    else:
        lines = [f"{named}; fee {fee}", "; ".join(shape)]
    cut = cut_words(facts)
    if cut not in title:
        lines.append(cut)
    if not facts.registration_url:
        lines.append("registration page not on record: check with the vendor")
    elif register:
        lines.append(f"register: {facts.registration_url}")
    return lines
