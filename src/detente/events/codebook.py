"""CAMEO codes with Goldstein scores and quad classes, and their PLOVER type, mode and context.

The table (data/cameo.tsv) is built by scripts/build_codebook.py from the CAMEO codebook and the
PLOVER authors' conversion table; see that script for sources and the two root-level decisions.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from detente.errors import LexiconError

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    root: str
    quad_class: int
    goldstein: float
    plover_type: str | None  # None for CAMEO 01 (public statements): PLOVER has no such event
    plover_mode: str | None
    plover_context: tuple[str, ...]
    description: str


@lru_cache(maxsize=1)
def codebook() -> dict[str, CameoCode]:
    path = resources.files("detente.events") / "data" / "cameo.tsv"
    codes: dict[str, CameoCode] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            codes[row["code"]] = CameoCode(
                code=row["code"],
                root=row["root"],
                quad_class=int(row["quad_class"]),
                goldstein=float(row["goldstein"]),
                plover_type=row["plover_type"] or None,
                plover_mode=row["plover_mode"] or None,
                plover_context=tuple(c for c in row["plover_context"].split(";") if c),
                description=row["description"],
            )
    return codes


def lookup(code: str) -> CameoCode:
    try:
        return codebook()[code]
    except KeyError:
        raise LexiconError(f"unknown CAMEO code {code!r}; see src/detente/events/data/cameo.tsv") from None
