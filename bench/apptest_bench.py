"""A whole page rerun through Streamlit's AppTest (script time on the server, no browser)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from bench.timing import Timing, measure


def rerun(
    script: Path,
    repeats: int,
    params: Mapping[str, str],
    page: str | None = None,
    cold: bool = False,
) -> Timing:
    """Run ``script`` once, then time ``repeats`` reruns: warm (the cached data a revisit gets)
    or ``cold`` (every ``st.cache_data`` cleared first, as on a filter nobody has asked for)."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(script), default_timeout=300)
    for key, value in params.items():
        at.query_params[key] = value
    if page:
        at.switch_page(page)
    at.run()
    if at.exception:
        raise RuntimeError(f"{script} raised: {at.exception[0].value}")

    def again() -> None:
        if cold:
            st.cache_data.clear()
        at.run()

    return measure(again, repeats, warmup=1)
