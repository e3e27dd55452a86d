"""The library call behind `compare`: every listed state assessed and ranked for one person."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lmspath.engine.assess import assess
from lmspath.engine.compare import ranked, row_of
from lmspath.model.compare import StateRow
from lmspath.model.profile import Profile


def compare(
    profile: Profile, codes: list[str], *, today: dt.date, data_dir: Path | None = None
) -> list[StateRow]:
    """Every listed jurisdiction for this person, ranked (engine calls only: no skills, no
    program names, which a comparison does not show)."""
    from lmspath.store.load import load_estimates, load_exams, load_state

    estimates = load_estimates(data_dir)
    catalog = load_exams(data_dir)
    rows = [
        _mover(
            row_of(assess(profile, load_state(code, data_dir), estimates, catalog, today=today)),
            profile,
            data_dir,
        )
        for code in codes
    ]
    return ranked(_with_wages(rows, data_dir))


def _with_wages(rows: list[StateRow], data_dir: Path | None) -> list[StateRow]:
    """Each row with its state's median wage where the market data has one."""
    from lmspath.engine.career import state_median_wage
    from lmspath.store.market import load_market

    market = load_market(data_dir)
    out = []
    for row in rows:
        wage = state_median_wage(market, row.state)
        if wage is not None:
            row = row.replace(**{"median_wage_usd": wage.value, "median_wage_period": wage.period})
        out.append(row)
    return out


def _mover(row: StateRow, profile: Profile, data_dir: Path | None) -> StateRow:
    """A row marked for a person who holds a certificate: their own state, or the compact."""
    held = profile.library_certificate_state
    if held is None or held == "none":
        return row
    if held == row.state:
        return row.replace(**{"holds_certificate": True})
    from lmspath.store.mobility import load_mobility

    itmc = next((a for a in load_mobility(data_dir).agreements if a.id == "itmc"), None)
    if itmc is None:
        return row
    both = itmc.member(held) is not None and itmc.member(row.state) is not None
    return row.replace(**{"compact": "both_members" if both else "not_both_members"})
