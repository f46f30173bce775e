"""Property-based: any bytes handed to the importers (CSV template, HarassMap, Excel) either
load or raise a LoadError whose every problem names the file (and the row and field where
there is one) - never another exception. A failed import leaves the store's file
byte-identical (the preview the admin page runs reads the file and writes nothing) and, through
the real CLI, every data table as it was."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.base import LoadError
from loaders.incidents import read
from testkit import stores
from tests.hostile.corpus import CAIRO_AREA, GOOD, HEADER

FIELD = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
ROW = st.lists(FIELD, min_size=0, max_size=10).map(lambda cells: ",".join(cells))
CSV = st.builds(
    lambda header, rows, enc: ("\n".join([header, *rows]) + "\n").encode(enc, "replace"),
    st.sampled_from([HEADER, CAIRO_AREA, "id,occurred_at,country", ""]),
    st.lists(st.one_of(ROW, st.just(GOOD)), max_size=6),
    st.sampled_from(["utf-8", "utf-16", "latin-1", "cp1252"]),
)
ANY_BYTES = st.binary(max_size=2000) | CSV
SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stores.one_report_store(tmp_path_factory.mktemp("props"))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _answer(data: bytes, name: str, fmt: str) -> LoadError | None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            read(path, fmt)
        except LoadError as exc:
            return exc
    return None


@SETTINGS
@given(data=ANY_BYTES, kind=st.sampled_from([("r.csv", "template"), ("r.csv", "harassmap")]))
def test_any_bytes_load_or_name_the_file(store: Path, data: bytes, kind) -> None:
    before = _digest(store)
    error = _answer(data, *kind)
    if error is not None:
        assert error.problems and all(
            p.file.endswith(kind[0]) and p.message for p in error.problems
        )
        assert all(str(p).startswith(p.file) for p in error.problems)
        assert all(p.row is None or p.row >= 1 for p in error.problems)
    assert _digest(store) == before


@SETTINGS
@given(cut=st.integers(0, 4000), noise=st.binary(max_size=64))
def test_any_damaged_workbook_is_a_load_error(store: Path, cut: int, noise: bytes) -> None:
    from tests.hostile.corpus import _xlsx

    book = _xlsx([HEADER.split(","), GOOD.split(",")])
    error = _answer(book[:cut] + noise, "r.xlsx", "template")
    if error is not None:
        assert all(p.file.endswith("r.xlsx") for p in error.problems)


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=ANY_BYTES)
def test_a_failed_cli_import_changes_no_data(store: Path, data: bytes, tmp_path_factory) -> None:
    from sdg16.cli import loaders as cli

    folder = tmp_path_factory.mktemp("cli")
    copy = folder / "store.duckdb"
    shutil.copyfile(store, copy)
    src = folder / "r.csv"
    src.write_bytes(data)
    before = stores.fingerprint(copy)
    old = os.environ.get("SDG16_DB")
    os.environ["SDG16_DB"] = str(copy)
    try:
        code = cli.main(["import-incidents", str(src), "--format", "template", "--json"])
    finally:
        os.environ.pop("SDG16_DB") if old is None else os.environ.update(SDG16_DB=old)
    if code != 0:
        assert stores.fingerprint(copy) == before
