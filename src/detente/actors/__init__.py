"""Actors: who a mention is — country (ISO alpha-3 or a PLOVER non-state code), sector, name, patron.

    resolver = ActorResolver(extra_files=[Path("my_actors.yaml")])
    resolver.resolve("Iran-backed Iraqi militias")   # Actor(country="IRQ", sector="REB", patron="IRN")
    resolver.find_mentions("Iran's foreign minister met Gen. Ismail Qaani.")

The gazetteer is data (``actors/data/*.yaml``, written by the team from public facts) read by
``loader`` and checked by ``schema``; ``gazetteer`` scans text for its surface forms and ``compose``
turns the hits of one noun phrase into an ``Actor``. Bad data raises ``ActorDataError``.
"""

from detente.actors.resolver import ActorMention, ActorResolver
from detente.actors.schema import ActorDataError

__all__ = ["ActorDataError", "ActorMention", "ActorResolver"]
