"""Journeys through the incident page (HarassMap reports for Egypt) in Chromium, as the
public sees it: filters changed three times in a row, Back, reload, a language switch, the
selection carried by the menu. The session's incident server (conftest ``incident_url``)."""

from __future__ import annotations

import re

from testkit import journeys as j

TYPES = [("Touching", "touching"), ("Comments", "comments"), ("Catcalls", "catcalls")]


ctx, tab = j.fixtures("incident_url")


def _summary(page) -> str:
    """The takeaway under the title: how many reports these filters hold."""
    found = page.locator(f"{j.MAIN} p").filter(has_text=re.compile(r"^[\d,]+ reports? from "))
    return found.first.inner_text()


def test_incident_types_added_three_times_then_back(tab, incident_url: str) -> None:
    j.open_page(tab, f"{incident_url}/incidents?geo=EGY")
    seen = [_summary(tab)]
    for n, (label, _code) in enumerate(TYPES, start=1):
        j.add_tag(tab, "Incident type", label)
        j.expect_url(tab, "/incidents", {"geo": "EGY", "type": ",".join(c for _, c in TYPES[:n])})
        assert j.tags(tab, "Incident type") == [t for t, _ in TYPES[:n]]
        seen.append(_summary(tab))
    assert len(set(seen)) == len(seen)  # every step changed what the page counts
    j.back(tab)
    assert j.params(tab)["type"] == "touching,comments"
    assert j.tags(tab, "Incident type") == ["Touching", "Comments"] and _summary(tab) == seen[2]


def test_incident_area_three_times_then_reload(tab, incident_url: str) -> None:
    j.open_page(tab, f"{incident_url}/incidents?geo=EGY")
    areas = [a for a in j.options(tab, "Area (admin 1)") if a != "(all)"][:3]
    assert len(areas) == 3
    codes = []
    for area in areas:
        j.pick(tab, "Area (admin 1)", area)
        codes.append(j.params(tab).get("admin1"))
        assert codes[-1] and j.chosen(tab, "Area (admin 1)") == area
    assert len(set(codes)) == 3
    j.reload(tab)
    assert j.chosen(tab, "Area (admin 1)") == areas[-1] and j.params(tab)["admin1"] == codes[-1]


def test_incident_filters_survive_a_language_switch_and_a_page_switch(tab, incident_url) -> None:
    j.open_page(tab, f"{incident_url}/incidents?geo=EGY")
    j.add_tag(tab, "Incident type", "Touching")
    j.add_tag(tab, "Place", "Street")
    j.pick(tab, "Language", "Español")
    j.expect_url(
        tab, "/incidents", {"geo": "EGY", "type": "touching", "place": "street", "lang": "es"}
    )
    assert len(j.tags(tab, "Tipo de incidente")) == 1 and len(j.tags(tab, "Lugar")) == 1
    j.menu(tab, "Perfil de país")  # the shared part (country, language) travels
    j.expect_url(tab, "/country", {"geo": "EGY", "lang": "es", "type": None})
    assert j.heading(tab) == "Egipto"
    j.back(tab)
    j.expect_url(tab, "/incidents", {"type": "touching", "place": "street", "lang": "es"})
    assert len(j.tags(tab, "Tipo de incidente")) == 1


def test_timeline_per_changed_three_times(tab, incident_url: str) -> None:
    # "Per" is how the timeline is drawn, not what it counts: the link stays as it was.
    j.open_page(tab, f"{incident_url}/incidents?geo=EGY&type=touching")
    j.open_tab(tab, "Timeline")
    link = j.params(tab)
    chart = tab.locator(f"{j.MAIN} .js-plotly-plot").first
    axis, bars = chart.locator(".xtitle"), chart.locator(".bars .point")
    assert axis.text_content() == "Month"
    months = bars.count()
    seen = {}
    for label in ("Week", "Year", "Month"):
        j.segment(tab, label)
        assert j.params(tab) == link
        assert axis.text_content() == label  # the chart redrawn per week, year, month
        seen[label] = bars.count()
    assert seen["Week"] > seen["Month"] == months > seen["Year"] > 0
