"""Tokens: writes need ``Settings.api_token``; reads are open unless ``Settings.read_token`` is set.

Both are sent as ``Authorization: Bearer TOKEN``. The write token also opens reads. With no
``api_token`` configured the server is read-only: a write is refused (403), never accepted unchecked.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from detente.settings import Settings

bearer = HTTPBearer(auto_error=False, description="the operator's token (DETENTE_API_TOKEN / DETENTE_READ_TOKEN)")


def _matches(credentials: HTTPAuthorizationCredentials | None, *tokens: str | None) -> bool:
    if credentials is None:
        return False
    given = credentials.credentials.encode()
    return any(token is not None and hmac.compare_digest(given, token.encode()) for token in tokens)


def reader(settings: Settings) -> Callable[[HTTPAuthorizationCredentials | None], None]:
    """A dependency that lets a read through, or answers 401 when reads are closed."""

    def check(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
        if settings.read_token is None:
            return
        if not _matches(credentials, settings.read_token, settings.api_token):
            raise HTTPException(401, "this server needs a read token", headers={"WWW-Authenticate": "Bearer"})

    return check


def writer(settings: Settings) -> Callable[[HTTPAuthorizationCredentials | None], None]:
    """A dependency that lets a write through with the operator's token; 403 when writes are off."""

    def check(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
        if settings.api_token is None:
            raise HTTPException(403, "writes are disabled: the operator sets DETENTE_API_TOKEN to enable them")
        if not _matches(credentials, settings.api_token):
            raise HTTPException(
                401, "writes need the API token as a Bearer header", headers={"WWW-Authenticate": "Bearer"}
            )

    return check


def can_read(settings: Settings, credentials: HTTPAuthorizationCredentials | None) -> bool:
    return settings.read_token is None or _matches(credentials, settings.read_token, settings.api_token)
