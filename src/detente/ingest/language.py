"""Language identification (lingua), so that non-English articles are stored but never mis-coded."""

from __future__ import annotations

import dataclasses
from functools import lru_cache

from detente.records import Article

# The languages news in our users' corpora arrives in; a closed set keeps lingua fast and small.
NEWS_LANGUAGES = (
    "ENGLISH", "ARABIC", "PERSIAN", "FRENCH", "GERMAN", "SPANISH", "RUSSIAN", "UKRAINIAN", "TURKISH",
    "CHINESE", "ITALIAN", "PORTUGUESE", "HEBREW", "URDU", "HINDI", "JAPANESE", "KOREAN", "DUTCH",
    "POLISH", "SWEDISH", "INDONESIAN",
)  # fmt: skip
SAMPLE_CHARS = 1500  # lingua is as sure on the first paragraphs as on a whole article, and 5x faster


@lru_cache(maxsize=1)
def _detector():  # type: ignore[no-untyped-def]
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in NEWS_LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text`` ("en", "fr"), or None when lingua cannot tell."""
    language = _detector().detect_language_of(text[:SAMPLE_CHARS])
    return None if language is None else str(language.iso_code_639_1.name).lower()


def with_language(article: Article) -> Article:
    """The article with its language: the declared one if any, else the detected one."""
    if article.language:
        return article
    return dataclasses.replace(article, language=detect_language(article.text))
