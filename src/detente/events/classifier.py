"""The dyad classifier: a linear model over ``features.dyad_features`` that picks the PLOVER type of
what the source did to the target (or NONE), learning when to trust the rule coder.

Trained by ``scripts/train_dyad_model.py`` on the team-written sentences in ``training/`` (never on
../shared/eval); the weights ship as ``data/dyad_model.json`` and need nothing but Python to apply.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from detente.errors import LexiconError

NONE_LABEL = "NONE"
MODEL_FILE = "dyad_model.json"
# A generic CAMEO code for each PLOVER type, used when the rule coder's code belongs to another type.
TYPE_CAMEO = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "051", "CONCEDE": "080", "COOPERATE": "060", "AID": "070",
    "RETREAT": "084", "REQUEST": "020", "ACCUSE": "112", "REJECT": "120", "THREATEN": "130", "PROTEST": "141",
    "SANCTION": "160", "MOBILIZE": "150", "COERCE": "170", "ASSAULT": "190",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Prediction:
    label: str
    probability: float


@dataclass(frozen=True, slots=True)
class DyadClassifier:
    labels: tuple[str, ...]
    weights: Mapping[str, Mapping[str, float]]  # feature → label → weight
    intercepts: Mapping[str, float]
    trained_on: str

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> DyadClassifier:
        try:
            labels = tuple(data["labels"])  # type: ignore[arg-type]
            weights = {f: dict(w) for f, w in data["weights"].items()}  # type: ignore[attr-defined]
            intercepts = dict(data["intercepts"])  # type: ignore[call-overload]
        except (KeyError, TypeError, AttributeError) as error:
            raise LexiconError(f"events/data/{MODEL_FILE}: not a dyad model ({error}); retrain it") from error
        return cls(labels, weights, intercepts, str(data.get("trained_on", "")))

    def predict(self, features: Mapping[str, float]) -> Prediction:
        scores = dict(self.intercepts)
        for feature, value in features.items():
            for label, weight in self.weights.get(feature, {}).items():
                scores[label] += weight * value
        top = max(scores.values())
        exp = {label: math.exp(score - top) for label, score in scores.items()}
        total = sum(exp.values())
        best = max(exp, key=lambda label: exp[label])
        return Prediction(best, exp[best] / total)


@lru_cache(maxsize=1)
def load_classifier() -> DyadClassifier | None:
    """The shipped model, or None when this install has none (the rules alone then decide)."""
    path = resources.files("detente.events") / "data" / MODEL_FILE
    if not path.is_file():
        return None
    return DyadClassifier.from_json(json.loads(path.read_text(encoding="utf-8")))
