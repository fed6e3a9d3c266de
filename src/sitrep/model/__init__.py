"""Typed records that flow through sitrep. No I/O; imports nothing else from the package."""

from sitrep.model.records import (
    ActorMention,
    Article,
    Casualty,
    DateMention,
    Event,
    Evidence,
    Place,
    Rejection,
    Toponym,
)

__all__ = [
    "ActorMention",
    "Article",
    "Casualty",
    "DateMention",
    "Event",
    "Evidence",
    "Place",
    "Rejection",
    "Toponym",
]
