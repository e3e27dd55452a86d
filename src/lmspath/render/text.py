"""Small shared wording: ranges, money, statuses, sources."""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable

from lmspath.engine.words import money, months, plan_time
from lmspath.model.results import ProgramPick, SourceRef

__all__ = ["money", "months", "plan_time"]

STATUS_WORD = {
    "met": "met",
    "missing": "missing",
    "not_given": "not given",
    "not_confirmed": "not confirmed",
}

#: Text marks so that no meaning rests on colour alone.
STATUS_MARK = {"met": "[x]", "missing": "[ ]", "not_given": "[?]", "not_confirmed": "[!]"}

VERDICT_WORD = {
    "eligible": "Eligible now",
    "not_yet": "Not yet",
    "cannot_tell": "Cannot tell yet",
}


#: Who a restricted route is for, in words (the data's ``audience`` ids stay in the JSON).
AUDIENCE_WORDS = {
    "out_of_state": "only for holders of another state's certificate",
    "employer_sponsored": "only when an employer requests it",
    "emergency": "an emergency permit",
}


def audience_words(audience: str) -> str:
    """'only for holders of another state's certificate', or '' for a route open to anyone."""
    if audience == "general":
        return ""
    return AUDIENCE_WORDS.get(audience, "only for some people")


#: The ASCII punctuation markdown acts on inside a line: escapes, code, emphasis, strikethrough,
#: link and image brackets, table cells. (Parentheses act only after "]", which is escaped.)
_MD_ACTIVE = re.compile(r"([\\`*_~\[\]|])")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def steps_words(numbers: list[int]) -> str:
    """Plan steps by number in words: 'step 1', 'steps 1 and 2', 'steps 1, 2 and 3'."""
    if len(numbers) == 1:
        return f"step {numbers[0]}"
    shown = [str(n) for n in numbers]
    return f"steps {', '.join(shown[:-1])} and {shown[-1]}"


def md_text(value: object) -> str:
    """Text a person wrote, made inert in markdown (and in the HTML a renderer makes of it).

    One line (every kind of line break and control character folded to a space); ``&``, ``<``
    and ``>`` as entities, so no tag or autolink survives; every other character markdown acts
    on inside a line (``[`` ``]`` ``*`` ``_`` ``~`` backticks, backslashes, ``|``) escaped with
    a backslash, so no link, image, code, emphasis or table cell can be made. Safe inside a
    table cell and in running text.
    """
    if type(value) is str:
        return _md_text(value)
    return _inert(str(value))


@functools.lru_cache(maxsize=4096)
def _md_text(text: str) -> str:
    # remembered: clients write the same tools and skills the same way, and a plan quotes them
    return _inert(text)


def _inert(text: str) -> str:
    folded = " ".join(_CONTROL.sub(" ", text).split())
    return _MD_ACTIVE.sub(r"\\\1", folded).translate(_HTML)


def md_cell(value: object) -> str:
    """Text safe inside a markdown table cell: pipes escaped, whitespace folded to one line."""
    if type(value) is str:
        return _md_cell_text(value)
    return " ".join(str(value).replace("|", "\\|").split())


@functools.lru_cache(maxsize=4096)
def _md_cell_text(text: str) -> str:
    # remembered: a plan's tables repeat the rules' wording, and a batch writes thousands
    return " ".join(text.replace("|", "\\|").split())


def program_words(pick: ProgramPick) -> str:
    """'San Jose State University, MLIS (online; $16,275 in all): <url>' for a plan step."""
    facts = [pick.delivery.replace("_", " ")] if pick.delivery else []
    if pick.cost_usd is not None:
        basis = "in all" if pick.cost_basis == "total" else "tuition at its per-credit rate"
        year = f", {pick.tuition_year}" if pick.tuition_year else ", year not stated"
        facts.append(f"{money(pick.cost_usd)} {basis}{year}")
    else:
        facts.append("cost not on record")
    if pick.scope == "disclosure":
        facts.append(f"approved in {pick.approved_by}; says it meets this state's rules")
    if pick.license_required_to_enrol:
        facts.append("needs a teaching license to enrol")
    return f"{pick.institution}, {pick.name} ({'; '.join(facts)}): {pick.url}"


def source_date(ref: SourceRef) -> str:
    """'as of 2017-08, read 2026-11-23' or 'undated, read 2026-11-23'."""
    stated = f"as of {ref.as_of}" if ref.as_of else "undated"
    return f"{stated}, read {ref.read_on}"


#: lines one ``source_lines`` keeps before its table is emptied
SOURCE_LINES = 4096


def source_lines(write: Callable[[SourceRef], str], key: str) -> Callable[[SourceRef], str]:
    """Each source's line, written by ``write`` once and remembered by the field ``key``
    (its URL or id) together with the source it was written for, so another source under the
    same key gets its own line. A batch's plans cite the same sources (one shared object per
    source) again and again. A function, not an object: a plain call costs less."""
    kept: dict[str, tuple[SourceRef, str]] = {}
    key_of = operator.attrgetter(key)

    def line(src: SourceRef) -> str:
        at = key_of(src)
        found = kept.get(at)
        if found is not None and found[0] is src:
            return found[1]
        text = write(src)
        if len(kept) >= SOURCE_LINES:
            kept.clear()
        kept[at] = (src, text)
        return text

    return line
