"""Colour-blind-safe colours for every chart, and a plotly template that makes them the default.

Categories: Okabe & Ito (2008), distinguishable with the common colour-vision deficiencies.
Sequential: cividis (designed for deuteranopia and protanopia; monotonic in lightness).
Diverging: blue-orange from the same set (no red against green).
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio
from plotly.express.colors import sequential

OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow (light: keep for fills, not thin lines on white)
    "#000000",  # black
)
SEQUENTIAL = tuple(sequential.Cividis)
DIVERGING = ("#0072B2", "#56B4E9", "#F7F7F7", "#E69F00", "#D55E00")
TEMPLATE = "sdg16"


def template() -> go.layout.Template:
    """Plotly template: Okabe-Ito categories, cividis scales, readable type on white."""
    base = pio.templates["plotly_white"]
    tpl = go.layout.Template(base)
    tpl.layout.colorway = list(OKABE_ITO)
    tpl.layout.colorscale = {"sequential": list(SEQUENTIAL), "diverging": list(DIVERGING)}
    tpl.layout.font = {"size": 14, "color": "#1a1a1a"}
    return tpl


def register() -> None:
    """Make the template plotly's default (idempotent; cheap to call on every rerun)."""
    if TEMPLATE not in pio.templates:
        pio.templates[TEMPLATE] = template()
    pio.templates.default = TEMPLATE
