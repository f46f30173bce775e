"""Sessions expire; downloads check the role when the file is made and write the audit entry."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from sdg16.state import accounts, audit
from sdg16.state.roles import Role
from sdg16.ui import session
from testkit.auth import PASSWORDS, signed_in


@pytest.fixture(scope="module", autouse=True)
def state_db(tmp_path_factory: pytest.TempPathFactory, store_path: Path):
    path = tmp_path_factory.mktemp("state") / "app_state.sqlite"
    old = os.environ.get("SDG16_STATE_DB")
    os.environ["SDG16_STATE_DB"] = str(path)
    for name, role in (("ana", Role.ANALYST), ("root", Role.ADMIN)):
        accounts.add_user(name, role, PASSWORDS[name])
    yield path
    os.environ.pop("SDG16_STATE_DB") if old is None else os.environ.update(SDG16_STATE_DB=old)


@pytest.mark.parametrize(
    ("key", "age"),
    [(session.SEEN_KEY, session.IDLE_S + 60), (session.LOGIN_AT_KEY, session.LIFETIME_S + 60)],
)
def test_idle_and_old_sessions_expire(key: str, age: int) -> None:
    at = signed_in("ana", "reports", series="VC_IHR_PSRC", geo="EGY")
    assert at.dataframe, "signed in, the analyst sees the data"
    at.session_state[key] = time.time() - age
    at.run()
    assert any(t.value == "Sign in required" for t in at.title) and not at.dataframe
    assert "Your session expired. Please sign in again." in [w.value for w in at.warning]
    assert "session_expired" in audit.entries(actor="ana")["action"].tolist()


def _identity(user: str, role: Role, seen_ago: float = 0) -> session.Identity:
    now = time.time()
    return session.Identity(user, role, login_at=now - seen_ago, last_seen=now - seen_ago)


def _make() -> tuple[bytes, int]:
    return b"a,b\n1,2\n", 1


def test_export_is_audited_with_filters_format_and_rows() -> None:
    from sdg16.ui.guard import produce

    data = produce(
        Role.ANALYST,
        _make,
        what="x.csv",
        filters="series=A&geo=EGY",
        fmt="csv",
        who=_identity("ana", Role.ANALYST),
    )
    assert data == b"a,b\n1,2\n"
    entry = audit.entries(action="export", actor="ana").iloc[0]
    assert (entry["what"], entry["filters"], entry["format"], entry["rows"]) == (
        "x.csv",
        "series=A&geo=EGY",
        "csv",
        1,
    )


@pytest.mark.parametrize(
    "who",
    [
        session.Identity(),  # anonymous
        _identity("ana", Role.ANALYST, seen_ago=session.IDLE_S + 1),  # expired since render
        _identity("ghost", Role.ADMIN),  # account removed since login
    ],
    ids=["anonymous", "expired", "removed"],
)
def test_export_is_refused_at_the_moment_of_production(who: session.Identity) -> None:
    from sdg16.ui.guard import produce

    with pytest.raises(PermissionError):
        produce(Role.ANALYST, _make, what="y.csv", filters="", fmt="csv", who=who)
    assert audit.entries(action="denied").iloc[0]["what"] == "y.csv"


def test_a_lowered_role_takes_effect_before_the_next_file() -> None:
    who = _identity("root", Role.ADMIN)
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
