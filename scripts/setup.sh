#!/usr/bin/env bash
# Idempotent setup of .venv, in steps that say what they do:
#   scripts/setup.sh                    runtime packages only (make run, make replicas)
#   scripts/setup.sh --dev              + test and dev tools (make test, lint, bench)
#   scripts/setup.sh --dev --browser    + Debian Chromium and axe-core for the browser tests
# With a wheel folder (make wheels; SDG16_WHEELS, default ./wheels) nothing is downloaded:
# pip installs from it with --no-index, so a machine without internet can set up.
set -euo pipefail
cd "$(dirname "$0")/.."

dev=0 browser=0
for arg in "$@"; do
  case "$arg" in
    --dev) dev=1 ;;
    --browser) browser=1 ;;
    *) echo "usage: $0 [--dev] [--browser]" >&2; exit 2 ;;
  esac
done

say() { echo "[setup] $*"; }
PYTHON=${PYTHON:-python3}
WHEELS=${SDG16_WHEELS:-wheels}
if [ ! -x .venv/bin/python ]; then
  say "creating .venv with $("$PYTHON" --version)"
  "$PYTHON" -m venv .venv
fi
source_args=()
if [ -d "$WHEELS" ] && compgen -G "$WHEELS/*.whl" >/dev/null; then
  source_args=(--no-index --find-links "$WHEELS")
  say "installing from the wheel folder $WHEELS (offline)"
fi

# install NAME FILE: pip install -r FILE unless that exact file was installed already.
install() {
  local stamp
  stamp=".venv/.installed-$1-$(cat requirements.txt "$2" | sha256sum | cut -c1-16)"
  if [ -f "$stamp" ]; then
    say "$1 packages up to date ($2)"
    return
  fi
  say "$1 packages from $2 ($(grep -cE '^[A-Za-z0-9]' "$2") pins; the first time takes a minute or two)"
  # pip's own lines, one per package, as progress; the full log stays in .venv for failures.
  set +e
  .venv/bin/python -m pip install --disable-pip-version-check --progress-bar off \
    "${source_args[@]}" -r "$2" 2>&1 | tee ".venv/pip-$1.log" |
    grep --line-buffered -E '^(Collecting|Installing collected|Successfully installed)' |
    sed -u 's/^/  /'
  local status=${PIPESTATUS[0]}
  set -e
  if [ "$status" != 0 ]; then
    tail -20 ".venv/pip-$1.log" >&2
    exit "$status"
  fi
  rm -f .venv/.installed-"$1"-* && touch "$stamp"
}

install runtime requirements.txt
[ "$dev" = 1 ] && install dev requirements-dev.txt

if [ "$browser" = 1 ] && [ ! -x "${SDG16_CHROMIUM:-/usr/bin/chromium}" ]; then
  # Playwright's own browser download cannot work offline; Debian's package does.
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Debian chromium and poppler-utils (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null
  else
    echo "Browser tests need Chromium at /usr/bin/chromium: sudo apt-get install chromium" >&2
    exit 1
  fi
fi

# axe-core for the accessibility checks in the browser tests (pinned in package-lock.json).
if [ "$browser" = 1 ] && [ ! -f node_modules/axe-core/axe.min.js ]; then
  say "axe-core (npm ci)"
  npm ci --silent --no-audit --no-fund
fi
say "done"
