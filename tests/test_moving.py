"""Moving with a certificate: out-of-state routes open to a holder of another state's certificate,
the move section with the compact and NASDTEC (data/mobility.yaml), and bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from lmspath.cli import get_app
from lmspath.engine.assess import decide
from lmspath.engine.compiled import CompiledState
from lmspath.errors import DataError
from lmspath.store.load import load_estimates, load_exams, load_schema, load_state
from lmspath.store.mobility import MobilityData, load_mobility

from .helpers import profile, run

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()

#: A school librarian certified by exam on a bachelor's (as Florida allows), with a full teaching
#: license and years in the library but no master's or program; only the certificate's state
#: changes between cases.
CERTIFIED: dict[str, object] = {
    "bachelor": "yes",
    "master": "no",
    "school_library_program": "no",
    "teaching_license_status": "active",
    "teaching_years": 3,
    "school_library_years": 4,
    "background_check": "yes",
    "library_certificate_kind": "full",
    "library_certificate_years": 4,
}

#: (from, to): the destination's out-of-state route (audience out_of_state in
#: data/requirements/<to>.yaml) cites its sources; the test checks every requirement does.
PAIRS = [("FL", "TX"), ("TX", "CA"), ("OK", "MI"), ("CO", "UT"), ("NY", "GA"), ("KS", "MD")]


@pytest.mark.parametrize(("origin", "target"), PAIRS, ids=[f"{a}-to-{b}" for a, b in PAIRS])
def test_out_of_state_route_opens_for_a_holder_only(origin: str, target: str) -> None:
    rules = load_state(target)
    index = next(i for i, p in enumerate(rules.pathways) if p.audience == "out_of_state")
    route = rules.pathways[index]
    assert all(r.sources for r in route.requirements)
    cited = {s.id: s for s in rules.sources}
    assert all(s in cited for r in route.requirements for s in r.sources)
    holder = profile(state=target, library_certificate_state=origin, **CERTIFIED)
    stranger = profile(state=target, **CERTIFIED)
    provisional = profile(
        state=target,
        library_certificate_state=origin,
        **{**CERTIFIED, "library_certificate_kind": "provisional"},
    )
    compiled = CompiledState(rules, load_estimates(), load_exams())
    assert decide(holder, compiled).reach[index] is True
    assert decide(stranger, compiled).reach[index] is False
    assert decide(provisional, compiled).reach[index] is False
    # Without the certificate the route is never chosen; with it, it is ranked among the routes
    # open to the person (before every route that is not).
    assert decide(stranger, compiled).best != index
    order = decide(holder, compiled).order
    closed = [
        i for i, p in enumerate(rules.pathways) if p.audience not in {"general", "out_of_state"}
    ]
    assert all(order.index(index) < order.index(i) for i in closed)
    result = run(target, state=target, library_certificate_state=origin, **CERTIFIED)
    assert "only for holders of another state's certificate" not in result.best_reason


def test_fl_holder_moving_to_tx_takes_the_out_of_state_route() -> None:
    """TX (data/requirements/TX.yaml, source tea-out-of-state-2013): a holder of another state's
    certificate gets a review of credentials and passes TExES 150 during a one-year certificate."""
    holder = run("TX", state="TX", library_certificate_state="FL", **CERTIFIED)
    assert holder.best_pathway == "out-of-state"
    kinds = [s.kind for s in holder.plan.steps]
    assert "master" not in kinds
    assert "teaching_license" not in kinds
    assert "exam" in kinds  # TX adds its own exam
    provisional = run(
        "TX",
        state="TX",
        library_certificate_state="FL",
        **{**CERTIFIED, "library_certificate_kind": "provisional"},
    )
    assert provisional.best_pathway != "out-of-state"
    assert (
        "yours is provisional" in provisional.best_reason
        or provisional.best_pathway != "out-of-state"
    )


def _assess(tmp_path: Path, target: str, origin: str, *args: str) -> tuple[int, Any, str]:
    data = {"state": target, "library_certificate_state": origin, **CERTIFIED}
    path = tmp_path / "me.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = runner.invoke(get_app(), ["assess", "--profile", str(path), "-f", "json", *args])
    body = json.loads(result.stdout) if result.exit_code == 0 else None
    return result.exit_code, body, result.stderr


def test_moving_section_for_two_compact_members(tmp_path: Path) -> None:
    """CO and OK are among the first ten ITMC members (Education Week, 2023-07-10)."""
    code, body, err = _assess(tmp_path, "OK", "CO")
    assert code == 0, err
    moving = body["moving"]
    assert moving["from_state"] == "CO"
    itmc = next(a for a in moving["agreements"] if a["id"] == "itmc")
    assert itmc["applies"] == "both_members"
    assert "2023-03-10" in itmc["applies_words"]  # Colorado's enactment date
    assert itmc["covers_school_librarians"].startswith("not confirmed: check with ")
    nasdtec = next(a for a in moving["agreements"] if a["id"] == "nasdtec")
    assert nasdtec["applies"] == "not_confirmed"
    assert "does not guarantee a full license" in nasdtec["conditions"]


def test_moving_section_when_the_destination_is_not_a_member(tmp_path: Path) -> None:
    code, body, err = _assess(tmp_path, "TX", "FL")
    assert code == 0, err
    itmc = next(a for a in body["moving"]["agreements"] if a["id"] == "itmc")
    assert itmc["applies"] == "not_both_members"
    assert "TX not recorded as a member" in itmc["applies_words"]
    assert body["moving"]["route"] == "out-of-state"
    assert "one-year non-renewable" in body["moving"]["reciprocity"]
    assert body["best_pathway"] == "out-of-state"


def test_no_moving_section_without_a_certificate(tmp_path: Path) -> None:
    code, body, err = _assess(tmp_path, "TX", "none")
    assert code == 0, err
    assert body["moving"] is None


def test_certificate_state_equal_to_target_is_refused(tmp_path: Path) -> None:
    code, _, err = _assess(tmp_path, "TX", "TX")
    assert code == 3
    assert err.startswith("Error: library_certificate_state: TX is the state being assessed")
    assert len(err.strip().splitlines()) == 1


def test_markdown_report_shows_the_move(tmp_path: Path) -> None:
    data = {"state": "UT", "library_certificate_state": "CO", **CERTIFIED}
    path = tmp_path / "me.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = runner.invoke(get_app(), ["assess", "--profile", str(path), "-f", "markdown"])
    assert result.exit_code == 0, result.stderr
    assert "## Moving with your certificate" in result.stdout
    assert (
        "Interstate Teacher Mobility Compact (ITMC): CO and UT are both recorded" in result.stdout
    )


def test_assume_a_certificate_flips_the_route() -> None:
    example = ROOT / "examples" / "teacher-tx.yaml"
    result = runner.invoke(
        get_app(),
        ["assess", "-p", str(example), "-f", "json", "-a", "library_certificate_state=FL"],
    )
    assert result.exit_code == 0, result.stderr
    body = json.loads(result.stdout)
    assert body["what_if"]["best_pathway_after"] == "out-of-state"
    assert body["what_if"]["best_pathway_before"] != "out-of-state"


def test_shipped_mobility_data_is_valid_and_cited() -> None:
    data = load_mobility()
    itmc = next(a for a in data.agreements if a.id == "itmc")
    charter = {"AL", "CO", "FL", "KS", "KY", "NV", "NE", "OK", "OR", "UT"}
    assert charter <= {m.state for m in itmc.members}
    assert itmc.covers_school_librarians is None  # not confirmed by any source read
    assert itmc.excludes_provisional is True


def test_mobility_data_with_an_unknown_source_is_refused(tmp_path: Path) -> None:
    text = (ROOT / "data" / "mobility.yaml").read_text(encoding="utf-8")
    path = tmp_path / "mobility.yaml"
    path.write_text(
        text.replace("sources: [nasdtec-interstate]", "sources: [nowhere]"), encoding="utf-8"
    )
    with pytest.raises(DataError, match="source 'nowhere' is not in sources"):
        load_schema(path, MobilityData)


def test_data_check_validates_mobility_and_tiles(tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "data"
    shutil.copytree(ROOT / "data", copy)
    ok = runner.invoke(get_app(), ["data", "check", str(copy)])
    assert ok.exit_code == 0, ok.stderr
    mobility = copy / "mobility.yaml"
    mobility.write_text(
        mobility.read_text(encoding="utf-8").replace("state: CO\n", "state: XX\n"), encoding="utf-8"
    )
    tiles = copy / "tiles.yaml"
    tiles.write_text(
        tiles.read_text(encoding="utf-8").replace("{code: MT,", "{code: MN,"), encoding="utf-8"
    )
    bad = runner.invoke(get_app(), ["data", "check", str(copy)])
    assert bad.exit_code == 4
    assert "mobility.yaml" in bad.stderr
    assert "'XX' is not a state code" in bad.stderr
    assert "MN appears 2 times" in bad.stderr


def test_batch_rows_differing_only_in_the_certificate_are_not_shared(tmp_path: Path) -> None:
    """The batch scorer memoises decisions per situation; holding a certificate is part of it."""
    import csv

    header = ["client_id", "state", "bachelor", "master", "school_library_program",
              "teaching_license_status", "teaching_years", "school_library_years",
              "library_certificate_state", "library_certificate_kind"]  # fmt: skip
    rows = [
        ["a", "TX", "yes", "no", "no", "active", "3", "4", "", ""],
        ["b", "TX", "yes", "no", "no", "active", "3", "4", "FL", "full"],
        ["c", "TX", "yes", "no", "no", "active", "3", "4", "FL", "provisional"],
    ]
    intake = tmp_path / "intake.csv"
    with intake.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([header, *rows])
    out = tmp_path / "results.csv"
    result = runner.invoke(get_app(), ["batch", str(intake), "--output", str(out)])
    assert result.exit_code == 0, result.stderr
    best = {r["client_id"]: r["best_pathway"] for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert best["b"] == "out-of-state"
    assert best["a"] != "out-of-state"
    assert best["c"] != "out-of-state"


def test_compare_for_a_holder_ranks_destinations_with_their_routes_open(tmp_path: Path) -> None:
    data = {"state": "FL", "library_certificate_state": "FL", **CERTIFIED}
    holder = tmp_path / "holder.yaml"
    holder.write_text(yaml.safe_dump(data), encoding="utf-8")
    data.pop("library_certificate_state")
    stranger = tmp_path / "stranger.yaml"
    stranger.write_text(yaml.safe_dump(data), encoding="utf-8")

    def states(path: Path) -> dict[str, Any]:
        result = runner.invoke(get_app(), ["compare", "-p", str(path), "-f", "json"])
        assert result.exit_code == 0, result.stderr
        return {s["state"]: s for s in json.loads(result.stdout)["states"]}

    moved, stayed = states(holder), states(stranger)
    assert moved["FL"]["holds_certificate"] is True
    assert moved["FL"]["tile_label"] == "own"
    assert moved["AZ"]["best_pathway"] == _route("AZ")  # out-of-state route, now open
    assert stayed["AZ"]["best_pathway"] != _route("AZ")
    assert moved["OK"]["compact"] == "both_members"  # FL and OK: first ITMC members
    assert moved["TX"]["compact"] == "not_both_members"
    assert stayed["OK"]["compact"] is None


def _route(code: str) -> str:
    return next(p.id for p in load_state(code).pathways if p.audience == "out_of_state")


def test_assumed_certificate_from_the_target_state_is_refused() -> None:
    example = ROOT / "examples" / "teacher-tx.yaml"
    result = runner.invoke(
        get_app(), ["assess", "-p", str(example), "-a", "library_certificate_state=Texas"]
    )
    assert result.exit_code == 3
    assert "library_certificate_state: TX is the state being assessed" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_state_with_a_pending_bill_says_so(tmp_path: Path) -> None:
    """CA had a compact bill pending in July 2023 (ACTE); its enactment was not confirmed."""
    code, body, err = _assess(tmp_path, "CA", "CO")
    assert code == 0, err
    itmc = next(a for a in body["moving"]["agreements"] if a["id"] == "itmc")
    assert itmc["applies"] == "not_both_members"
    assert "CA: Legislation pending in July 2023; enactment not confirmed." in itmc["applies_words"]
