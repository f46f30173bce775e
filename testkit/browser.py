"""Start the app on a free loopback port and drive it with Debian's headless Chromium.

Shared by the browser tests and ``bench/``: one way to launch, one list of Chromium flags
(see ../shared/FIELD-NOTES.md), and a record of every request that left 127.0.0.1.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

# Re-exported for the tests and bench: one import path for the browser harness.
from sdg16.core.browser import (  # noqa: F401
    CHROMIUM,
    CHROMIUM_ARGS,
    TWO_FRAMES_JS,
    lend,
    wait_for_charts,
)
from sdg16.core.browser import context as chromium_context
from testkit.paths import ROOT

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
MENU = "[data-testid='stSidebar'] [data-testid='stPageLink']"  # the app's menu (sdg16/ui/nav.py)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class Server:
    url: str
    pid: int
    log: Path


@contextmanager
def serve(
    script: str = "serve.py",
    env: dict[str, str] | None = None,
    port: int | None = None,
    timeout_s: float = 60,
) -> Iterator[Server]:
    """``streamlit run script`` from the project root (so .streamlit/config.toml applies)."""
    port = port or free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port)]
    cmd += ["--server.address", "127.0.0.1", "--server.headless", "true"]
    log_path = Path(tempfile.mkdtemp(prefix="sdg16-app-")) / "app.log"
    # Scripts outside the root (bench/) import the project as packages.
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    with log_path.open("w") as log:  # Popen keeps its own copy of the descriptor
        proc = subprocess.Popen(cmd, cwd=ROOT, env=full_env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{script} did not start:\n{log_path.read_text()}")
            time.sleep(0.25)
        yield Server(base, proc.pid, log_path)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextmanager
def running_app(
    env: dict[str, str] | None = None, timeout_s: float = 60, port: int | None = None
) -> Iterator[str]:
    """Yield the base URL of a fresh ``streamlit run serve.py`` (the app and its routes)."""
    with serve("serve.py", env, port, timeout_s) as server:
        yield server.url


@dataclass
class PageWatch:
    """What a page did that it should not: requests off loopback, failures, exceptions."""

    offsite: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def attach(self, page) -> None:
        def on_request(req) -> None:
            host = urlparse(req.url).hostname
            if req.url.startswith(("http:", "https:", "ws:", "wss:")) and host not in LOCAL_HOSTS:
                self.offsite.append(req.url)

        page.on("request", on_request)
        page.on("requestfailed", lambda req: self.failed.append(f"{req.url} {req.failure}"))
        page.on(
            "console",
            lambda msg: self.console_errors.append(msg.text) if msg.type == "error" else None,
        )


def browser(viewport: tuple[int, int] = (1280, 900)):
    """A context of headless Chromium with the project's flags (``sdg16.core.browser``): in the
    shared one while ``shared_chromium`` runs, else in a Chromium of its own."""
    return chromium_context(viewport)


@contextmanager
def shared_chromium() -> Iterator[None]:
    """One Chromium for everything inside (``browser()`` and the app's own PDF export in this
    process): each test still gets a new context, with its own cookies and storage."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            with lend(chromium):
                yield
        finally:
            chromium.close()


def settle(page, timeout_ms: int = 30000) -> None:
    """Wait until Streamlit has finished running the script and drawing.

    ``stApp`` carries ``data-test-script-state``: initial -> running -> notRunning.
    """
    page.wait_for_selector(
        "[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout_ms
    )
    page.wait_for_function(
        "() => !document.querySelector(\"[data-testid='stStatusWidget']\")"
        " && document.querySelector(\"[data-testid='stMain']\")",
        timeout=timeout_ms,
    )
    painted(page)


def painted(page) -> None:
    """Wait two animation frames: what the page has drawn is on the screen (the frame after
    the DOM change is painted), without a fixed quiet period."""
    page.evaluate(TWO_FRAMES_JS)


# How many colours a sample of the first canvas (deck.gl's map) holds: a blank one has one or two.
CANVAS_COLOURS_JS = """() => { const c = document.querySelector('canvas');
  if (!c || !c.width || !c.height) return 0;
  const d = document.createElement('canvas'); d.width = c.width; d.height = c.height;
  const x = d.getContext('2d'); x.drawImage(c, 0, 0);
  const px = x.getImageData(0, 0, d.width, d.height).data; const seen = new Set();
  for (let i = 0; i < px.length; i += 4 * 97) seen.add(px[i] + ',' + px[i+1]);
  return seen.size; }"""


def canvas_colours(page) -> int:
    return page.evaluate(CANVAS_COLOURS_JS)


def wait_for_drawn_canvas(page, colours: int = 6, timeout_ms: int = 30000) -> None:
    """Block until the first canvas holds ``colours`` or more (deck.gl draws after the script
    settles, and its tiles after that): polled, not a fixed wait."""
    page.wait_for_function(
        f"() => ({CANVAS_COLOURS_JS})() >= {colours}", timeout=timeout_ms, polling=200
    )
    painted(page)


def open_page(ctx, url: str):
    """A new page in ``ctx``, watched from its first request, at ``url`` once Streamlit has drawn
    it; returns ``(page, watch)``."""
    page = ctx.new_page()
    watch = PageWatch()
    watch.attach(page)
    page.goto(url)
    settle(page)
    return page, watch


def sign_in(page, user: str, password: str) -> None:
    """Type an account into the sign-in form the page shows (the sign-in page or a "Sign in
    required" prompt, English) and submit it."""
    page.get_by_label("User name").fill(user)
    page.get_by_role("textbox", name="Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def create_report(page):
    """On /reports with data shown: create the report, wait until it is ready, and download the
    workbook; returns Playwright's download."""
    page.get_by_role("button", name="Create report").click()
    page.get_by_text("Report ready").wait_for(timeout=90000)
    settle(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download").filter(has_text=".xlsx").click()
    return download.value


def exceptions_on(page) -> list[str]:
    return page.locator("[data-testid='stException']").all_inner_texts()
