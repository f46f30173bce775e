"""The map's borders served as one file (sdg16/ui/shapes_route.py): what the browser fetches is
the GeoJSON the map would otherwise carry inline, named by its content (cached for a year), and
a name that is not the current file's is refused."""

from __future__ import annotations

import gzip
import json

import pandas as pd
from starlette.applications import Starlette
from starlette.testclient import TestClient

from sdg16.charts import maps as charts
from sdg16.ui import cache, shapes_route

VALUES = pd.DataFrame(
    {"iso3": ["MEX", "HND"], "geo_name": ["Mexico", "Honduras"], "value": [28.0, 38.0]}
)


def test_the_file_is_the_maps_geojson_and_other_names_are_refused() -> None:
    client = TestClient(Starlette(routes=shapes_route.ROUTES), raise_server_exceptions=False)
    digest, _ = shapes_route.encode(cache.version())
    got = client.get(f"{shapes_route.SHAPES_PATH}/{digest}.geojson")
    assert got.status_code == 200
    assert "immutable" in got.headers["cache-control"]
    assert json.loads(got.content) == cache.map_shapes()[1]  # the client un-gzips it
    plain = client.get(
        f"{shapes_route.SHAPES_PATH}/{digest}.geojson", headers={"Accept-Encoding": "identity"}
    )
    assert "content-encoding" not in plain.headers and json.loads(plain.content)["features"]
    assert client.get(f"{shapes_route.SHAPES_PATH}/0123456789abcdef.geojson").status_code == 404
    assert (
        gzip.decompress(shapes_route.encode(cache.version())[1])
        == json.dumps(cache.map_shapes()[1], separators=(",", ":")).encode()
    )


def test_a_linked_map_sends_no_shapes_and_keeps_its_countries() -> None:
    text = charts.MapText("Homicide rate", "PER_100000_POP", 2019, "UNODC", False, "", "en")
    view, _, height = charts.view_for((-120.0, -50.0, -30.0, 35.0), 900, 500)
    linked = charts.choropleth(VALUES, "/_sdg16/shapes/x.geojson", ["BRA"], {}, text, view, height)
    inline = charts.choropleth(VALUES, cache.map_shapes()[1], ["BRA"], {}, text, view, height)
    assert [t.geojson for t in linked.data] == ["/_sdg16/shapes/x.geojson"] * 2
    assert [list(t.locations) for t in linked.data] == [list(t.locations) for t in inline.data]
    assert len(linked.to_json()) < len(inline.to_json()) / 2
