"""Test stores built once: the bundle is parsed once per process, the loaded store is built
once per test session and copied where a test needs one of its own (a copy is a file copy, a
load is a parse and a DuckDB write)."""

from __future__ import annotations

import functools
import hashlib
import shutil
from pathlib import Path

import duckdb

from loaders.base import Batch
from loaders.bundle import BundleSource
from loaders.store import Store
from testkit.paths import BUNDLE, HARASSMAP


@functools.cache
def bundle_batch() -> Batch:
    """The bundle as one batch, parsed once per process. ``Store.apply`` only reads it."""
    return BundleSource(BUNDLE).fetch()


def bundle_store(path: Path) -> Path:
    """A new store at ``path`` holding the bundle (one load, as ``make data`` makes it)."""
    Store(path).apply(bundle_batch())
    return path


def copy_of(store: Path, path: Path) -> Path:
    """A private copy of ``store`` for a test that writes to it."""
    shutil.copyfile(store, path)
    return path


def with_incidents(store: Path, path: Path) -> Path:
    """A copy of ``store`` with the HarassMap reports imported."""
    from loaders.incidents import read

    Store(copy_of(store, path)).apply_incidents(read(HARASSMAP, "harassmap"))
    return path


def one_report_store(folder: Path) -> Path:
    """A small store in ``folder`` holding one incident report (not empty, and fast to copy per
    case of the hostile-file tests)."""
    from loaders.incidents import read

    seed = folder / "seed.csv"
    seed.write_text("id,occurred_at,country,incident_types\ns1,2019-01-01,EGY,comments\n")
    path = folder / "store.duckdb"
    Store(path).apply_incidents(read(seed, "template"))
    return path


def fingerprint(path: Path) -> dict[str, str]:
    """A digest of every table's rows (load_log apart), in a stable order: equal before and
    after a failed import when nothing was written."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
        out = {}
        for t in sorted(set(tables) - {"load_log"}):
            rows = con.execute(f'SELECT * FROM "{t}"').fetchall()
            out[t] = hashlib.sha256(repr(sorted(map(repr, rows))).encode()).hexdigest()
        return out
    finally:
        con.close()
