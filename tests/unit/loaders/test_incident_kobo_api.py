"""The KoBoToolbox API client against recorded responses (robotoolbox cassettes) and the
documented DRF paging envelope; no network."""

from __future__ import annotations

import json

import pytest
import responses

from loaders import http
from loaders.incidents import kobo_api
from testkit.paths import FIXTURES

CFG = kobo_api.KoboConfig("https://kobo.example.org", "secret-token", "aFORM")
FIRST = f"{CFG.url}/api/v2/assets/aFORM/data.json?limit={kobo_api.PAGE_SIZE}"


@pytest.fixture(autouse=True)
def no_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(http, "WAIT_MULTIPLIER", 0)


def _submission(i: int, **extra: object) -> dict:
    return {
        "_id": i,
        "_submission_time": "2024-05-02T10:00:00",
        "report/incident_date": "2024-05-01",
        "report/country": "PAK",
        "report/incident_types": "comments stalking",
        "_geolocation": [24.86, 67.0],
        "_validation_status": {"uid": "validation_status_approved"},
        **extra,
    }


@responses.activate
def test_pages_are_followed_with_retries_and_token() -> None:
    second = f"{FIRST}&start=2"
    page1 = {
        "count": 3,
        "next": second,
        "previous": None,
        "results": [_submission(1), _submission(2)],
    }
    page2 = {"count": 3, "next": None, "previous": FIRST, "results": [_submission(3)]}
    responses.get(FIRST, json=page1)
    responses.get(second, status=503)  # transient: retried
    responses.get(second, json=page2)
    batch = kobo_api.pull(CFG, progress=False)
    assert list(batch.incidents["source_id"]) == ["1", "2", "3"]
    assert batch.incidents.iloc[0]["admin1"] == "PK-SD"  # from _geolocation
    assert batch.incidents.iloc[0]["verification"] == "verified"
    assert batch.incidents.iloc[0]["incident_types"] == ["comments", "stalking"]
    assert all(c.request.headers["Authorization"] == "Token secret-token" for c in responses.calls)


@responses.activate
def test_recorded_response_of_another_form_is_quarantined_row_by_row() -> None:
    body = (FIXTURES / "kobotoolbox" / "robotoolbox_assets_data_geodata.json").read_text()
    responses.get(FIRST, body=body, content_type="application/json")
    batch = kobo_api.pull(CFG, progress=False)
    assert batch.incidents.empty
    assert len(batch.quarantine) == json.loads(body)["count"]
    assert batch.quarantine.iloc[0]["source_id"] == "28557821"


def test_missing_settings_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("URL", "TOKEN", "ASSET"):
        monkeypatch.delenv(f"SDG16_KOBO_{key}", raising=False)
    monkeypatch.setenv("SDG16_KOBO_URL", "https://kobo.example.org")
    with pytest.raises(Exception, match="missing token, asset"):
        kobo_api.config()
