"""Maintainer's tool: write per-state OEWS wages for 25-4022 from a BLS workbook into market.yaml.

Download the BLS state file by hand (https://www.bls.gov/oes/tables.htm, "State", e.g.
oesm24st.zip holding state_M2024_dl.xlsx), then run:

    python scripts/import_oews.py state_M2024_dl.xlsx --read-on 2026-12-05

The script reads nothing from the network; lmspath itself never fetches anything at run time.
It needs openpyxl (in the ``dev`` extra).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from lmspath.model.market import ALL_SETTINGS, MarketFile
from lmspath.model.states import JURISDICTIONS, resolve_state
from lmspath.schema.market import MarketFile as MarketSchema
from lmspath.store.load import validation_lines
from lmspath.store.market import market_problems
from lmspath.store.yamlio import YamlProblem, parse_yaml, read_text

ROOT = Path(__file__).resolve().parents[1]
OCCUPATION = "25-4022"
#: workbook column -> (market.yaml key, unit)
COLUMNS = {
    "tot_emp": ("employment", "jobs"),
    "a_mean": ("mean", "usd_per_year"),
    "a_median": ("median", "usd_per_year"),
    "a_pct10": ("pct10", "usd_per_year"),
    "a_pct25": ("pct25", "usd_per_year"),
    "a_pct75": ("pct75", "usd_per_year"),
    "a_pct90": ("pct90", "usd_per_year"),
}
REQUIRED = ("area", "area_title", "occ_code", *COLUMNS)
#: What BLS writes in place of a number (from the workbook's own footnotes).
FOOTNOTES = {
    "*": "not released by BLS for this state ('*')",
    "**": "employment not released by BLS for this state ('**')",
    "#": "at or above the top of the BLS wage range ('#'), so no exact figure",
}
_NAME = re.compile(r"state_M(\d{4})_dl", re.IGNORECASE)


class ImportProblem(Exception):
    """The workbook or the market file cannot be used; the message is one line."""

    def __init__(self, message: str, code: int = 3) -> None:
        super().__init__(message)
        self.code = code


def reference_month(workbook: Path, period: str | None) -> str:
    """'May 2024' from state_M2024_dl.xlsx, or the --period given."""
    if period:
        return period
    match = _NAME.search(workbook.name)
    if match is None:
        raise ImportProblem(
            f"{workbook.name}: cannot tell the reference month from the name; "
            "give --period 'May 2024'"
        )
    return f"May {match.group(1)}"


def read_rows(workbook: Path) -> list[dict[str, object]]:
    """The first sheet's rows as dicts keyed by lower-case header (the header row is found)."""
    from openpyxl import load_workbook

    if not workbook.is_file():
        raise ImportProblem(f"{workbook}: no such file")
    try:
        book = load_workbook(workbook, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a file that is not a workbook
        raise ImportProblem(f"{workbook}: not an .xlsx workbook ({type(exc).__name__})") from None
    try:
        sheet = book.worksheets[0]
        header: list[str] | None = None
        rows: list[dict[str, object]] = []
        for cells in sheet.iter_rows(values_only=True):
            if header is None:
                words = [str(c).strip().lower() if c is not None else "" for c in cells]
                if "occ_code" in words:
                    header = words
                continue
            rows.append({name: value for name, value in zip(header, cells, strict=False) if name})
    finally:
        book.close()
    if header is None:
        raise ImportProblem(f"{workbook}: no header row with an OCC_CODE column")
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ImportProblem(f"{workbook}: missing column(s) {', '.join(missing)}")
    return rows


def figure(raw: object, unit: str, period: str, source_id: str) -> dict[str, object]:
    """A market.yaml figure from one cell; BLS footnote marks become null with a note."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return {"value": None, "unit": unit, "note": "blank in the BLS workbook"}
    if isinstance(raw, str):
        text = raw.strip()
        if text in FOOTNOTES:
            return {"value": None, "unit": unit, "note": FOOTNOTES[text]}
        try:
            raw = float(text.replace(",", ""))
        except ValueError:
            raise ImportProblem(f"{text!r} is not a number or a BLS footnote mark") from None
    if not isinstance(raw, int | float):
        raise ImportProblem(f"{raw!r} is not a number")
    value = int(raw) if float(raw).is_integer() else float(raw)
    return {
        "value": value,
        "unit": unit,
        "period": period,
        "source": source_id,
        "confidence": "high",
    }


def state_wages(
    rows: list[dict[str, object]], period: str, source_id: str
) -> tuple[dict[str, dict[str, object]], list[str]]:
    """The 25-4022 rows by state code, and the area titles that are not a state or DC."""
    found: dict[str, dict[str, object]] = {}
    skipped: list[str] = []
    for index, row in enumerate(rows, start=1):
        if str(row.get("occ_code") or "").strip() != OCCUPATION:
            continue
        title = str(row.get("area_title") or "").strip()
        code = resolve_state(title)
        if code is None:
            skipped.append(title or f"row {index}")
            continue
        wages: dict[str, object] = {"label": ALL_SETTINGS}
        for column, (key, unit) in COLUMNS.items():
            try:
                wages[key] = figure(row.get(column), unit, period, source_id)
            except ImportProblem as exc:
                raise ImportProblem(f"{title} ({OCCUPATION}): {column}: {exc}") from None
        found[code] = wages
    return found, skipped


def merge(
    market: dict[str, Any], wages: dict[str, dict[str, object]], source: dict[str, object]
) -> dict[str, Any]:
    """The market data with the source added (or replaced) and each state's ``oews`` set."""
    sources = [s for s in market.get("sources") or [] if s.get("id") != source["id"]]
    market["sources"] = [*sources, source]
    states: dict[str, Any] = dict(market.get("states") or {})
    for code, row in wages.items():
        states[code] = {**(states.get(code) or {}), "oews": row}
    order = list(JURISDICTIONS)
    market["states"] = {c: states[c] for c in sorted(states, key=order.index)}
    return market


def _header(text: str) -> str:
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    return "\n".join(lines) + "\n" if lines else ""


def run(argv: list[str] | None = None) -> str:
    """Do the import; the summary line, or ImportProblem."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("workbook", type=Path, help="state_M20XX_dl.xlsx from the BLS zip")
    parser.add_argument("--market", type=Path, default=ROOT / "data" / "market.yaml")
    parser.add_argument("--period", help="reference month, e.g. 'May 2024' (default: from name)")
    parser.add_argument("--url", help="where the workbook was downloaded (default: BLS zip URL)")
    parser.add_argument("--read-on", help="the day the workbook was downloaded (YYYY-MM-DD)")
    parser.add_argument("--as-of", help="the release date BLS gives for the file, if known")
    args = parser.parse_args(argv)

    period = reference_month(args.workbook, args.period)
    year = period.split()[-1]
    source_id = f"bls-oews-state-m{year}"
    try:
        read_on = dt.date.fromisoformat(args.read_on) if args.read_on else dt.date.today()
    except ValueError:
        raise ImportProblem(f"--read-on: {args.read_on!r} is not a date (YYYY-MM-DD)") from None
    url = args.url or f"https://www.bls.gov/oes/special.requests/oesm{year[2:]}st.zip"
    source: dict[str, object] = {
        "id": source_id,
        "url": url,
        "title": f"BLS OEWS state estimates, {period} ({args.workbook.name}), occupation "
        f"{OCCUPATION}, all library settings",
        "as_of": args.as_of,
        "read_on": read_on,
        "official": True,
    }
    wages, skipped = state_wages(read_rows(args.workbook), period, source_id)
    if not wages:
        raise ImportProblem(f"{args.workbook}: no state rows for occupation {OCCUPATION}")
    try:
        text = read_text(args.market)
        market = parse_yaml(text)
    except YamlProblem as exc:
        raise ImportProblem(f"{args.market}: {exc}") from None
    if not isinstance(market, dict):
        raise ImportProblem(f"{args.market}: should be a mapping of keys to values", 4)
    merged = merge(market, wages, source)
    try:
        checked = MarketFile.from_json(MarketSchema.model_validate(merged).model_dump(mode="json"))
    except ValidationError as exc:
        raise ImportProblem(validation_lines(str(args.market), exc)[0], 4) from None
    problems = market_problems(checked, str(args.market))
    if problems:
        raise ImportProblem(problems[0], 4)
    body = yaml.safe_dump(merged, sort_keys=False, allow_unicode=True, width=110)
    tmp = args.market.with_name(f".{args.market.name}.{os.getpid()}.tmp")
    tmp.write_text(_header(text) + body, encoding="utf-8")
    os.replace(tmp, args.market)
    note = f"; skipped (not a state or DC): {', '.join(skipped)}" if skipped else ""
    return f"wrote {OCCUPATION} wages for {len(wages)} states ({period}) into {args.market}{note}"


def main() -> None:
    """Command-line entry: one summary line, or one ``Error:`` line and an exit code."""
    try:
        print(run())
    except ImportProblem as exc:
        print(f"Error: {exc}", file=sys.stderr)
        sys.exit(exc.code)


if __name__ == "__main__":
    main()
