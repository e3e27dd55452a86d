"""Moving with a certificate: the mobility agreements data (data/mobility.yaml) and what it
means for one person moving from one state to another."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from lmspath.model.profile import Profile
from lmspath.model.results import (
    MovingAgreement,
    MovingNote,
    MovingSpouse,
    PathwayResult,
    source_ref,
)
from lmspath.model.rules import Confidence, StateRules, ensure_unique_ids
from lmspath.model.states import JURISDICTIONS
from lmspath.schema.rules import Source, StrictModel


class Member(StrictModel):
    """A state that takes part in an agreement, with when it joined when that is known."""

    state: str
    enacted: dt.date | None = None
    sources: list[str] = Field(min_length=1)
    confidence: Confidence
    note: str | None = None


class NotMember(StrictModel):
    """A state that considered joining, recorded so it is not mistaken for a member."""

    state: str
    sources: list[str] = Field(min_length=1)
    note: str


class Agreement(StrictModel):
    """An interstate compact or agreement; null where a source does not say."""

    id: str
    name: str
    kind: Literal["compact", "agreement"]
    summary: str
    eligibility: str
    excludes_provisional: bool | None = None
    covers_school_librarians: bool | None = None
    covers_note: str
    military_spouse: bool | None = None
    sources: list[str] = Field(min_length=1)
    confidence: Confidence
    members: list[Member] = Field(default_factory=list)
    not_members: list[NotMember] = Field(default_factory=list)
    note: str | None = None

    def member(self, code: str) -> Member | None:
        """The state's membership, or None when it is not recorded as a member."""
        return next((m for m in self.members if m.state == code), None)


#: What a military-spouse provision gives, as the sources word it.
SpouseGift = Literal[
    "temporary_license",
    "expedited_review",
    "license_by_endorsement",
    "out_of_state_license_accepted",
    "extension",
    "fee_waiver",
]


class SpouseProvision(StrictModel):
    """One state's licensure provision for military spouses; null where no source says."""

    state: str
    name: str
    gives: list[SpouseGift] = Field(min_length=1)
    summary: str
    time_limit: str | None = None
    decision_within: str | None = None
    names_educator_licenses: bool | None = None
    covers_school_librarians: bool | None = None
    sources: list[str] = Field(min_length=1)
    confidence: Confidence
    note: str | None = None


class MobilityData(StrictModel):
    """Every agreement, the military-spouse provisions per state, and the sources they cite."""

    schema_version: Literal[1] = 1
    last_checked: dt.date
    sources: list[Source] = Field(min_length=1)
    agreements: list[Agreement] = Field(min_length=1)
    military_spouse: list[SpouseProvision] = Field(default_factory=list)

    def spouse_provision(self, code: str) -> SpouseProvision | None:
        """The state's military-spouse provision, or None when none is on record."""
        return next((p for p in self.military_spouse if p.state == code), None)

    @model_validator(mode="after")
    def _references(self) -> MobilityData:
        ensure_unique_ids(
            {
                "source": [s.id for s in self.sources],
                "agreement": [a.id for a in self.agreements],
            }
        )
        known = {s.id for s in self.sources}
        for agreement in self.agreements:
            cited = list(agreement.sources)
            states = [m.state for m in agreement.members] + [n.state for n in agreement.not_members]
            for member in agreement.members:
                cited += member.sources
            for other in agreement.not_members:
                cited += other.sources
            for source in cited:
                if source not in known:
                    raise ValueError(f"{agreement.id}: source {source!r} is not in sources")
            for state in states:
                if state not in JURISDICTIONS:
                    raise ValueError(f"{agreement.id}: {state!r} is not a state code")
            ensure_unique_ids({f"{agreement.id} state": states})
        for provision in self.military_spouse:
            if provision.state not in JURISDICTIONS:
                raise ValueError(f"military_spouse: {provision.state!r} is not a state code")
            for source in provision.sources:
                if source not in known:
                    raise ValueError(
                        f"military_spouse {provision.state}: source {source!r} is not in sources"
                    )
        ensure_unique_ids({"military_spouse state": [p.state for p in self.military_spouse]})
        return self


@functools.lru_cache(maxsize=4)
def load_mobility(data_dir: Path | None = None) -> MobilityData:
    """``data/mobility.yaml`` (or a fork's); DataError when invalid."""
    from lmspath.store.load import default_data_dir, load_schema

    base = data_dir or default_data_dir()
    path = base / "mobility.yaml"
    label = "data/mobility.yaml" if base == default_data_dir() else str(path)
    return load_schema(path, MobilityData, label)


def _agreement_note(
    agreement: Agreement, data: MobilityData, origin: str, rules: StateRules, kind: str | None
) -> MovingAgreement:
    agency = rules.agency.name
    by_id = {s.id: s for s in data.sources}
    sending, receiving = agreement.member(origin), agreement.member(rules.code)
    if agreement.members:
        if sending and receiving:
            applies = "both_members"
            words = f"{origin} and {rules.code} are both recorded as members"
            dates = [
                f"{m.state} enacted {m.enacted.isoformat()}"
                for m in (sending, receiving)
                if m.enacted
            ]
            if dates:
                words += f" ({'; '.join(dates)})"
        else:
            applies = "not_both_members"
            absent = [c for c, m in ((origin, sending), (rules.code, receiving)) if m is None]
            words = f"{' and '.join(absent)} not recorded as a member"
            notes = [f"{n.state}: {n.note}" for n in agreement.not_members if n.state in absent]
            if notes:
                words += " (" + " ".join(notes) + ")"
    else:
        applies = "not_confirmed"
        words = f"which states take part is not confirmed: check with {agency}"
    if agreement.excludes_provisional and kind == "provisional":
        applies = "excluded"
        words = "a provisional certificate is not eligible"
    if agreement.covers_school_librarians is None:
        covers = f"not confirmed: check with {agency}"
    else:
        covers = "yes" if agreement.covers_school_librarians else "no"
    return MovingAgreement(
        id=agreement.id,
        name=agreement.name,
        applies=applies,
        applies_words=words,
        covers_school_librarians=covers,
        summary=agreement.summary,
        conditions=agreement.eligibility,
        note=agreement.covers_note,
        confidence=agreement.confidence,
        sources=[source_ref(by_id[s]) for s in agreement.sources],
    )


_GIFTS = {
    "temporary_license": "a temporary license",
    "expedited_review": "an expedited review",
    "license_by_endorsement": "a license by endorsement",
    "out_of_state_license_accepted": "teaching on the other state's license",
    "extension": "an extension of a certificate",
    "fee_waiver": "waived fees",
}


def _yes_no(value: bool | None, agency: str) -> str:
    if value is None:
        return f"not confirmed: check with {agency}"
    return "yes" if value else "no"


def _spouse_note(data: MobilityData, rules: StateRules) -> MovingSpouse:
    """The destination's military-spouse provision, or a 'not confirmed' entry."""
    agency = rules.agency.name
    provision = data.spouse_provision(rules.code)
    if provision is None:
        return MovingSpouse(
            state=rules.code,
            on_record=False,
            words=(
                f"no provision for military spouses in {rules.code} is on record: "
                f"not confirmed: check with {agency}"
            ),
            covers_school_librarians=f"not confirmed: check with {agency}",
            names_educator_licenses=f"not confirmed: check with {agency}",
        )
    by_id = {s.id: s for s in data.sources}
    gives = [_GIFTS[g] for g in provision.gives]
    words = f"{provision.name}: {provision.summary}"
    if provision.time_limit:
        words += f" Time limit: {provision.time_limit}."
    if provision.decision_within:
        words += f" Decision within: {provision.decision_within}."
    return MovingSpouse(
        state=rules.code,
        on_record=True,
        name=provision.name,
        gives=gives,
        summary=provision.summary,
        time_limit=provision.time_limit,
        decision_within=provision.decision_within,
        names_educator_licenses=_yes_no(provision.names_educator_licenses, agency),
        covers_school_librarians=_yes_no(provision.covers_school_librarians, agency),
        words=words,
        note=provision.note,
        confidence=provision.confidence,
        sources=[source_ref(by_id[s]) for s in provision.sources],
    )


def moving_note(
    profile: Profile, rules: StateRules, pathways: list[PathwayResult], data: MobilityData
) -> MovingNote | None:
    """For a holder of another state's certificate: the destination's route for them, what it
    adds, and the agreements that may help. None for everyone else."""
    origin = profile.library_certificate_state
    if origin is None or origin in {"none", rules.code}:
        return None
    kind = profile.library_certificate_kind
    route = next((p for p in pathways if p.audience == "out_of_state"), None)
    adds: list[str] = []
    if route is not None:
        for req in route.requirements:
            if req.status != "met":
                adds.append(req.text + (" (confirm yourself)" if req.manual else ""))
    cautions: list[str] = []
    if kind == "provisional":
        cautions.append(
            "A provisional certificate is excluded from the compact and from out-of-state "
            "routes here; the routes for new applicants apply."
        )
    elif kind is None:
        cautions.append(
            "Whether your certificate is a full (standard) or a provisional one is not given; "
            "out-of-state routes usually need a full one."
        )
    return MovingNote(
        from_state=origin,
        to_state=rules.code,
        certificate_kind=kind,
        certificate_years=profile.library_certificate_years,
        route=route.id if route is not None else None,
        route_name=route.name if route is not None else None,
        route_open=route is not None and kind != "provisional",
        destination_adds=adds,
        reciprocity=rules.reciprocity.text if rules.reciprocity is not None else None,
        agreements=[_agreement_note(a, data, origin, rules, kind) for a in data.agreements],
        cautions=cautions,
        agency=rules.agency.name,
        military_spouse=_spouse_note(data, rules),
    )
