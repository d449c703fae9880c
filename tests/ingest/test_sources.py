"""Feeds, URL lists fetched from a real HTTP server on 127.0.0.1, and WARC archives."""

from __future__ import annotations

import gzip
import io
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from detente.ingest import Fetcher, read_paths
from detente.records import Article, IngestProblem

BODY = "Iraq's parliament voted on Sunday to ask foreign troops to leave the country. The vote is not binding."
PARAGRAPH = " ".join([BODY] * 6)
PAGE = (
    "<html><head><title>Iraq votes | Gulf Ledger</title><meta property='og:site_name' content='Gulf Ledger'>"
    "<meta name='date' content='2020-01-05'></head><body><nav>Home | World</nav><article><h1>Iraq votes</h1>"
    f"<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article><footer>© 2020</footer></body></html>"
)
RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Gulf Ledger</title><language>en-us</language>
<item><guid>gl-1</guid><title>Iraq votes on troops</title><link>https://example.org/1</link>
<pubDate>Sun, 05 Jan 2020 10:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>{BODY}</p><p>Iran&#39;s foreign minister welcomed it.</p>]]></content:encoded></item>
<item><guid>gl-2</guid><title>Empty</title><link>https://example.org/2</link></item>
</channel></rss>"""
ATOM = f"""<?xml version="1.0" encoding="iso-8859-1"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Tigris Dispatch</title>
<entry><id>td-1</id><title>T\xe9h\xe9ran r\xe9pond</title><updated>2020-01-08T00:00:00Z</updated>
<summary>{BODY} Caf\xe9 owners in Baghdad closed early.</summary></entry></feed>"""
BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
    + "]><rss><channel><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>"
)


def _items(paths: list[Path], **kwargs: object) -> tuple[list[Article], dict[str, str]]:
    items = list(read_paths(paths, **kwargs))  # type: ignore[arg-type]
    return [i for i in items if isinstance(i, Article)], {
        p.origin: p.reason for p in items if isinstance(p, IngestProblem)
    }


def test_rss_and_atom_files_give_one_article_per_entry(tmp_path: Path) -> None:
    (tmp_path / "ledger.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "tigris.atom").write_bytes(ATOM.encode("iso-8859-1"))
    articles, problems = _items([tmp_path])
    by_id = {a.article_id: a for a in articles}
    ledger = by_id["gl-1"]
    assert ledger.outlet == "Gulf Ledger" and ledger.language == "en" and ledger.url == "https://example.org/1"
    assert str(ledger.published) == "2020-01-05"
    assert ledger.text.startswith("Iraq's parliament") and "Iran's foreign minister" in ledger.text
    assert "<p>" not in ledger.text
    assert "Café owners" in by_id["td-1"].text, "the feed's declared encoding is honoured"
    assert list(problems.values()) == ["record has no text (expected a 'text', 'content' or 'body' field)"]


def test_hostile_feeds_are_refused_before_parsing(tmp_path: Path) -> None:
    (tmp_path / "bomb.xml").write_text(BILLION_LAUGHS)
    external = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss>&x;</rss>'
    (tmp_path / "xxe.rss").write_text(external)
    (tmp_path / "junk.xml").write_text("<html><body>not a feed at all</body>")
    (tmp_path / "cut.rss").write_text(RSS[: RSS.index("<guid>gl-2") + 8])
    started = time.monotonic()
    articles, problems = _items([tmp_path])
    assert time.monotonic() - started < 5
    assert "billion-laughs" in problems[str(tmp_path / "bomb.xml")]
    assert "billion-laughs" in problems[str(tmp_path / "xxe.rss")]
    assert "without entries" in problems[str(tmp_path / "junk.xml")]
    assert [a.article_id for a in articles] == ["gl-1"], "a truncated feed still gives its whole entries"


def _warc(records: list[tuple[str, str, bytes]], compress: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    for url, content_type, payload in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers)
        writer.write_record(record)
        record.raw_stream.close()  # warcio spools the payload to a temporary file and leaves it open
    request = writer.create_warc_record("https://example.org/a", "request", payload=io.BytesIO(b"GET"))
    writer.write_record(request)
    request.raw_stream.close()
    return out.getvalue()


def test_warc_response_records_with_html_become_articles(tmp_path: Path) -> None:
    latin_page = PAGE.replace("Iraq votes", "Téhéran répond").replace("charset", "x")
    records = [
        ("https://gulfledger.example/a", "text/html; charset=utf-8", PAGE.encode()),
        ("https://gulfledger.example/logo.png", "image/png", b"\x89PNG\r\n"),
        ("https://tigris.example/b", "text/html; charset=iso-8859-1", latin_page.encode("iso-8859-1")),
        ("https://tigris.example/empty", "text/html", b"<html><body></body></html>"),
    ]
    (tmp_path / "news.warc.gz").write_bytes(_warc(records))
    (tmp_path / "plain.warc").write_bytes(_warc(records[:1], compress=False))
    articles, problems = _items([tmp_path])
    urls = sorted(a.url or "" for a in articles)
    assert urls.count("https://gulfledger.example/a") == 2 and "https://tigris.example/b" in urls
    assert all("foreign troops" in a.text for a in articles)
    assert problems == {
        f"{tmp_path / 'news.warc.gz'}#https://tigris.example/empty": "no article text found in the HTML"
    }


def test_a_truncated_warc_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    whole = _warc(
        [(f"https://example.org/{n}", "text/html", PAGE.replace("Sunday", f"day {n}").encode()) for n in range(4)]
    )
    (tmp_path / "cut.warc.gz").write_bytes(whole[: int(len(whole) * 0.6)])
    (tmp_path / "garbage.warc.gz").write_bytes(gzip.compress(b"this is not a WARC file\n" * 50))
    articles, problems = _items([tmp_path])
    assert 1 <= len(articles) < 4
    assert "truncated WARC: it ends inside record 3" in problems[str(tmp_path / "cut.warc.gz")]
    assert "WARC" in problems[str(tmp_path / "garbage.warc.gz")]


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        routes = {
            "/page": (200, "text/html; charset=utf-8", PAGE.encode()),
            "/feed": (200, "application/rss+xml", RSS.encode()),
            "/bomb": (200, "application/xml", BILLION_LAUGHS.encode()),
            "/missing": (404, "text/html", b"gone"),
            "/image": (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(200)),
            "/empty": (200, "text/html", b""),
        }
        if self.path in routes:
            status, content_type, body = routes[self.path]
            self._send(status, content_type, body)
        elif self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", f"/loop{len(self.path)}")
            self.end_headers()
        elif self.path == "/huge":  # declares nothing, streams more than the cap
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(64):
                self.wfile.write(b"<p>" + b"x" * 16384 + b"</p>")
        elif self.path == "/hang":  # headers, then silence past the client's timeout (bounded)
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.flush()
            time.sleep(3)
        elif self.path == "/trickle":  # a byte every 0.1 s: no read timeout fires, the deadline does
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"<")
                self.wfile.flush()
                time.sleep(0.1)
        else:
            self._send(404, "text/plain", b"no")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_list_fetches_pages_and_feeds_and_reports_every_failure(tmp_path: Path, server: str) -> None:
    names = ["page", "feed", "bomb", "missing", "image", "empty", "loop", "huge", "hang", "trickle"]
    url_list = tmp_path / "sources.urls"
    url_list.write_text("# news\n" + "\n".join(f"{server}/{n}" for n in names) + "\nftp://nope\n\n")
    fetcher = Fetcher(timeout=1.5, max_bytes=256 * 1024, host_interval=0.0)
    started = time.monotonic()
    articles, problems = _items([url_list], fetcher=fetcher)
    assert time.monotonic() - started < 20, "no URL hangs the run"
    assert {a.url for a in articles} == {f"{server}/page", "https://example.org/1"}
    reasons = {origin.rsplit("/", 1)[-1]: reason for origin, reason in problems.items()}
    assert "billion-laughs" in reasons["bomb"]
    assert reasons["missing"] == "HTTP 404"
    assert "not a news page" in reasons["image"]
    assert reasons["empty"] == "empty response"
    assert "redirects" in reasons["loop"]
    assert "larger than 256 KB" in reasons["huge"]
    assert "timed out" in reasons["hang"]
    assert "longer than 1.5 s" in reasons["trickle"]
    assert "not an http(s) URL" in problems[f"{url_list}:12"]


def test_urls_option_and_rate_limit_per_host(tmp_path: Path, server: str) -> None:
    url_list = tmp_path / "list.txt"  # any name when given as a URL list
    url_list.write_text(f"{server}/page\n{server}/feed\n{server}/missing\n")
    fetcher = Fetcher(timeout=5, host_interval=0.3)
    started = time.monotonic()
    articles, _ = _items([], url_lists=[url_list], fetcher=fetcher)
    assert time.monotonic() - started >= 0.6, "three requests to one host wait two intervals"
    assert len(articles) == 2
