"""Read YAML safely (no tags that build objects) and say where a parse failed."""

from __future__ import annotations

from pathlib import Path

import yaml

try:  # the C loader is several times faster on the rules data
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

#: Files larger than this are refused before parsing: no profile or rules file is near it.
MAX_BYTES = 2_000_000


class YamlProblem(ValueError):
    """A YAML or JSON text could not be read; the message is one plain sentence."""


def parse_yaml(text: str) -> object:
    """Parse YAML (JSON is YAML) with the safe loader; YamlProblem on any failure."""
    try:
        return yaml.load(text, Loader=_Loader)
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


def read_text(path: Path) -> str:
    """A file's UTF-8 text; YamlProblem naming the reason when it cannot be read."""
    if not path.exists():
        raise YamlProblem("no such file")
    if path.is_dir():
        raise YamlProblem("is a directory, not a file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise YamlProblem(f"is {size:,} bytes; the limit is {MAX_BYTES:,}")
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlProblem(f"cannot be read ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YamlProblem(f"is not UTF-8 text (bad byte at position {exc.start})") from None
    if "\x00" in text:
        raise YamlProblem("is a binary file, not text")
    return text
