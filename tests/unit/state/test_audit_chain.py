"""The audit log is tamper-evident: each entry carries the hash of the previous one, the
database refuses edits, deletions and INSERT OR REPLACE, and ``python -m sdg16 audit verify``
finds any change made behind its back (triggers dropped, the file edited)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sdg16.cli import main as cli
from sdg16.state import audit, statedb
from sdg16.state.roles import Role


@pytest.fixture
def log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "state.sqlite"
    monkeypatch.setenv("SDG16_STATE_DB", str(path))
    for i in range(5):
        audit.record("ana", Role.ANALYST, "export", f"file-{i}.csv", rows=i, public=i % 2 == 0)
    return path


def _verify(capsys: pytest.CaptureFixture) -> tuple[int, str]:
    code = cli.main(["audit", "verify"])
    out = capsys.readouterr()
    return code, out.out + out.err


def _raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def test_an_untouched_log_verifies(log: Path, capsys: pytest.CaptureFixture) -> None:
    assert _verify(capsys) == (0, "audit log: 5 entries, hash chain intact\n")


def test_insert_or_replace_cannot_rewrite_an_entry(log: Path) -> None:
    """Was: INSERT OR REPLACE rewrote entry 2 although UPDATE and DELETE were refused."""
    with statedb.connect(log) as con, pytest.raises(statedb.IntegrityError, match="append-only"):
        con.execute(
            "INSERT OR REPLACE INTO audit (id, at, actor, role, action, what, filters, format,"
            " rows, detail) VALUES (2, '2020-01-01', 'x', 'admin', 'export', 'x', '', '', 0, '')"
        )
    with statedb.connect(log) as con:
        for sql in ("UPDATE audit SET actor = 'x'", "DELETE FROM audit WHERE id = 2"):
            with pytest.raises(statedb.IntegrityError, match="append-only"):
                con.execute(sql)
    assert list(audit.entries()["actor"]) == ["ana"] * 5


@pytest.mark.parametrize(
    "tamper, broken",
    [
        ("UPDATE audit SET actor = 'mallory' WHERE id = 3", 3),
        ("DELETE FROM audit WHERE id = 2", 3),
        ("UPDATE audit SET rows = 99 WHERE id = 5", 5),
        ("UPDATE audit SET id = 9 WHERE id = 1", 2),
    ],
    ids=["edited", "deleted", "last-edited", "moved"],
)
def test_verify_reports_the_first_break(log: Path, capsys, tamper: str, broken: int) -> None:
    con = _raw(log)
    con.executescript("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;")
    con.execute(tamper)
    con.close()
    code, text = _verify(capsys)
    assert code == 1
    assert f"chain broken at entry {broken}" in text


def test_entries_say_whether_a_file_held_free_text_or_was_public(log: Path) -> None:
    audit.record("ana", Role.ANALYST, "report", "r.pdf", free_text=True, public=False)
    newest = audit.entries().iloc[0]
    assert newest["free_text"] == 1 and newest["public"] == 0
    assert audit.verify().ok


def test_an_old_state_file_is_sealed_into_the_chain(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "old.sqlite"
    con = _raw(path)
    con.executescript(
        "CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL,"
        " actor TEXT NOT NULL, role TEXT NOT NULL, action TEXT NOT NULL, what TEXT NOT NULL,"
        " filters TEXT NOT NULL, format TEXT NOT NULL, rows INTEGER, detail TEXT NOT NULL);"
        "INSERT INTO audit (at, actor, role, action, what, filters, format, rows, detail)"
        " VALUES ('2026-01-01T00:00:00+00:00', 'root', 'admin', 'login', 'login', '', '',"
        " NULL, '');"
    )
    con.close()
    monkeypatch.setenv("SDG16_STATE_DB", str(path))
    audit.record("root", Role.ADMIN, "logout", "logout")
    assert audit.verify().entries == 2 and audit.verify().ok


def test_the_chain_holds_on_both_backends(state_target) -> None:
    """SQLite and PostgreSQL (sdg16.state.backend): entries chain, and verify finds them whole."""
    for i in range(3):
        audit.record("ana", Role.ANALYST, "export", f"f{i}", free_text=i == 1, path=state_target)
    verdict = audit.verify(path=state_target)
    assert verdict.ok and verdict.entries == 3
    with statedb.connect(state_target) as con:
        rows = con.execute("SELECT prev_hash, hash FROM audit ORDER BY id").fetchall()
        assert rows[0][0] == "0" * 64 and rows[1][0] == rows[0][1] and rows[2][0] == rows[1][1]
        with pytest.raises(statedb.IntegrityError, match="append-only"):
            con.execute(
                "INSERT INTO audit (at, actor, role, action, what, filters, format, detail,"
                " prev_hash, hash) VALUES ('x', 'x', 'x', 'x', 'x', '', '', '', ?, ?)",
                ("f" * 64, "e" * 64),
            )
