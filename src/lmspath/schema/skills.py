"""Pydantic schemas of the skills taxonomy file and of the skills section of the report."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, PrivateAttr, field_validator, model_validator

from lmspath.model.rules import Confidence, check_id, ensure_unique_ids
from lmspath.model.skills import (
    _FRAMEWORK_ITEM_ID,
    IMPORTANCE_LEVELS,
    KINDS,
    Importance,
    InputField,
    Kind,
    MatchVia,
    UnrecognisedReason,
    WayKind,
)
from lmspath.schema.results import Result, SourceRef
from lmspath.schema.rules import Cited, Source, StrictModel

_check_id = check_id


# --- The taxonomy file (data/skills.yaml) ------------------------------------------------------


class Ranking(StrictModel):
    """The fixed weights that order gaps; documented in the data file's header."""

    importance_points: dict[Importance, float]
    exam_points_per_percent: float = Field(ge=0)
    kind_order: list[Kind]
    show_top: int = Field(ge=1)
    artifacts_per_standard: int = Field(ge=1)
    checklist_framework: str

    @model_validator(mode="after")
    def _complete(self) -> Ranking:
        missing = [level for level in IMPORTANCE_LEVELS if level not in self.importance_points]
        if missing:
            raise ValueError(f"importance_points: missing {', '.join(missing)}")
        if sorted(self.kind_order) != sorted(KINDS):
            raise ValueError(f"kind_order: must list each of {', '.join(KINDS)} once")
        return self


class FrameworkGroup(StrictModel):
    """A heading inside a framework (an ALA/AASL/CAEP standard above its components)."""

    id: str
    name: str


class FrameworkItem(StrictModel):
    """One referencable entry of a framework: a foundation, component, standard, task or role."""

    id: str
    name: str
    group: str | None = None
    summary: str | None = None

    @field_validator("id")
    @classmethod
    def _item_id(cls, value: str) -> str:
        if not _FRAMEWORK_ITEM_ID.match(value):
            raise ValueError(f"{value!r} is not a framework item id (lowercase, digits, '.', '-')")
        return value


class Framework(Cited):
    """A standards framework or occupational profile the taxonomy refers to as ``id:item``."""

    id: str
    name: str
    groups: list[FrameworkGroup] = Field(default_factory=list)
    items: list[FrameworkItem] = Field(min_length=1)

    _id = field_validator("id")(_check_id)


class Area(StrictModel):
    """A display heading grouping taxonomy items (teaching and learning, library systems...)."""

    id: str
    name: str

    _id = field_validator("id")(_check_id)


class ToolGroup(StrictModel):
    """Tools that stand in for one another: any one covers the group; ``lead`` names the gap."""

    id: str
    name: str
    lead: str

    _id = field_validator("id")(_check_id)


class NotAlone(StrictModel):
    """A word that never matches by itself (it means something else too), with a hint."""

    word: str
    hint: str


class Way(Cited):
    """One concrete way to close a gap: a course topic, a free resource or a portfolio artifact."""

    kind: WayKind
    text: str


class SkillItem(Cited):
    """A competency, tool or cataloging standard: aliases, frameworks and how to close it."""

    id: str
    name: str
    kind: Kind
    area: str
    group: str | None = None
    importance: Importance
    importance_basis: str
    aliases: list[str] = Field(default_factory=list)
    ambiguous_aliases: list[str] = Field(default_factory=list)
    unverified_aliases: list[str] = Field(default_factory=list)
    not_alone: list[NotAlone] = Field(default_factory=list)
    frameworks: list[str] = Field(default_factory=list)
    exams: list[str] = Field(default_factory=list)
    how_to_close: list[Way] = Field(min_length=1)

    _id = field_validator("id")(_check_id)

    def all_aliases(self) -> list[str]:
        """Every alias, safe, ambiguous or unverified, in the order the file lists them."""
        return [*self.aliases, *self.unverified_aliases, *self.ambiguous_aliases]


class Taxonomy(StrictModel):
    """The skills taxonomy: ranking weights, sources, frameworks, tool groups and items."""

    schema_version: Literal[1] = 1
    ranking: Ranking
    sources: list[Source] = Field(min_length=1)
    frameworks: list[Framework] = Field(min_length=1)
    areas: list[Area] = Field(min_length=1)
    groups: list[ToolGroup] = Field(default_factory=list)
    items: list[SkillItem] = Field(min_length=1)
    #: the skills engine's look-up tables for this taxonomy, made on first use (not data)
    _prepared: object = PrivateAttr(default=None)

    @property
    def prepared(self) -> object:
        """What ``skills.report.prepared`` made for this taxonomy, or None."""
        return self._prepared

    def keep_prepared(self, value: object) -> None:
        """Keep the skills engine's look-up tables with the taxonomy they were made from."""
        self._prepared = value

    @model_validator(mode="after")
    def _unique_ids(self) -> Taxonomy:
        ensure_unique_ids(
            {
                "source": [s.id for s in self.sources],
                "framework": [f.id for f in self.frameworks],
                "area": [a.id for a in self.areas],
                "group": [g.id for g in self.groups],
                "item": [i.id for i in self.items],
            }
        )
        return self

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


# --- Results: the report's skills section ------------------------------------------------------


class ItemRef(Result):
    """A taxonomy item named by id and name."""

    id: str
    name: str


class WayOut(Result):
    """A way to close a gap, as the report shows it, with its sources resolved."""

    kind: WayKind
    text: str
    confidence: Confidence
    note: str | None = None
    sources: list[SourceRef]


class MatchedInput(Result):
    """What the person wrote that matched an item, where, and through which alias."""

    text: str
    field: InputField
    via: MatchVia
    alias: str


class HaveItem(Result):
    """A taxonomy item the person has."""

    id: str
    name: str
    kind: Kind
    group: str | None
    importance: Importance
    confidence: Confidence
    matched_from: list[MatchedInput]
    frameworks: list[str]
    exams: list[str]
    how_to_close: list[WayOut]
    sources: list[SourceRef]


class ScoreParts(Result):
    """The two numbers a gap's score adds up, so the rank can be explained."""

    importance_points: float
    exam_points: float
    exam_category: str | None
    exam_percent: float | None


class GapItem(Result):
    """A taxonomy item (or a tool group, named by its lead tool) the person does not have."""

    rank: int
    id: str
    name: str
    kind: Kind
    group: str | None
    group_name: str | None
    alternatives: list[ItemRef]
    importance: Importance
    confidence: Confidence
    score: float
    why: str
    score_parts: ScoreParts
    frameworks: list[str]
    exams: list[str]
    how_to_close: list[WayOut]
    sources: list[SourceRef]


class Unrecognised(Result):
    """Something the person wrote that matched nothing, shown back with a suggestion."""

    text: str
    field: InputField
    reason: UnrecognisedReason
    suggestion: ItemRef | None
    suggestion_alias: str | None
    message: str


class CategoryReadiness(Result):
    """How much of one exam category's taxonomy the person's skills cover (not a score)."""

    id: str
    name: str
    percent: float
    readiness: float | None
    points_have: float
    points_total: float
    have: list[ItemRef]
    missing: list[ItemRef]


class ExamReadiness(Result):
    """Readiness per content category of the exam the person's state uses."""

    exam: str
    exam_name: str
    code: str
    label: str
    confidence: Confidence
    source_ids: list[str]
    sources: list[SourceRef]
    note: str | None
    overall: float
    categories: list[CategoryReadiness]


class ArtifactIdea(Result):
    """A portfolio artifact that would show a standard, from one taxonomy item."""

    item: ItemRef
    have: bool
    text: str
    confidence: Confidence
    sources: list[SourceRef]


class PortfolioEntry(Result):
    """One preparation-standard component: covered or not by the person's skills, and artifacts."""

    id: str
    name: str
    standard_id: str | None
    standard_name: str | None
    covered: bool
    covered_by: list[ItemRef]
    artifacts: list[ArtifactIdea]


class RankingRule(Result):
    """The weights the ranking used, as stated in the data file."""

    importance_points: dict[str, float]
    exam_points_per_percent: float
    kind_order: list[str]
    explanation: str


class SkillsReport(Result):
    """The skills section: what the person has, ranked gaps, exam readiness and portfolio."""

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


class FrameworkRef(Result):
    """A framework reference resolved to its framework and item names."""

    ref: str
    framework: str
    name: str


class ItemView(Result):
    """One taxonomy item as ``lmspath skills ID`` shows it, references resolved."""

    id: str
    name: str
    kind: Kind
    area: str
    group: str | None
    group_name: str | None
    importance: Importance
    importance_basis: str
    confidence: Confidence
    note: str | None
    aliases: list[str]
    ambiguous_aliases: list[str]
    unverified_aliases: list[str]
    not_alone: list[str]
    frameworks: list[FrameworkRef]
    exams: list[FrameworkRef]
    how_to_close: list[WayOut]
    sources: list[SourceRef]


class ItemRow(Result):
    """One line of the taxonomy listing."""

    id: str
    name: str
    kind: Kind
    area: str
    group: str | None
    importance: Importance
    confidence: Confidence
    aliases: list[str]
