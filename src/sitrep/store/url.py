"""Database URLs: what users type -> what SQLAlchemy needs."""

from __future__ import annotations

from pathlib import Path

from sitrep.errors import StoreError


def normalize_url(url: str) -> str:
    """``postgresql://``/``postgres://`` -> ``postgresql+psycopg://``; a bare path -> ``sqlite:///path``.

    Creates the parent folder of a SQLite file. Raises StoreError for other schemes.
    """
    url = url.strip()
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    if url.startswith("postgresql+"):
        return url
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    if url.startswith("sqlite:"):
        return url
    if path is not None:
        return f"sqlite:///{path}"
    raise StoreError(f"database URL {url!r} is not supported: use sqlite:///PATH or postgresql://USER@HOST/DB")


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL or bare path; None for an in-memory database or another engine."""
    url = url.strip()
    if url.startswith("sqlite:"):
        path = url.split("sqlite:///", 1)[1] if url.startswith("sqlite:///") else ""
        return Path(path).expanduser() if path and path != ":memory:" else None
    return None if "://" in url else Path(url).expanduser()
