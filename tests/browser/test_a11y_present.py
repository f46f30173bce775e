"""Home in normal and presenter mode, English and Spanish, two screen sizes: axe-clean, offline.

Screenshots go to artifacts/ (look at them: presenter mode must read on a shared 1280x720).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from testkit.a11y import axe_violations
from testkit.browser import browser, exceptions_on, open_page

CASES = [
    (size, mode, lang)
    for size in ((1280, 720), (1920, 1080))
    for mode in ("normal", "present")
    for lang in ("en", "es")
]


@pytest.mark.parametrize(("size", "mode", "lang"), CASES)
def test_home_is_accessible(app_url: str, artifacts: Path, size, mode: str, lang: str) -> None:
    query = f"geo=MEX&lang={lang}" + ("&present=1" if mode == "present" else "")
    with browser(viewport=size) as ctx:
        page, watch = open_page(ctx, f"{app_url}/home?{query}")
        page.get_by_text("28,2" if lang == "es" else "28.2").first.wait_for()
        name = f"home-{mode}-{lang}-{size[0]}x{size[1]}.png"
        page.screenshot(path=str(artifacts / name))
        assert exceptions_on(page) == []
        assert watch.offsite == []
        body = page.inner_text("body")
        title = "ODS 16" if lang == "es" else "SDG 16"
        assert title in body
        sidebar = page.locator("[data-testid='stSidebar']")
        assert sidebar.is_visible() is (mode == "normal")
        assert axe_violations(page) == []
