# The dashboard as one container: one replica. Several run behind nginx (deploy/nginx.conf.template)
# with cookie affinity and share their state in PostgreSQL (SDG16_STATE_URL); the DuckDB store
# arrives read-only from shared storage. See docs/DEPLOY.md. No Docker engine runs on the
# development machines: the start script below is the part that is tested (make replicas-test
# starts every replica with it).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    # Configuration is environment only: the store, the catalog, the state database.
    SDG16_DB=/data/sdg16.duckdb \
    SDG16_CATALOG=/app/indicators.yaml \
    SDG16_STATE_DB=/state/app_state.sqlite \
    PYTHON=python \
    ADDRESS=0.0.0.0 \
    PORT=8501

# What the app needs at run time besides Python: Chromium for chart images in PDF reports and
# for PDF decks, DejaVu and Noto fonts for report text in any script (Arabic, Urdu ...).
# Without them the app still serves and says which feature is off (sdg16/cli/preflight.py).
RUN apt-get update \
    && apt-get install -y --no-install-recommends chromium fonts-dejavu-core fonts-noto-core \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 app && mkdir -p /state && chown app /state
WORKDIR /app

# Runtime requirements only, so code changes do not reinstall them. For a machine without
# internet, build from a wheel folder instead: `make wheels`, then
#   COPY wheels/ /wheels/
#   RUN pip install --no-index --find-links /wheels -r requirements.txt
COPY requirements.txt .
RUN pip install -r requirements.txt

# The app's code and files (serve.py, app.py, views/, sdg16/, loaders/, deploy/, static/, locales/,
# .streamlit/config.toml, indicators.yaml); .dockerignore leaves out tests, testkit, bench, data,
# secrets.
COPY --chown=app:app . .

USER app
EXPOSE 8501
# /data is mounted read-only; the refresh job, not the app, writes the store. /state holds the
# SQLite state of a single replica; several replicas set SDG16_STATE_URL instead.
VOLUME ["/data", "/state"]

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ['PORT'] + '/_stcore/health', timeout=4)"

# The same script every replica of the replica test runs: preflight, then Streamlit.
CMD ["deploy/start.sh"]
