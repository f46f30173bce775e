"""Journeys through the indicator pages as a person clicks them, in Chromium with the network
closed: a control changed three times in a row (the URL and the page checked after each),
Back/Forward, reload, page switches that carry the selection, a language switch mid-way.

One server for the session (conftest ``app_url``), one browser for the module, a fresh tab
per journey (steps in testkit/journeys.py).
"""

from __future__ import annotations

import uuid
from pathlib import Path
from urllib.parse import urlencode

from sdg16.core import settings
from sdg16.state import presentations
from sdg16.state.presentations import View
from testkit import journeys as j

HOMICIDE = "Homicide rate (per 100,000 population)"  # the map's caption; its title is shorter


ctx, tab = j.fixtures("app_url")


def test_country_picked_three_times_in_a_row(tab, app_url: str) -> None:
    j.open_page(tab, f"{app_url}/country?geo=EGY")
    assert j.heading(tab) == "Egypt"
    for name, code in [("Mexico", "MEX"), ("Honduras", "HND"), ("Chile", "CHL")]:
        j.pick(tab, "Country", name)
        j.expect_url(tab, "/country", {"geo": code})
        assert j.heading(tab) == name and j.chosen(tab, "Country") == name
        assert f"{name}: " in j.main_text(tab)  # the profile's own subheader


def test_country_back_and_forward_restore_each_view(tab, app_url: str) -> None:
    j.open_page(tab, f"{app_url}/country?geo=EGY")
    for name in ("Mexico", "Honduras", "Chile"):
        j.pick(tab, "Country", name)
    for want, code in [("Honduras", "HND"), ("Mexico", "MEX"), ("Egypt", "EGY")]:
        j.back(tab)
        j.expect_url(tab, "/country", {"geo": code})
        assert j.heading(tab) == want and j.chosen(tab, "Country") == want
    j.forward(tab)
    assert j.heading(tab) == "Mexico" and j.params(tab)["geo"] == "MEX"
    j.pick(tab, "Country", "Peru")  # a click after Back/Forward is a click like any other
    assert j.heading(tab) == "Peru" and j.params(tab)["geo"] == "PER"


def test_first_visit_adds_one_history_entry_and_back_leaves_the_view(tab, app_url: str) -> None:
    # The overview fills in its default (the browser's country: en-US) and the map its year:
    # neither may become a second history entry, or Back shows the same view again.
    start = tab.evaluate("history.length")
    j.open_page(tab, f"{app_url}/")
    assert tab.evaluate("history.length") == start + 1
    assert j.chosen(tab, "Country or region") == "United States"
    j.open_page(tab, f"{app_url}/map")
    assert tab.evaluate("history.length") == start + 2
    j.pick(tab, "Region", "Africa (UN region)")
    assert tab.evaluate("history.length") == start + 3
    j.back(tab)
    j.expect_url(tab, "/map", {"region": None})
    assert j.chosen(tab, "Region") == "World"
    j.back(tab)  # one Back per view: now the overview, not the map again
    assert j.path(tab) == "/" and j.chosen(tab, "Country or region") == "United States"


def test_presentations_first_view_adds_one_history_entry(tab, app_url: str) -> None:
    # /present picks the newest deck when the link names none: that default is not a second
    # history entry (Back would show /present again, and write the deck again).
    state = settings.state_db_path()
    presentations.save_view(f"Journey {uuid.uuid4().hex[:6]}", View("home", {}, "World"), state)
    first = presentations.names(state)[0]  # the deck a link without one opens
    j.open_page(tab, f"{app_url}/trends?series=VC_IHR_PSRC&geo=MEX,HND")
    start = tab.evaluate("history.length")
    j.menu(tab, "Presentations")
    assert j.path(tab) == "/present" and j.chosen(tab, "Presentation") == first
    assert tab.evaluate("history.length") == start + 1
    j.back(tab)
    j.expect_url(tab, "/trends", {"series": "VC_IHR_PSRC", "geo": "MEX,HND"})
    assert j.tags(tab, "Countries") == ["Mexico", "Honduras"]


def test_presenter_link_opens_its_slide_and_back_stops_at_the_deck(tab, app_url: str) -> None:
    deck = f"Journey {uuid.uuid4().hex[:6]}"
    view = View("trends", {"series": "VC_IHR_PSRC", "geo": "MEX"}, "Mexico")
    presentations.save_view(deck, view, settings.state_db_path())
    j.open_page(tab, f"{app_url}/trends?series=VC_IHR_PSRC&geo=HND")
    j.open_page(tab, f"{app_url}/present?{urlencode({'deck': deck, 'present': 1})}")
    j.expect_url(tab, "/trends", {"geo": "MEX", "slide": "1", "present": "1", "deck": deck})
    assert f"1 / 1 · {deck} · Mexico" in j.main_text(tab)  # the deck bar
    slide = tab.url
    j.back(tab)  # the deck's page, not the slide again
    assert j.path(tab) == "/present" and j.heading(tab) == deck
    # st.switch_page leaves one entry between (the slide's query on /present): Back again
    # passes it and the presenter link, and never opens the slide again.
    for _ in range(2):
        j.back(tab)
        assert j.path(tab) != "/trends" or j.params(tab).get("geo") == "HND"
    j.expect_url(tab, "/trends", {"geo": "HND", "present": None})
    assert j.tags(tab, "Countries") == ["Honduras"]
    j.open_page(tab, slide)  # the slide's own link, reloaded: still a slide of its deck
    j.reload(tab)
    assert f"1 / 1 · {deck} · Mexico" in j.main_text(tab)


def test_map_region_three_times_then_reload(tab, app_url: str) -> None:
    j.open_page(tab, f"{app_url}/map?series=VC_IHR_PSRC")
    for label, code in [
        ("Africa (UN region)", "un-africa"),
        ("Americas (UN region)", "un-americas"),
        ("Europe (UN region)", "un-europe"),
    ]:
        j.pick(tab, "Region", label)
        j.expect_url(tab, "/map", {"region": code, "series": "VC_IHR_PSRC"})
        assert j.chosen(tab, "Region") == label
        assert j.heading(tab) == "Homicide rate"
    j.reload(tab)
    assert j.chosen(tab, "Region") == "Europe (UN region)"
    assert j.params(tab)["region"] == "un-europe"


def test_map_year_slider_stepped_four_times(tab, app_url: str) -> None:
    j.open_page(tab, f"{app_url}/map?series=VC_IHR_PSRC")
    # It opens on 2019, the latest year with wide coverage (2020-21 have few reporters yet).
    assert f"{HOMICIDE}, 2019:" in j.main_text(tab)
    for year in (2018, 2017, 2016, 2015):
        j.slider_keys(tab, "Year", "ArrowLeft")
        j.expect_url(tab, "/map", {"year": str(year)})
        assert f"{HOMICIDE}, {year}:" in j.main_text(tab)  # the map's caption
    j.back(tab)
    assert j.params(tab)["year"] == "2016" and f"{HOMICIDE}, 2016:" in j.main_text(tab)


def test_trends_countries_removed_one_after_another(tab, app_url: str) -> None:
    j.open_page(tab, f"{app_url}/trends?series=VC_IHR_PSRC&geo=MEX,HND,SLV,GTM")
    traces = tab.locator(".js-plotly-plot .scatterlayer .trace")
    assert traces.count() == 4
    left = ["Mexico", "Honduras", "El Salvador", "Guatemala"]
    codes = {"Mexico": "MEX", "Honduras": "HND", "El Salvador": "SLV", "Guatemala": "GTM"}
    for name in ("Honduras", "El Salvador", "Mexico"):
        j.remove_tag(tab, name)
        left.remove(name)
        j.expect_url(tab, "/trends", {"geo": ",".join(codes[n] for n in left)})
        assert j.tags(tab, "Countries") == left
        assert traces.count() == len(left)


def test_trends_years_then_the_selection_travels_through_the_menu(tab, app_url: str) -> None:
    j.open_page(tab, f"{app_url}/trends?series=VC_PRS_UNSNT&geo=MEX,HND&from=2010")
    last = int(j.slider_value(tab, "Years", nth=1))
    for to in (last - 1, last - 2, last - 3):
        j.slider_keys(tab, "Years", "ArrowLeft", nth=1)
        assert j.params(tab)["to"] == str(to) and j.slider_value(tab, "Years", nth=1) == str(to)
    shared = {"series": "VC_PRS_UNSNT", "geo": "MEX,HND", "from": "2010", "to": str(last - 3)}
    j.menu(tab, "Map")
    j.expect_url(tab, "/map", {k: shared[k] for k in ("series", "geo", "from")})
    assert j.heading(tab) == "Unsentenced detainees"
    j.menu(tab, "Table")
    j.expect_url(tab, "/table", shared)
    assert j.tags(tab, "Countries") == ["Mexico", "Honduras"]
    assert "rows" in j.main_text(tab)
    j.menu(tab, "Trends")
    j.expect_url(tab, "/trends", shared)
    assert j.tags(tab, "Countries") == ["Mexico", "Honduras"]
    j.back(tab)
    j.expect_url(tab, "/table", shared)


def test_language_switch_keeps_the_country_and_travels(tab, app_url: str) -> None:
    j.open_page(tab, f"{app_url}/country?geo=EGY")
    j.pick(tab, "Country", "Mexico")
    j.pick(tab, "Language", "Español")
    j.expect_url(tab, "/country", {"geo": "MEX", "lang": "es"})
    assert j.chosen(tab, "País") == "México" and j.heading(tab) == "México"
    j.pick(tab, "País", "Honduras")
    j.expect_url(tab, "/country", {"geo": "HND", "lang": "es"})
    j.pick(tab, "Idioma", "Français")
    j.expect_url(tab, "/country", {"geo": "HND", "lang": "fr"})
    assert j.chosen(tab, "Pays") == "Honduras"
    j.menu(tab, "Tendances")
    j.expect_url(tab, "/trends", {"geo": "HND", "lang": "fr"})
    assert j.tags(tab, "Pays") == ["Honduras"]
    j.back(tab)
    j.expect_url(tab, "/country", {"geo": "HND", "lang": "fr"})
    assert j.heading(tab) == "Honduras"


def test_language_switch_on_trends_keeps_the_countries_left(tab, app_url: str) -> None:
    j.open_page(tab, f"{app_url}/trends?series=VC_IHR_PSRC&geo=MEX,HND,SLV")
    j.remove_tag(tab, "Honduras")
    j.pick(tab, "Language", "Español")
    j.expect_url(tab, "/trends", {"geo": "MEX,SLV", "lang": "es"})
    assert j.tags(tab, "Países") == ["México", "El Salvador"]
    j.remove_tag(tab, "El Salvador")
    j.pick(tab, "Idioma", "English")
    j.expect_url(tab, "/trends", {"geo": "MEX", "lang": None})
    assert j.tags(tab, "Countries") == ["Mexico"]


def test_progress_view_and_series_changed_three_times(tab, app_url: str) -> None:
    j.open_page(tab, f"{app_url}/progress?region=income-low-income")
    legend = tab.locator(f"{j.MAIN} [data-testid='stCaptionContainer']")
    for label, shows in [
        ("Anticipated Progress (ESCAP)", "Needs acceleration"),
        ("Progress measure (Open SDG)", "Moderate progress"),
        ("Anticipated Progress (ESCAP)", "Regressing"),
    ]:
        j.click_radio(tab, label)
        assert shows in " ".join(legend.all_inner_texts())
        j.expect_url(tab, "/progress", {"region": "income-low-income"})
    picked = j.tags(tab, "Series")
    assert len(picked) >= 3
    for name in picked[:3]:
        j.remove_tag(tab, name)
        picked.remove(name)
        assert j.tags(tab, "Series") == picked
    assert "Regressing" in " ".join(legend.all_inner_texts())  # the view chosen is kept


def test_progress_region_three_times_and_the_map_follows(tab, app_url: str) -> None:
    j.open_page(tab, f"{app_url}/progress")
    for label, code, title in [
        ("Low income (Income group)", "income-low-income", "Low income"),
        ("Northern Africa (UN sub-region)", "un-northern-africa", "Northern Africa"),
        ("Upper middle income (Income group)", "income-upper-middle-income", "Upper middle"),
    ]:
        j.pick(tab, "Region or income group", label)
        j.expect_url(tab, "/progress", {"region": code})
        assert j.heading(tab).startswith(f"Progress to 2030: {title}")
    j.menu(tab, "Map")
    j.expect_url(tab, "/map", {"region": "income-upper-middle-income"})
    assert j.chosen(tab, "Region") == "Upper middle income (Income group)"


def test_screenshots_of_a_journey_end(tab, app_url: str, artifacts: Path) -> None:
    j.open_page(tab, f"{app_url}/trends?series=VC_IHR_PSRC&geo=MEX,HND")
    j.pick(tab, "Language", "Français")
    j.menu(tab, "Carte")
    tab.screenshot(path=str(artifacts / "journey-map-fr.png"))
    # The map's own default year stays out of the link: one history entry, the menu's.
    assert j.path(tab) == "/map"
    assert j.params(tab) == {"series": "VC_IHR_PSRC", "geo": "MEX,HND", "lang": "fr"}
    assert "Cliquez sur un pays pour ouvrir son profil." in j.main_text(tab)


def test_overview_place_three_times_back_and_the_profile_follows(tab, app_url: str) -> None:
    j.open_page(tab, f"{app_url}/")
    for name, code in [("Mexico", "MEX"), ("Honduras", "HND"), ("Kenya", "KEN")]:
        j.pick(tab, "Country or region", name)
        j.expect_url(tab, "/", {"geo": code})
        assert f"Latest values: {name}" in j.main_text(tab)
    j.back(tab)
    assert j.params(tab)["geo"] == "HND" and "Latest values: Honduras" in j.main_text(tab)
    j.menu(tab, "Country profile")
    j.expect_url(tab, "/country", {"geo": "HND"})
    assert j.heading(tab) == "Honduras"


def test_table_region_three_times_narrows_the_countries(tab, app_url: str) -> None:
    j.open_page(tab, f"{app_url}/table?series=VC_IHR_PSRC")
    counts = []
    for label, code in [
        ("Africa (UN region)", "un-africa"),
        ("Northern Africa (UN sub-region)", "un-northern-africa"),
        ("Low income (Income group)", "income-low-income"),
    ]:
        j.pick(tab, "Region or income group", label)
        j.expect_url(tab, "/table", {"series": "VC_IHR_PSRC", "region": code})
        found = tab.get_by_text("Countries (").first.inner_text()
        counts.append(found)
        assert "rows" in j.main_text(tab)
    assert len(set(counts)) == 3  # each region's own country list
    j.menu(tab, "Trends")
    j.expect_url(tab, "/trends", {"region": "income-low-income"})
    assert j.chosen(tab, "Region or income group") == "Low income (Income group)"


def test_map_series_three_times_and_back_to_the_first(tab, app_url: str) -> None:
    j.open_page(tab, f"{app_url}/map")
    for label, code, title in [
        ("16.3.2 · Unsentenced detainees", "VC_PRS_UNSNT", "Unsentenced detainees"),
        ("16.5.1 · Bribery prevalence", "IU_COR_BRIB", "Bribery prevalence"),
        ("16.1.1 · Homicide rate", "VC_IHR_PSRC", "Homicide rate"),
    ]:
        j.pick(tab, "Indicator", label)
        assert j.params(tab)["series"] == code and j.heading(tab) == title
    j.back(tab)
    j.back(tab)
    assert j.params(tab)["series"] == "VC_PRS_UNSNT" and j.heading(tab) == "Unsentenced detainees"
