"""The layout is the architecture: which folder may import which, checked on the source (ast)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "lmspath"

#: Each part of the package and the parts it may import (besides itself and errors).
#: Pure parts (model, engine, skills) never reach the files, the terminal or the CLI.
ALLOWED: dict[str, set[str]] = {
    "model": set(),
    "schema": {"model"},
    "engine": {"model", "skills"},
    "skills": {"model"},
    "store": {"model", "schema", "engine", "skills"},
    "ask": {"model", "store"},
    "render": {"model", "engine", "skills", "store"},
    "batch": {"model", "store", "engine", "skills", "render", "api"},
    "api": {"model", "store", "engine", "skills", "render"},
}
#: Third-party packages only one part may use.
#: pydantic validates the data files (schema/, and store/ which reads them): the engine, the
#: renderers and batch work on the plain classes of model/ and never import it.
OWNERS = {
    "typer": {"cli"},
    "questionary": {"ask"},
    "rich": {"render", "cli"},
    "pydantic": {"schema", "store"},
}
PURE = {"model", "engine", "skills"}
#: Top-level helpers any part that does I/O may use: safe output files, process signals.
SHARED = {"files", "process"}
IO_MODULES = {"os", "pathlib", "subprocess", "socket", "shutil", "tempfile"}


def _part(path: Path) -> str:
    rel = path.relative_to(SRC)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def _type_only(tree: ast.Module) -> set[int]:
    """The ids of nodes inside ``if TYPE_CHECKING:`` blocks: names for the type checker only."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        test = node.test if isinstance(node, ast.If) else None
        name = getattr(test, "id", "") or getattr(test, "attr", "")
        if isinstance(node, ast.If) and name == "TYPE_CHECKING":
            inside |= {id(child) for stmt in node.body for child in ast.walk(stmt)}
    return inside


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_only(tree)
    found: list[str] = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "lmspath":
                found += [f"lmspath.{alias.name}" for alias in node.names]
            else:
                found.append(node.module)
    return found


MODULES = sorted(p for p in SRC.rglob("*.py") if _part(p) in ALLOWED or _part(p) == "cli")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_each_module_imports_only_what_its_part_may(path: Path) -> None:
    part = _part(path)
    for name in _imports(path):
        top = name.split(".")[0]
        if top == "lmspath":
            inner = name.split(".")[1] if "." in name else ""
            if part == "cli" or inner in {part, "errors", "__version__", ""}:
                continue
            if inner in SHARED and part not in PURE:
                continue
            assert inner in ALLOWED[part], f"{part}/ must not import lmspath.{inner} ({name})"
        elif top in OWNERS:
            assert part in OWNERS[top], f"only {sorted(OWNERS[top])} may import {top}"
        elif part in PURE:
            assert top not in IO_MODULES, f"{part}/ is pure: it must not import {top}"


@pytest.mark.parametrize(
    "path", [p for p in MODULES if _part(p) in PURE], ids=lambda p: str(p.relative_to(SRC))
)
def test_pure_parts_do_no_io(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    assert not calls & {"open", "print", "input"}, f"{path.name} does I/O"


def test_every_module_says_its_job_in_one_line() -> None:
    for path in SRC.rglob("*.py"):
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        assert doc, f"{path.relative_to(SRC)} has no docstring"
        assert doc.splitlines()[0].strip(), f"{path.relative_to(SRC)}: empty first line"


def test_the_folders_are_the_pipeline() -> None:
    folders = {p.name for p in SRC.iterdir() if p.is_dir() and not p.name.startswith("_")}
    assert folders >= {"model", "store", "engine", "skills", "ask", "batch", "render", "api", "cli"}
    flat = {p.stem for p in SRC.glob("*.py")} - {"__init__", "__main__"}
    assert flat <= {"errors"} | SHARED, f"modules outside the pipeline folders: {flat}"
