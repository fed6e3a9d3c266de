"""Sources -> store: read, check, skip what is stored, extract events, store each document atomically."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep.errors import ResourceError
from sitrep.ingest.readers import read_path
from sitrep.ingest.web import Fetcher, is_url
from sitrep.model.records import Article, Event, Rejection
from sitrep.store.rows import content_hash

if TYPE_CHECKING:
    from sitrep.store.db import Store

Extractor = Callable[[Article], list[Event]]


@dataclass(slots=True)
class IngestSummary:
    """Counts of one ingest run; ``reasons`` counts rejections by the reason's first words."""

    stored: int = 0
    skipped: int = 0
    rejected: int = 0
    events: int = 0
    undated: int = 0  # events of documents with no publication date whose day stayed unresolved
    reasons: Counter[str] = field(default_factory=Counter)

    def to_dict(self) -> dict[str, object]:
        return {"stored": self.stored, "skipped": self.skipped, "rejected": self.rejected, "events": self.events,
                "undated_events": self.undated, "reasons": dict(self.reasons)}


def default_extractor() -> Extractor:
    """The lead's pipeline (``sitrep.pipeline.api.extract_article``)."""
    try:
        from sitrep.pipeline.api import extract_article
    except ImportError as exc:
        raise ResourceError(f"the extraction pipeline is not available ({exc}); ingest with --no-extract to "
                            "store documents only") from exc
    return extract_article


def no_events(article: Article) -> list[Event]:
    """Extractor that finds nothing: store documents only."""
    return []


def iter_sources(sources: Iterable[str | Path], fetcher: Fetcher | None = None) -> Iterator[Article | Rejection]:
    """Items of every file, folder or URL, in order."""
    for src in sources:
        if isinstance(src, str) and is_url(src):
            if fetcher is None:
                fetcher = Fetcher().open()
            yield from fetcher.fetch(src)
        else:
            yield from read_path(src)


def _reason_key(reason: str) -> str:
    """The kind of a rejection reason: its first part ("empty", "not English"), or two for "malformed"."""
    parts = reason.split(": ")
    return ": ".join(parts[:2])[:120] if parts[0].startswith("malformed") else parts[0]


def ingest_item(item: Article | Rejection, store: Store, extractor: Extractor, summary: IngestSummary) -> None:
    """Store one item (each document in its own transaction) and count what happened."""
    if isinstance(item, Rejection):
        summary.rejected += 1
        summary.reasons[_reason_key(item.reason)] += 1
        store.add_rejection(item)
        return
    doc_hash = content_hash(item.text)
    if store.has_document(doc_hash):
        summary.skipped += 1
        return
    try:
        events = extractor(item)
    except ResourceError:  # a missing model stops the run: every document would fail the same way
        raise
    except Exception as exc:  # a failing document must not stop the run; its reason is recorded
        reason = f"extraction failed: {type(exc).__name__}: {exc}"
        ingest_item(Rejection(id=item.id, reason=reason[:500]), store, extractor, summary)
        return
    for ev in events:
        ev.source_id = ev.source_id or item.id
    if store.add_document(item, events, doc_hash) is None:
        summary.skipped += 1
    else:
        summary.stored += 1
        summary.events += len(events)
        summary.undated += sum(1 for ev in events if not ev.event_date)


@dataclass(frozen=True, slots=True)
class Defaults:
    """What a document that says nothing of it is taken to have: its publication date (relative days
    such as "on Tuesday" resolve against it) and the country its places lie in."""

    published: date | None = None
    country: str | None = None

    def fill(self, article: Article) -> None:
        article.published = article.published or self.published
        article.country = article.country or self.country


def ingest(sources: Sequence[str | Path], store: Store, extractor: Extractor | None = None,
           on_item: Callable[[Article | Rejection], None] | None = None, fetcher: Fetcher | None = None,
           items: Iterable[Article | Rejection] | None = None, defaults: Defaults | None = None) -> IngestSummary:
    """Ingest files, folders and URLs (or ready ``items``) into an open store; returns the counts.

    Each document is stored with its events in one transaction, keyed by content hash, so running
    again (or after a crash) stores nothing twice. Dedup is a separate step
    (:func:`sitrep.dedup.run.dedup_store`). ``defaults`` fills the publication date and country of
    documents that carry none (plain text files).
    """
    extractor = extractor or default_extractor()
    summary = IngestSummary()
    own_fetcher = fetcher is None and items is None and any(isinstance(s, str) and is_url(s) for s in sources)
    if own_fetcher:
        fetcher = Fetcher().open()
    try:
        for item in items if items is not None else iter_sources(sources, fetcher):
            if defaults is not None and isinstance(item, Article):
                defaults.fill(item)
            ingest_item(item, store, extractor, summary)
            if on_item is not None:
                on_item(item)
    finally:
        if own_fetcher and fetcher is not None:
            fetcher.close()
    return summary


def reextract(store: Store, extractor: Extractor | None = None,
              on_item: Callable[[Article | Rejection], None] | None = None) -> IngestSummary:
    """Run extraction again over every stored document and replace its events (``stored`` counts them).

    Corrections survive: an event whose unit fields did not change keeps its key. Run a full dedup after.
    """
    extractor = extractor or default_extractor()
    summary = IngestSummary()
    for doc_hash, article in store.iter_documents():
        try:
            events = extractor(article)
        except ResourceError:
            raise
        except Exception as exc:  # keep the old events of a document the new extractor fails on
            summary.rejected += 1
            summary.reasons[f"extraction failed: {type(exc).__name__}"] += 1
            continue
        for ev in events:
            ev.source_id = ev.source_id or article.id
        summary.events += store.replace_events(doc_hash, events)
        summary.stored += 1
        if on_item is not None:
            on_item(article)
    return summary
