"""The skills taxonomy and the report's skills section, as plain frozen objects.

The classes mirror ``lmspath.schema.skills``, which validates ``data/skills.yaml``.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar, Literal

from lmspath.model.frozen import Frozen, _set
from lmspath.model.results import SourceRef
from lmspath.model.rules import Cited, Source

Kind = Literal["competency", "tool", "standard"]
Importance = Literal["essential", "important", "useful"]
WayKind = Literal["course", "free_resource", "artifact"]
InputField = Literal["tools", "skills"]
MatchVia = Literal["id", "alias", "ambiguous_alias", "unverified_alias"]
UnrecognisedReason = Literal["no_match", "tools_only", "not_alone"]

KINDS: tuple[Kind, ...] = ("competency", "tool", "standard")
IMPORTANCE_LEVELS: tuple[Importance, ...] = ("essential", "important", "useful")

_FRAMEWORK_ITEM_ID = re.compile(r"^[a-z0-9][a-z0-9.-]*$")


# <generated> from lmspath.schema.skills by lmspath.schema.generate: do not edit


class Ranking(Frozen):
    """The fixed weights that order gaps; documented in the data file's header."""

    __slots__ = (
        "artifacts_per_standard",
        "checklist_framework",
        "exam_points_per_percent",
        "importance_points",
        "kind_order",
        "show_top",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "importance_points",
        "exam_points_per_percent",
        "kind_order",
        "show_top",
        "artifacts_per_standard",
        "checklist_framework",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"exam_points_per_percent"})

    importance_points: dict[Literal["essential", "important", "useful"], float]
    exam_points_per_percent: float
    kind_order: list[Literal["competency", "tool", "standard"]]
    show_top: int
    artifacts_per_standard: int
    checklist_framework: str

    def __init__(
        self,
        *,
        importance_points: dict[Literal["essential", "important", "useful"], float],
        exam_points_per_percent: float,
        kind_order: list[Literal["competency", "tool", "standard"]],
        show_top: int,
        artifacts_per_standard: int,
        checklist_framework: str,
    ) -> None:
        _set(self, "importance_points", importance_points)
        _set(self, "exam_points_per_percent", float(exam_points_per_percent))
        _set(self, "kind_order", kind_order)
        _set(self, "show_top", show_top)
        _set(self, "artifacts_per_standard", artifacts_per_standard)
        _set(self, "checklist_framework", checklist_framework)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "importance_points": dict(self.importance_points),
            "exam_points_per_percent": self.exam_points_per_percent,
            "kind_order": list(self.kind_order),
            "show_top": self.show_top,
            "artifacts_per_standard": self.artifacts_per_standard,
            "checklist_framework": self.checklist_framework,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Ranking:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            importance_points=dict(data["importance_points"]),
            exam_points_per_percent=data["exam_points_per_percent"],
            kind_order=list(data["kind_order"]),
            show_top=data["show_top"],
            artifacts_per_standard=data["artifacts_per_standard"],
            checklist_framework=data["checklist_framework"],
        )


class FrameworkGroup(Frozen):
    """A heading inside a framework (an ALA/AASL/CAEP standard above its components)."""

    __slots__ = (
        "id",
        "name",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "id",
        "name",
    )

    id: str
    name: str

    def __init__(
        self,
        *,
        id: str,
        name: str,
    ) -> None:
        _set(self, "id", id)
        _set(self, "name", name)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "id": self.id,
            "name": self.name,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FrameworkGroup:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            id=data["id"],
            name=data["name"],
        )


class FrameworkItem(Frozen):
    """One referencable entry of a framework: a foundation, component, standard, task or role."""

    __slots__ = (
        "group",
        "id",
        "name",
        "summary",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "id",
        "name",
        "group",
        "summary",
    )

    id: str
    name: str
    group: str | None
    summary: str | None

    def __init__(
        self,
        *,
        id: str,
        name: str,
        group: str | None = None,
        summary: str | None = None,
    ) -> None:
        _set(self, "id", id)
        _set(self, "name", name)
        _set(self, "group", group)
        _set(self, "summary", summary)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "id": self.id,
            "name": self.name,
            "group": self.group,
            "summary": self.summary,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FrameworkItem:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            id=data["id"],
            name=data["name"],
            group=data.get("group"),
            summary=data.get("summary"),
        )


class Framework(Cited):
    """A standards framework or occupational profile the taxonomy refers to as ``id:item``."""

    __slots__ = (
        "groups",
        "id",
        "items",
        "name",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "sources",
        "confidence",
        "note",
        "id",
        "name",
        "groups",
        "items",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"groups"})

    id: str
    name: str
    groups: list[FrameworkGroup]
    items: list[FrameworkItem]

    def __init__(
        self,
        *,
        sources: list[str],
        confidence: Literal["high", "medium", "low"],
        note: str | None = None,
        id: str,
        name: str,
        groups: list[FrameworkGroup] | None = None,
        items: list[FrameworkItem],
    ) -> None:
        _set(self, "sources", sources)
        _set(self, "confidence", confidence)
        _set(self, "note", note)
        _set(self, "id", id)
        _set(self, "name", name)
        _set(self, "groups", [] if groups is None else groups)
        _set(self, "items", items)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "sources": list(self.sources),
            "confidence": self.confidence,
            "note": self.note,
            "id": self.id,
            "name": self.name,
            "groups": [x.to_json() for x in self.groups],
            "items": [x.to_json() for x in self.items],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Framework:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            sources=list(data["sources"]),
            confidence=data["confidence"],
            note=data.get("note"),
            id=data["id"],
            name=data["name"],
            groups=([FrameworkGroup.from_json(x) for x in data["groups"]])
            if "groups" in data
            else None,
            items=[FrameworkItem.from_json(x) for x in data["items"]],
        )


class Area(Frozen):
    """A display heading grouping taxonomy items (teaching and learning, library systems...)."""

    __slots__ = (
        "id",
        "name",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "id",
        "name",
    )

    id: str
    name: str

    def __init__(
        self,
        *,
        id: str,
        name: str,
    ) -> None:
        _set(self, "id", id)
        _set(self, "name", name)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "id": self.id,
            "name": self.name,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Area:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            id=data["id"],
            name=data["name"],
        )


class ToolGroup(Frozen):
    """Tools that stand in for one another: any one covers the group; ``lead`` names the gap."""

    __slots__ = (
        "id",
        "lead",
        "name",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "id",
        "name",
        "lead",
    )

    id: str
    name: str
    lead: str

    def __init__(
        self,
        *,
        id: str,
        name: str,
        lead: str,
    ) -> None:
        _set(self, "id", id)
        _set(self, "name", name)
        _set(self, "lead", lead)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "id": self.id,
            "name": self.name,
            "lead": self.lead,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ToolGroup:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            id=data["id"],
            name=data["name"],
            lead=data["lead"],
        )


class NotAlone(Frozen):
    """A word that never matches by itself (it means something else too), with a hint."""

    __slots__ = (
        "hint",
        "word",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "word",
        "hint",
    )

    word: str
    hint: str

    def __init__(
        self,
        *,
        word: str,
        hint: str,
    ) -> None:
        _set(self, "word", word)
        _set(self, "hint", hint)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "word": self.word,
            "hint": self.hint,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NotAlone:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            word=data["word"],
            hint=data["hint"],
        )


class Way(Cited):
    """One concrete way to close a gap: a course topic, a free resource or a portfolio artifact."""

    __slots__ = (
        "kind",
        "text",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "sources",
        "confidence",
        "note",
        "kind",
        "text",
    )

    kind: Literal["course", "free_resource", "artifact"]
    text: str

    def __init__(
        self,
        *,
        sources: list[str],
        confidence: Literal["high", "medium", "low"],
        note: str | None = None,
        kind: Literal["course", "free_resource", "artifact"],
        text: str,
    ) -> None:
        _set(self, "sources", sources)
        _set(self, "confidence", confidence)
        _set(self, "note", note)
        _set(self, "kind", kind)
        _set(self, "text", text)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "sources": list(self.sources),
            "confidence": self.confidence,
            "note": self.note,
            "kind": self.kind,
            "text": self.text,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Way:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            sources=list(data["sources"]),
            confidence=data["confidence"],
            note=data.get("note"),
            kind=data["kind"],
            text=data["text"],
        )


class SkillItem(Cited):
    """A competency, tool or cataloging standard: aliases, frameworks and how to close it."""

    __slots__ = (
        "aliases",
        "ambiguous_aliases",
        "area",
        "exams",
        "frameworks",
        "group",
        "how_to_close",
        "id",
        "importance",
        "importance_basis",
        "kind",
        "name",
        "not_alone",
        "unverified_aliases",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "sources",
        "confidence",
        "note",
        "id",
        "name",
        "kind",
        "area",
        "group",
        "importance",
        "importance_basis",
        "aliases",
        "ambiguous_aliases",
        "unverified_aliases",
        "not_alone",
        "frameworks",
        "exams",
        "how_to_close",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset(
        {"aliases", "ambiguous_aliases", "exams", "frameworks", "not_alone", "unverified_aliases"}
    )

    id: str
    name: str
    kind: Literal["competency", "tool", "standard"]
    area: str
    group: str | None
    importance: Literal["essential", "important", "useful"]
    importance_basis: str
    aliases: list[str]
    ambiguous_aliases: list[str]
    unverified_aliases: list[str]
    not_alone: list[NotAlone]
    frameworks: list[str]
    exams: list[str]
    how_to_close: list[Way]

    def __init__(
        self,
        *,
        sources: list[str],
        confidence: Literal["high", "medium", "low"],
        note: str | None = None,
        id: str,
        name: str,
        kind: Literal["competency", "tool", "standard"],
        area: str,
        group: str | None = None,
        importance: Literal["essential", "important", "useful"],
        importance_basis: str,
        aliases: list[str] | None = None,
        ambiguous_aliases: list[str] | None = None,
        unverified_aliases: list[str] | None = None,
        not_alone: list[NotAlone] | None = None,
        frameworks: list[str] | None = None,
        exams: list[str] | None = None,
        how_to_close: list[Way],
    ) -> None:
        _set(self, "sources", sources)
        _set(self, "confidence", confidence)
        _set(self, "note", note)
        _set(self, "id", id)
        _set(self, "name", name)
        _set(self, "kind", kind)
        _set(self, "area", area)
        _set(self, "group", group)
        _set(self, "importance", importance)
        _set(self, "importance_basis", importance_basis)
        _set(self, "aliases", [] if aliases is None else aliases)
        _set(self, "ambiguous_aliases", [] if ambiguous_aliases is None else ambiguous_aliases)
        _set(self, "unverified_aliases", [] if unverified_aliases is None else unverified_aliases)
        _set(self, "not_alone", [] if not_alone is None else not_alone)
        _set(self, "frameworks", [] if frameworks is None else frameworks)
        _set(self, "exams", [] if exams is None else exams)
        _set(self, "how_to_close", how_to_close)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "sources": list(self.sources),
            "confidence": self.confidence,
            "note": self.note,
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "area": self.area,
            "group": self.group,
            "importance": self.importance,
            "importance_basis": self.importance_basis,
            "aliases": list(self.aliases),
            "ambiguous_aliases": list(self.ambiguous_aliases),
            "unverified_aliases": list(self.unverified_aliases),
            "not_alone": [x.to_json() for x in self.not_alone],
            "frameworks": list(self.frameworks),
            "exams": list(self.exams),
            "how_to_close": [x.to_json() for x in self.how_to_close],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SkillItem:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            sources=list(data["sources"]),
            confidence=data["confidence"],
            note=data.get("note"),
            id=data["id"],
            name=data["name"],
            kind=data["kind"],
            area=data["area"],
            group=data.get("group"),
            importance=data["importance"],
            importance_basis=data["importance_basis"],
            aliases=(list(data["aliases"])) if "aliases" in data else None,
            ambiguous_aliases=(list(data["ambiguous_aliases"]))
            if "ambiguous_aliases" in data
            else None,
            unverified_aliases=(list(data["unverified_aliases"]))
            if "unverified_aliases" in data
            else None,
            not_alone=([NotAlone.from_json(x) for x in data["not_alone"]])
            if "not_alone" in data
            else None,
            frameworks=(list(data["frameworks"])) if "frameworks" in data else None,
            exams=(list(data["exams"])) if "exams" in data else None,
            how_to_close=[Way.from_json(x) for x in data["how_to_close"]],
        )

    def all_aliases(self) -> list[str]:
        """Every alias, safe, ambiguous or unverified, in the order the file lists them."""
        return [*self.aliases, *self.unverified_aliases, *self.ambiguous_aliases]


class Taxonomy(Frozen):
    """The skills taxonomy: ranking weights, sources, frameworks, tool groups and items."""

    __slots__ = (
        "_prepared",
        "areas",
        "frameworks",
        "groups",
        "items",
        "ranking",
        "schema_version",
        "sources",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "schema_version",
        "ranking",
        "sources",
        "frameworks",
        "areas",
        "groups",
        "items",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"_prepared", "groups"})

    schema_version: Literal[1]
    ranking: Ranking
    sources: list[Source]
    frameworks: list[Framework]
    areas: list[Area]
    groups: list[ToolGroup]
    items: list[SkillItem]
    _prepared: object

    def __init__(
        self,
        *,
        schema_version: Literal[1] = 1,
        ranking: Ranking,
        sources: list[Source],
        frameworks: list[Framework],
        areas: list[Area],
        groups: list[ToolGroup] | None = None,
        items: list[SkillItem],
    ) -> None:
        _set(self, "schema_version", schema_version)
        _set(self, "ranking", ranking)
        _set(self, "sources", sources)
        _set(self, "frameworks", frameworks)
        _set(self, "areas", areas)
        _set(self, "groups", [] if groups is None else groups)
        _set(self, "items", items)
        _set(self, "_prepared", None)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "schema_version": self.schema_version,
            "ranking": self.ranking.to_json(),
            "sources": [x.to_json() for x in self.sources],
            "frameworks": [x.to_json() for x in self.frameworks],
            "areas": [x.to_json() for x in self.areas],
            "groups": [x.to_json() for x in self.groups],
            "items": [x.to_json() for x in self.items],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Taxonomy:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            schema_version=data.get("schema_version", 1),
            ranking=Ranking.from_json(data["ranking"]),
            sources=[Source.from_json(x) for x in data["sources"]],
            frameworks=[Framework.from_json(x) for x in data["frameworks"]],
            areas=[Area.from_json(x) for x in data["areas"]],
            groups=([ToolGroup.from_json(x) for x in data["groups"]]) if "groups" in data else None,
            items=[SkillItem.from_json(x) for x in data["items"]],
        )

    @property
    def prepared(self) -> object:
        """What ``skills.report.prepared`` made for this taxonomy, or None."""
        return self._prepared

    def keep_prepared(self, value: object) -> None:
        """Keep the skills engine's look-up tables with the taxonomy they were made from."""
        self._prepared = value

    def item(self, item_id: str) -> SkillItem:
        """The item with this id; KeyError when there is none."""
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def source(self, source_id: str) -> Source:
        """The source with this id; KeyError when there is none."""
        for src in self.sources:
            if src.id == source_id:
                return src
        raise KeyError(source_id)

    def framework(self, framework_id: str) -> Framework:
        """The framework with this id; KeyError when there is none."""
        for framework in self.frameworks:
            if framework.id == framework_id:
                return framework
        raise KeyError(framework_id)

    def group(self, group_id: str) -> ToolGroup:
        """The tool group with this id; KeyError when there is none."""
        for group in self.groups:
            if group.id == group_id:
                return group
        raise KeyError(group_id)

    def area(self, area_id: str) -> Area:
        """The area with this id; KeyError when there is none."""
        for area in self.areas:
            if area.id == area_id:
                return area
        raise KeyError(area_id)


class ItemRef(Frozen):
    """A taxonomy item named by id and name."""

    __slots__ = (
        "id",
        "name",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "id",
        "name",
    )

    id: str
    name: str

    def __init__(
        self,
        *,
        id: str,
        name: str,
    ) -> None:
        _set(self, "id", id)
        _set(self, "name", name)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "id": self.id,
            "name": self.name,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ItemRef:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            id=data["id"],
            name=data["name"],
        )


class WayOut(Frozen):
    """A way to close a gap, as the report shows it, with its sources resolved."""

    __slots__ = (
        "confidence",
        "kind",
        "note",
        "sources",
        "text",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "kind",
        "text",
        "confidence",
        "note",
        "sources",
    )

    kind: Literal["course", "free_resource", "artifact"]
    text: str
    confidence: Literal["high", "medium", "low"]
    note: str | None
    sources: list[SourceRef]

    def __init__(
        self,
        *,
        kind: Literal["course", "free_resource", "artifact"],
        text: str,
        confidence: Literal["high", "medium", "low"],
        note: str | None = None,
        sources: list[SourceRef],
    ) -> None:
        _set(self, "kind", kind)
        _set(self, "text", text)
        _set(self, "confidence", confidence)
        _set(self, "note", note)
        _set(self, "sources", sources)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "kind": self.kind,
            "text": self.text,
            "confidence": self.confidence,
            "note": self.note,
            "sources": [x.to_json() for x in self.sources],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> WayOut:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            kind=data["kind"],
            text=data["text"],
            confidence=data["confidence"],
            note=data.get("note"),
            sources=[SourceRef.from_json(x) for x in data["sources"]],
        )


class MatchedInput(Frozen):
    """What the person wrote that matched an item, where, and through which alias."""

    __slots__ = (
        "alias",
        "field",
        "text",
        "via",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "text",
        "field",
        "via",
        "alias",
    )

    text: str
    field: Literal["tools", "skills"]
    via: Literal["id", "alias", "ambiguous_alias", "unverified_alias"]
    alias: str

    def __init__(
        self,
        *,
        text: str,
        field: Literal["tools", "skills"],
        via: Literal["id", "alias", "ambiguous_alias", "unverified_alias"],
        alias: str,
    ) -> None:
        _set(self, "text", text)
        _set(self, "field", field)
        _set(self, "via", via)
        _set(self, "alias", alias)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "text": self.text,
            "field": self.field,
            "via": self.via,
            "alias": self.alias,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MatchedInput:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            text=data["text"],
            field=data["field"],
            via=data["via"],
            alias=data["alias"],
        )


class HaveItem(Frozen):
    """A taxonomy item the person has."""

    __slots__ = (
        "confidence",
        "exams",
        "frameworks",
        "group",
        "how_to_close",
        "id",
        "importance",
        "kind",
        "matched_from",
        "name",
        "sources",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "id",
        "name",
        "kind",
        "group",
        "importance",
        "confidence",
        "matched_from",
        "frameworks",
        "exams",
        "how_to_close",
        "sources",
    )

    id: str
    name: str
    kind: Literal["competency", "tool", "standard"]
    group: str | None
    importance: Literal["essential", "important", "useful"]
    confidence: Literal["high", "medium", "low"]
    matched_from: list[MatchedInput]
    frameworks: list[str]
    exams: list[str]
    how_to_close: list[WayOut]
    sources: list[SourceRef]

    def __init__(
        self,
        *,
        id: str,
        name: str,
        kind: Literal["competency", "tool", "standard"],
        group: str | None,
        importance: Literal["essential", "important", "useful"],
        confidence: Literal["high", "medium", "low"],
        matched_from: list[MatchedInput],
        frameworks: list[str],
        exams: list[str],
        how_to_close: list[WayOut],
        sources: list[SourceRef],
    ) -> None:
        _set(self, "id", id)
        _set(self, "name", name)
        _set(self, "kind", kind)
        _set(self, "group", group)
        _set(self, "importance", importance)
        _set(self, "confidence", confidence)
        _set(self, "matched_from", matched_from)
        _set(self, "frameworks", frameworks)
        _set(self, "exams", exams)
        _set(self, "how_to_close", how_to_close)
        _set(self, "sources", sources)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "group": self.group,
            "importance": self.importance,
            "confidence": self.confidence,
            "matched_from": [x.to_json() for x in self.matched_from],
            "frameworks": list(self.frameworks),
            "exams": list(self.exams),
            "how_to_close": [x.to_json() for x in self.how_to_close],
            "sources": [x.to_json() for x in self.sources],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> HaveItem:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            id=data["id"],
            name=data["name"],
            kind=data["kind"],
            group=data["group"],
            importance=data["importance"],
            confidence=data["confidence"],
            matched_from=[MatchedInput.from_json(x) for x in data["matched_from"]],
            frameworks=list(data["frameworks"]),
            exams=list(data["exams"]),
            how_to_close=[WayOut.from_json(x) for x in data["how_to_close"]],
            sources=[SourceRef.from_json(x) for x in data["sources"]],
        )


class ScoreParts(Frozen):
    """The two numbers a gap's score adds up, so the rank can be explained."""

    __slots__ = (
        "exam_category",
        "exam_percent",
        "exam_points",
        "importance_points",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "importance_points",
        "exam_points",
        "exam_category",
        "exam_percent",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset(
        {"exam_percent", "exam_points", "importance_points"}
    )

    importance_points: float
    exam_points: float
    exam_category: str | None
    exam_percent: float | None

    def __init__(
        self,
        *,
        importance_points: float,
        exam_points: float,
        exam_category: str | None,
        exam_percent: float | None,
    ) -> None:
        _set(self, "importance_points", float(importance_points))
        _set(self, "exam_points", float(exam_points))
        _set(self, "exam_category", exam_category)
        _set(self, "exam_percent", None if exam_percent is None else float(exam_percent))

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "importance_points": self.importance_points,
            "exam_points": self.exam_points,
            "exam_category": self.exam_category,
            "exam_percent": self.exam_percent,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ScoreParts:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            importance_points=data["importance_points"],
            exam_points=data["exam_points"],
            exam_category=data["exam_category"],
            exam_percent=data["exam_percent"],
        )


class GapItem(Frozen):
    """A taxonomy item (or a tool group, named by its lead tool) the person does not have."""

    __slots__ = (
        "alternatives",
        "confidence",
        "exams",
        "frameworks",
        "group",
        "group_name",
        "how_to_close",
        "id",
        "importance",
        "kind",
        "name",
        "rank",
        "score",
        "score_parts",
        "sources",
        "why",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "rank",
        "id",
        "name",
        "kind",
        "group",
        "group_name",
        "alternatives",
        "importance",
        "confidence",
        "score",
        "why",
        "score_parts",
        "frameworks",
        "exams",
        "how_to_close",
        "sources",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"score"})

    rank: int
    id: str
    name: str
    kind: Literal["competency", "tool", "standard"]
    group: str | None
    group_name: str | None
    alternatives: list[ItemRef]
    importance: Literal["essential", "important", "useful"]
    confidence: Literal["high", "medium", "low"]
    score: float
    why: str
    score_parts: ScoreParts
    frameworks: list[str]
    exams: list[str]
    how_to_close: list[WayOut]
    sources: list[SourceRef]

    def __init__(
        self,
        *,
        rank: int,
        id: str,
        name: str,
        kind: Literal["competency", "tool", "standard"],
        group: str | None,
        group_name: str | None,
        alternatives: list[ItemRef],
        importance: Literal["essential", "important", "useful"],
        confidence: Literal["high", "medium", "low"],
        score: float,
        why: str,
        score_parts: ScoreParts,
        frameworks: list[str],
        exams: list[str],
        how_to_close: list[WayOut],
        sources: list[SourceRef],
    ) -> None:
        _set(self, "rank", rank)
        _set(self, "id", id)
        _set(self, "name", name)
        _set(self, "kind", kind)
        _set(self, "group", group)
        _set(self, "group_name", group_name)
        _set(self, "alternatives", alternatives)
        _set(self, "importance", importance)
        _set(self, "confidence", confidence)
        _set(self, "score", float(score))
        _set(self, "why", why)
        _set(self, "score_parts", score_parts)
        _set(self, "frameworks", frameworks)
        _set(self, "exams", exams)
        _set(self, "how_to_close", how_to_close)
        _set(self, "sources", sources)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "rank": self.rank,
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "group": self.group,
            "group_name": self.group_name,
            "alternatives": [x.to_json() for x in self.alternatives],
            "importance": self.importance,
            "confidence": self.confidence,
            "score": self.score,
            "why": self.why,
            "score_parts": self.score_parts.to_json(),
            "frameworks": list(self.frameworks),
            "exams": list(self.exams),
            "how_to_close": [x.to_json() for x in self.how_to_close],
            "sources": [x.to_json() for x in self.sources],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> GapItem:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            rank=data["rank"],
            id=data["id"],
            name=data["name"],
            kind=data["kind"],
            group=data["group"],
            group_name=data["group_name"],
            alternatives=[ItemRef.from_json(x) for x in data["alternatives"]],
            importance=data["importance"],
            confidence=data["confidence"],
            score=data["score"],
            why=data["why"],
            score_parts=ScoreParts.from_json(data["score_parts"]),
            frameworks=list(data["frameworks"]),
            exams=list(data["exams"]),
            how_to_close=[WayOut.from_json(x) for x in data["how_to_close"]],
            sources=[SourceRef.from_json(x) for x in data["sources"]],
        )


class Unrecognised(Frozen):
    """Something the person wrote that matched nothing, shown back with a suggestion."""

    __slots__ = (
        "field",
        "message",
        "reason",
        "suggestion",
        "suggestion_alias",
        "text",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "text",
        "field",
        "reason",
        "suggestion",
        "suggestion_alias",
        "message",
    )

    text: str
    field: Literal["tools", "skills"]
    reason: Literal["no_match", "tools_only", "not_alone"]
    suggestion: ItemRef | None
    suggestion_alias: str | None
    message: str

    def __init__(
        self,
        *,
        text: str,
        field: Literal["tools", "skills"],
        reason: Literal["no_match", "tools_only", "not_alone"],
        suggestion: ItemRef | None,
        suggestion_alias: str | None,
        message: str,
    ) -> None:
        _set(self, "text", text)
        _set(self, "field", field)
        _set(self, "reason", reason)
        _set(self, "suggestion", suggestion)
        _set(self, "suggestion_alias", suggestion_alias)
        _set(self, "message", message)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "text": self.text,
            "field": self.field,
            "reason": self.reason,
            "suggestion": None if self.suggestion is None else self.suggestion.to_json(),
            "suggestion_alias": self.suggestion_alias,
            "message": self.message,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Unrecognised:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            text=data["text"],
            field=data["field"],
            reason=data["reason"],
            suggestion=None
            if data["suggestion"] is None
            else ItemRef.from_json(data["suggestion"]),
            suggestion_alias=data["suggestion_alias"],
            message=data["message"],
        )


class CategoryReadiness(Frozen):
    """How much of one exam category's taxonomy the person's skills cover (not a score)."""

    __slots__ = (
        "have",
        "id",
        "missing",
        "name",
        "percent",
        "points_have",
        "points_total",
        "readiness",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "id",
        "name",
        "percent",
        "readiness",
        "points_have",
        "points_total",
        "have",
        "missing",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset(
        {"percent", "points_have", "points_total", "readiness"}
    )

    id: str
    name: str
    percent: float
    readiness: float | None
    points_have: float
    points_total: float
    have: list[ItemRef]
    missing: list[ItemRef]

    def __init__(
        self,
        *,
        id: str,
        name: str,
        percent: float,
        readiness: float | None,
        points_have: float,
        points_total: float,
        have: list[ItemRef],
        missing: list[ItemRef],
    ) -> None:
        _set(self, "id", id)
        _set(self, "name", name)
        _set(self, "percent", float(percent))
        _set(self, "readiness", None if readiness is None else float(readiness))
        _set(self, "points_have", float(points_have))
        _set(self, "points_total", float(points_total))
        _set(self, "have", have)
        _set(self, "missing", missing)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "id": self.id,
            "name": self.name,
            "percent": self.percent,
            "readiness": self.readiness,
            "points_have": self.points_have,
            "points_total": self.points_total,
            "have": [x.to_json() for x in self.have],
            "missing": [x.to_json() for x in self.missing],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CategoryReadiness:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            id=data["id"],
            name=data["name"],
            percent=data["percent"],
            readiness=data["readiness"],
            points_have=data["points_have"],
            points_total=data["points_total"],
            have=[ItemRef.from_json(x) for x in data["have"]],
            missing=[ItemRef.from_json(x) for x in data["missing"]],
        )


class ExamReadiness(Frozen):
    """Readiness per content category of the exam the person's state uses."""

    __slots__ = (
        "categories",
        "code",
        "confidence",
        "exam",
        "exam_name",
        "label",
        "note",
        "overall",
        "source_ids",
        "sources",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "exam",
        "exam_name",
        "code",
        "label",
        "confidence",
        "source_ids",
        "sources",
        "note",
        "overall",
        "categories",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"overall"})

    exam: str
    exam_name: str
    code: str
    label: str
    confidence: Literal["high", "medium", "low"]
    source_ids: list[str]
    sources: list[SourceRef]
    note: str | None
    overall: float
    categories: list[CategoryReadiness]

    def __init__(
        self,
        *,
        exam: str,
        exam_name: str,
        code: str,
        label: str,
        confidence: Literal["high", "medium", "low"],
        source_ids: list[str],
        sources: list[SourceRef],
        note: str | None,
        overall: float,
        categories: list[CategoryReadiness],
    ) -> None:
        _set(self, "exam", exam)
        _set(self, "exam_name", exam_name)
        _set(self, "code", code)
        _set(self, "label", label)
        _set(self, "confidence", confidence)
        _set(self, "source_ids", source_ids)
        _set(self, "sources", sources)
        _set(self, "note", note)
        _set(self, "overall", float(overall))
        _set(self, "categories", categories)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "exam": self.exam,
            "exam_name": self.exam_name,
            "code": self.code,
            "label": self.label,
            "confidence": self.confidence,
            "source_ids": list(self.source_ids),
            "sources": [x.to_json() for x in self.sources],
            "note": self.note,
            "overall": self.overall,
            "categories": [x.to_json() for x in self.categories],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ExamReadiness:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            exam=data["exam"],
            exam_name=data["exam_name"],
            code=data["code"],
            label=data["label"],
            confidence=data["confidence"],
            source_ids=list(data["source_ids"]),
            sources=[SourceRef.from_json(x) for x in data["sources"]],
            note=data["note"],
            overall=data["overall"],
            categories=[CategoryReadiness.from_json(x) for x in data["categories"]],
        )


class ArtifactIdea(Frozen):
    """A portfolio artifact that would show a standard, from one taxonomy item."""

    __slots__ = (
        "confidence",
        "have",
        "item",
        "sources",
        "text",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "item",
        "have",
        "text",
        "confidence",
        "sources",
    )

    item: ItemRef
    have: bool
    text: str
    confidence: Literal["high", "medium", "low"]
    sources: list[SourceRef]

    def __init__(
        self,
        *,
        item: ItemRef,
        have: bool,
        text: str,
        confidence: Literal["high", "medium", "low"],
        sources: list[SourceRef],
    ) -> None:
        _set(self, "item", item)
        _set(self, "have", have)
        _set(self, "text", text)
        _set(self, "confidence", confidence)
        _set(self, "sources", sources)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "item": self.item.to_json(),
            "have": self.have,
            "text": self.text,
            "confidence": self.confidence,
            "sources": [x.to_json() for x in self.sources],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ArtifactIdea:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            item=ItemRef.from_json(data["item"]),
            have=data["have"],
            text=data["text"],
            confidence=data["confidence"],
            sources=[SourceRef.from_json(x) for x in data["sources"]],
        )


class PortfolioEntry(Frozen):
    """One preparation-standard component: covered or not by the person's skills, and artifacts."""

    __slots__ = (
        "artifacts",
        "covered",
        "covered_by",
        "id",
        "name",
        "standard_id",
        "standard_name",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "id",
        "name",
        "standard_id",
        "standard_name",
        "covered",
        "covered_by",
        "artifacts",
    )

    id: str
    name: str
    standard_id: str | None
    standard_name: str | None
    covered: bool
    covered_by: list[ItemRef]
    artifacts: list[ArtifactIdea]

    def __init__(
        self,
        *,
        id: str,
        name: str,
        standard_id: str | None,
        standard_name: str | None,
        covered: bool,
        covered_by: list[ItemRef],
        artifacts: list[ArtifactIdea],
    ) -> None:
        _set(self, "id", id)
        _set(self, "name", name)
        _set(self, "standard_id", standard_id)
        _set(self, "standard_name", standard_name)
        _set(self, "covered", covered)
        _set(self, "covered_by", covered_by)
        _set(self, "artifacts", artifacts)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "id": self.id,
            "name": self.name,
            "standard_id": self.standard_id,
            "standard_name": self.standard_name,
            "covered": self.covered,
            "covered_by": [x.to_json() for x in self.covered_by],
            "artifacts": [x.to_json() for x in self.artifacts],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PortfolioEntry:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            id=data["id"],
            name=data["name"],
            standard_id=data["standard_id"],
            standard_name=data["standard_name"],
            covered=data["covered"],
            covered_by=[ItemRef.from_json(x) for x in data["covered_by"]],
            artifacts=[ArtifactIdea.from_json(x) for x in data["artifacts"]],
        )


class RankingRule(Frozen):
    """The weights the ranking used, as stated in the data file."""

    __slots__ = (
        "exam_points_per_percent",
        "explanation",
        "importance_points",
        "kind_order",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "importance_points",
        "exam_points_per_percent",
        "kind_order",
        "explanation",
    )
    _through_init: ClassVar[frozenset[str]] = frozenset({"exam_points_per_percent"})

    importance_points: dict[str, float]
    exam_points_per_percent: float
    kind_order: list[str]
    explanation: str

    def __init__(
        self,
        *,
        importance_points: dict[str, float],
        exam_points_per_percent: float,
        kind_order: list[str],
        explanation: str,
    ) -> None:
        _set(self, "importance_points", importance_points)
        _set(self, "exam_points_per_percent", float(exam_points_per_percent))
        _set(self, "kind_order", kind_order)
        _set(self, "explanation", explanation)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "importance_points": dict(self.importance_points),
            "exam_points_per_percent": self.exam_points_per_percent,
            "kind_order": list(self.kind_order),
            "explanation": self.explanation,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RankingRule:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            importance_points=dict(data["importance_points"]),
            exam_points_per_percent=data["exam_points_per_percent"],
            kind_order=list(data["kind_order"]),
            explanation=data["explanation"],
        )


class SkillsReport(Frozen):
    """The skills section: what the person has, ranked gaps, exam readiness and portfolio."""

    __slots__ = (
        "exam_note",
        "exam_readiness",
        "gaps",
        "given",
        "have",
        "portfolio",
        "portfolio_framework",
        "ranking",
        "show_top",
        "unrecognised",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "given",
        "have",
        "gaps",
        "show_top",
        "unrecognised",
        "exam_readiness",
        "exam_note",
        "portfolio_framework",
        "portfolio",
        "ranking",
    )

    given: bool
    have: list[HaveItem]
    gaps: list[GapItem]
    show_top: int
    unrecognised: list[Unrecognised]
    exam_readiness: ExamReadiness | None
    exam_note: str | None
    portfolio_framework: str
    portfolio: list[PortfolioEntry]
    ranking: RankingRule

    def __init__(
        self,
        *,
        given: bool,
        have: list[HaveItem],
        gaps: list[GapItem],
        show_top: int,
        unrecognised: list[Unrecognised],
        exam_readiness: ExamReadiness | None,
        exam_note: str | None,
        portfolio_framework: str,
        portfolio: list[PortfolioEntry],
        ranking: RankingRule,
    ) -> None:
        _set(self, "given", given)
        _set(self, "have", have)
        _set(self, "gaps", gaps)
        _set(self, "show_top", show_top)
        _set(self, "unrecognised", unrecognised)
        _set(self, "exam_readiness", exam_readiness)
        _set(self, "exam_note", exam_note)
        _set(self, "portfolio_framework", portfolio_framework)
        _set(self, "portfolio", portfolio)
        _set(self, "ranking", ranking)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "given": self.given,
            "have": [x.to_json() for x in self.have],
            "gaps": [x.to_json() for x in self.gaps],
            "show_top": self.show_top,
            "unrecognised": [x.to_json() for x in self.unrecognised],
            "exam_readiness": None
            if self.exam_readiness is None
            else self.exam_readiness.to_json(),
            "exam_note": self.exam_note,
            "portfolio_framework": self.portfolio_framework,
            "portfolio": [x.to_json() for x in self.portfolio],
            "ranking": self.ranking.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SkillsReport:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            given=data["given"],
            have=[HaveItem.from_json(x) for x in data["have"]],
            gaps=[GapItem.from_json(x) for x in data["gaps"]],
            show_top=data["show_top"],
            unrecognised=[Unrecognised.from_json(x) for x in data["unrecognised"]],
            exam_readiness=None
            if data["exam_readiness"] is None
            else ExamReadiness.from_json(data["exam_readiness"]),
            exam_note=data["exam_note"],
            portfolio_framework=data["portfolio_framework"],
            portfolio=[PortfolioEntry.from_json(x) for x in data["portfolio"]],
            ranking=RankingRule.from_json(data["ranking"]),
        )


class FrameworkRef(Frozen):
    """A framework reference resolved to its framework and item names."""

    __slots__ = (
        "framework",
        "name",
        "ref",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "ref",
        "framework",
        "name",
    )

    ref: str
    framework: str
    name: str

    def __init__(
        self,
        *,
        ref: str,
        framework: str,
        name: str,
    ) -> None:
        _set(self, "ref", ref)
        _set(self, "framework", framework)
        _set(self, "name", name)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "ref": self.ref,
            "framework": self.framework,
            "name": self.name,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FrameworkRef:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            ref=data["ref"],
            framework=data["framework"],
            name=data["name"],
        )


class ItemView(Frozen):
    """One taxonomy item as ``lmspath skills ID`` shows it, references resolved."""

    __slots__ = (
        "aliases",
        "ambiguous_aliases",
        "area",
        "confidence",
        "exams",
        "frameworks",
        "group",
        "group_name",
        "how_to_close",
        "id",
        "importance",
        "importance_basis",
        "kind",
        "name",
        "not_alone",
        "note",
        "sources",
        "unverified_aliases",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "id",
        "name",
        "kind",
        "area",
        "group",
        "group_name",
        "importance",
        "importance_basis",
        "confidence",
        "note",
        "aliases",
        "ambiguous_aliases",
        "unverified_aliases",
        "not_alone",
        "frameworks",
        "exams",
        "how_to_close",
        "sources",
    )

    id: str
    name: str
    kind: Literal["competency", "tool", "standard"]
    area: str
    group: str | None
    group_name: str | None
    importance: Literal["essential", "important", "useful"]
    importance_basis: str
    confidence: Literal["high", "medium", "low"]
    note: str | None
    aliases: list[str]
    ambiguous_aliases: list[str]
    unverified_aliases: list[str]
    not_alone: list[str]
    frameworks: list[FrameworkRef]
    exams: list[FrameworkRef]
    how_to_close: list[WayOut]
    sources: list[SourceRef]

    def __init__(
        self,
        *,
        id: str,
        name: str,
        kind: Literal["competency", "tool", "standard"],
        area: str,
        group: str | None,
        group_name: str | None,
        importance: Literal["essential", "important", "useful"],
        importance_basis: str,
        confidence: Literal["high", "medium", "low"],
        note: str | None,
        aliases: list[str],
        ambiguous_aliases: list[str],
        unverified_aliases: list[str],
        not_alone: list[str],
        frameworks: list[FrameworkRef],
        exams: list[FrameworkRef],
        how_to_close: list[WayOut],
        sources: list[SourceRef],
    ) -> None:
        _set(self, "id", id)
        _set(self, "name", name)
        _set(self, "kind", kind)
        _set(self, "area", area)
        _set(self, "group", group)
        _set(self, "group_name", group_name)
        _set(self, "importance", importance)
        _set(self, "importance_basis", importance_basis)
        _set(self, "confidence", confidence)
        _set(self, "note", note)
        _set(self, "aliases", aliases)
        _set(self, "ambiguous_aliases", ambiguous_aliases)
        _set(self, "unverified_aliases", unverified_aliases)
        _set(self, "not_alone", not_alone)
        _set(self, "frameworks", frameworks)
        _set(self, "exams", exams)
        _set(self, "how_to_close", how_to_close)
        _set(self, "sources", sources)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "area": self.area,
            "group": self.group,
            "group_name": self.group_name,
            "importance": self.importance,
            "importance_basis": self.importance_basis,
            "confidence": self.confidence,
            "note": self.note,
            "aliases": list(self.aliases),
            "ambiguous_aliases": list(self.ambiguous_aliases),
            "unverified_aliases": list(self.unverified_aliases),
            "not_alone": list(self.not_alone),
            "frameworks": [x.to_json() for x in self.frameworks],
            "exams": [x.to_json() for x in self.exams],
            "how_to_close": [x.to_json() for x in self.how_to_close],
            "sources": [x.to_json() for x in self.sources],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ItemView:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            id=data["id"],
            name=data["name"],
            kind=data["kind"],
            area=data["area"],
            group=data["group"],
            group_name=data["group_name"],
            importance=data["importance"],
            importance_basis=data["importance_basis"],
            confidence=data["confidence"],
            note=data["note"],
            aliases=list(data["aliases"]),
            ambiguous_aliases=list(data["ambiguous_aliases"]),
            unverified_aliases=list(data["unverified_aliases"]),
            not_alone=list(data["not_alone"]),
            frameworks=[FrameworkRef.from_json(x) for x in data["frameworks"]],
            exams=[FrameworkRef.from_json(x) for x in data["exams"]],
            how_to_close=[WayOut.from_json(x) for x in data["how_to_close"]],
            sources=[SourceRef.from_json(x) for x in data["sources"]],
        )


class ItemRow(Frozen):
    """One line of the taxonomy listing."""

    __slots__ = (
        "aliases",
        "area",
        "confidence",
        "group",
        "id",
        "importance",
        "kind",
        "name",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "id",
        "name",
        "kind",
        "area",
        "group",
        "importance",
        "confidence",
        "aliases",
    )

    id: str
    name: str
    kind: Literal["competency", "tool", "standard"]
    area: str
    group: str | None
    importance: Literal["essential", "important", "useful"]
    confidence: Literal["high", "medium", "low"]
    aliases: list[str]

    def __init__(
        self,
        *,
        id: str,
        name: str,
        kind: Literal["competency", "tool", "standard"],
        area: str,
        group: str | None,
        importance: Literal["essential", "important", "useful"],
        confidence: Literal["high", "medium", "low"],
        aliases: list[str],
    ) -> None:
        _set(self, "id", id)
        _set(self, "name", name)
        _set(self, "kind", kind)
        _set(self, "area", area)
        _set(self, "group", group)
        _set(self, "importance", importance)
        _set(self, "confidence", confidence)
        _set(self, "aliases", aliases)

    def to_json(self) -> dict[str, Any]:
        """The JSON value of this object (what the schema reads)."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "area": self.area,
            "group": self.group,
            "importance": self.importance,
            "confidence": self.confidence,
            "aliases": list(self.aliases),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ItemRow:
        """The object from its JSON value, which the schema has validated."""
        return cls(
            id=data["id"],
            name=data["name"],
            kind=data["kind"],
            area=data["area"],
            group=data["group"],
            importance=data["importance"],
            confidence=data["confidence"],
            aliases=list(data["aliases"]),
        )


# </generated>
