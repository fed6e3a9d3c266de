"""Pair score: how likely two event rows from different reports are the same real-world event."""

from __future__ import annotations

import math

from rapidfuzz import fuzz

from sitrep.dedup.records import DedupConfig, DedupRecord

WEIGHTS = {"geo": 0.25, "date": 0.2, "sub": 0.15, "actors": 0.2, "text": 0.2}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def geo_similarity(a: DedupRecord, b: DedupRecord, cfg: DedupConfig) -> float:
    """1 for the same spot, falling to 0 at the distance limit; names decide without coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return 0.8 if a.location and a.location == b.location else 0.0
    limit = cfg.max_km * (2.0 if max(a.geo_precision, b.geo_precision) >= 2 else 1.0)
    km = haversine_km(a.lat, a.lon, b.lat, b.lon)
    return 0.0 if km > limit else 1.0 - 0.5 * km / limit


def actor_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """1 when the actor sets agree, 0.7 when one report names none, 0.5 on partial overlap, else 0."""
    if not a or not b:
        return 0.7
    if a == b:
        return 1.0
    return 0.5 if a & b else 0.0


def text_similarity(a: str, b: str) -> float:
    """Token-set similarity of the notes; neutral 0.5 when either is empty."""
    if not a or not b:
        return 0.5
    return fuzz.token_set_ratio(a, b, processor=str.lower) / 100.0


def pair_score(a: DedupRecord, b: DedupRecord, cfg: DedupConfig) -> float:
    """A score in [0, 1]; 0 for pairs that can never merge (same report, other type, far apart)."""
    if a.doc == b.doc or a.event_type != b.event_type or a.country != b.country:
        return 0.0
    gap = abs(a.day - b.day)
    if gap > cfg.window_days:
        return 0.0
    geo = geo_similarity(a, b, cfg)
    if geo == 0.0:
        return 0.0
    parts = {
        "geo": geo,
        "date": 1.0 if gap == 0 else 0.6,
        "sub": 1.0 if a.sub_event_type == b.sub_event_type else 0.4,
        "actors": actor_similarity(a.actors, b.actors),
        "text": text_similarity(a.notes, b.notes),
    }
    return sum(WEIGHTS[k] * v for k, v in parts.items())
