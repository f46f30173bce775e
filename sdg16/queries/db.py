"""Read-only access to the store, safe for Streamlit's one-thread-per-session model.

Each open is a fresh in-memory DuckDB instance that ATTACHes the file READ_ONLY: DuckDB caches
instances by path, so a plain ``duckdb.connect(path)`` would keep serving the old file after a
load renames a new one into place. Queries run on their own cursor (a connection is not
thread-safe) and are interrupted after a time limit.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import duckdb
import pandas as pd

from sdg16.core import settings

DEFAULT_TIME_LIMIT_S = 30.0


class StoreMissing(RuntimeError):
    """No store file yet: the bundle has not been loaded."""


class QueryTimeout(RuntimeError):
    pass


class ReadOnlyDatabase:
    def __init__(self, path: Path | None = None, time_limit_s: float = DEFAULT_TIME_LIMIT_S):
        self.path = Path(path or settings.db_path())
        self.time_limit_s = time_limit_s
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._opened: tuple[int, int] | None = None

    def _file_id(self) -> tuple[int, int]:
        try:
            st = os.stat(self.path)
        except FileNotFoundError as exc:
            raise StoreMissing(
                f"No data store at {self.path}. Load the bundled data first: "
                "python -m loaders sync --source bundle"
            ) from exc
        return st.st_ino, st.st_mtime_ns

    def version(self) -> str:
        """Changes whenever a load swaps in a new file; part of every cache key."""
        ino, mtime = self._file_id()
        return f"{ino}:{mtime}"

    def _connection(self) -> duckdb.DuckDBPyConnection:
        file_id = self._file_id()
        with self._lock:
            if self._con is None or self._opened != file_id:
                con = duckdb.connect(":memory:")
                con.execute("SET memory_limit = ?", [settings.reader_memory_limit()])
                con.execute("ATTACH ? AS store (READ_ONLY)", [str(self.path)])
                # The old instance stays alive for cursors still running on it.
                self._con, self._opened = con, file_id
            return self._con

    def query(self, sql: str, params: list | dict | None = None) -> pd.DataFrame:
        cur = self._connection().cursor()
        cur.execute("USE store")
        timer = threading.Timer(self.time_limit_s, cur.interrupt)
        timer.start()
        try:
            return cur.execute(sql, params or []).df()
        except duckdb.InterruptException as exc:
            raise QueryTimeout(f"query took longer than {self.time_limit_s:.0f} s") from exc
        finally:
            timer.cancel()
            cur.close()

    def has_table(self, name: str) -> bool:
        found = self.query(
            "SELECT count(*) AS n FROM information_schema.tables"
            " WHERE table_catalog = 'store' AND table_name = ?",
            [name],
        )
        return bool(found["n"].iloc[0])
