"""Every page in Spanish and French, as Chromium draws it: none of a fixed list of English
words (testkit/english.py) in the page text or the charts' SVG text. Anonymous visitors for the
public pages; an administrator for /reports and /admin (signed in once, the cookie carries)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdg16.core.browser import wait_for_charts
from sdg16.state import accounts
from sdg16.state.roles import Role
from sdg16.ui.registry import PAGES
from testkit.browser import PageWatch, browser, exceptions_on, running_app, settle
from testkit.english import english_words
from testkit.screens import page_url, shown_texts

ADMIN_ONLY = {spec.url_path for spec in PAGES if spec.role > Role.ANONYMOUS}
PUBLIC = [spec.url_path for spec in PAGES if spec.url_path not in ADMIN_ONLY]


@pytest.fixture(scope="module")
def i18n_app(incident_store: Path, tmp_path_factory: pytest.TempPathFactory):
    state = tmp_path_factory.mktemp("state") / "app_state.sqlite"
    accounts.add_user("root", Role.ADMIN, "admin-password-12", path=state)
    env = {"SDG16_DB": str(incident_store), "SDG16_STATE_DB": str(state)}
    with running_app(env) as url:
        yield url


def _words_on(page, url: str, path: str, lang: str, shots: Path) -> dict[str, str]:
    watch = PageWatch()
    watch.attach(page)
    page.goto(page_url(url, path, lang))
    settle(page)
    wait_for_charts(page)
    page.screenshot(path=str(shots / f"{path}-{lang}.png"), full_page=True)
    assert exceptions_on(page) == []
    assert watch.offsite == []
    return english_words(shown_texts(page), lang)


def _english_on(page, url: str, paths, lang: str, artifacts: Path) -> dict[str, str]:
    """Every English word found on ``paths``, as "path: word" -> the text it was found in."""
    shots = artifacts / "i18n"
    shots.mkdir(exist_ok=True)
    found = {}
    for path in paths:
        words = _words_on(page, url, path, lang, shots)
        found |= {f"{path}: {w}": text for w, text in words.items()}
    return found


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_public_pages_show_no_english(i18n_app: str, artifacts: Path, lang: str) -> None:
    with browser((1280, 900)) as ctx:
        found = _english_on(ctx.new_page(), i18n_app, PUBLIC, lang, artifacts)
    assert found == {}


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_admin_pages_show_no_english(i18n_app: str, artifacts: Path, lang: str) -> None:
    with browser((1280, 900)) as ctx:
        page = ctx.new_page()
        page.goto(f"{i18n_app}/login?lang={lang}")
        settle(page)
        main = page.locator("[data-testid='stMain']")
        main.locator("[data-testid='stTextInput'] input").first.fill("root")
        main.locator("input[type='password']").fill("admin-password-12")
        main.locator("input[type='password']").press("Enter")  # submits the sign-in form
        page.locator("[data-testid='stSidebar']").get_by_text("root").first.wait_for()
        found = _english_on(page, i18n_app, sorted(ADMIN_ONLY), lang, artifacts)
        # Proof the administrator's pages were drawn, not a sign-in prompt.
        assert page.locator("[data-testid='stMain'] [data-testid='stTabs'], h1").count() > 0
    assert found == {}
