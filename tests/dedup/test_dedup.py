"""Dedup: pair score, blocking, clustering constraints, merged fields."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Any

import pytest
from tests.store.factories import make_event

from sitrep.dedup import (
    DedupConfig,
    DedupRecord,
    candidate_pairs,
    cluster,
    conservative_fatalities,
    deduplicate,
    haversine_km,
    merge_events,
    pair_score,
    record_of,
)
from sitrep.model.records import Evidence

CFG = DedupConfig()


def rec(doc: str, geo_precision: int = 1, **kw: Any) -> DedupRecord:
    return record_of(replace(make_event(**kw), geo_precision=geo_precision), key=f"{doc}-k", doc=doc)


@pytest.mark.parametrize(("b_kwargs", "same"), [
    ({}, True),  # same everything
    ({"date": "2024-03-02"}, True),  # next day
    ({"lat": 35.83, "lon": 36.63}, True),  # 3 km away
    ({"actor1": "", "actor2": ""}, True),  # second report names no actors
    ({"date": "2024-03-03"}, True),  # two days later, same town and wording
    ({"date": "2024-03-04"}, False),  # outside the date window
    ({"lat": 36.2, "lon": 37.15, "location": "Aleppo"}, False),  # 60 km away
    ({"etype": "Battles", "sub": "Armed clash"}, True),  # another type of the same family, all else equal
    ({"etype": "Protests", "sub": "Peaceful protest"}, False),  # another type family
    ({"lat": 35.0, "lon": 38.0, "location": "Syria", "geo_precision": 3}, True),  # only known country-wide
    ({"lat": 35.93, "lon": 36.63, "location": "Idleb", "admin1": "Idleb", "geo_precision": 3}, True),  # province
    ({"actor1": "IS (Islamic State)", "actor2": "Military Forces of Turkey (2002-)",
      "notes": "Clashes erupted between the two sides", "sub": "Air/drone strike"}, False),
])
def test_pair_decision(b_kwargs: dict, same: bool) -> None:
    a, b = rec("r1", admin1="Idleb"), rec("r2", **{"admin1": "Idleb", **b_kwargs})
    assert (pair_score(a, b, CFG) >= CFG.threshold) is same


def test_same_report_never_merges() -> None:
    assert pair_score(rec("r1"), rec("r1"), CFG) == 0.0


def test_haversine_known_distance() -> None:
    assert haversine_km(33.51, 36.29, 36.20, 37.15) == pytest.approx(308, abs=5)  # Damascus-Aleppo


def test_blocking_finds_neighbours_across_cell_and_day_edges() -> None:
    a = rec("r1", lat=35.999, lon=36.999)
    b = rec("r2", lat=36.001, lon=37.001, date="2024-03-02")
    far = rec("r3", lat=20.0, lon=10.0)
    assert list(candidate_pairs([a, b, far], CFG)) == [(0, 1)]


def test_chain_stops_at_max_span() -> None:
    recs = [rec(f"r{i}", date=f"2024-03-0{i + 1}") for i in range(5)]
    groups = cluster(recs, CFG)
    assert max(len(g) for g in groups) <= CFG.max_span_days + 1


def test_cluster_keeps_two_events_of_one_report_apart() -> None:
    a = rec("r1", lat=35.81, lon=36.61)
    a2 = record_of(make_event(lat=35.82, lon=36.62), key="r1-k2", doc="r1")
    b = rec("r2", lat=35.815, lon=36.615)
    groups = cluster([a, a2, b], CFG)
    assert all(len({[a, a2, b][i].doc for i in g}) == len(g) for g in groups)


def test_corrections_override_the_score() -> None:
    a, b = rec("r1"), rec("r2")
    far = rec("r3", lat=36.2, lon=37.15)
    assert len(cluster([a, b], CFG, cannot=[("r1-k", "r2-k")])) == 2
    assert len(cluster([a, far], CFG, must=[("r1-k", "r3-k")])) == 1


def test_dedup_is_idempotent_and_order_free() -> None:
    rng = random.Random(7)
    events = [make_event(date=f"2024-03-{d:02d}", lat=35.8 + 0.3 * p, lon=36.6 + 0.3 * p)
              for d in (1, 4, 7, 10, 13) for p in range(3) for _ in range(3)]
    keys = [f"k{i:03d}" for i in range(len(events))]
    docs = [f"doc{i}" for i in range(len(events))]
    first = {frozenset(c.member_keys) for c in deduplicate(events, keys, docs)}
    order = list(range(len(events)))
    rng.shuffle(order)
    again = {frozenset(c.member_keys) for c in deduplicate([events[i] for i in order], [keys[i] for i in order],
                                                           [docs[i] for i in order])}
    assert first == again
    assert len(first) == 15


@pytest.mark.parametrize(("figures", "best", "low", "high"), [
    ([0, 0], 0, 0, 0),
    ([12, 0, 9], 9, 9, 12),  # a report that gives no figure is not a report of zero
    ([5, 7, 30], 5, 5, 30),
])
def test_conservative_fatalities(figures: list[int], best: int, low: int, high: int) -> None:
    events = [make_event(fatalities=f) for f in figures]
    assert conservative_fatalities(events)[:3] == (best, low, high)


def test_merge_keeps_sources_and_evidence() -> None:
    a = make_event(fatalities=10, lat=None, lon=None, notes="short")
    b = make_event(fatalities=7, date="2024-03-02")
    c = make_event(fatalities=8, date="2024-03-02")
    b.evidence.append(Evidence(field="fatalities", quote="seven killed", start=10, end=22))
    can = merge_events([a, b, c], ["k1", "k2", "k3"], ["d1", "d2", "d3"], ["Outlet A", "Outlet B", "Outlet B"])
    assert can.key == "c:k1" and can.number_of_sources == 3
    assert can.event.event_date == "2024-03-02"  # two of three reports
    assert can.event.latitude == pytest.approx(35.81)  # the report with coordinates
    assert (can.event.fatalities, can.event.fatalities_low, can.event.fatalities_high) == (7, 7, 10)
    assert can.event.source_id == "Outlet A; Outlet B"
    assert {"source_id": "d2", "field": "fatalities", "quote": "seven killed", "start": 10, "end": 22} in can.evidence
    assert {e["source_id"] for e in can.evidence if e["field"] == "location"} == {"d1", "d2", "d3"}
    assert 0.9 < can.event.confidence < 1.0


@pytest.mark.parametrize("precise_first", [True, False])
@pytest.mark.parametrize(("precision", "gap", "same"), [(1, 5, False), (2, 5, True), (2, 9, False), (3, 20, True)])
def test_week_and_month_dates_reach_further(precise_first: bool, precision: int, gap: int, same: bool) -> None:
    exact = make_event(date=f"2024-03-{1 + gap:02d}")
    vague = make_event(date="2024-03-01", time_precision=precision)
    events = [exact, vague] if precise_first else [vague, exact]
    canon = deduplicate(events, ["k1", "k2"], ["doc1", "doc2"])
    assert (len(canon) == 1) is same
    if same:
        assert canon[0].event.event_date == f"2024-03-{1 + gap:02d}" and canon[0].event.time_precision == 1


def test_undated_events_never_merge() -> None:
    assert pair_score(rec("r1", date=""), rec("r2", date=""), CFG) == 0.0
    assert len(deduplicate([make_event(date=""), make_event(date="")], ["a", "b"], ["d1", "d2"])) == 2
