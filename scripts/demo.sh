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
"$detente" copies --db "$db" | .venv/bin/python -c 'import json,sys; [print(f"{c[\"copy\"]} is a {c[\"relation\"]} of {c[\"original\"]} (credits {c[\"attribution\"]}); changes: " + ", ".join(sorted({a[\"change\"] for a in c["aligned"] if a["change"] != "same"}))) for c in json.load(sys.stdin)]'
echo; echo "== Iran–United States by month (detente dyad IRN USA --by month) =="
"$detente" dyad IRN USA --by month --db "$db" | .venv/bin/python -c 'import json,sys; d=json.load(sys.stdin); [print(f"{p[\"period\"]}  {p[\"temperature\"]:+5.1f}  {\"#\" * p[\"events\"]}") for p in d["series"]]; [print("alert", a["period"], a["direction"], round(a["magnitude"], 1)) for a in d["alerts"]]'
echo; echo "Browse it: $detente serve --db $db   (then open http://127.0.0.1:8000/)"
