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


def tuple_getter(names: tuple[str, ...]) -> Callable[[Any], tuple[object, ...]]:
    """A reader of the named attributes that always gives a tuple (``operator.attrgetter``
    gives a bare value for one name), made once and called many times."""
    if len(names) > 1:
        return operator.attrgetter(*names)
    if names:
        only = operator.attrgetter(names[0])
        return lambda obj: (only(obj),)
    return lambda obj: ()


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

    #: the field values in order, and the field names as a set: made once per class
    #: (``__init_subclass__``), as hashing, comparing and ``replace`` read them all the time
    _getter: ClassVar[Callable[[Any], tuple[object, ...]]]
    _field_set: ClassVar[frozenset[str]]
    #: ``replace`` always goes through ``__init__`` (the class has private slots)
    _init_always: ClassVar[bool]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        fields = cls._fields
        cls._field_set = frozenset(fields)
        cls._init_always = any(name[0] == "_" for name in cls._through_init)
        cls._getter = tuple_getter(fields)

    def __setattr__(self, name: str, value: object) -> None:
        if name.startswith("_"):
            _set(self, name, value)
            return
        raise AttributeError(f"{type(self).__name__} is frozen: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot delete {name!r}")

    def _values(self) -> tuple[object, ...]:
        return type(self)._getter(self)

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
        names = cls._field_set
        if not names.issuperset(changes):
            raise TypeError(f"{cls.__name__} has no field {min(changes.keys() - names)!r}")
        if cls._init_always or not cls._through_init.isdisjoint(changes):
            values = dict(zip(self._fields, cls._getter(self), strict=True))
            values.update(changes)
            return cls(**values)
        new = object.__new__(cls)
        for name, value in zip(self._fields, cls._getter(self), strict=True):
            _set(new, name, value)
        for name, value in changes.items():
            _set(new, name, value)
        return new


def _rebuild(cls: type[Frozen], values: tuple[object, ...]) -> Frozen:
    """Unpickles a plain object (worker processes exchange them)."""
    return cls(**dict(zip(cls._fields, values, strict=True)))
