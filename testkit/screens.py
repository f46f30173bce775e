"""What a person sees of a page in Chromium: links that fill each page with data, the text it
shows (SVG chart text included), sideways scroll, chart parts cut by the screen's edge, and a
signed-in browser without typing a password. Shared by the screen matrix, the axe and the
language checks and the presenter tests."""

from __future__ import annotations

from urllib.parse import urlparse

# Links that show each page filled with data (the done-means map link among them).
QUERIES = {
    "home": "geo=MEX",
    "trends": "series=VC_IHR_PSRC&geo=MEX,COL,BRA",
    "map": "series=VC_IHR_PSRC&year=2019",
    "table": "series=VC_IHR_PSRC&geo=MEX,COL",
    "country": "geo=EGY",
    "progress": "region=un-latin-america-and-the-caribbean",
    "incidents": "geo=EGY",
    "incidents_profile": "geo=EGY&admin1=EG-C",
    "reports": "series=VC_IHR_PSRC&geo=MEX,COL",
}

# What Chromium shows: the page's text (sidebar included) and every SVG text (plotly axes,
# legends, tick labels, titles).
TEXT_JS = """() => [document.body.innerText,
  ...[...document.querySelectorAll('svg text')].map(e => e.textContent)]"""

# Pixels the page is wider than the screen: the document itself, and Streamlit's own scrolling
# main area (tables scroll inside their own grid, which is fine and not counted).
SIDEWAYS_JS = """() => Math.max(0, ...[document.scrollingElement,
  document.querySelector("[data-testid='stMain']"),
  document.querySelector("[data-testid='stAppViewContainer']")]
  .filter(Boolean).map(el => el.scrollWidth - window.innerWidth))"""

# Each visible plotly chart's legend, x-axis tick labels and colour bar that a person cannot
# see: outside the chart's own drawing (the SVG clips it) or outside the screen's width, or
# for the first chart on the page, below the bottom of the first screen; the same for each
# deck.gl map's canvas (a map cut by the edge hides the places at that edge).
CUT_JS = """(firstScreen) => {
  const cut = [];
  const W = window.innerWidth, H = window.innerHeight, slack = 2;
  const charts = [...document.querySelectorAll("[data-testid='stPlotlyChart']")]
    .filter(el => el.offsetParent !== null);
  charts.forEach((el, i) => {
    const svg = el.querySelector('.main-svg');
    if (!svg) { cut.push(`chart ${i}: not drawn`); return; }
    const frame = svg.getBoundingClientRect();
    const parts = [['legend', '.legend'], ['x ticks', '.xaxislayer-above'],
                   ['colour bar', '.colorbar']];
    for (const [name, sel] of parts) {
      for (const p of el.querySelectorAll(sel)) {
        const r = p.getBoundingClientRect();
        if (!r.width || !r.height) continue;  // an empty group (a map has no x axis)
        const why = [];
        if (r.left < frame.left - slack || r.right > frame.right + slack
            || r.top < frame.top - slack || r.bottom > frame.bottom + slack) why.push('clipped');
        if (r.left < -slack || r.right > W + slack) why.push('off the side');
        if (firstScreen && i === 0 && r.bottom > H + slack) why.push('below the first screen');
        if (why.length) cut.push(`chart ${i} ${name}: ${why.join(', ')}`
          + ` (${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}`
          + `x${Math.round(r.height)} in ${W}x${H})`);
      }
    }
    const map = el.querySelector('.js-plotly-plot')._fullLayout.map;
    if (map && map._input.bounds) {  // a map shows the whole region it was fitted to
      const want = map._input.bounds, seen = map._subplot.map.getBounds();
      const y = (lat) => Math.log(Math.tan(Math.PI / 4 + lat * Math.PI / 360));
      const across = (seen.getEast() - seen.getWest()) / (want.east - want.west);
      const down = (y(seen.getNorth()) - y(seen.getSouth())) / (y(want.north) - y(want.south));
      if (across < 0.9 || down < 0.9) cut.push(`chart ${i} map: shows ${Math.round(100 * across)}%`
        + ` of its region's width and ${Math.round(100 * down)}% of its height`);
    }
  });
  // deck.gl maps (the incident map): the canvas inside the screen's width, and the first
  // one on the first screen in presenter mode.
  [...document.querySelectorAll("[data-testid='stDeckGlJsonChart']")]
    .filter(el => el.offsetParent !== null).forEach((el, i) => {
      const canvas = el.querySelector('canvas');
      if (!canvas) { cut.push(`deck map ${i}: not drawn`); return; }
      const r = canvas.getBoundingClientRect(), why = [];
      if (r.left < -slack || r.right > W + slack) why.push('off the side');
      if (firstScreen && i === 0 && (r.top < -slack || r.bottom > H + slack))
        why.push('below the first screen');
      if (why.length) cut.push(`deck map ${i}: ${why.join(', ')} (${Math.round(r.left)},`
        + `${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)} in ${W}x${H})`);
    });
  // The page's own HTML legends (the incident map's colour key and scale).
  document.querySelectorAll('.sdg16-legend').forEach((el, i) => {
    const r = el.getBoundingClientRect();
    if (r.left < -slack || r.right > W + slack) cut.push(`legend ${i}: off the side`);
    if (firstScreen && r.bottom > H + slack) cut.push(`legend ${i}: below the first screen`);
  });
  return cut;
}"""


def page_url(base: str, path: str, lang: str, present: bool = False) -> str:
    """The page's link with data, in ``lang``, in presenter mode or not (home is the root)."""
    query = [q for q in (QUERIES.get(path, ""), f"lang={lang}", "present=1" * present) if q]
    return f"{base}/{'' if path == 'home' else path}?{'&'.join(query)}"


def sideways_px(page) -> int:
    """How many pixels the page scrolls sideways (0: it fits the width)."""
    return int(page.evaluate(SIDEWAYS_JS))


def cut_chart_parts(page, first_screen: bool = True) -> list[str]:
    """Legends, x-axis ticks and colour bars of the page's charts a person cannot see;
    ``first_screen``: the first chart's must also be on the first screen (presenter mode)."""
    return page.evaluate(CUT_JS, first_screen)


def whole_page_shot(page, path: str) -> None:
    """A screenshot of the whole page: Streamlit scrolls its main area, not the document, so
    the screen is made as tall as the page for the shot (the width, and so the layout, kept)."""
    size = page.viewport_size
    tall = page.evaluate("() => document.querySelector(\"[data-testid='stMain']\").scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], tall)})
    page.screenshot(path=path)
    page.set_viewport_size(size)


def inside(page, selector: str) -> bool:
    """The first element ``selector`` finds is wholly on the first screen."""
    box = page.locator(selector).first.bounding_box()
    size = page.viewport_size
    return (
        bool(box)
        and box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= size["width"]
        and box["y"] + box["height"] <= size["height"]
    )


def shown_texts(page) -> list[str]:
    return page.evaluate(TEXT_JS)


def sign_in_cookie(ctx, base: str, user: str) -> None:
    """Give a browser context the session cookie of ``user`` (an account of the state DB the
    server reads), as the sign-in route would set it: no password typed, no bcrypt."""
    from sdg16.state import sessions

    _found, grant = sessions.create(user)
    token = sessions.claim(grant)
    assert token, "the grant was just made"
    host = urlparse(base).hostname
    ctx.add_cookies(
        [
            {
                "name": sessions.COOKIE,
                "value": sessions.cookie_value(token),
                "domain": host,
                "path": "/",
                "httpOnly": True,
                "sameSite": "Strict",
            }
        ]
    )
