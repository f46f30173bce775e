"""The incident queries done the common Streamlit way: every report in a pandas frame, filtered
and grouped on each rerun. The comparison is kept favourable to pandas: the frame is loaded once
(not per rerun), repeated strings are categoricals, and the report-by-type explosion is done once
up front, so each call pays only for its filter and group-by."""

from __future__ import annotations

import re

import duckdb
import numpy as np
import pandas as pd

from sdg16.core.filters import Filter
from sdg16.queries.db import ReadOnlyDatabase

COLUMNS = (
    "source, source_id, occurred_at, country, admin1, admin2, place_name, lat, lon,"
    " array_to_string(incident_types, '|') AS types, place_type, institution, reporter_role,"
    " description, synthetic, printf('%x', h3_5) AS hex_5, printf('%x', h3_7) AS hex_7"
)
CATEGORIES = ("source", "country", "admin1", "admin2", "types", "place_type", "institution")
CATEGORIES += ("hex_5", "hex_7")
WEEKDAYS = np.array(["0-Sun", "1-Mon", "2-Tue", "3-Wed", "4-Thu", "5-Fri", "6-Sat"])


class PandasIncidents:
    def __init__(self, db: ReadOnlyDatabase):
        # A plain connection: the app's reader is memory-capped, and 10M rows in one frame is
        # exactly what the app never asks for.
        with duckdb.connect(str(db.path), read_only=True) as con:
            df = con.execute(f"SELECT {COLUMNS} FROM incident").df()
        for col in (*CATEGORIES, "reporter_role"):
            df[col] = df[col].astype("category")
        self.df = df
        exploded = df["types"].astype(str).str.split("|").explode()
        self.ex_row = exploded.index.to_numpy()
        self.ex_type = exploded.astype("category").to_numpy()

    def memory_mb(self) -> float:
        return (self.df.memory_usage(deep=True).sum() + self.ex_row.nbytes) / 2**20

    def mask(self, f: Filter) -> np.ndarray:
        df, m = self.df, np.ones(len(self.df), dtype=bool)
        if f.geo:
            m &= (df["country"] == f.geo[0]).to_numpy()
        if f.admin1:
            m &= (df["admin1"] == f.admin1).to_numpy()
        if f.incident_types:
            any_of = "|".join(re.escape(t) for t in f.incident_types)
            pattern = rf"(?:^|\|)(?:{any_of})(?:\||$)"
            # Matched once per distinct type list, then looked up by code (kind to pandas).
            hit = np.asarray(df["types"].cat.categories.str.contains(pattern), dtype=bool)
            m &= hit[df["types"].cat.codes.to_numpy()]
        if f.place_types:
            m &= df["place_type"].isin(f.place_types).to_numpy()
        if f.start:
            m &= (df["occurred_at"] >= pd.Timestamp(f.start)).to_numpy()
        if f.end:
            m &= (df["occurred_at"] < pd.Timestamp(f.end) + pd.Timedelta(days=1)).to_numpy()
        return m

    def summary(self, f: Filter) -> pd.DataFrame:
        sel = self.df[self.mask(f)]
        sources = ", ".join(sorted(sel["source"].astype(str).unique()))
        return pd.DataFrame(
            {
                "reports": [len(sel)],
                "synthetic": [int(sel["synthetic"].sum())],
                "first": [sel["occurred_at"].min()],
                "last": [sel["occurred_at"].max()],
                "sources": [sources or None],
            }
        )

    def _with_types(self, f: Filter, key: pd.Series) -> pd.DataFrame:
        """Per key: reports and [{type, n}] largest first (the map's tooltip data)."""
        m = self.mask(f) & key.notna().to_numpy()
        totals = key[m].value_counts()
        totals = totals[totals > 0]
        hit = m[self.ex_row]
        typed = pd.DataFrame(
            {"key": key.to_numpy()[self.ex_row[hit]], "type": self.ex_type[hit]}
        ).value_counts()
        typed = (
            typed[typed > 0]
            .reset_index(name="n")
            .sort_values(["n", "type"], ascending=[False, True])
        )
        lists = {
            k: g[["type", "n"]].to_dict("records") for k, g in typed.groupby("key", sort=False)
        }
        return pd.DataFrame(
            {
                "key": totals.index,
                "reports": totals.to_numpy(),
                "types": [lists[k] for k in totals.index],
            }
        )

    def cells(self, f: Filter, resolution: int) -> pd.DataFrame:
        return self._with_types(f, self.df[f"hex_{resolution}"]).rename(columns={"key": "hex"})

    def areas(self, f: Filter) -> pd.DataFrame:
        return self._with_types(f, self.df["admin1"]).rename(columns={"key": "admin1"})

    def timeline(self, f: Filter, period: str) -> pd.DataFrame:
        m = self.mask(f)
        hit = m[self.ex_row]
        when = self.df["occurred_at"].to_numpy()[self.ex_row[hit]]
        freq = {"week": "W-SUN", "month": "M", "year": "Y"}[period]
        starts = pd.PeriodIndex(when, freq=freq).start_time
        frame = pd.DataFrame({"period": starts, "type": self.ex_type[hit]})
        out = frame.value_counts().reset_index(name="reports")
        return out[out["reports"] > 0].sort_values(["period", "type"], ignore_index=True)

    def breakdown(self, f: Filter, by: str) -> pd.DataFrame:
        m = self.mask(f)
        if by == "type":
            keys = pd.Series(self.ex_type[m[self.ex_row]])
        else:
            keys = self._key(self.df[m], by)
        counts = keys.value_counts()
        out = counts[counts > 0].rename_axis("key").reset_index(name="reports")
        if by in ("weekday", "hour", "year"):
            return out.sort_values("key", ignore_index=True)
        return out.sort_values(["reports", "key"], ascending=[False, True], ignore_index=True)

    @staticmethod
    def _key(sel: pd.DataFrame, by: str) -> pd.Series:
        """The breakdown's key for the selected rows (only the one asked for is computed)."""
        if by in ("weekday", "hour", "year"):
            when = sel["occurred_at"].dt
            if by == "weekday":  # "%w-%a" labels without a per-row strftime
                codes = ((when.dayofweek + 1) % 7).to_numpy()
                return pd.Series(WEEKDAYS[codes], index=sel.index)
            return when.hour if by == "hour" else when.year
        if by in ("place_type", "source"):
            return sel[by]
        fill = {"reporter_role": "not stated", "admin1": "unknown", "institution": "not stated"}
        return sel[by].astype(object).fillna(fill[by])

    def points(self, f: Filter, limit: int) -> pd.DataFrame:
        sel = self.df[self.mask(f) & self.df["lat"].notna().to_numpy()]
        return sel.sort_values("occurred_at", ascending=False).head(limit)
