"""Small records for store and dedup tests."""

from __future__ import annotations

from typing import Any

from sitrep.model.records import Article, Event, Evidence


def make_article(id: str, text: str, outlet: str = "Example Times") -> Article:
    return Article(id=id, text=text, outlet=outlet)


def make_event(date: str = "2024-03-01", sub: str = "Shelling/artillery/missile attack",
               etype: str = "Explosions/Remote violence", location: str = "Ariha", lat: float | None = 35.81,
               lon: float | None = 36.61, fatalities: int = 0, actor1: str = "Military Forces of Syria (2000-2024)",
               actor2: str = "Civilians (Syria)", notes: str = "Shelling of the market in Ariha", **kw: Any) -> Event:
    ev = Event(event_date=date, event_type=etype, sub_event_type=sub, actor1=actor1, actor2=actor2,
               country="Syria", location=location, latitude=lat, longitude=lon, geo_precision=1,
               fatalities=fatalities, notes=notes, confidence=0.6, **kw)
    ev.evidence.append(Evidence(field="location", quote=location, start=0, end=len(location)))
    return ev
