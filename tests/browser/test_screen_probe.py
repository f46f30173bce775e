"""The presenter map follows the window: resized from 1280x720 to 1920x1080 and back, it is
drawn again for the room it now has, colour bar on the first screen (``sdg16.ui.screen``; the
charts' drawn signal waits while a measured size has not been drawn for)."""

from __future__ import annotations

from testkit import screens
from testkit.browser import browser, exceptions_on, settle, wait_for_charts

MAP_WIDTH_JS = """() => document.querySelector("[data-testid='stPlotlyChart'] .js-plotly-plot")
  ._fullLayout.width"""


def _map_width_after(page, size: tuple[int, int]) -> int:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    wait_for_charts(page, timeout_ms=90_000)
    return page.evaluate(MAP_WIDTH_JS)


def test_presenter_map_redrawn_for_each_window_size(app_url: str) -> None:
    with browser((1280, 720)) as ctx:
        page = ctx.new_page()
        page.goto(screens.page_url(app_url, "map", "en", present=True))
        settle(page, timeout_ms=90_000)
        widths = [_map_width_after(page, s) for s in ((1280, 720), (1920, 1080), (1280, 720))]
        assert widths[1] > widths[0] * 1.2 and widths[2] == widths[0]
        assert screens.cut_chart_parts(page, first_screen=True) == []
        assert exceptions_on(page) == []
