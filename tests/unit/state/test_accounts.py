"""Local accounts, password checks, rate limiting and the append-only audit log."""

from __future__ import annotations

import pytest

from sdg16.state import accounts, audit, statedb
from sdg16.state.roles import Role
from sdg16.state.statedb import Target


@pytest.fixture
def state(state_target: Target) -> Target:
    """Each test runs on SQLite and on PostgreSQL."""
    accounts.add_user("ana", Role.ANALYST, "analyst-password-1", path=state_target)
    return state_target


def test_passwords_are_stored_as_bcrypt_hashes(state: Target) -> None:
    with statedb.connect(state) as con:
        (stored,) = con.execute("SELECT password_hash FROM users").fetchone()
    assert stored.startswith(b"$2b$") and b"analyst-password-1" not in stored


def test_right_password_signs_in_and_wrong_one_does_not(state: Target) -> None:
    ok = accounts.authenticate("ANA ", "analyst-password-1", path=state)
    assert ok.user is not None and ok.user.role is Role.ANALYST
    bad = accounts.authenticate("ana", "analyst-password-2", path=state)
    assert bad.user is None and bad.message == "Wrong user name or password."
    # An unknown name gets exactly the same answer as a wrong password.
    assert accounts.authenticate("nobody", "x" * 12, path=state).message == bad.message


def test_failed_logins_are_rate_limited_per_name(state: Target) -> None:
    t0 = 1_000_000.0
    for i in range(accounts.MAX_FAILURES):
        assert accounts.authenticate("ana", f"wrong-{i}", now=t0 + i, path=state).user is None
    blocked = accounts.authenticate("ana", "analyst-password-1", now=t0 + 10, path=state)
    assert blocked.user is None and "Too many failed attempts" in blocked.message
    later = t0 + accounts.FAILURE_WINDOW_S + 10
    assert accounts.authenticate("ana", "analyst-password-1", now=later, path=state).user
    actions = audit.entries(actor="ana", path=state)["action"].tolist()
    assert actions.count("login_failed") == accounts.MAX_FAILURES
    assert "login_blocked" in actions and actions[0] == "login"


@pytest.mark.parametrize(
    ("name", "password", "message"),
    [
        ("ana", "another-password", "exists already"),
        ("x", "long-enough-password", "user name"),
        ("bea", "short", "at least 10 characters"),
    ],
)
def test_bad_accounts_are_refused_with_a_reason(
    state: Target, name: str, password: str, message: str
) -> None:
    with pytest.raises(accounts.AccountError, match=message):
        accounts.add_user(name, Role.VIEWER, password, path=state)


def test_roles_change_and_users_go(state: Target) -> None:
    accounts.set_role("ana", Role.VIEWER, path=state)
    assert accounts.get_user("ana", path=state).role is Role.VIEWER
    accounts.remove_user("ana", path=state)
    assert accounts.list_users(path=state) == []
    assert accounts.authenticate("ana", "analyst-password-1", path=state).user is None


def test_the_audit_log_refuses_edits_and_deletions(state: Target) -> None:
    audit.record("ana", Role.ANALYST, "report", "x.pdf", fmt="pdf", rows=3, path=state)
    with statedb.connect(state) as con:
        with pytest.raises(statedb.IntegrityError, match="append-only"):
            con.execute("UPDATE audit SET actor = 'someone else'")
        with pytest.raises(statedb.IntegrityError, match="append-only"):
            con.execute("DELETE FROM audit")
    assert audit.entries(path=state).iloc[0]["actor"] == "ana"


def test_audit_entries_keep_one_order_and_say_which_replica(state: Target, monkeypatch) -> None:
    for replica in ("r1", "r2", "r1"):
        monkeypatch.setenv("SDG16_REPLICA", replica)
        audit.record("ana", Role.ANALYST, "export", f"from-{replica}.csv", path=state)
    log = audit.entries(action="export", path=state)
    assert log["origin"].tolist() == ["r1", "r2", "r1"]  # newest first
    assert log["id"].is_monotonic_decreasing and log["id"].is_unique


def test_migrations_are_recorded_and_apply_once(state: Target) -> None:
    from sdg16.state import migrate

    with statedb.connect(state) as con:
        assert migrate.applied(con) == sorted(migrate.available(con.dialect))
        assert migrate.run(con) == []  # nothing left to apply
    with pytest.raises(accounts.AccountError, match="exists already"):
        accounts.add_user("ana", Role.VIEWER, "another-password", path=state)


def test_processes_starting_together_migrate_once(state_target: Target) -> None:
    """Replicas start at the same moment: each process migrates the empty database at once."""
    import subprocess
    import sys

    from testkit.paths import ROOT
    from tests.conftest import state_vars

    code = "from sdg16.state import statedb\nwith statedb.connect() as c: c.execute('SELECT 1')"
    env = {"PATH": "/usr/bin:/bin", **state_vars(state_target)}
    procs = [
        subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env, stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    errors = [p.communicate()[1].decode() for p in procs]
    assert all(p.returncode == 0 for p in procs), errors
    from sdg16.state import migrate

    with statedb.connect(state_target) as con:
        assert migrate.applied(con) == sorted(migrate.available(con.dialect))
