"""Regenerate DATA.md from the rules, programs and career-facts data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lmspath.coverage_doc import shipped_assess
from lmspath.data import available_states, load_state
from lmspath.datadoc import render_data_md
from lmspath.market_data import load_market
from lmspath.programs_data import load_programs

TARGET = Path(__file__).resolve().parents[1] / "DATA.md"


def main() -> None:
    """Write DATA.md."""
    states = [load_state(c) for c in available_states()]
    text = render_data_md(
        states, load_programs(), load_market(), shipped_assess(dt.date(2026, 12, 5))
    )
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
