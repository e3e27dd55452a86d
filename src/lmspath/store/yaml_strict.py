"""The strict safe YAML loader (no tags that build objects, no aliases, no repeated keys) and
its one parse call; imported only when a YAML or JSON text is parsed."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import yaml

from lmspath.store.yamlio import YamlProblem

try:  # the C parser is several times faster on the rules data
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


class _Refused(yaml.constructor.ConstructorError):
    """A document lmspath will not read, with the reason as the problem."""


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1 if node.start_mark is not None else 0


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


class _StrictLoader(_Loader):
    """The safe loader, refusing aliases and repeated keys.

    An alias (``*name``) lets a few hundred bytes stand for millions of values (a "billion
    laughs"); neither a profile nor the rules data needs one. A repeated key would silently
    drop the first value the person or the maintainer wrote.
    """

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # The composer gives an alias as the very node it names: meeting a node twice is an alias.
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _Refused(
                None,
                None,
                f"uses a YAML alias (*name) of the value at line {_line(node)}; "
                "write the value out in full",
            )
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, OverflowError) as exc:
            # A value the constructor cannot build: an integer past Python's 4,300-digit
            # limit, a date such as 2024-13-45.
            raise _Refused(
                None, None, f"cannot read this value ({_reason(exc)})", node.start_mark
            ) from None

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, yaml.MappingNode):
            return super().construct_mapping(node, deep=deep)
        self.flatten_mapping(node)
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.CollectionNode):
                raise _Refused(
                    None,
                    None,
                    "a key must be plain text, not a list or mapping",
                    key_node.start_mark,
                )
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, Hashable):
                raise _Refused(None, None, "a key must be plain text", key_node.start_mark)
            if key in mapping:
                raise _Refused(
                    None,
                    None,
                    f"the key {_short(key)} appears twice (the first at line "
                    f"{_first_line(node, key_node, key, self)}); keep one",
                    key_node.start_mark,
                )
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


def _first_line(node: yaml.MappingNode, later: yaml.Node, key: object, loader: Any) -> int:
    for key_node, _ in node.value:
        if key_node is later:
            break
        if loader.constructed_objects.get(key_node) == key:
            return _line(key_node)
    return _line(later)


def parse(text: str) -> object:
    """Parse YAML (JSON is YAML) with the strict safe loader; YamlProblem on any failure."""
    loader = _StrictLoader(text)
    try:
        return loader.get_single_data()
    except _Refused as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}: " if mark is not None else ""
        raise YamlProblem(f"{where}{exc.problem}") from None
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise YamlProblem(f"contains a YAML tag that is not allowed{where}") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}: " if mark is not None else ""
        raise YamlProblem(f"{where}not valid YAML or JSON ({exc.problem})") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"not valid YAML or JSON ({exc})") from None
    except RecursionError:
        raise YamlProblem("is nested too deeply to read") from None
    except (ValueError, OverflowError) as exc:  # raised outside any one node
        raise YamlProblem(f"holds a value that cannot be read ({_reason(exc)})") from None
    finally:
        loader.dispose()


def _reason(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    if "integer string conversion" in text:
        return "a number with more than 4,300 digits"
    return text if len(text) <= 80 else text[:77] + "..."
