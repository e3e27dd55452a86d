"""Read values as people write them (Y, TRUE, x, Tex., Calif, 2.5 yrs, Praxis II 5312), explained.

Each reader here is tried only after the strict reading of a value failed, and what it accepts is
returned as a ``Noted`` value: the profile's parsers hand the note on, so every normalisation is
reported (the results' ``normalised`` column, a warning for profile files) and none is silent. A
value that could mean more than one thing raises ValueError with the choices.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from lmspath.model.states import JURISDICTIONS


class Noted(NamedTuple):
    """A value read leniently, and the sentence saying what was read and what it became."""

    value: object
    note: str


def _show(value: object) -> str:
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def note(field: str, raw: object, became: object) -> str:
    """``bachelor: 'Y' read as yes``."""
    return f"{field}: {_show(raw)} read as {became}"


# --- yes / no / in progress ---------------------------------------------------------------------

YES_WORDS = frozenset({"yes", "y", "true", "t", "1", "x", "1.0"})
NO_WORDS = frozenset({"no", "n", "false", "f", "0", "0.0"})
IN_PROGRESS_WORDS = frozenset(
    {"in_progress", "inprogress", "in_prog", "ip", "ongoing", "enrolled", "current", "started"}
)


def key(value: object) -> str:
    """A cell as a lookup word: lower case, trimmed, spaces and dashes as ``_``, no final dot."""
    text = str(value).strip().lower().rstrip(".")
    return "_".join(text.replace("-", " ").replace("_", " ").split())


def yes_no_word(value: object) -> str | None:
    """'yes' or 'no' for any of yes/no/y/n/true/false/t/f/1/0/x, else None."""
    word = key(value)
    if word in YES_WORDS:
        return "yes"
    if word in NO_WORDS:
        return "no"
    return None


def progress_word(value: object) -> str | None:
    """'yes', 'no' or 'in_progress' for the yes/no words and the ways people say 'in progress'."""
    found = yes_no_word(value)
    if found is not None:
        return found
    return "in_progress" if key(value) in IN_PROGRESS_WORDS else None


# --- states -------------------------------------------------------------------------------------

#: AP-style and other common abbreviations, without their dots, lower case.
STATE_ABBREVIATIONS: dict[str, str] = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "cal": "CA", "colo": "CO",
    "col": "CO", "conn": "CT", "del": "DE", "fla": "FL", "flor": "FL", "ill": "IL", "ills": "IL",
    "ind": "IN", "kan": "KS", "kans": "KS", "ken": "KY", "md": "MD", "mass": "MA", "mich": "MI",
    "minn": "MN", "miss": "MS", "mont": "MT", "neb": "NE", "nebr": "NE", "nev": "NV",
    "okla": "OK", "ore": "OR", "oreg": "OR", "penn": "PA", "penna": "PA", "tenn": "TN",
    "tex": "TX", "wash": "WA", "wva": "WV", "wvirg": "WV", "wis": "WI", "wisc": "WI",
    "wyo": "WY", "washdc": "DC", "washingtondc": "DC", "dstcol": "DC",
}  # fmt: skip

_COMPASS = {"n": "north", "no": "north", "s": "south", "so": "south", "w": "west"}
_NAMES = {"".join(name.lower().split()): code for code, name in JURISDICTIONS.items()}


def _exact(compact: str) -> str | None:
    if compact.upper() in JURISDICTIONS:
        return compact.upper()
    return STATE_ABBREVIATIONS.get(compact) or _NAMES.get(compact)


def state_code(text: str) -> str | None:
    """The code for an abbreviation (``Tex.``, ``Calif``, ``N.Y.``, ``N. Carolina``) or a unique
    prefix of a name (``Massach``); None when nothing matches; ValueError when several do."""
    words = text.lower().replace(".", " ").replace(",", " ").split()
    compact = "".join(words)
    if not compact:
        return None
    found = _exact(compact)
    if found is not None:
        return found
    if len(words) > 1 and words[0] in _COMPASS:
        compact = _COMPASS[words[0]] + "".join(words[1:])
        found = _exact(compact)
        if found is not None:
            return found
    if len(compact) < 3 or not compact.isalpha():
        return None
    matches = sorted({code for name, code in _NAMES.items() if name.startswith(compact)})
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        shown = ", ".join(f"{c} ({JURISDICTIONS[c]})" for c in matches)
        raise ValueError(f"{_show(text)} could be {shown}; write the two-letter code")
    return None


# --- numbers with units -------------------------------------------------------------------------

_NUMBER_UNIT = re.compile(r"(\d+(?:\.\d+)?|\.\d+)\s*([a-z][a-z .]*?)?\.?")
_DATE = re.compile(r"\d{4}-\d\d-\d\d(?:[ t]\d\d:\d\d(?::\d\d)?)?")
_RANGE = re.compile(r"\d+(?:\.\d+)?\s*(?:-|–|to)\s*\d+(?:\.\d+)?\b.*")

#: unit word -> (what it measures, factor to the field's unit)
_YEARS = {
    **dict.fromkeys(("y", "yr", "yrs", "year", "years"), ("years", 1.0)),
    **dict.fromkeys(("mo", "mos", "month", "months", "mths"), ("months", 1 / 12)),
}
_HOURS = dict.fromkeys(("h", "hr", "hrs", "hour", "hours", "clock hours"), ("hours", 1.0))
_CREDITS = {
    **dict.fromkeys(
        (
            "h", "hr", "hrs", "hour", "hours", "credit", "credits", "cr", "crs", "credit hours",
            "credit hrs", "semester hours", "semester hrs", "semester credits", "sh", "sch",
            "sem hours", "sem hrs", "sem credits",
        ),
        ("semester hours", 1.0),
    ),
}  # fmt: skip

#: what each number field counts, and the units it takes
NUMBER_UNITS: dict[str, tuple[str, dict[str, tuple[str, float]]]] = {
    "teaching_years": ("years", _YEARS),
    "school_library_years": ("years", _YEARS),
    "practicum_hours": ("hours", _HOURS),
    "library_credit_hours": ("semester hours", _CREDITS),
}

_ALL_UNITS = {
    word: what for table in (_CREDITS, _HOURS, _YEARS) for word, (what, _) in table.items()
}


def number_with_unit(field: str, value: object) -> tuple[float, str] | None:
    """(number in the field's unit, the unit read) for ``2.5 yrs``, ``18 months``, ``120 hrs``;
    None when the text is not a number and a unit; ValueError for a unit of the wrong kind or a
    range."""
    text = str(value).strip().lower().replace(",", "")
    if _DATE.fullmatch(text):
        raise ValueError(
            f"{_show(value)} is a date, not a number (is the cell formatted as a date?)"
        )
    if _RANGE.fullmatch(text):
        raise ValueError(f"{_show(value)} is a range; give one number (the lower end if unsure)")
    match = _NUMBER_UNIT.fullmatch(text)
    if match is None or not match.group(2):
        return None
    unit = " ".join(match.group(2).replace(".", " ").split())
    counts, units = NUMBER_UNITS[field]
    if unit in units:
        what, factor = units[unit]
        return float(match.group(1)) * factor, what
    if unit in _ALL_UNITS:
        raise ValueError(f"{_show(value)} is in {_ALL_UNITS[unit]}, but {field} counts {counts}")
    raise ValueError(f"{_show(value)}: unit {unit!r} not understood; give a number of {counts}")


# --- exams --------------------------------------------------------------------------------------

#: Words people add to an exam's name that do not tell exams apart.
_NOISE = frozenset(
    {"ii", "test", "exam", "examination", "subject", "assessment", "the", "for", "and", "of"}
)
_TOKENS = re.compile(r"[a-z]+|\d+")


class ExamNames:
    """Finds an exam from the words and the number in what a person wrote (``Praxis II 5312``,
    ``Praxis 5312 School Librarian``): the number must belong to one exam, or to one exam of the
    vendor named."""

    def __init__(self, names: Iterable[tuple[str, Iterable[str]]]) -> None:
        """``names``: each exam id with every name it is known by (vendor and code, aliases)."""
        self._by_number: dict[str, set[str]] = {}
        self._by_word: dict[str, set[str]] = {}
        for exam_id, spellings in names:
            for spelling in (exam_id, *spellings):
                tokens = _TOKENS.findall(spelling.lower())
                for token in tokens:
                    if token.isdigit():
                        self._by_number.setdefault(token.lstrip("0") or "0", set()).add(exam_id)
                if tokens and not tokens[0].isdigit():
                    self._by_word.setdefault(tokens[0], set()).add(exam_id)

    def find(self, text: str) -> str | None:
        """The exam id, None when nothing fits, ValueError when several do."""
        tokens = [t for t in _TOKENS.findall(text.lower()) if t not in _NOISE]
        numbers = [t.lstrip("0") or "0" for t in tokens if t.isdigit()]
        if not numbers:
            return None
        found: set[str] = set()
        for number in numbers:
            found |= self._by_number.get(number, set())
        vendors = [self._by_word[t] for t in tokens if t in self._by_word]
        for named in vendors:
            if found & named:
                found &= named
        if len(found) == 1:
            return next(iter(found))
        if len(found) > 1:
            raise ValueError(
                f"exam {_show(text)} could be {', '.join(sorted(found))}; write the exam id"
            )
        return None
