"""The compact view of an event that dedup compares, and its settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sitrep.model.records import Event


@dataclass(frozen=True, slots=True)
class DedupConfig:
    """Thresholds of the merge decision.

    ``window_days``: dates further apart never merge; ``max_km``: places further apart never merge
    (doubled when either place is only known to region precision, geo_precision >= 2);
    ``max_span_days``: a cluster never spans more days than this (stops chaining);
    ``cell_deg``: size of the blocking grid; ``threshold``: the pair score needed to merge;
    ``notes_chars``: how much of the notes the text similarity reads.
    """

    window_days: int = 1
    max_km: float = 25.0
    max_span_days: int = 2
    cell_deg: float = 0.5
    threshold: float = 0.55
    notes_chars: int = 800


@dataclass(slots=True)
class DedupRecord:
    """What the pair score reads of one event; ``doc`` is the report it came from."""

    key: str
    doc: str
    day: int  # date.toordinal()
    event_type: str
    sub_event_type: str
    country: str
    actors: frozenset[str]
    lat: float | None
    lon: float | None
    geo_precision: int
    location: str
    notes: str
    time_precision: int = 1  # ACLED: 1 the day, 2 the week, 3 the month


IMPRECISE_DAYS = {2: 7, 3: 31}  # how far apart a week- or month-precise date may be from another


def day_reach(rec: DedupRecord, cfg: DedupConfig) -> int:
    """How many days away a matching event may be dated: the window, wider for week/month dates."""
    return max(cfg.window_days, IMPRECISE_DAYS.get(rec.time_precision, 0))


def record_of(event: Event, key: str, doc: str, notes_chars: int = 600) -> DedupRecord:
    """The dedup view of an event (notes cut to ``notes_chars`` for the text similarity)."""
    try:
        day = date.fromisoformat(event.event_date[:10]).toordinal()
    except ValueError:
        day = 0
    actors = frozenset(a.strip().lower() for a in (event.actor1, event.actor2) if a and a.strip())
    return DedupRecord(
        key=key, doc=doc, day=day, event_type=event.event_type, sub_event_type=event.sub_event_type,
        country=(event.country or "").strip().lower(), actors=actors, lat=event.latitude,
        lon=event.longitude, geo_precision=event.geo_precision or 3,
        location=(event.location or "").strip().lower(), notes=(event.notes or "")[:notes_chars],
        time_precision=event.time_precision or 1,
    )
