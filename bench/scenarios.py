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
from sdg16.db import ReadOnlyDatabase


class RecordingDatabase(ReadOnlyDatabase):
    """The app's read-only database, remembering the SQL and parameters of its last query."""

    last: tuple[str, list] | None = None

    def query(self, sql: str, params: list | dict | None = None) -> pd.DataFrame:
        self.last = (sql, list(params or []))
        return super().query(sql, params)


@dataclass(frozen=True)
class Scenario:
    name: str
    query_layer: Callable[[], pd.DataFrame]
    pandas: Callable[[], pd.DataFrame]
    # The SQL for the floor; None means "whatever the query layer ran" (captured on first call).
    sql: str | None = None
    params: tuple = ()


@dataclass(frozen=True)
class Comparison:
    name: str
    rows: int
    layer: Timing
    raw: Timing
    pandas: Timing
    same_rows: bool  # the three implementations returned the same number of rows

    @property
    def layer_vs_raw(self) -> float:
        return self.layer.p95_ms / max(self.raw.p95_ms, 1e-6)

    @property
    def pandas_vs_layer(self) -> float:
        return self.pandas.p50_ms / max(self.layer.p50_ms, 1e-6)


def compare(
    scenario: Scenario, raw: duckdb.DuckDBPyConnection, recorder: RecordingDatabase, repeats: int
) -> Comparison:
    """Time the three implementations of ``scenario`` back to back, so ratios are fair."""
    first = scenario.query_layer()
    sql, params = (scenario.sql, list(scenario.params)) if scenario.sql else recorder.last
    floor = raw.cursor().execute(sql, params).df()
    by_pandas = scenario.pandas()
    return Comparison(
        name=scenario.name,
        rows=len(first),
        layer=measure(scenario.query_layer, repeats),
        raw=measure(lambda: raw.cursor().execute(sql, params).df(), repeats),
        pandas=measure(scenario.pandas, repeats),
        same_rows=len(first) == len(floor) == len(by_pandas),
    )


def compare_all(
    scenarios: list[Scenario],
    raw: duckdb.DuckDBPyConnection,
    recorder: RecordingDatabase,
    repeats: int,
) -> list[Comparison]:
    return [compare(s, raw, recorder, repeats) for s in scenarios]
