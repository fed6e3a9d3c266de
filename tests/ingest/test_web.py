"""Fetcher: robots.txt, per-host delay, timeouts and errors, with httpx.MockTransport (no network)."""

from __future__ import annotations

import httpx
from tests.ingest.test_readers import PAGE, RSS

from sitrep.ingest.web import Fetcher
from sitrep.model.records import Article, Rejection


def _handler(request: httpx.Request) -> httpx.Response:
    path = request.url.path
    if path == "/robots.txt":
        return httpx.Response(200, text="User-agent: *\nDisallow: /private/\n")
    if path == "/slow":
        raise httpx.ReadTimeout("slow", request=request)
    if path == "/gone":
        return httpx.Response(404)
    if path == "/feed":
        return httpx.Response(200, text=RSS, headers={"content-type": "application/rss+xml"})
    return httpx.Response(200, text=PAGE, headers={"content-type": "text/html"})


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def _fetcher(clock: FakeClock) -> Fetcher:
    return Fetcher(min_delay=2.0, transport=httpx.MockTransport(_handler), sleep=clock.sleep, clock=clock).open()


def test_fetch_page_feed_and_failures() -> None:
    clock = FakeClock()
    with _fetcher(clock) as f:
        (page,) = f.fetch("https://news.example.org/a/1")
        (entry,) = f.fetch("https://news.example.org/feed")
        (private,) = f.fetch("https://news.example.org/private/x")
        (slow,) = f.fetch("https://news.example.org/slow")
        (gone,) = f.fetch("https://news.example.org/gone")
    assert isinstance(page, Article) and page.outlet == "Example News"
    assert isinstance(entry, Article) and entry.outlet == "Example News"  # the linked page, fetched in full
    assert entry.id == "https://wire.example.org/1" and "third on the same road" in entry.text
    assert isinstance(private, Rejection) and "robots.txt" in private.reason
    assert isinstance(slow, Rejection) and slow.reason.startswith("timeout")
    assert isinstance(gone, Rejection) and gone.reason == "HTTP 404"


def test_polite_delay_between_requests_to_one_host() -> None:
    clock = FakeClock()
    with _fetcher(clock) as f:
        list(f.fetch("https://news.example.org/a/1"))
        list(f.fetch("https://news.example.org/a/2"))
    assert clock.slept and all(abs(s - 2.0) < 1e-9 for s in clock.slept)
    assert len(clock.slept) == 2  # robots.txt -> page 1 -> page 2


def test_feed_entries_without_following_links() -> None:
    clock = FakeClock()
    with _fetcher(clock) as f:
        (entry,) = f.fetch("https://news.example.org/feed", follow_feed_links=False)
    assert isinstance(entry, Article) and entry.outlet == "Example Wire"
    assert "third on the same road" not in entry.text  # only the feed's summary
