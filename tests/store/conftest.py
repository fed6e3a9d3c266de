"""Store fixtures: every store test runs on SQLite, and on PostgreSQL when SITREP_TEST_POSTGRES is set."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.store import Store

PG_URL = os.environ.get("SITREP_TEST_POSTGRES", "")
ENGINES = ["sqlite", pytest.param("postgres", marks=[
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="set SITREP_TEST_POSTGRES=postgresql+psycopg://... (see .ci/postgres.sh)"),
])]


def _reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=ENGINES)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database URL on each engine."""
    if request.param == "postgres":
        _reset_postgres(PG_URL)
        return PG_URL
    return f"sqlite:///{tmp_path / 'store.db'}"


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store(db_url).open() as s:
        yield s
