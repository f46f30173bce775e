"""The incident page's Key findings tab in AppTest: findings with their numbers, the hotspot
layer and legend, the expected-range band; anonymous visitors get only cells of 5 or more and
no exact statistics; the tab follows the language."""

from __future__ import annotations

import json

from testkit.auth import signed_in
from testkit.fixtures import module_state_db

# Users in a throwaway state DB; the app reads the store holding the HarassMap reports.
state_db = module_state_db("ana", store="incident_store")


def _open(at, tab: str = "Key findings"):
    at.session_state["incident_tab"] = tab
    at.run()
    assert not at.exception
    return at


def _texts(at) -> list[str]:
    """The findings as a reader sees them (Markdown escapes removed)."""
    return [m.value.replace("\\", "") for m in at.markdown]


def _hotspot_layer(at) -> list[dict]:
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    (layer,) = [x for x in deck["layers"] if x["id"] == "hotspots"]
    return layer["data"]


def test_anonymous_sees_findings_band_and_public_cells() -> None:
    at = _open(signed_in(None, "incidents", geo="EGY"))
    text = _texts(at)
    shown = {m.label: m.value for m in at.metric}["Reports"]  # the page's own (public) total
    assert int(shown.replace(",", "")) % 5 == 0
    assert any(f"{shown} reports in Egypt" in t for t in text), text
    assert any("Hotspots:" in t and "Cairo" in t for t in text)
    assert any("crowd-sourced, self-selected and unverified" in t for t in text)
    cells = _hotspot_layer(at)
    assert cells and all("z " not in c["tip"] for c in cells)  # no exact statistics
    assert any(c["tip"].startswith("Hot spot, 99 % confidence") for c in cells)
    reports = [int(c["tip"].split(" · ")[1].split()[0].replace(",", "")) for c in cells]
    assert min(reports) >= 5 and all(n % 5 == 0 for n in reports)  # the disclosure rule
    assert any("Public view: cells with fewer than 5 reports" in c.value for c in at.caption)
    (fig,) = [json.loads(p.proto.spec) for p in at.get("plotly_chart")]
    names = [t.get("name") for t in fig["data"]]
    assert "Expected range (95 %)" in names and "Expected" in names
    band = next(t for t in fig["data"] if t.get("name") == "Expected range (95 %)")
    assert band["fill"] == "tonexty" and len(band["x"]) > 12


def test_analyst_sees_every_cell_with_its_statistics() -> None:
    at = _open(signed_in("ana", "incidents", geo="EGY"))
    cells = _hotspot_layer(at)
    assert any("z " in c["tip"] and "p (FDR)" in c["tip"] for c in cells)
    public = _hotspot_layer(_open(signed_in(None, "incidents", geo="EGY")))
    assert len(cells) > len(public)


def test_filters_and_language_follow_through() -> None:
    at = _open(signed_in(None, "incidents", geo="EGY", admin1="EG-C", lang="es"), "Hallazgos clave")
    text = " ".join(_texts(at))
    assert "denuncias en Cairo, Egipto" in text and "Puntos calientes:" in text  # CLDR name
    assert "Key findings" not in [s.value for s in at.subheader]
    tiny = _open(signed_in(None, "incidents", geo="EGY", admin1="EG-WAD"))
    text = _texts(tiny)
    assert any("Fewer than 5 reports" in t for t in text)
    assert not tiny.get("deck_gl_json_chart")  # nothing drawn from under five reports


def test_the_numbers_behind_the_findings_are_a_table_of_whole_sentences() -> None:
    """A static table (sentences wrap, the presenter's font applies), not the canvas grid that
    cut each finding at its column's edge; its Markdown cells keep data inert."""
    at = _open(signed_in(None, "incidents", geo="EGY"))
    assert not at.dataframe
    (table,) = at.table
    frame = table.value
    assert list(frame.columns) == ["Finding", "Numbers"]
    findings = [t.replace("\\", "") for t in frame["Finding"]]
    listed = "\n".join(_texts(at))
    assert len(findings) > 3 and all(t in listed for t in findings)  # the list's, whole
    assert any("crowd-sourced, self-selected and unverified" in t for t in findings)
    assert any("annual\\_change = " in n for n in frame["Numbers"])  # "_" escaped, not italics
