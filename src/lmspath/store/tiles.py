"""The US tile map's layout (data/tiles.yaml): one cell per jurisdiction, validated on load."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from lmspath.model.states import JURISDICTIONS
from lmspath.schema.rules import Source, StrictModel


class Tile(StrictModel):
    """One jurisdiction's cell."""

    code: str
    row: int = Field(ge=0)
    col: int = Field(ge=0)


class TileMap(StrictModel):
    """The grid: its size, its cited source, and one tile for each of the 51 jurisdictions."""

    schema_version: Literal[1] = 1
    source: Source
    note: str | None = None
    rows: int = Field(ge=1)
    cols: int = Field(ge=1)
    tiles: list[Tile]

    @model_validator(mode="after")
    def _one_tile_each(self) -> TileMap:
        codes = [t.code for t in self.tiles]
        for code in codes:
            if code not in JURISDICTIONS:
                raise ValueError(f"tile {code!r} is not a state code")
            if codes.count(code) > 1:
                raise ValueError(f"{code} appears {codes.count(code)} times")
        absent = sorted(set(JURISDICTIONS) - set(codes))
        if absent:
            raise ValueError(f"no tile for {', '.join(absent)}")
        cells: dict[tuple[int, int], str] = {}
        for tile in self.tiles:
            if tile.row >= self.rows or tile.col >= self.cols:
                raise ValueError(f"{tile.code} lies outside the {self.rows}x{self.cols} grid")
            other = cells.setdefault((tile.row, tile.col), tile.code)
            if other != tile.code:
                raise ValueError(f"{other} and {tile.code} share row {tile.row}, col {tile.col}")
        return self

    def grid(self) -> list[list[str | None]]:
        """Rows of cells, each a state code or None."""
        cells: list[list[str | None]] = [[None] * self.cols for _ in range(self.rows)]
        for tile in self.tiles:
            cells[tile.row][tile.col] = tile.code
        return cells

    def position(self, code: str) -> tuple[int, int]:
        """A code's (row, col)."""
        for tile in self.tiles:
            if tile.code == code:
                return tile.row, tile.col
        raise KeyError(code)


@functools.lru_cache(maxsize=4)
def load_tiles(data_dir: Path | None = None) -> TileMap:
    """The tile map shipped in ``data/tiles.yaml`` (or a fork's); DataError when invalid."""
    from lmspath.store.load import default_data_dir, load_schema

    base = data_dir or default_data_dir()
    path = base / "tiles.yaml"
    label = "data/tiles.yaml" if base == default_data_dir() else str(path)
    return load_schema(path, TileMap, label)
