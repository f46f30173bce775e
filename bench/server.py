"""The app (or any script) on loopback, as the tests start it, plus its memory (RSS) via psutil."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import psutil

from testkit import browser as browser_harness


@dataclass(frozen=True)
class Server:
    url: str
    pid: int

    def rss_mb(self) -> float:
        """Resident memory of the server and any children it started, in MB."""
        proc = psutil.Process(self.pid)
        procs = [proc, *proc.children(recursive=True)]
        return sum(p.memory_info().rss for p in procs) / 2**20


@contextmanager
def serve(
    script: str, env: dict[str, str] | None = None, timeout_s: float = 90
) -> Iterator[Server]:
    """``streamlit run script`` from the project root, started the way the browser tests do."""
    with browser_harness.serve(script, env, timeout_s=timeout_s) as started:
        yield Server(started.url, started.pid)
