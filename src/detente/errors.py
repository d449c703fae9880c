"""detente's one exception hierarchy.

    DetenteError                 base of everything detente raises on purpose
    ├── InputError               an input file or record cannot be read (reported per item; a batch goes on)
    ├── ConfigError              a settings file, flag or environment value is invalid
    ├── ActorDataError           a shipped or user actor file breaks the schema (defined in detente.actors)
    ├── LexiconError             a shipped coder lexicon breaks the schema
    ├── StoreError               the database file cannot be opened or is not a detente store
    └── MissingDependencyError   an optional extra is needed (the message names the pip extra)

Messages name the input and the fix; the CLI prints them as one line and exits non-zero.
"""

from __future__ import annotations


class DetenteError(Exception):
    """Base class of every error detente raises on purpose."""


class InputError(DetenteError):
    """An input (file, line, record) cannot be read."""


class ConfigError(DetenteError):
    """Settings are invalid."""


class LexiconError(DetenteError):
    """A coder lexicon file is invalid."""


class StoreError(DetenteError):
    """The store cannot be opened or used."""


class MissingDependencyError(DetenteError):
    """An optional dependency is missing."""

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(f"{package} is not installed: pip install 'detente[{extra}]'")
        self.package = package
        self.extra = extra
