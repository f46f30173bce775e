"""Steps of a person's journey through the app in Chromium, shared by the journey tests
(tests/browser/test_journeys_*.py) and the journey bench (bench/journeys.py).

Every step is "do one thing, then wait until the app has finished the run it caused": the page
counts the runs its websocket is told have finished (a script set up before any page script
runs), so a step knows its own run finished, not a previous one. ``step`` returns
the seconds from the action to that point: the settle time the bench reports.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from urllib.parse import parse_qsl, urlparse

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from testkit.browser import MENU, PageWatch, browser, exceptions_on

# Counts finished script runs: the ForwardMsgs with ``script_finished`` (field 6) that the page's
# websocket receives, read from the message's top-level protobuf fields. Not the app root's
# ``data-test-script-state``: a fast run's "running" and "notRunning" arrive in one batch, React
# renders only the second, and the run was never counted (a one-line page on an idle machine).
# A run stopped for a newer one (status 2, FINISHED_EARLY_FOR_RERUN) is not a finished step.
RUN_COUNTER_JS = """
(() => {
  window.__sdg16Runs = 0;
  window.__sdg16Doc = Math.random().toString(36);
  const finished = (data) => {
    const b = new Uint8Array(data);
    let i = 0;
    const varint = () => {
      let v = 0, s = 0, x;
      do { x = b[i++]; v += (x & 127) * 2 ** s; s += 7; } while (x & 128 && i < b.length);
      return v;
    };
    while (i < b.length) {
      const tag = varint(), wire = tag & 7;
      if (tag === 0x30) return varint() !== 2;
      if (wire === 0) varint();
      else if (wire === 2) { const n = varint(); i += n; }  // not i += varint(): i read first
      else if (wire === 1) i += 8;
      else if (wire === 5) i += 4;
      else return false;
    }
    return false;
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (e) => {
        if (e.data instanceof ArrayBuffer && finished(e.data)) window.__sdg16Runs += 1;
      });
    }
  };
})();
"""
# Not the status widget: it lingers in its exit transition (bench/browser_bench.py), and on a
# page after a change it can stay. [runs before, document before]: in another document (Back
# to a page loaded by a typed link) the count started again at 0.
IDLE_JS = (
    "([n, doc]) => window.__sdg16Runs > (window.__sdg16Doc === doc ? n : 0)"
    " && document.querySelector(\"[data-testid='stApp']\")"
    "?.getAttribute('data-test-script-state') === 'notRunning'"
)
STATE_JS = (
    "document.querySelector(\"[data-testid='stApp']\")?.getAttribute('data-test-script-state')"
)
MAIN = "[data-testid='stMain']"
SIDEBAR = "[data-testid='stSidebar']"
TIMEOUT_MS = 60_000
# Wall-clock time (``time.time()``) of the last step's action, the moment a person clicked:
# bench.journeys measures from it what the page drew, on the page's own clock (the same).
last_action_at = 0.0


@contextmanager
def journey_browser(viewport: tuple[int, int] = (1280, 900)) -> Iterator:
    """A browser context whose pages count their script runs (``RUN_COUNTER_JS``)."""
    with browser(viewport) as ctx:
        ctx.add_init_script(RUN_COUNTER_JS)
        yield ctx


def runs(page) -> int:
    return int(page.evaluate("window.__sdg16Runs || 0"))


def document(page) -> str | None:
    return page.evaluate("window.__sdg16Doc || null")


def step(
    page,
    action: Callable[[], object],
    *,
    new_document: bool = False,
    quiet_ms: int = 250,
    timeout_ms: int = TIMEOUT_MS,
) -> float:
    """Do ``action`` and wait until the run it started has finished and nothing follows within
    ``quiet_ms`` (a page that writes the URL, or reruns, starts another run at once).
    ``new_document``: the action loads a new document (a typed link, a reload), whose count
    starts again at 0."""
    global last_action_at
    before = [0 if new_document else runs(page), None if new_document else document(page)]
    start = time.perf_counter()
    last_action_at = time.time()
    action()
    page.wait_for_function(IDLE_JS, arg=before, timeout=timeout_ms, polling=20)
    took = time.perf_counter() - start
    while True:  # a follow-up run (st.rerun) belongs to this step
        seen = runs(page)
        page.wait_for_timeout(quiet_ms)
        # Quiet means no run finished and none is going: a follow-up run longer than
        # ``quiet_ms`` has not finished yet, but it is running.
        if runs(page) == seen and page.evaluate(STATE_JS) == "notRunning":
            break
        page.wait_for_function(IDLE_JS, arg=[seen, document(page)], timeout=TIMEOUT_MS, polling=20)
        took = time.perf_counter() - start
    return took


def open_page(page, url: str) -> float:
    """Navigate (a typed or pasted link) and wait for the first run to finish."""
    # A new page may run twice (a second run once the websocket settles): wait for quiet longer.
    return step(page, lambda: page.goto(url, wait_until="commit"), new_document=True, quiet_ms=1000)


def params(page) -> dict[str, str]:
    return dict(parse_qsl(urlparse(page.url).query))


def path(page) -> str:
    return urlparse(page.url).path


def expect_url(page, at: str, want: Mapping[str, str | None]) -> None:
    """The URL is at page ``at`` and has these parameters (``None``: absent)."""
    got = params(page)
    assert path(page) == at, f"at {page.url}, expected {at}"
    for key, value in want.items():
        assert got.get(key) == value, f"{key}={got.get(key)!r} in {page.url}, expected {value!r}"


def main_text(page) -> str:
    return page.locator(MAIN).inner_text()


def heading(page) -> str:
    """The page's title as shown (presenter header: the first h1)."""
    return page.locator(f"{MAIN} h1").first.inner_text().strip()


def combobox(page, label: str):
    return page.get_by_role("combobox", name=label, exact=True)


def options(page, label: str) -> list[str]:
    """The options of select box ``label`` as a person sees them when opening it."""
    box = combobox(page, label)
    box.click()
    page.get_by_role("option").first.wait_for(timeout=TIMEOUT_MS)
    found = page.get_by_role("option").all_inner_texts()
    page.keyboard.press("Escape")
    return [t.strip() for t in found]


def chosen(page, label: str) -> str:
    """What a select box shows."""
    return combobox(page, label).input_value()


def pick(page, label: str, option: str) -> float:
    """Open the select box ``label``, type, click the option; wait for the run."""
    box = combobox(page, label)
    page.wait_for_timeout(150)  # the list of the pick before may still be closing (not timed)
    box.click()
    box.fill(option)
    found = page.get_by_role("option", name=option, exact=True).filter(visible=True).first
    found.wait_for(timeout=TIMEOUT_MS)
    return step(page, found.click)


def tags(page, label_start: str) -> list[str]:
    """The chips of the multiselect whose label starts with ``label_start``."""
    box = page.get_by_test_id("stMultiSelect").filter(has_text=label_start).first
    box.wait_for(timeout=TIMEOUT_MS)  # a page redrawn in another language: its label changed
    return box.locator("[data-tag]").evaluate_all(
        "els => els.map(e => e.getAttribute('aria-label'))"
    )


def remove_tag(page, name: str) -> float:
    return step(page, page.get_by_role("button", name=f"Remove {name}", exact=True).first.click)


def slider_keys(page, label: str, key: str, nth: int = 0) -> float:
    """Press ``key`` (ArrowLeft, ArrowRight, Home, End) on a slider's thumb: one step."""
    box = page.get_by_test_id("stSlider").filter(has_text=label).first
    thumb = box.get_by_role("slider").nth(nth)
    thumb.focus()
    return step(page, lambda: thumb.press(key))


def slider_value(page, label: str, nth: int = 0) -> str:
    box = page.get_by_test_id("stSlider").filter(has_text=label).first
    return box.get_by_role("slider").nth(nth).get_attribute("aria-valuetext") or ""


def click_radio(page, label: str) -> float:
    return step(page, page.get_by_text(label, exact=True).first.click)


def menu(page, name: str) -> float:
    """Follow a sidebar menu link (they carry the shared filter). The menu is redrawn in every
    run (sdg16/ui/nav.py): a click that lands on a link being replaced does nothing, so a
    click that starts no run within 15 s is made once more (the second must work)."""
    link = page.locator(MENU).filter(has_text=name).first
    start = time.perf_counter()
    try:
        return step(page, link.click, timeout_ms=15_000)
    except PlaywrightTimeout:
        return step(page, link.click) + (time.perf_counter() - start)


def add_tag(page, label_start: str, option: str) -> float:
    box = page.get_by_test_id("stMultiSelect").filter(has_text=label_start).first
    field = box.get_by_role("combobox")
    field.click()
    field.fill(option)
    found = page.get_by_role("option", name=option, exact=True)
    found.wait_for(timeout=TIMEOUT_MS)
    took = step(page, found.click)
    page.keyboard.press("Escape")  # close the list, as a person does
    return took


def back(page) -> float:
    return step(page, page.go_back)


def forward(page) -> float:
    return step(page, page.go_forward)


def reload(page) -> float:
    return step(page, lambda: page.reload(wait_until="commit"), new_document=True, quiet_ms=1000)


def clean(page, watch: PageWatch) -> None:
    """Nothing went wrong that a person would see, and nothing left the machine."""
    assert exceptions_on(page) == [], exceptions_on(page)
    assert watch.offsite == [], f"requests left the machine: {watch.offsite}"
    failed = [f for f in watch.failed if "ERR_ABORTED" not in f]  # our own navigations
    assert failed == [], failed


def watched(ctx):
    page = ctx.new_page()
    watch = PageWatch()
    watch.attach(page)
    return page, watch


def fixtures(server: str, viewport: tuple[int, int] = (1400, 1000)) -> tuple:
    """The ``ctx`` (one browser for the module, after the server fixture named ``server``)
    and ``tab`` (a fresh, watched tab per journey, checked by ``clean``) fixtures of a journey
    test file: ``ctx, tab = journeys.fixtures("app_url")``."""
    import pytest

    @pytest.fixture(scope="module")
    def ctx(request):
        request.getfixturevalue(server)  # the server starts before the browser
        with journey_browser(viewport) as context:
            yield context

    @pytest.fixture
    def tab(ctx):
        page, watch = watched(ctx)
        yield page
        clean(page, watch)
        page.close()

    return ctx, tab


def open_tab(page, name: str) -> float:
    """Open one of the page's tabs (Map, Timeline...): a tab that reruns when opened."""
    return step(page, page.locator(MAIN).get_by_role("tab", name=name, exact=True).click)


def segment(page, name: str) -> float:
    """Click the segment ``name`` of a segmented control in the page's main part."""
    group = page.locator(MAIN).get_by_test_id("stButtonGroup")
    return step(page, group.get_by_text(name, exact=True).first.click)


def wait_for_cookie(page, present: bool = True) -> None:
    """The browser has (or has dropped) the session cookie the sign-in route sets."""
    deadline = time.monotonic() + 20
    while (has_session_cookie(page) != present) and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert has_session_cookie(page) == present, "session cookie " + (
        "missing" if present else "kept"
    )


def has_session_cookie(page) -> bool:
    from sdg16.state.sessions import COOKIE

    return any(c["name"] == COOKIE for c in page.context.cookies())


def menu_names(page) -> list[str]:
    """The menu's page names (each link's text also holds its icon's name, on a line before)."""
    return [t.strip().splitlines()[-1] for t in page.locator(MENU).all_inner_texts()]


def sign_in(page, user: str, password: str) -> float:
    """Sign in on the page shown (the sign-in page, or a "Sign in required" prompt)."""
    page.get_by_label("User name").first.fill(user)
    page.get_by_role("textbox", name="Password").first.fill(password)
    took = step(page, page.get_by_role("button", name="Sign in").first.click)
    page.locator(SIDEBAR).get_by_text(f"Signed in as {user}").wait_for(timeout=TIMEOUT_MS)
    wait_for_cookie(page)
    return took


def sign_out(page) -> float:
    took = step(page, page.locator(SIDEBAR).get_by_role("button", name="Sign out").click)
    wait_for_cookie(page, present=False)
    return took


def signed_in_caption(page) -> str:
    found = page.locator(SIDEBAR).get_by_text("Signed in as")
    return found.first.inner_text() if found.count() else ""


def app_cli(*args: str, env: Mapping[str, str]) -> str:
    """``python -m sdg16 ...`` as an administrator types it, against the app's state."""
    import os
    import subprocess
    import sys

    from testkit.paths import ROOT

    done = subprocess.run(
        [sys.executable, "-m", "sdg16", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout
