"""Outside material -> Article: files, folders, corpora, HTML pages, WARC, feeds and URLs.

Nothing downstream knows the source format. Every dropped input becomes a Rejection with a reason.
"""

from __future__ import annotations

from sitrep.ingest.check import check_text
from sitrep.ingest.html import article_from_html
from sitrep.ingest.readers import read_path

__all__ = ["article_from_html", "check_text", "read_path"]
