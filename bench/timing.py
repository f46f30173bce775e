"""p50 / p95 of repeated calls, warm-up discarded."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    p50_ms: float
    p95_ms: float
    runs: int

    def cell(self) -> str:
        return f"{self.p50_ms:,.1f} / {self.p95_ms:,.1f}"


def percentile(samples: list[float], q: float) -> float:
    """Nearest-rank percentile: with few samples p95 is the slowest run, never interpolated."""
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def summarise(samples_s: list[float]) -> Timing:
    ms = [s * 1000 for s in samples_s]
    return Timing(statistics.median(ms), percentile(ms, 95), len(ms))


def measure(fn: Callable[[], object], repeats: int, warmup: int = 1) -> Timing:
    """Call ``fn`` ``warmup`` times untimed (caches, plans), then ``repeats`` times timed."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return summarise(samples)
