"""The one interface every source implements, and the error type for bad input.

A source reads its input (files or HTTP), validates every row, and returns a ``Batch`` of
normalised frames. It never touches the database: ``loaders.store`` is the only writer.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import pandas as pd

from sdg16.core.schema import DIMENSIONS

# Dataset codes (``sdg16.core.schema.DATASETS``) are stored in ``observation.source``; two
# datasets of one series are never merged.
# Which dataset a view shows by default when a series has several: live pulls before snapshots.
PREFERENCE: dict[str, int] = {"unsd-api": 1, "wb-api": 1, "unsd-bundle": 2, "wgi-bundle": 2}

OBSERVATION_COLUMNS: tuple[str, ...] = (
    "source",
    "series_code",
    "geo_id",
    "year",
    "value",
    "value_text",
    "unit",
    "nature",
    *DIMENSIONS,
)
SERIES_COLUMNS: tuple[str, ...] = ("series_code", "source", "indicator", "description", "unit")
GEO_COLUMNS: tuple[str, ...] = (
    "geo_id",
    "m49",
    "iso3",
    "iso2",
    "name",
    "kind",
    "un_region",
    "un_subregion",
    "wb_region",
    "income_group",
    "ldc",
    "lldc",
    "sids",
)
MAX_REPORTED_PROBLEMS = 20


@dataclass(frozen=True)
class Problem:
    """One bad value: where it is (file, row, field) and what is wrong with it."""

    file: str
    message: str
    row: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.field:
            where += f", field '{self.field}'"
        return f"{where}: {self.message}"


class LoadError(Exception):
    """Input that cannot be loaded. Nothing is written when this is raised."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = problems if isinstance(problems, list) else [problems]
        shown = self.problems[:MAX_REPORTED_PROBLEMS]
        more = len(self.problems) - len(shown)
        text = "\n".join(str(p) for p in shown)
        if more:
            text += f"\n... and {more} more problem(s)"
        super().__init__(text)


@dataclass(frozen=True)
class Provenance:
    """One input of a load: a file or URL, how many rows it had, and its checksum."""

    location: str
    rows: int
    checksum: str


@dataclass
class Batch:
    """Everything one source produced, ready for the store to swap in whole."""

    source: str
    datasets: tuple[str, ...]
    observations: pd.DataFrame
    series: pd.DataFrame
    geo: pd.DataFrame
    inputs: list[Provenance] = field(default_factory=list)
    replaces_reference: bool = False
    shapes: pd.DataFrame | None = None  # loaders/shapes.py; None keeps the store's shapes


class Source(Protocol):
    """A place data comes from. ``fetch`` validates everything before returning."""

    name: str

    def fetch(self) -> Batch: ...


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sha256_of_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
