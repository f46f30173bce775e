"""A presentation as a PDF deck: each saved view shot in presenter mode, one per page.

Screenshots come from headless Chromium (Playwright, Debian's /usr/bin/chromium) opening the
view's own link on the running app, so the deck shows exactly what the presenter shows. Each
shot waits for the charts' own "drawn" state (``sdg16.core.browser.wait_for_charts``), not a
timer. The pages are then printed by the same Chromium from HTML: it shapes Arabic and Urdu
titles with the system's Noto fonts (Debian ``fonts-noto-core``), where a PDF library's core
fonts print ``?``.
"""

from __future__ import annotations

import base64
import html
import tempfile
from pathlib import Path

from sdg16.core import browser
from sdg16.state.presentations import View

SIZE = (1280, 720)  # a shared screen; the PDF page has the same 16:9 shape
# The app's sidebar must not be in a slide: presenter mode hides it, this waits until it has.
_NO_SIDEBAR_JS = """() => { const s = document.querySelector("[data-testid='stSidebar']");
  return !s || s.offsetParent === null || getComputedStyle(s).display === 'none'; }"""
FONTS = "'Noto Sans', 'Noto Naskh Arabic', 'Noto Nastaliq Urdu', 'DejaVu Sans', sans-serif"
_PAGE_CSS = f"""
@page {{ size: {SIZE[0]}px {SIZE[1]}px; margin: 0; }}
body {{ margin: 0; font-family: {FONTS}; color: #000; }}
section {{ width: {SIZE[0]}px; height: {SIZE[1]}px; box-sizing: border-box; padding: 18px 28px;
  display: flex; flex-direction: column; page-break-after: always; overflow: hidden; }}
h1 {{ font-size: 26px; margin: 0 0 10px 0; unicode-bidi: plaintext; }}
h1 small {{ font-weight: normal; color: #333; font-size: 18px; }}
img {{ flex: 1 1 auto; min-height: 0; object-fit: contain; object-position: top left;
  border: 1px solid #ccc; }}
p {{ font-size: 17px; margin: 8px 0 0 0; unicode-bidi: plaintext; }}
"""


def screenshots(
    ctx, base_url: str, views: list[View], lang: str | None, folder: Path
) -> list[Path]:
    """One PNG per view, in order, each taken once its charts have drawn (``ctx``: a
    Playwright browser context of ``SIZE``)."""
    shots = []
    page = ctx.new_page()
    for i, view in enumerate(views, 1):
        params = {**view.params, **({"lang": lang} if lang else {})}
        page.goto(base_url + View(view.page, params, view.title).url(present=True))
        browser.wait_for_charts(page)
        page.wait_for_function(_NO_SIDEBAR_JS)
        path = folder / f"view-{i:02d}.png"
        page.screenshot(path=str(path))
        shots.append(path)
    page.close()
    return shots


def deck_html(title: str, views: list[View], shots: list[Path]) -> str:
    """One 16:9 section per view: its title and position, the screenshot, its note."""
    parts = []
    for i, (view, shot) in enumerate(zip(views, shots, strict=True), 1):
        image = base64.b64encode(shot.read_bytes()).decode("ascii")
        note = f'<p dir="auto">{html.escape(view.note)}</p>' if view.note else ""
        parts.append(
            f'<section><h1 dir="auto">{html.escape(view.title)} <small>({i} / {len(views)})'
            f'</small></h1><img alt="" src="data:image/png;base64,{image}">{note}</section>'
        )
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"<style>{_PAGE_CSS}</style></head><body>{''.join(parts)}</body></html>"
    )


def build_pdf(ctx, title: str, views: list[View], shots: list[Path]) -> bytes:
    """The deck printed by Chromium: text stays text (searchable, any script)."""
    page = ctx.new_page()
    page.set_content(deck_html(title, views, shots), wait_until="load")
    return page.pdf(width=f"{SIZE[0]}px", height=f"{SIZE[1]}px", print_background=True)


def export(base_url: str, title: str, views: list[View], lang: str | None = None) -> bytes:
    """The PDF deck of ``views`` as shown by the app at ``base_url``; one browser for it all."""
    with tempfile.TemporaryDirectory() as folder, browser.context(SIZE) as ctx:
        shots = screenshots(ctx, base_url, views, lang, Path(folder))
        return build_pdf(ctx, title, views, shots)
