"""Privacy by default for incident reports: what a role may receive, decided on the server.

Below the analyst role, output is aggregates only: counts under ``SMALL_COUNT`` are merged into
an "other" row or dropped, no coordinates finer than the aggregation cell, no free text, no
report ids. Every count that is published is rounded to base 5 (``publish``) and dates are
coarsened to the month (``coarse_filter``), so two views cannot be differenced down to a
report (the statistical-disclosure rule in README, "Security"). Pure functions on frames,
so tests can check exactly what would be sent.
"""

from __future__ import annotations

import pandas as pd

from sdg16.core.disclosure import SMALL_COUNT, publish
from sdg16.core.filters import Filter
from sdg16.core.policy import SMALL_LABEL
from sdg16.state.roles import Role

__all__ = ["SMALL_LABEL", "publish"]
# Columns that identify a report or a person: never leave the server below analyst.
PRIVATE_COLUMNS = ("lat", "lon", "description", "place_name", "source_id", "institution")


def round_counts(frame: pd.DataFrame, role: Role, count: str = "reports") -> pd.DataFrame:
    """``publish`` over a count column whose small rows were already merged or dropped."""
    if sees_points(role) or frame.empty:
        return frame
    return frame.assign(**{count: [publish(n) for n in frame[count]]})


def coarse_filter(f: Filter, role: Role) -> Filter:
    """Below analyst a date range snaps to whole months (start: the 1st, end: the month's last
    day), so moving a day-level bound cannot isolate a single report."""
    if sees_points(role) or not (f.start or f.end):
        return f
    start = f.start.replace(day=1) if f.start else None
    end = (pd.Timestamp(f.end) + pd.offsets.MonthEnd(0)).date() if f.end else None
    return f.update(start=start, end=end)


def sees_points(role: Role) -> bool:
    """Individual reports (points, text) are for analysts and above."""
    return role.allows(Role.ANALYST)


def require_points(role: Role) -> None:
    if not sees_points(role):
        raise PermissionError(f"individual reports need the analyst role (you are {role.label})")


def strip_private(frame: pd.DataFrame, role: Role) -> pd.DataFrame:
    """``frame`` without PRIVATE_COLUMNS below analyst: the last step of every incident read."""
    if sees_points(role):
        return frame
    return frame.drop(columns=[c for c in PRIVATE_COLUMNS if c in frame.columns])


def drop_small(frame: pd.DataFrame, role: Role, count: str = "reports") -> tuple[pd.DataFrame, int]:
    """Rows with fewer than SMALL_COUNT removed (map cells); returns (kept, reports hidden)."""
    if sees_points(role) or frame.empty:
        return frame, 0
    small = frame[count] < SMALL_COUNT
    kept = round_counts(frame[~small].reset_index(drop=True), role, count)
    return kept, int(frame.loc[small, count].sum())


def merge_small(
    frame: pd.DataFrame,
    role: Role,
    key: str = "key",
    count: str = "reports",
    by: tuple[str, ...] = (),
) -> pd.DataFrame:
    """Small rows summed into one SMALL_LABEL row (per ``by`` group); that row is dropped too
    if it is itself under SMALL_COUNT. Analysts get the frame unchanged."""
    if sees_points(role) or frame.empty:
        return frame
    frame = frame.assign(**{key: frame[key].astype(str)})
    small = frame[count] < SMALL_COUNT
    merged = frame[small].groupby(list(by), as_index=False)[count].sum() if by else None
    if merged is None:
        total = int(frame.loc[small, count].sum())
        merged = pd.DataFrame({count: [total]}) if small.any() else pd.DataFrame()
    if not merged.empty:
        merged = merged.assign(**{key: SMALL_LABEL})
        merged = merged[merged[count] >= SMALL_COUNT]
    out = pd.concat([frame[~small], merged], ignore_index=True)[frame.columns]
    return round_counts(out, role, count)


def type_summary(types: list[dict], role: Role, labels: dict[str, str], top: int = 3) -> str:
    """'Touching 343, Comments 300, …' for a tooltip; small type counts left out below analyst."""
    if sees_points(role):
        shown = [(t["type"], t["n"]) for t in types][:top]
    else:
        shown = [(t["type"], publish(t["n"])) for t in types if t["n"] >= SMALL_COUNT][:top]
    return ", ".join(f"{labels.get(k, k)} {n}" for k, n in shown) or "—"
