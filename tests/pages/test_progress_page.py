"""The progress badge on the country profile and the /progress page show the numbers."""

from __future__ import annotations

from testkit.apptest import open_app


def _badges(at) -> list[str]:
    """The labels of the badges (popovers) on the page."""
    return [b.proto.popover.label for b in at.get("popover")]


def test_country_badge_shows_the_numbers_behind_the_status() -> None:
    at = open_app("country", geo="MEX")
    assert not at.exception
    assert any("Are we on track for 2030?" in s.value for s in at.subheader)
    labels = _badges(at)
    homicide = next(lab for lab in labels if lab.endswith("· Homicide rate"))
    assert "Deterioration" in homicide
    # inside the badge: 17.28 (2015) -> 28.18 (2021), -8.49 % a year in the desired direction
    text = " ".join(str(t.value.to_dict()) for t in at.table)
    assert "17.28 (2015)" in text and "28.18 (2021)" in text and "-8.49 % a year" in text


def test_country_badge_in_spanish() -> None:
    at = open_app("country", geo="MEX", lang="es")
    assert not at.exception
    labels = _badges(at)
    assert any("Deterioro" in lab for lab in labels)
    text = " ".join(str(t.value.to_dict()) for t in at.table)
    assert "17,28 (2015)" in text


def test_progress_page_for_a_region() -> None:
    at = open_app("progress", region="un-latin-america-and-the-caribbean")
    assert not at.exception
    assert "Latin America and the Caribbean" in at.title[0].value
    frame = at.dataframe[0].value
    mex = frame[(frame["Country"] == "Mexico") & (frame["Series"] == "Homicide rate")].iloc[0]
    assert (mex["Status"], mex["Base year"], mex["Base value"]) == ("Deterioration", 2015, 17.28)
    assert at.get("plotly_chart")
    at.radio(key="progress.view").set_value("api").run()
    assert not at.exception
    frame = at.dataframe[0].value
    assert set(frame["Status"]) <= {
        "Target achieved", "On track for 2030", "Needs acceleration", "Regressing", "Not available",
    }  # fmt: skip


def test_progress_page_asks_for_a_region_and_explains_the_method() -> None:
    at = open_app("progress")
    assert not at.exception and at.info
    method = open_app("progress_method", lang="fr")
    assert not method.exception
    assert "0,001" in " ".join(m.value for m in method.markdown)


def test_map_coloured_by_progress_status() -> None:
    at = open_app("map", series="VC_IHR_PSRC", region="un-latin-america-and-the-caribbean")
    assert not at.exception
    at.toggle(key="map_by_status").set_value(True).run()
    assert not at.exception
    fig = at.get("plotly_chart")[0].proto.spec
    assert "Deterioration (" in fig and "Substantial progress (" in fig and '"MEX"' in fig
