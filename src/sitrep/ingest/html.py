"""HTML page -> Article: trafilatura's main text and metadata (title, date, outlet)."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from urllib.parse import urlparse

from sitrep.model.records import Article

_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"[ \t\r\f\v]+")


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _fallback_text(html: str) -> str:
    """Plain text when trafilatura finds no main text: tags dropped, scripts and styles removed."""
    html = re.sub(r"(?is)<(script|style|noscript)\b.*?</\1>", " ", html)
    html = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</h\d>|</li>", "\n", html)
    import html as htmllib

    text = htmllib.unescape(_TAGS.sub(" ", html))
    lines = (_SPACE.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _outlet(sitename: str | None, hostname: str | None, url: str | None) -> str | None:
    if sitename:
        return sitename
    host = hostname or (urlparse(url).hostname if url else None)
    return host.removeprefix("www.") if host else None


def article_from_html(html: str, url: str | None = None, id: str | None = None) -> Article:
    """The page's main text (page furniture dropped) with title, date and outlet; never raises on bad HTML."""
    import trafilatura

    text: str | None = None
    meta = None
    try:
        text = trafilatura.extract(html, url=url, include_comments=False, include_tables=False,
                                   favor_precision=True)
        meta = trafilatura.extract_metadata(html, default_url=url)
    except Exception:  # trafilatura/lxml raise many types on broken markup
        text = None
    if not text:
        text = _fallback_text(html)
    title = getattr(meta, "title", None) if meta else None
    if not title:
        m = re.search(r"(?is)<title[^>]*>(.*?)</title>", html)
        title = _SPACE.sub(" ", m.group(1)).strip() if m else None
    doc_id = id or url or "html:" + hashlib.sha1(html.encode("utf-8", "replace")).hexdigest()[:16]
    return Article(id=doc_id, text=text, title=title or None, url=url or getattr(meta, "url", None),
                   outlet=_outlet(getattr(meta, "sitename", None), getattr(meta, "hostname", None), url),
                   published=_parse_date(getattr(meta, "date", None)))
