"""The REST API in process (no socket): filters, pagination, evidence, tokens, exports, error pages."""

from __future__ import annotations

import csv
import io
import json
import warnings
from pathlib import Path

import duckdb
import pytest

from detente import Detente
from detente.serve import create_app

with warnings.catch_warnings():  # starlette asks for its httpx fork "httpx2"; plain httpx still works
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def _client(db: Path, **settings: str) -> TestClient:
    return TestClient(create_app(Detente.open(db, **settings)))


@pytest.fixture(scope="module")
def client(demo_store: Path) -> TestClient:
    return _client(demo_store)


def test_event_filters_combine_and_paginate(client: TestClient) -> None:
    everything = client.get("/api/events", params={"limit": 500}).json()
    assert everything["total"] == len(everything["events"]) > 20
    page = client.get("/api/events", params={"limit": 7, "offset": 7}).json()
    assert [e["event_id"] for e in page["events"]] == [e["event_id"] for e in everything["events"][7:14]]
    assaults = client.get("/api/events", params={"type": "assault", "country": "IRQ", "limit": 500}).json()
    assert assaults["total"] > 0
    for e in assaults["events"]:
        assert e["plover"]["type"] == "ASSAULT" and "IRQ" in (
            e["source"]["country"],
            (e["target"] or {}).get("country"),
        )
    trump = client.get("/api/events", params={"actor": "trump"}).json()["events"]
    assert trump and all("trump" in json.dumps([e["source"], e["target"]]).lower() for e in trump)
    dyad = client.get(
        "/api/events", params={"dyad": "usa-irn", "quad_class": 4, "date_from": "2020-01", "date_to": "2020-01"}
    )
    for e in dyad.json()["events"]:
        assert e["quad_class"] == 4 and e["date"].startswith("2020-01")
        assert {e["source"]["country"], e["target"]["country"]} == {"IRN", "USA"}
    sourced = client.get("/api/events", params={"min_sources": 2}).json()["events"]
    assert all(e["num_independent_sources"] >= 2 for e in sourced)
    negated = client.get("/api/events", params={"modality": "negated"}).json()["events"]
    assert all(e["modality"] == "negated" for e in negated)
    assert client.get("/api/events", params={"modality": "maybe"}).status_code == 422
    assert client.get("/api/events", params={"date_from": "January"}).status_code == 422


def test_one_event_carries_all_its_evidence_and_names_its_articles(client: TestClient) -> None:
    listed = client.get("/api/events", params={"min_sources": 1, "limit": 500}).json()["events"]
    merged = max(listed, key=lambda e: e["num_articles"])
    event = client.get(f"/api/events/{merged['event_id']}").json()
    assert {ev["article_id"] for ev in event["evidence"]} <= set(event["article_ids"])
    assert set(event["articles"]) == set(event["article_ids"])
    assert all(a["title"] for a in event["articles"].values())


def test_the_events_behind_a_dyad_point_are_that_period_of_that_pair(client: TestClient) -> None:
    series = client.get("/api/dyad/IRN/USA").json()
    point = max(series["series"], key=lambda p: p["events"])
    behind = client.get("/api/dyad/IRN/USA/events", params={"period": point["period"]}).json()["events"]
    assert len(behind) == point["events"]
    assert set(point["top_events"]) <= {e["event_id"] for e in behind}
    assert client.get("/api/dyad/IRN/USA/alerts").json() == series["alerts"]
    assert client.get("/api/dyad/IRN/USA/events", params={"period": "soon"}).status_code == 422


def test_an_article_comes_with_its_events_and_copy_relations(client: TestClient) -> None:
    article = client.get("/api/articles/12_new_sanctions_atlantic").json()
    assert article["events"] and article["copies"][0]["copy"] == "13_new_sanctions_meridian_copy"
    for event in article["events"]:
        for span in event["spans"]:
            assert (
                article["text"][span["start"] : span["end"]]
                == span["sentence"][span["start"] - span["sentence_start"] : span["end"] - span["sentence_start"]]
            )
    copies = client.get("/api/copies", params={"article": "13_new_sanctions_meridian_copy"}).json()
    (flip,) = [p for p in copies[0]["aligned"] if p["change"] == "polarity_flipped"]
    assert "rejected" in flip["original_sentence"] and "accepted" in flip["copy_sentence"]
    assert client.get("/api/articles/none-such").status_code == 404


def test_reads_can_be_closed_and_writes_need_the_operator_token(demo_store: Path) -> None:
    closed = _client(demo_store, read_token="r", api_token="w")
    assert closed.get("/api/events").status_code == 401
    assert closed.get("/api/health").json()["counts"] == {}
    assert closed.get("/api/events", headers={"Authorization": "Bearer r"}).status_code == 200
    assert closed.get("/api/events", headers={"Authorization": "Bearer w"}).status_code == 200
    assert closed.get("/api/events", headers={"Authorization": "Bearer x"}).status_code == 401
    assert closed.get("/api/openapi.json").status_code == 200
    body = {"text": "Iran denied it."}
    assert closed.post("/api/articles", json=body).status_code == 401
    assert closed.post("/api/articles", json=body, headers={"Authorization": "Bearer r"}).status_code == 401
    read_only = _client(demo_store)
    assert read_only.post("/api/articles", json=body, headers={"Authorization": "Bearer w"}).status_code == 403
    assert read_only.post("/api/articles", json=[], headers={"Authorization": "Bearer w"}).status_code == 403


@pytest.mark.parametrize("format", ["csv", "parquet", "jsonl", "plover-json"])
def test_export_endpoint_serves_every_format(client: TestClient, format: str, tmp_path: Path) -> None:
    response = client.get("/api/export", params={"format": format, "dyad": "IRN-USA"})
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    expected = client.get("/api/events", params={"dyad": "IRN-USA", "limit": 500}).json()["total"]
    if format == "csv":
        rows = list(csv.DictReader(io.StringIO(response.text)))
    elif format == "parquet":
        (tmp_path / "e.parquet").write_bytes(response.content)
        rows = duckdb.sql(f"SELECT * FROM '{tmp_path / 'e.parquet'}'").fetchall()
    else:
        rows = [json.loads(line) for line in response.text.splitlines()]
    assert len(rows) == expected > 0
    assert client.get("/api/export", params={"format": "xls"}).status_code == 422


def test_unknown_pages_get_an_escaped_html_error_page(client: TestClient) -> None:
    page = client.get("/nowhere/<script>alert(1)</script>")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "<script>alert" not in page.text and "Page not found" in page.text
    assert client.get("/api/nowhere").json() == {"detail": "Not Found"}
    assert "script-src 'self'" in client.get("/").headers["content-security-policy"]


def test_plotly_is_served_from_the_installed_package(client: TestClient) -> None:
    script = client.get("/vendor/plotly.min.js")
    assert script.status_code == 200 and len(script.content) > 1_000_000


def test_a_missing_store_is_a_clear_503_not_a_crash(tmp_path: Path) -> None:
    empty = _client(tmp_path / "none.duckdb")
    response = empty.get("/api/events")
    assert response.status_code == 503 and "detente run" in response.json()["detail"]
    assert empty.get("/api/health").json()["status"] == "ok"
