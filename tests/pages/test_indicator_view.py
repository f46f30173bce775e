"""The indicator view: Chart · Map · Table links that keep the filter, a chart download as PNG
and SVG with title, filters, source and date drawn in (made on click, audited), and a Sources
panel with definition, custodian, method link and load date."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs

from sdg16.state import audit
from testkit.apptest import open_app
from testkit.downloads import capture, fetch

VIEW = {"series": "VC_IHR_PSRC", "geo": "MEX,COL", "from": "2005"}


def _links(at) -> dict[str, dict[str, list[str]]]:
    """Main-area page links: label -> their query."""
    return {el.proto.label: parse_qs(el.proto.query_string) for el in at.main.get("page_link")}


def test_tabs_carry_the_filter_and_mark_the_open_view(store_path: Path) -> None:
    at = open_app("trends", **VIEW)
    assert not at.exception
    links = _links(at)
    assert {"Map", "Table"} <= set(links) and "Chart" not in links  # the open one is text
    for label in ("Map", "Table"):
        assert links[label]["series"] == ["VC_IHR_PSRC"]
        assert links[label]["geo"] == ["MEX,COL"] and links[label]["from"] == ["2005"]
    assert "**Chart**" in [m.value for m in at.main.markdown]
    table = open_app("table", **VIEW)
    assert set(_links(table)) >= {"Chart", "Map"} and "Table" not in _links(table)


def test_tabs_and_sources_in_spanish(store_path: Path) -> None:
    at = open_app("map", series="VC_IHR_PSRC", year="2019", lang="es")
    assert {"Gráfico", "Tabla"} <= set(_links(at))
    sources = next(e for e in at.expander if e.label == "Fuentes y método")
    text = " ".join(m.value for m in sources.markdown)
    assert "Número de víctimas de homicidios intencionales" in text
    assert "Organismo custodio: UNODC" in text
    assert "https://unstats.un.org/sdgs/metadata/files/Metadata-16-01-01.pdf" in text
    assert "cargado el" in text


def _chart_images(page: str, query: dict[str, str]) -> tuple[str, bytes, int]:
    """(SVG text, PNG bytes, audit entries before) of the page's chart, clicked as a person."""
    with capture() as files:
        at = open_app(page, **query)
        assert not at.exception
        buttons = {b.label: b for b in at.download_button}
        assert {"Chart (PNG)", "Chart (SVG)"} <= set(buttons)
        before = len(audit.entries(action="export"))
        svg = fetch(buttons["Chart (SVG)"], files).decode("utf-8")
        png = fetch(buttons["Chart (PNG)"], files)
    assert svg.startswith("<svg") and png.startswith(b"\x89PNG")
    return svg, png, before


def test_chart_downloads_have_the_frame_drawn_in_and_are_audited(store_path: Path) -> None:
    svg, _png, before = _chart_images("trends", VIEW)
    for drawn in (
        "Homicide rate",
        "Mexico, Colombia",
        "Years: 2005 to latest",
        "Source: UN Statistics",
    ):
        assert drawn in svg
    log = audit.entries(action="export")
    assert len(log) == before + 2
    assert sorted(log.iloc[:2]["format"]) == ["png", "svg"]
    assert all("geo=MEX,COL" in q for q in log.iloc[:2]["filters"])


def test_chart_download_speaks_the_page_language(store_path: Path) -> None:
    """The file is made on click, after the run: its words were fixed while the page ran."""
    with capture() as files:
        at = open_app("trends", **VIEW, lang="es")
        svg = fetch(next(b for b in at.download_button if b.label == "Gráfico (SVG)"), files)
    text = svg.decode("utf-8")
    assert (
        "Tasa de homicidios" in text
        and "México, Colombia" in text
        and "Años: 2005 – último disponible" in text
    )
    assert "Fuente: División de Estadística de las Naciones Unidas" in text


def test_map_downloads_have_the_frame_drawn_in_and_are_audited(
    store_path: Path, artifacts: Path
) -> None:
    # The page's MapLibre map draws on a canvas: the SVG keeps the words as text and holds the
    # drawn map as an embedded picture.
    query = {"series": "VC_IHR_PSRC", "year": "2019", "region": "un-africa"}
    svg, png, before = _chart_images("map", query)
    for drawn in ("Homicide rate, 2019", "Africa", "Source: UN Statistics"):
        assert drawn in svg
    assert svg.count("<image") == 1 and "data:image/png;base64," in svg
    (artifacts / "map-download-africa.png").write_bytes(png)
    log = audit.entries(action="export")
    assert len(log) == before + 2 and all("region=un-africa" in q for q in log.iloc[:2]["filters"])
