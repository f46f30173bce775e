"""STAND-IN incident views for the benchmark (``BENCH_REPORTS`` = a bench.synthetic DuckDB file).

Not part of the product: it serves the harness's stand-in queries the way the incidents pages will
(server-side aggregation, one cached call per view, pydeck with no basemap) so payload, memory and
browser timings can be measured at 100k-10M reports before the real pages merge.
"""

from __future__ import annotations

import os
from pathlib import Path

import h3
import pandas as pd
import pydeck
import streamlit as st

from bench.incident_standin import PAGE_SIZE, SQL, TABLE_COLUMNS
from bench.synthetic import COUNTRIES
from sdg16.db import ReadOnlyDatabase


@st.cache_resource
def database(path: str) -> ReadOnlyDatabase:
    return ReadOnlyDatabase(Path(path))


@st.cache_data(max_entries=64, show_spinner=False)
def run(path: str, store_version: str, sql: str, params: tuple) -> pd.DataFrame:
    return database(path).query(sql, list(params))


path = os.environ["BENCH_REPORTS"]
version = database(path).version()
view = st.query_params.get("view", "map")
country = st.selectbox("Country", ["All", *COUNTRIES], index=0)

if view == "map":
    if country == "All":
        sql, params = SQL["map: h3 r3 cells, all countries"]
    else:
        sql, params = SQL["map: h3 r4 cells, one country"][0], (country,)
    cells = run(path, version, sql, params)
    # Cells travel as hex strings with a count: the browser never sees a single report.
    # One-letter keys: pydeck sends records as JSON, so key names are paid once per cell.
    cells = cells.assign(
        h=[h3.int_to_str(int(c)) for c in cells["cell"]],
        a=(40 + 215 * (cells["n"] / cells["n"].quantile(0.95)).clip(upper=1)).astype(int),
    )[["h", "n", "a"]]
    st.caption(f"{int(cells['n'].sum()):,} reports in {len(cells):,} cells ({country})")
    layer = pydeck.Layer(
        "H3HexagonLayer",
        cells,
        get_hexagon="h",
        get_fill_color="[200, 30, 0, a]",
        extruded=False,
        pickable=True,
    )
    st.pydeck_chart(
        pydeck.Deck(
            [layer],
            initial_view_state=pydeck.ViewState(latitude=15, longitude=0, zoom=1),
            map_provider=None,
        ),
        height=420,
    )
else:
    page = int(st.query_params.get("page", "3"))
    where = "" if country == "All" else "WHERE country = ?"
    sql = (
        f"SELECT {TABLE_COLUMNS} FROM report {where}"
        " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?"
    )
    params = (() if country == "All" else (country,)) + (PAGE_SIZE, (page - 1) * PAGE_SIZE)
    rows = run(path, version, sql, params)
    st.caption(f"Page {page}: {len(rows)} reports ({country})")
    st.dataframe(rows, hide_index=True)
