"""Ingest: every supported format, the manifest, and bad input reported and skipped."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from detente.ingest import Manifest, content_hash, read_file, read_paths, split_sentences, with_language
from detente.records import Article, IngestProblem

BODY = "Iraq's parliament voted on Sunday to ask foreign troops to leave the country. The vote is not binding."


def _articles(items: list[Article | IngestProblem]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def test_plain_text_first_line_is_the_title_and_the_file_name_the_id(tmp_path: Path) -> None:
    path = tmp_path / "007_vote.txt"
    path.write_text(f"Iraq votes on troops\n\n{BODY}\n", encoding="utf-8")
    [article] = _articles(list(read_file(path)))
    assert article.article_id == "007_vote"
    assert article.title == "Iraq votes on troops"
    assert article.text == BODY


def test_manifest_gives_metadata_to_plain_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Title\n\n{BODY}", encoding="utf-8")
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text(json.dumps({"file": "a.txt", "outlet": "Gulf Ledger", "published": "2020-01-05"}) + "\n")
    items = list(read_paths([tmp_path], Manifest.load(manifest)))
    [article] = _articles(items)
    assert article.outlet == "Gulf Ledger"
    assert article.published is not None and article.published.isoformat() == "2020-01-05"
    assert not [i for i in items if isinstance(i, IngestProblem)], "the manifest itself is not an article"


def test_jsonl_and_csv_with_aliases_and_gzip(tmp_path: Path) -> None:
    record = {"content": BODY, "date": "2020-01-05T10:00:00Z", "source": "Tigris Dispatch", "headline": "Vote"}
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress((json.dumps(record) + "\n").encode()))
    (tmp_path / "b.csv").write_text(f'id,body,publish_date,site\nx1,"{BODY} Again.",2020-01-06,Meridian Wire\n')
    articles = {a.outlet: a for a in _articles(list(read_paths([tmp_path])))}
    assert articles["Tigris Dispatch"].title == "Vote"
    assert articles["Tigris Dispatch"].article_id.startswith("h"), "no id → a content hash"
    assert articles["Meridian Wire"].article_id == "x1"
    assert str(articles["Meridian Wire"].published) == "2020-01-06"


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    paragraph = " ".join([BODY] * 6)
    html = (
        "<html><head><title>Iraq votes | Gulf Ledger</title><meta property='og:site_name' content='Gulf Ledger'>"
        "<meta name='date' content='2020-01-05'></head><body><nav>Home | World</nav><article><h1>Iraq votes</h1>"
        f"<p>{paragraph}</p><p>{paragraph}</p></article><footer>© 2020</footer></body></html>"
    )
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    [article] = _articles(list(read_paths([tmp_path])))
    assert "foreign troops" in article.text
    assert "Home | World" not in article.text
    assert article.article_id == "page"


def test_binary_empty_and_broken_utf8_are_reported_and_the_rest_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(f"Title\n\n{BODY}", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin1.txt").write_bytes("Téhéran a répondu à Washington.".encode("latin-1"))
    (tmp_path / "broken.jsonl").write_text('{"text": "fine one line here"}\n{"text": broken\n')
    items = list(read_paths([tmp_path]))
    problems = {Path(p.origin.split(":")[0]).name: p.reason for p in items if isinstance(p, IngestProblem)}
    assert "binary" in problems["image.txt"]
    assert problems["empty.txt"] == "empty file"
    assert "UTF-8" in problems["latin1.txt"]
    assert "broken JSON" in problems["broken.jsonl"]
    assert {a.article_id for a in _articles(items)} >= {"good"}


def test_content_hash_ignores_spacing_and_case() -> None:
    assert content_hash("Iran  fired\nmissiles.") == content_hash("iran fired missiles.")


def test_language_is_detected_when_not_declared() -> None:
    french = Article("f", "Les États-Unis ont imposé vendredi de nouvelles sanctions contre l'Iran.", "h")
    assert with_language(french).language == "fr"
    assert not with_language(french).codable


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_articles_or_problems_never_a_crash(tmp_path_factory: object, data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.txt"
        path.write_bytes(data)
        for item in read_file(path):
            assert isinstance(item, Article | IngestProblem)
            if isinstance(item, Article):
                for sentence in split_sentences(item):
                    assert item.text[sentence.start : sentence.end] == sentence.text
