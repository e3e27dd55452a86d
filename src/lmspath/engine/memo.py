"""A small bounded memo for pure functions whose inputs are immutable objects plus plain values."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class IdentityMemo(Generic[V]):
    """Values keyed by the ids of immutable objects (rules, requirements) and plain values.

    The memo holds every object whose id went into a key (``anchors``) until it is cleared, so
    no id in a live key can be reused by another object, and a look-up is a plain dict look-up.
    It is cleared when it reaches ``limit`` entries, so memory stays bounded however many rows a
    batch scores.
    """

    def __init__(self, limit: int = 100_000) -> None:
        self._data: dict[Hashable, V] = {}
        self._alive: dict[int, object] = {}
        self._limit = limit

    def get(self, key: Hashable) -> V | None:
        """The stored value, or None when absent."""
        return self._data.get(key)

    def put(self, key: Hashable, anchors: tuple[object, ...], value: V) -> V:
        """Store ``value`` under ``key``, whose object ids are those of ``anchors``."""
        if len(self._data) >= self._limit:
            self.clear()
        for anchor in anchors:
            self._alive[id(anchor)] = anchor
        self._data[key] = value
        return value

    def clear(self) -> None:
        """Forget everything (also what tests use to compare memoised and fresh results)."""
        self._data.clear()
        self._alive.clear()

    def __len__(self) -> int:
        return len(self._data)
