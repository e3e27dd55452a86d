"""Load data/skills.yaml into a Taxonomy and check that every reference in it resolves."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from lmspath.errors import DataError
from lmspath.model.rules import Exam
from lmspath.model.skills import IMPORTANCE_LEVELS, Taxonomy
from lmspath.skills.report import alias_owners, id_key, tokens
from lmspath.store.cache import cached
from lmspath.store.load import default_data_dir, load_exams, load_model

FILE_NAME = "skills.yaml"


def _label(base: Path, path: Path) -> str:
    if base == default_data_dir():
        return f"data/{path.relative_to(base).as_posix()}"
    return str(path)


def taxonomy_problems(
    taxonomy: Taxonomy, label: str = f"data/{FILE_NAME}", exams: Sequence[Exam] | None = None
) -> list[str]:
    """Every broken reference or alias clash, one line each as ``label: field.path: problem``.

    Exam category references are checked only when ``exams`` is given.
    """
    problems: list[str] = []

    def say(path: str, problem: str) -> None:
        problems.append(f"{label}: {path}: {problem}")

    source_ids = {s.id for s in taxonomy.sources}
    cited: set[str] = set()

    def cite(path: str, ids: Sequence[str]) -> None:
        for index, source_id in enumerate(ids):
            cited.add(source_id)
            if source_id not in source_ids:
                say(f"{path}.sources.{index}", f"{source_id!r} is not in this file's sources")

    framework_items: dict[str, set[str]] = {}
    for f_index, framework in enumerate(taxonomy.frameworks):
        path = f"frameworks.{f_index}"
        cite(path, framework.sources)
        group_ids = {g.id for g in framework.groups}
        seen: set[str] = set()
        for i_index, entry in enumerate(framework.items):
            if entry.id in seen:
                say(f"{path}.items.{i_index}", f"{entry.id!r} is listed twice")
            seen.add(entry.id)
            if entry.group is not None and entry.group not in group_ids:
                say(
                    f"{path}.items.{i_index}.group",
                    f"{entry.group!r} is not in this framework's groups",
                )
        framework_items[framework.id] = seen

    ranking = taxonomy.ranking
    if ranking.checklist_framework not in framework_items:
        say("ranking.checklist_framework", f"{ranking.checklist_framework!r} is not a framework")

    area_ids = {a.id for a in taxonomy.areas}
    item_ids = {i.id for i in taxonomy.items}
    members: dict[str, list[str]] = {}
    level = {name: IMPORTANCE_LEVELS.index(name) for name in IMPORTANCE_LEVELS}
    exam_categories = (
        {exam.id: {c.id for c in exam.categories} for exam in exams} if exams is not None else None
    )
    for index, item in enumerate(taxonomy.items):
        path = f"items.{index}"
        cite(path, item.sources)
        for w_index, way in enumerate(item.how_to_close):
            cite(f"{path}.how_to_close.{w_index}", way.sources)
        if item.area not in area_ids:
            say(f"{path}.area", f"{item.area!r} is not in areas")
        if item.group is not None:
            members.setdefault(item.group, []).append(item.id)
        if not item.all_aliases():
            say(path, f"{item.id!r} has no alias of any sort")
        for r_index, ref in enumerate(item.frameworks):
            framework_id, sep, entry_id = ref.partition(":")
            if not sep or framework_id not in framework_items:
                say(f"{path}.frameworks.{r_index}", f"{ref!r} does not name a framework")
            elif entry_id not in framework_items[framework_id]:
                say(f"{path}.frameworks.{r_index}", f"{ref!r}: no such item in {framework_id}")
        if exam_categories is not None:
            for r_index, ref in enumerate(item.exams):
                exam_id, sep, category_id = ref.partition(":")
                if not sep or exam_id not in exam_categories:
                    say(f"{path}.exams.{r_index}", f"{ref!r} does not name a known exam")
                elif category_id not in exam_categories[exam_id]:
                    say(f"{path}.exams.{r_index}", f"{ref!r}: {exam_id} has no such category")
        for a_index, alias in enumerate(item.all_aliases()):
            if not tokens(alias):
                say(f"{path}.aliases", f"alias {a_index} ({alias!r}) has no letters or digits")

    groups = {g.id: g for g in taxonomy.groups}
    for index, group in enumerate(taxonomy.groups):
        path = f"groups.{index}"
        if group.lead not in item_ids:
            say(f"{path}.lead", f"{group.lead!r} is not an item")
            continue
        if group.lead not in members.get(group.id, []):
            say(f"{path}.lead", f"{group.lead!r} is not in the group {group.id!r}")
            continue
        lead_level = level[taxonomy.item(group.lead).importance]
        for member in members.get(group.id, []):
            if level[taxonomy.item(member).importance] < lead_level:
                say(f"{path}.lead", f"{member!r} is more important than the lead {group.lead!r}")
    for index, item in enumerate(taxonomy.items):
        if item.group is not None and item.group not in groups:
            say(f"items.{index}.group", f"{item.group!r} is not in groups")

    problems += [f"{label}: {line}" for line in _alias_problems(taxonomy)]

    if ranking.checklist_framework in framework_items:
        framework = taxonomy.framework(ranking.checklist_framework)
        for entry in framework.items:
            ref = f"{framework.id}:{entry.id}"
            if not any(ref in item.frameworks for item in taxonomy.items):
                say("items", f"no item maps to {ref} (the portfolio checklist needs one)")

    for index, src in enumerate(taxonomy.sources):
        if src.id not in cited:
            say(f"sources.{index}", f"{src.id!r} is never cited")
    return problems


def _alias_problems(taxonomy: Taxonomy) -> list[str]:
    """Aliases claimed by two items, never-alone words used as aliases, ids that are aliases."""
    problems: list[str] = []
    owners = alias_owners(taxonomy)
    for claims in owners.values():
        if len(claims) > 1:
            names = ", ".join(f"{alias!r} ({owner})" for owner, alias in claims)
            problems.append(f"items: one alias names two items: {names}")
    ambiguous: dict[str, str] = {}
    for item in taxonomy.items:
        for entry in item.not_alone:
            if tokens(entry.word) in owners:
                problems.append(f"items: {entry.word!r} never matches alone but is also an alias")
        for word in (*item.ambiguous_aliases, *(e.word for e in item.not_alone)):
            ambiguous[id_key(word).replace(" ", "-")] = word
    for index, item in enumerate(taxonomy.items):
        if item.id in ambiguous:
            problems.append(
                f"items.{index}.id: {item.id!r} equals the ambiguous word {ambiguous[item.id]!r}"
            )
        claims = owners.get(tokens(item.id.replace("-", " ")), [])
        others = [owner for owner, _ in claims if owner != item.id]
        if others:
            problems.append(
                f"items.{index}.id: {item.id!r} is also an alias of {', '.join(others)}"
            )
    return problems


@functools.lru_cache(maxsize=8)
def load_taxonomy(data_dir: Path | None = None) -> Taxonomy:
    """The skills taxonomy; DataError naming file and field path for any problem."""
    base = data_dir or default_data_dir()
    path = base / FILE_NAME
    label = _label(base, path)

    def build() -> Taxonomy:
        taxonomy = load_model(path, Taxonomy, label)
        problems = taxonomy_problems(taxonomy, label)
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise DataError(problems[0] + more, details=problems)
        return taxonomy

    if not path.is_file():
        return build()  # raises the plain "no such file" error
    return cached("skills", [path], build, Taxonomy)


def check_taxonomy(data_dir: Path | None = None) -> list[str]:
    """Problems in a data folder's skills.yaml, exam category references included; [] when fine."""
    base = data_dir or default_data_dir()
    path = base / FILE_NAME
    label = _label(base, path)
    try:
        taxonomy = load_model(path, Taxonomy, label)
    except DataError as exc:
        return exc.details or [exc.message]
    try:
        exams: Sequence[Exam] | None = load_exams(data_dir).exams
    except DataError as exc:
        return [
            *taxonomy_problems(taxonomy, label),
            f"{label}: exams: cannot check exam references ({exc.message})",
        ]
    return taxonomy_problems(taxonomy, label, exams)
