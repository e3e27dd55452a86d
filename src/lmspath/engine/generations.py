"""A table kept in two generations, so a budget can drop what is rarely used, not everything."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Generations(Generic[K, V]):
    """A mapping whose entries are young or old: a look-up that finds an old entry makes it
    young again, and ``age`` drops the old generation and makes the young one old. A caller
    that ages its tables whenever their young entries pass a budget keeps memory within twice
    the budget and loses only entries nobody asked for since the last ageing."""

    __slots__ = ("_old", "_young")

    def __init__(self) -> None:
        self._young: dict[K, V] = {}
        self._old: dict[K, V] = {}

    def get(self, key: K) -> V | None:
        """The value, or None; an old entry found is young again."""
        found = self._young.get(key)
        if found is None and self._old:
            found = self._old.pop(key, None)
            if found is not None:
                self._young[key] = found
        return found

    def put(self, key: K, value: V) -> V:
        """Store a young entry and hand the value back."""
        self._young[key] = value
        return value

    def age(self) -> None:
        """Drop the old generation; the young one becomes old."""
        self._old = self._young
        self._young = {}

    def clear(self) -> None:
        """Drop both generations."""
        self._young = {}
        self._old = {}

    def __len__(self) -> int:
        """The young entries (what a budget counts)."""
        return len(self._young)
