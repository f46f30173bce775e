"""Headless Chromium: navigation -> settled, filter change -> settled, and bytes to the browser.

"Settled" means the view's own text is on screen and the app root reports the script run finished
(``data-test-script-state``). Not the status widget, which lingers 200 ms in its exit transition,
nor the test harness's ``settle``, which adds a fixed 300 ms pause: both would pollute timings.
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from bench.timing import Timing, summarise
from testkit.browser import CHROMIUM, CHROMIUM_ARGS, PageWatch, exceptions_on

IDLE_JS = (
    "() => document.querySelector(\"[data-testid='stApp']\")"
    "?.getAttribute('data-test-script-state') === 'notRunning'"
)


@contextmanager
def chromium() -> Iterator:
    """One headless Debian Chromium; callers open as many contexts (sessions) as they need."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def wait_settled(page, text: str, ready: str | None = None, timeout_ms: int = 120_000) -> None:
    page.get_by_text(text, exact=False).filter(visible=True).first.wait_for(timeout=timeout_ms)
    if ready:
        page.locator(ready).first.wait_for(timeout=timeout_ms)
    page.wait_for_function(IDLE_JS, timeout=timeout_ms, polling=20)


def find_option(page, option: str, label: str):
    """Open the select box labelled ``label`` and type, as a user does; return the option."""
    box = page.get_by_test_id("stSelectbox").filter(has=page.get_by_text(label, exact=True))
    box.first.click()
    page.get_by_role("listbox").wait_for()
    page.keyboard.type(option)
    found = page.get_by_role("option", name=option, exact=True)
    found.wait_for()
    return found


@dataclass(frozen=True)
class View:
    """A page to open, the text that shows it rendered, and two filter states to flip between."""

    name: str
    url: str
    marker: str
    ready: str | None = None  # a selector that must also be there (e.g. the map's canvas)
    # (option to pick in the select box labelled ``select``, text once settled); none:
    # navigation only
    options: tuple[tuple[str, str], tuple[str, str]] | None = None
    select: str = ""


@dataclass
class ByteCounter:
    """Bytes Chromium received: websocket frame payloads and HTTP bodies (encoded, as sent)."""

    websocket: int = 0
    http: int = 0

    def attach(self, context, page) -> None:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.on("Network.webSocketFrameReceived", self._frame)
        cdp.on("Network.loadingFinished", self._finished)

    def _frame(self, event: dict) -> None:
        resp = event["response"]
        payload = resp.get("payloadData", "")
        binary = resp.get("opcode") == 2  # binary frames (Streamlit's protobuf) are base64 here
        self.websocket += len(base64.b64decode(payload)) if binary else len(payload.encode())

    def _finished(self, event: dict) -> None:
        self.http += int(event.get("encodedDataLength", 0))

    def reset(self) -> None:
        self.websocket = self.http = 0


@dataclass
class ViewResult:
    name: str
    navigate: Timing
    change: Timing | None
    cold: ByteCounter
    warm: ByteCounter
    problems: list[str] = field(default_factory=list)


def _timed(action: Callable[[], None]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def measure_view(browser, base_url: str, view: View, repeats: int) -> ViewResult:
    """Bytes for a first visit (cold cache) and a revisit, then timed navigations and changes."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        watch = PageWatch()
        watch.attach(page)
        counter = ByteCounter()
        counter.attach(context, page)
        url = base_url + view.url

        def navigate() -> None:
            page.goto(url, wait_until="commit")
            wait_settled(page, view.marker, view.ready)

        navigate()
        page.wait_for_timeout(500)  # late frames (deck.gl layers, fonts) still count
        cold = ByteCounter(counter.websocket, counter.http)
        counter.reset()
        navigate()
        page.wait_for_timeout(500)
        warm = ByteCounter(counter.websocket, counter.http)
        nav = [_timed(navigate) for _ in range(repeats)]
        changes = []
        for i in range(repeats if view.options else 0):
            option, text = view.options[i % 2]
            found = find_option(
                page, option, view.select
            )  # the clock starts at the click that changes it
            changes.append(
                _timed(lambda f=found, t=text: (f.click(), wait_settled(page, t, view.ready)))
            )
        # Our own re-navigation aborts lazy chunk loads (ERR_ABORTED): not a page failure.
        failed = [f for f in watch.failed if "ERR_ABORTED" not in f]
        problems = exceptions_on(page) + watch.offsite + failed
        change = summarise(changes) if changes else None
        return ViewResult(view.name, summarise(nav), change, cold, warm, problems)
    finally:
        context.close()
