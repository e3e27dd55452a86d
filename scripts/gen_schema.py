"""Regenerate src/lmspath/report.schema.json from the JSON report model."""

from __future__ import annotations

from pathlib import Path

from lmspath.schema.report import json_schema

TARGET = Path(__file__).resolve().parents[1] / "src" / "lmspath" / "report.schema.json"


def main() -> None:
    """Write the schema file."""
    TARGET.write_text(json_schema(), encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
