"""The incident report model: the columns every importer produces, and one import's outcome."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from loaders.base import Provenance

# The stored columns (loaders/schema.sql ``incident``) minus load_id.
INCIDENT_COLUMNS: tuple[str, ...] = (
    "source",
    "source_id",
    "occurred_at",
    "reported_at",
    "country",
    "admin1",
    "admin2",
    "place_name",
    "lat",
    "lon",
    "incident_types",
    "place_type",
    "institution",
    "reporter_role",
    "gender",
    "age_group",
    "description",
    "verification",
    "synthetic",
    "h3_5",
    "h3_7",
    "h3_9",
)
QUARANTINE_COLUMNS: tuple[str, ...] = (
    "source",
    "source_id",
    "location",
    "row_no",
    "field",
    "reason",
    "raw",
)
H3_RESOLUTIONS = (5, 7, 9)
FLAG_COLUMNS: tuple[str, ...] = ("source", "source_id", "location", "row_no", "field", "note")


@dataclass
class IncidentBatch:
    """What one import produced: validated reports and rejected rows, stored together."""

    source: str
    incidents: pd.DataFrame
    quarantine: pd.DataFrame
    inputs: list[Provenance] = field(default_factory=list)
    # Rows that loaded with a correction, and what was corrected (FLAG_COLUMNS).
    flags: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(FLAG_COLUMNS)))


@dataclass(frozen=True)
class ImportResult:
    load_id: int
    imported: int
    duplicates: int
    quarantined: int
    quarantine: list[dict]  # {"id", "row", "field", "reason"} per rejected row
    flags: list[dict] = field(default_factory=list)  # {"id", "row", "field", "note"}

    def as_json(self) -> dict:
        return {
            "imported": self.imported,
            "duplicates": self.duplicates,
            "quarantined": self.quarantined,
            "quarantine": self.quarantine,
            "flagged": len(self.flags),
            "flags": self.flags,
        }
