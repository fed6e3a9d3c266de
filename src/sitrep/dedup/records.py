"""The compact view of an event that dedup compares, and its settings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sitrep.dedup.names import fold, spelled_alike
from sitrep.dedup.quarters import LEAD_CHARS, NO_QUARTERS, quarters_of
from sitrep.model.records import Event


@dataclass(frozen=True, slots=True)
class DedupConfig:
    """Thresholds of the merge decision.

    ``window_days``: event dates further apart never merge (wider for week/month-precise dates);
    ``max_km``: points further apart never merge (doubled when either is only near a place,
    geo_precision 2); ``max_span_days``: a cluster never spans more days than this (stops chaining);
    ``cell_deg``: size of the blocking grid; ``threshold``: the pair score needed to merge;
    ``link_threshold``: the mean pair score two clusters need to join (average link, stops chaining);
    ``notes_chars``: how much of the notes (with title and evidence sentences) the text similarity reads;
    ``report_siblings``: events of one report may share a cluster when they could be one incident told
    twice (see :func:`sitrep.dedup.cluster.report_siblings`) and other reports' events join them.
    """

    window_days: int = 2
    max_km: float = 25.0
    max_span_days: int = 2
    cell_deg: float = 0.5
    threshold: float = 0.55
    notes_chars: int = 800
    link_threshold: float = 0.35
    report_siblings: bool = True


# Event types that reports of one incident may disagree on (an air strike on a town is "Air/drone
# strike" in one report, "Attack" on civilians in another); dedup compares events within a family.
TYPE_FAMILY = {
    "Battles": "violence", "Explosions/Remote violence": "violence", "Violence against civilians": "violence",
    "Protests": "demonstrations", "Riots": "demonstrations", "Strategic developments": "strategic",
}

PlaceKind = str  # "point" | "name" | "region" | "country"


@dataclass(slots=True)
class DedupRecord:
    """What the pair score reads of one event; ``doc`` is the report it came from.

    ``kind`` says how precise the place is: a ``point`` (coordinates of a town or site), a ``name``
    only (no coordinates), a ``region`` (an admin1 area, or a town named like its admin1 such as
    Idlib, which reports often use for the province) or the whole ``country``.
    """

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
    admin1: str = ""
    kind: PlaceKind = "point"
    dated: bool = False  # the report states the day (the date has evidence), not only its own publication
    fatalities: int = 0
    quarters: frozenset[str] = NO_QUARTERS  # parts of the town the report names for it (see sitrep.dedup.quarters)
    town: bool = False  # the report names the town, not a province named like it ("Aleppo city")
    attacker: str = ""  # actor1, lower-cased

    @property
    def family(self) -> str:
        """The type family blocking and the hard type limit use."""
        return TYPE_FAMILY.get(self.event_type, self.event_type)


IMPRECISE_DAYS = {2: 7, 3: 31}  # how far apart a week- or month-precise date may be from another


def day_reach(rec: DedupRecord, cfg: DedupConfig) -> int:
    """How many days away a matching event may be dated: the window, wider for week/month dates."""
    return max(cfg.window_days, IMPRECISE_DAYS.get(rec.time_precision, 0))


def place_kind(event: Event) -> PlaceKind:
    """How precise an event's place is (see :class:`DedupRecord`)."""
    country, admin1, location = fold(event.country or ""), fold(event.admin1 or ""), fold(event.location or "")
    if event.latitude is None or event.longitude is None:
        return "name" if location and location != country else "country" if admin1 == "" else "region"
    if not location or location == country or (event.geo_precision >= 3 and not admin1):
        return "country"
    if event.geo_precision >= 3 or spelled_alike(location, admin1):
        return "region"
    return "point"


_TOWN_AFTER = re.compile(r"\s+city\b", re.IGNORECASE)
_TOWN_BEFORE = re.compile(r"\b(?:city\s+of|(?:districts?|neighbou?rhoods?|quarters?)\s+(?:in|of)\s+(?:the\s+)?"
                          r"(?:[\w-]+\s+){0,3}?)$", re.IGNORECASE)


def says_town(event: Event, text: str) -> bool:
    """The report names the town, not the province it is named after: "Aleppo city", "the city of Aleppo",
    "neighbourhoods of Aleppo" (a bare "Idlib" or "Syria's Idlib" is as often the province)."""
    for ev in event.evidence:
        if ev.field != "location" or text[ev.start : ev.end] != ev.quote:
            continue
        if _TOWN_AFTER.match(text, ev.end) or _TOWN_BEFORE.search(text[max(0, ev.start - 60) : ev.start]):
            return True
    return False


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def context_of(event: Event, text: str, limit: int = 3) -> str:
    """The sentences of the report that hold the event's evidence (at most ``limit``), in text order."""
    if not text or not event.evidence:
        return ""
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    picked: list[tuple[int, int]] = []
    for ev in sorted(event.evidence, key=lambda e: e.start):
        if not 0 <= ev.start < len(text):
            continue
        start = max(b for b in bounds if b <= ev.start)
        end = min((b for b in bounds if b > ev.start), default=len(text))
        if (start, end) not in picked:
            picked.append((start, end))
    return " ".join(text[s:e].strip() for s, e in sorted(picked[:limit]))


def record_of(event: Event, key: str, doc: str, notes_chars: int = 600, text: str = "",
              title: str = "") -> DedupRecord:
    """The dedup view of an event; ``text``/``title`` of its report add the evidence sentences, and the title
    when the event is told in the lead (the title names the report's main incident, not the ones told further
    down), to what the text similarity reads (cut to ``notes_chars``)."""
    try:
        day = date.fromisoformat(event.event_date[:10]).toordinal()
    except ValueError:
        day = 0
    actors = frozenset(a.strip().lower() for a in (event.actor1, event.actor2) if a and a.strip())
    context = context_of(event, text)
    quarters = _quarters(event, text, title, context)
    told_in_lead = any(e.start < LEAD_CHARS for e in event.evidence) or not event.evidence
    words = " ".join(p for p in (title if told_in_lead else "", event.notes or "", context) if p)
    return DedupRecord(
        key=key, doc=doc, day=day, event_type=event.event_type, sub_event_type=event.sub_event_type,
        country=(event.country or "").strip().lower(), actors=actors, attacker=(event.actor1 or "").strip().lower(),
        lat=event.latitude, lon=event.longitude, geo_precision=event.geo_precision or 3,
        location=fold(event.location or ""), notes=words[:notes_chars],
        time_precision=event.time_precision or 1, admin1=fold(event.admin1 or ""), kind=place_kind(event),
        dated=any(e.field == "event_date" for e in event.evidence), fatalities=event.fatalities or 0,
        quarters=quarters, town=(event.geo_precision or 3) <= 2 and says_town(event, text),
    )


def _quarters(event: Event, text: str, title: str, context: str) -> frozenset[str]:
    """The quarters named in the title and the event's sentences, and in the lead when the event is told
    there (the lead names the quarter of a report's main event; later events have their own sentences)."""
    lead = text[:LEAD_CHARS] if any(e.start < LEAD_CHARS for e in event.evidence) else ""
    own = (event.location or "", event.admin1 or "", event.admin2 or "", event.country or "")
    return quarters_of(" . ".join((title, context, lead)), own)
