"""The store: loads are all or nothing, and readers never see a half-written file."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from loaders.base import LoadError
from loaders.bundle import WGI, BundleSource
from loaders.store import Store
from sdg16.queries import meta
from sdg16.queries.db import ReadOnlyDatabase, StoreMissing
from testkit.paths import BUNDLE

SNAPSHOT_SQL = (
    "SELECT source, count(*) AS n, sum(value) AS total, max(load_id) AS load_id"
    " FROM observation GROUP BY source ORDER BY source"
)


@pytest.fixture
def loaded(tmp_path: Path) -> Path:
    path = tmp_path / "store.duckdb"
    Store(path).apply(BundleSource(BUNDLE).fetch())
    return path


def test_failure_mid_load_leaves_previous_data_exactly(loaded: Path) -> None:
    reader = ReadOnlyDatabase(loaded)
    before = reader.query(SNAPSHOT_SQL)

    def boom() -> None:
        raise RuntimeError("disk full (injected)")

    # The new rows are already inserted when the injected failure strikes.
    with pytest.raises(RuntimeError, match="injected"):
        Store(loaded).apply(BundleSource(BUNDLE).fetch(), before_commit=boom)

    after = reader.query(SNAPSHOT_SQL)
    assert after.equals(before)
    log = meta.load_log(reader)
    assert log.iloc[0]["outcome"] == "failed"
    assert "injected" in log.iloc[0]["message"]
    assert not list(loaded.parent.glob("*.tmp-*")), "the half-written copy was not removed"


def test_bad_file_changes_nothing_and_is_logged(loaded: Path, bundle_copy: Path) -> None:
    reader = ReadOnlyDatabase(loaded)
    before = reader.query(SNAPSHOT_SQL)
    (bundle_copy / WGI).write_text("iso3,country_name\n")
    store = Store(loaded)
    with pytest.raises(LoadError) as caught:
        store.apply(BundleSource(bundle_copy).fetch())
    store.record_failure("bundle", str(bundle_copy), caught.value)
    assert reader.query(SNAPSHOT_SQL).equals(before)
    assert meta.load_log(reader).iloc[0]["outcome"] == "failed"


def test_reader_sees_new_data_after_a_swap_without_reopening(loaded: Path) -> None:
    reader = ReadOnlyDatabase(loaded)
    first = reader.version()
    old_load = int(reader.query(SNAPSHOT_SQL)["load_id"].max())
    Store(loaded).apply(BundleSource(BUNDLE).fetch())
    assert reader.version() != first
    assert int(reader.query(SNAPSHOT_SQL)["load_id"].max()) == old_load + 1


def test_readers_keep_working_while_a_sync_runs(loaded: Path) -> None:
    reader = ReadOnlyDatabase(loaded)
    errors: list[BaseException] = []
    stop = threading.Event()

    def browse() -> None:
        while not stop.is_set():
            try:
                assert len(reader.query("SELECT * FROM observation LIMIT 100")) == 100
            except BaseException as exc:  # any error at all fails the test
                errors.append(exc)

    threads = [threading.Thread(target=browse) for _ in range(4)]
    for t in threads:
        t.start()
    try:
        for _ in range(2):
            Store(loaded).apply(BundleSource(BUNDLE).fetch())
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert errors == []


def test_missing_store_says_how_to_load(tmp_path: Path) -> None:
    with pytest.raises(StoreMissing, match="python -m loaders sync"):
        ReadOnlyDatabase(tmp_path / "nothing.duckdb").query("SELECT 1")


KILLED_LOAD = """
import sys, time
from loaders.incidents import read
from loaders.store import Store
batch = read(sys.argv[2], "template")
def hang():
    print("writing", flush=True)
    time.sleep(120)
Store(sys.argv[1]).apply_incidents(batch, before_commit=hang)
"""


def test_a_copy_left_by_a_killed_load_is_removed_by_the_next_load(loaded: Path) -> None:
    import os
    import signal
    import subprocess
    import sys

    from loaders.incidents import read
    from testkit.paths import ROOT

    src = loaded.parent / "reports.csv"
    src.write_text("id,occurred_at,country,incident_types\nk1,2020-01-01,EGY,comments\n")
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_LOAD, str(loaded), str(src)],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert proc.stdout.readline().strip() == "writing"  # mid-transaction, copy on disk
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    left = loaded.with_name(f"{loaded.name}.tmp-{proc.pid}")
    assert left.exists() and left.stat().st_size > 0  # a whole copy of the store, orphaned
    live = loaded.with_name(f"{loaded.name}.tmp-{os.getppid()}")  # a process that still runs
    live.write_bytes(b"someone else's load")
    Store(loaded).apply_incidents(read(src, "template"))
    assert not left.exists()
    assert live.exists()  # not ours to remove
    assert ReadOnlyDatabase(loaded).query("SELECT count(*) AS n FROM incident")["n"][0] == 1
