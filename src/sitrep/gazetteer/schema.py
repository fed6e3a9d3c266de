"""The gazetteer's SQLite layout, shared by the builder, ``gazetteer add`` and the reader.

``places`` holds every resolvable entry (populated places, admin areas, supplement places);
``names`` maps a normalised name (:func:`sitrep.gazetteer.normalize.norm`) to place ids in one
B-tree; ``admin1``/``admin2``/``countries`` give the names and centroids used for context.
"""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = "1"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS places (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
  cc TEXT NOT NULL, a1 TEXT NOT NULL DEFAULT '', a2 TEXT NOT NULL DEFAULT '',
  fclass TEXT NOT NULL DEFAULT '', fcode TEXT NOT NULL DEFAULT '', pop INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS places_cc ON places (cc, name);
CREATE TABLE IF NOT EXISTS names (
  norm TEXT NOT NULL, id INTEGER NOT NULL, alt INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (norm, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS admin1 (
  key TEXT PRIMARY KEY, name TEXT NOT NULL, geonameid INTEGER, lat REAL, lon REAL, seat INTEGER
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS admin2 (
  key TEXT PRIMARY KEY, name TEXT NOT NULL, geonameid INTEGER, lat REAL, lon REAL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS countries (
  iso2 TEXT PRIMARY KEY, iso3 TEXT, isonum INTEGER, name TEXT NOT NULL, geonameid INTEGER,
  capital TEXT, pop INTEGER, lat REAL, lon REAL
) WITHOUT ROWID;
"""


def create(conn: sqlite3.Connection) -> None:
    """Create the tables (idempotent) and stamp the schema version."""
    conn.executescript(SCHEMA)
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
