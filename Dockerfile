# The dashboard as one container. Several replicas run behind a load balancer with session
# affinity; the DuckDB store arrives read-only from shared storage (see docs/DEPLOY.md).
# Not built on the development machines (no Docker engine there): keep it plain.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    # Configuration is environment only: the store, the catalog, Streamlit's server.
    SDG16_DB=/data/sdg16.duckdb \
    SDG16_CATALOG=/app/indicators.yaml \
    STREAMLIT_SERVER_ADDRESS=0.0.0.0 \
    STREAMLIT_SERVER_PORT=8501 \
    STREAMLIT_SERVER_HEADLESS=true \
    STREAMLIT_SERVER_FILE_WATCHER_TYPE=none \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false

RUN useradd --create-home --uid 10001 app
WORKDIR /app

# Dependencies first, so code changes do not reinstall them.
COPY requirements.txt .
RUN pip install -r requirements.txt

# The app's code and files (serve.py, app.py, views/, sdg16/, loaders/, static/, locales/, .streamlit/
# config.toml, indicators.yaml); .dockerignore leaves out tests, bench, data and secrets.
COPY --chown=app:app . .

USER app
EXPOSE 8501
# /data is mounted read-only in production; the refresh job, not the app, writes the store.
VOLUME ["/data"]

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ['STREAMLIT_SERVER_PORT'] + '/_stcore/health', timeout=4)"

CMD ["python", "-m", "streamlit", "run", "serve.py"]
