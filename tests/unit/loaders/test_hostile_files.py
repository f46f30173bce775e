"""Every file of the hostile corpus (tests/hostile/corpus.py) imported through the real CLI
into a copy of a store: the answer names the problem, and a failed import leaves every data
table exactly as it was (the load log gains the failure, with the message)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from sdg16.cli import loaders as cli  # python -m loaders
from testkit import stores
from tests.hostile.corpus import Case, cases

CASES = cases()


def test_the_corpus_has_at_least_40_files() -> None:
    assert len(CASES) >= 40
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.fixture(scope="module")
def base_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small store holding one report (copied for every case: fast, and not empty)."""
    return stores.one_report_store(tmp_path_factory.mktemp("hostile"))


def _load_log(path: Path) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT outcome, message FROM load_log ORDER BY load_id").fetchall()
    finally:
        con.close()


def _import(case: Case, folder: Path, store: Path, monkeypatch, capsys) -> tuple[int, str, str]:
    src = folder / case.name
    src.write_bytes(case.data)
    monkeypatch.setenv("SDG16_DB", str(store))
    args = ["import-incidents", str(src), "--json"]
    args += ["--format", case.fmt] if case.fmt else []
    code = cli.main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_file(case: Case, base_store: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    store = tmp_path / "store.duckdb"
    shutil.copyfile(base_store, store)
    before, log_before = stores.fingerprint(store), _load_log(store)
    code, out, err = _import(case, tmp_path, store, monkeypatch, capsys)
    assert "Traceback" not in err
    if case.kind == "fail":
        assert code == 1, (out, err)
        assert case.message in err and case.name in err
        assert stores.fingerprint(store) == before  # no data written
        new = _load_log(store)[len(log_before) :]
        assert len(new) == 1 and new[0][0] == "failed" and case.message in new[0][1]
        return
    assert code == 0, err
    result = json.loads(out)
    if case.kind == "quarantine":
        assert result["imported"] == 1 and result["quarantined"] == 1, result
        assert case.message in result["quarantine"][0]["reason"], result["quarantine"]
        assert result["quarantine"][0]["row"] == 2
    elif case.kind == "flag":
        assert result["imported"] == 2 and result["flagged"] == 1, result
        assert case.message in result["flags"][0]["note"]
        # The point wins: the report is stored under the area that holds it, and says so.
        assert result["flags"][0]["note"].endswith("stored under EG-ALX")
        con = duckdb.connect(str(store), read_only=True)
        try:
            stored = con.execute("SELECT source_id, admin1 FROM incident ORDER BY 1").fetchall()
        finally:
            con.close()
        assert ("c1", "EG-ALX") in stored and ("c2", "EG-C") in stored
    else:
        assert f"imported {result['imported']}" == case.message, result
