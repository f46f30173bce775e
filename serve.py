"""The server: ``streamlit run serve.py`` (what make run, the tests, bench and the container use).

``st.App`` (Streamlit's supported way to add routes; it serves ``app.py`` exactly as
``streamlit run app.py`` would) adds the sign-in cookie routes (sdg16/ui/cookie_route.py) and
warms the caches at start-up, so the first visitor does not wait for them, and serves the map's
borders as a file (sdg16/ui/shapes_route.py). Its middleware
(sdg16/ui/http_guard.py) hides ``/_stcore/metrics``, answers ``/home`` and audits re-fetched
downloads.
``streamlit run app.py`` still works, but sign-in then lasts only as long as the browser tab.
"""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager

import streamlit as st
from starlette.middleware import Middleware

from sdg16.ui import shapes_route
from sdg16.ui.cookie_route import ROUTES
from sdg16.ui.http_guard import HttpGuard


@asynccontextmanager
async def warm_caches(_app):
    from sdg16.ui import warmup

    # A thread: the server answers at once, and a visitor arriving mid-way shares the work.
    threading.Thread(target=warmup.warm, name="sdg16-warmup", daemon=True).start()
    yield


shapes_route.enable()  # the map links its borders (sdg16/ui/shapes_route.py)
app = st.App(
    "app.py",
    routes=ROUTES + shapes_route.ROUTES,
    middleware=[Middleware(HttpGuard)],
    lifespan=warm_caches,
)
