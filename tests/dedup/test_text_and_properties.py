"""Text evidence, the shipped word list, blocking without coordinates, and dedup invariants."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.store.factories import make_event

from sitrep.dedup import DedupConfig, candidate_pairs, cluster, deduplicate, record_of
from sitrep.dedup.text import GENERIC_FILE, TextIndex, generic_words


def test_generic_words_file_schema() -> None:
    lines = [ln for ln in GENERIC_FILE.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    assert lines, "the list must not be empty"
    for line in lines:
        assert line == line.strip().lower() and " " not in line and line.isalpha(), line
    assert len(lines) == len(set(lines)), "duplicate words"
    assert "killed" in generic_words()


def test_rare_shared_words_weigh_more_than_common_ones() -> None:
    notes = ["market shelled in Binnish bakery", "Binnish bakery hit by shells", "market shelled in Sarmin",
             "market shelled in Taftanaz", "market shelled in Ariha"]
    index = TextIndex(notes)
    rare = index.similarity(0, 1)
    common = index.similarity(0, 2)
    assert rare is not None and common is not None and rare > common
    assert TextIndex(["", "text"]).similarity(0, 1) is None


def test_events_without_coordinates_block_by_place_name() -> None:
    a = record_of(make_event(lat=None, lon=None, location="Ariha"), "a", "r1")
    b = record_of(make_event(lat=None, lon=None, location="ariha "), "b", "r2")
    c = record_of(make_event(lat=None, lon=None, location="Saraqib"), "c", "r3")
    assert list(candidate_pairs([a, b, c], DedupConfig())) == [(0, 1)]
    assert sorted(map(sorted, cluster([a, b, c]))) == [[0, 1], [2]]


report = st.tuples(st.integers(0, 5), st.integers(0, 3), st.sampled_from(["Ariha", "Saraqib", "Binnish"]))


@settings(max_examples=40, deadline=None)
@given(st.lists(report, min_size=1, max_size=25))
def test_dedup_partitions_and_is_idempotent(reports: list[tuple[int, int, str]]) -> None:
    places = {"Ariha": (35.81, 36.61), "Saraqib": (35.86, 36.80), "Binnish": (35.96, 36.71)}
    events = [make_event(date=f"2024-03-{1 + d:02d}", lat=places[p][0] + 0.001 * j, lon=places[p][1],
                         location=p, notes=f"shelling in {p}") for d, j, p in reports]
    keys = [f"k{i:03d}" for i in range(len(events))]
    canon = deduplicate(events, keys, [f"doc{i}" for i in range(len(events))])
    members = [k for c in canon for k in c.member_keys]
    assert sorted(members) == keys  # every event in exactly one canonical event
    assert all(c.number_of_sources == len(c.member_keys) for c in canon)
    again = deduplicate(events, keys, [f"doc{i}" for i in range(len(events))])
    assert {frozenset(c.member_keys) for c in again} == {frozenset(c.member_keys) for c in canon}
    for c in canon:  # never more days than the span limit inside one event
        days = {events[keys.index(k)].event_date for k in c.member_keys}
        assert len(days) <= DedupConfig().max_span_days + 1


record_spec = st.tuples(st.integers(0, 40), st.sampled_from([1, 1, 2, 3]), st.floats(35.0, 36.5), st.floats(36.0, 37.5),
                        st.sampled_from(["point", "point", "region", "country", "name"]),
                        st.sampled_from(["Idleb", "Hama"]),
                        st.sampled_from(["Explosions/Remote violence", "Battles", "Protests"]))
PLACE = {"point": {}, "region": {"location": "Idleb", "geo_precision": 3}, "name": {"lat": None, "lon": None},
         "country": {"location": "Syria", "geo_precision": 3}}


@settings(max_examples=80, deadline=None)
@given(st.lists(record_spec, min_size=2, max_size=30), st.data())
def test_blocking_misses_no_pair_and_repeats_none(specs: list, data: st.DataObject) -> None:
    """Every pair the score can merge is a candidate, whatever the precision of the places and dates."""
    from dataclasses import replace
    from itertools import combinations

    from sitrep.dedup import pair_score

    cfg = DedupConfig()
    recs = []
    for i, (d, p, la, lo, kind, admin1, etype) in enumerate(specs):
        place = {"lat": la, "lon": lo, "location": f"Town{i % 4}", "geo_precision": 1, **PLACE[kind]}
        precision = place.pop("geo_precision")
        ev = make_event(date=f"2024-{1 + d // 28:02d}-{1 + d % 28:02d}", time_precision=p, admin1=admin1,
                        etype=etype, **place)
        recs.append(record_of(replace(ev, geo_precision=precision), f"k{i}", f"doc{i}"))
    only = data.draw(st.none() | st.lists(st.integers(0, len(recs) - 1), unique=True))
    got = list(candidate_pairs(recs, cfg, only))
    assert len(got) == len(set(got)) and all(i < j for i, j in got)
    wanted = set(range(len(recs))) if only is None else set(only)
    needed = {(i, j) for i, j in combinations(range(len(recs)), 2)
              if (i in wanted or j in wanted) and pair_score(recs[i], recs[j], cfg) > 0}
    assert needed <= set(got)
