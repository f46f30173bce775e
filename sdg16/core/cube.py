"""The incident aggregate's shape, shared by its writer (``loaders.incidents.cube``) and its
reader (``sdg16.queries.incident_cube``): table name, view dimensions, per-type count columns."""

from __future__ import annotations

TABLE = "incident_cube"
# dim -> key expression over ``incident`` rows (VARCHAR). "all" is the plain per-month total.
DIMS: dict[str, str] = {
    "all": "''",
    "h3_5": "printf('%x', h3_5)",
    "h3_7": "printf('%x', h3_7)",  # the map once an area is chosen
    "week": "strftime(date_trunc('week', occurred_at), '%Y-%m-%d')",
    "place_type": "place_type",
    "reporter_role": "coalesce(reporter_role, 'not stated')",
    "weekday": "strftime(occurred_at, '%w-%a')",
    "hour": "CAST(hour(occurred_at) AS VARCHAR)",
    "source": "source",
    "institution": "coalesce(institution, 'not stated')",
}


def type_column(code: str) -> str:
    """The quoted ``n_<type>`` count column of a type code."""
    return '"n_' + code.replace('"', "") + '"'
