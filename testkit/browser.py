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
from sdg16.core.browser import CHROMIUM, CHROMIUM_ARGS, wait_for_charts  # noqa: F401
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
    """Headless Chromium with the project's flags (``sdg16.core.browser``)."""
    return chromium_context(viewport)


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
    page.wait_for_timeout(300)


def exceptions_on(page) -> list[str]:
    return page.locator("[data-testid='stException']").all_inner_texts()
