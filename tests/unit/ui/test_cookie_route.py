"""The app's sign-in cookie routes (sdg16/ui/cookie_route.py) over HTTP, with Starlette's test
client: a grant becomes an HttpOnly, SameSite=Strict cookie once; anything that cannot be a grant
or one of our cookies gets 400 (never a 500), and the session table is left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from sdg16.state import sessions, statedb
from sdg16.ui.cookie_route import ROUTES, SESSION_PATH, SIGNOUT_PATH


@pytest.fixture
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "state.sqlite"
    monkeypatch.delenv("SDG16_STATE_URL", raising=False)
    monkeypatch.setenv("SDG16_STATE_DB", str(path))
    return path


@pytest.fixture
def client(state: Path) -> TestClient:
    return TestClient(Starlette(routes=ROUTES), raise_server_exceptions=False)


def _cookie(value: str) -> dict[bytes, bytes]:
    """A Cookie header as raw bytes: browsers (and attackers) may send non-ASCII ones."""
    return {b"cookie": f"{sessions.COOKIE}={value}".encode()}


def _rows(state: Path) -> list[tuple]:
    with statedb.connect(state) as con:
        return con.execute("SELECT id, revoked_at FROM sessions ORDER BY id").fetchall()


def test_a_grant_becomes_a_strict_httponly_cookie_once(client: TestClient, state: Path) -> None:
    found, grant = sessions.create("ana", path=state)
    answer = client.post(SESSION_PATH, content=grant)
    assert answer.status_code == 204
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith(f"{sessions.COOKIE}=")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Max-Age=28800" in cookie
    value = cookie.split(";")[0].split("=", 1)[1]
    assert sessions.from_token(sessions.token_of(value, path=state), path=state).id == found.id
    assert client.post(SESSION_PATH, content=grant).status_code == 403  # used up


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"   ",
        "grànt-with-accents-and-more-than-twenty".encode(),
        "٣٣٣٣٣٣٣٣٣٣٣٣٣٣٣٣٣٣٣٣٣٣٣٣".encode(),  # Arabic-Indic digits
        b"\xff\xfe\x00garbage\x80\x81" * 4,
        b"a" * 5000,
        b"<script>alert(1)</script>",
        b'=HYPERLINK("http://x")',
        b"a.b.c",
    ],
)
def test_a_body_that_cannot_be_a_grant_is_400(client: TestClient, state: Path, body: bytes):
    sessions.create("ana", path=state)
    before = _rows(state)
    answer = client.post(SESSION_PATH, content=body)
    assert answer.status_code == 400
    assert "set-cookie" not in answer.headers
    assert _rows(state) == before


def test_an_unknown_well_formed_grant_is_403(client: TestClient) -> None:
    assert client.post(SESSION_PATH, content="A" * 43).status_code == 403


def test_a_broken_cookie_does_not_stop_a_sign_in(client: TestClient, state: Path) -> None:
    _, grant = sessions.create("ana", path=state)
    answer = client.post(SESSION_PATH, content=grant, headers=_cookie("ça-n'est-pas-un-cookie"))
    assert answer.status_code == 204 and "HttpOnly" in answer.headers["set-cookie"]


@pytest.mark.parametrize(
    "cookie",
    [
        "garbage",
        "ça.1.sig",
        "٣٣٣٣٣٣٣٣٣٣٣٣٣٣٣٣٣٣٣٣٣.1.aaaaaaaaaaaaaaaaaaaaaaaa",
        "a.b.c.d",
        "x" * 400,
    ],
)
def test_sign_out_with_a_cookie_that_is_not_ours_is_400_and_drops_it(
    client: TestClient, state: Path, cookie: str
) -> None:
    sessions.create("ana", path=state)
    before = _rows(state)
    answer = client.post(SIGNOUT_PATH, headers=_cookie(cookie))
    assert answer.status_code == 400
    assert answer.headers["set-cookie"].startswith(f'{sessions.COOKIE}=""')  # deleted
    assert _rows(state) == before


def test_sign_out_revokes_the_session_everywhere(client: TestClient, state: Path) -> None:
    found, grant = sessions.create("ana", path=state)
    assert client.post(SESSION_PATH, content=grant).status_code == 204  # the client keeps it
    assert client.post(SIGNOUT_PATH).status_code == 204
    assert sessions.get(found.id, path=state).revoked_why == "signed out"


def test_a_post_from_another_site_is_403(client: TestClient, state: Path) -> None:
    _, grant = sessions.create("ana", path=state)
    other = {"origin": "https://evil.example"}
    assert client.post(SESSION_PATH, content=grant, headers=other).status_code == 403
    assert client.post(SIGNOUT_PATH, headers=other).status_code == 403
    assert sessions.grant_open(grant, path=state)
