"""The 51 jurisdictions (50 states and DC) and turning what a person typed into a code."""

from __future__ import annotations

import difflib

from lmspath.errors import ECHO_LIMIT, shown

JURISDICTIONS: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}  # fmt: skip

_BY_NAME = {name.lower(): code for code, name in JURISDICTIONS.items()}
_BY_NAME.update({"washington dc": "DC", "washington, dc": "DC", "d.c.": "DC"})


def resolve_state(text: str) -> str | None:
    """The two-letter code for a code or full name in any case, or None."""
    cleaned = " ".join(text.strip().split())
    if cleaned.upper() in JURISDICTIONS:
        return cleaned.upper()
    return _BY_NAME.get(cleaned.lower())


def suggest_state(text: str) -> str | None:
    """The closest state code or name to a string that did not resolve, as 'XX (Name)'."""
    cleaned = text.strip().lower()
    names = list(_BY_NAME)
    match = difflib.get_close_matches(cleaned, names, n=1, cutoff=0.6)
    if match:
        code = _BY_NAME[match[0]]
        return f"{code} ({JURISDICTIONS[code]})"
    codes = [c.lower() for c in JURISDICTIONS]
    match = difflib.get_close_matches(cleaned, codes, n=1, cutoff=0.5)
    if match:
        code = match[0].upper()
        return f"{code} ({JURISDICTIONS[code]})"
    return None


def unknown_state_message(text: str) -> str:
    """A plain sentence for a state that did not resolve."""
    # No state name is near 40 characters: a longer text gets no suggestion, and is cut when
    # echoed (a 1.5 MB "state" must not come back in full).
    hint = suggest_state(text) if len(text) <= ECHO_LIMIT else None
    tail = (
        f"; did you mean {hint}?" if hint else "; use a two-letter code such as TX or a full name"
    )
    return f"unknown state {shown(text)}{tail}"
