"""A chart made ready to leave the page (Our World in Data's download): title, subtitle, source
and date drawn into the figure, so a PNG or SVG pasted into a slide still says what it shows."""

from __future__ import annotations

import plotly.graph_objects as go

from sdg16.core.i18n import gettext

TOP, BOTTOM = 90, 150  # px: the title block; the axis title, legend and source line


def framed(
    fig: go.Figure,
    title: str,
    subtitle: str,
    source: str,
    date: str,
    lang: str,
    height: int = 600,
) -> go.Figure:
    """A copy of ``fig`` at ``height`` px with ``title`` and ``subtitle`` on top and
    "Source: ... · date" on the last line of the image."""
    out = go.Figure(fig)
    plot = height - TOP - BOTTOM
    footer = gettext(lang, "Source: {source}").format(source=source) + f" · {date}"
    out.update_layout(
        title={
            "text": f"<b>{title}</b><br><span style='font-size:13px'>{subtitle}</span>",
            "x": 0.01,
            "xanchor": "left",
            "font": {"size": 18},
        },
        margin={"t": TOP, "b": BOTTOM, "l": 70, "r": 30},
        height=height,
        paper_bgcolor="white",
    )
    out.add_annotation(
        text=footer,
        xref="paper",
        yref="paper",
        x=0,
        y=-(BOTTOM - 12) / plot,  # paper units: 12 px above the image's bottom edge
        xanchor="left",
        yanchor="bottom",
        showarrow=False,
        align="left",
        font={"size": 11, "color": "#555"},
    )
    return out
