"""The Store: every read and write of the database goes through it."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, and_, create_engine, delete, event, exists, func, or_, select
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from sitrep.dedup.merge import Canonical
from sitrep.errors import StoreError
from sitrep.model.records import Article, Event, Rejection
from sitrep.store import schema as t
from sitrep.store.migrations import migrate
from sitrep.store.rows import content_hash, document_row, event_from_row, event_key, event_row
from sitrep.store.url import normalize_url


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters for events: ISO date range, country, event type, bbox (min_lon, min_lat, max_lon, max_lat),
    a case-insensitive text searched in notes, location and actors."""

    start: str | None = None
    end: str | None = None
    country: str | None = None
    event_type: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    text: str | None = None
    limit: int | None = None


@dataclass(slots=True)
class StoredEvent:
    """An event as dedup reads it back: row id, stable key, report row id, outlet label, record, report id."""

    id: int
    key: str
    document_id: int
    outlet: str
    event: Event
    doc_id: str = ""


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


class Store:
    """Documents, events, canonical events and corrections in SQLite or PostgreSQL.

    ``Store(url).open()`` connects and applies migrations; use it as a context manager.
    """

    def __init__(self, url: str) -> None:
        self.url = normalize_url(url)
        self._engine: Engine | None = None

    # -- lifecycle ---------------------------------------------------------------------------
    def open(self) -> Store:
        """Connect and bring the schema up to date."""
        try:
            if self.url.startswith("sqlite"):
                engine = create_engine(self.url, connect_args={"timeout": 60})
                event.listen(engine, "connect", _sqlite_pragmas)
            else:
                engine = create_engine(self.url, pool_pre_ping=True)
            migrate(engine)
        except (OperationalError, ImportError) as exc:
            raise StoreError(f"cannot open database {self.url!r}: {exc}; check the URL and that the server "
                             "is running") from exc
        self._engine = engine
        return self

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def __enter__(self) -> Store:
        return self if self._engine is not None else self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise StoreError("the store is not open: call Store(url).open() first")
        return self._engine

    # -- documents ---------------------------------------------------------------------------
    def has_document(self, doc_hash: str) -> bool:
        """True when a document with this content hash is stored (or was rejected)."""
        with self.engine.connect() as conn:
            q = select(t.documents.c.id).where(t.documents.c.content_hash == doc_hash)
            return conn.execute(q).first() is not None

    def add_document(self, article: Article, events: Sequence[Event], doc_hash: str | None = None) -> int | None:
        """Store a document and its events in one transaction; None if its content is already stored."""
        doc_hash = doc_hash or content_hash(article.text)
        row = document_row(article, doc_hash) | {"ingested_at": datetime.now(UTC), "status": "stored",
                                                 "n_events": len(events)}
        seen: set[str] = set()
        try:
            with self.engine.begin() as conn:
                doc_id = conn.execute(t.documents.insert().values(**row).returning(t.documents.c.id)).scalar_one()
                rows = [event_row(ev) | {"document_id": doc_id, "event_key": event_key(doc_hash, ev, seen)}
                        for ev in events]
                if rows:
                    conn.execute(t.events.insert(), rows)
        except IntegrityError:
            return None
        return int(doc_id)

    def iter_documents(self, batch: int = 500) -> Iterator[tuple[str, Article]]:
        """(content hash, Article) of every stored document, in insertion order, read in batches."""
        c = t.documents.c
        last = 0
        while True:
            q = (select(c.id, c.content_hash, c.doc_id, c.text, c.title, c.url, c.outlet, c.published, c.country,
                        c.language).where(c.status == "stored", c.id > last).order_by(c.id).limit(batch))
            with self.engine.connect() as conn:
                rows = conn.execute(q).mappings().all()
            if not rows:
                return
            for r in rows:
                yield r["content_hash"], Article(id=r["doc_id"], text=r["text"], title=r["title"], url=r["url"],
                                                 outlet=r["outlet"], published=r["published"],
                                                 country=r["country"], language=r["language"] or "en")
            last = rows[-1]["id"]

    def replace_events(self, doc_hash: str, events: Sequence[Event]) -> int:
        """Swap a stored document's events for new ones (re-extraction), in one transaction.

        Event keys come from the document hash and the unit fields, so an unchanged event keeps its key
        and the analyst's corrections on it. Canonical events need a full dedup afterwards.
        """
        seen: set[str] = set()
        with self.engine.begin() as conn:
            doc_id = conn.execute(select(t.documents.c.id).where(t.documents.c.content_hash == doc_hash)).scalar()
            if doc_id is None:
                raise StoreError(f"no stored document has content hash {doc_hash}")
            old = select(t.events.c.id).where(t.events.c.document_id == doc_id)
            conn.execute(delete(t.event_sources).where(t.event_sources.c.event_id.in_(old)))
            conn.execute(delete(t.events).where(t.events.c.document_id == doc_id))
            rows = [event_row(ev) | {"document_id": doc_id, "event_key": event_key(doc_hash, ev, seen)}
                    for ev in events]
            if rows:
                conn.execute(t.events.insert(), rows)
            conn.execute(t.documents.update().where(t.documents.c.id == doc_id).values(n_events=len(rows)))
        return len(rows)

    def add_rejection(self, rejection: Rejection, text: str = "") -> bool:
        """Record a rejected input once (keyed by its id and text); False if already recorded."""
        doc_hash = content_hash(f"rejected\x00{rejection.id}\x00{text}")
        row = {"doc_id": rejection.id, "content_hash": doc_hash, "text": "", "ingested_at": datetime.now(UTC),
               "status": "rejected", "rejection_reason": rejection.reason, "n_events": 0}
        try:
            with self.engine.begin() as conn:
                conn.execute(t.documents.insert().values(**row))
        except IntegrityError:
            return False
        return True

    # -- statistics and queries --------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        """Counts: documents (stored), rejected, events, canonical_events, sources links, corrections."""
        with self.engine.connect() as conn:
            def count(table: Any, *where: Any) -> int:
                return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())

            return {
                "documents": count(t.documents, t.documents.c.status == "stored"),
                "rejected": count(t.documents, t.documents.c.status == "rejected"),
                "events": count(t.events),
                "canonical_events": count(t.canonical_events),
                "event_sources": count(t.event_sources),
                "corrections": count(t.corrections),
                "multi_source_events": count(t.canonical_events, t.canonical_events.c.number_of_sources > 1),
            }

    def rejection_reasons(self) -> dict[str, int]:
        """How many inputs were rejected for each reason."""
        with self.engine.connect() as conn:
            q = (select(t.documents.c.rejection_reason, func.count()).where(t.documents.c.status == "rejected")
                 .group_by(t.documents.c.rejection_reason))
            return {str(r): int(n) for r, n in conn.execute(q)}

    def query_events(self, query: EventQuery, canonical: bool = True) -> Iterator[dict[str, Any]]:
        """Rows of canonical events (or per-report events) matching the query, by date, streamed."""
        table = t.canonical_events if canonical else t.events
        c = table.c
        where: list[Any] = []
        if query.start:
            where.append(c.event_date >= query.start)
        if query.end:
            where.append(c.event_date <= query.end)
        if query.country:
            where.append(func.lower(c.country) == query.country.lower())
        if query.event_type:
            where.append(or_(func.lower(c.event_type) == query.event_type.lower(),
                             func.lower(c.sub_event_type) == query.event_type.lower()))
        if query.bbox:
            lo_lon, lo_lat, hi_lon, hi_lat = query.bbox
            where += [c.longitude >= lo_lon, c.longitude <= hi_lon, c.latitude >= lo_lat, c.latitude <= hi_lat]
        if query.text:
            needle = f"%{query.text.lower()}%"
            where.append(or_(*(func.lower(col).like(needle) for col in (c.notes, c.location, c.actor1, c.actor2))))
        q = select(table).where(*where).order_by(c.event_date, c.id)
        if query.limit:
            q = q.limit(query.limit)
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=1000).execute(q)
            for row in result.mappings():
                yield dict(row)

    # -- dedup support -----------------------------------------------------------------------
    def _stored_events(self, where: Any) -> list[StoredEvent]:
        q = (select(t.events, t.documents.c.outlet, t.documents.c.url, t.documents.c.doc_id)
             .join(t.documents, t.documents.c.id == t.events.c.document_id).where(where).order_by(t.events.c.id))
        with self.engine.connect() as conn:
            return [StoredEvent(r["id"], r["event_key"], r["document_id"],
                                str(r["outlet"] or r["url"] or r["doc_id"]), event_from_row(dict(r)), str(r["doc_id"]))
                    for r in conn.execute(q).mappings()]

    def unlinked_events(self) -> list[StoredEvent]:
        """Events not yet part of any canonical event (new since the last dedup)."""
        linked = exists().where(t.event_sources.c.event_id == t.events.c.id)
        return self._stored_events(~linked)

    def all_events(self) -> list[StoredEvent]:
        return self._stored_events(t.events.c.id.isnot(None))

    def count_linked(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(t.event_sources)).scalar_one())

    def linked_candidates(self, country: str, event_type: str, start: str, end: str,
                          vague: tuple[str, str] | None = None) -> dict[int, list[StoredEvent]]:
        """Canonical id -> all member events, for canonical events of a country and type dated in
        [start, end], or, when only week/month-precise (time_precision >= 2), in the ``vague`` range."""
        c = t.canonical_events.c
        in_range = and_(c.event_date >= start, c.event_date <= end)
        if vague:
            in_range = or_(in_range, and_(c.time_precision >= 2, c.event_date >= vague[0], c.event_date <= vague[1]))
        ids_q = select(c.id).where(func.lower(c.country) == country.lower(), c.event_type == event_type, in_range)
        with self.engine.connect() as conn:
            ids = list(conn.execute(ids_q).scalars())
        return self.members_of(ids)

    def members_of(self, canonical_ids: Iterable[int]) -> dict[int, list[StoredEvent]]:
        """Canonical id -> its member events."""
        out: dict[int, list[StoredEvent]] = {}
        ids = list(canonical_ids)
        for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
            with self.engine.connect() as conn:
                pairs = conn.execute(select(t.event_sources.c.canonical_id, t.event_sources.c.event_id)
                                     .where(t.event_sources.c.canonical_id.in_(chunk))).all()
            by_event = {e: c for c, e in pairs}
            for ev in self._stored_events(t.events.c.id.in_(list(by_event))):
                out.setdefault(by_event[ev.id], []).append(ev)
        return out

    def canonical_ids_of_keys(self, keys: Iterable[str]) -> set[int]:
        """The canonical events that contain these event keys."""
        q = (select(t.event_sources.c.canonical_id).join(t.events, t.events.c.id == t.event_sources.c.event_id)
             .where(t.events.c.event_key.in_(list(keys))))
        with self.engine.connect() as conn:
            return set(conn.execute(q).scalars())

    def replace_canonical(self, remove_ids: Iterable[int] | None, canonicals: Sequence[Canonical],
                          key_to_id: dict[str, int]) -> None:
        """In one transaction: drop canonical events (all when ``remove_ids`` is None), insert new ones."""
        with self.engine.begin() as conn:
            if remove_ids is None:
                conn.execute(delete(t.event_sources))
                conn.execute(delete(t.canonical_events))
            else:
                ids = list(remove_ids)
                for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
                    conn.execute(delete(t.event_sources).where(t.event_sources.c.canonical_id.in_(chunk)))
                    conn.execute(delete(t.canonical_events).where(t.canonical_events.c.id.in_(chunk)))
            for start in range(0, len(canonicals), 500):
                self._insert_canonical(conn, canonicals[start:start + 500], key_to_id)

    @staticmethod
    def _insert_canonical(conn: Any, chunk: Sequence[Canonical], key_to_id: dict[str, int]) -> None:
        rows = []
        for can in chunk:
            row = event_row(can.event)
            row.update(canonical_key=can.key, number_of_sources=can.number_of_sources,
                       sources=json.dumps(sorted(set(can.sources)), ensure_ascii=False),
                       evidence=json.dumps(can.evidence, ensure_ascii=False))
            rows.append(row)
        conn.execute(t.canonical_events.insert(), rows)
        ids = dict(conn.execute(select(t.canonical_events.c.canonical_key, t.canonical_events.c.id)
                                .where(t.canonical_events.c.canonical_key.in_([c.key for c in chunk]))).all())
        links = [{"canonical_id": ids[c.key], "event_id": key_to_id[k]} for c in chunk for k in c.member_keys]
        conn.execute(t.event_sources.insert(), links)

    # -- corrections -------------------------------------------------------------------------
    def add_correction(self, kind: str, key_a: str, key_b: str, note: str = "") -> None:
        """Record an analyst merge (same event) or split (different events) of two event keys."""
        if kind not in ("merge", "split"):
            raise StoreError(f"correction kind {kind!r} must be 'merge' or 'split'")
        a, b = sorted((key_a, key_b))
        other = "split" if kind == "merge" else "merge"
        with self.engine.begin() as conn:
            conn.execute(delete(t.corrections).where(t.corrections.c.kind == other, t.corrections.c.event_key_a == a,
                                                     t.corrections.c.event_key_b == b))
            try:
                with conn.begin_nested():
                    conn.execute(t.corrections.insert().values(kind=kind, event_key_a=a, event_key_b=b, note=note,
                                                               created_at=datetime.now(UTC)))
            except IntegrityError:
                pass

    def corrections(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """(merges, splits) as event-key pairs."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.corrections.c.kind, t.corrections.c.event_key_a,
                                       t.corrections.c.event_key_b)).all()
        return ([(a, b) for k, a, b in rows if k == "merge"], [(a, b) for k, a, b in rows if k == "split"])

    def resolve(self, ref: str) -> list[str]:
        """Event keys named by a reference: an event key, a canonical key (``c:KEY``) or a canonical id."""
        c_id = ref[2:] if ref.startswith("c:") else ref
        with self.engine.connect() as conn:
            if conn.execute(select(t.events.c.id).where(t.events.c.event_key == ref)).first():
                return [ref]
            q = select(t.canonical_events.c.id).where(t.canonical_events.c.canonical_key == ref)
            cid = conn.execute(q).scalar()
            if cid is None and c_id.isdigit():
                cid = int(c_id)
            keys = list(conn.execute(select(t.events.c.event_key)
                                     .join(t.event_sources, t.event_sources.c.event_id == t.events.c.id)
                                     .where(t.event_sources.c.canonical_id == cid)).scalars())
        if not keys:
            raise StoreError(f"{ref!r} names no event or canonical event; see `sitrep events --db URL`")
        return keys


__all__ = ["EventQuery", "Store", "StoredEvent", "SQLAlchemyError"]
