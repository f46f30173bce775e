"""Every page on a phone (390x844) and in presenter mode on 1280x720 and 1920x1080 screens, in
English, Spanish and French, as Chromium draws it: it fits the width (no sideways scroll), no
exception, nothing fetched off the machine, each chart's legend, x-axis ticks and colour bar
visible (presenter: on the first screen), no English word of the fixed list in ES and FR, no
sidebar in presenter mode, and no serious or critical axe violation (the phone and presenter
half of the accessibility check; normal mode on a desktop is in test_a11y_pages.py).

One browser per size and language, its page reused for every page of the app; each page is
checked once its charts have drawn (their own signal, no timer). Visitors see the public pages;
an administrator (a session cookie, no password typed) sees /reports and /admin. The incident
pages run on the server with the HarassMap reports. Screenshots: artifacts/screens/ (look at
them). Timing of the whole matrix: docs/testing.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sdg16.core.browser import wait_for_charts
from sdg16.core.i18n import gettext
from sdg16.state import accounts
from sdg16.state.roles import Role
from sdg16.ui.registry import PAGES
from testkit import screens
from testkit.a11y import axe_violations
from testkit.browser import PageWatch, browser, exceptions_on, settle
from testkit.english import english_words

SIZES = {"phone": (390, 844), "present1280": (1280, 720), "present1920": (1920, 1080)}
LANGS = ("en", "es", "fr")
ADMIN = "screens-root"
INCIDENT_PAGES = {"incidents", "incidents_profile"}
SIDEBAR = "[data-testid='stSidebar']"
# Known bugs, each named: (page, size) -> why. The case is xfail (strict: it must still fail).
KNOWN: dict[tuple[str, str], str] = {}


def _cases():
    for size in SIZES:
        for lang in LANGS:
            for spec in PAGES:
                why = KNOWN.get((spec.url_path, size))
                marks = [pytest.mark.xfail(reason=why, strict=True)] if why else []
                yield pytest.param(size, lang, spec.url_path, spec.role, marks=marks)


class _Browsers:
    """One browser (and page) per size and language, the last one kept open: the cases run in
    order of size and language, so each browser starts once."""

    def __init__(self) -> None:
        self.key, self.cm, self.ctx, self.page = None, None, None, None

    def get(self, size: str, lang: str):
        if self.key != (size, lang):
            self.close()
            self.key, self.cm = (size, lang), browser(SIZES[size])
            self.ctx = self.cm.__enter__()
            self.page = self.ctx.new_page()
        return self.ctx, self.page

    def close(self) -> None:
        if self.cm is not None:
            self.cm.__exit__(None, None, None)
            self.cm = None


@pytest.fixture(scope="module")
def browsers():
    if accounts.get_user(ADMIN) is None:  # the session servers read the session's state DB
        accounts.add_user(ADMIN, Role.ADMIN, "a-screens-password-1")
    found = _Browsers()
    yield found
    found.close()


@pytest.mark.parametrize(("size", "lang", "path", "role"), list(_cases()))
def test_page_fits_the_screen(
    browsers, app_url, incident_url, artifacts: Path, size, lang, path, role
) -> None:
    ctx, page = browsers.get(size, lang)
    base = incident_url if path in INCIDENT_PAGES else app_url
    ctx.clear_cookies()
    if role > Role.ANONYMOUS:
        screens.sign_in_cookie(ctx, base, ADMIN)
    watch = PageWatch()
    watch.attach(page)
    presenting = size != "phone"
    page.goto(screens.page_url(base, path, lang, presenting))
    # Generous limits, not timings: a server's first map page computes its shapes (30 s was
    # passed under load on a cold server).
    settle(page, timeout_ms=90_000)
    wait_for_charts(page, timeout_ms=90_000)
    shots = artifacts / "screens"
    shots.mkdir(exist_ok=True)
    main = page.locator("[data-testid='stMain']").inner_text()
    problems = {
        "exceptions": exceptions_on(page),
        "offsite requests": watch.offsite,
        "sideways scroll px": screens.sideways_px(page),
        "cut chart parts": screens.cut_chart_parts(page, first_screen=presenting),
        "English words": english_words(screens.shown_texts(page), lang) if lang != "en" else {},
        "blank page": len(main.strip()) < 40,
        "sign-in prompt": role > Role.ANONYMOUS and gettext(lang, "Sign in required") in main,
        "sidebar in presenter mode": presenting and page.locator(SIDEBAR).is_visible(),
        "axe (serious, critical)": axe_violations(page),
    }
    shot = str(shots / f"{size}-{lang}-{path}.png")
    page.screenshot(path=shot) if presenting else screens.whole_page_shot(page, shot)
    assert {k: v for k, v in problems.items() if v} == {}
