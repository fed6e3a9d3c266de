"""Store: migrations, one document per content hash, queries, stats."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from tests.store.factories import make_article, make_event

from sitrep.errors import StoreError
from sitrep.model.records import Rejection
from sitrep.store import EventQuery, Store, normalize_url
from sitrep.store import schema as t
from sitrep.store.migrations import LATEST, current_version, migrate


def test_migrations_are_applied_once(store: Store) -> None:
    assert current_version(store.engine) == LATEST
    assert migrate(store.engine) == []
    with store.engine.connect() as conn:
        assert conn.execute(select(t.schema_version.c.version)).scalars().all() == [LATEST]


def test_document_is_stored_once_by_content_hash(store: Store) -> None:
    art = make_article("a1", "Shelling hit the market in Ariha on Friday.")
    assert store.add_document(art, [make_event()]) is not None
    same_text = make_article("other-id", "Shelling  hit the market in Ariha\non Friday. ")
    assert store.add_document(same_text, [make_event()]) is None
    assert store.stats()["documents"] == 1
    assert store.stats()["events"] == 1


def test_rejection_recorded_once(store: Store) -> None:
    rej = Rejection(id="f.jsonl:3", reason="malformed JSON line")
    assert store.add_rejection(rej)
    assert not store.add_rejection(rej)
    assert store.rejection_reasons() == {"malformed JSON line": 1}
    assert store.stats()["rejected"] == 1


def test_events_keep_fields_and_evidence(store: Store) -> None:
    store.add_document(make_article("a1", "Shelling in Ariha."), [make_event(fatalities=4)])
    (row,) = store.query_events(EventQuery(), canonical=False)
    assert row["fatalities"] == 4 and row["location"] == "Ariha"
    (ev,) = [m.event for m in store.all_events()]
    assert ev.evidence[0].quote == "Ariha" and ev.latitude == pytest.approx(35.81)


@pytest.mark.parametrize(("query", "expected"), [
    (EventQuery(), 3),
    (EventQuery(start="2024-03-02"), 2),
    (EventQuery(start="2024-03-02", end="2024-03-02"), 1),
    (EventQuery(country="syria"), 3),
    (EventQuery(country="Iraq"), 0),
    (EventQuery(event_type="Battles"), 1),
    (EventQuery(event_type="Armed clash"), 1),
    (EventQuery(bbox=(36.0, 35.0, 37.0, 36.0)), 2),
    (EventQuery(text="saraqib"), 1),
    (EventQuery(limit=2), 2),
])
def test_query_filters(store: Store, query: EventQuery, expected: int) -> None:
    store.add_document(make_article("a", "one report"), [make_event(date="2024-03-01")])
    store.add_document(make_article("b", "two report"), [make_event(date="2024-03-02", location="Saraqib",
                                                                    lat=35.86, lon=36.8)])
    store.add_document(make_article("c", "three report"), [make_event(
        date="2024-03-03", etype="Battles", sub="Armed clash", location="Deir ez-Zor", lat=35.33, lon=40.14)])
    assert len(list(store.query_events(query, canonical=False))) == expected


@pytest.mark.parametrize(("given", "expected"), [
    ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
    ("sqlite:///:memory:", "sqlite:///:memory:"),
])
def test_normalize_url(given: str, expected: str) -> None:
    assert normalize_url(given) == expected


def test_unknown_scheme_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="not supported"):
        normalize_url("mysql://u@h/db")


def test_unreachable_server_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="cannot open"):
        Store("postgresql://nobody@127.0.0.1:1/none").open()


def test_long_field_values_fit_on_every_engine(store: Store) -> None:
    long_actor = "; ".join(f"Militia {i} (Syria)" for i in range(40))
    ev = make_event(assoc_actor_1=long_actor, notes="x" * 5000)
    store.add_document(make_article("long", "A long report on many militias."), [ev])
    (row,) = store.query_events(EventQuery(), canonical=False)
    assert row["assoc_actor_1"] == long_actor and len(row["notes"]) == 5000
