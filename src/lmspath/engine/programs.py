"""Pure: which recorded programs fit a state and a set of filters, and what each would cost."""

from __future__ import annotations

import difflib
import math
from typing import ClassVar, Literal

from lmspath.errors import InputError
from lmspath.model.frozen import Frozen
from lmspath.model.programs import ROUTES, Program, ProgramCatalog, ProgramFile, span

Scope = Literal["in_state", "disclosure", "any"]
#: Why a program that might fit was left out: the filter needs a value the record does not have.
Unknown = Literal["cost", "license", "delivery"]

ROUTE_WORDS = {
    "degree_with_school_library_track": "master's with school library track",
    "addon_endorsement": "add-on endorsement",
    "certificate_only": "certification only",
    "teacher_preparation": "teacher preparation",
}


_set = object.__setattr__


class Cost(Frozen):
    """What a program costs: its stated total, or tuition per credit times its credit hours."""

    __slots__ = ("basis", "high", "low", "year")
    _fields: ClassVar[tuple[str, ...]] = ("low", "high", "basis", "year")

    low: float
    high: float
    basis: Literal["total", "per_credit"]
    year: str | None

    def __init__(
        self,
        low: float,
        high: float,
        basis: Literal["total", "per_credit"],
        year: str | None,
    ) -> None:
        _set(self, "low", low)
        _set(self, "high", high)
        _set(self, "basis", basis)
        _set(self, "year", year)


def cost_of(program: Program) -> Cost | None:
    """The stated total when there is one, else per-credit tuition x credits; None if unknown.

    The product is worked out for display and filtering only; the data never stores it.
    """
    if program.total_cost_usd is not None:
        total = float(program.total_cost_usd)
        return Cost(total, total, "total", program.tuition_year)
    credits = span(program.credit_hours)
    if program.tuition_per_credit_usd is None or credits is None:
        return None
    rate = float(program.tuition_per_credit_usd)
    return Cost(rate * credits[0], rate * credits[1], "per_credit", program.tuition_year)


class Filters(Frozen):
    """The narrowing a person asked for; the defaults keep every program."""

    __slots__ = ("max_cost", "no_license_needed", "online", "routes")
    _fields: ClassVar[tuple[str, ...]] = ("online", "max_cost", "no_license_needed", "routes")

    online: bool
    max_cost: float | None
    no_license_needed: bool
    routes: tuple[str, ...]

    def __init__(
        self,
        online: bool = False,
        max_cost: float | None = None,
        no_license_needed: bool = False,
        routes: tuple[str, ...] = (),
    ) -> None:
        _set(self, "online", online)
        _set(self, "max_cost", max_cost)
        _set(self, "no_license_needed", no_license_needed)
        _set(self, "routes", routes)

    def as_dict(self) -> dict[str, object]:
        """The filters as plain values (for JSON output)."""
        return {
            "online": self.online,
            "max_cost_usd": self.max_cost,
            "no_license_needed": self.no_license_needed,
            "routes": list(self.routes),
        }


class Listed(Frozen):
    """One program in a listing: where it comes from, why it is listed, and its cost."""

    __slots__ = ("cost", "file", "program", "scope")
    _fields: ClassVar[tuple[str, ...]] = ("file", "program", "scope", "cost")

    file: ProgramFile
    program: Program
    scope: Scope
    cost: Cost | None

    def __init__(
        self,
        file: ProgramFile,
        program: Program,
        scope: Scope,
        cost: Cost | None,
    ) -> None:
        _set(self, "file", file)
        _set(self, "program", program)
        _set(self, "scope", scope)
        _set(self, "cost", cost)


class Selection(Frozen):
    """The programs listed for a state (or for every state) after the filters."""

    __slots__ = (
        "disclosing_recorded",
        "filtered_out",
        "filters",
        "hidden",
        "in_state_programs",
        "in_state_recorded",
        "listed",
        "state",
        "state_note",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "state",
        "filters",
        "listed",
        "in_state_programs",
        "state_note",
        "in_state_recorded",
        "disclosing_recorded",
        "hidden",
        "filtered_out",
    )

    state: str | None
    filters: Filters
    listed: list[Listed]
    #: The state's own file says whether an in-state program exists (None: unknown or no file).
    in_state_programs: bool | None
    state_note: str | None
    #: Programs the state has approved that are on record, before any filter.
    in_state_recorded: int
    #: Programs approved elsewhere that say they meet this state's requirements, before filters.
    disclosing_recorded: int
    #: Programs left out only because a filter needs a value the record does not give.
    hidden: dict[Unknown, int]
    #: Programs left out because their known values do not pass a filter.
    filtered_out: int

    def __init__(
        self,
        state: str | None,
        filters: Filters,
        listed: list[Listed],
        in_state_programs: bool | None,
        state_note: str | None,
        in_state_recorded: int,
        disclosing_recorded: int,
        hidden: dict[Unknown, int] | None = None,
        filtered_out: int = 0,
    ) -> None:
        _set(self, "state", state)
        _set(self, "filters", filters)
        _set(self, "listed", listed)
        _set(self, "in_state_programs", in_state_programs)
        _set(self, "state_note", state_note)
        _set(self, "in_state_recorded", in_state_recorded)
        _set(self, "disclosing_recorded", disclosing_recorded)
        _set(self, "hidden", {} if hidden is None else hidden)
        _set(self, "filtered_out", filtered_out)


def _verdict(program: Program, cost: Cost | None, filters: Filters) -> bool | Unknown:
    """True when the program passes, False when a known value fails, else the unknown value."""
    if filters.routes and program.leads_to not in filters.routes:
        return False
    unknown: list[Unknown] = []
    if filters.online:
        if program.delivery is None:
            unknown.append("delivery")
        elif program.delivery != "online":
            return False
    if filters.max_cost is not None:
        if cost is None:
            unknown.append("cost")
        elif cost.low > filters.max_cost:
            return False
    if filters.no_license_needed:
        if program.license_required_to_enrol is None:
            unknown.append("license")
        elif program.license_required_to_enrol:
            return False
    return unknown[0] if unknown else True


def _order(item: Listed) -> tuple[bool, str, str, str]:
    # Programs that are not taking applications go last: they are kept for the record.
    closed = item.program.accepting_applications is False
    return (closed, item.program.approved_by, item.program.institution, item.program.name)


def select(catalog: ProgramCatalog, state: str | None, filters: Filters) -> Selection:
    """In-state programs, then programs approved elsewhere that disclose meeting the state's
    requirements; with no state, every program. Filters apply to both groups."""
    candidates: list[Listed] = []
    own = catalog.file(state) if state is not None else None
    for item, program in catalog.programs():
        scope: Scope
        if state is None:
            scope = "any"
        elif program.approved_by == state:
            scope = "in_state"
        elif state in (program.disclosure_states or []):
            scope = "disclosure"
        else:
            continue
        candidates.append(Listed(item, program, scope, cost_of(program)))
    listed: list[Listed] = []
    hidden: dict[Unknown, int] = {}
    filtered_out = 0
    for entry in candidates:
        verdict = _verdict(entry.program, entry.cost, filters)
        if verdict is True:
            listed.append(entry)
        elif verdict is False:
            filtered_out += 1
        else:
            hidden[verdict] = hidden.get(verdict, 0) + 1
    groups = {"in_state": 0, "disclosure": 1, "any": 0}
    listed.sort(key=lambda e: (groups[e.scope], *_order(e)))
    return Selection(
        state=state,
        filters=filters,
        listed=listed,
        in_state_programs=own.in_state_programs if own is not None else None,
        state_note=own.note if own is not None else None,
        in_state_recorded=sum(1 for c in candidates if c.scope == "in_state"),
        disclosing_recorded=sum(1 for c in candidates if c.scope == "disclosure"),
        hidden=hidden,
        filtered_out=filtered_out,
    )


def find_program(catalog: ProgramCatalog, text: str) -> tuple[ProgramFile, Program]:
    """The program with this id (any case); InputError with a suggestion otherwise."""
    wanted = text.strip().lower()
    found = catalog.find(wanted)
    if found is not None:
        return found
    ids = [p.id for _, p in catalog.programs()]
    containing = [i for i in ids if wanted and wanted in i]
    if 1 <= len(containing) <= 3:
        hint = " or ".join(containing)
    else:
        close = difflib.get_close_matches(wanted, ids, n=1, cutoff=0.6)
        hint = close[0] if close else ""
    tail = f"; did you mean {hint}?" if hint else "; `lmspath programs` lists every id"
    raise InputError(f"--id: no program has the id {text!r}{tail}")


def parse_route(text: str) -> str:
    """A ``leads_to`` value from what a person typed ('addon', 'add-on', 'degree'); InputError."""
    key = "_".join(text.strip().lower().replace("-", " ").replace("_", " ").split())
    if key in ROUTES:
        return key
    squeezed = key.replace("_", "")
    starts = [r for r in ROUTES if r.replace("_", "").startswith(squeezed)] if squeezed else []
    if len(starts) == 1:
        return starts[0]
    close = difflib.get_close_matches(key, ROUTES, n=1, cutoff=0.5)
    hint = f"; did you mean {close[0]}?" if close else ""
    raise InputError(f"--route: {text!r} is not one of {', '.join(ROUTES)}{hint}")


def parse_amount(text: str, option: str = "--max-cost") -> float:
    """Dollars from '15000', '$15,000' or '15000.50'; InputError for anything else."""
    cleaned = text.strip().lstrip("$").replace(",", "").replace("_", "").strip()
    try:
        value = float(cleaned)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise InputError(f"{option}: {text!r} is not an amount in dollars (for example 15000)")
    return value


class StateCoverage(Frozen):
    """How many programs the data records for one jurisdiction."""

    __slots__ = (
        "code",
        "disclosing",
        "has_file",
        "in_state",
        "in_state_programs",
        "online_in_state",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "code",
        "in_state_programs",
        "has_file",
        "in_state",
        "online_in_state",
        "disclosing",
    )

    code: str
    #: The state's own file: is there an in-state program? (None: unknown or no file)
    in_state_programs: bool | None
    has_file: bool
    in_state: int
    online_in_state: int
    #: Programs approved elsewhere whose licensure disclosure names this state.
    disclosing: int

    def __init__(
        self,
        code: str,
        in_state_programs: bool | None,
        has_file: bool,
        in_state: int,
        online_in_state: int,
        disclosing: int,
    ) -> None:
        _set(self, "code", code)
        _set(self, "in_state_programs", in_state_programs)
        _set(self, "has_file", has_file)
        _set(self, "in_state", in_state)
        _set(self, "online_in_state", online_in_state)
        _set(self, "disclosing", disclosing)


def coverage(catalog: ProgramCatalog, codes: list[str]) -> list[StateCoverage]:
    """Programs recorded per jurisdiction, in the order of ``codes``."""
    rows = []
    everything = catalog.programs()
    for code in codes:
        own = catalog.file(code)
        mine = [p for _, p in everything if p.approved_by == code]
        rows.append(
            StateCoverage(
                code=code,
                in_state_programs=own.in_state_programs if own is not None else None,
                has_file=own is not None,
                in_state=len(mine),
                online_in_state=sum(1 for p in mine if p.delivery == "online"),
                disclosing=sum(
                    1
                    for _, p in everything
                    if p.approved_by != code and code in (p.disclosure_states or [])
                ),
            )
        )
    return rows
