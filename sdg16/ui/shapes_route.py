"""The map's borders as a file the browser fetches once, mounted by ``serve.py`` (``st.App``).

Why: a plotly map carries its GeoJSON in the figure, so every rerun of /map (a year, a region)
sent the borders again (about 370 KB of a 420 KB rerun) and the browser parsed them again.
Given a URL instead, plotly.js fetches the file once per page load (``PlotlyGeoAssets``), and
the browser's cache keeps it: the name is the content's hash, so the file never changes.
``streamlit run app.py`` has no such route: pages then send the borders inline, as before.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from functools import lru_cache

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

SHAPES_PATH = "/_sdg16/shapes"
_served: list[bool] = []  # set by ``serve.py`` (``enable``): this process has the route


def enable() -> None:
    _served.append(True)


def served() -> bool:
    return bool(_served)


@lru_cache(maxsize=2)
def encode(version: str) -> tuple[str, bytes]:
    """(hash, gzipped GeoJSON) of the borders of store ``version`` (a key only)."""
    from sdg16.ui import cache

    raw = json.dumps(cache.map_shapes()[1], separators=(",", ":")).encode()
    return hashlib.sha256(raw).hexdigest()[:16], gzip.compress(raw, 6)


def url() -> str | None:
    """Where the browser fetches the borders, or None when this server has no route."""
    if not served():
        return None
    import streamlit as st

    from sdg16.ui import cache

    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    digest, _ = encode(cache.version())
    return f"{'/' + base if base else ''}{SHAPES_PATH}/{digest}.geojson"


def _current() -> tuple[str, bytes]:
    from sdg16.ui import cache

    return encode(cache.version())


async def shapes(request: Request) -> Response:
    digest, body = await run_in_threadpool(_current)
    if request.path_params["name"] != f"{digest}.geojson":  # an older store's: gone
        return Response(status_code=404)
    headers = {"Cache-Control": "public, max-age=31536000, immutable", "Vary": "Accept-Encoding"}
    if "gzip" in request.headers.get("accept-encoding", ""):
        headers["Content-Encoding"] = "gzip"
    else:
        body = gzip.decompress(body)
    return Response(body, media_type="application/geo+json", headers=headers)


ROUTES = [Route(SHAPES_PATH + "/{name}", shapes, methods=["GET"])]
