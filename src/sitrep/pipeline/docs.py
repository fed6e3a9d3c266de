"""Run the extractor over a JSON Lines stream of documents (FORMAT.md's input format)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from sitrep.errors import InputError, MalformedLine
from sitrep.model import Article
from sitrep.pipeline.api import as_date


@dataclass
class StreamStats:
    documents: int = 0
    events: int = 0
    rejected: list[str] = field(default_factory=list)

    def summary(self) -> str:
        msg = f"{self.documents} documents, {self.events} events"
        if self.rejected:
            msg += f", {len(self.rejected)} rejected:\n  " + "\n  ".join(self.rejected[:20])
            if len(self.rejected) > 20:
                msg += f"\n  ... and {len(self.rejected) - 20} more"
        return msg


def parse_line(line: str, where: str) -> Article:
    """One document line -> Article; a MalformedLine error naming ``where`` otherwise."""
    try:
        doc = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedLine(f"{where}: not JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(doc, dict) or "text" not in doc:
        raise MalformedLine(f"{where}: expected an object with 'id' and 'text'")
    if not isinstance(doc["text"], str):
        raise MalformedLine(f"{where}: 'text' must be a string")
    try:
        published = as_date(doc.get("published"))
    except InputError as exc:
        raise MalformedLine(f"{where}: {exc}") from None
    return Article(
        id=str(doc.get("id", where)),
        text=doc["text"],
        title=doc.get("title"),
        url=doc.get("url"),
        published=published,
        country=doc.get("country") or None,
    )


def iter_documents(path: Path) -> Iterator[Article | MalformedLine]:
    """Documents of a .jsonl file, streamed; a bad line yields its error instead."""
    try:
        f = path.open(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    with f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                yield parse_line(line, f"{path}:{n}")
            except MalformedLine as exc:
                yield exc


def run_stream(
    docs: Iterator[Article | MalformedLine], extractor: Any, out: TextIO, progress: bool = False
) -> StreamStats:
    """Extract every document, writing ``{"id", "events"}`` lines in input order."""
    stats = StreamStats()
    for item in _progress(docs, progress):
        stats.documents += 1
        if isinstance(item, MalformedLine):
            stats.rejected.append(str(item))
            continue
        try:
            events = extractor.extract_article(item)
        except InputError as exc:
            stats.rejected.append(str(exc))
            events = []
        stats.events += len(events)
        out.write(json.dumps({"id": item.id, "events": [e.to_dict() for e in events]}, ensure_ascii=False) + "\n")
    return stats


def _progress(docs: Iterator[Any], enabled: bool) -> Iterator[Any]:
    if not enabled:
        yield from docs
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.completed} documents"), TimeElapsedColumn()) as bar:
        task = bar.add_task("extract")
        for d in docs:
            yield d
            bar.advance(task)
