"""Train the dyad classifier on the team-written sentences in training/*.tsv.

    .venv/bin/pip install scikit-learn 'detente[embeddings]'
    .venv/bin/python scripts/train_dyad_model.py

Writes two models to src/detente/events/data/: dyad_model.json (multinomial logistic regression over
events.features.dyad_features) and, when the embeddings extra is installed, dyad_model_embeddings.json
(the same features plus the MiniLM embedding of the sentence with its actors written X and Y). Prints
5-fold cross-validated accuracy on the training sentences; the honest figure is scripts/eval_plv.py on
real news the models never saw.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from detente import Detente
from detente.embeddings import load_encoder
from detente.events import code_dyad, load_lexicon
from detente.events.classifier import EMBEDDING_MODEL_FILE, MODEL_FILE
from detente.events.coder import RuleCoder
from detente.events.features import dyad_features, masked_sentence
from detente.events.parse import parse_sentences

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src/detente/events/data"
REGULARISATION = 1.0  # sklearn's C; 0.3-3 gave the same cross-validated accuracy (±0.005)
EMBEDDING_SCALE = 3.0  # weight of the dense block against the sparse one; 1 and 3 tried, 3 better in CV
MIN_WEIGHT = 0.01  # smaller sparse weights are dropped from the shipped file (no accuracy change, 3x smaller)


def load_rows() -> list[dict[str, str]]:
    rows = []
    for path in sorted((ROOT / "training").glob("*.tsv")):
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row.get("sentence") and row.get("plover") and row["source"] in row["sentence"]:
                    rows.append(row)
    return rows


def featurise(rows: list[dict[str, str]]) -> list[dict[str, float]]:
    detente = Detente.open(":memory:")
    coder = RuleCoder(detente._resolver, load_lexicon(), detente.settings.spacy_models)
    docs = parse_sentences(coder.models, [row["sentence"] for row in rows])
    return [
        dyad_features(coder, doc, row["source"], row["target"], code_dyad(coder, doc, row["source"], row["target"]))
        for row, doc in zip(rows, docs, strict=True)
    ]


def train(matrix: Any, labels: list[str]) -> tuple[Any, float]:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_score

    model = LogisticRegression(C=REGULARISATION, max_iter=3000)
    accuracy = float(cross_val_score(model, matrix, labels, cv=5).mean())
    return model.fit(matrix, labels), accuracy


def export(model: Any, names: list[str], rows: int, accuracy: float, dense: int = 0) -> dict[str, Any]:
    sparse_names = names[: len(names) - dense]
    weights: dict[str, dict[str, float]] = {}
    for column, feature in enumerate(sparse_names):
        row = {str(label): round(float(model.coef_[k, column]), 4) for k, label in enumerate(model.classes_)}
        row = {label: weight for label, weight in row.items() if abs(weight) >= MIN_WEIGHT}
        if row:
            weights[feature] = row
    data: dict[str, Any] = {
        "labels": [str(label) for label in model.classes_],
        "intercepts": {
            str(label): round(float(b), 4) for label, b in zip(model.classes_, model.intercept_, strict=True)
        },
        "weights": weights,
        "trained_on": f"{rows} team-written sentences in training/ (5-fold accuracy {accuracy:.3f})",
    }
    if dense:
        data["embedding_weights"] = np.round(model.coef_[:, len(sparse_names) :], 4).tolist()
        data["embedding_scale"] = EMBEDDING_SCALE
    return data


def main() -> None:
    import scipy.sparse
    from sklearn.feature_extraction import DictVectorizer

    rows = load_rows()
    if not rows:
        sys.exit("no training sentences in training/*.tsv")
    labels = [row["plover"] for row in rows]
    vectorizer = DictVectorizer()
    sparse = vectorizer.fit_transform(featurise(rows))
    names = [str(n) for n in vectorizer.get_feature_names_out()]
    model, accuracy = train(sparse, labels)
    print(f"{len(rows)} sentences, {sparse.shape[1]} features; sparse model 5-fold accuracy {accuracy:.3f}")
    (DATA / MODEL_FILE).write_text(json.dumps(export(model, names, len(rows), accuracy), sort_keys=True))
    encoder = load_encoder()
    if encoder is None:
        print("embeddings extra not installed: only the sparse model was written")
        return
    vectors = encoder.encode([masked_sentence(r["sentence"], r["source"], r["target"]) for r in rows])
    combined = scipy.sparse.hstack([sparse, scipy.sparse.csr_matrix(vectors * EMBEDDING_SCALE)]).tocsr()
    model, accuracy = train(combined, labels)
    print(f"sparse + embedding model 5-fold accuracy {accuracy:.3f}")
    dense_names = [f"embedding_{i}" for i in range(vectors.shape[1])]
    data = export(model, names + dense_names, len(rows), accuracy, dense=vectors.shape[1])
    (DATA / EMBEDDING_MODEL_FILE).write_text(json.dumps(data, sort_keys=True))
    print(f"wrote {DATA / MODEL_FILE} and {DATA / EMBEDDING_MODEL_FILE}")


if __name__ == "__main__":
    main()
