#!/usr/bin/env bash
# Set up a fresh machine and run detente on the demo corpus (demo/): events, copies and a dyad chart.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh embeddings
db="${DETENTE_DEMO_DB:-demo.duckdb}"
detente=.venv/bin/detente
"$detente" run demo/corpus --manifest demo/manifest.jsonl --db "$db"
echo; echo "== the first events (detente events) =="
"$detente" events --db "$db" | sed -n "1,5p"  # sed reads to the end: no SIGPIPE under pipefail
echo; echo "== copies (detente copies) =="
"$detente" copies --db "$db" | .venv/bin/python scripts/demo_summary.py copies
echo; echo "== Iran–United States by month (detente dyad IRN USA --by month) =="
"$detente" dyad IRN USA --by month --db "$db" | .venv/bin/python scripts/demo_summary.py dyad
echo; echo "Browse it: $detente serve --db $db   (then open http://127.0.0.1:8000/)"
