"""Presenter mode (``present=1``): no chrome, large type, high contrast, no animation.

Pages get it through ``sdg16.ui.page.setup()``; a view adds ``presenter_header(title, takeaway)``.
"""

from __future__ import annotations

import streamlit as st

from sdg16.core import textsafe
from sdg16.ui.i18n import _

# Hide everything that is not content; keep buttons (Previous / Next on the present page).
PRESENTER_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stStatusWidget"], [data-testid="stSidebarNav"],
.stSelectbox, .stMultiSelect, .stSlider, .stTextInput, .stTextArea, .stDateInput,
.stRadio, .stCheckbox, .stToggle, .stNumberInput, [data-testid="stPopover"], .stDownloadButton,
[data-testid="stElementToolbar"] { display: none !important; }
html, body, .stApp, [data-testid="stMain"] { background: #ffffff !important; color: #000000; }
.stApp { font-size: 22px; }
[data-testid="stMainBlockContainer"] { padding-top: 1.5rem; max-width: 100%; }
h1 { font-size: 2.6rem !important; color: #000000 !important; }
h2, h3 { font-size: 1.9rem !important; color: #000000 !important; }
[data-testid="stMetricValue"] { font-size: 2.8rem !important; color: #000000; }
/* Large numbers wrap instead of being cut to "28,2 por 10…" */
[data-testid="stMetricValue"] * { white-space: normal !important; overflow: visible !important; }
[data-testid="stMetricLabel"] * { white-space: normal !important; }
[data-testid="stMetricLabel"] p { font-size: 1.3rem !important; color: #000000; }
[data-testid="stMetricDelta"] { font-size: 1.2rem !important; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {
  font-size: 1.05rem !important; color: #1a1a1a !important; }
.sdg16-takeaway { font-size: 1.6rem; line-height: 1.35; color: #000; margin: 0 0 1rem 0;
  border-left: 6px solid #0072B2; padding-left: 0.8rem; }
*, *::before, *::after { animation: none !important; transition: none !important;
  scroll-behavior: auto !important; }
</style>
"""


# Always on: Streamlit's default caption grey fails WCAG AA contrast (axe: color-contrast).
BASE_CSS = """
<style>
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {
  color: #3d3d3d !important; opacity: 1 !important; }
</style>
"""


def is_presenting() -> bool:
    return st.query_params.get("present") == "1"


def is_phone() -> bool:
    """A phone-sized browser, by the user agent's own "Mobile" mark (Chromium also sends the
    ``Sec-CH-UA-Mobile: ?1`` client hint): the server cannot measure the screen."""
    try:
        headers = st.context.headers
        agent = headers.get("User-Agent", "") or ""
        return "Mobi" in agent or headers.get("Sec-CH-UA-Mobile", "") == "?1"
    except (AttributeError, RuntimeError):
        return False


def apply() -> None:
    """Inject the accessible base look, and the presenter look when the URL says ``present=1``."""
    st.html(BASE_CSS)
    if is_presenting():
        st.html(PRESENTER_CSS)


def presenter_toggle(where=None) -> bool:
    """A sidebar toggle that writes ``present=1`` to the URL (all other parameters kept)."""
    from sdg16.ui import controls, nav  # here: nav imports this package's i18n

    on = controls.toggle(
        _("Presenter mode"), key=nav.key("present"), url=is_presenting(), where=where or st.sidebar
    )
    if on != is_presenting():
        nav.rewrite("present", "1" if on else None)
        st.rerun()
    return on


def exit_button() -> None:
    """In presenter mode the sidebar is hidden: this is the way back."""
    if is_presenting() and st.button(_("Exit presenter mode"), key="exit_present", type="tertiary"):
        from sdg16.ui import controls, nav

        del st.query_params["present"]
        controls.set_next(nav.key("present"), False)  # the toggle is already drawn this run
        st.rerun()


def presenter_header(title: str, takeaway: str | None = None, *, user_text: bool = False) -> None:
    """The view's title and, in presenter mode, its one-line takeaway in large type.

    ``user_text``: title and takeaway were typed by a person (saved views): shown exactly as
    typed, never as Markdown (an image or link in a title would be fetched or followed)."""
    st.title(textsafe.md(title, limit=None) if user_text else title)
    if takeaway:
        if is_presenting():
            st.html(f'<p class="sdg16-takeaway">{textsafe.html(takeaway)}</p>')
        else:
            st.markdown(textsafe.md(takeaway, limit=None) if user_text else takeaway)
