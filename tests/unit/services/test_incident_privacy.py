"""Privacy by default: below analyst, what is *sent* holds aggregates only (no points, no
text, no count under 5). Checked on the data layer and on the page's serialised output."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from sdg16.core.disclosure import SMALL_COUNT
from sdg16.core.filters import Filter
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.services import incidents, privacy
from sdg16.state.roles import Role
from testkit.auth import as_role

EGY = Filter(geo=("EGY",))
PUBLIC = (Role.ANONYMOUS, Role.VIEWER)


@pytest.fixture(scope="module")
def idb(incident_store: Path) -> ReadOnlyDatabase:
    return ReadOnlyDatabase(incident_store)


@pytest.mark.parametrize("role", PUBLIC)
def test_public_map_data_is_cells_with_five_or_more(idb: ReadOnlyDatabase, role: Role) -> None:
    data = incidents.map_data(idb, EGY, role)
    assert set(data.cells.columns) == {"hex", "reports", "types"}
    assert data.cells["reports"].min() >= SMALL_COUNT
    assert data.areas["reports"].min() >= SMALL_COUNT
    assert data.points is None
    assert data.hidden > 0  # the real data has sparse cells; they are withheld, not sent


@pytest.mark.parametrize("role", PUBLIC)
def test_public_breakdowns_and_timeline_have_no_small_counts(
    idb: ReadOnlyDatabase, role: Role
) -> None:
    for by in ("type", "place_type", "hour", "weekday", "reporter_role", "admin1"):
        frame = incidents.breakdown(idb, EGY, role, by)
        assert frame["reports"].min() >= SMALL_COUNT, by
    frame = incidents.timeline(idb, EGY, role, "week")
    assert frame["reports"].min() >= SMALL_COUNT
    with pytest.raises(PermissionError):
        incidents.reports(idb, EGY, role)


@pytest.mark.parametrize("role", PUBLIC)
def test_private_columns_never_leave_the_service_below_analyst(
    idb: ReadOnlyDatabase, role: Role, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A query that (by mistake) selects a private column: the service strips it for the public.
    leaky = pd.DataFrame({"key": ["touching"] * 2, "reports": [9, 7], "description": ["a", "b"]})
    monkeypatch.setattr(incidents.q, "breakdown", lambda db, f, by: leaky)
    shown = incidents.breakdown(idb, EGY, role, "source")
    assert not set(privacy.PRIVATE_COLUMNS) & set(shown.columns)
    assert shown["reports"].tolist() == [10, 5]  # published counts are rounded to base 5
    assert "description" in incidents.breakdown(idb, EGY, Role.ANALYST, "source").columns


def test_analyst_gets_points_text_and_exact_counts(idb: ReadOnlyDatabase) -> None:
    data = incidents.map_data(idb, EGY.update(admin1="EG-ALX"), Role.ANALYST)
    assert data.points is not None and {"lat", "lon", "description"} <= set(data.points.columns)
    assert data.resolution == 7
    assert incidents.breakdown(idb, EGY, Role.ANALYST, "type")["reports"].min() < SMALL_COUNT
    assert len(incidents.reports(idb, EGY, Role.ANALYST)) > 0


def _layers(at) -> dict[str, dict]:
    spec = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    return {layer["id"]: layer for layer in spec["layers"]}


def _everything_sent(at) -> str:
    parts = [at.get("deck_gl_json_chart")[0].proto.json]
    parts += [p.proto.spec for p in at.get("plotly_chart")]
    parts += [str(e.value) for e in at.get("dataframe")] if at.get("dataframe") else []
    return "\n".join(parts)


@pytest.mark.parametrize("role", PUBLIC)
def test_public_page_sends_no_points_text_or_small_counts(
    incident_app: Path, idb: ReadOnlyDatabase, role: Role
) -> None:
    from streamlit.testing.v1 import AppTest

    from testkit.paths import ROOT

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    as_role(at, role)
    at.query_params["geo"] = "EGY"
    at.switch_page("views/incidents.py")
    at.run()
    assert not at.exception
    layers = _layers(at)
    assert set(layers) == {"areas", "cells", "cities", "city-dots"}  # city names: GeoNames
    for row in layers["cells"]["data"]:
        assert set(row) == {"hex", "reports", "count", "types", "colour", "name", "place_name"}
        assert row["reports"] >= SMALL_COUNT
    sent = _everything_sent(at)
    texts = idb.query("SELECT description FROM incident WHERE length(description) > 40 LIMIT 50")
    assert not [t for t in texts["description"] if t[:40] in sent]
    assert '"lat"' not in sent and '"lon"' not in sent
    assert not at.get("dataframe")


def test_analyst_page_gets_points(incident_app: Path) -> None:
    from streamlit.testing.v1 import AppTest

    from testkit.paths import ROOT

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    as_role(at, Role.ANALYST)
    at.query_params.update({"geo": "EGY", "admin1": "EG-ALX"})
    at.switch_page("views/incidents.py")
    at.run()
    assert not at.exception
    points = _layers(at)["points"]["data"]
    assert len(points) > 50 and {"lat", "lon"} <= set(points[0])


@pytest.mark.parametrize("role", PUBLIC)
def test_a_tiny_selection_gives_no_count_or_dates(
    incident_app: Path, idb: ReadOnlyDatabase, role: Role
) -> None:
    # Sexual photos: only a handful of reports in the whole file.
    tiny = EGY.update(incident_types=("sexual_photos",))
    assert 0 < incidents.summary(idb, tiny, Role.ANALYST)["reports"] < SMALL_COUNT
    shown = incidents.summary(idb, tiny, role)
    assert shown["reports"] is None and shown["first"] is None and shown["last"] is None
    from streamlit.testing.v1 import AppTest

    from testkit.paths import ROOT

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    as_role(at, role)
    at.query_params.update({"geo": "EGY", "type": "sexual_photos"})
    at.switch_page("views/incidents.py")
    at.run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Reports": "fewer than 5", "First": "—", "Latest": "—"}
