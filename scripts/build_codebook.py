"""Build detente's shipped CAMEO/PLOVER codebook tables from the reference codebooks.

    python scripts/build_codebook.py ../shared/reference

Writes src/detente/events/data/cameo.tsv: code, root, quad_class, goldstein, plover_type, plover_mode,
plover_context, description. Sources: the CAMEO codebook (Gerner, Schrodt et al.; codes, quad classes
and Goldstein scores) and the PLOVER authors' CAMEO→PLOVER conversion table (Schrodt 2021, CC BY-SA 4.0).
CAMEO 01 (public statements) has no PLOVER type; CAMEO 02 (appeals) is PLOVER REQUEST, as the PLOVER
codebook's REQUEST definition ("appeal, ask, demand") says.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/detente/events/data/cameo.tsv"
ROOT_FALLBACK = {"01": ("", "", ""), "02": ("REQUEST", "", "")}


def main(reference: Path) -> None:
    plover: dict[str, tuple[str, str, str]] = {}
    for line in (reference / "cameo_to_plover_2021.txt").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*)(?:,([^#]*))?)?", line)
        if match:
            code, kind, mode, context = match.groups()
            contexts = ";".join(c.strip() for c in (context or "").split(";") if c.strip())
            plover.setdefault(code, (kind, (mode or "").strip(), contexts))
    rows = []
    with (reference / "cameo_codes.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            code = row["code"]
            kind, mode, context = _plover_for(code, plover)
            rows.append(
                [code, row["root"], row["quad_class"], row["goldstein"], kind, mode, context, row["description"]]
            )
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(
            ["code", "root", "quad_class", "goldstein", "plover_type", "plover_mode", "plover_context", "description"]
        )
        writer.writerows(rows)
    print(f"wrote {len(rows)} codes to {OUT}")


def _plover_for(code: str, plover: dict[str, tuple[str, str, str]]) -> tuple[str, str, str]:
    for prefix in (code, code[:3], code[:2]):
        if prefix in plover:
            return plover[prefix]
    return ROOT_FALLBACK.get(code[:2], ("", "", ""))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference"))
