"""The server's own HTTP rules (sdg16/ui/http_guard.py), against a real ``streamlit run serve.py``:
the metrics endpoint is gone, ``/home`` opens the overview, and a download fetched again from
its ``/media/`` URL is in the audit log with whoever fetched it; a file that needs a role is
refused to a request without a session carrying it."""

from __future__ import annotations

import urllib.error
import urllib.request
import uuid
from pathlib import Path

from sdg16.state import audit
from testkit.auth import PASSWORDS
from testkit.browser import browser, create_report, exceptions_on, settle, sign_in


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_the_metrics_endpoint_answers_404(app_url: str) -> None:
    assert _status(f"{app_url}/_stcore/health") == 200  # the server is up and answering
    assert _status(f"{app_url}/_stcore/metrics") == 404


def test_home_opens_the_overview_with_its_filter(app_url: str, artifacts: Path) -> None:
    with browser() as ctx:
        page = ctx.new_page()
        page.goto(f"{app_url}/home?geo=MEX")
        settle(page)
        page.get_by_text("Homicide rate").first.wait_for()
        page.screenshot(path=str(artifacts / "home-alias.png"), full_page=True)
        body = page.inner_text("body")
        assert "Page not found" not in body
        assert "Latest values: Mexico" in body
        assert page.url == f"{app_url}/?geo=MEX"
        assert exceptions_on(page) == []


def test_a_download_fetched_again_is_audited(app_url: str) -> None:
    with browser() as ctx:
        page = ctx.new_page()
        page.goto(f"{app_url}/table?series=VC_IHR_PSRC&geo=MEX,HND,SLV&from=2010")
        settle(page)
        with page.expect_download() as download:
            page.get_by_role("button", name="CSV").first.click()
        url, name = download.value.url, download.value.suggested_filename
        assert "/media/" in url and name.endswith(".csv")
        # A copied link opened by a script without the page (no cookies), while the page that
        # made the file is still open: Streamlit drops a session's files once it disconnects,
        # and closing the page first made this a race (a 404 once under load). The script names
        # itself: Chromium may fetch a download more than once, and those fetches are audited too.
        agent = f"copied-link-check/{uuid.uuid4().hex[:8]}"
        for _ in range(2):
            request = urllib.request.Request(url, headers={"User-Agent": agent})
            with urllib.request.urlopen(request, timeout=30) as response:
                assert response.status == 200
    ours = audit.entries(action="refetch")
    ours = ours[ours["detail"].str.contains(agent, regex=False)]
    assert len(ours) == 2
    assert set(ours["what"]) == {name} and set(ours["actor"]) == {"anonymous"}
    assert all(d.endswith(f"from 127.0.0.1 ({agent})") for d in ours["detail"])


def test_a_restricted_file_link_needs_the_session(analyst_app, artifacts: Path) -> None:
    url, state = analyst_app
    with browser() as ctx:
        page = ctx.new_page()
        page.goto(url + "/reports?series=VC_IHR_PSRC&geo=EGY,MEX,HND&from=2012&to=2014")
        settle(page, 90000)  # a cold server: its caches fill on this first visit
        sign_in(page, "ana", PASSWORDS["ana"])
        page.get_by_text("Data for these filters (8 rows)").wait_for(timeout=30000)
        download = create_report(page)
        link, name = download.url, download.suggested_filename
        again = ctx.request.get(link)  # the analyst's own browser, with its session cookie
        assert again.status == 200 and again.body()[:2] == b"PK"  # the workbook
    assert _status(link) == 403  # the same link without the session: refused
    refetched = audit.entries(action="refetch", path=state)
    # The analyst's own fetch again (Chromium may fetch a download twice): audited, as ana.
    assert len(refetched) >= 1 and set(refetched["what"]) == {name}
    assert set(refetched["actor"]) == {"ana"}
    denied = audit.entries(action="denied", path=state)
    assert list(denied["what"]) == [name] and list(denied["actor"]) == ["anonymous"]
    assert "fetch needs analyst" in denied["detail"].iloc[0]
