"""The store's tables: one schema for SQLite and PostgreSQL (SQLAlchemy Core).

documents        every report once, by content hash; rejected inputs too, with their reason
events           the events extracted from one document (all Event fields, evidence as JSON)
canonical_events one row per real-world event, merged from the events of several reports
event_sources    which events (reports) a canonical event was merged from
corrections      analyst merges and splits, kept by stable event keys so they survive re-runs
schema_version   applied migrations
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

EVENT_TEXT_FIELDS: tuple[str, ...] = (
    "event_date", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
    "civilian_targeting", "country", "admin1", "admin2", "admin3", "location", "notes", "source_id",
)
EVENT_INT_FIELDS: tuple[str, ...] = (
    "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities", "deaths_a",
    "deaths_b", "deaths_civilians", "deaths_unknown", "fatalities_low", "fatalities_high",
)
EVENT_FLOAT_FIELDS: tuple[str, ...] = ("latitude", "longitude", "confidence")


def _event_columns() -> list[Column]:
    """The Event record's fields as columns (same names as ACLED)."""
    cols: list[Column] = []
    for name in EVENT_TEXT_FIELDS:  # Text, not VARCHAR(n): actor lists and notes have no length limit
        cols.append(Column(name, String(10) if name == "event_date" else Text, nullable=False, default=""))
    cols += [Column(name, Integer, nullable=True) for name in EVENT_INT_FIELDS]
    cols += [Column(name, Float, nullable=True) for name in EVENT_FLOAT_FIELDS]
    cols.append(Column("evidence", Text, nullable=False, default="[]"))  # JSON list
    return cols


schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_id", Text, nullable=False),  # the input's own id (file path, JSONL id, URL)
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("text", Text, nullable=False, default=""),
    Column("title", Text),
    Column("url", Text),
    Column("outlet", Text),
    Column("published", Date),
    Column("country", Text),
    Column("language", String(16)),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("status", String(16), nullable=False),  # stored | rejected
    Column("rejection_reason", Text),
    Column("n_events", Integer, nullable=False, default=0),
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    Column("event_key", String(64), nullable=False, unique=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    *_event_columns(),
    Index("ix_events_block", "country", "event_type", "event_date"),
    Index("ix_events_document", "document_id"),
)

canonical_events = Table(
    "canonical_events", metadata,
    Column("id", Integer, primary_key=True),
    Column("canonical_key", String(64), nullable=False, unique=True),
    Column("number_of_sources", Integer, nullable=False),
    Column("sources", Text, nullable=False, default="[]"),  # JSON list of source ids (outlets/doc ids)
    *_event_columns(),
    Index("ix_canonical_block", "country", "event_type", "event_date"),
)

event_sources = Table(
    "event_sources", metadata,
    Column("canonical_id", Integer, ForeignKey("canonical_events.id", ondelete="CASCADE"), nullable=False),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    UniqueConstraint("event_id", name="uq_event_sources_event"),
    Index("ix_event_sources_canonical", "canonical_id"),
)

corrections = Table(
    "corrections", metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(8), nullable=False),  # merge | split
    Column("event_key_a", String(64), nullable=False),
    Column("event_key_b", String(64), nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("kind", "event_key_a", "event_key_b", name="uq_corrections_pair"),
)
