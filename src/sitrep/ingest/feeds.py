"""RSS/Atom feeds -> Articles via feedparser."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from sitrep.ingest.html import _fallback_text
from sitrep.model.records import Article, Rejection


def _entry_date(entry: Any) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None


def _entry_text(entry: Any) -> str:
    parts = [c.get("value", "") for c in entry.get("content", [])] or [entry.get("summary", "")]
    return _fallback_text("\n".join(p for p in parts if p))


def feed_items(source: bytes | str, source_id: str) -> Iterator[Article | Rejection]:
    """One Article per entry (its content or summary); a Rejection when nothing parses as a feed.

    The entries' own text is kept (feeds often carry only a summary); fetch ``entry.url`` for the page.
    """
    import feedparser

    from sitrep.ingest.readers import checked

    feed = feedparser.parse(source)
    if not feed.entries:
        reason = f"not a feed: {feed.get('bozo_exception', 'no entries')}"
        yield Rejection(id=source_id, reason=reason.splitlines()[0][:200])
        return
    outlet = feed.feed.get("title") or None
    for i, entry in enumerate(feed.entries):
        text = _entry_text(entry)
        title = entry.get("title") or None
        if title and not text.startswith(title):
            text = f"{title}\n\n{text}" if text else title
        yield checked(Article(id=entry.get("id") or entry.get("link") or f"{source_id}#{i}", text=text,
                              title=title, url=entry.get("link") or None, outlet=outlet,
                              published=_entry_date(entry)))
