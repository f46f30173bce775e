"""Run the app in Streamlit's AppTest, through app.py's navigation, at a page and URL."""

from __future__ import annotations

from testkit.paths import ROOT


def open_app(page: str | None = None, **params: str):
    """Run ``views/<page>.py`` through app.py's navigation in AppTest, with URL ``params``."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    if page:
        at.switch_page(f"views/{page}.py")
    return at.run()
