"""Load the long-article benchmark corpus (FA-KES Syria + Guardian Syria) from ../shared."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"


def long_articles(shared: Path = SHARED) -> list[str]:
    """The 1,053 long Syria articles the speed benchmark runs over."""
    csv.field_size_limit(sys.maxsize)
    texts: list[str] = []
    for rel, col in (
        ("corpus/fakes_syria/FA-KES-Dataset.csv", "article_content"),
        ("corpus/guardian_syria/Guardian_SDF_sample.csv", "text"),
    ):
        path = shared / rel
        if not path.exists():
            raise SystemExit(f"{path} not found: the speed benchmark needs ../shared next to the project")
        with path.open(encoding="utf-8", errors="replace", newline="") as f:
            texts.extend(row[col] for row in csv.DictReader(f) if row.get(col, "").strip())
    return texts
