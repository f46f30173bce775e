#!/usr/bin/env bash
# Start one replica of the dashboard: the container's CMD (Dockerfile) and what the replica
# test (testkit/cluster.py) runs for each replica, so both start the app the same way.
#   PORT (8501), ADDRESS (127.0.0.1; 0.0.0.0 in the image), PYTHON (python, or .venv/bin/python)
#   SDG16_DB, SDG16_STATE_URL, SDG16_REPLICA, STREAMLIT_SERVER_COOKIE_SECRET: see docs/DEPLOY.md
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python}
[ -x .venv/bin/python ] && [ -z "${PYTHON:-}" ] && PY=.venv/bin/python

# Say what is missing before serving, in plain words; only a missing store stops the start.
"$PY" -m sdg16.cli.preflight

exec "$PY" -m streamlit run serve.py \
  --server.port "${PORT:-8501}" \
  --server.address "${ADDRESS:-127.0.0.1}" \
  --server.headless true \
  --server.fileWatcherType none \
  --browser.gatherUsageStats false
