"""The API sources, replayed offline with ``responses`` from the recorded fixtures."""

from __future__ import annotations

import hashlib
import json
import re
import time

import pytest
import requests
import responses
from urllib3.exceptions import MaxRetryError, NameResolutionError

from loaders import http
from loaders.base import OBSERVATION_COLUMNS, LoadError
from loaders.http import SourceUnavailable
from loaders.unsdg import UnSdgSource
from loaders.worldbank import WorldBankSource
from testkit.paths import FIXTURES

WB = FIXTURES / "world_bank"
JPN_USA = WB / "wbdata-go_countries_JPN-USA_two_indicators_source2_page1.json"
ARB_PAGE = WB / "wbdata-go_countries_all_indicator_NY.GDP.MKTP.CD_page1.json"
WB_ERROR = WB / "wbdata-go_error_invalid_indicator.json"
SERIES_LIST = FIXTURES / "un_sdg" / "open-word-Q_v1_sdg_Series_List_trimmed.json"
GDP = "NY.GDP.MKTP.CD"

if not FIXTURES.is_dir():
    pytest.skip(f"recorded API fixtures not found at {FIXTURES}", allow_module_level=True)


@pytest.fixture(autouse=True)
def instant_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(http, "WAIT_MULTIPLIER", 0)


@pytest.fixture
def mock() -> responses.RequestsMock:
    with responses.RequestsMock() as rsps:
        yield rsps


def wb_body(page: int, pages: int, rows: list[dict]) -> str:
    # All meta fields as strings, as some World Bank endpoints send them.
    meta = {"page": str(page), "pages": str(pages), "per_page": "50", "total": "244"}
    return json.dumps([meta, rows])


def add_jpn_pages(mock: responses.RequestsMock, src: WorldBankSource, page2: list[dict]) -> list:
    """Page 1 is the recorded body, unchanged (meta says 5 pages); pages 2-5 are built here."""
    bodies = [JPN_USA.read_bytes()]
    bodies += [wb_body(2, 5, page2).encode()] + [wb_body(n, 5, []).encode() for n in (3, 4, 5)]
    for n, body in enumerate(bodies, start=1):
        mock.add("GET", src.url(GDP, n), body=body, content_type="application/json")
    return bodies


def test_worldbank_follows_pages_and_keeps_values_as_sent(mock: responses.RequestsMock) -> None:
    src = WorldBankSource([GDP], progress=False)
    bodies = add_jpn_pages(mock, src, [])
    batch = src.fetch()
    assert [c.request.url for c in mock.calls] == [src.url(GDP, n) for n in range(1, 6)]
    obs = batch.observations
    assert list(obs.columns) == list(OBSERVATION_COLUMNS)
    assert len(obs) == 49 and set(obs["geo_id"]) == {"JPN"}
    # The recorded row: {"countryiso3code":"JPN","date":"2019","value":5081769542379.77}
    row = obs[obs["year"] == 2019].iloc[0]
    assert row["value"] == 5081769542379.77 and row["value_text"] == "5081769542379.77"
    assert (row["source"], row["unit"], row["nature"]) == ("wb-api", None, "E")
    assert 2020 not in set(obs["year"])  # recorded as null
    assert src.skipped["null value"] == 1
    assert batch.datasets == ("wb-api",) and batch.replaces_reference is False
    assert batch.series.iloc[0]["description"] == "GDP (current US$)"
    assert batch.geo.set_index("geo_id").loc["JPN", "kind"] == "country"
    (prov,) = batch.inputs
    assert prov.location == src.url(GDP, 1) and prov.rows == 49
    assert prov.checksum == hashlib.sha256(b"".join(bodies)).hexdigest()


def test_worldbank_skips_aggregates(mock: responses.RequestsMock) -> None:
    src = WorldBankSource([GDP], progress=False)
    arab_world = json.loads(ARB_PAGE.read_text())[1]  # recorded "ARB" rows: not a country
    assert {r["countryiso3code"] for r in arab_world} == {"ARB"}
    add_jpn_pages(mock, src, arab_world)
    obs = src.fetch().observations
    assert set(obs["geo_id"]) == {"JPN"} and len(obs) == 49
    assert src.skipped["aggregate or no ISO3 code"] == 49
    assert src.skipped["null value"] == 2


def test_worldbank_wgi_unit(mock: responses.RequestsMock) -> None:
    src = WorldBankSource(["RL.EST"], progress=False)
    row = {
        "indicator": {"id": "RL.EST", "value": "Rule of Law: Estimate"},
        "date": "2022",
        "country": {"id": "XK", "value": "Kosovo"},
        "countryiso3code": "XKX",
        "value": -0.11,
    }
    mock.add("GET", src.url("RL.EST", 1), body=wb_body(1, 1, [row]))
    batch = src.fetch()
    first = batch.observations.iloc[0][["geo_id", "unit", "value_text"]].tolist()
    assert first == ["XKX", "INDEX", "-0.11"]
    assert batch.series.iloc[0][["indicator", "unit"]].tolist() == ["WGI", "INDEX"]


def test_default_series_come_from_the_catalog() -> None:
    wb = WorldBankSource(progress=False).series_codes
    assert set(wb) == {"RL.EST", "CC.EST", "GE.EST", "RQ.EST", "PV.EST"}
    assert "VC_IHR_PSRC" in UnSdgSource(progress=False).series_codes


def test_worldbank_error_envelope_with_http_200(mock: responses.RequestsMock) -> None:
    src = WorldBankSource(["INVALID.INDICATOR.ID"], progress=False)
    mock.add("GET", src.url("INVALID.INDICATOR.ID", 1), body=WB_ERROR.read_bytes(), status=200)
    with pytest.raises(LoadError, match="The provided parameter value is not valid") as exc:
        src.fetch()
    assert src.url("INVALID.INDICATOR.ID", 1) in str(exc.value)


def test_worldbank_non_json_400_is_a_clear_error(mock: responses.RequestsMock) -> None:
    # Not recorded (see SOURCES.md): an XHTML "Request Error" page with a BOM, as described there.
    page = (
        '\ufeff<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
        "<head><title>Request Error</title></head><body><div id='content'><p>Request Error</p>"
        "<p>The server encountered an error processing the request.</p></div></body></html>"
    )
    src = WorldBankSource([GDP], progress=False)
    mock.add("GET", src.url(GDP, 1), body=page.encode(), status=400, content_type="text/html")
    with pytest.raises(LoadError) as exc:
        src.fetch()
    assert type(exc.value) is LoadError  # not a JSONDecodeError, not "unavailable"
    assert "HTTP 400" in str(exc.value) and "Request Error" in str(exc.value)
    assert len(mock.calls) == 1  # a 4xx is not retried


def test_connection_error_is_source_unavailable_quickly(mock: responses.RequestsMock) -> None:
    src = WorldBankSource([GDP], progress=False)
    refused = requests.ConnectionError("[Errno 101] Network is unreachable")
    mock.add("GET", src.url(GDP, 1), body=refused)
    started = time.monotonic()
    with pytest.raises(SourceUnavailable, match="no network") as exc:
        src.fetch()
    assert time.monotonic() - started < 2
    assert "cannot reach api.worldbank.org" in str(exc.value)
    assert exc.value.url == src.url(GDP, 1)
    assert len(mock.calls) == http.MAX_ATTEMPTS


def test_unknown_host_fails_without_retrying(mock: responses.RequestsMock) -> None:
    src = WorldBankSource([GDP], progress=False)
    dns = NameResolutionError("api.worldbank.org", None, "Name or service not known")
    mock.add("GET", src.url(GDP, 1), body=requests.ConnectionError(MaxRetryError(None, "/", dns)))
    with pytest.raises(SourceUnavailable, match=re.escape("Failed to resolve 'api.worldbank.org'")):
        src.fetch()
    assert len(mock.calls) == 1


def test_timeout_is_source_unavailable(mock: responses.RequestsMock) -> None:
    src = UnSdgSource(["VC_IHR_PSRC"], progress=False)
    mock.add("GET", src.url("VC_IHR_PSRC", 1), body=requests.ReadTimeout("read timed out"))
    with pytest.raises(SourceUnavailable, match=re.escape("unstats.un.org: timed out")):
        src.fetch()
    assert len(mock.calls) == http.MAX_ATTEMPTS


def test_retry_on_503_then_success(mock: responses.RequestsMock) -> None:
    src = UnSdgSource(progress=False)
    url = f"{src.base_url}/Series/List"
    mock.add("GET", url, status=503, body="Service Unavailable")
    mock.add("GET", url, body=SERIES_LIST.read_bytes(), content_type="application/json")
    assert "VC_IHR_PSRC" in src.list_series()
    assert [c.response.status_code for c in mock.calls] == [503, 200]


def test_persistent_503_is_source_unavailable(mock: responses.RequestsMock) -> None:
    src = UnSdgSource(progress=False)
    mock.add("GET", f"{src.base_url}/Series/List", status=503, body="down")
    with pytest.raises(SourceUnavailable, match="HTTP 503 after 3 attempts"):
        src.list_series()
    assert len(mock.calls) == 3


def test_list_series_returns_goal_16_codes(mock: responses.RequestsMock) -> None:
    src = UnSdgSource(progress=False)
    mock.add("GET", f"{src.base_url}/Series/List", body=SERIES_LIST.read_bytes())
    recorded = json.loads(SERIES_LIST.read_text())
    codes = src.list_series()
    assert codes == [s["code"] for s in recorded if "16" in s["goal"]]
    assert "DC_ODA_BDVDL" not in codes and {"VC_IHR_PSRC", "SG_DMK_JDC"} <= set(codes)


# No recorded /Series/Data response exists (fixtures SOURCES.md): these items are written here in
# the documented envelope, split over two pages so that paging by totalPages is exercised.
UN_ITEM = json.loads(
    '{"goal": ["16"], "target": ["16.1"], "indicator": ["16.1.1"], "series": "VC_IHR_PSRC",'
    ' "seriesDescription": "Victims of intentional homicide, per 100,000 population",'
    ' "valueType": "Float", "time_detail": null, "source": "UNODC", "footnotes": [],'
    ' "attributes": {"Nature": "C", "Units": "PER_100000_POP"}}'
)


def un_item(area: str, name: str, year: float, value: str, **dims: str) -> dict:
    return UN_ITEM | {
        "geoAreaCode": area,
        "geoAreaName": name,
        "timePeriodStart": year,
        "value": value,
        "dimensions": {"Reporting Type": "G", **dims},
    }


def un_body(page: int, pages: int, data: list[dict]) -> dict:
    envelope = {"size": 2, "totalElements": 3, "attributes": [], "dimensions": []}
    return envelope | {"totalPages": pages, "pageNumber": page, "data": data}


def add_un_pages(mock: responses.RequestsMock, src: UnSdgSource, *pages: list[dict]) -> None:
    for n, data in enumerate(pages, start=1):
        mock.add("GET", src.url("VC_IHR_PSRC", n), json=un_body(n, len(pages), data))


def test_unsdg_pages_dimensions_and_geo(mock: responses.RequestsMock) -> None:
    src = UnSdgSource(["VC_IHR_PSRC"], progress=False)
    add_un_pages(
        mock,
        src,
        [
            un_item("4", "Afghanistan", 2015.0, "6.6", Sex="BOTHSEX", Age="ALLAGE"),
            un_item("1", "World", 2015.0, "6.1", Sex="BOTHSEX", Age="ALLAGE"),
        ],
        [un_item("4", "Afghanistan", 2015.0, "10.20", Sex="MALE", Age="ALLAGE")],
    )
    batch = src.fetch()
    assert len(mock.calls) == 2
    obs = batch.observations.sort_values(["geo_id", "sex"]).reset_index(drop=True)
    assert obs["geo_id"].tolist() == ["AFG", "AFG", "UN001"]
    assert obs["sex"].tolist() == ["BOTHSEX", "MALE", "BOTHSEX"]
    assert obs.loc[1, "value_text"] == "10.20" and obs.loc[1, "value"] == 10.2
    first = obs.loc[0, ["year", "unit", "nature", "source"]].tolist()
    assert first == [2015, "PER_100000_POP", "C", "unsd-api"]
    assert obs["cause_of_death"].isna().all()
    assert batch.series.iloc[0][["indicator", "source"]].tolist() == ["16.1.1", "unsd-api"]
    kinds = batch.geo.set_index("geo_id")["kind"].to_dict()
    assert kinds == {"AFG": "country", "UN001": "aggregate"}
    assert batch.inputs[0].rows == 3


def test_unsdg_unknown_dimension_is_rejected(mock: responses.RequestsMock) -> None:
    src = UnSdgSource(["VC_IHR_PSRC"], progress=False)
    add_un_pages(mock, src, [un_item("4", "Afghanistan", 2015.0, "6.6", **{"Colour": "RED"})])
    with pytest.raises(LoadError, match="series VC_IHR_PSRC: unknown dimension 'Colour'"):
        src.fetch()


def test_unsdg_non_numeric_value_names_url_item_and_field(mock: responses.RequestsMock) -> None:
    src = UnSdgSource(["VC_IHR_PSRC"], progress=False)
    add_un_pages(
        mock, src, [un_item("4", "Afghanistan", 2015.0, "6.6"), un_item("4", "A", 2016.0, "<5")]
    )
    with pytest.raises(LoadError) as exc:
        src.fetch()
    assert (
        str(exc.value) == f"{src.url('VC_IHR_PSRC', 1)}, row 1, field 'value': not a number: '<5'"
    )


def test_unsdg_duplicates_are_rejected(mock: responses.RequestsMock) -> None:
    src = UnSdgSource(["VC_IHR_PSRC"], progress=False)
    item = un_item("4", "Afghanistan", 2015.0, "6.6", Sex="MALE")
    add_un_pages(mock, src, [item], [item])
    with pytest.raises(LoadError, match="duplicate"):
        src.fetch()
