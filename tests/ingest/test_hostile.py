"""Bad input of every kind is one clear problem per item, the rest of the batch goes on; fuzzed
parsers never raise."""

from __future__ import annotations

import gzip
import json
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytest import MonkeyPatch

from detente import Detente
from detente.ingest import read_file, read_paths, readers
from detente.ingest.feeds import read_feed
from detente.ingest.readers import MAX_ARTICLE_CHARS, extract_html
from detente.records import Article, IngestProblem

BODY = "Iraq's parliament voted on Sunday to ask foreign troops to leave the country. The vote is not binding."
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _problems(items: list[Article | IngestProblem]) -> dict[str, str]:
    return {p.origin: p.reason for p in items if isinstance(p, IngestProblem)}


def test_a_50_mb_file_is_refused_quickly_as_one_article(tmp_path: Path) -> None:
    big = tmp_path / "dump.txt"
    big.write_bytes(b"Iran and Iraq. " * (50 * 2**20 // 15))
    started = time.monotonic()
    [problem] = list(read_file(big))
    assert isinstance(problem, IngestProblem) and "more than one article can be" in problem.reason
    assert time.monotonic() - started < 10
    assert big.stat().st_size > MAX_ARTICLE_CHARS


def test_mixed_encodings_in_jsonl_keep_the_good_lines(tmp_path: Path) -> None:
    good = json.dumps({"id": "ok", "text": BODY}).encode()
    latin = json.dumps({"id": "bad", "text": "x"}).encode().replace(b"x", "Téhéran".encode("latin-1"))
    (tmp_path / "mixed.jsonl").write_bytes(good + b"\n" + latin + b"\n")
    items = list(read_paths([tmp_path]))
    assert [a.article_id for a in items if isinstance(a, Article)] == ["ok"]
    assert "line is not valid UTF-8" in _problems(items)[f"{tmp_path / 'mixed.jsonl'}:2"]


def test_truncated_inputs_give_what_is_whole_and_name_the_rest(tmp_path: Path) -> None:
    page = f"<html><head><title>Vote</title></head><body><article><p>{BODY * 5}</p><p>{BODY}"
    (tmp_path / "cut.html").write_text(page[:-30])
    (tmp_path / "cut.jsonl").write_text(json.dumps({"id": "j1", "text": BODY}) + '\n{"id": "j2", "text": "Ira')
    (tmp_path / "cut.csv").write_text(f'id,text\nc1,"{BODY}"\nc2,"{BODY[:20]}')
    (tmp_path / "cut.jsonl.gz").write_bytes(gzip.compress(b'{"id": "g1", "text": "x"}\n' * 50)[:40])
    (tmp_path / "deep.json").write_text("[" * 5_000)  # deeper than the recursion limit
    items = list(read_paths([tmp_path]))
    ids = {a.article_id for a in items if isinstance(a, Article)}
    assert {"cut", "j1", "c1"} <= ids
    problems = _problems(items)
    assert "broken JSON line" in problems[f"{tmp_path / 'cut.jsonl'}:2"]
    assert "cannot read file" in problems[str(tmp_path / "cut.jsonl.gz")]
    assert "broken JSON" in problems[str(tmp_path / "deep.json")]


def test_json_lines_of_any_size_stream_and_an_overlong_line_is_named(tmp_path: Path, monkeypatch: MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 4096)  # as if the file were gigabytes
    lines = [json.dumps({"id": f"r{n}", "text": f"{BODY} Number {n}."}) for n in range(100)]
    lines[50] = json.dumps({"id": "huge", "text": BODY * 60})
    payload = ("\n".join(lines) + "\n").encode()
    (tmp_path / "day.jsonl").write_bytes(payload)
    (tmp_path / "day2.jsonl.gz").write_bytes(gzip.compress(payload.replace(b'"r', b'"g')))
    items = list(read_paths([tmp_path]))
    ids = {a.article_id for a in items if isinstance(a, Article)}
    assert len(ids) == 198 and "huge" not in ids and {"r0", "r99", "g0", "g99"} <= ids
    problems = _problems(items)
    assert "longer than" in problems[f"{tmp_path / 'day.jsonl'}:51"]
    assert "longer than" in problems[f"{tmp_path / 'day2.jsonl.gz'}:51"]


def test_a_run_over_bad_files_reports_each_in_the_report_and_the_store(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text(f"Vote\n\n{BODY}")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (corpus / "empty.html").write_bytes(b"")
    (corpus / "bomb.rss").write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><rss>&a;</rss>')
    (corpus / "cut.warc.gz").write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n")[:-6])
    detente = Detente.open(tmp_path / "s.duckdb")
    report = detente.run([corpus])
    assert report.articles_new == 1
    reported = {Path(p.origin).name: p.reason for p in report.problems}
    assert set(reported) == {"binary.txt", "empty.html", "bomb.rss", "cut.warc.gz"}
    assert {Path(p.origin).name for p in detente.problems()} == set(reported)


@FUZZ
@given(st.binary(max_size=600))
def test_fuzzed_feed_bytes_never_raise(data: bytes) -> None:
    for item in read_feed(data, "fuzz"):
        assert isinstance(item, Article | IngestProblem)


XML_PIECES = st.sampled_from(
    ["<rss>", "</rss>", "<channel>", "<item>", "</item>", "<title>", "</title>", "<description>", "&amp;", "&lol;",
     "<![CDATA[", "]]>", "<entry>", "<feed xmlns='http://www.w3.org/2005/Atom'>", "<?xml version='1.0'?>", "\x00",
     "<content:encoded>", "Iran fired missiles.", "<p>", "<!--", "-->", "é", "<pubDate>Mon, 99 Jan</pubDate>"]
)  # fmt: skip


@FUZZ
@given(st.lists(XML_PIECES, max_size=30))
def test_fuzzed_feed_shapes_never_raise(pieces: list[str]) -> None:
    for item in read_feed("".join(pieces).encode("utf-8", "surrogatepass"), "fuzz"):
        assert isinstance(item, Article | IngestProblem)


@FUZZ
@given(st.text(max_size=400))
def test_fuzzed_html_never_raises(markup: str) -> None:
    assert isinstance(extract_html(markup, "fuzz"), Article | IngestProblem)


@FUZZ
@given(st.binary(max_size=400), st.sampled_from(["x.warc.gz", "x.warc", "x.jsonl", "x.csv", "x.rss", "x.jsonl.gz"]))
def test_fuzzed_files_of_every_type_never_raise(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        for item in read_file(path):
            assert isinstance(item, Article | IngestProblem)
