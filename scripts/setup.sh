#!/usr/bin/env bash
# Idempotent setup: virtual environment, pinned packages, and (with --browser) Debian Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
# Reinstall only when the pinned requirements change.
stamp=".venv/.installed-$(cat requirements.txt requirements-dev.txt | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -r requirements-dev.txt
  rm -f .venv/.installed-* && touch "$stamp"
fi

if [ "${1:-}" = "--browser" ] && [ ! -x "${SDG16_CHROMIUM:-/usr/bin/chromium}" ]; then
  # Playwright's own browser download cannot work offline; Debian's package does.
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null
  else
    echo "Browser tests need Chromium at /usr/bin/chromium: sudo apt-get install chromium" >&2
    exit 1
  fi
fi

# axe-core for the accessibility checks in the browser tests (pinned in package-lock.json).
if [ "${1:-}" = "--browser" ] && [ ! -f node_modules/axe-core/axe.min.js ]; then
  npm ci --silent --no-audit --no-fund
fi
