#!/usr/bin/env bash
# Set up a fresh machine with the test tools and run lint, types and the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test,embeddings
# The dashboard tests drive Debian's chromium through its chromedriver (nothing is downloaded at test time).
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    echo "installing chromium and chromium-driver for the dashboard tests" >&2
    apt-get update -qq && apt-get install -y -qq chromium chromium-driver > /dev/null
  else
    echo "the dashboard tests need Debian's chromium and chromium-driver; as root run:" >&2
    echo "  apt-get update && apt-get install -y chromium chromium-driver" >&2
    exit 1
  fi
fi
.venv/bin/ruff check src tests
.venv/bin/ruff format --check src tests
.venv/bin/mypy
.venv/bin/python -m pytest -q "$@"
