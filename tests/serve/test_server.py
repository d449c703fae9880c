"""The real server on 127.0.0.1: JSON API, the page, and answering while a run writes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx

from tests.conftest import DEMO


def test_api_serves_events_dyads_copies_and_articles(served: tuple[str, Path]) -> None:
    base, _ = served
    events = httpx.get(f"{base}/api/events", params={"limit": 5}).json()
    assert events["total"] > 0 and len(events["events"]) <= 5
    one = events["events"][0]
    assert httpx.get(f"{base}/api/events/{one['event_id']}").json()["event_id"] == one["event_id"]
    assert httpx.get(f"{base}/api/events/nope").status_code == 404
    dyad = httpx.get(f"{base}/api/dyad/IRN/USA", params={"by": "month"}).json()
    assert dyad["dyad"] == ["IRN", "USA"] and dyad["series"]
    assert isinstance(httpx.get(f"{base}/api/copies").json(), list)
    articles = httpx.get(f"{base}/api/articles").json()
    assert articles["total"] == len(list((DEMO / "corpus").glob("*.txt")))
    assert httpx.get(f"{base}/api/openapi.json").json()["info"]["title"] == "detente"
    assert httpx.get(f"{base}/api/events", params={"quad_class": 9}).status_code == 422


def test_dashboard_page_and_its_script_are_served_locally(served: tuple[str, Path]) -> None:
    base, _ = served
    page = httpx.get(f"{base}/")
    assert page.status_code == 200 and "detente" in page.text
    assert "http" not in page.text.split("<body>")[1], "no CDN or remote asset"
    script = httpx.get(f"{base}/static/dashboard.js")
    assert script.status_code == 200 and "innerHTML" not in script.text, "data reaches the page as text only"


def test_server_keeps_answering_while_a_run_writes(served: tuple[str, Path], tmp_path: Path) -> None:
    base, db = served
    corpus = tmp_path / "more"
    corpus.mkdir()
    for number in range(40):
        text = f"Report {number}\n\nThe United States imposed sanctions on {number} Iranian firms on Friday. " * 3
        (corpus / f"more_{number}.txt").write_text(text)
    title = "<script>alert(1)</script>"
    (corpus / "hostile.jsonl").write_text(
        json.dumps({"id": "hostile", "title": title, "text": "Iran denied it."}) + "\n"
    )
    command = [sys.executable, "-m", "detente", "run", str(corpus), "--db", str(db)]
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    statuses = []
    while run.poll() is None:
        statuses.append(httpx.get(f"{base}/api/events", params={"limit": 1}, timeout=120).status_code)
    _, errors = run.communicate()
    assert run.returncode == 0, errors.decode()
    assert statuses and set(statuses) == {200}
    hostile = httpx.get(f"{base}/api/articles/hostile").json()
    assert hostile["title"] == title, "stored and served as the text it is"
