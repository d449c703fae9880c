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
from typing import Any

import numpy as np

from detente.errors import LexiconError

NONE_LABEL = "NONE"
MODEL_FILE = "dyad_model.json"
EMBEDDING_MODEL_FILE = "dyad_model_embeddings.json"
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
    weights: Mapping[str, Mapping[str, float]]  # sparse feature → label → weight
    intercepts: Mapping[str, float]
    trained_on: str
    embedding_weights: np.ndarray | None = None  # labels × dimensions, for the embedding of the masked sentence
    embedding_scale: float = 1.0

    @property
    def uses_embeddings(self) -> bool:
        return self.embedding_weights is not None

    @classmethod
    def from_json(cls, data: Mapping[str, Any], source: str) -> DyadClassifier:
        try:
            labels = tuple(data["labels"])
            weights = {f: dict(w) for f, w in data["weights"].items()}
            intercepts = dict(data["intercepts"])
            dense = data.get("embedding_weights")
            embedding = None if dense is None else np.asarray(dense, dtype=np.float32)
        except (KeyError, TypeError, AttributeError, ValueError) as error:
            raise LexiconError(f"{source}: not a dyad model ({error}); retrain it") from error
        scale = float(data.get("embedding_scale", 1.0))
        return cls(labels, weights, intercepts, str(data.get("trained_on", "")), embedding, scale)

    def probabilities(self, features: Mapping[str, float], embedding: np.ndarray | None = None) -> dict[str, float]:
        scores = dict(self.intercepts)
        for feature, value in features.items():
            for label, weight in self.weights.get(feature, {}).items():
                scores[label] += weight * value
        if self.embedding_weights is not None and embedding is not None:
            dense = self.embedding_weights @ (embedding * self.embedding_scale)
            for label, score in zip(self.labels, dense, strict=True):
                scores[label] += float(score)
        top = max(scores.values())
        exp = {label: math.exp(score - top) for label, score in scores.items()}
        total = sum(exp.values())
        return {label: value / total for label, value in exp.items()}

    def predict(self, features: Mapping[str, float], embedding: np.ndarray | None = None) -> Prediction:
        probabilities = self.probabilities(features, embedding)
        best = max(probabilities, key=lambda label: probabilities[label])
        return Prediction(best, probabilities[best])


@lru_cache(maxsize=2)
def load_classifier(with_embeddings: bool = False) -> DyadClassifier | None:
    """The shipped model (the embedding one when asked and present), or None: the rules alone decide."""
    for name in (EMBEDDING_MODEL_FILE, MODEL_FILE) if with_embeddings else (MODEL_FILE,):
        path = resources.files("detente.events") / "data" / name
        if path.is_file():
            return DyadClassifier.from_json(json.loads(path.read_text(encoding="utf-8")), f"events/data/{name}")
    return None
