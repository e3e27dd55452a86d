"""A table in two generations keeps what is asked for and drops what is not."""

from __future__ import annotations

from lmspath.engine.generations import Generations


def test_ageing_drops_only_entries_not_asked_for_since() -> None:
    table: Generations[str, int] = Generations()
    table.put("kept", 1)
    table.put("dropped", 2)
    table.age()
    assert len(table) == 0  # a budget counts young entries only
    assert table.get("kept") == 1  # found old: young again
    assert len(table) == 1
    table.age()
    assert table.get("kept") == 1
    assert table.get("dropped") is None
    table.clear()
    assert table.get("kept") is None
