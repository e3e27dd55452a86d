"""Regenerate DATA.md from the rules data."""

from __future__ import annotations

from pathlib import Path

from lmspath.data import available_states, load_state
from lmspath.datadoc import render_data_md

TARGET = Path(__file__).resolve().parents[1] / "DATA.md"


def main() -> None:
    """Write DATA.md."""
    TARGET.write_text(render_data_md([load_state(c) for c in available_states()]), encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
