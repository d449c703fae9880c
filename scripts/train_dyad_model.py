"""Train the dyad classifier on the team-written sentences in training/*.tsv.

    .venv/bin/pip install scikit-learn && .venv/bin/python scripts/train_dyad_model.py

Writes src/detente/events/data/dyad_model.json (weights of a multinomial logistic regression over
events.features.dyad_features). Prints 5-fold cross-validated accuracy on the training sentences; the
honest figure is scripts/eval_plv.py on real news the model never saw.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from detente import Detente
from detente.events import code_dyad, load_lexicon
from detente.events.coder import RuleCoder
from detente.events.features import dyad_features
from detente.events.parse import parse_sentences

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/detente/events/data/dyad_model.json"
REGULARISATION = 1.0  # sklearn's C; cross-validated on the training sentences (see the printout)
MIN_WEIGHT = 0.01  # smaller weights are dropped from the shipped file (no accuracy change, 3x smaller)


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


def main() -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_score

    rows = load_rows()
    if not rows:
        sys.exit("no training sentences in training/*.tsv")
    labels = [row["plover"] for row in rows]
    features = featurise(rows)
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(features)
    model = LogisticRegression(C=REGULARISATION, max_iter=2000)
    scores = cross_val_score(model, matrix, labels, cv=5)
    print(
        f"{len(rows)} sentences, {matrix.shape[1]} features; 5-fold accuracy {scores.mean():.3f} ± {scores.std():.3f}"
    )
    model.fit(matrix, labels)
    weights: dict[str, dict[str, float]] = {}
    for column, feature in enumerate(vectorizer.get_feature_names_out()):
        row = {str(label): round(float(model.coef_[k, column]), 4) for k, label in enumerate(model.classes_)}
        row = {label: weight for label, weight in row.items() if abs(weight) >= MIN_WEIGHT}
        if row:
            weights[str(feature)] = row
    data = {
        "labels": [str(label) for label in model.classes_],
        "intercepts": {
            str(label): round(float(b), 4) for label, b in zip(model.classes_, model.intercept_, strict=True)
        },
        "weights": weights,
        "trained_on": f"{len(rows)} team-written sentences in training/ (cv accuracy {scores.mean():.3f})",
    }
    OUT.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
