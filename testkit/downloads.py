"""Read what a download button in AppTest would hand the user.

AppTest stores download data in a media file store that goes away after the run; this keeps a
copy of every file added during ``capture()``, keyed by the id in the button's URL.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock
from urllib.parse import urlparse

import pandas as pd
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage


@contextmanager
def capture() -> Iterator[dict[str, bytes]]:
    files: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def keep(self, path_or_data, mimetype, kind, filename=None):  # type: ignore[no-untyped-def]
        file_id = original(self, path_or_data, mimetype, kind, filename)
        data = path_or_data if isinstance(path_or_data, bytes) else Path(path_or_data).read_bytes()
        files[file_id] = data
        return file_id

    deferred = MediaFileManager.add_deferred

    def later(self, data_callable, mimetype, coordinates, file_name=None, **kw):  # type: ignore[no-untyped-def]
        # Guarded downloads make their file on click: keep the callable, "click" in fetch().
        file_id = deferred(self, data_callable, mimetype, coordinates, file_name, **kw)
        files[file_id] = data_callable
        return file_id

    with (
        mock.patch.object(MemoryMediaFileStorage, "load_and_get_id", keep),
        mock.patch.object(MediaFileManager, "add_deferred", later),
    ):
        yield files


def fetch(button, files: dict) -> bytes:
    """What the user gets on clicking: stored bytes, or a deferred file made now."""
    file_id = button.proto.deferred_file_id or Path(urlparse(button.proto.url).path).stem
    data = files[file_id]
    return data() if callable(data) else data


def csv_of(button, files: dict[str, bytes]) -> pd.DataFrame:
    """The CSV behind a download button, every column read as text."""
    return pd.read_csv(io.BytesIO(fetch(button, files)), dtype=str, keep_default_na=False)
