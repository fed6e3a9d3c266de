"""Placeholder during development."""
from datetime import date
from sitrep.model.records import DateMention
def find_dates(text: str, published: date | None, start: int = 0, end: int | None = None) -> list[DateMention]:
    return []
