"""sitrep: news reports on armed conflict to ACLED-style events with evidence, offline.

    >>> import sitrep
    >>> events = sitrep.extract("...", published="2018-04-19")
    >>> events[0].to_dict()["event_type"]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sitrep.model import Event, Toponym

__all__ = ["Event", "extract", "geoparse", "__version__"]


def extract(text: str, published: Any = None, country: str | None = None) -> list[Event]:
    """Code the events a report describes. ``published`` is a date or 'YYYY-MM-DD'."""
    from sitrep.pipeline.api import extract as _extract

    return _extract(text, published=published, country=country)


def geoparse(text: str, country: str | None = None) -> list[Toponym]:
    """Every toponym in ``text`` with the place it resolves to."""
    from sitrep.gazetteer.geoparse import geoparse as _geoparse

    return _geoparse(text, country=country)


def __getattr__(name: str) -> Any:
    if name == "Event":
        from sitrep.model import Event

        return Event
    raise AttributeError(name)
