"""Dedup over the store: full re-runs, incremental updates, and refreshes after analyst corrections."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sitrep.dedup.cluster import cluster
from sitrep.dedup.merge import Canonical, merge_events
from sitrep.dedup.records import IMPRECISE_DAYS, TYPE_FAMILY, DedupConfig, DedupRecord, record_of

if TYPE_CHECKING:
    from sitrep.store.db import Store, StoredEvent


@dataclass(frozen=True, slots=True)
class DedupSummary:
    """What a dedup run did."""

    mode: str  # full | incremental | refresh | none
    events: int  # events (re)clustered
    canonical_events: int  # canonical events written


def _source_labels(members: Sequence[StoredEvent]) -> list[str]:
    """Each member's report id; two different reports sharing an id are told apart by row id."""
    owner: dict[str, int] = {}
    labels = []
    for m in members:
        label = m.doc_id or str(m.document_id)
        if owner.setdefault(label, m.document_id) != m.document_id:
            label = f"{label}#{m.document_id}"
        labels.append(label)
    return labels


TEXT_CHUNK = 500  # reports whose text is read at once (only their titles and evidence sentences are kept)


def _records(members: Sequence[StoredEvent], cfg: DedupConfig, store: Store) -> list[DedupRecord]:
    """Dedup records of stored events, with their reports' titles and evidence sentences."""
    from sqlalchemy import select

    from sitrep.store.schema import documents

    doc_ids = sorted({m.document_id for m in members})
    by_doc: dict[int, list[int]] = defaultdict(list)
    for n, m in enumerate(members):
        by_doc[m.document_id].append(n)
    records: list[DedupRecord | None] = [None] * len(members)
    for start in range(0, len(doc_ids), TEXT_CHUNK):
        chunk = doc_ids[start:start + TEXT_CHUNK]
        query = select(documents.c.id, documents.c.text, documents.c.title).where(documents.c.id.in_(chunk))
        with store.engine.connect() as conn:
            texts = {row.id: (row.text or "", row.title or "") for row in conn.execute(query)}
        for doc in chunk:
            text, title = texts.get(doc, ("", ""))
            for n in by_doc[doc]:
                m = members[n]
                records[n] = record_of(m.event, m.key, str(m.document_id), cfg.notes_chars, text, title)
    return [r for r in records if r is not None]


def _canonicals(members: Sequence[StoredEvent], cfg: DedupConfig, store: Store,
                groups: Iterable[Sequence[str]] = (), only: Sequence[int] | None = None) -> list[Canonical]:
    """Cluster stored events (with the analyst's corrections) and merge each cluster."""
    records = _records(members, cfg, store)
    must, cannot = store.corrections()
    out = []
    for group in cluster(records, cfg, must=must, cannot=cannot, groups=groups, only=only):
        evs = [members[i] for i in group]
        sources = _source_labels(evs)
        out.append(merge_events([m.event for m in evs], [m.key for m in evs], sources, [m.outlet for m in evs]))
    return out


def dedup_full(store: Store, cfg: DedupConfig | None = None) -> DedupSummary:
    """Recompute every canonical event from all events (deterministic; corrections applied)."""
    cfg = cfg or DedupConfig()
    members = store.all_events()
    canon = _canonicals(members, cfg, store)
    store.replace_canonical(None, canon, {m.key: m.id for m in members})
    return DedupSummary("full", len(members), len(canon))


def _shift(day: str, days: int) -> str:
    try:
        return (date.fromisoformat(day[:10]) + timedelta(days=days)).isoformat()
    except ValueError:
        return day


def _intervals(dates: list[tuple[str, int]]) -> list[tuple[str, str]]:
    """Merged [date - reach, date + reach] ranges covering the given (ISO date, reach in days)."""
    out: list[tuple[str, str]] = []
    for start, end in sorted({(_shift(d, -reach), _shift(d, reach)) for d, reach in dates}):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _family_types(event_type: str) -> list[str]:
    """The event types dedup compares an event with (its type family, see ``TYPE_FAMILY``)."""
    family = TYPE_FAMILY.get(event_type)
    return [t for t, f in TYPE_FAMILY.items() if f == family] if family else [event_type]


def dedup_incremental(store: Store, cfg: DedupConfig | None = None) -> DedupSummary:
    """Link events added since the last run: each joins an existing canonical event or starts one.

    Falls back to a full run when the new events outnumber the linked ones.
    """
    cfg = cfg or DedupConfig()
    new = store.unlinked_events()
    if not new:
        return DedupSummary("none", 0, 0)
    if len(new) >= store.count_linked():
        return dedup_full(store, cfg)
    by_block: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for m in new:
        reach = IMPRECISE_DAYS.get(m.event.time_precision, cfg.window_days) + cfg.max_span_days
        by_block[(m.event.country, m.event.event_type)].append((m.event.event_date, reach))
    existing: dict[int, list[StoredEvent]] = {}
    for (country, etype), dates in by_block.items():
        month = max(IMPRECISE_DAYS.values())
        for start, end in _intervals(dates):
            vague = (_shift(start, -month), _shift(end, month))
            for kin in _family_types(etype):
                existing.update(store.linked_candidates(country, kin, start, end, vague))
    old = [m for ms in existing.values() for m in ms]
    members = new + old
    groups = [[m.key for m in ms] for ms in existing.values()]
    canon = _canonicals(members, cfg, store, groups=groups, only=range(len(new)))
    store.replace_canonical(existing.keys(), canon, {m.key: m.id for m in members})
    return DedupSummary("incremental", len(members), len(canon))


def refresh(store: Store, keys: Iterable[str], cfg: DedupConfig | None = None) -> DedupSummary:
    """Re-cluster from scratch the canonical events holding these keys (after a merge or split)."""
    cfg = cfg or DedupConfig()
    affected = store.canonical_ids_of_keys(keys)
    existing = store.members_of(affected)
    members = [m for ms in existing.values() for m in ms]
    canon = _canonicals(members, cfg, store)
    store.replace_canonical(affected, canon, {m.key: m.id for m in members})
    return DedupSummary("refresh", len(members), len(canon))


def dedup_store(store: Store, cfg: DedupConfig | None = None, full: bool = False) -> DedupSummary:
    """Full or incremental dedup of the store."""
    return dedup_full(store, cfg) if full else dedup_incremental(store, cfg)
