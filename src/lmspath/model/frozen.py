"""The base of the plain model classes: frozen, slotted, compared and hashed by value."""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable
from typing import Any, ClassVar, Protocol, TypeVar

#: Sets an attribute of a frozen object while it is made.
_set = object.__setattr__
#: A date from its ISO text (what the JSON value of a date is).
_date = dt.date.fromisoformat

F = TypeVar("F", bound="Frozen")
J = TypeVar("J", bound="Plain")


class Plain(Protocol):
    """A generated model class: it writes its JSON value and reads it back (what the data
    cache stores and the loaders build)."""

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object."""
        ...

    @classmethod
    def from_json(cls: type[J], data: dict[str, Any]) -> J:
        """The object from its JSON value."""
        ...


class Frozen:
    """Immutable after ``__init__``; equal when of the same class with equal fields.

    The classes of ``lmspath.model`` derive from it; ``lmspath.schema.generate`` writes them
    from the pydantic schemas (``_fields`` names their fields in the schema's order). Names
    starting with ``_`` are private slots the object may set on itself (look-up tables made on
    first use), never data.
    """

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()
    #: fields ``__init__`` converts or fills, and private slots: ``replace`` goes through
    #: ``__init__`` when it changes one of them or the class has private slots
    _through_init: ClassVar[frozenset[str]] = frozenset()

    def __setattr__(self, name: str, value: object) -> None:
        if name.startswith("_"):
            _set(self, name, value)
            return
        raise AttributeError(f"{type(self).__name__} is frozen: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot delete {name!r}")

    def _values(self) -> tuple[object, ...]:
        return tuple([getattr(self, name) for name in self._fields])

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._values()))

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({inner})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self._values()))

    def replace(self: F, **changes: Any) -> F:
        """A copy with some fields replaced (private look-up tables are not copied)."""
        cls = type(self)
        shape = _SHAPES.get(cls)
        if shape is None:
            shape = _SHAPES[cls] = _shape(cls)
        names, values_of = shape
        if not names.issuperset(changes):
            raise TypeError(f"{cls.__name__} has no field {min(changes.keys() - names)!r}")
        special = self._through_init
        if special and (not special.isdisjoint(changes) or any(n[0] == "_" for n in special)):
            values = dict(zip(self._fields, values_of(self), strict=True))
            values.update(changes)
            return cls(**values)
        new = object.__new__(cls)
        for name, value in zip(self._fields, values_of(self), strict=True):
            _set(new, name, value)
        for name, value in changes.items():
            _set(new, name, value)
        return new


#: Per class, its field names as a set and a getter of its field values in order: what
#: ``replace`` needs, worked out once per class (a skills report copies dozens of gap items).
_SHAPES: dict[type[Frozen], tuple[frozenset[str], Callable[[Frozen], tuple[object, ...]]]] = {}


def _shape(cls: type[Frozen]) -> tuple[frozenset[str], Callable[[Frozen], tuple[object, ...]]]:
    fields = cls._fields
    if len(fields) == 1:
        (only,) = fields
        return frozenset(fields), lambda obj: (getattr(obj, only),)
    return frozenset(fields), operator.attrgetter(*fields)


def _rebuild(cls: type[Frozen], values: tuple[object, ...]) -> Frozen:
    """Unpickles a plain object (worker processes exchange them)."""
    return cls(**dict(zip(cls._fields, values, strict=True)))
