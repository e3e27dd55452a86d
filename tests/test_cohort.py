"""The cohort summary: tiers, bars, counts and shares, top lists, and what it says is unknown."""

from __future__ import annotations

import pytest

from lmspath.batch.cohort import (
    CohortMeta,
    CohortTally,
    Duplicate,
    RuleRef,
    Scored,
    bar,
    render_cohort,
)

MASTERS = RuleRef("TX", "masters", "A master's degree", "degree")
EXAM = RuleRef("TX", "texes-150", "Pass the TExES School Librarian (150) exam", "exam")
PRACTICUM = RuleRef("NJ", "practicum", "A supervised practicum", "practicum")

META = CohortMeta(
    intake="cohort.csv",
    encoding="UTF-8",
    delimiter="comma",
    rules_date="2026-11-24",
    today="2026-11-25",
    version="9.9.9",
)


def scored(
    verdict: str = "not_yet",
    months: tuple[float, float] | None = (6, 18),
    state: str = "TX",
    missing: tuple[RuleRef, ...] = (),
    not_confirmed: tuple[RuleRef, ...] = (),
    disputed: tuple[RuleRef, ...] = (),
    gaps: tuple[tuple[str, str], ...] | None = None,
    complete: bool = True,
) -> Scored:
    return Scored(
        state=state,
        verdict=verdict,
        best_pathway="university-program",
        remaining_steps=len(missing),
        months=months,
        next_step="Earn a master's degree",
        missing=missing,
        not_confirmed=not_confirmed,
        not_given=(),
        disputed=disputed,
        skill_gaps=gaps,
        total_complete=complete,
    )


def section(text: str, title: str) -> str:
    """The markdown between a '## title' heading and the next heading."""
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 3)
    return text[start : end if end != -1 else None]


@pytest.mark.parametrize(
    ("verdict", "months", "complete", "tier"),
    [
        ("eligible", (0, 1), True, "eligible"),
        ("cannot_tell", (3, 6), True, "cannot_tell"),
        ("not_yet", None, True, "short_steps"),
        ("not_yet", (2, 12), True, "within_12"),
        ("not_yet", (2, 12.5), True, "within_24"),
        ("not_yet", (12, 24), True, "within_24"),
        ("not_yet", (18, 36), True, "over_24"),
        # an incomplete total is a lower bound: never a shorter tier, whatever it says
        ("not_yet", (2, 6), False, "time_unknown"),
        ("not_yet", None, False, "time_unknown"),
    ],
)
def test_readiness_tier_follows_verdict_then_upper_months(
    verdict: str, months: tuple[float, float] | None, complete: bool, tier: str
) -> None:
    assert scored(verdict, months, complete=complete).tier == tier


def test_bars_have_constant_width_and_grow_with_the_share() -> None:
    widths = {len(bar(share)) for share in (0, 0.01, 0.5, 0.99, 1, 1.5, -1)}
    assert widths == {24}
    assert bar(0).strip() == ""
    assert bar(1) == "█" * 24
    assert bar(0.5).rstrip() == "█" * 12
    filled = [len(bar(s / 100).rstrip()) for s in range(0, 101, 5)]
    assert filled == sorted(filled)


def test_counts_and_shares_by_verdict_tier_and_state() -> None:
    tally = CohortTally()
    for _ in range(3):
        tally.add(scored("eligible", (0, 0)))
    tally.add(scored("not_yet", (18, 36), state="NJ"))
    tally.add_rejected(["state", "teaching_years"])
    text = render_cohort(tally, META)
    assert "Rows read: **5**; scored: **4**; rejected: **1**" in text
    verdicts = section(text, "Verdicts")
    assert "| Eligible | 3 | 75.0% | `██████████████████      ` |" in verdicts
    assert "| Not yet | 1 | 25.0% |" in verdicts
    readiness = section(text, "Readiness")
    assert "| Eligible now | 3 | 75.0% |" in readiness
    assert "| More than 24 months | 1 | 25.0% |" in readiness
    states = section(text, "By state")
    assert states.index("Texas (TX) | 3 | 75.0%") < states.index("New Jersey (NJ) | 1 | 25.0%")
    assert f"| Texas (TX) | 3 | 75.0% | `{'█' * 24}` |" in states  # scaled to the largest state
    assert f"| New Jersey (NJ) | 1 | 25.0% | `{'█' * 8}{' ' * 16}` |" in states
    assert "| 3 | 0 | 0 |" in states  # TX: eligible, not yet, cannot tell
    rejected = section(text, "Rejected rows by field")
    assert "| state | 1 |" in rejected
    assert "| teaching_years | 1 |" in rejected


def test_missing_requirements_are_the_ten_most_common_with_counts() -> None:
    tally = CohortTally()
    refs = [RuleRef("TX", f"req-{n:02d}", f"Requirement {n}", "other") for n in range(12)]
    for n, ref in enumerate(refs):
        for _ in range(n + 1):
            tally.add(scored(missing=(ref,)))
    for _ in range(5):
        tally.add(scored(missing=(MASTERS, EXAM)))
    top = section(render_cohort(tally, META), "The 10 most common missing requirements")
    table = top.split("By kind")[0]
    listed = [line for line in table.splitlines() if line.startswith("| ") and "`" in line]
    assert len(listed) == 10
    assert "Requirement 11 (`req-11`) | TX | 12 |" in listed[0]
    assert "Requirement 2 (`req-02`)" not in table  # 3 clients: below the top ten
    assert "| degree | 5 |" in top  # by kind: clients missing at least one of that kind


def test_skills_section_says_not_available_without_a_skills_report() -> None:
    tally = CohortTally()
    tally.add(scored())
    meta = CohortMeta(**{**META.__dict__, "skills": False})
    text = section(render_cohort(tally, meta), "The 10 most common skills gaps")
    assert "Not available: the assessments carry no skills section." in text
    text = section(render_cohort(tally, META), "The 10 most common skills gaps")
    assert "Not available: no scored client listed tools or skills." in text


def test_skills_gaps_are_counted_when_assessments_carry_them() -> None:
    tally = CohortTally()
    tally.add(scored(gaps=(("info-lit", "Information literacy"), ("cat", "Cataloging"))))
    tally.add(scored(gaps=(("info-lit", "Information literacy"),)))
    text = section(render_cohort(tally, META), "The 10 most common skills gaps")
    assert "Among the 2 clients who listed tools or skills" in text
    assert "| Information literacy (`info-lit`) | 2 |" in text
    assert "| Cataloging (`cat`) | 1 |" in text
    assert "Not available" not in text


def test_unconfirmed_rules_name_state_reason_and_clients() -> None:
    tally = CohortTally()
    tally.add(scored(not_confirmed=(PRACTICUM,), state="NJ"))
    tally.add(scored(not_confirmed=(PRACTICUM,), state="NJ"))
    tally.add(scored(disputed=(EXAM,)))
    text = section(render_cohort(tally, META), "Unconfirmed rules the cohort depends on")
    assert (
        "| A supervised practicum (`practicum`) | NJ | amount or cut score not confirmed | 2 |"
        in (text)
    )
    assert "sources disagree, and it changes the answer | 1 |" in text


def test_summary_names_input_rules_date_warnings_and_duplicates() -> None:
    tally = CohortTally()
    tally.add(scored())
    meta = CohortMeta(
        intake="cohort.csv",
        encoding="Windows-1252",
        delimiter="semicolon",
        rules_date="2026-11-24",
        today="2026-11-25",
        version="9.9.9",
        warnings=("cohort.csv: ignoring 1 unknown column: 'Notes' (column 9)",),
        duplicates=2,
        duplicate_examples=(Duplicate("C-1", 2, 8),),
    )
    text = render_cohort(tally, meta)
    assert text.startswith("# Cohort summary: cohort.csv\n")
    assert "Read as Windows-1252, semicolon-separated" in text
    assert "Rules data checked up to 2026-11-24" in text
    assert "> - cohort.csv: ignoring 1 unknown column: 'Notes' (column 9)" in text
    assert "2 rows repeat a client_id seen earlier: 'C-1' (lines 2 and 8)" in text


def test_an_empty_cohort_renders_without_dividing_by_zero() -> None:
    text = render_cohort(CohortTally(), META)
    assert "Rows read: **0**; scored: **0**; rejected: **0**" in text
    assert "No row was scored." in section(text, "Verdicts")
