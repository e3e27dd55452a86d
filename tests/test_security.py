"""Hostile input and faults (issue 18): one test (or a few) per finding of the security review.

The cache findings (F0, F0b) are in test_cache.py. The numbers below are the issue's.
"""

from __future__ import annotations

import csv
import json
import os
import resource
import signal
import stat
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lmspath.batch.cohort import CohortMeta, CohortTally, RuleRef, render_cohort
from lmspath.batch.run import safe_stem
from lmspath.cli import get_app
from tests.helpers import default_sigint

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "teacher-tx.yaml"
runner = CliRunner()
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NOBODY = 65534


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(get_app(), list(args))
    return result.exit_code, result.stdout, result.stderr


def run_cli(*args: str, timeout: float = 60, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """``python -m lmspath ARGS`` in a real process (output captured unless redirected)."""
    if "stdout" not in kwargs and "stderr" not in kwargs:
        kwargs["capture_output"] = True
    proc: subprocess.CompletedProcess[str] = subprocess.run(
        [sys.executable, "-m", "lmspath", *args], text=True, timeout=timeout, **kwargs
    )
    return proc


def one_error_line(err: str) -> str:
    """The single ``Error:`` line of a stderr; fails on anything else (a traceback, a box)."""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("Error: "), err
    assert "Traceback" not in err
    assert lines[0].isprintable(), repr(lines[0])
    return lines[0]


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def dead_pid() -> int:
    """The id of a process that has just ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def as_nobody() -> None:
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A world-writable folder outside root's private pytest tree (as /tmp or a team share)."""
    folder = Path(tempfile.mkdtemp(prefix="lmspath-shared-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        subprocess.run(["rm", "-rf", str(folder)], check=False)


# --- 2. one client id stops a whole batch ------------------------------------------------------


@pytest.mark.parametrize(
    "client_id",
    ["\U00020000" * 64, "한" * 80, "é" * 80, "\U00010400" * 70, "x" * 5000],
    ids=["cjk-ext-b", "hangul", "accents", "deseret", "long-ascii"],
)
def test_a_plan_stem_fits_the_name_limit_in_bytes(client_id: str) -> None:
    stem = safe_stem(client_id)
    assert stem
    # NFD: the form macOS stores names in, the longest of the forms.
    assert len(unicodedata.normalize("NFD", f"{stem}-line4294967295.md").encode()) <= 255


def test_a_long_cjk_client_id_gets_its_plan_and_stops_nobody(tmp_path: Path) -> None:
    intake = tmp_path / "in.csv"
    intake.write_text(f"client_id,state\nA,TX\n{chr(0x20000) * 64},TX\nB,TX\n", encoding="utf-8")
    code, _, err = invoke(
        "batch", str(intake), "--output", str(tmp_path / "r.csv"), "--plans", str(tmp_path / "p")
    )
    assert code == 0, err
    assert len(read_rows(tmp_path / "r.csv")) == 3
    plans = sorted(p.name for p in (tmp_path / "p").iterdir())
    assert len(plans) == 3
    assert all(len(name.encode()) <= 255 for name in plans)


def test_a_plan_that_cannot_be_written_is_that_rows_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import lmspath.batch.run

    # As the old code did: no byte limit, so the name is too long for the file system.
    monkeypatch.setattr(lmspath.batch.run, "_MAX_STEM_BYTES", 100_000)
    intake = tmp_path / "in.csv"
    intake.write_text(f"client_id,state\nA,TX\n{chr(0x20000) * 70},TX\nB,TX\n", encoding="utf-8")
    code, _, err = invoke(
        "batch", str(intake), "--output", str(tmp_path / "r.csv"),
        "--errors", str(tmp_path / "e.csv"), "--plans", str(tmp_path / "p"),
    )  # fmt: skip
    assert code == 1, err
    assert [r["client_id"] for r in read_rows(tmp_path / "r.csv")] == ["A", "B"]
    (error,) = read_rows(tmp_path / "e.csv")
    assert error["line"] == "3"
    assert error["field"] == "plan_file"
    assert "the plan file cannot be written" in error["problem"]
    assert sorted(p.name for p in (tmp_path / "p").iterdir()) == ["A.md", "B.md"]


# --- 3. tracebacks instead of one line ----------------------------------------------------------

_BIG = "1" + "0" * 400


@pytest.mark.parametrize(
    "field", ["teaching_years", "school_library_years", "library_credit_hours", "practicum_hours"]
)
@pytest.mark.parametrize("kind", ["yaml", "json"])
def test_a_400_digit_number_is_more_than_the_limit(tmp_path: Path, field: str, kind: str) -> None:
    path = tmp_path / f"p.{kind}"
    if kind == "json":
        path.write_text(f'{{"state": "TX", "{field}": {_BIG}}}', encoding="utf-8")
    else:
        path.write_text(f"state: TX\n{field}: {_BIG}\n", encoding="utf-8")
    code, _, err = invoke("assess", "--profile", str(path))
    assert code == 3
    assert f"{field}: '1000" in one_error_line(err)
    assert "is more than" in err


def test_a_5000_digit_number_anywhere_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("state: TX\nnotes: " + "9" * 5000 + "\n", encoding="utf-8")
    code, _, err = invoke("assess", "--profile", str(path))
    assert code == 3
    assert "line 2: cannot read this value (a number with more than 4,300 digits)" in (
        one_error_line(err)
    )


def test_data_check_reports_a_5000_digit_number_without_a_traceback(tmp_path: Path) -> None:
    data = _data_copy(tmp_path)
    tx = data / "requirements" / "TX.yaml"
    text = tx.read_text(encoding="utf-8")
    tx.write_text(text.replace("cut_score: 240", "cut_score: " + "9" * 5000, 1), encoding="utf-8")
    code, _, err = invoke("data", "check", str(data))
    assert code == 4
    assert "Traceback" not in err
    assert "TX.yaml: line" in err
    assert "more than 4,300 digits" in err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize(
    "args",
    [
        ["assess", "--profile", str(EXAMPLE), "--format", "json"],
        ["assess", "--profile", str(EXAMPLE)],
        ["states", "--format", "csv"],
    ],
    ids=["assess-json", "assess-terminal", "states-csv"],
)
def test_a_full_standard_output_is_one_line_and_exit_3(args: list[str]) -> None:
    with open("/dev/full", "w") as full:  # writing to it is safe; it is never replaced
        proc = run_cli(*args, stdout=full, stderr=subprocess.PIPE)
    assert proc.returncode == 3
    assert one_error_line(proc.stderr) == (
        "Error: standard output: cannot write (No space left on device)"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "no profile given and this is not a terminal"),
        (["--profile", str(EXAMPLE), "--ask-missing"], "--ask-missing needs a terminal"),
    ],
    ids=["questionnaire", "ask-missing"],
)
def test_a_closed_standard_input_is_not_a_terminal(args: list[str], message: str) -> None:
    proc = run_cli("assess", *args, stdin=None, preexec_fn=lambda: os.close(0))
    assert proc.returncode == 3
    assert message in one_error_line(proc.stderr)


@pytest.mark.parametrize("hook", ["cli.get_app", "fast.parse"], ids=["typer", "fast-path"])
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_during_start_up_is_a_clean_interrupt(sig: signal.Signals, hook: str) -> None:
    """The signal lands while typer and the commands are still loading (`states --full=no`
    goes to typer), or while the typer-free dispatcher reads the arguments (`states`)."""
    args = "['states', '--full=no']" if hook == "cli.get_app" else "['states']"
    code = (
        "import os, signal, lmspath.cli as cli, lmspath.cli.fast as fast\n"
        f"{hook} = lambda *_: os.kill(os.getpid(), {int(sig)})\n"
        f"cli.main({args})\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=default_sigint,
    )
    assert proc.returncode == 130
    assert one_error_line(proc.stderr) == "Error: interrupted"


def test_killed_parent_leaves_no_worker_tracebacks(tmp_path: Path) -> None:
    intake = tmp_path / "intake.csv"
    # One chunk, every row a different profile: each worker scores for a second or so.
    rows = [f"C{n},TX,yes,no,{n % 50},{n}" for n in range(400)]
    intake.write_text(
        "client_id,state,bachelor,master,teaching_years,practicum_hours\n" + "\n".join(rows),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    out.mkdir()
    child = subprocess.Popen(
        [
            sys.executable, "-m", "lmspath", "batch", str(intake), "--output", str(out / "r.csv"),
            "--plans", str(out / "plans"), "--jobs", "2",
        ],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and child.poll() is None:
        if len(list(out.glob("plans/.lmspath-staging-*/*.md"))) >= 4:
            break  # the workers are scoring
        time.sleep(0.01)
    assert child.poll() is None, "the run should still be scoring"
    child.kill()
    # communicate() returns when the workers, which share the pipes, have gone too.
    _, err = child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL
    assert "Traceback" not in err
    assert "BrokenPipeError" not in err


# --- 4. markup injection ------------------------------------------------------------------------

_HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "![x](https://evil.example/p.png)",
    "`code` **bold** <b>x</b> &amp;",
]


def _html(markdown: str) -> str:
    from markdown_it import MarkdownIt

    html: str = MarkdownIt("commonmark").enable("table").render(markdown)
    return html


class _Tags(HTMLParser):
    """Every tag and attribute value in a rendered page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.values: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.values += [value or "" for _, value in attrs]


def _assert_inert(markdown: str) -> None:
    """Rendered as CommonMark, the page holds no tag or link that user text made."""
    page = _Tags()
    page.feed(_html(markdown))
    assert not page.tags & {"script", "img", "b"}, page.tags
    for value in page.values:
        assert not value.startswith("javascript"), value
        assert "evil.example" not in value, value


def test_user_text_in_plans_and_the_cohort_summary_is_inert(tmp_path: Path) -> None:
    intake = tmp_path / "in.csv"
    with open(intake, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["client_id", "state", "skills", "tools"])
        writer.writerow(["C1", "TX", "; ".join(_HOSTILE), "; ".join(_HOSTILE)])
        writer.writerow([_HOSTILE[1], "TX", "", ""])
        writer.writerow([_HOSTILE[1], "TX", "", ""])
        writer.writerow([_HOSTILE[0], "ZZ", "", ""])
    summary = tmp_path / "s.md"
    code, _, err = invoke(
        "batch", str(intake), "--output", str(tmp_path / "r.csv"),
        "--errors", str(tmp_path / "e.csv"), "--plans", str(tmp_path / "plans"),
        "--summary", str(summary),
    )  # fmt: skip
    assert code == 1, err
    plan = (tmp_path / "plans" / "C1.md").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in plan  # shown to the reader, not run
    _assert_inert(plan)
    text = summary.read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    _assert_inert(text)


def test_user_text_in_the_markdown_report_is_inert(tmp_path: Path) -> None:
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps({"state": "TX", "skills": _HOSTILE, "tools": _HOSTILE}))
    code, out, err = invoke("assess", "--profile", str(profile), "--format", "markdown")
    assert code == 0, err
    _assert_inert(out)
    assert "`code` **bold**" in _html(out), "shown as the person wrote it, not formatted"


def test_user_text_on_the_terminal_is_not_rich_markup_or_escapes(tmp_path: Path) -> None:
    profile = tmp_path / "p.json"
    profile.write_text(
        json.dumps({"state": "TX", "tools": ["Canva [bold]x[/bold]", "Destiny \x1b]0;t\x07"]})
    )
    code, out, err = invoke("assess", "--profile", str(profile))
    assert code == 0, err
    assert "[bold]x[/bold]" in out.replace("\n", " ")
    assert "\x1b" not in out
    assert "\x07" not in out


# --- 5. YAML bombs, /dev/zero, FIFOs ------------------------------------------------------------


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def test_an_alias_bomb_inside_skills_is_refused_quickly_and_small(tmp_path: Path) -> None:
    parts = ["&l0 [x,x,x,x,x,x,x,x,x]"]
    parts += [f"&l{i} [" + ",".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 9)]
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("state: TX\nskills: [" + ", ".join(parts) + "]\n", encoding="utf-8")
    assert bomb.stat().st_size < 400
    started = time.monotonic()
    proc = run_cli("assess", "--profile", str(bomb), timeout=30, preexec_fn=_limit_memory)
    assert time.monotonic() - started < 30
    assert proc.returncode == 3
    assert "uses a YAML alias" in one_error_line(proc.stderr)


def test_nested_lists_in_a_list_field_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("state: TX\nskills: [[a, b], c]\n", encoding="utf-8")
    code, _, err = invoke("assess", "--profile", str(path))
    assert code == 3
    assert "skills: should be a list of plain values" in one_error_line(err)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_dev_zero_as_a_profile_is_refused_by_size() -> None:
    proc = run_cli("assess", "--profile", "/dev/zero", timeout=30)
    assert proc.returncode == 3
    assert "the limit is 2,000,000" in one_error_line(proc.stderr)


def test_a_fifo_nobody_writes_to_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "p.yaml"
    os.mkfifo(fifo)
    proc = run_cli("assess", "--profile", str(fifo), timeout=30)
    assert proc.returncode == 3
    assert "is empty" in one_error_line(proc.stderr)
    proc = run_cli("batch", str(fifo), timeout=30)
    assert proc.returncode == 3
    assert "is not a regular file" in one_error_line(proc.stderr)


def test_a_profile_from_a_pipe_still_works() -> None:
    proc = run_cli(
        "assess", "--profile", "/dev/stdin", "--format", "json", input=EXAMPLE.read_text()
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["state"] == "TX"


# --- 6. file safety -----------------------------------------------------------------------------


def _plant_symlink(link: Path, target: Path) -> None:
    """Make ``link`` -> ``target`` as another user when this test can drop privileges."""
    subprocess.run(
        ["ln", "-s", str(target), str(link)],
        check=True,
        preexec_fn=as_nobody if IS_ROOT else None,
    )


def test_a_symlink_planted_on_the_save_profiles_temp_name_is_not_followed(
    tmp_path: Path, shared_dir: Path
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("ORIGINAL\n", encoding="utf-8")
    # The old code wrote through `.<name>.tmp`; the attacker cannot guess mkstemp's names.
    _plant_symlink(shared_dir / ".saved.yaml.tmp", victim)
    saved = shared_dir / "saved.yaml"
    code, _, err = invoke(
        "assess", "--profile", str(EXAMPLE), "--save-profile", str(saved), "--format", "json"
    )
    assert code == 0, err
    assert victim.read_text(encoding="utf-8") == "ORIGINAL\n"
    assert not saved.is_symlink()
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert "state: TX" in saved.read_text(encoding="utf-8")


def _special_file(path: Path) -> str:
    """A character device (a private /dev/full twin) when root may make one, else a FIFO."""
    if IS_ROOT:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
        return "device"
    os.mkfifo(path)
    return "fifo"


@pytest.mark.parametrize("command", ["assess", "batch", "template"])
def test_an_output_that_is_a_device_or_fifo_is_refused_not_replaced(
    tmp_path: Path, command: str
) -> None:
    target = tmp_path / "out.json"
    _special_file(target)
    before = target.lstat()
    if command == "assess":
        code, _, err = invoke("assess", "-p", str(EXAMPLE), "-f", "json", "-o", str(target))
    elif command == "batch":
        intake = tmp_path / "in.csv"
        intake.write_text("client_id,state\nC1,TX\n", encoding="utf-8")
        code, _, err = invoke("batch", str(intake), "--output", str(target))
    else:
        code, _, err = invoke("intake-template", "--output", str(target))
    assert code == 3
    assert "is not a regular file" in one_error_line(err)
    after = target.lstat()
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)


def test_an_output_that_is_a_symlink_is_refused_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("mine\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    code, _, err = invoke("assess", "-p", str(EXAMPLE), "-o", str(link))
    assert code == 3
    assert "is a symbolic link" in one_error_line(err)
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "mine\n"


def test_a_read_only_output_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    target.write_text("keep\n", encoding="utf-8")
    target.chmod(0o444)
    code, _, err = invoke("assess", "-p", str(EXAMPLE), "-o", str(target))
    assert code == 3
    assert "is read-only" in one_error_line(err)
    assert target.read_text(encoding="utf-8") == "keep\n"


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o644])
def test_an_existing_outputs_mode_is_kept(tmp_path: Path, mode: int) -> None:
    intake = tmp_path / "in.csv"
    intake.write_text("client_id,state\nC1,TX\nC2,ZZ\n", encoding="utf-8")
    (tmp_path / "plans").mkdir()
    outputs = {
        name: tmp_path / name
        for name in ("r.csv", "e.csv", "s.md", "a.md", "p.yaml", "plans/C1.md")
    }
    for path in outputs.values():
        path.write_text("old\n", encoding="utf-8")
        path.chmod(mode)
    code, _, err = invoke(
        "batch", str(intake), "--output", str(outputs["r.csv"]), "--errors",
        str(outputs["e.csv"]), "--summary", str(outputs["s.md"]),
        "--plans", str(tmp_path / "plans"),
    )  # fmt: skip
    assert code == 1, err
    code, _, err = invoke(
        "assess", "-p", str(EXAMPLE), "-o", str(outputs["a.md"]),
        "--save-profile", str(outputs["p.yaml"]),
    )  # fmt: skip
    assert code == 0, err
    for path in outputs.values():
        assert path.read_text(encoding="utf-8") != "old\n"
        assert stat.S_IMODE(path.stat().st_mode) == mode, path.name


@pytest.mark.parametrize("mask", [0o000, 0o022, 0o077])
def test_new_plans_are_private_whatever_the_umask(tmp_path: Path, mask: int) -> None:
    intake = tmp_path / "in.csv"
    intake.write_text("client_id,state\nC1,TX\nC2,OH\n", encoding="utf-8")
    old = os.umask(mask)
    try:
        code, _, err = invoke("batch", str(intake), "--plans", str(tmp_path / "plans"))
    finally:
        os.umask(old)
    assert code == 0, err
    for name in ("C1.md", "C2.md"):
        assert stat.S_IMODE((tmp_path / "plans" / name).stat().st_mode) == 0o600, name


def test_new_client_data_outputs_are_private(tmp_path: Path) -> None:
    intake = tmp_path / "in.csv"
    intake.write_text("client_id,state\nC1,TX\nC2,ZZ\n", encoding="utf-8")
    code, _, err = invoke(
        "batch", str(intake), "--output", str(tmp_path / "r.csv"),
        "--errors", str(tmp_path / "e.csv"), "--summary", str(tmp_path / "s.md"),
        "--plans", str(tmp_path / "plans"),
    )  # fmt: skip
    assert code == 1, err
    code, _, err = invoke(
        "assess", "-p", str(EXAMPLE), "-o", str(tmp_path / "a.md"),
        "--save-profile", str(tmp_path / "p.yaml"),
    )  # fmt: skip
    assert code == 0, err
    for name in ("r.csv", "e.csv", "s.md", "a.md", "p.yaml", "plans/C1.md"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name
    assert stat.S_IMODE((tmp_path / "plans").stat().st_mode) == 0o700
    # The intake template holds no client data: it follows the umask like any file.
    code, _, _ = invoke("intake-template", "--output", str(tmp_path / "t.csv"))
    assert code == 0
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE((tmp_path / "t.csv").stat().st_mode) == 0o666 & ~mask


def test_save_profile_may_not_name_the_profile_or_the_output(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    original = "# my notes\nstate: Texas\nexams: Praxis 5312\nteaching_years: '4'\n"
    profile.write_text(original, encoding="utf-8")
    code, _, err = invoke("assess", "-p", str(profile), "--save-profile", str(profile))
    assert code == 3
    assert "is the profile file itself" in one_error_line(err)
    assert profile.read_text(encoding="utf-8") == original
    same = tmp_path / "same.json"
    code, _, err = invoke(
        "assess", "-p", str(profile), "--save-profile", str(same), "--output", str(same)
    )
    assert code == 3
    assert "both name" in one_error_line(err)
    assert not same.exists()


# --- 7. nondeterminism --------------------------------------------------------------------------


def test_the_cohort_summary_breaks_ties_by_name_not_by_arrival() -> None:
    refs = [RuleRef("TX", f"req-{n}", f"Requirement {n}", "exam") for n in range(4)]
    meta = CohortMeta("in.csv", "UTF-8", "comma", "2026-01-01", "2026-11-24", "0.1.0")

    def tally(order: list[int]) -> CohortTally:
        out = CohortTally()
        out.scored = 4
        out.by_verdict = Counter({"not_yet": 4})
        out.by_state = Counter({"TX": 4})
        for n in order:
            out.missing[refs[n]] += 1
            out.missing_kind[["exam", "degree", "practicum", "portfolio"][n]] += 1
            out.skill_gaps[(f"gap-{n}", f"Gap {n}")] += 1
            out.skills_seen += 1
        for fields in ([["state", "exams"], ["teaching_years"]][n % 2] for n in order):
            out.add_rejected(fields)
        return out

    assert render_cohort(tally([0, 1, 2, 3]), meta) == render_cohort(tally([3, 2, 1, 0]), meta)


def test_outputs_are_byte_identical_across_hash_seeds_and_jobs(tmp_path: Path) -> None:
    intake = tmp_path / "in.csv"
    rows = ["client_id,state,bachelor,master,teaching_years,exams,tools"]
    for n in range(40):
        if n % 4 == 0:  # four bad fields in each rejected row: ties in "rejected rows by field"
            rows.append(f"C{n},TX,maybe,zzz,abc,nope,Canva")
        else:
            rows.append(f"C{n},{['TX', 'NY', 'OH'][n % 3]},yes,{['no', 'yes'][n % 2]},{n % 7},,")
    intake.write_text("\n".join(rows) + "\n", encoding="utf-8")
    runs = []
    for seed, jobs in (("1", "1"), ("2", "1"), ("3", "1"), ("4", "2")):
        out = tmp_path / f"run-{seed}"
        out.mkdir()
        proc = run_cli(
            "batch", str(intake), "--output", "r.csv", "--errors", "e.csv", "--summary", "s.md",
            "--plans", "plans", "--jobs", jobs, cwd=str(out),
            env={**os.environ, "PYTHONHASHSEED": seed},
        )  # fmt: skip
        assert proc.returncode == 1, proc.stderr
        files = sorted(p for p in out.rglob("*") if p.is_file())
        runs.append({p.relative_to(out).as_posix(): p.read_bytes() for p in files})
    assert "| bachelor | 10 |" in runs[0]["s.md"].decode()
    for run in runs[1:]:
        assert run == runs[0]


# --- 8. leftovers -------------------------------------------------------------------------------


def test_leftovers_of_a_killed_run_are_swept_and_reported(tmp_path: Path) -> None:
    gone = dead_pid()
    alive = os.getpid()
    intake = tmp_path / "in.csv"
    intake.write_text("client_id,state\nC1,TX\n", encoding="utf-8")
    stale = [tmp_path / f".r.csv.{gone}.tmp", tmp_path / f".r.csv.{gone}.abcd1234.tmp"]
    live = tmp_path / f".r.csv.{alive}.wxyz5678.tmp"
    other = tmp_path / f".notes.txt.{gone}.tmp"  # not a temporary file of this output
    for path in [*stale, live, other]:
        path.write_text("client data", encoding="utf-8")
    plans = tmp_path / "plans"
    staging = plans / f".lmspath-staging-{gone}"
    staging.mkdir(parents=True)
    (staging / "C9.md").write_text("client data", encoding="utf-8")
    code, _, err = invoke(
        "batch", str(intake), "--output", str(tmp_path / "r.csv"), "--plans", str(plans)
    )
    assert code == 0, err
    assert not any(p.exists() for p in stale)
    assert not staging.exists()
    assert live.exists(), "a running process's temporary file is left alone"
    assert other.exists()
    assert "removed 2 temporary files left by an interrupted run" in err
    assert f".lmspath-staging-{gone}" in err


# --- 9. the smaller ones ------------------------------------------------------------------------


def test_unknown_keys_are_quoted_cut_and_free_of_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "k.yaml"
    key = "Error: forged\\nline two\\e]0;title\\a" + "x" * 200
    path.write_text(f'state: TX\n"{key}": 1\n', encoding="utf-8")
    code, _, err = invoke("assess", "--profile", str(path))
    assert code == 3
    line = one_error_line(err)
    assert "\x1b" not in line
    assert "\x07" not in line
    assert len(line) < 200
    assert "unknown field" in line


def test_a_huge_unknown_state_is_not_echoed_in_full(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("state: " + "Z" * 1_500_000 + "\n", encoding="utf-8")
    code, _, err = invoke("assess", "--profile", str(path))
    assert code == 3
    assert len(one_error_line(err)) < 300


@pytest.mark.parametrize(
    "text",
    [
        "state: TX\nstate: CA\n",
        '{"state": "TX", "state": "CA"}',
        "state: TX\nskills: [a]\nteaching_years: 3\nskills: [b]\n",
    ],
    ids=["yaml", "json", "yaml-apart"],
)
def test_a_key_given_twice_is_refused(tmp_path: Path, text: str) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    code, _, err = invoke("assess", "--profile", str(path))
    assert code == 3
    assert "appears twice" in one_error_line(err)


def test_a_list_used_as_a_key_is_named_as_such(tmp_path: Path) -> None:
    """It was reported as "a YAML tag that is not allowed"."""
    path = tmp_path / "p.yaml"
    path.write_text("state: TX\n? [a, b]\n: 1\n", encoding="utf-8")
    code, _, err = invoke("assess", "--profile", str(path))
    assert code == 3
    assert "line 2: a key must be plain text, not a list or mapping" in one_error_line(err)


def test_a_cr_only_intake_is_read(tmp_path: Path) -> None:
    intake = tmp_path / "cr.csv"
    intake.write_bytes(b"client_id,state\rC1,TX\rC2,TX\r")
    code, _, err = invoke("batch", str(intake), "--output", str(tmp_path / "r.csv"))
    assert code == 0, err
    assert [(r["line"], r["client_id"]) for r in read_rows(tmp_path / "r.csv")] == [
        ("2", "C1"),
        ("3", "C2"),
    ]


def test_an_unreadable_profile_is_one_line_and_exit_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As another user sees a chmod 000 file (root reads every file, so this is simulated)."""
    path = tmp_path / "p.yaml"
    path.write_text("state: TX\n", encoding="utf-8")
    real_access, real_open = os.access, os.open

    def access(target: object, mode: int, *args: object, **kwargs: object) -> bool:
        if Path(str(target)) == path:
            return False
        return real_access(target, mode, *args, **kwargs)  # type: ignore[arg-type]

    def denied(target: object, flags: int, *args: object, **kwargs: object) -> int:
        if Path(str(target)) == path:
            raise PermissionError(13, "Permission denied", str(target))
        return real_open(target, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(os, "open", denied)
    code, _, err = invoke("assess", "--profile", str(path))
    assert code == 3
    assert "cannot be read (Permission denied)" in one_error_line(err)


@pytest.mark.parametrize(
    "args",
    [
        ["assess", "--nope"],
        ["batch"],
        ["batch", "x.csv", "--jobs", "abc"],
        ["batch", "x.csv", "--jobs", "-1"],
        ["assess", "-p", str(EXAMPLE), "--format", "xml"],
        ["states", "--format", "xml"],
        ["assess", "-p", str(EXAMPLE), "--state", ""],
        ["--nope"],
        ["data", "check", "--nope"],
    ],
    ids=[
        "unknown-option", "missing-argument", "jobs-abc", "jobs-negative", "format-xml",
        "states-format-xml", "empty-state", "top-level-option", "subgroup-option",
    ],
)  # fmt: skip
def test_usage_errors_are_one_line_and_exit_2(tmp_path: Path, args: list[str]) -> None:
    if args[:2] == ["batch", "x.csv"]:
        args = ["batch", str(_one_row(tmp_path)), *args[2:]]
    code, _, err = invoke(*args)
    assert code == 2
    one_error_line(err)


def _one_row(tmp_path: Path) -> Path:
    intake = tmp_path / "x.csv"
    intake.write_text("client_id,state\nC1,TX\n", encoding="utf-8")
    return intake


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_profile_is_read(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "p.yaml"
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff"}.get(codec, "")
    path.write_bytes((bom + EXAMPLE.read_text(encoding="utf-8")).encode(codec))
    code, out, err = invoke("assess", "--profile", str(path), "--format", "json")
    assert code == 0, err
    _, expected, _ = invoke("assess", "--profile", str(EXAMPLE), "--format", "json")
    assert out == expected


def _data_copy(tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def test_data_check_names_a_missing_state_file_and_a_repeated_key(tmp_path: Path) -> None:
    data = _data_copy(tmp_path)
    (data / "requirements" / "CA.yaml").unlink()
    tx = data / "requirements" / "TX.yaml"
    tx.write_text(tx.read_text(encoding="utf-8") + "credential: Overridden\n", encoding="utf-8")
    code, _, err = invoke("data", "check", str(data))
    assert code == 4
    assert "CA.yaml: missing" in err
    assert "TX.yaml: line" in err
    assert "the key 'credential' appears twice" in err
    assert err.splitlines()[-1].endswith("2 problems found")
