"""Match a person's tools and skills to the taxonomy and build the skills section (pure)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence, Set as AbstractSet
from typing import ClassVar, NamedTuple

from lmspath.model.frozen import Frozen
from lmspath.model.profile import Profile
from lmspath.model.results import SourceRef, source_ref
from lmspath.model.rules import Confidence, Exam, ExamCategory, Source
from lmspath.model.skills import (
    ArtifactIdea,
    CategoryReadiness,
    ExamReadiness,
    FrameworkRef,
    GapItem,
    HaveItem,
    InputField,
    ItemRef,
    ItemRow,
    ItemView,
    MatchedInput,
    MatchVia,
    PortfolioEntry,
    RankingRule,
    ScoreParts,
    SkillItem,
    SkillsReport,
    Taxonomy,
    ToolGroup,
    Unrecognised,
    Way,
    WayOut,
)

Phrase = tuple[str, ...]

_TOKEN = re.compile(r"[^\W_]+(?:[:'.][^\W_]+)*")
_CONFIDENCE_ORDER: dict[str, int] = {"low": 0, "medium": 1, "high": 2}
#: How close a misspelling must be (difflib ratio) before it is offered as "did you mean".
SUGGEST_CUTOFF = 0.8


def tokens(text: str) -> Phrase:
    """The words of a text as the matcher compares them: case-folded, punctuation dropped.

    Letters and digits make words; ``:``, ``'`` and ``.`` inside a word keep it whole
    (``micro:bit``, ``children's``), every other character separates words.
    """
    folded = text.casefold().replace("\u2019", "'").replace("\u2018", "'")
    return tuple(_TOKEN.findall(folded))


def id_key(text: str) -> str:
    """What an exact-id comparison sees: trimmed, case-folded, ``_`` read as ``-``."""
    return text.strip().casefold().replace("_", "-")


_set = object.__setattr__


class AliasHit(Frozen):
    """One alias (or id) that names an item, and how it may match."""

    __slots__ = ("alias", "item_id", "via")
    _fields: ClassVar[tuple[str, ...]] = ("item_id", "alias", "via")

    item_id: str
    alias: str
    via: MatchVia

    def __init__(
        self,
        item_id: str,
        alias: str,
        via: MatchVia,
    ) -> None:
        _set(self, "item_id", item_id)
        _set(self, "alias", alias)
        _set(self, "via", via)


class NotAloneWord(Frozen):
    """A word that never matches alone, the item it hints at, and the hint."""

    __slots__ = ("hint", "item_id", "word")
    _fields: ClassVar[tuple[str, ...]] = ("item_id", "word", "hint")

    item_id: str
    word: str
    hint: str

    def __init__(
        self,
        item_id: str,
        word: str,
        hint: str,
    ) -> None:
        _set(self, "item_id", item_id)
        _set(self, "word", word)
        _set(self, "hint", hint)


class AliasIndex:
    """Every way a text can name an item, built once from a taxonomy."""

    __slots__ = ("ids", "longest", "not_alone", "safe", "tools_only")

    safe: dict[Phrase, AliasHit]
    tools_only: dict[Phrase, AliasHit]
    not_alone: dict[Phrase, NotAloneWord]
    ids: dict[str, str]
    longest: int

    def __init__(
        self,
        safe: dict[Phrase, AliasHit] | None = None,
        tools_only: dict[Phrase, AliasHit] | None = None,
        not_alone: dict[Phrase, NotAloneWord] | None = None,
        ids: dict[str, str] | None = None,
        longest: int = 1,
    ) -> None:
        self.safe = {} if safe is None else safe
        self.tools_only = {} if tools_only is None else tools_only
        self.not_alone = {} if not_alone is None else not_alone
        self.ids = {} if ids is None else ids
        self.longest = longest

    def table(self, source: InputField) -> dict[Phrase, AliasHit]:
        """The aliases that may match text from this profile field."""
        if source == "tools":
            return {**self.safe, **self.tools_only}
        return self.safe


def alias_owners(taxonomy: Taxonomy) -> dict[Phrase, list[tuple[str, str]]]:
    """Every normalised alias (of any sort) with the (item id, alias) pairs that claim it."""
    owners: dict[Phrase, list[tuple[str, str]]] = {}
    for item in taxonomy.items:
        for alias in item.all_aliases():
            claims = owners.setdefault(tokens(alias), [])
            if item.id not in [owner for owner, _ in claims]:
                claims.append((item.id, alias))
    return owners


def build_index(taxonomy: Taxonomy) -> AliasIndex:
    """The alias index; the first item claiming an alias keeps it (the data check forbids two)."""
    index = AliasIndex()
    for item in taxonomy.items:
        index.ids.setdefault(item.id, item.id)
        groups: tuple[tuple[list[str], MatchVia, dict[Phrase, AliasHit]], ...] = (
            (item.aliases, "alias", index.safe),
            (item.unverified_aliases, "unverified_alias", index.safe),
            (item.ambiguous_aliases, "ambiguous_alias", index.tools_only),
        )
        for aliases, via, table in groups:
            for alias in aliases:
                phrase = tokens(alias)
                if not phrase or phrase in index.safe or phrase in index.tools_only:
                    continue
                table[phrase] = AliasHit(item.id, alias, via)
                index.longest = max(index.longest, len(phrase))
        for entry in item.not_alone:
            index.not_alone.setdefault(
                tokens(entry.word), NotAloneWord(item.id, entry.word, entry.hint)
            )
    return index


class Match(Frozen):
    """An item found in what the person wrote."""

    __slots__ = ("field", "hit", "item_id", "text")
    _fields: ClassVar[tuple[str, ...]] = ("item_id", "text", "field", "hit")

    item_id: str
    text: str
    field: InputField
    hit: AliasHit

    def __init__(
        self,
        item_id: str,
        text: str,
        field: InputField,
        hit: AliasHit,
    ) -> None:
        _set(self, "item_id", item_id)
        _set(self, "text", text)
        _set(self, "field", field)
        _set(self, "hit", hit)


class MatchResult(Frozen):
    """Every item found, and every entry that matched nothing (never dropped)."""

    __slots__ = ("matches", "unrecognised")
    _fields: ClassVar[tuple[str, ...]] = ("matches", "unrecognised")

    matches: tuple[Match, ...]
    unrecognised: tuple[Unrecognised, ...]

    def __init__(
        self,
        matches: tuple[Match, ...],
        unrecognised: tuple[Unrecognised, ...],
    ) -> None:
        _set(self, "matches", matches)
        _set(self, "unrecognised", unrecognised)

    def item_ids(self) -> list[str]:
        """The distinct matched item ids, in order of first appearance."""
        seen: list[str] = []
        for found in self.matches:
            if found.item_id not in seen:
                seen.append(found.item_id)
        return seen


def _contains(words: Phrase, phrase: Phrase) -> bool:
    size = len(phrase)
    return any(words[i : i + size] == phrase for i in range(len(words) - size + 1))


def find_phrases(text: str, source: InputField, index: AliasIndex) -> list[AliasHit]:
    """The items one entry names: an exact id, else every alias found as a whole phrase.

    Longer aliases win over the shorter ones they contain ("Follett Titlewave" is the selection
    tool, not "Follett" the library system); matches do not overlap.
    """
    key = id_key(text)
    words = tokens(text)
    table = index.table(source)
    if key in index.ids:
        same = table.get(words)  # 'ProQuest' is both an id and an alias: say which alias
        if same is not None and same.item_id == index.ids[key]:
            return [same]
        return [AliasHit(index.ids[key], text.strip(), "id")]
    spans: list[tuple[int, int, AliasHit]] = []
    for start in range(len(words)):
        for size in range(min(index.longest, len(words) - start), 0, -1):
            hit = table.get(words[start : start + size])
            if hit is not None:
                spans.append((start, start + size, hit))
    spans.sort(key=lambda span: (span[0] - span[1], span[0]))
    taken = [False] * len(words)
    chosen: list[tuple[int, AliasHit]] = []
    for start, end, hit in spans:
        if any(taken[start:end]):
            continue
        taken[start:end] = [True] * (end - start)
        chosen.append((start, hit))
    return [hit for _, hit in sorted(chosen, key=lambda pair: pair[0])]


def _first_plain_alias(item: SkillItem) -> str | None:
    for alias in (*item.aliases, *item.unverified_aliases):
        return alias
    return None


def _suggestion_candidates(taxonomy: Taxonomy) -> dict[str, tuple[str, str, bool]]:
    """Normalised text -> (item id, alias as written, tools-only?) for 'did you mean'."""
    out: dict[str, tuple[str, str, bool]] = {}
    for item in taxonomy.items:
        out.setdefault(" ".join(tokens(item.id.replace("-", " "))), (item.id, item.id, False))
        for alias in (*item.aliases, *item.unverified_aliases):
            out.setdefault(" ".join(tokens(alias)), (item.id, alias, False))
        for alias in item.ambiguous_aliases:
            out.setdefault(" ".join(tokens(alias)), (item.id, alias, True))
    return out


def suggest(text: str, taxonomy: Taxonomy, source: InputField = "tools") -> tuple[str, str] | None:
    """The closest (item id, alias) to a misspelt entry, or None when nothing is close.

    From ``skills``, a tools-only alias is offered in a form that would match there.
    """
    key = " ".join(tokens(text))
    if not key:
        return None
    ready = prepared(taxonomy)
    if (key, source) in ready.suggestions:
        return ready.suggestions[(key, source)]
    candidates = ready.candidates
    close = difflib.get_close_matches(key, list(candidates), n=1, cutoff=SUGGEST_CUTOFF)
    guess: tuple[str, str] | None = None
    if close:
        item_id, alias, tools_only = candidates[close[0]]
        if tools_only and source == "skills":
            alias = _first_plain_alias(taxonomy.item(item_id)) or alias
        guess = (item_id, alias)
    if len(ready.suggestions) > 4096:
        ready.suggestions.clear()
    ready.suggestions[(key, source)] = guess
    return guess


def _named(alias: str, item: SkillItem) -> str:
    if tokens(alias) == tokens(item.name):
        return alias
    return f"{alias} ({item.name})"


def _unrecognised(
    text: str, source: InputField, taxonomy: Taxonomy, index: AliasIndex
) -> Unrecognised:
    words = tokens(text)
    shown = text.strip()
    for phrase, word in index.not_alone.items():
        if _contains(words, phrase):
            item = taxonomy.item(word.item_id)
            return Unrecognised(
                text=shown,
                field=source,
                reason="not_alone",
                suggestion=ItemRef(id=item.id, name=item.name),
                suggestion_alias=_first_plain_alias(item),
                message=f"not recognised: {shown!r} — {word.hint}",
            )
    if source == "skills":
        for phrase, hit in index.tools_only.items():
            if _contains(words, phrase):
                item = taxonomy.item(hit.item_id)
                plain = _first_plain_alias(item)
                how = (
                    f"add it to your tools or write {plain!r}" if plain else "add it to your tools"
                )
                return Unrecognised(
                    text=shown,
                    field=source,
                    reason="tools_only",
                    suggestion=ItemRef(id=item.id, name=item.name),
                    suggestion_alias=plain,
                    message=(
                        f"not recognised: {shown!r} — {hit.alias!r} has more than one meaning, so "
                        f"it counts only in your tools list; if you mean {item.name}, {how}"
                    ),
                )
    guess = suggest(text, taxonomy, source)
    if guess is None:
        return Unrecognised(
            text=shown,
            field=source,
            reason="no_match",
            suggestion=None,
            suggestion_alias=None,
            message=f"not recognised: {shown!r} — nothing close in the skills taxonomy",
        )
    item = taxonomy.item(guess[0])
    return Unrecognised(
        text=shown,
        field=source,
        reason="no_match",
        suggestion=ItemRef(id=item.id, name=item.name),
        suggestion_alias=guess[1],
        message=f"not recognised: {shown!r} — did you mean {_named(guess[1], item)}?",
    )


class _Entry(NamedTuple):
    """What one entry of a profile's tools or skills reads as: the items it names, or, when it
    names none, its key among the unmatched (entries that read the same are listed once) and
    why it was not recognised."""

    matches: tuple[Match, ...]
    unmatched: tuple[tuple[str, str], Unrecognised] | None


def _read_entry(text: str, source: InputField, taxonomy: Taxonomy, index: AliasIndex) -> _Entry:
    hits = find_phrases(text, source, index)
    if hits:
        shown = text.strip()
        return _Entry(tuple(Match(hit.item_id, shown, source, hit) for hit in hits), None)
    key = (source, " ".join(tokens(text)) or text.strip().casefold())
    return _Entry((), (key, _unrecognised(text, source, taxonomy, index)))


def match(
    tools: Iterable[str] | None,
    skills: Iterable[str] | None,
    taxonomy: Taxonomy,
    index: AliasIndex | None = None,
) -> MatchResult:
    """Match the profile's ``tools`` and ``skills`` entries to taxonomy ids.

    Exact ids match from either field; safe aliases too; ambiguous aliases only from ``tools``.
    Every entry that matched nothing comes back in ``unrecognised``, in input order.
    """
    # With the taxonomy's own index, what each entry reads as is remembered (entries repeat:
    # realistic intakes draw tools from a short list); cleared when full.
    memo = prepared(taxonomy).entries if index is None else None
    index = index or prepared(taxonomy).index
    matches: list[Match] = []
    unrecognised: list[Unrecognised] = []
    seen_unmatched: set[tuple[str, str]] = set()
    fields: tuple[tuple[InputField, Iterable[str] | None], ...] = (
        ("tools", tools),
        ("skills", skills),
    )
    for source, entries in fields:
        for text in entries or ():
            if not text.strip():
                continue
            read = memo.get((source, text)) if memo is not None else None
            if read is None:
                read = _read_entry(text, source, taxonomy, index)
                if memo is not None:
                    if len(memo) >= 8192:
                        memo.clear()
                    memo[(source, text)] = read
            if read.unmatched is None:
                matches.extend(read.matches)
                continue
            key, why = read.unmatched
            if key not in seen_unmatched:
                seen_unmatched.add(key)
                unrecognised.append(why)
    return MatchResult(tuple(matches), tuple(unrecognised))


# --- Building the report -----------------------------------------------------------------------


class Prepared(Frozen):
    """What every report on one taxonomy reuses: the alias index, units and resolved sources."""

    __slots__ = (
        "candidates",
        "components",
        "entries",
        "entry_ids",
        "have_items",
        "index",
        "item_order",
        "item_refs",
        "item_sources",
        "owner",
        "ranked",
        "source_refs",
        "suggestions",
        "units",
        "ways",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "owner",
        "index",
        "candidates",
        "units",
        "source_refs",
        "ways",
        "item_refs",
        "item_sources",
        "item_order",
        "components",
        "suggestions",
        "entry_ids",
        "entries",
        "have_items",
        "ranked",
    )

    #: the taxonomy these were made from
    owner: Taxonomy
    index: AliasIndex
    candidates: dict[str, tuple[str, str, bool]]
    units: tuple[Unit, ...]
    source_refs: dict[str, SourceRef]
    ways: dict[str, tuple[WayOut, ...]]
    #: each item named by id and name, and its sources resolved (shared by every report)
    item_refs: dict[str, ItemRef]
    item_sources: dict[str, tuple[SourceRef, ...]]
    #: each item's position in the taxonomy
    item_order: dict[str, int]
    #: the checklist framework's components with what does not depend on the person
    components: tuple[Component, ...]
    suggestions: dict[tuple[str, str], tuple[str, str] | None]
    #: item ids each (field, entry) matches, remembered (cleared when full)
    entry_ids: dict[tuple[str, str], frozenset[str]]
    #: what each (field, entry) reads as, for ``match`` (cleared when full)
    entries: dict[tuple[str, str], _Entry]
    #: each item a person has, by its id and the entries (text, field, via, alias) that
    #: matched it (cleared when full)
    have_items: dict[tuple[object, ...], HaveItem]
    #: every unit scored and in gap order, per exam id (holding the exam it was made for)
    ranked: dict[str | None, tuple[Exam | None, ForExam]]

    def __init__(
        self,
        owner: Taxonomy,
        index: AliasIndex,
        candidates: dict[str, tuple[str, str, bool]],
        units: tuple[Unit, ...],
        source_refs: dict[str, SourceRef],
        ways: dict[str, tuple[WayOut, ...]],
        item_refs: dict[str, ItemRef],
        item_sources: dict[str, tuple[SourceRef, ...]],
        item_order: dict[str, int],
        components: tuple[Component, ...],
        suggestions: dict[tuple[str, str], tuple[str, str] | None] | None = None,
        entry_ids: dict[tuple[str, str], frozenset[str]] | None = None,
        entries: dict[tuple[str, str], _Entry] | None = None,
        have_items: dict[tuple[object, ...], HaveItem] | None = None,
        ranked: dict[str | None, tuple[Exam | None, ForExam]] | None = None,
    ) -> None:
        _set(self, "owner", owner)
        _set(self, "index", index)
        _set(self, "candidates", candidates)
        _set(self, "units", units)
        _set(self, "source_refs", source_refs)
        _set(self, "ways", ways)
        _set(self, "item_refs", item_refs)
        _set(self, "item_sources", item_sources)
        _set(self, "item_order", item_order)
        _set(self, "components", components)
        _set(self, "suggestions", {} if suggestions is None else suggestions)
        _set(self, "entry_ids", {} if entry_ids is None else entry_ids)
        _set(self, "entries", {} if entries is None else entries)
        _set(self, "have_items", {} if have_items is None else have_items)
        _set(self, "ranked", {} if ranked is None else ranked)


def prepared(taxonomy: Taxonomy) -> Prepared:
    """The taxonomy's prepared lookups, built once and kept on the taxonomy object (no I/O)."""
    cached = taxonomy.prepared
    # A copy of the taxonomy (``model_copy``) carries the original's tables: not its own.
    if isinstance(cached, Prepared) and cached.owner is taxonomy:
        return cached
    refs = {src.id: source_ref(src) for src in taxonomy.sources}
    item_refs = {item.id: ItemRef(id=item.id, name=item.name) for item in taxonomy.items}
    item_sources = {
        item.id: tuple(refs[source_id] for source_id in item.sources) for item in taxonomy.items
    }
    ready = Prepared(
        owner=taxonomy,
        index=build_index(taxonomy),
        candidates=_suggestion_candidates(taxonomy),
        units=tuple(_units(taxonomy)),
        source_refs=refs,
        item_refs=item_refs,
        item_sources=item_sources,
        item_order={item.id: position for position, item in enumerate(taxonomy.items)},
        components=_components(taxonomy, item_refs, refs),
        ways={
            item.id: tuple(
                WayOut(
                    kind=way.kind,
                    text=way.text,
                    confidence=way.confidence,
                    note=way.note,
                    sources=[refs[source_id] for source_id in way.sources],
                )
                for way in item.how_to_close
            )
            for item in taxonomy.items
        },
    )
    taxonomy.keep_prepared(ready)
    return ready


def _ways(taxonomy: Taxonomy, item: SkillItem) -> list[WayOut]:
    return list(prepared(taxonomy).ways[item.id])


def _refs(taxonomy: Taxonomy, ids: Sequence[str]) -> list[SourceRef]:
    refs = prepared(taxonomy).source_refs
    return [refs[source_id] for source_id in ids]


def way_out(taxonomy: Taxonomy, way: Way) -> WayOut:
    """A way to close a gap with its sources resolved."""
    return WayOut(
        kind=way.kind,
        text=way.text,
        confidence=way.confidence,
        note=way.note,
        sources=_refs(taxonomy, way.sources),
    )


class Unit(Frozen):
    """What counts once for gaps and readiness: an ungrouped item, or a whole tool group."""

    __slots__ = ("exams", "group", "ids", "lead", "members")
    _fields: ClassVar[tuple[str, ...]] = ("lead", "group", "members", "exams", "ids")

    lead: SkillItem
    group: ToolGroup | None
    members: tuple[SkillItem, ...]
    exams: tuple[str, ...]
    ids: frozenset[str]

    def __init__(
        self,
        lead: SkillItem,
        group: ToolGroup | None,
        members: tuple[SkillItem, ...],
        exams: tuple[str, ...] = (),
        ids: frozenset[str] = frozenset(),
    ) -> None:
        _set(self, "lead", lead)
        _set(self, "group", group)
        _set(self, "members", members)
        _set(self, "exams", exams)
        _set(self, "ids", ids)

    @classmethod
    def of(cls, lead: SkillItem, group: ToolGroup | None, members: Sequence[SkillItem]) -> Unit:
        """A unit whose ``exams`` are every member's exam references, in order."""
        refs: list[str] = []
        for member in members:
            refs.extend(ref for ref in member.exams if ref not in refs)
        return cls(lead, group, tuple(members), tuple(refs), frozenset(m.id for m in members))

    def had(self, have: AbstractSet[str]) -> list[SkillItem]:
        """The members the person has."""
        return [member for member in self.members if member.id in have]

    def lacked(self, have: AbstractSet[str]) -> bool:
        """Whether the person has none of the members (the unit is a gap)."""
        return self.ids.isdisjoint(have)


def units(taxonomy: Taxonomy) -> list[Unit]:
    """Ungrouped items and tool groups, in taxonomy order (a group where its lead is listed)."""
    return list(prepared(taxonomy).units)


def _units(taxonomy: Taxonomy) -> list[Unit]:
    out: list[Unit] = []
    for item in taxonomy.items:
        if item.group is None:
            out.append(Unit.of(item, None, (item,)))
            continue
        group = taxonomy.group(item.group)
        if group.lead == item.id:
            members = tuple(i for i in taxonomy.items if i.group == group.id)
            out.append(Unit.of(item, group, members))
    return out


def _exam_label(exam: Exam) -> str:
    return f"{exam.vendor} {exam.code}"


def _heaviest(refs: Sequence[str], exam: Exam | None) -> ExamCategory | None:
    if exam is None:
        return None
    best: ExamCategory | None = None
    for category in exam.categories:
        if f"{exam.id}:{category.id}" in refs and (best is None or category.percent > best.percent):
            best = category
    return best


def _score(unit: Unit, taxonomy: Taxonomy, exam: Exam | None) -> tuple[float, ScoreParts, str]:
    ranking = taxonomy.ranking
    points = ranking.importance_points[unit.lead.importance]
    category = _heaviest(unit.exams, exam)
    exam_points = 0.0
    why = f"{unit.lead.importance} ({points:g})"
    if category is not None and exam is not None:
        exam_points = round(category.percent * ranking.exam_points_per_percent, 4)
        why += (
            f" + {category.name} is {category.percent:g}% of {_exam_label(exam)}"
            f" ({category.percent:g} × {ranking.exam_points_per_percent:g} = {exam_points:g})"
        )
    score = round(points + exam_points, 4)
    why += f" = {score:g}"
    parts = ScoreParts(
        importance_points=points,
        exam_points=exam_points,
        exam_category=category.name if category else None,
        exam_percent=category.percent if category else None,
    )
    return score, parts, why


def _kind_rank(taxonomy: Taxonomy, item: SkillItem) -> int:
    return taxonomy.ranking.kind_order.index(item.kind)


class Ranked(NamedTuple):
    """A unit with its gap score, in the order gaps are listed."""

    unit: Unit
    score: float
    parts: ScoreParts
    why: str


class CategoryUnits(NamedTuple):
    """An exam category, the units that map to it (taxonomy order) with their weights, the sum
    of those weights, their items' ids, and the readiness of a person who has none of them."""

    category: ExamCategory
    weighed: tuple[tuple[Unit, float], ...]
    total: float
    ids: frozenset[str]
    bare: CategoryReadiness


def _category_units(
    category: ExamCategory, weighed: tuple[tuple[Unit, float], ...], refs: dict[str, ItemRef]
) -> CategoryUnits:
    total = 0.0
    for _, weight in weighed:
        total += weight
    bare = CategoryReadiness(
        id=category.id,
        name=category.name,
        percent=category.percent,
        readiness=round(0.0 / total, 4) if total else None,
        points_have=0.0,
        points_total=total,
        have=[],
        missing=[refs[unit.lead.id] for unit, _ in weighed],
    )
    ids = frozenset(member.id for unit, _ in weighed for member in unit.members)
    return CategoryUnits(category, weighed, total, ids, bare)


class ForExam(Frozen):
    """What every report for one exam (or none) shares: the units in gap order with each one's
    gap, the units of each exam category, and the ranking rule."""

    __slots__ = ("_moved", "_unit_ids", "categories", "gaps", "ranked", "rule")
    _fields: ClassVar[tuple[str, ...]] = ("ranked", "gaps", "categories", "rule")
    #: private slots: a copy is made through ``__init__``, which fills them
    _through_init: ClassVar[frozenset[str]] = frozenset({"_moved", "_unit_ids"})

    ranked: tuple[Ranked, ...]
    #: the gap of each ranked unit, as listed when nothing before it is had (rank = position)
    gaps: tuple[GapItem, ...]
    #: each exam category with the units that map to it
    categories: tuple[CategoryUnits, ...]
    rule: RankingRule
    #: the gaps listed at another rank than their position's, by position and rank
    _moved: dict[tuple[int, int], GapItem]
    #: each ranked unit's item ids, in gap order
    _unit_ids: tuple[frozenset[str], ...]

    def __init__(
        self,
        ranked: tuple[Ranked, ...],
        gaps: tuple[GapItem, ...],
        categories: tuple[CategoryUnits, ...],
        rule: RankingRule,
    ) -> None:
        _set(self, "ranked", ranked)
        _set(self, "gaps", gaps)
        _set(self, "categories", categories)
        _set(self, "rule", rule)
        _set(self, "_moved", {})
        _set(self, "_unit_ids", tuple(row.unit.ids for row in ranked))

    def lacked(self, have: AbstractSet[str]) -> tuple[int, ...]:
        """The positions in gap order of the units the person lacks: their gaps, best first."""
        return tuple(at for at, ids in enumerate(self._unit_ids) if ids.isdisjoint(have))

    def gaps_at(self, positions: Sequence[int]) -> list[GapItem]:
        """The gaps of the units at ``positions`` (as ``lacked`` gives them), ranked 1, 2, ..."""
        return [self.gap(at, rank) for rank, at in enumerate(positions, start=1)]

    def gap(self, position: int, rank: int) -> GapItem:
        """The gap of the unit at ``position`` in gap order, listed at ``rank``: a copy when
        the person has units before it, made once per position and rank (at most one per
        pair of the exam's units: a --plans run copied about 30 gaps a report, a tenth of
        its time)."""
        if rank == position + 1:
            return self.gaps[position]
        moved: dict[tuple[int, int], GapItem] = self._moved
        found = moved.get((position, rank))
        if found is None:
            found = moved[(position, rank)] = self.gaps[position].replace(**{"rank": rank})
        return found


def _gap(taxonomy: Taxonomy, ready: Prepared, rank: int, row: Ranked) -> GapItem:
    unit, score, parts, why = row
    lead = unit.lead
    return GapItem(
        rank=rank,
        id=lead.id,
        name=lead.name,
        kind=lead.kind,
        group=unit.group.id if unit.group else None,
        group_name=unit.group.name if unit.group else None,
        alternatives=[ready.item_refs[m.id] for m in unit.members if m.id != lead.id],
        importance=lead.importance,
        confidence=lead.confidence,
        score=score,
        why=why,
        score_parts=parts,
        frameworks=list(lead.frameworks),
        exams=list(unit.exams),
        how_to_close=list(ready.ways[lead.id]),
        sources=list(ready.item_sources[lead.id]),
    )


def for_exam(taxonomy: Taxonomy, exam: Exam | None) -> ForExam:
    """The shared tables for reports on ``exam`` (memoised per exam id on the taxonomy)."""
    ready = prepared(taxonomy)
    key = exam.id if exam is not None else None
    hit = ready.ranked.get(key)
    if hit is not None and (hit[0] is exam or hit[0] == exam):
        return hit[1]
    scored: list[tuple[float, int, str, Ranked]] = []
    for unit in ready.units:
        score, parts, why = _score(unit, taxonomy, exam)
        row = Ranked(unit, score, parts, why)
        scored.append((score, _kind_rank(taxonomy, unit.lead), unit.lead.id, row))
    scored.sort(key=lambda row: (-row[0], row[1], row[2]))
    ranked = tuple(row[3] for row in scored)
    points = taxonomy.ranking.importance_points
    categories: list[CategoryUnits] = []
    for category in exam.categories if exam is not None else ():
        ref = f"{exam.id}:{category.id}" if exam is not None else ""
        weighed = tuple(
            (unit, points[unit.lead.importance]) for unit in ready.units if ref in unit.exams
        )
        categories.append(_category_units(category, weighed, ready.item_refs))
    shared = ForExam(
        ranked=ranked,
        gaps=tuple(_gap(taxonomy, ready, n, row) for n, row in enumerate(ranked, start=1)),
        categories=tuple(categories),
        rule=ranking_rule(taxonomy, exam),
    )
    if len(ready.ranked) >= 64:
        ready.ranked.clear()
    ready.ranked[key] = (exam, shared)
    return shared


def ranked_units(taxonomy: Taxonomy, exam: Exam | None) -> tuple[Ranked, ...]:
    """Every unit best first (score, then kind order, then id), whatever the person has.

    A unit's score depends only on the unit and the exam, so a person's gaps are this list
    without the units they have, in the same order (memoised per exam).
    """
    return for_exam(taxonomy, exam).ranked


def top_gaps(
    taxonomy: Taxonomy, have: AbstractSet[str], exam: Exam | None, count: int
) -> list[SkillItem]:
    """The lead items of the first ``count`` gaps (what ``rank_gaps`` lists first)."""
    out: list[SkillItem] = []
    for row in ranked_units(taxonomy, exam):
        if len(out) == count:
            break
        if not row.unit.had(have):
            out.append(row.unit.lead)
    return out


def have_ids(
    tools: Iterable[str] | None, skills: Iterable[str] | None, taxonomy: Taxonomy
) -> frozenset[str]:
    """The taxonomy ids the entries match: the ids of ``match(...).matches``, memoised per entry."""
    ready = prepared(taxonomy)
    memo = ready.entry_ids
    out: set[str] = set()
    fields: tuple[tuple[InputField, Iterable[str] | None], ...] = (
        ("tools", tools),
        ("skills", skills),
    )
    for source, entries in fields:
        for text in entries or ():
            key = (source, text)
            ids = memo.get(key)
            if ids is None:
                found = find_phrases(text, source, ready.index) if text.strip() else []
                if len(memo) >= 8192:
                    memo.clear()
                ids = memo[key] = frozenset(hit.item_id for hit in found)
            out |= ids
    return frozenset(out)


def rank_gaps(taxonomy: Taxonomy, have: AbstractSet[str], exam: Exam | None) -> list[GapItem]:
    """Every unit the person lacks, best first: score, then kind order, then id."""
    shared = for_exam(taxonomy, exam)
    return shared.gaps_at(shared.lacked(have))


def _lowest(first: Confidence, second: Confidence) -> Confidence:
    return first if _CONFIDENCE_ORDER[first] <= _CONFIDENCE_ORDER[second] else second


def _have_items(taxonomy: Taxonomy, found: MatchResult) -> list[HaveItem]:
    """The items matched, in taxonomy order, each with what matched it (remembered per item
    and matching entries: many people list the same tools the same way)."""
    ready = prepared(taxonomy)
    by_item: dict[str, list[Match]] = {}
    for item_match in found.matches:
        by_item.setdefault(item_match.item_id, []).append(item_match)
    order = ready.item_order
    memo = ready.have_items
    out: list[HaveItem] = []
    for item_id in sorted(by_item, key=order.__getitem__):
        matched = by_item[item_id]
        key = (item_id, *((m.text, m.field, m.hit.via, m.hit.alias) for m in matched))
        have = memo.get(key)
        if have is None:
            if len(memo) >= 8192:
                memo.clear()
            have = memo[key] = _have_item(taxonomy.items[order[item_id]], matched, ready)
        out.append(have)
    return out


def _have_item(item: SkillItem, matched: list[Match], ready: Prepared) -> HaveItem:
    confidence = item.confidence
    if all(m.hit.via == "unverified_alias" for m in matched):
        confidence = _lowest(confidence, "low")
    return HaveItem(
        id=item.id,
        name=item.name,
        kind=item.kind,
        group=item.group,
        importance=item.importance,
        confidence=confidence,
        matched_from=[
            MatchedInput(text=m.text, field=m.field, via=m.hit.via, alias=m.hit.alias)
            for m in matched
        ],
        frameworks=list(item.frameworks),
        exams=list(item.exams),
        how_to_close=list(ready.ways[item.id]),
        sources=list(ready.item_sources[item.id]),
    )


def exam_readiness(
    taxonomy: Taxonomy, have: AbstractSet[str], exam: Exam, exam_sources: Sequence[Source] = ()
) -> ExamReadiness | None:
    """Coverage per content category of the exam, weighted by importance; None without categories.

    ``exam_sources`` (the exam catalogue's sources) resolve the exam's source ids when given.
    """
    if not exam.categories:
        return None
    refs = prepared(taxonomy).item_refs
    categories: list[CategoryReadiness] = []
    for category, weighed_units, total, ids, bare in for_exam(taxonomy, exam).categories:
        if ids.isdisjoint(have):
            categories.append(bare)
            continue
        gained = 0.0
        got: list[ItemRef] = []
        missing: list[ItemRef] = []
        for unit, weight in weighed_units:
            if unit.lacked(have):
                missing.append(refs[unit.lead.id])
            else:
                gained += weight
                got.extend(refs[m.id] for m in unit.members if m.id in have)
        categories.append(
            CategoryReadiness(
                id=category.id,
                name=category.name,
                percent=category.percent,
                # A category no skill maps to (a response format, say) has no readiness at all.
                readiness=round(gained / total, 4) if total else None,
                points_have=gained,
                points_total=total,
                have=got,
                missing=missing,
            )
        )
    weighed = [c for c in categories if c.readiness is not None]
    weight_sum = sum(c.percent for c in weighed)
    overall = (
        sum(c.percent * (c.readiness or 0.0) for c in weighed) / weight_sum if weight_sum else 0.0
    )
    return ExamReadiness(
        exam=exam.id,
        exam_name=exam.name,
        code=exam.code,
        label=_exam_label(exam),
        confidence=exam.confidence,
        source_ids=list(exam.sources),
        sources=[source_ref(src) for src in exam_sources if src.id in exam.sources],
        note=exam.note,
        overall=round(overall, 4),
        categories=categories,
    )


class Component(Frozen):
    """One component of the checklist framework, with what does not depend on the person."""

    __slots__ = ("bare", "id", "ideas", "ids", "mapped", "name", "standard_id", "standard_name")
    _fields: ClassVar[tuple[str, ...]] = (
        "id",
        "name",
        "standard_id",
        "standard_name",
        "mapped",
        "ideas",
        "bare",
        "ids",
    )

    id: str
    name: str
    standard_id: str | None
    standard_name: str | None
    #: the items mapped to it, taxonomy order
    mapped: tuple[tuple[str, ItemRef], ...]
    #: (item id, the idea when had, the idea when not), best first among had or among not had
    ideas: tuple[tuple[str, ArtifactIdea, ArtifactIdea], ...]
    #: the entry of a person who has none of the mapped items (most people, most components)
    bare: PortfolioEntry
    ids: frozenset[str]

    def __init__(
        self,
        id: str,
        name: str,
        standard_id: str | None,
        standard_name: str | None,
        mapped: tuple[tuple[str, ItemRef], ...],
        ideas: tuple[tuple[str, ArtifactIdea, ArtifactIdea], ...],
        bare: PortfolioEntry,
        ids: frozenset[str],
    ) -> None:
        _set(self, "id", id)
        _set(self, "name", name)
        _set(self, "standard_id", standard_id)
        _set(self, "standard_name", standard_name)
        _set(self, "mapped", mapped)
        _set(self, "ideas", ideas)
        _set(self, "bare", bare)
        _set(self, "ids", ids)


def _components(
    taxonomy: Taxonomy, refs: dict[str, ItemRef], sources: dict[str, SourceRef]
) -> tuple[Component, ...]:
    ranking = taxonomy.ranking
    framework = taxonomy.framework(ranking.checklist_framework)
    group_names = {g.id: g.name for g in framework.groups}
    order = {item.id: index for index, item in enumerate(taxonomy.items)}
    out: list[Component] = []
    for component in framework.items:
        ref = f"{framework.id}:{component.id}"
        mapped = [item for item in taxonomy.items if ref in item.frameworks]
        ideas: list[tuple[tuple[float, int, int], tuple[str, ArtifactIdea, ArtifactIdea]]] = []
        for item in mapped:
            way = next((w for w in item.how_to_close if w.kind == "artifact"), None)
            if way is None:
                continue
            # Had ideas come first; within each, this order (a stable sort keeps it).
            key = (
                -ranking.importance_points[item.importance],
                _kind_rank(taxonomy, item),
                order[item.id],
            )
            pair = tuple(
                ArtifactIdea(
                    item=refs[item.id],
                    have=had,
                    text=way.text,
                    confidence=way.confidence,
                    sources=[sources[source_id] for source_id in way.sources],
                )
                for had in (True, False)
            )
            ideas.append((key, (item.id, pair[0], pair[1])))
        ideas.sort(key=lambda pair: pair[0])
        bare = PortfolioEntry(
            id=component.id,
            name=component.name,
            standard_id=component.group,
            standard_name=group_names.get(component.group or ""),
            covered=False,
            covered_by=[],
            artifacts=[no for _, (_, _, no) in ideas[: ranking.artifacts_per_standard]],
        )
        out.append(
            Component(
                id=component.id,
                name=component.name,
                standard_id=component.group,
                standard_name=group_names.get(component.group or ""),
                mapped=tuple((item.id, refs[item.id]) for item in mapped),
                ideas=tuple(idea for _, idea in ideas),
                bare=bare,
                ids=frozenset(item.id for item in mapped),
            )
        )
    return tuple(out)


def portfolio_checklist(taxonomy: Taxonomy, have: AbstractSet[str]) -> list[PortfolioEntry]:
    """Each component of the checklist framework: covered or not, and artifacts to show it."""
    ready = prepared(taxonomy)
    shown = taxonomy.ranking.artifacts_per_standard
    entries: list[PortfolioEntry] = []
    for component in ready.components:
        if component.ids.isdisjoint(have):
            entries.append(component.bare)
            continue
        covered_by = [ref for item_id, ref in component.mapped if item_id in have]
        artifacts = [yes for item_id, yes, _ in component.ideas if item_id in have][:shown]
        if len(artifacts) < shown:
            lacked = [no for item_id, _, no in component.ideas if item_id not in have]
            artifacts += lacked[: shown - len(artifacts)]
        entries.append(
            PortfolioEntry(
                id=component.id,
                name=component.name,
                standard_id=component.standard_id,
                standard_name=component.standard_name,
                covered=bool(covered_by),
                covered_by=covered_by,
                artifacts=artifacts,
            )
        )
    return entries


def ranking_rule(taxonomy: Taxonomy, exam: Exam | None) -> RankingRule:
    """The weights, and one sentence that says how they combine."""
    ranking = taxonomy.ranking
    levels = ", ".join(f"{k} {v:g}" for k, v in ranking.importance_points.items())
    exam_part = (
        f"{ranking.exam_points_per_percent:g} × the share (%) of {_exam_label(exam)} held by the "
        "heaviest exam category the item maps to"
        if exam is not None and exam.categories
        else "no exam weight (no exam content categories to weigh by)"
    )
    return RankingRule(
        importance_points={str(k): v for k, v in ranking.importance_points.items()},
        exam_points_per_percent=ranking.exam_points_per_percent,
        kind_order=list(ranking.kind_order),
        explanation=(
            f"score = importance points ({levels}) + {exam_part}; "
            f"ties go by kind ({', '.join(ranking.kind_order)}), then id"
        ),
    )


class Listing(NamedTuple):
    """What a person listed, read against the taxonomy: the start of a skills report."""

    given: bool
    have: list[HaveItem]
    unrecognised: list[Unrecognised]
    #: the ids of ``have``: with the exam, everything else in the report follows from them
    ids: frozenset[str]


def listing(profile: Profile, taxonomy: Taxonomy) -> Listing:
    """The items the profile's tools and skills match, and the entries that match none."""
    found = match(profile.tools, profile.skills, taxonomy)
    have = _have_items(taxonomy, found)
    return Listing(
        bool(profile.tools or profile.skills),
        have,
        list(found.unrecognised),
        frozenset(item.id for item in have),
    )


def exam_part(
    taxonomy: Taxonomy, have: AbstractSet[str], exam: Exam | None, exam_sources: Sequence[Source]
) -> tuple[ExamReadiness | None, str | None]:
    """The report's exam readiness, or the note that says why there is none."""
    if exam is None:
        return None, "No exam is known for this state, so readiness by exam category is not shown."
    readiness = exam_readiness(taxonomy, have, exam, exam_sources)
    if readiness is None:
        return None, (
            f"The data has no content categories for {_exam_label(exam)} ({exam.name}), "
            "so readiness by exam category is not shown."
        )
    return readiness, None


def portfolio_framework(taxonomy: Taxonomy) -> str:
    """The name of the framework the portfolio checklist follows."""
    return taxonomy.framework(taxonomy.ranking.checklist_framework).name


def skills_report(
    profile: Profile,
    taxonomy: Taxonomy,
    exam: Exam | None,
    exam_sources: Sequence[Source] = (),
    listed: Listing | None = None,
) -> SkillsReport:
    """The skills section of the report for one profile and the exam its state uses (or None).

    Pass the exam catalogue's sources as ``exam_sources`` to cite the exam blueprint with URLs,
    and the profile's ``listing`` as ``listed`` when the caller has it already.
    """
    if listed is None:
        listed = listing(profile, taxonomy)
    have_items = listed.have
    have = listed.ids
    readiness, exam_note = exam_part(taxonomy, have, exam, exam_sources)
    return SkillsReport(
        given=listed.given,
        have=have_items,
        gaps=rank_gaps(taxonomy, have, exam),
        show_top=taxonomy.ranking.show_top,
        unrecognised=listed.unrecognised,
        exam_readiness=readiness,
        exam_note=exam_note,
        portfolio_framework=portfolio_framework(taxonomy),
        portfolio=portfolio_checklist(taxonomy, have),
        ranking=for_exam(taxonomy, exam).rule,
    )


# --- Looking items up (the `lmspath skills` command) -------------------------------------------


def find_item(taxonomy: Taxonomy, text: str) -> SkillItem | None:
    """The item a user named by id or by an alias that names exactly one item; else None."""
    hits = find_phrases(text, "tools", build_index(taxonomy))
    ids = {hit.item_id for hit in hits}
    if len(ids) != 1:
        return None
    words = tokens(text)
    hit = hits[0]
    if hit.via != "id" and tokens(hit.alias) != words:
        return None
    return taxonomy.item(hit.item_id)


def item_rows(taxonomy: Taxonomy, kind: str | None = None) -> list[ItemRow]:
    """The taxonomy listing, optionally one kind only, in file order."""
    return [
        ItemRow(
            id=item.id,
            name=item.name,
            kind=item.kind,
            area=item.area,
            group=item.group,
            importance=item.importance,
            confidence=item.confidence,
            aliases=item.all_aliases(),
        )
        for item in taxonomy.items
        if kind is None or item.kind == kind
    ]


def describe_ref(taxonomy: Taxonomy, ref: str) -> FrameworkRef:
    """A ``framework:item`` reference with the framework and item names (ref kept if unknown)."""
    framework_id, _, item_id = ref.partition(":")
    for framework in taxonomy.frameworks:
        if framework.id != framework_id:
            continue
        for entry in framework.items:
            if entry.id == item_id:
                name = entry.name if framework_id != "caep" else f"{entry.id} {entry.name}"
                return FrameworkRef(ref=ref, framework=framework.name, name=name)
    return FrameworkRef(ref=ref, framework=framework_id, name=item_id)


def describe_exam_ref(ref: str, exams: Sequence[Exam]) -> FrameworkRef:
    """An ``exam:category`` reference with the exam and category names (ref kept if unknown)."""
    exam_id, _, category_id = ref.partition(":")
    for exam in exams:
        if exam.id != exam_id:
            continue
        for category in exam.categories:
            if category.id == category_id:
                return FrameworkRef(
                    ref=ref,
                    framework=f"{_exam_label(exam)} {exam.name}",
                    name=f"{category.name} ({category.percent:g}% of the questions)",
                )
    return FrameworkRef(ref=ref, framework=exam_id, name=category_id)


def item_view(taxonomy: Taxonomy, item_id: str, exams: Sequence[Exam] = ()) -> ItemView:
    """One item with its references and sources resolved; KeyError for an unknown id."""
    item = taxonomy.item(item_id)
    group = taxonomy.group(item.group) if item.group else None
    return ItemView(
        id=item.id,
        name=item.name,
        kind=item.kind,
        area=taxonomy.area(item.area).name,
        group=item.group,
        group_name=group.name if group else None,
        importance=item.importance,
        importance_basis=item.importance_basis,
        confidence=item.confidence,
        note=item.note,
        aliases=list(item.aliases),
        ambiguous_aliases=list(item.ambiguous_aliases),
        unverified_aliases=list(item.unverified_aliases),
        not_alone=[entry.word for entry in item.not_alone],
        frameworks=[describe_ref(taxonomy, ref) for ref in item.frameworks],
        exams=[describe_exam_ref(ref, exams) for ref in item.exams],
        how_to_close=_ways(taxonomy, item),
        sources=_refs(taxonomy, item.sources),
    )
