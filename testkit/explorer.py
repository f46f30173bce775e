"""Helpers for the Trends and Table AppTests: the chart's figure, widgets by label, and the
bytes each download button received."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest


def _decoded(node):
    """Plotly sends numeric arrays as base64 typed arrays; turn them back into lists."""
    if isinstance(node, dict) and set(node) >= {"bdata", "dtype"}:
        values = np.frombuffer(base64.b64decode(node["bdata"]), dtype=node["dtype"])
        return values.reshape(node["shape"]).tolist() if "shape" in node else values.tolist()
    if isinstance(node, dict):
        return {k: _decoded(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_decoded(v) for v in node]
    return node


def figure(at: AppTest) -> dict:
    charts = at.get("plotly_chart")
    assert len(charts) == 1, f"expected one chart, found {len(charts)}"
    return _decoded(json.loads(charts[0].proto.spec))


def line_names(at: AppTest) -> list[str]:
    """Names of the data lines (the band's traces have no markers)."""
    return [t["name"] for t in figure(at)["data"] if "markers" in t.get("mode", "")]


def widget(widgets, label_start: str):
    found = [w for w in widgets if w.label.startswith(label_start)]
    assert len(found) == 1, f"no single widget labelled {label_start!r}"
    return found[0]


@contextmanager
def captured_downloads() -> Iterator[dict[str, bytes]]:
    """Record what the page hands to its download buttons, by file name.

    Streamlit stores a download's bytes in its media file storage; wrapping the storage's one
    entry point shows exactly what a user would receive, without a browser.
    """
    files: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def recording(self, path_or_data, mimetype, kind, filename=None):
        if filename and isinstance(path_or_data, bytes):
            files[filename] = path_or_data
        return original(self, path_or_data, mimetype, kind, filename)

    deferred = MediaFileManager.add_deferred

    def clicked(self, data_callable, mimetype, coordinates, file_name=None, **kw):
        # Guarded downloads make (and audit) their file on click: click every one now.
        files[file_name] = data_callable()
        return deferred(self, data_callable, mimetype, coordinates, file_name, **kw)

    MemoryMediaFileStorage.load_and_get_id = recording
    MediaFileManager.add_deferred = clicked
    try:
        yield files
    finally:
        MemoryMediaFileStorage.load_and_get_id = original
        MediaFileManager.add_deferred = deferred
