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
    if url.startswith("sqlite:"):
        path = url.split("sqlite:///", 1)[1] if url.startswith("sqlite:///") else ""
        if path and path != ":memory:":
            Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        return url
    if "://" not in url:
        Path(url).expanduser().parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{Path(url).expanduser()}"
    raise StoreError(f"database URL {url!r} is not supported: use sqlite:///PATH or postgresql://USER@HOST/DB")
