"""The SQL condition for an incident filter, shared by every incident query."""

from __future__ import annotations

from sdg16.core.filters import Filter


def where(f: Filter, bits: dict[str, int] | None = None) -> tuple[str, list]:
    """The WHERE clause for a filter: country (first geo), area, categories, dates.

    With the store's type ``bits`` a type filter is one integer test (``type_mask``), an order
    of magnitude cheaper than a list search; stores without masks get the list search.
    """
    parts, params = ["TRUE"], []
    if f.geo:
        parts.append("country = ?")
        params.append(f.geo[0])
    for col in ("admin1", "admin2"):
        if getattr(f, col):
            parts.append(f"{col} = ?")
            params.append(getattr(f, col))
    if f.incident_types and bits and all(t in bits for t in f.incident_types):
        parts.append("type_mask & ? <> 0")
        params.append(sum(1 << bits[t] for t in f.incident_types))
    elif f.incident_types:
        parts.append("list_has_any(incident_types, ?::VARCHAR[])")
        params.append(list(f.incident_types))
    if f.place_types:
        parts.append(f"place_type IN ({', '.join('?' for _ in f.place_types)})")
        params += list(f.place_types)
    if f.start:
        parts.append("occurred_at >= ?")
        params.append(f.start)
    if f.end:
        parts.append("occurred_at < ? + INTERVAL 1 DAY")
        params.append(f.end)
    return " AND ".join(parts), params
