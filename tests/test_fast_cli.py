"""The typer-free dispatcher (``lmspath.cli.fast``) answers exactly as typer does, or lets typer.

Every form the dispatcher runs is run twice in a fresh process, once through it and once forced
through typer (``LMSPATH_NO_FAST_PATH=1``), and stdout, stderr, the exit code and any file written
must be the same bytes: good runs, errors (unknown state, missing and malformed profile files, a
bad field, a bad format, a score off the scale), NO_COLOR and forced colour, piped and on a
pseudo-terminal.
Near misses (help, unknown or repeated options, a missing value, the questionnaire, `--assume`)
must not be recognised, and must still behave as typer makes them. A last group checks, in a
fresh process, that the fast forms never import typer or click, and rich only for the terminal.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from lmspath.cli import fast

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = str(ROOT / "examples" / "teacher-tx.yaml")

#: Profile files the forms below name by their file name (written into each run's folder).
PROFILES = {
    "bad-field.yaml": "state: TX\nteaching_years: three\n",
    "broken.yaml": "state: TX\nmaster: [yes\n",
    "no-state.yaml": "master: yes\n",
    "ny.json": '{"state": "New York", "master": "yes", "master_fields": ["library_science"]}\n',
    # intakes: every row readable, and one with a rejected row and a column lmspath does not read
    "intake.csv": (
        "client_id,state,bachelor,master,teaching_license_status,teaching_years,exams,tools\n"
        "C1,TX,yes,no,active,4,texes-150:250,Destiny; Canva\n"
        "C2,Ohio,yes,yes,none,,,\n"
        "C3,NY,yes,in_progress,active,2.5,,Sora\n"
    ),
    "mixed.csv": (
        "client_id,state,master,teaching_years,notes\n"
        "A1,CA,yes,3,first\n"
        "A2,ZZ,yes,3,second\n"
        "A3,WA,maybe,three,third\n"
        "A4,IL,no,0,fourth\n"
    ),
}

#: Forms the dispatcher runs itself. Each is run with and without it, in the same folder layout.
FAST_FORMS: list[list[str]] = [
    ["assess", "--profile", EXAMPLE, "--format", "json"],
    ["assess", "--profile", EXAMPLE, "--format", "markdown"],
    ["assess", "-p", EXAMPLE, "-f", "MarkDown"],
    ["assess", "--profile=" + EXAMPLE, "--format=json", "--state=ok"],
    ["assess", "--format", "json", "--profile", EXAMPLE, "--state", "New York"],
    ["assess", "--profile", EXAMPLE],
    ["assess", "--profile", EXAMPLE, "--full", "--no-pager"],
    ["assess", "--profile", EXAMPLE, "--summary"],
    ["assess", "--profile", EXAMPLE, "--format", "html"],
    ["assess", "--profile", EXAMPLE, "--output", "plan.md"],
    ["assess", "--profile", EXAMPLE, "-o", "plan.json", "-q"],
    ["assess", "--profile", EXAMPLE, "--output", "plan.txt", "--format", "markdown"],
    ["assess", "--profile", EXAMPLE, "--program", "tx-twu-mls-school-librarian", "-f", "json"],
    ["assess", "--profile", "ny.json", "--format", "markdown"],
    # errors the commands report themselves
    ["assess", "--profile", EXAMPLE, "--state", "ZZ", "--format", "json"],
    ["assess", "--profile", "missing.yaml", "--format", "json"],
    ["assess", "--profile", "broken.yaml", "--format", "json"],
    ["assess", "--profile", "bad-field.yaml", "--format", "json"],
    ["assess", "--profile", "no-state.yaml", "--format", "markdown"],
    ["assess", "--profile", ".", "--format", "json"],
    ["assess", "--profile", EXAMPLE, "--format", "xml"],
    ["assess", "--profile", EXAMPLE, "--output", "plan.xyz"],
    ["assess", "--profile", EXAMPLE, "--output", EXAMPLE],
    ["assess", "--profile", EXAMPLE, "--program", "no-such-program"],
    ["assess", "--profile", EXAMPLE, "--data", "no-such-folder", "--format", "json"],
    ["rules", "TX"],
    ["rules", "tx", "--format", "markdown"],
    ["rules", "--format", "json", "New York"],
    ["rules", "ZZ"],
    ["rules", "T\udcffX"],  # a byte that is not UTF-8 in the arguments
    ["rules", "TX", "--format", "csv"],
    ["states"],
    ["states", "--full"],
    ["states", "--format", "json"],
    ["states", "-f", "csv"],
    ["states", "--format", "markdown"],
    ["states", "--format", "yaml"],
    ["exams"],
    ["exams", "--format", "csv"],
    ["exams", "praxis-5312", "--score", "160", "--format", "json"],
    ["exams", "--score", "152.5", "Praxis 5312"],
    ["exams", "praxis-5312", "--score", "999"],
    ["exams", "no-such-exam", "--score", "150"],
    ["exams", "praxis-5312"],
    ["batch", "intake.csv", "--output", "results.csv", "--errors", "errors.csv"],
    ["batch", "intake.csv"],
    ["batch", "mixed.csv"],
    ["batch", "mixed.csv", "-o", "r.csv", "-e", "e.csv", "--summary", "summary.md"],
    ["batch", "intake.csv", "--output=r.csv", "--plans", "plans", "--summary", "cohort.html"],
    ["batch", "mixed.csv", "--drop-extra", "--excel", "-o", "r.csv"],
    ["batch", "mixed.csv", "--jobs", "2", "-o", "r.csv", "-e", "e.csv"],
    ["batch", "intake.csv", "-j", "0", "--output", "results.xlsx"],
    # errors the command reports itself
    ["batch", "missing.csv"],
    ["batch", "intake.csv", "--sheet", "Sheet1"],
    ["batch", "intake.csv", "--output", "intake.csv"],
    ["batch", "intake.csv", "--data", "no-such-folder"],
    ["batch", "ny.json"],
]

#: Forms typer must run (the dispatcher does not recognise them).
NEAR_MISSES: list[list[str]] = [
    [],
    ["--help"],
    ["--debug", "rules", "TX"],
    ["assess"],
    ["assess", "--format", "json"],
    ["assess", "--profile", EXAMPLE, "--help"],
    ["assess", "--profile", EXAMPLE, "--bogus"],
    ["assess", "--profile", EXAMPLE, "--format"],
    ["assess", "--profile", EXAMPLE, "--profile", EXAMPLE],
    ["assess", "--profile", EXAMPLE, "-q", "--quiet", "-o", "plan.md"],
    ["assess", "-p=" + EXAMPLE],
    ["assess", "-p" + EXAMPLE],
    ["assess", "--prof", EXAMPLE],
    ["assess", "--profile", EXAMPLE, "--state", ""],
    ["assess", "--profile", EXAMPLE, "--format="],
    ["assess", "--profile", EXAMPLE, "--full=yes"],
    ["assess", "--profile", EXAMPLE, "--assume", "master=yes", "--format", "json"],
    ["assess", "--profile", EXAMPLE, "--ask-missing"],
    ["assess", "--profile", EXAMPLE, "--save-profile", "me.yaml"],
    ["assess", "--profile", EXAMPLE, "extra"],
    ["assess", "--profile", EXAMPLE, "--", "--format"],
    ["rules"],
    ["rules", "TX", "NY"],
    ["rules", ""],
    ["rules", "-"],
    ["rules", "TX", "--full"],
    ["states", "extra"],
    ["states", "--format", "-f"],
    ["exams", "--score", "abc"],
    ["exams", "praxis-5312", "--score", "-1"],
    ["exams", "praxis-5312", "--score", "1e2"],
    ["exams", "praxis-5312", "--score", ".5"],
    ["exams", "a", "b"],
    ["batch"],
    ["batch", "intake.csv", "mixed.csv"],
    ["batch", "intake.csv", "--assume", "master=yes"],
    ["batch", "intake.csv", "--jobs", "-1"],
    ["batch", "intake.csv", "--jobs", "+2"],
    ["batch", "intake.csv", "--jobs", "two"],
    ["batch", "intake.csv", "--help"],
    ["batch", "intake.csv", "--excel=yes"],
    ["batch", "intake.csv", "-o", "a.csv", "--output", "b.csv"],
    ["intake-template"],
    ["skills"],
]

#: Environments each fast form is compared under (on top of the test run's own).
ENVIRONMENTS = {
    "plain": {},
    "no-color": {"NO_COLOR": "1"},
    "color": {"FORCE_COLOR": "1", "TERM": "xterm-256color"},
}


def _run(
    args: list[str], where: Path, env: dict[str, str]
) -> tuple[int, bytes, bytes, dict[str, bytes]]:
    """Run lmspath in ``where`` (with the profile files written there); its outputs and files."""
    where.mkdir(parents=True, exist_ok=True)
    for name, text in PROFILES.items():
        (where / name).write_text(text, encoding="utf-8")
    before = _files(where)
    proc = subprocess.run(
        [sys.executable, "-m", "lmspath", *args],
        cwd=where,
        env=env,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )
    written = {name: _content(where / name) for name in sorted(_files(where) - before)}
    return proc.returncode, proc.stdout, proc.stderr, written


def _content(path: Path) -> bytes:
    """A file's bytes; for a workbook, its members' names and bytes (a zip records when each
    member was written, so two runs a second apart differ there and nowhere else)."""
    if path.suffix != ".xlsx":
        return path.read_bytes()
    import zipfile

    with zipfile.ZipFile(path) as book:
        return b"\0".join(
            info.filename.encode() + b"\0" + book.read(info) for info in book.infolist()
        )


def _files(where: Path) -> set[str]:
    """The files under ``where`` (in folders too), by their path from it."""
    return {str(path.relative_to(where)) for path in where.rglob("*") if path.is_file()}


#: rich numbers each terminal hyperlink at random (even twice through typer): the one part of a
#: coloured output that is not compared.
_LINK_ID = re.compile(rb"\x1b\]8;id=[0-9-]+;")


def _steady(output: bytes) -> bytes:
    return _LINK_ID.sub(b"\x1b]8;id=0;", output)


def _both(args: list[str], tmp: Path, extra: dict[str, str]) -> None:
    base = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR"}}
    base.update({"COLUMNS": "100", "LINES": "40", **extra})
    with ThreadPoolExecutor(2) as pool:
        quick = pool.submit(_run, args, tmp / "fast", {**base, fast.FORCE_TYPER: "0"})
        slow = pool.submit(_run, args, tmp / "typer", {**base, fast.FORCE_TYPER: "1"})
        got, want = quick.result(), slow.result()
    assert got[0] == want[0], f"exit code {got[0]} != {want[0]}: {got[2]!r} / {want[2]!r}"
    assert got[2] == want[2], "stderr differs"
    assert _steady(got[1]) == _steady(want[1]), "stdout differs"
    assert got[3] == want[3], "files written differ"


def _name(args: list[str]) -> str:
    return " ".join(a.replace(str(ROOT), ".") for a in args) or "(none)"


@pytest.fixture(scope="module", autouse=True)
def _warm_cache() -> None:
    """Fill the data cache once, so no compared run is the one that writes it."""
    for args in (["states", "--format", "json"], ["exams", "--format", "json"]):
        subprocess.run(
            [sys.executable, "-m", "lmspath", *args], capture_output=True, check=True, timeout=120
        )


@pytest.mark.parametrize("args", FAST_FORMS, ids=_name)
def test_fast_form_is_recognised(args: list[str]) -> None:
    assert fast.parse(args) is not None


@pytest.mark.parametrize("args", NEAR_MISSES, ids=_name)
def test_near_miss_goes_to_typer(args: list[str]) -> None:
    assert fast.parse(args) is None


@pytest.mark.parametrize("args", FAST_FORMS, ids=_name)
def test_fast_form_matches_typer_byte_for_byte(args: list[str], tmp_path: Path) -> None:
    _both(args, tmp_path, {})


#: Forms whose output depends on colour settings: compared under each environment.
COLOURED = [
    ["assess", "--profile", EXAMPLE],
    ["assess", "--profile", EXAMPLE, "--format", "markdown"],
    ["assess", "--profile", EXAMPLE, "--state", "ZZ"],
    ["rules", "TX"],
    ["states"],
    ["exams", "praxis-5312", "--score", "160"],
]


@pytest.mark.parametrize("env", ["no-color", "color"])
@pytest.mark.parametrize("args", COLOURED, ids=_name)
def test_colour_settings_match_typer(args: list[str], env: str, tmp_path: Path) -> None:
    _both(args, tmp_path, ENVIRONMENTS[env])


@pytest.mark.parametrize(
    "args",
    [
        ["assess", "--profile", EXAMPLE, "--format", "json", "--bogus"],
        ["assess", "--profile", EXAMPLE, "--format"],
        ["assess", "--profile", EXAMPLE, "--assume", "master=yes", "--format", "json"],
        ["rules", "TX", "NY"],
        ["exams", "--score", "abc"],
        ["assess", "--format", "json"],
        ["batch", "intake.csv", "--jobs", "+1", "-o", "r.csv"],
        ["batch", "mixed.csv", "--assume", "master=yes", "-o", "r.csv"],
    ],
    ids=_name,
)
def test_near_miss_runs_as_typer_runs_it(args: list[str], tmp_path: Path) -> None:
    _both(args, tmp_path, {})


def test_help_is_typers(tmp_path: Path) -> None:
    code, out, _, _ = _run(["assess", "--profile", EXAMPLE, "--help"], tmp_path, dict(os.environ))
    assert code == 0
    assert b"Usage:" in out
    assert b"--save-profile" in out


def _typer_loaded(env: dict[str, str]) -> str:
    probe = (
        "import sys\nfrom lmspath.cli import main\ntry:\n    main(['states', '--format', 'json'])\n"
        "except SystemExit:\n    pass\nprint('typer' in sys.modules, file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    return proc.stderr.strip().splitlines()[-1]


def test_force_switch_sends_a_fast_form_to_typer() -> None:
    """The switch the comparisons rely on really changes the path taken."""
    assert _typer_loaded({**os.environ, fast.FORCE_TYPER: "0"}) == "False"
    assert _typer_loaded({**os.environ, fast.FORCE_TYPER: "1"}) == "True"


def test_an_ascii_standard_output_goes_to_typer() -> None:
    """typer re-wraps an ASCII stream as UTF-8 before writing; the dispatcher leaves that to it."""
    env = {**os.environ, fast.FORCE_TYPER: "0", "PYTHONIOENCODING": "ascii"}
    assert _typer_loaded(env) == "True"


#: Fast forms, whether rich may be imported (only for the terminal format) and whether PyYAML
#: may (only to read a profile: the other commands read the data cache, warm here). None of
#: them may import pydantic.
IMPORT_CASES: list[tuple[list[str], bool, bool]] = [
    (["assess", "--profile", EXAMPLE, "--format", "json"], False, True),
    (["assess", "--profile", EXAMPLE, "--format", "markdown"], False, True),
    (["assess", "-p", EXAMPLE, "-f", "json", "--output", "plan.json", "-q"], False, True),
    (["assess", "--profile", EXAMPLE, "--state", "ZZ", "--format", "json"], False, True),
    (["rules", "TX", "--format", "json"], False, False),
    (["rules", "TX", "--format", "markdown"], False, False),
    (["states", "--format", "json"], False, False),
    (["states", "--format", "csv"], False, False),
    (["exams", "--format", "json"], False, False),
    (["exams", "praxis-5312", "--score", "160", "--format", "markdown"], False, False),
    (["assess", "--profile", EXAMPLE], True, True),
    (["rules", "TX"], True, False),
    (["states"], True, False),
    (["batch", "intake.csv", "-o", "r.csv", "-e", "e.csv"], False, False),
    (["batch", "mixed.csv", "-o", "r.csv", "--plans", "plans", "--summary", "s.md"], False, False),
]


@pytest.mark.parametrize(("args", "rich_allowed", "yaml_allowed"), IMPORT_CASES, ids=str)
def test_fast_forms_never_import_typer_or_pydantic(
    args: list[str], rich_allowed: bool, yaml_allowed: bool, tmp_path: Path
) -> None:
    probe = (
        "import sys\nfrom lmspath.cli import main\ntry:\n    main(sys.argv[1:])\n"
        "except SystemExit:\n    pass\n"
        "names = {m.split('.')[0] for m in sys.modules} | set(sys.modules)\n"
        "watched = {'typer', 'click', 'typer._click', 'rich', 'questionary', 'yaml', 'pydantic'}\n"
        "found = sorted(watched & names)\n"
        "print('LOADED', ' '.join(found), file=sys.stderr)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != fast.FORCE_TYPER}
    for name, text in PROFILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", probe, *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("LOADED")
    loaded = set(last.split()[1:])
    assert not loaded & {"typer", "click", "typer._click", "questionary"}, loaded
    # the engine, the renderers and the warm data cache work on plain objects: pydantic only
    # validates data files on a cache miss
    assert "pydantic" not in loaded, "a fast form imported pydantic"
    if not rich_allowed:
        assert "rich" not in loaded
    if not yaml_allowed:
        assert "yaml" not in loaded


#: The typer command behind each fast command, and the function both call.
_PAIRS = {
    "assess": ("lmspath.cli.cmd_assess:assess_command", "lmspath.cli.assess_run:run_assess"),
    "states": ("lmspath.cli.cmd_states:states_command", "lmspath.cli.tables_run:run_states"),
    "rules": ("lmspath.cli.cmd_states:rules_command", "lmspath.cli.tables_run:run_rules"),
    "exams": ("lmspath.cli.cmd_states:exams_command", "lmspath.cli.tables_run:run_exams"),
    "batch": ("lmspath.cli.cmd_batch:batch_command", "lmspath.cli.batch_run:run_batch_command"),
}


def _function(spec: str) -> object:
    import importlib

    module, name = spec.split(":")
    return getattr(importlib.import_module(module), name)


@pytest.mark.parametrize("name", sorted(fast.COMMANDS))
def test_fast_options_are_the_typer_commands_options(name: str) -> None:
    """Each spelling the dispatcher reads is one typer declares for the same parameter, and the
    run function takes every parameter with typer's default (what an omitted option means)."""
    import inspect

    import typer.main

    from lmspath.cli import get_app

    command = typer.main.get_command(get_app()).commands[name]  # type: ignore[attr-defined]
    declared = {opt: param.name for param in command.params for opt in param.opts}
    spec = fast.COMMANDS[name]
    for spelling, option in spec.options.items():
        assert declared.get(spelling) == option.dest, spelling
    typer_command, runner = (_function(spec) for spec in _PAIRS[name])
    typer_defaults = {
        key: value.default
        for key, value in inspect.signature(typer_command).parameters.items()  # type: ignore[arg-type]
    }
    run_defaults = {
        key: value.default
        for key, value in inspect.signature(runner).parameters.items()  # type: ignore[arg-type]
    }
    for key, default in typer_defaults.items():
        if default is inspect.Parameter.empty:
            assert key in spec.positionals[: spec.required], key
        else:
            assert run_defaults.get(key, "missing") == default, key


def _on_terminal(args: list[str], env: dict[str, str]) -> tuple[int, bytes]:
    """Run lmspath with stdout and stderr on a pseudo-terminal of 100 x 40; what it showed."""
    import fcntl
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "lmspath", *args],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        env=env,
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return proc.wait(timeout=120), shown


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pseudo-terminals as on Linux")
@pytest.mark.parametrize(
    "args",
    [
        ["assess", "--profile", EXAMPLE],
        ["assess", "--profile", EXAMPLE, "--state", "ZZ"],
        ["assess", "--profile", EXAMPLE, "--format", "markdown"],
        ["states"],
    ],
    ids=_name,
)
@pytest.mark.parametrize("colour", ["colour", "no-color"])
def test_on_a_terminal_fast_form_matches_typer(args: list[str], colour: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR"}}
    env.update({"TERM": "xterm-256color", "COLUMNS": "100", "LINES": "40"})
    if colour == "no-color":
        env["NO_COLOR"] = "1"
    got = _on_terminal(args, {**env, fast.FORCE_TYPER: "0"})
    want = _on_terminal(args, {**env, fast.FORCE_TYPER: "1"})
    assert got[0] == want[0]
    assert _steady(got[1]) == _steady(want[1])


def _into_closed_pipe(args: list[str], env: dict[str, str]) -> tuple[int, bytes]:
    """Run lmspath with standard output a pipe nobody reads any more (`| true`)."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "lmspath", *args],
            stdin=subprocess.DEVNULL,
            stdout=writer,
            stderr=subprocess.PIPE,
            env=env,
            timeout=120,
            check=False,
        )
    finally:
        os.close(writer)
    return proc.returncode, proc.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pseudo-terminals as on Linux")
@pytest.mark.parametrize("path", ["fast", "typer"])
def test_batch_on_a_terminal_shows_its_progress_bar(path: str, tmp_path: Path) -> None:
    """Both ways, a batch on a terminal draws the bar (its rates differ from run to run, so
    the screens are not compared byte for byte) and ends with the same reconciling line."""
    intake = tmp_path / "intake.csv"
    intake.write_text(
        "client_id,state,teaching_years\n" + "".join(f"C{n},TX,{n % 7}\n" for n in range(3000)),
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR"}}
    env.update({"TERM": "xterm-256color", "COLUMNS": "100", "LINES": "40"})
    env[fast.FORCE_TYPER] = "1" if path == "typer" else "0"
    code, shown = _on_terminal(["batch", str(intake), "-o", str(tmp_path / "r.csv")], env)
    assert code == 0
    assert b"rows/s" in shown
    assert shown.endswith(b"3,000 rows: 3,000 scored, 0 rejected\r\n")


@pytest.mark.parametrize(
    "args",
    [
        ["assess", "--profile", EXAMPLE, "--format", "json"],
        ["assess", "--profile", EXAMPLE],
        ["rules", "TX"],
        ["states", "--format", "csv"],
    ],
    ids=_name,
)
def test_a_closed_pipe_ends_as_under_typer(args: list[str]) -> None:
    got = _into_closed_pipe(args, {**os.environ, fast.FORCE_TYPER: "0"})
    want = _into_closed_pipe(args, {**os.environ, fast.FORCE_TYPER: "1"})
    assert got == want
    assert b"Traceback" not in got[1]


def test_a_batch_into_a_closed_pipe_ends_as_under_typer(tmp_path: Path) -> None:
    intake = tmp_path / "intake.csv"
    intake.write_text(PROFILES["intake.csv"] * 1, encoding="utf-8")
    args = ["batch", str(intake)]  # the results on standard output
    got = _into_closed_pipe(args, {**os.environ, fast.FORCE_TYPER: "0"})
    want = _into_closed_pipe(args, {**os.environ, fast.FORCE_TYPER: "1"})
    assert got == want
    assert b"Traceback" not in got[1]
    assert b"cannot read" not in got[1]


def test_the_console_script_ends_with_exit_handlers_run_and_output_whole() -> None:
    """Run as the console script, a fast command skips the interpreter's teardown
    (``fast.finish``): the exit handlers still run, after every byte of output."""
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('exit handler ran', file=sys.stderr))\n"
        "from lmspath.cli import main\n"
        "main()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, "states", "--format", "json"],
        capture_output=True,
        env={k: v for k, v in os.environ.items() if k != fast.FORCE_TYPER},
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0
    assert proc.stderr.decode().splitlines()[-1] == "exit handler ran"
    import json

    assert len(json.loads(proc.stdout)) == 51


def test_version_imports_not_even_typing() -> None:
    """`lmspath --version` stays a few times bare Python: not even the typing module."""
    probe = (
        "import sys\nfrom lmspath.cli import main\ntry:\n    main(['--version'])\n"
        "except SystemExit:\n    pass\n"
        "print(sorted({'typing', 'pydantic', 'typer', 'rich', 'yaml'} & set(sys.modules)))\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert proc.stdout.splitlines()[-1] == "[]"
