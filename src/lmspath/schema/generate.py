"""Writes the plain classes of ``lmspath.model`` from the pydantic schemas they mirror.

Run ``python -m lmspath.schema.generate`` after changing a schema; ``--check`` exits 1 when a
generated file is out of date (a test runs it). Each schema module ``lmspath.schema.X`` has a
plain twin ``lmspath/model/X.py``: its hand-written head (imports, aliases, helpers) is kept,
and everything between the ``# <generated>`` and ``# </generated>`` lines is rewritten with one
frozen, slotted class per model (same name, fields, defaults, methods and bases), each with
``to_json`` (the model's ``model_dump(mode="json")``) and ``from_json`` (its inverse, for JSON
that the schema has validated). The engine, renderers and batch use only the plain classes, so
none of them imports pydantic.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import subprocess
import sys
import textwrap
import types
import typing
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

MODULES = (
    "rules",
    "results",
    "skills",
    "programs",
    "market",
    "person",
    "career",
    "report",
    "compare",
)
_BASES = ("StrictModel", "Result")
START = "# <generated>"
END = "# </generated>"
_MODEL_DIR = Path(__file__).resolve().parents[1] / "model"

# --- types -------------------------------------------------------------------------------------


def _strip(ann: Any) -> tuple[Any, str | None]:
    """The type without Annotated metadata, and a discriminator when the metadata names one."""
    disc = None
    while typing.get_origin(ann) is typing.Annotated:
        args = typing.get_args(ann)
        for meta in args[1:]:
            if isinstance(meta, FieldInfo) and isinstance(meta.discriminator, str):
                disc = meta.discriminator
        ann = args[0]
    return ann, disc


def _is_union(ann: Any) -> bool:
    return typing.get_origin(ann) in (typing.Union, types.UnionType)


def _is_model(ann: Any) -> bool:
    return isinstance(ann, type) and issubclass(ann, BaseModel)


def _members(ann: Any) -> list[Any]:
    return [_strip(a)[0] for a in typing.get_args(ann)]


def render(ann: Any) -> str:
    """The type as source text in the plain module (models by their class name)."""
    ann, _ = _strip(ann)
    if ann is type(None) or ann is None:
        return "None"
    if ann is Any:
        return "Any"
    if ann is dt.date:
        return "dt.date"
    if _is_model(ann):
        return str(ann.__name__)
    origin = typing.get_origin(ann)
    if origin is Literal:
        return "Literal[" + ", ".join(repr(a) for a in typing.get_args(ann)) + "]"
    if _is_union(ann):
        return " | ".join(render(a) for a in typing.get_args(ann))
    if origin in (list, tuple, dict, set, frozenset):
        args = typing.get_args(ann)
        parts = ["..." if a is Ellipsis else render(a) for a in args]
        return f"{origin.__name__}[{', '.join(parts)}]"
    if isinstance(ann, type):
        return ann.__name__
    raise TypeError(f"cannot render {ann!r}")


def _plain_value(ann: Any) -> bool:
    """True when values of this type are JSON values as they are (no conversion either way)."""
    ann, _ = _strip(ann)
    if ann in (str, int, float, bool, type(None), Any, object):
        return True
    origin = typing.get_origin(ann)
    if origin is Literal:
        return True
    if _is_union(ann):
        return all(_plain_value(a) for a in typing.get_args(ann))
    return False


def _float_like(ann: Any) -> bool:
    ann, _ = _strip(ann)
    return ann is float


def to_json(ann: Any, v: str) -> str:
    """An expression turning ``v`` (of this type) into its JSON value."""
    ann, _ = _strip(ann)
    if _plain_value(ann):
        return v
    if ann is dt.date:
        return f"{v}.isoformat()"
    if _is_model(ann):
        return f"{v}.to_json()"
    origin = typing.get_origin(ann)
    args = typing.get_args(ann)
    if _is_union(ann):
        rest = [a for a in args if a is not type(None)]
        if len(rest) < len(args):
            inner = rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]  # noqa: UP007
            return f"None if {v} is None else {to_json(inner, v)}"
        members = [_strip(a)[0] for a in rest]
        if all(_is_model(m) for m in members):
            return f"{v}.to_json()"
        if all(_plain_value(m) or typing.get_origin(m) is tuple for m in members):
            return f"list({v}) if isinstance({v}, tuple) else {v}"
        raise TypeError(f"no JSON form for {ann!r}")
    if origin in (list, set, frozenset) or (origin is tuple and args[-1] is Ellipsis):
        item = args[0]
        if _plain_value(item):
            return f"list({v})"
        return f"[{to_json(item, 'x')} for x in {v}]"
    if origin is tuple:
        return "[" + ", ".join(to_json(a, f"{v}[{i}]") for i, a in enumerate(args)) + "]"
    if origin is dict:
        if _plain_value(args[1]):
            return f"dict({v})"
        return f"{{k: {to_json(args[1], 'x')} for k, x in {v}.items()}}"
    raise TypeError(f"no JSON form for {ann!r}")


class _Unions:
    """Dispatch tables for discriminated unions met while generating from_json."""

    def __init__(self) -> None:
        self.tables: dict[str, list[tuple[str, str]]] = {}

    def table(self, members: list[Any], disc: str) -> str:
        names = [m.__name__ for m in members]
        # a stable name: the first member's, and the key
        name = f"_{names[0].upper()}_ETC_BY_{disc.upper()}"
        rows = []
        for m in members:
            (tag,) = typing.get_args(m.model_fields[disc].annotation)
            rows.append((repr(tag), m.__name__))
        self.tables[name] = rows
        return name


def from_json(ann: Any, v: str, unions: _Unions) -> str:
    """An expression turning the JSON value ``v`` back into a value of this type."""
    ann, disc = _strip(ann)
    if _plain_value(ann):
        return v
    if ann is dt.date:
        return f"_date({v})"
    if _is_model(ann):
        return f"{ann.__name__}.from_json({v})"
    origin = typing.get_origin(ann)
    args = typing.get_args(ann)
    if _is_union(ann):
        rest = [a for a in args if a is not type(None)]
        if len(rest) < len(args):
            inner = rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]  # noqa: UP007
            return f"None if {v} is None else {from_json(inner, v, unions)}"
        members = [_strip(a)[0] for a in rest]
        if all(_is_model(m) for m in members):
            if disc is None:
                raise TypeError(f"a union of models needs a discriminator: {ann!r}")
            table = unions.table(members, disc)
            return f"{table}[{v}[{disc!r}]].from_json({v})"
        if all(_plain_value(m) or typing.get_origin(m) is tuple for m in members):
            return f"tuple({v}) if isinstance({v}, list) else {v}"
        raise TypeError(f"no JSON form for {ann!r}")
    if origin is list:
        if _plain_value(args[0]):
            return f"list({v})"
        return f"[{from_json(args[0], 'x', unions)} for x in {v}]"
    if origin is tuple and args[-1] is Ellipsis:
        if _plain_value(args[0]):
            return f"tuple({v})"
        return f"tuple({from_json(args[0], 'x', unions)} for x in {v})"
    if origin is tuple:
        parts = [from_json(a, f"{v}[{i}]", unions) for i, a in enumerate(args)]
        return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"
    if origin is dict:
        if _plain_value(args[1]):
            return f"dict({v})"
        return f"{{k: {from_json(args[1], 'x', unions)} for k, x in {v}.items()}}"
    raise TypeError(f"no JSON form for {ann!r}")


def coerce(ann: Any, v: str) -> str:
    """What ``__init__`` stores for the argument ``v``: floats made floats, as pydantic does."""
    ann, _ = _strip(ann)
    if _float_like(ann):
        return f"float({v})"
    args = typing.get_args(ann)
    if _is_union(ann) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            inner = coerce(rest[0], v)
            if inner != v:
                return f"None if {v} is None else {inner}"
        return v
    fixed = typing.get_origin(ann) is tuple and args and args[-1] is not Ellipsis
    if fixed and all(_float_like(a) for a in args):
        return "(" + ", ".join(f"float({v}[{i}])" for i in range(len(args))) + ")"
    return v


# --- classes -----------------------------------------------------------------------------------


def _fields(cls: type[BaseModel]) -> dict[str, FieldInfo]:
    return dict(cls.model_fields)


def _default(info: FieldInfo) -> str | None:
    """The default as source text, ``"None"`` standing for a factory's empty value, or None
    when the field is required."""
    if info.default_factory is not None:
        return "_FACTORY"
    if info.default is PydanticUndefined:
        return None
    return repr(info.default)


def _factory(info: FieldInfo) -> str:
    factory = info.default_factory
    empty = {list: "[]", dict: "{}", tuple: "()"}
    if factory in empty:
        return empty[factory]
    raise TypeError(f"unsupported default factory {factory!r}")


def _methods(cls: type[BaseModel]) -> list[str]:
    """The source of the class's own methods and properties, validators left out."""
    decorators = cls.__pydantic_decorators__
    skip = set(decorators.field_validators) | set(decorators.model_validators)
    out = []
    for name, value in cls.__dict__.items():
        if name in skip or name.startswith("model_") or name.startswith("__"):
            continue
        func = value.fget if isinstance(value, property) else value
        func = getattr(func, "__func__", func)
        if not inspect.isfunction(func) or func.__qualname__.split(".")[0] != cls.__name__:
            continue
        source = textwrap.dedent(inspect.getsource(func))
        out.append(textwrap.indent(source, "    "))
    return out


def _base_of(cls: type[BaseModel]) -> type[BaseModel] | None:
    base = cls.__bases__[0]
    if base.__name__ in _BASES or base is BaseModel:
        return None
    return base


def class_source(cls: type[BaseModel], unions: _Unions) -> str:
    fields = _fields(cls)
    base = _base_of(cls)
    inherited = set(_fields(base)) if base is not None else set()
    own = [name for name in fields if name not in inherited]
    private = list(getattr(cls, "__private_attributes__", {}))
    if base is not None:
        private = [p for p in private if p not in getattr(base, "__private_attributes__", {})]
    lines = [f"class {cls.__name__}({base.__name__ if base else 'Frozen'}):"]
    doc = inspect.getdoc(cls)
    if doc and doc != inspect.getdoc(base or BaseModel):
        lines.append(textwrap.indent(f'"""{doc}"""', "    ").rstrip())
        lines.append("")
    slots = sorted([*own, *private])
    lines.append(f"    __slots__ = ({''.join(repr(s) + ', ' for s in slots).rstrip()})")
    names = "".join(repr(s) + ", " for s in fields).rstrip()
    lines.append(f"    _fields: ClassVar[tuple[str, ...]] = ({names})")
    # fields __init__ converts (floats) or fills (factories), and private slots: replace()
    # copies an object field by field only when it touches none of them
    special = sorted(
        [n for n, i in fields.items() if coerce(i.annotation, n) != n or _default(i) == "_FACTORY"]
        + [*getattr(cls, "__private_attributes__", {})]
    )
    if special:
        inner = "".join(repr(s) + ", " for s in special).rstrip(", ")
        lines.append(f"    _through_init: ClassVar[frozenset[str]] = frozenset({{{inner}}})")
    lines.append("")
    for name in own:
        lines.append(f"    {name}: {render(fields[name].annotation)}")
    for name in private:
        lines.append(f"    {name}: object")
    # __init__
    params = []
    body = []
    for name, info in fields.items():
        default = _default(info)
        typ = render(info.annotation)
        if default is None:
            params.append(f"{name}: {typ}")
            body.append(f"_set(self, {name!r}, {coerce(info.annotation, name)})")
        elif default == "_FACTORY":
            params.append(f"{name}: {typ} | None = None")
            value = f"{_factory(info)} if {name} is None else {coerce(info.annotation, name)}"
            body.append(f"_set(self, {name!r}, {value})")
        else:
            params.append(f"{name}: {typ} = {default}")
            body.append(f"_set(self, {name!r}, {coerce(info.annotation, name)})")
    for name in private:
        start = cls.__private_attributes__[name].default
        body.append(f"_set(self, {name!r}, {start!r})")
    lines.append("")
    lines.append("    def __init__(")
    lines.append("        self,")
    lines.append("        *,")
    lines.extend(f"        {p}," for p in params)
    lines.append("    ) -> None:")
    lines.extend(f"        {b}" for b in body)
    # to_json
    lines.append("")
    lines.append("    def to_json(self) -> dict[str, Any]:")
    lines.append('        """The JSON value of this object (what the schema reads)."""')
    lines.append("        return {")
    for name, info in fields.items():
        lines.append(f"            {name!r}: {to_json(info.annotation, 'self.' + name)},")
    lines.append("        }")
    # from_json
    lines.append("")
    lines.append("    @classmethod")
    lines.append(f"    def from_json(cls, data: dict[str, Any]) -> {cls.__name__}:")
    lines.append('        """The object from its JSON value, which the schema has validated."""')
    lines.append("        return cls(")
    for name, info in fields.items():
        value = f"data[{name!r}]"
        converted = from_json(info.annotation, value, unions)
        if _default(info) is not None and converted == value:
            fallback = _plain_default(info)
            tail = "" if fallback == "None" else f", {fallback}"
            lines.append(f"            {name}=data.get({name!r}{tail}),")
        elif _default(info) is not None:
            lines.append(
                f"            {name}=({converted}) if {name!r} in data else {_plain_default(info)},"
            )
        else:
            lines.append(f"            {name}={converted},")
    lines.append("        )")
    for method in _methods(cls):
        lines.append("")
        lines.append(method.rstrip())
    return "\n".join(lines) + "\n"


def _plain_default(info: FieldInfo) -> str:
    default = _default(info)
    return "None" if default == "_FACTORY" else str(default)


def module_classes(module: types.ModuleType) -> list[type[BaseModel]]:
    found = [
        value
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, BaseModel)
        and value.__module__ == module.__name__
        and value.__name__ not in _BASES
    ]
    return sorted(found, key=lambda c: inspect.getsourcelines(c)[1])


def generated_block(name: str) -> str:
    module = importlib.import_module(f"lmspath.schema.{name}")
    unions = _Unions()
    parts = []
    for cls in module_classes(module):
        cls.model_rebuild()
        parts.append(class_source(cls, unions))
    text = "\n\n".join(parts)
    for table, rows in unions.tables.items():
        entries = "".join(f"    {tag}: {cls},\n" for tag, cls in rows)
        text += f"\n\n{table}: dict[str, type[Any]] = {{\n{entries}}}\n"
    note = f"{START} from lmspath.schema.{name} by lmspath.schema.generate: do not edit"
    return f"{note}\n\n\n{text}\n\n{END}"


def rewritten(name: str) -> tuple[Path, str, str]:
    path = _MODEL_DIR / f"{name}.py"
    old = path.read_text(encoding="utf-8")
    head, sep, rest = old.partition(START)
    if not sep or END not in rest:
        raise SystemExit(f"{path}: no '{START}' ... '{END}' block")
    tail = rest.partition(END)[2]
    return path, old, _formatted(path, head + generated_block(name) + tail)


def _formatted(path: Path, text: str) -> str:
    """The text as ``ruff format`` leaves it (the project's formatter; a dev dependency)."""
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--stdin-filename", str(path), "-"],
        input=text,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{path}: ruff format failed: {done.stderr.strip()}")
    return done.stdout


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for name in MODULES:
        path, old, new = rewritten(name)
        if new != old:
            stale.append(path)
            if not check:
                path.write_text(new, encoding="utf-8")
    if check and stale:
        for path in stale:
            print(f"{path}: out of date; run python -m lmspath.schema.generate", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
