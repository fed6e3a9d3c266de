"""The event store: the only code that writes SQL. SQLite by default, PostgreSQL for teams."""

from __future__ import annotations

from sitrep.store.db import EventQuery, Store, StoredEvent
from sitrep.store.url import normalize_url

__all__ = ["EventQuery", "Store", "StoredEvent", "normalize_url"]
