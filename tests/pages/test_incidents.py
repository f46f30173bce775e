"""The /incidents page in AppTest: real HarassMap counts, filters in the link, synthetic flag."""

from __future__ import annotations

import json
from pathlib import Path

from sdg16.queries.db import ReadOnlyDatabase
from sdg16.queries.incidents import date_span
from sdg16.services import privacy
from testkit.apptest import open_app


def test_egypt_shows_map_timeline_and_breakdowns(incident_app: Path) -> None:
    at = open_app("incidents", geo="EGY")
    assert not at.exception
    # 14 of the 1,534 reports are dated 2003-2009, before the bulk: left out, and said so;
    # public views round every count to base 5 (sdg16/privacy.py, publish): 14 shows as 15.
    assert {m.label: m.value for m in at.metric}["Reports"] == "1,520"
    assert any(c.value.startswith("15 reports dated before 2010-01") for c in at.caption)
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    hexes = {row["hex"]: row["reports"] for row in deck["layers"][1]["data"]}
    # The busiest cell is central Cairo; the view frames Cairo, Giza and Alexandria.
    assert max(hexes.values()) > 500
    view = deck["initialViewState"]
    assert 29.9 < view["latitude"] < 31.2 and 29.9 < view["longitude"] < 31.3
    names = {f["properties"]["name"] for f in deck["layers"][0]["data"]["features"]}
    assert {"Cairo", "Giza", "Alexandria"} <= names
    assert not at.get("plotly_chart")  # closed tabs do not run: nothing is computed or sent
    at.session_state["incident_tab"] = "Breakdowns"
    at.run()
    charts = [json.loads(p.proto.spec) for p in at.get("plotly_chart")]
    titles = [c["layout"].get("title", {}).get("text") for c in charts]
    assert {"Incident type", "Place", "Weekday", "Hour of day"} <= set(titles)
    assert not at.get("deck_gl_json_chart")
    at.session_state["incident_tab"] = "Timeline"
    at.run()
    (timeline,) = [json.loads(p.proto.spec) for p in at.get("plotly_chart")]
    assert {"Touching", "Comments"} <= {t["name"] for t in timeline["data"]}


def test_filters_narrow_the_counts_and_stay_in_the_link(incident_app: Path) -> None:
    db = ReadOnlyDatabase(incident_app)
    bulk_start = date_span(db, "EGY")[0]
    expected = db.query(
        "SELECT count(*) AS n FROM incident WHERE admin1 = 'EG-GZ'"
        " AND list_has_any(incident_types, ['touching']) AND occurred_at >= ?",
        [bulk_start],
    )["n"].iloc[0]
    at = open_app("incidents", geo="EGY", admin1="EG-GZ", type="touching")
    assert not at.exception
    shown = privacy.publish(int(expected))
    assert {m.label: m.value for m in at.metric}["Reports"] == f"{shown:,}"
    assert at.query_params["admin1"] == ["EG-GZ"] or at.query_params["admin1"] == "EG-GZ"
    at.multiselect[1].select("street").run()
    assert "street" in str(at.query_params["place"])


def test_unknown_type_in_the_link_is_a_notice(incident_app: Path) -> None:
    at = open_app("incidents", geo="EGY", type="telepathy")
    assert not at.exception
    assert any("Ignored unknown type" in c.value for c in at.caption)


def test_profile_shows_area_and_official_series(incident_app: Path) -> None:
    at = open_app("incidents_profile", geo="EGY", admin1="EG-C")
    assert not at.exception
    assert "Profile: Cairo" in [s.value for s in at.subheader]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Most reported"] == "Touching"
    charts = [json.loads(p.proto.spec) for p in at.get("plotly_chart")]
    homicide = next(c for c in charts if c["layout"]["title"]["text"] == "Homicide rate")
    assert len(homicide["data"]) == 2  # reports per year and the official series
