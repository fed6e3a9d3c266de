"""Pair score: how likely two event rows from different reports are the same real-world event.

Hard limits first (same report, other type or country, dates or places too far apart: 0; a week- or
month-precise date may be up to 7 or 31 days away). Then a weighted sum of evidence in [0, 1]: the
date (same day 1, within the window 0.5, further but allowed by an imprecise date 0.3), the sub-event type,
the place (close coordinates count fully only when both are precise: the same province says
little), the actors (both named and equal 1, one side unnamed 0.3, disjoint 0) and the text
(rare words shared by the notes, see :mod:`sitrep.dedup.text`).
"""

from __future__ import annotations

import math

from sitrep.dedup.records import DedupConfig, DedupRecord, day_reach

WEIGHTS = {"date": 0.15, "sub": 0.15, "geo": 0.2, "actors": 0.15, "text": 0.35}
TEXT_FULL = 0.3  # a weighted word overlap of 0.3 already counts as full text evidence


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def geo_similarity(a: DedupRecord, b: DedupRecord, cfg: DedupConfig) -> float:
    """Evidence from the places; 0 beyond the distance limit (the caller treats 0 as a veto)."""
    coarse = max(a.geo_precision, b.geo_precision)
    cap = 1.0 if coarse <= 1 else 0.6 if coarse == 2 else 0.3
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return cap if a.location and a.location == b.location else 0.0
    limit = cfg.max_km * (1.0 if coarse <= 1 else 2.0)
    km = haversine_km(a.lat, a.lon, b.lat, b.lon)
    if km > limit:
        return 0.0
    return max(0.05, cap * (1.0 - km / limit))


def actor_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """1 when the actor sets agree, 0.6 on partial overlap, 0.3 when a report names none, else 0."""
    if not a or not b:
        return 0.3
    if a == b:
        return 1.0
    return 0.6 if a & b else 0.0


def text_similarity(a: str, b: str) -> float | None:
    """Weighted word overlap of two notes on their own (no corpus statistics); None without text."""
    from sitrep.dedup.text import TextIndex

    return TextIndex([a, b]).similarity(0, 1)


def pair_score(a: DedupRecord, b: DedupRecord, cfg: DedupConfig, text: float | None = -1.0) -> float:
    """A score in [0, 1]; 0 for pairs that can never merge (same report, other type, far apart).

    ``text``: the text similarity when already known (from a TextIndex); -1 computes it for the pair,
    None means no text to compare (neutral evidence 0.3).
    """
    if a.doc == b.doc or a.event_type != b.event_type or a.country != b.country or not a.day or not b.day:
        return 0.0  # undated events (day 0) never merge: nothing says they are the same day
    gap = abs(a.day - b.day)
    if gap > max(day_reach(a, cfg), day_reach(b, cfg)):
        return 0.0
    geo = geo_similarity(a, b, cfg)
    if geo == 0.0:
        return 0.0
    sim = text_similarity(a.notes, b.notes) if text == -1.0 else text
    parts = {
        "date": 1.0 if gap == 0 else 0.5 if gap <= cfg.window_days else 0.3,
        "sub": 1.0 if a.sub_event_type == b.sub_event_type else 0.0,
        "geo": geo,
        "actors": actor_similarity(a.actors, b.actors),
        "text": 0.3 if sim is None else min(1.0, sim / TEXT_FULL),
    }
    return sum(WEIGHTS[k] * v for k, v in parts.items())
