"""Readers: one per format, all yielding Articles or Rejections with reasons."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from sitrep.ingest import article_from_html, read_path
from sitrep.model.records import Article, Rejection

TEXT = ("Rebel fighters attacked an army checkpoint near the village of Kafr Nabl on Tuesday, and two "
        "soldiers were killed in the fighting, a military source said.")
PAGE = f"""<html><head><title>Checkpoint attacked | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-02-06T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Checkpoint attacked</h1><p>{TEXT}</p>
<p>The attack was the third on the same road this month, residents of the village said.</p></article>
<footer>Copyright Example News. Related: Ten things to do this weekend</footer></body></html>"""


def _items(path: Path) -> list[Article | Rejection]:
    return list(read_path(path))


def test_txt(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(f"Checkpoint attacked\n{TEXT}\n")
    (art,) = _items(tmp_path / "r.txt")
    assert isinstance(art, Article) and art.title == "Checkpoint attacked" and TEXT in art.text


def test_html_main_text_and_metadata() -> None:
    art = article_from_html(PAGE, url="https://news.example.org/a/1")
    assert TEXT[:40] in art.text
    assert "Ten things" not in art.text and "Home" not in art.text
    assert art.title and "Checkpoint attacked" in art.title
    assert art.published == date(2024, 2, 6)
    assert art.outlet == "Example News"


@pytest.mark.parametrize("html", ["<html><body><p>Unclosed <b>bold " + TEXT, "<<<>>>" + TEXT + "</div></span>",
                                  "<p>" + TEXT])
def test_broken_html_still_gives_text(html: str) -> None:
    art = article_from_html(html)
    assert "checkpoint" in art.text


def test_jsonl_streams_and_rejects_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    lines = [json.dumps({"id": "d1", "text": TEXT, "published": "2024-02-06", "country": "Syria",
                         "events": [{"event_type": "Battles"}]}), "{not json", json.dumps({"id": "d3"}),
             "", json.dumps(["a list"])]
    path.write_text("\n".join(lines) + "\n")
    items = _items(path)
    assert isinstance(items[0], Article) and items[0].published == date(2024, 2, 6) and items[0].country == "Syria"
    assert [i.id for i in items[1:]] == [f"{path}:2", f"{path}:3", f"{path}:5"]
    assert all(isinstance(i, Rejection) and i.reason.startswith("malformed") for i in items[1:])


def test_json_list_and_single(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"id": "x", "text": TEXT}))
    (tmp_path / "many.json").write_text(json.dumps({"documents": [{"id": "y", "text": TEXT},
                                                                  {"id": "z", "text": TEXT + " More."}]}))
    assert [a.id for a in _items(tmp_path / "one.json")] == ["x"]
    assert [a.id for a in _items(tmp_path / "many.json")] == ["y", "z"]


def test_csv_with_common_columns(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(f'unit_id,article_title,article_content,source,date\n7,Attack,"{TEXT}",example,2/6/2024\n')
    (art,) = _items(path)
    assert isinstance(art, Article)
    assert (art.id, art.title, art.outlet, art.published) == ("7", "Attack", "example", date(2024, 2, 6))


def test_warc(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, ctype, body in [("https://news.example.org/a/1", "text/html", PAGE),
                                 ("https://news.example.org/logo.png", "image/png", "PNG")]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode()),
                                                          http_headers=headers))
    (art,) = _items(path)
    assert isinstance(art, Article) and art.url == "https://news.example.org/a/1" and "checkpoint" in art.text


RSS = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
<item><title>Checkpoint attacked</title><link>https://wire.example.org/1</link>
<pubDate>Tue, 06 Feb 2024 08:00:00 GMT</pubDate><description>&lt;p&gt;{TEXT}&lt;/p&gt;</description></item>
</channel></rss>"""


def test_rss_feed(tmp_path: Path) -> None:
    (tmp_path / "feed.rss").write_text(RSS)
    (art,) = _items(tmp_path / "feed.rss")
    assert isinstance(art, Article)
    assert (art.outlet, art.url, art.published) == ("Example Wire", "https://wire.example.org/1", date(2024, 2, 6))
    assert "<p>" not in art.text and "checkpoint" in art.text


def test_folder_missing_and_unsupported(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(TEXT)
    (tmp_path / "a.txt").write_text(TEXT + " Again.")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00")
    assert [Path(a.id).name for a in _items(tmp_path)] == ["a.txt", "b.txt"]
    (missing,) = _items(tmp_path / "nope.txt")
    assert isinstance(missing, Rejection) and missing.reason.startswith("missing")
    (unsupported,) = _items(tmp_path / "image.png")
    assert isinstance(unsupported, Rejection) and unsupported.reason.startswith("unsupported")


def test_binary_txt_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02" * 100)
    (rej,) = _items(tmp_path / "b.txt")
    assert isinstance(rej, Rejection) and rej.reason.startswith("binary")


ATOM = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title>
<entry><title>Checkpoint attacked</title><link href="https://atom.example.org/1"/><id>urn:x:1</id>
<updated>2024-02-06T08:00:00Z</updated><content type="html">&lt;p&gt;{TEXT}&lt;/p&gt;</content></entry></feed>"""


def test_atom_feed_and_non_feed(tmp_path: Path) -> None:
    (tmp_path / "feed.atom").write_text(ATOM)
    (art,) = _items(tmp_path / "feed.atom")
    assert isinstance(art, Article) and (art.id, art.outlet, art.published) == ("urn:x:1", "Example Atom",
                                                                                 date(2024, 2, 6))
    (tmp_path / "other.xml").write_text("<config><a>1</a></config>")
    (rej,) = _items(tmp_path / "other.xml")
    assert isinstance(rej, Rejection) and rej.reason.startswith("not a feed")


@pytest.mark.parametrize("html", ["", "<html></html>", "\x00\x01"])
def test_empty_html_never_raises(html: str) -> None:
    art = article_from_html(html)
    assert isinstance(art.text, str)


@pytest.mark.parametrize(("raw", "ctype", "text"), [
    ("café".encode("latin-1"), "text/html; charset=ISO-8859-1", "café"),
    ("café".encode(), "text/html", "café"),
    (b"plain", "text/html; charset=no-such-codec", "plain"),
])
def test_decode_body(raw: bytes, ctype: str, text: str) -> None:
    from sitrep.ingest.readers import decode_body

    assert decode_body(raw, ctype) == text
