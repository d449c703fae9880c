from __future__ import annotations

from detente.ingest import split_sentences
from detente.records import Article


def _texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(Article("a", text, "h"))]


def test_abbreviations_before_names_do_not_split() -> None:
    text = "Mr. Trump met Gen. Ismail Qaani's envoy in the U.S. capital. The talks ended."
    assert _texts(text) == ["Mr. Trump met Gen. Ismail Qaani's envoy in the U.S. capital.", "The talks ended."]


def test_bullets_and_paragraphs_split_and_spans_index_the_text() -> None:
    text = "Signs of calm:\n\n■ Iran called off its militias.\n\n■ In April, Iran reached out."
    sentences = split_sentences(Article("a", text, "h"))
    assert [s.text for s in sentences] == [
        "Signs of calm:",
        "Iran called off its militias.",
        "In April, Iran reached out.",
    ]
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text


def test_quotes_close_sentences() -> None:
    assert _texts("“Pressure works,” he said. “We are ready.” Then he left.") == [
        "“Pressure works,” he said.",
        "“We are ready.”",
        "Then he left.",
    ]
