"""URLs -> Articles: polite fetching (timeouts, robots.txt, a per-host delay) with httpx.

Tests pass an ``httpx.MockTransport``; nothing is fetched at import or construction time.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from urllib.parse import urlparse
from urllib.robotparser import RobotFileParser

import httpx

from sitrep.ingest.feeds import feed_items
from sitrep.ingest.html import article_from_html
from sitrep.ingest.readers import checked
from sitrep.model.records import Article, Rejection

USER_AGENT = "sitrep/0.1 (+https://github.com/sitrep; conflict-event research)"
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf")


class Fetcher:
    """Fetches pages politely: robots.txt obeyed, ``min_delay`` seconds between requests to one host."""

    def __init__(self, timeout: float = 15.0, min_delay: float = 1.0, user_agent: str = USER_AGENT,
                 respect_robots: bool = True, follow_feed_links: bool = True,
                 transport: httpx.BaseTransport | None = None,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic) -> None:
        self.timeout = timeout
        self.min_delay = min_delay
        self.user_agent = user_agent
        self.respect_robots = respect_robots
        self.follow_feed_links = follow_feed_links
        self.transport = transport
        self.sleep = sleep
        self.clock = clock
        self._client: httpx.Client | None = None
        self._robots: dict[str, RobotFileParser | None] = {}
        self._last: dict[str, float] = {}

    def open(self) -> Fetcher:
        self._client = httpx.Client(timeout=self.timeout, follow_redirects=True, transport=self.transport,
                                    headers={"User-Agent": self.user_agent})
        return self

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Fetcher:
        return self if self._client is not None else self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _wait(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            gap = self.clock() - last
            if gap < self.min_delay:
                self.sleep(self.min_delay - gap)
        self._last[host] = self.clock()

    def _get(self, url: str) -> httpx.Response:
        if self._client is None:
            self.open()
        assert self._client is not None
        self._wait(urlparse(url).netloc)
        return self._client.get(url)

    def allowed(self, url: str) -> bool:
        """What the site's robots.txt says about this URL (allowed when it has none or is unreachable)."""
        if not self.respect_robots:
            return True
        parts = urlparse(url)
        base = f"{parts.scheme}://{parts.netloc}"
        if base not in self._robots:
            parser: RobotFileParser | None = None
            try:
                resp = self._get(base + "/robots.txt")
                if resp.status_code == 200:
                    parser = RobotFileParser()
                    parser.parse(resp.text.splitlines())
            except httpx.HTTPError:
                parser = None
            self._robots[base] = parser
        rp = self._robots[base]
        return True if rp is None else rp.can_fetch(self.user_agent, url)

    def fetch(self, url: str, follow_feed_links: bool | None = None) -> Iterator[Article | Rejection]:
        """The article at a URL, or the entries of a feed at it; a Rejection says why not.

        Feed entries are fetched in full from their links (politely) when ``follow_feed_links``
        (default: the constructor's); an entry whose page cannot be fetched keeps its feed summary.
        """
        follow = self.follow_feed_links if follow_feed_links is None else follow_feed_links
        if not self.allowed(url):
            yield Rejection(id=url, reason="robots.txt disallows fetching this URL")
            return
        try:
            resp = self._get(url)
        except httpx.TimeoutException:
            yield Rejection(id=url, reason=f"timeout after {self.timeout:g} s")
            return
        except httpx.HTTPError as exc:
            yield Rejection(id=url, reason=f"fetch failed: {type(exc).__name__}: {exc}")
            return
        if resp.status_code >= 400:
            yield Rejection(id=url, reason=f"HTTP {resp.status_code}")
            return
        ctype = resp.headers.get("content-type", "").lower()
        if any(t in ctype for t in FEED_TYPES) or url.lower().endswith((".rss", ".atom", "/feed", ".xml")):
            for entry in feed_items(resp.content, url):
                yield self._full_entry(entry) if follow else entry
        else:
            yield checked(article_from_html(resp.text, url=str(resp.url)))


    def _full_entry(self, entry: Article | Rejection) -> Article | Rejection:
        """The page an entry links to, with the entry's metadata filling gaps; the entry itself on failure."""
        if isinstance(entry, Rejection) or not entry.url or not is_url(entry.url):
            return entry
        page = next(self.fetch(entry.url, follow_feed_links=False), None)
        if not isinstance(page, Article):
            return entry
        page.id = entry.id
        page.title = page.title or entry.title
        page.published = page.published or entry.published
        page.outlet = page.outlet or entry.outlet
        return page


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))
