"""Timeline: when and where an event happened (its own date and place, not the article's)."""

from detente.timeline.dates import TimeExpression, event_date, find_time_expressions, infer_tense
from detente.timeline.places import find_location

__all__ = ["TimeExpression", "event_date", "find_location", "find_time_expressions", "infer_tense"]
