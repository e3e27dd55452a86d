"""`lmspath compare`: the tile map's data, the ranking order, every format, bad input."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lmspath.cli import get_app
from lmspath.engine.compare import ranked, tile_label
from lmspath.errors import DataError
from lmspath.model.compare import StateRow
from lmspath.model.states import JURISDICTIONS
from lmspath.render.compare_view import map_text, render_terminal
from lmspath.render.console import render_plain
from lmspath.store.load import available_states, load_schema
from lmspath.store.tiles import TileMap, load_tiles

from .conftest import Golden
from .helpers import validated

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "teacher-tx.yaml"
runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(get_app(), list(args))
    return result.exit_code, result.stdout, result.stderr


def test_every_jurisdiction_has_exactly_one_tile() -> None:
    tiles = load_tiles()
    codes = [t.code for t in tiles.tiles]
    assert len(codes) == 51
    assert sorted(codes) == sorted(JURISDICTIONS)
    assert "MT" in codes
    assert codes.count("MN") == 1
    cells = {(t.row, t.col) for t in tiles.tiles}
    assert len(cells) == 51


def test_the_npr_layout_as_published_is_refused(tmp_path: Path) -> None:
    """The public NPR file lists MN twice and has no MT: loading it must fail, naming both."""
    text = (ROOT / "data" / "tiles.yaml").read_text(encoding="utf-8")
    broken = text.replace("{code: MT, row: 2, col: 3}", "{code: MN, row: 2, col: 3}")
    assert broken != text
    path = tmp_path / "tiles.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(DataError, match="MN appears 2 times"):
        load_schema(path, TileMap)
    missing = text.replace("  - {code: MT, row: 2, col: 3}\n", "")
    path.write_text(missing, encoding="utf-8")
    with pytest.raises(DataError, match="no tile for MT"):
        load_schema(path, TileMap)


def _row(
    state: str,
    verdict: str = "not_yet",
    months: tuple[float, float] | None = (12, 24),
    complete: bool = True,
    cost: tuple[float, float] | None = (1000, 2000),
) -> StateRow:
    return validated(
        StateRow,
        {
            "rank": 0,
            "state": state,
            "name": state,
            "verdict": verdict,
            "best_pathway": "p",
            "best_pathway_name": "P",
            "months": months,
            "months_complete": complete,
            "unestimated": [] if complete else ["Renew your teaching license"],
            "cost_usd": cost,
            "remaining_steps": 2,
            "next_step": "x",
            "needs_teaching_license": False,
            "needs_master": False,
            "needs_exam": True,
            "confidence": "high",
            "data_checked": "2026-11-24",
            "agency": "A",
        },
    )


def test_ranking_by_verdict_then_complete_months_then_cost() -> None:
    rows = [
        _row("AA", months=(6, 12), complete=False),  # shorter, but its total is a lower bound
        _row("BB", months=(12, 36)),
        _row("CC", months=(12, 24), cost=(500, 900)),
        _row("DD", months=(12, 24), cost=(500, 5000)),
        _row("EE", verdict="cannot_tell", months=(40, 60)),
        _row("FF", verdict="eligible", months=None, cost=(75, 75)),
        _row("GG", months=(12, 24), cost=None),  # unknown cost after known costs
    ]
    order = [r.state for r in ranked(rows)]
    assert order == ["FF", "EE", "CC", "DD", "GG", "BB", "AA"]
    assert [r.rank for r in ranked(rows)] == [1, 2, 3, 4, 5, 6, 7]


def test_tile_labels_say_what_the_total_is() -> None:
    assert tile_label(_row("AA", verdict="eligible")) == "now"
    assert tile_label(_row("AA", months=(12, 36))) == "36"
    assert tile_label(_row("AA", months=(12, 36), complete=False)) == "36+"
    assert tile_label(_row("AA", verdict="cannot_tell", months=(12, 24))) == "24?"
    assert tile_label(_row("AA", months=None)) == "<1"
    assert tile_label(None) == "--"


def test_compare_markdown_for_three_states_is_ranked_with_a_map() -> None:
    code, out, err = invoke(
        "compare", "--profile", str(EXAMPLE), "--states", "tx,Oklahoma,NM", "-f", "markdown"
    )
    assert code == 0, err
    table = [line for line in out.splitlines() if line.startswith("| ") and "(" in line]
    assert len(table) == 3
    assert "## Map" in out
    assert "```text" in out
    assert " TX " in out
    assert " --" in out  # states not compared are marked


def test_compare_json_has_every_state_ranked_and_every_tile() -> None:
    code, out, err = invoke("compare", "--profile", str(EXAMPLE), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    states = data["states"]
    assert len(states) == len(available_states()) == 51
    assert [s["rank"] for s in states] == list(range(1, 52))
    assert len(data["map"]["tiles"]) == 51
    # The order is the documented one: verdict, complete totals first, months, cost.
    verdicts = {"eligible": 0, "cannot_tell": 1, "not_yet": 2}
    keys = [
        (
            verdicts[s["verdict"]],
            0 if s["months_complete"] else 1,
            (s["months"] or [0, 0])[1],
            (s["months"] or [0, 0])[0],
            (s["cost_usd"] or [0, float("inf")])[1],
        )
        for s in states
    ]
    assert keys == sorted(keys)
    tx = next(s for s in states if s["state"] == "TX")
    assert tx["needs_master"] is True
    assert tx["needs_exam"] is True
    assert tx["needs_teaching_license"] is False  # the example holds an active TX license


def test_compare_csv_written_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "states.csv"
    code, _, err = invoke("compare", "--profile", str(EXAMPLE), "--output", str(target))
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(rows) == 51
    assert {"rank", "state", "months_complete", "next_step", "tile_row"} <= set(rows[0])


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--states", "TX,ZZ"], "Error: --states: unknown state 'ZZ'"),
        (["--states", "TX,Okla"], "did you mean OK (Oklahoma)?"),
        (["--format", "html"], "Error: --format: 'html' is not one of"),
        (["--output", "x.pdf"], "cannot tell the format"),
    ],
)
def test_compare_bad_input_is_one_line_exit_3(args: list[str], expected: str) -> None:
    code, _, err = invoke("compare", "--profile", str(EXAMPLE), *args)
    assert code == 3
    assert expected in err
    assert len(err.strip().splitlines()) == 1


def test_map_golden_at_80_columns_without_colour(golden: Golden) -> None:
    from lmspath.api.compare import compare
    from lmspath.store.load import exam_index
    from lmspath.store.profile_file import read_profile

    from .helpers import TODAY

    person = read_profile(EXAMPLE, exam_index())
    rows = compare(person, available_states(), today=TODAY)
    text = render_plain(render_terminal(rows, load_tiles()), 80)
    assert all(len(line) <= 80 for line in text.splitlines())
    assert map_text(rows, load_tiles()).splitlines()[0].strip() in text
    golden.check("compare/teacher-tx-80.txt", text)


def test_compare_subprocess_no_color_fits_80_columns() -> None:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "80", "TERM": "xterm-256color"}
    done = subprocess.run(
        [sys.executable, "-m", "lmspath", "compare", "--profile", str(EXAMPLE)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "\x1b[" not in done.stdout
    assert max(len(line) for line in done.stdout.splitlines()) <= 80
    assert " TX " in done.stdout
    assert " MT " in done.stdout


def test_markdown_golden_for_three_states(golden: Golden) -> None:
    code, out, err = invoke(
        "compare", "--profile", str(EXAMPLE), "--states", "TX,OK,NM", "--format", "markdown"
    )
    assert code == 0, err
    golden.check("compare/teacher-tx-tx-ok-nm.md", out)
