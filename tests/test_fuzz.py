"""Bounded fuzz of profiles and intakes through the real CLI (in-process, a few seconds each).

Whatever the file holds: no traceback; the contract's exit code; a failure is one printable
``Error:`` line; and for an intake, rows in = rows scored + rows rejected.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings, strategies as st
from typer.testing import CliRunner

from lmspath.cli import get_app
from lmspath.model.profile import FIELDS

runner = CliRunner()
FUZZ = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)

#: Characters that have broken CLIs before: line breaks, terminal escapes, quotes, separators,
#: markup, and letters beyond ASCII.
_NASTY = "aZ09 _-.,;:|\t\r\n\"'\\<>&[]()`*#=+@\x1b\x07\x0b\x85\u2028éü€\u202e\U00020000"
_TYPICAL = [
    "TX", "Texas", "tx", "ZZ", "", "yes", "no", "in_progress", "maybe", "4", "2.5", "-1", "abc",
    "61", "1e400", "nan", "praxis-5312:158", "texes-150", "praxis 9999", "Destiny; Canva",
    "library_science", "none", "active", "complete",
]  # fmt: skip

_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**450), max_value=10**450),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(_TYPICAL),
    st.text(_NASTY, max_size=12),
)
_value = st.recursive(
    _scalar,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=6,
)
_key = st.one_of(st.sampled_from(FIELDS), st.text(_NASTY, min_size=1, max_size=12))


def _assert_one_error_line(err: str) -> None:
    # Notes say what a lenient reading made of a value (never an error); then one error line.
    notes = [line for line in err.splitlines() if line.startswith("Note: ")]
    assert all(line.isprintable() for line in notes), err
    lines = [line for line in err.splitlines() if not line.startswith("Note: ")]
    assert len(lines) == 1, err
    assert lines[0].startswith("Error: "), err
    assert lines[0].isprintable(), repr(lines[0])


@st.composite
def profile_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A profile file's name and bytes: a mapping dumped as YAML or JSON, or raw text."""
    data = draw(st.dictionaries(_key, _value, max_size=6))
    if draw(st.booleans()):
        data.setdefault("state", draw(st.sampled_from(["TX", "NY", "Ohio", "zz"])))
    form = draw(st.sampled_from(["yaml", "json", "raw"]))
    if form == "json":
        text = json.dumps(data, default=str)
    elif form == "yaml":
        text = yaml.safe_dump(data, allow_unicode=True)
    else:
        text = draw(st.text(_NASTY + "{}!&*%?|>", max_size=60))
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-16"]))
    return f"p.{'json' if form == 'json' else 'yaml'}", text.encode(encoding, "surrogatepass")


@FUZZ
@given(profile_files())
def test_any_profile_gives_a_report_or_one_error_line(case: tuple[str, bytes]) -> None:
    name, data = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        result = runner.invoke(get_app(), ["assess", "--profile", str(path), "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert result.exit_code in {0, 3}, result.stderr
    if result.exit_code == 0:
        assert json.loads(result.stdout)["verdict"] in {"eligible", "not_yet", "cannot_tell"}
    else:
        _assert_one_error_line(result.stderr)


_CELLS = {
    "state": ["TX", "tx", "Texas", "", "ZZ", "New York", " OH "],
    "bachelor": ["yes", "no", "maybe", ""],
    "teaching_years": ["", "3", "abc", "1" + "0" * 400, "-2", "1,5"],
    "exams": ["", "texes-150:250", "nope", "praxis-5312; texes-150"],
    "skills": ["", "<script>x</script>", "cataloging; reading"],
}


@st.composite
def intake_files(draw: st.DrawFn) -> tuple[bytes, int, bool]:
    """An intake's bytes, how many non-blank records follow the header, and whether any of its
    bytes is NUL (then the whole file may be refused)."""
    others = draw(st.lists(st.sampled_from(sorted(_CELLS)), unique=True, max_size=4))
    columns = ["client_id", *others] if "state" in others else ["client_id", "state", *others]
    columns = draw(st.permutations(columns))
    if draw(st.integers(0, 5)) == 0:
        columns = [*columns, draw(st.text(_NASTY, max_size=6))]  # an unknown (or blank) column
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    terminator = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=terminator)
    # A cell holding a line break is quoted, whatever the file's own line ends (a bare \r or
    # \n in an unquoted cell ends the record for every CSV reader).
    quoted = csv.writer(out, delimiter=delimiter, lineterminator=terminator, quoting=csv.QUOTE_ALL)
    # A header cell with a line break is quoted too: csv.writer quotes only the characters of
    # its own line terminator, so a bare \n in a \r-terminated file would split the header.
    if any(ch in cell for cell in columns for ch in "\r\n\x0b\x85\u2028"):
        quoted.writerow(columns)
    else:
        writer.writerow(columns)
    records = 0
    for _ in range(draw(st.integers(0, 8))):
        cells = [
            draw(st.sampled_from(_CELLS[name]) | st.text(_NASTY, max_size=6))
            if name in _CELLS
            else draw(st.text(_NASTY, max_size=8))
            for name in columns
        ]
        if draw(st.integers(0, 6)) == 0:
            cells = cells[:-1] or [""]  # a short row
        if any(ch in cell for cell in cells for ch in "\r\n\x0b\x85\u2028"):
            quoted.writerow(cells)
        else:
            writer.writerow(cells)
        if "".join(cells).strip():
            records += 1
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
    data = out.getvalue().encode(encoding, "surrogatepass")
    return data, records, b"\x00" in out.getvalue().encode("utf-8")


@FUZZ
@given(intake_files(), st.booleans())
def test_any_intake_accounts_for_every_row(case: tuple[bytes, int, bool], errors: bool) -> None:
    data, records, _ = case
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        intake = base / "in.csv"
        intake.write_bytes(data)
        args = ["batch", str(intake), "--output", str(base / "r.csv")]
        if errors:
            args += ["--errors", str(base / "e.csv")]
        result = runner.invoke(get_app(), args)
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(
            result.exception
        )
        assert result.exit_code in {0, 1, 3}, result.stderr
        if result.exit_code == 3:
            # The file as a whole is unusable (a broken header): one line, and nothing written.
            _assert_one_error_line(result.stderr)
            assert sorted(p.name for p in base.iterdir()) == ["in.csv"]
            return
        lines = result.stderr.splitlines()
        assert all(line.isprintable() for line in lines), result.stderr
        assert all(line.startswith(("Warning: ", "Error: ")) for line in lines[:-1]), result.stderr
        with open(base / "r.csv", encoding="utf-8", newline="") as handle:
            scored = len(list(csv.DictReader(handle)))
        rejected = records - scored
        noun = "row" if records == 1 else "rows"
        assert lines[-1].startswith(
            f"{records:,} {noun}: {scored:,} scored, {rejected:,} rejected"
        ), result.stderr
        assert result.exit_code == (1 if rejected else 0)
        if errors:
            with open(base / "e.csv", encoding="utf-8", newline="") as handle:
                assert len({row["line"] for row in csv.DictReader(handle)}) == rejected
