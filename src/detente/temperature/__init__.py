"""Temperature: the tension of a dyad over time, and alerts where it turns."""

from detente.temperature.series import ALERT_Z, dyad_series, event_heat

__all__ = ["ALERT_Z", "dyad_series", "event_heat"]
