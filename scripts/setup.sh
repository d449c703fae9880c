#!/usr/bin/env bash
# Create .venv (Python >= 3.11) and install detente with the given extras; quick when nothing changed.
#   scripts/setup.sh            # the package and its models
#   scripts/setup.sh test       # + the test tools
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "detente needs Python >= 3.11 (set PYTHON=...)" >&2; exit 1; }
  "$python" -m venv .venv
fi
stamp=".venv/.detente-installed-${extras:-core}"
digest=$(cat pyproject.toml | sha256sum | cut -c1-16)
if [ "$(cat "$stamp" 2>/dev/null)" != "$digest" ]; then
  target="."
  [ -n "$extras" ] && target=".[$extras]"
  echo "setting up .venv (detente${extras:+[$extras]}); the log is .venv/install.log" >&2
  if ! { .venv/bin/python -m pip install --upgrade pip && .venv/bin/python -m pip install -e "$target"; } \
      > .venv/install.log 2>&1; then
    tail -n 30 .venv/install.log >&2
    echo "installing detente failed; see .venv/install.log" >&2
    exit 1
  fi
  echo "$digest" > "$stamp"
fi
