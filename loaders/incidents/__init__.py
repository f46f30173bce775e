"""Incident-report importers: one module per format, one interface, one shared validator.

``read(path, fmt)`` returns an ``IncidentBatch`` (good rows and quarantined rows) for
``loaders.store.Store.apply_incidents``; nothing here writes the store.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from loaders.base import LoadError, Problem, Provenance, sha256_of
from loaders.incidents.model import IncidentBatch
from loaders.incidents.validate import validate

FORMATS = ("template", "harassmap", "ushahidi", "kobo", "ucdp")


def guess_format(path: Path) -> str:
    """The format a file is in, from its header; 'template' when nothing else fits."""
    from loaders.tables import read_table

    if path.suffix.lower() in (".geojson", ".json"):
        return "ucdp"
    try:
        header = set(read_table(path, nrows=0).columns)
        if len(header) == 1:  # KoBo's legacy CSV is ';'-separated
            header = {h.strip('"').split("/")[-1] for h in next(iter(header)).split(";")}
    except LoadError:
        return "template"
    for fmt in FORMATS:
        mod = import_module(f"loaders.incidents.{fmt}")
        if header >= mod.SIGNATURE:
            return fmt
    return "template"


def read(path: Path, fmt: str | None = None, country: str | None = None) -> IncidentBatch:
    """Parse and validate a file of reports: every row is either good or quarantined.

    ``country`` (ISO3) is needed for formats that do not name it (Ushahidi)."""
    path = Path(path)
    if not path.is_file():
        raise LoadError(Problem(str(path), "no such file"))
    fmt = fmt or guess_format(path)
    if fmt not in FORMATS:
        raise LoadError(Problem(str(path), f"unknown format {fmt!r}; one of {', '.join(FORMATS)}"))
    mod = import_module(f"loaders.incidents.{fmt}")
    try:
        rows = mod.raw_rows(path, country) if fmt == "ushahidi" else mod.raw_rows(path)
    except LoadError:
        raise
    except Exception as exc:  # whatever else a damaged file does: a message, never a traceback
        why = f"{type(exc).__name__}: {exc}"[:300]
        raise LoadError(Problem(str(path), f"cannot read as {fmt}: {why}")) from exc
    good, bad, flags = validate(rows, mod.SOURCE, str(path), mod.DATE_FORMATS)
    inputs = [Provenance(str(path), len(rows), sha256_of(path))]
    return IncidentBatch(mod.SOURCE, good, bad, inputs, flags)
