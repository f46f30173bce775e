"""Saved views and presentations: stored in SQLite, stepped through in order on /present."""

from __future__ import annotations

import pytest

from sdg16.state import presentations
from sdg16.state.presentations import View
from testkit.apptest import open_app

GEOS = ["MEX", "EGY", "PAK", "COL", "FRA"]


# Each test on SQLite and PostgreSQL, through the environment as the app reads it.
pytestmark = pytest.mark.usefixtures("state_env")


def test_views_come_back_in_saved_order_without_present() -> None:
    for i, geo in enumerate(GEOS, 1):
        pos = presentations.save_view(
            "Webinar", View("home", {"geo": geo, "present": "1"}, f"V{i}")
        )
        assert pos == i
    views = presentations.views("Webinar")
    assert [v.params["geo"] for v in views] == GEOS
    # The default page is at "/" ("/home" is Streamlit's "Page not found").
    assert views[0].url() == "/?geo=MEX&present=1"
    assert views[0].url(present=False) == "/?geo=MEX"
    assert views[1].url(deck="Webinar", slide=2) == "/?geo=EGY&present=1&deck=Webinar&slide=2"
    assert presentations.names() == ["Webinar"]


def test_a_view_needs_a_title_and_a_presentation() -> None:
    with pytest.raises(ValueError, match="required"):
        presentations.save_view(" ", View("home", {}, "T"))
    with pytest.raises(ValueError, match="required"):
        presentations.save_view("Deck", View("home", {}, "  "))


def test_present_page_steps_through_five_views() -> None:
    for i, geo in enumerate(GEOS, 1):
        presentations.save_view("Webinar", View("home", {"geo": geo}, f"View {i}", f"Note {i}"))
    listing = open_app("present", deck="Webinar")
    assert [m.value for m in listing.markdown if m.value.startswith("**1.**")] == [
        "**1.** View 1 — Note 1"
    ]
    # Presenting: each slide is the view's own page, full screen, with the deck bar on top.
    at = open_app("present", deck="Webinar", present="1")
    assert not at.exception
    seen = []
    for step in range(1, 6):
        bar = f"**{step} / 5** · Webinar · View {step} — Note {step}"
        assert bar in [m.value for m in at.markdown]
        assert at.query_params["slide"] in (str(step), [str(step)])
        seen.append(at.selectbox[0].value)  # the Overview's place: the saved view's own
        if step < 5:
            next(b for b in at.button if b.label == "Next").click()
            at = at.run()
    assert seen == GEOS
    assert next(b for b in at.button if b.label == "Next").disabled
    next(b for b in at.button if b.label == "Previous").click()
    at = at.run()
    assert "**4 / 5** · Webinar · View 4 — Note 4" in [m.value for m in at.markdown]


def test_save_view_form_stores_the_current_link() -> None:
    from streamlit.testing.v1 import AppTest

    from sdg16.state.roles import Role
    from testkit.auth import as_role
    from testkit.paths import ROOT

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    as_role(at, Role.VIEWER)  # Save view needs a signed-in viewer
    at.query_params.update({"geo": "EGY", "lang": "es"})
    at.switch_page("views/home.py")
    at.run()
    at.text_input[0].input("Deck")
    at.text_input[1].input("Egipto")
    at.text_area[0].input("Homicidios bajos")
    next(b for b in at.sidebar.button if b.proto.label == "Guardar vista").click()
    at = at.run()
    assert not at.exception
    (view,) = presentations.views("Deck")
    assert view.page == "home" and view.params == {"geo": "EGY", "lang": "es"}
    assert view.note == "Homicidios bajos"
