"""Every page in the registry in normal mode on a 1280x720 desktop, in English, Spanish and
French: axe-clean (no serious or critical violation), offline, translated (a phrase per
language). Presenter mode (1280x720, 1920x1080) and phones run the same axe check in the screen
matrix (test_screens.py), which draws those pages anyway.

One Chromium, its page reused across cases (2 shared cores). Screenshots go to artifacts/a11y/.
Restricted pages show anonymous visitors a sign-in prompt, which is checked the same way.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sdg16.ui.registry import PAGES
from testkit.a11y import axe_violations
from testkit.browser import PageWatch, browser, exceptions_on, settle, wait_for_charts
from testkit.screens import QUERIES

# What a visitor must see in the main area, per language (proof the page drew and translated).
EXPECT = {
    "en": {
        "map": "Homicide rate",
        "trends": "Homicide rate",
        "country": "series have data",
        "progress": "Progress to 2030",
        "progress_method": "Method 1",
    },
    "es": {
        "map": "Tasa de homicidios",
        "trends": "Tasa de homicidios",
        "country": "series tienen datos",
        "progress": "Progreso hacia 2030",
        "progress_method": "Método 1",
    },
    "fr": {
        "map": "Taux d'homicides",
        "trends": "Taux d'homicides",
        "country": "ont des données",
        "progress": "Progrès vers 2030",
        "progress_method": "Méthode 1",
    },
}
CASES = [
    (spec.url_path, mode, lang)
    for spec in PAGES
    for mode in ("normal",)
    for lang in ("en", "es", "fr")
]


@pytest.fixture(scope="module")
def shared_page():
    """One browser page for every case (the viewport is resized per case)."""
    with browser(viewport=(1280, 720)) as ctx:
        yield ctx.new_page()


def _check(page, app_url: str, artifacts: Path, size, path: str, mode: str, lang: str):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    watch = PageWatch()
    watch.attach(page)
    query = "&".join(
        q
        for q in (QUERIES.get(path, ""), f"lang={lang}", "present=1" if mode == "present" else "")
        if q
    )
    page.goto(f"{app_url}/{path}?{query}")
    settle(page)
    wait_for_charts(page)  # plotly / MapLibre draw after the script finishes
    shots = artifacts / "a11y"
    shots.mkdir(exist_ok=True)
    page.screenshot(path=str(shots / f"{path}-{mode}-{lang}-{size[0]}x{size[1]}.png"))
    assert exceptions_on(page) == []
    assert watch.offsite == []
    main = page.locator("[data-testid='stMain']").inner_text()
    assert EXPECT[lang].get(path, "") in main
    assert page.locator("[data-testid='stSidebar']").is_visible() is (mode == "normal")
    # Nothing excluded: the menu is the app's own page links (Streamlit's nav failed list rules).
    assert axe_violations(page) == []


@pytest.mark.parametrize(("path", "mode", "lang"), CASES)
def test_page_is_accessible_at_1280(shared_page, app_url, artifacts, path, mode, lang) -> None:
    _check(shared_page, app_url, artifacts, (1280, 720), path, mode, lang)
