"""A scenario is one user interaction measured three ways in the same run:

the query layer (what the app calls), the very SQL it ran straight on DuckDB (the floor), and a
plain pandas implementation over frames already in memory (what most Streamlit apps do).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb
import pandas as pd

from bench.timing import Timing, measure
from sdg16.queries.db import ReadOnlyDatabase


class RecordingDatabase(ReadOnlyDatabase):
    """The app's read-only database, remembering the SQL and parameters it ran."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.statements: list[tuple[str, list]] = []

    def query(self, sql: str, params: list | dict | None = None) -> pd.DataFrame:
        self.statements.append((sql, list(params or [])))
        return super().query(sql, params)


@dataclass(frozen=True)
class Scenario:
    name: str
    query_layer: Callable[[], pd.DataFrame]
    pandas: Callable[[], pd.DataFrame]


@dataclass(frozen=True)
class Comparison:
    name: str
    rows: int
    layer: Timing
    raw: Timing
    pandas: Timing
    same_rows: bool  # the query layer and pandas returned the same number of rows
    statements: int = 1  # SQL statements the query layer ran (the floor runs the same)

    @property
    def layer_vs_raw(self) -> float:
        return self.layer.p95_ms / max(self.raw.p95_ms, 1e-6)

    @property
    def pandas_vs_layer(self) -> float:
        return self.pandas.p50_ms / max(self.layer.p50_ms, 1e-6)


def compare(
    scenario: Scenario,
    raw: duckdb.DuckDBPyConnection,
    recorder: RecordingDatabase,
    repeats: int,
    pandas_repeats: int | None = None,
) -> Comparison:
    """Time the three implementations of ``scenario`` back to back, so ratios are fair.

    The floor is every statement the query layer ran for the interaction (recorded on a warm
    call, so one-off reads such as the store's layout are not counted), run on a plain
    read-only DuckDB connection.
    """
    scenario.query_layer()
    recorder.statements.clear()
    first = scenario.query_layer()
    statements = list(recorder.statements)

    def floor() -> int:
        return sum(len(raw.cursor().execute(sql, p).df()) for sql, p in statements)

    by_pandas = scenario.pandas()
    return Comparison(
        name=scenario.name,
        rows=len(first),
        layer=measure(scenario.query_layer, repeats),
        raw=measure(floor, repeats),
        pandas=measure(scenario.pandas, pandas_repeats or repeats),
        same_rows=len(first) == len(by_pandas),
        statements=len(statements),
    )


def compare_all(
    scenarios: list[Scenario],
    raw: duckdb.DuckDBPyConnection,
    recorder: RecordingDatabase,
    repeats: int,
    pandas_repeats: int | None = None,
) -> list[Comparison]:
    return [compare(s, raw, recorder, repeats, pandas_repeats) for s in scenarios]
