"""The only writer of the DuckDB store.

DuckDB allows one read-write process or many read-only ones, never both. So a load never
opens the live file for writing: it copies the file, applies the batch to the copy in one
transaction, checkpoints, and renames the copy over the original. Readers keep the old file
open until they notice the new one (``sdg16.queries.db``); a load that fails leaves the original
untouched and records the failure the same way.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from loaders.base import GEO_COLUMNS, OBSERVATION_COLUMNS, PREFERENCE, Batch
from loaders.incidents.model import ImportResult, IncidentBatch

SCHEMA = (Path(__file__).with_name("schema.sql")).read_text(encoding="utf-8")


@dataclass(frozen=True)
class LoadResult:
    load_id: int
    source: str
    observations: int
    series: int


@contextmanager
def _exclusive(path: Path) -> Iterator[None]:
    """One load at a time per store, across processes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = path.with_name(path.name + ".lock")
    with lock.open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    return True


def sweep_stale_copies(path: Path) -> list[Path]:
    """Remove ``<store>.tmp-<pid>`` copies (and their WAL) left by a load that was killed
    (kill -9, power loss): each is a whole copy of the store. Only copies whose process is
    gone; called under the store's lock, so no live load of this machine is writing one."""
    removed = []
    for tmp in path.parent.glob(f"{path.name}.tmp-*"):
        pid = tmp.name.rsplit(".tmp-", 1)[1].removesuffix(".wal")
        if pid.isascii() and pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            tmp.unlink(missing_ok=True)
            removed.append(tmp)
    return removed


def _now() -> datetime:
    """UTC, without tzinfo: DuckDB TIMESTAMP columns hold UTC by convention here."""
    return datetime.now(UTC).replace(tzinfo=None)


class Store:
    def __init__(self, path: Path):
        self.path = Path(path)

    @contextmanager
    def _swap(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-write connection to a copy; renamed over the store only if the block succeeds."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        sweep_stale_copies(self.path)
        tmp = self.path.with_name(f"{self.path.name}.tmp-{os.getpid()}")
        tmp.unlink(missing_ok=True)
        if self.path.exists():
            shutil.copyfile(self.path, tmp)
        con = duckdb.connect(str(tmp))
        try:
            con.execute(SCHEMA)
            yield con
            con.execute("CHECKPOINT")
            con.close()
            os.replace(tmp, self.path)
        except BaseException:
            con.close()
            tmp.unlink(missing_ok=True)
            Path(f"{tmp}.wal").unlink(missing_ok=True)
            raise

    def apply(self, batch: Batch, *, before_commit: Callable[[], None] | None = None) -> LoadResult:
        """Replace the batch's datasets (and the reference tables, if it carries them) at once.

        ``before_commit`` runs inside the transaction; tests use it to inject a failure.
        """
        started = _now()
        with _exclusive(self.path):
            try:
                with self._swap() as con:
                    load_id = self._next_load_id(con)
                    con.begin()
                    self._write(con, batch, load_id)
                    self._log(con, load_id, batch, started)
                    if before_commit:
                        before_commit()
                    con.commit()
            except Exception as exc:
                self._record_failure(batch.source, batch, started, exc)
                raise
        return LoadResult(load_id, batch.source, len(batch.observations), len(batch.series))

    def record_failure(self, source: str, location: str, error: Exception) -> None:
        """Log a load that failed before it produced a batch (bad file, no network)."""
        with _exclusive(self.path):
            self._record_failure(source, None, _now(), error, location)

    def _record_failure(
        self,
        source: str,
        batch: Batch | None,
        started: datetime,
        error: Exception,
        location: str | None = None,
    ) -> None:
        where = location or (", ".join(i.location for i in batch.inputs) if batch else None)
        try:
            with self._swap() as con:
                con.execute(
                    "INSERT INTO load_log VALUES (?, ?, ?, ?, ?, 0, NULL, 'failed', ?)",
                    [self._next_load_id(con), source, where, started, _now(), str(error)[:4000]],
                )
        except (duckdb.Error, OSError):
            pass  # the failure being reported matters more than its log entry

    @staticmethod
    def _next_load_id(con: duckdb.DuckDBPyConnection) -> int:
        return int(con.execute("SELECT coalesce(max(load_id), 0) + 1 FROM load_log").fetchone()[0])

    @staticmethod
    def _write(con: duckdb.DuckDBPyConnection, batch: Batch, load_id: int) -> None:
        obs = batch.observations.reindex(columns=list(OBSERVATION_COLUMNS)).assign(load_id=load_id)
        series = batch.series.assign(
            preference=batch.series["source"].map(PREFERENCE).fillna(9).astype(int), load_id=load_id
        )
        geo = batch.geo.reindex(columns=list(GEO_COLUMNS))
        unknown_sources = set(obs["source"].unique()) - set(batch.datasets)
        if unknown_sources:
            raise ValueError(
                f"{batch.source} produced rows for undeclared datasets {unknown_sources}"
            )
        marks = ", ".join("?" for _ in batch.datasets)
        con.execute(f"DELETE FROM observation WHERE source IN ({marks})", list(batch.datasets))
        con.execute(f"DELETE FROM series WHERE source IN ({marks})", list(batch.datasets))
        if batch.replaces_reference:
            con.execute("DELETE FROM geo")
            con.register("new_geo", geo)
            con.execute("INSERT INTO geo SELECT * FROM new_geo")
        else:
            con.register("new_geo", geo)
            con.execute(
                "INSERT INTO geo SELECT * FROM new_geo WHERE geo_id NOT IN (SELECT geo_id FROM geo)"
            )
        con.register("new_series", series)
        con.execute(
            "INSERT INTO series BY NAME SELECT series_code, source, indicator, description, unit,"
            " preference, load_id FROM new_series"
        )
        con.register("new_obs", obs)
        con.execute("INSERT INTO observation BY NAME SELECT * FROM new_obs")
        if batch.shapes is not None:
            con.execute("DELETE FROM shape")
            con.register("new_shapes", batch.shapes)
            con.execute("INSERT INTO shape BY NAME SELECT * FROM new_shapes")
            con.unregister("new_shapes")
        missing = con.execute(
            "SELECT DISTINCT geo_id FROM observation WHERE geo_id NOT IN (SELECT geo_id FROM geo)"
            " LIMIT 5"
        ).fetchall()
        if missing:
            raise RuntimeError(f"observations refer to unknown geographies: {missing}")
        for name in ("new_geo", "new_series", "new_obs"):
            con.unregister(name)

    @staticmethod
    def _log(con: duckdb.DuckDBPyConnection, load_id: int, batch: Batch, started: datetime) -> None:
        finished = _now()
        rows = [
            [load_id, batch.source, i.location, started, finished, i.rows, i.checksum, "ok", None]
            for i in batch.inputs
        ] or [
            [
                load_id,
                batch.source,
                None,
                started,
                finished,
                len(batch.observations),
                None,
                "ok",
                None,
            ]
        ]
        con.executemany("INSERT INTO load_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def apply_incidents(
        self, batch: IncidentBatch, *, before_commit: Callable[[], None] | None = None
    ) -> ImportResult:
        """Add an import's new reports and rejected rows at once (same swap as ``apply``)."""
        from loaders.incidents import storage

        started = _now()
        with _exclusive(self.path):
            try:
                with self._swap() as con:
                    load_id = self._next_load_id(con)
                    con.begin()
                    inserted, duplicates = storage.write(con, batch, load_id)
                    rows = [
                        [load_id, batch.source, i.location, started, _now(), inserted, i.checksum]
                        for i in batch.inputs
                    ] or [[load_id, batch.source, None, started, _now(), inserted, None]]
                    con.executemany(
                        "INSERT INTO load_log VALUES (?, ?, ?, ?, ?, ?, ?, 'ok', NULL)", rows
                    )
                    if before_commit:
                        before_commit()
                    con.commit()
            except Exception as exc:
                self._record_failure(batch.source, None, started, exc, _where(batch))
                raise
        q = batch.quarantine
        listing = [
            {"id": r.source_id, "row": r.row_no, "field": r.field, "reason": r.reason}
            for r in q.itertuples(index=False)
        ]
        flags = [
            {"id": r.source_id, "row": r.row_no, "field": r.field, "note": r.note}
            for r in batch.flags.itertuples(index=False)
        ]
        return ImportResult(load_id, inserted, duplicates, len(q), listing, flags)


def _where(batch: IncidentBatch) -> str:
    return ", ".join(i.location for i in batch.inputs) or batch.source
