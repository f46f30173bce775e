#!/usr/bin/env bash
# Install the runtime requirements into a fresh venv from a wheel folder only (no index, as
# on a machine without internet), then import everything the app and the loaders import.
set -euo pipefail
cd "$(dirname "$0")/.."
WHEELS=$(realpath "${1:-wheels}")
venv=$(mktemp -d /tmp/sdg16-offline-XXXXXX)
trap 'rm -rf "$venv"' EXIT
"${PYTHON:-python3}" -m venv "$venv"
# PIP_CONFIG_FILE=/dev/null: no machine-wide find-links or mirrors may help.
PIP_CONFIG_FILE=/dev/null "$venv/bin/python" -m pip install --disable-pip-version-check -q \
  --no-index --find-links "$WHEELS" -r requirements.txt
"$venv/bin/python" -m pip check
PYTHONPATH=. STREAMLIT_LOGGER_LEVEL=error "$venv/bin/python" - <<'PY'
import importlib, pathlib
for path in ["loaders", "sdg16"]:
    for f in sorted(pathlib.Path(path).rglob("*.py")):
        name = ".".join(f.with_suffix("").parts).removesuffix(".__init__")
        if name.endswith("__main__"):
            continue  # runs a command line
        importlib.import_module(name)
import streamlit, psycopg, duckdb, geopandas, kaleido  # noqa: F401
print("offline install: every runtime module imports")
PY
