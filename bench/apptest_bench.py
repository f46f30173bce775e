"""A whole page rerun through Streamlit's AppTest (script time on the server, no browser)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from bench.timing import Timing, measure


def rerun(script: Path, repeats: int, params: Mapping[str, str], page: str | None = None) -> Timing:
    """Run ``script`` once (cold caches), then time ``repeats`` warm reruns."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(script), default_timeout=300)
    for key, value in params.items():
        at.query_params[key] = value
    if page:
        at.switch_page(page)
    at.run()
    if at.exception:
        raise RuntimeError(f"{script} raised: {at.exception[0].value}")
    return measure(at.run, repeats, warmup=1)
