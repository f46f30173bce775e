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

    with mock.patch.object(MemoryMediaFileStorage, "load_and_get_id", keep):
        yield files


def csv_of(button, files: dict[str, bytes]) -> pd.DataFrame:
    """The CSV behind a download button, every column read as text."""
    file_id = Path(urlparse(button.proto.url).path).stem
    return pd.read_csv(io.BytesIO(files[file_id]), dtype=str, keep_default_na=False)
