"""Charts to PNG for the PDF, through kaleido and the system Chromium.

One browser is kept open for the process (``start_sync_server``): starting one per figure costs
about 4 s here (see ../shared/FIELD-NOTES.md).
"""

from __future__ import annotations

import threading
import warnings
from pathlib import Path

import plotly.graph_objects as go

from sdg16.core.browser import CHROMIUM

_lock = threading.Lock()


class ImageUnavailable(RuntimeError):
    """No Chromium on this server: charts cannot become images (the container installs it)."""


def chromium_available() -> bool:
    return Path(CHROMIUM).exists()


_started = False


def png(fig: go.Figure, width: int = 900, height: int = 450) -> bytes:
    return image(fig, "png", width, height)


def image(fig: go.Figure, fmt: str = "png", width: int = 900, height: int = 450) -> bytes:
    """``fig`` as PNG (twice the pixels, for print) or SVG (text stays text)."""
    global _started
    import kaleido

    if not chromium_available():
        raise ImageUnavailable(f"chart images need Chromium ({CHROMIUM}), not installed here")
    with _lock:
        if not _started:
            kaleido.start_sync_server(silence_warnings=True)
            _started = True
        with warnings.catch_warnings():  # plotly warns that kaleido's server ignores kopts
            warnings.simplefilter("ignore", UserWarning)
            scale = 2 if fmt == "png" else 1
            return fig.to_image(format=fmt, width=width, height=height, scale=scale)
