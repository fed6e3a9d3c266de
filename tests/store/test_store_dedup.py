"""Dedup over the store: incremental joins, full re-runs, analyst corrections that survive both."""

from __future__ import annotations

import json

from tests.store.factories import make_article, make_event

from sitrep.dedup.run import dedup_full, dedup_store, refresh
from sitrep.model.records import Article, Event
from sitrep.store import EventQuery, Store


def _canonical(store: Store) -> list[dict]:
    return list(store.query_events(EventQuery()))


def _two_reports(store: Store) -> None:
    store.add_document(make_article("a", "Report A on Ariha.", "Outlet A"), [make_event(fatalities=6)])
    store.add_document(make_article("b", "Report B on Ariha.", "Outlet B"),
                       [make_event(fatalities=4, date="2024-03-02")])


def test_two_reports_become_one_canonical_event(store: Store) -> None:
    _two_reports(store)
    assert dedup_store(store).mode == "full"  # first run on an empty link table
    (row,) = _canonical(store)
    assert row["number_of_sources"] == 2 and row["fatalities"] == 4 and row["fatalities_high"] == 6
    assert json.loads(row["sources"]) == sorted(json.loads(row["sources"]))
    assert store.stats()["canonical_events"] == 1


def test_new_report_joins_existing_event_incrementally(store: Store) -> None:
    _two_reports(store)
    store.add_document(make_article("x", "Elsewhere.", "Outlet X"),
                       [make_event(location="Raqqa", lat=35.95, lon=39.01, date="2024-05-01")])
    dedup_store(store)
    before = {r["canonical_key"] for r in _canonical(store)}
    store.add_document(make_article("c", "Report C on Ariha.", "Outlet C"), [make_event(fatalities=9)])
    summary = dedup_store(store)
    assert summary.mode == "incremental" and summary.events == 3  # the new one + one cluster's two
    rows = _canonical(store)
    assert sorted(r["number_of_sources"] for r in rows) == [1, 3]
    assert {r["canonical_key"] for r in rows} == before  # keys stay stable
    assert dedup_store(store).mode == "none"


def test_split_and_merge_survive_reruns(store: Store) -> None:
    _two_reports(store)
    store.add_document(make_article("z", "Far away.", "Outlet Z"),
                       [make_event(location="Raqqa", lat=35.95, lon=39.01)])
    dedup_store(store)
    keys = {m.event.location + m.outlet: m.key for m in store.all_events()}
    a, b, z = keys["ArihaOutlet A"], keys["ArihaOutlet B"], keys["RaqqaOutlet Z"]
    store.add_correction("split", a, b)
    store.add_correction("merge", a, z)
    refresh(store, [a, b, z])
    for run in (lambda: refresh(store, [a]), lambda: dedup_full(store)):
        run()
        groups = sorted(r["number_of_sources"] for r in _canonical(store))
        assert groups == [1, 2]
        assert store.resolve(a) == [a]
        (merged,) = [r for r in _canonical(store) if r["number_of_sources"] == 2]
        assert set(store.resolve(merged["canonical_key"])) == {a, z}


def test_later_correction_replaces_the_opposite_one(store: Store) -> None:
    store.add_correction("split", "k1", "k2")
    store.add_correction("merge", "k2", "k1")
    assert store.corrections() == ([("k1", "k2")], [])


def test_corrections_survive_reextraction(store: Store) -> None:
    from sitrep.ingest.runner import reextract

    _two_reports(store)
    dedup_store(store)
    a, b = (m.key for m in store.all_events())
    store.add_correction("split", a, b)
    refresh(store, [a, b])

    def improved(article: Article) -> list[Event]:
        # a newer pipeline: same unit fields, different notes and fatalities
        day = "2024-03-02" if "Report B" in article.text else "2024-03-01"
        return [make_event(date=day, fatalities=5, notes=f"re-extracted: {article.text}")]

    summary = reextract(store, improved)
    assert (summary.stored, summary.events) == (2, 2)
    dedup_full(store)
    assert {m.key for m in store.all_events()} == {a, b}
    assert all(m.event.notes.startswith("re-extracted") for m in store.all_events())
    assert sorted(r["number_of_sources"] for r in _canonical(store)) == [1, 1]  # the split still holds


def test_incremental_finds_week_dated_event(store: Store) -> None:
    store.add_document(make_article("w", "Sometime this week, shelling in Ariha.", "Outlet W"),
                       [make_event(date="2024-03-01", time_precision=2)])
    store.add_document(make_article("x", "Elsewhere.", "Outlet X"),
                       [make_event(location="Raqqa", lat=35.95, lon=39.01, date="2024-05-01")])
    dedup_store(store)
    store.add_document(make_article("d", "On 6 March, shelling in Ariha.", "Outlet D"),
                       [make_event(date="2024-03-06")])
    assert dedup_store(store).mode == "incremental"
    rows = {r["location"]: r for r in _canonical(store)}
    assert rows["Ariha"]["number_of_sources"] == 2 and rows["Ariha"]["event_date"] == "2024-03-06"


def test_sources_are_report_ids_and_count_distinct_reports(store: Store) -> None:
    store.add_document(make_article("same-id", "First text on Ariha.", "Outlet A"), [make_event()])
    store.add_document(make_article("same-id", "Second text on Ariha.", "Outlet B"), [make_event()])
    dedup_store(store)
    (row,) = _canonical(store)
    sources = json.loads(row["sources"])
    assert row["number_of_sources"] == 2 and sources[0] == "same-id" and sources[1].startswith("same-id#")
    assert row["source_id"] == "Outlet A; Outlet B"
