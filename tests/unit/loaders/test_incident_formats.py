"""The other importers: template example, Ushahidi, KoBoToolbox and UCDP files."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.base import LoadError
from loaders.incidents import guess_format, read
from testkit.paths import BUNDLE, FIXTURES, ROOT

EXAMPLE = ROOT / "data" / "examples" / "incident_template_example.csv"


def test_template_example_loads_whole() -> None:
    batch = read(EXAMPLE)
    assert batch.quarantine.empty
    rows = batch.incidents.set_index("source_id")
    assert rows.loc["EX-001", "lat"] == pytest.approx(24.8556)  # "24,8556"
    assert rows.loc["EX-002", "admin1"] == "PK-SD"
    assert rows.loc["EX-003", "admin1"] == "PK-IS"  # no area given: found from the point
    assert rows.loc["EX-003", "incident_types"] == ["comments"]  # "verbal"


def test_ushahidi_sample_needs_a_country_and_keeps_ids_stable() -> None:
    path = FIXTURES / "ushahidi" / "platform_tests_import_sample.csv"
    with pytest.raises(LoadError, match="do not name the country"):
        read(path, "ushahidi")
    a, b = read(path, "ushahidi", "MOZ"), read(path, "ushahidi", "MOZ")
    assert len(a.incidents) == 2 and list(a.incidents["source_id"]) == list(
        b.incidents["source_id"]
    )
    assert a.incidents["description"].str.contains("Central Market").any()


def test_kobo_export_of_the_incident_form(tmp_path: Path) -> None:
    path = tmp_path / "kobo.csv"
    path.write_text(
        '"_id";"_submission_time";"incident_date";"country";"incident_types";"location";'
        '"place_type";"_geolocation";"_validation_status"\n'
        '"101";"2024-05-02 10:00:00";"2024-05-01";"PAK";"touching comments";'
        '"24.86 67.00 0 5";"public_transportation";"[24.86, 67.0]";"validation_status_approved"\n'
        '"102";"2024-05-02 11:00:00";"2024-05-01";"PAK";"comments";"";"street";'
        '"[24.9, -199.05]";""\n',
        encoding="utf-8",
    )
    assert guess_format(path) == "kobo"
    batch = read(path)
    good = batch.incidents.iloc[0]
    assert (good["source_id"], good["admin1"], good["verification"]) == ("101", "PK-SD", "verified")
    assert batch.quarantine.iloc[0]["reason"].startswith("coordinates out of range")


def test_kobo_file_of_another_form_is_refused_with_its_name() -> None:
    path = FIXTURES / "kobotoolbox" / "gc-scripts-hub_kobotoolbox_submissions_export.csv"
    with pytest.raises(LoadError, match="missing column"):
        read(path, "kobo")


@pytest.mark.parametrize(
    "name",
    ["ucdp_ged_v23_1_sample1000_global.csv", "ucdp_ged_v23_1_central_african_republic.geojson"],
)
def test_ucdp_events_load_or_are_quarantined(name: str) -> None:
    path = BUNDLE / "incidents" / name
    batch = read(path)
    assert guess_format(path) == "ucdp"
    assert len(batch.incidents) + len(batch.quarantine) == batch.inputs[0].rows
    assert set(batch.incidents["incident_types"].map(tuple)) == {("armed_conflict",)}
    pak = batch.incidents[batch.incidents["country"] == "PAK"]
    if name.endswith(".csv"):
        assert len(pak) == 34 and pak["admin1"].notna().all()


@pytest.mark.parametrize(
    ("fmt", "path", "extra"),
    [
        ("template", EXAMPLE, ()),
        ("harassmap", BUNDLE / "incidents" / "harassmap_egypt_reports_2010-2016.csv", ()),
        ("ushahidi", FIXTURES / "ushahidi" / "platform_tests_import_sample.csv", ("MOZ",)),
    ],
)
def test_formats_hand_the_validator_only_its_fields(fmt: str, path: Path, extra: tuple) -> None:
    """A misspelt column name in a format module would be read as empty: a silent loss."""
    from importlib import import_module

    from loaders.incidents.validate import RAW_FIELDS

    rows = import_module(f"loaders.incidents.{fmt}").raw_rows(path, *extra)
    assert rows
    assert set().union(*rows) - {"_raw"} <= set(RAW_FIELDS)
