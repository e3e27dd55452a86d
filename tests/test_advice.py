"""Advice a careful counselor would give, as properties over all 51 jurisdictions and five
everyday people (tests/advice_grid.py): each property names the failures it finds."""

from __future__ import annotations

import pytest

from lmspath.states import JURISDICTIONS
from tests.advice_grid import Finding, findings

PROPERTIES = (
    "background-check",  # the background-check answer never changes the major steps
    "monotone",  # having strictly more never gives a longer plan or a worse verdict
    "national-board",  # no best route needs National Board for someone not eligible for it
    "estimate",  # every unmet major step of a best plan has a time estimate
    "coursework-scale",  # coursework estimates grow with the hours left
    "zero",  # 0 of a required amount is missing, never "not confirmed"
)


@pytest.fixture(scope="module")
def grid() -> list[Finding]:
    return findings()


@pytest.mark.parametrize("prop", PROPERTIES)
def test_advice_property_holds_in_every_jurisdiction(grid: list[Finding], prop: str) -> None:
    failures = [f for f in grid if f.prop == prop]
    assert not failures, "\n".join(f"{f.state} {f.person}: {f.detail}" for f in failures)


def test_the_grid_covers_every_jurisdiction_and_person() -> None:
    # A property that checks nothing cannot fail: the grid must reach all 51 x 5.
    from tests.advice_grid import archetypes

    assert len(JURISDICTIONS) == 51
    assert all(len(archetypes(code)) == 5 for code in JURISDICTIONS)
