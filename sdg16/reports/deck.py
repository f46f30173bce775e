"""A presentation as a PDF deck: each saved view shot in presenter mode, one per page.

Screenshots come from headless Chromium (Playwright, Debian's /usr/bin/chromium) opening the
view's own link on the running app, so the deck shows exactly what the presenter shows.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from fpdf import FPDF

from sdg16.core import browser
from sdg16.state.presentations import View

SIZE = (1280, 720)  # a shared screen; the PDF page has the same 16:9 shape


def screenshots(base_url: str, views: list[View], lang: str | None, folder: Path) -> list[Path]:
    """One PNG per view, in order."""
    shots = []
    with browser.context(SIZE) as ctx:
        page = ctx.new_page()
        for i, view in enumerate(views, 1):
            params = {**view.params, **({"lang": lang} if lang else {})}
            page.goto(base_url + View(view.page, params, view.title).url(present=True))
            # stApp carries the script state: initial -> running -> notRunning.
            page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")
            page.wait_for_timeout(500)
            path = folder / f"view-{i:02d}.png"
            page.screenshot(path=str(path))
            shots.append(path)
    return shots


def build_pdf(title: str, views: list[View], shots: list[Path]) -> bytes:
    """One landscape 16:9 page per view: its title above the screenshot, its note below."""
    pdf = FPDF(orientation="L", unit="mm", format=(180, 320))
    pdf.set_title(title)
    pdf.set_auto_page_break(False)
    for i, (view, shot) in enumerate(zip(views, shots, strict=True), 1):
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 16)
        pdf.cell(0, 10, _latin1(f"{view.title}   ({i} / {len(views)})"))
        pdf.image(str(shot), x=10, y=22, w=300 * 0.9, h=SIZE[1] / SIZE[0] * 300 * 0.9)
        if view.note:
            pdf.set_xy(10, 22 + SIZE[1] / SIZE[0] * 300 * 0.9 + 2)
            pdf.set_font("Helvetica", "", 11)
            pdf.multi_cell(0, 6, _latin1(view.note))
    return bytes(pdf.output())


def export(base_url: str, title: str, views: list[View], lang: str | None = None) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        shots = screenshots(base_url, views, lang, Path(folder))
        return build_pdf(title, views, shots)


def _latin1(text: str) -> str:
    # The core PDF fonts cover Latin-1 (enough for EN / ES / FR); replace anything else.
    return text.encode("latin-1", "replace").decode("latin-1")
