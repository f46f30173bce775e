"""Run the app in Streamlit's AppTest, through app.py's navigation, at a page and URL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from testkit.paths import ROOT


@contextmanager
def app_store(path: Path) -> Iterator[Path]:
    """Point the app at the store ``path`` for the block, then back.

    Both caches are cleared on the way in and out: ``sdg16.ui.cache.database`` is a cached
    *resource* holding the path it was opened with, so clearing only the data cache leaves a
    page reading whichever store an earlier test in the same process opened."""
    import streamlit as st

    before = os.environ.get("SDG16_DB")
    os.environ["SDG16_DB"] = str(path)
    st.cache_resource.clear()
    st.cache_data.clear()
    try:
        yield path
    finally:
        if before is not None:
            os.environ["SDG16_DB"] = before
        st.cache_resource.clear()
        st.cache_data.clear()


def open_app(page: str | None = None, **params: str):
    """Run ``views/<page>.py`` through app.py's navigation in AppTest, with URL ``params``."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    if page:
        at.switch_page(f"views/{page}.py")
    return at.run()
