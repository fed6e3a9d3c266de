"""One canonical event from the events of several reports.

Field rules (documented in the README of the store):
- categorical fields (date, sub-event type, actors) take the value most reports give, weighted by the
  extraction confidence; ties go to the earliest date / the most confident report; the date is voted
  among the reports with the most precise date (day before week before month);
- place fields come together from the report with the most precise location (lowest geo_precision);
- fatalities follow ACLED's conservative rule: of the figures reports actually give (non-zero), the
  lowest; ``fatalities_low``/``fatalities_high`` keep UCDP's range over all reports (their own
  low/high when given), and the chosen figure is UCDP's "best";
- evidence: every report's evidence for the value kept, each tagged with its ``source_id``;
- confidence: 1 - prod(1 - c) over the reports (more independent reports, more confidence).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sitrep.model.records import Event
from sitrep.vocab import interaction_code

PLACE_FIELDS = ("country", "iso", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
                "geo_precision")
VOTED_FIELDS = ("event_date", "sub_event_type", "actor1", "actor2")


@dataclass(slots=True)
class Canonical:
    """A merged event, the keys of the events it came from and their sources."""

    key: str
    event: Event
    member_keys: list[str]
    sources: list[str]
    evidence: list[dict[str, Any]] = field(default_factory=list)

    @property
    def number_of_sources(self) -> int:
        return len(set(self.sources))


def _vote(events: Sequence[Event], name: str) -> Any:
    """The value most reports give for a field (non-empty first), weighted by confidence."""
    weights: dict[Any, float] = {}
    for ev in events:
        value = getattr(ev, name)
        if value not in ("", None):
            weights[value] = weights.get(value, 0.0) + 0.5 + (ev.confidence or 0.0)
    if not weights:
        return getattr(events[0], name)
    best = max(weights.values())
    tied = [v for v, w in weights.items() if w == best]
    return min(tied) if name == "event_date" else tied[0]


def _place_source(events: Sequence[Event]) -> Event:
    """The report with the most precise place (coordinates first, then geo_precision, confidence)."""
    return min(events, key=lambda e: (e.latitude is None, e.geo_precision or 3, -(e.confidence or 0.0)))


def conservative_fatalities(events: Sequence[Event]) -> tuple[int, int, int, Event | None]:
    """(best, low, high, the event the best figure came from) by ACLED's conservative rule."""
    reported = [e for e in events if (e.fatalities or 0) > 0]
    if not reported:
        return 0, 0, 0, None
    chosen = min(reported, key=lambda e: (e.fatalities, -(e.confidence or 0.0)))
    low = min(min(e.fatalities_low or e.fatalities, e.fatalities) for e in reported)
    high = max(max(e.fatalities_high or e.fatalities, e.fatalities) for e in reported)
    return chosen.fatalities, low, high, chosen


def _combined_confidence(events: Sequence[Event]) -> float:
    miss = 1.0
    for ev in events:
        miss *= 1.0 - min(max(ev.confidence or 0.0, 0.0), 0.99)
    return round(1.0 - miss, 4)


def _evidence(events: Sequence[Event], merged: Event, sources: Sequence[str]) -> list[dict[str, Any]]:
    """Each report's evidence for the values kept in the merged row."""
    out = []
    for ev, src in zip(events, sources, strict=True):
        for evd in ev.evidence:
            known = hasattr(merged, evd.field)
            if not known or evd.field.startswith("fatalities") or getattr(ev, evd.field) == getattr(
                    merged, evd.field):
                out.append({"source_id": src, "field": evd.field, "quote": evd.quote,
                            "start": evd.start, "end": evd.end})
    return out


def merge_events(events: Sequence[Event], member_keys: Sequence[str], sources: Sequence[str],
                 outlets: Sequence[str] | None = None) -> Canonical:
    """The canonical event of one cluster.

    ``sources``: one report id per event (``number_of_sources`` counts distinct ones); ``outlets``:
    one outlet name per event for ACLED's ``source`` column (default: the report ids).
    """
    place = _place_source(events)
    values: dict[str, Any] = {name: getattr(place, name) for name in PLACE_FIELDS}
    values.update({name: _vote(events, name) for name in VOTED_FIELDS})
    best_tp = min(e.time_precision or 1 for e in events)
    values["event_date"] = _vote([e for e in events if (e.time_precision or 1) == best_tp], "event_date")
    best, low, high, fat_src = conservative_fatalities(events)
    fat = fat_src or events[0]
    values.update(fatalities=best, fatalities_low=low, fatalities_high=high, deaths_a=fat.deaths_a,
                  deaths_b=fat.deaths_b, deaths_civilians=fat.deaths_civilians,
                  deaths_unknown=fat.deaths_unknown)
    for name, actor in (("inter1", "actor1"), ("inter2", "actor2")):
        values[name] = next((getattr(e, name) for e in events if getattr(e, actor) == values[actor]), 0)
    values["interaction"] = interaction_code(values["inter1"], values["inter2"]) if values["inter1"] else 0
    dated = [e for e in events if e.event_date == values["event_date"]]
    values["time_precision"] = min(e.time_precision for e in dated)
    values["civilian_targeting"] = next((e.civilian_targeting for e in events if e.civilian_targeting), "")
    for name in ("assoc_actor_1", "assoc_actor_2"):
        values[name] = "; ".join(dict.fromkeys(a for e in events for a in getattr(e, name).split("; ") if a))
    values["notes"] = max(events, key=lambda e: (e.confidence or 0.0, len(e.notes))).notes
    values["confidence"] = _combined_confidence(events)
    values["source_id"] = "; ".join(dict.fromkeys(o for o in (outlets or sources) if o))
    merged = replace(events[0], **values, evidence=[])
    key = "c:" + min(member_keys)  # stable while its earliest-keyed report stays in it
    return Canonical(key=key, event=merged, member_keys=list(member_keys), sources=list(sources),
                     evidence=_evidence(events, merged, sources))
