"""The session table and the cookie value, on SQLite and PostgreSQL (``state_target``)."""

from __future__ import annotations

import time

import pytest

from sdg16.state import sessions


def test_a_grant_gives_the_token_once_and_the_cookie_names_the_session(state_target) -> None:
    found, grant = sessions.create("ana", path=state_target)
    assert sessions.grant_open(grant, path=state_target)
    token = sessions.claim(grant, path=state_target)
    assert token and sessions.claim(grant, path=state_target) is None  # one-time
    assert not sessions.grant_open(grant, path=state_target)
    value = sessions.cookie_value(token, path=state_target)
    assert sessions.token_of(value, path=state_target) == token
    assert sessions.from_token(token, path=state_target).id == found.id
    assert token not in found.id  # the table holds the token's hash only


@pytest.mark.parametrize(
    "forged",
    ["", "x", "a.b.c", "tok.9999999999.AAAA", "tok.notanumber.sig", "a.b.c.d", "٣.٣.٣"],
)
def test_forged_or_mangled_cookies_name_nobody(state_target, forged: str) -> None:
    assert sessions.token_of(forged, path=state_target) is None


def test_a_cookie_with_a_changed_expiry_or_token_fails_its_signature(state_target) -> None:
    value = sessions.cookie_value("sometoken", path=state_target)
    token, expires, mac = value.split(".")
    assert sessions.token_of(f"{token}.{int(expires) + 3600}.{mac}", path=state_target) is None
    assert sessions.token_of(f"othertoken.{expires}.{mac}", path=state_target) is None


def test_an_expired_cookie_is_refused_even_with_a_good_signature(state_target) -> None:
    value = sessions.cookie_value(
        "tok", now=time.time() - sessions.LIFETIME_S - 5, path=state_target
    )
    assert sessions.token_of(value, path=state_target) is None


def test_a_grant_older_than_a_minute_is_gone(state_target) -> None:
    _, grant = sessions.create("ana", now=time.time() - sessions.GRANT_S - 1, path=state_target)
    assert sessions.claim(grant, path=state_target) is None


def test_sessions_end_by_idle_lifetime_or_revocation(state_target) -> None:
    now = time.time()
    idle, _ = sessions.create("ana", now=now - sessions.IDLE_S - 1, path=state_target)
    assert sessions.get(idle.id, path=state_target).ended(now) == "idle"
    old, _ = sessions.create("ana", now=now - sessions.LIFETIME_S - 1, path=state_target)
    sessions.touch(sessions.get(old.id, path=state_target), now, path=state_target)
    assert sessions.get(old.id, path=state_target).ended(now) == "lifetime"
    live, _ = sessions.create("ana", now=now, path=state_target)
    assert sessions.get(live.id, path=state_target).ended(now) is None
    assert [s.id for s in sessions.live(now, path=state_target)] == [live.id]
    assert sessions.revoke(live.id, "signed out", path=state_target)
    assert not sessions.revoke(live.id, "again", path=state_target)  # once
    assert sessions.get(live.id, path=state_target).ended(now) == "signed out"


def test_revoke_user_ends_every_session_of_that_user_only(state_target) -> None:
    for user in ("ana", "ana", "bob"):
        sessions.create(user, path=state_target)
    assert sessions.revoke_user("ana", "removed", path=state_target) == 2
    assert [s.user for s in sessions.live(path=state_target)] == ["bob"]


def test_find_takes_a_printed_prefix_and_refuses_short_or_odd_ones(state_target) -> None:
    found, _ = sessions.create("ana", path=state_target)
    assert [s.id for s in sessions.find(found.id[:12], path=state_target)] == [found.id]
    assert sessions.find(found.id[:3], path=state_target) == []
    assert sessions.find("%%%%%%%", path=state_target) == []
