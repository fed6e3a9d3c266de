"""Versioned migrations: a ``schema_version`` table lists what has been applied.

Each migration is a function of a connection; a new schema change appends one (never edit an applied
one). ``migrate`` runs the missing ones in order, each in its own transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, inspect, select

from sitrep.store import schema

Migration = Callable[[Connection], None]


def _v1_initial(conn: Connection) -> None:
    """Create every table of the first schema."""
    tables = [t for name, t in schema.metadata.tables.items() if name != "schema_version"]
    schema.metadata.create_all(conn, tables=tables)


MIGRATIONS: tuple[tuple[int, Migration], ...] = ((1, _v1_initial),)
LATEST = MIGRATIONS[-1][0]


def current_version(engine: Engine) -> int:
    """The highest applied migration, 0 for an empty database."""
    if not inspect(engine).has_table("schema_version"):
        return 0
    with engine.connect() as conn:
        versions = conn.execute(select(schema.schema_version.c.version)).scalars().all()
    return max(versions, default=0)


def migrate(engine: Engine) -> list[int]:
    """Apply the missing migrations; returns the versions applied."""
    schema.schema_version.create(engine, checkfirst=True)
    done = current_version(engine)
    applied: list[int] = []
    for version, step in MIGRATIONS:
        if version <= done:
            continue
        with engine.begin() as conn:
            step(conn)
            conn.execute(schema.schema_version.insert().values(version=version, applied_at=datetime.now(UTC)))
        applied.append(version)
    return applied
