"""20 browser sessions through nginx to two replicas sharing PostgreSQL state: affinity,
sign-in, a sync seen everywhere, failover when a replica dies, one audit log in one order."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from sdg16.state import accounts, audit, sessions
from sdg16.state.roles import Role
from testkit.browser import PageWatch, exceptions_on, settle
from testkit.cluster import ROOT, Cluster

SESSIONS = 20
PASSWORD = "replica-password-1"
AFFINITY = "sdg16_replica"  # nginx's cookie (deploy/nginx.conf.template)
# When did each websocket open (page clock, ms): tells when a tab has reconnected.
WS_HOOK = """
(() => {
  const Native = window.WebSocket;
  window.__wsOpened = [];
  window.WebSocket = function (...args) {
    const ws = new Native(...args);
    ws.addEventListener('open', () => window.__wsOpened.push(Date.now()));
    return ws;
  };
  window.WebSocket.prototype = Native.prototype;
  Object.assign(window.WebSocket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
})();
"""
LOG_LINE = re.compile(
    r"(?P<at>\S+) key=(?P<key>\S*) upstream=(?P<upstream>.*) status=(?P<status>\d+)"
)
FIGURES = ROOT / "artifacts" / "replicas.json"


@dataclass
class Session:
    user: str
    ctx: object
    page: object
    watch: PageWatch

    @property
    def key(self) -> str:
        return next(c["value"] for c in self.ctx.cookies() if c["name"] == AFFINITY)

    def has_session_cookie(self) -> bool:
        return any(c["name"] == sessions.COOKIE for c in self.ctx.cookies())


def served_by(cluster: Cluster, since: float = 0.0) -> dict[str, list[str]]:
    """Affinity key -> replica names that answered it (in log order), from nginx's log."""
    ports = {str(r.port): r.name for r in cluster.replicas}
    out: dict[str, list[str]] = {}
    for line in cluster.access_log.read_text().splitlines():
        found = LOG_LINE.match(line)
        if not found or float(found["at"]) < since or found["status"] != "200":
            continue
        last = found["upstream"].split(",")[-1].strip()  # after a failed try: "a:1, b:2"
        out.setdefault(found["key"], []).append(ports.get(last.rsplit(":", 1)[-1], last))
    return out


def freshness(page) -> str:
    return " ".join(page.get_by_text("Data freshness").all_inner_texts())


@pytest.fixture(scope="module")
def browsers(cluster: Cluster, chromium):
    _figures(rss_mb_before_sessions={r.name: round(r.rss_mb(), 1) for r in cluster.replicas})
    for i in range(1, SESSIONS + 1):
        accounts.add_user(f"user{i:02d}", Role.VIEWER, PASSWORD, path=cluster.state_url)
    opened = []
    for i in range(1, SESSIONS + 1):
        ctx = chromium.new_context(viewport={"width": 1280, "height": 720})
        ctx.add_init_script(WS_HOOK)
        page = ctx.new_page()
        watch = PageWatch()
        watch.attach(page)
        page.goto(cluster.url + "/login")
        settle(page, 90000)
        opened.append(Session(f"user{i:02d}", ctx, page, watch))
    yield opened
    for s in opened:
        s.ctx.close()


def replica_of(cluster: Cluster, session: Session) -> str:
    names = set(served_by(cluster)[session.key])
    assert len(names) == 1, f"{session.user} was served by {names}"
    return names.pop()


def test_sessions_spread_over_both_replicas_and_stay_on_theirs(cluster, browsers) -> None:
    for s in browsers[:6]:  # reload and move: each new page load is hashed again
        s.page.reload()
        settle(s.page, 90000)
    homes = {replica_of(cluster, s) for s in browsers}
    counts = {
        r.name: sum(replica_of(cluster, s) == r.name for s in browsers) for r in cluster.replicas
    }
    assert homes == {"r1", "r2"} and min(counts.values()) >= 3, counts
    _figures(sessions_per_replica=counts)
    for s in browsers:
        assert not s.watch.offsite and not exceptions_on(s.page)


def test_sign_in_happens_on_the_sessions_replica(cluster, browsers) -> None:
    for s in browsers:
        s.page.get_by_label("User name").fill(s.user)
        s.page.get_by_role("textbox", name="Password").fill(PASSWORD)
        s.page.get_by_role("button", name="Sign in").click()
    for s in browsers:
        s.page.get_by_text(f"Signed in as {s.user} (viewer).").wait_for(timeout=90000)
    logins = audit.entries(action="login", path=cluster.state_url)
    origin = dict(zip(logins["actor"], logins["origin"], strict=True))
    for s in browsers:  # the websocket that signed in is on the replica the cookie hashes to
        assert origin[s.user] == replica_of(cluster, s), s.user
    _figures(rss_mb_after_sign_in={r.name: round(r.rss_mb(), 1) for r in cluster.replicas})


def test_a_sync_is_seen_by_every_replica(cluster, chromium, bundle_copy: Path) -> None:
    before = {}
    for r in cluster.replicas:  # straight to each replica, past the balancer
        ctx = chromium.new_context()
        page = ctx.new_page()
        page.goto(r.url + "/home")
        settle(page, 90000)
        before[r.name] = freshness(page)
        ctx.close()
    assert len(set(before.values())) == 1 and "values" in before["r1"]
    series = bundle_copy / "indicators" / "un_sdg_goal16_series.csv"
    lines = series.read_text(encoding="utf-8").splitlines(keepends=True)
    series.write_text("".join(lines[:-1]), encoding="utf-8")  # one value fewer
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "loaders",
            "sync",
            "--source",
            "bundle",
            "--bundle",
            str(bundle_copy),
        ],
        cwd=ROOT,
        env=cluster.env("sync-job"),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    for r in cluster.replicas:
        ctx = chromium.new_context()
        page = ctx.new_page()
        page.goto(r.url + "/home")
        settle(page, 90000)
        after = freshness(page)
        ctx.close()
        counts = [
            int(re.sub(r"\D", "", n)) for n in re.findall(r"([\d,.\u202f\u00a0]+) values", after)
        ]
        old = [
            int(re.sub(r"\D", "", n))
            for n in re.findall(r"([\d,.\u202f\u00a0]+) values", before[r.name])
        ]
        assert sum(counts) == sum(old) - 1, (r.name, before[r.name], after)


def test_a_killed_replicas_users_land_on_the_other(cluster, browsers) -> None:
    victim = cluster.replicas[0]
    moved = [s for s in browsers if replica_of(cluster, s) == victim.name]
    stayed = [s for s in browsers if s not in moved]
    # The cookie comes from the app's own route just after sign-in (sdg16/ui/cookie_route.py).
    deadline = time.monotonic() + 60
    while not all(s.has_session_cookie() for s in browsers):
        assert time.monotonic() < deadline, [s.user for s in browsers if not s.has_session_cookie()]
        time.sleep(0.5)
    killed_at = time.time()
    victim.kill()
    reconnected = []
    for s in moved:  # the open tab reconnects by itself; nobody reloads it
        after = f"window.__wsOpened.filter(t => t > {killed_at * 1000})"
        s.page.wait_for_function(f"() => {after}.length > 0", timeout=120000)
        reconnected.append(s.page.evaluate(f"() => Math.min(...{after})") / 1000)
        settle(s.page, 90000)
    failover_s = max(reconnected) - killed_at  # the slowest tab's new websocket
    settled_s = time.time() - killed_at
    since = killed_at
    for s in moved:
        s.ctx.request.get(cluster.url + "/_stcore/health")
        assert set(served_by(cluster, since)[s.key]) == {"r2"}, s.user
        assert not exceptions_on(s.page)
        # A new Streamlit session on r2, signed in from the cookie and the shared session table.
        s.page.get_by_text(f"Signed in as {s.user} (viewer).").wait_for(timeout=30000)
    for s in stayed:
        assert replica_of(cluster, s) == "r2"
        assert s.page.get_by_text(f"Signed in as {s.user} (viewer).").is_visible()
    _figures(
        failover_s=round(failover_s, 1),
        failover_all_settled_s=round(settled_s, 1),
        moved_sessions=len(moved),
        signed_in_after_failover=len(moved),
    )


def test_the_audit_log_holds_both_replicas_in_one_order(cluster) -> None:
    log = audit.entries(path=cluster.state_url).iloc[::-1]  # oldest first
    assert {"r1", "r2"} <= set(log["origin"])
    assert log["id"].is_monotonic_increasing and log["id"].is_unique
    # One sequence for both: their entries interleave in it, not two numberings side by side.
    runs = (log["origin"] != log["origin"].shift()).sum()
    assert runs >= 3, log[["id", "origin", "action"]].to_string()
    _figures(audit_entries=dict(log["origin"].value_counts()))


def _figures(**found) -> None:
    FIGURES.parent.mkdir(exist_ok=True)
    old = json.loads(FIGURES.read_text()) if FIGURES.exists() else {}
    FIGURES.write_text(json.dumps({**old, **found}, indent=2, default=int) + "\n")


@pytest.fixture(scope="module", autouse=True)
def _fresh_figures():
    FIGURES.unlink(missing_ok=True)


def test_streamlit_javascript_is_compressed_by_nginx(cluster) -> None:
    import urllib.request

    html = urllib.request.urlopen(cluster.url + "/").read().decode()
    script = re.search(r'src="\.?/?(static/js/[^"]+\.js)"', html)
    assert script, html[:500]
    direct = urllib.request.urlopen(f"{cluster.replicas[1].url}/{script[1]}").read()
    request = urllib.request.Request(
        f"{cluster.url}/{script[1]}", headers={"Accept-Encoding": "gzip"}
    )
    with urllib.request.urlopen(request) as r:
        assert r.headers["Content-Encoding"] == "gzip"
        sent = len(r.read())
    assert sent < len(direct) / 2  # the replica sends it uncompressed
    _figures(main_js_kb={"replica": len(direct) // 1024, "through_nginx_gzip": sent // 1024})
