"""Admin: import an incident file (preview, then all-or-nothing import) and browse quarantine.

The preview runs the importers' own validator (``loaders.incidents.read``) and writes
nothing; the import runs ``python -m loaders import-incidents`` in its own process, the
store's only writer, which swaps in the new file whole or not at all."""

from __future__ import annotations

import contextlib
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from loaders.base import LoadError
from loaders.incidents import FORMATS, guess_format, read
from sdg16.core import textsafe
from sdg16.core.i18n import N_
from sdg16.core.settings import ROOT
from sdg16.queries import incident_admin
from sdg16.state import audit
from sdg16.state.roles import Role
from sdg16.ui import cache, guard, session
from sdg16.ui.i18n import _, num

AUTO = N_("guess from the header")
PREVIEW_COLUMNS = ["source_id", "occurred_at", "country", "admin1", "incident_types", "place_type"]
UPLOADS = Path(tempfile.gettempdir()) / "sdg16-uploads"
# Uploads hold reports' free text: kept long enough to preview and import, not for ever.
UPLOAD_MAX_AGE_S = 24 * 60 * 60


@dataclass(frozen=True)
class Preview:
    path: Path
    fmt: str
    source: str
    load: pd.DataFrame  # new reports that will be stored
    duplicates: int  # already in the store: skipped
    quarantine: pd.DataFrame  # row_no, source_id, field, reason


def preview(path: Path, fmt: str | None, country: str | None = None) -> Preview:
    """Parse and validate without writing; raises LoadError with file, row and field."""
    fmt = fmt or guess_format(path)
    batch = read(path, fmt, country)
    ids = [str(i) for i in batch.incidents["source_id"]]
    known = incident_admin.stored_ids(cache.database(), batch.source, ids)
    new = batch.incidents[~batch.incidents["source_id"].astype(str).isin(known)]
    shown = batch.quarantine.reindex(columns=["row_no", "source_id", "field", "reason"])
    return Preview(path, fmt, batch.source, new, len(known), shown.reset_index(drop=True))


def sweep_uploads(now: float | None = None) -> list[Path]:
    """Remove uploads older than ``UPLOAD_MAX_AGE_S`` (each new upload sweeps first)."""
    now = time.time() if now is None else now
    removed = []
    for old in UPLOADS.glob("*") if UPLOADS.is_dir() else ():
        with contextlib.suppress(OSError):  # another session may have swept it already
            if old.is_file() and now - old.stat().st_mtime > UPLOAD_MAX_AGE_S:
                old.unlink()
                removed.append(old)
    return removed


def _saved(upload) -> Path:  # type: ignore[no-untyped-def]
    """The upload on disk under its content hash (the importers read files)."""
    data = upload.getvalue()
    UPLOADS.mkdir(mode=0o700, exist_ok=True)
    sweep_uploads()
    suffix = Path(upload.name).suffix.lower()
    path = UPLOADS / f"{hashlib.sha256(data).hexdigest()[:16]}{suffix}"
    path.write_bytes(data)
    return path


def import_file() -> None:
    upload = st.file_uploader(
        _("Incident file (CSV, Excel or GeoJSON)"), type=["csv", "xlsx", "json", "geojson"]
    )
    c1, c2 = st.columns(2)
    fmt = c1.selectbox(
        _("Format"), [AUTO, *FORMATS], format_func=lambda x: _(x) if x == AUTO else x
    )
    country = c2.text_input(_("Country (ISO3), for Ushahidi exports"), max_chars=3).strip().upper()
    if upload is None:
        st.caption(_("Choose a file: you will see what loads and what is quarantined first."))
        return
    try:
        p = preview(_saved(upload), None if fmt == AUTO else fmt, country or None)
    except LoadError as exc:
        st.error(
            _("{file} cannot be read: {error}").format(
                file=textsafe.md(upload.name), error=textsafe.md(exc, limit=2000)
            )
        )
        return
    m1, m2, m3 = st.columns(3)
    m1.metric(_("Will load"), num(len(p.load)))
    m2.metric(_("Already stored (skipped)"), num(p.duplicates))
    m3.metric(_("Quarantined"), num(len(p.quarantine)))
    st.caption(
        _("{file}: read as {fmt} (source {source}).").format(
            file=textsafe.md(upload.name), fmt=p.fmt, source=p.source
        )
    )
    if len(p.load):
        st.markdown("**" + _("First reports that will load") + "**")
        st.dataframe(p.load.reindex(columns=PREVIEW_COLUMNS).head(50), hide_index=True)
    if len(p.quarantine):
        st.markdown("**" + _("Rows that will be quarantined, with the reason") + "**")
        st.dataframe(p.quarantine, hide_index=True)
    if st.button(
        _("Import {n} reports").format(n=num(len(p.load))),
        type="primary",
        disabled=p.load.empty,
    ):
        guard.require(Role.ADMIN)  # checked again at the moment of the change
        run_import(p, upload.name, country or None)


def run_import(p: Preview, name: str, country: str | None) -> None:
    """All or nothing: the loader swaps in a new store file only when every row is written."""
    user, role = session.current_user() or "?", session.current_role()
    cmd = [sys.executable, "-m", "loaders", "import-incidents", str(p.path), "--json"]
    cmd += ["--format", p.fmt] + (["--country", country] if country else [])
    with st.status(_("Importing {file}…").format(file=name)) as status:
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        ok = done.returncode == 0
        status.update(
            label=_("Import done") if ok else _("Import failed"),
            state="complete" if ok else "error",
        )
    if not ok:
        audit.record(user, role, "import_failed", name, fmt=p.fmt, detail=done.stderr[-500:])
        st.error(_("Nothing was imported.") + " " + textsafe.md(done.stderr.strip(), limit=2000))
        return
    result = json.loads(done.stdout)
    audit.record(
        user,
        role,
        "import",
        name,
        fmt=p.fmt,
        rows=result["imported"],
        detail=f"duplicates {result['duplicates']}, quarantined {result['quarantined']}",
    )
    st.success(
        _(
            "Imported {imported} reports from {file}; {duplicates} already stored, "
            "{quarantined} rows quarantined."
        ).format(
            imported=num(result["imported"]),
            file=name,
            duplicates=num(result["duplicates"]),
            quarantined=num(result["quarantined"]),
        )
    )


def quarantine_browser() -> None:
    loads = cache.incident_imports()
    if loads.empty:
        st.info(_("No incident imports yet."))
        return
    st.markdown(_("**Imports** (newest first)"))
    st.dataframe(loads, hide_index=True, height=180)
    c1, c2 = st.columns(2)
    ids = [None, *(int(i) for i in loads["load_id"])]
    load_id = c1.selectbox(
        _("Import"), ids, format_func=lambda i: _("load {n}").format(n=i) if i else _("all")
    )
    source = c2.selectbox(
        _("Source"), [None, *sorted(set(loads["source"]))], format_func=lambda s: s or _("all")
    )
    rows = cache.quarantine(None if load_id is None else int(load_id), source)
    st.markdown(_("**Quarantined rows** ({n})").format(n=num(len(rows))))
    st.dataframe(rows, hide_index=True, height=320)
