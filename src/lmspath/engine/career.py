"""Pure: the career facts for one state beside the national ones, and the assess report's lines."""

from __future__ import annotations

from lmspath.model.career import CareerFact, CareerReport, CareerStep, CareerSummary, Scope
from lmspath.model.market import Fact, Figure, LadderStep, MandateFact, MarketFile
from lmspath.model.results import SourceRef, source_ref

_UNIT_WORDS = {
    "usd_per_year": "a year",
    "jobs": "jobs",
    "percent": "%",
    "openings_per_year": "openings a year",
    "people": "people",
    "schools": "schools",
}
INDUSTRY = "BLS wages and jobs by industry"
SCHOOLS = "Schools (NCES)"
WAGES = "OEWS wages for 25-4022, all library settings"
STAFFING = "Staffing and pay rules"
_MANDATE_WORDS = {"yes": "yes", "no": "no", "yes_not_enforced": "yes, but not enforced"}


def _n(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def shown(figure: Figure) -> str:
    """'$61,660 a year', '3%', '13,700 openings a year', or 'not known'."""
    if figure.value is None:
        return "not known"
    if figure.unit == "usd_per_year":
        return f"${_n(figure.value)} a year"
    if figure.unit == "percent":
        return f"{_n(figure.value)}%"
    return f"{_n(figure.value)} {_UNIT_WORDS[figure.unit]}"


def _figure(key: str, label: str, scope: Scope, figure: Figure, group: str) -> CareerFact:
    return CareerFact(
        key=key,
        label=label,
        group=group,
        scope=scope,
        known=figure.value is not None,
        value=figure.value,
        unit=figure.unit,
        shown=shown(figure),
        period=figure.period,
        source=figure.source,
        confidence=figure.confidence,
        note=figure.note,
    )


def _fact(key: str, label: str, scope: Scope, fact: Fact, group: str) -> CareerFact:
    return CareerFact(
        key=key,
        label=label,
        group=group,
        scope=scope,
        known=fact.text is not None,
        text=fact.text,
        shown=fact.text or "not known",
        period=fact.period,
        source=fact.source,
        confidence=fact.confidence,
        note=fact.note,
    )


def _mandate(fact: MandateFact) -> CareerFact:
    answer = _MANDATE_WORDS[fact.required] if fact.required else "not known"
    words = f"{answer}: {fact.text}" if fact.required and fact.text else answer
    return CareerFact(
        key="mandate",
        label="State law requires a school librarian",
        group=STAFFING,
        scope="state",
        known=fact.required is not None,
        text=fact.required,
        shown=words,
        period=fact.period,
        source=fact.source,
        confidence=fact.confidence,
        note=fact.note,
    )


def national_facts(market: MarketFile) -> list[CareerFact]:
    """The national facts, the headline OOH edition first, then the older or secondary ones."""
    nat = market.national
    facts: list[CareerFact] = []
    for index, ed in enumerate(nat.ooh):
        group = f"BLS Occupational Outlook Handbook, {ed.edition}"
        key = f"ooh.{index}"
        facts += [
            _figure(f"{key}.median_pay", "Median pay, all library settings", "national",
                    ed.median_pay, group),
            _figure(f"{key}.employment", "Jobs", "national", ed.employment, group),
            _figure(f"{key}.growth_pct", "Projected growth over the decade", "national",
                    ed.growth_pct, group),
            _figure(f"{key}.annual_openings", "Openings a year", "national",
                    ed.annual_openings, group),
            _fact(f"{key}.entry_education", "Typical entry education", "national",
                  ed.entry_education, group),
        ]  # fmt: skip
    measure = {"median_wage": "Median pay", "mean_wage": "Mean pay", "employment": "Jobs"}
    for index, ind in enumerate(nat.industries):
        label = f"{measure[ind.measure]} in {ind.industry}"
        facts.append(_figure(f"industry.{index}", label, "national", ind.figure, INDUSTRY))
    facts.append(
        _figure("school_librarians", "Librarians in public schools (NTPS)", "national",
                nat.school_librarians, SCHOOLS)
    )  # fmt: skip
    facts.append(
        _figure("schools_with_library", "Public schools with a library", "national",
                nat.schools_with_library, SCHOOLS)
    )  # fmt: skip
    return facts


#: Every per-state fact the data can hold, in the order the report shows them.
STATE_FACTS = (
    ("oews", "OEWS wages for 25-4022 (all library settings)"),
    ("school_librarians", "Librarians in public schools (NCES NTPS)"),
    ("mandate", "Whether state law requires a school librarian (SLIDE)"),
    ("salary_schedule", "Teacher salary schedule that covers school librarians"),
)


def state_facts(market: MarketFile, code: str) -> tuple[list[CareerFact], list[str]]:
    """The state's known facts, and the labels of those the data does not hold."""
    entry = market.states.get(code)
    facts: list[CareerFact] = []
    missing: list[str] = []
    for key, label in STATE_FACTS:
        part = getattr(entry, key) if entry is not None else None
        if part is None:
            missing.append(label)
            continue
        if key == "oews":
            wages = entry.oews if entry is not None else None
            assert wages is not None
            pairs = [
                ("median", "Median pay"), ("mean", "Mean pay"), ("pct10", "10th percentile"),
                ("pct25", "25th percentile"), ("pct75", "75th percentile"),
                ("pct90", "90th percentile"), ("employment", "Jobs"),
            ]  # fmt: skip
            for name, words in pairs:
                facts.append(_figure(f"oews.{name}", words, "state", getattr(wages, name), WAGES))
        elif key == "school_librarians":
            facts.append(_figure(key, label, "state", part, STAFFING))
        elif key == "mandate":
            facts.append(_mandate(part))
        else:
            facts.append(_fact(key, label, "state", part, STAFFING))
    known = [f for f in facts if f.known]
    missing += [f.label for f in facts if not f.known]
    return known, missing


def _ladder(step: LadderStep) -> CareerStep:
    return CareerStep(
        id=step.id,
        title=step.title,
        scope=step.scope,
        evidence=step.evidence,
        asks=step.asks,
        pay=step.pay,
        sources=list(step.sources),
        confidence=step.confidence,
        note=step.note,
    )


def _cited_sources(market: MarketFile, ids: list[str]) -> list[SourceRef]:
    order = list(dict.fromkeys(i for i in ids if i))
    return [source_ref(market.source(i)) for i in order]


def career_report(market: MarketFile, code: str | None, name: str | None) -> CareerReport:
    """The career facts for a state (or national only when ``code`` is None)."""
    national = national_facts(market)
    facts, missing = state_facts(market, code) if code is not None else ([], [])
    ladder = [_ladder(s) for s in market.ladder]
    ids = [f.source or "" for f in national + facts]
    ids += [i for s in ladder for i in s.sources]
    return CareerReport(
        state=code,
        state_name=name,
        soc=market.national.soc,
        occupation=market.national.title,
        caveat=market.national.caveat,
        national=national,
        state_facts=facts,
        not_known=missing,
        ladder=ladder,
        sources=_cited_sources(market, ids),
    )


def career_summary(market: MarketFile, code: str, name: str) -> CareerSummary:
    """The two report lines: what the job pays and openings a year, the caveat, where to read on."""
    head = market.national.ooh[0]
    state_median = state_median_wage(market, code)
    school = next(
        (i.figure for i in market.national.industries
         if i.measure == "median_wage" and i.figure.value is not None),
        None,
    )  # fmt: skip
    pay: list[str] = []
    if state_median is not None:
        pay.append(f"median {shown(state_median)} in {name} ({state_median.period})")
    if head.median_pay.value is not None:
        pay.append(f"{shown(head.median_pay)} nationally ({head.median_pay.period})")
    if school is not None and school.value is not None:
        pay.append(
            f"${_n(school.value)} in local elementary and secondary schools ({school.period})"
        )
    pay_text = "; ".join(pay) if pay else "not known"
    if state_median is None and pay:
        pay_text = "median " + pay_text
    openings = head.annual_openings
    open_text = (
        f"about {_n(openings.value)} a year nationally ({openings.period})"
        if openings.value is not None
        else "not known"
    )
    state_note = "" if state_median is not None else f"; no {name} wage figure on record"
    lines = [
        f"Pay: {pay_text}. Openings: {open_text}.",
        f"BLS occupation {market.national.soc} also counts public and academic librarians"
        f"{state_note}. More, with sources: lmspath career {code}.",
    ]
    ids = [
        f.source or ""
        for f in (state_median, head.median_pay, school, openings)
        if f is not None and f.value is not None
    ]
    return CareerSummary(
        state=code,
        median_pay_usd=(state_median or head.median_pay).value,
        median_pay_period=(state_median or head.median_pay).period,
        median_pay_scope="state" if state_median is not None else "national",
        school_median_pay_usd=school.value if school is not None else None,
        school_median_pay_period=school.period if school is not None else None,
        annual_openings=openings.value,
        annual_openings_period=openings.period,
        annual_openings_scope="national" if openings.value is not None else None,
        lines=lines,
        command=f"lmspath career {code}",
        sources=_cited_sources(market, ids),
    )


def cohort_section(market: MarketFile, clients: dict[str, int]) -> list[str]:
    """The cohort summary's career section: for each state in the cohort, what is known."""
    head = market.national.ooh[0]
    lines = [
        "## Pay, openings and staffing in the cohort's states",
        "",
        f"National ({head.edition}): median pay {shown(head.median_pay)} "
        f"({head.median_pay.period}), about {shown(head.annual_openings)} "
        f"({head.annual_openings.period}). BLS occupation {market.national.soc} also counts "
        "public and academic librarians. A dash means not known; `lmspath career XX` shows "
        "each fact with its source.",
        "",
        "| State | Clients | Median pay, all library settings | School librarians (NTPS) "
        "| Librarian required by law | Salary schedule on record |",
        "|---|---:|---|---|---|---|",
    ]
    for code, count in sorted(clients.items(), key=lambda kv: (-kv[1], kv[0])):
        entry = market.states.get(code)
        wages = entry.oews if entry is not None else None
        pay = (
            f"{shown(wages.median)} ({wages.median.period})"
            if wages is not None and wages.median.value is not None
            else "-"
        )
        staff = entry.school_librarians if entry is not None else None
        people = f"{shown(staff)} ({staff.period})" if staff and staff.value is not None else "-"
        mandate = entry.mandate if entry is not None else None
        law = (
            f"{_MANDATE_WORDS[mandate.required]} ({mandate.period})"
            if mandate is not None and mandate.required is not None
            else "-"
        )
        schedule = entry.salary_schedule if entry is not None else None
        on_record = "yes" if schedule is not None and schedule.text else "-"
        lines.append(f"| {code} | {count:,} | {pay} | {people} | {law} | {on_record} |")
    lines.append("")
    return lines


def state_median_wage(market: MarketFile, code: str) -> Figure | None:
    """The state's OEWS median wage for 25-4022 (all library settings), or None when not known:
    the figure a `compare` column shows beside each state (never the national one)."""
    entry = market.states.get(code)
    wages = entry.oews if entry is not None else None
    if wages is None or wages.median.value is None:
        return None
    return wages.median
