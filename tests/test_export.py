"""Exports: the Python API and ``detente export`` write CSV, Parquet, JSONL and PLOVER JSON."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from detente import Detente, EventFilter
from detente.errors import InputError
from detente.export import TABLE_COLUMNS, plover_score


def test_csv_has_gdelt_like_columns_one_row_per_event(demo: Detente, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    count = demo.export("csv", out)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert count == len(rows) == len(demo.events())
    assert tuple(rows[0]) == TABLE_COLUMNS
    for row in rows:
        assert row["EventRootCode"] == row["EventCode"][:2] and 1 <= int(row["QuadClass"]) <= 4
        assert row["Actor1Code"].startswith(row["Actor1CountryCode"])
        assert int(row["NumIndependentSources"]) <= int(row["NumArticles"])
        assert row["SQLDATE"] == "" or (len(row["SQLDATE"]) == 8 and row["DatePrecision"] == "day")
    sanctions = [r for r in rows if "12_new_sanctions_atlantic" in r["ArticleIds"]]
    assert sanctions and all(r["FirstReported"] == "2020-01-11" for r in sanctions if r["ArticleIds"].startswith("12"))


def test_parquet_is_the_same_table(demo: Detente, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    demo.export("parquet", out)
    relation = duckdb.sql(f"SELECT * FROM '{out}'")
    assert tuple(relation.columns) == TABLE_COLUMNS
    assert len(relation.fetchall()) == len(demo.events())


def test_jsonl_is_the_contract_event_and_filters_apply(demo: Detente) -> None:
    buffer = io.BytesIO()
    filters = EventFilter(dyad=("IRN", "USA"))
    count = demo.export("jsonl", buffer, filters)
    lines = [json.loads(line) for line in buffer.getvalue().decode().splitlines()]
    assert count == len(lines) == len(demo.events(filters)) > 0
    assert lines[0] == demo.events(filters)[0].to_json()


def test_plover_json_follows_the_codebook_record(demo: Detente) -> None:
    buffer = io.BytesIO()
    demo.export("plover-json", buffer)
    records = [json.loads(line) for line in buffer.getvalue().decode().splitlines()]
    for record in records:
        assert {"id", "date", "actor", "event"} <= set(record), "the codebook's required fields"
        assert len(record["date"]) == 10 and record["event"][0].isupper()
        assert record["actor"][0]["entity_text"] and 1 <= record["quad_code"] <= 4
        if record["date_precision"] == "month":
            assert record["enddate"][:7] == record["date"][:7] and record["date"].endswith("-01")
    assert any(r["event_scale"] is not None for r in records)


def test_plover_scores_come_from_the_codebook_table() -> None:
    assert plover_score("ASSAULT", None) == -9
    assert plover_score("ASSAULT", "aerial") == -9.5
    assert plover_score("AID", "no-such-mode") == 10
    assert plover_score("ACCUSE", None) == -3  # printed as 3 in the manual: a sign typo (see the TSV)


def test_an_unknown_format_is_refused(demo: Detente, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="csv, parquet, jsonl, plover-json"):
        demo.export("xls", tmp_path / "x")


def test_the_cli_writes_a_file_or_stdout(demo_store: Path, tmp_path: Path) -> None:
    command = [sys.executable, "-m", "detente", "export", "--db", str(demo_store)]
    out = tmp_path / "events.parquet"
    done = subprocess.run([*command, "--format", "parquet", "--output", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert duckdb.sql(f"SELECT count(*) FROM '{out}'").fetchall()[0][0] > 0
    printed = subprocess.run([*command, "--format", "plover-json"], capture_output=True, text=True)
    assert printed.returncode == 0 and json.loads(printed.stdout.splitlines()[0])["actor"]
    refused = subprocess.run([*command, "--format", "xml"], capture_output=True, text=True)
    assert refused.returncode != 0 and "unknown export format" in refused.stderr
