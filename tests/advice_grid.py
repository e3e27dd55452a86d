"""The advice grid: five everyday people in every jurisdiction, and the properties a careful
counselor's advice keeps (tests/test_advice.py asserts them; ``python -m tests.advice_grid``
prints the counts)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lmspath.model.results import Assessment, Plan
from lmspath.model.states import JURISDICTIONS
from tests.helpers import run

#: Step kinds that take months or years: never outweighed by an administrative step.
MAJOR = frozenset(
    {
        "bachelor",
        "teaching_license",
        "teaching_experience",
        "master",
        "program",
        "coursework",
        "portfolio",
    }
)

_NOTHING: dict[str, object] = {
    "bachelor": "yes",
    "master": "no",
    "school_library_program": "no",
    "library_credit_hours": 0,
    "teaching_license_status": "none",
    "teaching_license_state": "none",
    "teaching_years": 0,
    "school_library_years": 0,
    "exams": [],
    "practicum_hours": 0,
    "portfolio": "none",
    "national_board": "no",
}


def _other(code: str) -> str:
    return "OK" if code != "OK" else "TX"


def archetypes(code: str) -> dict[str, dict[str, object]]:
    """The five people of the issue, for one target state (background check left blank)."""
    licensed = {
        **_NOTHING,
        "teaching_license_state": code,
        "teaching_license_status": "active",
        "teaching_years": 3,
    }
    return {
        "career-changer": dict(_NOTHING),
        "licensed-teacher": licensed,
        "mlis-no-license": {
            **_NOTHING,
            "master": "yes",
            "master_fields": ["library_science"],
            "master_ala_accredited": "yes",
            "school_library_program": "yes",
            "library_credit_hours": 40,
            "practicum_hours": None,
            "portfolio": None,
        },
        "paraprofessional": {**_NOTHING, "school_library_years": 4},
        "out-of-state-teacher": {
            **licensed,
            "teaching_license_state": _other(code),
            "teaching_years": 5,
        },
    }


def assess(code: str, fields: dict[str, object]) -> Assessment:
    """One assessment from plain fields (None values are left out: not given)."""
    return run(code, **{k: v for k, v in fields.items() if v is not None})


def major_steps(plan: Plan) -> frozenset[str]:
    """The kinds of the plan's major steps."""
    return frozenset(s.kind for s in plan.steps if s.kind in MAJOR)


_RANK = {"eligible": 0, "cannot_tell": 1, "not_yet": 2}


@dataclass(frozen=True)
class Finding:
    """One place a property fails."""

    prop: str
    state: str
    person: str
    detail: str


def _upper(plan: Plan) -> float:
    if plan.months:
        return plan.months[1]
    return 0.0 if plan.complete else float("inf")


def _more(fields: dict[str, object], code: str) -> Iterator[tuple[str, dict[str, object]]]:
    """Variants of a person who has strictly more than they do."""
    yield "background check done", {**fields, "background_check": "yes"}
    yield (
        "3 more teaching years",
        {
            **fields,
            "teaching_years": float(fields.get("teaching_years") or 0) + 3,  # type: ignore[arg-type]
        },
    )
    yield (
        "12 more credit hours",
        {
            **fields,
            "library_credit_hours": float(fields.get("library_credit_hours") or 0) + 12,  # type: ignore[arg-type]
        },
    )
    if fields.get("master") != "yes":
        yield (
            "a library master's",
            {
                **fields,
                "master": "yes",
                "master_fields": ["library_science"],
                "master_ala_accredited": "yes",
            },
        )
    if fields.get("teaching_license_status") != "active":
        yield (
            "an active in-state license",
            {
                **fields,
                "teaching_license_state": code,
                "teaching_license_status": "active",
            },
        )


def _national_board_eligible(fields: dict[str, object]) -> bool:
    years = fields.get("teaching_years")
    return (
        fields.get("teaching_license_status") == "active"
        and isinstance(years, (int, float))
        and years >= 3
    )


def findings(codes: tuple[str, ...] | None = None) -> list[Finding]:
    """Every failure of the seven properties over the grid."""
    out: list[Finding] = []
    for code in codes or tuple(JURISDICTIONS):
        for person, fields in archetypes(code).items():
            base = assess(code, fields)
            # 1. the background-check answer never changes the major steps
            kinds = {
                answer: major_steps(assess(code, {**fields, "background_check": answer}).plan)
                for answer in ("yes", "no", None)
            }
            if len(set(kinds.values())) > 1:
                out.append(Finding("background-check", code, person, f"{kinds}"))
            # 2. more never makes it longer or worse
            for what, richer in _more(fields, code):
                better = assess(code, richer)
                if _RANK[better.verdict] > _RANK[base.verdict] or _upper(better.plan) > _upper(
                    base.plan
                ):
                    out.append(
                        Finding(
                            "monotone",
                            code,
                            person,
                            f"{what}: {base.verdict} {base.plan.months} -> "
                            f"{better.verdict} {better.plan.months}",
                        )
                    )
            # 3. no National Board route for someone not eligible for it
            if not _national_board_eligible(fields) and any(
                s.title.startswith("Earn National Board") for s in base.plan.steps
            ):
                out.append(Finding("national-board", code, person, base.best_pathway))
            # 4. every unmet major step of the best plan has a time estimate. Named exception:
            # having a license held in another state recognised is the agency's review of
            # paperwork, whose processing time no source read states; it is listed as a short
            # step with its time not confirmed, never counted as preparation. Second: no
            # source read gives the time a portfolio takes (Maine, New Hampshire); the plan
            # says so and the route ranks after every route whose time is known.
            for step in base.plan.steps:
                if step.title.startswith("Get your teaching license recognised"):
                    continue
                if step.kind == "portfolio":
                    continue
                if step.kind in MAJOR and step.months is None and step.during is None:
                    out.append(Finding("estimate", code, person, step.title))
            # 6. zero of a required amount is missing, never not confirmed
            for pw in base.pathways:
                for req in pw.requirements:
                    if req.status == "not_confirmed" and req.have.startswith("0 "):
                        out.append(Finding("zero", code, person, f"{pw.id}.{req.id}"))
            # 7. a blank bachelor's answer picks a route as quick and as cheap as "yes" does:
            # every route rests on the degree, named or not, so it decides nothing
            blank = assess(code, {**fields, "bachelor": None})
            if (blank.plan.months, blank.plan.cost_usd) != (base.plan.months, base.plan.cost_usd):
                out.append(
                    Finding(
                        "blank-bachelor",
                        code,
                        person,
                        f"{base.best_pathway} {base.plan.months} {base.plan.cost_usd} -> "
                        f"{blank.best_pathway} {blank.plan.months} {blank.plan.cost_usd}",
                    )
                )
        # 5. coursework estimates grow with the hours left
        few = assess(code, {**_NOTHING, "library_credit_hours": 18, "background_check": "yes"})
        many = assess(code, {**_NOTHING, "library_credit_hours": 0, "background_check": "yes"})
        a = [s for s in few.plan.steps if s.kind == "coursework"]
        b = [s for s in many.plan.steps if s.kind == "coursework"]
        if a and b and a[0].months is not None and a[0].months == b[0].months:
            out.append(Finding("coursework-scale", code, "career-changer", f"{a[0].months}"))
    return out


def main() -> None:
    """Print the count of each property's failures over the 51 x 5 grid."""
    found = findings()
    props = (
        "background-check",
        "monotone",
        "national-board",
        "estimate",
        "coursework-scale",
        "zero",
        "blank-bachelor",
    )
    for prop in props:
        rows = [f for f in found if f.prop == prop]
        print(f"{prop:18} {len(rows):4}")
        for f in rows[:6]:
            print(f"    {f.state} {f.person}: {f.detail[:110]}")


if __name__ == "__main__":
    main()
