"""Files -> Articles (or Rejections with a reason). One reader per format, chosen by extension."""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sitrep.ingest.check import check_text
from sitrep.ingest.html import article_from_html
from sitrep.model.records import Article, Rejection

Item = Article | Rejection
ID_KEYS = ("id", "unit_id", "doc_id")
TEXT_KEYS = ("text", "content", "article_content", "body", "article_text", "doc_text")
TITLE_KEYS = ("title", "article_title", "headline")
OUTLET_KEYS = ("outlet", "source", "publisher", "sitename")
DATE_KEYS = ("published", "date", "publication_date", "pubdate")
DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%d.%m.%Y", "%Y/%m/%d", "%d %B %Y", "%B %d, %Y")


def parse_date(value: Any) -> date | None:
    """A date from ISO text or a few common formats (US month/day first for slashes); None otherwise."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def _first(rec: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    return next((rec[k] for k in keys if rec.get(k) not in (None, "")), None)


def checked(article: Article, max_chars: int = 1_000_000) -> Item:
    """The article, or a Rejection when its text cannot be coded."""
    reason = check_text(article.text, max_chars)
    return article if reason is None else Rejection(id=article.id, reason=reason)


def article_from_record(rec: Mapping[str, Any], default_id: str) -> Article:
    """An Article from a documents-format mapping (id, text, published, country, title, url, outlet)."""
    text = _first(rec, TEXT_KEYS)
    if not isinstance(text, str):
        raise ValueError(f"no text field (expected one of {', '.join(TEXT_KEYS)})")
    outlet = _first(rec, OUTLET_KEYS)
    doc_id = _first(rec, ID_KEYS)
    return Article(id=str(doc_id) if doc_id not in (None, "") else default_id, text=text,
                   title=_first(rec, TITLE_KEYS), url=rec.get("url") or None,
                   outlet=str(outlet) if outlet is not None else None,
                   published=parse_date(_first(rec, DATE_KEYS)), country=rec.get("country") or None)


def _read_bytes_text(path: Path) -> str | Rejection:
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        return Rejection(id=str(path), reason="binary: contains NUL bytes")
    return data.decode("utf-8", errors="replace")


def read_txt(path: Path) -> Iterator[Item]:
    """A plain-text report: the file is the text; the first line is taken as a title when short."""
    text = _read_bytes_text(path)
    if isinstance(text, Rejection):
        yield text
        return
    first = text.strip().split("\n", 1)[0].strip()
    title = first if 0 < len(first) <= 200 and "\n" in text.strip() else None
    yield checked(Article(id=str(path), text=text, title=title))


def read_html(path: Path) -> Iterator[Item]:
    text = _read_bytes_text(path)
    if isinstance(text, Rejection):
        yield text
        return
    yield checked(article_from_html(text, id=str(path)))


def _record_item(rec: Any, default_id: str) -> Item:
    if not isinstance(rec, dict):
        return Rejection(id=default_id, reason=f"malformed: expected a JSON object, got {type(rec).__name__}")
    try:
        return checked(article_from_record(rec, default_id))
    except ValueError as exc:
        return Rejection(id=default_id, reason=f"malformed: {exc}")


def read_jsonl(path: Path) -> Iterator[Item]:
    """One document per line, streamed; a bad line becomes Rejection(id="PATH:LINENO")."""
    with path.open(encoding="utf-8", errors="replace") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Rejection(id=f"{path}:{lineno}", reason=f"malformed JSON line: {exc.msg}")
                continue
            item = _record_item(rec, f"{path}:{lineno}")
            if isinstance(item, Rejection) and item.reason.startswith("malformed"):
                item = Rejection(id=f"{path}:{lineno}", reason=item.reason)
            yield item


def read_json(path: Path) -> Iterator[Item]:
    """A document, a list of documents, or {"documents": [...]}."""
    try:
        data = json.loads(path.read_text(encoding="utf-8", errors="replace"))
    except json.JSONDecodeError as exc:
        yield Rejection(id=str(path), reason=f"malformed JSON: {exc.msg} at line {exc.lineno}")
        return
    if isinstance(data, dict) and isinstance(data.get("documents"), list):
        data = data["documents"]
    records = data if isinstance(data, list) else [data]
    for i, rec in enumerate(records):
        yield _record_item(rec, f"{path}:{i}" if isinstance(data, list) else str(path))


def read_csv(path: Path) -> Iterator[Item]:
    """A table with a text column (text, content, article_content, body) and optional metadata columns."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        for rowno, row in enumerate(csv.DictReader(fh), start=2):
            clean = {str(k).strip().lower(): v for k, v in row.items() if k}
            yield _record_item(clean, f"{path}:{rowno}")


def decode_body(raw: bytes, content_type: str = "") -> str:
    """Bytes of a page as text: the charset the HTTP header names, else UTF-8 (bad bytes replaced)."""
    m = re.search(r"charset=([\w.-]+)", content_type, re.IGNORECASE)
    charset = m.group(1) if m else "utf-8"
    try:
        return raw.decode(charset, errors="replace")
    except LookupError:
        return raw.decode("utf-8", errors="replace")


def read_warc(path: Path) -> Iterator[Item]:
    """HTML responses of a WARC file (gzipped or not), one Article per page."""
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = record.http_headers.get_header("Content-Type") or ""
            if "html" not in ctype.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            raw = record.content_stream().read()
            yield checked(article_from_html(decode_body(raw, ctype), url=url))


def read_feed(path: Path | str) -> Iterator[Item]:
    """Entries of an RSS or Atom feed (file path, URL or the feed text itself)."""
    from sitrep.ingest.feeds import feed_items

    source = path.read_bytes() if isinstance(path, Path) else path
    yield from feed_items(source, str(path))


READERS: dict[str, Callable[[Path], Iterator[Item]]] = {
    ".txt": read_txt, ".text": read_txt, ".html": read_html, ".htm": read_html, ".jsonl": read_jsonl,
    ".ndjson": read_jsonl, ".json": read_json, ".csv": read_csv, ".warc": read_warc, ".rss": read_feed,
    ".atom": read_feed, ".xml": read_feed,
}


def reader_for(path: Path) -> Callable[[Path], Iterator[Item]] | None:
    """The reader for a file name (``.warc.gz`` counts as WARC), or None."""
    name = path.name.lower()
    if name.endswith((".warc.gz", ".arc.gz")):
        return read_warc
    return READERS.get(path.suffix.lower())


def read_path(path: str | Path) -> Iterator[Item]:
    """Articles (or Rejections) from a file or, recursively and in name order, a folder."""
    path = Path(path)
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if reader_for(child) is not None:
                yield from read_path(child)
        return
    if not path.exists():
        yield Rejection(id=str(path), reason="missing: no such file or folder")
        return
    reader = reader_for(path)
    if reader is None:
        yield Rejection(id=str(path), reason=f"unsupported: no reader for '{path.suffix}' files "
                        f"(supported: {', '.join(sorted(READERS))}, .warc.gz)")
        return
    try:
        yield from reader(path)
    except (OSError, UnicodeError, ValueError) as exc:
        yield Rejection(id=str(path), reason=f"unreadable: {type(exc).__name__}: {exc}")
