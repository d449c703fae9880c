"""Ingest: article files → ``Article`` records (or ``IngestProblem`` for what cannot be read)."""

from detente.ingest.language import detect_language, with_language
from detente.ingest.metadata import Manifest, parse_published
from detente.ingest.readers import content_hash, make_article, read_file, read_paths
from detente.ingest.segment import split_sentences
from detente.ingest.web import Fetcher

__all__ = [
    "Fetcher",
    "Manifest",
    "content_hash",
    "detect_language",
    "make_article",
    "parse_published",
    "read_file",
    "read_paths",
    "split_sentences",
    "with_language",
]
