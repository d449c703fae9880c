"""Article metadata: the ``--manifest`` sidecar and publication dates."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from detente.errors import InputError

MANIFEST_FIELDS = ("outlet", "title", "published", "language", "url", "id")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
EARLIEST_NEWS_YEAR = 1800  # dates before this (e.g. "0001-11-30" placeholders) are treated as unknown


@dataclass(frozen=True, slots=True)
class Manifest:
    """Metadata for plain files, keyed by file name (or path relative to the manifest)."""

    path: Path
    entries: Mapping[str, Mapping[str, Any]]

    @classmethod
    def load(cls, path: Path) -> Manifest:
        entries: dict[str, Mapping[str, Any]] = {}
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(f"manifest {path}: cannot read it ({error})") from error
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"manifest {path}:{number}: broken JSON ({error.msg}); fix the line") from error
            if not isinstance(record, dict) or not isinstance(record.get("file"), str):
                raise InputError(f'manifest {path}:{number}: each line needs a "file" name')
            entries[record["file"]] = {k: record[k] for k in MANIFEST_FIELDS if k in record}
        return cls(path, entries)

    def is_manifest(self, file: Path) -> bool:
        return file.resolve() == self.path.resolve()

    def metadata_for(self, file: Path) -> Mapping[str, Any]:
        for key in (file.name, str(file)):
            if key in self.entries:
                return self.entries[key]
        try:
            relative = str(file.resolve().relative_to(self.path.resolve().parent))
        except ValueError:
            return {}
        return self.entries.get(relative, {})


def parse_published(value: Any) -> dt.date | None:
    """A publication date from an ISO string, a datetime or common formats; None when unknown."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    match = _ISO_DATE.match(text)
    parsed: dt.date | None = None
    if match:
        try:
            parsed = dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            parsed = None
    else:
        from dateutil import parser as dateutil_parser

        try:
            parsed = dateutil_parser.parse(text, default=dt.datetime(1, 1, 1)).date()
        except (ValueError, OverflowError):
            parsed = None
    if parsed is None or parsed.year < EARLIEST_NEWS_YEAR:
        return None
    return parsed
