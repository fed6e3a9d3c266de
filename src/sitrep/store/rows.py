"""Conversions between records and table rows (the only place that knows both shapes)."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import fields
from typing import Any

from sitrep.model.records import Article, Event, Evidence

EVENT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Event) if f.name != "evidence")
_SPACE = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """SHA-256 of the text with whitespace collapsed: the document's identity in the store."""
    return hashlib.sha256(_SPACE.sub(" ", text).strip().encode("utf-8")).hexdigest()


def event_key(doc_hash: str, event: Event, seen: set[str]) -> str:
    """A key stable across re-extraction: the document hash and the event's unit fields.

    A second event with the same unit fields in one document gets a counter suffix.
    """
    unit = "|".join((event.event_date, event.event_type, event.sub_event_type, event.actor1, event.actor2,
                     event.location))
    base = hashlib.sha1(f"{doc_hash}|{unit}".encode()).hexdigest()[:24]
    key, n = base, 1
    while key in seen:
        n += 1
        key = f"{base}-{n}"
    seen.add(key)
    return key


def event_row(event: Event) -> dict[str, Any]:
    """Column values of an event (evidence as JSON)."""
    row = {name: getattr(event, name) for name in EVENT_FIELDS}
    row["evidence"] = json.dumps([{"field": e.field, "quote": e.quote, "start": e.start, "end": e.end}
                                  for e in event.evidence], ensure_ascii=False)
    return row


def event_from_row(row: Mapping[str, Any]) -> Event:
    """An Event from a row of ``events`` or ``canonical_events``."""
    values = {name: row[name] for name in EVENT_FIELDS if name in row}
    for name, f in ((f.name, f) for f in fields(Event)):
        if name in values and values[name] is None and f.default is not None and name not in (
                "latitude", "longitude", "iso"):
            values[name] = f.default
    evidence = [Evidence(field=e["field"], quote=e["quote"], start=e["start"], end=e["end"])
                for e in json.loads(row.get("evidence") or "[]")]
    return Event(**values, evidence=evidence)


def document_row(article: Article, doc_hash: str) -> dict[str, Any]:
    """Column values of a stored document."""
    return {"doc_id": article.id, "content_hash": doc_hash, "text": article.text, "title": article.title,
            "url": article.url, "outlet": article.outlet, "published": article.published,
            "country": article.country, "language": article.language}


def source_label(doc: Mapping[str, Any]) -> str:
    """How a report is named among a canonical event's sources: outlet, else URL, else its id."""
    return str(doc.get("outlet") or doc.get("url") or doc.get("doc_id") or "")
