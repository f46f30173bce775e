"""Presenter mode (``present=1``): no chrome, large type, high contrast, no animation.

Pages get it through ``sdg16.ui.page.setup()``; a view adds ``presenter_header(title, takeaway)``.
"""

from __future__ import annotations

import streamlit as st

from sdg16.core import textsafe
from sdg16.core.filters import Filter
from sdg16.state import presentations
from sdg16.state.roles import Role
from sdg16.ui.i18n import _

# Hide everything that is not content; keep buttons (Previous / Next on the present page).
_CONTROLS = (
    ".stSelectbox, .stMultiSelect, .stSlider, .stTextInput, .stTextArea, .stDateInput, .stRadio,"
    ' .stCheckbox, .stToggle, .stNumberInput, [data-testid="stPopover"], .stDownloadButton'
)
CONTROLS_KEY = "sdg16-controls-"  # the key prefix of ``controls`` blocks
PRESENTER_CSS = f"""
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stStatusWidget"], [data-testid="stSidebarNav"], {_CONTROLS},
[data-testid="stElementToolbar"] {{ display: none !important; }}
/* A hidden control's own box goes too: each kept Streamlit's 1rem gap, 48 px of a 720 px
   screen above the map. (Its own rule: a selector the browser cannot parse drops the rule.) */
.stElementContainer:has(> :is({_CONTROLS})) {{ display: none !important; }}
/* A select_slider sits one div deeper: its empty box kept the gap above the incident charts. */
.stElementContainer:has(> div > .stSlider) {{ display: none !important; }}
/* So does a page's block of controls (``controls``): its rows of columns, emptied, each still
   kept a gap. (CSS cannot find "a row holding only hidden controls": :has() does not nest.) */
[class*="st-key-{CONTROLS_KEY}"],
[data-testid="stLayoutWrapper"]:has(> [class*="st-key-{CONTROLS_KEY}"]) {{
  display: none !important; }}
/* The screen-size probe (sdg16.ui.screen) is 0 px tall: no gap under it either, so the chart
   starts where the probe measured from. */
.stElementContainer[class*="st-key-sdg16_screen_"] {{ margin-bottom: -1rem; }}
html, body, .stApp, [data-testid="stMain"] {{ background: #ffffff !important; color: #000000; }}
.stApp {{ font-size: 22px; }}
[data-testid="stMainBlockContainer"] {{ padding-top: 1.5rem; max-width: 100%; }}
h1 {{ font-size: 2.6rem !important; color: #000000 !important; }}
h2, h3 {{ font-size: 1.9rem !important; color: #000000 !important; }}
[data-testid="stMetricValue"] {{ font-size: 2.8rem !important; color: #000000; }}
/* Large numbers wrap instead of being cut to "28,2 por 10…" */
[data-testid="stMetricValue"] * {{ white-space: normal !important; overflow: visible !important; }}
[data-testid="stMetricLabel"] * {{ white-space: normal !important; }}
[data-testid="stMetricLabel"] p {{ font-size: 1.3rem !important; color: #000000; }}
[data-testid="stMetricDelta"] {{ font-size: 1.2rem !important; }}
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {{
  font-size: 1.05rem !important; color: #1a1a1a !important; }}
.sdg16-takeaway {{ font-size: 1.6rem; line-height: 1.35; color: #000; margin: 0 0 1rem 0;
  border-left: 6px solid #0072B2; padding-left: 0.8rem; }}
*, *::before, *::after {{ animation: none !important; transition: none !important;
  scroll-behavior: auto !important; }}
</style>
"""


# Always on: Streamlit's default caption grey fails WCAG AA contrast (axe: color-contrast).
BASE_CSS = """
<style>
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {
  color: #3d3d3d !important; opacity: 1 !important; }
/* A long value wraps rather than being cut ("-0,81 índice, de -2,5…" on a phone) */
[data-testid="stMetricValue"] * { white-space: normal !important; overflow: visible !important; }
</style>
"""


# Room above a presenter chart: the deck bar, title, takeaway and the page's padding (px at
# the presenter type sizes above); the chart takes the rest of the screen's height.
CHART_RESERVE_PX = 300
CHART_MIN_PX, CHART_MAX_PX = 300, 900


def is_presenting() -> bool:
    return st.query_params.get("present") == "1"


def audience(role: Role) -> Role:
    """The role a page's sensitive data is shown for. A presenter's screen is shared with an
    audience nobody signed in for, so in presenter mode it is the public view (counts under
    the threshold merged, no points, no free text), whoever presents."""
    return Role.ANONYMOUS if is_presenting() else role


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


def controls(name: str):
    """A block for a page's controls (pickers, sliders, toggles, in rows of columns): drawn as
    usual, gone whole in presenter mode, so the chart starts right under the title."""
    return st.container(key=f"{CONTROLS_KEY}{name}")


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


_GO_KEY = "sdg16_deck_go"


def slide_link(deck: str, pos: int, lang: str | None = None) -> tuple[str, dict[str, str]] | None:
    """(page file, query parameters) of slide ``pos`` of ``deck``, in presenter mode; None
    when the deck has no such slide or the slide's page no longer exists."""
    from sdg16.ui.registry import PAGES, PAGES_DIR

    views = presentations.views(deck)
    if not 1 <= pos <= len(views):
        return None
    view = views[pos - 1]
    params = {k: v for k, v in view.params.items() if k not in presentations.SHOW_KEYS}
    params.update({"present": "1", "deck": deck, "slide": str(pos)})
    if lang:
        params["lang"] = lang
    spec = next((s for s in PAGES if s.url_path == view.page), None)
    return (str(PAGES_DIR / spec.file), params) if spec else None


def _go(target: tuple[str, dict[str, str]]) -> None:
    """Previous / Next: forget this page's controls, so the next slide's page (perhaps this
    same page) takes its values from the slide's link, not from what the last slide showed."""
    from sdg16.ui import nav

    prefix = nav.scope() + "."
    for key in [k for k in st.session_state if str(k).startswith(prefix)]:
        del st.session_state[key]
    st.session_state[_GO_KEY] = target


def deck_bar(f: Filter) -> None:
    """A slide of a presentation (``deck`` and ``slide`` in a presenter link): the view itself
    fills the screen, with Previous / Next (or the arrow keys), the position and the saved
    title above it. Each slide is the view's own page, so nothing is cut by a frame."""
    go = st.session_state.pop(_GO_KEY, None)
    if go:  # Previous / Next was pressed: a page switch cannot happen inside its callback
        st.switch_page(go[0], query_params=go[1])
    if not (f.present and f.deck and f.slide) or f.deck not in presentations.names():
        return
    views = presentations.views(f.deck)
    pos = min(f.slide, len(views))
    view = views[pos - 1]
    lang = None if f.lang == "en" else f.lang
    bar = st.container(horizontal=True, vertical_alignment="center")
    for label, to, icon, key in (
        (_("Previous"), pos - 1, ":material/arrow_back:", "Left"),
        (_("Next"), pos + 1, ":material/arrow_forward:", "Right"),
    ):
        target = slide_link(f.deck, to, lang)
        bar.button(
            label,
            icon=icon,
            shortcut=key,
            disabled=target is None,
            key=f"deck.{key}",
            on_click=_go,
            args=(target,),
        )
    line = f"**{pos} / {len(views)}** · {textsafe.md(f.deck)} · {textsafe.md(view.title)}"
    bar.markdown(line + (f" — {textsafe.md(view.note)}" if view.note else ""))
    with bar:
        exit_button()


def chart(draw, name: str, reserve: int = CHART_RESERVE_PX, fig=None):
    """Draw a chart that, in presenter mode, takes the screen's height left under the title
    (``reserve`` px above it), so its legend, axes and colour bar are inside the screen at
    1280x720 as at 1920x1080. ``draw(height)`` draws it with Streamlit's ``height`` argument
    ("stretch" when presenting); ``fig``, a plotly figure, loses its fixed height then so the
    browser lays it out at the height it gets. Returns what ``draw`` returns."""
    if not is_presenting():
        return draw(None)
    if fig is not None:
        fig.update_layout(height=None, autosize=True)
    key = f"sdg16-present-chart-{name}"
    # Streamlit wraps the container in a flex box of its own height: size both.
    size = f"clamp({CHART_MIN_PX}px, calc(100vh - {reserve}px), {CHART_MAX_PX}px)"
    st.html(
        f"<style>.st-key-{key}, [data-testid='stLayoutWrapper']:has(> .st-key-{key}) "
        f"{{ height: {size} !important; }}</style>"
    )
    with st.container(key=key):
        return draw("stretch")


def plotly_chart(fig, name: str, reserve: int = CHART_RESERVE_PX, **kwargs):
    """``st.plotly_chart(fig, **kwargs)`` sized for the presenter's screen (``chart``)."""
    return chart(
        lambda h: st.plotly_chart(fig, height=h or "content", **kwargs), name, reserve, fig
    )
