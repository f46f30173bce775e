"""A saved presentation in the browser: each slide is its view's own page, full screen, stepped
with Next / Previous; the PDF deck shows each view after its charts drew, in any script."""

from __future__ import annotations

import subprocess
import uuid
from pathlib import Path
from urllib.parse import urlencode

from sdg16.core import settings
from sdg16.core.browser import wait_for_charts
from sdg16.reports import deck
from sdg16.state import presentations
from sdg16.state.presentations import View
from testkit.browser import PageWatch, browser, exceptions_on, settle
from testkit.screens import inside

GEOS = ["MEX", "EGY", "PAK", "COL", "FRA"]
ARABIC = "معدل جرائم القتل في مصر"  # "homicide rate in Egypt"
URDU = "پاکستان میں قتل کی شرح"


def test_five_views_step_in_order_full_screen(app_url: str, artifacts: Path):
    # The session's server reads the session's state DB: the deck is saved there.
    state, name = settings.state_db_path(), f"Webinar {uuid.uuid4().hex[:6]}"
    presentations.save_view(name, View("trends", {"geo": "MEX,EGY"}, "Trends"), state)
    for i, geo in enumerate(GEOS, 2):
        view = View("home", {"geo": geo}, f"View {i}: {geo}", f"Takeaway {i}")
        presentations.save_view(name, view, state)
    with browser((1280, 720)) as ctx:
        page = ctx.new_page()
        watch = PageWatch()
        watch.attach(page)
        page.goto(f"{app_url}/present?{urlencode({'deck': name, 'present': 1, 'lang': 'es'})}")
        page.get_by_text("1 / 6").wait_for()
        wait_for_charts(page)
        assert "/trends?" in page.url  # the view itself, not a frame inside /present
        assert page.locator("iframe").count() == 0
        # The whole chart, its year axis and legend included, is on the screen.
        assert inside(page, "[data-testid='stPlotlyChart'] .legend")
        assert inside(page, "[data-testid='stPlotlyChart'] .xtick")
        page.screenshot(path=str(artifacts / "present-1-of-6-es.png"))
        page.get_by_role("button", name="Siguiente").click()
        page.get_by_text("2 / 6").wait_for()
        settle(page)
        assert "View 2: MEX" in page.inner_text("body")
        assert "Últimos valores: México" in page.inner_text("body")  # the view, in Spanish
        page.keyboard.press("ArrowRight")  # the arrow keys step too
        page.get_by_text("3 / 6").wait_for()
        settle(page)
        assert "Últimos valores: Egipto" in page.inner_text("body")
        page.get_by_role("button", name="Anterior").click()
        page.get_by_text("2 / 6").wait_for()
        assert exceptions_on(page) == []
        assert watch.offsite == []


def test_pdf_deck_draws_charts_and_arabic_titles(app_url: str, artifacts: Path):
    state, name = settings.state_db_path(), f"Deck {uuid.uuid4().hex[:6]}"
    presentations.save_view(name, View("trends", {"geo": "EGY,PAK"}, ARABIC, URDU), state)
    # The presenter's own words: none from the English-word list, since the screen matrix's
    # /present pages in ES and FR list every deck of the session's state DB.
    presentations.save_view(name, View("map", {}, "World map", "2019"), state)
    pdf = deck.export(app_url, name, presentations.views(name, state))
    out = artifacts / "arabic-deck.pdf"
    out.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    assert "Pages:           2" in info.stdout
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "?" not in text.split("World map")[0]  # no glyph lost in the Arabic and Urdu page
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "Arab" in fonts or "Urdu" in fonts  # shaped with a font that has the glyphs
    # Look at it: page 1 as PNG (the trends chart drawn, no sidebar).
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "50",
            "-f",
            "1",
            "-l",
            "2",
            str(out),
            str(artifacts / "arabic-deck"),
        ],
        check=True,
    )
