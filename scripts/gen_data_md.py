"""Regenerate DATA.md from the rules, programs and career-facts data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lmspath.api.data_md import render_data_md
from lmspath.api.data_md_coverage import shipped_assess
from lmspath.store.load import available_states, load_state
from lmspath.store.market import load_market
from lmspath.store.programs import load_programs

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
