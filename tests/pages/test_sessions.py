"""Sessions expire; downloads check the role when the file is made and write the audit entry."""

from __future__ import annotations

import time

import pytest

from sdg16.state import accounts, audit, sessions
from sdg16.state.roles import Role
from sdg16.ui import session
from testkit.auth import signed_in
from testkit.fixtures import module_state_db

state_db = module_state_db("ana", "root")


def _age_session(column: str, seconds: float) -> None:
    """Move the newest session's clock back, as if ``seconds`` had passed."""
    from sdg16.state import statedb

    with statedb.connect() as con:
        con.execute(
            f"UPDATE sessions SET {column} = {column} - ?"
            " WHERE id = (SELECT id FROM sessions ORDER BY created_at DESC LIMIT 1)",
            (seconds,),
        )


@pytest.mark.parametrize(
    ("column", "age"),
    [("last_seen", session.IDLE_S + 60), ("created_at", session.LIFETIME_S + 60)],
    ids=["idle", "lifetime"],
)
def test_idle_and_old_sessions_expire(column: str, age: int) -> None:
    at = signed_in("ana", "reports", series="VC_IHR_PSRC", geo="EGY")
    assert at.dataframe, "signed in, the analyst sees the data"
    _age_session(column, age)
    if column == "created_at":
        _age_session("last_seen", 0)
    at.run()
    assert any(t.value == "Sign in required" for t in at.title) and not at.dataframe
    assert "Your session expired. Please sign in again." in [w.value for w in at.warning]
    assert "session_expired" in audit.entries(actor="ana")["action"].tolist()
    assert not [s for s in sessions.live() if s.user == "ana"], "ended everywhere"


def test_revoked_elsewhere_signs_out_on_the_next_click() -> None:
    at = signed_in("ana", "reports", series="VC_IHR_PSRC", geo="EGY")
    assert sessions.revoke_user("ana", "test") == 1
    at.run()
    assert any(t.value == "Sign in required" for t in at.title) and not at.dataframe
    assert "You were signed out." in [w.value for w in at.warning]


def _make() -> tuple[bytes, int]:
    return b"a,b\n1,2\n", 1


def _identity(user: str, seen_ago: float = 0) -> session.Identity:
    found, _ = sessions.create(user, now=time.time() - seen_ago)
    return session.Identity(session_id=found.id, user=user)


def test_export_is_audited_with_filters_format_and_rows() -> None:
    from sdg16.ui.guard import produce

    data = produce(
        Role.ANALYST,
        _make,
        what="x.csv",
        filters="series=A&geo=EGY",
        fmt="csv",
        who=_identity("ana"),
    )
    assert data == b"a,b\n1,2\n"
    entry = audit.entries(action="export", actor="ana").iloc[0]
    assert (entry["what"], entry["filters"], entry["format"], entry["rows"]) == (
        "x.csv",
        "series=A&geo=EGY",
        "csv",
        1,
    )


@pytest.mark.parametrize("case", ["anonymous", "expired", "removed"])
def test_export_is_refused_at_the_moment_of_production(case: str) -> None:
    from sdg16.ui.guard import produce

    who = {
        "anonymous": session.Identity,
        "expired": lambda: _identity("ana", seen_ago=session.IDLE_S + 1),  # since the render
        "removed": lambda: _identity("ghost"),  # no such account (removed since sign-in)
    }[case]()
    with pytest.raises(PermissionError):
        produce(Role.ANALYST, _make, what="y.csv", filters="", fmt="csv", who=who)
    assert audit.entries(action="denied").iloc[0]["what"] == "y.csv"


def test_a_lowered_role_takes_effect_before_the_next_file() -> None:
    who = _identity("root")
    assert who.role_now() is Role.ADMIN
    accounts.set_role("root", Role.VIEWER)
    assert who.role_now() is Role.VIEWER
    accounts.set_role("root", Role.ADMIN)


@pytest.mark.parametrize(("user", "shown"), [("root", True), (None, False)])
def test_create_report_link_carries_the_filters(user: str | None, shown: bool) -> None:
    at = signed_in(user, "home", geo="EGY")
    links = [e for e in at.get("page_link") if e.proto.label == "Create report"]
    assert len(links) == int(shown)
    if shown:
        assert (links[0].proto.page, links[0].proto.query_string) == ("reports", "geo=EGY")
