"""The questionnaire's questions as data, when each applies, how answers map to profile fields."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from lmspath.model.profile import (
    LIMITS,
    MASTER_FIELDS,
    ExamResolver,
    ExamSuggester,
    Profile,
    parse_field,
)
from lmspath.model.states import JURISDICTIONS

#: What the person answers with: a line of text (validated as typed), one option, several options,
#: or a state typed as a code or a name with completion.
Kind = Literal["text", "select", "checkbox", "state"]

#: Answers by question id: the widget's raw value (a string, or a list of option values).
Answers = Mapping[str, object]

#: Check one answer: None when it can be used, else the reason in plain words.
Validator = Callable[[object], "str | None"]

#: Whether a question applies, given the answers so far.
When = Callable[[Answers], bool]

#: The select option that means "not sure / skip": its value is blank, which is "not given".
NOT_SURE = ""

#: Prefix of the per-exam score questions' ids: ``exam_score:texes-150``.
SCORE_PREFIX = "exam_score:"

#: Question id of the review screen's "which answer to change" line.
REVIEW_ID = "review"

#: Most characters an option title may use so a list row fits an 80-column terminal.
TITLE_WIDTH = 72


@dataclass(frozen=True)
class Option:
    """One choice of a select or checkbox question; ``group`` is the heading it is listed under."""

    value: str
    title: str
    group: str | None = None


@dataclass(frozen=True)
class ExamInfo:
    """An exam as the questionnaire offers it."""

    id: str
    title: str
    scale: tuple[float, float] | None = None
    short: str = ""

    @property
    def label(self) -> str:
        """A short name: ``TExES 150``."""
        return self.short or self.id


@dataclass(frozen=True)
class ToolInfo:
    """A tool from the skills taxonomy, with the category it is grouped under."""

    id: str
    name: str
    group: str


def _no_exams(_code: str) -> tuple[str, ...]:
    return ()


@dataclass(frozen=True)
class Context:
    """What the questions are built from: states with rules, the exam catalogue, the tools."""

    states: tuple[str, ...]
    exams: tuple[ExamInfo, ...] = ()
    tools: tuple[ToolInfo, ...] = ()
    exams_for_state: Callable[[str], tuple[str, ...]] = _no_exams
    resolve_exam: ExamResolver | None = None
    suggest_exam: ExamSuggester | None = None

    def exam(self, exam_id: str) -> ExamInfo:
        """The exam by id (a bare entry when the catalogue does not list it)."""
        for item in self.exams:
            if item.id == exam_id:
                return item
        return ExamInfo(id=exam_id, title=exam_id)


@dataclass(frozen=True)
class Question:
    """One question: what it asks, how it is answered and checked, and when it is asked."""

    id: str
    label: str
    text: str
    kind: Kind
    validate: Validator
    when: When
    field: str | None = None
    hint: str = ""
    choices: tuple[Option, ...] = ()
    #: "5 of 17" while the questions are first asked; blank on the review screen's edits
    progress: str = ""

    def shown(self, value: object) -> str:
        """An answer as the review screen shows it (a list as text, never as a Python list)."""
        if self.kind != "checkbox" and isinstance(value, list | tuple):
            items = [str(v).strip() for v in value if str(v).strip()]
            return ", ".join(items) if items else "none"
        if self.kind == "checkbox":
            values = value if isinstance(value, list | tuple) else []
            if not values:
                return "none"
            titles = {o.value: o.title for o in self.choices}
            return ", ".join(titles.get(str(v), str(v)) for v in values)
        text = "" if value is None else str(value).strip()
        if self.kind == "select":
            for option in self.choices:
                if option.value == text:
                    return option.title
        if not text:
            return "skipped"
        if self.kind == "state":
            code = _state_code(text)
            if code is not None:
                return f"{code} ({JURISDICTIONS[code]})"
        return text


# --- when each question applies (pure over the answers; a missing answer is "not asked yet") ----


def _given(answers: Answers, qid: str) -> str | None:
    value = answers.get(qid)
    return None if value is None else str(value).strip().lower()


def _has_master(answers: Answers) -> bool:
    return "master" not in answers or _given(answers, "master") in {"yes", "in_progress"}


def _library_master(answers: Answers) -> bool:
    if not _has_master(answers):
        return False
    if "master_fields" not in answers:
        return True
    fields = answers["master_fields"]
    chosen = fields if isinstance(fields, list | tuple) else [fields]
    return bool({"library_science", "school_library_media"} & {str(f) for f in chosen})


def _has_program(answers: Answers) -> bool:
    value = _given(answers, "school_library_program")
    return "school_library_program" not in answers or value in {"yes", "in_progress"}


def _has_license(answers: Answers) -> bool:
    status = _given(answers, "teaching_license_status")
    return "teaching_license_status" not in answers or status in {"active", "expired"}


def _always(_answers: Answers) -> bool:
    return True


def _could_be_board_certified(answers: Answers) -> bool:
    """National Board certification asks for a teaching license and years of teaching."""
    if _given(answers, "teaching_license_status") == "none":
        return False
    years = _given(answers, "teaching_years")
    try:
        return years is None or years == "" or float(years) > 0
    except ValueError:
        return True


def selected_exams(answers: Answers) -> list[str]:
    """The exam ids ticked on the exams question."""
    value = answers.get("exams")
    if not isinstance(value, list | tuple):
        return []
    return [str(v) for v in value]


def _score_when(exam_id: str) -> When:
    def when(answers: Answers) -> bool:
        return exam_id in selected_exams(answers)

    return when


_WHEN: dict[str, When] = {
    "master_fields": _has_master,
    "master_ala_accredited": _library_master,
    "teaching_license_state": _has_license,
    "school_library_program_kind": _has_program,
    "school_library_program_state": _has_program,
    "national_board": _could_be_board_certified,
}


def when_for(qid: str) -> When:
    """The rule that decides whether question ``qid`` applies."""
    if qid.startswith(SCORE_PREFIX):
        return _score_when(qid[len(SCORE_PREFIX) :])
    return _WHEN.get(qid, _always)


def applies(qid: str, answers: Answers) -> bool:
    """True when question ``qid`` should be asked (and its answer used) given the other answers."""
    return when_for(qid)(answers)


# --- validators: every one goes through profile.parse_field, the profile file's own parser -------


def _reason(exc: ValueError) -> str:
    return str(exc)


def field_validator(name: str, ctx: Context | None = None) -> Validator:
    """A validator that accepts exactly what a profile file's ``name`` field accepts."""

    def check(value: object) -> str | None:
        try:
            parse_field(
                name,
                value,
                resolve_exam=ctx.resolve_exam if ctx else None,
                suggest_exam=ctx.suggest_exam if ctx else None,
            )
        except ValueError as exc:
            return _reason(exc)
        return None

    return check


def _state_code(text: str) -> str | None:
    try:
        code = parse_field("state", text)
    except ValueError:
        return prefix_state(text)
    return str(code) if code is not None else None


def prefix_state(text: str) -> str | None:
    """The state whose name alone starts with ``text`` ('calif' -> CA), or None when not unique."""
    typed = " ".join(text.strip().lower().split())
    if len(typed) < 3:
        return None
    hits = [code for code, name in JURISDICTIONS.items() if name.lower().startswith(typed)]
    return hits[0] if len(hits) == 1 else None


def state_answer(value: object) -> object:
    """A typed state as it is kept: a unique name prefix becomes its code, the rest as typed."""
    if not isinstance(value, str) or not value.strip():
        return value
    try:
        parse_field("state", value)
    except ValueError:
        code = prefix_state(value)
        return code if code is not None else value
    return value


def _with_prefix(base: Validator) -> Validator:
    """A state validator that also accepts a unique prefix of a state's name."""

    def check(value: object) -> str | None:
        return base(state_answer(value))

    return check


def _target_state_validator(ctx: Context) -> Validator:
    base = _with_prefix(field_validator("state"))

    def check(value: object) -> str | None:
        if value is None or not str(value).strip():
            return "the target state is needed: type a code such as TX or a name such as Texas"
        problem = base(value)
        if problem is not None:
            return problem
        code = _state_code(str(value))
        if code is not None and code not in ctx.states:
            return f"no rules data for {code} ({JURISDICTIONS[code]}) yet"
        return None

    return check


def _one_of(options: tuple[Option, ...], base: Validator) -> Validator:
    allowed = {o.value for o in options}

    def check(value: object) -> str | None:
        if value is None or str(value) not in allowed:
            return f"{value!r} is not one of the choices"
        return base(value)

    return check


def _some_of(options: tuple[Option, ...], base: Validator | None) -> Validator:
    allowed = {o.value for o in options}

    def check(value: object) -> str | None:
        if not isinstance(value, list | tuple):
            return "should be a list of choices"
        unknown = [str(v) for v in value if str(v) not in allowed]
        if unknown:
            return f"{unknown[0]!r} is not one of the choices"
        return base(list(value)) if base else None

    return check


def split_free_text(value: object) -> list[str]:
    """Items of a free-text line: separated by commas or semicolons, blanks dropped."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in re.split(r"[;,]", str(value)) if part.strip()]


def _free_list_validator(name: str) -> Validator:
    base = field_validator(name)

    def check(value: object) -> str | None:
        return base(split_free_text(value))

    return check


def score_validator(exam: ExamInfo) -> Validator:
    """A score for ``exam``: blank (not known), or a number within the exam's scale."""
    base = field_validator("exams")

    def check(value: object) -> str | None:
        text = "" if value is None else str(value).strip()
        if not text:
            return None
        problem = base(f"{exam.id}:{text}")
        if problem is not None:
            return problem
        if exam.scale is not None:
            low, high = exam.scale
            score = float(text.replace(",", ""))
            if not low <= score <= high:
                return f"{text} is outside the {exam.label} scale ({low:g} to {high:g})"
        return None

    return check


# --- the questions -------------------------------------------------------------------------------

_PROGRESS = (
    Option("yes", "Yes"),
    Option("in_progress", "In progress"),
    Option("no", "No"),
    Option(NOT_SURE, "Not sure (skip)"),
)
_YES_NO = (Option("yes", "Yes"), Option("no", "No"), Option(NOT_SURE, "Not sure (skip)"))

_MASTER_FIELD_TITLES = {
    "library_science": "Library science / information science (MLS, MLIS)",
    "school_library_media": "School library media",
    "education": "Education",
    "educational_technology": "Educational technology",
    "other": "Something else",
}


def _clip(text: str, width: int = TITLE_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


def _number(qid: str, label: str, text: str, unit: str) -> Question:
    limit = LIMITS[qid]
    return Question(
        id=qid,
        field=qid,
        label=label,
        text=text,
        kind="text",
        hint=f"{unit} from 0 to {limit:g}; Enter to skip",
        validate=field_validator(qid),
        when=when_for(qid),
    )


def _select(
    qid: str, label: str, text: str, options: tuple[Option, ...], hint: str = ""
) -> Question:
    return Question(
        id=qid,
        field=qid,
        label=label,
        text=text,
        kind="select",
        hint=hint,
        choices=options,
        validate=_one_of(options, field_validator(qid)),
        when=when_for(qid),
    )


def exam_options(ctx: Context, state: str | None) -> tuple[Option, ...]:
    """Every catalogue exam: the target state's first (in its rules' order), then A to Z."""
    first = [e for e in (ctx.exams_for_state(state) if state else ()) if e]
    known = {e.id for e in ctx.exams}
    name = JURISDICTIONS.get(state or "", "")
    options = [
        Option(e, _clip(ctx.exam(e).title), f"Exams {name} uses") for e in first if e in known
    ]
    rest_group = "Other exams" if options else "Exams"
    rest = sorted((e for e in ctx.exams if e.id not in set(first)), key=lambda e: e.title.lower())
    options += [Option(e.id, _clip(e.title), rest_group) for e in rest]
    return tuple(options)


def tool_options(ctx: Context) -> tuple[Option, ...]:
    """The taxonomy's tools grouped by category, categories in first-seen order."""
    order: list[str] = []
    for tool in ctx.tools:
        if tool.group not in order:
            order.append(tool.group)
    return tuple(
        Option(t.id, _clip(t.name), group) for group in order for t in ctx.tools if t.group == group
    )


def _state_of(answers: Answers) -> str | None:
    value = answers.get("state")
    return _state_code(str(value)) if value is not None else None


def questions(ctx: Context, answers: Answers) -> list[Question]:
    """Every question, in asking order, with choices for the answers so far; filter by ``when``."""
    license_states = tuple(Option(code, name) for code, name in JURISDICTIONS.items())
    state_options = tuple(Option(code, JURISDICTIONS[code]) for code in ctx.states)
    master_fields = tuple(Option(f, _MASTER_FIELD_TITLES[f]) for f in MASTER_FIELDS)
    exams = exam_options(ctx, _state_of(answers))
    tools = tool_options(ctx)
    out = [
        Question(
            id="state",
            field="state",
            label="Target state",
            text="In which state do you want to be certified?",
            kind="state",
            hint="a code or a name, e.g. TX or Texas; Tab shows matches",
            choices=state_options,
            validate=_target_state_validator(ctx),
            when=when_for("state"),
        ),
        _select(
            "bachelor",
            "Bachelor's degree",
            "Do you have a bachelor's degree (any field)?",
            _PROGRESS,
        ),
        _select(
            "master", "Master's degree", "Do you have a master's degree (any field)?", _PROGRESS
        ),
        Question(
            id="master_fields",
            field="master_fields",
            label="Master's field",
            text="What field is your master's degree in?",
            kind="checkbox",
            hint="tick every one that fits; none ticked = skip",
            choices=master_fields,
            validate=_some_of(master_fields, field_validator("master_fields")),
            when=when_for("master_fields"),
        ),
        _select(
            "master_ala_accredited",
            "ALA-accredited program",
            "Is your library master's from an ALA-accredited program?",
            _YES_NO,
        ),
        _select(
            "school_library_program",
            "School library program",
            "Have you completed a state-approved school library preparation program?",
            _PROGRESS,
        ),
        _select(
            "school_library_program_kind",
            "Kind of program",
            "What kind of program is it?",
            (
                Option("school_library", "A school library program (MLIS track, endorsement)"),
                Option(
                    "teacher_preparation",
                    "A teacher-preparation program that also gives the teaching license",
                ),
                Option(NOT_SURE, "Not sure (skip)"),
            ),
        ),
        Question(
            id="school_library_program_state",
            field="school_library_program_state",
            label="Program approved by",
            text="Which state approved the program?",
            kind="state",
            hint="a code or a name, e.g. TX or Texas; Tab shows matches",
            choices=license_states,
            validate=_with_prefix(field_validator("school_library_program_state")),
            when=when_for("school_library_program_state"),
        ),
        _number(
            "library_credit_hours",
            "Library credit hours",
            "How many semester credit hours of library science coursework have you earned?",
            "semester hours",
        ),
        _select(
            "teaching_license_status",
            "Teaching license",
            "Do you hold a teaching license?",
            (
                Option("active", "Yes, and it is active"),
                Option("expired", "Yes, but it has expired"),
                Option("none", "No"),
                Option(NOT_SURE, "Not sure (skip)"),
            ),
        ),
        Question(
            id="teaching_license_state",
            field="teaching_license_state",
            label="License issued by",
            text="Which state issued your teaching license?",
            kind="state",
            hint="a code or a name; Enter to keep the one shown",
            choices=license_states,
            validate=_with_prefix(field_validator("teaching_license_state")),
            when=when_for("teaching_license_state"),
        ),
        _number(
            "teaching_years",
            "Years teaching PK-12",
            "How many years have you taught in PK-12 classrooms?",
            "years",
        ),
        _number(
            "school_library_years",
            "Years in a school library",
            "How many years have you worked in a school library, in any role?",
            "years",
        ),
        Question(
            id="exams",
            field="exams",
            label="Exams passed",
            text="Which of these exams have you passed?",
            kind="checkbox",
            hint="your state's exams are listed first; none ticked = none passed",
            choices=exams,
            validate=_some_of(exams, field_validator("exams", ctx)),
            when=when_for("exams"),
        ),
    ]
    for exam_id in selected_exams(answers):
        exam = ctx.exam(exam_id)
        scale = f"{exam.scale[0]:g} to {exam.scale[1]:g}; " if exam.scale else ""
        out.append(
            Question(
                id=f"{SCORE_PREFIX}{exam_id}",
                field="exams",
                label=f"Score on {exam.label}",
                text=f"What was your score on {_clip(exam.title, 52)}?",
                kind="text",
                hint=f"{scale}Enter if you do not know it",
                validate=score_validator(exam),
                when=when_for(f"{SCORE_PREFIX}{exam_id}"),
            )
        )
    out += [
        _number(
            "practicum_hours",
            "Practicum hours",
            "How many hours of supervised school-library practicum have you completed?",
            "hours",
        ),
        _select(
            "portfolio",
            "Portfolio",
            "Have you put together a professional portfolio?",
            (
                Option("complete", "Yes, it is complete"),
                Option("in_progress", "In progress"),
                Option("none", "No"),
                Option(NOT_SURE, "Not sure (skip)"),
            ),
        ),
        _select(
            "background_check",
            "Background check",
            "Have you completed a fingerprint / background check for school work?",
            _YES_NO,
        ),
        _select(
            "national_board",
            "National Board",
            "Are you a National Board Certified Teacher?",
            _YES_NO,
        ),
    ]
    if tools:
        out.append(
            Question(
                id="tools",
                field="tools",
                label="Tools you use",
                text="Which of these tools do you use?",
                kind="checkbox",
                hint="tick every one you use; the next question takes any others",
                choices=tools,
                validate=_some_of(tools, field_validator("tools")),
                when=when_for("tools"),
            )
        )
    out += [
        Question(
            id="tools_other",
            field="tools",
            label="Other tools" if tools else "Tools you use",
            text="Any other tools you use?" if tools else "Which tools do you use?",
            kind="text",
            hint="separate with commas, e.g. Canva, Padlet; Enter to skip",
            validate=_free_list_validator("tools"),
            when=when_for("tools_other"),
        ),
        Question(
            id="skills",
            field="skills",
            label="Skills",
            text="Any skills you want counted, in your own words?",
            kind="text",
            hint="separate with commas, e.g. collection development; Enter to skip",
            validate=_free_list_validator("skills"),
            when=when_for("skills"),
        ),
    ]
    return out


def initial_answer(question: Question, current: object, answers: Answers) -> object:
    """What a question starts on: the current answer; else a choice that claims nothing.

    A select with no answer yet starts on "Not sure (skip)", so a stray Enter never claims a
    degree, program or license; the license state starts on the target state.
    """
    if current is not None:
        return current
    if question.kind == "select" and any(o.value == NOT_SURE for o in question.choices):
        return NOT_SURE
    if question.id == "teaching_license_state":
        return _state_of(answers)
    return None


def review_question(count: int) -> Question:
    """The review screen's line: a row number to change, or blank to go on to the report."""

    def check(value: object) -> str | None:
        text = "" if value is None else str(value).strip()
        if not text:
            return None
        if not text.isdigit() or not 1 <= int(text) <= count:
            return f"type a number from 1 to {count}, or press Enter to see your report"
        return None

    return Question(
        id=REVIEW_ID,
        label="Review",
        text="Type the number of an answer to change it, or press Enter to see your report:",
        kind="text",
        validate=check,
        when=_always,
    )


# --- answers to profile fields -------------------------------------------------------------------

_DIRECT = (
    "state",
    "bachelor",
    "master",
    "master_fields",
    "master_ala_accredited",
    "school_library_program",
    "school_library_program_kind",
    "school_library_program_state",
    "library_credit_hours",
    "teaching_license_status",
    "teaching_license_state",
    "teaching_years",
    "school_library_years",
    "practicum_hours",
    "portfolio",
    "background_check",
    "national_board",
)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def answers_to_fields(answers: Answers) -> dict[str, object]:
    """Profile-file key/values for the answers that apply (blank answers are left out)."""
    raw: dict[str, object] = {}
    for qid in _DIRECT:
        if qid in answers and applies(qid, answers) and not _blank(answers[qid]):
            raw[qid] = answers[qid]
    if _given(answers, "teaching_license_status") == "none" and "teaching_license_state" not in raw:
        raw["teaching_license_state"] = "none"
    if not applies("national_board", answers) and "national_board" not in raw:
        raw["national_board"] = "no"  # not asked: no license or no teaching, so not certified
    if "exams" in answers:
        items: list[str] = []
        for exam_id in selected_exams(answers):
            score = answers.get(f"{SCORE_PREFIX}{exam_id}")
            items.append(exam_id if _blank(score) else f"{exam_id}:{str(score).strip()}")
        raw["exams"] = items
    if "tools" in answers or "tools_other" in answers:
        tools = [str(t) for t in _as_list(answers.get("tools"))]
        tools += [t for t in split_free_text(answers.get("tools_other")) if t not in tools]
        # Ticking none of the listed tools is an answer (none of these); a blank line is not.
        listed = isinstance(answers.get("tools"), list | tuple)
        if tools or listed or isinstance(answers.get("tools_other"), list | tuple):
            raw["tools"] = tools
    if "skills" in answers:
        skills = split_free_text(answers["skills"])
        if skills:
            raw["skills"] = skills
    return raw


def _as_list(value: object) -> Sequence[object]:
    return value if isinstance(value, list | tuple) else []


def _number_text(value: float) -> str:
    return f"{value:g}" if not float(value).is_integer() else str(int(value))


def profile_to_answers(profile: Profile, ctx: Context) -> dict[str, object]:
    """The answers a (partial) profile already gives, so only what it leaves out is asked."""
    answers: dict[str, object] = {}
    for name in _DIRECT:
        value = getattr(profile, name)
        if value is None:
            continue
        if isinstance(value, tuple):
            answers[name] = list(value)
        elif isinstance(value, float):
            answers[name] = _number_text(value)
        else:
            answers[name] = str(value)
    if profile.teaching_license_state == "none" and "teaching_license_status" not in answers:
        answers["teaching_license_status"] = "none"
    if profile.exams is not None:
        answers["exams"] = [e.exam for e in profile.exams]
        for result in profile.exams:
            score = "" if result.score is None else _number_text(result.score)
            answers[f"{SCORE_PREFIX}{result.exam}"] = score
    if profile.tools is not None:
        known = {t.id for t in ctx.tools}
        answers["tools"] = [t for t in profile.tools if t in known]
        answers["tools_other"] = [t for t in profile.tools if t not in known]
    if profile.skills is not None:
        answers["skills"] = list(profile.skills)
    return answers
