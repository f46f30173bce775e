"""Hostile links and anonymous writes, as a visitor meets them: URL values shown as text (never
Markdown), notices deduplicated and capped, odd Unicode digits as notices not crashes, and Save
view / the PDF deck only for signed-in viewers, within limits."""

from __future__ import annotations

import pytest

from sdg16.state import audit, presentations
from sdg16.state.roles import Role
from testkit.apptest import open_app
from testkit.auth import signed_in
from testkit.fixtures import module_state_db

IMAGE = "![t](http://host.example/px.png)"
LINK = "[phish](http://host.example)"
FILTER_PAGES = ("home", "trends", "map", "table", "country", "coverage", "incidents")


state_db = module_state_db("vic")


def _shown(at) -> list[str]:
    """Every Markdown text the page sent (captions, toasts, titles, notices)."""
    out = []
    for kind in ("caption", "markdown", "title", "toast", "warning", "error", "success", "info"):
        out += [str(e.value) for e in at.get(kind)]
    return out


def _renders_markup(text: str) -> bool:
    # An unescaped "](" to the link's host makes a Markdown link or image; escaped it is
    # "\]\(". The page's own links (the Sources panel's method link) are not the attack.
    return "](http://host.example" in text or "<img" in text


@pytest.mark.parametrize("param", ["series", "sex", "geo", "region"])
def test_markdown_in_a_link_is_shown_as_text(param: str) -> None:
    at = open_app("trends", **{param: IMAGE if param != "sex" else LINK})
    assert not at.exception
    shown = _shown(at)
    assert any("Ignored" in t for t in shown), shown
    assert not [t for t in shown if _renders_markup(t)]


def test_a_10k_character_geo_list_gives_a_few_notices() -> None:
    geo = ",".join(f"Q{i:04d}" for i in range(2000))  # 10,000 characters
    at = open_app("trends", geo=geo)
    assert not at.exception
    toasts = at.get("toast")
    assert 1 <= len(toasts) <= 6
    assert "More values in the link were ignored" in toasts[-1].value
    assert sum(len(t) for t in _shown(at)) < 10_000


@pytest.mark.parametrize("page", FILTER_PAGES)
@pytest.mark.parametrize("value", ["²⁰¹⁰", "٢٠١٠", "2010\u0660"])
def test_unicode_digits_in_years_are_a_notice_not_a_crash(incident_app, page, value) -> None:
    at = open_app(page, **{"from": value, "to": "2020", "year": value})
    assert not at.exception, at.exception
    assert any("not a year" in t for t in _shown(at))


def test_anonymous_visitors_get_no_save_view_form() -> None:
    at = open_app("home")
    assert not at.exception
    assert not [t for t in at.text_input if t.label == "View title"]


def test_a_viewer_saves_a_view_and_its_markdown_is_shown_as_text() -> None:
    at = signed_in("vic", "home")
    (title,) = [t for t in at.text_input if t.label == "View title"]
    next(t for t in at.text_input if t.label == "Presentation").input("Webinar")
    title.input(IMAGE)
    at.text_area[0].input(LINK)
    next(b for b in at.get("button") if b.proto.label == "Save view").click().run()
    assert not at.exception
    assert [e.value for e in at.success] and not _renders_markup(at.success[0].value)
    assert "save_view" in set(audit.entries(actor="vic")["action"])
    shown = open_app("present", deck="Webinar")
    assert not shown.exception
    texts = _shown(shown)
    plain = [t.replace("\\", "") for t in texts]  # what the reader sees, escapes removed
    assert any(LINK in t for t in plain) and any(IMAGE in t for t in plain)
    assert not [t for t in texts if _renders_markup(t)]


def test_save_view_limits_hold_on_the_server() -> None:
    with pytest.raises(presentations.LimitError, match="at most 120"):
        presentations.save_view("Deck", presentations.View("home", {}, "x" * 121))
    for _ in range(presentations.SAVES_PER_HOUR):
        audit.record("busy", Role.VIEWER, "save_view", "Deck")
    with pytest.raises(presentations.LimitError, match="an hour"):
        presentations.check_rate("busy")


def test_the_pdf_deck_needs_a_signed_in_viewer_and_has_limits() -> None:
    presentations.save_view("Public deck", presentations.View("home", {}, "One"))
    anonymous = open_app("present", deck="Public deck")
    assert not anonymous.exception
    assert "Export as PDF deck" not in [b.proto.label for b in anonymous.get("button")]
    viewer = signed_in("vic", "present", deck="Public deck")
    assert "Export as PDF deck" in [b.proto.label for b in viewer.get("button")]
    with pytest.raises(presentations.LimitError, match="at most 30 views"):
        presentations.check_deck("vic", presentations.DECK_VIEWS + 1)
    for _ in range(presentations.DECKS_PER_WINDOW):
        audit.record("vic", Role.VIEWER, "deck", "presentation Public deck")
    with pytest.raises(presentations.LimitError, match="PDF decks"):
        presentations.check_deck("vic", 1)
